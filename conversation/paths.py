"""Alternatives a user lays out side by side to weigh: 「A 是考一張 X；B 是考 Y 再加 Z」, 「一是再考…；二是…」,
"Option 1: … Option 2: …". Each labelled part is a what-if of its own over the same stated facts; the
labels stay what 「A 那張」「第一條路」 refer to later.

Why a module of its own: finding where one alternative ends and the next begins is text reading the
dialogue needs, separate from what the engine then computes for each."""

from __future__ import annotations

import re
from dataclasses import dataclass

ZH_ORDINAL = {"一": "1", "二": "2", "兩": "2", "两": "2", "三": "3", "四": "4"}
# a label opening an alternative: 「A 是」「B：」「方案一」「第二條路是」「一是」 "Option A:" "path 2 -"
BODY = (
    r"(?:"
    r"(?:方案|路線|路线|選項|选项|選擇|选择)\s*(?P<n1>[一二三四1-4A-Da-d])\s*(?:是|為|为|[:：])?"
    r"|第\s*(?P<n2>[一二三四1-4])\s*(?:條路|条路|個方案|个方案|種|种|條|条)\s*(?:是|為|为|[:：])?"
    r"|(?P<n3>[一二三四])是"
    r"|(?<![A-Za-z])(?P<n4>[A-D])\s*(?:是|為|为|[:：)）]|\s(?=\s*(?:再|多|先|只|去)?(?:上|考|拿|補|补|報|报)))"
    r"|\b(?:option|path|plan|route|choice)\s+(?P<n5>[A-Da-d1-4])\b\s*(?:is|[:：,-])?"
    r")"
)
LABEL = re.compile(r"(?:(?<=[：:；;，,。.\s(（、])|^)" + BODY, re.IGNORECASE)
# a label pointed at later (「那第一條路要考幾張」): anywhere in the message
REFERRED = re.compile(BODY, re.IGNORECASE)
# (「…，B 是 MidJourney 再上 5 小時，哪個能到進階？」: a clause asking which of them ends the last one too)
PART_END = re.compile(
    r"[。？?！!]|\.(?=\s)"
    r"|[，,；;](?=\s*(?:那|所以)?\s*(?:哪|各自|誰|谁|分別|分别|(?:which|what|who|does|do|can|would|is)\b))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LabelledPart:
    label: str  # 「A」「1」: the same label whichever way it was written (「方案一」「第一條路」「一是」 are 1)
    text: str  # the words of this alternative, up to the next label


def canonical(raw: str) -> str:
    return ZH_ORDINAL.get(raw, raw.upper())


# words that frame what follows as alternatives to weigh (「兩條路」「方案」 "two options"), not people or courses
FRAMED = re.compile(
    r"(兩條路|两条路|條路|条路|方案|路線|路线|選項|选项|\b(options?|paths?|plans?|routes?|choices?|alternatives?)\b)",
    re.IGNORECASE,
)
# people labelled by letters (「三個同事：A：…；B：…」) are people, whom conversation.people reads
PEOPLE = re.compile(
    r"(同事|員工|员工|學員|学员|組員|组员|部屬|下屬|學生|学生|[\d一二兩两三四五六七八九十幾几]\s*(個人|个人|位|人)"
    r"|\b(colleagues?|employees?|staff|trainees?|people|persons?|students?)\b)",
    re.IGNORECASE,
)


def labelled_parts(text: str) -> list[LabelledPart]:
    """The alternatives of a message, in order, when it frames two to four of them as options to weigh
    (「兩條路：A 是…；B 是…」「方案一…方案二…」 "Option 1: … Option 2: …"), each with a distinct label of one
    kind (A/B or 1/2); else none."""
    if not FRAMED.search(text) or PEOPLE.search(text):
        return []
    found = [(m, canonical(next(g for g in m.groups() if g))) for m in LABEL.finditer(text)]
    labels = [label for _, label in found]
    if not 2 <= len(found) <= 4 or len(set(labels)) != len(labels):
        return []
    if not (all(x.isdigit() for x in labels) or all(x.isalpha() for x in labels)):
        return []
    parts = []
    for i, (m, label) in enumerate(found):
        if i + 1 < len(found):
            end = found[i + 1][0].start()
        else:  # the last one ends with its sentence (「…認證。各自會達到哪些？」 asks, it is no part of B)
            stop = PART_END.search(text, m.end())
            end = stop.start() if stop else len(text)
        parts.append(LabelledPart(label, text[m.end() : end]))
    return parts


def label_referred(text: str, labels: list[str]) -> str | None:
    """The label a later message points at: 「A 那張」「第一條路」「方案二」 "option B"; None when none is."""
    for m in REFERRED.finditer(text + " "):
        label = canonical(next(g for g in m.groups() if g))
        if label in labels:
            return label
    bare = re.search(r"(?<![A-Za-z])([A-D])\s*(?:那張|那张|那條|那条|那個|那个|方案|的)", text)
    if bare and bare.group(1) in labels:
        return bare.group(1)
    return None
