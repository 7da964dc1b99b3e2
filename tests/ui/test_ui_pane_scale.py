"""The pane and the view with a 10 MB article's worth of entities: rows and spans are made
only for what is on screen, clicks find their mention by position, long names are cut."""

from __future__ import annotations

from pathlib import Path

import reader.entities
from reader.entities import Entity, Mention
from reader.ui.app import ReaderApp
from reader.ui.entity_index import EntityIndex
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.entity_list import EntityList, fitted
from reader.ui.widgets.shaped import ShapedText

SIZE = (100, 30)
WORDS = ("سالم", "بن", "علي", "الدوسري", "والرياض")


def many_entities(text: str, count: int) -> list[Entity]:
    """`count` people, each with two mentions of the word at its positions in `text`."""
    words = [(i, i + 4) for i in range(0, len(text) - 4, 5)]
    return [
        Entity(
            "person", f"شخص {n}", [Mention(s, e, text[s:e]) for s, e in words[2 * n : 2 * n + 2]]
        )
        for n in range(count)
    ]


def test_the_index_groups_sorts_and_finds_the_innermost_mention() -> None:
    text = "جنوب أفريقيا وأفريقيا"
    outer = Entity("place", "جنوب أفريقيا", [Mention(0, 12, text[0:12])])
    inner = Entity("place", "أفريقيا", [Mention(5, 12, text[5:12]), Mention(14, 21, text[14:21])])
    index = EntityIndex([outer, inner])
    assert index.groups["place"] == [1, 0]  # most mentioned first
    assert index.mention_at(2) == (0, 0)
    assert index.mention_at(6) == (1, 0)  # inside both: the one that starts later
    assert index.mention_at(13) is None
    assert index.mention_at(20) == (1, 1)
    assert index.spans["place"] == ([0, 5, 14], [12, 12, 21])


def test_a_long_name_is_cut_at_its_end_keeping_the_count() -> None:
    text, label_end = fitted("وزارة الدفاع الوطني في الجمهورية العربية المتحدة (12)", 24)
    assert text.endswith("… (12)") and text.startswith("وزارة")
    assert len(text) <= 24 and label_end == text.rindex(" (")
    assert fitted("بلينكن (3)", 24) == ("بلينكن (3)", 6)


async def test_twenty_thousand_entities_fill_the_pane_row_by_row(
    tmp_path: Path, monkeypatch
) -> None:
    text = "\n".join(" ".join(WORDS) for _ in range(10_000))
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    entities = many_entities(text, 20_000)
    painted: list[int] = []
    visual = EntityList.visual

    def counting(self: EntityList, value: int, width: int) -> ShapedText:
        painted.append(value)
        return visual(self, value, width)

    monkeypatch.setattr(EntityList, "visual", counting)
    monkeypatch.setattr(reader.entities, "extract_entities", lambda text, progress=None: entities)
    app = ReaderApp([path])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        assert len(screen.pane.rows()) == 20_001
        assert 0 < len(set(painted)) <= SIZE[1]
        screen.pane.option_list.focus()
        await pilot.press("G")  # the last entity, laid out only now
        assert screen.entity == screen.pane.index.groups["person"][-1]
        assert len(set(painted)) <= 2 * SIZE[1]
        # the view knows the 40,000 mentions without a span for each: a click finds one
        view = screen.view
        assert view._spans(0) == view._spans(0)[:1]  # the title's only
        mention = entities[3].mentions[1]
        view.scroll_to_offset(mention.start)
        await pilot.pause()
        row, column = view.point_of(mention.start)
        await pilot.click(ArticleView, offset=(column, row))
        await pilot.pause()
        assert screen.entity == 3 and screen.mention == 1
