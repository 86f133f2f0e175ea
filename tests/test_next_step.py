"""Single next steps (knowledge.next_step): each step is one exam or hours of one kind, and what it is said
to add is what the engine gives after it — for any profile.

The engine is the judge: the profile after a step (`knowledge.planner.applied`) is assessed again and its
levels compared with the profile's before.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.assessment import assess
from knowledge.catalog import load_catalog
from knowledge.next_step import one_area, single_steps, within_budget
from knowledge.plan_report import render_alternatives, render_single_steps
from knowledge.planner import applied
from knowledge.profile import parse_profile

CATALOG = load_catalog()
CERT_IDS = [c.id for c in CATALOG.certifications]
AREAS = ["literacy", *(f"tool.{i}" for i in CATALOG.rules.tool_items), "programming", "model_training", "service_dev"]
hours_maps = st.dictionaries(st.sampled_from(AREAS), st.sampled_from([0, 2, 9, 12, 17, 18, 25, 30, 40]), max_size=6)
cert_lists = st.lists(st.sampled_from(CERT_IDS), max_size=3, unique=True)


def _profile(raw_hours: dict[str, float], certs: list[str]):
    hours: dict = {"tool": {}}
    for area, value in raw_hours.items():
        if area.startswith("tool."):
            hours["tool"][area.removeprefix("tool.")] = value
        else:
            hours[area] = value
    return parse_profile({"hours": hours, "certifications": certs}, CATALOG)


def _levels(profile) -> dict[str, str]:
    return {t["type"]: t["level"] for t in assess(profile, CATALOG)["types"]}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hours_maps, cert_lists)
def test_every_single_step_adds_exactly_what_the_engine_says(raw_hours, certs) -> None:
    profile = _profile(raw_hours, certs)
    before = _levels(profile)
    steps = single_steps(profile, CATALOG)
    for step in steps:
        assert len(step.option.steps) == 1 and step.option.certificates <= 1  # one exam, or hours of one kind
        after = _levels(applied(profile, step.option, CATALOG))
        changed = {t: lv for t, lv in after.items() if lv != before[t]}
        assert changed == {g.type: g.level for g in step.gains}
        assert step.gains  # a step that adds nothing is not offered
    gains = [len(s.gains) for s in steps]
    assert gains == sorted(gains, reverse=True)  # the step adding the most first


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hours_maps, cert_lists, st.sampled_from([1, 2, 6, 12]))
def test_a_budget_in_one_area_adds_what_the_engine_says(raw_hours, certs, budget) -> None:
    profile = _profile(raw_hours, certs)
    before = _levels(profile)
    for area in AREAS:
        step = one_area(profile, CATALOG, area, budget)
        after = _levels(applied(profile, step.option, CATALOG))
        assert {t: lv for t, lv in after.items() if lv != before[t]} == {g.type: g.level for g in step.gains}
    assert all(s.gains for s in within_budget(profile, CATALOG, budget))


def test_one_project_certificate_lifts_two_types_at_once() -> None:
    profile = _profile({"literacy": 18, "model_training": 30}, ["tqc-plus-genai-python"])
    steps = single_steps(profile, CATALOG)
    project = next(s for s in steps if s.option.certificates == 1 and s.option.steps[0].category == "專案類")
    assert {g.type for g in project.gains} == {"AI 模型訓練", "AI 服務開發"}
    text = render_single_steps(steps, CATALOG, "zh")
    assert text.startswith("只做一件事的話，一次多達成最多項（2 項）") and "取得 專案類證照 1 張" in text


def test_the_fewest_hours_first_when_asked_so() -> None:
    profile = _profile({"literacy": 18, "tool.文書": 20, "tool.圖文": 10, "programming": 9}, [])
    text = render_single_steps(single_steps(profile, CATALOG), CATALOG, "zh", fewest_hours=True)
    assert text.startswith("最省時數、能多達成一項的是：AI 程式語言應用 再受訓 3 小時")


def test_a_level_aimed_at_and_no_single_step_to_it() -> None:
    # two 素養類 certificates and tool hours in two items: 進階 lacks only literacy hours — one step
    profile = _profile({"tool.文書": 25, "tool.自動化": 15}, ["ms-ai-901", "aws-ai-practitioner"])
    steps = single_steps(profile, CATALOG, ["AI 工具應用"], "進階")
    assert any(g.level == "進階" for g in steps[0].gains) and steps[0].option.hours == 18
    # nothing held: 進階 takes literacy hours and tool hours (or two certificates) — no single step
    empty = _profile({}, [])
    assert single_steps(empty, CATALOG, ["AI 工具應用"], "進階") == []
    several = single_steps(empty, CATALOG, ["AI 工具應用"], "進階", single=False)
    assert render_single_steps(several, CATALOG, "zh").startswith("沒有單一步驟做得到")


def test_alternatives_weighed_name_the_better_one() -> None:
    profile = _profile({"literacy": 12, "tool.圖文": 10, "tool.影像": 14}, [])
    tried = [one_area(profile, CATALOG, "literacy", 6), one_area(profile, CATALOG, "tool.影像", 6)]
    text = render_alternatives(tried, CATALOG, "zh")
    assert text.startswith("比較划算的是：AI 應用素養 再受訓 6 小時") and "還不會多達成能力類型" in text
