"""Real terminal emulators under Xvfb, read back by OCR.

Each terminal runs the installed `reader` with no options and a fresh state directory, in
DejaVu Sans Mono at 120x35 cells. A screenshot of its window (ImageMagick `import`) is
read back by Tesseract (`ara+eng`: Latin labels read as Arabic-looking junk with `ara`
alone), and the words it recognises are compared with the article's. Keys go in through
XTEST (`xdotool key`) to the focused window: xterm ignores synthetic key events.

Nothing is skipped: a missing program or a terminal that does not start fails the test
with the reason.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

READER = Path(sys.executable).parent / "reader"
COLUMNS, ROWS = 120, 35
FONT = "DejaVu Sans Mono"
FONT_SIZE = 16
PROGRAMS = ("Xvfb", "xdotool", "import", "convert", "tesseract")


def _require(*programs: str) -> None:
    missing = [program for program in programs if not shutil.which(program)]
    assert not missing, (
        f"missing {', '.join(missing)}: .ci/run installs them (xvfb xdotool imagemagick "
        "tesseract-ocr tesseract-ocr-ara tesseract-ocr-eng and the terminals)"
    )


@pytest.fixture(scope="session")
def display() -> Iterator[str]:
    """A private X server for the whole session, on a display number it picks itself."""
    _require(*PROGRAMS)
    read, write = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "2000x1200x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write,),
    )
    os.close(write)
    with os.fdopen(read) as announced:  # Xvfb writes the number once it accepts clients
        number = announced.readline().strip()
    assert number, f"Xvfb did not start (status {process.poll()})"
    yield f":{number}"
    process.terminate()
    process.wait(timeout=10)


@dataclass
class Window:
    """A running terminal window: screenshots, OCR and keys."""

    name: str
    process: subprocess.Popen[bytes]
    display: str
    window_id: str
    workdir: Path
    shots: list[Path] = field(default_factory=list)

    def _x(self, *command: str, timeout: float = 30) -> str:
        # One OpenMP thread: Tesseract's threads spin against each other on a busy machine
        # (22 s against 4 s for one screenshot on two loaded cores).
        env = {**os.environ, "DISPLAY": self.display, "OMP_THREAD_LIMIT": "1"}
        result = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=timeout, check=True
        )
        return result.stdout

    def geometry(self) -> tuple[int, int, int, int]:
        """(x, y, width, height) of the window on the screen."""
        values = dict(
            line.split("=", 1)
            for line in self._x("xdotool", "getwindowgeometry", "--shell", self.window_id).split()
        )
        return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])

    def screenshot(self, label: str) -> Path:
        """The window as a PNG, upscaled 2x for OCR."""
        x, y, width, height = self.geometry()
        path = self.workdir / f"{self.name}-{label}.png"
        self._x("import", "-window", "root", "-crop", f"{width}x{height}+{x}+{y}", str(path))
        self.shots.append(path)
        return path

    def ocr(self, label: str, scale: int = 2) -> str:
        """Tesseract's reading of a fresh screenshot, upscaled `scale` times."""
        shot = self.screenshot(label)
        big = shot.with_name(f"{shot.stem}-{scale}x.png")
        self._x("convert", str(shot), "-resize", f"{scale * 100}%", str(big))
        return self._x("tesseract", str(big), "-", "-l", "ara+eng", "--psm", "6", timeout=120)

    def keys(self, *keys: str) -> None:
        """Type keys into the window (XTEST, to the focused window)."""
        self._x("xdotool", "windowfocus", "--sync", self.window_id)
        for key in keys:
            self._x("xdotool", "key", "--clearmodifiers", key)
            time.sleep(0.3)

    def close(self) -> None:
        """End the terminal and everything it started (its own process group)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def terminal_command(name: str, command: Sequence[str], home: Path) -> tuple[list[str], str]:
    """The command line that starts terminal `name` running `command`, and its X class."""
    geometry = f"{COLUMNS}x{ROWS}"
    if name == "xterm":
        return [
            "xterm",
            "-fa",
            FONT,
            "-fs",
            str(FONT_SIZE),
            "-geometry",
            geometry,
            "-e",
            *command,
        ], "XTerm"
    if name == "kitty":
        return [
            "kitty",
            "--config",
            "NONE",
            "-o",
            f"font_family={FONT}",
            "-o",
            f"font_size={FONT_SIZE}",
            "-o",
            "remember_window_size=no",
            "-o",
            f"initial_window_width={COLUMNS}c",
            "-o",
            f"initial_window_height={ROWS}c",
            *command,
        ], "kitty"
    if name == "mlterm":
        return ["mlterm", "--deffont", FONT, "-w", "21", "-g", geometry, "-e", *command], "mlterm"
    if name == "konsole":
        return [
            "konsole",
            "--nofork",
            "--hide-menubar",
            "--hide-tabbar",
            "--notransparency",
            "-p",
            f"Font={FONT},{FONT_SIZE},-1,5,50,0,0,0,0,0",
            "-p",
            f"TerminalColumns={COLUMNS}",
            "-p",
            f"TerminalRows={ROWS}",
            "-e",
            *command,
        ], "konsole"
    if name == "xfce4-terminal":
        return [
            "xfce4-terminal",
            "--disable-server",
            "--hide-menubar",
            "--hide-toolbar",
            "--hide-scrollbar",
            f"--font={FONT} {FONT_SIZE}",
            f"--geometry={geometry}",
            "-x",
            *command,
        ], "Xfce4-terminal"
    if name == "alacritty":
        return [
            "alacritty",
            "--config-file",
            "/dev/null",
            "-o",
            f"font.normal.family={FONT}",
            "-o",
            f"font.size={FONT_SIZE}",
            "-o",
            f"window.dimensions.columns={COLUMNS}",
            "-o",
            f"window.dimensions.lines={ROWS}",
            "-e",
            *command,
        ], "Alacritty"
    if name == "urxvt":
        return [
            "urxvt",
            "-fn",
            f"xft:{FONT}:size={FONT_SIZE}",
            "-geometry",
            geometry,
            "-e",
            *command,
        ], "URxvt"
    raise ValueError(f"unknown terminal {name}")


def _open_window(
    argv: list[str], env: dict[str, str], log_path: Path, display: str, window_class: str
) -> tuple[subprocess.Popen[bytes], str, str]:
    """Start a terminal and find its window: (process, window id, problem or "")."""
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            argv, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            said = log_path.read_text(errors="replace")[-2000:].strip()
            return process, "", f"exited with status {process.returncode}: {said}"
        for search in (["--pid", str(process.pid)], ["--class", window_class]):
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", *search],
                env={**os.environ, "DISPLAY": display},
                capture_output=True,
                text=True,
            ).stdout.split()
            if found:
                return process, found[-1], ""
        time.sleep(0.3)
    os.killpg(process.pid, signal.SIGKILL)
    return process, "", "no window within 60 s"


@pytest.fixture
def launch(display: str, tmp_path: Path) -> Iterator[object]:
    """`launch(terminal, command)`: start a terminal window running `command`."""
    windows: list[Window] = []

    def start(name: str, command: Sequence[str], extra_env: dict[str, str] | None = None) -> Window:
        home = Path(tempfile.mkdtemp(prefix=f"{name}-home-", dir=tmp_path))
        argv, window_class = terminal_command(name, command, home)
        _require(argv[0])
        env = {
            "DISPLAY": display,
            "HOME": str(home),
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "XDG_RUNTIME_DIR": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "LIBGL_ALWAYS_SOFTWARE": "1",
            "NO_AT_BRIDGE": "1",
            **(extra_env or {}),
        }
        problems = []
        for attempt in (1, 2):  # a terminal that dies at once gets one more chance
            log_path = tmp_path / f"{name}-{attempt}.log"
            process, window_id, problem = _open_window(argv, env, log_path, display, window_class)
            if not problem:
                break
            problems.append(f"attempt {attempt}: {problem}")
        assert not problems or len(problems) < 2, f"{name} did not start: " + "; ".join(problems)
        window = Window(name, process, display, window_id, tmp_path)
        windows.append(window)
        return window

    yield start
    for window in windows:
        window.close()
