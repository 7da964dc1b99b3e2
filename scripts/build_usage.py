"""Build reader/entities/model/usage.tsv.gz from wordfreq's Arabic word frequencies.

wordfreq (code Apache-2.0, data CC BY-SA 4.0) combines Wikipedia, news, subtitles, books and
web text. Each line of the output holds a Zipf band, an article band and a relative-adjective
band (``reader.entities.tagging.usage.bands``), then the folded forms (without ال) that have them,
separated by spaces. A form that reads more commonly as a proclitic and a stem (وقال: و + قال)
is left out, so the tagger reads it as that stem. Forms rarer than MIN_ZIPF both bare and with
ال are left out too; the tagger treats them like absent words.

Usage: python scripts/build_usage.py [--out PATH]
"""

from __future__ import annotations

import argparse
import gzip
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

import wordfreq

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.entities.normalize import fold  # noqa: E402
from reader.entities.tagging.usage import bands, readings, without_article  # noqa: E402

DEFAULT_OUT = ROOT / "reader" / "entities" / "model" / "usage.tsv.gz"
MIN_ZIPF = 1.5  # about once in 30 million words; keeps loading near 65 ms


def zipf_table() -> dict[str, float]:
    """Zipf frequency (log10 per billion words) of every folded word form wordfreq lists."""
    folded: Counter[str] = Counter()
    for word, frequency in wordfreq.get_frequency_dict("ar", wordlist="large").items():
        folded[fold(word)] += frequency
    return {word: math.log10(frequency * 1e9) for word, frequency in folded.items()}


def nisba(core: str, zipf: dict[str, float]) -> float:
    """Zipf frequency of the commoner relative adjective of ``core`` (ال + stem + ي / يه), the
    stem losing a final ا or ه (مصر -> المصري, القاهره -> القاهري, سوريا -> السوري)."""
    stems = {core, core[:-1]} if core[-1:] in "اه" and len(core) > 3 else {core}
    forms = {f"ال{stem}{ending}" for stem in stems for ending in ("ي", "يه")}
    forms |= {f"ال{stem}{ending}" for stem in stems if stem.endswith("ي") for ending in ("", "ه")}
    return max(zipf.get(form, 0.0) for form in forms)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    zipf = zipf_table()

    def frequency(form: str) -> float:
        """How common a form is, bare or with ال (the Zipf of the commoner)."""
        return max(zipf.get(form, 0.0), zipf.get("ال" + form, 0.0))

    forms = {without_article(w) for w in zipf}
    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for form in sorted(forms):
        common = frequency(form)
        # وقال is likelier و + قال than a word of its own: leave it out, so it is read as قال.
        if common < MIN_ZIPF or any(frequency(f) > common for f in readings(form)[1:]):
            continue
        bare, article = zipf.get(form, 0.0), zipf.get("ال" + form, 0.0)
        groups[bands(bare, article, nisba(form, zipf))].append(form)
    rows = ["\t".join((*key, " ".join(forms))) for key, forms in sorted(groups.items())]
    # mtime=0 (and no file name in the header) keeps the file byte-identical across rebuilds.
    args.out.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode("utf-8"), mtime=0))
    kept = sum(len(f) for f in groups.values())
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB): {kept} forms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
