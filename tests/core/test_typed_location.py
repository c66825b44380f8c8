"""Where a typed postcode or pair of coordinates is, for adding an asset without a mouse."""

from __future__ import annotations

import pytest

from assetmap.core import postcode_store
from assetmap.core.errors import BadInputError
from assetmap.core.project import Project
from assetmap.core.typed_location import locate


@pytest.fixture
def project(demo_copy):
    with Project.open(demo_copy) as opened:
        yield opened


def test_a_postcode_is_found_in_the_projects_index_however_it_is_typed(project):
    index = postcode_store.load(project)
    expected = tuple(index.frame.loc["M16 0PQ", ["x", "y"]])
    assert locate(project, " m160pq ") == pytest.approx(expected)


def test_latitude_and_longitude_become_project_coordinates(project):
    # Old Trafford (the cricket ground), about 53.4568 N, 2.2869 W: British National Grid.
    x, y = locate(project, "53.4568, -2.2869")
    assert x == pytest.approx(380_960, abs=150) and y == pytest.approx(395_690, abs=150)


def test_eastings_and_northings_are_taken_as_they_are(project):
    assert locate(project, "379500 394200") == (379_500.0, 394_200.0)
    assert locate(project, "379500.5;394200") == (379_500.5, 394_200.0)


def test_a_postcode_not_in_the_index_or_gibberish_is_refused_with_the_field(project):
    with pytest.raises(BadInputError, match="SW1A 1AA is not in this project's postcode index"):
        locate(project, "SW1A 1AA")
    with pytest.raises(BadInputError, match="not a postcode or coordinates") as error:
        locate(project, "the old library")
    assert error.value.field == "location"
    assert "M32 0TA" in str(error.value)  # says what would do


def test_a_project_without_postcodes_says_so(tmp_path):
    with (
        Project.create(tmp_path / "empty.gpkg", name="Empty") as project,
        pytest.raises(BadInputError, match="no postcode index"),
    ):
        locate(project, "M16 0PQ")


def test_text_that_is_no_place_is_refused_in_welsh(project):
    from assetmap.core import i18n

    with i18n.using_language("cy"), pytest.raises(BadInputError) as caught:
        locate(project, "by the church")
    assert "nid yw “by the church” yn god post nac yn gyfesurynnau" in str(caught.value)
