"""Entity-level scoring (conlleval definition) and the eval-ner table."""

from pathlib import Path

import pytest

from reader.entities.conll import ConllError, chunks, read_conll
from reader.entities.evaluate import format_table, score


def test_chunks_follow_conlleval() -> None:
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "B-PERS"]
    assert chunks(tags) == [
        (0, 2, "PERS"),
        (3, 5, "LOC"),
        (5, 6, "LOC"),
        (6, 7, "ORG"),
        (7, 8, "PERS"),
    ]


def test_score_counts_exact_matches_only() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG", "O", "B-LOC"]]
    predicted = [["B-PERS", "O", "O", "B-LOC"], ["B-ORG", "I-ORG", "O", "B-PERS"]]
    result = score(gold, predicted)
    # PERS: found 2 (one truncated, one wrong type), correct 0, expected 1.
    assert result["PERS"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    # LOC: found 1, correct 1, expected 2.
    assert result["LOC"] == {"precision": 100.0, "recall": 50.0, "f1": 66.67}
    assert result["ORG"] == {"precision": 100.0, "recall": 100.0, "f1": 100.0}
    assert result["MISC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    # overall: correct 2 of 4 found, 4 expected.
    assert result["overall"] == {"precision": 50.0, "recall": 50.0, "f1": 50.0}


def test_read_conll_and_bad_input(tmp_path: Path) -> None:
    good = tmp_path / "good.tsv"
    good.write_text("باكو\tB-LOC\nمدينة\tO\n\nعلييف\tI-PERS\n", encoding="utf-8")
    assert read_conll(good) == [(["باكو", "مدينة"], ["B-LOC", "O"]), (["علييف"], ["I-PERS"])]
    bad = tmp_path / "bad.tsv"
    bad.write_text("باكو\tLOCATION\n", encoding="utf-8")
    with pytest.raises(ConllError, match=r"bad.tsv:1: expected"):
        read_conll(bad)
    with pytest.raises(ConllError, match=r"missing\.tsv: no such file or directory$"):
        read_conll(tmp_path / "missing.tsv")
    with pytest.raises(ConllError, match=r": is a directory$"):
        read_conll(tmp_path)
    windows = tmp_path / "windows.tsv"
    windows.write_bytes("باكو\tB-LOC\nمدينة\tO\n".encode("cp1256"))
    assert read_conll(windows) == [(["باكو", "مدينة"], ["B-LOC", "O"])]  # decoded as articles
    with pytest.raises(ConllError, match=r"windows.tsv: not valid utf-8 \(undecodable byte at"):
        read_conll(windows, encoding="utf-8")


def test_format_table_lists_every_row() -> None:
    table = format_table(score([["B-LOC"]], [["B-LOC"]]))
    lines = table.splitlines()
    assert lines[0].split() == ["type", "precision", "recall", "f1"]
    assert [line.split()[0] for line in lines[1:]] == ["PERS", "LOC", "ORG", "MISC", "overall"]
    assert lines[2].split()[1:] == ["100.00", "100.00", "100.00"]
