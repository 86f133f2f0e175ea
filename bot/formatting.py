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


def split_text(text: str, limit: int = LIMIT) -> list[str]:
    """Pieces of at most `limit` characters, cut at paragraph, then line, then hard boundaries."""
    text = text.strip() or "…"
    pieces: list[str] = []
    current = ""
    for paragraph in text.split("\n\n"):
        candidate = f"{current}\n\n{paragraph}" if current else paragraph
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        current = ""
        for line in paragraph.split("\n"):
            candidate = f"{current}\n{line}" if current else line
            if len(candidate) <= limit:
                current = candidate
                continue
            if current:
                pieces.append(current)
            while len(line) > limit:
                pieces.append(line[:limit])
                line = line[limit:]
            current = line
    if current:
        pieces.append(current)
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
