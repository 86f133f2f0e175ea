"""The dialogue core directly: the guided assessment, bad input, buttons, commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conversation.core import Conversation, Event, Outcome
from conversation.hours_input import HoursInputError, parse_hours
from conversation.ui import Reply
from knowledge.assessment import assess
from knowledge.catalog import Catalog
from knowledge.profile import parse_profile

ROOT = Path(__file__).resolve().parent.parent


class Driver:
    """Plays one user against the core, keeping the state the way a store would (JSON round trip)."""

    def __init__(self, conversation: Conversation) -> None:
        self.conversation = conversation
        self.state: dict[str, Any] | None = None
        self.last: list[Reply] = []

    def send(self, kind: str, text: str) -> Outcome:
        outcome = self.conversation.handle(self.state, Event(kind, text, "zh-hant"))  # type: ignore[arg-type]
        self.state = None if outcome.forget else json.loads(json.dumps(outcome.state))
        self.last = outcome.replies
        return outcome

    def press(self, label_part: str) -> Outcome:
        for reply in reversed(self.last):
            for row in reply.buttons:
                for button in row:
                    if label_part in button.label:
                        return self.send("button", button.data)
        raise AssertionError(f"no button with {label_part!r} in {[r.text[:40] for r in self.last]}")

    def text(self) -> str:
        return "\n".join(r.text for r in self.last)

    @property
    def step(self) -> str:
        assert self.state is not None
        return self.state["flow"]["step"]


@pytest.fixture()
def user(catalog: Catalog, advisor) -> Driver:  # noqa: ANN001
    return Driver(Conversation(catalog, advisor))


def walk_to_hours(user: Driver, certs: list[str]) -> None:
    user.send("command", "/assess")
    assert "隱私保護" in user.text() and "/forget" in user.text()
    user.press("開始")
    for name in certs:
        user.send("text", name)
    while user.step == "certs":
        labels = [b.label for r in user.last for row in r.buttons for b in row]
        user.press("下一類" if any("下一類" in label for label in labels) else "完成")
    assert user.step == "hours"


def test_full_assessment_matches_advisor_assess(user: Driver, catalog: Catalog) -> None:
    walk_to_hours(user, ["AWS Certified AI Practitioner", "ＴＱＣ＋ GenAI輔助資料擷取與分析Python"])
    typed = ["18", "十二小時", "6", "0", "0", "12.5 hr", "1.5", "30", "0"]
    for value in typed[:3]:
        user.send("text", value)
    user.press("0")
    user.press("0")
    for value in typed[5:]:
        user.send("text", value)
    assert user.step == "review" and "AWS Certified AI Practitioner" in user.text() and "十" not in user.text()
    user.press("開始判定")
    profile = {
        "certifications": ["aws-ai-practitioner", "tqc-plus-genai-python"],
        "hours": {
            "literacy": 18,
            "tool": {"文書": 12, "圖文": 6, "影像": 0, "音源": 0, "自動化": 12.5},
            "programming": 1.5,
            "model_training": 30,
            "service_dev": 0,
        },
    }
    expected = assess(parse_profile(profile, catalog), catalog)
    for type_result in expected["types"]:
        assert f"{type_result['type']}：{type_result['level']}" in user.text()
    assert expected["summary"] in user.text() and "出處：附件(二) 表5" in user.text()
    cli = subprocess.run(
        [str(Path(sys.executable).parent / "advisor"), "assess", "--profile", "-", "--json"],
        input=json.dumps(profile, ensure_ascii=False),
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert [t["level"] for t in json.loads(cli.stdout)["types"]] == [t["level"] for t in expected["types"]]
    user.press("判定依據")
    assert "[T4-H1]" in user.text() and "AI 模型訓練 受訓時數 30/30" in user.text()


def test_bad_hours_keep_the_dialogue_where_it_was(user: Driver) -> None:
    walk_to_hours(user, [])
    for bad, message in [("-3", "負數"), ("20000", "超過"), ("很多", "看不出"), ("", "請輸入")]:
        before = json.dumps(user.state)
        user.send("text", bad)
        assert message in user.text()
        assert json.dumps(user.state) == before


def test_unknown_certification_name_suggests_and_keeps_answers(user: Driver) -> None:
    user.send("command", "/assess")
    user.press("開始")
    user.send("text", "AIATCL")
    user.send("text", "AWS AI Practioner")
    assert "找不到" in user.text() and "AWS Certified AI Practitioner" in user.text()
    assert user.state["flow"]["selected"] == ["aia-aiatcl"]


def test_stale_forged_and_misplaced_input(user: Driver) -> None:
    user.send("command", "/assess")
    old_start = user.last[0].buttons[0][0].data
    user.press("開始")
    before = json.dumps(user.state)
    user.send("button", old_start)
    assert "過期" in user.text() and json.dumps(user.state) == before
    user.send("button", "a:zzzz:c0:t:1")
    assert "過期" in user.text()
    user.send("button", "totally-not-ours")
    assert "無法辨識" in user.text() and json.dumps(user.state) == before
    user.send("button", f"a:{user.state['flow']['nonce']}:c0:t:9999")
    assert "無法辨識" in user.text()
    user.press("下一類")
    user.press("下一類")
    user.press("完成")
    for _ in range(9):
        user.press("0")
    assert user.step == "review"
    user.send("text", "我想問問題")
    assert "按鈕" in user.text() and user.step == "review"


def test_back_review_edits_and_restart(user: Driver) -> None:
    walk_to_hours(user, ["AIATCL"])
    user.press("18")
    user.press("上一步")
    assert user.state["flow"]["hour"] == 0
    for _ in range(9):
        user.press("6")
    assert user.step == "review"
    user.press("修改時數")
    user.press("AI 模型訓練")
    user.send("text", "30")
    assert user.step == "review" and "AI 模型訓練：30" in user.text()
    user.press("修改證照")
    user.send("text", "AIATCL")
    user.press("完成")
    assert user.step == "review" and "AIATCL" not in user.text()
    user.press("重新開始")
    assert user.state["flow"]["selected"] == [] and user.state["flow"]["hours"] == {}


def test_self_declared_certificate_with_tool_domain(user: Driver) -> None:
    user.send("command", "/assess")
    user.press("開始")
    user.send("text", "NVIDIA Certified Associate: Generative AI & LLMs")
    user.press("其他證照")
    user.send("text", "某某 AI 繪圖證照")
    user.press("工具類")
    user.press("圖文")
    assert user.state["flow"]["declared"] == [{"name": "某某 AI 繪圖證照", "category": "工具類", "tool_domain": "圖文"}]
    user.press("下一類")
    user.press("完成")
    for _ in range(9):
        user.press("0")
    user.press("開始判定")
    assert "AI 工具應用：進階" in user.text()


def test_cancel_forget_lang_and_questions(user: Driver) -> None:
    user.send("command", "/assess")
    user.send("command", "/cancel")
    assert "已取消" in user.text() and user.state.get("flow") is None
    user.send("text", "AIATCL 是誰辦的？")
    assert "台灣人工智慧學校" in user.text()
    user.send("text", "它是哪一類？")
    assert "素養類" in user.text()
    user.send("command", "/lang")
    user.press("English")
    assert user.state["lang"] == "en"
    user.send("command", "/help")
    assert "Commands" in user.text()
    user.send("command", "/forget")
    user.press("Delete")
    assert user.state is None
    user.send("button", "f:-:yes")
    assert "outdated" in user.text() or "過期" in user.text()


def test_browsing_commands(user: Driver) -> None:
    user.send("command", "/certs")
    user.press("工具類")
    assert "iPAS 中級AI應用規劃師能力鑑定" in user.text()
    user.press("NVIDIA Certified Associate: Multimodal Generative AI")
    assert "NVIDIA Corporation" in user.text() and "出處：附件(三) 表6" in user.text()
    user.send("command", "/roles")
    user.press("資料標註師")
    assert "標註" in user.text()
    for command, expected in [("/paths", "AI 技術主管"), ("/ethics", "幻覺"), ("/resources", "aiforeveryone")]:
        user.send("command", command)
        pages = [user.text()]
        assert len(user.last) == 1 and "（1/" in pages[0]  # one page at a time, not every card at once
        while any("下一頁" in b.label for r in user.last for row in r.buttons for b in row):
            user.press("下一頁")
            assert user.last[0].edits  # turning a page edits the message
            pages.append(user.text())
        assert expected in "\n".join(pages) and len(pages) == int(pages[0].split("（1/")[1].split("）")[0])


def test_callback_data_fits_telegram(user: Driver) -> None:
    user.send("command", "/assess")
    seen = []
    user.press("開始")
    for label in ("下一類", "下一類", "完成", "48", "上一步", "0"):
        seen += [b.data for reply in user.last for row in reply.buttons for b in row]
        user.press(label)
    assert seen and all(len(d.encode()) <= 64 for d in seen)


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("18", 18),
        ("18小時", 18),
        ("十八小時", 18),
        ("1.5", 1.5),
        ("12.5 hr", 12.5),
        ("１８", 18),
        ("二十四", 24),
        ("三點五小時", 3.5),
        ("10000", 10000),
    ],
)
def test_hours_text(text: str, hours: float) -> None:
    assert parse_hours(text, 10000) == hours


@pytest.mark.parametrize(
    ("text", "reason"), [("-1", "negative"), ("10000.5", "too_large"), ("abc", "not_number"), (" ", "empty")]
)
def test_hours_text_rejected(text: str, reason: str) -> None:
    with pytest.raises(HoursInputError) as info:
        parse_hours(text, 10000)
    assert info.value.reason == reason


def test_a_question_mid_assessment_is_answered_and_the_step_kept(user: Driver) -> None:
    user.send("command", "/assess")
    user.press("開始")
    user.send("text", "AIATCL")
    before = json.dumps(user.state["flow"])
    user.send("text", "AI 模型訓練要考哪些證照？")
    assert "專案類" in user.text() and "還在進行中" in user.text()
    assert json.dumps(user.state["flow"]) == before
    user.send("command", "/start")
    assert "還在進行中" in user.text() and "第 1/3 步" in user.text()


def test_self_declared_certificates_are_bounded_and_the_rest_kept(user: Driver) -> None:
    from conversation.assessment_flow import MAX_DECLARED

    user.send("command", "/assess")
    user.press("開始")
    user.send("text", "AWS Certified AI Practitioner")
    for i in range(MAX_DECLARED):
        user.press("其他證照")
        user.send("text", f"自填證照 {i}")
        user.press("專案類")
    user.press("其他證照")
    assert f"最多 {MAX_DECLARED} 張" in user.text() and user.step == "certs"
    assert len(user.state["flow"]["declared"]) == MAX_DECLARED
    assert user.state["flow"]["selected"] == ["aws-ai-practitioner"]


@pytest.mark.parametrize("value", ["99999999", "²", "1e9", "-3"])
def test_a_forged_hours_button_is_refused_like_typed_hours(user: Driver, value: str) -> None:
    walk_to_hours(user, [])
    data = next(b.data for r in user.last for row in r.buttons for b in row if b.label.strip() == "12")
    user.send("button", ":".join([*data.split(":")[:-1], value]))
    assert "無法辨識這個按鈕" in user.text() and user.step == "hours"
    assert user.state["flow"]["hours"] == {}


def test_clearing_the_stated_facts_forgets_the_described_work_too(user: Driver) -> None:
    user.send("text", "我是行銷企劃，上過 AI 素養課 10 小時，目前到哪？")
    assert user.state is not None and user.state["background"]  # the work words, not the message
    user.press("清除")
    assert user.state is not None and user.state["background"] == [] and user.state["profile"]["hours"] == {}
