"""The deterministic self-assessment engine: 表5 rules (data) applied to a profile.

Why: a self-assessment people act on must be auditable. The engine is a pure function of the
profile and the rule table: it records every rule it evaluated, each condition's threshold and the
profile's value, and derives gaps from the same records, so any level can be traced to a rule id.
No language model and no I/O is involved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from knowledge.catalog import Catalog
from knowledge.models import CERT_CATEGORIES, TOOL_CATEGORY, Condition, Level, LevelRules, Rule, TypeRules
from knowledge.profile import Profile

ROUTES = ("certificate", "training")
ROUTE_LABELS = {"certificate": "證照途徑", "training": "受訓時數途徑"}
LEVEL_RANK = {"未達": 0, "初階": 1, "進階": 2, "具備": 1}


def _num(value: float) -> float | int:
    """Stable numbers in output: whole numbers as int, others rounded to 4 decimals."""
    rounded = round(value, 4)
    return int(rounded) if rounded == int(rounded) else rounded


def compute_measures(profile: Profile, catalog: Catalog) -> dict[str, float]:
    """The quantities 表5 talks about, computed once from the profile."""
    certs = profile.certifications
    hours = profile.hours
    tool_values = [hours.tool_hours(item) for item in catalog.rules.tool_items]
    measures: dict[str, float] = {
        f"cert_{cat}": float(sum(c.category == cat for c in certs)) for cat in CERT_CATEGORIES
    }
    measures["tool_domains"] = float(
        len({c.tool_domain for c in certs if c.category == TOOL_CATEGORY and c.tool_domain})
    )
    measures.update(
        literacy=hours.literacy,
        tool_total=sum(tool_values),
        tool_kinds=float(sum(v > 0 for v in tool_values)),
        tool_max_item=max(tool_values, default=0.0),
        programming=hours.programming,
        model_training=hours.model_training,
        service_dev=hours.service_dev,
    )
    return measures


@dataclass(frozen=True)
class _Evaluated:
    rule: Rule
    level: Level
    conditions: list[dict[str, Any]]
    met: bool


def _evaluate_condition(cond: Condition, measures: dict[str, float], catalog: Catalog) -> dict[str, Any]:
    infos = [catalog.rules.measures[m] for m in cond.measures]
    value = sum(measures[m] for m in cond.measures)
    label = infos[0].label if len(infos) == 1 else "＋".join(i.short for i in infos) + " 累計受訓時數"
    return {
        "what": label,
        "measures": list(cond.measures),
        "threshold": _num(cond.threshold),
        "value": _num(value),
        "unit": infos[0].unit,
        "met": value >= cond.threshold,
    }


def _evaluate_level(level_rules: LevelRules, measures: dict[str, float], catalog: Catalog) -> list[_Evaluated]:
    out = []
    for rule in level_rules.rules:
        conds = [_evaluate_condition(c, measures, catalog) for c in rule.conditions]
        out.append(_Evaluated(rule, level_rules.level, conds, all(c["met"] for c in conds)))
    return out


def _suggest_certifications(
    measure: str, type_rules: TypeRules, profile: Profile, catalog: Catalog
) -> list[dict[str, Any]]:
    """表6 certifications that would close a certificate gap, 圖3's grouping for the type first."""
    held_ids = {c.id for c in profile.certifications if c.id}
    if measure == "tool_domains":
        held_domains = {c.tool_domain for c in profile.certifications if c.category == TOOL_CATEGORY and c.tool_domain}
        candidates = [c for c in catalog.certs_in(TOOL_CATEGORY) if c.tool_domain not in held_domains]
    elif measure.startswith("cert_"):
        candidates = catalog.certs_in(measure.removeprefix("cert_"))  # type: ignore[arg-type]
    else:
        return []
    candidates = [c for c in candidates if c.id not in held_ids]
    group = type_rules.figure3_group
    preferred = [c for c in candidates if group and group in c.figure3_types]
    others = [c for c in candidates if c not in preferred]
    return [
        {
            "id": c.id,
            "name": c.name,
            "issuer": c.issuer,
            "category": c.category,
            "tool_domain": c.tool_domain,
            "preferred": c in preferred,
        }
        for c in preferred + others
    ]


