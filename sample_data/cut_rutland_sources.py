"""Cut Rutland's rows out of the national files into sample_data/sources/national_rutland/.

Run once, from the repository root, when ../shared/data changes (the demo build itself reads
only sample_data/sources/, so the repository stands alone):

    python sample_data/cut_rutland_sources.py [--shared ../shared/data]

The national files are 7.5 MB (LSOA boundaries, gzip) and 2 MB (IMD 2019, gzip); Rutland is
23 LSOAs of 34,753, so only its lines are kept, byte for byte: the boundary file keeps one
feature per line and the CSVs keep their UTF-8 BOM and thousands separators, which the
importers must cope with in the demo as in real council files.
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "sources" / "national_rutland"
RUTLAND_LAD = "E06000017"


def cut_boundaries(source: Path, target: Path) -> int:
    """Keep the header, Rutland's feature lines and the footer; the last feature loses its
    comma so the file stays valid GeoJSON."""
    with gzip.open(source, "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    start = lines.index('"features": [') + 1
    end = len(lines) - 2  # "]" and "}"
    kept = [line.rstrip(",") for line in lines[start:end] if '"LSOA11NM": "Rutland ' in line]
    body = ",\n".join(kept)
    target.write_text("\n".join(lines[:start]) + "\n" + body + "\n" + "\n".join(lines[end:]) + "\n")
    return len(kept)


def cut_csv(source: Path, target: Path) -> int:
    """The header and the rows of Rutland's LSOAs, exactly as published."""
    with gzip.open(source, "rt", encoding="utf-8", newline="") as fh:
        header, *rows = fh.read().splitlines(keepends=True)
    kept = [row for row in rows if f",{RUTLAND_LAD},Rutland," in row]
    target.write_text(header + "".join(kept), encoding="utf-8", newline="")
    return len(kept)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared" / "data")
    options = parser.parse_args(argv)
    national = options.shared / "national"
    imd = national / "england_imd2019"
    OUT.mkdir(parents=True, exist_ok=True)
    counts = {
        "rutland_lsoa2011_bsc.geojson": cut_boundaries(
            national / "england_wales_lsoa2011_bsc.geojson.gz", OUT / "rutland_lsoa2011_bsc.geojson"
        ),
        "rutland_imd2019_file1_imd.csv": cut_csv(
            imd / "File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv.gz",
            OUT / "rutland_imd2019_file1_imd.csv",
        ),
        "rutland_imd2019_file6_population.csv": cut_csv(
            imd / "File_6_-_IoD2019_Population_Denominators.csv.gz",
            OUT / "rutland_imd2019_file6_population.csv",
        ),
    }
    for name, n in counts.items():
        print(f"{name}: {n} LSOAs")
    return 0 if set(counts.values()) == {23} else 1


if __name__ == "__main__":
    raise SystemExit(main())
