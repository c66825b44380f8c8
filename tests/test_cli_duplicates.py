"""`assetmap duplicates` on the Trafford demo (the pairs are checked by hand in
tests/core/test_duplicates.py)."""

from __future__ import annotations

import csv

from assetmap.cli import main


def test_duplicates_prints_the_pairs_with_the_threshold(demo_copy, capsys):
    assert main(["duplicates", str(demo_copy)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("6 likely duplicate pairs")
    assert "90% alike" in out
    assert (
        "  Coppice Library (Libraries)\n  Coppice Library and Wellbeing Centre (Mental health)"
        in out
    )
    assert "204 m apart; same postcode, names 100% alike (threshold 90%)" in out


def test_duplicates_writes_csv_with_a_wider_radius(demo_copy, tmp_path, capsys):
    out = tmp_path / "pairs.csv"
    assert main(["duplicates", str(demo_copy), "--csv", str(out), "--within", "60"]) == 0
    assert "Wrote 7 likely duplicate pairs" in capsys.readouterr().out
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    partington = [r for r in rows if r["name_a"].startswith("Partington Library")]
    assert len(partington) == 1 and partington[0]["distance_m"] == "50"
