"""Reading an HR batch file (CSV or XLSX, one row per person) into `advisor assess` profiles.

Why here and not in `knowledge/`: this is file handling and column layout only. Each row becomes the
same JSON profile `advisor assess --profile` takes and is validated by `knowledge.profile.parse_profile`,
so a row is accepted or refused by exactly the rules a single profile is; this module only says which
spreadsheet row and column a refusal belongs to.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from knowledge.catalog import Catalog
from knowledge.errors import ProfileError
from knowledge.profile import HOUR_AREAS, Profile, parse_profile

PERSON = "person"
CERTIFICATIONS = "certifications"
SELF_DECLARED = "self_declared"
POLICY = "policy"
HOURS_PREFIX = "hours."
LIST_SEPARATORS = re.compile(r"[;；]")
PART_SEPARATORS = re.compile(r"[|｜]")
SELF_DECLARED_PARTS = ("name", "category", "tool_domain")
CSV_SUFFIXES = {".csv", ".txt", ""}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
ZIP_MAGIC = b"PK\x03\x04"  # an XLSX file is a zip archive


class BatchFileError(Exception):
    """The batch file as a whole cannot be used (missing, not CSV/XLSX, bad header): exit status 2."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)

    def to_dict(self) -> dict[str, dict[str, str]]:
        return {"error": {"field": "batch", "message": self.message}}


@dataclass(frozen=True)
class RowError:
    """One refused row: the spreadsheet row number (header = 1), the column and the profile field."""

    row: int
    person: str
    column: str
    field: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def line(self) -> str:
        who = f"（{self.person}）" if self.person else " "
        detail = f"（{self.field}）" if self.field != self.column else ""
        return f"第 {self.row} 列{who}欄位 {self.column}{detail}：{self.message}"


@dataclass(frozen=True)
class PersonRow:
    """One accepted row: who, and the validated profile (`profile.to_dict()` is its JSON form)."""

    row: int
    person: str
    profile: Profile


@dataclass(frozen=True)
class BatchTable:
    """The file's cells: canonical column names, and each non-blank data row with its row number."""

    columns: list[str | None]  # None: a column without a header
    rows: list[tuple[int, tuple[Any, ...]]]


def hour_columns(catalog: Catalog) -> list[str]:
    """The hours columns, in profile order: `literacy`, `tool.<item>` per 表5 tool item, … (from the rules)."""
    columns: list[str] = []
    for area in HOUR_AREAS:
        if area == "tool":
            columns.extend(f"tool.{item}" for item in catalog.rules.tool_items)
        else:
            columns.append(area)
    return columns


def batch_columns(catalog: Catalog) -> list[str]:
    """Every column a batch file may have, in the template's order."""
    return [PERSON, CERTIFICATIONS, SELF_DECLARED, *hour_columns(catalog), POLICY]


def column_key(name: str) -> str:
    """Header names match ignoring case and surrounding spaces (and full-width/half-width forms)."""
    return unicodedata.normalize("NFKC", name).strip().casefold()


# --------------------------------------------------------------------------- reading the file
def read_table(path: Path, catalog: Catalog) -> BatchTable:
    """The header checked against the known columns, and the data rows; raises BatchFileError."""
    if not path.is_file():
        raise BatchFileError(f"找不到檔案「{path}」。請確認路徑。")
    suffix = path.suffix.casefold()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BatchFileError(f"無法讀取檔案「{path}」：{exc.strerror or exc}。") from exc
    if data.startswith(ZIP_MAGIC) or suffix in XLSX_SUFFIXES:
        raw_rows = _xlsx_rows(data, path)
    elif suffix in CSV_SUFFIXES:
        raw_rows = _csv_rows(data, path)
    else:
        raise BatchFileError(f"不支援的檔案類型「{path.suffix}」：請提供 CSV（UTF-8）或 XLSX 檔。")
    header = next(raw_rows, None)
    if header is None or not any(_text(cell) for cell in header):
        raise BatchFileError(f"檔案「{path.name}」是空的：第 1 列必須是欄名（至少要有 {PERSON}）。")
    columns = _check_header(header, catalog)
    rows = [(number, row) for number, row in enumerate(raw_rows, start=2) if any(_text(cell) for cell in row)]
    if not rows:
        raise BatchFileError(f"檔案「{path.name}」只有欄名，沒有任何人員資料列。")
    return BatchTable(columns, rows)


