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
