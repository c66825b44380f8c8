"""The question of the Find gaps panel: which areas, which kinds of asset, within what
distance, and what counts as population, need and provision.

The box only holds the choices; the panel fills its lists from the project, reads them
into ``AnalysisParams`` and runs the search when Find gaps is pressed.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
)

from assetmap.qt.i18n import translate
from assetmap.qt.panels.analysis.category_tree import CategoryTree

WALK_M_PER_MIN = 80.0  # a steady walk: 800 m is about ten minutes
MUTED_STYLE = "color: #57606A;"


class QuestionBox(QGroupBox):
    """Areas, Assets, Within, Population, Need, Provision, the two ticks and Find gaps."""

    def __init__(self) -> None:
        super().__init__()
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.area_set = QComboBox()
        self.area_set.setAccessibleName(translate("FindGaps", "Areas"))
        form.addRow(translate("FindGaps", "Areas"), self.area_set)
        self.categories = CategoryTree()
        form.addRow(translate("FindGaps", "Assets"), self.categories)
        form.addRow(translate("FindGaps", "Within"), self._build_distance())
        self.population = QComboBox()
        self.population.setAccessibleName(translate("FindGaps", "Population field"))
        form.addRow(translate("FindGaps", "Population"), self.population)
        self.need = QComboBox()
        self.need.setAccessibleName(translate("FindGaps", "Need field"))
        self.need.setToolTip(
            translate(
                "FindGaps", "A figure where higher means more need, such as a deprivation score"
            )
        )
        form.addRow(translate("FindGaps", "Need"), self.need)
        form.addRow(translate("FindGaps", "Provision"), self._build_provision())
        self.include_pending = QCheckBox(
            translate("FindGaps", "Include contributions awaiting review")
        )
        form.addRow(self.include_pending)
        self.include_needs = QCheckBox(translate("FindGaps", "Report needs raised in workshops"))
        self.include_needs.setToolTip(
            translate(
                "FindGaps",
                "Count the need pins (“this is missing here”) in each area as a figure of "
                "its own. They never count as assets.",
            )
        )
        form.addRow(self.include_needs)
        form.addRow(self._build_find_button())

    def _build_distance(self) -> QHBoxLayout:
        self.distance = QSpinBox()
        self.distance.setRange(50, 20_000)
        self.distance.setSingleStep(50)
        self.distance.setValue(800)
        self.distance.setSuffix(translate("FindGaps", " m"))
        self.distance.setAccessibleName(translate("FindGaps", "Distance"))
        self.walk = QLabel()
        self.walk.setWordWrap(True)
        self.walk.setStyleSheet(MUTED_STYLE)
        self.distance.valueChanged.connect(self._describe_walk)
        self._describe_walk(self.distance.value())
        row = QHBoxLayout()
        row.addWidget(self.distance)
        row.addWidget(self.walk, 1)
        return row

    def _build_provision(self) -> QComboBox:
        self.provision = QComboBox()
        self.provision.addItem(
            translate("FindGaps", "Share of the area within the distance"), "coverage"
        )
        self.provision.addItem(translate("FindGaps", "Assets per 1,000 people"), "per_1000")
        self.provision.setAccessibleName(translate("FindGaps", "Provision"))
        self.provision.setToolTip(
            translate("FindGaps", "What counts as provision when it is set against need")
        )
        return self.provision

    def _build_find_button(self) -> QPushButton:
        self.find_button = QPushButton(translate("FindGaps", "Find gaps"))
        self.find_button.setAccessibleName(translate("FindGaps", "Find gaps"))
        self.find_button.setMinimumHeight(34)
        font = QFont(self.find_button.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.find_button.setFont(font)
        self.find_button.setDefault(True)
        return self.find_button

    def _describe_walk(self, metres: int) -> None:
        minutes = max(1, round(metres / WALK_M_PER_MIN))
        words = translate("FindGaps", "about a {minutes}-minute walk").format(minutes=minutes)
        self.walk.setText(words if minutes < 90 else "")
