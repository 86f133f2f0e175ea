"""Text normalisation shared by indexing and querying.

Why: users write Traditional, Simplified, full-width and mixed scripts; the guideline is Traditional
Chinese (Taiwan usage). Normalising both sides the same way (NFKC, OpenCC s2twp, case) lets one
lexical index serve every script, and the detected script decides the answer's script.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Literal

Lang = Literal["zh-TW", "zh-CN", "en"]

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_CONTROL = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\ufeff]")


@lru_cache(maxsize=4)
def _converter(config: str):  # noqa: ANN202 - opencc has no type hints
    import opencc

    return opencc.OpenCC(config)


def to_traditional(text: str) -> str:
    """Simplified → Traditional with Taiwan phrasing (软件→軟體); note it rewrites some Traditional words too."""
    return _converter("s2twp").convert(text)


def to_simplified(text: str) -> str:
    """Traditional → Simplified character by character, so guideline terms stay recognisable (專案類→专案类)."""
    return _converter("t2s").convert(text)


def clean(text: str) -> str:
    """NFKC, control characters removed, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


_VARIANTS = str.maketrans(
    {"臺": "台", "裏": "裡", "綫": "線", "爲": "為", "衆": "眾", "峯": "峰", "証": "證"}
    # dashes typed in names ("Machine Learning Engineer – Associate") are the hyphen the catalog spells
    | {"–": "-", "‐": "-", "‑": "-", "‒": "-", "−": "-"}
)


def fold(text: str) -> str:
    """Fold variant characters that both scripts' users mix (臺/台) to one form."""
    return text.translate(_VARIANTS)


# phone-chat endings written in 注音: 「有過ㄇ」「是哪類ㄚ」「可以ㄉ」 are 嗎, 啊, 的, 呢
_BOPOMOFO_ENDINGS = str.maketrans({"ㄇ": "嗎", "ㄚ": "啊", "ㄉ": "的", "ㄋ": "呢"})


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """The form both the index and the queries are matched in (cached: a message and the pieces of it
    are normalised many times per answer, and two OpenCC conversions per call are the dearest part).

    Only Simplified text is converted (to Traditional with Taiwan phrasing): s2twp also rewrites
    Traditional wording (項目→專案, 導入→匯入), which would blur the guideline's own terms.
    """
    text = clean(text)
    if _is_simplified(text):
        text = _undo_phrasing(to_traditional(text))
    text = fold(text).lower().translate(_BOPOMOFO_ENDINGS)
    if _CJK.search(text):  # 「要上幾hr」「12hrs」 in a Chinese sentence: hours, not the letters of HR (人資)
        text = _HOURS_ABBREVIATION.sub("小時", text)
        for said, written in _chat_spelling():  # 「是啥類的」 is 「是什麼類的」 to every pattern
            text = said.sub(written, text)
        text = _A_NOT_A.sub(r"\1不\1", text.replace("4不4", "是不是"))  # 「算4算」「4不4」: chat A-not-A
    return text


@lru_cache(maxsize=1)
def _chat_spelling() -> tuple[tuple[re.Pattern[str], str], ...]:
    """rag/data/chat_spelling.yaml: chat spellings and homophone typos read as the written word."""
    import yaml

    data = yaml.safe_load((Path(__file__).parent / "data" / "chat_spelling.yaml").read_text(encoding="utf-8"))
    return tuple((re.compile(pattern), written) for pattern, written in data["replacements"])


_A_NOT_A = re.compile(r"([\u4e00-\u9fff])4\1")


# s2twp's Taiwan phrasing rewrites three of the guideline's own terms: 类型→型別, 项目→專案 (「能力项目」
# would read 「能力專案」) and 导入→匯入 (「AI 导入型」 would read 「AI 匯入型」); they are put back,
# the rest of its phrasing (软件→軟體) is kept.
_PHRASING_UNDONE = (("型別", "類型"), ("能力專案", "能力項目"), ("匯入", "導入"))


def _undo_phrasing(text: str) -> str:
    for rewritten, term in _PHRASING_UNDONE:
        text = text.replace(rewritten, term)
    return text


_HOURS_ABBREVIATION = re.compile(r"(?<=[\d幾少])\s*(hrs?|hours?)(?![a-z])")


@lru_cache(maxsize=8192)
def _is_simplified(text: str) -> bool:
    simp = sum(a != b for a, b in zip(text, _converter("s2t").convert(text), strict=False))
    trad = sum(a != b for a, b in zip(text, _converter("t2s").convert(text), strict=False))
    return simp > trad


_EN_GRAMMAR = re.compile(
    r"\b(the|a|an|is|are|was|were|what|which|how|does|do|has|have|had|her|his|my|their|of|and|to|for|with|"
    r"i|i'm|she|he|they|it|that|this|can|would|should|"
    # (「And which of them count as AI development talent (AI 開發人才)?」: the small words carry it too)
    r"as|them|him|me|we|you|who|in|on|at|be|will|if|or|not|there|when|where|why)\b"
)


def reads_as_english(text: str) -> bool:
    """ "One employee holds the EEC 企業電子化人工智慧應用師 certificate … What's her AI 工具應用 level?": an English
    sentence around the guideline's Chinese names — the words that carry the grammar are English."""
    cjk = len(_CJK.findall(text))
    return len(_LATIN.findall(text)) > 2 * cjk and len(_EN_GRAMMAR.findall(text.lower())) >= 4


def detect_language(text: str) -> Lang:
    """English when Latin letters dominate and there is no CJK; Simplified when OpenCC changes it."""
    text = clean(text)
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    if cjk == 0:
        return "en" if latin else "zh-TW"
    if latin > 3 * cjk and cjk <= 4:
        return "en"
    if reads_as_english(text):
        return "en"
    return "zh-CN" if _is_simplified(text) else "zh-TW"
