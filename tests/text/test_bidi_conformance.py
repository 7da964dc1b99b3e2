"""UAX #9 conformance: every case of Unicode's BidiCharacterTest-15.0.0 (vendored, with header)."""

import gzip
from pathlib import Path

from reader.text import bidi

DATA = Path(__file__).resolve().parent.parent / "data" / "BidiCharacterTest-15.0.0.txt.gz"
DIRECTIONS: dict[str, bidi.Direction] = {"0": "ltr", "1": "rtl", "2": "auto"}


def _run_case(line: str) -> str | None:
    """None if the engine agrees with the case, else a description of the difference."""
    fields = line.split(";")
    text = "".join(chr(int(cp, 16)) for cp in fields[0].split())
    paragraph_level, levels = bidi.resolve_levels(text, DIRECTIONS[fields[1]])
    classes = [bidi.bidi_class(c) for c in text]
    after_l1 = bidi.apply_l1(classes, levels, paragraph_level)
    kept = [i for i, cls in enumerate(classes) if cls not in bidi.REMOVED_BY_X9]
    removed = bidi.REMOVED_BY_X9
    got_levels = ["x" if c in removed else str(lv) for c, lv in zip(classes, after_l1, strict=True)]
    order = [kept[k] for k in bidi.visual_order([after_l1[i] for i in kept])]
    got = (str(paragraph_level), " ".join(got_levels), " ".join(map(str, order)))
    want = (fields[2], fields[3], fields[4])
    return None if got == want else f"{line}: got {';'.join(got)}"


def test_every_bidi_character_test_case() -> None:
    cases = 0
    failures: list[str] = []
    with gzip.open(DATA, "rt", encoding="utf-8") as lines:
        for raw in lines:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            cases += 1
            failure = _run_case(line)
            if failure is not None:
                failures.append(failure)
    assert cases == 91707
    assert failures == [], f"{len(failures)} failing cases, first: {failures[:5]}"


def test_marks_for_forcing_controls_leave_every_other_character_in_place() -> None:
    """The engine paints LRE, RLE, LRO, RLO and PDF as marks: reordered with the levels
    `resolve_levels` gives them, they must not move any character UAX #9 keeps."""
    cases = 0
    failures: list[str] = []
    with gzip.open(DATA, "rt", encoding="utf-8") as lines:
        for raw in lines:
            fields = raw.strip().split(";")
            if raw.startswith("#") or len(fields) < 5:
                continue
            text = "".join(chr(int(cp, 16)) for cp in fields[0].split())
            if not any("\u202a" <= c <= "\u202e" for c in text):
                continue
            cases += 1
            paragraph_level, levels = bidi.resolve_levels(text, DIRECTIONS[fields[1]])
            classes = [bidi.bidi_class(c) for c in text]
            after_l1 = bidi.apply_l1(classes, levels, paragraph_level)
            painted = [i for i, cls in enumerate(classes) if cls != "BN"]
            order = [painted[k] for k in bidi.visual_order([after_l1[i] for i in painted])]
            kept = [i for i in order if classes[i] not in bidi.REMOVED_BY_X9]
            if " ".join(map(str, kept)) != fields[4]:
                failures.append(raw.strip())
    assert cases > 50
    assert failures == [], f"{len(failures)} cases moved, first: {failures[:5]}"
