"""Add or edit one agreed outcome: its title, what and how far, for which areas, by when."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import areas, categories
from assetmap.core.errors import BadInputError
from assetmap.core.outcomes import defaults
from assetmap.core.outcomes.model import Outcome
from assetmap.core.project import Project
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate

WORDS = {
    "add": QT_TRANSLATE_NOOP("OutcomeForm", "Add an outcome"),
    "edit": QT_TRANSLATE_NOOP("OutcomeForm", "Edit the outcome"),
    "title": QT_TRANSLATE_NOOP("OutcomeForm", "&Outcome agreed:"),
    "title_hint": QT_TRANSLATE_NOOP(
        "OutcomeForm", "e.g. Every neighbourhood within 800 m of a food bank or pantry"
    ),
    "target": QT_TRANSLATE_NOOP("OutcomeForm", "&Category or group:"),
    "area_set": QT_TRANSLATE_NOOP("OutcomeForm", "&Areas:"),
    "distance": QT_TRANSLATE_NOOP("OutcomeForm", "&Within:"),
    "threshold": QT_TRANSLATE_NOOP("OutcomeForm", "Coverage &at least:"),
    "threshold_tip": QT_TRANSLATE_NOOP(
        "OutcomeForm", "The share of an area's surface that must be within the distance"
    ),
    "band": QT_TRANSLATE_NOOP("OutcomeForm", "&For:"),
    "band_needs": QT_TRANSLATE_NOOP(
        "OutcomeForm", "Needs a need indicator (e.g. IMD score) on the areas"
    ),
    "date": QT_TRANSLATE_NOOP("OutcomeForm", "Target date:"),
    "has_date": QT_TRANSLATE_NOOP("OutcomeForm", "By a date"),
    "group": QT_TRANSLATE_NOOP("OutcomeForm", "group"),
}
# Which areas an outcome is for (core.outcomes.model.applies_to_words, capitalised).
SHARE = "share"  # the combo's data for "a share of the people"
FOR_WORDS = {
    None: QT_TRANSLATE_NOOP("OutcomeForm", "Every area"),
    1: QT_TRANSLATE_NOOP("OutcomeForm", "The fifth of areas most in need"),
    2: QT_TRANSLATE_NOOP("OutcomeForm", "The fifth of areas second most in need"),
    3: QT_TRANSLATE_NOOP("OutcomeForm", "The fifth of areas middle in need"),
    4: QT_TRANSLATE_NOOP("OutcomeForm", "The fifth of areas second least in need"),
    5: QT_TRANSLATE_NOOP("OutcomeForm", "The fifth of areas least in need"),
    SHARE: QT_TRANSLATE_NOOP(
        "OutcomeForm", "The most deprived areas home to a share of the people"
    ),
}
DEFAULT_SHARE = 20  # per cent: "the most deprived areas, home to a fifth of us"


class OutcomeForm(QDialog):
    def __init__(
        self, project: Project, parent: QWidget | None = None, outcome: Outcome | None = None
    ) -> None:
        super().__init__(parent)
        self.project, self.editing = project, outcome
        self.setWindowTitle(translate("OutcomeForm", WORDS["edit" if outcome else "add"]))
        self._build()
        if outcome is not None:
            self._show(outcome)
        self.title.setFocus()

    def _build(self) -> None:
        self.title = QLineEdit()
        self.title.setPlaceholderText(translate("OutcomeForm", WORDS["title_hint"]))
        self.title.setMinimumWidth(420)
        self.target = QComboBox()
        for c in categories.all_categories(self.project):
            self.target.addItem(c.label, c.key)
        for group in dict.fromkeys(c.group for c in categories.all_categories(self.project)):
            self.target.addItem(f"{group} ({translate('OutcomeForm', WORDS['group'])})", group)
        self.area_set = QComboBox()
        for info in areas.list_sets(self.project):
            self.area_set.addItem(info.name, info.name)
        self.distance = QSpinBox()
        self.distance.setRange(10, 100_000)
        self.distance.setSingleStep(100)
        self.distance.setSuffix(" m")
        self.distance.setValue(800)
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(1, 100)
        self.threshold.setDecimals(0)
        self.threshold.setSuffix(" %")
        self.threshold.setValue(50)
        self.threshold.setToolTip(translate("OutcomeForm", WORDS["threshold_tip"]))
        self.band = QComboBox()
        for key, words in FOR_WORDS.items():
            self.band.addItem(translate("OutcomeForm", words), key)
        self.share = QSpinBox()
        self.share.setRange(1, 100)
        self.share.setSuffix(" %")
        self.share.setValue(DEFAULT_SHARE)
        self.share.setToolTip(
            translate(
                "OutcomeForm",
                "The most deprived areas (by the need indicator) that together are home to "
                "this share of the people",
            )
        )
        self.share.setEnabled(False)
        self.band.currentIndexChanged.connect(
            lambda: self.share.setEnabled(self.band.currentData() == SHARE)
        )
        self.has_date = QCheckBox(translate("OutcomeForm", WORDS["has_date"]))
        self.date = QDateEdit(QDate.currentDate().addYears(1))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setEnabled(False)
        self.has_date.toggled.connect(self.date.setEnabled)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(translate("OutcomeForm", WORDS["title"]), self.title)
        form.addRow(translate("OutcomeForm", WORDS["target"]), self.target)
        form.addRow(translate("OutcomeForm", WORDS["area_set"]), self.area_set)
        form.addRow(translate("OutcomeForm", WORDS["distance"]), self.distance)
        form.addRow(translate("OutcomeForm", WORDS["threshold"]), self.threshold)
        form.addRow(translate("OutcomeForm", WORDS["band"]), self.band)
        form.addRow(translate("OutcomeForm", "Share of the &people:"), self.share)
        dates = QHBoxLayout()
        dates.addWidget(self.has_date)
        dates.addWidget(self.date, 1)
        form.addRow(translate("OutcomeForm", WORDS["date"]), dates)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _show(self, outcome: Outcome) -> None:
        self.title.setText(outcome.title)
        _choose(self.target, outcome.target)
        _choose(self.area_set, outcome.area_set)
        self.distance.setValue(round(outcome.distance_m))
        self.threshold.setValue(outcome.threshold * 100)
        if outcome.population_share is not None:
            _choose(self.band, SHARE)
            self.share.setValue(round(outcome.population_share * 100))
        else:
            _choose(self.band, outcome.need_band)
        if outcome.target_date:
            self.has_date.setChecked(True)
            self.date.setDate(QDate.fromString(outcome.target_date, "yyyy-MM-dd"))

    def outcome(self) -> Outcome:
        """The outcome as entered; a BadInputError names what is missing or wrong."""
        area_set = self.area_set.currentData()
        if area_set is None:
            raise BadInputError("the project has no areas yet; import some first", field="areas")
        keep = self.editing
        chosen = self.band.currentData()
        values: dict[str, Any] = dict(
            title=self.title.text().strip(),
            target=str(self.target.currentData()),
            area_set=str(area_set),
            distance_m=float(self.distance.value()),
            threshold=self.threshold.value() / 100,
            need_band=None if chosen == SHARE else chosen,
            population_share=self.share.value() / 100 if chosen == SHARE else None,
            population_field=defaults.population_field(self.project, area_set),
            need_field=defaults.need_field(self.project, area_set),
            target_date=self.date.date().toString("yyyy-MM-dd")
            if self.has_date.isChecked()
            else None,
        )
        if values["need_band"] is not None and values["need_field"] is None:
            raise BadInputError(translate("OutcomeForm", WORDS["band_needs"]), field="need")
        if chosen == SHARE and (values["population_field"] is None or values["need_field"] is None):
            raise BadInputError(
                translate(
                    "OutcomeForm",
                    "A share of the people needs a population field and a need indicator "
                    "(e.g. IMD score) on the areas",
                ),
                field="population",
            )
        return Outcome(**values) if keep is None else Outcome(**values, uuid=keep.uuid)

    def accept(self) -> None:
        try:
            self.outcome()
        except BadInputError as exc:
            self.problem.setText(str(exc))
            return
        super().accept()


def _choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)
