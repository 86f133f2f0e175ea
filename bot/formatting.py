"""Telegram rendering: HTML-escaped text split under the 4,096-character limit, inline keyboards.

Why: Telegram rejects a whole message for one stray `<` in HTML mode or one character over the
limit; escaping everything and splitting at paragraph boundaries avoids both.
"""

from __future__ import annotations

import html

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


def render(reply: Reply) -> list[tuple[str, InlineKeyboardMarkup | None]]:
    """(HTML text, keyboard) per Telegram message; the keyboard goes with the last piece."""
    pieces = split_text(reply.text)
    markup = keyboard(reply)
    return [(html.escape(p, quote=False), markup if i == len(pieces) - 1 else None) for i, p in enumerate(pieces)]