def _csv_rows(data: bytes, path: Path) -> Iterator[tuple[Any, ...]]:
    if b"\x00" in data:
        raise BatchFileError(f"檔案「{path.name}」不是 CSV 文字檔；請存成 CSV（UTF-8）或 XLSX。")
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark (Excel's 「CSV UTF-8」) is allowed, not required
    except UnicodeDecodeError as exc:
        where = f"第 {exc.start + 1} 個位元組無法讀取"
        raise BatchFileError(f"檔案「{path.name}」不是 UTF-8 編碼（{where}）；請存成 CSV（UTF-8）。") from exc
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise BatchFileError(f"檔案「{path.name}」不是有效的 CSV：{exc}。") from exc
    return (tuple(row) for row in rows)


def _xlsx_rows(data: bytes, path: Path) -> Iterator[tuple[Any, ...]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]  # the first sheet, as a person opening the file sees it
        rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
        workbook.close()
    except Exception as exc:  # a damaged or foreign zip fails in many ways (zipfile, XML, openpyxl's own)
        raise BatchFileError(f"檔案「{path.name}」不是可讀取的 XLSX 活頁簿；請用 Excel 另存為 .xlsx 或 CSV。") from exc
    return iter(rows)


def _check_header(header: tuple[Any, ...], catalog: Catalog) -> list[str | None]:
    known = {column_key(c): c for c in batch_columns(catalog)}
    columns: list[str | None] = []
    for cell in header:
        text = _text(cell)
        if not text:
            columns.append(None)
            continue
        canonical = known.get(column_key(text))
        if canonical is None:
            raise BatchFileError(f"未知的欄位「{text}」；可用的欄位有：{', '.join(known.values())}。")
        if canonical in columns:
            raise BatchFileError(f"欄位「{canonical}」出現了兩次；每個欄位只能有一欄。")
        columns.append(canonical)
    if PERSON not in columns:
        raise BatchFileError(f"缺少必要的欄位「{PERSON}」（姓名或員工編號）。")
    return columns


# --------------------------------------------------------------------------- one row into a profile
def _text(cell: Any) -> str:
    """A cell as text: whole numbers without 「.0」 (a staff id typed as a number stays 1001)."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _hours(cell: Any) -> Any:
    """A number for `parse_profile`; text that is no number is passed on, so the profile rules refuse it."""
    if cell is None or isinstance(cell, bool | int | float):
        return cell
    text = unicodedata.normalize("NFKC", str(cell)).strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return str(cell).strip()
    return int(number) if number.is_integer() else number


def _split(text: str, separators: re.Pattern[str]) -> list[str]:
    return [part.strip() for part in separators.split(text)]


def _self_declared(text: str) -> list[dict[str, str]]:
    entries = []
    for i, entry in enumerate(e for e in _split(text, LIST_SEPARATORS) if e):
        parts = _split(entry, PART_SEPARATORS)
        if len(parts) > len(SELF_DECLARED_PARTS):
            raise ProfileError(
                f"{SELF_DECLARED}[{i}]", f"「{entry}」的格式應為 名稱|分類|工具領域（工具領域可省略），以 ; 分隔多張。"
            )
        item = dict(zip(SELF_DECLARED_PARTS, parts, strict=False))
        item.setdefault("category", "")
        if not item.get("tool_domain"):
            item.pop("tool_domain", None)
        entries.append(item)
    return entries


def row_profile(cells: dict[str, Any]) -> dict[str, Any]:
    """The `advisor assess --profile` JSON for one row's cells (by canonical column name)."""
    hours: dict[str, Any] = {}
    raw: dict[str, Any] = {}
    for column, cell in cells.items():
        if column == PERSON:
            continue
        if column == CERTIFICATIONS:
            names = [n for n in _split(_text(cell), LIST_SEPARATORS) if n]
            if names:
                raw["certifications"] = names
        elif column == SELF_DECLARED:
            entries = _self_declared(_text(cell))
            if entries:
                raw["self_declared"] = entries
        elif column == POLICY:
            policy = _text(cell).casefold()
            if policy:
                raw["policy"] = policy
        else:
            value = _hours(cell)
            if value is not None:
                area, _, item = column.partition(".")
                if item:
                    hours.setdefault(area, {})[item] = value
                else:
                    hours[area] = value
    if hours:
        raw["hours"] = hours
    return raw


def _column_of(field: str) -> str:
    """`hours.tool.文書` → `tool.文書`, `certifications[1]` → `certifications`, `self_declared[0].category` → …"""
    return field.removeprefix(HOURS_PREFIX).split("[")[0]


def read_row(number: int, row: tuple[Any, ...], columns: list[str | None], catalog: Catalog) -> PersonRow | RowError:
    """One data row, validated completely: the person and their profile, or the first problem found."""
    cells: dict[str, Any] = {}
    for index, cell in enumerate(row):
        column = columns[index] if index < len(columns) else None
        if column is not None:
            cells[column] = cell
        elif _text(cell):
            where = f"第 {index + 1} 欄"
            return RowError(number, _text(cells.get(PERSON)), where, where, "這一欄沒有欄名；請補上欄名或刪除內容。")
    person = _text(cells.get(PERSON))
    if not person:
        return RowError(number, "", PERSON, PERSON, "請填寫姓名或員工編號。")
    try:
        profile = parse_profile(row_profile(cells), catalog)
    except ProfileError as exc:
        return RowError(number, person, _column_of(exc.field), exc.field, exc.message)
    return PersonRow(number, person, profile)
