"""The interactive HTML map: one file that needs no network, shows what the project holds,
leaves personal data out unless asked, and shows every user string as text, never markup."""

from __future__ import annotations

import html
import json
import re
import shutil
from html.parser import HTMLParser

import pytest

from assetmap.core import assets
from assetmap.core.analysis import runs
from assetmap.core.analysis.api import analyse
from assetmap.core.analysis.params import AnalysisParams
from assetmap.core.commands import AddAsset, CommandStack
from assetmap.core.commands.review import SetReview
from assetmap.core.errors import BadInputError, Cancelled
from assetmap.core.export.api import export_data
from assetmap.core.export.html import write_html
from assetmap.core.export.html_packed import unpack
from assetmap.core.export.html_web import remote_resources
from assetmap.core.export.options import ExportOptions
from assetmap.core.export.selection import choose_assets
from assetmap.core.layers import MapLayers, ThematicStyle
from assetmap.core.model import Asset, new_uuid
from assetmap.core.project import Project

LSOA = "Neighbourhoods (LSOA 2021)"
WARDS = "Wards (2023)"
HOSTILE = "<img src=x onerror=alert(1)>"
TITLE = "Gaps </script><script>alert(2)</script> & more"
PERSONAL = "Marcia's woodwork skills"


@pytest.fixture
def demo(tmp_path, repo_root):
    path = tmp_path / "trafford.gpkg"
    shutil.copy(repo_root / "sample_data" / "trafford.gpkg", path)
    with Project.open(path) as project:
        stack = CommandStack(project)
        stack.push(AddAsset(Asset(new_uuid(), HOSTILE, "community_centres", x=379_500.0,
                                  y=396_000.0, address="1 </script> Road",
                                  website="javascript:alert(1)")))  # fmt: skip
        stack.push(AddAsset(Asset(new_uuid(), PERSONAL, "individual_skills", x=379_600.0,
                                  y=396_100.0, personal_data=True)))  # fmt: skip
        yield project


@pytest.fixture
def analysed(demo):
    analyse(demo, AnalysisParams(LSOA, ("mental_health",), 800.0, "population", "imd_score"))
    return demo


class Page(HTMLParser):
    """The parts of a written map the tests look at."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self.links: list[dict] = []
        self.title = ""
        self.texts: dict[str, str] = {}  # element id -> its text
        self.categories: list[str] = []  # data-category of legend rows
        self._in: str | None = None
        self._ids: list[tuple[str, int]] = []
        self._depth = 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        a = dict(attrs)
        if tag not in ("meta", "link", "br", "img", "input"):
            self._depth += 1
        if tag == "script":
            self.scripts.append((a, ""))
            self._in = "script"
        elif tag == "title":
            self._in = "title"
        elif tag == "link":
            self.links.append(a)
        if "id" in a and a["id"].startswith("am-"):
            self._ids.append((a["id"], self._depth))
            self.texts[a["id"]] = ""
        if "data-category" in a and any(i == "am-legend" for i, _ in self._ids):
            self.categories.append(a["data-category"])

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if self._ids and self._ids[-1][1] == self._depth:
            self._ids.pop()
        self._depth -= 1
        self._in = None

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self._in == "script":
            attrs, code = self.scripts[-1]
            self.scripts[-1] = (attrs, code + data)
        elif self._in == "title":
            self.title += data
        for element_id, _ in self._ids:
            self.texts[element_id] += data


# Area layers go into the page packed (html_packed); unpack gives back their GeoJSON.
NAMED_LAYERS = re.compile(r"(geo_json_\w+)_add\(amUnpack\((\{.*\})\)\);\s*$", re.MULTILINE)
AREA_LAYERS = re.compile(r"geo_json_\w+_add\(amUnpack\((\{.*\})\)\);\s*$", re.MULTILINE)


def embedded(text: str) -> tuple[dict[str, int], list[dict]]:
    """Area features per GeoJSON layer, and the asset groups, as the page's scripts hold them."""
    layers = {
        name: len(unpack(json.loads(data))["features"]) for name, data in NAMED_LAYERS.findall(text)
    }
    data = re.search(r"^\s*var data = (\{.*\});\s*$", text, re.MULTILINE)
    assert data, "the asset data is missing"
    return layers, json.loads(data.group(1))["groups"]


def expected_placed(project: Project, include_personal: bool = False) -> int:
    chosen = choose_assets(project, ExportOptions(include_personal=include_personal))
    return int((~chosen.frame.geometry.isna()).sum())


