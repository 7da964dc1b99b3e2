"""The state file: defaults, round trips, corruption, atomic writes, two instances."""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
from pathlib import Path

import pytest

from reader.loader import Article
from reader.state import STATE_FILE, Settings, State, article_key, state_dir

LOCK = f".{STATE_FILE}.lock"


def files_in(directory: Path) -> list[str]:
    """What a save leaves: the state file, never a temporary (the lock file stays, empty)."""
    return sorted(p.name for p in directory.iterdir() if p.name != LOCK)


def test_state_dir_follows_the_environment(isolated_state: Path) -> None:
    assert state_dir() == isolated_state
    assert State.load().path == isolated_state / STATE_FILE


def test_missing_file_gives_defaults_without_warning() -> None:
    state = State.load()
    assert state.settings == Settings()
    assert state.positions == {}
    assert state.warning is None


def test_settings_and_positions_round_trip() -> None:
    state = State.load()
    state.settings.terminal_mode = "kitty"
    state.settings.text_width = 72
    state.settings.pane_side = "right"
    state.settings.theme = "nord"
    state.set_position("sha256:abc", 1234)
    assert state.save() is None
    again = State.load()
    assert again.settings == Settings(
        terminal_mode="kitty", text_width=72, pane_side="right", theme="nord"
    )
    assert again.position("sha256:abc") == 1234
    assert again.position("sha256:other") is None


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"[1, 2]", b'{"settings": 3}', b"\xff\xfe\x00garbage", b"[" * 100_000],
)
def test_corrupt_file_warns_and_uses_defaults(content: bytes, isolated_state: Path) -> None:
    (isolated_state / STATE_FILE).write_bytes(content)
    state = State.load()
    assert state.settings == Settings()
    assert state.positions == {}
    assert state.warning is not None and str(isolated_state) in state.warning
    assert "\n" not in state.warning


def test_ill_typed_fields_fall_back_one_by_one(isolated_state: Path) -> None:
    raw = {
        "settings": {"harakat": "yes", "text_width": 60, "pane_side": "up", "theme": None},
        "positions": {"a": 5, "b": -1, "c": "x", "d": 2.5},
    }
    (isolated_state / STATE_FILE).write_text(json.dumps(raw))
    state = State.load()
    assert state.settings == Settings(text_width=60)
    assert state.positions == {"a": 5}
    assert state.warning is None


def test_unreadable_state_path_warns(isolated_state: Path) -> None:
    (isolated_state / STATE_FILE).mkdir()
    state = State.load()
    assert state.warning is not None and "cannot read" in state.warning
    assert state.save() is not None  # cannot replace a directory: a warning, not a crash


