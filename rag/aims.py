"""Aims named in a question: each competency type with the 表5 level written after it.

Why a module of its own: 「AI 工具應用進階和 AI 程式語言應用」 names two aims; the decision table (several
types' least hours at once) and the dialogue (an aim added to the last answer) read them the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from knowledge.catalog import Catalog

# an aim's level may follow a few words after it (「工具應用都要到進階」), up to the next aim or clause
_UNTIL_NEXT = re.compile(r"[、，,。和跟與及]")
_LEVEL_EN = re.compile(r"\b(advanced|beginner|basic|entry)\b")
_EN_LEVELS = {"advanced": "進階", "beginner": "初階", "basic": "初階", "entry": "初階"}


def levels_named(text: str, entities: Sequence[Any], cat: Catalog) -> list[tuple[str, str]]:
    """(type, level) for each type named in `text` (normalised), in order; the level is the one written right
    after the type's name, else the type's first level."""
    found: list[tuple[str, str]] = []
    cursor = 0
    for e in entities:
        if e.kind != "type" or e.start < 0:
            continue
        at = text.find(e.surface, cursor)
        if at < 0:
            continue
        cursor = at + len(e.surface)
        ladder = [lv.level for t in cat.rules.types if t.type == e.key for lv in t.levels]
        after = _UNTIL_NEXT.split(text[cursor : cursor + 7])[0]
        level = next((lv for lv in ladder if lv in after), None)
        # ("reach Advanced in AI Tool Application", "AI Tool Application at the advanced level")
        english = _LEVEL_EN.search(text[max(0, at - 16) : at]) or _LEVEL_EN.search(text[cursor : cursor + 24])
        if level is None and english and _EN_LEVELS[english.group(1)] in ladder:
            level = _EN_LEVELS[english.group(1)]
        found.append((e.key, level or ladder[0]))
    return list(dict.fromkeys(found))


def top_targets(text: str, types: Sequence[str], cat: Catalog) -> list[tuple[str, str]]:
    """Each type at its first level, or at 進階 where the text asks for advanced (「含工具應用進階」 "incl.
    Advanced for tool application") and the type has it."""
    advanced = re.search(r"進階|\badvanced\b", text) and not re.search(r"初階(就好|即可|就行|就可以)", text)
    targets = []
    for name in types:
        levels = [lv.level for r in cat.rules.types if r.type == name for lv in r.levels]
        targets.append((name, levels[-1] if advanced and "進階" in levels else levels[0]))
    return targets
