"""Chunk `knowledge/guideline.md` along its own structure.

Why: answers cite sections as the guideline names them (「附件(三) 表6」), and a table row read alone
loses its meaning. So every chunk carries its part, table and heading path, and every table row
becomes its own chunk that repeats the table name, the column headers and the row's group.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

CHUNKER_VERSION = "5"
# a paragraph that is one bold phrase ending in a colon introduces what follows, as a heading would
LEAD_LINE = re.compile(r"^\*\*([^*]+)[：:]\*\*$")
LEAD_LEVEL = 9  # below every Markdown heading level
LONG_ROW = 220  # a row longer than this is split per bullet, each piece keeping the row's short cells

_TABLE_HEADING = re.compile(r"^(表|圖)\s*(\d+)\s*(.*)$")


@dataclass(frozen=True)
class Chunk:
    id: str
    text: str  # what is shown (a paragraph, a list item, or a table row as 「欄：值」 pairs)
    section: str  # citation label: part label, plus 「表N」/「圖N」 when inside a table or figure
    part: str
    table: str  # 「表6」, 「圖3」 or ""
    title: str  # heading path inside the part, for context
    kind: str  # paragraph | list_item | table_row
    lead: str = ""  # the bold lead-in line a list item follows (「C. AI 研究人才 (…)」): whose the item is

    @property
    def index_text(self) -> str:
        """The text the retrievers see: context (titles) plus content."""
        return f"{self.part} {self.title} {self.text}"

    @property
    def dense_text(self) -> str:
        """The text the embedding model reads: the nearest heading and the content. The part's label and
        the outer headings (「三、AI 產業人才能力認證分類 (三) 專案類 >」) repeat over dozens of chunks; the
        lexical leg keeps them, the embedding does not need them (12% fewer tokens to embed)."""
        return f"{self.title.split(' > ')[-1]} {self.text}".strip()

    def metadata(self) -> dict[str, str]:
        data = asdict(self)
        data.pop("text")
        return data


def _part_label(heading: str, labels: list[str]) -> str:
    for label in sorted(labels, key=len, reverse=True):
        if heading.startswith(label):
            return label
    return heading


def _row_cells(line: str) -> list[str]:
    body = line.strip().strip("|")
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", body)]


def _row_chunks(header: list[str], cells: list[str]) -> list[str]:
    """A table row as 「欄：值」 pairs; a long row becomes one chunk per bullet of its long cells.

    Why: 表4/表8/表9 rows hold whole paragraphs; split per bullet, each piece still names the row
    (its short cells) and its column, so a question about one bullet finds that bullet."""
    pairs = [(h, c) for h, c in zip(header, cells, strict=False) if c]
    whole = "｜".join(f"{h}：{c}" for h, c in pairs)
    if len(whole) <= LONG_ROW:
        return [whole]
    context = "｜".join(f"{h}：{c}" for h, c in pairs if "•" not in c and len(c) <= 40)
    pieces: list[str] = []
    for h, c in pairs:
        bullets = [b.strip() for b in c.split("•") if b.strip()]
        if "•" in c or len(c) > 40:
            pieces.extend(f"{context}｜{h}：{b}" for b in bullets)
    return pieces or [whole]


def chunk_guideline(markdown: str, part_labels: Iterable[str]) -> list[Chunk]:
    """Split the guideline into chunks; `part_labels` are the citable part labels (document.yaml)."""
    labels = list(part_labels)
    chunks: list[Chunk] = []
    part, table, table_title = "", "", ""
    headings: dict[int, str] = {}
    header: list[str] = []
    buffer: list[str] = []

    def section() -> str:
        return f"{part} {table}" if table else part

    def title() -> str:
        parts = [headings[level] for level in sorted(headings) if level >= 3]
        if table:
            parts.append(f"{table} {table_title}")
        return " > ".join(parts)

    def add(text: str, kind: str) -> None:
        text = text.strip()
        if not text or not part:
            return
        digest = hashlib.sha1(f"{section()}|{kind}|{text}".encode()).hexdigest()[:12]
        lead = headings.get(LEAD_LEVEL, "") if kind == "list_item" else ""
        chunks.append(Chunk(f"c{len(chunks):03d}-{digest}", text, section(), part, table, title(), kind, lead))

    def flush() -> None:
        if buffer:
            add(" ".join(buffer), "paragraph")
            buffer.clear()

    for raw in markdown.splitlines():
        line = raw.rstrip()
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            flush()
            level, text = len(heading.group(1)), heading.group(2).strip()
            if level == 1:
                continue
            if level == 2:
                part, table, headings = _part_label(text, labels), "", {}
                continue
            match = _TABLE_HEADING.match(text)
            if match:
                table, table_title, header = f"{match.group(1)}{match.group(2)}", match.group(3).strip(), []
                continue
            table = ""
            headings = {lv: t for lv, t in headings.items() if lv < level}
            headings[level] = text
            continue
        if line.startswith("|"):
            flush()
            cells = _row_cells(line)
            if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                continue
            if not header:
                header = cells
                continue
            for text in _row_chunks(header, cells):
                add(text, "table_row")
            continue
        header = [] if not table else header
        item = re.match(r"^\s*(?:[-*]|\d+\.)\s+(.*)$", line)
        if item:
            flush()
            add(item.group(1), "list_item")
        elif not line.strip():
            flush()
        else:
            lead = LEAD_LINE.match(line.strip())
            if lead:
                # 「**C. AI 研究人才 (…)：**」 heads the list items after it (「通常需要碩博士學位」 is the
                # research talent's): a sub-heading in all but markup
                headings[LEAD_LEVEL] = lead.group(1).strip()
            buffer.append(line.strip())
    flush()
    return chunks
