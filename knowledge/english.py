"""English glosses of the guideline's terms, shared by every English rendering (results, plans, answers).

Why: an English reader still needs the guideline's own words — they are what certificates, courses and
the guideline itself print — so English text keeps each term in Chinese with an English gloss after it:
"AI 工具應用 (AI Tool Application)", "進階 (advanced)", "literacy (素養類) certificate". Every gloss is read
from the data files (assessment_rules.yaml, competencies.yaml, certification_categories.yaml,
talent_categories.yaml, certifications.yaml), never made by translating a Chinese sentence, so every
renderer glosses a term the same way. The catalog is loaded on first use, not at import.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from knowledge.catalog import Catalog, load_catalog
from knowledge.numerals import chinese_number

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
SOURCE_LABEL = "Source"


@lru_cache(maxsize=1)
def _catalog() -> Catalog:
    return load_catalog()


def num(value: float | int) -> str:
    """A number as the engine's result holds it: 18, 12.5 (never 18.0)."""
    return f"{value:g}"


def gloss(term: str, english: str) -> str:
    """A guideline term followed by its English gloss: 「初階」 → "初階 (basic)"."""
    return f"{term} ({english})"


# ------------------------------------------------------------------ 表5: levels, routes, policies
def level_en(level: str) -> str:
    """表5's level name in English: 初階 → "basic", 具備 → "attained"."""
    return _catalog().rules.levels[level].label_en  # type: ignore[index]


def level_term(level: str) -> str:
    return gloss(level, level_en(level))


def route_en(route: str) -> str:
    """An evidence route: "certificate route" (證照累積張數) or "training route" (課程受訓累積時數)."""
    return _catalog().rules.routes[route].label_en  # type: ignore[index]


def policy_en(policy: str) -> str:
    """The evidence policy (`either` / `both`) as a clause of a sentence."""
    return _catalog().rules.policies[policy].label_en  # type: ignore[index]


def rule_text_en(rule_id: str) -> str:
    """A 表5 rule's text (「素養類1張」) in English, by the rule's id."""
    for type_rules in _catalog().rules.types:
        for level in type_rules.levels:
            for rule in level.rules:
                if rule.id == rule_id:
                    return rule.text_en
    raise KeyError(rule_id)


def rule_term(rule_id: str, text: str) -> str:
    return gloss(text, rule_text_en(rule_id))


# ------------------------------------------------------------------ types, categories, tool items
def type_en(type_name: str) -> str:
    """A competency type's English name (表2): AI 工具應用 → "AI Tool Application"."""
    return _catalog().competency_type(type_name).name_en


def type_term(type_name: str) -> str:
    return gloss(type_name, type_en(type_name))


def type_number(number: str) -> int:
    """The guideline's type number (一 … 五) as a numeral for English headings."""
    value = chinese_number(number)
    if value is None:
        raise ValueError(f"not a type number: {number!r}")
    return int(value)


def category_en(category: str) -> str:
    """A 表3 certification category in English, lower case for use in a sentence: 素養類 → "literacy"."""
    found = next(c for c in _catalog().cert_categories.categories if c.name == category)
    return found.name_en.lower()


def category_term(category: str) -> str:
    """English first, the category in parentheses, as the measures' labels have it: "literacy (素養類)"."""
    return f"{category_en(category)} ({category})"


def talent_en(name: str) -> str:
    """A 表1 talent category's English name: AI 應用人才 → "AI Application Talent (AI Practitioner)"."""
    return next(c.name_en for c in _catalog().talent.categories if c.name == name)


def talent_term(name: str) -> str:
    return gloss(name, talent_en(name))


def tool_item_en(item: str) -> str:
    """A tool item of 表2 (items 3-7): 文書 → "Text and Document Applications"."""
    return next(i.name_en for t in _catalog().types for i in t.items if i.tool_item == item)


def tool_item_term(item: str) -> str:
    return gloss(item, tool_item_en(item))


def summary_talents() -> list[str]:
    """The talent categories a result's summary decides (AI 應用人才, AI 開發人才), in the rule table's order."""
    return [rule.category for rule in _catalog().rules.talent_categories]


def bridge_type() -> str:
    """The type the summary names as the bridge between the two talent categories (AI 程式語言應用)."""
    return _catalog().rules.bridge_type


# ------------------------------------------------------------------ 表5 measures
def measure_en(measures: Sequence[str], plural: bool = False) -> str:
    """What a condition compares, in English: one measure's label, or a sum of hours areas
    ("AI 工具應用 (AI tool) + AI 程式語言應用 (AI programming) training combined")."""
    infos = [_catalog().rules.measures[m] for m in measures]  # type: ignore[index]
    if len(infos) > 1:
        return " + ".join(i.short_en or i.label_en for i in infos) + " training combined"
    info = infos[0]
    return (info.plural_en or info.label_en) if plural else info.label_en


def unit_en(measures: Sequence[str], value: float | int = 2) -> str:
    """The unit written after a value ("hours"; "hour" for exactly 1); empty where the label names what is counted."""
    unit = _catalog().rules.measures[measures[0]].unit_en  # type: ignore[index]
    return unit.removesuffix("s") if value == 1 else unit


def amount_en(measures: Sequence[str], shortfall: float | int) -> str:
    """A shortfall in numbers: "10 more hours of AI 工具應用 (AI tool) training …",
    "1 more project (專案類) certificate"."""
    unit = unit_en(measures, shortfall)
    if unit:
        return f"{num(shortfall)} more {unit} of {measure_en(measures)}"
    return f"{num(shortfall)} more {measure_en(measures, plural=shortfall != 1)}"


def area_en(key: str) -> str:
    """An hours area of the guided assessment (`literacy`, `tool.文書` …) in English."""
    measures = _catalog().rules.measures
    if key.startswith("tool."):
        return f"{measures['tool_total'].short_en} · {tool_item_term(key.removeprefix('tool.'))}"
    info = measures[key]  # type: ignore[index]
    return info.short_en or info.label_en


# ------------------------------------------------------------------ 表6 certificates, sources
def certificate_term(cert: dict[str, Any]) -> str:
    """A certificate as 表6 names it, its English name where the name is Chinese, and its issuer in English:
    "TQC+人工智慧：機器學習 (TQC+ AI: Machine Learning) by Computer Skills Foundation (CSF, TQC)"."""
    listed = next((c for c in _catalog().certifications if c.id == cert.get("id")), None)
    name = cert["name"]
    if listed is None:  # not in 表6: as the result names it
        return f"{name} by {cert['issuer']}" if cert.get("issuer") else name
    shown = gloss(name, listed.name_en) if CJK.search(name) else name
    return f"{shown} by {listed.issuer_en}"


def source_en(*sources: str) -> str:
    """A citation as the guideline names its parts: "Source: 附件(二) 表5, 附件(三) 表6"."""
    return f"{SOURCE_LABEL}: {', '.join(sources)}"


def certifications_source() -> str:
    """Where the certificates suggested come from (表6)."""
    return _catalog().certs.source
