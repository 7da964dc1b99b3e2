"""Write LICENSES/: the licence texts of the data the package ships (see ATTRIBUTION.md).

The texts are taken from Debian's copies, which carry them in full: each `debian/copyright`
file (DEP-5) holds a licence's text as the indented paragraph after its `License:` line,
with " ." for blank lines. Run once when a licence is added; the output is committed.

    python scripts/build_licenses.py

* CC-BY-SA-4.0.txt, Creative Commons Attribution-ShareAlike 4.0: the tagger, lexicon and
  word list (ANERcorp), the usage data (wordfreq), Wikipedia's club names. From
  adwaita-icon-theme's copyright file.
* CC-BY-4.0.txt, Creative Commons Attribution 4.0: GeoNames place names. From kitty's.
* Unicode-3.0.txt, Unicode License v3: CLDR names, the BidiMirroring pairs. From nodejs's.
* LGPL-2.1.txt, GNU LGPL 2.1: Debian iso-codes country names. From base-files
  (/usr/share/common-licenses).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "LICENSES"
DEP5 = {
    "CC-BY-SA-4.0.txt": ("/usr/share/doc/adwaita-icon-theme/copyright", "CC-BY-SA-4.0"),
    "CC-BY-4.0.txt": ("/usr/share/doc/kitty/copyright", "CC-BY-4.0"),
}
PLAIN = {"LGPL-2.1.txt": "/usr/share/common-licenses/LGPL-2.1"}
UNICODE = ("/usr/share/doc/nodejs/copyright", "UNICODE LICENSE V3")
UNICODE_END = "SPDX-License-Identifier: Unicode-3.0"


def license_paragraph(path: str, name: str) -> str:
    """The text of the standalone `License: NAME` paragraph of a DEP-5 copyright file."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        standalone = index + 1 < len(lines) and lines[index + 1][:1] == " "
        if line.strip() == f"License: {name}" and standalone:
            text = []
            for body in lines[index + 1 :]:
                if not body.startswith(" "):
                    break
                text.append("" if body.strip() == "." else body[1:])
            return "\n".join(text).strip() + "\n"
    raise SystemExit(f"{path}: no 'License: {name}' paragraph")


def unicode_license(path: str, title: str) -> str:
    """The Unicode License v3, from its title to its last sentence."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == title)
    indent = len(lines[start]) - len(lines[start].lstrip())
    text = []
    for line in lines[start:]:
        text.append(line[indent:] if line.strip() != "." else "")
        if UNICODE_END in line:
            return "\n".join(text).strip() + "\n"
    raise SystemExit(f"{path}: the Unicode License v3 has no end")


def main() -> int:
    OUT.mkdir(exist_ok=True)
    for name, (path, licence) in DEP5.items():
        (OUT / name).write_text(license_paragraph(path, licence), encoding="utf-8")
    for name, path in PLAIN.items():
        shutil.copyfile(path, OUT / name)
    (OUT / "Unicode-3.0.txt").write_text(unicode_license(*UNICODE), encoding="utf-8")
    print(f"wrote {', '.join(sorted(p.name for p in OUT.iterdir()))}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
