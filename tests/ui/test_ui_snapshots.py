"""SVG snapshots of the article screen (pytest-textual-snapshot).

Extraction uses the fixed entity list and every worker is finished before the picture is
taken; the search input's cursor does not blink, so the pictures are deterministic.
"""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from reader.ui.app import ReaderApp


async def _settle(pilot: Pilot) -> None:
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


async def _select_entity(pilot: Pilot) -> None:
    await _settle(pilot)
    await pilot.press("tab", "down", "down", "n")
    await _settle(pilot)


async def _search(pilot: Pilot) -> None:
    await _settle(pilot)
    await pilot.press("slash", *"قرة")
    await _settle(pilot)


def test_main_screen_100x30(snap_compare, sample_app: ReaderApp) -> None:
    assert snap_compare(sample_app, terminal_size=(100, 30), run_before=_settle)


def test_main_screen_60x20(snap_compare, sample_app: ReaderApp) -> None:
    assert snap_compare(sample_app, terminal_size=(60, 20), run_before=_settle)


def test_entity_selected_100x30(snap_compare, sample_app: ReaderApp) -> None:
    assert snap_compare(sample_app, terminal_size=(100, 30), run_before=_select_entity)


def test_search_active_100x30(snap_compare, sample_app: ReaderApp) -> None:
    assert snap_compare(sample_app, terminal_size=(100, 30), run_before=_search)
