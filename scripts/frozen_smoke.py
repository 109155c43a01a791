"""Run the built bundle the way a new PC would: only the frozen programs, a PATH without
the development venv, an empty home and data folders. .ci/run calls it after
``pyinstaller build_installer.spec``; this script itself runs with the venv's Python,
which it uses only to check what the programs made (PNG pictures, PDF fonts).

    python scripts/frozen_smoke.py build/dist/liangxin-0.1.0

Exits 1 naming the first step that failed; prints each step's time, the bundle's size
and its 15 largest items.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEMO = ["--orgs", "120", "--members", "800"]  # small: the point is that it runs frozen
MIN_PNG_BYTES = 15_000  # a blank 1280x800 window compresses to a few kilobytes
MIN_PNG_COLOURS = 40


class Failed(Exception):
    pass


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    dist = Path(argv[0]).resolve()
    exe = ".exe" if sys.platform == "win32" else ""
    cli, window = dist / f"liangxin-cli{exe}", dist / f"liangxin{exe}"
    started = time.perf_counter()
    home = Path(tempfile.mkdtemp(prefix="liangxin-frozen-"))
    try:
        env = _clean_env(home)
        out = home / "out"
        out.mkdir()
        for program in (cli, window):
            if not program.is_file():
                raise Failed(f"{program} is missing: was the bundle built?")
        _run("window --version", [window, "--version"], env)
        _run("window --help", [window, "--help"], env)
        _run("cli --help", [cli, "--help"], env)
        _run("init", [cli, "init", "--station", "440307001", "--name", "南湾街道"], env)
        _run("demo", [cli, "demo", *DEMO], env)
        stats = json.loads(_run("stats --json", [cli, "stats", "--json"], env))
        if not (stats["organizations"]["total"] > 0 and stats["members"]["total"] > 0):
            raise Failed(f"stats counts nothing: {stats['organizations']}, {stats['members']}")
        database = _data_home(home) / "liangxin" / "liangxin.sqlite3"
        if not database.is_file():
            raise Failed(f"the database is not in the platform's data folder ({database})")
        from ui.launch import PAGES  # the same list the screenshot command takes

        for page in PAGES:
            png = out / f"{page}.png"
            _run(f"screenshot {page}", [cli, "screenshot", "--page", page, "--out", png], env)
            _check_png(png)
        for kind in ("ledger", "dashboard"):
            pdf = out / f"{kind}.pdf"
            _run(f"print {kind}", [cli, "print", kind, "--out", pdf], env)
            _check_pdf(pdf)
        _check_libraries(dist)
    except Failed as failure:
        print(f"FROZEN SMOKE FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        keep = os.environ.get("LIANGXIN_SMOKE_KEEP")  # a folder to look at the pictures in
        if keep and (home / "out").is_dir():
            shutil.copytree(home / "out", keep, dirs_exist_ok=True)
        shutil.rmtree(home, ignore_errors=True)
    print(f"frozen smoke passed in {time.perf_counter() - started:.1f} s")
    _report_size(dist)
    return 0


def _data_home(home: Path) -> Path:
    return home / "xdg-data"


def _clean_env(home: Path) -> dict[str, str]:
    """Nothing of this machine's development set-up: no venv on PATH, no PYTHONPATH, no
    LIANGXIN_* settings, a home and XDG folders of its own."""
    keep = ("SYSTEMROOT", "WINDIR", "TEMP", "TMP", "TZ")  # Windows needs these to start at all
    env = {name: os.environ[name] for name in keep if name in os.environ}
    env.update(
        PATH=os.pathsep.join(["/usr/bin", "/bin"] if os.name == "posix" else [env.get("SYSTEMROOT", "")]),
        HOME=str(home),
        USERPROFILE=str(home),
        APPDATA=str(home / "appdata"),
        LOCALAPPDATA=str(home / "localappdata"),
        XDG_DATA_HOME=str(_data_home(home)),
        XDG_CONFIG_HOME=str(home / "xdg-config"),
        XDG_CACHE_HOME=str(home / "xdg-cache"),
        XDG_RUNTIME_DIR=str(home / "xdg-runtime"),
        QT_QPA_PLATFORM="offscreen",
        LANG="C.UTF-8",
        LIANGXIN_USER="smoke",
    )
    (home / "xdg-runtime").mkdir(mode=0o700)
    return env


def _run(step: str, command: list[object], env: dict[str, str]) -> str:
    began = time.perf_counter()
    result = subprocess.run(
        [str(part) for part in command],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=600,
        check=False,
    )
    took = time.perf_counter() - began
    print(f"  {step:<28} exit {result.returncode}  {took:5.1f} s", flush=True)
    if result.returncode != 0:
        raise Failed(f"{step} exited {result.returncode}: {result.stderr.strip()[-2000:]}")
    return result.stdout


def _check_png(png: Path) -> None:
    from PIL import Image

    if not png.is_file() or png.stat().st_size < MIN_PNG_BYTES:
        raise Failed(
            f"{png.name} is missing or nearly empty ({png.stat().st_size if png.exists() else 0} bytes)"
        )
    with Image.open(png) as image:
        colours = image.convert("RGB").getcolors(maxcolors=100_000)
    if colours is not None and len(colours) < MIN_PNG_COLOURS:
        raise Failed(f"{png.name} looks blank ({len(colours)} colours)")


def _check_pdf(pdf: Path) -> None:
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    if not reader.pages:
        raise Failed(f"{pdf.name} has no pages")
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                if "/DescendantFonts" in font
                else font.get("/FontDescriptor")
            )
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                raise Failed(f"{pdf.name}: font {font['/BaseFont']} is not embedded")


def _check_libraries(dist: Path) -> None:
    """Every Qt library a bundled plugin links is bundled too (the spec leaves some out)."""
    ldd = shutil.which("ldd")
    if not sys.platform.startswith("linux") or ldd is None:
        return
    internal = dist / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    for library in internal.rglob("*.so*"):
        if "PySide6" not in library.parts or not library.is_file():
            continue
        listing = subprocess.run([ldd, str(library)], env=env, capture_output=True, text=True, check=False)
        missing = [line.split()[0] for line in listing.stdout.splitlines() if "not found" in line]
        if any(name.startswith("libQt6") for name in missing):
            raise Failed(f"{library.relative_to(dist)} needs {', '.join(missing)}, left out of the bundle")


def _report_size(dist: Path) -> None:
    def size(path: Path) -> int:
        if path.is_symlink():
            return 0
        if path.is_file():
            return path.stat().st_size
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())

    items: list[tuple[int, str]] = []
    for path in [*dist.iterdir(), *(dist / "_internal").iterdir()]:
        if path.name == "_internal":
            continue
        if path.name == "PySide6":  # one big folder: its Qt libraries one by one
            for lib in (path / "Qt" / "lib").iterdir():
                items.append((size(lib), str(lib.relative_to(dist))))
            rest = size(path) - sum(size(lib) for lib in (path / "Qt" / "lib").iterdir())
            items.append((rest, "_internal/PySide6 (bindings, plugins, translations)"))
            continue
        items.append((size(path), str(path.relative_to(dist))))
    total = size(dist)
    print(f"bundle {dist.name}: {total / 1e6:.0f} MB")
    for bytes_, name in sorted(items, reverse=True)[:15]:
        print(f"  {bytes_ / 1e6:7.1f} MB  {name}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