def _missing_text(cond: dict[str, Any], profile: Profile, catalog: Catalog) -> str:
    short = _num(cond["threshold"] - cond["value"])
    measures = cond["measures"]
    if measures == ["tool_domains"]:
        held = sorted({c.tool_domain for c in profile.certifications if c.category == TOOL_CATEGORY and c.tool_domain})
        now = f"（目前已有：{'、'.join(held)}）" if held else ""
        return f"尚缺 不同工具領域的工具類證照 {short} 張{now}"
    if measures[0].startswith("cert_"):
        return f"尚缺 {cond['what']} {short} 張"
    if measures == ["tool_kinds"]:
        # which items would count: those of 表5's tool items without hours yet (「可選：圖文、影像…」)
        untrained = [i for i in catalog.rules.tool_items if profile.hours.tool_hours(i) <= 0]
        choices = f"；可選：{'、'.join(untrained)}" if untrained else ""
        return f"尚缺 {short} 項有受訓時數的工具項目（需至少 {cond['threshold']} 項，目前 {cond['value']} 項{choices}）"
    if measures == ["tool_max_item"]:
        return f"單一工具項目受訓時數尚缺 {short} 小時（目前最多 {cond['value']} 小時，需 {cond['threshold']} 小時）"
    names = "＋".join(catalog.rules.measures[m].short for m in measures)  # type: ignore[index]
    text = f"{names} {'累計' if len(measures) > 1 else ''}時數尚缺 {short} 小時"
    if measures == ["tool_total"] or len(measures) > 1:
        # a sum over several areas: the total so far is not one of the numbers the person stated
        text += f"（目前合計 {cond['value']:g} 小時，需 {cond['threshold']:g} 小時）"
    elif cond["value"]:
        # (the threshold beside the shortfall: 「尚缺 4 小時」 alone leaves the user to work out 表5's 12)
        text += f"（目前 {cond['value']:g} 小時，需 {cond['threshold']:g} 小時）"
    return text


def _gaps(
    type_rules: TypeRules, target: Level, evaluated: list[_Evaluated], profile: Profile, catalog: Catalog
) -> list[dict[str, Any]]:
    gaps = []
    level_rules = [e for e in evaluated if e.level == target]
    for route in ROUTES:
        on_route = [e for e in level_rules if e.rule.route == route]
        if any(e.met for e in on_route):
            continue
        for e in on_route:
            missing = []
            suggestions: list[dict[str, Any]] = []
            for cond in e.conditions:
                if cond["met"]:
                    continue
                missing.append(
                    {
                        "what": cond["what"],
                        "measures": cond["measures"],
                        "threshold": cond["threshold"],
                        "value": cond["value"],
                        "shortfall": _num(cond["threshold"] - cond["value"]),
                        "unit": cond["unit"],
                        "text": _missing_text(cond, profile, catalog),
                    }
                )
                for m in cond["measures"]:
                    for s in _suggest_certifications(m, type_rules, profile, catalog):
                        if all(s["id"] != x["id"] for x in suggestions):
                            suggestions.append(s)
            gaps.append(
                {
                    "level": target,
                    "route": route,
                    "rule_id": e.rule.id,
                    "rule": e.rule.text,
                    "alternative": len(on_route) > 1,
                    "missing": missing,
                    "certifications": suggestions,
                    "text": "；".join(m["text"] for m in missing),
                }
            )
    return gaps


