"""Which assets an export carries: what you see is what you export.

Hidden categories and the table's filter apply; assets flagged as personal data
are left out unless the user opted in for this export, and the count left out
is reported so the export can say so. Rejected assets are left out the same way: a
review said they do not belong on the map, so a data export carries them only when
asked (an audit of what was turned down), and a map never draws them, as the map
window does not.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import geopandas as gpd
import pandas as pd

from assetmap.core import assets
from assetmap.core.export.options import ExportOptions
from assetmap.core.i18n import translatable, translated
from assetmap.core.layers import MapLayers
from assetmap.core.project import Project


@dataclass
class ChosenAssets:
    frame: gpd.GeoDataFrame  # live assets to export (unplaced ones have no geometry)
    personal_left_out: int
    hidden_left_out: int
    rejected_left_out: int = 0
    outside_analysis: int = 0  # a national HTML gap map: assets the analysis did not measure

    def notice(self) -> str:
        """The sentence an export carries about what it leaves out ("" when nothing): a
        plain statement, since leaving out is what the user asked for."""
        counts = (
            (self.personal_left_out, _PERSONAL),
            (self.rejected_left_out, _REJECTED),
            (self.hidden_left_out, _HIDDEN),
            (self.outside_analysis, _NOT_MEASURED),
        )
        parts = [translated(words[n == 1]).format(n=n) for n, words in counts if n]
        if not parts:
            return ""
        return translated("Left out: {items}.").format(items="; ".join(parts))


# What an export leaves out, after its count: (more than one, just one).
_PERSONAL = {
    False: translatable("{n:,} assets holding personal data"),
    True: translatable("{n:,} asset holding personal data"),
}
_REJECTED = {
    False: translatable("{n:,} rejected assets"),
    True: translatable("{n:,} rejected asset"),
}
_HIDDEN = {
    False: translatable("{n:,} assets in categories hidden on the map or filtered out"),
    True: translatable("{n:,} asset in categories hidden on the map or filtered out"),
}
_NOT_MEASURED = {
    False: translatable(
        "{n:,} assets in categories the gap analysis did not measure (a map this large "
        "carries only those it measured)"
    ),
    True: translatable(
        "{n:,} asset in categories the gap analysis did not measure (a map this large "
        "carries only those it measured)"
    ),
}


#: Markers above which an HTML gap map carries only the analysed categories' assets.
GAP_MAP_MARKERS_ABOVE = 20_000


def for_gap_map(chosen: ChosenAssets, categories: tuple[str, ...] | None) -> ChosenAssets:
    """A national gap map with every asset was mostly markers nobody asked about (10 MB of
    a 32 MB page for 200,000): above GAP_MAP_MARKERS_ABOVE it keeps the ``categories`` the
    analysis measured, and its notice says how many it left out."""
    if categories is None or len(chosen.frame) <= GAP_MAP_MARKERS_ABOVE:
        return chosen
    keep = chosen.frame["category"].isin(categories).to_numpy()
    return replace(
        chosen,
        frame=chosen.frame[keep].reset_index(drop=True),
        outside_analysis=int((~keep).sum()),
    )


def visible_categories(project: Project, options: ExportOptions) -> tuple[str, ...]:
    if options.categories is not None:
        return tuple(options.categories)
    from assetmap.core import categories

    layers = MapLayers.load(project)
    return tuple(layers.visible_categories([c.key for c in categories.all_categories(project)]))


# What a map needs of each asset; data exports read every column.
MAP_COLUMNS = ("uuid", "name", "category", "personal_data", "review", "pin_kind")
# What the HTML map's markers and popups show (html_assets.POPUP_FIELDS): reading only these
# of 200,000 assets saves seconds of a national map.
HTML_COLUMNS = (
    *MAP_COLUMNS,
    "address",
    "postcode",
    "phone",
    "website",
    "opening_hours",
    "audience",
)


def choose_assets(
    project: Project,
    options: ExportOptions,
    columns: tuple[str, ...] | None = None,
    *,
    for_map: bool = False,
    measured: tuple[str, ...] | None = None,
) -> ChosenAssets:
    """``columns`` limits what is read (a national map needs four of twenty-two);
    ``for_map`` leaves rejected assets out whatever ``options.include_rejected`` says;
    ``measured``, a gap map's analysed categories, limits a large map to them (for_gap_map)."""
    shown = visible_categories(project, options)
    if columns is None:
        return _without_names(_choose(assets.frame(project), shown, options, for_map), options)
    wanted = tuple(dict.fromkeys((*columns, "uuid", *_CHOOSING)))
    if measured is not None and options.asset_uuids is None:
        # Choose on the counts of each kind of asset first, then read in full only those
        # kept: a national gap map reads 25,000 assets' popups, not 200,000.
        kinds = gpd.GeoDataFrame(assets.counts(project, _CHOOSING))
        light = _choose(kinds, shown, options, for_map, kinds["n"])
        chosen_n = int(light.frame["n"].sum())
        if chosen_n > GAP_MAP_MARKERS_ABOVE:
            where = f"category IN ({', '.join('?' for _ in measured)})"
            frame = assets.frame(project, columns=wanted, where=where, params=measured)
            kept = _choose(frame, shown, options, for_map).frame
            outside = chosen_n - len(kept)
            return _without_names(replace(light, frame=kept, outside_analysis=outside), options)
    chosen = _choose(assets.frame(project, columns=wanted), shown, options, for_map)
    return _without_names(for_gap_map(chosen, measured), options)


_CHOOSING = ("category", "personal_data", "review")  # what choosing reads, with uuid


def _choose(
    frame: gpd.GeoDataFrame,
    shown_categories: tuple[str, ...],
    options: ExportOptions,
    for_map: bool,
    counts: pd.Series | None = None,
) -> ChosenAssets:
    """The assets (or, with ``counts``, the kinds of asset, each that many) to export."""

    def number(mask: pd.Series) -> int:
        return int(mask.sum() if counts is None else counts[mask].sum())

    shown = frame["category"].isin(shown_categories)
    if options.asset_uuids is not None:
        shown &= frame["uuid"].isin(options.asset_uuids)
    rejected = (frame["review"] == "rejected") & (for_map or not options.include_rejected)
    personal = frame["personal_data"].astype(bool) & (not options.include_personal)
    keep = shown & ~rejected & ~personal
    return ChosenAssets(
        frame=frame[keep].reset_index(drop=True),
        personal_left_out=number(shown & ~rejected & personal),
        hidden_left_out=number(~shown),
        rejected_left_out=number(shown & rejected),
    )


def _without_names(chosen: ChosenAssets, options: ExportOptions) -> ChosenAssets:
    if not options.include_names and "contributor" in chosen.frame.columns:
        # A workshop participant's display name is about a resident, not the asset: files
        # handed on keep the column (the same fields every time) but not the names.
        chosen.frame["contributor"] = None
    return chosen