def test_failed_write_keeps_the_old_file_and_no_temporary(
    isolated_state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = State.load()
    state.set_position("k", 10)
    assert state.save() is None
    before = (isolated_state / STATE_FILE).read_bytes()

    def crash(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    state.set_position("k", 99)
    warning = state.save()
    assert warning is not None and "No space left" in warning
    assert (isolated_state / STATE_FILE).read_bytes() == before
    assert files_in(isolated_state) == [STATE_FILE]


def test_two_instances_keep_each_others_changes() -> None:
    first, second = State.load(), State.load()
    first.set_position("first", 1)
    first.settings.harakat = True
    assert first.save() is None
    second.set_position("second", 2)
    second.settings.pane_visible = False
    assert second.save() is None
    final = State.load()
    assert final.positions == {"first": 1, "second": 2}
    assert final.settings.harakat is True
    assert final.settings.pane_visible is False


def _hammer(directory: str, name: str, rounds: int) -> None:
    os.environ["READER_STATE_DIR"] = directory
    for number in range(rounds):
        state = State.load()
        state.set_position(f"{name}-{number % 20}", number)
        state.save()


def test_concurrent_writers_never_leave_a_broken_file(isolated_state: Path) -> None:
    context = multiprocessing.get_context("spawn")
    writers = [
        context.Process(target=_hammer, args=(str(isolated_state), name, 150))
        for name in ("a", "b")
    ]
    for writer in writers:
        writer.start()
    seen = 0
    while any(writer.is_alive() for writer in writers):
        path = isolated_state / STATE_FILE
        if path.exists():
            json.loads(path.read_text(encoding="utf-8"))  # always whole, never half-written
            seen += 1
    for writer in writers:
        writer.join()
        assert writer.exitcode == 0
    final = State.load()
    assert final.warning is None
    assert any(key.startswith("a-") for key in final.positions)
    assert any(key.startswith("b-") for key in final.positions)
    assert files_in(isolated_state) == [STATE_FILE]
    assert seen > 0


def test_article_key_follows_content_not_path() -> None:
    one = Article(source="a.txt", title="t", text="نص المقال")
    moved = Article(source="/elsewhere/b.txt", title="t", text="نص المقال")
    edited = Article(source="a.txt", title="t", text="نص آخر")
    assert article_key(one) == article_key(moved)
    assert article_key(one) != article_key(edited)


def test_positions_are_bounded() -> None:
    state = State.load()
    for number in range(600):
        state.set_position(f"k{number}", number)
    assert state.save() is None
    positions = State.load().positions
    assert len(positions) == 500
    assert "k599" in positions and "k0" not in positions


def test_article_key_of_a_long_text_follows_its_content() -> None:
    text = "فقرة من مقال طويل\n" * 50_000
    one = Article(source="a.txt", title="t", text=text)
    again = Article(source="b.txt", title="t", text=str(text))
    longer = Article(source="a.txt", title="t", text=text + "ذيل")
    retold = Article(source="a.txt", title="t", text="بداية أخرى" + text[10:])
    assert article_key(one) == article_key(again)
    assert len({article_key(one), article_key(longer), article_key(retold)}) == 3


def _save_distinct(directory: str, name: str, count: int) -> None:
    os.environ["READER_STATE_DIR"] = directory
    for number in range(count):
        state = State.load()
        state.set_position(f"{name}-{number}", number)
        assert state.save() is None


def test_concurrent_saves_lose_nothing(isolated_state: Path) -> None:
    """Three instances saving 200 distinct positions each: 600 saved, the newest 500 kept."""
    context = multiprocessing.get_context("spawn")
    writers = [
        context.Process(target=_save_distinct, args=(str(isolated_state), name, 200))
        for name in ("a", "b", "c")
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
        assert writer.exitcode == 0
    positions = State.load().positions
    assert len(positions) == 500
    for name in ("a", "b", "c"):  # each instance's newest saves survive
        assert f"{name}-199" in positions and positions[f"{name}-199"] == 199
    assert files_in(isolated_state) == [STATE_FILE]


def test_a_save_removes_temporaries_that_a_killed_save_left(isolated_state: Path) -> None:
    for stale in (".state.json.abc123.tmp", ".state.json.x.tmp"):
        (isolated_state / stale).write_text('{"half": ')
    (isolated_state / "notes.tmp").write_text("not ours")
    state = State.load()
    state.set_position("k", 1)
    assert state.save() is None
    assert files_in(isolated_state) == ["notes.tmp", STATE_FILE]


def test_a_fifo_as_state_file_is_not_read(isolated_state: Path) -> None:
    os.mkfifo(isolated_state / STATE_FILE)
    loaded: list[State] = []
    reader = threading.Thread(target=lambda: loaded.append(State.load()), daemon=True)
    reader.start()
    reader.join(10)
    assert not reader.is_alive(), "State.load blocked on a FIFO"
    (state,) = loaded
    assert state.settings == Settings() and state.positions == {}
    assert state.warning == (
        f"{isolated_state / STATE_FILE}: cannot read state file (is a named pipe (FIFO), not a "
        "regular file); using defaults"
    )


def test_a_state_directory_that_is_a_file_is_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the directory should be")
    monkeypatch.setenv("READER_STATE_DIR", str(blocker))
    state = State.load()
    assert state.warning is not None and "not a directory" in state.warning
    state.set_position("k", 1)
    warning = state.save()
    assert warning is not None and warning.startswith(f"{blocker / STATE_FILE}: cannot save state")
    assert "\n" not in warning


def test_a_lock_held_too_long_is_a_warning_not_a_hang(
    isolated_state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    import reader.state

    monkeypatch.setattr(reader.state, "_LOCK_WAIT", 0.2)
    holder = os.open(isolated_state / LOCK, os.O_RDWR | os.O_CREAT)
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        state = State.load()
        state.set_position("k", 1)
        assert "another reader has held the lock" in (state.save() or "")
    finally:
        os.close(holder)
    assert state.save() is None


def test_a_read_only_state_directory_is_a_warning_and_keeps_the_old_file(
    isolated_state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a user who may not write the directory (the tests run as root, so creating any file
    in it is refused as the kernel would refuse it): one line, and the saved file untouched."""
    state = State.load()
    state.set_position("k", 1)
    assert state.save() is None
    saved = (isolated_state / STATE_FILE).read_bytes()
    real_open = os.open

    def read_only(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if (
            flags & (os.O_CREAT | os.O_WRONLY | os.O_RDWR)
            and Path(str(path)).parent == isolated_state
        ):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    state.set_position("k", 2)
    warning = state.save()
    assert warning is not None and "cannot save state" in warning and "\n" not in warning
    assert (isolated_state / STATE_FILE).read_bytes() == saved
