"""Reviewing contributions on the Trafford demo: find them, approve them, see them apart."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from assetmap.core import assets
from assetmap.core.commands import AddAsset
from assetmap.core.model import Asset, new_uuid
from assetmap.core.symbols import PENDING_LABEL
from assetmap.qt.canvas.scene import PENDING_RING, AssetLayer
from assetmap.qt.canvas.view import View
from assetmap.qt.panels.asset_card import AssetCard
from assetmap.qt.panels.attribute_table import AttributeTable
from assetmap.qt.panels.layers_panel import LegendWidget

STRETFORD = (379_480.0, 396_110.0)


@pytest.fixture
def pin(session) -> str:
    """A pin dropped at a workshop, awaiting review."""
    asset = Asset(
        new_uuid(),
        "Knit and natter",
        "community_centres",
        x=STRETFORD[0],
        y=STRETFORD[1],
        review="pending",
        origin_kind="workshop",
        origin_ref="Stretford",
    )
    session.push(AddAsset(asset))
    return asset.uuid


@pytest.fixture
def table(qtbot, session) -> AttributeTable:
    widget = AttributeTable(session)
    qtbot.addWidget(widget)
    widget.resize(1400, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _names(table: AttributeTable) -> list[str]:
    model = table.view.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _choose(combo, text: str) -> None:
    combo.setCurrentIndex(combo.findText(text))


def test_the_table_filters_by_review_state_and_origin(table, pin):
    _choose(table.review_filter, "Awaiting review")
    assert _names(table) == ["Knit and natter"]
    assert table.count_label.text() == "1 of 502 assets"
    _choose(table.review_filter, "Any review state")
    _choose(table.origin_filter, "Workshop")
    assert _names(table) == ["Knit and natter"]
    _choose(table.origin_filter, "Imported")
    assert len(_names(table)) == 501
    _choose(table.review_filter, "Awaiting review")
    assert _names(table) == []
    table.grab().save("/tmp/review_table.png")


def test_approve_from_the_tables_context_menu_and_undo(qtbot, table, session, pin):
    session.set_selection([pin])
    table._show_menu(QPoint(20, 20))
    approve = next(a for a in table.menu.actions() if a.text() == "Approve")
    approve.trigger()
    table.menu.close()
    stored = assets.get(session.project, pin)
    assert stored.review == "approved" and stored.reviewed_by == session.project.author
    session.undo()
    assert assets.get(session.project, pin).review == "pending"


def test_the_card_shows_origin_and_review_and_approves(qtbot, session, pin):
    card = AssetCard(session)
    qtbot.addWidget(card)
    card.resize(360, 640)
    card.show()
    session.set_selection([pin])
    assert card.approve_button.isVisible()
    text = " ".join(label.text() for label in card.findChildren(type(card.heading)))
    assert "Workshop session Stretford" in text and "Awaiting review" in text
    card.grab().save("/tmp/review_card.png")
    qtbot.mouseClick(card.approve_button, Qt.MouseButton.LeftButton)
    assert assets.get(session.project, pin).review == "approved"
    qtbot.waitUntil(lambda: not card.approve_button.isVisible())


def _ring_pixels(pending: bool) -> int:
    layer = AssetLayer(
        x=np.array([0.0]),
        y=np.array([0.0]),
        category_index=np.array([0]),
        names=np.array(["A"], dtype=object),
        categories=[("circle", "#0072B2", 12.0)],
        visible=np.array([True]),
        pending=np.array([pending]),
    )
    image = QImage(60, 60, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    layer.paint(painter, View(0.0, 0.0, 1.0, 60, 60), lambda: False, 1.0)
    painter.end()
    ring = QColor(PENDING_RING)
    return sum(
        1
        for px in range(60)
        for py in range(60)
        if abs(image.pixelColor(px, py).red() - ring.red()) < 40
        and image.pixelColor(px, py).blue() < 90
        and image.pixelColor(px, py).green() < 90
    )


def test_an_asset_awaiting_review_is_drawn_with_a_ring_an_approved_one_without():
    assert _ring_pixels(pending=True) > 20
    assert _ring_pixels(pending=False) == 0


def test_the_legend_explains_the_ring_only_while_something_awaits_review(qtbot, session):
    legend = LegendWidget(session)
    qtbot.addWidget(legend)
    assert PENDING_LABEL not in legend.labels("pending")
    asset = Asset(new_uuid(), "Pin", "libraries", x=STRETFORD[0], y=STRETFORD[1],
                  review="pending")  # fmt: skip
    session.push(AddAsset(asset))
    qtbot.waitUntil(lambda: PENDING_LABEL in legend.labels("pending"))
    legend.render_to_image(260).save("/tmp/review_legend.png")
