"""The HR batch's results as rows (people, team summary, errors) and as CSV or XLSX files.

Why one place: the terminal tables, the CSV files and the XLSX sheets show the same rows with the
same headers, so what HR reads on screen is what they get in the file.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from knowledge.report import ROUTE_LABELS

OUT_SUFFIXES = (".csv", ".xlsx")
PEOPLE_SHEET, SUMMARY_SHEET, ERRORS_SHEET = "people", "summary", "errors"
SUMMARY_HEADER = ["區段", "能力類型", "等級", "途徑", "項目", "人數", "數值", "說明"]
ERRORS_HEADER = ["列號", "人員", "欄位", "項目", "訊息"]
NO_CATEGORY = "尚未符合任何人才類別"
Row = list[Any]


def summary_path(path: Path) -> Path:
    """`team.csv` → `team-summary.csv`: the second file of a CSV output."""
    return path.with_name(f"{path.stem}-summary{path.suffix}")


def people_header(type_names: Sequence[str]) -> Row:
    return ["列號", "人員", *type_names, "人才類別", *(f"{name} 尚缺" for name in type_names)]


def people_rows(people: Sequence[dict[str, Any]], type_names: Sequence[str]) -> list[Row]:
    """One row per assessed person: level per type, talent categories, the next level's gaps per type."""
    return [
        [
            p["row"],
            p["person"],
            *(p["levels"][name] for name in type_names),
            "、".join(p["talent_categories"]),
            *(p["gaps"].get(name, "") for name in type_names),
        ]
        for p in people
    ]


def error_rows(errors: Sequence[dict[str, Any]]) -> list[Row]:
    return [[e["row"], e["person"], e["column"], e["field"], e["message"]] for e in errors]


def certificate_note(cert: dict[str, Any]) -> str:
    kind = cert["category"] + (f"・{cert['tool_domain']}" if cert["tool_domain"] else "")
    closes = f"；補足的能力類型：{'、'.join(cert['types'])}" if cert["types"] else ""
    return f"{cert['issuer']}；{kind}；列入 {cert['helps_people']} 人的建議{closes}"


def summary_rows(summary: dict[str, Any]) -> list[Row]:
    """The team summary in one long table: a section per kind of figure."""
    rows: list[Row] = [
        ["總計", "", "", "", "已評估人數", summary["people"], "", ""],
        ["總計", "", "", "", "有錯誤的列數", summary["errors"], "", ""],
    ]
    for entry in summary["levels"]:
        rows.extend(["等級分布", entry["type"], level, "", "", n, "", ""] for level, n in entry["levels"].items())
    talent = summary["talent_categories"]
    rows.extend(["人才類別", "", "", "", name, n, "", ""] for name, n in talent["categories"].items())
    rows.append(["人才類別", "", "", "", NO_CATEGORY, talent["none"], "", ""])
    for gap in summary["common_gaps"]:
        rules = " 或 ".join(f"{r['rule']}（{r['id']}）" for r in gap["rules"])
        rows.append(["常見缺口", gap["type"], gap["level"], ROUTE_LABELS[gap["route"]], rules, gap["people"], "", ""])
    for cert in summary["certificates"]:
        note = certificate_note(cert)
        rows.append(["建議證照", "", "", "", cert["name"], cert["closes_people"], cert["closes_gaps"], note])
    for area in summary["hours"]:
        note = f"不足人數；數值為中位數尚缺（{area['unit']}）"
        rows.append(["受訓時數缺口", "", "", "", area["area"], area["people"], area["median_shortfall"], note])
    return rows


def _as_text(sheet: Any, value: str) -> Any:
    """openpyxl stores a string starting with 「=」 as a formula: a name like that stays text."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value)
    cell.data_type = "s"
    return cell


def _write_csv(path: Path, header: Row, rows: list[Row]) -> None:
    # utf-8-sig: Excel opens a CSV with a byte-order mark as UTF-8 (Chinese text intact)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


def write_outputs(
    path: Path,
    people: Sequence[dict[str, Any]],
    summary: dict[str, Any],
    errors: Sequence[dict[str, Any]],
    type_names: Sequence[str],
) -> list[Path]:
    """Write `.csv` (people, with refused rows and their error, and `-summary`) or `.xlsx` (three sheets)."""
    header = people_header(type_names)
    rows = people_rows(people, type_names)
    if path.suffix.casefold() == ".csv":
        blank = [""] * (len(header) - 2)
        with_errors = [[*r, ""] for r in rows] + [
            [e["row"], e["person"], *blank, f"{e['column']}：{e['message']}"] for e in errors
        ]
        with_errors.sort(key=lambda r: r[0])
        _write_csv(path, [*header, "錯誤"], with_errors)
        _write_csv(summary_path(path), SUMMARY_HEADER, summary_rows(summary))
        return [path, summary_path(path)]
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, sheet_header, sheet_rows in (
        (PEOPLE_SHEET, header, rows),
        (SUMMARY_SHEET, SUMMARY_HEADER, summary_rows(summary)),
        (ERRORS_SHEET, ERRORS_HEADER, error_rows(errors)),
    ):
        sheet = workbook.create_sheet(title)
        sheet.append(sheet_header)
        for row in sheet_rows:
            sheet.append([_as_text(sheet, v) if isinstance(v, str) and v.startswith("=") else v for v in row])
    workbook.save(path)
    return [path]
