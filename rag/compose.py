"""Deterministic answer composition: catalog cards or the best retrieved sentences, with sources.

Why: without a language model the advisor must still answer concisely in the user's script. It only
ever quotes the guideline (sentences of retrieved chunks) or catalog facts, so it cannot invent a
certification, a role, a number or a rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.views.cards import Card
from rag.answer_types import Source
from rag.lexical import BM25Index, tokens
from rag.retrieval import Retrieved
from rag.sections import cite, cite_en
from rag.textnorm import Lang, to_simplified

MAX_CHARS = 420
RANK_DECAY = 0.8  # later passages must carry clearly more of the question to be quoted
TOPIC_SENTENCE_CHARS = 160  # a longer opening is a passage of its own, not a topic sentence
_SENTENCE = re.compile(r"(?<=[。；！？!?])|(?:\s*•\s*)")

HELP_ZH = (
    "我可以回答「AI 產業人才認定指引」(115v3.0) 涵蓋的內容：人才類別與能力類型、各類認證（表6）、"
    "自我評估的時數與證照門檻（表5）、職稱與職業發展途徑、負責任使用 AI 與學習資源，也可以用 /assess 做自我評估。"
)
HELP_EN = (
    "I can answer what the 「AI 產業人才認定指引」 (115v3.0) covers: talent categories and competency types, "
    "the certifications of 表6, the hours and certificates of the self-assessment (表5), roles and career paths, "
    "responsible AI use and learning resources; /assess runs a self-assessment."
)


def localise(text_zh: str, text_en: str, lang: Lang) -> str:
    if lang == "en":
        return text_en
    return to_simplified(text_zh) if lang == "zh-CN" else text_zh


def select_sentences(
    hits: Sequence[Retrieved],
    terms: Sequence[str],
    index: BM25Index,
    budget: int = MAX_CHARS,
    weights: dict[str, float] | None = None,
) -> list[tuple[str, Retrieved]]:
    """The sentences carrying most of the question's terms, best passages first, in reading order."""
    query = set(terms)
    weights = weights or {}
    scored: list[tuple[float, int, int, str, Retrieved]] = []
    for rank, hit in enumerate(hits):
        parts = [hit.chunk.text] if hit.chunk.kind == "table_row" else _sentences(hit.chunk.text)
        for pos, sentence in enumerate(parts):
            overlap = sum(index.idf.get(t, 0.0) * weights.get(t, 1.0) for t in set(tokens(sentence)) & query)
            scored.append((overlap / (1 + RANK_DECAY * rank), rank, pos, sentence, hit))
    chosen: list[tuple[int, int, str, Retrieved]] = []
    used = 0
    for score, rank, pos, sentence, hit in sorted(scored, key=lambda x: (-x[0], x[1], x[2])):
        if score <= 0 or used + len(sentence) > budget and chosen:
            continue
        chosen.append((rank, pos, sentence, hit))
        used += len(sentence)
        if used >= budget * 0.75:
            break
    if chosen and chosen[0][3].chunk.kind == "paragraph" and chosen[0][1] > 0:
        # a paragraph's first sentence says what it is about (often the term it defines): quote it too
        rank, _, _, hit = chosen[0]
        opening = _sentences(hit.chunk.text)[0]
        if len(opening) <= TOPIC_SENTENCE_CHARS and not any(c[0] == rank and c[1] == 0 for c in chosen):
            chosen.append((rank, 0, opening, hit))
            used += len(opening)
    if chosen and used < budget * 0.5:
        # too little to read well: continue the best passage from its best sentence onwards
        rank, pos, _, hit = chosen[0]
        parts = [hit.chunk.text] if hit.chunk.kind == "table_row" else _sentences(hit.chunk.text)
        for extra_pos in range(pos + 1, len(parts)):
            if used + len(parts[extra_pos]) > budget * 0.6 or any(c[0] == rank and c[1] == extra_pos for c in chosen):
                break
            chosen.append((rank, extra_pos, parts[extra_pos], hit))
            used += len(parts[extra_pos])
    chosen.sort(key=lambda x: (x[0], x[1]))
    return [(readable(sentence), hit) for _, _, sentence, hit in chosen]


def readable(text: str) -> str:
    """A passage as users read it: a table row's 「欄：值」 pairs separated by 「；」, no Markdown emphasis."""
    return text.replace("**", "").replace("｜", "；")


def _sources(chosen: Sequence[tuple[str, Retrieved]], titles: dict[str, str]) -> list[Source]:
    sections = list(dict.fromkeys(hit.chunk.section for _, hit in chosen))
    return [
        Source(s, titles.get(s, ""), next(sent for sent, hit in chosen if hit.chunk.section == s)[:160])
        for s in sections
    ]


