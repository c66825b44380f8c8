"""About assetmap: version, the open project's data sources and their attributions."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from assetmap import __version__
from assetmap.core.summary import attributions
from assetmap.qt.errors import log_path
from assetmap.qt.i18n import translate
from assetmap.qt.paths import app_icon
from assetmap.qt.session import Session


def about_html(session: Session | None) -> str:
    parts = [
        f"<h2>assetmap {html.escape(__version__)}</h2>",
        translate(
            "About",
            "<p>Community asset mapping for place-based planning: map a neighbourhood's assets, "
            "find the gaps, export the maps. Free software (MIT licence).</p>",
        ),
    ]
    if session is not None:
        project = session.project
        parts.append(
            translate("About", "<h3>Data in “{name}”</h3>").format(name=html.escape(project.name))
        )
        lines = attributions(project)
        if lines:
            parts.append(
                "<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>"
            )
        else:
            parts.append(
                translate(
                    "About", "<p>No data sources with attributions have been imported yet.</p>"
                )
            )
        parts.append(
            translate("About", "<p style='color:#57606a'>Project file: {path}</p>").format(
                path=html.escape(str(project.path))
            )
        )
    parts.append(
        translate(
            "About",
            "<p style='color:#57606a'>Map symbols use the Okabe–Ito colour-blind-safe palette. "
            "Log file: {path}</p>",
        ).format(path=html.escape(str(log_path())))
    )
    return "".join(parts)


class AboutDialog(QDialog):
    def __init__(self, session: Session | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("About", "About assetmap"))
        self.resize(620, 520)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName(translate("About", "About assetmap and data attributions"))
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(about_html(session))
        self.logo = logo_label()
        row = QHBoxLayout()
        row.addWidget(self.logo)
        row.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)


def logo_label(size: int = 72) -> QLabel:
    """The app's logo, drawn from its SVG (an empty label if an install lost it)."""
    label = QLabel()
    label.setAccessibleName(translate("About", "assetmap logo"))
    label.setAlignment(Qt.AlignmentFlag.AlignTop)
    path = app_icon()
    if path is not None:
        label.setPixmap(QIcon(str(path)).pixmap(size, size))
    return label
