"""The "Show on the map" box of the Find gaps panel: what colours the areas, and how.

The box only holds the choices and turns them into a ``ThematicStyle``; the panel puts that
on the map (``session.layers``), so a reopened project shows the map as it was saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QSpinBox

from assetmap.core.analysis import classify
from assetmap.core.analysis.engine import ALL_CHOSEN_LABEL, AnalysisResult
from assetmap.core.analysis.params import ALL_CHOSEN
from assetmap.core.layers import ThematicStyle
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

# What the map can show, in the words of the "Show" list: a measure's key, or a mode.
SHOW_CHOICES = (
    (QT_TRANSLATE_NOOP("FindGaps", "Assets in each area"), "assets"),
    (QT_TRANSLATE_NOOP("FindGaps", "Assets per 1,000 people"), "per_1000"),
    (QT_TRANSLATE_NOOP("FindGaps", "Assets per km²"), "density_km2"),
    (QT_TRANSLATE_NOOP("FindGaps", "Distance to the nearest asset (m)"), "nearest_m"),
    (QT_TRANSLATE_NOOP("FindGaps", "Share of the area within {d} (%)"), "coverage"),
    (QT_TRANSLATE_NOOP("FindGaps", "Gap or not"), "gaps"),
    (QT_TRANSLATE_NOOP("FindGaps", "Need against provision"), "bivariate"),
)
MODES = ("gaps", "bivariate")
# The core's names of the class schemes and palettes (classify.SCHEMES, PALETTE_NAMES), the
# same English, marked here to be shown in the app's language.
SCHEME_WORDS = {
    "quantiles": QT_TRANSLATE_NOOP("FindGaps", "Same number of areas in each class"),
    "natural_breaks": QT_TRANSLATE_NOOP("FindGaps", "Natural breaks (Fisher–Jenks)"),
    "equal_interval": QT_TRANSLATE_NOOP("FindGaps", "Equal steps"),
}
PALETTE_WORDS = {
    "YlGnBu": QT_TRANSLATE_NOOP("FindGaps", "Yellow–green–blue"),
    "YlOrRd": QT_TRANSLATE_NOOP("FindGaps", "Yellow–orange–red"),
    "Blues": QT_TRANSLATE_NOOP("FindGaps", "Blues"),
    "Greens": QT_TRANSLATE_NOOP("FindGaps", "Greens"),
}


class MapOptions(QGroupBox):
    """Show, For, Classes, Colours, the covered ground and whether other kinds are hidden."""

    def __init__(self) -> None:
        super().__init__(translate("FindGaps", "Show on the map"))
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.show_combo = QComboBox()
        self.show_combo.setAccessibleName(translate("FindGaps", "Show"))
        form.addRow(translate("FindGaps", "Show"), self.show_combo)
        self.category_combo = QComboBox()
        self.category_combo.setAccessibleName(translate("FindGaps", "Category shown"))
        form.addRow(translate("FindGaps", "For"), self.category_combo)
        self.scheme = QComboBox()
        for key, words in classify.SCHEMES.items():
            self.scheme.addItem(translate("FindGaps", SCHEME_WORDS.get(key, words)), key)
        self.scheme.setAccessibleName(translate("FindGaps", "Classes"))
        self.classes = QSpinBox()
        self.classes.setRange(classify.MIN_CLASSES, classify.MAX_CLASSES)
        self.classes.setValue(5)
        self.classes.setAccessibleName(translate("FindGaps", "Number of classes"))
        row = QHBoxLayout()
        row.addWidget(self.scheme, 1)
        row.addWidget(self.classes)
        form.addRow(translate("FindGaps", "Classes"), row)
        self.palette_combo = QComboBox()
        for key, words in classify.PALETTE_NAMES.items():  # viridis and cividis are names
            self.palette_combo.addItem(translate("FindGaps", PALETTE_WORDS.get(key, words)), key)
        self.palette_combo.setAccessibleName(translate("FindGaps", "Colours"))
        self.reverse = QCheckBox(translate("FindGaps", "Dark = low"))
        self.reverse.setToolTip(translate("FindGaps", "Darkest colour for the lowest values"))
        row = QHBoxLayout()
        row.addWidget(self.palette_combo, 1)
        row.addWidget(self.reverse)
        form.addRow(translate("FindGaps", "Colours"), row)
        self.show_coverage = QCheckBox()
        self.show_coverage.setToolTip(
            translate("FindGaps", "While a what-if is shown, the proposed assets' reach too")
        )
        form.addRow(self.show_coverage)
        self.only_chosen = QCheckBox(translate("FindGaps", "Hide the other kinds of asset"))
        self.only_chosen.setChecked(True)
        self.only_chosen.setToolTip(
            translate("FindGaps", "Show only the assets this search looked for")
        )
        form.addRow(self.only_chosen)

    def connect_changes(self, changed: Callable[[], None]) -> None:
        """``changed`` runs on every choice the user makes in the box."""
        self.only_chosen.toggled.connect(changed)
        for combo in (self.show_combo, self.category_combo, self.scheme, self.palette_combo):
            combo.currentIndexChanged.connect(changed)
        self.classes.valueChanged.connect(changed)
        self.reverse.toggled.connect(changed)
        self.show_coverage.toggled.connect(changed)

    def fill(
        self,
        result: AnalysisResult,
        category_label: Callable[[str], str],
        saved: ThematicStyle | None,
        coverage_shown: bool,
    ) -> None:
        """The choices a run offers; ``saved`` is the style it was last shown with, if any."""
        params = result.params
        d = f"{params.distance_m:,.0f} m"
        self.show_combo.clear()
        for words, choice in SHOW_CHOICES:
            if choice == "per_1000" and params.population_field is None:
                continue
            if choice == "bivariate" and params.need_field is None:
                continue
            self.show_combo.addItem(translate("FindGaps", words).format(d=d), choice)
        self.category_combo.clear()
        for key in params.categories:
            self.category_combo.addItem(category_label(key), key)
        if len(params.categories) > 1:
            self.category_combo.addItem(ALL_CHOSEN_LABEL, ALL_CHOSEN)
        self.show_coverage.setText(
            translate("FindGaps", "Show the ground within {d} of an asset").format(d=d)
        )
        if saved is not None:
            self._set_controls(saved)
        else:
            select(self.show_combo, "bivariate" if params.need_field else "coverage")
            self.set_measure_colours("coverage")
        self.show_coverage.setChecked(coverage_shown)

    def _set_controls(self, style: ThematicStyle) -> None:
        select(self.show_combo, style.measure if style.mode == "measure" else style.mode)
        select(self.category_combo, style.category)
        select(self.scheme, style.scheme)
        select(self.palette_combo, style.palette)
        self.classes.setValue(style.k)
        self.reverse.setChecked(style.reversed)

    def set_measure_colours(self, measure: str) -> None:
        """Each measure's default: its worst areas darkest."""
        select(self.palette_combo, classify.MEASURES[measure].palette)
        self.reverse.setChecked(classify.MEASURES[measure].low_is_bad)

    def thematic_style(self, result: AnalysisResult) -> ThematicStyle | None:
        if result.run_id is None:
            return None
        choice = str(self.show_combo.currentData() or "coverage")
        return ThematicStyle(
            area_set=result.params.area_set,
            run_id=result.run_id,
            category=str(self.category_combo.currentData() or result.params.categories[0]),
            mode=choice if choice in MODES else "measure",
            measure="coverage" if choice in MODES else choice,
            scheme=str(self.scheme.currentData()),
            k=self.classes.value(),
            palette=str(self.palette_combo.currentData()),
            reversed=self.reverse.isChecked(),
        )

    def enable_for_choice(self) -> None:
        """Classes and colours only mean something for some kinds of map."""
        choice = self.show_combo.currentData()
        measure = choice not in MODES
        self.scheme.setEnabled(measure)
        self.classes.setEnabled(measure)
        self.palette_combo.setEnabled(choice != "bivariate")
        self.reverse.setEnabled(measure)


def select(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)
