"""What a learning plan aims at: a competency type and level, a talent category, or a role of 表7–表9.

Why a module of its own: people name targets in many ways (「AI 工具應用 進階」, 「開發人才」, 「AI 產品經理」,
"AI PM"); every name comes from the data files (names, aliases, titles), the longest match wins, and
a role is planned through its talent category (表8/表9) and the career path of 附件(五) that leads to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from knowledge.catalog import Catalog
from knowledge.errors import ProfileError
from knowledge.models import CareerRoute, Role
from knowledge.planner import Requirement, next_level
from knowledge.textnorm import match_key

# every competency type at once (「五種能力類型全部達標」 "all five competency types")
ALL_TYPES = re.compile(
    r"(五種能力類型|五個能力類型|五大能力|所有能力類型|全部(的)?能力類型|能力類型(全部|都)|"
    r"\ball (five |5 )?(competency )?types\b|\bevery competency type\b)",
    re.IGNORECASE,
)
LEVEL_WORDS = {
    "初階": "初階",
    "進階": "進階",
    "具備": "具備",
    "basic": "初階",
    "beginner": "初階",
    "entry": "初階",
    "advanced": "進階",
    "初级": "初階",
    "进阶": "進階",
    "具备": "具備",
}


@dataclass(frozen=True)
class CareerSteps:
    """A route of 附件(五) and where the target stands on it."""

    category: str
    route: str
    steps: tuple[str, ...]
    position: int | None  # index of the step naming the role, if any
    key_skills: tuple[str, ...] = ()  # the route's (or its path's) key skills, as 附件(五) lists them


@dataclass(frozen=True)
class Target:
    kind: Literal["type", "types", "category", "role"]
    name: str  # as the guideline names it
    name_en: str
    level: str | None = None  # kind "type": None means the next level not reached yet
    category: str | None = None  # kind "category" and "role"
    archetype: str | None = None  # a role of 表8: AI 加值型 / AI 導入型
    types: tuple[str, ...] = ()  # kind "types": several competency types at once, each to its next level
    type_levels: tuple[tuple[str, str], ...] = ()  # kind "types": a level said for a type (「工具應用要到進階」)
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "name": self.name,
            "name_en": self.name_en,
            "level": self.level,
            "talent_category": self.category,
            "archetype": self.archetype,
            "source": self.source,
        }


def _names(catalog: Catalog) -> list[tuple[str, Target]]:
    out: list[tuple[str, Target]] = []
    for t in catalog.types:
        for n in [t.name, *t.aliases, t.name_en]:
            out.append((n, Target("type", t.name, t.name_en, source=t.source)))
    for c in catalog.talent.categories:
        for n in [c.name, c.name.removeprefix("AI "), *c.aliases, c.name_en]:
            out.append((n, Target("category", c.name, c.name_en, category=c.name, source=c.source)))
    for r in catalog.role_list:
        for n in [r.name, *r.aliases, *r.titles, r.name_en]:
            out.append((n, _role_target(r)))
    return out


def _role_target(role: Role) -> Target:
    return Target(
        "role", role.name, role.name_en, category=role.talent_category, archetype=role.archetype, source=role.source
    )


@dataclass(frozen=True)
class Located:
    """A target named in a sentence, and where: what is said just before it tells whether it is wished for."""

    target: Target
    start: int
    end: int


def _spaced(name: str) -> re.Pattern[str]:
    key = match_key(name)
    return re.compile(r"\s*".join(re.escape(ch) for ch in key), re.IGNORECASE)


def _named_spans(text: str, catalog: Catalog, kinds: frozenset[str] | None = None) -> list[Located]:
    """Every name (of `kinds`, else of any kind) in `text`, longest names first, without overlaps, in order."""
    taken: list[tuple[int, int]] = []
    found: list[Located] = []
    names = [(n, t) for n, t in _names(catalog) if kinds is None or t.kind in kinds]
    for name, target in sorted(names, key=lambda pair: -len(match_key(pair[0]))):
        if not match_key(name):
            continue
        for m in _spaced(name).finditer(text):
            if all(m.end() <= a or m.start() >= b for a, b in taken):
                taken.append((m.start(), m.end()))
                found.append(Located(target, m.start(), m.end()))
    return sorted(found, key=lambda x: x.start)


def all_targets(text: str, catalog: Catalog) -> list[Located]:
    """Every name of a type, category or role in `text`, longest names first, without overlaps, in order."""
    return _named_spans(text, catalog)


def locate_target(text: str, catalog: Catalog) -> Located | None:
    """The longest name of a type, category or role in `text` (spaces and case aside), with its span."""
    best: tuple[int, Located] | None = None
    for name, target in _names(catalog):
        key = match_key(name)
        if not key or (best is not None and len(key) <= best[0]):
            continue
        m = _spaced(name).search(text)
        if m:
            best = (len(key), Located(target, m.start(), m.end()))
    if best is None and (every := ALL_TYPES.search(text)):  # 「五種能力類型全部達標」 names no one type
        return Located(parse_target(text, catalog), every.start(), every.end())
    return best[1] if best else None


# 「全部都到最高」 "all at the top level": each type's highest 表5 level asked
HIGHEST = re.compile(r"(最高|滿級|頂級|\b(top|highest|max(imum)? level|max(ed)? out)\b)", re.IGNORECASE)


def _all_types(text: str, catalog: Catalog) -> list[Located]:
    """Every competency type named in `text` by its name or aliases (longest names first, no overlaps)."""
    return _named_spans(text, catalog, frozenset({"type"}))


def parse_target(text: str, catalog: Catalog) -> Target:
    """The target named in `text`; a ProfileError on field `target` listing what can be named."""
    key = match_key(text)
    best: tuple[int, Target] | None = None
    for name, target in _names(catalog):
        k = match_key(name)
        if k and k in key and (best is None or len(k) > best[0]):
            best = (len(k), target)
    if best is None and ALL_TYPES.search(text):
        every = tuple(t.name for t in catalog.types)
        # (「五種能力類型全部都到最高」 "all five at the top level": each type at its highest 表5 level)
        top = tuple((r.type, r.levels[-1].level) for r in catalog.rules.types) if HIGHEST.search(text) else ()
        return Target("types", "、".join(every), " and ".join(every), types=every, type_levels=top)
    if best is None:
        types = "、".join(t.name for t in catalog.types)
        cats = "、".join(c.name for c in catalog.talent.categories)
        raise ProfileError(
            "target",
            f"看不出目標「{text.strip()[:40]}」是哪個能力類型、人才類別或角色。"
            f"可用：能力類型（{types}，可加 初階/進階），"
            f"人才類別（{cats}），或表7–表9 的角色（如 AI 產品經理、機器學習 (ML) 工程師）。",
        )
    target = best[1]
    spans = _all_types(text, catalog)
    named_types = list(dict.fromkeys(x.target.name for x in spans))
    every = ALL_TYPES.search(text) is not None
    if (target.kind == "type" and len(named_types) > 1) or (every and target.kind == "type"):
        # 「AI 模型訓練和 AI 服務開發兩個都具備」「五種能力類型全部達標」: the types at once, each to its next
        # level unless a level is said right after its name (「AI 工具應用要到進階」)
        order = [t.name for t in catalog.types]
        chosen = order if every else sorted(named_types, key=order.index)
        levels = []
        for x in spans:
            ladder = [lv.level for lv in next(t for t in catalog.rules.types if t.type == x.target.name).levels]
            said = [v for w, v in LEVEL_WORDS.items() if re.search(re.escape(w), text[x.end : x.end + 8], re.I)]
            level = next((w for w in said if w in ladder), None)
            if level is not None:
                levels.append((x.target.name, level))
        return Target(
            "types",
            "、".join(chosen),
            " and ".join(chosen),
            types=tuple(chosen),
            type_levels=tuple(dict(levels).items()),
        )
    if target.kind == "type":
        ladder = [lv.level for lv in next(t for t in catalog.rules.types if t.type == target.name).levels]
        words = [v for w, v in LEVEL_WORDS.items() if re.search(re.escape(w), text, re.IGNORECASE)]
        level = next((w for w in words if w in ladder), None)
        if words and level is None:
            raise ProfileError("target", f"{target.name} 的等級只有：{'、'.join(ladder)}。")
        target = Target("type", target.name, target.name_en, level=level, source=catalog.rules.source)
    return target


def _level_to_reach(type_name: str, level: str | None, result: dict[str, Any], catalog: Catalog) -> str:
    """The level asked for, else the next one not reached, else the top of the type's ladder."""
    found = level or next_level(result, type_name)
    if found is None:
        found = next(t for t in catalog.rules.types if t.type == type_name).levels[-1].level
    return found


