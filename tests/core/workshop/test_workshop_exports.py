"""Data exports say which rows are needs and which workshop they came from; participants'
display names only when the export asks for them."""

from __future__ import annotations

import pandas as pd

from assetmap.core.commands.workshop import AddContribution
from assetmap.core.export.api import export_data
from assetmap.core.export.options import ExportOptions
from support.workshop import pin


def test_a_csv_export_carries_the_pin_kind_workshop_and_only_asked_for_names(
    demo, stack, workshop_id, tmp_path
):
    need = AddContribution(workshop_id, pin("A food bank", kind="need"), None, review="approved")
    stack.push(need)
    export_data(demo, tmp_path / "a.csv", ExportOptions())
    frame = pd.read_csv(tmp_path / "a.csv", encoding="utf-8-sig").set_index("uuid")
    row = frame.loc[need.uuid]
    assert row["pin_kind"] == "need" and row["workshop_id"] == workshop_id
    assert row["origin"] == "workshop"
    assert pd.isna(row["contributor"])  # a resident's name stays in the project by default
    assert set(frame.drop(index=need.uuid)["pin_kind"]) == {"asset"}

    export_data(demo, tmp_path / "b.csv", ExportOptions(include_names=True))
    named = pd.read_csv(tmp_path / "b.csv", encoding="utf-8-sig").set_index("uuid")
    assert named.loc[need.uuid, "contributor"] == "Jo"
