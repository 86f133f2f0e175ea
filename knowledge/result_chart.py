"""What a picture of a result shows: per competency type, the level reached and how far each route has
come toward the next level.

Why a typed value of its own: the bot draws it as a PNG, the terminal as bars, and replies waiting in
the outbox carry it as JSON; all three must show the same numbers, taken from the engine's records
(never recomputed), so the picture can be traced to the same rule ids as the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from knowledge.assessment import ROUTES


@dataclass(frozen=True)
class RouteProgress:
    """One route toward `TypeBar.next_level`: the rule closest to being met, and how close (0–1)."""

    route: str  # "certificate" or "training"
    rule_id: str
    fraction: float  # the mean over the rule's conditions of min(1, value / threshold)


@dataclass(frozen=True)
class TypeBar:
    number: str  # 一 … 五
    type: str  # AI 應用素養 …
    name_en: str
    level: str  # 未達 / 初階 / 進階 / 具備
    rank: int  # levels reached on this type's ladder (0 … len(ladder))
    ladder: tuple[str, ...]  # the type's levels in order (初階, 進階 or 具備)
    next_level: str | None  # None when the top of the ladder is reached
    progress: tuple[RouteProgress, ...]  # toward next_level; empty when next_level is None


@dataclass(frozen=True)
class ResultChart:
    guideline_version: str
    policy: str
    bars: tuple[TypeBar, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "guideline_version": self.guideline_version,
            "policy": self.policy,
            "bars": [
                {
                    "number": b.number,
                    "type": b.type,
                    "name_en": b.name_en,
                    "level": b.level,
                    "rank": b.rank,
                    "ladder": list(b.ladder),
                    "next_level": b.next_level,
                    "progress": [{"route": p.route, "rule_id": p.rule_id, "fraction": p.fraction} for p in b.progress],
                }
                for b in self.bars
            ],
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> ResultChart:
        return cls(
            raw["guideline_version"],
            raw["policy"],
            tuple(
                TypeBar(
                    b["number"],
                    b["type"],
                    b["name_en"],
                    b["level"],
                    b["rank"],
                    tuple(b["ladder"]),
                    b["next_level"],
                    tuple(RouteProgress(p["route"], p["rule_id"], p["fraction"]) for p in b["progress"]),
                )
                for b in raw["bars"]
            ),
        )


def _rule_fraction(rule: dict[str, Any]) -> float:
    parts = [min(1.0, c["value"] / c["threshold"]) if c["threshold"] else 1.0 for c in rule["conditions"]]
    return round(sum(parts) / len(parts), 4) if parts else 1.0


def chart_of(result: dict[str, Any]) -> ResultChart:
    """The picture's numbers, read from an `knowledge.assessment.assess` result."""
    bars = []
    for t in result["types"]:
        ladder = tuple(s["level"] for s in t["levels"])
        rank = sum(1 for s in t["levels"] if s["met"])
        next_level = ladder[rank] if rank < len(ladder) else None
        progress: list[RouteProgress] = []
        if next_level is not None:
            for route in ROUTES:
                rules = [r for r in t["rules"] if r["level"] == next_level and r["route"] == route]
                if rules:
                    best = max(rules, key=_rule_fraction)  # the first of equals: the table's order
                    progress.append(RouteProgress(route, best["id"], _rule_fraction(best)))
        bar = TypeBar(t["number"], t["type"], t["name_en"], t["level"], rank, ladder, next_level, tuple(progress))
        bars.append(bar)
    return ResultChart(result["guideline_version"], result["policy"], tuple(bars))
