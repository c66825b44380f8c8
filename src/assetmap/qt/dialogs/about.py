"""About assetmap: version, the open project's data sources and their attributions."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from assetmap import __version__
from assetmap.core.summary import attributions
from assetmap.qt.errors import log_path
from assetmap.qt.session import Session


def about_html(session: Session | None) -> str:
    parts = [
        f"<h2>assetmap {html.escape(__version__)}</h2>",
        "<p>Community asset mapping for place-based planning: map a neighbourhood's assets, "
        "find the gaps, export the maps. Free software (MIT licence).</p>",
    ]
    if session is not None:
        project = session.project
        parts.append(f"<h3>Data in “{html.escape(project.name)}”</h3>")
        lines = attributions(project)
        if lines:
            parts.append(
                "<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>"
            )
        else:
            parts.append("<p>No data sources with attributions have been imported yet.</p>")
        parts.append(f"<p style='color:#57606a'>Project file: {html.escape(str(project.path))}</p>")
    parts.append(
        "<p style='color:#57606a'>Map symbols use the Okabe–Ito colour-blind-safe palette. "
        f"Log file: {html.escape(str(log_path()))}</p>"
    )
    return "".join(parts)


class AboutDialog(QDialog):
    def __init__(self, session: Session | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About assetmap")
        self.resize(620, 520)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName("About assetmap and data attributions")
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(about_html(session))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
