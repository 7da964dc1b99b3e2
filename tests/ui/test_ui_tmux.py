"""End to end: the installed `reader` in a real terminal (tmux), read back with capture-pane.

tmux does no shaping and no reordering, so the screen must hold the engine's visual lines:
the title and an entity name exactly as `layout_paragraph` paints them. Quitting with `q`
must leave exit status 0.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.entities import extract_entities
from reader.text.layout import layout_paragraph

READER = Path(sys.executable).parent / "reader"
WIDTH, HEIGHT = 100, 30


SOCKET = f"reader-e2e-{uuid.uuid4().hex[:8]}"
"""A tmux server of the test's own: a running server's environment would name its terminal."""


def _tmux(*args: str) -> str:
    result = subprocess.run(
        ["tmux", "-L", SOCKET, "-f", "/dev/null", *args], capture_output=True, text=True, check=True
    )
    return result.stdout


@pytest.fixture
def session(tmp_path: Path) -> Iterator[str]:
    """A detached tmux session name, killed afterwards."""
    assert shutil.which("tmux"), "tmux is required for the end-to-end test (apt-get install tmux)"
    assert READER.exists(), f"console script not installed at {READER}"
    name = f"reader-e2e-{uuid.uuid4().hex[:8]}"
    yield name
    subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True, check=False)


def _wait_for(name: str, needles: list[str], timeout: float = 60.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", name)
        if all(needle in screen for needle in needles):
            return screen
        time.sleep(0.5)
    raise AssertionError(f"not on screen after {timeout}s: {needles}\n{screen}")


def test_reader_in_tmux_shows_shaped_title_and_entity(
    session: str, sample_path: Path, sample_text: str, tmp_path: Path
) -> None:
    exit_file = tmp_path / "exit"
    state = tmp_path / "state"
    command = (
        f"env READER_STATE_DIR={state} READER_DATA_DIR={tmp_path / 'data'} "
        f"TERM=xterm-256color {READER} {sample_path}; "
        f"echo EXIT=$? > {exit_file}; sleep 5"
    )
    _tmux("new-session", "-d", "-s", session, "-x", str(WIDTH), "-y", str(HEIGHT), command)
    title = sample_text.splitlines()[0]
    entities = [e for e in extract_entities(sample_text) if e.type in ("person", "place")]
    assert entities, "the extractor found no people or places in the sample"
    name = max(entities, key=lambda e: len(e.mentions)).name
    shaped_words = [layout_paragraph(word, 40)[0].text for word in title.split()[:3]]
    shaped_name = layout_paragraph(name, 40)[0].text
    screen = _wait_for(session, [*shaped_words, shaped_name, sample_path.name])
    assert title.split()[0] not in screen  # logical order would read backwards here
    _tmux("send-keys", "-t", session, "q")
    deadline = time.monotonic() + 20
    while not exit_file.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert exit_file.read_text().strip() == "EXIT=0"
    assert os.path.exists(state / "state.json")
