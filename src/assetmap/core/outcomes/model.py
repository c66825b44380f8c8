"""An outcome as people agreed it: which assets, how far, for which areas, by when."""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from dataclasses import dataclass, field

from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translatable, translated

DEFAULT_DISTANCE_M = 800.0
DEFAULT_THRESHOLD = 0.5  # BRIEF section 6: a gap is coverage under half, unless agreed otherwise
NEED_BANDS = 5  # need bands are fifths of the areas by need: 1 is the most in need
MAX_TITLE = 300


@dataclass(frozen=True)
class Outcome:
    """``target`` is a category key or a taxonomy group name. An area meets the outcome when
    the analysis finds no gap there for ``target`` at ``distance_m`` with ``threshold`` as the
    coverage threshold; ``need_band`` (1 to 5) limits it to that fifth of the areas by need,
    ``population_share`` (0 to 1) to the most-in-need areas home to that share of the people
    (a plan's "the most deprived areas, where a fifth of us live"); one of them at most."""

    title: str
    target: str
    area_set: str
    distance_m: float = DEFAULT_DISTANCE_M
    threshold: float = DEFAULT_THRESHOLD
    need_band: int | None = None
    population_field: str | None = None
    need_field: str | None = None
    target_date: str | None = None  # ISO date, e.g. 2027-03-31
    population_share: float | None = None  # e.g. 0.2: the neediest areas home to a fifth
    uuid: str = field(default_factory=lambda: uuidlib.uuid4().hex)

    def __post_init__(self) -> None:
        check(self)


def check(outcome: Outcome) -> None:
    """Refuse an outcome that could never be evaluated, naming the field at fault."""
    if not outcome.title.strip():
        raise BadInputError(translated("an outcome needs a title"), field="title")
    if len(outcome.title) > MAX_TITLE:
        raise BadInputError(
            translated("the title is longer than {n} characters").format(n=MAX_TITLE),
            field="title",
        )
    if not outcome.target.strip():
        raise BadInputError(translated("an outcome needs a category or group"), field="category")
    if not outcome.area_set.strip():
        raise BadInputError(translated("an outcome needs an area set"), field="set")
    if not outcome.distance_m > 0:
        raise BadInputError(translated("the distance must be more than 0 metres"), field="distance")
    if not 0 < outcome.threshold <= 1:
        raise BadInputError(
            translated("the coverage threshold is a share between 0 and 1"), field="threshold"
        )
    if outcome.need_band is not None and outcome.population_share is not None:
        raise BadInputError(
            translated(
                "an outcome applies to a need band or to a share of the population, not both"
            ),
            field="population-share",
        )
    if outcome.need_band is not None:
        _check_need_band(outcome.need_band, outcome.need_field)
    if outcome.population_share is not None:
        _check_population_share(outcome)
    if outcome.target_date is not None:
        _check_date(outcome.target_date)


def _check_need_band(band: int, need_field: str | None) -> None:
    if not 1 <= band <= NEED_BANDS:
        raise BadInputError(
            translated(
                "the need band is a fifth of the areas by need, 1 (most need) to {n}"
            ).format(n=NEED_BANDS),
            field="need-band",
        )
    if not need_field:
        raise BadInputError(
            translated("a need band needs a need field (e.g. IMD score)"), field="need"
        )


def _check_population_share(outcome: Outcome) -> None:
    share = outcome.population_share
    if share is None or not 0 < share <= 1:
        raise BadInputError(
            translated(
                "the population share is a share of the people between 0 and 1 (0.2 for a fifth)"
            ),
            field="population-share",
        )
    if not outcome.population_field:
        raise BadInputError(
            translated("a population share needs a population field to count the people"),
            field="population",
        )
    if not outcome.need_field:
        raise BadInputError(
            translated(
                "a population share needs a need field (e.g. IMD score) to find the most "
                "deprived areas"
            ),
            field="need",
        )


def _check_date(text: str) -> None:
    try:
        dt.date.fromisoformat(text)
    except ValueError as exc:
        raise BadInputError(
            translated("'{text}' is not a date; write it as YYYY-MM-DD").format(text=text),
            field="target",
        ) from exc


_BAND_WORDS = {
    1: translatable("the fifth of areas most in need"),
    2: translatable("the fifth of areas second most in need"),
    3: translatable("the fifth of areas middle in need"),
    4: translatable("the fifth of areas second least in need"),
    5: translatable("the fifth of areas least in need"),
}


def need_band_words(band: int | None) -> str:
    """Which areas an outcome is for, in the words tables and the report use."""
    if band is None:
        return translated("every area")
    if band in _BAND_WORDS:
        return translated(_BAND_WORDS[band])
    return translated("the fifth of areas {band} in need").format(band=band)


def population_share_words(share: float) -> str:
    return translated("the most deprived areas home to {share} of the people").format(
        share=percent(share)
    )


def percent(share: float) -> str:
    """0.2 as "20 %", 0.125 as "12.5 %" (a tenth of a per cent at most)."""
    return f"{round(share * 100, 1):g} %"


def applies_to_words(outcome: Outcome) -> str:
    """Which areas an outcome is for: every area, a fifth by need, or a share of the people."""
    if outcome.population_share is not None:
        return population_share_words(outcome.population_share)
    return need_band_words(outcome.need_band)