def requirement_sets(target: Target, result: dict[str, Any], catalog: Catalog) -> tuple[tuple[Requirement, ...], ...]:
    """The alternatives that reach the target, each a set of requirements all to be met (表5 and its
    summary rule); empty when the guideline gives the target no 表5 indicators (AI 研究人才)."""
    if target.kind == "types":
        said = dict(target.type_levels)
        return (tuple(Requirement(t, _level_to_reach(t, said.get(t), result, catalog)) for t in target.types),)
    if target.kind == "type":
        level = target.level or next_level(result, target.name)
        if level is None:  # the top of the ladder is reached: the plan says so
            ladder = next(t for t in catalog.rules.types if t.type == target.name).levels
            level = ladder[-1].level
        return ((Requirement(target.name, level),),)
    rule = next((r for r in catalog.rules.talent_categories if r.category == target.category), None)
    if rule is None:
        return ()
    reqs = [Requirement(t, lv) for t, lv in rule.requires.items()]
    return (tuple(reqs),) if rule.mode == "all" else tuple((r,) for r in reqs)


def career_steps(target: Target, catalog: Catalog) -> list[CareerSteps]:
    """附件(五)'s routes for the target's talent category; for a role, the routes whose steps name it."""
    if target.category is None:
        return []
    path = next((p for p in catalog.career.paths if p.talent_category == target.category), None)
    if path is None:
        return []
    routes: list[tuple[CareerRoute, int | None]] = [(r, None) for r in path.routes]
    if target.kind == "role":
        role = next(r for r in catalog.role_list if r.name == target.name)
        names = [match_key(n) for n in [role.name, *role.titles, *role.aliases]]
        named = []
        for r in path.routes:
            for i, step in enumerate(r.steps):
                said = [match_key(step), *(match_key(p) for p in r.positions.get(step, []))]
                if any(n and k and (n in k or k == n) for n in names for k in said):
                    named.append((r, i))
                    break
        routes = named or routes
    return [
        CareerSteps(path.talent_category, r.name, tuple(r.steps), i, tuple(r.key_skills or path.key_skills))
        for r, i in routes
    ]
