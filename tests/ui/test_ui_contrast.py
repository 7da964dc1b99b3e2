"""Every text the app draws reaches 4.5:1 contrast (WCAG AA) in every theme it offers.

The screen is read back as Textual would send it (the compositor's strips through the
app's own line filters), in several states: every entity coloured, one selected with the
pane focused, a search with matches, a type hidden; the article holds a span whose direction
an override forces, so its ⟦ ⟧ marks and the status line's notice are measured too. Each
segment of visible text is measured as sent (true colour) and as a 256-colour terminal shows
it (Rich's downgrade of both colours, which is what happens without COLORTERM=truecolor).
"""

from __future__ import annotations

from pathlib import Path

from rich.color import ColorSystem
from rich.segment import Segment

from reader.ui.app import ReaderApp
from reader.ui.palette import MINIMUM_CONTRAST, contrast

SIZE = (100, 30)
_DRAWING = frozenset(chr(c) for c in range(0x2500, 0x25A0))
"""Box drawing and block elements: borders and scrollbars, not text."""


def _pairs(app: ReaderApp, state: str) -> list[tuple[float, float, str, str]]:
    """(true colour ratio, 256-colour ratio, state, text) for each visible text segment."""
    found = []
    for strip in app.screen._compositor.render_strips():
        segments: list[Segment] = list(strip)
        for line_filter in app.get_line_filters():
            segments = line_filter.apply(segments, app.screen.styles.background)
        for segment in segments:
            text = segment.text.strip()
            style = segment.style
            if not text or set(text) <= _DRAWING or style is None:
                continue
            assert style.color is not None and style.bgcolor is not None, (state, text)
            fg, bg = (style.bgcolor, style.color) if style.reverse else (style.color, style.bgcolor)
            true = contrast(tuple(fg.get_truecolor()), tuple(bg.get_truecolor()))
            fg8 = fg.downgrade(ColorSystem.EIGHT_BIT).get_truecolor()
            bg8 = bg.downgrade(ColorSystem.EIGHT_BIT).get_truecolor()
            found.append((true, contrast(tuple(fg8), tuple(bg8)), state, text))
    return found


async def test_every_pair_reads_in_every_theme(
    sample_text: str, tmp_path: Path, fixed_extractor, wait
) -> None:
    title, rest = sample_text.split("\n", 1)
    article = tmp_path / "forced.txt"  # the sample with a forced span: its ⟦ ⟧ marks and the
    article.write_text(  # status line's word about it are measured too
        f"{title}\n\nالمبلغ \u202e0001\u202c دولار\n{rest}", encoding="utf-8"
    )
    app = ReaderApp([article])
    lowest: dict[str, tuple[float, float]] = {}
    failures = []
    async with app.run_test(size=SIZE) as pilot:
        await wait(app, pilot)
        themes = list(app.available_themes)
        assert len(themes) > 10
        texts = "".join(p[3] for p in _pairs(app, "start"))
        assert "⟦" in texts and "⟧" in texts
        for theme in themes:
            app.theme = theme
            await wait(app, pilot)
            pairs = []
            await pilot.press("a")  # every entity coloured by type
            await wait(app, pilot)
            pairs += _pairs(app, "colour all")
            await pilot.press("a", "tab", "j")  # pane focused, an entity selected
            await wait(app, pilot)
            pairs += _pairs(app, "selected")
            await pilot.press("tab", "slash", *"قره")
            await wait(app, pilot)
            pairs += _pairs(app, "search")
            await pilot.press("escape", "1")  # people hidden
            await wait(app, pilot)
            pairs += _pairs(app, "hidden type")
            await pilot.press("1")
            lowest[theme] = (min(p[0] for p in pairs), min(p[1] for p in pairs))
            failures += [(theme, *pair) for pair in pairs if min(pair[:2]) < MINIMUM_CONTRAST]
    print("\ntheme: lowest contrast, true colour / 256 colours")
    for theme, (true, eight) in lowest.items():
        print(f"  {theme:22} {true:5.2f} / {eight:5.2f}")
    assert not failures, failures[:10]
