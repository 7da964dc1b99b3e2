"""The mode in use, the switches sent for it, and the memory of terminals that stay silent."""

from __future__ import annotations

import json

import pytest

from reader.state import State, state_dir
from reader.terminal import current, query
from reader.terminal.choice import choose
from reader.terminal.detect import Detection
from reader.terminal.families import BDSM_EXPLICIT, BDSM_IMPLICIT

VTE = Detection("vte", "0.70.6", "environment (VTE_VERSION)", "likely")
KONSOLE = Detection("konsole", "22.12.3", "environment (KONSOLE_VERSION)", "likely")
MLTERM = Detection("mlterm", "3.9.0", "TERM=mlterm", "certain")
KITTY = Detection("kitty", None, "TERM=xterm-kitty", "certain")


def test_detection_picks_the_family_mode_and_says_nothing() -> None:
    choice = choose(KITTY, None, None)
    assert (choice.mode.name, choice.source, choice.status()) == ("kitty", "detected", "")


def test_a_saved_mode_that_differs_from_detection_is_visible() -> None:
    choice = choose(KITTY, "cells", None)
    assert choice.status() == "cells mode (saved; detected: kitty)"


def test_a_command_line_mode_is_visible_even_when_it_is_the_detected_one() -> None:
    assert choose(KITTY, None, "kitty").status() == "kitty mode (this run only; detected: kitty)"
    assert choose(KITTY, "logical", "auto").source == "saved"


@pytest.mark.parametrize(
    ("detection", "off", "on"),
    [
        (VTE, BDSM_EXPLICIT, BDSM_IMPLICIT),
        (KONSOLE, "\x1b]50;BidiRenderingEnabled=false\x07",
         "\x1b]50;BidiRenderingEnabled=true\x07"),
        (MLTERM, "\x1b]5379;use_ctl=false\x07", "\x1b]5379;use_ctl=true\x07"),
        (KITTY, "", ""),
    ],
)  # fmt: skip
def test_terminals_that_reorder_are_switched_off_and_back_on(
    detection: Detection, off: str, on: str
) -> None:
    choice = choose(detection, None, None)
    assert (choice.enter(), choice.leave()) == (off, on)
    logical = choose(detection, "logical", None)
    assert (logical.enter(), logical.leave()) == ("", "")  # the terminal keeps its bidi


def test_osc_50_goes_to_konsole_only() -> None:
    for detection in (VTE, MLTERM, KITTY, Detection(None, None, "nothing", "guess")):
        assert "]50;" not in choose(detection, None, None).enter()


def test_konsole_gets_back_what_its_profile_says(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "konsolerc").write_text("[Desktop Entry]\nDefaultProfile=Mine.profile\n")
    (tmp_path / "data" / "konsole").mkdir(parents=True)
    (tmp_path / "data" / "konsole" / "Mine.profile").write_text(
        "[General]\nName=Mine\n\n[Appearance]\nBidiRenderingEnabled=false\n"
    )
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert choose(KONSOLE, None, None).leave() == "\x1b]50;BidiRenderingEnabled=false\x07"


def test_switches_pass_through_tmux_wrapped() -> None:
    inside = Detection("vte", None, "tmux (client_termname)", "likely", "tmux", True)
    assert choose(inside, None, None).enter() == "\x1bPtmux;\x1b\x1b[8l\x1b\\"


def test_tmux_that_will_not_pass_them_on_gets_one_sentence() -> None:
    inside = Detection("konsole", None, "tmux (client_termtype)", "likely", "tmux", False)
    notice = choose(inside, None, None).notice()
    assert notice is not None and "allow-passthrough on" in notice and "\n" not in notice
    assert choose(KONSOLE, None, None).notice() is None


def test_lasting_output_is_logical_where_the_switch_redraws_the_screen() -> None:
    assert choose(KONSOLE, None, None).for_lasting_output().mode.name == "logical"
    assert choose(MLTERM, None, None).for_lasting_output().mode.name == "logical"
    assert choose(VTE, None, None).for_lasting_output().mode.name == "cells"
    assert choose(KONSOLE, "cells", None).for_lasting_output().mode.name == "cells"


def test_a_terminal_that_does_not_answer_is_not_asked_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = []
    monkeypatch.setattr(query, "ask", lambda fd, timeout=0.05: asked.append(fd))
    monkeypatch.setattr(current, "TTY", "/dev/null")  # opens anywhere; `ask` is the fake
    environ = {"TERM": "xterm-256color"}
    assert current.detect_terminal(environ).terminal is None
    assert current.detect_terminal(environ).terminal is None
    assert len(asked) == 1
    assert json.loads((state_dir() / current.SILENT_FILE).read_text())
    other = {"TERM": "xterm-256color", "TERM_PROGRAM": "something"}
    current.detect_terminal(other)
    assert len(asked) == 2  # another environment is asked


def test_the_old_terminal_bidi_setting_becomes_the_logical_mode_once() -> None:
    path = state_dir() / "state.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"version": 1, "settings": {"terminal_bidi": True}}))
    state = State.load()
    assert state.settings.terminal_mode == "logical"
    assert state.migrated and "terminal_bidi" in state.migrated
    assert state.save() is None
    again = State.load()
    assert again.settings.terminal_mode == "logical" and again.migrated is None
    assert "terminal_bidi" not in path.read_text()
