"""A team's picture from its members' assessment results: levels, common gaps, what closes them.

Why: HR plans training and certificate budgets for a team, not a person. The summary is a pure
function of the engine's results (results in, summary out; no I/O), so every count in it can be
traced back to the people's own results; levels, routes and certificates come from the rule table
and the 表6 catalog, never from this module.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any, get_args

from knowledge.catalog import Catalog
from knowledge.models import Level
from knowledge.report import ROUTE_LABELS

NOT_REACHED: Level = get_args(Level)[0]  # 「未達」: models.Level lists it first
CERTIFICATE_ROUTE = "certificate"
TRAINING_ROUTE = "training"


def _num(value: float) -> float | int:
    """Whole numbers as int, others rounded to 2 decimals (as people read hours)."""
    rounded = round(value, 2)
    return int(rounded) if rounded == int(rounded) else rounded


def type_levels(catalog: Catalog) -> dict[str, list[str]]:
    """Per type, every level a person can be at, lowest first (未達, then the rule table's levels)."""
    return {t.type: [NOT_REACHED, *(lv.level for lv in t.levels)] for t in catalog.rules.types}


def _missing_brief(gap: dict[str, Any]) -> str:
    return "、".join(f"{m['what']} 缺 {m['shortfall']} {m['unit']}" for m in gap["missing"])


def gap_brief(type_result: dict[str, Any]) -> str:
    """The gaps for a type's next level in one short line: 「具備｜證照：…｜受訓時數：…」 ('' when none)."""
    gaps = type_result["gaps"]
    if not gaps:
        return ""
    by_route: dict[str, list[str]] = defaultdict(list)
    for gap in gaps:
        by_route[gap["route"]].append(_missing_brief(gap))
    routes = [f"{ROUTE_LABELS[route]}：{' 或 '.join(parts)}" for route, parts in by_route.items()]
    return "｜".join([gaps[0]["level"], *routes])


def person_overview(result: dict[str, Any]) -> dict[str, Any]:
    """One person's result in brief: level per type, talent categories, next-level gaps per type."""
    return {
        "levels": {t["type"]: t["level"] for t in result["types"]},
        "talent_categories": list(result["talent_categories"]),
        "gaps": {t["type"]: gap_brief(t) for t in result["types"] if t["gaps"]},
    }


def _level_counts(results: Sequence[dict[str, Any]], catalog: Catalog) -> list[dict[str, Any]]:
    levels = type_levels(catalog)
    counts: dict[str, Counter[str]] = {name: Counter() for name in levels}
    for result in results:
        for t in result["types"]:
            counts[t["type"]][t["level"]] += 1
    return [{"type": name, "levels": {level: counts[name][level] for level in order}} for name, order in levels.items()]


def _talent_counts(results: Sequence[dict[str, Any]], catalog: Catalog) -> dict[str, Any]:
    held = Counter(category for result in results for category in result["talent_categories"])
    return {
        "categories": {rule.category: held[rule.category] for rule in catalog.rules.talent_categories},
        "none": sum(not result["talent_categories"] for result in results),
    }


def _common_gaps(results: Sequence[dict[str, Any]], catalog: Catalog) -> list[dict[str, Any]]:
    """People per (type, level, route) with a gap there; a route with alternative rules counts a person once."""
    levels = type_levels(catalog)
    type_order = {name: i for i, name in enumerate(levels)}
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}
    for result in results:
        seen: set[tuple[str, str, str]] = set()
        for t in result["types"]:
            for gap in t["gaps"]:
                key = (t["type"], gap["level"], gap["route"])
                group = groups.setdefault(key, {"people": 0, "rules": {}})
                group["rules"].setdefault(gap["rule_id"], gap["rule"])
                if key not in seen:
                    seen.add(key)
                    group["people"] += 1
    route_order = {route: i for i, route in enumerate(ROUTE_LABELS)}

    def order(item: tuple[tuple[str, str, str], dict[str, Any]]) -> tuple[int, ...]:
        (name, level, route), group = item
        return (-group["people"], type_order[name], levels[name].index(level), route_order[route])

    ordered = sorted(groups.items(), key=order)
    return [
        {
            "type": name,
            "level": level,
            "route": route,
            "people": group["people"],
            "rules": [{"id": rule_id, "rule": text} for rule_id, text in sorted(group["rules"].items())],
        }
        for (name, level, route), group in ordered
    ]


