"""The learning planner: from a profile to a target level, the cheapest ways there under 表5.

Why a solver and not advice text: a plan people follow must reach the target when they follow it, and
must not ask for more than the rules require. Everything comes from the rule table:

- **Certificate route**: the fewest additional certificates. One certificate counts for every rule
  that counts its category, so the needs of all the target's rules are merged (the largest count per
  category; new tool domains for 「工具類2張(非同類工具)」 are tool certificates too); where a level has
  alternative certificate rules (AI 模型訓練: 專案類1張, or 素養類1張+工具類3張), every combination is
  tried and the cheapest kept.
- **Training route**: the fewest additional hours. Hours of one area count toward every condition
  that sums it (model-training hours serve both AI 模型訓練 and AI 服務開發), so conditions are merged
  and filled from the narrowest to the widest: each condition's remaining shortfall goes to the area
  serving most other conditions. 表5's sets of areas are nested or disjoint, which makes this greedy
  order exact (tests compare it with brute force). 「單一工具18小時」 tries every tool item; a tool
  item not yet trained needs at least `MIN_NEW_ITEM_HOURS` to count as one of 「二項以上工具」.
- **Mixed routes**: with the `either` policy each competency type may take its own route; every
  assignment is computed and the options kept are those no other option beats on both certificates
  and hours (a Pareto set), so people see the real trade-offs, e.g. one 工具類 certificate plus 18 hours
  of literacy instead of two certificates or 36 hours.

The planner never calls a language model and has no I/O; `knowledge.plan_target` reads targets and
`knowledge.plan_report` renders plans.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from knowledge.assessment import LEVEL_RANK, ROUTES, assess, compute_measures
from knowledge.catalog import Catalog
from knowledge.models import TOOL_CATEGORY, CertCategory, Rule, TypeRules
from knowledge.profile import Profile

MIN_NEW_ITEM_HOURS = 1.0  # the least a plan asks of a tool item it adds to 「二項以上工具」 (hours are > 0)
SINGLE_AREAS = ("literacy", "programming", "model_training", "service_dev")


@dataclass(frozen=True)
class Requirement:
    """One competency type at one level (「AI 工具應用 進階」)."""

    type: str
    level: str


@dataclass(frozen=True)
class Suggestion:
    """A 表6 certificate that would serve a certificate step, with its issuer."""

    id: str
    name: str
    issuer: str
    category: str
    tool_domain: str | None
    preferred: bool  # 圖3 associates it with one of the target's competency types


@dataclass(frozen=True)
class HoursStep:
    """Train `hours` more in `areas` (any split among them counts: they are summed by the rule)."""

    areas: tuple[str, ...]  # profile areas: literacy, tool.文書 …, programming, model_training, service_dev
    hours: float
    allocation: tuple[tuple[str, float], ...]  # one concrete split, the one checked by re-running the engine
    rule_ids: tuple[str, ...]  # every rule whose condition these hours count toward
    new_items: int = 0  # tool items not yet trained that must be among the areas (「二項以上工具」)
    kinds: int = 0  # with new_items: how many tool items the rule asks to have hours (「二項以上」: 2)
    single_item: bool = False  # 「單一工具18小時」: these hours must go to this one tool item, not be spread
    kind: Literal["hours"] = "hours"


@dataclass(frozen=True)
class CertificateStep:
    """Obtain `count` more certificates of `category` (`new_domains` of them in tool domains not held)."""

    category: CertCategory
    count: int
    new_domains: int
    held_domains: tuple[str, ...]
    suggestions: tuple[Suggestion, ...]
    rule_ids: tuple[str, ...]
    kind: Literal["certificate"] = "certificate"


Step = HoursStep | CertificateStep


@dataclass(frozen=True)
class PlanOption:
    """One way to the target: which route each pending type takes, its cost and its ordered steps."""

    routes: tuple[tuple[str, str], ...]  # (type, certificate | training | both)
    certificates: int
    hours: float
    steps: tuple[Step, ...]
    # the other combinations of certificate rules and what each would take (「專案類1張」 chosen, 「素養類1張+
    # 工具類3張」 needing 3 more): people may prefer a dearer way they are closer to in kind
    other_certificate_rules: tuple[tuple[tuple[str, ...], int, tuple[tuple[str, int], ...]], ...] = ()

    @property
    def kind(self) -> str:
        kinds = {route for _, route in self.routes}
        return kinds.pop() if len(kinds) == 1 else "mixed"


@dataclass(frozen=True)
class Plan:
    requirements_met: bool
    current: tuple[tuple[str, str], ...]  # (type, level) now
    pending: tuple[tuple[Requirement, ...], ...]  # per alternative of the target: what is not reached yet
    options: tuple[PlanOption, ...]
    policy: str
    guideline_version: str
    source: str
    notes: tuple[str, ...] = field(default=())


# --------------------------------------------------------------------------- measures to profile areas
def _areas(catalog: Catalog) -> tuple[str, ...]:
    items = tuple(f"tool.{i}" for i in catalog.rules.tool_items)
    return ("literacy", *items, "programming", "model_training", "service_dev")


def _measure_areas(measure: str, catalog: Catalog) -> tuple[str, ...] | None:
    """The profile areas an hours measure sums; None for measures that are not a plain sum."""
    if measure == "tool_total":
        return tuple(f"tool.{i}" for i in catalog.rules.tool_items)
    if measure in SINGLE_AREAS:
        return (measure,)
    return None


def current_hours(profile: Profile, catalog: Catalog) -> dict[str, float]:
    hours = profile.hours
    out = {
        "literacy": hours.literacy,
        "programming": hours.programming,
        "model_training": hours.model_training,
        "service_dev": hours.service_dev,
    }
    out.update({f"tool.{i}": hours.tool_hours(i) for i in catalog.rules.tool_items})
    return out


# --------------------------------------------------------------------------- training route
@dataclass
class _Sum:
    areas: tuple[str, ...]
    threshold: float
    rule_ids: list[str]


@dataclass
class _TrainingNeeds:
    sums: list[_Sum]
    max_item: float  # 「單一工具 N 小時」: 0 when no chosen rule asks for it
    max_item_rules: list[str]
    kinds: float  # 「二項以上工具」: 0 when not asked
    kinds_rules: list[str]


def _training_needs(rules: Iterable[Rule], catalog: Catalog) -> _TrainingNeeds:
    needs = _TrainingNeeds([], 0.0, [], 0.0, [])
    for rule in rules:
        for cond in rule.conditions:
            if cond.measures == ["tool_max_item"]:
                needs.max_item = max(needs.max_item, cond.threshold)
                needs.max_item_rules.append(rule.id)
                continue
            if cond.measures == ["tool_kinds"]:
                needs.kinds = max(needs.kinds, cond.threshold)
                needs.kinds_rules.append(rule.id)
                continue
            areas: list[str] = []
            for m in cond.measures:
                mapped = _measure_areas(m, catalog)
                if mapped is None:
                    raise ValueError(f"rule {rule.id}: measure {m} is not an hours measure")
                areas.extend(mapped)
            key = tuple(sorted(set(areas), key=_areas(catalog).index))
            same = next((s for s in needs.sums if s.areas == key), None)
            if same is None:
                needs.sums.append(_Sum(key, cond.threshold, [rule.id]))
            else:
                same.threshold = max(same.threshold, cond.threshold)
                same.rule_ids.append(rule.id)
    return needs


def _fill(
    needs: _TrainingNeeds, now: dict[str, float], max_item: str | None, catalog: Catalog
) -> tuple[float, list[HoursStep]]:
    """The greedy fill for one choice of the 「單一工具」 item: (hours added, steps)."""
    order = _areas(catalog)
    added = dict.fromkeys(order, 0.0)
    steps: list[HoursStep] = []

    def total(areas: Iterable[str]) -> float:
        return sum(now[a] + added[a] for a in areas)

    def serving(areas: tuple[str, ...]) -> tuple[str, ...]:
        rules = [r for s in needs.sums if set(areas) <= set(s.areas) for r in s.rule_ids]
        if len(areas) == 1 and areas[0] == max_item:
            rules += needs.max_item_rules
        return tuple(dict.fromkeys(rules))

    if max_item is not None:
        short = needs.max_item - now[max_item]
        if short > 0:
            added[max_item] += short
            steps.append(HoursStep((max_item,), short, ((max_item, short),), serving((max_item,)), single_item=True))
    tool_areas = tuple(f"tool.{i}" for i in catalog.rules.tool_items)
    trained = [a for a in tool_areas if now[a] + added[a] > 0]
    fresh = [a for a in tool_areas if now[a] + added[a] <= 0][: max(0, int(needs.kinds) - len(trained))]
    # plain sums, narrowest first: an area given hours for a narrow condition counts for the wider ones
    for s in sorted(needs.sums, key=lambda s: (len(s.areas), order.index(s.areas[0]))):
        short = s.threshold - total(s.areas)
        if fresh and set(fresh) <= set(s.areas):
            # the new tool items take their hours from this sum: at least the minimum each, the rest on the first
            hours = max(short, MIN_NEW_ITEM_HOURS * len(fresh))
            allocation = dict.fromkeys(fresh, MIN_NEW_ITEM_HOURS)
            allocation[fresh[0]] += hours - MIN_NEW_ITEM_HOURS * len(fresh)
            for a, h in allocation.items():
                added[a] += h
            rules = tuple(dict.fromkeys(serving(s.areas) + tuple(needs.kinds_rules)))
            steps.append(
                HoursStep(s.areas, hours, tuple(allocation.items()), rules, len(fresh), kinds=int(needs.kinds))
            )
            fresh = []
            continue
        if short <= 0:
            continue
        # the area inside this sum that counts toward the most other conditions; the table's order on ties
        area = max(s.areas, key=lambda a: (sum(a in o.areas for o in needs.sums), a == max_item, -order.index(a)))
        added[area] += short
        steps.append(HoursStep(s.areas, short, ((area, short),), serving(s.areas)))
    if fresh:  # 「二項以上工具」 with no sum over the tool items to fill: the new items' minimum alone
        hours = MIN_NEW_ITEM_HOURS * len(fresh)
        for a in fresh:
            added[a] += MIN_NEW_ITEM_HOURS
        allocation = tuple((a, MIN_NEW_ITEM_HOURS) for a in fresh)
        steps.append(
            HoursStep(tool_areas, hours, allocation, tuple(needs.kinds_rules), len(fresh), kinds=int(needs.kinds))
        )
    return sum(added.values()), steps


def solve_training(rules: list[Rule], profile: Profile, catalog: Catalog) -> tuple[float, list[HoursStep]]:
    """The fewest additional hours meeting every condition of `rules` at once, and the steps."""
    needs = _training_needs(rules, catalog)
    now = current_hours(profile, catalog)
    tool_areas = [f"tool.{i}" for i in catalog.rules.tool_items]
    if needs.max_item > 0:
        # every item is tried; on equal cost the one already trained most, then the table's order
        candidates = sorted(tool_areas, key=lambda a: (-now[a], tool_areas.index(a)))
    else:
        candidates = [None]  # type: ignore[list-item]
    best: tuple[float, list[HoursStep]] | None = None
    for item in candidates:
        cost, steps = _fill(needs, now, item, catalog)
        if best is None or cost < best[0] - 1e-9:
            best = (cost, steps)
    assert best is not None
    return round(best[0], 4), best[1]


# --------------------------------------------------------------------------- certificate route
def _suggestions(
    category: str, domains_only: bool, profile: Profile, catalog: Catalog, groups: set[str]
) -> tuple[Suggestion, ...]:
    held_ids = {c.id for c in profile.certifications if c.id}
    held_domains = {c.tool_domain for c in profile.certifications if c.category == TOOL_CATEGORY and c.tool_domain}
    candidates = [c for c in catalog.certs_in(category) if c.id not in held_ids]  # type: ignore[arg-type]
    if domains_only:
        candidates = [c for c in candidates if c.tool_domain and c.tool_domain not in held_domains]
    preferred = [c for c in candidates if set(c.figure3_types) & groups]
    ordered = preferred + [c for c in candidates if c not in preferred]
    return tuple(Suggestion(c.id, c.name, c.issuer, c.category, c.tool_domain, c in preferred) for c in ordered)


def solve_certificates(
    rules: list[Rule], profile: Profile, catalog: Catalog, groups: set[str]
) -> tuple[int, list[CertificateStep]]:
    """The fewest additional certificates meeting every condition of `rules` at once, and the steps."""
    measures = compute_measures(profile, catalog)
    need: dict[str, float] = {}
    serves: dict[str, list[str]] = {}
    for rule in rules:
        for cond in rule.conditions:
            (m,) = cond.measures  # certificate conditions count one thing each (表5)
            need[m] = max(need.get(m, 0.0), cond.threshold)
            serves.setdefault(m, []).append(rule.id)
    steps: list[CertificateStep] = []
    held_domains = tuple(
        sorted(
            {c.tool_domain for c in profile.certifications if c.category == TOOL_CATEGORY and c.tool_domain},
            key=catalog.rules.tool_items.index,
        )
    )
    for category in ("素養類", "工具類", "專案類"):
        m = f"cert_{category}"
        count = max(0.0, need.get(m, 0.0) - measures[m])
        new_domains = 0.0
        rule_ids = list(serves.get(m, []))
        if category == TOOL_CATEGORY and "tool_domains" in need:
            new_domains = max(0.0, need["tool_domains"] - measures["tool_domains"])
            count = max(count, new_domains)
            rule_ids += serves["tool_domains"]
        if count > 0:
            steps.append(
                CertificateStep(
                    category,  # type: ignore[arg-type]
                    int(count),
                    int(new_domains),
                    held_domains if new_domains else (),
                    _suggestions(category, new_domains >= count, profile, catalog, groups),
                    tuple(dict.fromkeys(rule_ids)),
                )
            )
    return sum(s.count for s in steps), steps


# --------------------------------------------------------------------------- options
def _type_rules(catalog: Catalog, name: str) -> TypeRules:
    return next(t for t in catalog.rules.types if t.type == name)


def _rules_of(catalog: Catalog, req: Requirement, route: str) -> list[Rule]:
    level_rules = next(lv for lv in _type_rules(catalog, req.type).levels if lv.level == req.level)
    return [r for r in level_rules.rules if r.route == route]


def reached(result: dict[str, Any], req: Requirement) -> bool:
    """The engine's verdict: the type's level reaches the requirement (進階 counts for 初階)."""
    t = next(t for t in result["types"] if t["type"] == req.type)
    return any(s["level"] == req.level and s["met"] for s in t["levels"])


def _option(
    pending: tuple[Requirement, ...], routes: tuple[str, ...], profile: Profile, catalog: Catalog
) -> PlanOption | None:
    groups = {r.type for r in pending}
    cert_choices = [
        _rules_of(catalog, r, "certificate") for r, route in zip(pending, routes, strict=True) if route != "training"
    ]
    hour_choices = [
        _rules_of(catalog, r, "training") for r, route in zip(pending, routes, strict=True) if route != "certificate"
    ]
    if any(not c for c in cert_choices + hour_choices):
        return None  # a level without rules on that route
    best_certs: tuple[int, list[CertificateStep]] = (0, [])
    others: list[tuple[tuple[str, ...], int, tuple[tuple[str, int], ...]]] = []
    if cert_choices:
        tried = [
            (tuple(r.id for r in combo), solve_certificates(list(combo), profile, catalog, groups))
            for combo in itertools.product(*cert_choices)
        ]
        best_ids, best_certs = min(tried, key=lambda x: x[1][0])
        others = [
            (ids, solved[0], tuple((s.category, s.count) for s in solved[1]))
            for ids, solved in tried
            if ids != best_ids
        ]
    best_hours: tuple[float, list[HoursStep]] = (0.0, [])
    if hour_choices:
        best_hours = min(
            (solve_training(list(combo), profile, catalog) for combo in itertools.product(*hour_choices)),
            key=lambda x: x[0],
        )
    steps: list[Step] = [*best_certs[1], *best_hours[1]]
    order = [t.type for t in catalog.rules.types]
    rule_type = {r.id: t.type for t in catalog.rules.types for lv in t.levels for r in lv.rules}
    areas, categories = _areas(catalog), ("素養類", "工具類", "專案類")

    def place(s: Step) -> tuple[int, int]:  # the lowest type served first; within it literacy before tools …
        within = areas.index(s.areas[0]) if isinstance(s, HoursStep) else categories.index(s.category)
        return min(order.index(rule_type[r]) for r in s.rule_ids), within

    steps.sort(key=place)
    return PlanOption(
        tuple((r.type, route) for r, route in zip(pending, routes, strict=True)),
        best_certs[0],
        best_hours[0],
        tuple(steps),
        tuple(others),
    )


def _pareto(options: list[PlanOption]) -> list[PlanOption]:
    kept: list[PlanOption] = []
    for o in options:
        beaten = any(
            (p.certificates <= o.certificates and p.hours <= o.hours)
            and (p.certificates < o.certificates or p.hours < o.hours)
            for p in options
        )
        duplicate = any(p.certificates == o.certificates and p.hours == o.hours for p in kept)
        if not beaten and not duplicate:
            kept.append(o)
    return sorted(kept, key=lambda o: (o.kind == "mixed", o.kind != "certificate", o.hours, o.certificates))


def plan(profile: Profile, alternatives: tuple[tuple[Requirement, ...], ...], catalog: Catalog) -> Plan:
    """The cheapest ways from `profile` to any one of `alternatives` (each: requirements all to be met)."""
    result = assess(profile, catalog)
    current = tuple((t["type"], t["level"]) for t in result["types"])
    pendings = tuple(tuple(r for r in alt if not reached(result, r)) for alt in alternatives)
    met = any(not p for p in pendings) and bool(alternatives)
    options: list[PlanOption] = []
    if not met:
        for declared in pendings:
            # a level above the one required meets it too (表5: 進階 implies 初階) and may be nearer — hours spread
            # over two tool items reach 進階's total before any one item reaches 初階's 18 — so each is tried
            for pending in _raised(declared, catalog):
                if profile.policy == "both":
                    assignments: Iterable[tuple[str, ...]] = [tuple("both" for _ in pending)]
                else:
                    assignments = itertools.product(ROUTES, repeat=len(pending))
                for routes in assignments:
                    option = _option(pending, routes, profile, catalog)
                    if option is not None:
                        options.append(option)
    return Plan(
        met,
        current,
        pendings,
        tuple(_pareto(options)),
        profile.policy,
        catalog.rules.guideline_version,
        catalog.rules.source,
    )


def _raised(pending: tuple[Requirement, ...], catalog: Catalog) -> list[tuple[Requirement, ...]]:
    """The requirements as stated, then with any of them raised to a higher level of its type (each a way to
    meet the stated ones)."""
    choices = []
    for r in pending:
        ladder = [lv.level for lv in next(t for t in catalog.rules.types if t.type == r.type).levels]
        above = ladder[ladder.index(r.level) :] if r.level in ladder else [r.level]
        choices.append([Requirement(r.type, lv) for lv in above])
    return [tuple(combo) for combo in itertools.product(*choices)]


def option_for(requirement: Requirement, route: str, profile: Profile, catalog: Catalog) -> PlanOption | None:
    """The cheapest way to one requirement by one route (certificate | training), or None when the level has
    no rule on that route: one step's worth of a plan (knowledge.next_step weighs such steps)."""
    return _option((requirement,), (route,), profile, catalog)


