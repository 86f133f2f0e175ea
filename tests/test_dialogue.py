"""The dialogue core over several turns: references, stated facts, engine answers (cases as data), and
the property that a profile stated in chat gives the same levels as `advisor assess`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conversation.core import Conversation, Event
from evaluation.conversations import looks_declined
from knowledge.assessment import assess
from knowledge.catalog import Catalog
from knowledge.profile import parse_profile

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "dialogues.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def conversation(advisor, catalog: Catalog) -> Conversation:  # noqa: ANN001
    return Conversation(catalog, advisor)


class Chat:
    """One user: the state goes through JSON after every turn, as the state store keeps it."""

    def __init__(self, conversation: Conversation) -> None:
        self.conversation, self.state = conversation, None
        self.replies: list[Any] = []

    def say(self, text: str, kind: str = "text") -> str:
        outcome = self.conversation.handle(self.state, Event(kind, text, "zh-hant"))  # type: ignore[arg-type]
        self.state = json.loads(json.dumps(outcome.state))
        self.replies = outcome.replies
        return "\n".join(r.text for r in outcome.replies)

    def press(self, label_part: str) -> str:
        data = next(b.data for r in self.replies for row in r.buttons for b in row if label_part in b.label)
        return self.say(data, kind="button")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_dialogue_case(conversation: Conversation, case: dict[str, Any]) -> None:
    chat = Chat(conversation)
    for n, turn in enumerate(case["turns"], start=1):
        reply = chat.say(turn["say"])
        where = f"turn {n} ({turn['say']!r}): {reply[:300]!r}"
        assert looks_declined(reply) == bool(turn.get("declined")), where
        for fact in turn.get("expect", []):
            options = fact if isinstance(fact, list) else [fact]
            assert any(o in reply for o in options), f"{where} lacks {fact!r}"
        for fact in turn.get("absent", []):
            assert fact not in reply, f"{where} should not contain {fact!r}"
        if "profile" in turn:
            stored = chat.state["profile"]
            expected = turn["profile"]
            if "certifications" in expected:
                assert [c["cert_id"] for c in stored["certificates"]] == expected["certifications"], where
            for area, hours in expected.get("hours", {}).items():
                assert stored["hours"][area]["hours"] == hours, where


def test_profile_command_shows_and_clears_the_facts(conversation: Conversation) -> None:
    chat = Chat(conversation)
    chat.say("我有 AWS Certified AI Practitioner，上過素養 18 小時")
    assert "AWS Certified AI Practitioner" in chat.say("/profile", kind="command")
    chat.press("清除")
    assert chat.state["profile"]["certificates"] == [] and chat.state["profile"]["hours"] == {}
    assert "沒有記下" in chat.say("/profile", kind="command")


def test_stored_state_holds_facts_never_message_texts(conversation: Conversation) -> None:
    chat = Chat(conversation)
    message = "我有 AWS Certified AI Practitioner，另外上過素養課 18 小時，我叫王小明"
    chat.say(message)
    chat.say("AIATCL 是誰辦的？")
    stored = json.dumps(chat.state, ensure_ascii=False)
    assert "王小明" not in stored and "是誰辦的" not in stored


def test_continue_in_the_guided_assessment_with_the_stated_facts(conversation: Conversation, catalog: Catalog) -> None:
    chat = Chat(conversation)
    chat.say("我有 AWS Certified AI Practitioner，上過素養 18 小時、文書 20 小時")
    chat_answer = chat.say("我的各項能力到哪一級？")
    review = chat.press("完整評估")
    assert "請確認您的作答" in review and "AWS Certified AI Practitioner" in review
    result = chat.press("開始判定")
    for line in re.findall(r"^[一二三四五]、AI [^：\n]+：\S+", result, flags=re.MULTILINE):
        assert line in chat_answer  # the chat answer and the guided result agree


def levels_in(text: str) -> dict[str, str]:
    return dict(re.findall(r"^[一二三四五]、(AI [^：\n]+)：(未達|初階|進階|具備)", text, flags=re.MULTILINE))


AREAS = [
    ("literacy", "素養"),
    ("tool.文書", "文書"),
    ("tool.圖文", "圖文"),
    ("tool.自動化", "自動化"),
    ("programming", "程式語言應用"),
    ("model_training", "模型訓練"),
    ("service_dev", "服務開發"),
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    hours=st.lists(st.integers(min_value=0, max_value=60), min_size=len(AREAS), max_size=len(AREAS)),
    certs=st.sets(
        st.sampled_from(["aws-ai-practitioner", "iii-genai-office", "iii-genai-art-design", "tqc-plus-ml"]), max_size=3
    ),
)
def test_levels_stated_in_chat_equal_advisor_assess(
    conversation: Conversation, catalog: Catalog, hours: list[int], certs: set[str]
) -> None:
    chat = Chat(conversation)
    stated = "、".join(f"{label} {h} 小時" for (_, label), h in zip(AREAS, hours, strict=True))
    names = "、".join(catalog.certification(c).name for c in sorted(certs))
    chat.say(f"我上過{stated}" + (f"。我有 {names}" if names else "。我沒有證照"))
    answer = chat.say("我的各項能力到哪一級？")
    profile = {"certifications": sorted(certs), "hours": {"tool": {}}}
    for (area, _), h in zip(AREAS, hours, strict=True):
        if area.startswith("tool."):
            profile["hours"]["tool"][area[5:]] = h
        else:
            profile["hours"][area] = h
    expected = {t["type"]: t["level"] for t in assess(parse_profile(profile, catalog), catalog)["types"]}
    assert levels_in(answer) == expected, answer