def _closes(gap: dict[str, Any]) -> bool:
    """A certificate-route gap that one more suggested certificate closes: one condition, short by one.

    The engine suggests only certificates the person does not hold (and, for 非同類工具, of a tool
    domain they do not have), so any one of them adds exactly one to the missing count."""
    missing = gap["missing"]
    return gap["route"] == CERTIFICATE_ROUTE and len(missing) == 1 and missing[0]["shortfall"] <= 1


def _certificates(results: Sequence[dict[str, Any]], catalog: Catalog) -> list[dict[str, Any]]:
    closes_people: Counter[str] = Counter()
    closes_gaps: Counter[str] = Counter()
    helps_people: Counter[str] = Counter()
    closes_types: dict[str, set[str]] = defaultdict(set)
    for result in results:
        closed: set[str] = set()
        helped: set[str] = set()
        for t in result["types"]:
            closed_here: set[str] = set()
            for gap in t["gaps"]:
                ids = {c["id"] for c in gap["certifications"]}
                helped |= ids
                if _closes(gap):
                    closed_here |= ids
            for cert_id in closed_here:
                closes_gaps[cert_id] += 1
                closes_types[cert_id].add(t["type"])
            closed |= closed_here
        closes_people.update(closed)
        helps_people.update(helped)
    type_order = [t.type for t in catalog.rules.types]
    entries = [
        {
            "id": cert.id,
            "name": cert.name,
            "issuer": cert.issuer,
            "category": cert.category,
            "tool_domain": cert.tool_domain,
            "closes_people": closes_people[cert.id],
            "closes_gaps": closes_gaps[cert.id],
            "helps_people": helps_people[cert.id],
            "types": [name for name in type_order if name in closes_types[cert.id]],
        }
        for cert in catalog.certifications
        if helps_people[cert.id]
    ]
    # sorted() is stable: equal impact keeps 表6's order
    return sorted(entries, key=lambda e: (-e["closes_people"], -e["closes_gaps"], -e["helps_people"]))


def _hours(results: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per training area (a measure, or a sum of measures): people short, and the median shortfall.

    A person short in one area for several types counts once, with the largest shortfall: that many
    hours close the area's condition in every one of those types."""
    areas: dict[tuple[str, ...], dict[str, Any]] = {}
    for result in results:
        mine: dict[tuple[str, ...], float] = {}
        for t in result["types"]:
            for gap in t["gaps"]:
                if gap["route"] != TRAINING_ROUTE:
                    continue
                for m in gap["missing"]:
                    key = tuple(m["measures"])
                    areas.setdefault(key, {"area": m["what"], "measures": list(key), "unit": m["unit"], "short": []})
                    mine[key] = max(mine.get(key, 0.0), m["shortfall"])
        for key, shortfall in mine.items():
            areas[key]["short"].append(shortfall)
    entries = [
        {
            "area": a["area"],
            "measures": a["measures"],
            "unit": a["unit"],
            "people": len(a["short"]),
            "median_shortfall": _num(statistics.median(a["short"])),
        }
        for a in areas.values()
    ]
    return sorted(entries, key=lambda e: -e["people"])


def team_summary(results: Sequence[dict[str, Any]], catalog: Catalog) -> dict[str, Any]:
    """The team's levels, talent categories, most common gaps, and the certificates and hours closing most."""
    return {
        "guideline_version": catalog.rules.guideline_version,
        "people": len(results),
        "levels": _level_counts(results, catalog),
        "talent_categories": _talent_counts(results, catalog),
        "common_gaps": _common_gaps(results, catalog),
        "certificates": _certificates(results, catalog),
        "hours": _hours(results),
    }
