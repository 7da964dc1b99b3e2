"""`reader render`: ordinary text pinned byte for byte (the sample article and the UDHR), and
huge paragraphs streamed a segment at a time.

The expected files in tests/data/render/ were written by the code before huge paragraphs were
cut into segments (commit ef8487c), so these tests show that streaming the output and
segmenting huge paragraphs changed nothing for real text.  When a change to the output is
meant, rewrite them with `python tests/test_render_output.py` and say why in the commit.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import reader.entities
import reader.text.layout
from reader.cli import main
from reader.entities import Entity, Mention
from reader.text.layout import layout_paragraph, layout_text
from reader.text.segments import HUGE, SEGMENT, segments

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "data" / "render"
SAMPLE = "seeds/karabakh-separatists-surrender.txt"
UDHR = "tests/data/udhr_arb.txt"
CASES = {
    "sample-80.txt": [SAMPLE, "--width", "80"],
    "sample-70-color.txt": [SAMPLE, "--width", "70", "--color"],
    "udhr-80.txt": [UDHR, "--width", "80"],
    "udhr-37-harakat.txt": [UDHR, "--width", "37", "--harakat"],
    "udhr-60-ltr.txt": [UDHR, "--width", "60", "--direction", "ltr"],
}
NAMES = {"person": "بلينكن", "place": "قره باخ", "organization": "الأمم المتحدة", "number": "32"}
"""`--color` is pinned with these exact-text entities, so a better tagger changes nothing here."""
COLOUR_VARIABLES = ("NO_COLOR", "FORCE_COLOR", "COLORTERM", "TTY_COMPATIBLE", "TTY_INTERACTIVE")
"""Environment variables that would make Rich leave the colours out or change them."""


def fixed_entities(text: str, progress: Callable[[float], None] | None = None) -> list[Entity]:
    """Every exact occurrence of NAMES, as mentions of one entity per type."""
    return [
        Entity(kind, name, [Mention(m.start(), m.end(), name) for m in re.finditer(name, text)])  # type: ignore[arg-type]
        for kind, name in NAMES.items()
        if name in text
    ]


def render(arguments: list[str]) -> str:
    """The standard output of `reader render` for these arguments, run from the checkout."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["render", *[str(ROOT / a) if a in (SAMPLE, UDHR) else a for a in arguments]])
    assert status == 0
    return out.getvalue()


@pytest.fixture(autouse=True)
def fixed_colours(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixed extractor, and a colour terminal whatever the environment says."""
    monkeypatch.setattr(reader.entities, "extract_entities", fixed_entities)
    monkeypatch.setenv("TERM", "xterm-256color")
    for variable in COLOUR_VARIABLES:
        monkeypatch.delenv(variable, raising=False)


@pytest.mark.parametrize("name", sorted(CASES))
def test_render_of_ordinary_text_is_unchanged(name: str) -> None:
    expected = (EXPECTED / name).read_text(encoding="utf-8")
    assert render(CASES[name]) == expected


def huge_paragraph(path: Path) -> str:
    """The sample's words as one paragraph of three times HUGE characters, written to path."""
    unit = " ".join((ROOT / SAMPLE).read_text(encoding="utf-8").split()) + " "
    text = (unit * (3 * HUGE // len(unit) + 1))[: 3 * HUGE]
    path.write_text(text, encoding="utf-8")
    return text


def test_a_huge_paragraph_is_laid_out_and_written_a_segment_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = huge_paragraph(tmp_path / "huge.txt")
    laid_out: list[int] = []

    def counting(paragraph: str, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        laid_out.append(len(paragraph))
        return layout_text(paragraph, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reader.text.layout, "layout_text", counting)  # plain text: no cells
    output = render([str(tmp_path / "huge.txt"), "--width", "60"])
    assert max(laid_out) <= 2 * SEGMENT and sum(laid_out) == len(text)
    expected = [
        " " * (60 - line.width) + line.text
        for start, end, direction in segments(text)
        for line in layout_paragraph(text[start:end], 60, direction=direction, offset=start)
    ]
    assert output.splitlines() == expected


def test_colour_reaches_mentions_in_every_segment(tmp_path: Path) -> None:
    text = huge_paragraph(tmp_path / "huge.txt")
    output = render([str(tmp_path / "huge.txt"), "--width", "60", "--color"])
    mentions = text.count(NAMES["place"])
    painted = output.count("\x1b[1;32m")  # one per cell of a place (bold green)
    assert 6 * mentions <= painted <= 7 * mentions  # its space hangs at a line end


if __name__ == "__main__":  # rewrite the expected files with the code on PYTHONPATH
    reader.entities.extract_entities = fixed_entities  # type: ignore[assignment]
    os.environ["TERM"] = "xterm-256color"
    for variable in COLOUR_VARIABLES:
        os.environ.pop(variable, None)
    for name, arguments in CASES.items():
        (EXPECTED / name).write_text(render(arguments), encoding="utf-8")
    sys.exit(0)