def test_html_map_needs_no_network_and_shows_user_strings_only_as_text(analysed, tmp_path):
    out = tmp_path / "map.html"
    export_data(analysed, out, ExportOptions(title=TITLE, author="A & B", analysis="latest"))
    text = out.read_text(encoding="utf-8")
    page = Page(text)
    assert remote_resources(text) == []
    assert all("src" not in attrs for attrs, _ in page.scripts)  # every script is inline
    assert page.links == []  # and every stylesheet
    assert "L.markerClusterGroup" in text and "sourceMappingURL" not in text
    # The hostile strings never appear as markup, and their escaped forms are there.
    assert HOSTILE not in text and "<img" not in text
    assert "</script><script>alert(2)" not in text and "1 </script> Road" not in text
    assert "\\u0026lt;img src=x onerror=alert\\u0026#40;1)\\u0026gt;" in text  # JSON of HTML
    assert page.title == TITLE
    assert page.texts["am-title"].startswith(TITLE)
    assert "A & B" in page.texts["am-title"]
    for _attrs, code in page.scripts:
        assert "<script" not in code.lower()


def test_the_map_holds_every_area_and_every_shown_asset(analysed, tmp_path):
    out = tmp_path / "map.html"
    report = write_html(analysed, out, ExportOptions(analysis="latest"),
                        choose_assets(analysed, ExportOptions()), [LSOA, WARDS],
                        None)  # fmt: skip
    layers, groups = embedded(out.read_text(encoding="utf-8"))
    assert sorted(layers.values()) == [21, 139]
    assert report.areas == {LSOA: 139, WARDS: 21}
    markers = sum(len(g["rows"]) for g in groups)
    assert markers == report.markers == expected_placed(analysed) == 501
    assert report.unplaced == 1 and report.clustered
    assert report.size_bytes == out.stat().st_size
    # Rows are latitude, longitude, then escaped text: Trafford is at about 53.4 N, 2.3 W.
    rows = [r for g in groups for r in g["rows"]]
    assert all(53.3 < r[0] < 53.6 and -2.6 < r[1] < -2.1 for r in rows)
    hostile = next(r for r in rows if html.unescape(r[2]) == HOSTILE)
    assert hostile[3] == "1 &lt;/script&gt; Road"
    assert len(hostile) <= 9 or hostile[9] != 1  # javascript: is shown, never linked
    linked = [r for r in rows if len(r) > 9 and r[9] == 1]
    assert linked and all(re.match(r"https?://", r[6]) for r in linked)


def test_personal_data_is_left_out_unless_asked(demo, tmp_path):
    export_data(demo, tmp_path / "a.html", ExportOptions())
    text = (tmp_path / "a.html").read_text(encoding="utf-8")
    _layers, groups = embedded(text)
    names = {r[2] for g in groups for r in g["rows"]}
    assert html.escape(PERSONAL) not in names and "individual_skills" not in Page(text).categories
    assert "Left out: 1 asset holding personal data" in Page(text).texts["am-about"]
    export_data(demo, tmp_path / "b.html", ExportOptions(include_personal=True))
    _layers, groups = embedded((tmp_path / "b.html").read_text(encoding="utf-8"))
    names = {r[2] for g in groups for r in g["rows"]}
    assert html.escape(PERSONAL) in names
    assert sum(len(g["rows"]) for g in groups) == expected_placed(demo, include_personal=True)


def test_the_legend_lists_the_visible_categories(demo, tmp_path):
    layers = MapLayers.load(demo)
    layers.set_categories_visible(["faith_groups"], False)
    layers.save(demo)
    export_data(demo, tmp_path / "map.html", ExportOptions())
    text = (tmp_path / "map.html").read_text(encoding="utf-8")
    page = Page(text)
    shown = choose_assets(demo, ExportOptions()).frame
    placed = shown[~shown.geometry.isna()]
    assert page.categories == list(dict.fromkeys(page.categories))  # each once
    assert set(page.categories) == set(placed["category"])
    assert "faith_groups" not in page.categories and "libraries" in page.categories
    _areas, groups = embedded(text)
    assert [g["key"] for g in groups] == page.categories
    for key, count in placed["category"].value_counts().items():
        assert len(next(g for g in groups if g["key"] == key)["rows"]) == count
    assert "in categories hidden on the map" in page.texts["am-about"]
    assert "Libraries" in page.texts["am-legend"]


