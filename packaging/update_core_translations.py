"""Update the core's gettext catalogues from the source, and compile them.

    python packaging/update_core_translations.py          # .po gains new strings; .mo rebuilt
    python packaging/update_core_translations.py --check  # exit 1 if either is out of date

Babel (a test extra, not needed at run time: the app reads the .mo with stdlib gettext)
collects every ``translated("text")`` and ``translatable("text")`` under src/assetmap/core
(and src/assetmap/cli) into
src/assetmap/translations/core/<lang>/LC_MESSAGES/assetmap-core.po (without line numbers,
and keeping the header's dates, so editing code does not churn the catalogue); translators
fill in the .po (see docs/i18n/README.md) and this script compiles it to the .mo the core
loads (assetmap.core.i18n). Strings no longer in the source are dropped.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "assetmap"
# The core, and the command line (which prints some of the core's words in sentences of its own).
SOURCES = (PACKAGE / "core", PACKAGE / "cli")
CATALOGUES = PACKAGE / "translations" / "core"
DOMAIN = "assetmap-core"
LANGUAGES = ("cy",)
# core.i18n's markers; not `_` (a throwaway name in the core) and not `tr`, which
# pyside6-lupdate would take for Qt's and copy into the Qt catalogue.
KEYWORDS: dict[str, None] = {"translated": None, "translatable": None}


def po_path(language: str) -> Path:
    return CATALOGUES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def extracted() -> Catalog:
    """Every marked string of the core and the command line, each with the files it is in."""
    template = Catalog(project="assetmap", domain=DOMAIN)
    for source in SOURCES:
        _add_strings(template, source)
    return template


def _add_strings(template: Catalog, source: Path) -> None:
    found = extract_from_dir(
        str(source),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
    )
    for filename, lineno, message, comments, context in found:
        where = (source.relative_to(ROOT) / filename).as_posix()
        template.add(message, locations=[(where, lineno)], auto_comments=comments, context=context)


def updated_po(language: str) -> bytes:
    """The .po as it should be: the present one's translations for the source's strings."""
    path = po_path(language)
    if path.exists():
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=language, domain=DOMAIN)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, project="assetmap")
    template = extracted()
    # Keep the header's dates: a run on another day must not change the file.
    catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
    out = io.BytesIO()
    write_po(out, catalog, width=96, include_lineno=False, ignore_obsolete=True, sort_output=True)
    return out.getvalue()


def compiled(po: bytes, language: str) -> bytes:
    catalog = read_po(io.BytesIO(po), locale=language, domain=DOMAIN)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def update(language: str) -> None:
    po = updated_po(language)
    path = po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(po)
    path.with_suffix(".mo").write_bytes(compiled(po, language))


def out_of_date(language: str) -> list[str]:
    """What --check finds stale: the .po misses (or keeps) strings of the source, or the .mo
    is not the .po compiled. Compared by their messages, not their bytes: the header names
    the Babel version that wrote it, which may differ from the one checking."""
    path = po_path(language)
    if not path.exists():
        return [f"{path.name} for {language} is missing"]
    problems = []
    po = path.read_bytes()
    if _entries(read_po(io.BytesIO(updated_po(language)))) != _entries(read_po(io.BytesIO(po))):
        problems.append(f"{language}/{path.name} is not up to date with the source")
    mo = path.with_suffix(".mo")
    fresh = read_mo(io.BytesIO(compiled(po, language)))
    if not mo.exists() or _translations(read_mo(io.BytesIO(mo.read_bytes()))) != _translations(
        fresh
    ):
        problems.append(f"{language}/{mo.name} is not {path.name} compiled")
    return problems


def _entries(catalog: Catalog) -> list[tuple[object, ...]]:
    return [
        (m.id, m.context, m.string, sorted(m.flags), sorted(f for f, _ in m.locations))
        for m in catalog
        if m.id
    ]


def _translations(catalog: Catalog) -> dict[object, object]:
    return {(m.id, m.context): m.string for m in catalog if m.id}


def main() -> int:
    from update_translations import command_line  # beside this script

    return command_line("update_core_translations", update, out_of_date, LANGUAGES)


if __name__ == "__main__":
    sys.exit(main())