def from_cards(
    cards: Sequence[Card], lang: Lang, titles: dict[str, str], related: Sequence[tuple[str, Retrieved]] = ()
) -> tuple[str, list[Source]]:
    """Catalog facts first; `related` adds guideline sentences from another section that also fit."""
    sections = list(dict.fromkeys(s for c in cards for s in c.sections))
    excerpts = {k: v for c in cards for k, v in c.excerpts.items()}
    body_zh = "\n\n".join(c.zh for c in cards)
    body_en = "\n\n".join(c.en for c in cards)
    if related:
        bullets = "\n".join(f"• {sentence}" for sentence, _ in related)
        body_zh += f"\n\n指引相關段落：\n{bullets}"
        body_en += f"\n\nRelated passage of the guideline:\n{bullets}"
    extra = _sources(related, titles)
    all_sections = sections + [x.section for x in extra if x.section not in sections]
    text = localise(f"{body_zh}\n\n{cite(all_sections)}", f"{body_en}\n\n{cite_en(all_sections)}", lang)
    own = [Source(s, titles.get(s, ""), excerpts.get(s, "")) for s in sections]
    return text, own + [x for x in extra if x.section not in sections]


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def from_passages(
    hits: Sequence[Retrieved],
    terms: Sequence[str],
    index: BM25Index,
    lang: Lang,
    titles: dict[str, str],
    listed: Sequence[Retrieved] = (),
    weights: dict[str, float] | None = None,
) -> tuple[str, list[Source]]:
    """Quote the sentences that carry most of the question's terms, best passages first. `listed` are
    the items of a list the best passage introduces (「以下列出的…：」): quoted after its lead-in."""
    if listed:
        sentences = _sentences(hits[0].chunk.text)
        lead = readable(next((x for x in sentences if "以下" in x), sentences[-1]))
        chosen = [(lead, hits[0]), *((readable(item.chunk.text), item) for item in listed)]
    else:
        chosen = select_sentences(hits, terms, index, weights=weights)
    sections = list(dict.fromkeys(hit.chunk.section for _, hit in chosen))
    bullets = "\n".join(f"• {_with_lead(sentence, hit)}" for sentence, hit in chosen)
    text = localise(
        f"依指引：\n{bullets}\n\n{cite(sections)}",
        f"From the guideline (quoted in its own words):\n{bullets}\n\n{cite_en(sections)}",
        lang,
    )
    return text, _sources(chosen, titles)


def _with_lead(sentence: str, hit: Retrieved) -> str:
    """A sentence of a list item under a bold lead-in says whose it is: 「（C. AI 研究人才…）通常需要碩博士學位。」"""
    lead = hit.chunk.lead
    return f"（{readable(lead)}）{sentence}" if lead and lead not in sentence else sentence


def decline(reason: str | None, lang: Lang) -> str:
    if reason:
        zh = f"這個問題涉及{reason}，不在「AI 產業人才認定指引」的範圍內，我無法回答。{HELP_ZH}"
        en = (
            f"That question is about something the guideline does not cover ({reason}), so I cannot answer it. "
            f"{HELP_EN}"
        )
    else:
        zh = f"指引中沒有找到與這個問題相關的內容。{HELP_ZH}"
        en = f"The guideline does not cover this question. {HELP_EN}"
    return localise(zh, en, lang)


# 「表6 沒列，學員拿去做自我評估可以用嗎」 "can we still count it?": whether it may be used is asked
USABLE_ASKED = re.compile(
    r"(可以用|能用|能不能用|可不可以用|可以算|能算|算不算|可以列|能列|承認|認不認|採認|可以拿來|能拿來|有效嗎|算數)"
    r"|\b(can (i|we|they|he|she) (still )?(use|count|list|include)|does it count|is it (still )?valid|accepted)\b"
)

NOT_LISTED = re.compile(
    r"(表6|表 6|參考表|清單)[^，。,?？]{0,4}(沒列|沒有列|未列|沒寫|沒收|不在)"
    r"|(不在|沒列在|沒有列在|未列在)[^，。,?？]{0,3}(表6|表 6)"
    r"|\b(not|isn't|is not|wasn't) (listed|in table 6|on the list|in the table)\b"
)


def unknown_certification(names: Sequence[str], lang: Lang, listed: int, usable: bool = False) -> str:
    """What the guideline says of a certificate 表6 does not list: nothing of its own; 表6 lists examples
    「供…參考」, so in the self-assessment it may be entered as a self-declared one. When whether it may be
    used is what is asked, that answer comes first."""
    joined = "、".join(names)
    if usable:
        zh = (
            f"可以自行填報：表6 是「列舉國內與國際的常見 AI 產業能力相關認證，供…參考」的參考表，並非限定清單。"
            f"「{joined}」不是表6 列出的 {listed} 張之一，指引沒有說明它的分類；自我評估時可用「其他證照」填寫，"
            "並依表3 的認證分類（素養類／工具類／專案類）自行判斷類別。"
        )
        en = (
            f"Yes, as a self-declared certification: 表6 lists common certifications as a reference (examples, "
            f'not a closed list). "{", ".join(names)}" isn\'t one of its {listed} entries and the guideline does not '
            "classify it; in the self-assessment add it under other certifications and choose its 表3 category "
            "(素養類, 工具類 or 專案類) yourself."
        )
        return localise(zh, en, lang) + "\n\n" + localise(cite(["附件(三) 表6"]), cite_en(["附件(三) 表6"]), lang)
    zh = (
        f"「{joined}」不在指引表6（AI產業人才能力認證參考表）列出的 {listed} 張認證中，指引沒有說明它的分類或內容。"
        "表6 是參考清單；若您持有它，自我評估時可用「其他證照」自行填寫它屬於表3 的哪一類（素養類、工具類或專案類），"
        "例如說「就當它是素養類」。"
    )
    en = (
        f'"{", ".join(names)}" is not among the {listed} certifications of 表6; '
        "the guideline says nothing about it. "
        "表6 is a reference list: in the self-assessment you can add it as a self-declared certification of the "
        "表3 category you choose (素養類 literacy, 工具類 tool or 專案類 project), e.g. “treat it as a literacy one”."
    )
    return localise(zh, en, lang) + "\n\n" + localise(cite(["附件(三) 表6"]), cite_en(["附件(三) 表6"]), lang)
