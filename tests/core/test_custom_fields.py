"""Extra fields as people read them: human labels, codes as text, no map styling.

Issue 9, item 15: marker-color and marker-size arrived as fields, raw column names showed as
labels ("organisation_data_service_code"), and an establishment number read "3,005".
"""

from __future__ import annotations

import json

import pytest

from assetmap.core import assets, changelog, custom_fields
from assetmap.core.commands import CommandStack, EditAsset, RenameField
from assetmap.core.errors import BadInputError
from assetmap.core.imports import import_assets
from assetmap.core.io.asset_import import AssetImportOptions, prepare_assets
from assetmap.core.io.fields import human_label, is_identifier_name, styling_columns
from assetmap.core.project import Project


@pytest.fixture
def asset_sources(trafford):
    return trafford / "assets"


def defs(project: Project) -> dict[str, custom_fields.FieldDef]:
    return custom_fields.by_name(project)


def stored(project: Project) -> dict[str, tuple[str, str]]:
    rows = project.conn.execute("SELECT name, label, type FROM am_field_defs").fetchall()
    return {name: (label, kind) for name, label, kind in rows}


def custom_of(project: Project, name: str) -> dict:
    frame = assets.frame(project, columns=("name", "custom"))
    return json.loads(frame[frame["name"] == name]["custom"].iloc[0])


# ---- map styling is not a field ----------------------------------------------------------
def test_food_banks_marker_styling_is_not_kept(project, asset_sources):
    report = import_assets(
        project, asset_sources / "trafford_food_banks.geojson", AssetImportOptions()
    )
    names = set(stored(project))
    assert "marker-color" not in names and "marker-size" not in names
    assert {"Referral method", "Area name", "Area code"} <= names
    for custom in assets.frame(project, columns=("custom",))["custom"]:
        assert "marker-color" not in json.loads(custom)
    assert "styling properties ignored: marker-color, marker-size" in report.notes


def test_simplestyle_and_converter_styling_is_recognised_content_kept(project, tmp_path):
    """simplestyle-spec 1.1.0, uMap and togeojson's KML styles; title/description are content,
    and a 'stroke' column of Yes/No (a stroke-services list) is not a colour."""
    feature = {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [-2.31, 53.45]},
        "properties": {
            "title": "Stroke support group",
            "description": "Meets on Tuesdays",
            "marker-color": "#7e7e7e",
            "marker-size": "medium",
            "marker-symbol": "hospital",
            "stroke": "Yes",
            "stroke-width": 2,
            "stroke-opacity": 1,
            "fill": "#555555",
            "fill-opacity": 0.6,
            "_umap_options": '{"color": "Red"}',
            "styleUrl": "#icon-1899-0288D1",
            "styleHash": "-5d3e1f2",
            "ward": "Stretford",
        },
    }
    path = tmp_path / "umap_export.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    prepared = prepare_assets(project, path, AssetImportOptions())
    kept = [name for name, _label, _type in prepared.field_defs]
    assert kept == ["stroke", "ward"]
    assert set(prepared.ignored_fields) == {
        "marker-color", "marker-size", "marker-symbol", "stroke-width", "stroke-opacity",
        "fill", "fill-opacity", "_umap_options", "styleUrl", "styleHash",
    }  # fmt: skip
    assert prepared.rows["name"].iloc[0] == "Stroke support group"
    assert prepared.rows["description"].iloc[0] == "Meets on Tuesdays"


def test_a_styling_column_the_user_maps_is_used_not_ignored(project, asset_sources):
    path = asset_sources / "trafford_libraries.geojson"
    options = AssetImportOptions(field_map={"description": "marker-size"})
    prepared = prepare_assets(project, path, options)
    assert prepared.ignored_fields == ["marker-color"]
    assert prepared.rows["description"].iloc[0] == "medium"


# ---- labels ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("organisation_data_service_code", "Organisation data service code"),
        ("PropertyName", "Property name"),
        ("OrganisationURI", "Organisation URI"),
        ("UPRN", "UPRN"),
        ("unique_reference_number", "Unique reference number"),
        ("gp.practice.code", "GP practice code"),
        ("nhsTrustId", "NHS trust ID"),
        ("site_url", "Site URL"),
        ("ESTABLISHMENT_NAME", "Establishment name"),
        ("opening_hours_monday", "Opening hours Monday"),
        ("percent_fsm", "Percent FSM"),
        ("lsoa21cd", "LSOA21CD"),
        ("Referral method", "Referral method"),
        ("Step-free access", "Step-free access"),
        ("ods", "ODS"),
    ],
)
def test_column_names_become_human_labels(name, label):
    assert human_label(name) == label


def test_pharmacies_fields_are_stored_with_human_labels(project, asset_sources):
    import_assets(project, asset_sources / "trafford_pharmacies.geojson", AssetImportOptions())
    saved = stored(project)
    assert saved["organisation_data_service_code"] == ("Organisation data service code", "text")
    assert saved["health_and_wellbeing_board"][0] == "Health and wellbeing board"
    assert saved["la_code"][0] == "LA code"
    # The data stays keyed and exported by the source's own names.
    assert "organisation_data_service_code" in custom_of(
        project, "Allied Pharmacy Davyhulme Medical Centre"
    )


def test_the_demo_holds_human_labels_and_codes_as_text(demo_copy):
    """Rebuilt with today's importer (older projects get the same by migration 7)."""
    with Project.open(demo_copy) as project:
        assert stored(project)["organisation_data_service_code"][0] == (
            "Organisation data service code"
        )
        shown = defs(project)
        assert shown["organisation_data_service_code"].label == "Organisation data service code"
        assert shown["Referral method"].label == "Referral method"
        # Codes typed as numbers by the old import are text now; quantities stay numbers.
        assert shown["establishment_number"].type == "text"
        assert shown["unique_reference_number"].type == "text"
        assert shown["capacity"].type == "number" and shown["capacity"].numeric


