"""The session summary, exported from the Workshop panel off the GUI thread: a PDF with
the map of the session's pins, the tally and every comment; a CSV of every pin."""

from __future__ import annotations

import csv

import pypdf
import pytest

from assetmap.core.commands import SetReview
from assetmap.core.commands.workshop import AddContribution
from assetmap.core.workshop.submission import Submission
from assetmap.qt.workshop.controller import WorkshopController
from assetmap.qt.workshop.panel import WorkshopPanel

X, Y = 377_950.0, 395_200.0
LONG_NOTE = (
    "The lunch club in the church hall on Edge Lane runs every Tuesday from twelve till two; "
    "anyone is welcome and it is pay what you can. " * 4
).strip()


@pytest.fixture
def panel(qtbot, session):
    controller = WorkshopController(session)
    controller.new_session("Stretford food and wellbeing", "Stretford Library", "2026-12-09", "Ann")
    wid = controller.workshop.id
    pins = [
        ("asset", "food_banks", "Tuesday lunch club", LONG_NOTE, "Bea"),
        ("need", "mental_health", "Somewhere to talk after 5pm", "Nothing open at night.", "Dev"),
        ("asset", "parks_green_spaces", "Community garden", "", None),
    ]
    uuids = []
    for i, (kind, category, name, note, who) in enumerate(pins):
        command = AddContribution(
            wid, Submission(kind, category, name, note, who, X + 60 * i, Y), f"{i:064x}"
        )
        session.push(command)
        uuids.append(command.uuid)
    session.push(SetReview((uuids[0],), "approved"))
    controller.add_pin("asset", "libraries", X - 100, Y + 50, "Stretford Library")
    widget = WorkshopPanel(controller)
    qtbot.addWidget(widget)
    return widget


def export(qtbot, panel, path) -> None:
    panel.export_summary(path)
    assert panel.export_job.busy  # off the GUI thread
    qtbot.waitUntil(lambda: not panel.export_job.busy, timeout=60_000)
    assert panel.export_status.text() == f"Saved {path.name}."


def test_the_pdf_has_the_map_the_tally_and_every_comment_in_full(qtbot, panel, tmp_path):
    path = tmp_path / "summary.pdf"
    export(qtbot, panel, path)
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) >= 2
    first = " ".join(reader.pages[0].extract_text().split())
    assert "Workshop: Stretford food and wellbeing" in first
    assert "4 pins" in first and "2 of them approved" in first
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for words in ("Tally by category", "Food banks and pantries", "Mental health", "Need",
                  "Every comment", "Nothing open at night.", "from Dev", "not reviewed",
                  "from Ann", "Stretford Library"):  # fmt: skip
        assert words in text, words
    assert " ".join(LONG_NOTE.split()) in text  # never cut short


def test_the_csv_has_a_row_per_pin(qtbot, panel, tmp_path):
    path = tmp_path / "summary.csv"
    export(qtbot, panel, path)
    with path.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 4
    assert {r["name"] for r in rows} >= {"Tuesday lunch club", "Community garden"}
