"""The "Assets" tree of the Find gaps question: kinds of asset under their groups, to tick.

Ticking a group ticks only its kinds with assets (an empty one would add a gap in every area
and bury the real ones); an empty kind can still be ticked on its own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from assetmap.core.taxonomy import Category, group_names
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.items import child_items, top_items

MUTED = "#57606A"
EMPTY_ROLE = Qt.ItemDataRole.UserRole + 1  # True on a kind with no assets to count
EMPTY_TIP = QT_TRANSLATE_NOOP(
    "FindGaps",
    "No assets of this kind to count yet. Ticking its group leaves it out; "
    "tick it on its own to see every area as a gap in it.",
)


class CategoryTree(QTreeWidget):
    """Groups with their kinds of asset, each kind with how many an analysis would count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling_tree = False  # ticks set by the panel, not the user
        self.setHeaderHidden(True)
        self.itemChanged.connect(self._on_category_ticked)
        self.setAccessibleName(translate("FindGaps", "Kinds of asset to look for"))
        self.setMinimumHeight(150)
        self.setMaximumHeight(200)

    def fill(self, cats: list[Category], counts: dict[str, int]) -> None:
        """Each kind of asset with its count; the empty ones greyed, the ticks kept."""
        ticked = set(self.chosen_categories())
        opened = {item.text(0) for item in top_items(self) if item.isExpanded()}
        self._filling_tree = True
        self.clear()
        known = group_names()
        groups = list(dict.fromkeys(c.group for c in cats))
        groups = [g for g in known if g in groups] + [g for g in groups if g not in known]
        for group in groups:
            top = QTreeWidgetItem(self, [group])
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            for cat in (c for c in cats if c.group == group):
                n = counts.get(cat.key, 0)
                child = QTreeWidgetItem(top, [f"{cat.label} ({n:,})"])
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setData(0, Qt.ItemDataRole.UserRole, cat.key)
                child.setData(0, EMPTY_ROLE, n == 0)
                if n == 0:
                    child.setForeground(0, QColor(MUTED))
                    child.setToolTip(0, translate("FindGaps", EMPTY_TIP))
                checked = cat.key in ticked
                child.setCheckState(
                    0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                )
            self._sum_up(top)
            top.setExpanded(
                group in opened or any(c.key in ticked for c in cats if c.group == group)
            )
        self._filling_tree = False

    def _on_category_ticked(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._filling_tree:
            return
        self._filling_tree = True
        try:
            if item.parent() is None:
                on = item.checkState(0) == Qt.CheckState.Checked
                self._tick_group(item, on)
                item.setExpanded(item.isExpanded() or on)  # show what was left out
            elif (group := item.parent()) is not None:
                self._sum_up(group)
        finally:
            self._filling_tree = False

    @staticmethod
    def _tick_group(group: QTreeWidgetItem, on: bool) -> None:
        """A group's tick goes to its kinds with assets; unticking it clears them all."""
        for child in child_items(group):
            if on and _empty(child):
                continue
            child.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    @staticmethod
    def _sum_up(group: QTreeWidgetItem) -> None:
        """Ticked when all its kinds with assets are, part-ticked when some kind is.

        A group with no assets at all has no tick of its own, only its greyed kinds.
        """
        children = child_items(group)
        ticked = [c.checkState(0) == Qt.CheckState.Checked for c in children]
        with_assets = [t for c, t in zip(children, ticked, strict=True) if not _empty(c)]
        if not with_assets:
            group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            group.setForeground(0, QColor(MUTED))
            group.setToolTip(0, translate("FindGaps", "No assets of these kinds to count yet"))
            return
        if all(with_assets):
            state = Qt.CheckState.Checked
        else:
            state = Qt.CheckState.PartiallyChecked if any(ticked) else Qt.CheckState.Unchecked
        group.setCheckState(0, state)

    def chosen_categories(self) -> list[str]:
        keys = []
        for top in top_items(self):
            for child in child_items(top):
                if child.checkState(0) == Qt.CheckState.Checked:
                    keys.append(str(child.data(0, Qt.ItemDataRole.UserRole)))
        return keys

    def chosen_groups(self) -> list[str]:
        out = []
        for top in top_items(self):
            if top.checkState(0) == Qt.CheckState.Checked:
                out.append(top.text(0))
        return out

    def left_out_categories(self) -> list[str]:
        """The kinds with no assets in the groups ticked whole: said to be left out."""
        keys = []
        for top in top_items(self):
            if top.checkState(0) != Qt.CheckState.Checked:
                continue
            for child in child_items(top):
                if child.checkState(0) != Qt.CheckState.Checked:
                    keys.append(str(child.data(0, Qt.ItemDataRole.UserRole)))
        return keys

    def category_item(self, label: str) -> QTreeWidgetItem | None:
        """The tree item of a category or group, by its label (for tests and keyboard use)."""
        for item in self.findItems(
            label, Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive
        ):
            if item.text(0) == label or item.text(0).startswith(f"{label} ("):
                return item
        return None


def _empty(item: QTreeWidgetItem) -> bool:
    return bool(item.data(0, EMPTY_ROLE))