def training_areas(catalog: Catalog) -> tuple[str, ...]:
    """The profile's hours areas in 表5's order: literacy, each tool item, programming, model, service."""
    return _areas(catalog)


def next_level(result: dict[str, Any], type_name: str) -> str | None:
    """The first level of the type's ladder not reached yet (None at the top)."""
    t = next(t for t in result["types"] if t["type"] == type_name)
    return next((s["level"] for s in t["levels"] if not s["met"]), None)


def level_at_least(got: str, wanted: str) -> bool:
    return got != "未達" and LEVEL_RANK[got] >= LEVEL_RANK[wanted]


# --------------------------------------------------------------------------- checking a plan
def applied(profile: Profile, option: PlanOption, catalog: Catalog) -> Profile:
    """The profile after following `option`: its hours allocations added and, per certificate step, the
    suggested certificates taken in order (a new tool domain each while new domains are asked for; a
    self-declared one of the category when 表6 has no more to suggest). The engine run on the result
    shows the plan reaches its target (tests) and what else it reaches (the report)."""
    from dataclasses import replace

    from knowledge.profile import HeldCertification, Hours

    hours = current_hours(profile, catalog)
    certs = list(profile.certifications)
    for step in option.steps:
        if isinstance(step, HoursStep):
            for area, h in step.allocation:
                hours[area] += h
            continue
        domains = set(step.held_domains)
        chosen: list[Suggestion] = []
        for s in step.suggestions:
            if len(chosen) == step.count:
                break
            if len(chosen) < step.new_domains and (s.tool_domain is None or s.tool_domain in domains):
                continue
            chosen.append(s)
            if s.tool_domain:
                domains.add(s.tool_domain)
        certs += [HeldCertification(s.name, s.category, s.tool_domain, False, s.id, s.issuer) for s in chosen]  # type: ignore[arg-type]
        for i in range(step.count - len(chosen)):
            certs.append(HeldCertification(f"（自填）{step.category} {i + 1}", step.category, None, True))
    tool = tuple((item, hours[f"tool.{item}"]) for item in catalog.rules.tool_items)
    new_hours = Hours(hours["literacy"], tool, hours["programming"], hours["model_training"], hours["service_dev"])
    return replace(profile, certifications=tuple(certs), hours=new_hours)
