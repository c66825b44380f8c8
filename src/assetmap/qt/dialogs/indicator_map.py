"""View ▸ Colour areas by indicator: draw any joined indicator (population, an IMD score or
rank, a domain) as a choropleth, with the classes and colour ramps the gap maps offer, and
name it as the legend should (the label is a command, so Undo takes it back)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import areas
from assetmap.core.analysis import classify
from assetmap.core.commands.indicators import RelabelIndicator
from assetmap.core.errors import BadInputError
from assetmap.core.i18n import translated
from assetmap.core.layers import ThematicStyle
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.session import Session

# English, marked for translation; shown through _words.
WORDS = {
    "title": QT_TRANSLATE_NOOP("IndicatorMap", "Colour areas by indicator"),
    "set": QT_TRANSLATE_NOOP("IndicatorMap", "&Areas:"),
    "indicator": QT_TRANSLATE_NOOP("IndicatorMap", "&Indicator:"),
    "label": QT_TRANSLATE_NOOP("IndicatorMap", "&Legend title:"),
    "scheme": QT_TRANSLATE_NOOP("IndicatorMap", "&Classes:"),
    "k": QT_TRANSLATE_NOOP("IndicatorMap", "&Number of classes:"),
    "palette": QT_TRANSLATE_NOOP("IndicatorMap", "C&olours:"),
    "reversed": QT_TRANSLATE_NOOP("IndicatorMap", "&Reverse the colours (high values light)"),
    "none": QT_TRANSLATE_NOOP(
        "IndicatorMap",
        "This project has no indicators joined to its areas yet: File ▸ Import ▸ "
        "Indicators joins population or deprivation figures.",
    ),
    "show": QT_TRANSLATE_NOOP("IndicatorMap", "Show on map"),
}


def _words(key: str) -> str:
    return translate("IndicatorMap", WORDS[key])


class IndicatorMapDialog(QDialog):
    """Choose an area set's indicator and how to class and colour it; OK draws it."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(_words("title"))
        self.set_combo = QComboBox()
        self.indicator_combo = QComboBox()
        self.label_edit = QLineEdit()
        self.label_edit.setAccessibleName(translate("IndicatorMap", "Legend title"))
        self.scheme_combo = _combo(classify.SCHEMES)
        self.k_spin = QSpinBox()
        self.k_spin.setRange(classify.MIN_CLASSES, classify.MAX_CLASSES)
        self.k_spin.setValue(5)
        self.palette_combo = _combo(classify.PALETTE_NAMES)
        self.reversed_check = QCheckBox(_words("reversed"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B42318")
        self.error.hide()
        self._build_layout()
        self._fill_sets()
        self._show_current()
        self.set_combo.currentIndexChanged.connect(self._fill_indicators)
        self.indicator_combo.currentIndexChanged.connect(self._show_label)

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(_words("set"), self.set_combo)
        form.addRow(_words("indicator"), self.indicator_combo)
        form.addRow(_words("label"), self.label_edit)
        form.addRow(_words("scheme"), self.scheme_combo)
        form.addRow(_words("k"), self.k_spin)
        form.addRow(_words("palette"), self.palette_combo)
        form.addRow("", self.reversed_check)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_words("show"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _fill_sets(self) -> None:
        project = self.session.project
        for info in areas.list_sets(project):
            if any(i.numeric for i in areas.indicators(project, info.name)):
                self.set_combo.addItem(info.name, info.name)
        self._fill_indicators()

    def _fill_indicators(self, *_: object) -> None:
        self.indicator_combo.blockSignals(True)
        self.indicator_combo.clear()
        name = self.set_combo.currentData()
        if name:
            for indicator in areas.indicators(self.session.project, name):
                if indicator.numeric:
                    self.indicator_combo.addItem(indicator.label, indicator.column)
        self.indicator_combo.blockSignals(False)
        self._show_label()
        has_any = self.indicator_combo.count() > 0
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(has_any)
        if not has_any:
            self._say(_words("none"))

    def _show_label(self, *_: object) -> None:
        self.label_edit.setText(self.indicator_combo.currentText())

    def _show_current(self) -> None:
        """Open on the indicator the map shows, if it shows one."""
        shown = self.session.layers.thematic
        if shown is None or shown.mode != "indicator":
            return
        self.set_combo.setCurrentIndex(max(self.set_combo.findData(shown.area_set), 0))
        self._fill_indicators()
        self.indicator_combo.setCurrentIndex(max(self.indicator_combo.findData(shown.indicator), 0))
        self.scheme_combo.setCurrentIndex(max(self.scheme_combo.findData(shown.scheme), 0))
        self.k_spin.setValue(shown.k)
        self.palette_combo.setCurrentIndex(max(self.palette_combo.findData(shown.palette), 0))
        self.reversed_check.setChecked(shown.reversed)

    def chosen_style(self) -> ThematicStyle:
        return ThematicStyle(
            area_set=str(self.set_combo.currentData()),
            run_id=0,
            category="",
            mode="indicator",
            indicator=str(self.indicator_combo.currentData()),
            scheme=str(self.scheme_combo.currentData()),
            k=self.k_spin.value(),
            palette=str(self.palette_combo.currentData()),
            reversed=self.reversed_check.isChecked(),
        )

    def accept(self) -> None:
        if self.indicator_combo.count() == 0:
            return
        style = self.chosen_style()
        label = " ".join(self.label_edit.text().split())
        if label != self.indicator_combo.currentText():
            try:
                self.session.push(RelabelIndicator(style.area_set, style.indicator, label))
            except BadInputError as error:
                self._say(str(error))
                return
        self.session.layers.set_area_style(style.area_set, visible=True)
        self.session.layers.set_thematic(style)
        super().accept()

    def _say(self, text: str) -> None:
        self.error.setText(text[:1].upper() + text[1:])
        self.error.show()


def _combo(choices: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    for key, words in choices.items():
        combo.addItem(translated(words), key)  # the core's names, marked translatable
    return combo
