"""Hostile files through the installed `reader` command: nothing reaches the terminal raw."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

READER = Path(sys.executable).parent / "reader"
HANG_GUARD = 120  # seconds; a safety net against hangs, not a speed target
HOSTILE_PARAGRAPHS = (
    "عنوان المقال\x1b[2J\x1b[H",
    "نص \x1b]52;c;ZXZpbA==\x07 بعده \x1b[10;10H\x1b[31mأحمر\x1b[0m",
    "C1: \x9b2J \x85 \x90q\x9c \x8d",
    "Trojan: \u202eاحذف\u202c \u202dabc\u202c \u2066isolated\u2069 \u2067عزل\u2069 \u200f\u200e",
    "ب" + "\u064e" * 5000 + " حركات كثيرة",
    "ع" * 1_000_000,
    "NUL-free C0: \x01\x02\x08\x0b\x0c\x7f end",
)
# Bytes a terminal acts on: ESC, C1 controls in UTF-8, bidi overrides and isolates.
FORBIDDEN = re.compile(
    rb"\x1b|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]|[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]"
)


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "hostile.txt"
    path.write_text("\n\n".join(HOSTILE_PARAGRAPHS), encoding="utf-8")
    return path


def reader(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(READER), *args], capture_output=True, timeout=HANG_GUARD, check=False
    )


def test_the_installed_command_exists() -> None:
    assert READER.is_file()


@pytest.mark.parametrize("harakat", [[], ["--harakat"]])
def test_render_writes_no_escape_or_control_bytes(hostile_file: Path, harakat: list[str]) -> None:
    result = reader("render", str(hostile_file), "--width", "60", *harakat)
    assert result.returncode == 0, result.stderr
    assert FORBIDDEN.search(result.stdout) is None
    lines = result.stdout.decode().split("\n")
    assert len(lines) > 1_000_000 // 60  # the long line was wrapped, not dropped
    assert any("␛" in line for line in lines)  # escapes shown as visible placeholders


def test_render_color_emits_only_its_own_styles(hostile_file: Path) -> None:
    result = reader("render", str(hostile_file), "--width", "60", "--color")
    assert result.returncode == 0, result.stderr
    without_styles = re.sub(rb"\x1b\[[0-9;]*m", b"", result.stdout)
    assert FORBIDDEN.search(without_styles) is None


@pytest.mark.parametrize("fmt", ["json", "tsv"])
def test_extract_writes_no_escape_or_control_bytes(hostile_file: Path, fmt: str) -> None:
    result = reader("extract", str(hostile_file), "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert FORBIDDEN.search(result.stdout) is None
    if fmt == "json":
        assert json.loads(result.stdout)["source"] == str(hostile_file)


def test_errors_do_not_echo_hostile_file_names(tmp_path: Path) -> None:
    name = tmp_path / "evil\x1b[2J\u202ename.txt"
    result = reader("render", str(name))
    assert result.returncode == 2
    assert result.stderr.count(b"\n") == 1
    assert FORBIDDEN.search(result.stderr) is None