def test_a_gap_map_carries_its_method_and_a_legend_for_every_area(analysed, tmp_path):
    export_data(analysed, tmp_path / "gaps.html", ExportOptions(analysis="latest"))
    text = (tmp_path / "gaps.html").read_text(encoding="utf-8")
    page = Page(text)
    method = runs.latest(analysed).method
    assert method.startswith("Gap analysis of the 139 areas")
    assert method in page.texts["am-about"]
    legend = page.texts["am-legend"]
    assert "Mental health: area within 800 m of an asset" in legend
    block = text[text.index('id="am-legend"') : text.index('class="am-legend-title">Assets')]
    classes = re.findall(r'am-legend-label">([^<]*)</span><span class="am-count">([\d,]+)<', block)
    assert len(classes) >= 3 and all(label.endswith(" %") for label, _ in classes)
    assert sum(int(n.replace(",", "")) for _, n in classes) == 139
    # Tooltips: figures with units and no spurious decimals.
    props = [
        f["properties"]
        for data in AREA_LAYERS.findall(text)
        for f in unpack(json.loads(data))["features"]
        if f["properties"]
    ]
    assert len(props) == 139
    values = {v for p in props for v in p.values()}
    assert any(re.fullmatch(r"\d{1,3}(\.\d)? %", v) for v in values)
    assert any(re.fullmatch(r"\d[\d,]* m", v) for v in values)
    assert not any(re.search(r"\.\d{4,}", v) for v in values)
    # Without an analysis there is no method and no choropleth legend.
    export_data(analysed, tmp_path / "plain.html", ExportOptions())
    plain = Page((tmp_path / "plain.html").read_text(encoding="utf-8"))
    assert "How the figures were made" not in plain.texts["am-about"]
    assert method not in plain.texts["am-about"]


def test_bivariate_map_needs_a_need_field(analysed, tmp_path):
    options = ExportOptions(analysis="latest", measure="bivariate")
    export_data(analysed, tmp_path / "b.html", options)
    text = (tmp_path / "b.html").read_text(encoding="utf-8")
    legend = text[text.index('id="am-legend"') :]
    grid = legend[legend.index("<table>") : legend.index("</table>")]
    assert grid.count("<td") == 9
    assert "Less provision" in legend and "More need" in legend
    analyse(analysed, AnalysisParams(LSOA, ("libraries",), 800.0, "population"))
    with pytest.raises(BadInputError, match="need field"):
        export_data(analysed, tmp_path / "c.html",
                    ExportOptions(analysis="latest", measure="bivariate"))  # fmt: skip
    with pytest.raises(BadInputError, match="choose one of"):
        export_data(analysed, tmp_path / "d.html", ExportOptions(analysis="latest", measure="x"))


def test_few_assets_are_not_clustered_and_basemap_tiles_only_on_request(demo, tmp_path):
    options = ExportOptions(categories=("libraries",))
    chosen = choose_assets(demo, options)
    report = write_html(demo, tmp_path / "few.html", options, chosen, [LSOA], None)
    text = (tmp_path / "few.html").read_text(encoding="utf-8")
    assert not report.clustered and report.markers == 13
    assert "MarkerClusterGroup" not in text and "tile.openstreetmap.org" not in text
    write_html(demo, tmp_path / "osm.html", options, chosen, [LSOA], None, online_basemap=True)
    osm = (tmp_path / "osm.html").read_text(encoding="utf-8")
    assert "tile.openstreetmap.org" in osm and "OpenStreetMap\\u003c/a\\u003e contributors" in osm
    assert remote_resources(osm) == []  # tiles are images fetched by Leaflet, not page code


def test_cancelling_writes_nothing(demo, tmp_path):
    out = tmp_path / "map.html"
    with pytest.raises(Cancelled):
        write_html(demo, out, ExportOptions(), choose_assets(demo, ExportOptions()), [LSOA],
                   None, cancelled=lambda: True)  # fmt: skip
    assert list(tmp_path.glob("*.html")) == []
    seen: list[float] = []
    write_html(demo, out, ExportOptions(), choose_assets(demo, ExportOptions()), [LSOA], None,
               progress=lambda f, m: seen.append(f))  # fmt: skip
    assert seen == sorted(seen) and seen[-1] == 1.0


def test_without_a_measure_the_map_shows_the_run_as_the_app_does(analysed, tmp_path):
    run = runs.latest(analysed)
    layers = MapLayers.load(analysed)
    layers.set_thematic(ThematicStyle(LSOA, run.run_id, "mental_health", mode="gaps"))
    layers.save(analysed)
    export_data(analysed, tmp_path / "map.html", ExportOptions(analysis="latest"))
    legend = Page((tmp_path / "map.html").read_text(encoding="utf-8")).texts["am-legend"]
    assert "Mental health: gap = no asset within 800 m" in legend and "No gap" in legend
    export_data(analysed, tmp_path / "cov.html", ExportOptions(analysis="latest",
                                                               measure="coverage"))  # fmt: skip
    legend = Page((tmp_path / "cov.html").read_text(encoding="utf-8")).texts["am-legend"]
    assert "area within 800 m of an asset" in legend


