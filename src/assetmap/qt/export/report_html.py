"""The gap report as one HTML file that needs nothing else: the map inside it (SVG, or PNG
for very many shapes), inline styles, nothing fetched, every user or data string escaped.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.core.export.characters import readable
from assetmap.core.export.options import PrintLayout
from assetmap.qt.export.map_export import (
    PageFile,
    page_painter,
)
from assetmap.qt.export.page import (
    PagePlan,
    made_line,
    paint_map_page,
)
from assetmap.qt.export.report_scenario import scenario_words
from assetmap.qt.export.tables import TableData, summary_table
from assetmap.qt.i18n import current_language, translate

if TYPE_CHECKING:
    from assetmap.qt.export.report import ReportData

SVG_MAX_SHAPES = 4000  # more areas or assets than this: the HTML map is a PNG
HTML_MAP_DPI = 150


def write_html(
    data: ReportData, layout: PrintLayout, cancelled: Callable[[], bool]
) -> tuple[PagePlan, int, str]:
    content = data.content
    shapes = sum(len(layer.polygons) for layer in content.scene.areas)
    points = len(content.source.points())
    use_svg = shapes <= SVG_MAX_SHAPES and points <= SVG_MAX_SHAPES
    suffix, mime = (".svg", "image/svg+xml") if use_svg else (".png", "image/png")
    image_layout = PrintLayout(layout.page, layout.orientation, HTML_MAP_DPI, layout.extent)
    image = PageFile(suffix)
    with page_painter(image, image_layout, content) as (painter, _dpi):
        plan = paint_map_page(painter, content, image_layout, method=False, cancelled=cancelled)
    encoded = base64.b64encode(image.data(Path(f"map{suffix}"))).decode("ascii")
    return plan, 1, _html(data, f"data:{mime};base64,{encoded}")


def _html(data: ReportData, image: str) -> str:
    def e(value: str) -> str:
        return html.escape(readable(value))

    c = data.content
    summary = translate("Report", "Summary")
    method = translate("Report", "How the figures were made")
    by_category = translate("Report", "Summary by category")
    first = translate("Report", "The gaps to look at first")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{current_language()}"><head><meta charset="utf-8">',
        # Nothing to fetch, nothing to run: the report is a document, not an app.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "img-src data:; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(c.title)}</title>",
        f"<style>{_CSS}</style></head><body><main>",
        f"<h1>{e(c.title)}</h1>",
    ]
    if c.subtitle:
        parts.append(f'<p class="subtitle">{e(c.subtitle)}</p>')
    if c.notice:
        parts.append(f'<p class="notice">{e(c.notice)}</p>')
    parts += [
        f'<figure><img src="{image}" alt="{e(_alt(data))}">'
        f"<figcaption>{e(c.subtitle or c.title)}</figcaption></figure>",
        f"<h2>{e(summary)}</h2>",
        f"<p>{e(data.summary)}</p>",
        f"<h2>{e(method)}</h2>",
        f"<p>{e(c.method_text())}</p>",
        f"<h2>{e(by_category)}</h2>",
        _html_table(summary_table(data.groups, data.result)),
        f"<h2>{e(first)}</h2>",
    ]
    for group in data.groups:
        heading = translate("Report", "{label}: {gaps:,} of {areas:,} areas have a gap")
        parts.append(
            f"<h3>{e(heading.format(label=group.label, gaps=group.gaps, areas=group.areas))}</h3>"
        )
        nothing = "<p>" + e(translate("Report", "No area has a gap.")) + "</p>"
        parts.append(_html_table(group.ranked) if group.ranked.rows else nothing)
    parts += _whatif_parts(data)
    parts.append("<footer>")
    if c.sources:
        sources = "  ".join(e(s) for s in c.sources)
        lead = e(translate("Report", "Sources:"))
        parts.append(f"<p><b>{lead}</b> {sources}</p>")
    parts.append(f"<p>{e(made_line(c))}</p></footer>")
    parts.append("</main></body></html>")
    return "\n".join(parts)


def _whatif_parts(data: ReportData) -> list[str]:
    """The scenario chosen for the report, as the PDF's what-if page has it."""
    page = data.whatif
    if page is None:
        return []
    title, intro = scenario_words(page)
    return [
        f"<h2>{html.escape(readable(title))}</h2>",
        f"<p>{html.escape(readable(intro))}</p>",
        _html_table(page.proposals),
        _html_table(page.comparison),
    ]


def _alt(data: ReportData) -> str:
    return translate("Report", "Map: {title}. {summary}").format(
        title=data.content.subtitle or data.content.title, summary=data.summary
    )


def _html_table(table: TableData) -> str:
    def e(value: str) -> str:
        return html.escape(readable(value))

    head = "".join(
        f'<th class="{"num" if n else "text"}" scope="col">{e(h)}</th>'
        for h, n in zip(table.header, table.numeric, strict=True)
    )
    rows = []
    for row in table.rows:
        cells = "".join(
            f'<td class="{"num" if n else "text"}">{e(v)}</td>'
            for v, n in zip(row, table.numeric, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


_CSS = """
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #1F2328;
       margin: 0; background: #fff; line-height: 1.45; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.7em; margin: 0 0 4px; }
h2 { font-size: 1.25em; margin: 1.6em 0 0.4em; border-bottom: 1px solid #D0D7DE; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.3em; }
.subtitle { color: #57606A; margin-top: 0; font-size: 1.1em; }
.notice { color: #1F2328; }
figure { margin: 16px 0; }
figure img { width: 100%; height: auto; border: 1px solid #D0D7DE; }
figcaption { color: #57606A; font-size: 0.9em; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; margin-bottom: 8px; }
th { background: #F3F5F7; text-align: left; vertical-align: bottom; }
th, td { padding: 4px 8px; border-bottom: 1px solid #E4E7EB; }
tbody tr:nth-child(even) { background: #FAFBFC; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
footer { margin-top: 2em; color: #57606A; font-size: 0.85em; }
"""
