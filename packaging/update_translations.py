"""Update the translation catalogues from the source, and compile them.

    python packaging/update_translations.py          # .ts gains new strings; .qm rebuilt
    python packaging/update_translations.py --check  # exit 1 if either is out of date

``pyside6-lupdate`` collects every ``translate("Context", "text")`` and
``QT_TRANSLATE_NOOP("Context", "text")`` under src/assetmap into
src/assetmap/translations/assetmap_<lang>.ts (without line numbers, so editing code does
not churn the catalogue); translators fill in the .ts (Qt Linguist, or by hand; see
docs/i18n/README.md); ``pyside6-lrelease`` compiles it to the .qm the app loads.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "assetmap"
TRANSLATIONS = SOURCE / "translations"
LANGUAGES = ("cy",)


def catalogue(language: str) -> Path:
    return TRANSLATIONS / f"assetmap_{language}.ts"


def lupdate(ts: Path) -> None:
    sources = sorted(str(p) for p in SOURCE.rglob("*.py"))
    new = [] if ts.exists() else ["-target-language", ts.stem.split("_")[-1]]
    subprocess.run(
        ["pyside6-lupdate", "-silent", "-locations", "none", *new, *sources, "-ts", str(ts)],
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)


def qt_words(language: str) -> Path:
    """The app's own short catalogue of Qt's standard words (OK, Cancel, Copy), written by
    hand: not collected from the source, only compiled (see assetmap.qt.i18n)."""
    return TRANSLATIONS / f"qtbase_{language}.ts"


def update(language: str) -> None:
    ts = catalogue(language)
    lupdate(ts)
    lrelease(ts, ts.with_suffix(".qm"))
    if qt_words(language).exists():
        lrelease(qt_words(language), qt_words(language).with_suffix(".qm"))


def out_of_date(language: str) -> list[str]:
    """What --check finds stale: the .ts misses strings from the source, or the .qm is not
    the .ts compiled."""
    ts = catalogue(language)
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / ts.name
        shutil.copy(ts, fresh)
        lupdate(fresh)
        if not filecmp.cmp(ts, fresh, shallow=False):
            problems.append(f"{ts.name} is not up to date with the source")
        for source in (ts, qt_words(language)):
            if not source.exists():
                continue
            qm = Path(scratch) / f"check-{source.stem}.qm"
            lrelease(source, qm)
            if not filecmp.cmp(source.with_suffix(".qm"), qm, shallow=False):
                problems.append(f"{source.with_suffix('.qm').name} is not {source.name} compiled")
    return problems


def command_line(
    script: str,
    update: Callable[[str], None],
    out_of_date: Callable[[str], list[str]],
    languages: tuple[str, ...],
) -> int:
    """Update every language's catalogue, or with --check only say which are stale (the
    Qt catalogue here, the core's gettext one in update_core_translations.py)."""
    parser = argparse.ArgumentParser(description=f"update the catalogues of {script}")
    parser.add_argument("--check", action="store_true", help="only say whether they are stale")
    options = parser.parse_args()
    if not options.check:
        for language in languages:
            update(language)
        return 0
    problems = [p for language in languages for p in out_of_date(language)]
    for problem in problems:
        print(f"{script}: {problem}; run packaging/{script}.py")
    return 1 if problems else 0


def main() -> int:
    return command_line("update_translations", update, out_of_date, LANGUAGES)


if __name__ == "__main__":
    sys.exit(main())
