"""Telegram rendering: HTML-escaped text split under the 4,096-character limit, inline keyboards.

Why: Telegram rejects a whole message for one stray `<` in HTML mode or one character over the
limit; escaping everything and splitting at paragraph boundaries avoids both.
"""

from __future__ import annotations

import html
import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from conversation.ui import Reply

# Telegram counts the text after entity parsing; keep a margin for safety.
LIMIT = 4000


def _pack(units: list[str], sep: str, limit: int) -> list[str]:
    """Join consecutive units with `sep` into pieces of at most `limit` characters (a longer unit alone)."""
    pieces: list[str] = []
    for unit in units:
        if pieces and len(pieces[-1]) + len(sep) + len(unit) <= limit:
            pieces[-1] += sep + unit
        else:
            pieces.append(unit)
    return pieces


def split_text(text: str, limit: int = LIMIT) -> list[str]:
    """Pieces of at most `limit` characters, cut at paragraph, then line, then hard boundaries."""
    pieces: list[str] = []
    for paragraph in _pack((text.strip() or "…").split("\n\n"), "\n\n", limit):
        if len(paragraph) <= limit:
            pieces.append(paragraph)
            continue
        for line in _pack(paragraph.split("\n"), "\n", limit):
            pieces.extend(line[k : k + limit] for k in range(0, len(line), limit))
    return pieces


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label[:64], callback_data=b.data) for b in row] for row in reply.buttons]
    )


# A line that heads what follows: 「五種能力類型（表2）：」「核心技術基礎（附件(五)）：」 "Career path …:"
HEADING = re.compile(r"^[^\n•]{2,60}[：:]$")
URL = re.compile(r"https?://[^\s<>「」（）()，。]+")


def _marked_up(piece: str) -> str:
    """Escaped text with the little markup that helps reading: headings in bold, addresses as links.
    Everything the user or the guideline wrote is escaped first; only our own tags are added."""
    lines = []
    for line in html.escape(piece, quote=False).split("\n"):
        line = URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', line)
        lines.append(f"<b>{line}</b>" if HEADING.match(line) and "<" not in line else line)
    return "\n".join(lines)


def render(reply: Reply) -> list[tuple[str, InlineKeyboardMarkup | None]]:
    """(HTML text, keyboard) per Telegram message; the keyboard goes with the last piece."""
    pieces = split_text(reply.text)
    markup = keyboard(reply)
    return [(_marked_up(p), markup if i == len(pieces) - 1 else None) for i, p in enumerate(pieces)]
