"""Export ▸ "Open Referral directory (.zip)": the map's assets as a service directory, never
with personal data, whatever the tick box said before."""

from __future__ import annotations

import zipfile

from assetmap.core import assets
from assetmap.core.commands import AddAsset
from assetmap.core.model import Asset, new_uuid
from assetmap.qt.dialogs.export_dialog import ExportDialog

WAIT_MS = 60_000


def test_the_directory_is_written_without_personal_data(qtbot, session, tmp_path):
    session.push(
        AddAsset(
            Asset(
                new_uuid(),
                "Someone's skills",
                "individual_skills",
                x=379_600.0,
                y=396_100.0,
                personal_data=True,
            )
        )
    )
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.personal_check.setChecked(True)
    dialog.set_kind("openreferral")
    assert not dialog.personal_check.isEnabled()
    qtbot.waitUntil(lambda: "never included" in dialog.preview_label.text(), timeout=WAIT_MS)
    dialog.grab().save("/tmp/export_service_directory.png")
    out = tmp_path / "directory.zip"
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as done:
        dialog.export_to(out)
    report = done.args[0]
    assert report.assets == len(assets.frame(session.project)) - 1
    with zipfile.ZipFile(out) as archive:
        services = archive.read("services.csv").decode("utf-8")
    assert "Someone's skills" not in services
    assert "Altrincham Library" in services
