"""Fixtures shared by every test: the sample article and an isolated state directory."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "karabakh-separatists-surrender.txt"


@pytest.fixture(autouse=True)
def isolated_state(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Keep every test away from the user's real settings and reading positions."""
    state_dir = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("READER_STATE_DIR", str(state_dir))
    return state_dir


@pytest.fixture
def sample_path() -> Path:
    """The bundled sample article."""
    return SAMPLE


@pytest.fixture
def sample_text() -> str:
    """The bundled sample article's text."""
    return SAMPLE.read_text(encoding="utf-8")
