"""Hostile files through the installed `reader` command: nothing reaches the terminal raw."""

from __future__ import annotations

import base64
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


# Every command, every way foreign text reaches it: nothing a terminal obeys comes back out.
PAYLOAD = "\x1b]0;PWNED\x07\x1b]52;c;ZXZpbA==\x07\x1b[2J\x9b31m\u202e"
PAINTED_STYLES = re.compile(rb"\x1b\[[0-9;]*m")  # render --color's own styling


@pytest.fixture(scope="module")
def hostile_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A hostile article under a hostile name, a hostile token file, hostile missing paths."""
    folder = tmp_path_factory.mktemp("every")
    article = folder / f"article{PAYLOAD}.txt"
    article.write_text(f"عنوان {PAYLOAD}\n\nزار بلينكن باكو {PAYLOAD} أمس.\n", encoding="utf-8")
    broken = folder / f"broken{PAYLOAD}.txt"
    broken.write_bytes(f"نص عربي {PAYLOAD} ".encode() + b"\xff" + " بقية النص\n".encode())
    binary = folder / f"binary{PAYLOAD}.txt"
    binary.write_bytes(b"\x00\x01binary\x00")
    tags = folder / f"tags{PAYLOAD}.tsv"
    tags.write_text(f"زار\tO\nبلينكن\tB-{PAYLOAD}\n\n", encoding="utf-8")
    bad_line = folder / "bad-line.tsv"
    bad_line.write_text(f"زار\t{PAYLOAD}\n", encoding="utf-8")
    empty_dir = folder / f"empty{PAYLOAD}"
    empty_dir.mkdir()
    return {
        "article": article,
        "broken": broken,
        "binary": binary,
        "tags": tags,
        "bad-line": bad_line,
        "missing": folder / f"missing{PAYLOAD}.txt",
        "empty-dir": empty_dir,
    }


EVERY_COMMAND = {
    "render": ["render", "{article}"],
    "render --color": ["render", "{article}", "--color"],
    "render a warning": ["render", "{broken}"],
    "render missing --debug": ["render", "{missing}", "--debug"],
    "extract json": ["extract", "{article}", "{missing}", "{empty-dir}", "{broken}"],
    "extract jsonl": ["extract", "{article}", "{missing}", "--format", "jsonl"],
    "extract tsv": ["extract", "{article}", "{broken}", "--format", "tsv"],
    "eval-ner": ["eval-ner", "{tags}"],
    "eval-ner --json": ["eval-ner", "{tags}", "--json"],
    "eval-ner bad line": ["eval-ner", "{bad-line}"],
    "eval-ner missing": ["eval-ner", "{missing}"],
    "app missing": ["{missing}"],
    "app empty directory": ["{empty-dir}"],
    "app not a terminal": ["{article}"],
    "render bad encoding": ["render", "{article}", "--encoding", PAYLOAD],
    "extract bad encoding": ["extract", "{article}", "--encoding", PAYLOAD],
    "eval-ner bad encoding": ["eval-ner", "{tags}", "--encoding", PAYLOAD],
    "app bad option": [f"--{PAYLOAD}"],
    "render bad width": ["render", "{article}", "--width", PAYLOAD],
    "render bad max-size": ["render", "{article}", "--max-size", PAYLOAD],
}


@pytest.mark.parametrize("case", EVERY_COMMAND)
def test_no_command_passes_on_a_control_character_from_its_input(
    case: str, hostile_inputs: dict[str, Path]
) -> None:
    names = {key: str(path) for key, path in hostile_inputs.items()}
    result = reader(*(arg.format_map(names) if "{" in arg else arg for arg in EVERY_COMMAND[case]))
    stdout = PAINTED_STYLES.sub(b"", result.stdout) if "--color" in case else result.stdout
    for stream, data in (("stdout", stdout), ("stderr", result.stderr)):
        found = FORBIDDEN.search(data)
        assert found is None, f"{stream} holds {found.group()!r}: {data[:300]!r}"
    assert result.stdout or result.stderr  # it said something
    assert b"Traceback" not in result.stderr or "--debug" in case


def test_the_app_on_a_terminal_shows_hostile_names_and_text_without_obeying_them(
    hostile_inputs: dict[str, Path], tmp_path: Path
) -> None:
    import fcntl
    import os
    import pty
    import select
    import struct
    import termios
    import time

    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 120, 0, 0))
    paths = [hostile_inputs["article"], hostile_inputs["broken"], hostile_inputs["binary"]]
    process = subprocess.Popen(
        [str(READER), *map(str, paths)],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env={**os.environ, "TERM": "xterm-256color", "READER_STATE_DIR": str(tmp_path)},
        close_fds=True,
    )
    os.close(secondary)
    output = bytearray()

    def read(seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if select.select([primary], [], [], 0.1)[0]:
                try:
                    output.extend(os.read(primary, 65536))
                except OSError:
                    return

    try:
        read(6)  # the library: hostile file names and an error message
        os.write(primary, b"\r")  # open the hostile article
        read(4)
        os.write(primary, b"y")  # copy its first paragraph: OSC 52 carries it base64-encoded
        read(1)
        os.write(primary, b"q")
        read(3)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(primary)
    copies = re.findall(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07", bytes(output))  # the app's own
    (copied,) = [base64.b64decode(payload).decode() for payload in copies]
    assert "␛]0;PWNED␇" in copied and not FORBIDDEN.search(copied.encode())
    # Textual's own OSC sequences end in BEL: the pointer shape (22) and the clipboard (52).
    shown = re.sub(rb"\x1b\](?:22;[a-z-]+|52;c;[A-Za-z0-9+/=]*)\x07", b"", bytes(output))
    for obeyed in (b"\x1b]0;PWNED", b"\x07", b"\x1b]52;c;ZXZpbA", b"\xc2\x9b", b"\xe2\x80\xae"):
        assert obeyed not in shown, obeyed
    assert "␛".encode() in shown  # shown as pictures (tests/ui check where)


def test_closed_standard_input_is_one_line() -> None:
    result = subprocess.run(
        ["sh", "-c", f"'{READER}' render - <&-"], capture_output=True, timeout=HANG_GUARD
    )
    assert result.returncode == 2
    assert result.stderr == b"reader: standard input: closed, nothing to read\n"
