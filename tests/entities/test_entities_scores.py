"""The shipped model on the ANERcorp test split (vendored in tests/data/ner, CC BY-SA 4.0).

Issue 3 sets PERS F1 >= 75 and LOC F1 >= 87, and those bars are the floors: the shipped model
scores PERS 77.1 and LOC 87.1, so a retrained model or a feature change that loses ground below
either bar fails here.
"""

from pathlib import Path

from reader.entities.evaluate import evaluate_file

TEST_SPLIT = Path(__file__).resolve().parents[1] / "data" / "ner" / "anercorp_test.tsv"
PERS_FLOOR = 75.0
LOC_FLOOR = 87.0


def test_shipped_model_scores_on_the_test_split() -> None:
    scores = evaluate_file(TEST_SPLIT)
    assert set(scores) == {"PERS", "LOC", "ORG", "MISC", "overall"}
    assert scores["PERS"]["f1"] >= PERS_FLOOR, scores["PERS"]
    assert scores["LOC"]["f1"] >= LOC_FLOOR, scores["LOC"]


def test_evaluate_file_on_a_tiny_file(tmp_path: Path) -> None:
    tiny = tmp_path / "tiny.tsv"
    tiny.write_text(
        "وقال\tO\nالرئيس\tO\nالأمريكي\tO\nجورج\tB-PERS\nبوش\tI-PERS\nفي\tO\nواشنطن\tB-LOC\n.\tO\n\n"
        "وصل\tO\nالوفد\tO\nإلى\tO\nالقاهرة\tB-LOC\n.\tO\n",
        encoding="utf-8",
    )
    scores = evaluate_file(tiny)
    assert scores["PERS"] == {"precision": 100.0, "recall": 100.0, "f1": 100.0}
    assert scores["LOC"] == {"precision": 100.0, "recall": 100.0, "f1": 100.0}
