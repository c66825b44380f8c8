"""Turning a measure into map classes a planner can read, and the colours to draw them.

Breaks are computed by mapclassify, then each one is moved to the roundest number that
still separates the same areas: the map and its legend agree exactly, and the legend
says "0–25 %" rather than "0.00–24.87 %".
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np

from assetmap.core.i18n import translatable, translated

SCHEMES = {
    "quantiles": translatable("Same number of areas in each class"),
    "natural_breaks": translatable("Natural breaks (Fisher–Jenks)"),
    "equal_interval": translatable("Equal steps"),
}
MIN_CLASSES, MAX_CLASSES = 3, 7
# Fisher–Jenks is exact but quadratic (and slow without numba): above this many values it
# runs on evenly spaced order statistics, which keep the shape of the distribution.
JENKS_SAMPLE = 300
NO_DATA = -1
NO_DATA_COLOUR = "#E4E7EB"  # drawn hatched on the map and in the legend
NO_DATA_LABEL = translatable("No data")
# Terciles in words, lowest third first (English; translated() them where shown).
THIRDS = {1: translatable("low"), 2: translatable("medium"), 3: translatable("high")}

# Sequential palettes, light (low) to dark (high), 3 to 7 classes. All are readable with the
# common colour-vision deficiencies: viridis and cividis are designed for it (cividis for
# red-green colour blindness in particular), and single-hue or yellow-to-dark ColorBrewer
# ramps change in lightness, which everyone sees. ColorBrewer lists are Cynthia Brewer's
# (colorbrewer2.org, Apache 2.0), one per class count as published; viridis and cividis are
# matplotlib's maps sampled evenly and reversed so that, like the others, dark means more.
PALETTES: dict[str, dict[int, tuple[str, ...]]] = {
    "YlGnBu": {
        3: ("#edf8b1", "#7fcdbb", "#2c7fb8"),
        4: ("#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"),
        5: ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"),
        6: ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"),
        7: ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"),
    },
    "YlOrRd": {
        3: ("#ffeda0", "#feb24c", "#f03b20"),
        4: ("#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"),
        5: ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"),
        6: ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"),
        7: ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"),
    },
    "Blues": {
        3: ("#deebf7", "#9ecae1", "#3182bd"),
        4: ("#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"),
        5: ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"),
        6: ("#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"),
        7: ("#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"),
    },
    "Greens": {
        3: ("#e5f5e0", "#a1d99b", "#31a354"),
        4: ("#edf8e9", "#bae4b3", "#74c476", "#238b45"),
        5: ("#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c"),
        6: ("#edf8e9", "#c7e9c0", "#a1d99b", "#74c476", "#31a354", "#006d2c"),
        7: ("#edf8e9", "#c7e9c0", "#a1d99b", "#74c476", "#41ab5d", "#238b45", "#005a32"),
    },
    "viridis": {
        3: ("#fde725", "#21918c", "#440154"),
        4: ("#fde725", "#35b779", "#31688e", "#440154"),
        5: ("#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"),
        6: ("#fde725", "#7ad151", "#22a884", "#2a788e", "#414487", "#440154"),
        7: ("#fde725", "#90d743", "#35b779", "#21918c", "#31688e", "#443983", "#440154"),
    },
    "cividis": {
        3: ("#fee838", "#7d7c78", "#00224e"),
        4: ("#fee838", "#a59c74", "#575d6d", "#00224e"),
        5: ("#fee838", "#bcae6c", "#7d7c78", "#434e6c", "#00224e"),
        6: ("#fee838", "#c8b866", "#948e77", "#666970", "#35456c", "#00224e"),
        7: ("#fee838", "#d2c060", "#a59c74", "#7d7c78", "#575d6d", "#2a3f6d", "#00224e"),
    },
}
PALETTE_NAMES = {
    "YlGnBu": translatable("Yellow–green–blue"),
    "YlOrRd": translatable("Yellow–orange–red"),
    "Blues": translatable("Blues"),
    "Greens": translatable("Greens"),
    "viridis": "Viridis",
    "cividis": "Cividis",
}

# Words above and below are English constants: translated() them where shown.
# Joshua Stevens, "Bivariate Choropleth Maps: A How-to Guide" (2015), the blue–pink scheme.
# Row-major from (low, low): the teal axis across, the pink axis up, dark blue where both
# are high. Need runs up the pink axis and *lack* of provision across the teal one, so high
# need with low provision lands on the darkest, most striking corner.
BIVARIATE = (
    "#e8e8e8", "#ace4e4", "#5ac8c8",
    "#dfb0d6", "#a5add3", "#5698b9",
    "#be64ac", "#8c62aa", "#3b4994",
)  # fmt: skip


@dataclass(frozen=True)
class Measure:
    """A results column as the map shows it: its words, its unit, how to colour it."""

    column: str
    label: str  # "{d}" stands for the run's distance
    unit: str = ""  # appended to legend numbers: " %", " m", " per 1,000"
    scale: float = 1.0
    whole: bool = False  # counts: classes are whole-number ranges
    low_is_bad: bool = True  # provision; distance is the other way round
    palette: str = "YlOrRd"  # by default the worst areas are the darkest red, whatever the measure


MEASURES: dict[str, Measure] = {
    "assets": Measure("assets", translatable("Assets in the area"), whole=True),
    "per_1000": Measure(
        "per_1000", translatable("Assets per 1,000 people"), unit=translatable(" per 1,000")
    ),
    "density_km2": Measure(
        "density_km2", translatable("Assets per km²"), unit=translatable(" per km²")
    ),
    "nearest_m": Measure(
        "nearest_m", translatable("Distance to the nearest asset"), " m", low_is_bad=False
    ),
    "coverage": Measure(
        "coverage", translatable("Area within {d} of an asset"), unit=" %", scale=100.0
    ),
}


@dataclass(frozen=True)
class Breaks:
    """Classes of a set of values: ``classes`` holds 0..k-1 per value, -1 for no data."""

    scheme: str
    classes: np.ndarray
    edges: tuple[float, ...]  # k + 1 rounded edges, lowest first
    labels: tuple[str, ...]  # one per class, with units
    counts: tuple[int, ...]

    @property
    def k(self) -> int:
        return len(self.labels)

    @property
    def no_data(self) -> int:
        return int((self.classes == NO_DATA).sum())


def classify(
    values: np.ndarray,
    scheme: str = "quantiles",
    k: int = 5,
    *,
    unit: str = "",
    whole: bool = False,
) -> Breaks:
    """Classes for ``values`` (NaN = no data) with legend labels that round honestly.

    Fewer classes come back than asked for when the values have fewer distinct numbers.
    """
    if scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {', '.join(SCHEMES)}")
    values = np.asarray(values, dtype=float)
    present = ~np.isnan(values)
    classes = np.full(len(values), NO_DATA, dtype=np.int64)
    data = values[present]
    if not len(data):
        return Breaks(scheme, classes, (), (), ())
    k = max(1, min(int(k), MAX_CLASSES, len(np.unique(data))))
    bins = _upper_bounds(data, scheme, k)
    classes[present] = np.searchsorted(bins, data, side="left").clip(0, len(bins) - 1)
    classes = _drop_empty(classes)
    edges, steps = _edges(values, classes, bins)
    labels = _labels(values, classes, edges, steps, unit, whole)
    counts = tuple(int((classes == i).sum()) for i in range(len(labels)))
    return Breaks(scheme, classes, tuple(edges), tuple(labels), counts)


def _upper_bounds(data: np.ndarray, scheme: str, k: int) -> np.ndarray:
    """Class upper bounds as mapclassify computes them.

    Quantiles and equal intervals are a line of numpy each (mapclassify's own formulas);
    only natural breaks need mapclassify, imported here because it brings scipy and
    scikit-learn, seconds of loading that a quantile map should not wait for.
    """
    if k == 1:
        return np.array([data.max()])
    if scheme == "quantiles":
        bins = np.percentile(data, np.linspace(100 / k, 100, k))
    elif scheme == "equal_interval":
        bins = data.min() + (data.max() - data.min()) / k * np.arange(1, k + 1)
    else:
        import mapclassify

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "not enough unique values": fewer classes shown
            bins = mapclassify.FisherJenks(_jenks_sample(data), k=k).bins

    bins = np.unique(np.asarray(bins, dtype=float))
    bins[-1] = max(bins[-1], data.max())
    return bins


def _jenks_sample(data: np.ndarray) -> np.ndarray:
    if len(data) <= JENKS_SAMPLE:
        return data
    ordered = np.sort(data)
    sample: np.ndarray = ordered[np.linspace(0, len(ordered) - 1, JENKS_SAMPLE).round().astype(int)]
    return sample


def _drop_empty(classes: np.ndarray) -> np.ndarray:
    """Renumber so no class is empty (quantiles over ties can leave one so)."""
    used = np.unique(classes[classes >= 0])
    out = classes.copy()
    out[classes >= 0] = np.searchsorted(used, classes[classes >= 0])
    return out


def _edges(
    values: np.ndarray, classes: np.ndarray, bins: np.ndarray
) -> tuple[list[float], list[float]]:
    """The roundest number between each pair of neighbouring classes, with its step."""
    k = int(classes.max()) + 1
    lows = [float(values[classes == i].min()) for i in range(k)]
    highs = [float(values[classes == i].max()) for i in range(k)]
    edges, steps = [], []
    for i in range(k - 1):
        target = float(bins[min(i, len(bins) - 1)])
        edge, step = roundest_between(highs[i], lows[i + 1], target)
        edges.append(edge)
        steps.append(step)
    # The outer edges: the roundest numbers just beyond the data (within 5 % of its span).
    margin = (highs[-1] - lows[0]) * 0.05 or abs(highs[-1]) * 0.05 or 1.0
    high, high_step = roundest_between(highs[-1], highs[-1] + margin)
    low, low_step = roundest_between(-lows[0], -lows[0] + margin)
    return [-low, *edges, high], [low_step, *steps, high_step]


def roundest_between(low: float, high: float, near: float | None = None) -> tuple[float, float]:
    """The roundest number x with low <= x < high (nearest ``near`` among equals), and its
    step: 100, 50, 10, 5, 1, 0.5, ... ."""
    if high <= low:
        return low, _step_for(abs(low) or 1.0)
    near = low if near is None else near
    exponent = math.ceil(math.log10(max(abs(low), abs(high), 1e-12))) + 1
    while exponent > -12:
        for step in (10.0**exponent, 5 * 10.0 ** (exponent - 1)):
            first = math.ceil(low / step - 1e-12)
            last = math.ceil(high / step - 1e-12) - 1
            candidates = [
                _clean(m * step, step) for m in range(first, last + 1) if last - first < 1000
            ]
            candidates = [c for c in candidates if low <= c < high]
            if candidates:
                return min(candidates, key=lambda c: abs(c - near)), step
        exponent -= 1
    return low, 10.0**exponent


def _step_for(span: float) -> float:
    return 10.0 ** math.floor(math.log10(span)) if span > 0 else 1.0


def _clean(value: float, step: float) -> float:
    """Remove float noise (0.30000000000000004) at the precision of ``step``."""
    return round(value, decimals_for(step))


def decimals_for(step: float) -> int:
    return max(0, -math.floor(math.log10(step) + 1e-9)) if step > 0 else 0


def format_number(value: float, step: float = 1.0) -> str:
    """Thousands separated, with only the decimals ``step`` needs (and none that are zero)."""
    text = f"{value:,.{decimals_for(step)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _labels(
    values: np.ndarray,
    classes: np.ndarray,
    edges: list[float],
    steps: list[float],
    unit: str,
    whole: bool,
) -> list[str]:
    k = len(edges) - 1
    out = []
    for i in range(k):
        members = values[classes == i]
        low, high = float(members.min()), float(members.max())
        if whole:
            first = low if i == 0 else math.floor(edges[i]) + 1
            first = max(first, low)
            text = _range(int(first), int(high), 1.0, 1.0)
        elif low == high:
            text = format_number(low, min(steps[i], steps[i + 1], _two_figures(low)))
        else:
            start, start_step = edges[i], steps[i]
            if i and _single_value(values, classes, i - 1):
                # After a one-value class ("0"), "0–1.2" would seem to include it again.
                previous = float(values[classes == i - 1].max())
                start, start_step = roundest_between(-low, -previous)
                start = -start
            text = _range(start, edges[i + 1], start_step, steps[i + 1])
        out.append(text + unit)
    return out


def _single_value(values: np.ndarray, classes: np.ndarray, i: int) -> bool:
    members = values[classes == i]
    return bool(members.min() == members.max())


def _two_figures(value: float) -> float:
    return 10.0 ** (math.floor(math.log10(abs(value))) - 1) if value else 1.0


def _range(low: float, high: float, low_step: float, high_step: float) -> str:
    a, b = format_number(low, low_step), format_number(high, high_step)
    if a == b:
        return a
    return (
        translated("{low} to {high}").format(low=a, high=b) if low < 0 or high < 0 else f"{a}–{b}"
    )


def palette(name: str, k: int, reverse: bool = False) -> list[str]:
    """``k`` colours of a sequential palette, light to dark (dark to light if reversed)."""
    ramps = PALETTES.get(name, PALETTES["YlGnBu"])
    k = max(1, k)
    if k < MIN_CLASSES:
        colours = list(ramps[MIN_CLASSES])
        colours = [colours[0], colours[-1]][:k] if k == 2 else [colours[-1]]
    else:
        colours = list(ramps[min(k, MAX_CLASSES)])
    return colours[::-1] if reverse else colours


def bivariate_index(need_tercile: int, provision_tercile: int) -> int:
    """Position in ``BIVARIATE`` (0..8), or -1 when either third is unknown (0)."""
    if not (1 <= need_tercile <= 3 and 1 <= provision_tercile <= 3):
        return NO_DATA
    return (need_tercile - 1) * 3 + (3 - provision_tercile)


def need_provision_words(need_tercile: int, provision_tercile: int) -> str:
    """The 3×3 class in words ("High need, low provision"); "" when either third is unknown.

    The ranked gaps are ordered by this class first, so a table shows it beside each area:
    without it, a lower need ranked above a higher one looks like a mistake.
    """
    if not (1 <= need_tercile <= 3 and 1 <= provision_tercile <= 3):
        return ""
    text = translated("{need} need, {provision} provision").format(
        need=translated(THIRDS[need_tercile]), provision=translated(THIRDS[provision_tercile])
    )
    return text[:1].upper() + text[1:]


def bivariate_colour(need_tercile: int, provision_tercile: int) -> str:
    """The 3×3 colour of an area: terciles 1 (lowest third) to 3 (highest)."""
    index = bivariate_index(need_tercile, provision_tercile)
    return NO_DATA_COLOUR if index == NO_DATA else BIVARIATE[index]


def bivariate_classes(need_terciles: np.ndarray, provision_terciles: np.ndarray) -> np.ndarray:
    """``bivariate_index`` over arrays."""
    need = np.asarray(need_terciles, dtype=np.int64)
    provision = np.asarray(provision_terciles, dtype=np.int64)
    known = (need >= 1) & (need <= 3) & (provision >= 1) & (provision <= 3)
    return np.where(known, (need - 1) * 3 + (3 - provision), NO_DATA)
