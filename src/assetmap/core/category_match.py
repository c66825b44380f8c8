"""Which category a value met in an imported file means ("GP surgery" -> GP and primary care).

People name the same kind of asset in many ways, so a value is compared with every name a
category has (its label, its key and its synonyms) as words: case, punctuation, spacing,
"&" for "and" and singular/plural are ignored. How well it matches is one of five tiers,
strongest first; a category's score is its best tier, then the number of words matched:

- EXACT:   the same words as a name ("Food bank" is a synonym of Food banks and pantries).
- FOLDED:  the same words once plurals and spellings are folded ("Libraries" = "Library",
           "GP surgeries" = "GP surgery", "Foodbank" = "Food bank").
- PART:    the same words as one part of an "X and Y" name ("Pantries", "Leisure").
- HEAD:    the value ends with a name: English puts the kind of thing last, so "Local authority
           run library" is a library and "Local authority maintained schools" are schools.
- WITHIN:  a name appears inside the value ("Health and fitness gym stations" has "gym").

The best-scoring category wins. Two categories scoring the same are ambiguous and neither is
guessed; nor is a value listing things of different categories ("Library, Leisure centre").
Pure functions over plain Category objects, so the CLI, the importer and the GUI agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from assetmap.core.taxonomy import Category

EXACT, FOLDED, PART, HEAD, WITHIN = 5, 4, 3, 2, 1
NONE = 0

# How each tier explains itself in a report; {name} is the name (or words) matched.
_REASONS: dict[int, str] = {
    EXACT: "same name",
    FOLDED: "matches '{name}'",
    PART: "matches part of '{name}'",
    HEAD: "ends with '{name}'",
    WITHIN: "contains '{name}'",
}

# Words that make a different kind of thing of the name after them, so HEAD and WITHIN must
# not match that name there: a car park is not a park.
_NOT_THE_KIND = frozenset(
    {
        ("car", "park"), ("business", "park"), ("retail", "park"), ("industrial", "park"),
        ("science", "park"), ("trailer", "park"), ("caravan", "park"), ("office", "park"),
        ("technology", "park"), ("bus", "station"), ("petrol", "station"), ("fire", "station"),
    }
)  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")
_APOSTROPHES = re.compile(r"['\u2019`]")
_LIST_SEPARATORS = re.compile(r"[|;/,]|\s(?:and|&|\+)\s", re.IGNORECASE)
_DROPPED = frozenset({"the", "a", "an"})
_IRREGULAR = {
    "children": "child",
    "people": "person",
    "women": "woman",
    "men": "man",
    "mice": "mouse",
}
_SPELLINGS = {
    "center": "centre",
    "theater": "theatre",
    "counseling": "counselling",
    "program": "programme",
    "neighborhood": "neighbourhood",
}


def words(text: str) -> tuple[str, ...]:
    """Lower-case words, apostrophes dropped ("Tenants' group" -> tenants, group)."""
    text = _APOSTROPHES.sub("", text.lower()).replace("&", " and ").replace("+", " and ")
    return tuple(w for w in _WORD.findall(text.replace("_", " ")) if w not in _DROPPED)


@lru_cache(maxsize=8192)
def singular(word: str) -> str:
    """A crude English singular; both sides go through it, so it only has to be consistent."""
    word = _SPELLINGS.get(word, word)
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
        return _IRREGULAR.get(word, word)  # "childrens" (children's) -> child
    return word


def folded(text: str) -> tuple[str, ...]:
    return tuple(singular(w) for w in words(text))


def _parts(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    """ "food bank and pantry" -> [("food", "bank"), ("pantry",)]; [] when there is no "and"."""
    if "and" not in tokens:
        return []
    out: list[tuple[str, ...]] = []
    current: list[str] = []
    for token in tokens:
        if token == "and":
            out.append(tuple(current))
            current = []
        else:
            current.append(token)
    out.append(tuple(current))
    return [p for p in out if p] if all(out) else []


@dataclass(frozen=True)
class _Name:
    key: str
    text: str  # as the category holds it, for explanations
    exact: tuple[str, ...]
    folded: tuple[str, ...]
    parts: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Match:
    """What a value was matched to, and why, in words a report can show."""

    value: str
    key: str | None
    tier: int = NONE
    name: str = ""  # the category's name (label or synonym) the value matched
    candidates: tuple[str, ...] = ()  # keys tied for best, when ambiguous

    @property
    def ambiguous(self) -> bool:
        return self.key is None and len(self.candidates) > 1

    @property
    def how(self) -> str:
        """Why, in a few words: "matches 'GP surgery'", "ends with 'library'", "no match"."""
        if self.key is not None:
            return _REASONS[self.tier].format(name=self.name)
        return "could be more than one category" if self.ambiguous else "no match"


class CategoryMatcher:
    """Every name of every category, indexed once per import."""

    def __init__(self, cats: Iterable[Category]) -> None:
        self.categories = {c.key: c for c in cats}
        self._names: list[_Name] = []
        for category in self.categories.values():
            for text in dict.fromkeys((category.label, category.key, *category.synonyms)):
                self._names.append(_name(category.key, text))
        self._by_exact: dict[tuple[str, ...], list[_Name]] = {}
        self._by_folded: dict[str, list[_Name]] = {}
        self._by_part: dict[tuple[str, ...], list[_Name]] = {}
        # A name, or a part of one, by its first word: where a run of words inside a value
        # can start (HEAD and WITHIN).
        self._by_first: dict[str, list[tuple[tuple[str, ...], _Name]]] = {}
        for n in self._names:
            self._by_exact.setdefault(n.exact, []).append(n)
            self._by_folded.setdefault("".join(n.folded), []).append(n)
            for part in n.parts:
                self._by_part.setdefault(part, []).append(n)
            for run in dict.fromkeys((n.folded, *n.parts)):
                self._by_first.setdefault(run[0], []).append((run, n))

    def match(self, value: str) -> Match:
        whole = self._match_whole(value)
        if whole.tier >= PART:
            return whole
        mixed = self._mixed_list(value)
        return mixed if mixed is not None else whole

    def match_all(self, values: Iterable[str]) -> dict[str, Match]:
        return {v: self.match(v) for v in dict.fromkeys(values)}

    def _match_whole(self, value: str) -> Match:
        exact = words(value)
        fold = tuple(singular(w) for w in exact)
        value_words = exact
        if not fold:
            return Match(value, None)
        scores: dict[str, tuple[int, int, str]] = {}

        def offer(names: Sequence[_Name], tier: int, length: int, text: str = "") -> None:
            for n in names:
                score = (tier, length, text or n.text)
                if score[:2] > scores.get(n.key, (NONE, 0, ""))[:2]:
                    scores[n.key] = score

        offer(self._by_exact.get(exact, ()), EXACT, len(exact))
        offer(self._by_folded.get("".join(fold), ()), FOLDED, len(fold))
        offer(self._by_part.get(fold, ()), PART, len(fold))
        for start, token in enumerate(fold):
            for run, n in self._by_first.get(token, ()):
                end = start + len(run)
                after_modifier = start > 0 and (fold[start - 1], token) in _NOT_THE_KIND
                if len(run) < len(fold) and fold[start:end] == run and not after_modifier:
                    tier = HEAD if end == len(fold) else WITHIN
                    offer([n], tier, len(run), " ".join(value_words[start:end]))
        return _best(value, scores)

    def _mixed_list(self, value: str) -> Match | None:
        """A value listing things of different categories is ambiguous, whatever it ends with.

        Only strong matches of its pieces count: "Health and fitness gym stations" has a piece
        "Health" that matches nothing, and stays a gym.
        """
        pieces = [p for p in _LIST_SEPARATORS.split(value) if p.strip()]
        if len(pieces) < 2:
            return None
        found = {m.key for m in map(self._match_whole, pieces) if m.key and m.tier >= HEAD}
        if len(found) < 2:
            return None
        return Match(value, None, NONE, "", tuple(sorted(found)))


def _name(key: str, text: str) -> _Name:
    fold = folded(text)
    return _Name(key, text, words(text), fold, tuple(_parts(fold)))


def _best(value: str, scores: dict[str, tuple[int, int, str]]) -> Match:
    if not scores:
        return Match(value, None)
    top = max(s[:2] for s in scores.values())
    tied = sorted(k for k, s in scores.items() if s[:2] == top)
    if len(tied) > 1:
        return Match(value, None, NONE, "", tuple(tied))
    key = tied[0]
    return Match(value, key, top[0], scores[key][2])


def same_name(a: str, b: str) -> bool:
    """Whether two names would match each other as FOLDED or better (a synonym clash)."""
    return "".join(folded(a)) == "".join(folded(b)) and bool(folded(a))
