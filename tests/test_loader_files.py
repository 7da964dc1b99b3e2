"""What the loader reads: regular files and standard input only, never past the size limit,
and a plain reason for every path it cannot read."""

from __future__ import annotations

import io
import os
import sys
import threading
from pathlib import Path

import pytest

from reader.loader import (
    DEFAULT_MAX_SIZE,
    LoadError,
    find_articles,
    load_article,
    load_bytes,
)

TEXT = "عنوان المقال\n\nزار بلينكن باكو أمس.\n"


def load_within(seconds: float, *args: object, **kwargs: object) -> object:
    """load_article(...) in a thread; the result (or exception), or fail if it blocks."""
    outcome: list[object] = []

    def attempt() -> None:
        try:
            outcome.append(load_article(*args, **kwargs))  # type: ignore[arg-type]
        except Exception as err:  # the test inspects it
            outcome.append(err)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "the loader blocked"
    return outcome[0]


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    error = load_within(10, fifo)
    assert isinstance(error, LoadError)
    assert str(error) == f"{fifo}: is a named pipe (FIFO), not a regular file"


def test_a_device_is_refused_at_once() -> None:
    error = load_within(10, "/dev/zero")
    assert str(error) == "/dev/zero: is a character device, not a regular file"


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(TEXT * 100, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_article(path, max_size=1024)
    assert str(caught.value) == f"{path}: too large (6.1 KB; the limit is 1 KB, see --max-size)"
    assert load_article(path, max_size=path.stat().st_size).text == TEXT * 100


def test_the_default_limit_is_32_mb() -> None:
    assert DEFAULT_MAX_SIZE == 32 * 1024 * 1024


class EndlessStream(io.RawIOBase):
    """Standard input that never ends (`reader render - < /dev/zero`), counting what is read."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        buffer[:] = b"a" * len(buffer)
        self.given += len(buffer)
        return len(buffer)


def test_standard_input_is_read_in_bounded_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = EndlessStream()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(raw)))
    with pytest.raises(LoadError) as caught:
        load_article("-", max_size=3 * 1024 * 1024)
    assert str(caught.value) == (
        "standard input: too large (more than 3 MB; the limit is 3 MB, see --max-size)"
    )
    assert raw.given <= 3 * 1024 * 1024 + 2 * 1024 * 1024  # one chunk past the limit at most


def test_closed_standard_input_is_said_plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(LoadError, match=r"^standard input: closed, nothing to read$"):
        load_article("-")


def test_a_name_too_long_and_an_unexaminable_path_are_named(tmp_path: Path, deny) -> None:
    long_name = tmp_path / ("ا" * 200 + ".txt")
    with pytest.raises(LoadError, match=r": file name too long$"):
        find_articles([long_name])
    with pytest.raises(LoadError, match=r": file name too long$"):
        load_article(long_name)
    hidden = tmp_path / "locked" / "a.txt"
    deny("stat", hidden)
    with pytest.raises(LoadError, match=r"^.*locked/a\.txt: permission denied$"):
        find_articles([hidden])


@pytest.mark.parametrize("reference", ["&#27;", "&#x1B;", "&#7;", "&#12;", "&#0;", "&#x9b;"])
def test_html_with_a_reference_to_a_control_character_keeps_its_text(reference: str) -> None:
    paragraph = "زار وزير الخارجية الأمريكي أنتوني بلينكن باكو أمس والتقى الرئيس علييف."
    page = (
        "<html><head><title>عنوان المقال</title></head><body><article>"
        f"<p>{paragraph}</p><p>فقرة {reference}[2J ثانية فيها نص كاف للاستخراج.</p>"
        f"<p>{paragraph}</p></article></body></html>"
    )
    article = load_bytes(page.encode("utf-8"), "page.html", html=True)
    assert paragraph in article.text and "ثانية" in article.text
    assert not any((ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) < 0xA0 for c in article.text)
    if reference.lower() in ("&#27;", "&#x1b;"):
        assert "␛[2J" in article.text  # shown, as in a text file


def test_html_reference_to_a_c1_code_reads_as_windows_1252() -> None:
    page = "<html><body><article><p>" + "نص عربي طويل بما يكفي. " * 10 + "&#150; النهاية</p>"
    article = load_bytes((page + "</article></body></html>").encode(), "p.html", html=True)
    assert "– النهاية" in article.text
