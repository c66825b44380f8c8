"""Outcomes as rows people read: the CLI's table and CSV, the dialog and the report page
all use these words and figures, so they agree."""

from __future__ import annotations

import csv
from pathlib import Path

from assetmap.core import output
from assetmap.core.i18n import translatable, translated
from assetmap.core.io.safe_cells import neutralise
from assetmap.core.outcomes.current import OutcomeStatus
from assetmap.core.outcomes.evaluate import Evaluation
from assetmap.core.outcomes.model import applies_to_words

SHOWN_FAILING = 10  # the CSV names this many failing areas, worst first; the rest are counted

HEADERS = {
    "title": translatable("Outcome"),
    "target": translatable("Category or group"),
    "area_set": translatable("Area set"),
    "applies_to": translatable("Applies to"),
    "distance_m": translatable("Distance (m)"),
    "threshold": translatable("Coverage threshold"),
    "target_date": translatable("Target date"),
    "run_id": translatable("Analysis run"),
    "run_at": translatable("Run time (UTC)"),
    "areas": translatable("Areas"),
    "areas_meeting": translatable("Areas meeting it"),
    "share_of_areas": translatable("Share of areas"),
    "people": translatable("People"),
    "people_meeting": translatable("People meeting it"),
    "share_of_people": translatable("Share of people"),
    "change_in_areas": translatable("Change in areas meeting it since the previous run"),
    "failing_first": translatable("Failing areas, most need first"),
    "problem": translatable("Could not evaluate"),
}


def row(status: OutcomeStatus, labels: dict[str, str]) -> dict[str, object]:
    o, now = status.outcome, status.now
    values: dict[str, object] = {
        "title": o.title,
        "target": labels.get(o.target, o.target),
        "area_set": o.area_set,
        "applies_to": applies_to_words(o),
        "distance_m": round(o.distance_m, 1),
        "threshold": o.threshold,
        "target_date": o.target_date or "",
        "problem": status.problem,
    }
    values.update(_figures(now))
    values["change_in_areas"] = change_words(status)
    values["failing_first"] = _failing(status)
    return values


def _figures(now: Evaluation | None) -> dict[str, object]:
    if now is None:
        return {}
    return {
        "run_id": now.run_id,
        "run_at": now.run_at,
        "areas": now.areas,
        "areas_meeting": now.areas_meeting,
        "share_of_areas": _share(now.share_of_areas),
        "people": "" if now.people is None else round(now.people),
        "people_meeting": "" if now.people_meeting is None else round(now.people_meeting),
        "share_of_people": _share(now.share_of_people),
    }


def _share(value: float | None) -> object:
    return "" if value is None else round(value, 4)


def change_words(status: OutcomeStatus) -> str:
    """ "+3 areas" since the previous run, "no change", or "" for the first run."""
    before, now = status.previous, status.now
    if before is None or now is None:
        return ""
    delta = now.areas_meeting - before.areas_meeting
    if delta == 0:
        return translated("no change")
    pattern = translated("{delta} area") if abs(delta) == 1 else translated("{delta} areas")
    return pattern.format(delta=f"{delta:+d}")


def _failing(status: OutcomeStatus) -> str:
    if status.failing.empty:
        return ""
    first = status.failing.head(SHOWN_FAILING)
    names = [
        f"{name} ({code})" if name else str(code)
        for name, code in zip(first["area_name"], first["area_code"], strict=True)
    ]
    more = len(status.failing) - len(names)
    listed = "; ".join(names)
    return translated("{names}; and {n} more").format(names=listed, n=more) if more > 0 else listed


def write_csv(
    statuses: list[OutcomeStatus], path: Path, labels: dict[str, str], field: str = "--csv"
) -> Path:
    """One row per outcome, spreadsheet-safe, written whole or not at all."""
    output.check_target(path, field)
    with output.replacing(path, field) as tmp, tmp.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(translated(heading) for heading in HEADERS.values())
        for status in statuses:
            values = row(status, labels)
            writer.writerow(neutralise(values.get(key, "")) for key in HEADERS)
    return path
