"""Catalog cards: one short, cited answer per kind of fact, built only from the structured data.

Why: for "which certifications for AI 模型訓練" or "who issues AIATCL" the structured data is exact;
composing from it (never from a model) guarantees the advisor names only certifications, roles,
numbers and rules that the guideline prints, and cites the section each fact comes from. The same
cards serve answers and the bot's browsing views.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from knowledge.assessment import assess
from knowledge.catalog import Catalog
from knowledge.models import (
    TOOL_CATEGORY,
    Certification,
    CertificationCategory,
    CompetencyType,
    Role,
    Rule,
    TypeRules,
)
from knowledge.profile import parse_profile

TABLE6, TABLE3, TABLE5 = "附件(三) 表6", "三、AI 產業人才能力認證分類 表3", "附件(二) 表5"
TABLE2, TABLE4, TABLE1 = "二、AI 產業人才能力架構 表2", "附件(一) 表4", "一、AI 人才類別 表1"
# 「新增「AI 治理素養」」「新增納入…之「好好用 AI」素養教材」: what a change of this version adds
ADDED = re.compile(r"新增[^「」]{0,40}「([^」]+)」")


@dataclass
class Card:
    zh: str
    en: str
    sections: list[str]
    excerpts: dict[str, str] = field(default_factory=dict)
    native: bool = False  # the question asked for exactly this list (overviews, tool groups): never overridden


def _squashed(name: str) -> str:
    """A name without its spaces (「AI 應用規劃師」 is in 「iPAS 初級AI應用規劃師能力鑑定」)."""
    return re.sub(r"\s+", "", name)


def _items(values: list[str], sep: str = "、") -> str:
    return sep.join(values)


def issuer_en(c: Certification) -> str:
    """English answers keep the guideline's own name of the issuer, glossed: 經濟部產業發展署 (Industrial …)."""
    english = c.issuer_en.rstrip(".")
    return english if english == c.issuer.rstrip(".") else f"{c.issuer} ({english})"


# words said not to be tested: 「不用交完整專案」「不考程式」 "no coding", "without a project"
NOT_TESTED = re.compile(
    r"(不用|不需要?|不必|不要求|沒有|無須|無需|不考|不含|免|\bno\b|\bwithout\b|\bnot\b)[^，。,;；]{0,4}$"
)


def _said_not_denied(text: str, word: str) -> bool:
    """`word` occurs in `text` at least once without a denial right before it."""
    return any(
        not NOT_TESTED.search(text[max(0, m.start() - 8) : m.start()]) for m in re.finditer(re.escape(word), text)
    )


def _zh_count(n: int) -> str:
    """「三大類」 as the guideline writes small counts in running Chinese text (10 and over in digits)."""
    return "一二三四五六七八九"[n - 1] if 1 <= n <= 9 else f" {n} "


