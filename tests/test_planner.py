"""The learning planner: every plan reaches its target when followed, and no cheaper plan exists.

Following a plan is checked with the engine itself (`knowledge.assessment.assess` on the profile the
plan leads to). Cheapness is checked by brute force: certificates against every smaller set of 表6
certificates; hours on a copy of the rule table with its thresholds scaled down (18 → 2, 30 → 3 …), so
every integer increment of the nine hour areas can be enumerated.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.cli import main
from knowledge.assessment import assess
from knowledge.catalog import Catalog, load_catalog
from knowledge.models import RuleTable
from knowledge.plan_report import build_learning_plan, plan_to_dict, render_plan
from knowledge.plan_target import parse_target
from knowledge.planner import HoursStep, Requirement, applied, plan, reached
from knowledge.profile import parse_profile

CATALOG = load_catalog()
CERT_IDS = [c.id for c in CATALOG.certifications]
TOOL_ITEMS = list(CATALOG.rules.tool_items)
REQUIREMENTS = [Requirement(t.type, lv.level) for t in CATALOG.rules.types for lv in t.levels]
AREAS = ["literacy", *(f"tool.{i}" for i in TOOL_ITEMS), "programming", "model_training", "service_dev"]


def _profile(raw_hours: dict[str, float], certs: list[str], policy: str = "either", catalog: Catalog = CATALOG):
    hours: dict = {"tool": {}}
    for area, value in raw_hours.items():
        if area.startswith("tool."):
            hours["tool"][area.removeprefix("tool.")] = value
        else:
            hours[area] = value
    return parse_profile({"hours": hours, "certifications": certs, "policy": policy}, catalog)


hours_maps = st.dictionaries(st.sampled_from(AREAS), st.sampled_from([0, 1, 5, 12, 17.5, 18, 20, 30, 47]), max_size=6)
cert_lists = st.lists(st.sampled_from(CERT_IDS), max_size=4, unique=True)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hours_maps, cert_lists, st.sampled_from(["either", "both"]), st.sampled_from(REQUIREMENTS))
def test_following_any_option_reaches_the_target(raw_hours, certs, policy, requirement) -> None:
    profile = _profile(raw_hours, certs, policy)
    the_plan = plan(profile, ((requirement,),), CATALOG)
    before = assess(profile, CATALOG)
    assert the_plan.requirements_met == reached(before, requirement)
    assert bool(the_plan.options) != the_plan.requirements_met  # a plan whenever the target is not reached
    for option in the_plan.options:
        after = assess(applied(profile, option, CATALOG), CATALOG)
        assert reached(after, requirement), (option, after["types"])
        assert option.hours == pytest.approx(sum(s.hours for s in option.steps if isinstance(s, HoursStep)))
        assert option.certificates == sum(s.count for s in option.steps if not isinstance(s, HoursStep))
        assert all(s.rule_ids for s in option.steps)  # every step cites its rule


@pytest.mark.parametrize("target", ["AI 應用人才", "AI 開發人才", "AI 產品經理", "資料科學家", "AI 工具應用 進階"])
@settings(max_examples=25, deadline=None)
@given(raw_hours=hours_maps, certs=cert_lists)
def test_named_targets_are_reached_and_no_option_is_beaten_by_another(target, raw_hours, certs) -> None:
    profile = _profile(raw_hours, certs)
    lp = build_learning_plan(profile, parse_target(target, CATALOG), CATALOG)  # raises if an option falls short
    costs = [(c.option.certificates, c.option.hours) for c in lp.options]
    for a in costs:
        assert not any(b != a and b[0] <= a[0] and b[1] <= a[1] for b in costs)  # Pareto: none dominated


# --------------------------------------------------------------------------- brute force: certificates
def _cert_route_only(requirement: Requirement, result: dict) -> bool:
    t = next(t for t in result["types"] if t["type"] == requirement.type)
    return any(r["met"] for r in t["rules"] if r["level"] == requirement.level and r["route"] == "certificate")


@settings(max_examples=40, deadline=None)
@given(cert_lists, st.sampled_from(REQUIREMENTS))
def test_no_smaller_set_of_certificates_reaches_the_level(certs, requirement) -> None:
    profile = _profile({}, certs)
    the_plan = plan(profile, ((requirement,),), CATALOG)
    if the_plan.requirements_met:
        return
    option = next(o for o in the_plan.options if o.kind == "certificate")
    assert _cert_route_only(requirement, assess(applied(profile, option, CATALOG), CATALOG))
    others = [c for c in CERT_IDS if c not in certs]
    for extra in itertools.combinations(others, option.certificates - 1):
        assert not _cert_route_only(requirement, assess(_profile({}, [*certs, *extra]), CATALOG)), extra


# --------------------------------------------------------------------------- brute force: hours
SCALE = {18: 2, 30: 3, 12: 1, 48: 4}


def _scaled_catalog() -> Catalog:
    raw = CATALOG.rules.model_dump()
    for t in raw["types"]:
        for level in t["levels"]:
            for rule in level["rules"]:
                for cond in rule["conditions"]:
                    if cond["measures"] not in (["tool_kinds"],) and not cond["measures"][0].startswith("cert_"):
                        if cond["measures"] != ["tool_domains"]:
                            cond["threshold"] = SCALE[int(cond["threshold"])]
    return dataclasses.replace(CATALOG, rules=RuleTable.model_validate(raw))


SMALL = _scaled_catalog()
GRID = np.array(list(itertools.product(range(5), repeat=len(AREAS))), dtype=np.int16)  # every increment 0–4


def _training_met(rules, values: np.ndarray) -> np.ndarray:
    """Which rows of `values` (hours per area) meet every condition of one of `rules` (a route's rules)."""
    tool = values[:, 1 : 1 + len(TOOL_ITEMS)]
    col = {a: values[:, i] for i, a in enumerate(AREAS)}
    measures = {
        "literacy": col["literacy"],
        "programming": col["programming"],
        "model_training": col["model_training"],
        "service_dev": col["service_dev"],
        "tool_total": tool.sum(axis=1),
        "tool_kinds": (tool > 0).sum(axis=1),
        "tool_max_item": tool.max(axis=1),
    }
    met = np.zeros(len(values), dtype=bool)
    for rule in rules:
        ok = np.ones(len(values), dtype=bool)
        for cond in rule.conditions:
            ok &= sum(measures[m] for m in cond.measures) >= cond.threshold
        met |= ok
    return met


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.sampled_from(AREAS), st.integers(0, 3), max_size=5), st.sampled_from(REQUIREMENTS))
def test_no_fewer_hours_reach_the_level_on_a_scaled_rule_table(raw_hours, requirement) -> None:
    profile = _profile(raw_hours, [], catalog=SMALL)
    the_plan = plan(profile, ((requirement,),), SMALL)
    if the_plan.requirements_met:
        return
    option = next(o for o in the_plan.options if o.kind == "training")
    level = next(
        lv for t in SMALL.rules.types for lv in t.levels if (t.type, lv.level) == (requirement.type, requirement.level)
    )
    rules = [r for r in level.rules if r.route == "training"]
    now = np.array([raw_hours.get(a, 0) for a in AREAS], dtype=np.int16)
    met = _training_met(rules, GRID + now)
    assert met.any()
    cheapest = GRID[met].sum(axis=1).min()
    assert option.hours == cheapest, (raw_hours, requirement, option.steps)


