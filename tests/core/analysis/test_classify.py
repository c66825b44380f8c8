"""Map classes and their legend labels: right classes, honest rounding, readable colours."""

from __future__ import annotations

import re
import shutil

import numpy as np
import pytest

from assetmap.core.analysis import classify
from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.project import Project

LSOA = "Neighbourhoods (LSOA 2021)"


@pytest.fixture(scope="module")
def mental_health(tmp_path_factory, repo_root):
    """The demo's mental-health figures per LSOA (a real run, not kept)."""
    path = tmp_path_factory.mktemp("classify") / "trafford.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    with Project.open(path) as project:
        params = AnalysisParams(LSOA, ("mental_health",), 800.0, "population", "imd_score")
        return analyse(project, params, keep=False).table


def numbers(label: str) -> list[float]:
    return [float(n.replace(",", "")) for n in re.findall(r"-?[\d,]*\.?\d+", label)]


def assert_labels_hold_their_values(values: np.ndarray, breaks: classify.Breaks) -> None:
    """Every value lies within the range its class's label states: map and legend agree."""
    for i, label in enumerate(breaks.labels):
        members = values[breaks.classes == i]
        low, *high = numbers(label.replace(" per 1,000", ""))
        # A one-value class shows that value rounded; a range shows its exact edges.
        digits = len(label.split()[0].partition(".")[2]) if not high else 9
        tolerance = 0.5 * 10.0**-digits
        high = high[0] if high else low
        assert members.min() >= low - tolerance, (label, members.min())
        assert members.max() <= high + tolerance, (label, members.max())


def test_quantiles_of_distance_make_equal_classes(mental_health):
    metres = mental_health["nearest_m"].to_numpy()
    breaks = classify.classify(metres, "quantiles", 5, unit=" m")
    assert breaks.k == 5
    assert max(breaks.counts) - min(breaks.counts) <= 1  # 139 areas: 28, 28, 27, 28, 28
    assert breaks.labels[0].startswith("0–") and breaks.labels[-1].endswith(" m")
    assert "," in breaks.labels[-1]  # "1,080–2,600 m": thousands separated
    assert_labels_hold_their_values(metres, breaks)


def test_quantiles_of_coverage_keep_ties_together(mental_health):
    """More areas are wholly covered than fit in a fifth: they cannot be split, so the
    classes below them are equal and the top class holds every fully covered area."""
    share = mental_health["coverage"].to_numpy() * 100
    breaks = classify.classify(share, "quantiles", 5, unit=" %")
    full = share >= 100
    assert full.sum() > len(share) / 5
    assert len(set(breaks.classes[full])) == 1
    below = breaks.counts[:-1]
    assert max(below) - min(below) <= 1
    assert sum(breaks.counts) == 139
    assert all(label.endswith(" %") for label in breaks.labels)
    assert breaks.labels[-1].endswith("–100 %")
    assert_labels_hold_their_values(share, breaks)


def test_labels_have_no_spurious_decimals(mental_health):
    share = mental_health["coverage"].to_numpy() * 100
    equal = classify.classify(share, "equal_interval", 5, unit=" %")
    assert equal.labels == ("0–20 %", "20–40 %", "40–60 %", "60–80 %", "80–100 %")
    rate = mental_health["per_1000"].to_numpy()
    breaks = classify.classify(rate, "natural_breaks", 5, unit=" per 1,000")
    assert breaks.labels[0] == "0 per 1,000"  # most areas have none: a class of its own
    for label in breaks.labels:
        assert all(len(f"{n:g}".partition(".")[2]) <= 1 for n in numbers(label[:-10]))
    assert_labels_hold_their_values(rate, breaks)


def test_counts_get_whole_number_ranges(mental_health):
    counts = mental_health["assets"].to_numpy(dtype=float)
    breaks = classify.classify(counts, "natural_breaks", 5, whole=True)
    assert breaks.labels[0] == "0"
    assert all("." not in label for label in breaks.labels)
    assert_labels_hold_their_values(counts, breaks)


def test_missing_values_are_class_minus_one():
    values = np.array([1.0, np.nan, 2.0, 3.0, np.nan, 10.0])
    breaks = classify.classify(values, "quantiles", 3)
    assert list(breaks.classes[[1, 4]]) == [classify.NO_DATA] * 2
    assert breaks.no_data == 2
    assert (breaks.classes[[0, 2, 3, 5]] >= 0).all()
    empty = classify.classify(np.full(3, np.nan), "quantiles", 3)
    assert empty.k == 0 and empty.no_data == 3


def test_natural_breaks_find_the_gap_in_a_bimodal_set():
    rng = np.random.default_rng(4)
    low, high = rng.normal(10, 1.5, 60), rng.normal(50, 3, 40)
    values = np.concatenate([low, high])
    breaks = classify.classify(values, "natural_breaks", 2)
    assert breaks.counts == (60, 40)
    assert (breaks.classes[:60] == 0).all() and (breaks.classes[60:] == 1).all()
    assert low.max() <= breaks.edges[1] < high.min()
    # A round number between the two groups, not one of the values themselves.
    assert breaks.edges[1] % 5 == 0


def test_natural_breaks_stay_quick_on_many_areas():
    values = np.random.default_rng(5).gamma(2.0, 3.0, 35_000)
    breaks = classify.classify(values, "natural_breaks", 5)
    assert breaks.k == 5 and sum(breaks.counts) == 35_000


def test_fewer_distinct_values_than_classes():
    breaks = classify.classify(np.array([0.0, 0.0, 1.0, 1.0]), "quantiles", 5)
    assert breaks.k == 2
    assert breaks.labels == ("0", "1")


def test_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="scheme"):
        classify.classify(np.arange(5.0), "jenks", 3)


def test_palettes_run_light_to_dark_and_reverse():
    for name in classify.PALETTES:
        for k in range(classify.MIN_CLASSES, classify.MAX_CLASSES + 1):
            colours = classify.palette(name, k)
            assert len(colours) == k
            assert lightness(colours[0]) > lightness(colours[-1]), (name, k)
            assert classify.palette(name, k, reverse=True) == colours[::-1]


def lightness(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_bivariate_puts_high_need_and_low_provision_on_the_darkest_corner():
    striking = classify.bivariate_colour(3, 1)
    assert striking == "#3b4994"
    assert lightness(striking) == min(lightness(c) for c in classify.BIVARIATE)
    assert classify.bivariate_colour(1, 3) == "#e8e8e8"  # little need, plenty of provision
    assert classify.bivariate_colour(0, 2) == classify.NO_DATA_COLOUR
    grid = classify.bivariate_classes(np.array([3, 1, 0, 2]), np.array([1, 3, 2, 2]))
    assert list(grid) == [8, 0, classify.NO_DATA, 4]
