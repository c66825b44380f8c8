"""The right-hand card: what the user clicked on the map, in words, with what they can do next.

It follows the selection (one asset, several, none) and can instead show an identified
area's figures. It only reads the project; Delete goes through a core command after the
user confirms, so Edit > Undo brings the asset back.
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd
import shapely
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from assetmap.core import areas, assets, custom_fields
from assetmap.core import attachments as photo_store
from assetmap.core.commands import DeleteAsset, RenameField
from assetmap.core.errors import AssetmapError
from assetmap.core.model import Asset
from assetmap.core.taxonomy import Category
from assetmap.core.workshop import sessions
from assetmap.qt.errors import show_error
from assetmap.qt.i18n import QT_TRANSLATE_NOOP, translate
from assetmap.qt.panels.card_text import (
    custom_value_text,
    format_value,
    friendly_date,
    friendly_label,
    review_text,
)
from assetmap.qt.panels.card_widgets import (
    MUTED,
    PhotoViewer,
    add_detail,
    detail_form,
    heading_label,
    scaled_pixmap,
    subheading_label,
    symbol_pixmap,
    text_label,
    website_link,
)
from assetmap.qt.review_actions import review_selection
from assetmap.qt.session import Session

HINT = QT_TRANSLATE_NOOP("AssetCard", "Click an asset on the map to see its details.")
AREA_HINT = QT_TRANSLATE_NOOP(
    "AssetCard", "Click an empty spot in a neighbourhood to see its figures."
)
THUMB_PX = 84
LIST_LIMIT = 50
NOTE_STYLE = "background: #FFF4D6; color: #5C3D00; border-radius: 3px; padding: 2px 6px;"
STATUS_LABELS = {
    "active": QT_TRANSLATE_NOOP("AssetCard", "Active"),
    "closed": QT_TRANSLATE_NOOP("AssetCard", "Closed"),
    "proposed": QT_TRANSLATE_NOOP("AssetCard", "Proposed"),
}
RENAME_TEXT = QT_TRANSLATE_NOOP("AssetCard", "Rename field…")


# ---- the card ---------------------------------------------------------------------------
class AssetCard(QWidget):
    """Details of the selected asset (or a summary of several, or an identified area)."""

    editRequested = Signal(str)
    moveRequested = Signal(str)
    zoomRequested = Signal(str)
    placeRequested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.mode = "hint"  # "hint" | "asset" | "many" | "area"
        self.uuid: str | None = None
        self.area: tuple[str, str] | None = None
        self.asset: Asset | None = None
        self.viewer: PhotoViewer | None = None
        self._build()
        session.selectionChanged.connect(self._follow_selection)
        session.assetsChanged.connect(self._on_assets_changed)
        session.categoriesChanged.connect(self.refresh)
        session.fieldsChanged.connect(self.refresh)
        session.areaSetsChanged.connect(self._on_area_sets_changed)
        self._follow_selection()

    def _build(self) -> None:
        self.scroll_area = QScrollArea()
        self.scroll_area.setAccessibleName(translate("AssetCard", "Asset details"))
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.actions_bar = self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.actions_bar)

    def _build_actions(self) -> QWidget:
        self.edit_button = QPushButton(translate("AssetCard", "Edit…"))
        self.move_button = QPushButton(translate("AssetCard", "Move"))
        self.zoom_button = QPushButton(translate("AssetCard", "Zoom to"))
        self.delete_button = QPushButton(translate("AssetCard", "Delete…"))
        self.edit_button.clicked.connect(lambda: self._emit(self.editRequested))
        self.move_button.clicked.connect(self._move_or_place)
        self.zoom_button.clicked.connect(lambda: self._emit(self.zoomRequested))
        self.delete_button.clicked.connect(self.confirm_delete)
        self.approve_button = QPushButton(translate("AssetCard", "Approve"))
        self.reject_button = QPushButton(translate("AssetCard", "Reject"))
        self.approve_button.setToolTip(
            translate("AssetCard", "Approve into the map (Edit ▸ Undo takes it back)")
        )
        self.reject_button.setToolTip(
            translate("AssetCard", "Reject: kept in the table, no longer drawn on the map")
        )
        self.approve_button.clicked.connect(lambda: self.set_review("approved"))
        self.reject_button.clicked.connect(lambda: self.set_review("rejected"))
        bar = QWidget()
        grid = QGridLayout(bar)
        grid.setContentsMargins(8, 6, 8, 8)
        for column, button in enumerate(
            (
                self.edit_button,
                self.move_button,
                self.zoom_button,
                self.delete_button,
                self.approve_button,
                self.reject_button,
            )
        ):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            grid.addWidget(button, column // 2, column % 2)
        return bar

    def set_review(self, state: str) -> None:
        """Approve or reject the selected assets (the one shown, or all of several)."""
        review_selection(self, self.session, state)

    # ---- what is shown -------------------------------------------------------------------
    def refresh(self) -> None:
        if self.mode == "area" and self.area is not None:
            self.show_area(*self.area)
        else:
            self._follow_selection(keep_area=False)

    def _follow_selection(self, keep_area: bool = True) -> None:
        chosen = sorted(self.session.selection)
        if not chosen and keep_area and self.mode == "area":
            return  # an identified area stays until something else is chosen
        if len(chosen) == 1 and self._show_asset(chosen[0]):
            return
        if len(chosen) > 1:
            self._show_many(chosen)
        else:
            self._show_hint()

    def _on_assets_changed(self, uuids: tuple[str, ...] | None, kind: str) -> None:
        if self.mode == "area":
            self.refresh()
        elif self.mode == "many" or (
            self.mode == "asset" and (uuids is None or self.uuid in uuids)
        ):
            self._follow_selection(keep_area=False)

    def _on_area_sets_changed(self) -> None:
        if self.mode != "area" or self.area is None:
            return
        names = {info.name for info in areas.list_sets(self.session.project)}
        if self.area[0] in names:
            self.show_area(*self.area)
        else:
            self.area = None
            self._follow_selection(keep_area=False)

    def _set_page(self, page: QWidget, mode: str, *, actions: bool = False) -> None:
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll_area.setWidget(page)
        self.mode = mode
        self.actions_bar.setVisible(actions)
        if mode != "asset":
            self.uuid = None
            self.asset = None
        if mode != "area":
            self.area = None

    @staticmethod
    def _page() -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(10, 10, 10, 10)
        column.setSpacing(6)
        return page, column

    def _show_hint(self) -> None:
        page, column = self._page()
        self.hint_label = text_label(translate("AssetCard", HINT), selectable=False)
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        more = text_label(translate("AssetCard", AREA_HINT), style=MUTED, selectable=False)
        more.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addStretch(1)
        column.addWidget(self.hint_label)
        column.addWidget(more)
        column.addStretch(2)
        self._set_page(page, "hint")

    # ---- one asset ---------------------------------------------------------------------
    def _show_asset(self, uuid: str) -> bool:
        asset = assets.find(self.session.project, uuid)
        if asset is None or asset.deleted:
            return False
        page, column = self._page()
        category = self.session.category(asset.category)
        column.addLayout(self._category_line(asset, category))
        self.heading = heading_label(asset.name)
        column.addWidget(self.heading)
        for note in self._notes(asset, category):
            column.addWidget(text_label(note, style=NOTE_STYLE, selectable=False))
        if asset.description:
            column.addWidget(text_label(asset.description))
        self.details = detail_form()
        self._fill_details(self.details, asset)
        self._add_custom(self.details, asset)
        column.addLayout(self.details)
        self._add_photos(column, asset)
        column.addStretch(1)
        self._set_page(page, "asset", actions=True)
        self.uuid, self.asset = uuid, asset
        self._update_actions(asset)
        return True

    def _category_line(self, asset: Asset, category: Category | None) -> QHBoxLayout:
        line = QHBoxLayout()
        self.symbol_label = QLabel()
        self.symbol_label.setPixmap(symbol_pixmap(category))
        self.symbol_label.setFixedSize(22, 22)
        text = category.label if category else asset.category
        if category is not None:
            text += f"  ·  {category.group}"
        self.category_label = text_label(text, style=MUTED)
        self.category_label.setAccessibleName(
            translate("AssetCard", "Category: {text}").format(text=text)
        )
        line.addWidget(self.symbol_label)
        line.addWidget(self.category_label, 1)
        return line

    @staticmethod
    def _notes(asset: Asset, category: Category | None) -> list[str]:
        notes = []
        if not asset.placed:
            notes.append(translate("AssetCard", "Not placed on the map"))
        elif asset.out_of_area:
            notes.append(translate("AssetCard", "Outside the project's areas"))
        if category is not None and category.personal_data:
            notes.append(
                translate(
                    "AssetCard",
                    "Personal data, as everything in {category}: kept out of exports unless chosen",
                ).format(category=category.label)
            )
        elif asset.personal_data:
            notes.append(translate("AssetCard", "Personal data: kept out of exports unless chosen"))
        if asset.review == "pending":
            notes.append(translate("AssetCard", "Awaiting review"))
        elif asset.review == "rejected":
            notes.append(translate("AssetCard", "Rejected in review"))
        return notes

    def _fill_details(self, form: QFormLayout, asset: Asset) -> None:
        address = "\n".join(p for p in (asset.address, asset.postcode) if p)
        if address:
            add_detail(form, translate("AssetCard", "Address"), address)
        if asset.contact:
            add_detail(form, translate("AssetCard", "Contact"), asset.contact)
        if asset.phone:
            add_detail(form, translate("AssetCard", "Phone"), asset.phone)
        if asset.website:
            add_detail(form, translate("AssetCard", "Website"), website_link(asset.website))
        if asset.opening_hours:
            hours = "\n".join(p.strip() for p in asset.opening_hours.split(";") if p.strip())
            add_detail(form, translate("AssetCard", "Opening hours"), hours)
        if asset.audience:
            add_detail(form, translate("AssetCard", "Who it's for"), ", ".join(asset.audience))
        status = STATUS_LABELS.get(asset.status)
        add_detail(
            form,
            translate("AssetCard", "Status"),
            translate("AssetCard", status) if status else asset.status,
        )
        verified = (
            friendly_date(asset.verified_date)
            if asset.verified_date
            else translate("AssetCard", "Not verified")
        )
        add_detail(form, translate("AssetCard", "Verified on"), verified)
        if asset.source:
            add_detail(form, translate("AssetCard", "Source"), asset.source)
        add_detail(form, translate("AssetCard", "Origin"), asset.origin_text())
        if asset.workshop_id:
            add_detail(form, translate("AssetCard", "Workshop"), self._workshop_text(asset))
        add_detail(form, translate("AssetCard", "Review"), review_text(asset))

    def _workshop_text(self, asset: Asset) -> str:
        """'Stretford residents, by Jo': the session's name, not its id."""
        found = sessions.find_workshop(self.session.project, str(asset.workshop_id))
        name = found.name if found is not None else translate("AssetCard", "A workshop session")
        if not asset.contributor:
            return name
        return translate("AssetCard", "{session}, by {name}").format(
            session=name, name=asset.contributor
        )

    def _add_custom(self, form: QFormLayout, asset: Asset) -> None:
        """In the same form as the main details, so the two columns line up; in the order the
        source had them, under their labels (right-click one to rename it)."""
        self.custom_captions: dict[str, QLabel] = {}
        filled = {
            k: v
            for k, v in asset.custom.items()
            if v not in (None, "") and not custom_fields.is_hidden(k)
        }
        if not filled:
            return
        defs = custom_fields.by_name(self.session.project)
        order = [name for name in defs if name in filled]
        order += [name for name in filled if name not in defs]
        form.addRow(subheading_label(translate("AssetCard", "More details")))
        for name in order:
            definition = defs.get(name)
            label = definition.label if definition is not None else name
            field = add_detail(form, label, custom_value_text(filled[name], definition))
            caption = form.labelForField(field)
            if isinstance(caption, QLabel):
                self._offer_rename(caption, name, label)
                self.custom_captions[name] = caption

    def _offer_rename(self, caption: QLabel, name: str, label: str) -> None:
        action = QAction(translate("AssetCard", RENAME_TEXT), caption)
        action.triggered.connect(lambda: self.rename_field(name))
        caption.addAction(action)
        caption.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        tip = (
            translate("AssetCard", "From the column '{name}'. Right-click to rename this field.")
            if name != label
            else translate("AssetCard", "From the source. Right-click to rename this field.")
        )
        caption.setToolTip(tip.format(name=name))

    def rename_field(self, name: str) -> None:
        """Ask for a new label for an extra field; the rename is one undoable step."""
        current = custom_fields.get(self.session.project, name).label
        text, ok = QInputDialog.getText(
            self,
            translate("AssetCard", "Rename field"),
            translate("AssetCard", "New name for “{label}” (on every asset):").format(
                label=current
            ),
            text=current,
        )
        if not ok or not text.strip() or text.strip() == current:
            return
        try:
            self.session.push(RenameField(name, text))
        except AssetmapError as error:
            show_error(self, translate("AssetCard", "Could not rename the field"), error)

    def _add_photos(self, column: QVBoxLayout, asset: Asset) -> None:
        self.photo_buttons: list[QToolButton] = []
        photos = photo_store.list_for(self.session.project, asset.uuid)
        if not photos:
            return
        column.addWidget(subheading_label(translate("AssetCard", "Photos")))
        grid = QGridLayout()
        grid.setSpacing(6)
        for n, info in enumerate(photos):
            button = self._photo_button(info)
            grid.addWidget(button, n // 3, n % 3)
            self.photo_buttons.append(button)
        grid.setColumnStretch(3, 1)
        column.addLayout(grid)

    def _photo_button(self, info: photo_store.AttachmentInfo) -> QToolButton:
        data = photo_store.data(self.session.project, info.id)
        button = QToolButton()
        button.setIcon(QIcon(scaled_pixmap(data, THUMB_PX)))
        button.setIconSize(QSize(THUMB_PX, THUMB_PX))
        button.setAutoRaise(True)
        button.setToolTip(
            translate("AssetCard", "{file}: click to see it larger").format(file=info.file_name)
        )
        button.setAccessibleName(
            translate("AssetCard", "Photo {title}").format(title=info.file_name)
        )
        button.clicked.connect(lambda: self.open_photo(info.id))
        return button

    def open_photo(self, attachment_id: int) -> None:
        info = photo_store.get(self.session.project, attachment_id)
        data = photo_store.data(self.session.project, attachment_id)
        self.viewer = PhotoViewer(info.file_name, data, self)
        self.viewer.open()

    def _update_actions(self, asset: Asset) -> None:
        placed = asset.placed
        self.move_button.setText(
            translate("AssetCard", "Move") if placed else translate("AssetCard", "Place on map")
        )
        self.move_button.setToolTip(
            translate("AssetCard", "Drag the asset to its right place on the map")
            if placed
            else translate("AssetCard", "Click the map where this asset is")
        )
        self.zoom_button.setEnabled(placed)
        names = {
            self.edit_button: translate("AssetCard", "Edit {name}"),
            self.move_button: translate("AssetCard", "{action}: {name}"),
            self.zoom_button: translate("AssetCard", "Zoom to {name}"),
            self.delete_button: translate("AssetCard", "Delete {name}"),
            self.approve_button: translate("AssetCard", "Approve {name}"),
            self.reject_button: translate("AssetCard", "Reject {name}"),
        }
        for button, name in names.items():
            button.setAccessibleName(name.format(name=asset.name, action=self.move_button.text()))
        self.approve_button.setVisible(asset.review != "approved")
        self.reject_button.setVisible(asset.review != "rejected")

    # ---- actions -----------------------------------------------------------------------
    def _emit(self, signal: Any) -> None:
        if self.uuid is not None:
            signal.emit(self.uuid)

    def _move_or_place(self) -> None:
        if self.asset is not None:
            self._emit(self.moveRequested if self.asset.placed else self.placeRequested)

    def confirm_delete(self) -> None:
        """Deleting is undoable, but a question first stops a stray click doing it."""
        if self.asset is None:
            return
        asset = self.asset
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("AssetCard", "Delete asset"),
            translate("AssetCard", "Delete “{name}”?").format(name=asset.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setInformativeText(
            translate(
                "AssetCard",
                "It goes from the map, the table and the analysis. Edit ▸ Undo brings it back.",
            )
        )
        box.button(QMessageBox.StandardButton.Yes).setText(translate("AssetCard", "Delete"))
        box.button(QMessageBox.StandardButton.No).setText(translate("AssetCard", "Keep it"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        try:
            self.session.push(DeleteAsset(asset.uuid))
        except AssetmapError as error:
            show_error(self, translate("AssetCard", "Could not delete the asset"), error)

    # ---- several assets -----------------------------------------------------------------
    def _show_many(self, uuids: list[str]) -> None:
        page, column = self._page()
        self.heading = heading_label(
            translate("AssetCard", "{n:,} assets selected").format(n=len(uuids))
        )
        column.addWidget(self.heading)
        self.selection_list = QListWidget()
        self.selection_list.setAccessibleName(translate("AssetCard", "Selected assets"))
        shown = self._first_by_name(uuids)
        for row in shown.itertuples():
            icon = QIcon(symbol_pixmap(self.session.category(str(row.category)), 14))
            item = QListWidgetItem(icon, str(row.name))
            item.setData(Qt.ItemDataRole.UserRole, row.uuid)
            self.selection_list.addItem(item)
        self.selection_list.itemActivated.connect(self._select_one)
        self.selection_list.itemClicked.connect(self._select_one)
        column.addWidget(self.selection_list, 1)
        if len(uuids) > len(shown):
            more = translate("AssetCard", "…and {n:,} more").format(n=len(uuids) - len(shown))
            column.addWidget(text_label(more, style=MUTED))
        column.addWidget(
            text_label(
                translate("AssetCard", "Click a name to see that asset on its own."), style=MUTED
            )
        )
        self._set_page(page, "many")

    def _first_by_name(self, uuids: list[str]) -> pd.DataFrame:
        """The first names alphabetically, read from the cached points (fast for 200,000)."""
        points = self.session.points()
        chosen = points[points["uuid"].isin(uuids)]
        order = chosen["name"].astype(str).str.casefold().argsort(kind="stable")
        return chosen.iloc[order[:LIST_LIMIT]]

    def _select_one(self, item: QListWidgetItem) -> None:
        uuid = item.data(Qt.ItemDataRole.UserRole)
        if uuid:
            self.session.set_selection({uuid})

    # ---- an area -----------------------------------------------------------------------
    def show_area(self, set_name: str, code: str) -> None:
        """An identified area: its figures and what lies in it, for a quick look at need."""
        frame = areas.frame(self.session.project, set_name)
        rows = frame[frame["code"].astype(str) == str(code)]
        if not len(rows):
            self._follow_selection(keep_area=False)
            return
        row = rows.iloc[0]
        page, column = self._page()
        column.addWidget(text_label(set_name, style=MUTED))
        name = row.get("name")
        title = str(name) if isinstance(name, str) and name else str(code)
        self.heading = heading_label(title)
        column.addWidget(self.heading)
        self.figures = detail_form()
        add_detail(self.figures, translate("AssetCard", "Code"), str(code))
        add_detail(self.figures, translate("AssetCard", "Area"), _km2(row.geometry))
        for indicator in areas.indicators(self.session.project, set_name):
            value = row.get(indicator.column)
            add_detail(self.figures, friendly_label(indicator.label), format_value(value))
        column.addLayout(self.figures)
        column.addWidget(subheading_label(translate("AssetCard", "Assets in this area")))
        column.addLayout(self._group_counts(row.geometry))
        column.addStretch(1)
        self._set_page(page, "area")
        self.area = (set_name, str(code))

    def _group_counts(self, polygon: shapely.Geometry) -> QFormLayout:
        form = detail_form()
        counts = self._counts_by_group(polygon)
        if not counts:
            form.addRow(
                text_label(translate("AssetCard", "None on the map here yet."), style=MUTED)
            )
            return form
        colours = {c.group: c.colour for c in reversed(self.session.categories())}
        for group, n in counts.items():
            field = add_detail(form, group, f"{n:,}")
            caption = form.labelForField(field)
            if isinstance(caption, QLabel) and group in colours:
                caption.setTextFormat(Qt.TextFormat.RichText)
                caption.setWordWrap(False)
                caption.setText(
                    f'<span style="color:{colours[group]}">●</span> {html.escape(group)}'
                )
        add_detail(form, translate("AssetCard", "All assets"), f"{sum(counts.values()):,}")
        return form

    def _counts_by_group(self, polygon: shapely.Geometry) -> dict[str, int]:
        if polygon is None or shapely.is_empty(polygon):
            return {}
        points = self.session.points()
        inside = shapely.intersects_xy(polygon, points["x"].to_numpy(), points["y"].to_numpy())
        if not inside.any():
            return {}
        categories = self.session.categories()
        group_of = {c.key: c.group for c in categories}
        order = list(dict.fromkeys(c.group for c in categories))
        other = translate("AssetCard", "Other")
        groups = pd.Series(points["category"].to_numpy()[inside]).map(group_of).fillna(other)
        counts = groups.value_counts()
        ranked = sorted(counts.index, key=lambda g: order.index(g) if g in order else len(order))
        return {str(g): int(counts[g]) for g in ranked}


def _km2(geometry: shapely.Geometry | None) -> str:
    if geometry is None:
        return "—"
    km2 = float(shapely.area(geometry)) / 1_000_000
    return f"{km2:,.2f} km²" if km2 >= 0.1 else f"{km2:,.3f} km²"
