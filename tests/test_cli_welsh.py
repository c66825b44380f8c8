"""``assetmap --lang cy``: the command line's gap analysis and its PDF report in Welsh, as a
council officer would run them, in a process of their own (the language is chosen once,
at the start)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pypdf

LSOA = "Neighbourhoods (LSOA 2021)"


def assetmap(*args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "assetmap", "--lang", "cy", *args], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done


def test_lang_cy_analyses_and_exports_a_welsh_gap_report(demo_copy: Path, tmp_path: Path):
    analysed = assetmap(
        "analyse", str(demo_copy), "--set", LSOA, "--category", "mental_health",
        "--category", "food_banks", "--need", "imd_score", "--out", str(tmp_path / "r.csv"),
    )  # fmt: skip
    assert analysed.stdout.startswith("Rhediad 1: dadansoddwyd 139 ardal × 2 categori; ")
    assert "Canlyniadau: " in analysed.stdout
    method = (tmp_path / "r.method.txt").read_text(encoding="utf-8")
    assert method.startswith(f"Dadansoddiad bylchau o'r 139 ardal yn “{LSOA}”")

    out = tmp_path / "adroddiad.pdf"
    assetmap("export", str(demo_copy), "--out", str(out), "--analysis", "latest", "--report")
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(out).pages)
    assert "Sut y lluniwyd y ffigurau" in text  # the report's heading (Qt's catalogue)
    assert "Dadansoddiad bylchau o'r 139 ardal" in text  # its method (the core's)
    assert "Llinellau syth mewn metrau" in text and "Gap analysis of" not in text