def test_the_scaled_brute_force_can_fail() -> None:
    """The oracle is not vacuous: a plan one hour short would be caught."""
    rules = [r for lv in SMALL.rules.types[0].levels for r in lv.rules if r.route == "training"]
    assert not _training_met(rules, np.array([[1] + [0] * (len(AREAS) - 1)])).any()
    assert _training_met(rules, np.array([[2] + [0] * (len(AREAS) - 1)])).all()


# --------------------------------------------------------------------------- what plans say
def test_hours_that_serve_two_conditions_are_counted_once() -> None:
    """Model-training hours count toward AI 模型訓練 (30) and AI 服務開發's 48 (模型訓練或服務開發)."""
    profile = _profile({"literacy": 18, "programming": 30}, [])
    both = (Requirement("AI 模型訓練", "具備"), Requirement("AI 服務開發", "具備"))
    option = next(o for o in plan(profile, (both,), CATALOG).options if o.kind == "training")
    assert option.hours == 48  # not 30 + 48
    assert {a for s in option.steps for a, _ in s.allocation} <= {"model_training", "service_dev"}


def test_a_category_plan_offers_the_mixed_route_when_it_is_cheaper_in_one_currency() -> None:
    lp = build_learning_plan(_profile({}, []), parse_target("AI 應用人才", CATALOG), CATALOG)
    costs = sorted((c.option.certificates, c.option.hours) for c in lp.options)
    assert costs == [(0, 36), (1, 18), (2, 0)]  # 36 hours, or one 工具類 certificate and 18 hours, or two certificates
    text = render_plan(lp, "zh")
    assert "混合途徑" in text and "T1-H1" in text and "出處：附件(二) 表5" in text


