"""One step at a time: of everything a person could do next, what each single step would add under 表5.

Why: people with limited time ask 「只做一件事的話，哪一件能讓我一次多拿最多項？」 "what single thing gets me
counted as an AI application talent?" 「只能再上 2 小時，上哪種最划算？」. The planner answers "how do I reach
X"; this answers "what does each next step reach". A step is the planner's cheapest way to the next level
of one competency type by one route (one certificate category, or the hours one rule still lacks); the
engine is run on the profile after it, so a step that lifts several types at once (one 專案類 certificate:
AI 模型訓練 and AI 服務開發) is shown with all it lifts. A budget of hours is tried in each area alone.

Pure domain: no I/O, no language model; the rendering is in `knowledge.plan_report`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from knowledge.assessment import assess
from knowledge.catalog import Catalog
from knowledge.planner import HoursStep, PlanOption, Requirement, applied, next_level, option_for, training_areas
from knowledge.profile import Profile


@dataclass(frozen=True)
class Gain:
    """A competency type lifted to `level` by the rule `rule_id`."""

    type: str
    level: str
    rule_id: str


@dataclass(frozen=True)
class SingleStep:
    """One next step and everything it adds: the types it lifts and the talent categories it completes."""

    option: PlanOption  # the planner's steps (certificates of one category, or hours)
    route: str  # certificate | training
    gains: tuple[Gain, ...]
    talents: tuple[str, ...]  # talent categories met after the step and not before
    budget_area: str | None = None  # a budget of hours put into this one area

    @property
    def cost(self) -> tuple[int, float]:
        return self.option.certificates, self.option.hours


def _gains(before: dict[str, Any], after: dict[str, Any]) -> tuple[tuple[Gain, ...], tuple[str, ...]]:
    old = {t["type"]: t["level"] for t in before["types"]}
    gains = tuple(
        Gain(
            t["type"],
            t["level"],
            next((r["id"] for r in t["rules"] if r["level"] == t["level"] and r["met"]), ""),
        )
        for t in after["types"]
        if t["level"] != old[t["type"]]
    )
    talents = tuple(c for c in after["talent_categories"] if c not in before["talent_categories"])
    return gains, talents


def single_steps(
    profile: Profile, catalog: Catalog, types: Sequence[str] = (), level: str | None = None, single: bool = True
) -> list[SingleStep]:
    """Every single next step (per competency type not at its top level — only `types` when given — and
    per route: one certificate, or hours of one kind) with what it adds; steps that lift nothing are left
    out, identical steps kept once. `level` (「一步到工具應用進階」) aims at that level of the types where it
    is one of theirs and not reached yet; `single=False` keeps the ways of several steps too (when no one
    step reaches). Ordered: the most types lifted first, then fewer certificates,
    then fewer hours."""
    before = assess(profile, catalog)
    found: dict[tuple[Any, ...], SingleStep] = {}
    for t in catalog.rules.types:
        if types and t.type not in types:
            continue
        aimed = next_level(before, t.type)
        if aimed is None:
            continue
        if level is not None and any(lv.level == level for lv in t.levels):
            aimed = level
        for route in ("certificate", "training"):
            option = option_for(Requirement(t.type, aimed), route, profile, catalog)
            if option is None or single and not _single(option):
                continue
            after = assess(applied(profile, option, catalog), catalog)
            gains, talents = _gains(before, after)
            if not gains:
                continue
            key = (route, option.certificates, option.hours, _step_key(option))
            if key not in found or len(gains) > len(found[key].gains):
                found[key] = SingleStep(option, route, gains, talents)
    return sorted(found.values(), key=lambda s: (-len(s.gains), s.cost))


def within_budget(profile: Profile, catalog: Catalog, hours: float) -> list[SingleStep]:
    """「只能再上 2 小時」: the budget put into each training area alone, kept where it lifts a type."""
    out = [one_area(profile, catalog, area, hours) for area in training_areas(catalog)]
    return sorted((s for s in out if s.gains), key=lambda s: -len(s.gains))


def one_area(profile: Profile, catalog: Catalog, area: str, hours: float) -> SingleStep:
    """`hours` more in one area (「補 6 小時影像」) and what they add (perhaps nothing)."""
    step = HoursStep(areas=(area,), hours=hours, allocation=((area, hours),), rule_ids=())
    option = PlanOption(routes=(), certificates=0, hours=hours, steps=(step,))
    gains, talents = _gains(assess(profile, catalog), assess(applied(profile, option, catalog), catalog))
    return SingleStep(option, "training", gains, talents, budget_area=area)


def _single(option: PlanOption) -> bool:
    """One exam, or hours of one kind (one area, or areas a rule sums): several steps are a plan."""
    return len(option.steps) == 1 and option.certificates <= 1


def _step_key(option: PlanOption) -> tuple[Any, ...]:
    return tuple(
        (s.kind, getattr(s, "category", None), getattr(s, "count", None), getattr(s, "allocation", None))
        for s in option.steps
    )