def test_template_syntax_in_user_strings_is_only_text(demo, tmp_path):
    title = "{{ 7*7 }} {% if true %}yes{% endif %} {# c #}"
    CommandStack(demo).push(AddAsset(Asset(new_uuid(), "{{ self.__init__ }}", "libraries",
                                           x=379_500.0, y=396_000.0)))  # fmt: skip
    export_data(demo, tmp_path / "map.html", ExportOptions(title=title, subtitle="{{ 6*7 }}"))
    text = (tmp_path / "map.html").read_text(encoding="utf-8")
    page = Page(text)
    assert page.title == title and "{{ 6*7 }}" in page.texts["am-title"]
    assert "49" not in page.texts["am-title"] and "42" not in page.texts["am-title"]
    _areas, groups = embedded(text)
    assert "{{ self.__init__ }}" in {html.unescape(r[2]) for g in groups for r in g["rows"]}
    assert "TemplateReference" not in text


def test_the_page_script_has_no_template_syntax():
    from assetmap.core.export.html import CLUSTER_ICON
    from assetmap.core.export.html_assets import PAGE_SCRIPT

    for code in (PAGE_SCRIPT, CLUSTER_ICON):  # branca compiles both as Jinja templates
        assert not re.search(r"\{[{%#]", code)


def test_hostile_category_labels_and_an_empty_project(demo, tmp_path):
    from assetmap.core import categories
    from assetmap.core.commands import AddCategory

    cat = categories.new_category(demo, '<svg onload=alert(3)> "club"')
    stack = CommandStack(demo)
    stack.push(AddCategory(cat))
    stack.push(AddAsset(Asset(new_uuid(), "Club", cat.key, x=379_500.0, y=396_000.0)))
    export_data(demo, tmp_path / "map.html", ExportOptions())
    text = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert "<svg onload" not in text and "onload=alert&#40;3)" in text
    assert '<svg onload=alert(3)> "club"' in Page(text).texts["am-legend"]  # as text
    with Project.create(tmp_path / "empty.gpkg", name="Empty") as empty:
        report = write_html(empty, tmp_path / "empty.html", ExportOptions(),
                            choose_assets(empty, ExportOptions()), [], None)  # fmt: skip
        assert report.markers == 0 and report.areas == {}
        page = Page((tmp_path / "empty.html").read_text(encoding="utf-8"))
        assert page.title == "Empty"


# Names a user may give that look like code: each must reach the page as text only.
LOOKS_LIKE_CODE = (
    "Hall url(http://x.example/a.png)",
    "Club url(//x.example/b.png)",
    "<script>alert(5)</script>",
    "Ends </script> here",
    "javascript:alert(6)",
    '@import "//x.example/c.css"; @import url(https://x.example/d.css)',
    "He said \"hi\" & 'bye'",
    "back\\slash \\u0041 \\",
    "line\u2028separated\u2029paragraph",
)


def test_names_that_look_like_remote_resources_are_only_text(demo, tmp_path):
    from assetmap.core import categories
    from assetmap.core.commands import AddCategory

    cat = categories.new_category(demo, "Clubs url(//x.example/e.png)")
    stack = CommandStack(demo)
    stack.push(AddCategory(cat))
    for i, name in enumerate(LOOKS_LIKE_CODE):
        stack.push(AddAsset(Asset(new_uuid(), name, cat.key, x=379_500.0 + 50 * i, y=396_000.0,
                                  address=name)))  # fmt: skip
    with demo.transaction() as conn:
        conn.execute(
            "UPDATE areas_neighbourhoods_lsoa_2021 SET name = ? WHERE fid = 1",
            ("Ward url(http://x.example/f.png) @import //x.example",),
        )
    out = tmp_path / "map.html"
    export_data(demo, out, ExportOptions(title="Map url(//x.example/g) @import"))  # no error
    text = out.read_text(encoding="utf-8")
    assert remote_resources(text) == []
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//|@import", text, re.IGNORECASE)
    page = Page(text)
    assert page.title == "Map url(//x.example/g) @import"
    assert "Clubs url(//x.example/e.png)" in page.texts["am-legend"]
    _areas, groups = embedded(text)
    rows = [r for g in groups for r in g["rows"]]
    assert set(LOOKS_LIKE_CODE) <= {html.unescape(r[2]) for r in rows}
    assert set(LOOKS_LIKE_CODE) <= {html.unescape(r[3]) for r in rows if len(r) > 3 and r[3]}
    names = [
        html.unescape(f["properties"]["f0"])
        for data in AREA_LAYERS.findall(text)
        for f in unpack(json.loads(data))["features"]
        if f["properties"]
    ]
    assert "Ward url(http://x.example/f.png) @import //x.example" in names


