"""Catalog queries: counts, filters and side-by-side comparisons computed from the structured data.

Why: 「表6 一共有多少張證照？」 or "AWS 的專案類有哪些" must be answered by counting the data, never
from a number written in code or a passage that happens to mention a count; the first sentence
states the result, the list follows, then the source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.catalog import Catalog
from knowledge.models import Certification
from knowledge.views.cards import TABLE1, TABLE2, TABLE3, TABLE5, TABLE6, Card, issuer_en

SCOPE_EN = {"國內": "domestic", "國際": "international"}


@dataclass(frozen=True)
class CertFilter:
    """Which 表6 certifications a question restricts itself to; empty fields do not restrict."""

    categories: tuple[str, ...] = ()
    issuers: tuple[str, ...] = ()
    scope: str | None = None  # 國內 / 國際
    excluded_issuers: tuple[str, ...] = ()  # 「不是資策會辦的」: every issuer but these

    def admits(self, c: Certification) -> bool:
        return (
            (not self.categories or c.category in self.categories)
            and (not self.issuers or c.issuer in self.issuers)
            and c.issuer not in self.excluded_issuers
            and (self.scope is None or c.scope == self.scope)
        )

    def describe(self, en: bool = False) -> str:
        parts = []
        if self.issuers:
            parts.append((" / " if en else "、").join(self.issuers) + ("" if en else " 辦理的"))
        if self.excluded_issuers:
            names = (" / " if en else "、").join(self.excluded_issuers)
            parts.append(f"non-{names}" if en else f"非 {names} 辦理的")
        if self.scope:
            parts.append(SCOPE_EN[self.scope] if en else self.scope)
        if self.categories:
            parts.append((" / " if en else "、").join(self.categories))
        return " ".join(parts) if en else "".join(parts)


# words that name no subject of a certificate: every certificate's name holds some of them
SUBJECT_FILLER = frozenset(
    {
        "certified",
        "certification",
        "certificate",
        "cert",
        "certs",
        "the",
        "and",
        "for",
        "specifically",
        "about",
        "認證",
        "證照",
        "證書",
        "能力",
        "專業",
        "有關",
        "相關",
        "方面",
        "專門",
        "應用",
    }
)


def _cert_bullets(certs: Sequence[Certification]) -> tuple[str, str]:
    """One line per certificate with its category and issuer (Chinese, English)."""
    zh = "\n".join(f"• {c.name}（{c.category}，{c.issuer}）" for c in certs)
    en = "\n".join(f"• {c.name} ({c.category}, {issuer_en(c)})" for c in certs)
    return zh, en


class CatalogQueries:
    def __init__(self, catalog: Catalog) -> None:
        self.cat = catalog

    def category_counts(self) -> list[tuple[str, int]]:
        return [(cc.name, len(self.cat.certs_in(cc.name))) for cc in self.cat.cert_categories.categories]

    def count_certs(self, f: CertFilter, within: Sequence[Certification] | None = None) -> Card:
        """「表6 共列 24 張認證：素養類 11 張、工具類 6 張、專案類 7 張。」 or the count under a filter, with
        the list."""
        total = len(self.cat.certifications)
        split_zh = "、".join(f"{name} {n} 張" for name, n in self.category_counts())
        split_en = ", ".join(f"{name} {n}" for name, n in self.category_counts())
        if f == CertFilter():
            zh = f"表6 共列 {total} 張認證：{split_zh}。"
            en = f"表6 lists {total} certifications: {split_en}."
            return Card(zh, en, [TABLE6, TABLE3], native=True)
        pool = list(within) if within is not None else self.cat.certifications
        certs = [c for c in pool if f.admits(c)]
        label_zh, label_en = f.describe(), f.describe(en=True)
        if not certs:
            zh = f"表6 沒有{label_zh}認證（表6 共 {total} 張：{split_zh}）。"
            en = f"表6 has no {label_en} certification (it lists {total}: {split_en})."
            return Card(zh, en, [TABLE6], native=True)
        lines_zh, lines_en = _cert_bullets(certs)
        of_zh, of_en = f"全表共 {total} 張", f"of {total} in all"
        if len(f.categories) == 1 and (f.scope or f.issuers or f.excluded_issuers):
            # "how many in that category, and which are domestic?": the category's own count too
            name = f.categories[0]
            n = len(self.cat.certs_in(name))
            of_zh, of_en = f"{name}共 {n} 張，{of_zh}", f"of the {n} {name} ones, {total} in all"
        zh = f"表6 中{label_zh}認證共 {len(certs)} 張（{of_zh}）：\n{lines_zh}"
        en = f"表6 has {len(certs)} {label_en} certification(s) ({of_en}):\n{lines_en}"
        return Card(zh, en, [TABLE6], native=True)

    def count_split(self, f: CertFilter) -> Card:
        """「不是專案類的共幾張？各幾張？」: the filtered total and each category's share, without the list."""
        certs = [c for c in self.cat.certifications if f.admits(c)]
        parts = [(name, sum(1 for c in certs if c.category == name)) for name, _ in self.category_counts()]
        parts = [(name, n) for name, n in parts if n]
        total = len(self.cat.certifications)
        zh = (
            f"表6 中{f.describe()}認證共 {len(certs)} 張（全表共 {total} 張）："
            + "、".join(f"{name} {n} 張" for name, n in parts)
            + "。"
        )
        en = (
            f"表6 has {len(certs)} {f.describe(en=True)} certification(s) (of {total} in all): "
            + ", ".join(f"{name} {n}" for name, n in parts)
            + "."
        )
        return Card(zh, en, [TABLE6], native=True)

    def count_difference(self, a: CertFilter, b: CertFilter) -> Card:
        """「素養類比工具類多幾張？」: both counts and their difference, the answer first."""
        na = sum(1 for c in self.cat.certifications if a.admits(c))
        nb = sum(1 for c in self.cat.certifications if b.admits(c))
        la, lb = (f.describe().replace(" 辦理的", "") for f in (a, b))  # the issuer's name alone reads better
        ea, eb = a.describe(en=True), b.describe(en=True)
        if na == nb:
            zh = f"{la}與{lb}在表6 的認證一樣多，各 {na} 張。"
            en = f"表6 lists as many {ea} as {eb} certifications: {na} each."
        else:
            (more, n_more, e_more), (less, n_less, e_less) = sorted([(la, na, ea), (lb, nb, eb)], key=lambda x: -x[1])
            zh = f"表6 中{more} {n_more} 張、{less} {n_less} 張：{more}多 {n_more - n_less} 張。"
            en = f"表6 lists {n_more} {e_more} and {n_less} {e_less} certifications: {n_more - n_less} more {e_more}."
        return Card(zh, en, [TABLE6], native=True)

    def _issuer_counts(self, f: CertFilter) -> dict[str, int]:
        """Each issuer's number of 表6 certificates the filter admits, in 表6's order of first appearance."""
        counts: dict[str, int] = {}
        for c in self.cat.certifications:
            if f.admits(c):
                counts[c.issuer] = counts.get(c.issuer, 0) + 1
        return counts

    def issuers_ranked(self, f: CertFilter, fewest: bool = False) -> Card:
        """「哪個機構辦的認證最多？」: issuers by their number of 表6 certificates (under the filter's
        category or scope), the top ones first with ties named together, then every issuer's count."""
        counts = self._issuer_counts(f)
        if not counts:
            return self.count_certs(f)
        ranked = sorted(counts.items(), key=lambda x: (x[1], x[0]) if fewest else (-x[1], x[0]))
        edge = ranked[0][1]
        top = [name for name, n in ranked if n == edge]
        label_zh, label_en = f.describe(), f.describe(en=True)
        word_zh, word_en = ("最少", "fewest") if fewest else ("最多", "most")
        rest_zh = "、".join(f"{name} {n} 張" for name, n in ranked)
        rest_en = ", ".join(f"{name} {n}" for name, n in ranked)
        zh = f"表6 中辦理{label_zh}認證{word_zh}的是{'與'.join(top)}（各 {edge} 張）。各辦理單位：{rest_zh}。"
        if len(top) == 1:
            zh = zh.replace(f"（各 {edge} 張）", f"（{edge} 張）")
        what_en = " ".join(x for x in (word_en, label_en, "certifications") if x)
        en = f"In 表6, {' and '.join(top)} issue the {what_en} ({edge}). By issuer: {rest_en}."
        total = sum(counts.values())  # 「專案類共幾張、哪家最多」: the count the ranking is over
        zh += f"（{label_zh}認證共 {total} 張）" if label_zh else f"（全表共 {total} 張）"
        en += f" ({total} {label_en} certifications in all.)" if label_en else f" ({total} in all.)"
        return Card(zh, en, [TABLE6], native=True)

    def issuers_counted(self, f: CertFilter) -> Card:
        """「表6 總共有幾個不同的辦理單位」 "how many different issuers": the distinct issuers (under the
        filter's category or scope), the count first, then each with its number of certificates."""
        counts = self._issuer_counts(f)
        if not counts:
            return self.count_certs(f)
        ranked = sorted(counts.items(), key=lambda x: (-x[1], x[0]))
        total = sum(counts.values())
        label_zh, label_en = f.describe(), f.describe(en=True)
        rest_zh = "、".join(f"{name} {n} 張" for name, n in ranked)
        rest_en = ", ".join(f"{name} ({n})" for name, n in ranked)
        zh = f"表6 的{label_zh}認證共 {total} 張，來自 {len(counts)} 個不同的辦理單位：{rest_zh}。"
        what_en = " ".join(x for x in (label_en, "certifications") if x)
        en = f"The {total} {what_en} of 表6 come from {len(counts)} different issuers: {rest_en}."
        return Card(zh, en, [TABLE6], native=True)

    def certs_on_subject(self, subject: str, f: CertFilter) -> Card | None:
        """「有沒有跟行銷有關的證照」 "a certification specifically about marketing": the 表6 certificates whose
        name or another name holds the subject's distinctive words (a word most certificates share — AI,
        認證 — says nothing); None when none does."""

        def words(text: str) -> list[str]:
            return [
                w for w in re.findall(r"[a-z][a-z+]{2,}|[\u4e00-\u9fff]{2,}", text.lower()) if w not in SUBJECT_FILLER
            ]

        names = {c.id: " ".join([c.name, *c.aliases]).lower() for c in self.cat.certifications if f.admits(c)}
        wanted = [w for w in words(subject) if 0 < sum(w in n for n in names.values()) <= 3]
        if not wanted:
            return None
        certs = [c for c in self.cat.certifications if c.id in names and all(w in names[c.id] for w in wanted)]
        if not certs:
            return None
        lines, lines_en = _cert_bullets(certs)
        label = subject.strip()
        zh = f"表6 中名稱與「{label}」有關的{f.describe()}認證共 {len(certs)} 張：\n{lines}"
        what_en = " ".join(
            x for x in (f.describe(en=True), "certification" if len(certs) == 1 else "certifications") if x
        )
        en = f"表6 lists {len(certs)} {what_en} named for “{label}”:\n{lines_en}"
        return Card(zh, en, [TABLE6], native=True)

    def certs_named_like(self, titles: Sequence[str], f: CertFilter) -> Card:
        """「有沒有名稱跟這個職務很像的證照」: the 表6 certificates whose names contain one of the job's titles."""

        def bare(x: str) -> str:
            return re.sub(r"\s+", "", x).lower()

        wanted = [bare(t) for t in titles if len(bare(t)) >= 4]
        certs = [c for c in self.cat.certifications if f.admits(c) and any(t in bare(c.name) for t in wanted)]
        label = "、".join(f"「{t}」" for t in titles)
        if not certs:
            zh = f"表6 沒有{f.describe()}名稱與{label}相近的認證。"
            en = f"表6 lists no {f.describe(en=True)} certification named like {', '.join(titles)}."
            return Card(zh, en, [TABLE6], native=True)
        lines, lines_en = _cert_bullets(certs)
        zh = f"表6 中{f.describe()}名稱與{label}相近的認證共 {len(certs)} 張：\n{lines}"
        en = f"表6 has {len(certs)} {f.describe(en=True)} certification(s) named like {', '.join(titles)}:\n{lines_en}"
        return Card(zh, en, [TABLE6], native=True)

    def industry_tables(self) -> Card:
        """「表10 跟表11 列的產業有哪些不一樣」: the industries both tables list and those only one lists."""
        by_talent: dict[str, list[str]] = {}
        table: dict[str, str] = {}
        for row in self.cat.industries.scenarios:
            by_talent.setdefault(row.talent_category, []).append(row.industry)
            table[row.talent_category] = row.source.split()[-1]
        (ta, a), (tb, b) = list(by_talent.items())[:2]
        both = [x for x in a if x in b]
        only_a, only_b = [x for x in a if x not in b], [x for x in b if x not in a]
        na, nb = table[ta], table[tb]
        zh = (
            f"{na}（{ta}）列 {len(a)} 個產業，{nb}（{tb}）列 {len(b)} 個。"
            f"只在{na}：{'、'.join(only_a) or '無'}；只在{nb}：{'、'.join(only_b) or '無'}；"
            f"兩表都有：{'、'.join(both)}。合起來共 {len(set(a) | set(b))} 個不同的產業。"
        )
        en = (
            f"{na} ({ta}) lists {len(a)} industries and {nb} ({tb}) {len(b)}. Only in {na}: "
            f"{', '.join(only_a) or 'none'}; only in {nb}: {', '.join(only_b) or 'none'}; in both: {', '.join(both)}. "
            f"{len(set(a) | set(b))} different industries in all."
        )
        return Card(zh, en, [f"附件(四) {na}", f"附件(四) {nb}"], native=True)

    def classify_certs(self, certs: Sequence[Certification], categories: Sequence[str]) -> Card:
        """「這幾張哪些是工具類？」: each named certification with its category, the matching ones first."""
        wanted = set(categories)
        match = [c for c in certs if c.category in wanted]
        other = [c for c in certs if c.category not in wanted]
        label = "、".join(categories)
        head_zh = (
            f"其中 {len(match)} 張屬於{label}：{'、'.join(f'「{c.name}」' for c in match)}。"
            if match
            else f"這幾張都不屬於{label}。"
        )
        head_en = (
            f"Of these, {len(match)} are {label}: {'; '.join(c.name for c in match)}."
            if match
            else f"None of these is {label}."
        )
        lines_zh = "\n".join(f"• {c.name}：{c.category}（{c.issuer}）" for c in [*match, *other])
        lines_en = "\n".join(f"• {c.name}: {c.category} ({issuer_en(c)})" for c in [*match, *other])
        return Card(f"{head_zh}\n{lines_zh}", f"{head_en}\n{lines_en}", [TABLE6], native=True)

    def retired_certs(self, excluding: Sequence[str] = ()) -> Card:
        """「哪些證照要停辦？」: the certifications 表6's notes say are retired, and what follows each — or,
        after one of them was talked about (「另一個要停辦的是哪張？」), the others."""
        noted = [c for c in self.cat.certifications if c.replaces]
        others = [c for c in noted if c.id not in excluding] or noted
        lines = "\n".join(
            f"• {note}（表6 現列：{c.name}，{c.category}）"
            for c in others
            for note in c.notes
            if c.replaces and c.replaces in note
        )
        if len(others) < len(noted):
            zh = f"另外{'一' if len(others) == 1 else len(others)}張：\n{lines}"
            en = f"The other one{'s' if len(others) > 1 else ''} (表6's notes):\n{lines}"
        else:
            zh = f"表6 的說明列出 {len(noted)} 張將停辦的認證及接續的認證：\n{lines}"
            en = f"表6's notes list {len(noted)} certifications being retired, and what follows each:\n{lines}"
        return Card(zh, en, [TABLE6], native=True)

    def table_rows(self, number: int) -> tuple[str, list[str]] | None:
        """What table `number` lists, as (what its rows are, their names), computed from the data."""
        cat = self.cat
        by_source = {
            1: ("人才類別", [t.name for t in cat.talent.categories]),
            2: ("能力類型", [t.name for t in cat.types]),
            3: ("認證分類", [c.name for c in cat.cert_categories.categories]),
            6: ("認證", [c.name for c in cat.certifications]),
            7: ("角色類型", [a.name for a in cat.roles.application_archetypes]),
        }
        for n in (8, 9):
            by_source[n] = ("常見職稱", [r.name for r in cat.role_list if r.source.endswith(f"表{n}")])
        for n in (10, 11):
            by_source[n] = ("產業別", [s.industry for s in cat.industries.scenarios if s.source.endswith(f"表{n}")])
        return by_source.get(number)

    def count_table(self, number: int) -> Card | None:
        found = self.table_rows(number)
        if found is None or not found[1]:
            return None
        what, names = found
        section = f"附件(四) 表{number}" if number >= 7 else {1: TABLE1, 2: TABLE2, 3: TABLE3, 6: TABLE6}[number]
        zh = f"表{number} 共列 {len(names)} 個{what}：{'、'.join(names)}。"
        en = f"表{number} lists {len(names)} ({what}): {', '.join(names)}."
        return Card(zh, en, [section], native=True)

    def list_table(self, number: int) -> Card | None:
        """「表8 列了哪些職稱？」: the rows of a table, one per line, in the guideline's order (what 「第四列」
        then counts over)."""
        found = self.table_rows(number)
        if found is None or not found[1]:
            return None
        what, names = found
        if number in (8, 9):  # a row may give several titles (「AI 應用規劃師 / AI 導入顧問 / 流程優化專員」)
            names = [" / ".join(r.titles) or r.name for r in self.cat.role_list if r.source.endswith(f"表{number}")]
        section = f"附件(四) 表{number}" if number >= 7 else {1: TABLE1, 2: TABLE2, 3: TABLE3, 6: TABLE6}[number]
        rows = "\n".join(f"• {n}" for n in names)
        zh = f"表{number} 列出 {len(names)} 個{what}：\n{rows}"
        en = f"表{number} lists {len(names)} ({what}):\n{rows}"
        return Card(zh, en, [section], native=True)

    # ------------------------------------------------------------------ comparisons
    def compare_certs(self, certs: Sequence[Certification]) -> Card:
        same = len({c.category for c in certs}) == 1
        names = "與".join(f"「{c.name}」" for c in certs)
        head = (
            f"{names}同屬表6 的{certs[0].category}認證。"
            if same
            else f"{names}分屬不同認證分類：" + "、".join(f"{c.name}為{c.category}" for c in certs) + "。"
        )
        head_en = (
            f"Both are {certs[0].category} certifications in 表6."
            if same
            else "They fall into different 表6 categories: " + "; ".join(f"{c.name}: {c.category}" for c in certs) + "."
        )
        rows_zh, rows_en = [], []
        for c in certs:
            cc = next(x for x in self.cat.cert_categories.categories if x.name == c.category)
            domain = f"；工具領域 {c.tool_domain}" if c.tool_domain else ""
            rows_zh.append(
                f"• {c.name}：{c.category}（對應 {'、'.join(cc.competency_types)}）；{c.scope}"
                f"；辦理單位 {c.issuer}{domain}"
            )
            rows_en.append(
                f"• {c.name}: {c.category} (→ {', '.join(cc.competency_types)}); {SCOPE_EN[c.scope]}; "
                f"issued by {issuer_en(c)}{'; tool domain ' + c.tool_domain if c.tool_domain else ''}"
            )
        return Card(f"{head}\n" + "\n".join(rows_zh), f"{head_en}\n" + "\n".join(rows_en), [TABLE6, TABLE3])

    def compare_types(self, names: Sequence[str]) -> Card:
        types = [self.cat.competency_type(n) for n in names]
        rows_zh, rows_en = [], []
        for t in types:
            rules = next(r for r in self.cat.rules.types if r.type == t.name)
            cert_rules = "；或 ".join(r.text for lv in rules.levels for r in lv.rules if r.route == "certificate")
            hour_rules = "；或 ".join(r.text for lv in rules.levels for r in lv.rules if r.route == "training")
            items = "、".join(i.name for i in t.items)
            rows_zh.append(
                f"• {t.number}、{t.name}：{t.talent_category}，{t.program_level}；能力項目 {items}；"
                f"認證分類 {'、'.join(t.certification_categories)}；表5 證照 {cert_rules}；時數 {hour_rules}"
            )
            rows_en.append(
                f"• {t.name} ({t.name_en}): {t.talent_category}, {t.program_level}; items {items}; "
                f"certificates {', '.join(t.certification_categories)}; 表5: {cert_rules} / {hour_rules}"
            )
        same = len({t.talent_category for t in types}) == 1
        head = (
            f"兩者都屬於 {types[0].talent_category}，差別在程式能力與門檻："
            if same
            else "、".join(f"{t.name}屬於{t.talent_category}" for t in types) + "："
        )
        head_en = "Side by side (表2, 表3, 表5):"
        return Card(f"{head}\n" + "\n".join(rows_zh), f"{head_en}\n" + "\n".join(rows_en), [TABLE2, TABLE3, TABLE5])

    def compare_categories(self, names: Sequence[str]) -> Card:
        rows_zh, rows_en = [], []
        for name in names:
            cc = next(x for x in self.cat.cert_categories.categories if x.name == name)
            n = len(self.cat.certs_in(name))  # type: ignore[arg-type]
            rows_zh.append(f"• {cc.name}：{cc.focus}對應 {'、'.join(cc.competency_types)}；表6 列 {n} 張")
            rows_en.append(f"• {cc.name} ({cc.name_en}): {cc.focus} → {', '.join(cc.competency_types)}; {n} in 表6")
        head = "、".join(f"{x}" for x in names) + " 的差別（表3）："
        return Card(head + "\n" + "\n".join(rows_zh), "Compared (表3):\n" + "\n".join(rows_en), [TABLE3, TABLE6])

    def compare_talents(self, names: Sequence[str]) -> Card:
        rows_zh, rows_en = [], []
        for name in names:
            tc = next(t for t in self.cat.talent.categories if t.name == name)
            types = (
                "、".join(f"{t}（{self.cat.competency_type(t).program_level}）" for t in tc.competency_types)
                or "表2 未列能力類型"
            )
            rows_zh.append(f"• {tc.name}：{tc.role}；職責範圍 {'；'.join(tc.duties)}；所需能力類型 {types}")
            rows_en.append(f"• {tc.name} ({tc.name_en}): {tc.role}; competency types {types}")
        return Card(
            "兩類人才的差別（表1、表2）：\n" + "\n".join(rows_zh),
            "Compared (表1, 表2):\n" + "\n".join(rows_en),
            [TABLE1, TABLE2],
        )

    def compare_archetypes(self) -> Card:
        rows = self.cat.roles.application_archetypes
        zh = "AI 加值型與 AI 導入型同屬 AI 應用人才，差別在角色定位（表7）：\n" + "\n".join(
            f"• {a.name}：{a.positioning} 常見職稱：{a.example_titles}" for a in rows
        )
        en = "Both archetypes are AI 應用人才; they differ in positioning (表7):\n" + "\n".join(
            f"• {a.name} ({a.name_en}): {a.positioning} Titles: {a.example_titles}" for a in rows
        )
        return Card(zh, en, ["附件(四) 表7"], native=True)

    def compare_roles(self, role_ids: Sequence[str]) -> Card:
        roles = [r for rid in role_ids for r in self.cat.role_list if r.id == rid]
        rows_zh = [
            f"• {'、'.join(r.titles)}：{r.talent_category}{'（' + r.archetype + '）' if r.archetype else ''}"
            f"；角色定位 {r.positioning}；專業技能 {''.join(r.skills)}"
            for r in roles
        ]
        rows_en = [
            f"• {r.name} ({r.name_en}): {r.talent_category}{', ' + r.archetype if r.archetype else ''}"
            f"{'; ' + r.note_en if r.note_en else ''}; {r.positioning}"
            for r in roles
        ]
        same = len({r.talent_category for r in roles}) == 1
        head = (
            f"兩者都屬於 {roles[0].talent_category}："
            if same
            else "、".join(f"{r.name}屬於{r.talent_category}" for r in roles) + "："
        )
        return Card(
            head + "\n" + "\n".join(rows_zh), "Compared:\n" + "\n".join(rows_en), sorted({r.source for r in roles})
        )
