"""The package as published: its name, its licences in sdist and wheel, its version."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from reader import DISTRIBUTION, __version__
from reader.cli import main

ROOT = Path(__file__).resolve().parent.parent
LICENCES = {
    "LICENSE",
    "LICENSES/CC-BY-SA-4.0.txt",
    "LICENSES/CC-BY-4.0.txt",
    "LICENSES/Unicode-3.0.txt",
    "LICENSES/LGPL-2.1.txt",
    "reader/entities/model/ATTRIBUTION.md",
}


def test_sdist_and_wheel_carry_every_licence(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "-q", "-o", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("*.whl")
    [sdist] = tmp_path.glob("*.tar.gz")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(info).decode()
    dist_info = info.rsplit("/", 1)[0]
    assert {f"{dist_info}/licenses/{name}" for name in LICENCES} <= names
    assert "reader/seeds/karabakh-separatists-surrender.txt" in names
    assert f"Name: {DISTRIBUTION}\n" in metadata
    assert "License-Expression: MIT AND CC-BY-SA-4.0" in metadata
    with tarfile.open(sdist) as archive:
        top = archive.getnames()[0].split("/")[0]
        members = set(archive.getnames())
    assert {f"{top}/{name}" for name in (*LICENCES, "CHANGELOG.md")} <= members


def test_version_comes_from_the_package_metadata(capsys) -> None:
    try:
        main(["--version"])
    except SystemExit as done:
        assert done.code == 0
    assert capsys.readouterr().out == f"reader {__version__}\n"
    assert __version__ in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "+unknown" not in __version__