def test_the_remote_resource_check_reads_the_page_code_not_its_text():
    remote = (
        '<script src="https://cdn.example/leaflet.js"></script>',
        "<script src=//cdn.example/x.js></script>",
        '<link rel="stylesheet" href="//cdn.example/x.css">',
        '<img src="http://x.example/a.png">',
        '<img srcset="a.png 1x, https://x.example/b.png 2x">',
        "<style>@import 'https://x.example/c.css';</style>",
        "<style>.a { background: url( //x.example/d.png ) }</style>",
        '<div style="background-image:url(&quot;http://x.example/e.png&quot;)"></div>',
        "<script>document.body.style.background = 1, url(//x.example);</script>",
    )
    for page in remote:
        assert remote_resources(f"<html><body>{page}</body></html>"), page
    local = (
        "<p>Hall url(http://x.example/a.png) and @import //x.example</p>",
        '<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
        '<div title="url(//x.example/b.png)" data-category="url(//x.example)"></div>',
        '<script>var data = {"name": "url(//x.example/c.png)", "b": \'@import "//x"\'};</script>',
        '<img src="data:image/png;base64,iVBORw0KGgo=">',
        "<style>.a { background: url(data:image/png;base64,iVBORw0KGgo=) }</style>",
        "<title>url(//x.example/d)</title>",
    )
    for page in local:
        assert remote_resources(f"<html><body>{page}</body></html>") == [], page


def test_markers_and_legend_draw_the_map_symbol_shapes(demo, tmp_path):
    """The page draws each category's symbol with the outline the map uses (the shape table
    in assetmap.core.symbols), not a shape of its own."""
    from assetmap.core import categories
    from assetmap.core.symbols import svg_path

    export_data(demo, tmp_path / "map.html", ExportOptions())
    text = (tmp_path / "map.html").read_text(encoding="utf-8")
    known = categories.by_key(demo)
    shown = Page(text).categories
    assert {known[key].symbol for key in shown} >= {"circle", "square", "triangle"}
    for key in shown:
        legend_side = 12 + 4  # the legend's symbols are 12 px, padded 2 px each side
        assert svg_path(known[key].symbol, 12, legend_side / 2, legend_side / 2) in text, key


def test_assets_awaiting_review_wear_the_maps_ring_and_rejected_ones_are_left_out(demo, tmp_path):
    libraries = assets.frame(demo)
    libraries = libraries[libraries["category"] == "libraries"]
    waiting, rejected = libraries["name"].iloc[0], libraries["name"].iloc[1]
    stack = CommandStack(demo)
    stack.push(SetReview((libraries["uuid"].iloc[0],), "pending"))
    # Asking for rejected assets does not put them on a map: the map window hides them too
    stack.push(SetReview((libraries["uuid"].iloc[1],), "rejected"))
    export_data(demo, tmp_path / "map.html", ExportOptions(include_rejected=True))
    text = (tmp_path / "map.html").read_text(encoding="utf-8")
    _areas, groups = embedded(text)
    group = next(g for g in groups if g["key"] == "libraries")
    names = [html.unescape(r[2]) for r in group["rows"]]
    assert rejected not in names and len(names) == len(libraries) - 1
    assert [names[i] for i in group["pending"]] == [waiting]
    assert 'stroke="#B3261E"' in group["pendingIcon"] and "stroke-dasharray" in group["pendingIcon"]
    assert all(not g["pending"] for g in groups if g is not group)
    page = Page(text)
    assert "Awaiting review (dashed ring)" in page.texts["am-legend"]
    assert "; 1 rejected asset." in page.texts["am-about"]
    assert "Awaiting review" in next(code for _a, code in page.scripts if "amPending" in code)


def test_the_legend_has_no_review_entry_when_nothing_awaits_review(demo, tmp_path):
    export_data(demo, tmp_path / "map.html", ExportOptions())
    page = Page((tmp_path / "map.html").read_text(encoding="utf-8"))
    assert "Awaiting review" not in page.texts["am-legend"]


def test_the_html_map_reads_every_column_its_popups_show():
    from assetmap.core.export.html_assets import POPUP_FIELDS
    from assetmap.core.export.selection import HTML_COLUMNS

    assert {name for name, _label in POPUP_FIELDS} <= set(HTML_COLUMNS)
