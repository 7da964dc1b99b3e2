"""`reader extract`'s JSON writer: what `json.dumps` writes, controls escaped, in chunks."""

import io
import json
import math

import pytest

from reader.cli import common
from reader.entities import extract_entities

ODD = {
    "source": 'a\u202eb\x85c\u200fd\n"q" \\ مرحبا',
    "entities": [
        {"type": "person", "name": "بوتين", "value": None, "mentions": []},
        {"value": 1.5, "n": -3, "big": 10**30, "flags": [True, False, None], "t": (1, "x")},
        {"deep": [[{"a": [1, {"b": []}, {}]}]], 1: "one", 2.5: "x", None: 0},
        {True: 1, False: 0},
    ],
    "empty": {},
    "nothing": [],
}


def _written(value: object, **options: object) -> str:
    out = io.StringIO()
    stdout, common.sys.stdout = common.sys.stdout, out
    try:
        common.write_json(value, **options)  # type: ignore[arg-type]
    finally:
        common.sys.stdout = stdout
    return out.getvalue()


def _expected(value: object, indent: int | None, margin: str = "") -> str:
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return common.neutralise(text, "escape", keep="\n").replace("\n", "\n" + margin)


@pytest.mark.parametrize(("indent", "margin"), [(2, ""), (None, ""), (2, "  "), (4, "\t")])
def test_the_json_is_what_json_dumps_writes_with_controls_escaped(
    indent: int | None, margin: str
) -> None:
    written = _written(ODD, indent=indent, margin=margin)
    assert written == _expected(ODD, indent, margin)
    assert "\u202e" not in written and "\x85" not in written and "\u200f" not in written
    assert "\\u202e" in written
    if not margin:
        assert json.loads(written)["source"] == ODD["source"]


def test_numbers_json_cannot_hold_are_written_as_json_dumps_writes_them() -> None:
    value = [math.nan, math.inf, -math.inf, 0.1, 1e300, -0.0]
    assert _written(value, indent=2) == json.dumps(value, indent=2)


def test_what_json_cannot_encode_is_refused() -> None:
    with pytest.raises(TypeError):
        _written({"a": {1, 2}}, indent=2)
    with pytest.raises(TypeError):
        _written({("a",): 1}, indent=2)


def test_a_long_article_is_written_in_chunks_that_join_to_the_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "وقال الرئيس فلاديمير بوتين في موسكو إن 25 شخصا أصيبوا.\n" * 40
    result = {"source": "x", "entities": [e.to_dict() for e in extract_entities(text)]}
    writes: list[str] = []
    monkeypatch.setattr(common, "_JSON_CHUNK", 200)
    out = io.StringIO()
    monkeypatch.setattr(out, "write", lambda s: writes.append(s) or len(s))
    monkeypatch.setattr(common.sys, "stdout", out)
    common.write_json(result, indent=2, margin="  ")
    assert len(writes) >= len(result["entities"]) > 2
    assert "".join(writes) == _expected(result, 2, "  ")