def _assess_type(
    type_rules: TypeRules, profile: Profile, measures: dict[str, float], catalog: Catalog
) -> dict[str, Any]:
    evaluated: list[_Evaluated] = []
    level_status: list[dict[str, Any]] = []
    for level_rules in type_rules.levels:
        results = _evaluate_level(level_rules, measures, catalog)
        evaluated.extend(results)
        routes = {r: any(e.met for e in results if e.rule.route == r) for r in ROUTES}
        met = all(routes.values()) if profile.policy == "both" else any(routes.values())
        level_status.append({"level": level_rules.level, "met": met, "routes": routes, "implied": False})
    # 進階 implies 初階: a higher level reached marks every lower level as met.
    reached_index = max((i for i, s in enumerate(level_status) if s["met"]), default=-1)
    for s in level_status[: reached_index + 1]:
        if not s["met"]:
            s["met"], s["implied"] = True, True
    level: Level = level_status[reached_index]["level"] if reached_index >= 0 else "未達"
    gaps: list[dict[str, Any]] = []
    if reached_index + 1 < len(level_status):
        gaps = _gaps(type_rules, level_status[reached_index + 1]["level"], evaluated, profile, catalog)
    # the levels after the next one, from the same records (「工具應用要到進階還差什麼」 before 初階 is reached)
    gaps_beyond = [
        g for s in level_status[reached_index + 2 :] for g in _gaps(type_rules, s["level"], evaluated, profile, catalog)
    ]
    return {
        "type": type_rules.type,
        "number": type_rules.number,
        "name_en": type_rules.name_en,
        "level": level,
        "levels": level_status,
        "rules": [
            {
                "id": e.rule.id,
                "level": e.level,
                "route": e.rule.route,
                "rule": e.rule.text,
                "met": e.met,
                "conditions": e.conditions,
            }
            for e in evaluated
        ],
        "gaps": gaps,
        "gaps_beyond": gaps_beyond,
        "reference_tools": [g.model_dump() for g in type_rules.reference_tools],
    }


def _talent_categories(types: list[dict[str, Any]], catalog: Catalog) -> list[str]:
    levels = {t["type"]: t["level"] for t in types}

    def satisfied(type_name: str, required: str) -> bool:
        got = levels[type_name]
        return got != "未達" and LEVEL_RANK[got] >= LEVEL_RANK[required]

    out = []
    for rule in catalog.rules.talent_categories:
        checks = [satisfied(t, lvl) for t, lvl in rule.requires.items()]
        if all(checks) if rule.mode == "all" else any(checks):
            out.append(rule.category)
    return out


def _summary(types: list[dict[str, Any]], categories: list[str], catalog: Catalog) -> str:
    reached = [f"{t['type']}（{t['level']}）" for t in types if t["level"] != "未達"]
    parts = [f"已達成：{'、'.join(reached)}。" if reached else "目前尚未達成任何能力類型的參考指標。"]
    if categories:
        parts.append(f"符合 {'、'.join(categories)} 的能力參考指標。")
    else:
        parts.append("尚未符合 AI 應用人才或 AI 開發人才的能力參考指標。")
    bridge = next(t for t in types if t["type"] == catalog.rules.bridge_type)
    if bridge["level"] != "未達":
        parts.append(f"{bridge['type']} 已具備，是銜接 AI 應用人才與 AI 開發人才的能力。")
    return "".join(parts)


def assess(profile: Profile, catalog: Catalog) -> dict[str, Any]:
    """Assess a validated profile against 表5. Pure: same profile, same result, byte for byte."""
    measures = compute_measures(profile, catalog)
    types = [_assess_type(t, profile, measures, catalog) for t in catalog.rules.types]
    categories = _talent_categories(types, catalog)
    return {
        "guideline_version": catalog.rules.guideline_version,
        "source": catalog.rules.source,
        "policy": profile.policy,
        "types": types,
        "talent_categories": categories,
        "summary": _summary(types, categories, catalog),
        "certifications": [c.to_dict() for c in profile.certifications],
        "measures": {k: _num(v) for k, v in measures.items()},
    }
