"""Which terminal: the environments and replies of real terminals (recorded from each).

The environments are what each terminal sets for the programs it runs (read from their
sources and checked on Debian 12 builds); the replies are their answers to XTVERSION and
secondary device attributes.
"""

from __future__ import annotations

import os
import pty
import threading

import pytest

from reader.terminal import detect as detect_module
from reader.terminal import query
from reader.terminal.detect import Detection, detect, from_environment, from_replies
from reader.terminal.query import Replies, parse

ASK = query.ask  # the real one: the suite's fixture replaces the module attribute per test

ENVIRONMENTS = {
    "xterm": ({"TERM": "xterm-256color", "XTERM_VERSION": "XTerm(379)"}, "xterm", "379"),
    "kitty": ({"TERM": "xterm-kitty", "KITTY_WINDOW_ID": "1"}, "kitty", None),
    "mlterm": ({"TERM": "mlterm", "MLTERM": "3.9.0"}, "mlterm", "3.9.0"),
    "konsole": ({"TERM": "xterm-256color", "KONSOLE_VERSION": "221203"}, "konsole", "22.12.3"),
    "vte": ({"TERM": "xterm-256color", "VTE_VERSION": "7006"}, "vte", "0.70.6"),
    "alacritty": ({"TERM": "alacritty", "ALACRITTY_WINDOW_ID": "1"}, "alacritty", None),
    "urxvt": ({"TERM": "rxvt-unicode-256color", "COLORTERM": "rxvt-xpm"}, "urxvt", None),
    "foot": ({"TERM": "foot"}, "foot", None),
    "wezterm": (
        {"TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm", "TERM_PROGRAM_VERSION": "2024",
         "WEZTERM_PANE": "0"},
        "wezterm",
        "2024",
    ),
    "ghostty": ({"TERM": "xterm-ghostty", "TERM_PROGRAM": "ghostty"}, "ghostty", None),
    "apple": ({"TERM": "xterm-256color", "TERM_PROGRAM": "Apple_Terminal"}, "apple-terminal", None),
}  # fmt: skip


def never_asked() -> Replies | None:
    raise AssertionError("the environment was conclusive; the terminal must not be asked")


@pytest.mark.parametrize("case", ENVIRONMENTS)
def test_each_terminal_is_named_by_its_environment(case: str) -> None:
    environ, name, version = ENVIRONMENTS[case]
    found = detect(environ, never_asked)
    assert (found.terminal, found.version) == (name, version)
    assert found.confidence in ("certain", "likely")


REPLIES = {
    "kitty": (Replies("kitty(0.26.5)", "1;4000;26"), "kitty", "0.26.5"),
    "konsole": (Replies("Konsole 22.12.3", "1;115;0"), "konsole", "22.12.3"),
    "xterm": (Replies("XTerm(379)", "41;379;0"), "xterm", "379"),
    "vte 0.70": (Replies(None, "65;7006;1"), "vte", "0.70.6"),
    "vte 0.76": (Replies("VTE(7600)", "61;7600;1"), "vte", "7600"),
    "mlterm 3.9.0": (Replies(None, "24;279;0"), "mlterm", "279"),
    "kitty by DA2": (Replies(None, "1;4000;26"), "kitty", "0.0.26"),
    "wezterm": (Replies("WezTerm 20240203-110809", "1;277;0"), "wezterm", "20240203-110809"),
}  # fmt: skip


@pytest.mark.parametrize("case", REPLIES)
def test_each_terminal_is_named_by_its_answers(case: str) -> None:
    replies, name, version = REPLIES[case]
    found = from_replies(replies)
    assert found is not None and found.terminal == name
    if case != "kitty by DA2":
        assert found.version == version


def test_inherited_variables_that_disagree_are_settled_by_asking() -> None:
    """xterm started from GNOME Terminal inherits VTE_VERSION; its own answer decides."""
    environ = {"TERM": "xterm-256color", "VTE_VERSION": "7006", "XTERM_VERSION": "XTerm(379)"}
    found = detect(environ, lambda: Replies("XTerm(379)", "41;379;0"))
    assert (found.terminal, found.detected_by) == ("xterm", "XTVERSION reply")


def test_a_silent_terminal_with_conflicting_variables_is_a_guess() -> None:
    environ = {"TERM": "xterm-256color", "VTE_VERSION": "7006", "KONSOLE_VERSION": "221203"}
    found = detect(environ, lambda: None)
    assert found.terminal in ("vte", "konsole") and found.confidence == "guess"


def test_an_unknown_terminal_is_null() -> None:
    assert detect({"TERM": "xterm-256color"}, lambda: None) == Detection(
        None, None, "nothing (unknown terminal)", "guess"
    )


def test_inside_tmux_the_attached_client_is_asked_of_tmux(monkeypatch: pytest.MonkeyPatch) -> None:
    client = Detection("kitty", "0.26.5", "tmux (client_termtype)", "likely")
    monkeypatch.setattr(detect_module, "tmux_client", lambda environ: (client, True))
    found = detect({"TERM": "tmux-256color", "TMUX": "/tmp/x,1,0"}, never_asked)
    assert (found.terminal, found.multiplexer, found.passthrough) == ("kitty", "tmux", True)


def test_inside_tmux_a_stale_server_environment_is_only_a_guess(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(detect_module, "tmux_client", lambda environ: (None, False))
    environ = {"TERM": "screen", "TMUX": "/tmp/x,1,0", "KONSOLE_VERSION": "221203"}
    found = detect(environ, never_asked)
    assert (found.terminal, found.confidence) == ("konsole", "guess")
    assert "may be stale" in found.detected_by


def test_a_certain_environment_still_gets_a_version_when_always_asked() -> None:
    found = detect({"TERM": "xterm-kitty"}, lambda: Replies("kitty(0.26.5)"), always_ask=True)
    assert (found.terminal, found.version) == ("kitty", "0.26.5")


def test_every_family_has_one_name_for_environment_and_answers() -> None:
    from reader.terminal.families import FAMILIES

    named = {d.terminal for d in (from_environment(e)[0] for e, _n, _v in ENVIRONMENTS.values())}
    assert named <= set(FAMILIES)


def test_replies_are_parsed_from_one_stream() -> None:
    stream = "\x1bP>|kitty(0.26.5)\x1b\\\x1b[>1;4000;26c\x1b[?62;c"
    assert parse(stream) == (Replies("kitty(0.26.5)", "1;4000;26"), True)
    assert parse("\x1b[>65;7006;1c") == (Replies(None, "65;7006;1"), False)


def test_the_terminal_is_asked_through_its_tty_and_the_answer_read() -> None:
    master, slave = pty.openpty()
    asked = bytearray()

    def terminal() -> None:
        asked.extend(os.read(master, 100))
        os.write(master, b"\x1bP>|XTerm(379)\x1b\\\x1b[>41;379;0c\x1b[?64;1c")

    thread = threading.Thread(target=terminal)
    thread.start()
    try:
        replies = ASK(slave, timeout=5)
    finally:
        thread.join()
        os.close(master)
        os.close(slave)
    assert asked.decode() == query.QUERIES
    assert replies == Replies("XTerm(379)", "41;379;0")


def test_a_silent_terminal_gives_no_answer() -> None:
    master, slave = pty.openpty()
    try:
        assert ASK(slave, timeout=0.05) is None
    finally:
        os.close(master)
        os.close(slave)