class CatalogCards:
    """One card per kind of fact; each cites the sections it comes from."""

    def __init__(self, catalog: Catalog) -> None:
        self.cat = catalog
        self._alone_results: dict[str, dict[str, Any]] = {}  # the engine's result per certificate held alone

    # ------------------------------------------------------------------ certifications
    def is_it_card(self, c: Certification, categories: list[str], scopes: list[str]) -> Card:
        """「第二個是工具類嗎？」「它是國際的嗎？」: yes or no first, then what it is."""
        wrong_cat = [x for x in categories if x != c.category]
        wrong_scope = [f"{x}認證" for x in scopes if x != c.scope]
        if wrong_cat or wrong_scope:
            said = "、".join([*wrong_cat, *wrong_scope])
            zh = f"不是。「{c.name}」不屬於{said}，而是表6 的{c.category}認證（{c.scope}）。"
            en = f"No. 「{c.name}」 is not {said}: it is a {c.category} certification in 表6 ({c.scope})."
            # 「它不是叫應用規劃師嗎，為什麼不算工具類」: the same family at another level may be the one asked
            kin = [x for x in self._siblings(c) if x.category in wrong_cat]
            if kin:
                zh += "同系列的" + "、".join(f"「{x.name}」" for x in kin) + f"才是{kin[0].category}。"
                en += " Its sibling " + ", ".join(f"「{x.name}」" for x in kin) + f" is {kin[0].category}."
        else:
            zh = f"是。「{c.name}」屬於表6 的{c.category}認證（{c.scope}）。"
            en = f"Yes. 「{c.name}」 is a {c.category} certification in 表6 ({c.scope})."
        return Card(zh, en, [TABLE6], native=True)

    def _siblings(self, c: Certification) -> list[Certification]:
        """The same certification at another level (iPAS 初級 / 中級): the name differs only in 初級/中級/高級."""
        levels = ("初級", "中級", "高級")
        own = next((lv for lv in levels if lv in c.name), None)
        if own is None:
            return []
        names = {c.name.replace(own, lv) for lv in levels if lv != own}
        return [x for x in self.cat.certifications if x.name in names]

    def cert_card(self, c: Certification) -> Card:
        cc = next(x for x in self.cat.cert_categories.categories if x.name == c.category)
        types = _items(cc.competency_types)
        zh = (
            f"「{c.name}」屬於表6 的{c.category}認證（{c.scope}），辦理單位：{c.issuer}。"
            f"{c.category}對應的能力類型：{types}；認證重點：{cc.focus}（表3）"
        )
        en = (
            f'"{c.name}" is a {c.category} ({cc.name_en}) certification in 表6 '
            f"({'domestic' if c.scope == '國內' else 'international'}), "
            f"issued by {issuer_en(c)}. {c.category} maps to the competency type(s) {types} (表3)."
        )
        if c.figure3_types:
            zh += f"圖3 將它列在「{_items(c.figure3_types)}」。"
            en += f" 圖3 lists it under {_items(c.figure3_types, ', ')}."
        if c.tool_domain:
            zh += f"工具領域：{c.tool_domain}（{c.tool_domain_reason}）"
            en += f" Tool domain: {c.tool_domain}."
        reached = self.reached_alone(c)
        if reached:
            zh += f"\n表5 證照途徑：單憑這張可達 {'、'.join(f'{t} {lv}' for t, lv in reached)}。"
            en += f"\nOn its own, by 表5's certificate route: {', '.join(f'{t} {lv}' for t, lv in reached)}."
            talents = self.talents_alone(c)
            if talents:  # "what does it count for": the talent category it meets on its own, by 表5's summary rule
                zh += f"單憑這張即符合 {_items(talents)} 的能力參考指標。"
                en += f" On its own it meets {', '.join(talents)} (表5 summary rule)."
        for note in c.notes:
            zh += f"\n註：{note}"
            en += f"\nNote (表6): {note}"
        return Card(zh, en, [TABLE6, TABLE3], {TABLE6: f"{c.category}｜{c.name}｜{c.issuer}"})

    def reached_alone(self, c: Certification) -> list[tuple[str, str]]:
        """The 表5 levels one certificate reaches with nothing else held, by the engine (「它對應到表5哪些
        能力類型」「考到這張算哪一級」): what a certificate is worth, computed, never restated by hand."""
        return [(t["type"], t["level"]) for t in self._alone(c)["types"] if t["level"] != "未達"]

    def talents_alone(self, c: Certification) -> list[str]:
        """The talent categories one certificate meets with nothing else held (表5's summary rules, by the engine)."""
        return list(self._alone(c)["talent_categories"])

    def _alone(self, c: Certification) -> dict[str, Any]:
        """The engine's result for one certificate held alone, computed once per certificate (a card asks twice)."""
        if c.id not in self._alone_results:
            self._alone_results[c.id] = assess(parse_profile({"certifications": [c.id]}, self.cat), self.cat)
        return self._alone_results[c.id]

    def cert_list(self, certs: list[Certification], en: bool = False) -> str:
        if en:
            return "\n".join(f"• {c.name} ({issuer_en(c)})" for c in certs)
        return "\n".join(f"• {c.name}（{c.issuer}）" for c in certs)

    def category_card(self, name: str, count_first: bool = False, contents: bool = False) -> Card:
        """A certification category: its aim, types and 表6 list; `count_first` (「專案類有幾張」) puts the
        count in the first sentence, as the answer to the question; `contents` (「考科該涵蓋哪些面向」) adds
        what 表3 says the category certifies and, for tool certificates, the tool items of 表2."""
        cc = next(x for x in self.cat.cert_categories.categories if x.name == name)
        certs = self.cat.certs_in(name)  # type: ignore[arg-type]
        covers_zh = covers_en = ""
        if contents:
            tools = [i for t in self.cat.types if t.name in cc.competency_types for i in t.items if i.tool_item]
            covers_zh = f"表3 的認證能力說明：{_items(cc.certifies, '；')}。"
            covers_en = f"表3 says they certify: {_items(cc.certifies, '; ')}. "
            if tools:
                covers_zh += f"工具領域（表2 項目）：{_items([f'{i.number}. {i.name}' for i in tools])}。"
                covers_en += f"Tool items (表2): {', '.join(f'{i.number}. {i.name} ({i.name_en})' for i in tools)}. "
        zh = (
            f"{cc.name}認證旨在「{cc.aim}」，{cc.focus}對應能力類型：{_items(cc.competency_types)}（表3）。"
            f"{cc.description}"
            f"{covers_zh}表6 列出的{cc.name}認證共 {len(certs)} 張：\n{self.cert_list(certs)}"
        )
        described_en = f"{cc.description_en} " if cc.description_en else ""
        en = (
            f"{cc.name} ({cc.name_en}) certifications aim at 「{cc.aim}」: {cc.focus} They map to "
            f"{_items(cc.competency_types, ', ')} (表3). {described_en}{covers_en}"
            f"表6 lists {len(certs)}:\n{self.cert_list(certs, True)}"
        )
        if count_first:  # (「總共幾張、素養類幾張」: the whole table's count beside the category's)
            total = len(self.cat.certifications)
            zh = f"表6 列出的{cc.name}認證共 {len(certs)} 張（全表共 {total} 張）。\n{zh}"
            en = f"表6 lists {len(certs)} {cc.name} ({cc.name_en}) certifications (of {total} in all).\n{en}"
        return Card(zh, en, [TABLE3, TABLE6], {TABLE3: f"{cc.name}｜{_items(cc.competency_types)}｜{cc.focus}"})

    def certs_for_type(self, t: CompetencyType) -> Card:
        rules = next(r for r in self.cat.rules.types if r.type == t.name)
        zh_parts = [f"{t.name} 對應的認證分類是 {_items(t.certification_categories)}（表3）。"]
        en_parts = [f"{t.name} ({t.name_en}) maps to {_items(t.certification_categories, ', ')} certifications (表3)."]
        for cat_name in t.certification_categories:
            certs = self.cat.certs_in(cat_name)
            preferred = [c for c in certs if t.name in c.figure3_types or rules.figure3_group in c.figure3_types]
            ordered = preferred + [c for c in certs if c not in preferred]
            zh_parts.append(f"表6 的{cat_name}認證：\n{self.cert_list(ordered)}")
            en_parts.append(f"{cat_name} certifications in 表6:\n{self.cert_list(ordered, True)}")
        for cat_name in t.certification_categories:
            cc = next(x for x in self.cat.cert_categories.categories if x.name == cat_name)
            zh_parts.insert(1, f"{cc.name}：{cc.focus}（{_items(cc.certifies, '；')}）")
            en_parts.insert(1, f"{cc.name}: {cc.focus}")
        cert_rules = [r.text for lv in rules.levels for r in lv.rules if r.route == "certificate"]
        zh_parts.append(f"依表5，{t.name} 的證照途徑：{'；或 '.join(cert_rules)}。")
        distinct = ""
        if any("非同類" in text for text in cert_rules):
            distinct = " (非同類工具: the certificates must be of different tool domains)"
        en_parts.append(f"By 表5, the certificate route for {t.name} is: {' ; or '.join(cert_rules)}{distinct}.")
        return Card("\n".join(zh_parts), "\n".join(en_parts), [TABLE6, TABLE3, TABLE5])

    def issuer_card(self, issuer: str) -> Card:
        certs = [c for c in self.cat.certifications if c.issuer == issuer]
        zh = f"表6 中由 {issuer} 辦理的認證共 {len(certs)} 張：\n" + "\n".join(
            f"• {c.name}（{c.category}）" for c in certs
        )
        en = f"Certifications in 表6 issued by {issuer_en(certs[0])} ({len(certs)}):\n" + "\n".join(
            f"• {c.name} ({c.category})" for c in certs
        )
        # 表6's notes on a retired exam and what follows it (「微軟 AI-900 將於 115/6/30 停辦…」): what an issuer's
        # list changes, said with it
        succession = [note for c in certs if c.replaces for note in c.notes if c.replaces in note]
        if succession:
            zh += "\n" + "\n".join(f"註：{note}" for note in succession)
            en += "\n" + "\n".join(f"Note (表6): {note}" for note in succession)
        return Card(zh, en, [TABLE6])

    # ------------------------------------------------------------------ competency types and items
    def requirements_card(self, t: CompetencyType) -> Card:
        rules = next(r for r in self.cat.rules.types if r.type == t.name)
        zh, en = (
            [f"{t.number}、{t.name} 的自我評估參考指標（表5）："],
            [f"表5 reference indicators for {t.name} ({t.name_en}):"],
        )
        route_zh = {"certificate": "證照累積張數", "training": "課程受訓累積時數"}
        route_en = {"certificate": "certificates", "training": "training hours"}
        for lv in rules.levels:
            for route in ("certificate", "training"):
                texts = [r.text for r in lv.rules if r.route == route]
                if texts:
                    total_zh, total_en = self._hours_total(lv.rules) if route == "training" else ("", "")
                    zh.append(f"• {lv.level}・{route_zh[route]}：{'；或 '.join(texts)}{total_zh}")
                    # (表5's words, then our English gloss of them: "AI literacy 18 hours; …")
                    glossed = [f"{r.text} ({r.text_en})" for r in lv.rules if r.route == route]
                    en.append(f"• {lv.level} by {route_en[route]}: {' ; or '.join(glossed)}{total_en}")
        if rules.note:  # 表5's own note under the row (what 「AI 程式應用」 means: not syntax drills)
            zh.append(f"表5 {rules.note}")
            en.append(f"表5's note: {rules.note}")
        zh.append("符合任一途徑即達到該層級（亦可設定為兩途徑皆需）。可用 /assess 進行自我評估。")
        en.append("Either route reaches the level. Use /assess for a self-assessment.")
        return Card("\n".join(zh), "\n".join(en), [TABLE5])

    def evidence_policy_card(self) -> Card:
        """「證照跟時數要兩個都達到嗎，還是有一邊就算」: how 表5's two routes combine — either one in full by
        default, both when an organisation requires it — and that neither makes up for the other."""
        either, both = self.cat.rules.policies["either"], self.cat.rules.policies["both"]
        routes = self.cat.rules.routes
        zh = (
            f"預設是「{either.label}」：表5 每一級都有「{routes['certificate'].label}」與「{routes['training'].label}」"
            f"兩條途徑，證照或受訓時數其中一條完整符合就算達到；組織也可另行設定為「{both.label}」。\n"
            "兩條途徑不能互相折抵：證照不換算成時數，時數也不能補證照的張數。可用 /assess 進行自我評估。"
        )
        en = (
            f"By default, {either.label_en}: each 表5 level has a {routes['certificate'].label_en} and a "
            f"{routes['training'].label_en}, and meeting either one in full reaches the level; an organisation may "
            f"instead require both ({both.label_en}).\nThe routes do not offset each other: certificates never "
            "count as hours, and hours never stand in for certificates. Use /assess for a self-assessment."
        )
        return Card(zh, en, [TABLE5], native=True)

    def how_to_assess_card(self) -> Card:
        """「上過一堆 AI 課，不知道算不算，要從哪開始」 "where do I even start": what a self-assessment reads — the
        certificates held (表6 and its categories) and course hours per 表5 area — and the two ways to give them."""
        areas = "、".join(t.name for t in self.cat.types)
        tools = "、".join(self.cat.rules.tool_items)
        zh = (
            "自我評估看兩樣東西（表5）：\n"
            "• 持有的證照：表6 列的認證各屬素養類、工具類或專案類，張數決定「證照累積張數」途徑；\n"
            f"• 上過的課程時數：依內容歸到 AI 應用素養、各工具項目（{tools}）、AI 程式語言應用、AI 模型訓練、"
            "AI 服務開發，累計決定「課程受訓累積時數」途徑。\n"
            f"每種能力類型（{areas}）任一途徑符合即達到。直接告訴我，例如「我有 iPAS 初級，素養課 12 小時、"
            "ChatGPT 文書課 20 小時」，我會逐項判定並說明還缺什麼；或用 /assess 一步步填。"
        )
        en = (
            "A self-assessment reads two things (表5):\n"
            "• the certificates you hold: each 表6 certification is literacy (素養類), tool (工具類) or project "
            "(專案類), and their count is the certificate route;\n"
            f"• your course hours, by what they taught: AI literacy, each tool item ({tools.replace('、', ', ')}), "
            "programming, model "
            "training, service development — their totals are the training route.\n"
            f"Each competency type ({areas.replace('、', ', ')}) is reached by either route. "
            "Just tell me, e.g. “I hold iPAS 初級, 12 h of "
            "AI literacy and 20 h of ChatGPT writing courses”, and I will judge each type and say what is missing; "
            "or use /assess step by step."
        )
        return Card(zh, en, [TABLE5, TABLE6], native=True)

    def people_roles_card(self, placed: Sequence[tuple[str, Sequence[Role]]]) -> Card:
        """「他們各自比較對應哪個職稱」: each person described, with the 表8/表9 title their work fits best
        (read from their own words; two when both fit about equally), its talent category and its purpose."""
        table = {"AI 應用人才": "表8", "AI 開發人才": "表9"}
        zh = ["依各自描述的工作，最接近的職稱（附件(四)）："]
        en = ["By the work each one does, the closest titles (附件(四)):"]
        for name, roles in placed:
            zh.append(
                f"• {name}："
                + " 或 ".join(f"{r.name}（{table.get(r.talent_category, '表8')}，{r.talent_category}）" for r in roles)
                + (f"— {roles[0].positioning}" if len(roles) == 1 else "")
            )
            en.append(
                f"• {name}: "
                + " or ".join(f"{r.name} ({table.get(r.talent_category, '表8')}, {r.talent_category})" for r in roles)
                + (f" — {roles[0].positioning}" if len(roles) == 1 else "")
            )
        zh.append("（依工作描述比對表8/表9 的核心職責與專業技能，供參考。）")
        en.append("(Matched from the work described against the duties and skills of 表8/表9; for reference.)")
        return Card("\n".join(zh), "\n".join(en), ["附件(四) 表8", "附件(四) 表9"])

    def categories_for_type_card(self, type_name: str, categories: Sequence[str]) -> Card:
        """「AI 服務開發可以用素養類加工具類湊嗎」: which of the type's 表5 certificate rules use only the
        categories named — those can be met that way, the others cannot."""
        rules = next(r for r in self.cat.rules.types if r.type == type_name)
        routes = [(lv.level, r) for lv in rules.levels for r in lv.rules if r.route == "certificate"]

        def uses_only(rule: Rule) -> bool:
            wanted = {f"cert_{c}" for c in categories} | ({"tool_domains"} if TOOL_CATEGORY in categories else set())
            return all(set(c.measures) <= wanted for c in rule.conditions)

        fits = [(level, r) for level, r in routes if uses_only(r)]
        named = "加".join(categories)
        every = "；".join(f"{level}：{r.text}" for level, r in routes)
        if fits:
            zh = (
                f"可以：{type_name} 的證照途徑中，"
                + "；".join(f"「{level}」要{r.text}" for level, r in fits)
                + f"，只用{named}即可達成（表5）。全部證照途徑：{every}。"
            )
            en = (
                f"Yes: {type_name} can be reached with {' + '.join(categories)} certificates — "
                + "; ".join(f"{level}: {r.text}" for level, r in fits)
                + f" (表5). All certificate routes: {every}."
            )
        else:
            zh = f"不行：{type_name} 的證照途徑是 {every}（表5），{named}的證照湊不出來；只靠證照的話須符合上述途徑。"
            en = (
                f"No: {type_name}'s certificate route is {every} (表5); {' + '.join(categories)} certificates "
                "cannot make it up."
            )
        return Card(zh, en, [TABLE5], native=True)

    def unlisted_certificates_card(self) -> Card:
        """「表6 沒列的認證算數嗎」: 表6 is a reference list, not a closed one; such a certificate is declared
        by its 表3 category in the self-assessment (spec: self-declared certificates count like listed ones)."""
        n = len(self.cat.certifications)
        zh = (
            "表6 是參考表，不是封閉清單：附件(三) 說「以下列舉國內與國際的常見 AI 產業能力相關認證，"
            f"供有意參與相關認證的讀者參考」，共列 {n} 張。表6 未列的認證，指引沒有替它分類；自我評估時可依表3 的分類（"
            + "／".join(c.name for c in self.cat.cert_categories.categories)
            + "）自行申報，與表6 的認證一樣計入證照途徑，並在判定依據中標明為自行申報。"
        )
        en = (
            f"表6 is a reference list, not a closed one: 附件(三) introduces its {n} certifications as common ones "
            "listed for reference (「供…參考」). The guideline does not classify certificates it does not list; in the "
            "self-assessment such a certificate can be self-declared under a 表3 category ("
            + " / ".join(c.name for c in self.cat.cert_categories.categories)
            + ") and counts like a listed one, marked as self-declared in the audit trail."
        )
        return Card(zh, en, [TABLE6, TABLE3])

    def described_exam_category(self, text: str) -> tuple[CertificationCategory, list[str]] | None:
        """The 表3 category an exam's description matches best, and the words it matched on (a word said
        not to be tested does not count); None when none, or several equally, match."""
        scores = []
        for c in self.cat.cert_categories.categories:
            # (and the 表5 reference tools of its competency types: 「用 Midjourney 現場做出品牌視覺」 is 工具類's)
            tools = [
                tool.lower()
                for rules in self.cat.rules.types
                if rules.type in c.competency_types
                for group in rules.reference_tools
                for tool in group.tools
            ]
            words = list(dict.fromkeys([*(w.lower() for w in c.described_by), *tools]))
            found = [w for w in words if _said_not_denied(text, w)]
            scores.append((len(found), c, found))
        scores.sort(key=lambda x: -x[0])
        if not scores or scores[0][0] == 0 or len(scores) > 1 and scores[1][0] == scores[0][0]:
            return None
        return scores[0][1], scores[0][2]

    def category_for_described_exam(self, text: str) -> Card | None:
        """「我們的證照考學員用 AI 工具完成指定任務，不用寫程式也不用交完整專案，比較像哪一類？」: the 表3
        category whose descriptions the account matches best (words said not to be tested do not count),
        with its competency types. None when no category, or several equally, match."""
        matched = self.described_exam_category(text)
        if matched is None:
            return None
        c, found = matched
        # each type with its programming level (表2): what the exam's candidates are expected to code
        types = "、".join(f"{t}（{self.cat.competency_type(t).program_level}）" for t in c.competency_types)
        zh = (
            f"依表3 的分類說明，這樣的認證較接近「{c.name}」：{c.focus}對應能力類型：{types}。"
            f"（判斷依據：您描述的「{'、'.join(found[:4])}」；{c.description}）"
            "表3 是分類的說明，實際是否列入表6 由指引公布為準。"
        )
        en = (
            f"By 表3's descriptions, such an exam is closest to {c.name} ({c.name_en}): {c.focus} "
            f"Competency types (表2 programming level): {types}. (Matched on: {', '.join(found[:4])}.) "
            "表3 describes the categories; whether a certificate is listed in 表6 is for the guideline to say."
        )
        return Card(zh, en, [TABLE3, TABLE2])

    def first_certificates_card(self, talent: str | None = None) -> Card:
        """「第一步要先考哪一類的證照」: the category of the first competency type (表3) — the one whose level
        every other type's training route also asks for in 表5 — then, for a talent category being aimed
        at, the certificate route of each level its summary rule requires."""
        first = self.cat.types[0]
        category = next(c for c in self.cat.cert_categories.categories if first.name in c.competency_types)
        rules = next(r for r in self.cat.rules.types if r.type == first.name)
        own = next(r.text for lv in rules.levels for r in lv.rules if r.route == "certificate")
        condition = next(c for lv in rules.levels for r in lv.rules if r.route == "training" for c in r.conditions)
        area, hours = condition.measures[0], condition.threshold

        def asks_first(r: TypeRules) -> bool:
            training = [rule for lv in r.levels for rule in lv.rules if rule.route == "training"]
            return all(any(area in c.measures for c in rule.conditions) for rule in training)

        others = [r.type for r in self.cat.rules.types[1:] if asks_first(r)]
        n = len(self.cat.certs_in(category.name))
        zh = [
            f"指引沒有規定考照的先後順序；從能力架構的起點看是{category.name}：{category.name}對應「{first.name}」（表3），"
            f"表5 的 {first.name} 具備只要{own}；"
            + (
                f"其餘 {len(others)} 種能力類型的受訓時數途徑也都要求 {first.name} {hours:g} 小時，是共同的起點。"
                * bool(others)
            )
            + f"表6 的{category.name}共 {n} 張："
            + "、".join(f"{c.name}（{c.issuer}）" for c in self.cat.certs_in(category.name))
            + "。"
        ]
        en = [
            "The guideline sets no order for taking certificates; the starting point of its framework is "
            f"{category.name} ({category.name_en}): it maps to {first.name} (表3), whose "
            f"具備 level takes {own} in 表5"
            + (
                f"; the training route of the other {len(others)} types also asks for {hours:g} hours of {first.name}"
                * bool(others)
            )
            + "."
            + f" 表6 lists {n} {category.name} certificates: "
            + "; ".join(f"{c.name} ({c.issuer})" for c in self.cat.certs_in(category.name))
            + "."
        ]
        summary = next((r for r in self.cat.rules.talent_categories if r.category == talent), None)
        if summary is not None:
            zh.append(f"若目標是 {talent}，表5 的判定（證照途徑）：")
            en.append(f"Aiming at {talent}, 表5's summary rule (certificate route):")
            for type_name, level in summary.requires.items():
                lv = next(x for r in self.cat.rules.types if r.type == type_name for x in r.levels if x.level == level)
                texts = "；或 ".join(r.text for r in lv.rules if r.route == "certificate")
                zh.append(f"• {type_name} {level}：{texts}")
                en.append(f"• {type_name} {level}: {texts}")
            join = "兩項都要" if summary.mode == "all" else "其中一項即可"
            zh.append(f"（{join}）")
            en.append("(both)" if summary.mode == "all" else "(either one)")
        return Card("\n".join(zh), "\n".join(en), [TABLE3, TABLE5, TABLE6], native=True)

    def rules_quoting(self, phrase: str) -> Card | None:
        """「表5 哪幾種能力類型寫到『累計30小時』」: the 表5 indicators whose words hold the phrase, by type and
        level, counted; None when no indicator says it."""
        wanted = re.sub(r"\s+", "", phrase)
        lines, types = [], []
        for t in self.cat.types:
            rules = next(r for r in self.cat.rules.types if r.type == t.name)
            for lv in rules.levels:
                hits = [r.text for r in lv.rules if wanted and wanted in re.sub(r"\s+", "", r.text)]
                if hits:
                    types += [t.name] if t.name not in types else []
                    lines.append(f"• {t.number}、{t.name}・{lv.level}：{'；或 '.join(hits)}")
        if not types:
            return None
        n = len(types)
        zh = f"表5 寫到「{phrase}」的能力類型共 {n} 種：{_items(types)}。\n" + "\n".join(lines)
        en = f"{n} competency types in 表5 say 「{phrase}」: {', '.join(types)}.\n" + "\n".join(lines)
        return Card(zh, en, [TABLE5], native=True)

    def talent_requirements(self, name: str) -> Card:
        """What a talent category's reference indicators take (「想達到 AI 應用人才的參考指標，只靠上課最少要
        幾小時？」): the 表5 levels its summary rule requires, each with its routes, and the fewest course
        hours that reach them — hours of one area counted once when two levels ask for them."""
        summary = next(r for r in self.cat.rules.talent_categories if r.category == name)
        every = summary.mode == "all"
        lines_zh, lines_en, plans = [], [], []
        for type_name, level in summary.requires.items():
            rules = next(r for r in self.cat.rules.types if r.type == type_name)
            lv = next(x for x in rules.levels if x.level == level)
            certs = "；或 ".join(r.text for r in lv.rules if r.route == "certificate")
            hours = "；或 ".join(r.text for r in lv.rules if r.route == "training")
            lines_zh.append(f"• {type_name} {level}：證照 {certs}；或 上課 {hours}")
            lines_en.append(f"• {type_name} {level}: certificates {certs}; or training {hours}")
            training = [r for r in lv.rules if r.route == "training"]
            plans.append([{tuple(c.measures): c.threshold for c in r.conditions} for r in training])
        join_zh = "需同時達到" if every else "達到其中一項即可"
        join_en = "all of" if every else "any one of"
        zh = [f"依表5 的人才類別判定，{name} {join_zh}：", *lines_zh]
        en = [f"By 表5's summary rule, {name} needs {join_en}:", *lines_en]
        fewest = self._fewest_hours(plans, every)
        if fewest is not None:
            total, parts = fewest
            measures = self.cat.rules.measures
            terms = "＋".join(f"{'或'.join(measures[x].short for x in m)} {h:g}" for m, h in parts)
            zh.append(f"只靠上課，合計至少 {total:g} 小時（{terms}）。")
            en.append(f"By courses alone, at least {total:g} hours in all ({terms}).")
        # 「最少要幾張證照」: the fewest certificates too, found the same way as for several types at once
        targets = list(summary.requires.items())
        certs = self.fewest_certs_together(targets) if every else None
        if certs is not None:
            zh.append(certs.zh.split("\n")[0])
            en.append(certs.en.split("\n")[0])
        return Card("\n".join(zh), "\n".join(en), [TABLE5])

    def fewest_hours_together(
        self,
        types: Sequence[str],
        levels: Mapping[str, str] | None = None,
        pace: tuple[float, str] | None = None,
    ) -> Card | None:
        """「模型訓練跟服務開發兩個都要達標，最少總共幾小時」: the first 表5 level of each type (or the level
        `levels` names for it: 「工具應用進階和程式語言應用」) by training alone, hours of one area counted once
        where both ask for it (its higher threshold)."""
        measures = self.cat.rules.measures
        levels = levels or {}
        options = []
        for name in types:
            rules = next(r for r in self.cat.rules.types if r.type == name)
            level = next((lv for lv in rules.levels if lv.level == levels.get(name)), rules.levels[0])
            training = [r for r in level.rules if r.route == "training"]
            options.append([[(tuple(c.measures), c.threshold) for c in r.conditions] for r in training])
        best: tuple[float, dict[str, float]] | None = None
        for combo in itertools.product(*options):
            conditions = [c for rule in combo for c in rule if measures[c[0][0]].unit == "小時"]
            # fill the narrowest conditions first; a deficit goes to the area most conditions share, so hours
            # of one area count toward every condition they serve (模型訓練 30 also counts toward the 48)
            hours: dict[str, float] = {}
            labels: dict[str, str] = {}  # 「AI 工具應用或AI 程式語言應用 30」: the areas the hours may go to

            def serves(area: str, areas: tuple) -> bool:  # (a single tool item's hours count in the tool total)
                return area in areas or any(t in areas for t in measures[area].counts_toward)

            for areas, threshold in sorted(conditions, key=lambda c: len(c[0])):
                deficit = threshold - sum(h for a, h in hours.items() if serves(a, areas))
                if deficit > 0:
                    area = max(areas, key=lambda a: sum(serves(a, other) for other, _ in conditions))
                    hours[area] = hours.get(area, 0.0) + deficit
                    labels.setdefault(area, "或".join(measures[a].short for a in areas))
            if hours and (best is None or sum(hours.values()) < best[0]):
                best = (sum(hours.values()), {labels[a]: h for a, h in hours.items()})
        if best is None:
            return None
        total, hours = best
        terms = "＋".join(f"{label} {h:g} 小時" for label, h in hours.items())
        named = [f"{t} {levels[t]}" if t in levels else t for t in types]
        names = "、".join(named)
        zh = f"{names} 都要達標，只靠上課合計至少 {total:g} 小時（{terms}）：同一項時數可同時算進兩者的條件（表5）。"
        en_terms = " + ".join(f"{label} {h:g} h" for label, h in hours.items())
        en = f"For {', '.join(named)} together by courses alone: at least {total:g} hours in all ({en_terms}) (表5)."
        if pace is not None:  # 「每週排 12 小時，幾週可以結訓」: the hours over the pace, a part period as a whole one
            per, period = pace
            spans = math.ceil(total / per - 1e-9)
            every, unit = ("週", "週") if period == "week" else ("個月", "個月")
            zh += f"\n以每{every} {per:g} 小時計，約需 {spans} {unit}（{total:g} ÷ {per:g}，"
            zh += f"不足一{every}以一{every}計）。"
            plural = "s" if spans != 1 else ""
            en += f"\nAt {per:g} hours a {period}: about {spans} {period}{plural} ({total:g} ÷ {per:g})."
        return Card(zh, en, [TABLE5], native=True)

    def certs_by_figure3(self, category: str, type_name: str) -> Card:
        """The certifications of one category that 圖3 groups under a type (表6 lists the category; 圖3 says
        which type each is shown with), and the others of the category beside them."""
        certs = self.cat.certs_in(category)
        under = [c for c in certs if type_name in c.figure3_types]
        rest = [c for c in certs if type_name not in c.figure3_types]
        if under:
            zh = f"表6 的{category}認證中，圖3 列在「{type_name}」的有 {len(under)} 張：\n" + self.cert_list(under)
            en = (
                f"Of the {category} certifications in 表6, 圖3 shows {len(under)} under {type_name}:\n"
                + self.cert_list(under, en=True)
            )
        else:
            zh = f"表6 的{category}認證中，圖3 沒有列在「{type_name}」的。"
            en = f"None of the {category} certifications in 表6 is shown under {type_name} in 圖3."
        if rest:
            zh += f"\n其餘{category}認證（圖3 列在其他能力類型）：{'、'.join(c.name for c in rest)}。"
            en += f"\nThe other {category} ones: {', '.join(c.name for c in rest)}."
        zh += f"\n依表5，{category}證照可同時用於其對應的各能力類型。"
        return Card(zh, en, [TABLE6, "三、AI 產業人才能力認證分類 圖3"], native=True)

    def fewest_certs_together(self, targets: Sequence[tuple[str, str]]) -> Card | None:
        """「只用證照把五種能力都達標，最少要考幾張」: the fewest 表6 certificates by category that reach every
        (type, level) by the certificate route. Found by the engine itself over every count of each
        category up to the most any rule asks (tool certificates of different tool domains, so that
        「非同類工具」 can be met); the smallest total wins (on a tie, the first tried: counts go up in
        表3's order of categories)."""
        by_category: dict[str, list[Certification]] = {}
        for c in self.cat.certifications:
            by_category.setdefault(c.category, []).append(c)
        tools = list({c.tool_domain: c for c in by_category.get(TOOL_CATEGORY, []) if c.tool_domain}.values())
        most = max(
            (
                int(c.threshold)
                for r in self.cat.rules.types
                for lv in r.levels
                for rule in lv.rules
                for c in rule.conditions
                if rule.route == "certificate"
            ),
            default=1,
        )
        categories = [c.name for c in self.cat.cert_categories.categories]
        levels = {r.type: [lv.level for lv in r.levels] for r in self.cat.rules.types}
        best: tuple[int, tuple[int, ...]] | None = None
        for counts in itertools.product(range(most + 1), repeat=len(categories)):
            if best is not None and sum(counts) >= best[0]:
                continue
            chosen = []
            for name, n in zip(categories, counts, strict=True):
                pool = tools if name == TOOL_CATEGORY else by_category.get(name, [])
                if n > len(pool):
                    break
                chosen += [c.id for c in pool[:n]]
            else:
                result = assess(parse_profile({"certifications": chosen}, self.cat), self.cat)
                reached = {t["type"]: t["level"] for t in result["types"]}
                if all(
                    reached.get(t, "未達") in levels[t] and levels[t].index(reached[t]) >= levels[t].index(lv)
                    for t, lv in targets
                ):
                    best = (sum(counts), counts)
        if best is None:
            return None
        total, counts = best
        parts = [(name, n) for name, n in zip(categories, counts, strict=True) if n]
        split_zh = "、".join(f"{name} {n} 張" for name, n in parts)
        split_en = ", ".join(f"{n} {name}" for name, n in parts)
        wanted = "、".join(f"{t} {lv}" for t, lv in targets)
        zh = f"只靠證照，{wanted} 全部達標最少要 {total} 張：{split_zh}（表5 證照途徑；表6 各類認證皆可）。"
        if any(name == TOOL_CATEGORY and n >= 2 for name, n in parts):
            zh += "工具類需為不同工具領域（非同類工具）。"
        wanted_en = ", ".join(f"{t} {lv}" for t, lv in targets)
        en = f"By certificates alone, {wanted_en} need at least {total} certificates in total: {split_en} (表5)."
        lines = []
        for r in self.cat.rules.types:
            lv = next((lv for t, lv in targets if t == r.type), None)
            level = next((x for x in r.levels if x.level == lv), None)
            if level is not None:
                routes = "；或 ".join(x.text for x in level.rules if x.route == "certificate")
                lines.append(f"• {r.type} {lv}：{routes}")
        return Card("\n".join([zh, *lines]), en, [TABLE5, TABLE6], native=True)

    def _fewest_hours(self, plans: list[list[dict[tuple, float]]], every: bool) -> tuple[float, list] | None:
        """The cheapest way by training alone: for `every`, one training rule per required level with the
        hours of a shared area counted once (its highest threshold); else the cheapest single level."""

        def in_hours(measures: tuple) -> bool:
            return self.cat.rules.measures[measures[0]].unit == "小時"

        def hours_of(needs: dict[tuple, float]) -> float:
            return sum(h for m, h in needs.items() if in_hours(m))

        if not all(plans):
            return None
        options = itertools.product(*plans) if every else ([p] for options in plans for p in options)
        best = None
        for combo in options:
            needs: dict[tuple, float] = {}
            for rule_needs in combo:
                for measure, threshold in rule_needs.items():
                    needs[measure] = max(needs.get(measure, 0.0), threshold)
            total = hours_of(needs)
            if best is None or total < best[0]:
                parts = [(m, h) for m, h in needs.items() if in_hours(m)]
                best = (total, parts)
        return best

    def _hours_total(self, level_rules: list[Rule]) -> tuple[str, str]:
        """The fewest course hours in all that reach a level by training alone (「只靠上課合計至少 96 小時」):
        the sum of a training rule's hour thresholds, each over different areas. Several conditions only."""
        totals = []
        for rule in level_rules:
            hours = [c.threshold for c in rule.conditions if self.cat.rules.measures[c.measures[0]].unit == "小時"]
            if rule.route == "training" and len(hours) > 1:
                totals.append((sum(hours), hours))
        if not totals:
            return "", ""
        total, parts = min(totals, key=lambda x: x[0])
        terms = "＋".join(f"{h:g}" for h in parts)
        zh = f"（只靠上課，合計至少 {total:g} 小時＝{terms}）"
        return zh, f" (by courses alone, at least {total:g} hours in all = {terms})"

    def tools_card(self, t: CompetencyType, native: bool = False) -> Card:
        rules = next(r for r in self.cat.rules.types if r.type == t.name)
        lines = [f"• {g.group}：{_items(g.tools)}" for g in rules.reference_tools]
        zh = f"{t.name} 的相關 AI 工具參考（表5，不限於列舉）：\n" + "\n".join(lines)
        en = f"Reference AI tools for {t.name} ({t.name_en}) in 表5 (not exhaustive):\n" + "\n".join(
            f"• {g.group}: {', '.join(g.tools)}" for g in rules.reference_tools
        )
        items = self.cat.rules.tool_items
        if any(g.group in items for g in rules.reference_tools):
            # 「工具應用底下分哪幾種工具」: the tool items the hours count by, including those 表5 lists no tool for
            bare = [i for i in items if i not in {g.group for g in rules.reference_tools}]
            zh += f"\n工具項目共 {len(items)} 項：{'、'.join(items)}（表4、表5）" + (
                f"；表5 未列{'、'.join(bare)}的參考工具。" if bare else "。"
            )
            en += f"\nTool items ({len(items)}): {', '.join(items)} (表4, 表5)" + (
                f"; 表5 lists no reference tool for {', '.join(bare)}." if bare else "."
            )
        return Card(zh, en, [TABLE5, "二、AI 產業人才能力架構 圖2"], native=native)

    def type_card(self, t: CompetencyType, native: bool = False, detailed: bool = False) -> Card:
        """The type as 表2 and 表4 present it; `detailed` adds each item's 能力說明 in full (the methods it names)."""
        items = _items([f"{i.number}. {i.name}（{i.description}）" for i in t.items])
        zh = (
            f"{t.number}、{t.name} 屬於 {t.talent_category}，程式能力為 {t.program_level}（表2）。能力項目：{items}。"
            f"能力關鍵內涵：{_items(t.key_contents)}（表4）。"
        )
        said = "".join(f"\n{i.number}. {i.name} 的能力說明（表4）：{''.join(i.details)}" for i in t.items if i.details)
        if detailed and said:
            zh += said
        if t.also_needed_by:
            zh += f"內文亦將它列為 {t.also_needed_by} 所需的能力類型。"
        en = (
            f"{t.name} ({t.name_en}) belongs to {t.talent_category}, programming level {t.program_level} (表2). "
            f"Items: {items}. Key contents: {_items(t.key_contents, '; ')} (表4)."
        )
        if detailed and said:
            en += said
        return Card(zh, en, [TABLE2, TABLE4], native=native)

    def item_card(self, number: int) -> Card:
        t = next(t for t in self.cat.types if any(i.number == number for i in t.items))
        item = next(i for i in t.items if i.number == number)
        details = "".join(item.details)
        zh = f"{item.number}. {item.name}（{t.number}、{t.name}，{t.program_level}）：{item.description}。{details}"
        said_en = f"{item.description_en} ({item.description})" if item.description_en else item.description
        en = f"Item {item.number} {item.name} ({item.name_en}), under {t.name}: {said_en}. {details}"
        # 「第一個是新的嗎」: an item this version added says so, with the reason the preface gives
        added = [h for h in self.cat.document.update_highlights if (m := ADDED.search(h)) and m.group(1) == item.name]
        if added:
            zh += f"\n本版（{self.cat.document.version}）新增此項（前言）：{added[0]}"
            en += f"\nNew in this version ({self.cat.document.version}, 前言): {added[0]}"
            return Card(zh, en, [TABLE2, TABLE4, "前言"])
        return Card(zh, en, [TABLE2, TABLE4])

    # ------------------------------------------------------------------ people
    def role_card(self, r: Role, with_certs: bool) -> Card:
        kind = f"，{r.archetype}" if r.archetype else ""
        archetype = next((a for a in self.cat.roles.application_archetypes if a.name == r.archetype), None)
        zh = (
            f"{_items(r.titles)}（{r.talent_category}{kind}）\n角色定位：{r.positioning}\n核心職責：{''.join(r.duties)}\n"
            f"專業技能：{''.join(r.skills)}"
        )
        en = (
            f"{_items(r.titles)} — {r.name_en} ({r.talent_category}{', ' + r.archetype if r.archetype else ''})"
            f"{'; ' + r.note_en if r.note_en else ''}\n"
            f"Positioning: {r.positioning}\n"
            f"Core duties: {''.join(r.duties)}\nSkills: {''.join(r.skills)}"
        )
        if archetype is not None:
            zh += f"\n{archetype.name}（表7）：{archetype.description}"
            en += f"\n{archetype.name} (表7): {archetype.description}"
        sections = [r.source] + (["附件(四) 表7"] if r.archetype else [])
        routes = self._routes_through(r)
        if routes:  # 「資料分析師 → 資料科學家」: where the role leads in 附件(五)
            zh += "\n發展路徑（附件(五)）：" + "；".join(routes)
            en += "\nCareer path (附件(五)): " + "; ".join(routes)
            sections.append("附件(五)")
        if with_certs:
            card = self.talent_certs(r.talent_category)
            zh += "\n" + card.zh
            en += "\n" + card.en
            sections += card.sections
        return Card(zh, en, sections)

    def category_thresholds_card(self, category: str) -> Card:
        """「素養類證照要幾張才夠？」: the 表5 conditions that count this category's certificates, each with
        the training-hours route that reaches the same level."""
        # the measures counting this category's certificates (工具類: also 「不同工具領域的工具類證照」)
        measures = {m for m, info in self.cat.rules.measures.items() if info.unit == "張" and category in info.label}
        lines_zh, lines_en = [], []
        for t in self.cat.rules.types:
            for lv in t.levels:
                certs = [
                    r
                    for r in lv.rules
                    if r.route == "certificate" and any(measures & set(c.measures) for c in r.conditions)
                ]
                if not certs:
                    continue
                hours = "；".join(r.text.removeprefix(f"{lv.level}：") for r in lv.rules if r.route == "training")
                by_cert = "；或 ".join(r.text.removeprefix(f"{lv.level}：") for r in certs)
                lines_zh.append(
                    f"• {t.number}、{t.type} {lv.level}：{by_cert}" + (f"（或受訓：{hours}）" if hours else "")
                )
                lines_en.append(f"• {t.type} {lv.level}: {by_cert}" + (f" (or training: {hours})" if hours else ""))
        zh = f"表5 以{category}證照計的條件（證照或受訓時數任一途徑即可）：\n" + "\n".join(lines_zh)
        en = f"The 表5 conditions that count {category} certificates (either route reaches the level):\n"
        return Card(zh, en + "\n".join(lines_en), [TABLE5], native=True)

    def abilities_card(self, found: Sequence[tuple[CompetencyType, Sequence[int], str]]) -> Card:
        """「我的能力在指引裡對應什麼」 after a description of one's work: the competency types and items
        (表2) what was described belongs to, with the words that decided each."""
        lines_zh, lines_en = [], []
        for t, numbers, words in found:
            items = [i for i in t.items if i.number in numbers]
            names = "、".join(f"{i.number}. {i.name}" for i in items)
            names_en = ", ".join(f"{i.number}. {i.name} ({i.name_en})" for i in items)
            lines_zh.append(f"• {t.number}、{t.name}（{t.talent_category}）：{names}（「{words}」）")
            lines_en.append(f"• {t.name} ({t.name_en}, {t.talent_category}): {names_en} (“{words}”)")
        zh = "依您描述的工作，對應的能力類型與能力項目（表2）：\n" + "\n".join(lines_zh)
        en = "From the work you describe, the competency types and items it belongs to (表2):\n" + "\n".join(lines_en)
        return Card(zh, en, [TABLE2], native=True)

    def role_types_card(self, r: Role) -> Card:
        """「這種工作需要哪幾種能力類型」 of a role: the types of its talent category (a role has none of
        its own in the guideline), the answer first."""
        tc = next(t for t in self.cat.talent.categories if t.name == r.talent_category)
        types = _items(tc.competency_types) or "（表2 未列出能力類型）"
        zh = f"{r.name}屬於{r.talent_category}，所需能力類型：{types}（表1、表2）。"
        en = f"{r.name_en} ({r.name}) is {r.talent_category}; its competency types: {types} (表1, 表2)."
        return Card(zh, en, [r.source, TABLE1, TABLE2], native=True)

    def _routes_through(self, r: Role) -> list[str]:
        """The 附件(五) routes with a step naming one of the role's titles, as 「名稱：步驟 → 步驟」."""
        titles = [re.sub(r"\s*[（(].*?[)）]", "", t).replace(" ", "") for t in r.titles]
        titles = [t for t in titles if len(t) >= 3]
        out = []
        for path in self.cat.career.paths:
            for route in path.routes:
                if any(t in step.replace(" ", "") for t in titles for step in route.steps):
                    out.append(f"{route.name}：{' → '.join(route.steps)}")
            # the cross-domain moves into or out of the role (「…可加強統計學和資料治理知識，跨域至「資料科學家」路徑」)
            out += [x.rstrip("。") for x in path.cross_domain if any(t in x.replace(" ", "") for t in titles)]
        return list(dict.fromkeys(out))

    def talent_card(self, name: str) -> Card:
        tc = next(t for t in self.cat.talent.categories if t.name == name)
        # each type with its 表2 programming level (No-code / Low-code / Pro-code): 「不會寫 code 算哪種人才」
        levels = {t.name: t.program_level for t in self.cat.types}
        types = _items([f"{t}（{levels[t]}）" if t in levels else t for t in tc.competency_types])
        # 「能力架構有幫研究人才定義能力類型嗎」: which categories 表2 does give types to, said beside the none
        covered = [t.name for t in self.cat.talent.categories if t.competency_types]
        types_en = types or f"none in 表2 (it gives competency types only to {' and '.join(covered)})"
        types = types or f"表2 未列出（能力類型只列給{'與'.join(covered)}）"
        zh = f"{tc.name}：{tc.role}。職責範圍：{_items(tc.duties, '；')}（表1）。所需能力類型：{types}（表2）。"
        en = f"{tc.name} ({tc.name_en}): {tc.role}. Duties: {_items(tc.duties, '; ')} (表1). "
        en += f"Competency types: {types_en}."
        path = next((p for p in self.cat.career.paths if p.talent_category == name), None)
        if path is None or not path.key_skills or tc.competency_types:
            return Card(zh, en, [TABLE1, TABLE2])
        # 研究人才 has no 表2 types: what 附件(五) says it takes (「通常需要碩博士學位」) answers 「需要什麼」
        zh += f"關鍵技能（附件(五)）：{_items(path.key_skills)}。"
        en += f" Key skills (附件(五)): {', '.join(path.key_skills)}."
        return Card(zh, en, [TABLE1, TABLE2, "附件(五)"])

    def talent_titles(self, name: str) -> Card | None:
        """The common job titles the guideline lists for a talent category (表8, 表9), counted; None for a
        category with no such table."""
        roles = [r for r in self.cat.role_list if r.talent_category == name]
        if not roles:
            return None
        tables = list(dict.fromkeys(r.source for r in roles))
        # (表7's two kinds said beside the titles of 表8 they cover: 「AI 加值型」 "value-adding")
        kinds = {a.name: a.name_en for a in self.cat.roles.application_archetypes}
        names = [" / ".join(r.titles) + (f"（{r.archetype}）" if r.archetype else "") for r in roles]
        zh = f"{name} 的常見職稱共列 {len(roles)} 項（{'、'.join(tables)}）：\n" + "\n".join(f"• {n}" for n in names)
        en = f"The guideline lists {len(roles)} common job titles for {name} ({', '.join(tables)}):\n" + "\n".join(
            f"• {r.name_en} ({' / '.join(r.titles)})"
            + (f" — {r.archetype}, {kinds.get(r.archetype, '')}" if r.archetype else "")
            for r in roles
        )
        return Card(zh, en, tables, native=True)

    def talent_certs(self, name: str) -> Card:
        tc = next(t for t in self.cat.talent.categories if t.name == name)
        cats = list(
            dict.fromkeys(c for t in tc.competency_types for c in self.cat.competency_type(t).certification_categories)
        )
        if not cats:
            return Card(
                f"{name} 在表2 沒有對應的能力類型與認證分類。", f"表2 maps no competency types to {name}.", [TABLE1]
            )
        zh = f"{name} 所需能力類型為 {_items(tc.competency_types)}，對應認證分類：{_items(cats)}（表3）。"
        en = (
            f"{name} needs {_items(tc.competency_types, ', ')}; "
            f"the matching certification categories are {', '.join(cats)} (表3)."
        )
        for c in cats:
            zh += f"\n表6 的{c}認證：{_items([x.name for x in self.cat.certs_in(c)])}"
            en += f"\n{c} certifications in 表6: {'; '.join(x.name for x in self.cat.certs_in(c))}"
        return Card(zh, en, [TABLE3, TABLE6])

    def role_named_certs(self, r: Role) -> Card | None:
        """The 表6 certificates whose names carry one of the role's titles (iPAS 初級/中級 AI 應用規劃師 for the
        AI 應用規劃師 role): the guideline names no certificate per role, but these share its name."""
        for title in [r.name, *r.titles]:
            named = [
                c
                for c in self.cat.certifications
                if len(_squashed(title)) >= 4 and _squashed(title) in _squashed(c.name)
            ]
            if named:
                zh = f"表6 中名稱帶「{title}」的認證：" + "".join(f"\n• {c.name}（{c.category}）" for c in named)
                en = f'Certifications in 表6 named after "{title}":' + "".join(
                    f"\n• {c.name} ({c.category})" for c in named
                )
                return Card(zh, en, [TABLE6])
        return None

    def role_career_card(self, r: Role) -> Card:
        """Career routes whose steps name the role (資料分析師 → 資料科學家), else its category's path, plus
        every cross-domain note that names the role (轉管理途徑 → AI 產品經理)."""
        names = [n.split(" (")[0] for n in [r.name, *r.titles, *r.aliases] if len(n) >= 4]
        notes = [x for p in self.cat.career.paths for x in p.cross_domain if any(n in x for n in names)]
        for path in self.cat.career.paths:
            for route in path.routes:
                if any(n in step for n in names for step in route.steps):
                    chain = " → ".join(route.steps)
                    notes += [
                        x
                        for p in self.cat.career.paths
                        for x in p.cross_domain
                        if x not in notes and any(step.split(" (")[0] in x for step in route.steps)
                    ]
                    # (the route's talent category said with it: 資料專業路徑 is AI 開發人才's)
                    zh = f"依附件(五)，{r.name} 所在的{route.name}（{path.talent_category}）：{chain}。" + "".join(
                        notes
                    )
                    en = (
                        f"By 附件(五), {r.name} sits on the {route.name} ({path.talent_category}): {chain}. "
                        + "".join(notes)
                    )
                    skills = route.key_skills or path.key_skills  # what the way there takes
                    if skills:
                        zh += f"\n關鍵技能（附件(五)）：{_items(skills)}。"
                        en += f"\nKey skills (附件(五)): {', '.join(skills)}."
                    return Card(zh, en, ["附件(五)"])
        card = self.career_card(r.talent_category)
        return Card(card.zh + "".join(notes), card.en, card.sections)

    def career_paths_overview(self) -> Card:
        """「指引講的職涯路徑是怎樣」 asked of no one in particular: every route of 附件(五) (圖4), by category."""
        lines_zh, lines_en = [], []
        for path in self.cat.career.paths:
            for r in path.routes:
                lines_zh.append(f"• {r.name}（{path.talent_category}）：{' → '.join(r.steps)}")
                lines_en.append(f"• {path.talent_category} ({path.name_en}) — {r.name}: {' → '.join(r.steps)}")
        n = len(lines_zh)
        zh = f"附件(五)（圖4）列出 {n} 條職業發展路徑：\n" + "\n".join(lines_zh)
        en = f"附件(五) (圖4) lists {n} career routes:\n" + "\n".join(lines_en)
        return Card(zh, en, ["附件(五)"], native=True)

    def career_card(self, name: str) -> Card:
        path = next(p for p in self.cat.career.paths if p.talent_category == name)
        routes = "；".join(f"{r.name}：{' → '.join(r.steps)}" for r in path.routes)
        skills = _items(path.key_skills or [s for r in path.routes for s in r.key_skills])
        zh = f"{name} 的職業發展途徑（附件(五)）：{routes}。關鍵技能：{skills}。跨域指引：{''.join(path.cross_domain)}"
        en = (
            f"Career path for {name} ({path.name_en}, 附件(五)): {routes}. Key skills: {skills}. "
            f"Cross-domain: {''.join(path.cross_domain)}"
        )
        # 「未來若想轉向開發，則需補足…」: what another route's notes say of moving into this one
        moving = self._moving_in(name)
        if moving:
            zh += f"\n從其他路徑轉入：{''.join(moving)}"
            en += f"\nMoving in from another path: {''.join(moving)}"
        first = self._first_levels(name)
        if not first:
            return Card(zh, en, ["附件(五)"])
        # 「想轉成 AI 應用人才要先準備什麼」: the first 表5 level of each of its types is where to start
        zh += "\n起步的參考指標（表5，證照或時數任一途徑）：\n" + "\n".join(f"• {x}" for x in first)
        en += "\nWhere to start (表5, either route):\n" + "\n".join(f"• {x}" for x in first)
        # 「完全沒基礎，要從哪裡開始」: the 附件(七) materials written for this category's types are a first step
        tc = next(t for t in self.cat.talent.categories if t.name == name)
        materials = [r for r in self.cat.resources.resources if set(r.competency_types) & set(tc.competency_types)]
        if not materials:
            return Card(zh, en, ["附件(五)", TABLE5])
        zh += "\n入門教材（附件(七)）：" + "；".join(
            f"{r.name}（{'、'.join(r.developers)}，對應 {'、'.join(r.competency_types)}）" for r in materials
        )
        en += "\nStarter materials (附件(七)): " + "; ".join(
            f"{r.name} ({r.name_en}; {', '.join(r.developers)}; for {', '.join(r.competency_types)})" for r in materials
        )
        return Card(zh, en, ["附件(五)", TABLE5, "附件(七)"])

    def route_named(self, text: str) -> tuple[str, str] | None:
        """(talent category, route name) of the one 附件(五) route a message names by name or alias."""
        found = {
            (p.talent_category, r.name)
            for p in self.cat.career.paths
            for r in p.routes
            if any(w.lower() in text for w in [r.name, *r.aliases])
        }
        return found.pop() if len(found) == 1 else None

    def route_card(self, talent: str, route_name: str) -> Card:
        """「那如果想走資料的路呢」: one route of 附件(五) — its steps, key skills, and the cross-domain notes
        that lead into it (those naming its last step)."""
        path = next(p for p in self.cat.career.paths if p.talent_category == talent)
        route = next(r for r in path.routes if r.name == route_name)
        notes = [x for x in path.cross_domain if any(step in x for step in route.steps[-1:])]
        skills = _items(route.key_skills or path.key_skills)
        zh = f"{route.name}（{talent}，附件(五)）：{' → '.join(route.steps)}。關鍵技能：{skills}。"
        en = f"{route.name} ({talent}, 附件(五)): {' → '.join(route.steps)}. Key skills: {skills}."
        if notes:
            zh += f"\n跨域指引：{''.join(notes)}"
            en += f"\nCross-domain: {''.join(notes)}"
        return Card(zh, en, ["附件(五)"], native=True)

    def _moving_in(self, talent: str) -> list[str]:
        """What the other paths' cross-domain notes say of moving into `talent` (「未來若想轉向開發…」)."""
        short = talent.removeprefix("AI ").removesuffix("人才")
        path = next((p for p in self.cat.career.paths if p.talent_category == talent), None)
        return [x for p in self.cat.career.paths if p is not path for x in p.cross_domain if f"轉向{short}" in x]

    def moving_in_card(self, talent: str) -> Card | None:
        """「想轉去做開發，指引有建議怎麼轉嗎」: the guideline's note on moving into a talent's path."""
        moving = self._moving_in(talent)
        if not moving:
            return None
        return Card(
            f"轉向 {talent}（附件(五)）：{''.join(moving)}",
            f"Moving into {talent} (附件(五)): {''.join(moving)}",
            ["附件(五)"],
        )

    def _first_levels(self, talent: str) -> list[str]:
        tc = next(t for t in self.cat.talent.categories if t.name == talent)
        out = []
        for rules in self.cat.rules.types:
            if rules.type in tc.competency_types:
                lv = rules.levels[0]
                texts = [r.text.removeprefix(f"{lv.level}：") for r in lv.rules]
                out.append(f"{rules.type} {lv.level}：{'；或 '.join(texts)}")
        return out

    def english_name_card(self, kind: str, key: str) -> Card | None:
        """「英文名稱是？」: the English name the guideline's data gives what was talked about."""
        cat = self.cat
        found: list[tuple[str, str]] = []
        if kind == "cert":
            c = cat.certification(key)
            found = [(c.name, c.name_en)]
        elif kind == "role":
            found = [(r.name, r.name_en) for r in cat.role_list if r.id == key]
        elif kind == "talent":
            found = [(t.name, t.name_en) for t in cat.talent.categories if t.name == key]
        elif kind == "type":
            found = [(t.name, t.name_en) for t in cat.types if t.name == key]
        elif kind == "item":
            found = [(i.name, i.name_en) for t in cat.types for i in t.items if str(i.number) == key]
        elif kind == "archetype":
            found = [(a.name, a.name_en) for a in cat.roles.application_archetypes if a.name == key]
        elif kind == "rai":
            found = [(d.name, d.name_en) for d in cat.responsible_ai.dimensions if d.name == key]
        if not found:
            return None
        name, english = found[0]
        zh = f"「{name}」的英文名稱：{english}。"
        en = f"The English name of 「{name}」: {english}."
        return Card(
            zh,
            en,
            [
                TABLE6
                if kind == "cert"
                else "附件(四)"
                if kind in ("role", "archetype")
                else "附件(五)"
                if kind == "talent"
                else TABLE2
            ],
        )

    def own_work_card(
        self, talent: str, archetype: str | None, evidence: list[str], tools: list[str], roles: Sequence[Role] = ()
    ) -> Card:
        """「依您描述的工作…較接近 AI 應用人才（AI 加值型）」: the category the described work fits, with
        the words that decided it, where the tools the person named sit in 表5, and — when a job title
        was asked — the 表8/表9 roles the work reads like."""
        role_zh = f"中的「{archetype}」" if archetype else ""
        role_en = f" ({archetype})" if archetype else ""
        said = "、".join(f"「{w}」" for w in evidence[:4])
        if said:
            zh = (
                f"依所描述的工作內容（{said}），較接近 {talent}{role_zh}（表1" + ("、表7" if archetype else "") + "）。"
            )
            en = f"From the work described ({', '.join(evidence[:4])}), the closest is {talent}{role_en} (表1)."
        else:
            zh = f"依所描述的工作內容，較接近 {talent}{role_zh}（表1）。"
            en = f"From the work described, the closest is {talent}{role_en} (表1)."
        sources = [TABLE1, *(["附件(四) 表7"] if archetype else [])]
        if roles:
            zh += f"職稱上最接近：{'、'.join(r.name for r in roles)}（{roles[0].source}）。"
            en += f" The closest job title: {' / '.join(f'{r.name_en} ({r.name})' for r in roles)} ({roles[0].source})."
            sources.append(roles[0].source)
        placed = [
            (tool, t.type, g.group)
            for tool in tools
            for t in self.cat.rules.types
            for g in t.reference_tools
            if tool in g.tools
        ]
        if placed:
            zh += (
                "您提到的工具："
                + "；".join(f"{tool} 屬表5「{kind}」（{group}）" for tool, kind, group in placed)
                + "。"
            )
            en += " The tools you name: "
            en += "; ".join(f"{tool} is under {kind} ({group}) in 表5" for tool, kind, group in placed) + "."
        return Card(zh, en, [*sources, *([TABLE5] if placed else [])])

    def archetype_card(self, name: str) -> Card:
        a = next(x for x in self.cat.roles.application_archetypes if x.name == name)
        zh = f"{a.name}（AI 應用人才）：{a.positioning} 常見職稱範例：{a.example_titles}（表7）。{a.description}"
        en = f"{a.name} ({a.name_en}, AI 應用人才): {a.positioning} Example titles: {a.example_titles} (表7)."
        return Card(zh, en, ["附件(四) 表7"])

    def industry_card(self, industry: str, talent: list[str]) -> Card:
        rows = [
            s
            for s in self.cat.industries.scenarios
            if s.industry == industry and (not talent or s.talent_category in talent)
        ]
        asked_missing = [t for t in talent if not any(s.talent_category == t for s in rows)]
        rows = rows or [s for s in self.cat.industries.scenarios if s.industry == industry]
        # 「物流業呢？應用人才那張表有列嗎」: a category asked about whose table does not list the industry
        tables = {s.talent_category: s.source for s in self.cat.industries.scenarios}
        absent_zh = "".join(f"\n（{tables.get(t, t)}（{t}）沒有列出{industry}。）" for t in asked_missing)
        absent_en = "".join(f"\n({tables.get(t, t)} ({t}) does not list {industry}.)" for t in asked_missing)
        zh = "\n".join(
            f"• {s.talent_category}（{s.source.split()[-1]}）：應用情境 {_items(s.scenarios)}；貢獻：{s.contribution}"
            for s in rows
        )
        en = "\n".join(
            f"• {s.industry_en}, {s.talent_category} ({s.source.split()[-1]}): "
            f"scenarios {_items(s.scenarios)}; contribution: {s.contribution}"
            for s in rows
        )
        return Card(f"{industry}的 AI 應用舉例：\n{zh}{absent_zh}", en + absent_en, [s.source for s in rows])

    def foundations_card(self) -> Card:
        f = self.cat.career.foundations
        zh = "核心技術基礎（附件(五)）：\n" + "\n".join(f"• {i.name}：{i.text}" for i in f.items) + f"\n{f.note}"
        en = "Core technical foundations (附件(五)):\n" + "\n".join(
            f"• {i.name} ({i.name_en}): {i.text}" for i in f.items
        )
        return Card(zh, en, ["附件(五)"])

    def position_on_routes(self, text: str) -> tuple[str, str, str] | None:
        """(talent category, route, step) where a person says they stand now (「寫 Java 後端五年了」), by the
        route's position words; the first one the text names. `text` is normalised (lower case)."""
        found = []
        for path in self.cat.career.paths:
            for route in path.routes:
                for step, words in route.positions.items():
                    at = [text.find(w.lower()) for w in words if w.lower() in text]
                    if at:
                        found.append((min(at), path.talent_category, route.name, step))
        return min(found)[1:] if found else None

    def next_steps_card(self, talent: str, route_name: str, step: str) -> Card:
        """「我寫 Java 後端，照路線圖下一步跟再下一步是什麼」: the steps after where one stands, the route's key
        skills and, for the development and research routes, the core technical foundations."""
        path = next(p for p in self.cat.career.paths if p.talent_category == talent)
        route = next(r for r in path.routes if r.name == route_name)
        after = route.steps[route.steps.index(step) + 1 :]
        chain = " → ".join(route.steps)
        if after:
            nxt_zh = f"下一步：{after[0]}" + (f"；再下一步：{after[1]}" if len(after) > 1 else "") + "。"
            nxt_en = f"Next: {after[0]}" + (f"; then: {after[1]}" if len(after) > 1 else "") + "."
        else:
            nxt_zh = f"您已在這條路徑的最後一步。跨域指引：{''.join(path.cross_domain)}"
            nxt_en = f"You are at the last step of this route. Cross-domain: {''.join(path.cross_domain)}"
        zh = f"依附件(五)，您目前接近「{route.name}」（{talent}）的「{step}」。{nxt_zh}\n{route.name}：{chain}。"
        en = f"By 附件(五), you stand near 「{step}」 on the {route.name} ({talent}). {nxt_en}\n{route.name}: {chain}."
        # the cross-domain moves from this route's steps (「資料科學家補足軟 / 硬體工程技術亦可轉向 AI 工程師」)
        steps = [x.split(" (")[0] for x in route.steps[route.steps.index(step) :]]
        moves = [x for p in self.cat.career.paths for x in p.cross_domain if any(s in x for s in steps)]
        if moves and after:
            zh += f"\n跨域指引：{''.join(moves)}"
            en += f"\nCross-domain: {''.join(moves)}"
        skills = route.key_skills or path.key_skills
        if skills:
            zh += f"\n關鍵技能：{_items(skills)}。"
            en += f"\nKey skills: {', '.join(skills)}."
        f = self.cat.career.foundations  # with its note: a must for development and research talent
        zh += "\n核心技術基礎：" + "；".join(f"{i.name}（{i.text.rstrip('。')}）" for i in f.items) + f"。{f.note}"
        en += "\nCore technical foundations: " + "; ".join(f"{i.name_en}: {i.text}" for i in f.items)
        return Card(zh, en, ["附件(五)"])

    def soft_skills_card(self) -> Card:
        skills = self.cat.career.soft_skills
        zh = "核心軟技能與終身學習態度（附件(五)）：\n" + "\n".join(f"• {s.name}：{s.text}" for s in skills)
        en = "Core soft skills (附件(五)):\n" + "\n".join(f"• {s.name} ({s.name_en}): {s.text}" for s in skills)
        return Card(zh, en, ["附件(五)"])

    def archetypes_of(self, talents: list[str]) -> list[Card]:
        """表7's two roles when their talent category is the answer (「加值型」 for one who uses AI in their own
        job); the category is the one whose roles carry an archetype in the data."""
        with_archetypes = {r.talent_category for r in self.cat.role_list if r.archetype}
        if not with_archetypes & set(talents):
            return []
        return [self.archetype_card(a.name) for a in self.cat.roles.application_archetypes]

    def suited_talents(self, text: str) -> list[str]:
        """The talent categories whose routes suit a background named in `text` (附件(五) 能力起點)."""
        lowered = text.lower()
        found = [p for p in self.cat.career.starting_points if any(s.lower() in lowered for s in p.signals)]
        talents = [t for p in found[:1] for t in p.suits]  # the first background named decides
        return [t for t in talents if any(path.talent_category == t for path in self.cat.career.paths)][:1]

    def starting_points_card(self) -> Card:
        points = self.cat.career.starting_points
        zh = "確認人才能力起點（附件(五)）：\n" + "\n".join(f"• {p.name}：{p.text}" for p in points)
        en = "Starting points (附件(五)):\n" + "\n".join(f"• {p.name} ({p.name_en}): {p.text}" for p in points)
        return Card(zh, en, ["附件(五)"])

    def rai_overview(self, practical: bool = False) -> Card:
        """The four dimensions of 附件(六); `practical` (「要注意哪些」 "what should I watch out for"): each with
        the first two things the guideline says of it, so the answer says what to do, not only the headings."""
        dims = self.cat.responsible_ai.dimensions
        frameworks = "、".join(self.cat.responsible_ai.frameworks)

        def said(d: Any, en: bool = False) -> str:
            points = d.points_en or d.points if en else d.points
            return "".join(f"\n  – {p}" for p in points[:2]) if practical else ""

        zh = "負責任意識的四個構面（附件(六)）：\n" + "\n".join(f"• {d.heading}{said(d)}" for d in dims)
        zh += f"\n參考的治理框架：{frameworks}。"
        en = (
            "The four dimensions of responsible AI awareness (附件(六)):\n"
            + "\n".join(f"• {d.name} ({d.name_en}): {d.heading}{said(d, en=True)}" for d in dims)
            + f"\nFrameworks cited: {frameworks}."
        )
        return Card(zh, en, ["附件(六)"], native=True)

    def rai_frameworks_card(self) -> Card:
        """「參考了哪些國內外框架」: the governance frameworks 附件(六) names, and what they share."""
        ra = self.cat.responsible_ai
        frameworks = "、".join(ra.frameworks)
        shared = "、".join(d.name for d in ra.dimensions)
        zh = (
            f"附件(六) 參考的國內外 AI 治理框架：{frameworks}。"
            f"指引指出這些框架共同以{shared}等面向為人才應具備的核心素養（即負責任意識的四個構面）。"
        )
        en = (
            f"The governance frameworks 附件(六) cites: {frameworks}. Together they point to the four "
            f"dimensions of responsible AI awareness ({', '.join(d.name_en for d in ra.dimensions)})."
        )
        # 「其中哪個是台灣的、何時公布」: the preface says which law this version aligns with, and when
        cores = [re.sub(r"^.*《|》.*$", "", f) for f in ra.frameworks]
        told = [h for h in self.cat.document.update_highlights if any(c and c in h for c in cores)]
        if told:
            zh += f"前言：{told[0]}"
            en += f" The preface: 「{told[0]}」"
        return Card(zh, en, ["附件(六)", *(["前言"] if told else [])], native=True)

    def coding_needed_card(self, name: str, talent: str, archetype: str | None = None) -> Card:
        """「AI 產品經理需要自己寫程式或訓練模型嗎」: what the role's (or archetype's) talent category asks of
        programming (表2 programming levels of its types) and whether model training is among them."""
        category = next(c for c in self.cat.talent.categories if c.name == talent)
        types = [self.cat.competency_type(t) for t in category.competency_types]
        listed = "、".join(f"{t.name}（{t.program_level}）" for t in types)
        training = next((t for t in self.cat.types if t.name == "AI 模型訓練"), None)
        trains = training is not None and training.name in category.competency_types
        codes = any(t.program_level != "No-code" for t in types)
        if not types:
            zh = f"{name}屬於 {talent}；表2 未列出其能力類型，指引沒有規定其程式能力。"
            en = f"{name} belongs to {talent}; 表2 lists no competency types for it."
            return Card(zh, en, [TABLE2])
        verdict_zh = (
            "需要寫程式，也要訓練模型"
            if trains
            else "不需要自己訓練模型" + ("，程式以 AI 輔助（Low-code）為主" if codes else "，也不需要寫程式（No-code）")
        )
        verdict_en = (
            "needs to code and to train models"
            if trains
            else "does not need to train models itself"
            + (" (AI-assisted, Low-code programming)" if codes else " or to code (No-code)")
        )
        other = ""
        if training is not None and not trains:
            other = f"；{training.name}（{training.program_level}）屬於 {training.talent_category}"
        zh = f"{name}屬於 {talent}，{verdict_zh}：所需能力類型為 {listed}（表2）{other}。"
        en = f"{name} belongs to {talent} and {verdict_en}: its competency types are {listed} (表2)."
        # what 表7 says of the archetype in so many words (「這類導入型人才通常不需要自行訓練 AI 模型或編寫程式…」)
        a = next((x for x in self.cat.roles.application_archetypes if x.name == archetype), None)
        said = [x + "。" for x in (a.description.split("。") if a else []) if "程式" in x or "訓練" in x]
        if said:
            zh = f"{''.join(said)}（{archetype}，表7）\n{zh}"
            en = f"{''.join(said)} ({archetype}, 表7)\n{en}"
            return Card(zh, en, ["附件(四) 表7", TABLE2])
        return Card(zh, en, [TABLE2])

    def update_card(self) -> Card:
        """What this version changed. Each change is headed by what it adds (「AI 治理素養：第一，…新增…」), so
        that 「第二個是在講什麼」 counts over the additions; a highlight that adds nothing leads the list."""
        d = self.cat.document
        lead = [h for h in d.update_highlights if not ADDED.search(h)]
        added = [(m.group(1), h) for h in d.update_highlights if (m := ADDED.search(h))]
        bullets = "\n".join(f"• {name}：{h}" for name, h in added)
        zh = f"本次更新（{d.version}）重點（前言）：{''.join(lead)}\n{bullets}"
        en = f"What the {d.version} update changed (前言): {''.join(lead)}\n{bullets}"
        return Card(zh, en, ["前言"], native=True)

    def tool_group_card(self, groups: list[str]) -> Card:
        hits = [(t, g) for t in self.cat.rules.types for g in t.reference_tools if g.group in groups]
        zh = "表5 的相關 AI 工具參考（不限於列舉）：\n" + "\n".join(
            f"• {g.group}（{t.type}）：{_items(g.tools)}" for t, g in hits
        )
        en = "Reference AI tools in 表5 (not exhaustive):\n" + "\n".join(
            f"• {g.group} ({t.type}): {', '.join(g.tools)}" for t, g in hits
        )
        return Card(zh, en, [TABLE5], native=True)

    def certs_for_domain(self, domains: list[str]) -> Card:
        certs = [c for c in self.cat.certs_in(TOOL_CATEGORY) if c.tool_domain in domains]
        zh = (
            f"表6 的工具類認證中，工具領域屬於{_items(domains)}的有：\n"
            + "\n".join(f"• {c.name}（{c.issuer}）：{c.tool_domain_reason}" for c in certs)
            + "\n（工具領域為本系統依表2 工具項目所做的歸類。）"
        )
        en = f"工具類 certifications in 表6 whose tool domain is {', '.join(domains)}:\n" + "\n".join(
            f"• {c.name} ({c.issuer_en})" for c in certs
        )
        return Card(zh, en, [TABLE6, TABLE2], native=True)

    # ------------------------------------------------------------------ responsible AI, resources, tools, document
    def rai_card(self, name: str) -> Card:
        d = next(x for x in self.cat.responsible_ai.dimensions if x.name == name)
        zh = f"{d.heading}（附件(六)）\n" + "\n".join(f"• {p}" for p in d.points)
        points_en = d.points_en or d.points
        en = f"{d.name} ({d.name_en}) — {d.heading} (附件(六)):\n" + "\n".join(f"• {p}" for p in points_en)
        return Card(zh, en, ["附件(六)"])

    def risk_steps_card(self) -> Card:
        steps = self.cat.responsible_ai.risk_management_steps
        intro = self.cat.responsible_ai.risk_management_intro
        zh = f"{intro}\n" * bool(intro) + "風險管理的四項核心操作流程（附件(六)）：\n"
        zh += "\n".join(f"({s.number}) {s.name}：{s.text}" for s in steps)
        en = "The four core risk-management steps (附件(六)):\n" + "\n".join(
            f"({s.number}) {s.name} ({s.name_en}): {s.text}" for s in steps
        )
        return Card(zh, en, ["附件(六)"])

    def risk_classes_card(self) -> Card:
        rc = self.cat.responsible_ai.risk_classes
        zh = (
            f"{rc.note}風險共分{_zh_count(len(rc.classes))}大類（{len(rc.classes)} 類）："
            + "、".join(f"({c.key}) {c.name}" for c in rc.classes)
            + "（附件(六)）。"
        )
        en = (
            f"AI risks are managed by class (分類管理), not by grade, in {len(rc.classes)} classes: "
            + "; ".join(f"({c.key}) {c.name} ({c.name_en})" for c in rc.classes)
            + " (附件(六))."
        )
        return Card(zh, en, ["附件(六)"])

    def resources_compared(self) -> Card:
        note = f"{self.cat.resources.relation}{self.cat.resources.usage_note}"
        cards = [self.resource_card(r.name, note=False) for r in self.cat.resources.resources]
        return Card(
            "\n".join(c.zh for c in cards) + f"\n{note}", "\n".join(c.en for c in cards) + f"\n{note}", ["附件(七)"]
        )

    def resources_for_types(self, types: list[str]) -> Card:
        """附件(七) asked for one type (「想自學 AI 應用素養，有推薦教材嗎」): the materials that map to it,
        or, when none does, which types the two materials do cover and the 表5 reference tools instead."""
        res = self.cat.resources.resources
        hits = [r for r in res if set(r.competency_types) & set(types)]
        if hits:
            cards = [self.resource_card(r.name, note=False) for r in hits]
            note = self.cat.resources.usage_note
            body_zh, body_en = "\n".join(c.zh for c in cards), "\n".join(c.en for c in cards)
            plural = "s" if len(hits) > 1 else ""
            zh = f"附件(七) 推薦對應 {_items(types)} 的教材共 {len(hits)} 份：\n{body_zh}\n{note}"
            en = f"附件(七) recommends {len(hits)} material{plural} for {', '.join(types)}:\n{body_en}"
            return Card(zh, en, ["附件(七)"])
        order = [t.name for t in self.cat.types]
        covered = sorted({t for r in res for t in r.competency_types}, key=order.index)
        names = _items([f"「{r.name}」" for r in res])
        tools = [self.tools_card(self.cat.competency_type(t)) for t in types]
        zh = (
            f"附件(七) 推薦的教材（{names}）對應 {_items(covered)}，沒有專為 {_items(types)} 列出教材；"
            "可參考表5 列的相關工具：\n" + "\n".join(c.zh for c in tools)
        )
        en = (
            f"The materials 附件(七) recommends ({', '.join(r.name for r in res)}) cover {', '.join(covered)}; "
            f"none is listed for {', '.join(types)}. 表5's reference tools:\n" + "\n".join(c.en for c in tools)
        )
        return Card(zh, en, ["附件(七)", TABLE5])

    def resource_card(self, name: str, note: bool = True) -> Card:
        r = next(x for x in self.cat.resources.resources if x.name == name)
        zh = (
            f"「{r.name}」由{_items(r.developers)}開發，內容涵蓋{_items(r.covers)}，"
            f"對應能力類型 {_items(r.competency_types)}，適用於{r.audience}。下載位置：{r.download}"
        )
        en = (
            f'"{r.name}" ({r.name_en}) by {", ".join(r.developers)} covers {_items(r.covers, ", ")}; '
            f"competency types {', '.join(r.competency_types)}; for {r.audience}. Download: {r.download}"
        )
        if r.details:  # 「它兼顧哪三個層面」: what else the guideline says of this material
            zh += "\n" + "".join(r.details)
            en += "\n" + "".join(r.details)
        if note:  # one material shown alone: 「跟另一份差在哪」 is answered by how the two relate, too
            zh += f"\n{self.cat.resources.relation}\n{self.cat.resources.usage_note}"
        return Card(zh, en, ["附件(七)"])

    def types_of_tool(self, tool: str) -> list[str]:
        """The competency types whose 表5 reference tools list `tool`."""
        return [t.type for t in self.cat.rules.types if any(tool in g.tools for g in t.reference_tools)]

    def tool_card(self, tool: str) -> Card:
        hits = [(t, g) for t in self.cat.rules.types for g in t.reference_tools if tool in g.tools]
        zh = "；".join(f"{tool} 列在表5「{t.type}」的相關工具參考（{g.group}）" for t, g in hits) + "。"
        en = "; ".join(f"{tool} is listed in 表5 as a reference tool for {t.type} ({g.group})" for t, g in hits) + "."
        return Card(zh, en, [TABLE5])

    def document_card(self) -> Card:
        d = self.cat.document
        planners = _items([p.name for p in d.planners])
        zh = (
            f"《{d.title}》版本 {d.version}，出版年月 {d.published}。"
            f"指導單位：{d.supervisor.name}；規劃單位：{planners}；"
            f"執行單位：{d.executor.name}。電話：{d.phone}；地址：{d.address}。"
        )
        en = (
            f"{d.title} ({d.title_en}), version {d.version}, published {d.published} ({d.published_en}). Supervised by "
            f"{d.supervisor.name} ({d.supervisor.name_en}); "
            f"planned by {', '.join(f'{p.name} ({p.name_en})' for p in d.planners)}; "
            f"executed by {d.executor.name} ({d.executor.name_en}). Phone {d.phone}; address {d.address}."
        )
        return Card(zh, en, [d.source])

    # ------------------------------------------------------------------ overviews
    def talent_overview(self) -> Card:
        cats = self.cat.talent.categories
        zh = "指引將 AI 產業人才分為三大類別（表1）：\n" + "\n".join(f"• {c.name}：{c.role}" for c in cats)
        en = "The guideline has three talent categories (表1):\n" + "\n".join(
            f"• {c.name} ({c.name_en}): {c.role}" for c in cats
        )
        return Card(zh, en, [TABLE1], native=True)

    def types_overview(self) -> Card:
        lines = [f"• {t.number}、{t.name}（{t.talent_category}，{t.program_level}）" for t in self.cat.types]
        zh = "五種能力類型（表2）：\n" + "\n".join(lines)
        en = "The five competency types (表2):\n" + "\n".join(
            f"• {t.number}、{t.name} ({t.name_en}; {t.talent_category}; {t.program_level})" for t in self.cat.types
        )
        return Card(zh, en, [TABLE2], native=True)

    def program_level_card(self, level: str) -> Card:
        """「Pro-code 的是哪些」: the competency types 表2 gives one programming level, with their category."""
        types = [t for t in self.cat.types if t.program_level == level]
        talents = list(dict.fromkeys(t.talent_category for t in types))
        zh = f"表2 中程式能力為 {level} 的能力類型共 {len(types)} 種（屬於 {'、'.join(talents)}）：\n" + "\n".join(
            f"• {t.number}、{t.name}：能力項目 {'、'.join(f'{i.number}. {i.name}' for i in t.items)}" for t in types
        )
        en = f"In 表2, {len(types)} competency type(s) are {level} ({', '.join(talents)}):\n" + "\n".join(
            f"• {t.number}、{t.name} ({t.name_en}): items {', '.join(f'{i.number}. {i.name}' for i in t.items)}"
            for t in types
        )
        return Card(zh, en, [TABLE2], native=True)

    def items_overview(self, types: list[CompetencyType] | None = None) -> Card:
        """Every competency item (表2), or the items of the types given, one per line: a list to count over."""
        items = [(t, i) for t in types or self.cat.types for i in t.items]
        head = f"{'、'.join(t.name for t in types)} 的" if types else ""
        zh = f"{head}能力項目共 {len(items)} 項（表2）：\n" + "\n".join(
            f"• {i.number}. {i.name}（{t.name}，{t.program_level}）" for t, i in items
        )
        head_en = f" of {', '.join(t.name for t in types)}" if types else ""
        en = f"There are {len(items)} competency items{head_en} (表2):\n" + "\n".join(
            f"• {i.number}. {i.name} ({i.name_en}; {t.name}; {t.program_level})" for t, i in items
        )
        return Card(zh, en, [TABLE2], native=True)

    def cert_categories_overview(self) -> Card:
        cats = self.cat.cert_categories.categories
        zh = "認證分為三大類別（表3）：\n" + "\n".join(
            f"• {c.name}：{c.focus}對應 {_items(c.competency_types)}；表6 列 {len(self.cat.certs_in(c.name))} 張"
            for c in cats
        )
        en = "Certifications fall into three categories (表3):\n" + "\n".join(
            f"• {c.name} ({c.name_en}): {c.focus_en} Maps to {', '.join(c.competency_types)}; "
            f"{len(self.cat.certs_in(c.name))} in 表6"
            for c in cats
        )
        return Card(zh, en, [TABLE3, TABLE6], native=True)