# ---- codes and identifiers are text ---------------------------------------------------------
@pytest.mark.parametrize(
    "name",
    [
        "establishment_number", "URN", "uprn", "organisation_data_service_code", "FEATCODE",
        "site_id", "cqc_id", "telephone", "ward_code", "PostCode", "AssetCode", "school_ref",
        "house_no",
    ],
)  # fmt: skip
def test_names_that_say_code_or_number_are_identifiers(name):
    assert is_identifier_name(name)


@pytest.mark.parametrize(
    "name", ["capacity", "number_of_beds", "percent_fsm", "lowest_admission_age", "valid"]
)
def test_quantities_are_not_identifiers(name):
    assert not is_identifier_name(name)


def test_school_codes_are_stored_as_the_source_wrote_them(project, asset_sources):
    path = asset_sources / "trafford_schools_and_colleges.geojson"
    import_assets(project, path, AssetImportOptions())
    saved = stored(project)
    for code in ("establishment_number", "unique_reference_number", "local_authority_code"):
        assert saved[code][1] == "text", code
    assert saved["establishment_number"][0] == "Establishment number"
    assert saved["capacity"][1] in ("integer", "number")
    school = custom_of(project, "St John Vianney School")
    assert school["establishment_number"] == "7503"
    assert school["unique_reference_number"] == "106167"
    assert school["capacity"] == 160


def test_a_telephone_stored_as_a_number_has_no_decimal_point(project, asset_sources):
    path = asset_sources / "trafford_care_homes.geojson"
    prepared = prepare_assets(project, path, AssetImportOptions())
    assert prepared.rows["phone"].iloc[0] == "1617486414"


# ---- renaming a field ------------------------------------------------------------------------
def test_renaming_a_field_is_one_undoable_step(project, asset_sources):
    import_assets(project, asset_sources / "trafford_pharmacies.geojson", AssetImportOptions())
    stack = CommandStack(project)
    seen: list[str] = []
    project.events.fields_changed.connect(lambda name: seen.append(name))
    command = RenameField("organisation_data_service_code", "  ODS code ")
    stack.push(command)
    assert stored(project)["organisation_data_service_code"][0] == "ODS code"
    assert defs(project)["organisation_data_service_code"].label == "ODS code"
    assert stack.undo_text == "Rename field 'Organisation data service code' to 'ODS code'"
    assert seen == ["organisation_data_service_code"]
    entry = changelog.entries(project, target="field:organisation_data_service_code")[0]
    assert entry.after == {"label": "ODS code"}

    stack.undo()
    assert defs(project)["organisation_data_service_code"].label == (
        "Organisation data service code"
    )
    stack.redo()
    assert defs(project)["organisation_data_service_code"].label == "ODS code"


def test_a_field_name_must_be_given_and_not_taken(project, asset_sources):
    import_assets(project, asset_sources / "trafford_pharmacies.geojson", AssetImportOptions())
    stack = CommandStack(project)
    with pytest.raises(BadInputError, match="needs a name"):
        stack.push(RenameField("ward_name", "   "))
    with pytest.raises(BadInputError, match="already called 'Ward code'"):
        stack.push(RenameField("ward_name", "ward CODE"))
    assert defs(project)["ward_name"].label == "Ward name"
    assert not stack.can_undo


def test_a_field_typed_on_one_asset_can_be_named_and_undone(project, asset_sources):
    stack = CommandStack(project)
    stack.push(RenameField("Step-free access", "Step-free entrance"))
    assert defs(project)["Step-free access"].label == "Step-free entrance"
    stack.undo()
    assert "Step-free access" not in stored(project)


# ---- edit commands say what changed in words ---------------------------------------------------
def test_edit_texts_use_labels_not_column_names(project, asset_sources):
    path = asset_sources / "trafford_schools_and_colleges.geojson"
    import_assets(project, path, AssetImportOptions())
    uuid = str(assets.frame(project, columns=("uuid",))["uuid"].iloc[0])
    stack = CommandStack(project)
    edit = EditAsset(uuid, {"name": "Renamed school", "opening_hours": "Mon 9-3"})
    assert edit.text == "Edit name, opening hours"
    custom = dict(assets.get(project, uuid).custom)
    custom["capacity"] = 999
    custom["unique_reference_number"] = "100000"
    command = EditAsset(uuid, {"custom": custom})
    stack.push(command)
    assert stack.undo_text == "Edit capacity, unique reference number"


def test_styling_columns_by_values_for_bare_stroke_and_fill():
    import pandas as pd

    frame = pd.DataFrame({"stroke": ["Yes", "No"], "fill": ["#fff", None], "marker-x": [1, 2]})
    assert styling_columns(frame) == ["fill", "marker-x"]


def test_undoing_an_import_takes_out_the_fields_it_described_and_keeps_older_ones(
    project, asset_sources
):
    stack = CommandStack(project)
    import_assets(
        project, asset_sources / "trafford_food_banks.geojson", AssetImportOptions(), stack=stack
    )
    first = set(stored(project))
    import_assets(
        project,
        asset_sources / "trafford_schools_and_colleges.geojson",
        AssetImportOptions(category="schools"),
        stack=stack,
    )
    both = set(stored(project))
    assert first < both  # the schools brought fields of their own (URN, establishment number)

    stack.undo()
    assert set(stored(project)) == first
    stack.redo()
    assert set(stored(project)) == both
    stack.undo()
    stack.undo()
    assert stored(project) == {}
