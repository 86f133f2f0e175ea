"""`advisor assess --batch FILE`: a team's self-assessments from one CSV or XLSX file, with a summary.

Exit status: 0 when every row was assessed, 1 when some rows were refused (each reported with its
row and column; the others are assessed), 2 when the file itself cannot be used.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from advisor.batch_input import BatchFileError, PersonRow, RowError, read_row, read_table
from advisor.batch_output import (
    ERRORS_HEADER,
    NO_CATEGORY,
    OUT_SUFFIXES,
    certificate_note,
    error_rows,
    people_header,
    people_rows,
    write_outputs,
)
from knowledge.assessment import assess
from knowledge.catalog import Catalog, load_catalog
from knowledge.profile import Profile
from knowledge.report import ROUTE_LABELS
from knowledge.team_summary import person_overview, team_summary

EXIT_OK, EXIT_SOME_ROWS_BAD, EXIT_UNUSABLE = 0, 1, 2


@contextmanager
def _progress(total: int, stderr: TextIO) -> Iterator[tuple[Callable[[], None], Callable[[str], None]]]:
    """A progress bar on a terminal only (a redirected standard error gets none). Yields `advance` and
    `say`: a line said while the bar is shown is printed above it, not through it."""
    if not stderr.isatty():
        yield (lambda: None), (lambda line: print(line, file=stderr))
        return
    from rich.console import Console
    from rich.progress import Progress

    console = Console(file=stderr)
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("評估中", total=total)
        yield (
            (lambda: progress.advance(task)),
            (lambda line: console.print(line, markup=False, highlight=False, soft_wrap=True)),
        )


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Thousands of large, acyclic result dicts: the cyclic collector would scan them again and again
    while they are built (a third of the run on 10,000 people); reference counting frees them all."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _for_summary(result: dict[str, Any]) -> dict[str, Any]:
    """The parts of a result the tables and the team summary read: without the audit trail, a team of
    10,000 takes a fraction of the memory (the full result is kept for --json, which prints it)."""
    kept = ("type", "number", "level", "gaps")
    return {
        "types": [{key: t[key] for key in kept} for t in result["types"]],
        "talent_categories": result["talent_categories"],
    }


def _assess_rows(
    rows: Iterable[tuple[int, tuple[Any, ...]]],
    columns: list[str | None],
    catalog: Catalog,
    advance: Callable[[], None],
    say: Callable[[str], None],
    keep_full: bool,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    people: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    # the engine is pure: people with the same profile (a common team shape) share one result
    results: dict[Profile, dict[str, Any]] = {}
    for number, row in rows:
        advance()
        read = read_row(number, row, columns, catalog)
        if isinstance(read, RowError):
            say(f"錯誤：{read.line()}")
            errors.append(read.to_dict())
            continue
        assert isinstance(read, PersonRow)
        result = results.get(read.profile)
        if result is None:
            result = assess(read.profile, catalog)
            result = results[read.profile] = result if keep_full else _for_summary(result)
        overview = person_overview(result)
        people.append(
            {"row": read.row, "person": read.person, **overview, "profile": read.profile.to_dict(), "result": result}
        )
    return people, errors


def run_batch(
    source: str, out: str | None, as_json: bool, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Assess every row; a refused row is reported and skipped, so one typo never costs HR the whole team."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    catalog = load_catalog()
    try:
        out_path = _out_path(out)
        table = read_table(Path(source), catalog)
    except BatchFileError as exc:
        print(f"錯誤：{exc.message}", file=stderr)
        if as_json:
            print(json.dumps(exc.to_dict(), ensure_ascii=False), file=stdout)
        return EXIT_UNUSABLE
    with _no_cyclic_gc(), _progress(len(table.rows), stderr) as (advance, say):
        people, errors = _assess_rows(table.rows, table.columns, catalog, advance, say, keep_full=as_json)
        summary = {**team_summary([p["result"] for p in people], catalog), "errors": len(errors)}
    type_names = [t.type for t in catalog.rules.types]
    if out_path is not None:
        try:
            written = write_outputs(out_path, people, summary, errors, type_names)
        except OSError as exc:
            print(f"錯誤：無法寫入「{out_path}」：{exc.strerror or exc}。", file=stderr)
            return EXIT_UNUSABLE
        print(f"已寫入：{'、'.join(str(p) for p in written)}", file=stderr)
    if as_json:
        _write_json(people, summary, errors, stdout)
    elif stdout.isatty():
        _print_tables(people, summary, errors, type_names, stdout)
    else:
        stdout.write(render_batch_text(people, summary, errors, catalog))
    return EXIT_SOME_ROWS_BAD if errors else EXIT_OK


def _write_json(
    people: list[dict[str, Any]], summary: dict[str, Any], errors: list[dict[str, Any]], out: TextIO
) -> None:
    """The bytes of `json.dumps({"people", "summary", "errors"})`, written a person at a time: one string of
    the whole team would double the memory, and `json.dump` writes in millions of small pieces."""
    out.write('{"people": [')
    for i, person in enumerate(people):
        out.write((", " if i else "") + json.dumps(person, ensure_ascii=False))
    tail = json.dumps({"summary": summary, "errors": errors}, ensure_ascii=False)
    out.write("], " + tail[1:] + "\n")


def _out_path(out: str | None) -> Path | None:
    if out is None:
        return None
    path = Path(out)
    if path.suffix.casefold() not in OUT_SUFFIXES:
        raise BatchFileError(f"--out 的檔名必須以 {' 或 '.join(OUT_SUFFIXES)} 結尾（收到「{out}」）。")
    if not path.parent.is_dir():
        raise BatchFileError(f"--out 的資料夾「{path.parent}」不存在。")
    return path


# --------------------------------------------------------------------------- plain text (pipes, files)
def render_batch_text(
    people: list[dict[str, Any]], summary: dict[str, Any], errors: list[dict[str, Any]], catalog: Catalog
) -> str:
    """The whole batch as plain text: each person, the refused rows, then the team summary."""
    out = [f"AI 產業人才能力自我評估：團隊批次（指引版本 {summary['guideline_version']}）", ""]
    out.append(f"人員（{len(people)} 位）")
    for p in people:
        levels = "、".join(f"{name} {level}" for name, level in p["levels"].items())
        categories = "、".join(p["talent_categories"]) or NO_CATEGORY
        out.append(f"第 {p['row']} 列 {p['person']}：{levels}；人才類別：{categories}")
        out.extend(f"  {name} ➜ {brief}" for name, brief in p["gaps"].items())
    if errors:
        out += ["", f"無法評估的列（{len(errors)} 列）"]
        out.extend(f"第 {e['row']} 列（{e['person'] or '—'}）欄位 {e['column']}：{e['message']}" for e in errors)
    out += ["", f"團隊摘要（{summary['people']} 位）", "各能力類型的等級人數（以達到的最高等級計）"]
    for entry in summary["levels"]:
        out.append(f"  {entry['type']}：" + "、".join(f"{lv} {n}" for lv, n in entry["levels"].items()))
    talent = summary["talent_categories"]
    out.append("人才類別")
    counts = [*(f"{c} {n}" for c, n in talent["categories"].items()), f"{NO_CATEGORY} {talent['none']}"]
    out.append("  " + "、".join(counts))
    out.append("最常見的缺口（下一等級）")
    for gap in summary["common_gaps"]:
        rules = " 或 ".join(r["rule"] for r in gap["rules"])
        route = ROUTE_LABELS[gap["route"]]
        out.append(f"  {gap['type']} {gap['level']}・{route}途徑（{rules}）：{gap['people']} 人")
    out.append("可補足最多缺口的證照（表6）")
    for cert in summary["certificates"]:
        closes = f"可補足 {cert['closes_people']} 人（{cert['closes_gaps']} 項缺口）"
        out.append(f"  {cert['name']}：{closes}；{certificate_note(cert)}")
    out.append("受訓時數缺口（各領域不足人數與中位數尚缺）")
    for area in summary["hours"]:
        out.append(f"  {area['area']}：{area['people']} 人不足，中位數尚缺 {area['median_shortfall']} {area['unit']}")
    out.append(f"出處：{catalog.rules.source}、附件(三) 表6")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- rich tables (a terminal)
def _print_tables(
    people: list[dict[str, Any]],
    summary: dict[str, Any],
    errors: list[dict[str, Any]],
    type_names: list[str],
    out: TextIO,
) -> None:
    from rich.console import Console
    from rich.table import Table

    def table(title: str, header: list[Any], rows: list[list[Any]]) -> Table:
        t = Table(title=title, title_justify="left")
        for col in header:
            t.add_column(str(col), overflow="fold")
        for row in rows:
            t.add_row(*(str(v) for v in row))
        return t

    console = Console(file=out)
    console.print(table(f"人員（{len(people)} 位）", people_header(type_names), people_rows(people, type_names)))
    if errors:
        console.print(table(f"無法評估的列（{len(errors)} 列）", ERRORS_HEADER, error_rows(errors)))
    levels = list(dict.fromkeys(lv for e in summary["levels"] for lv in e["levels"]))
    level_rows = [[e["type"], *(e["levels"].get(lv, "—") for lv in levels)] for e in summary["levels"]]
    console.print(table(f"團隊摘要（{summary['people']} 位）：各能力類型的等級人數", ["能力類型", *levels], level_rows))
    talent = summary["talent_categories"]
    talent_rows = [*([c, n] for c, n in talent["categories"].items()), [NO_CATEGORY, talent["none"]]]
    console.print(table("人才類別", ["人才類別", "人數"], talent_rows))
    gap_rows = [
        [g["type"], g["level"], ROUTE_LABELS[g["route"]], " 或 ".join(r["rule"] for r in g["rules"]), g["people"]]
        for g in summary["common_gaps"]
    ]
    console.print(table("最常見的缺口（下一等級）", ["能力類型", "等級", "途徑", "表5 規則", "人數"], gap_rows))
    cert_rows = [
        [c["name"], c["issuer"], c["category"], c["closes_people"], c["closes_gaps"], c["helps_people"]]
        for c in summary["certificates"]
    ]
    cert_header = ["證照", "發證單位", "分類", "可補足人數", "可補足缺口", "列入建議人數"]
    console.print(table("可補足最多缺口的證照（表6）", cert_header, cert_rows))
    hour_rows = [[a["area"], a["people"], f"{a['median_shortfall']} {a['unit']}"] for a in summary["hours"]]
    console.print(table("受訓時數缺口", ["領域", "不足人數", "中位數尚缺"], hour_rows))
