"""Answers about the person asking, computed by the 表5 engine over the facts stated in chat.

Why: 「我有 AI-901，又上過 10 小時素養課，AI 應用素養過了嗎？」 needs the person's result, not a description
of the rule. The levels come only from `knowledge.assessment` (the same engine and profile JSON as
`advisor assess` and the guided /assess), so the chat answer and the guided result always agree; this
module only chooses which types to report and words the result, echoing the facts it used.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from typing import Any

from knowledge.assessment import assess
from knowledge.catalog import Catalog
from knowledge.numerals import chinese_hours_as_digits
from knowledge.planner import Requirement, plan
from knowledge.profile import parse_profile
from knowledge.report import gap_lines
from knowledge.stated_profile import HeldCertificate, StatedHours, StatedProfile
from rag.routing_rules import CLAUSE_SPLIT, DESIRED, QUESTION_MARKERS, refused_categories
from rag.stated_facts import ASKS, SENTENCE_SPLIT, FactReader, Pace
from rag.textnorm import normalise, to_simplified
from rag.understanding import QueryUnderstanding, without_certificates

# 表5 measures that are one stated area's hours: a shortfall in them is filled by adding to that area
HOURS_SEARCHED = 400  # the most course hours a pace question is searched over (every 表5 threshold is far below)
PERIOD_ZH = {"week": "週", "month": "個月", "day": "天"}
PERIOD_ZH_EVERY = {"week": "週", "month": "月", "day": "天"}
PERIOD_EN = {"week": "week", "month": "month", "day": "day"}
# 「還需要上這 18 小時才算嗎」 "do I still need to…": whether more is needed for what is asked
NEED_ASKED = re.compile(
    r"(還|仍|再)(需要|要|得|必須)[^，。?？]{0,16}才[^，。?？]{0,12}(嗎|[?？])|\b(still|even) need\b"
)
# the words of a total asked (「素養一共算幾小時」): the sentence that asks it names what is added up
TOTAL_ASKED = re.compile(r"(總共|一共|合計|加起來|加總|全部|總時數|\btotal\b|\baltogether\b|\bin all\b)")
# 「只上模型訓練的課」「光補素養時數」 "only take model-training courses": more hours of one area alone
ONE_AREA = re.compile(
    r"(只|光|單|純)(上|補|修|加|靠)[^，。,?？]{1,14}?(的)?(課|時數|小時)"
    r"|\bonly (take|do|add|attend)\b[^,.?]{1,30}?\b(courses?|training|hours)\b"
)
MAX_ONE_AREA_HOURS = 200  # beyond this many more hours of one area the question has no useful answer
TOPIC_SET = re.compile(r"(那|至於|至于|換|换|還有|还有)")
# 「還要補什麼」「還差什麼」 "what else would she need": what is missing is asked
WHAT_MORE = re.compile(
    r"(還|仍|再)(要|需要|得|缺|差|少)(補|上|考|加)?\s*(什麼|啥|哪些|多少|幾)"
    r"|\bwhat (else )?(would|does|do|will) (i|he|she|they) (still )?need\b|\bwhat('s| is) (still )?missing\b"
)
CAN_ASKED = re.compile(r"(能|可以|可不可以|能不能)[^，。?？]{0,8}(算|到|達到|達成)?[^，。?？]{0,8}(嗎|[?？])")
FILLABLE = frozenset({"literacy", "programming", "model_training", "service_dev"})
TOOL_MEASURES = frozenset({"tool_total", "tool_max_item", "tool_kinds"})  # what hours of one tool item count toward

# 「這樣算哪種人才」, "does he count as application talent": the talent category is asked too.
TALENT_ASKED = re.compile(r"(哪(種|類|一類|一種)人才|人才嗎|算.{0,6}人才|\btalent\b)")
LEVEL_NAMED = ("初階", "進階")  # 表5 levels a question may name (「具備」 is the only level of the other types)
# 「一句話講就好」「簡單講」 "in one sentence", "briefly": the standing in one line, not every route's gaps
BRIEF = re.compile(
    r"(一句話|一句講|簡單講|簡單說|簡短|長話短說|講重點|說重點|直接講結論|\bin (one|a) (sentence|line|word)\b"
    r"|\bbriefly\b|\bin short\b|\btl;?dr\b|\bshort answer\b)"
)
# the English words for those levels ("Do trainees reach advanced?")
# 「五種能力都要拿到」「全部能力類型」 "all five types": every type at once
EVERY_TYPE_ASKED = re.compile(
    r"(五(種|個|項|類)(能力|能力類型)?[^，。?？]{0,4}(都|全)|全部(的)?能力|所有(的)?能力|每一?(種|項|個)能力(類型)?都"
    r"|\b(all five|every (competency )?type|all (the )?(competency )?types)\b)"
)
# 「那兩項呢」「這兩個」 "those two": the things just named, pointed at together
THOSE_NAMED = re.compile(r"(那|這|这)(兩|两|二|幾|几)(項|个|個|種|种|樣)|\b(those|these|both|the two)\b")
# 「每人最少多少小時」「至少要上幾小時」 "the minimum hours": the fewest course hours asked
LEAST_HOURS = re.compile(
    r"(最少|至少|最低)[^，。?？]{0,8}(多少|幾)\s*(個)?\s*(小時|時數|鐘頭)|\b(minimum|fewest|least)\b[^?]{0,20}\bhours\b"
)
HOURS_WORD = re.compile(r"(小時|時數|鐘頭|\bhours?\b)")
LEVEL_EN = {"advanced": "進階", "basic": "初階", "entry": "初階", "entry-level": "初階", "beginner": "初階"}
LEVEL_EN_ZH = {"beginner": "初階", "basic": "初階", "entry": "初階", "advanced": "進階"}
LEVEL_WORDS_EN = re.compile(r"\b(advanced|basic|entry-level|entry|beginner)\b", re.IGNORECASE)
ROUTE_ZH = {"certificate": "證照途徑", "training": "受訓時數途徑"}
ROUTE_EN = {"certificate": "certificate route", "training": "training-hours route"}
# 「還缺什麼」「差什麼」 "what is missing": what one lacks, asked without naming a type
MISSING = re.compile(r"(還缺|缺什麼|缺啥|差什麼|差啥|還差|要補什麼|補什麼|補啥|\bmissing\b|\bstill need\b|\black\b)")
# A question about one's standing as a whole (「我現在算到哪個程度？」): with no type named in it, every type.
OVERALL = re.compile(
    r"(哪個程度|什麼程度|到哪|哪一級|幾級|算哪|整體|各項|每一項|全部|符合哪幾|哪幾種|哪幾項|哪些還|五(種|個|項)能力"
    r"|哪些(還)?(沒|未)(有)?(達到|達標|過)"
    r"|\b(my|her|his|their) (current |actual |own )?levels\b|\boverall\b|\bwhere do i stand\b"
    r"|\ball (five|5) (competency )?types\b|\bevery (competency )?type\b"
    r"|\b(what|which) levels? (am i|do i have|have i)\b|\bwhere (does|do) (he|she|they) stand\b"
    r"|\bwhat (do|does|would|can|have|has) (i|he|she|they|we) (reach|reached|achieve|achieved|meet|qualify for)\b"
    r"|\bwhere does (that|this) (put|leave|get) (me|him|her|them|us)\b"
    r"|\bsay about (her|him|me)\b)"
)

# 「這樣我總共有幾個類型達標？」 "how many of the types do I meet": every type, with the count first
COUNT_MET = re.compile(
    r"((幾|多少)\s*(個|項|種|類)[^，。?？]{0,6}(達標|達到|具備|過了|符合|有過|過關)|總共[^，。?？]{0,6}(幾|多少)\s*(個|項|種)"
    # 「五種能力類型我達到幾項」: the count after what is reached
    r"|(達到|達成|達標|具備|符合|滿足|過)了?\s*(幾|多少)\s*(個|項|種|類)"
    r"|\bhow many (competency )?(types|of (them|the (five|5) types))\b[^?]{0,24}"
    r"\b(met|meet|reach|reached|pass|passed|qualify)\b)"
)

# 「照預設…兩條都要過嗎」 "by default, are both required": the default evidence policy asked about
DEFAULT_ASKED = re.compile(
    r"(預設|原則上|照規定|一般來說|本來就|\bby default\b|\bdefault\b"
    # 「兩邊都要達到，還是有一邊就算？」 "or is either enough": which of the two the rule is, asked
    r"|還是(有|只要|只需)?\s*(一邊|一條|一個|一種|其中一|任一|擇一)"
    r"|\bor (is )?(just )?(either|one of them|one)( route)? enough\b)"
)
# 「工具+程式累計有到 30 嗎」 "tool and programming hours combined": a summed 表5 measure asked for itself
COMBINED_ASKED = re.compile(r"(累計|加起來|合計|加總|總和|[+＋]|\b(combined|together|in total|added up)\b)")
AREA_MEASURE = {"tool": "tool_total", "literacy": "literacy", "programming": "programming"}
AREA_MEASURE |= {"model_training": "model_training", "service_dev": "service_dev"}


def span_line(aim: str, hours: float, pace: Pace, lang: str, rule: str) -> str:
    """The course hours still missing toward `aim`, over the pace the user can study at (「每週 4 小時，幾週？」:
    36 小時 → 9 週; a part period counts as a whole one)."""
    spans = math.ceil(hours / pace.hours)
    if lang == "en":
        unit = PERIOD_EN[pace.period] + ("s" if spans != 1 else "")
        return (
            f"At {pace.hours:g} hours a {PERIOD_EN[pace.period]}: {aim} needs at least {hours:g} more hours of "
            f"courses ({rule}) — about {spans} {unit}."
        )
    return (
        f"以每{PERIOD_ZH_EVERY[pace.period]} {pace.hours:g} 小時計：要達到 {aim} 的參考指標，只靠上課至少還要 "
        f"{hours:g} 小時，約需 {spans} {PERIOD_ZH[pace.period]}（{rule}）。"
    )


@dataclass(frozen=True)
class SituationAnswer:
    text: str
    result: dict[str, Any]
    types: list[str]
    rule_ids: list[str]


# 「證照跟時數兩個都要符合才算」 "if both routes are required": 表5's note lets an organisation require both
BOTH_ROUTES = re.compile(
    r"((證照|認證)[^，。?？]{0,6}(時數|上課)[^，。?？]{0,6}(兩個|兩者|都要|皆需|同時)|兩(個|種)?途徑(都|皆)(要|需)"
    r"|\bboth (routes|paths|requirements)\b"
    r"|\b(certificates?|certs?) and (training )?hours\b[^?.]{0,20}\b(both|required)\b)"
)


# 「表6裡還有哪幾張工具類她可以考」 "which ones could she take": the certificates that close a gap, all of them
CERTS_LISTED = re.compile(
    r"(哪幾張|哪些(證照|認證)?|還剩哪|還有哪|可以選哪|有哪幾|推薦哪一?張"
    r"|\bwhich (ones|certs?|certificates?|certifications?)\b"
    r"|\bwhat are (the|my) options\b|\blist (them|the|all)\b)"
)


class SituationAdvisor:
    def __init__(self, catalog: Catalog, reader: QueryUnderstanding, facts: FactReader | None = None) -> None:
        self.cat = catalog
        self.reader = reader
        self.facts = facts or FactReader(reader)
        self.area_labels = {
            "literacy": "AI 應用素養",
            "programming": "AI 程式語言應用",
            "model_training": "AI 模型訓練",
            "service_dev": "AI 服務開發",
        }
        for item in catalog.rules.tool_items:
            self.area_labels[f"tool.{item}"] = f"工具・{item}"

    def asked_types(self, text: str) -> tuple[list[str], list[str]]:
        """(competency types, talent categories) the message asks about; none named → all five. Only the
        sentences that ask count: 「他沒上過 AI 素養課，他算哪一種人才？」 asks about no single type. A type
        may be named by its hours area (「素養那塊有過嗎？」); a sentence asking about one's standing with
        no type in it (「我現在算到哪個程度？」) asks about all of them."""
        # (「如果我再去考 TQC+ GenAI 輔助資料擷取與分析 Python 呢」: a certificate's name names no type)
        # (「上過AI素養課二十小時」: hours in Chinese numerals state a fact as digits do)
        text = self.certificates_unnamed(chinese_hours_as_digits(text))
        sentences = [c for c in SENTENCE_SPLIT.split(text) if c.strip()]
        # 「…請問程式語言應用過了沒？工具應用又到哪」: in chat the last sentence asks without a question mark
        asking = [
            c
            for i, c in enumerate(sentences)
            if ASKS.search(c) or (i == len(sentences) - 1 and i > 0 and QUESTION_MARKERS.search(c))
        ]
        asking = asking or [c for c in CLAUSE_SPLIT.split(text) if c.strip() and QUESTION_MARKERS.search(c)]
        types: list[str] = []
        talents: list[str] = []
        overall = False
        if not asking:
            # 「幫我看一下阿凱：AI 素養課 18 小時、…」: nothing is asked; a clause stating hours or a certificate
            # names the facts, not what is asked about, so only the clauses without them can narrow the answer
            asking = [
                c
                for c in CLAUSE_SPLIT.split(self.certificates_unnamed(text))
                if not re.search(r"\d", c) or QUESTION_MARKERS.search(c) or "誰" in c
            ]
            # 「ok 那程式語言應用 我copilot課上了10h」: a type set up as the topic (「那…」「至於…」) is asked about
            asking += [w for w in text.split() if TOPIC_SET.match(w) and not re.search(r"\d", w)]
            asking = [c for c in asking if c.strip()] or [""]
        for sentence in asking:
            entities = self.reader.entities(self._facts_blanked(sentence))
            named = [e.key for e in entities if e.kind == "type"]
            for e in entities:
                if e.kind == "item":
                    named += [t.name for t in self.cat.types if any(str(i.number) == e.key for i in t.items)]
            found = [e.key for e in entities if e.kind == "talent"]
            wanted = DESIRED.search(sentence)
            if len(set(found)) > 1 and wanted:
                # 「算是 AI 應用人才了，想轉去做開發，要補什麼」: the talent one wants to reach is asked
                after = [e.key for e in entities if e.kind == "talent" and e.start >= wanted.start()]
                found = after or found
            for talent in found:
                tc = next(t for t in self.cat.talent.categories if t.name == talent)
                named += list(tc.competency_types)
            if not named and not found:
                clauses = [c for c in CLAUSE_SPLIT.split(sentence) if c.strip() and QUESTION_MARKERS.search(c)]
                named = [n for c in clauses if not re.search(r"\d", c) for n in self.facts.types_named(c)]
            if not named and not found:
                named = self._types_by_level_named(sentence)  # 「學員能到進階嗎」: only AI 工具應用 has 進階
            if not named and not found and OVERALL.search(sentence):
                overall = True
            elif named and any(  # 「what level am I at, and what would I need for AI 模型訓練?」: all of them
                OVERALL.search(c) and not any(e.kind in ("type", "item", "talent") for e in self.reader.entities(c))
                for c in CLAUSE_SPLIT.split(sentence)
                if c.strip()
            ):
                overall = True
            types += named
            talents += found
        if overall:
            return [], list(dict.fromkeys(talents))
        if not types and not talents and asking and not TALENT_ASKED.search(text):
            # 「他如果想達到 AI 模型訓練，最快的方式是什麼」: the type is named before the clause that asks (a
            # clause stating hours, 「學員上過 AI 應用素養 18 小時了」, names the facts, not the question)
            # a certificate's name is not a type named (「TQC+人工智慧：機器學習」 holds 機器學習)
            plain = [
                c for c in CLAUSE_SPLIT.split(self.certificates_unnamed(text)) if c.strip() and not re.search(r"\d", c)
            ]
            types = [e.key for c in plain for e in self.reader.entities(c) if e.kind == "type"]
        if not types and not talents and any(THOSE_NAMED.search(c) for c in asking):
            # 「模型訓練二十小時，服務開發十五小時。開發那兩項呢？」: the types the facts just stated name
            types = [e.key for e in self.reader.entities(text) if e.kind == "type"]
            types += [t for t in self.facts.types_named(text) if t not in types]
        return list(dict.fromkeys(types)), list(dict.fromkeys(talents))

    @staticmethod
    def _fact_clauses(sentence: str) -> list[str]:
        """The clauses of an asking sentence that state facts (a number, no question in them) when another
        clause asks: 「有個學員上過 AI 應用素養 11 小時、文書 14 小時，他要到進階還要補幾小時？」 names 素養 as a
        fact, and asks about 進階."""
        clauses = [c for c in CLAUSE_SPLIT.split(sentence) if c.strip()]
        facts = [c for c in clauses if re.search(r"\d", c) and not QUESTION_MARKERS.search(c)]
        # (「程式語言應用的課我上了 5 小時，照時數那塊夠了沒」: one figure stated is what the question is about;
        # a profile of two or more figures is the facts the question is asked over)
        figures = sum(len(re.findall(r"\d+(?:\.\d+)?", c)) for c in facts)
        return facts if len(facts) < len(clauses) and figures >= 2 else []

    def _facts_blanked(self, sentence: str) -> str:
        for clause in self._fact_clauses(sentence):
            sentence = sentence.replace(clause, " " * len(clause))
        return sentence

    def fact_types(self, text: str) -> list[str]:
        """The types named only in the clauses stating facts: what is asked about when nothing else is (neither
        in the question nor in the conversation before)."""
        sentences = [s for s in SENTENCE_SPLIT.split(self.certificates_unnamed(text)) if QUESTION_MARKERS.search(s)]
        clauses = [c for s in sentences for c in self._fact_clauses(s)]
        return list(dict.fromkeys(e.key for c in clauses for e in self.reader.entities(c) if e.kind == "type"))

    def certificates_unnamed(self, text: str) -> str:
        """The text with every certificate's name replaced by 「證照」: a name is not a type named
        (「TQC+人工智慧：機器學習」 holds 機器學習, 「TQC生成式AI應用與技術」 holds AI應用)."""
        text = normalise(text)
        for e in self.reader.entities(text):
            if e.kind != "cert":
                continue
            # (「TQC+ 人工智慧：機器學習」: a name read without its spaces is found with them)
            name = (
                re.escape(e.surface) if e.surface in text else r"\s*".join(map(re.escape, e.surface.replace(" ", "")))
            )
            # (a level written after the name, 「(進階)」, is the certificate's level, not one of 表5's)
            text = re.sub(name + r"\s*([（(]\s*[^）)]{1,6}[）)])?", "證照", text)
        return text

    def _types_by_level_named(self, sentence: str) -> list[str]:
        """The types whose 表5 levels include a level the sentence names, when that level is no other
        type's (「初階」「進階」 are AI 工具應用's alone; every type has 「具備」)."""
        if set(self.reader.detect_intents(sentence)) & {"category_of", "issuer"}:
            return []  # "the beginner-level one, which category is it?": a certificate is asked about
        n = LEVEL_WORDS_EN.sub(
            lambda m: LEVEL_EN[m.group(0).lower()], without_certificates(sentence, self.reader.entities(sentence))
        )
        named = [lv for lv in LEVEL_NAMED if lv in n]
        owners = [r.type for r in self.cat.rules.types if any(x.level in named for x in r.levels)]
        return owners if len(owners) == 1 else []

    def _level_verdicts(self, shown: list[dict[str, Any]], text: str, lang: str) -> list[str]:
        """「這樣能算進階嗎？」: a level the question names, reached or not, said in so many words before
        the detail (the type's line says only where it stands: 「初階」 does not say 「不是進階」)."""
        text = normalise(text)
        text = without_certificates(text, self.reader.entities(text))
        out = []
        # 「他如果要達到 AI 程式語言應用還要補什麼」 when the type is at its top level already: nothing
        top = len(shown) == 1 and shown[0]["level"] == self.top_level(shown[0]["type"])
        if (
            (NEED_ASKED.search(text) or top and WHAT_MORE.search(text))
            and len(shown) == 1
            and shown[0]["level"] != "未達"
        ):
            # 「他已經有 AIATCL，還需要上這 18 小時才算具備嗎？」: what is held already reaches it
            t = shown[0]
            rule = next((r["id"] for r in t["rules"] if r["level"] == t["level"] and r["met"]), "")
            out.append(
                f"No need: {t['type']} is already {t['level']} (rule {rule})."
                if lang == "en"
                else f"不需要，{t['type']} 已達「{t['level']}」（規則 {rule}）。"
            )
        # "Doesn't even the beginner level need that?": English level words name 表5's levels
        named = text + "".join(zh for en, zh in LEVEL_EN_ZH.items() if re.search(rf"\b{en}\b", text))
        for t in shown:
            for lv in t["levels"]:
                if lv["level"] not in LEVEL_NAMED or lv["level"] not in named:
                    continue
                above = self.level_rank(t["type"], t["level"]) > self.level_rank(t["type"], lv["level"])
                if lv["met"] or above:
                    # (a higher level reached includes the one named: 進階 by another rule covers 初階)
                    via = f" (via {t['level']}, which includes it)" if above and not lv["met"] else ""
                    via_zh = f"（已達「{t['level']}」，涵蓋「{lv['level']}」）" if above and not lv["met"] else ""
                    out.append(
                        f"{t['type']}: {lv['level']} reached{via}."
                        if lang == "en"
                        else f"{t['type']} 已達到「{lv['level']}」{via_zh}。"
                    )
                    # ("advanced even though no single tool reaches 18h?": each level has its own rule; the lower
                    # level's condition is not a step to the higher one)
                    rank = self.level_rank(t["type"], lv["level"])
                    own = {r["level"] for r in t["rules"] if r["met"]}  # (a level met by a rule of its own)
                    lower = [
                        x["level"]
                        for x in t["levels"]
                        if self.level_rank(t["type"], x["level"]) < rank and x["level"] not in own
                    ]
                    if lv["met"] and lower:
                        out.append(
                            f"Each level has its own rule in 表5: {lv['level']} does not require meeting {lower[0]}'s "
                            f"conditions first ({lower[0]} by its own rule is not met)."
                            if lang == "en"
                            else f"表5 各級各有判定規則：「{lv['level']}」不必先符合「{lower[0]}」的條件"
                            f"（「{lower[0]}」本身的條件目前未達）。"
                        )
                else:
                    # 「兩張能算進階嗎？」: a can-question gets its no first
                    no = "不能，" if CAN_ASKED.search(text) else ""
                    out.append(
                        f"{t['type']}: {lv['level']} not reached yet (now: {t['level']})."
                        if lang == "en"
                        else f"{no}{t['type']} 尚未達到「{lv['level']}」（目前：{t['level']}）。"
                    )
        return out

    def certificates_alone(self, cert_ids: list[str], text: str, lang: str) -> SituationAnswer:
        """「TQC+ 機器學習可以證明 AI 服務開發的能力嗎？」: what the named certificates give on their own,
        by the same engine (a profile holding only them), for the types the question names: yes or not
        yet first, then the result and what is missing."""
        profile = StatedProfile(certificates=[HeldCertificate(cert_id=c, turn=1) for c in cert_ids])
        result = self._assess(profile)
        types, talents = self.asked_types(text)
        for talent in talents:
            tc = next(t for t in self.cat.talent.categories if t.name == talent)
            types += [t for t in tc.competency_types if t not in types]
        asked = [t for t in result["types"] if t["type"] in types] or result["types"]
        certs = [self.cat.certification(c) for c in cert_ids]
        reached = [t for t in asked if t["level"] != "未達"]
        if talents:  # 「可以直接算開發人才嗎」: the talent category is the answer, not each of its types
            yes = all(t in result["talent_categories"] for t in talents)
        else:
            yes = bool(reached) and (len(reached) == len(asked) or not types)
        named = "、".join(f"「{c.name}」" for c in certs)
        kinds = "、".join(dict.fromkeys(c.category for c in certs))
        if lang == "en":
            got = "; ".join(f"{t['type']} {t['level']}" for t in asked)
            if talents:
                got += f" ({'meets' if yes else 'does not meet'} {' and '.join(talents)})"
            lead = f"{'Yes' if yes else 'Not on its own'}: {named} ({kinds} in 表6) on its own gives {got}."
        else:
            got = "、".join(f"{t['type']} {t['level']}" for t in asked)
            if talents:
                got += f"（{'符合' if yes else '尚不符合'} {'、'.join(talents)} 的能力參考指標）"
            these = "這張" if len(certs) == 1 else "這幾張"
            lead = f"{'可以' if yes else f'單憑{these}還不夠'}。{named}是表6 的{kinds}認證，單憑{these}：{got}。"
        answer = self.answer(
            profile, text, lang, default_types=[t["type"] for t in asked], with_source=False, lead=[lead]
        )
        return SituationAnswer(answer.text, result, answer.types, answer.rule_ids)

    def route_gaps(self, t: dict[str, Any], lang: str) -> list[str]:
        """Every route's gap for one type's result, each line naming its rule (people compared side by side)."""
        return self._gap_lines(t, [{**g, "alternative": True} for g in t["gaps"]], lang)

    def _gap_lines(self, t: dict[str, Any], gaps: list[dict[str, Any]], lang: str, every: bool = False) -> list[str]:
        """What is missing per route, worded for the reader: the engine's Chinese text, or in English from
        the same numbers (each measure's `label_en` in assessment_rules.yaml). `every`: the certificates that
        would close a gap are all named (「表6 還有哪幾張工具類可以考」 asks for them), not the first three."""
        shown = len(self.cat.certifications) if every else 3
        if lang != "en":
            text = gap_lines({**t, "gaps": gaps}, max_suggestions=shown)
            return [f"  ➜ {g}" if not g.startswith("  ") else f"    {g.strip()}" for g in text]
        out = []
        for g in gaps:
            parts = []
            for m in g["missing"]:
                info = self.cat.rules.measures[m["measures"][0]]
                label = " + ".join(self.cat.rules.measures[x].label_en for x in m["measures"])
                n = m["shortfall"]
                if info.unit == "小時":
                    parts.append(f"another {n:g} hours of {label}")
                elif info.unit == "項":
                    parts.append(f"{n:g} more {label} (at least {m['threshold']:g}, now {m['value']:g})")
                else:
                    parts.append(f"{n:g} more {label}")
            route = ROUTE_EN[g["route"]]
            out.append(f"  ➜ For {g['level']} by the {route} ({g['rule']}): {'; '.join(parts)}")
            certs = g["certifications"][:shown]
            if certs:
                more = f" and {len(g['certifications']) - shown} more" if len(g["certifications"]) > shown else ""
                names = ", ".join(f"{c['name']} ({self._issuer_en(c['issuer'])})" for c in certs)
                out.append(f"    e.g. {names}{more}")
        return out

    def _issuer_en(self, issuer: str) -> str:
        """An issuer's English name where the catalog has one (the Chinese name otherwise)."""
        return next((c.issuer_en for c in self.cat.certifications if c.issuer == issuer and c.issuer_en), issuer)

    @staticmethod
    def _summary_en(result: dict[str, Any]) -> str:
        """The engine's summary sentence, in English (the engine words it in Chinese, as 表5 does)."""
        reached = [f"{t['type']} ({t['level']})" for t in result["types"] if t["level"] != "未達"]
        head = f"Reached: {', '.join(reached)}." if reached else "No competency type is met yet."
        cats = result["talent_categories"]
        tail = (
            f" Meets the reference indicators of {' and '.join(cats)}."
            if cats
            else " Neither AI 應用人才 nor AI 開發人才 is met yet."
        )
        return head + tail

    @staticmethod
    def _talent_line(categories: list[str], lang: str) -> str:
        """The talent categories these levels meet, in one line: a result for one type still says whether
        the person counts as AI 應用人才 / AI 開發人才 (「這樣算哪種人才」)."""
        if lang == "en":
            return (
                f"Talent category: meets the reference indicators of {' and '.join(categories)}."
                if categories
                else "Talent category: neither AI 應用人才 nor AI 開發人才 is met yet."
            )
        if categories:
            return f"人才類別：符合 {'、'.join(categories)} 的能力參考指標。"
        return "人才類別：尚未符合 AI 應用人才或 AI 開發人才的能力參考指標。"

    def types_of_areas(self, areas: list[str]) -> list[str]:
        """The competency types stated hours belong to, by 表5's measure of that area (「工具・文書」 →
        the tool measures → AI 工具應用): a statement after a result shows the type it is about too."""
        measures = self.cat.rules.measures
        keys = {"tool_total" if area.startswith("tool.") else area for area in areas}
        names = {measures[key].short for key in keys if key in measures}
        return [t.name for t in self.cat.types if t.name in names]

    def types_counting_areas(self, areas: list[str]) -> list[str]:
        """The types stated hours count toward: their own (types_of_areas), and those whose 表5 condition adds
        those hours to the type's own (AI 模型訓練 hours count in AI 服務開發's 「模型訓練或服務開發 48 小時」)."""
        measures = self.cat.rules.measures
        keys = {"tool_total" if area.startswith("tool.") else area for area in areas}
        found = set(self.types_of_areas(areas))
        for rules in self.cat.rules.types:
            own = {key for key, m in measures.items() if m.short == rules.type}
            for level in rules.levels:
                for rule in level.rules:
                    if any(keys & set(c.measures) and own & set(c.measures) for c in rule.conditions):
                        found.add(rules.type)
        return [t.name for t in self.cat.types if t.name in found]

    def changed_types(self, before: StatedProfile, after: StatedProfile) -> list[str]:
        """The types whose level a supposition changes (「如果我再多上 6 小時素養課呢？」 reaches AI 應用素養):
        a what-if answer reports them beside the types the conversation was about."""
        old = {t["type"]: t["level"] for t in self._assess(before)["types"]}
        return [t["type"] for t in self._assess(after)["types"] if old.get(t["type"]) != t["level"]]

    def result_of(self, profile: StatedProfile) -> dict[str, Any]:
        """The engine's result for stated facts (levels, talent categories), as `advisor assess` gives it."""
        return self._assess(profile)

    def _assess(self, profile: StatedProfile) -> dict[str, Any]:
        return assess(parse_profile(profile.profile_json(), self.cat), self.cat)

    def _target_lines(self, t: dict[str, Any], text: str, lang: str) -> list[str]:
        """A level named in the question beyond the next one (「想讓 AI 工具應用達到進階」): its 表5 routes."""
        rules = next(r for r in self.cat.rules.types if r.type == t["type"])
        text = normalise(text)  # 「进阶」 names 進階
        gap_levels = {g["level"] for g in t["gaps"]}
        out = []
        for lv in rules.levels:
            met = next((x["met"] for x in t["levels"] if x["level"] == lv.level), False)
            beyond = [{**g, "alternative": True} for g in t.get("gaps_beyond", []) if g["level"] == lv.level]
            if lv.level in text and lv.level not in gap_levels and not met and beyond:
                out += self._gap_lines(t, beyond, lang)  # what is missing for it, in numbers
                out += self._hours_total(beyond, lang)
            elif lv.level in text and lv.level not in gap_levels and not met:
                routes = "；或 ".join(r.text for r in lv.rules)
                out.append(
                    f"  ➜ To reach {lv.level} (表5): {routes}"
                    if lang == "en"
                    else f"  ➜ 要達到「{lv.level}」（表5）：{routes}"
                )
        return out

    def _filled_lines(
        self, profile: StatedProfile, t: dict[str, Any], gaps: list[dict[str, Any]], lang: str
    ) -> list[str]:
        """「補完會到哪一級？」: when the hours one route lacks also complete a higher level (工具 35 小時 but
        no 素養: 18 hours of 素養 give 進階, not only 初階), the engine says so over the filled profile."""
        order = [lv.level for r in self.cat.rules.types if r.type == t["type"] for lv in r.levels]
        for g in gaps:
            simple = all(len(m["measures"]) == 1 and m["measures"][0] in FILLABLE for m in g["missing"])
            if g["route"] != "training" or not simple or not g["missing"]:
                continue
            data = profile.profile_json()
            for m in g["missing"]:
                area = m["measures"][0]
                data["hours"][area] = data["hours"].get(area, 0) + m["shortfall"]
            after = assess(parse_profile(data, self.cat), self.cat)
            level = next(x["level"] for x in after["types"] if x["type"] == t["type"])
            if level in order and g["level"] in order and order.index(level) > order.index(g["level"]):
                added = "、".join(
                    f"{self.cat.rules.measures[m['measures'][0]].short} {m['shortfall']:g} 小時" for m in g["missing"]
                )
                if lang == "en":
                    return [f"    With those hours added, {t['type']} reaches {level} at once (not only {g['level']})."]
                return [f"    補上{added}後，{t['type']}即達「{level}」（不只「{g['level']}」）。"]
        return []

    def _beyond_lines(self, t: dict[str, Any], text: str, lang: str, route: str | None) -> list[str]:
        """A type not reached at all that has a level after the next (AI 工具應用: 初階, then 進階): what
        that level needs too, in numbers and without suggestions, so 「我工具應用是哪一級？」 shows the whole
        way. Left out when the question names a level (`_target_lines` answers it) or many types are shown."""
        # a level beyond the next one named in the question is answered by `_target_lines`; naming the next
        # one (「我以為我至少有初階」) still shows the whole way
        levels = [lv.level for r in self.cat.rules.types if r.type == t["type"] for lv in r.levels]
        named = any(level in normalise(text) for level in levels[1:])
        if t["level"] != "未達" or named:
            return []
        beyond = [
            {**g, "alternative": True, "certifications": []}
            for g in t.get("gaps_beyond", [])
            if route is None or g["route"] == route
        ]
        return [line for line in self._gap_lines(t, beyond, lang) if line.startswith("  ➜")]

    def now_and_supposed(
        self,
        profile: StatedProfile,
        supposed: StatedProfile,
        text: str,
        lang: str,
        route: str | None = None,
        default_types: list[str] | None = None,
        with_source: bool = True,
    ) -> SituationAnswer:
        """「Canva 上了 20 小時…現在算哪一級？如果我補 18 小時素養課呢？」: the result on the facts as they
        are, then on the supposition (marked as not saved), the same types in both."""
        now = self.answer(profile, text, lang, default_types=default_types, with_source=False, route=route)
        then = self.answer(
            supposed, text, lang, hypothetical=True, default_types=now.types, with_source=with_source, route=route
        )
        return SituationAnswer(f"{now.text}\n\n{then.text}", now.result, now.types, now.rule_ids + then.rule_ids)

    def target_level(self, t: dict[str, Any], text: str) -> str | None:
        """The level a question aims at for one type: one it names beyond the one reached, else the next."""
        levels = [lv.level for r in self.cat.rules.types if r.type == t["type"] for lv in r.levels]
        rank = self.level_rank(t["type"], t["level"])
        n = normalise(text)
        named = [lv for lv in levels if lv in n or any(LEVEL_EN[w.lower()] == lv for w in LEVEL_WORDS_EN.findall(n))]
        beyond = [lv for lv in named if levels.index(lv) + 1 > rank]
        if beyond:
            return beyond[0]
        return levels[rank] if rank < len(levels) else None

    def area_label(self, area: str) -> str:
        """An hours area as the echo names it (「工具・文書」「AI 模型訓練」)."""
        return self.area_labels.get(area, area)

    def certificate_route_line(self, type_name: str, text: str, lang: str) -> str:
        """What 表5's certificate route takes for the level of `type_name` the text names (else its first level):
        「AI 工具應用「初階」的證照途徑：初階：工具類1張」."""
        rules = next((r for r in self.cat.rules.types if r.type == type_name), None)
        if rules is None:
            return ""
        n = normalise(text)
        named = [lv for lv in rules.levels if lv.level in n] or rules.levels[:1]
        wanted = [r for r in named[0].rules if r.route == "certificate"]
        if not wanted:
            return ""
        if lang == "en":
            return (
                f"{type_name} {named[0].level} by certificates (表5): " + "; or ".join(r.text_en for r in wanted) + "."
            )
        return f"{type_name}「{named[0].level}」的證照途徑（表5）：" + "；或 ".join(r.text for r in wanted) + "。"

    def hours_to(
        self, profile: StatedProfile, type_name: str, level: str, area: str | None
    ) -> tuple[float, list[tuple[str, float]]] | None:
        """The fewest course hours that take `type_name` to `level`, and what else is needed beside them.
        With no `area`: the cheapest training-route gap's hours in all. With one (「每週上 5 小時的影像課」):
        the other conditions that area cannot serve are filled first and returned as (what, hours); the
        engine then decides how many hours in that area are enough, half an hour at a time. None when the
        training route cannot be reached that way."""
        t = next(x for x in self.result_of(profile)["types"] if x["type"] == type_name)
        gaps = [g for g in [*t["gaps"], *t.get("gaps_beyond", [])] if g["level"] == level and g["route"] == "training"]
        if not gaps:
            return None
        if area is None:
            return min(sum(m["shortfall"] for m in g["missing"] if m["unit"] == "小時") for g in gaps), []
        serves = TOOL_MEASURES if area.startswith("tool.") else {area}
        data = profile.profile_json()
        extras: list[tuple[str, float]] = []
        for m in gaps[0]["missing"]:
            if serves & set(m["measures"]):
                continue
            fill = next((x for x in m["measures"] if x in FILLABLE), None)
            if fill is None and m["unit"] == "小時" and set(m["measures"]) <= {"tool_total", "tool_max_item"}:
                # (「每週上 2 小時程式課」 while AI 工具應用 hours are short too: those tool hours go to the tool
                # item already taken most, as a course would)
                tools = data["hours"]["tool"]
                item = max(tools, key=lambda k: tools[k]) if tools else "文書"
                tools[item] = tools.get(item, 0) + m["shortfall"]
                extras.append((m["what"].replace(" 受訓時數", "").replace(" 累計受訓時數", ""), m["shortfall"]))
                continue
            if fill is None or m["unit"] != "小時":
                return None
            data["hours"][fill] = data["hours"].get(fill, 0) + m["shortfall"]
            extras.append((m["what"].replace(" 受訓時數", "").replace(" 累計受訓時數", ""), m["shortfall"]))
        target = self.level_rank(type_name, level)

        def reaches(extra: float) -> bool:
            trial = {**data, "hours": {**data["hours"], "tool": dict(data["hours"]["tool"])}}
            if area.startswith("tool."):
                item = area.removeprefix("tool.")
                trial["hours"]["tool"][item] = trial["hours"]["tool"].get(item, 0) + extra
            else:
                trial["hours"][area] = trial["hours"].get(area, 0) + extra
            result = assess(parse_profile(trial, self.cat), self.cat)
            reached = next(x["level"] for x in result["types"] if x["type"] == type_name)
            return self.level_rank(type_name, reached) >= target

        low, high = 0, 2 * HOURS_SEARCHED  # in half hours: adding hours never lowers a level
        if not reaches(high / 2):
            return None
        while high - low > 1:
            mid = (low + high) // 2
            low, high = (low, mid) if reaches(mid / 2) else (mid, high)
        return high / 2, extras

    def hours_to_talent(self, profile: StatedProfile, talent: str) -> float | None:
        """The fewest more course hours that meet a talent category's 表5 summary rule from these facts:
        one training rule per required level (any one level for a category that needs one), an area's
        shortfall counted once where several rules ask for it (its largest). None when already met or a
        rule asks for something hours cannot give."""
        result = self.result_of(profile)
        if talent in result["talent_categories"]:
            return None
        summary = next((r for r in self.cat.rules.talent_categories if r.category == talent), None)
        if summary is None:
            return None
        options = []
        for type_name, level in summary.requires.items():
            t = next(x for x in result["types"] if x["type"] == type_name)
            if self.level_rank(type_name, t["level"]) >= self.level_rank(type_name, level):
                # (a tool certificate held already gives AI 工具應用 初階: nothing more to take for it)
                options.append([{}])
                continue
            rules = [r for r in t["rules"] if r["level"] == level and r["route"] == "training"]
            options.append(
                [
                    {tuple(c["measures"]): (c["threshold"], c["value"], c["unit"]) for c in r["conditions"]}
                    for r in rules
                ]
            )
        combos = itertools.product(*options) if summary.mode == "all" else ([o] for opts in options for o in opts)
        best = None
        for combo in combos:
            needs: dict[tuple, tuple[float, float, str]] = {}
            for rule_needs in combo:
                for measure, (threshold, value, unit) in rule_needs.items():
                    if measure not in needs or threshold > needs[measure][0]:
                        needs[measure] = (threshold, value, unit)
            total = sum(max(0.0, th - v) for th, v, unit in needs.values() if unit == "小時")
            best = total if best is None or total < best else best
        return best

    def _talent_pace_line(self, profile: StatedProfile, talent: str, pace: Pace, lang: str) -> str:
        """「每週上 4 小時，多久能達到 AI 應用人才」: the fewest hours to the category, over the pace."""
        hours = self.hours_to_talent(profile, talent)
        return (
            span_line(talent, hours, pace, lang, "表5 summary rule" if lang == "en" else "表5 人才類別判定")
            if hours
            else ""
        )

    def _hours_line(self, profile: StatedProfile, t: dict[str, Any], text: str, lang: str) -> str:
        """「要多久才能到進階？」 without a pace: the course hours still missing; the time is the user's pace."""
        level = self.target_level(t, text)
        found = self.hours_to(profile, t["type"], level, None) if level else None
        if found is None:
            return ""
        hours = found[0]
        if lang == "en":
            return (
                f"{t['type']} needs {hours:g} more hours of courses for {level} on the training route; how long "
                "that takes depends on your pace — tell me how many hours a week you can study and I will work it out."
            )
        return (
            f"{t['type']} 要到「{level}」，受訓時數途徑還要上 {hours:g} 小時的課；需要多久取決於每週能上幾小時"
            "（告訴我每週可上幾小時，我幫您換算）。"
        )

    def _budget_line(self, profile: StatedProfile, t: dict[str, Any], budget: float, text: str, lang: str) -> str:
        """「以 26 小時預算：AI 工具應用 要到「進階」還要上 11 小時的課，預算足夠（剩 15 小時）」: the fewest
        course hours to the level aimed at (in the one area named, if any), weighed against the budget."""
        level = self.target_level(t, text)
        if level is None:
            return ""
        named = [area for _, area in self.facts.areas_in(normalise(text)) if area != "tool"]
        found = self.hours_to(profile, t["type"], level, named[0] if len(set(named)) == 1 else None)
        if found is None:
            return ""
        hours, extras = found
        need = hours + sum(h for _, h in extras)
        left = budget - need
        if lang == "en":
            verdict = f"enough, {left:g} hours left" if left >= 0 else f"not enough, {-left:g} hours short"
            return (
                f"With a budget of {budget:g} course hours: {t['type']} needs {need:g} more hours for {level} — "
                f"{verdict}."
            )
        verdict = f"預算足夠，還剩 {left:g} 小時" if left >= 0 else f"預算不足，還差 {-left:g} 小時"
        return f"以 {budget:g} 小時的課程預算計：{t['type']} 要到「{level}」還要上 {need:g} 小時的課，{verdict}。"

    def _deadline_line(
        self, profile: StatedProfile, talent: str | None, t: dict[str, Any] | None, weeks: float, text: str, lang: str
    ) -> str:
        """「兩個月內…每週要上幾小時」: the fewest course hours to the aim, divided over the weeks given."""
        if talent is not None:
            hours, aim = self.hours_to_talent(profile, talent), talent
        else:
            level = self.target_level(t, text) if t is not None else None
            found = self.hours_to(profile, t["type"], level, None) if t is not None and level else None
            hours = found[0] + sum(h for _, h in found[1]) if found else None
            aim = f"{t['type']} 「{level}」" if t is not None else ""
        if not hours:
            return ""
        weekly = hours / weeks
        rounded = math.ceil(weekly * 2) / 2  # (to the half hour above: 2.75 → 3)
        if lang == "en":
            return (
                f"Within {weeks:g} weeks: {aim} needs {hours:g} more hours of courses — about "
                f"{round(weekly, 2):g} hours a week ({hours:g} ÷ {weeks:g}), so plan on {rounded:g} hours a week."
            )
        return (
            f"在 {weeks:g} 週內（一個月以 4 週計）：{aim} 還要上 {hours:g} 小時的課，每週約需 {round(weekly, 2):g} 小時"
            f"（{hours:g} ÷ {weeks:g}），建議每週排 {rounded:g} 小時。"
        )

    def _talent_hours_line(self, profile: StatedProfile, talent: str, lang: str) -> str:
        """The fewest more course hours that meet a talent category's 表5 summary rule from these facts."""
        hours = self.hours_to_talent(profile, talent)
        if not hours:
            return ""
        if lang == "en":
            return f"By courses alone, {talent} needs at least {hours:g} more hours (表5 summary rule)."
        return f"只靠上課，要達到 {talent} 至少還要 {hours:g} 小時（表5 人才類別判定）。"

    def _all_types_line(self, profile: StatedProfile, pace: Pace | None, lang: str) -> str:
        """The fewest more course hours that take every type to its highest 表5 level at once (the planner's
        training-only way; hours of one area count for every rule that sums them), over the pace if one is said."""
        aims = tuple(Requirement(t.type, t.levels[-1].level) for t in self.cat.rules.types)
        found = plan(parse_profile(profile.profile_json(), self.cat), (aims,), self.cat)
        if found.requirements_met:
            return ""
        by_courses = [o for o in found.options if o.certificates == 0]
        if not by_courses:
            return ""
        hours = min(o.hours for o in by_courses)
        tops = "、".join(f"{t.type} {t.levels[-1].level}" for t in self.cat.rules.types if len(t.levels) > 1)
        if lang == "en":
            line = f"Every competency type reached ({tops} included), by courses alone: {hours:g} more hours (表5)."
            if pace is not None:
                spans = math.ceil(hours / pace.hours - 1e-9)
                unit = PERIOD_EN[pace.period] + ("s" if spans != 1 else "")
                line += f" At {pace.hours:g} hours a {PERIOD_EN[pace.period]}: about {spans} {unit}."
            return line
        line = f"全部 {len(self.cat.rules.types)} 種能力類型都達到（含 {tops}），只靠上課還要 {hours:g} 小時（表5）。"
        if pace is not None:
            spans = math.ceil(hours / pace.hours - 1e-9)
            line += (
                f"以每{PERIOD_ZH_EVERY[pace.period]} {pace.hours:g} 小時計，約需 {spans} {PERIOD_ZH[pace.period]}"
                f"（{hours:g} ÷ {pace.hours:g}）。"
            )
        return line

    def _pace_line(self, profile: StatedProfile, t: dict[str, Any], pace: Pace, text: str, lang: str) -> str:
        """「每週上 5 小時的影像課，要幾週？」: the hours still missing for the level aimed at, over the pace."""
        level = self.target_level(t, text)
        if level is None:
            return ""
        found = self.hours_to(profile, t["type"], level, pace.area)
        label = self.area_labels.get(pace.area or "", "")
        if found is None:
            if lang == "en":
                return f"{t['type']} cannot reach {level} by courses alone; see what the 表5 routes need below."
            return f"只靠上課時數無法讓 {t['type']} 達到「{level}」；表5 各途徑還需要的項目見下方。"
        hours, extras = found
        spans = math.ceil(hours / pace.hours) if hours else 0
        stages = self._stages(profile, t, level, hours, pace, lang)
        # (with the other hours too, at the same pace: 「另外還要補…」 is time as well)
        everything = hours + sum(h for _, h in extras)
        all_spans = math.ceil(everything / pace.hours) if extras else 0
        if lang == "en":
            unit = PERIOD_EN[pace.period] + ("s" if spans != 1 else "")
            of = f" of {label}" if label else ""
            besides = "; besides, " + ", ".join(f"{what} {h:g} more hours" for what, h in extras) if extras else ""
            if extras:
                besides += f" ({everything:g} hours in all at this pace: about {all_spans} {PERIOD_EN[pace.period]}s)"
            return (
                f"At {pace.hours:g} hours a {PERIOD_EN[pace.period]}: {t['type']} needs {hours:g} more hours{of} "
                f"for {level} — about {spans} {unit}{besides}.{stages}"
            )
        of = f"（{label}）" if label else ""
        besides = "；另外還要補 " + "、".join(f"{what} {h:g} 小時" for what, h in extras) if extras else ""
        if extras:
            besides += f"（全部以同樣進度上，共 {everything:g} 小時，約需 {all_spans} {PERIOD_ZH[pace.period]}）"
        return (
            f"以每{PERIOD_ZH_EVERY[pace.period]} {pace.hours:g} 小時計："
            f"{t['type']} 要到「{level}」還要上 {hours:g} 小時的課{of}，"
            f"約需 {spans} {PERIOD_ZH[pace.period]}{besides}。{stages}"
        )

    def _stages(
        self, profile: StatedProfile, t: dict[str, Any], level: str, hours: float, pace: Pace, lang: str
    ) -> str:
        """「先到初階，之後再衝進階要多久」: when a higher level is aimed at while the level below it is not reached
        yet, the hours (and time) of each stage — the lower level first, then the rest (the fewest hours of each)."""
        levels = [lv.level for r in self.cat.rules.types if r.type == t["type"] for lv in r.levels]
        at = levels.index(level) if level in levels else 0
        if at == 0 or self.level_rank(t["type"], t["level"]) >= at:
            return ""
        lower = self.hours_to(profile, t["type"], levels[at - 1], None)
        if lower is None or not 0 < lower[0] < hours:
            return ""
        first, rest = lower[0], hours - lower[0]
        weeks = [math.ceil(first / pace.hours), math.ceil(rest / pace.hours)]
        if lang == "en":
            unit = PERIOD_EN[pace.period]
            return (
                f" In stages: {first:g} hours to {levels[at - 1]} (about {weeks[0]} {unit}s), then {rest:g} more "
                f"hours to {level} (about {weeks[1]} {unit}s)."
            )
        unit = PERIOD_ZH[pace.period]
        return (
            f"分段來看：先上 {first:g} 小時到「{levels[at - 1]}」（約 {weeks[0]} {unit}），"
            f"之後再上 {rest:g} 小時到「{level}」（約 {weeks[1]} {unit}）。"
        )

    @staticmethod
    def _one_route(profile: StatedProfile, route: str) -> dict[str, Any]:
        """The profile with only the facts `route` counts: certificates, or course hours."""
        data = profile.profile_json()
        if route == "training":
            return {**data, "certifications": [], "self_declared": []}
        return {**data, "hours": {"tool": {}}}

    @staticmethod
    def _hours_total(gaps: list[dict[str, Any]], lang: str) -> list[str]:
        """「合計還要上 N 小時」: the hours a training-route gap lacks in all, when it lacks several."""
        out = []
        for g in gaps:
            hours = [m["shortfall"] for m in g["missing"] if m["unit"] == "小時"]
            if g["route"] == "training" and len(hours) > 1:
                terms = "＋".join(f"{h:g}" for h in hours)
                if lang == "en":
                    out.append(f"    In all: {sum(hours):g} more hours of courses ({terms}) for {g['level']}")
                else:
                    out.append(f"    合計還要上 {sum(hours):g} 小時的課（{terms}）才達到「{g['level']}」")
        return out

    def _talent_needs(self, categories: list[str], result: dict[str, Any], lang: str) -> str:
        """「（還需 AI 工具應用 初階）」 "(needs AI 工具應用 初階)": what a talent category still requires, when it
        requires every one of its types (表5 summary rule); empty for a category met by any one of them."""
        levels = {t["type"]: t["level"] for t in result["types"]}
        parts = []
        for rule in self.cat.rules.talent_categories:
            if rule.category not in categories or rule.mode != "all":
                continue
            for t, lv in rule.requires.items():
                if self.level_rank(t, levels.get(t, "未達")) < self.level_rank(t, lv):
                    parts.append(f"{t} {lv}")
        if not parts:
            return ""
        return f" (needs {', '.join(parts)})" if lang == "en" else f"（還需 {'、'.join(parts)}）"

    def standing(self, profile: StatedProfile, lang: str) -> str:
        """The levels these facts reach, in one line (「目前：AI 應用素養 具備；其餘尚未達到」)."""
        result = assess(parse_profile(profile.profile_json(), self.cat), self.cat)
        reached = [(t["type"], t["level"]) for t in result["types"] if t["level"] != "未達"]
        # the types not met, by name (「尚未達到：AI 應用素養…」: what a comparison of people turns on)
        rest = [t["type"] for t in result["types"] if t["level"] == "未達"]
        cats = result["talent_categories"]  # and the talent categories those levels meet
        if lang == "en":
            got = "; ".join(f"{name} {level}" for name, level in reached)
            more = f"; not met yet: {', '.join(rest)}" if rest else ""
            meets = f" Meets the reference indicators of {' and '.join(cats)}." if cats else ""
            return f"So far: {got}{more}.{meets}" if got else "So far no competency type is met."
        got = "、".join(f"{name} {level}" for name, level in reached)
        more = f"；尚未達到：{'、'.join(rest)}" if rest else ""
        meets = f"符合 {'、'.join(cats)} 的能力參考指標。" if cats else ""
        text = f"目前：{got}{more}。{meets}" if got else "目前尚未達到任何能力類型的參考指標。"
        return to_simplified(text) if lang == "zh-CN" else text

    def nearest_in_a_clause(self, profile: StatedProfile, lang: str) -> str:
        """「最接近的是 AI 程式語言應用「具備」，再上 2 小時的課即可。」: the next level fewest course hours away,
        in one clause (a summary to report in a sentence); empty when none is reachable by hours."""
        result = assess(parse_profile(profile.profile_json(), self.cat), self.cat)
        best: tuple[float, str, str] | None = None
        for t in result["types"]:
            next_rank = self.level_rank(t["type"], t["level"]) + 1
            training = [
                g for g in t["gaps"] if g["route"] == "training" and self.level_rank(t["type"], g["level"]) == next_rank
            ]
            if not training:
                continue
            hours = min(sum(m["shortfall"] for m in g["missing"] if m["unit"] == "小時") for g in training)
            if hours and (best is None or hours < best[0]):
                best = (hours, t["type"], training[0]["level"])
        if best is None:
            return ""
        hours, name, level = best
        if lang == "en":
            return f" Closest next: {name} {level}, {hours:g} more hours of courses."
        text = f"最接近的是 {name}「{level}」，再上 {hours:g} 小時的課即可。"
        return to_simplified(text) if lang == "zh-CN" else text

    def nearest_steps(self, profile: StatedProfile, lang: str, limit: int = 2, among: list[str] | None = None) -> str:
        """The next levels fewest course hours away (「最近的下一步：AI 工具應用「初階」：單一工具項目受訓時數
        尚缺 6 小時；或 尚缺 工具類證照 1 張」): facts stated without a question still get where to go next.
        Empty when every type is at its highest level or nothing is reachable by hours."""
        result = assess(parse_profile(profile.profile_json(), self.cat), self.cat)
        steps = []
        for t in result["types"]:
            if among and t["type"] not in among:
                continue  # (only the types asked to choose from)
            next_rank = self.level_rank(t["type"], t["level"]) + 1
            gaps = [g for g in t["gaps"] if self.level_rank(t["type"], g["level"]) == next_rank]
            training = [g for g in gaps if g["route"] == "training"]
            if not training:
                continue
            hours = min(sum(m["shortfall"] for m in g["missing"] if m["unit"] == "小時") for g in training)
            steps.append((hours, self.level_rank(t["type"], t["level"]), t, gaps))
        steps.sort(key=lambda x: (x[0], x[1]))
        chosen = steps[:limit]
        # (「模型訓練 54 小時」 with little else: the type the most hours were put into is where they were headed,
        # so its next step is shown too, even when others are fewer hours away)
        most = max(profile.hours.items(), key=lambda kv: kv[1].hours, default=None)
        if most is not None:
            headed = self.types_counting_areas([most[0]])  # (模型訓練 hours count toward 服務開發 too)
            extra = [x for x in steps[limit:] if x[2]["type"] in headed][:2]
            chosen += extra
        lines = []
        for _, _, t, gaps in chosen:
            level = gaps[0]["level"]
            if lang == "en":
                parts = [g.strip().removeprefix("➜ ") for g in self._gap_lines(t, gaps, "en") if "➜" in g]
                lines.append(f"• {t['type']} {level}: " + " — or — ".join(p.split(": ", 1)[-1] for p in parts))
            else:
                routes = ["；".join(m["text"] for m in g["missing"]) for g in gaps]
                lines.append(f"• {t['type']}「{level}」：" + "；或 ".join(routes))
        if not lines:
            return ""
        head = "Nearest next steps:" if lang == "en" else "最近的下一步："
        text = "\n".join([head, *lines])
        return to_simplified(text) if lang == "zh-CN" else text

    def level_of(self, profile: StatedProfile, type_name: str) -> str:
        """The level the stated facts reach on one type (「未達」 when none)."""
        result = self.result_of(profile)
        return next((t["level"] for t in result["types"] if t["type"] == type_name), "未達")

    def _top(self, type_name: str) -> int:
        """The rank of a type's highest level (進階 for AI 工具應用, 具備 for the others)."""
        return len([lv for r in self.cat.rules.types if r.type == type_name for lv in r.levels])

    def _one_area_line(self, profile: StatedProfile, shown: list[dict[str, Any]], text: str, lang: str) -> str:
        """「如果我只上模型訓練的課，最少幾小時能讓這兩個都達標」: the fewest more hours of that one area with
        which every type shown reaches its first level, found by the engine itself (hour by hour)."""
        m = ONE_AREA.search(normalise(text))
        if m is None:
            return ""
        named = self.facts.areas_named(m.group(0))
        short = [t["type"] for t in shown if t["level"] == "未達"]
        if len(named) != 1 or not short:
            return ""
        area = named[0][1]
        now = profile.hours[area].hours if area in profile.hours else 0.0
        for more in range(1, MAX_ONE_AREA_HOURS + 1):
            hours = dict(profile.hours)
            hours[area] = StatedHours(hours=now + more, turn=0)
            result = self._assess(profile.model_copy(update={"hours": hours}))
            if all(t["level"] != "未達" for t in result["types"] if t["type"] in short):
                label = self.cat.rules.measures[area].short if area in self.cat.rules.measures else named[0][0]
                if lang == "en":
                    return (
                        f"Only {label}: at least {more} more hours ({now:g} → {now + more:g} h) and "
                        f"{', '.join(short)} are all met."
                    )
                types = "、".join(short)
                return f"只上{label}的課：最少再上 {more} 小時（{now:g} → {now + more:g} 小時），{types} 就都達標。"
        return ""

    def top_level(self, type_name: str) -> str:
        """The highest level 表5 sets for a type (進階 for AI 工具應用, 具備 for the others)."""
        levels = [lv.level for r in self.cat.rules.types if r.type == type_name for lv in r.levels]
        return levels[-1] if levels else ""

    def level_rank(self, type_name: str, level: str) -> int:
        """A level's place among its type's levels (「未達」 lowest), for setting people against each other."""
        levels = [lv.level for r in self.cat.rules.types if r.type == type_name for lv in r.levels]
        return levels.index(level) + 1 if level in levels else 0

    def _nearest_talent_missing(self, judged: dict[str, Any]) -> list[str]:
        """The types whose required level is not reached, for the talent category (表5 summary rule) that
        needs the fewest more levels: AI 應用人才 needs both of its levels, AI 開發人才 either of its."""
        reached = {t["type"]: t["level"] for t in judged["types"]}

        def has(type_name: str, level: str) -> bool:
            levels = [lv.level for r in self.cat.rules.types if r.type == type_name for lv in r.levels]
            got = reached.get(type_name, "未達")
            return got in levels and levels.index(got) >= levels.index(level)

        best: tuple[int, list[str]] | None = None
        for summary in self.cat.rules.talent_categories:
            missing = [t for t, lv in summary.requires.items() if not has(t, lv)]
            need = len(missing) if summary.mode == "all" else min(1, len(missing))
            if best is None or need < best[0]:
                best = (need, missing)
        return best[1] if best else []

    def total_hours(self, profile: StatedProfile, lang: str, hypothetical: bool = False, asked: str = "") -> str:
        """「整套課總共幾小時？」: the stated course hours added up, each area's share shown."""
        # the sentence asking the total (「那我素養一共算幾小時？工具那邊最快補什麼？」 asks it of 素養 only)
        sentences = [c for c in SENTENCE_SPLIT.split(normalise(asked)) if c.strip()]
        asking = next((c for c in sentences if TOTAL_ASKED.search(c)), normalise(asked))
        # (「回到文書拉到 18h 那個版本，整個課程總共幾小時」: the clause asking it, and 「整個」 is every area)
        asking = next((c for c in re.split(r"[，,；;]", asking) if TOTAL_ASKED.search(c)), asking)
        whole = bool(re.search(r"(整個|整套|全部|所有|\bwhole\b|\bentire\b)", asking))
        named = set() if whole else {area for _, area, _ in self.facts.areas_named(asking)}
        pace = self.facts.pace(asked) if asked else None
        tools_only = named == {"tool"} or not named and bool(re.search(r"(工具|\btools?\b)", asking))

        def counted(area: str) -> bool:  # 「工具課總共幾小時」: 表5's tool sum; 「素養總共」: that area alone
            if tools_only:
                return area.startswith("tool.")
            return not named or area in named or area.split(".")[0] in named

        parts = [(self.area_labels[a], h.hours) for a, h in profile.hours.items() if counted(a)]
        total = sum(h for _, h in parts)
        terms = "＋".join(f"{name} {h:g}" for name, h in parts)
        # 「我現在總共有幾張證照、AI 課總共上了幾小時？」: the certificates counted too
        certs_asked = re.search(r"(幾|多少)\s*張|\bhow many (certs?|certificates?|certifications?)\b", normalise(asked))
        held = [self.cat.certification(c.cert_id).name for c in profile.certificates]
        n_held = len(held) + sum(u.count for u in profile.unnamed)
        if lang == "en":
            head = "(hypothetical, not saved) " if hypothetical else ""
            head += f"{n_held} certificate(s){' (' + '; '.join(held) + ')' if held else ''}; " if certs_asked else ""
            text = f"{head}{total:g} hours of courses in all" + (f": {terms}." if parts else ".")
            if pace is not None and total:
                spans = math.ceil(total / pace.hours)
                text += f" At {pace.hours:g} hours a {PERIOD_EN[pace.period]}: about {spans} {PERIOD_EN[pace.period]}s."
        else:
            head = "（假設情況試算，未記錄）" if hypothetical else ""
            head += f"證照共 {n_held} 張{'（' + '、'.join(held) + '）' if held else ''}；" if certs_asked else ""
            what = (
                "工具課"
                if tools_only
                else "、".join(self.area_labels[a] for a in sorted(named) if a in self.area_labels)
                if named
                else "受訓時數"
            )
            text = f"{head}{what}總共 {total:g} 小時" + (f"：{terms}。" if parts else "。")
            if pace is not None and total:
                # 「整門課總共幾小時？一週只上三小時要上幾週？」: all of it at that pace (a part period counts whole)
                spans = math.ceil(total / pace.hours)
                every = PERIOD_ZH_EVERY[pace.period]
                text += f"以每{every} {pace.hours:g} 小時計，全部上完約需 {spans} {PERIOD_ZH[pace.period]}。"
        return to_simplified(text) if lang == "zh-CN" else text

    def echo(self, profile: StatedProfile, lang: str) -> str:
        """「依您提供的：…」: every fact the result used, so the user can correct it."""
        certs = [self.cat.certification(c.cert_id) for c in profile.certificates]
        parts_zh = [f"{c.name}（{c.category}）" for c in certs]
        parts_zh += [f"未具名的{u.category}證照 {u.count} 張" for u in profile.unnamed]
        hours_zh = [f"{self.area_labels[a]} {h.hours:g} 小時" for a, h in profile.hours.items()]
        if lang == "en":
            held = "; ".join(
                [f"{c.name} ({c.category})" for c in certs]
                + [f"{u.count} unnamed {u.category}" for u in profile.unnamed]
            )
            hours = ", ".join(f"{self.area_labels[a]} {h.hours:g} h" for a, h in profile.hours.items())
            return (
                f"Based on what you told me — certificates: {held or 'none'}; training: {hours or 'none'} "
                "(areas not mentioned count as 0)."
            )
        held = "、".join(parts_zh) or "沒有"
        counts: dict[str, int] = {}
        for c in certs:
            counts[c.category] = counts.get(c.category, 0) + 1
        for u in profile.unnamed:
            counts[u.category] = counts.get(u.category, 0) + u.count
        if sum(counts.values()) > 1:  # 「我手上有幾張工具類？」: the count per category, in the guideline's order
            order = [cc.name for cc in self.cat.cert_categories.categories]
            split = "、".join(f"{k} {counts[k]} 張" for k in sorted(counts, key=order.index))
            held += f"（共 {sum(counts.values())} 張：{split}）"
        hours = "、".join(hours_zh) or "無"
        tools = [h.hours for a, h in profile.hours.items() if a.startswith("tool.")]
        if len(tools) > 1:  # 「工具課總共加起來幾小時？」: the sum 表5's 進階 counts
            hours += f"（工具合計 {sum(tools):g} 小時）"
        note = "；其餘項目以 0 計" if len(profile.hours) < len(self.area_labels) else ""
        unspecified = any(h.unspecified_tool for h in profile.hours.values())
        tool_note = (
            "。未說明哪一種工具的「AI 工具應用」時數暫計為單一工具項目（以文書計），若分屬多種工具請告訴我各幾小時"
            if unspecified
            else ""
        )
        unnamed = any(u.category == "工具類" for u in profile.unnamed)
        unnamed_note = "。未具名的工具類證照不計入工具領域（進階需兩張不同工具領域）" if unnamed else ""
        text = f"依您提供的：證照 {held}；受訓時數 {hours}{note}{tool_note}{unnamed_note}。"
        return to_simplified(text) if lang == "zh-CN" else text

    def _combined_line(self, result: dict[str, Any], text: str, lang: str) -> str:
        """The value of a summed 表5 measure the message asks about (「工具+程式累計有到 30 嗎」), against the
        threshold of the rule that sums those areas; "" when none is asked."""
        n = normalise(text)
        if self.facts is None or not COMBINED_ASKED.search(n):
            return ""
        wanted = {AREA_MEASURE.get(area.split(".")[0]) for _, area, _ in self.facts.areas_named(n)} - {None}
        if len(wanted) < 2:
            return ""
        for t in result["types"]:
            for r in t["rules"]:
                for c in r["conditions"]:
                    if set(c["measures"]) == wanted:
                        gap = max(c["threshold"] - c["value"], 0)
                        if lang == "en":
                            state = "met" if c["met"] else f"{gap:g} {c['unit']} short"
                            return (
                                f"{c['what']}: {c['value']:g} {c['unit']} against 表5's {c['threshold']:g} "
                                f"({state}; rule {r['id']}, {t['type']})."
                            )
                        state = "已達到" if c["met"] else f"尚缺 {gap:g} {c['unit']}"
                        return (
                            f"{c['what']}：{c['value']:g} {c['unit']}，表5 門檻 {c['threshold']:g} {c['unit']}"
                            f"（{state}；規則 {r['id']}，{t['type']}）。"
                        )
        return ""

    def answer(
        self,
        profile: StatedProfile,
        text: str,
        lang: str,
        hypothetical: bool = False,
        default_types: list[str] | None = None,
        with_source: bool = True,
        route: str | None = None,
        follow: bool = False,
        note: str = "",
        lead: list[str] | None = None,
    ) -> SituationAnswer:
        """The result for the types the message names (else those of the previous such answer, else all).
        `route` (「單看時數」): each type is judged on that 表5 route alone — the profile without the other
        route's facts — and only that route's gaps are shown."""
        raw = profile.profile_json()
        # 「照預設是證照跟時數兩條都要過才算嗎」 asks what the default is: answered, not computed as both
        default_asked = bool(DEFAULT_ASKED.search(normalise(text)))
        # (「證照跟時數要兩個都達到嗎？」 asks the rule; 「假如公司規定兩個都要符合」 supposes it)
        asked_not_supposed = re.search(r"嗎|[?？]", text) and not re.search(
            r"假如|假設|如果|若是?|規定|要求|設定", text
        )
        default_asked = default_asked or bool(asked_not_supposed and BOTH_ROUTES.search(normalise(text)))
        both = bool(BOTH_ROUTES.search(normalise(text))) and not default_asked
        if both:  # 「假如公司規定證照跟時數兩個都要符合才算」: 表5's note allows requiring both routes
            raw = {**raw, "policy": "both"}
        result = assess(parse_profile(raw, self.cat), self.cat)
        if BRIEF.search(normalise(text)) and lead is None and route is None and not self.asked_types(text)[0]:
            # 「一句話講就好」 "in one sentence": where the facts stand, the facts it rests on, the source
            head = (
                ("(hypothetical, not saved) " if lang == "en" else "（假設情況試算，未記錄）") if hypothetical else ""
            )
            source = "Source: 附件(二) 表5" if lang == "en" else "出處：附件(二) 表5"
            body = "\n".join(
                [
                    head + self.standing(profile, lang) + self.nearest_in_a_clause(profile, lang),
                    self.echo(profile, lang),
                    *([""] * with_source),
                    *([source] * with_source),
                ]
            )
            return SituationAnswer(to_simplified(body) if lang == "zh-CN" else body, result, [], [])
        judged = result if route is None else assess(parse_profile(self._one_route(profile, route), self.cat), self.cat)

        types, talents = self.asked_types(text)
        # 「專案類太難不想考，那走另一個組合還要幾張」: the certificate rules needing that category are left out
        refused = refused_categories(normalise(text))
        if refused and not types and not talents:
            types = [
                t["type"]
                for t in judged["types"]
                if any(f"cert_{c}" in x["measures"] for g in t["gaps"] for x in g["missing"] for c in refused)
            ]
        counted = bool(COUNT_MET.search(normalise(text))) and not types and not talents
        if not types and not talents and default_types and not OVERALL.search(normalise(text)) and not counted:
            types = list(default_types)  # "What would I need for the advanced level?": the type talked about
            top = [t["type"] for t in judged["types"] if self.level_rank(t["type"], t["level"]) == self._top(t["type"])]
            if MISSING.search(normalise(text)) and set(types) <= set(top):
                # 「他還缺什麼？」 of someone who already has every type talked about: what he does lack
                types = [t.name for t in self.cat.types if t.name not in top] or types
        elif not types and not talents and not default_types and not OVERALL.search(normalise(text)) and not counted:
            types = self.fact_types(text)  # 「我上過 AI 應用素養 11 小時，算具備嗎？」: the type the facts name
        elif default_types and hypothetical and not talents:
            # a what-if names the area it supposes (「如果再上 18 小時素養課」): the types it changes count too
            order = [t.name for t in self.cat.types]
            types = sorted({*types, *default_types}, key=order.index)
        elif default_types and follow and not (OVERALL.search(normalise(text)) and not types and not talents):
            # 「不對，模型訓練是 28 小時」 after a result: that result, and the type named (「那我現在實際上到底是
            # 什麼程度」 asks about every type)
            types = list(dict.fromkeys([*default_types, *types]))
        if types and not talents and not judged["talent_categories"] and TALENT_ASKED.search(normalise(text)):
            # 「他算哪一種人才？」 when neither is met: the levels still missing for the nearest category too
            order = [t.name for t in self.cat.types]
            types = sorted({*types, *self._nearest_talent_missing(judged)}, key=order.index)
        shown = [t for t in judged["types"] if not types or t["type"] in types]
        rule_ids: list[str] = []
        lines = []
        for t in shown:
            decided = next((r for r in t["rules"] if r["level"] == t["level"] and r["met"]), None)
            if decided is not None:
                rule_ids.append(decided["id"])
                conds = "、".join(f"{c['what']} {c['value']:g}/{c['threshold']:g}" for c in decided["conditions"])
                if lang == "en":
                    why = f" — rule {decided['id']} ({ROUTE_EN[decided['route']]}: {decided['rule']}; {conds})"
                else:
                    why = f"，依規則 {decided['id']}（{ROUTE_ZH[decided['route']]}：{decided['rule']}；{conds}）"
            elif route is not None:
                why = f" — the {ROUTE_EN[route]} is not met yet" if lang == "en" else f"，{ROUTE_ZH[route]}尚未達到"
            elif both:
                why = " — both routes are required and not both met" if lang == "en" else "，兩途徑皆需，尚未同時達到"
            else:
                why = " (not met yet) — neither route is met" if lang == "en" else "，證照與受訓時數兩途徑都尚未達到"
            only = ""
            if route is not None:
                only = f" (by the {ROUTE_EN[route]} alone)" if lang == "en" else f"（只看{ROUTE_ZH[route]}）"
            lines.append(f"{t['number']}、{t['type']}{only}：{t['level']}{why}")
            # every gap names its 表5 rule (「進階：工具類2張(非同類工具)」), not only the alternative ones
            gaps = [{**g, "alternative": True} for g in t["gaps"] if route is None or g["route"] == route]
            kept = [g for g in gaps if not any(f"cert_{c}" in x["measures"] for x in g["missing"] for c in refused)]
            if refused and len(kept) < len(gaps) and not any(g["route"] == "certificate" for g in kept):
                lines.append(
                    f"  ➜ No certificate route without {'/'.join(sorted(refused))}."
                    if lang == "en"
                    else f"  ➜ 不考{'、'.join(sorted(refused))}的話，沒有其他證照途徑。"
                )
            gaps = kept
            lines += self._gap_lines(t, gaps, lang, every=bool(CERTS_LISTED.search(normalise(text))))
            lines += self._hours_total(gaps, lang)
            lines += self._filled_lines(profile, t, gaps, lang)
            lines += self._target_lines(t, text, lang)
            if len(shown) <= 2:
                lines += self._beyond_lines(t, text, lang, route)
        summarised = bool(talents or not types)
        if summarised:
            lines.append(self._summary_en(result) if lang == "en" else result["summary"])
            if len(result["talent_categories"]) > 1:
                lines.append("Both talent categories are met." if lang == "en" else "兩類人才的參考指標都符合。")
            # "would I then count as application talent too?": the category asked, when not met, said by name
            missed = [c for c in talents if c not in result["talent_categories"]]
            if len(result["talent_categories"]) == 1 and not talents:
                # (AI-901 and AI-103 held: 開發人才 met — and 應用人才 not yet, said with what it still needs)
                missed = [c.category for c in self.cat.rules.talent_categories if c.category not in missed]
                missed = [c for c in missed if c not in result["talent_categories"]]
            if missed and result["talent_categories"]:
                names = "、".join(missed)
                needs = self._talent_needs(missed, result, lang)
                lines.append(
                    f"Not yet {names}{needs}." if lang == "en" else f"尚未符合 {names} 的能力參考指標{needs}。"
                )
        elif judged["talent_categories"] or TALENT_ASKED.search(normalise(text)):
            lines.append(self._talent_line(judged["talent_categories"], lang))
        head = ("(hypothetical, not saved) " if lang == "en" else "（假設情況試算，未記錄）") if hypothetical else ""
        # the answer to a yes/no question first
        first = list(lead) if lead is not None else self._level_verdicts(shown, text, lang)
        combined = self._combined_line(result, text, lang)
        if combined:
            first.insert(0, combined)
        only = self._one_area_line(profile, shown, text, lang)
        if only:
            first.insert(0, only)
        if default_asked and BOTH_ROUTES.search(normalise(text)):
            either, both_policy = self.cat.rules.policies["either"], self.cat.rules.policies["both"]
            first.insert(
                0,
                f"No: by default {either.label_en} (either 表5 route); an organisation may instead require both "
                f"({both_policy.label_en})."
                if lang == "en"
                else f"不是：預設是「{either.label}」，證照或受訓時數其中一條符合就算；組織也可另行設定為"
                f"「{both_policy.label}」（表5）。",
            )
        if counted:
            met = [f"{t['type']}（{t['level']}）" for t in judged["types"] if t["level"] != "未達"]
            not_met = [t["type"] for t in judged["types"] if t["level"] == "未達"]
            total = len(judged["types"])
            first.insert(
                0,
                f"{len(met)} of the {total} competency types are met: {', '.join(met) or 'none'}"
                + (f"; not yet: {', '.join(not_met)}." if not_met else ".")
                if lang == "en"
                else f"達到參考指標的能力類型共 {len(met)} 項（{total} 項中）：{'、'.join(met) or '無'}"
                + (f"；尚未達到：{'、'.join(not_met)}。" if not_met else "。"),
            )
        if both:
            first.insert(
                0,
                "Judged with both routes required (表5 allows requiring certificates and hours together)."
                if lang == "en"
                else "以「證照與時數兩途徑皆需」判定（表5 註明亦可設定為兩途徑皆需）。",
            )
        pace = self.facts.pace(text)
        every = EVERY_TYPE_ASKED.search(normalise(text)) and (pace is not None or HOURS_WORD.search(normalise(text)))
        if every and (line := self._all_types_line(profile, pace, lang)):
            # 「五種能力都要拿到還差幾小時？一禮拜三小時要多久」: every type at its top level, by courses
            first = [line, *first]
        elif pace is None and talents and LEAST_HOURS.search(normalise(text)):
            # 「想讓每個人都達到 AI 應用人才，走上課路線每人最少多少小時？」: the category's fewest course hours
            first = [line for c in talents if (line := self._talent_hours_line(profile, c, lang))] + first
        elif pace is not None and (
            talent_lines := [line for c in talents if (line := self._talent_pace_line(profile, c, pace, lang))]
        ):
            # 「每週上 4 小時，多久能達到 AI 應用人才？」: the category's hours (a category already met leaves the
            # types' own time: 「要衝進階的話，每週上 2 小時…」 once AI 應用人才 is reached)
            first = talent_lines + first
        elif pace is not None:  # 「每週可以上 3 小時，要多久？」: how long, first
            # ("at 7h a week?" after what is left: the types not at their top yet, not those already there)
            open_ = [t for t in shown if self.level_rank(t["type"], t["level"]) < self._top(t["type"])] or shown
            first = [line for t in open_[:2] if (line := self._pace_line(profile, t, pace, text, lang))] + first
        elif (weeks := self.facts.deadline_weeks(text)) is not None and (talents or len(shown) <= 2):
            # 「兩個月內靠上課達到 AI 程式語言應用，每週大概要上幾小時？」: the hours still needed over the weeks
            lines = [self._deadline_line(profile, c, None, weeks, text, lang) for c in talents]
            lines += [self._deadline_line(profile, None, t, weeks, text, lang) for t in ([] if talents else shown)]
            first = [line for line in lines if line] + first
        elif (budget := self.facts.budget(text)) is not None and (
            aimed := [t for t in shown if t["type"] in self._types_by_level_named(normalise(text))]
            or shown[: len(shown) <= 2 and 2]
        ):
            # 「26 小時的課程預算，全部拿去上影像課夠到進階嗎？」: what the levels need against the hours to spend
            first = [line for t in aimed if (line := self._budget_line(profile, t, budget, text, lang))] + first
        elif self.facts.duration.search(normalise(text)) and len(shown) <= 2:
            # 「那我要多久才能到進階？」 with no pace said: the hours, and what the time depends on
            first = [line for t in shown if (line := self._hours_line(profile, t, text, lang))] + first
        source = "Source: 附件(二) 表5" if lang == "en" else "出處：附件(二) 表5、附件(三) 表6"
        notes = [note] if note else []  # 「目前：…」 the other types' standing, before the source
        # a one-type result still says what the facts do reach elsewhere
        others = [(t["type"], t["level"]) for t in judged["types"] if t not in shown and t["level"] != "未達"]
        if not note and shown and others and not summarised:
            got = ("; " if lang == "en" else "、").join(f"{name} {level}" for name, level in others)
            notes.append(f"Other types reached: {got}." if lang == "en" else f"其他能力類型：{got}。")
        unmet_hidden = [t for t in judged["types"] if t not in shown and t["level"] == "未達"]
        if hypothetical and not note and shown and unmet_hidden and all(t["level"] != "未達" for t in shown):
            # 「如果我再去考 X 呢」 answered with what it makes reached: what would still be nearest after it
            # (the same talent category's types first: after 模型訓練, 服務開發 is what is next of that kind)
            kinds = {self.cat.competency_type(shown[-1]["type"]).talent_category}  # (the furthest type shown)
            akin = [t["type"] for t in unmet_hidden if self.cat.competency_type(t["type"]).talent_category in kinds]
            after = self.nearest_steps(profile, lang, limit=1, among=akin or None)
            if after:
                notes.append(after)
        echo = self.echo(profile, lang)
        opening = [head + first[0], *first[1:], echo] if first else [head + echo]
        if lead is not None:  # what one certificate gives: no facts of the user's were used, so none are echoed
            opening = [head + first[0], *first[1:]]
        body = "\n".join([*opening, *lines, *notes, *(["", source] if with_source else [])])
        if lang == "zh-CN":
            body = to_simplified(body)
        return SituationAnswer(body, result, [t["type"] for t in shown], rule_ids)
