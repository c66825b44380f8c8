"""What an export should contain; the same for the CLI, the dialogs and the tests."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ExportOptions:
    title: str | None = None
    subtitle: str | None = None
    area_set: str | None = None  # None: every visible area set (data) or the first (maps)
    analysis: str | None = None  # a run id, "latest", or a results CSV written by analyse
    analysis_category: str | None = None  # which category of the run to map
    measure: str | None = None  # which figure to map (coverage, per_1000, ... or bivariate)
    include_personal: bool = False
    include_rejected: bool = False  # data exports only: a map never draws rejected assets
    include_names: bool = False  # workshop participants' display names (contributor)
    categories: tuple[str, ...] | None = None  # None: the categories visible on the map
    asset_uuids: frozenset[str] | None = None  # a table filter from the GUI, if any
    author: str | None = None
    online_basemap: bool = False  # HTML: OpenStreetMap tiles under the data when online


PAGE_SIZES_MM = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}


@dataclass
class PrintLayout:
    """The page of a printed map (PDF, SVG, PNG)."""

    page: str = "A4"  # A4 or A3
    orientation: str = "landscape"  # landscape or portrait
    dpi: int = 200  # PNG only; PDF and SVG are vector
    extent: tuple[float, float, float, float] | None = None  # None: the area set's extent

    def __post_init__(self) -> None:
        if self.page not in PAGE_SIZES_MM:
            raise ValueError(f"page must be one of {', '.join(PAGE_SIZES_MM)}")
        if self.orientation not in ("landscape", "portrait"):
            raise ValueError("orientation must be landscape or portrait")
        if not 50 <= self.dpi <= 1200:
            raise ValueError("dpi must be between 50 and 1200")

    @property
    def size_mm(self) -> tuple[float, float]:
        short, long = PAGE_SIZES_MM[self.page]
        return (long, short) if self.orientation == "landscape" else (short, long)
