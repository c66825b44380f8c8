"""``assetmap --lang cy``: the command line's gap analysis and its PDF report in Welsh, as a
council officer would run them, in a process of their own (the language is chosen once,
at the start)."""

from __future__ import annotations

import os
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


def welsh_error(*args: str) -> str:
    """The message of a command refused as bad input (exit 3), from stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "assetmap", "--lang", "cy", *args], capture_output=True, text=True
    )
    assert done.returncode == 3, done.stdout
    return done.stderr


def test_lang_cy_creates_a_project_for_a_place_and_describes_it_in_welsh(tmp_path: Path):
    path = tmp_path / "casnewydd.gpkg"
    made = assetmap("new", str(path), "--place", "W06000022").stdout
    assert made.startswith(f"Crëwyd {path} ar gyfer Newport (W06000022, Wales): 95 cymdogaeth")
    assert "gyda dim ffigurau poblogaeth nac amddifadedd" in made and "Created" not in made
    assert "\nNodyn: " in made
    info = assetmap("info", str(path)).stdout
    assert "  system gyfesurynnau: " in info and "  mynegai codau post: " in info
    assert "  asedau: 0 (0 gweithredol, 0 ar gau, 0 arfaethedig)" in info
    assert "coordinate system" not in info and "postcode index" not in info


def test_lang_cy_lists_likely_duplicates_and_writes_exports_in_welsh(
    demo_copy: Path, tmp_path: Path
):
    pairs = assetmap("duplicates", str(demo_copy)).stdout
    assert " pâr tebygol o ddyblygion (yr un enw o fewn 50 m; " in pairs.splitlines()[0]
    assert " m ar wahân; " in pairs and "likely duplicate" not in pairs
    out = tmp_path / "asedau.csv"
    wrote = assetmap("export", str(demo_copy), "--out", str(out)).stdout
    assert wrote.startswith(f"Ysgrifennwyd {out} (501 ased).")


def test_lang_cy_words_the_command_lines_own_refusals_in_welsh(demo_copy: Path, tmp_path: Path):
    refused = welsh_error("outcomes", str(demo_copy), "--add", "Bwyd i bawb")
    assert refused.startswith("assetmap: gwall: ") and "mae --add angen --category" in refused
    refused = welsh_error("copy", str(demo_copy), str(tmp_path / "copi.txt"))
    assert refused.startswith("assetmap: gwall: copi.txt, ")
    assert "error" not in refused


def welsh_help(*args: str) -> subprocess.CompletedProcess[str]:
    """``assetmap --lang cy ... --help`` (or a usage error), as printed at a terminal 100 wide."""
    env = {**os.environ, "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-m", "assetmap", "--lang", "cy", *args],
        capture_output=True,
        text=True,
        env=env,
    )


def test_lang_cy_shows_a_commands_help_in_welsh():
    done = welsh_help("new", "--help")
    assert done.returncode == 0, done.stderr
    shown = " ".join(done.stdout.split())
    assert shown.startswith("defnydd: assetmap new [-h] [--name NAME]")
    assert "creu ffeil prosiect newydd, wag" in shown
    assert "argiadau lleoliadol: PROJECT.gpkg" in shown and "opsiynau: -h, --help" in shown
    assert "dangos y neges gymorth hon a gadael" in shown
    assert "--place NAME_OR_CODE dechrau o awdurdod lleol yng Nghymru neu Loegr" in shown
    assert "create a new" not in shown and "show this help" not in shown
    listed = " ".join(welsh_help("--help").stdout.split())
    assert "analyse canfod bylchau: cyfrifon, pellteroedd, cwmpas" in listed


def test_lang_cy_words_a_usage_error_and_argparse_defaults_in_welsh():
    refused = welsh_help("duplicates")
    assert refused.returncode == 2
    assert refused.stderr.startswith("defnydd: assetmap duplicates [-h]")
    assert "\nassetmap duplicates: gwall: " in refused.stderr and "error:" not in refused.stderr
    shown = " ".join(welsh_help("duplicates", "--help").stdout.split())
    assert "o fewn hyn o fetrau (rhagosodiad 50)" in shown  # argparse's %(default) filled in
    assert "0-100 (tebygrwydd setiau tocynnau; rhagosodiad 90)" in shown
