"""`advisor assess --batch`: a team from a CSV or XLSX file, through the command line as HR runs it."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from advisor.cli import main
from knowledge.assessment import assess
from knowledge.catalog import load_catalog
from knowledge.models import CERT_CATEGORIES, TOOL_CATEGORY
from knowledge.profile import parse_profile

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "knowledge" / "examples" / "batch-template.csv"
ADVISOR = shutil.which("advisor", path=str(Path(sys.executable).parent)) or "advisor"
CATALOG = load_catalog()
TOOL_ITEMS = list(CATALOG.rules.tool_items)
AREAS = ["literacy", "programming", "model_training", "service_dev"]
HEADER = ["person", "certifications", "self_declared", "literacy", *(f"tool.{t}" for t in TOOL_ITEMS)]
HEADER += ["programming", "model_training", "service_dev", "policy"]


def template_rows() -> list[list[str]]:
    with TEMPLATE.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def write_csv(path: Path, rows: list[list[Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[Any]]) -> Path:
    """Hours as numbers, as a spreadsheet holds them; empty cells as empty cells."""
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append([_cell(v) for v in row])
    workbook.save(path)
    return path


def _cell(value: Any) -> Any:
    if value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return value
    return int(number) if number.is_integer() else number


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any], str]:
    status = main(["assess", *args, "--json"])
    captured = capsys.readouterr()
    return status, json.loads(captured.out), captured.err


def test_the_template_is_read_and_csv_and_xlsx_read_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = template_rows()
    assert [c.strip().casefold() for c in rows[0]] == HEADER  # every column documented, in order
    status, from_csv, err = run_json(capsys, "--batch", str(TEMPLATE))
    assert status == 0 and err == "" and from_csv["errors"] == []
    assert [p["person"] for p in from_csv["people"]] == [r[0] for r in rows[1:]]
    assert [p["row"] for p in from_csv["people"]] == [2, 3, 4]
    status, from_xlsx, _ = run_json(capsys, "--batch", str(write_xlsx(tmp_path / "team.xlsx", rows)))
    assert status == 0 and from_xlsx == from_csv
    first = from_csv["people"][0]
    assert first["levels"]["AI 應用素養"] == "具備" and first["talent_categories"] == ["AI 應用人才"]
    assert first["result"]["types"][1]["gaps"] and first["gaps"]["AI 工具應用"].startswith("進階")


def test_headers_match_ignoring_case_and_spaces(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "t.csv", [[" Person ", "LITERACY", "Tool.文書 "], ["A", "18", "20"]])
    status, out, _ = run_json(capsys, "--batch", str(path))
    assert status == 0 and out["people"][0]["levels"]["AI 工具應用"] == "初階"


@pytest.mark.parametrize(
    ("column", "value", "field", "says"),
    [
        ("certifications", "AWS AI Practioner", "certifications[0]", "AWS Certified AI Practitioner"),
        ("literacy", "-3", "hours.literacy", "負數"),
        ("tool.影像", "十八小時", "hours.tool.影像", "數字"),
        ("programming", "10001", "hours.programming", "上限"),
        ("self_declared", "某證照|魔法類", "self_declared[0].category", "認證分類"),
        ("self_declared", "某證照|素養類|文書", "self_declared[0].tool_domain", "工具類"),
        ("self_declared", "a|工具類|文書|多", "self_declared[0]", "格式"),
        ("policy", "strict", "policy", "either"),
        ("person", "", "person", "姓名"),
    ],
)
def test_a_bad_row_is_reported_with_row_and_column_and_the_others_processed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], column: str, value: str, field: str, says: str
) -> None:
    bad = dict.fromkeys(HEADER, "") | {"person": "壞資料", "model_training": "1", column: value}
    rows = [HEADER, ["甲", "", "", "18"], [bad[c] for c in HEADER], ["乙", "", "", "", "20"]]
    status, out, err = run_json(capsys, "--batch", str(write_csv(tmp_path / "t.csv", rows)))
    assert status == 1
    assert [p["person"] for p in out["people"]] == ["甲", "乙"] and out["summary"]["people"] == 2
    (error,) = out["errors"]
    assert (error["row"], error["column"], error["field"]) == (3, column, field) and says in error["message"]
    assert "第 3 列" in err and column in err and says in err
    assert out["summary"]["errors"] == 1


def test_bad_rows_appear_in_every_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [HEADER[:4], ["甲", "", "", "18"], ["乙", "", "", "abc"]]
    source = write_csv(tmp_path / "t.csv", rows)
    assert main(["assess", "--batch", str(source)]) == 1
    text = capsys.readouterr().out
    assert "第 3 列（乙）欄位 literacy" in text and "第 2 列 甲" in text
    assert main(["assess", "--batch", str(source), "--out", str(tmp_path / "out.xlsx")]) == 1
    workbook = load_workbook(tmp_path / "out.xlsx", read_only=True)
    assert workbook.sheetnames == ["people", "summary", "errors"]
    errors = list(workbook["errors"].iter_rows(values_only=True))
    assert errors[1][:3] == (3, "乙", "literacy")
    people = list(workbook["people"].iter_rows(values_only=True))
    assert [r[:2] for r in people[1:]] == [(2, "甲")]
    assert main(["assess", "--batch", str(source), "--out", str(tmp_path / "out.csv")]) == 1
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as f:
        written = list(csv.reader(f))
    assert [r[:2] for r in written[1:]] == [["2", "甲"], ["3", "乙"]] and "literacy" in written[2][-1]
    assert (tmp_path / "out-summary.csv").is_file()


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("unknown.csv", b"person,literacy,colour\nA,18,blue\n", "colour"),
        ("no-person.csv", b"name,literacy\nA,18\n", "person"),
        ("twice.csv", b"person,literacy,Literacy\nA,18,18\n", "literacy"),
        ("empty.csv", b"", "空"),
        ("header-only.csv", b"person,literacy\n", "沒有"),
        ("latin1.csv", "person\nJosé\n".encode("latin-1"), "UTF-8"),
        ("fake.xlsx", b"person\nA\n", "XLSX"),
        ("other.csv", b"PK\x03\x04 a zip archive, not a workbook", "XLSX"),
        ("team.pdf", b"%PDF-1.4", "CSV"),
    ],
)
def test_a_file_that_cannot_be_used_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    status, out, err = run_json(capsys, "--batch", str(path))
    assert status == 2 and out["error"]["field"] == "batch"
    assert says in out["error"]["message"] and says in err and "Traceback" not in err


def test_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", "--batch", str(tmp_path / "nobody.csv")]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "找不到檔案" in captured.err


def test_out_needs_a_known_suffix_and_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", "--batch", str(TEMPLATE), "--out", str(tmp_path / "x.ods")]) == 2
    assert ".xlsx" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["assess", "--profile", "-", "--out", str(tmp_path / "x.csv")])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit):
        main(["assess", "--profile", "-", "--batch", str(TEMPLATE)])  # one source at a time


# --------------------------------------------------------------------------- the summary against the engine
hours_value = st.one_of(st.just(0), st.integers(0, 40), st.floats(0, 40, allow_nan=False).map(lambda x: round(x, 2)))
declared = st.tuples(
    st.sampled_from(["甲證照", "乙證照"]), st.sampled_from(CERT_CATEGORIES), st.sampled_from([None, *TOOL_ITEMS])
).map(lambda t: {"name": t[0], "category": t[1], **({"tool_domain": t[2]} if t[1] == TOOL_CATEGORY and t[2] else {})})
names = st.sampled_from([text for c in CATALOG.certifications for text in (c.id, c.name)])
profiles = st.fixed_dictionaries(
    {
        "certifications": st.lists(names, max_size=4),
        "self_declared": st.lists(declared, max_size=2),
        "hours": st.fixed_dictionaries(
            {a: hours_value for a in AREAS} | {"tool": st.fixed_dictionaries({t: hours_value for t in TOOL_ITEMS})}
        ),
        "policy": st.sampled_from(["either", "both"]),
    }
)


def csv_row(person: str, raw: dict[str, Any]) -> list[Any]:
    declared_text = ";".join(
        "|".join([d["name"], d["category"], d.get("tool_domain", "")]) for d in raw["self_declared"]
    )
    hours = raw["hours"]
    cells = {"person": person, "certifications": "；".join(raw["certifications"]), "self_declared": declared_text}
    cells |= {a: hours[a] for a in AREAS} | {f"tool.{t}": hours["tool"][t] for t in TOOL_ITEMS}
    cells["policy"] = raw["policy"]
    return [cells[c] for c in HEADER]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(team=st.lists(profiles, min_size=1, max_size=5))
def test_the_summary_counts_what_assessing_each_person_gives(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], team: list[dict[str, Any]]
) -> None:
    rows = [HEADER, *(csv_row(f"P{i}", raw) for i, raw in enumerate(team))]
    status, out, _ = run_json(capsys, "--batch", str(write_csv(tmp_path / "team.csv", rows)))
    assert status == 0
    expected = [assess(parse_profile(raw, CATALOG), CATALOG) for raw in team]
    assert [p["result"] for p in out["people"]] == json.loads(json.dumps(expected, ensure_ascii=False))
    summary = out["summary"]
    assert summary["people"] == len(team)
    for entry in summary["levels"]:
        got = Counter(t["level"] for r in expected for t in r["types"] if t["type"] == entry["type"])
        assert entry["levels"] == {level: got[level] for level in entry["levels"]}
        assert sum(entry["levels"].values()) == len(team)
    talent = summary["talent_categories"]
    for category, n in talent["categories"].items():
        assert n == sum(category in r["talent_categories"] for r in expected)
    assert talent["none"] == sum(not r["talent_categories"] for r in expected)
    for gap in summary["common_gaps"]:
        people_with = [
            r
            for r in expected
            for t in r["types"]
            if t["type"] == gap["type"]
            and any(g["level"] == gap["level"] and g["route"] == gap["route"] for g in t["gaps"])
        ]
        assert gap["people"] == len(people_with) > 0
    for area in summary["hours"]:
        short = [
            r
            for r in expected
            if any(m["measures"] == area["measures"] for t in r["types"] for g in t["gaps"] for m in g["missing"])
        ]
        assert area["people"] == len(short) > 0
    for cert in summary["certificates"]:
        suggested = [
            r
            for r in expected
            if any(c["id"] == cert["id"] for t in r["types"] for g in t["gaps"] for c in g["certifications"])
        ]
        assert cert["helps_people"] == len(suggested) >= cert["closes_people"]


def test_end_to_end_through_the_console_script(tmp_path: Path) -> None:
    out = tmp_path / "team.xlsx"
    proc = subprocess.run(
        [ADVISOR, "assess", "--batch", str(TEMPLATE), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert "團隊摘要（3 位）" in proc.stdout and "王小明" in proc.stdout
    assert "\x1b[" not in proc.stderr  # no progress bar when standard error is not a terminal
    workbook = load_workbook(out, read_only=True)
    assert workbook.sheetnames == ["people", "summary", "errors"]
    assert len(list(workbook["people"].iter_rows())) == 4
