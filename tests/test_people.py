"""Names of the people a conversation goes through (conversation/people.py)."""

from __future__ import annotations

import pytest

from conversation import people


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("我是人資，同事陳怡君有 iPAS 初級", "陳怡君"),
        ("另一位同事 Kevin 只有 AWS", "Kevin"),
        ("幫品管課的阿明做能力盤點", "阿明"),
        ("回到小美，她的工具應用呢", "小美"),
        ("Employee Priya holds two certificates", "Priya"),
        ("Second employee, Chen. No certificates.", "Chen"),
        ("Back to Priya: what is missing?", "Priya"),
        # no one is named: a sentence going on, a topic returned to, a request
        ("同事有三張：AWS、TQC+、NVIDIA", None),
        ("好吧，回到正題，他還差幾小時", None),
        ("回到剛剛的證照，我還差幾張", None),
        ("幫我算一下加班費", None),
        ("What does the guideline say about her?", None),
    ],
)
def test_introduced(text: str, name: str | None) -> None:
    assert people.introduced(text) == name


def test_a_known_name_is_recognised_by_the_given_name_alone() -> None:
    assert people.mentioned("怡君的服務開發呢", ["陳怡君", "Kevin"]) == "陳怡君"
    assert people.mentioned("and kevin's?", ["陳怡君", "Kevin"]) == "Kevin"
    assert people.mentioned("她的服務開發呢", ["陳怡君", "Kevin"]) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("小美上過AI素養課20小時", "小美"),
        ("阿傑沒上什麼課，但他有 iPAS 中級", "阿傑"),
        ("Sarah has NVIDIA Certified Associate", "Sarah"),
        ("Kevin有TQC+人工智慧：機器學習", "Kevin"),
        # words, not people
        ("補上 18 小时的 AI 素養課程", None),
        ("老闆有說要考證照", None),
        ("如果學員三張都有，模型訓練算具備嗎", None),
        ("好，回到现在的真实情况", None),
        ("Engineer Associate is the one I hold", None),
    ],
)
def test_a_name_that_opens_what_is_said(text: str, name: str | None) -> None:
    known = {"associate", "engineer", "google", "nvidia", "aws"}
    assert people.introduced(text, known) == name


def test_several_people_in_one_message_and_names_read_as_pronouns() -> None:
    text = "兩位新人：Amy 有 X，Ben 有 Y。Amy 的素養呢"
    assert [name for _, name in people.introductions(text)] == ["Amy", "Ben", "Amy"]
    assert people.as_pronoun("Sarah has X; Sarah's level", ["Sarah"]) == "he has X; his level"
    assert people.as_pronoun("Kevin有 X，怡君的呢", ["Kevin", "陳怡君"]) == "他有 X，他的呢"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("那家豪呢？素養 10 小時", "家豪"),
        ("至於王家豪的話，只有 AWS", "王家豪"),
        # a sentence that goes on, or a supposition, names no one
        ("這樣的話他算應用人才嗎", None),
        ("如果這樣呢", None),
    ],
)
def test_turned_to(text: str, name: str | None) -> None:
    """A bare name the talk turns to; the dialogue then checks it is no word of the guideline."""
    assert people.turned_to(text) == name


def test_a_nickname_after_a_possessive_is_introduced() -> None:
    assert people.introduced("跟隔壁組的阿凱比呢？他有 iPAS 中級") == "阿凱"
