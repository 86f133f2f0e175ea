"""`advisor assess`: one deterministic self-assessment from a JSON profile file or standard input."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

from knowledge.assessment import assess
from knowledge.catalog import Catalog, load_catalog
from knowledge.errors import ProfileError
from knowledge.profile import Profile, parse_profile
from knowledge.report import gap_lines, render_text
from knowledge.result_chart import chart_of
from knowledge.share_code import decode, encode

EXIT_INVALID = 2


MAX_NUMBER_DIGITS = 20  # no hours value or id needs more; Python refuses to read 4,300 and more


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A key given twice would silently keep the last value: say so instead."""
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ProfileError(str(key), f"欄位「{key}」出現了兩次；每個欄位只能填一次。")
        seen[key] = value
    return seen


def _number(text: str) -> float:
    if len(text.lstrip("-").split(".")[0].split("e")[0].split("E")[0]) > MAX_NUMBER_DIGITS:
        raise ProfileError("profile", f"數字「{text[:12]}…」太長（超過 {MAX_NUMBER_DIGITS} 位）。")
    return float(text)


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise ProfileError("profile", f"數字「{text[:12]}…」太長（超過 {MAX_NUMBER_DIGITS} 位）。")
    return int(text)


def _read_profile(source: str, stdin: TextIO) -> Any:
    if source == "-":
        buffer = getattr(stdin, "buffer", None)
        data = buffer.read() if buffer is not None else stdin.read().encode("utf-8", "surrogateescape")
    else:
        path = Path(source)
        if not path.is_file():
            raise ProfileError("profile", f"找不到檔案「{source}」。請確認路徑，或用 - 從標準輸入讀取。")
        data = path.read_bytes()
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")  # a byte-order mark is allowed, not required
    except UnicodeDecodeError as exc:
        where = f"第 {exc.start + 1} 個位元組無法讀取"
        raise ProfileError("profile", f"檔案不是 UTF-8 編碼（{where}）；請存成 UTF-8。") from exc
    if not text.strip():
        raise ProfileError("profile", '自我評估資料是空的；請提供 JSON 物件，例如 {"hours": {"literacy": 18}}。')
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_int=_integer, parse_float=_number)
    except json.JSONDecodeError as exc:
        raise ProfileError("profile", f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 欄：{exc.msg}）。") from exc
    except RecursionError as exc:
        raise ProfileError("profile", "JSON 的巢狀層數太深；自我評估資料最多只有三層。") from exc


def result_json(result: dict[str, Any]) -> str:
    """The canonical JSON form: same result, same bytes."""
    return json.dumps(result, ensure_ascii=False, indent=2)


def _print_table(result: dict[str, Any], out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    from advisor.result_bars import result_bars

    table = Table(title=f"AI 產業人才能力自我評估（指引 {result['guideline_version']}，policy={result['policy']}）")
    for col in ("能力類型", "等級", "證照途徑", "受訓時數途徑", "尚缺"):
        table.add_column(col, overflow="fold")
    for t in result["types"]:
        target = next((lv for lv in t["levels"] if not lv["met"]), t["levels"][-1])
        routes = target["routes"] if not target["met"] else t["levels"][-1]["routes"]
        table.add_row(
            f"{t['number']}、{t['type']}",
            t["level"],
            "✅" if routes["certificate"] else "—",
            "✅" if routes["training"] else "—",
            "\n".join(gap_lines(t, max_suggestions=2)),
        )
    console = Console(file=out)
    console.print(table)
    console.print(result_bars(chart_of(result), "zh", heading=False))  # how far each route has come
    console.print(result["summary"])
    console.print(f"出處：{result['source']}、附件(三) 表6")


def load_profile(profile_path: str | None, code: str | None, catalog: Catalog, stdin: TextIO) -> Profile:
    """The profile of `--profile FILE` or `--code CODE` (exactly one is given); ProfileError otherwise."""
    if code is not None:
        return decode(code, catalog)
    return parse_profile(_read_profile(profile_path or "-", stdin), catalog)


def run_assess(
    profile_path: str | None,
    as_json: bool,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    *,
    code: str | None = None,
    share: bool = False,
    html: str | None = None,
    save_profile: str | None = None,
) -> int:
    """One assessment; `share` adds its share code, `html` writes a readable report with the audit trail,
    `save_profile` writes the profile as the JSON `advisor assess --profile` reads. The streams default
    to sys's at call time (a test's captured streams, not the ones of the first import)."""
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    catalog = load_catalog()
    try:
        profile = load_profile(profile_path, code, catalog, stdin)
        share_code = encode(profile, catalog) if share or html else None
    except ProfileError as exc:
        print(f"錯誤：{exc.field}：{exc.message}", file=stderr)
        if as_json:
            print(json.dumps(exc.to_dict(), ensure_ascii=False), file=stdout)
        return EXIT_INVALID
    result = assess(profile, catalog)
    if save_profile:
        Path(save_profile).write_text(json.dumps(profile.to_dict(), ensure_ascii=False, indent=2) + "\n", "utf-8")
    if html:
        from knowledge.report_html import render_html

        Path(html).write_text(render_html(result, share_code=share_code), "utf-8")
    if as_json:
        print(result_json({**result, "share_code": share_code} if share else result), file=stdout)
    elif stdout.isatty():
        _print_table(result, stdout)
    else:
        print(render_text(result), file=stdout)
    if share and not as_json:
        print(f"分享碼：{share_code}（重現：advisor assess --code {share_code}）", file=stdout)
    return 0
