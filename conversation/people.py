"""People named in one conversation: HR staff and managers go through a team (「同事陳怡君有…」→「另一位
同事 Kevin…」→「回到怡君，她的…呢？」), so each named person's stated facts are kept apart and a later
mention of the name brings that person's facts back.

Why a reading of names at all: without it the facts of the person named last answer every question,
and 「回到怡君」 silently reports Kevin's result. Names are read only where a sentence introduces someone
(after 同事, 員工, 學員…, "colleague", "employee"…) or returns to them (「回到」, "back to"); a name seen
once is then recognised anywhere, also by the given name alone (陳怡君 → 怡君).
"""

from __future__ import annotations

import re

# words that introduce a person, then the name: two or three Chinese characters (not starting with a
# word that goes on the sentence: 「同事有三張」 names nobody), or a capitalised Latin word
_INTRO_ZH = (
    r"(?:同事|員工|學員|部屬|下屬|同仁|新人|組員|成員|應徵者|候選人|另一位|另外一位|另一名|下一位|工程師|專員|主管)"
)
_NAME_ZH = rf"(?![有是的也都在說想要只還上考拿做沒這那他她我你們跟和與又再已]|{_INTRO_ZH})[\u4e00-\u9fff]{{2,3}}?"
_STOP_ZH = r"(?=[做評有的，,。只也還考上是想要在呢嗎跟和與、：:\s（(]|$)"
INTRO = re.compile(
    rf"{_INTRO_ZH}\s*(?:叫|叫做|名叫)?\s*(?P<zh>{_NAME_ZH}){_STOP_ZH}"
    rf"|(?:{_INTRO_ZH}|回到|回來看|換回|再看|至於)\s*(?:叫|叫做|名叫)?\s*(?P<zh_en>[A-Z][a-z]+)(?![A-Za-z])"
    r"|(?:回到|回來看|換回|再看|至於)\s*(?P<back>" + _NAME_ZH + ")" + _STOP_ZH + r"|"
    # 「幫品管課的阿明做能力盤點」: someone a task is done for
    r"(?:幫|替|為)[^，。,]{0,6}?的?(?P<for>" + _NAME_ZH + r")(?=做|評估|評|盤點|看看|檢視|算)|"
    r"\b(?i:colleague|employee|engineer|staff member|team member|candidate|intern|trainee|hire)(?:,|:)?\s+"
    r"(?P<en>[A-Z][a-z]+)(?![A-Za-z])|\b(?i:back to|returning to|now for|and for|what about)\s+"
    r"(?P<en_back>[A-Z][a-z]+)(?![A-Za-z])"
)
NOT_NAMES = frozenset(
    {"The", "She", "He", "They", "Her", "His", "Their", "This", "That", "AI", "What", "How", "Me", "My", "Our"}
    # 「回到正題」「回到剛剛的證照」: where the talk returns to, not whom
    | {"正題", "正题", "原本", "現實", "现实", "實際", "实际", "剛剛", "刚刚", "剛才", "刚才", "前面", "上面"}
    | {"主題", "主题", "話題", "话题", "重點", "重点", "開始", "开始", "最初", "之前", "原來", "原来"}
    | {"問題", "问题", "我們", "我们"}
)
MAX_PEOPLE = 20  # a team walked through in one conversation; older people are dropped first


def introduced(text: str) -> str | None:
    """The name a message introduces or returns to, or None."""
    for m in INTRO.finditer(text):
        name = next((g for g in m.groups() if g), None)
        if name and name not in NOT_NAMES:
            return name
    return None


def mentioned(text: str, known: list[str]) -> str | None:
    """A known person the message names (the longest name first; 「怡君」 for 陳怡君)."""
    forms = [(form, name) for name in known for form in _forms(name)]
    for form, name in sorted(forms, key=lambda f: -len(f[0])):
        if re.fullmatch(r"[A-Za-z]+", form):
            if re.search(rf"(?<![A-Za-z]){re.escape(form)}(?![A-Za-z])", text, re.IGNORECASE):
                return name
        elif form in text:
            return name
    return None


def _forms(name: str) -> list[str]:
    if re.fullmatch(r"[\u4e00-\u9fff]{3}", name):
        return [name, name[1:]]  # the surname and given name, or the given name alone
    return [name]
