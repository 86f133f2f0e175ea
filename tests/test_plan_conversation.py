"""After a result: a learning plan, a share code and a shared link, through the conversation core; and a
plan asked for in chat from the facts stated so far."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conversation.core import Conversation
from knowledge.assessment import assess
from knowledge.catalog import Catalog
from knowledge.plan_report import build_learning_plan, render_plan
from knowledge.plan_target import parse_target
from knowledge.profile import parse_profile
from knowledge.report import render_text
from knowledge.share_code import decode, encode
from tests.test_conversation import Driver, walk_to_hours


@pytest.fixture()
def user(catalog: Catalog, advisor) -> Driver:  # noqa: ANN001
    return Driver(Conversation(catalog, advisor))


def _finish(user: Driver, hours: list[str]) -> None:
    for value in hours:
        user.send("text", value)
    user.press("開始判定")


def test_a_result_leads_to_a_plan_a_share_code_and_back(user: Driver, catalog: Catalog) -> None:
    walk_to_hours(user, ["iPAS 初級AI應用規劃師能力鑑定"])
    _finish(user, ["10", "20", "0", "0", "0", "0", "0", "0", "0"])
    result_text = user.last[-1].text
    assert user.last[-1].chart is not None  # the picture goes with the text
    user.press("學習計畫")
    labels = [b.label for row in user.last[-1].buttons for b in row]
    assert "AI 應用人才" in labels and "AI 工具應用 初階" in labels and "AI 應用素養 具備" not in labels
    user.press("AI 應用人才")
    profile = parse_profile(
        {"certifications": ["ipas-ai-planner-beginner"], "hours": {"literacy": 10, "tool": {"文書": 20}}}, catalog
    )
    expected = render_plan(build_learning_plan(profile, parse_target("AI 應用人才", catalog), catalog), "zh")
    assert user.text() == expected  # the chat's plan is `advisor plan`'s
    assert "受訓合計至少 8 小時" in expected  # 8 more hours of literacy make 文書 20 count for 初階
    user.press("分享")
    code = re.search(r"分享碼：([A-Za-z0-9_-]+)", user.text()).group(1)  # type: ignore[union-attr]
    assert "/start " + code in user.text()  # no bot name in the core: the command form
    assert decode(code, catalog) == decode(encode(profile, catalog), catalog)
    user.press("判定依據")
    assert "[T1-C1]" in user.text() and any("回到結果" in b.label for row in user.last[-1].buttons for b in row)
    user.press("回到結果")
    assert user.text() == result_text and user.last[-1].chart is None  # the picture is not sent twice


def test_a_share_link_opens_the_same_result_for_someone_else(user: Driver, catalog: Catalog, advisor) -> None:  # noqa: ANN001
    profile = parse_profile({"certifications": ["ms-ai-901"], "hours": {"literacy": 3, "programming": 12}}, catalog)
    code = encode(profile, catalog)
    user.send("command", f"/start {code}")
    assert "分享碼重現" in user.last[0].text
    assert user.last[1].text == render_text(assess(profile, catalog), with_rules=False)
    user.press("學習計畫")
    assert "想朝哪個目標規劃" in user.text()
    other = Driver(Conversation(catalog, advisor))
    other.send("command", f"/start {code[:-1]}{'A' if code[-1] != 'A' else 'B'}")
    assert "無法開啟" in other.text() and "/assess" in other.text()


def test_a_share_link_during_an_assessment_keeps_it(user: Driver, catalog: Catalog) -> None:
    walk_to_hours(user, [])
    user.send("text", "12")
    code = encode(parse_profile({"hours": {"literacy": 18}}, catalog), catalog)
    user.send("command", f"/start {code}")
    assert "AI 應用素養：具備" in user.text() and user.step == "hours"
    assert json.loads(json.dumps(user.state))["flow"]["hours"]["literacy"] == 12


def test_a_plan_asked_in_chat_uses_the_facts_stated(user: Driver, catalog: Catalog) -> None:
    user.send("text", "我有 iPAS 初級，素養課上過 10 小時")
    user.send("text", "我想成為 AI 產品經理，要怎麼做")
    text = user.text()
    assert text.startswith("依您提供的") and "AI 產品經理" in text and "AI 應用人才" in text
    assert "工具類證照 1 張" in text and "T2-B-H1" in text and "[AI 產品經理]" in text
    assert "未提供課程、費用或日期" in text
    user.send("text", "如何成為 AI 開發人才？")
    assert "專案類證照 1 張" in user.text() and "AI 模型訓練" in user.text()


def test_a_plan_in_english_and_in_simplified(catalog: Catalog, advisor) -> None:  # noqa: ANN001
    english = Driver(Conversation(catalog, advisor))
    english.send("text", "How do I become a data scientist?")
    assert "Learning plan toward 資料科學家" in english.text() and "project (專案類)" in english.text()
    simplified = Driver(Conversation(catalog, advisor))
    simplified.send("text", "我想成为AI产品经理，要怎么做？")
    assert "学习计画" in simplified.text() or "学习计划" in simplified.text()


levels = st.sampled_from([0, 6, 10, 18, 30])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(literacy=levels, office=levels, programming=levels)
def test_a_plan_stated_in_chat_is_the_plan_of_the_same_profile(
    catalog: Catalog,
    advisor,
    literacy: int,
    office: int,
    programming: int,  # noqa: ANN001
) -> None:
    user = Driver(Conversation(catalog, advisor))
    user.send("text", f"我素養課上過 {literacy} 小時，文書工具 {office} 小時，程式課 {programming} 小時")
    user.send("text", "請給我一份到 AI 開發人才的學習計畫")
    raw = {"hours": {"literacy": literacy, "tool": {"文書": office}, "programming": programming}}
    expected = render_plan(
        build_learning_plan(parse_profile(raw, catalog), parse_target("AI 開發人才", catalog), catalog)
    )
    assert expected in user.text()


def test_follow_ups_narrow_correct_and_re_aim_the_same_plan(user: Driver) -> None:
    user.send("text", "我沒有證照，素養課 6 小時、Canva 圖文課 14 小時，想成為 AI 應用人才要怎麼規劃？")
    assert "方案" in user.text() and "混合途徑" in user.text()
    user.send("text", "那如果我全部都考證照呢？")
    assert "證照途徑" in user.text() and "受訓時數途徑" not in user.text() and "素養類證照 1 張" in user.text()
    user.send("text", "只考一張，其餘靠上課補的話呢？")
    assert "混合途徑：證照 1 張＋受訓合計至少 12 小時" in user.text()  # 素養 6 → 18 with one 工具類 certificate
    user.send("text", "抱歉我記錯，素養課其實是 10 小時")
    assert "受訓合計至少 8 小時" in user.text()  # the same narrowed plan, on the corrected facts
    user.send("text", "那改成 AI 開發人才呢？")
    assert "學習計畫：AI 開發人才" in user.text() and "證照 1 張" in user.text()


def test_a_plan_says_the_single_tool_rule_and_a_sum_restated_is_no_new_fact(user: Driver) -> None:
    user.send("text", "我有 AWS Certified AI Practitioner，圖文課 9 小時、影像課 9 小時，想當 AI 產品經理該怎麼準備？")
    user.send("text", "最少要上幾小時？圖文跟影像加起來已經 18 小時了耶")
    text = user.text()
    assert "工具・圖文 9 小時、工具・影像 9 小時" in text  # the sum said again changed no hours
    assert "受訓合計至少 27 小時" in text and "單一工具" in text  # 18 of literacy and 9 more in one tool item


def test_a_plan_for_two_types_at_once_counts_shared_hours_once(tmp_path, capsys) -> None:  # noqa: ANN001
    from advisor.cli import main

    profile = tmp_path / "p.json"
    profile.write_text("{}", "utf-8")
    assert main(["plan", "--profile", str(profile), "--target", "AI 模型訓練跟 AI 服務開發都要具備", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["target"]["kind"] == "types"
    assert [r["type"] for r in data["requirements"][0]] == ["AI 模型訓練", "AI 服務開發"]
    training = next(o for o in data["options"] if o["kind"] == "training")
    assert training["hours"] == 96  # 18 literacy + 30 tools or programming + 30 model training + 18 more of 48


def test_what_a_plan_leads_to_and_a_type_wished_for_next(user: Driver) -> None:
    user.send(
        "text",
        "我有 NVIDIA Certified Associate: Generative AI & LLMs，模型訓練上過 24 小時、服務開發 10 小時，"
        "想轉做機器學習工程師要怎麼規劃？",
    )
    assert "學習計畫：機器學習 (ML) 工程師" in user.text()
    user.send("text", "那如果全部用上課呢？")
    assert "受訓合計至少 54 小時" in user.text()  # 18 literacy + 30 tools or programming + 6 model training (四)
    user.send("text", "上完之後 AI 服務開發也會一起具備嗎？")
    text = user.text()
    assert "假設情況試算" in text and "五、AI 服務開發：未達" in text and "累計時數尚缺 8 小時" in text  # 30 + 10 of 48
    user.send("text", "那我也想要 AI 服務開發具備，只考證照的話？")
    assert "學習計畫：AI 服務開發" in user.text() and "專案類證照 1 張" in user.text()


def test_the_plan_menu_and_plan_in_english(catalog: Catalog) -> None:
    from conversation.assessment_flow import AssessmentFlow

    flows = AssessmentFlow(catalog)
    flow = flows.shared(encode(parse_profile({"hours": {"literacy": 18}}, catalog), catalog), "ab12")
    labels = [b.label for row in flows.plan_menu(flow, "en").buttons for b in row]
    assert "AI 應用人才 (AI Application Talent (AI Practitioner))" in labels
    assert "AI 工具應用 (AI Tool Application) 初階 (basic)" in labels
    view = flows.plan_view(flow, "en", labels.index("AI 應用人才 (AI Application Talent (AI Practitioner))"))
    assert view.text.startswith("Learning plan toward AI 應用人才") and "Source: 附件(二) 表5" in view.text
