"""The command line: render/extract/eval-ner output, encodings, errors, the app launch."""

from __future__ import annotations

import codecs
import io
import json
import sys
import types
from pathlib import Path

import pytest

from reader import __version__
from reader.cli import main
from reader.loader import Article
from reader.state import State


def iso_safe(text: str) -> str:
    return text.replace("“", '"').replace("”", '"')


ENCODED = {
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-32": lambda t: t.encode("utf-32"),
    "windows-1256": lambda t: t.encode("cp1256"),
    "iso-8859-6": lambda t: iso_safe(t).encode("iso-8859-6"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def twins(tmp_path: Path, sample_text: str) -> dict[str, tuple[Path, Path]]:
    """Each encoding's file with the UTF-8 file of exactly the same text."""
    pairs = {}
    for name, encode in ENCODED.items():
        text = iso_safe(sample_text) if name == "iso-8859-6" else sample_text
        original = tmp_path / f"{name}-utf8.txt"
        original.write_text(text, encoding="utf-8")
        encoded = tmp_path / f"{name}.txt"
        encoded.write_bytes(encode(text))
        pairs[name] = (encoded, original)
    return pairs


@pytest.mark.parametrize("name", ENCODED)
def test_render_is_the_same_in_every_encoding(
    name: str, twins: dict[str, tuple[Path, Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    encoded, original = twins[name]
    status, expected, _ = run(capsys, "render", str(original), "--width", "50")
    assert status == 0
    assert run(capsys, "render", str(encoded), "--width", "50") == (0, expected, "")


@pytest.mark.parametrize("name", ENCODED)
def test_extract_is_the_same_in_every_encoding(
    name: str, twins: dict[str, tuple[Path, Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    encoded, original = twins[name]
    status, expected, _ = run(capsys, "extract", str(original))
    assert status == 0
    status, out, err = run(capsys, "extract", str(encoded))
    assert (status, err) == (0, "")
    assert json.loads(out)["entities"] == json.loads(expected)["entities"]


def test_render_pads_rtl_lines_to_the_width(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "render", str(sample_path), "--width", "40")
    lines = out.split("\n")[:-1]
    assert status == 0 and len(lines) > 30
    arabic = [line for line in lines if line.strip() and not line.isascii()]
    assert all(len(line) >= 40 for line in arabic)  # harakat could only make it longer
    assert "Spread the love" in lines
    assert "\x1b" not in out


def test_render_defaults_to_80_columns_off_a_terminal(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "render", str(sample_path))
    assert max(len(line) for line in out.split("\n")) == 80


def test_render_from_standard_input(
    sample_text: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(sample_text.encode("cp1256"))))
    status, out, _ = run(capsys, "render", "-", "--width", "60")
    assert status == 0
    assert out.split("\n")[0].endswith("ﻮﻴﻟﺎﺼﻔﻧﺇ")  # the title's first word, shaped, at the right


def test_render_color_only_adds_styles(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "render", str(sample_path), "--width", "60", "--color")
    assert status == 0 and "\x1b[" in out
    _, plain, _ = run(capsys, "render", str(sample_path), "--width", "60")
    import re

    assert re.sub(r"\x1b\[[0-9;]*m", "", out) == plain


def test_extract_json_shape_and_offsets(
    sample_path: Path, sample_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "extract", str(sample_path))
    result = json.loads(out)
    assert status == 0 and set(result) == {"source", "entities"}
    assert result["source"] == str(sample_path)
    assert {e["type"] for e in result["entities"]} <= {"person", "place", "organization", "number"}
    for entity in result["entities"]:
        assert set(entity) == {"type", "name", "value", "mentions"}
        for mention in entity["mentions"]:
            assert sample_text[mention["start"] : mention["end"]] == mention["text"]
    assert "أذربيجان" in {e["name"] for e in result["entities"]}


def test_extract_several_files_json_jsonl_tsv(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("زار أنتوني بلينكن باكو أمس.\n", encoding="utf-8")
    _, out, _ = run(capsys, "extract", str(sample_path), str(other))
    array = json.loads(out)
    assert [item["source"] for item in array] == [str(sample_path), str(other)]
    _, out, _ = run(capsys, "extract", str(sample_path), str(other), "--format", "jsonl")
    assert [json.loads(line) for line in out.splitlines()] == array
    _, out, _ = run(capsys, "extract", str(sample_path), str(other), "--format", "tsv")
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows[0] == ["source", "type", "name", "value", "start", "end", "text"]
    mentions = sum(len(e["mentions"]) for item in array for e in item["entities"])
    assert len(rows) == 1 + mentions
    assert all(len(row) == 7 for row in rows)


def test_extract_escapes_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text("عنوان\n\u202eزار بلينكن باكو\x9b2J 32 شخصاً\x1b[2J\n", encoding="utf-8")
    for fmt in ("json", "jsonl", "tsv"):
        status, out, _ = run(capsys, "extract", str(path), "--format", fmt)
        assert status == 0
        assert not any(c in out for c in "\x1b\x9b\u202e")


def test_eval_ner_prints_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gold.tsv"
    path.write_text("زار\tO\nأنتوني\tB-PERS\nبلينكن\tI-PERS\nباكو\tB-LOC\n\n", encoding="utf-8")
    status, out, _ = run(capsys, "eval-ner", str(path), "--json")
    scores = json.loads(out)
    assert status == 0
    assert {"PERS", "LOC", "ORG", "MISC", "overall"} <= set(scores)
    assert set(scores["overall"]) == {"precision", "recall", "f1"}
    status, table, _ = run(capsys, "eval-ner", str(path))
    assert status == 0 and "PERS" in table and "{" not in table


def bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    empty_dir = tmp_path / "nothing-here"
    empty_dir.mkdir()
    (empty_dir / "photo.jpg").write_bytes(b"\xff\xd8")
    cases = {
        "missing": (tmp_path / "missing.txt", "no such file or directory"),
        "directory": (empty_dir, "no articles in this directory"),
        "binary": (tmp_path / "binary.txt", "not a text file"),
        "empty": (tmp_path / "empty.txt", "empty file"),
        "blank": (tmp_path / "blank.txt", "empty file"),
    }
    cases["binary"][0].write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)))
    cases["empty"][0].write_bytes(b"")
    cases["blank"][0].write_bytes(b"  \r\n\t\n")
    return cases


@pytest.mark.parametrize("command", [[], ["render"], ["extract"]])
@pytest.mark.parametrize("case", ["missing", "directory", "binary", "empty", "blank"])
def test_bad_input_is_one_line_and_exit_2(
    command: list[str], case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, problem = bad_inputs(tmp_path)[case]
    if command == ["render"] and case == "directory":
        problem = "is a directory"
    status, out, err = run(capsys, *command, str(path))
    assert status == 2
    assert err == f"reader: {path}: {problem}\n" or (
        err.startswith(f"reader: {path}: {problem}") and err.count("\n") == 1
    )
    assert "Traceback" not in err and out in ("", "source\ttype\tname\tvalue\tstart\tend\ttext\n")


def test_invalid_bytes_for_the_given_encoding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("نص عربي".encode("cp1256"))
    status, _, err = run(capsys, "render", str(path), "--encoding", "utf-8")
    assert status == 2
    assert err.startswith(f"reader: {path}: not valid utf-8") and err.count("\n") == 1


def test_permission_denied(tmp_path: Path, deny, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("نص")
    deny("open", path)
    assert run(capsys, "render", str(path)) == (2, "", f"reader: {path}: permission denied\n")


def test_extract_reports_a_bad_file_and_keeps_the_others(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "extract", str(tmp_path / "gone.txt"), str(sample_path))
    assert status == 1  # some failed; 2 is for none loaded
    assert err == f"reader: {tmp_path / 'gone.txt'}: no such file or directory\n"
    assert [item["source"] for item in json.loads(out)] == [str(sample_path)]


def test_debug_shows_the_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "render", str(tmp_path / "x.txt"), "--debug")
    assert status == 2
    assert "Traceback" in err and err.endswith("no such file or directory\n")


def test_usage_errors_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "render", "--width", "abc", "x")
    assert status == 2 and err.count("\n") == 1 and err.startswith("reader: argument --width")
    status, _, err = run(capsys, "--bogus")
    assert status == 2 and err.count("\n") == 1


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0 and capsys.readouterr().out == f"reader {__version__}\n"
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    help_text = capsys.readouterr().out
    assert exited.value.code == 0
    assert all(word in help_text for word in ("render", "extract", "eval-ner", "--encoding"))


def test_a_file_named_like_a_subcommand_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "render").write_text("مقال اسمه render", encoding="utf-8")
    status, _, err = run(capsys, "./render")
    assert status == 2  # got as far as the app: the file was opened, stdout is not a tty
    assert "standard output is not a terminal" in err


class FakeApp:
    """Stands in for reader.ui.app.ReaderApp to see what the command line hands it."""

    calls: list[tuple[list, dict]] = []  # noqa: RUF012

    def __init__(self, sources: list, **options: object) -> None:
        FakeApp.calls.append((list(sources), options))
        self.return_code = 0
        self.save_failure: str | None = None
        self.quit_signal: int | None = None

    def run(self) -> None:
        return None


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> type[FakeApp]:
    module = types.ModuleType("reader.ui.app")
    module.ReaderApp = FakeApp  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "reader.ui.app", module)
    FakeApp.calls = []
    return FakeApp


def pretend_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Called inside the test: capsys swaps sys.stdout only once the test body runs."""
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)


def test_app_gets_the_sample_article_by_default(
    fake_app: type[FakeApp],
    sample_text: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pretend_terminal(monkeypatch)
    assert run(capsys, "--terminal-mode", "kitty") == (0, "", "")
    [(sources, options)] = fake_app.calls
    assert [s.text for s in sources] == [sample_text]
    assert (options["encoding"], options["max_size"]) == (None, 32 * 1024 * 1024)
    assert (options["terminal"].mode.name, options["terminal"].source) == (
        "kitty",
        "command line",
    )


def test_app_follows_the_saved_mode_without_the_option(
    fake_app: type[FakeApp],
    sample_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    state = State.load()
    state.settings.terminal_mode = "logical"
    assert state.save() is None
    pretend_terminal(monkeypatch)
    assert run(capsys, str(sample_path)) == (0, "", "")
    terminal = fake_app.calls[0][1]["terminal"]
    assert (terminal.mode.name, terminal.source) == ("logical", "saved")


@pytest.mark.parametrize(("flag", "mode"), [("on", "logical"), ("off", "cells")])
def test_terminal_bidi_is_a_deprecated_alias_for_this_run_only(
    flag: str,
    mode: str,
    fake_app: type[FakeApp],
    sample_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pretend_terminal(monkeypatch)
    status, out, err = run(capsys, str(sample_path), "--terminal-bidi", flag)
    assert (status, out) == (0, "")
    assert "deprecated" in err and f"--terminal-mode {mode}" in err and err.count("\n") == 1
    terminal = fake_app.calls[0][1]["terminal"]
    assert (terminal.mode.name, terminal.source) == (mode, "command line")
    assert State.load().settings.terminal_mode is None


def test_app_gets_paths_for_a_library(
    fake_app: type[FakeApp],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pretend_terminal(monkeypatch)
    for name in ("b.txt", "a.html"):
        (tmp_path / name).write_text("نص")
    assert run(capsys, str(tmp_path), "--encoding", "cp1256") == (0, "", "")
    [(sources, options)] = fake_app.calls
    assert sources == [tmp_path / "a.html", tmp_path / "b.txt"]
    assert (options["encoding"], options["max_size"]) == ("cp1256", 32 * 1024 * 1024)


def test_app_reads_standard_input_before_starting(
    fake_app: type[FakeApp],
    sample_text: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(sample_text.encode("utf-16")))
    monkeypatch.setattr(sys, "stdin", stdin)
    pretend_terminal(monkeypatch)
    assert run(capsys, "-") == (0, "", "")
    [(sources, _)] = fake_app.calls
    assert sources == [Article(source="-", title=sample_text.split("\n")[0], text=sample_text)]


def test_render_into_a_pipe_is_the_visual_lines_whatever_the_terminal(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, plain, _ = run(capsys, "render", str(sample_path), "--width", "50")
    monkeypatch.setenv("TERM", "xterm-kitty")  # a kitty, but the output is not its screen
    assert run(capsys, "render", str(sample_path), "--width", "50") == (0, plain, "")


def test_render_takes_an_output_mode(
    sample_path: Path, sample_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.text.layout import layout_paragraph

    _, plain, _ = run(capsys, "render", str(sample_path), "--width", "50")
    status, kitty, _ = run(capsys, "render", str(sample_path), "--width", "50",
                           "--terminal-mode", "kitty")  # fmt: skip
    assert status == 0 and kitty != plain
    title = layout_paragraph(sample_text.splitlines()[0], 50)[0].text
    first_line = kitty.splitlines()[0].strip()
    assert first_line == " ".join(word[::-1] for word in title.split(" "))
    status, logical, _ = run(capsys, "render", str(sample_path), "--width", "50",
                             "--terminal-mode", "logical")  # fmt: skip
    assert logical.splitlines()[0].strip() == title[::-1]  # shaped, in logical order


HOSTILE_TAG = "B-\x1b]0;PWNED\x07\x1b[2J\x1b]52;c;ZXZpbA==\x07\x9b\u202e"


@pytest.mark.parametrize("as_json", [[], ["--json"]])
def test_eval_ner_shows_hostile_tag_names_without_obeying_them(
    as_json: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gold.tsv"
    path.write_text(f"زار\tO\nبلينكن\t{HOSTILE_TAG}\n\n", encoding="utf-8")
    status, out, err = run(capsys, "eval-ner", str(path), *as_json)
    assert (status, err) == (0, "")
    assert not any(c in out for c in "\x1b\x07\x9b\u202e")
    if as_json:
        assert HOSTILE_TAG[2:] in json.loads(out)  # escaped, not lost
    else:
        assert "␛]0;PWNED␇␛[2J" in out


def test_debug_traceback_shows_file_names_without_obeying_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = tmp_path / "evil\x1b]0;PWNED\x07\x1b[2J\u202etxt.exe"
    status, _, err = run(capsys, "render", str(name), "--debug")
    assert status == 2
    assert "Traceback" in err and "evil␛]0;PWNED␇␛[2J\\u202etxt.exe" in err
    assert not any(c in err for c in "\x1b\x07\u202e")


def test_eval_ner_reads_conll_columns_as_conlleval_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    two = tmp_path / "two.tsv"
    two.write_text("زار\tO\nباكو\tB-LOC\n\n", encoding="utf-8")
    three = tmp_path / "three.conll"
    three.write_text("زار\tVB\tO\nباكو\tNNP\tB-LOC\n\n", encoding="utf-8")
    spaces = tmp_path / "spaces.conll"
    spaces.write_text("زار VB B-NP O\nباكو NNP I-NP B-LOC\n\n", encoding="utf-8")
    expected = run(capsys, "eval-ner", str(two), "--json")
    assert json.loads(expected[1])["LOC"]["f1"] == 100.0
    for path in (three, spaces):
        assert run(capsys, "eval-ner", str(path), "--json") == expected


def test_eval_ner_takes_encoding_and_size_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gold.tsv"
    path.write_bytes("زار\tO\nباكو\tB-LOC\n\n".encode("cp1256"))
    status, out, _ = run(capsys, "eval-ner", str(path), "--encoding", "windows-1256", "--json")
    assert status == 0 and json.loads(out)["LOC"]["f1"] == 100.0
    status, _, err = run(capsys, "eval-ner", str(path), "--max-size", "10")
    assert (
        status == 2
        and err == f"reader: {path}: too large (18 bytes; the limit is 10 bytes, see --max-size)\n"
    )


def test_eval_ner_refuses_an_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for content in ("", "\n\n  \n"):
        path = tmp_path / "empty.tsv"
        path.write_text(content, encoding="utf-8")
        assert run(capsys, "eval-ner", str(path)) == (
            2,
            "",
            f"reader: {path}: empty file (no token/tag lines)\n",
        )


@pytest.mark.parametrize("command", [["render"], ["extract"], ["eval-ner"], []])
@pytest.mark.parametrize("codec", ["rot13", "base64", "hex", "zlib"])
def test_a_codec_that_is_not_a_text_encoding_is_one_line(
    command: list[str], codec: str, sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, *command, str(sample_path), "--encoding", codec)
    assert (status, out) == (2, "")
    assert err.startswith(f"reader: argument --encoding: '{codec}' is not a text encoding")
    assert err.count("\n") == 1 and "internal error" not in err


@pytest.mark.parametrize("size", ["abc", "0", "-5", "12Q"])
def test_a_bad_max_size_is_one_line(size: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "render", "x.txt", "--max-size", size)
    assert status == 2 and err.startswith("reader: argument --max-size") and err.count("\n") == 1


@pytest.mark.parametrize("command", [["render"], ["extract"], []])
def test_max_size_applies_to_every_command(
    command: list[str], sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, *command, str(sample_path), "--max-size", "1K")
    assert status == 2
    assert err.startswith(f"reader: {sample_path}: too large (") and "the limit is 1 KB" in err


def test_max_size_accepts_units(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for size in ("1M", "1MB", "1MiB", "1m", "0.5M", "1048576"):
        assert run(capsys, "render", str(sample_path), "--max-size", size)[0] == 0


def test_a_warning_is_one_line_on_stderr_and_the_output_stays_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("عنوان\n\nنص عربي ".encode() + b"\xff" + " بقية\n".encode())
    status, out, err = run(capsys, "render", str(path))
    assert status == 0 and "\ufffd" in out
    assert (
        err
        == f"reader: warning: {path}: 1 byte that is not UTF-8 (the first at offset 26) shown as "
        "U+FFFD\n"
    )
    status, out, err = run(capsys, "extract", str(path))
    assert status == 0 and json.loads(out)["source"] == str(path) and err.count("\n") == 1


@pytest.fixture
def unreadable(tmp_path: Path, deny) -> list[Path]:
    """A path whose stat fails with EACCES, and one whose name is too long."""
    locked = tmp_path / "locked" / "a.txt"
    deny("stat", locked)
    return [locked, tmp_path / ("a" * 300 + ".txt")]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "tsv"])
def test_extract_reports_each_unreadable_path_and_prints_the_others(
    fmt: str,
    unreadable: list[Path],
    sample_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    locked, long_name = unreadable
    paths = [sample_path, locked, sample_path, long_name, sample_path]
    status, out, err = run(capsys, "extract", *map(str, paths), "--format", fmt)
    assert status == 1
    assert err.splitlines() == [
        f"reader: {locked}: permission denied",
        f"reader: {long_name}: file name too long",
    ]
    if fmt == "json":
        assert [item["source"] for item in json.loads(out)] == [str(sample_path)] * 3
    elif fmt == "jsonl":
        assert [json.loads(line)["source"] for line in out.splitlines()] == [str(sample_path)] * 3
    else:
        sources = {line.split("\t")[0] for line in out.splitlines()[1:]}
        assert sources == {str(sample_path)} and len(out.splitlines()) > 3


def test_extract_exits_2_when_nothing_loaded(
    unreadable: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "extract", *map(str, unreadable))
    assert (status, out) == (2, "") and err.count("\n") == 2


def test_extract_json_is_written_as_found_and_reads_as_json_dumps_would(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("زار أنتوني بلينكن باكو أمس.\n", encoding="utf-8")
    _, out, _ = run(capsys, "extract", str(sample_path), str(other))
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"
    _, out, _ = run(capsys, "extract", str(tmp_path))  # a directory: a list, even of one
    assert [result["source"] for result in json.loads(out)] == [str(other)]
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n"
    status, out, _ = run(capsys, "extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert (status, out) == (2, "")


def test_render_marks_a_forced_span_that_the_plain_line_lacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reader render` of a line with an override differs from the line with the controls
    deleted: the span is still reordered (UAX #9) but marked ⟦ ⟧ ("Trojan Source")."""
    forced = tmp_path / "forced.txt"
    forced.write_text("المبلغ \u202e0001\u202c دولار\n", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("المبلغ 0001 دولار\n", encoding="utf-8")
    code, forced_out, _ = run(capsys, "render", str(forced))
    assert code == 0
    code, plain_out, _ = run(capsys, "render", str(plain))
    assert code == 0
    assert forced_out != plain_out
    assert "⟦1000⟧" in forced_out and "0001" in plain_out


def test_extract_of_a_lone_tatweel_used_as_a_dash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Gulf news uses a lone ـ as a dash; a word that folds to nothing once crashed extraction
    (IndexError in the mentions)."""
    article = tmp_path / "dash.txt"
    article.write_text(
        "في بلادنا ـ في بلادنا ـ بلادنا ـ وقال محمد ـ الرياض ـ إن\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "extract", str(article))
    assert code == 0 and err == ""
    assert json.loads(out)["source"] == str(article)
