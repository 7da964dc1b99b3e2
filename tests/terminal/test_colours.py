"""The colour depth the app asks Textual for, from what the environment says of the terminal."""

from __future__ import annotations

import pytest

from reader.terminal.colours import colour_system, widen_colours


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"TERM": "xterm", "XTERM_VERSION": "XTerm(379)"}, "256"),
        ({"TERM": "xterm", "MLTERM": "3.9.3"}, "256"),
        ({"TERM": "xterm", "KONSOLE_VERSION": "221203"}, "256"),
        ({"TERM": "xterm"}, None),  # nothing names the terminal: Rich's own choice
        ({"TERM": "xterm-256color", "XTERM_VERSION": "XTerm(379)"}, None),  # TERM says it
        ({"TERM": "xterm", "XTERM_VERSION": "XTerm(379)", "COLORTERM": "truecolor"}, None),
        ({"TERM": "xterm", "XTERM_VERSION": "XTerm(379)", "NO_COLOR": "1"}, None),
        ({"TERM": "dumb", "XTERM_VERSION": "XTerm(379)"}, None),
        ({"TERM": "xterm", "XTERM_VERSION": "1", "TEXTUAL_COLOR_SYSTEM": "standard"}, None),
    ],
)
def test_colour_system(environ: dict[str, str], expected: str | None) -> None:
    assert colour_system(environ) == expected


def test_a_users_own_choice_is_kept() -> None:
    environ = {"TERM": "xterm", "XTERM_VERSION": "XTerm(379)", "TEXTUAL_COLOR_SYSTEM": "auto"}
    widen_colours(environ)
    assert environ["TEXTUAL_COLOR_SYSTEM"] == "auto"
    environ = {"TERM": "xterm", "XTERM_VERSION": "XTerm(379)"}
    widen_colours(environ)
    assert environ["TEXTUAL_COLOR_SYSTEM"] == "256"
