"""Taxonomy terms to the project's categories.

Each service's category comes from its taxonomy terms: the first term the mapping (the
user's choices, then the shipped defaults for common Open Referral UK / LGA service types) or
the import's category matching (case, plurals, synonyms) places decides it. The term then
goes through the same category choice as a spreadsheet's category column, so the import
report and the dialog show the mapping the same way.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from assetmap.core import categories
from assetmap.core.project import Project

DATA = Path(__file__).parent / "data" / "taxonomy_categories.csv"


def _norm(term: str) -> str:
    return re.sub(r"[^0-9a-z]", "", term.lower())


@cache
def default_map() -> dict[str, str]:
    """Normalised term -> default category key, from the shipped data file."""
    with DATA.open(encoding="utf-8", newline="") as handle:
        return {_norm(row["term"]): row["category"] for row in csv.DictReader(handle)}


def split_terms(text: object) -> list[str]:
    return [t.strip() for t in str(text or "").split(";") if t.strip()]


def term_categories(
    project: Project, terms: Iterable[str], chosen: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Each term's category key where the user chose one or the defaults name one the project
    has; the other terms are left to the category matching."""
    known = categories.by_key(project)
    labels = {_norm(c.label) for c in known.values()}
    chosen = chosen or {}
    defaults = default_map()
    out = {}
    for term in dict.fromkeys(terms):
        if term in chosen:
            out[term] = chosen[term]
            continue
        # A project's own category of the term's name wins over the defaults: an export's
        # categories come back as they went out.
        key = None if _norm(term) in labels else defaults.get(_norm(term))
        if key and key in known:
            out[term] = key
    return out


def primary_terms(
    project: Project, term_lists: Iterable[object], mapped: Mapping[str, str]
) -> list[str]:
    """Per service, the term that decides its category: the first mapped or matched one, else
    its first term ("" when it has none)."""
    matcher = categories.matcher(project)
    out = []
    for text in term_lists:
        terms = split_terms(text)
        hit = next((t for t in terms if t in mapped or matcher.match(t).key is not None), None)
        out.append(hit or (terms[0] if terms else ""))
    return out
