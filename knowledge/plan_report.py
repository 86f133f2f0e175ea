"""A learning plan as people read it: the target, where they stand, each way there as ordered steps
citing their rules, the career path of 附件(五), the resources of 附件(七), and what the guideline
does not give.

Why separate from the planner: the planner decides (numbers, rule ids); this module only says what it
decided, in Traditional Chinese or English, and as the JSON of `advisor plan --json`. Each option is
checked by running the engine on the profile the plan leads to, so the plan names every level it
reaches, not only the one asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from knowledge import english as en
from knowledge.assessment import assess
from knowledge.catalog import Catalog
from knowledge.models import Resource
from knowledge.next_step import SingleStep
from knowledge.plan_target import CareerSteps, Target, career_steps, requirement_sets
from knowledge.planner import CertificateStep, HoursStep, Plan, PlanOption, applied, plan, reached
from knowledge.profile import Profile

Lang = Literal["zh", "en"]
MAX_SUGGESTIONS = 3
SOURCES = ("附件(二) 表5", "附件(三) 表6")


@dataclass(frozen=True)
class CheckedOption:
    option: PlanOption
    reaches: tuple[tuple[str, str], ...]  # (type, level) the engine gives after the plan, where it rises


@dataclass(frozen=True)
class LearningPlan:
    target: Target
    plan: Plan
    options: tuple[CheckedOption, ...]
    career: tuple[CareerSteps, ...]
    resources: tuple[Resource, ...]
    assessable: bool  # False when 表5 gives the target no indicators (AI 研究人才)


def build_learning_plan(profile: Profile, target: Target, catalog: Catalog) -> LearningPlan:
    """Plan, then check each option with the engine (a plan that would not reach its target is a bug)."""
    result = assess(profile, catalog)
    alternatives = requirement_sets(target, result, catalog)
    the_plan = plan(profile, alternatives, catalog)
    before = {t["type"]: t["level"] for t in result["types"]}
    checked = []
    for option in the_plan.options:
        after = assess(applied(profile, option, catalog), catalog)
        if not any(all(reached(after, r) for r in alt) for alt in alternatives):
            raise AssertionError(f"plan option {option.routes} does not reach {target.name}")
        rises = tuple((t["type"], t["level"]) for t in after["types"] if t["level"] != before[t["type"]])
        checked.append(CheckedOption(option, rises))
    types = {r.type for alt in the_plan.pending for r in alt}
    resources = tuple(r for r in catalog.resources.resources if types & set(r.competency_types))
    return LearningPlan(
        target,
        the_plan,
        tuple(checked),
        tuple(career_steps(target, catalog)),
        resources,
        bool(alternatives),
    )


# --------------------------------------------------------------------------- JSON
def _step_dict(step: HoursStep | CertificateStep) -> dict[str, Any]:
    if isinstance(step, HoursStep):
        return {
            "kind": "hours",
            "areas": list(step.areas),
            "hours": _num(step.hours),
            "new_tool_items": step.new_items,
            "single_tool_item": step.single_item,
            "allocation": {a: _num(h) for a, h in step.allocation},
            "rule_ids": list(step.rule_ids),
        }
    return {
        "kind": "certificate",
        "category": step.category,
        "count": step.count,
        "new_tool_domains": step.new_domains,
        "held_tool_domains": list(step.held_domains),
        "certifications": [
            {
                "id": s.id,
                "name": s.name,
                "issuer": s.issuer,
                "category": s.category,
                "tool_domain": s.tool_domain,
                "preferred": s.preferred,
            }
            for s in step.suggestions
        ],
        "rule_ids": list(step.rule_ids),
    }


def _num(value: float) -> float | int:
    rounded = round(value, 4)
    return int(rounded) if rounded == int(rounded) else rounded


def plan_to_dict(lp: LearningPlan) -> dict[str, Any]:
    p = lp.plan
    return {
        "guideline_version": p.guideline_version,
        "target": lp.target.to_dict(),
        "policy": p.policy,
        "assessable": lp.assessable,
        "reached": p.requirements_met,
        "current": [{"type": t, "level": lv} for t, lv in p.current],
        "requirements": [[{"type": r.type, "level": r.level} for r in alt] for alt in p.pending],
        "options": [
            {
                "kind": c.option.kind,
                "routes": [{"type": t, "route": r} for t, r in c.option.routes],
                "certificates": c.option.certificates,
                "hours": _num(c.option.hours),
                "steps": [_step_dict(s) for s in c.option.steps],
                "other_certificate_rules": [
                    {"rule_ids": list(ids), "certificates": n, "by_category": dict(parts)}
                    for ids, n, parts in c.option.other_certificate_rules
                ],
                "reaches": [{"type": t, "level": lv} for t, lv in c.reaches],
            }
            for c in lp.options
        ],
        "career_paths": [
            {"talent_category": c.category, "route": c.route, "steps": list(c.steps), "position": c.position}
            for c in lp.career
        ],
        "resources": [{"name": r.name, "covers": list(r.covers), "download": r.download} for r in lp.resources],
        "not_in_guideline": ["courses", "fees", "dates"],
        "sources": [*SOURCES, "附件(五)", "附件(七)"],
        "text": render_plan(lp, "zh"),
    }


# --------------------------------------------------------------------------- text
def _area(catalog: Catalog, area: str, lang: Lang) -> str:
    if lang == "en":
        return en.area_en(area)
    measures = catalog.rules.measures
    if area.startswith("tool."):
        return f"{measures['tool_total'].short}・{area.removeprefix('tool.')}"
    return measures[area].short  # type: ignore[index]


def _fmt(value: float) -> str:
    return f"{_num(value):g}" if isinstance(_num(value), float) else str(_num(value))


def _rule_text(catalog: Catalog, rule_id: str) -> str:
    return next(r.text for t in catalog.rules.types for lv in t.levels for r in lv.rules if r.id == rule_id)


def _target_label(target: Target, lang: Lang) -> str:
    if target.kind == "types":
        return (", " if lang == "en" else "、").join(en.type_term(t) if lang == "en" else t for t in target.types)
    if lang == "en":
        name = f"{target.name} ({target.name_en})"
        return f"{name} {en.level_term(target.level)}" if target.level else name
    return f"{target.name} {target.level}" if target.level else target.name


def _hours_line(step: HoursStep, catalog: Catalog, lang: Lang) -> str:
    tool_areas = tuple(f"tool.{i}" for i in catalog.rules.tool_items)
    items = [a for a in step.areas if a in tool_areas]
    others = [a for a in step.areas if a not in tool_areas]
    if lang == "en":
        names = (
            [en.measure_en(["tool_total"])] if items and len(items) > 1 else [_area(catalog, a, lang) for a in items]
        )
        names += [_area(catalog, a, lang) for a in others]
        what = " or ".join(names) + (" (any split)" if len(names) > 1 else "")
        line = f"Train another {_fmt(step.hours)} hours in {what}"
        if step.single_item:
            line += " (「單一工具」: one tool item must reach the threshold; hours of different items do not add up)"
        if step.new_items:
            fresh = "、".join(a.removeprefix("tool.") for a, _ in step.allocation)
            line += (
                f", in at least {step.new_items} tool item(s) without hours yet (e.g. {fresh}; 進階 asks for hours in "
                f"{step.kinds} or more tool items)"
            )
        return line
    tool_name = catalog.rules.measures["tool_total"].short
    names = [f"{tool_name}（任一工具項目）"] if len(items) > 1 else [_area(catalog, a, lang) for a in items]
    names += [_area(catalog, a, lang) for a in others]
    what = "或".join(names) + ("（可任意分配，合計計算）" if len(names) > 1 else "")
    line = f"{what} 再受訓 {_fmt(step.hours)} 小時"
    if step.single_item:
        line += "（「單一工具」：同一個工具項目要累計到門檻，不同項目的時數不能合計）"
    if step.new_items:
        fresh = "、".join(a.removeprefix("tool.") for a, _ in step.allocation)
        line += (
            f"，其中至少 {step.new_items} 個目前沒有時數的工具項目（例如：{fresh}；"
            f"進階要求 {step.kinds} 項以上工具都有時數）"
        )
    return line


def _cert_line(step: CertificateStep, lang: Lang) -> str:
    if lang == "en":
        line = f"Obtain {step.count} more {en.category_term(step.category)} certificate(s)"
        if step.new_domains:
            held = f"; you hold: {'、'.join(step.held_domains)}" if step.held_domains else ""
            line += f", {step.new_domains} of them in tool domains you do not hold yet{held}"
        return line
    line = f"取得 {step.category}證照 {step.count} 張"
    if step.new_domains:
        held = f"（目前已有：{'、'.join(step.held_domains)}）" if step.held_domains else ""
        line += f"，其中 {step.new_domains} 張須為不同的工具領域{held}"
    return line


def _suggestion_line(step: CertificateStep, lang: Lang) -> str:
    picks = list(step.suggestions)
    if step.new_domains:  # one per domain first, so the first names shown already make distinct domains
        seen: set[str | None] = set()
        first = [s for s in picks if not (s.tool_domain in seen or seen.add(s.tool_domain))]
        picks = first + [s for s in picks if s not in first]
    shown = picks[:MAX_SUGGESTIONS]
    if not shown:
        return ""
    if lang == "en":
        names = "; ".join(
            en.certificate_term({"id": s.id, "name": s.name, "issuer": s.issuer})
            + (f" [{s.tool_domain}]" if s.tool_domain else "")
            for s in shown
        )
        more = f" ({len(picks)} in 表6)" if len(picks) > len(shown) else ""
        return f"e.g. {names}{more}"
    names = "、".join(f"{s.name}（{s.issuer}{'・' + s.tool_domain if s.tool_domain else ''}）" for s in shown)
    more = f" 等 {len(picks)} 張" if len(picks) > len(shown) else ""
    return f"可考慮：{names}{more}"


def _option_title(i: int, c: CheckedOption, lang: Lang) -> str:
    o = c.option
    if lang == "en":
        kind = {"certificate": "certificate route", "training": "training route", "both": "both routes"}.get(
            o.kind, "mixed routes"
        )
        cost = []
        if o.certificates:
            cost.append(f"{o.certificates} certificate(s)")
        if o.hours:
            cost.append(f"{_fmt(o.hours)} hours")
        return f"Option {i} ({kind}: {' + '.join(cost)})"
    kind = {"certificate": "證照途徑", "training": "受訓時數途徑", "both": "證照與受訓時數兩途徑"}.get(
        o.kind, "混合途徑"
    )
    cost = []
    if o.certificates:
        cost.append(f"證照 {o.certificates} 張")
    if o.hours:
        cost.append(f"受訓合計至少 {_fmt(o.hours)} 小時")
    return f"方案{i}（{kind}：{'＋'.join(cost)}）"


def options_for(lp: LearningPlan, route: str) -> tuple[CheckedOption, ...]:
    """The options of one route: certificates only, hours only, or at most one certificate and the
    fewest hours with it (「只考一張證照、其他上課補」); all of them for "any"."""
    if route == "certificate":
        return tuple(c for c in lp.options if c.option.kind == "certificate")
    if route == "training":
        return tuple(c for c in lp.options if c.option.kind == "training")
    if route == "one_certificate":
        one = [c for c in lp.options if c.option.certificates == 1] or [
            c for c in lp.options if c.option.certificates <= 1
        ]
        return tuple(sorted(one, key=lambda c: c.option.hours)[:1])
    return lp.options


def target_intro(target: Target, catalog: Catalog, lang: Lang) -> str:
    """One line on what the target is before its plan: a role's positioning (表8/表9), a category's role
    and the types 表2 gives it; nothing for a type (the plan says its level)."""
    if target.kind == "role":
        role = next(r for r in catalog.role_list if r.name == target.name)
        return f"{role.name}: {role.positioning}" if lang == "en" else f"{role.name}：{role.positioning}"
    if target.kind == "category" and lang == "zh":
        c = next(c for c in catalog.talent.categories if c.name == target.name)
        types = "、".join(c.competency_types)
        return f"{c.name}：{c.role}" + (f"；所需能力類型：{types}（表2）" if types else "") + "。"
    return ""


def plan_sources(lp: LearningPlan) -> list[str]:
    """The parts of the guideline a plan cites, as it names them."""
    sources = [*SOURCES]
    if lp.career:
        sources.append("附件(五)")
    if lp.resources:
        sources.append("附件(七)")
    return sources


def render_plan(lp: LearningPlan, lang: Lang = "zh", route: str = "any", with_source: bool = True) -> str:
    from knowledge.catalog import load_catalog

    catalog = load_catalog()
    p = lp.plan
    target = _target_label(lp.target, lang)
    out: list[str] = []
    if lang == "en":
        out.append(f"Learning plan toward {target} (guideline {p.guideline_version})")
    else:
        out.append(f"學習計畫：{target}（指引 {p.guideline_version}）")
    if lp.target.kind == "role" and lp.target.category:
        cat = en.talent_term(lp.target.category) if lang == "en" else lp.target.category
        arche = f", {lp.target.archetype}" if lp.target.archetype and lang == "en" else ""
        arche_zh = f"（{lp.target.archetype}）" if lp.target.archetype else ""
        out.append(
            f"{lp.target.name} belongs to {cat}{arche} (source: {lp.target.source}); "
            "the plan aims at its 表5 indicators."
            if lang == "en"
            else f"{lp.target.name} 屬於 {cat}{arche_zh}（出處：{lp.target.source}），以下依其能力參考指標規劃。"
        )
    now = "、".join(f"{t} {lv}" for t, lv in p.current if lv != "未達")
    if lang == "en":
        now_en = ", ".join(f"{en.type_term(t)} {en.level_term(lv)}" for t, lv in p.current if lv != "未達")
        out.append(f"Now: {now_en or 'no competency type reached yet'}.")
    else:
        out.append(f"目前：{now or '尚未達成任何能力類型'}。")
    if not lp.assessable:
        out.append(
            "The guideline's 表5 gives no indicators for this talent category, so no hours or certificates can be "
            "computed; its career path follows."
            if lang == "en"
            else "指引的表5 沒有這個人才類別的能力參考指標，無法計算時數或證照；以下是附件(五) 的職業發展途徑。"
        )
    elif p.requirements_met:
        out.append(
            "You already meet this target's 表5 indicators." if lang == "en" else "您已符合這個目標的表5 能力參考指標。"
        )
    else:
        out.append(
            "You do not meet this target's 表5 indicators yet."
            if lang == "en"
            else "目前尚未符合這個目標的表5 能力參考指標（未達）。"
        )
        needs = " or ".join(
            " and ".join(
                (f"{en.type_term(r.type)} {en.level_term(r.level)}" if lang == "en" else f"{r.type} {r.level}")
                for r in alt
            )
            for alt in p.pending
        )
        lead = "需同時達到" if len(p.pending) == 1 and len(p.pending[0]) > 1 else "需要達到"  # several types at once
        out.append(
            f"Needed: {needs}." if lang == "en" else f"{lead}：{needs.replace(' or ', ' 或 ').replace(' and ', '、')}。"
        )
        shown = options_for(lp, route) or lp.options
        if route != "any" and shown is lp.options:  # no option of that route (a level without such rules)
            out.append(
                "No option takes only that route; these are the ways there:"
                if lang == "en"
                else "這個目標沒有只走該途徑的做法；可行的方案如下："
            )
        for i, c in enumerate(shown, 1):
            out.append("")
            out.append(_option_title(i, c, lang))
            for n, step in enumerate(c.option.steps, 1):
                line = _hours_line(step, catalog, lang) if isinstance(step, HoursStep) else _cert_line(step, lang)
                rules = ", ".join(step.rule_ids) if lang == "en" else "、".join(step.rule_ids)
                out.append(f"  {n}. {line} — {'rule' if lang == 'en' else '依'} {rules}")
                if isinstance(step, CertificateStep):
                    sug = _suggestion_line(step, lang)
                    if sug:
                        out.append(f"     {sug}")
            for ids, count, parts in c.option.other_certificate_rules:
                rules = "、".join(f"{i}（{_rule_text(catalog, i)}）" for i in ids)
                rules_en = ", ".join(f"{i} ({_rule_text(catalog, i)})" for i in ids)
                split = "、".join(f"{cat} {n} 張" for cat, n in parts)
                split_en = ", ".join(f"{n} {en.category_term(cat)}" for cat, n in parts)
                out.append(
                    f"  Another certificate combination: {rules_en}, {count} more certificate(s) ({split_en})."
                    if lang == "en"
                    else f"  另一種證照組合：{rules}，還需 {count} 張（{split}）。"
                )
            # (a level above the one asked, reached on the way: 「補 4 小時到進階」 meets 初階 too — said)
            needed = {r.type: r.level for alt in lp.plan.pending for r in alt}
            higher = [(t, lv) for t, lv in c.reaches if t in needed and lv != needed[t]]
            if higher:
                if lang == "en":
                    said = ", ".join(f"{en.type_term(t)} {en.level_term(lv)}" for t, lv in higher)
                    out.append(f"  This reaches {said}, which meets the level needed as well.")
                else:
                    said = "、".join(f"{t}「{lv}」" for t, lv in higher)
                    out.append(f"  這樣會直接達到 {said}，也就符合所需的層級。")
            extra = [(t, lv) for t, lv in c.reaches if all(t != routed for routed, _ in c.option.routes)]
            if extra:
                if lang == "en":
                    also = ", ".join(f"{en.type_term(t)} {en.level_term(lv)}" for t, lv in extra)
                    out.append(f"  This also reaches: {also}.")
                else:
                    out.append(f"  完成後也將達到：{'、'.join(f'{t} {lv}' for t, lv in extra)}。")
    for c in lp.career:
        steps = " → ".join(f"[{s}]" if i == c.position else s for i, s in enumerate(c.steps))
        out.append("")
        out.append(
            f"Career path ({c.route}, 附件(五)): {steps}"
            if lang == "en"
            else f"職業發展途徑（{c.route}，附件(五)）：{steps}"
        )
        if c.key_skills:
            skills = ("; " if lang == "en" else "、").join(c.key_skills)
            out.append(f"Key skills on this path: {skills}" if lang == "en" else f"這條路徑的關鍵技能：{skills}")
    if lp.resources and not p.requirements_met:
        names = ("; " if lang == "en" else "、").join(r.name for r in lp.resources)
        out.append("")
        out.append(f"Learning resources (附件(七)): {names}" if lang == "en" else f"學習資源（附件(七)）：{names}")
    out.append("")
    out.append(
        "The guideline gives no courses, fees or dates; training hours are cumulative course hours (課程受訓累積時數)."
        if lang == "en"
        else "說明：指引未提供課程、費用或日期；時數指課程受訓累積時數。"
    )
    if with_source:  # (an answer card has its sources shown by the answer's composer)
        sources = plan_sources(lp)
        out.append(en.source_en(*sources) if lang == "en" else f"出處：{'、'.join(sources)}")
    return "\n".join(out)


def render_after(
    lp: LearningPlan,
    profile: Profile,
    route: str,
    types: list[str],
    categories: list[str],
    lang: Lang = "zh",
) -> str:
    """What following the plan's first option of `route` leads to (「那個方案做完，AI 服務開發也具備了嗎」
    「做完算應用人才了嗎」): the engine run on the profile the option leads to, for the types and categories
    asked about (else every type the option changes), with what each still lacks. Nothing is stored."""
    from knowledge.catalog import load_catalog
    from knowledge.report import gap_lines, type_heading

    catalog = load_catalog()
    shown = options_for(lp, route) or lp.options
    if not shown:
        return render_plan(lp, lang, route)
    option = shown[0]
    after = assess(applied(profile, option.option, catalog), catalog)
    title = _option_title(lp.options.index(option) + 1, option, lang)
    out = [f"After {title} (a what-if, not saved):" if lang == "en" else f"依{title}完成後（假設情況試算，未記錄）："]
    asked = types or [t for t, _ in option.reaches] or [r.type for alt in lp.plan.pending for r in alt]
    for t in after["types"]:
        if t["type"] in asked:
            out.append(type_heading(t, lang))
            out.extend(f"  ➜ {line}" for line in gap_lines(t, lang=lang))
    for category in categories:
        met = category in after["talent_categories"]
        if lang == "en":
            out.append(f"{en.talent_term(category)}: {'met' if met else 'not met yet'}.")
        else:
            out.append(f"{category}：{'符合' if met else '尚未符合'}能力參考指標。")
        rule = next((r for r in catalog.rules.talent_categories if r.category == category), None)
        if not met and rule is not None:
            for t in after["types"]:
                if t["type"] in rule.requires and t["type"] not in asked:
                    out.append(type_heading(t, lang))
                    out.extend(f"  ➜ {line}" for line in gap_lines(t, lang=lang))
    out.append(en.source_en(*SOURCES) if lang == "en" else f"出處：{'、'.join(SOURCES)}")
    return "\n".join(out)


# --------------------------------------------------------------------------- single next steps
def _gain_text(step: SingleStep, lang: Lang) -> str:
    if lang == "en":
        gains = "; ".join(f"{en.type_term(g.type)} {en.level_term(g.level)} (rule {g.rule_id})" for g in step.gains)
        talents = f"; and meets {', '.join(en.talent_term(t) for t in step.talents)}" if step.talents else ""
        return f"adds {gains}{talents}"
    gains = "、".join(f"{g.type} {g.level}（規則 {g.rule_id}）" for g in step.gains)
    talents = f"；並符合 {'、'.join(step.talents)}" if step.talents else ""
    return f"可多達成 {gains}{talents}"


def single_step_line(step: SingleStep, catalog: Catalog, lang: Lang) -> str:
    """「取得 專案類證照 1 張 → 可多達成 AI 模型訓練 具備（規則 T4-C1）、…」: the step, then what it adds."""
    done = (" + " if lang == "en" else "＋").join(
        _step_with_suggestions(what, catalog, lang) for what in step.option.steps
    )
    return f"{done} → {_gain_text(step, lang)}"


def _step_with_suggestions(step: HoursStep | CertificateStep, catalog: Catalog, lang: Lang) -> str:
    """A certificate step names a few 表6 certificates that would do (「取得 專案類證照 1 張（可考慮：…）」)."""
    if not isinstance(step, CertificateStep):
        return _hours_line(step, catalog, lang)
    picks = _suggestion_line(step, lang)
    return (
        f"{_cert_line(step, lang)} ({picks})"
        if lang == "en" and picks
        else (f"{_cert_line(step, lang)}（{picks}）" if picks else _cert_line(step, lang))
    )


def render_single_steps(
    steps: list[SingleStep],
    catalog: Catalog,
    lang: Lang,
    fewest_hours: bool = False,
    talent: str | None = None,
    budget: float | None = None,
    limit: int = 5,
) -> str:
    """What each single next step adds, the answer first: the step lifting the most types (or, asked so,
    the fewest hours that lift one; the steps completing a talent category; a budget's best use)."""
    en_ = lang == "en"
    if talent is not None:
        steps = [s for s in steps if talent in s.talents]
    if fewest_hours:  # the fewest hours first; the other steps (certificates too) after it
        by_hours = sorted((s for s in steps if not s.option.certificates), key=lambda s: s.option.hours)
        steps = [*by_hours[:1], *(s for s in steps if s not in by_hours[:1])]
    if not steps:
        if budget is not None:
            return (
                f"{budget:g} more hours in any one area would not lift a competency type yet."
                if en_
                else f"再上 {budget:g} 小時，放在任何一個項目都還不會多達成能力類型。"
            )
        return "No single step lifts a competency type from here." if en_ else "目前沒有單一步驟能多達成能力類型。"
    top = steps[0]
    if len(top.option.steps) > 1 or top.option.certificates > 1:
        lines = [f"• {single_step_line(s, catalog, lang)}" for s in steps[:limit]]
        head = "No single step gets there; the least it takes:" if en_ else "沒有單一步驟做得到；最少要："
        return "\n".join([head, *lines])
    if budget is not None:
        head = (
            f"With {budget:g} more hours, the best use is: {single_step_line(top, catalog, lang)}."
            if en_
            else f"再上 {budget:g} 小時的話，最划算的是：{single_step_line(top, catalog, lang)}。"
        )
    elif talent is not None:
        name = en.talent_term(talent) if en_ else talent
        head = (
            f"One step that gets you counted as {name}: {single_step_line(top, catalog, lang)}."
            if en_
            else f"只做一件事就能符合 {name} 的：{single_step_line(top, catalog, lang)}。"
        )
    elif fewest_hours:
        head = (
            f"The fewest hours that lift a competency type: {single_step_line(top, catalog, lang)}."
            if en_
            else f"最省時數、能多達成一項的是：{single_step_line(top, catalog, lang)}。"
        )
    else:
        n = len(top.gains)
        head = (
            f"The single step that adds the most ({n}): {single_step_line(top, catalog, lang)}."
            if en_
            else f"只做一件事的話，一次多達成最多項（{n} 項）的是：{single_step_line(top, catalog, lang)}。"
        )
    others = [f"• {single_step_line(s, catalog, lang)}" for s in steps[1:limit]]
    if others:
        others.insert(0, "Other single steps:" if en_ else "其他單一步驟：")
    return "\n".join([head, *others])


def render_alternatives(steps: list[SingleStep], catalog: Catalog, lang: Lang) -> str:
    """「補 6 小時素養、還是補 6 小時影像？」: each alternative and what it adds, the better one first."""
    ranked = sorted(steps, key=lambda s: (-len(s.gains), s.cost))
    lines = []
    for s in ranked:
        done = _step_with_suggestions(s.option.steps[0], catalog, lang)
        adds = _gain_text(s, lang) if s.gains else ("adds no level yet" if lang == "en" else "還不會多達成能力類型")
        lines.append(f"• {done} → {adds}")
    if ranked and ranked[0].gains and (len(ranked) == 1 or len(ranked[0].gains) > len(ranked[1].gains)):
        best = lines[0].removeprefix("• ").split(" → ")[0]
        head = f"The better choice: {best}." if lang == "en" else f"比較划算的是：{best}。"
    elif ranked and not ranked[0].gains:
        head = "Neither adds a level yet." if lang == "en" else "兩者目前都還不會多達成能力類型。"
    else:
        head = "Both add as much." if lang == "en" else "兩者多達成的項目一樣多。"
    return "\n".join([head, *lines])