def test_a_role_is_planned_through_its_category_and_career_path() -> None:
    lp = build_learning_plan(_profile({}, []), parse_target("我想成為 AI 產品經理", CATALOG), CATALOG)
    data = plan_to_dict(lp)
    assert data["target"]["talent_category"] == "AI 應用人才" and data["target"]["archetype"] == "AI 導入型"
    path = data["career_paths"][0]
    assert path["steps"][path["position"]] == "AI 產品經理"
    assert data["not_in_guideline"] == ["courses", "fees", "dates"]
    assert "未提供課程、費用或日期" in data["text"]


def test_research_talent_has_no_table5_indicators_and_says_so() -> None:
    lp = build_learning_plan(_profile({}, []), parse_target("研究人才", CATALOG), CATALOG)
    assert not lp.assessable and not lp.options
    assert "沒有這個人才類別的能力參考指標" in render_plan(lp, "zh")
    assert "gives no indicators" in render_plan(lp, "en")


def test_a_reached_target_says_so() -> None:
    profile = _profile({"literacy": 18, "tool.文書": 18}, [])
    lp = build_learning_plan(profile, parse_target("AI 應用人才", CATALOG), CATALOG)
    assert lp.plan.requirements_met and "已符合" in render_plan(lp, "zh")


def test_a_new_domain_certificate_step_suggests_other_domains_first() -> None:
    held = next(c for c in CATALOG.certifications if c.tool_domain)
    profile = _profile({}, [held.id])
    option = next(
        o for o in plan(profile, ((Requirement("AI 工具應用", "進階"),),), CATALOG).options if o.kind == "certificate"
    )
    (step,) = option.steps
    assert step.new_domains == 1 and step.held_domains == (held.tool_domain,)
    assert all(s.tool_domain != held.tool_domain for s in step.suggestions)


# --------------------------------------------------------------------------- the command
def test_advisor_plan_prints_json_and_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"hours": {"literacy": 10, "tool": {"文書": 20}}}), "utf-8")
    assert main(["plan", "--profile", str(profile), "--target", "AI 工具應用 進階", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["target"]["level"] == "進階"
    training = next(o for o in data["options"] if o["kind"] == "training")
    assert training["hours"] == 18  # 8 of literacy, 10 of tool items (one of them new)
    assert main(["plan", "--profile", str(profile), "--target", "AI Tool Application advanced", "--lang", "en"]) == 0
    assert "Learning plan toward AI 工具應用 (AI Tool Application) 進階 (advanced)" in capsys.readouterr().out


def test_advisor_plan_names_a_bad_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "p.json"
    profile.write_text("{}", "utf-8")
    assert main(["plan", "--profile", str(profile), "--target", "太空人", "--json"]) == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out)["error"]["field"] == "target"
    assert "太空人" in captured.err
    assert main(["plan", "--profile", str(profile), "--target", "AI 服務開發 進階"]) == 2
    assert "只有：具備" in capsys.readouterr().err
