"""`assetmap outcomes`: add, list, evaluate with a CSV, remove; bad input named."""

from __future__ import annotations

import csv

from assetmap.cli import EXIT_BAD_INPUT, EXIT_OK, main

TITLE = "Every neighbourhood within 800 m of a food bank or pantry"


def run(*args: object) -> int:
    return main([str(a) for a in args])


def test_add_evaluate_and_write_the_csv(demo_copy, tmp_path, capsys):
    assert run("outcomes", demo_copy, "--add", TITLE, "--category", "Food banks and pantries",
               "--target", "2027-03-31") == EXIT_OK  # fmt: skip
    assert run("outcomes", demo_copy, "--add", "=1+1 deprived fifth near mental health",
               "--category", "mental_health", "--distance", "1000", "--threshold", "0.6",
               "--need-band", "1") == EXIT_OK  # fmt: skip
    capsys.readouterr()
    out = tmp_path / "outcomes.csv"
    assert run("outcomes", demo_copy, "--csv", out, "--quiet") == EXIT_OK
    printed = capsys.readouterr().out
    assert f"1. {TITLE}\n   28 of 139 areas meet it" in printed
    assert "people" in printed and "most need first:" in printed
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["Outcome"] for r in rows] == [TITLE, "'=1+1 deprived fifth near mental health"]
    food, mental = rows
    assert food["Category or group"] == "Food banks and pantries"
    assert (food["Areas"], food["Areas meeting it"], food["Target date"]) == (
        "139",
        "28",
        "2027-03-31",
    )
    assert food["Failing areas, most need first"].endswith("and 101 more")
    assert mental["Areas"] == "28" and mental["Coverage threshold"] == "0.6"
    assert mental["Applies to"] == "the fifth of areas most in need"


def test_list_and_remove(demo_copy, capsys):
    run("outcomes", demo_copy, "--add", TITLE, "--category", "food_banks")
    assert run("outcomes", demo_copy, "--list") == EXIT_OK
    assert f"1. {TITLE}: food_banks within 800 m" in capsys.readouterr().out
    assert run("outcomes", demo_copy, "--remove", "1") == EXIT_OK
    run("outcomes", demo_copy, "--list")
    assert "No outcomes yet" in capsys.readouterr().out


def test_bad_input_is_named(demo_copy, capsys):
    assert run("outcomes", demo_copy, "--add", TITLE, "--category", "dragons") == EXIT_BAD_INPUT
    assert "no category or group 'dragons'" in capsys.readouterr().err
    assert run("outcomes", demo_copy, "--add", TITLE, "--category", "food_banks",
               "--target", "next year") == EXIT_BAD_INPUT  # fmt: skip
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert run("outcomes", demo_copy, "--add", TITLE) == EXIT_BAD_INPUT
    assert "--add needs --category" in capsys.readouterr().err


def test_an_outcome_for_a_share_of_the_people(demo_copy, tmp_path, capsys):
    assert run("outcomes", demo_copy, "--add", "The most deprived fifth of us near a pantry",
               "--category", "food_banks", "--population-share", "0.2") == EXIT_OK  # fmt: skip
    run("outcomes", demo_copy, "--list")
    assert "the most deprived areas home to 20 % of the people" in capsys.readouterr().out
    out = tmp_path / "outcomes.csv"
    assert run("outcomes", demo_copy, "--csv", out, "--quiet") == EXIT_OK
    with out.open(encoding="utf-8") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["Applies to"] == "the most deprived areas home to 20 % of the people"
    assert 0 < int(row["Areas"]) < 139


def test_a_share_and_a_need_band_together_are_refused(demo_copy, capsys):
    assert run("outcomes", demo_copy, "--add", "Both", "--category", "food_banks",
               "--population-share", "0.2", "--need-band", "1") == EXIT_BAD_INPUT  # fmt: skip
    err = capsys.readouterr().err
    assert "population-share" in err and "not both" in err
    assert run("outcomes", demo_copy, "--add", "Too many", "--category", "food_banks",
               "--population-share", "20") == EXIT_BAD_INPUT  # fmt: skip
    assert "between 0 and 1" in capsys.readouterr().err
