"""The gazetteer: every way the catalog names a thing (certifications and aliases, types, items,
categories, roles, issuers, tools, industries, English names), normalised for matching.

Why: entity recognition must come from the data files, so adding an alias to a YAML file is all it
takes for questions to find it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.catalog import Catalog
from knowledge.textnorm import match_key
from rag.textnorm import normalise


@dataclass(frozen=True)
class Form:
    kind: str
    key: str
    text: str
    latin: bool


def catalog_forms(catalog: Catalog) -> list[Form]:
    out: list[tuple[str, str, str]] = []
    for c in catalog.certifications:
        out += [("cert", c.id, f) for f in (c.id, c.name, c.name_en, *c.aliases)]
        out.append(("issuer", c.issuer, c.issuer))
        if c.issuer_en != c.issuer:
            out.append(("issuer", c.issuer, c.issuer_en))
    for issuer, forms in {
        "資訊工業策進會": ["資策會", "iii"],
        "中華民國電腦技能基金會": ["電腦技能基金會", "tqc", "csf"],
        "台灣人工智慧學校": ["人工智慧學校", "aia", "taiwan ai academy"],
        "經濟部產業發展署": ["產業發展署", "產發署", "ipas"],
        "Amazon Web Services, Inc.": ["aws", "amazon"],
        "Microsoft Corporation": ["microsoft", "微軟", "azure"],
        "NVIDIA Corporation": ["nvidia", "輝達"],
        "Google LLC – Google Cloud Division": ["google", "谷歌"],
        "International Business Machines Corporation (IBM)": ["ibm"],
    }.items():
        out += [("issuer", issuer, f) for f in forms]
    for t in catalog.types:
        out += [("type", t.name, f) for f in (t.name, t.name_en, f"{t.number}、{t.name}", *t.aliases)]
        for item in t.items:
            out += [("item", f"{item.number}", f) for f in (item.name, item.name_en)]
    for cc in catalog.cert_categories.categories:
        out += [
            ("cert_category", cc.name, f)
            for f in (cc.name, f"{cc.name_en} category", f"{cc.name_en.lower()} certification")
        ]
    for tc in catalog.talent.categories:
        short = tc.name.removeprefix("AI ").strip()
        en = tc.name_en.split(" (")[0]
        out += [("talent", tc.name, f) for f in (tc.name, short, en, tc.name_en.split("(")[-1].rstrip(")"))]
    for a in catalog.roles.application_archetypes:
        out += [("archetype", a.name, f) for f in (a.name, a.name.replace(" ", ""), a.name_en)]
    for r in catalog.role_list:
        out += [("role", r.id, f) for f in (r.name, r.name_en, *r.titles, *r.aliases)]
    for s in catalog.industries.scenarios:
        out += [
            ("industry", s.industry, f) for f in (s.industry, s.industry_en, s.industry.rstrip("業"), s.industry[:2])
        ]
    for d in catalog.responsible_ai.dimensions:
        out += [("rai", d.name, f) for f in (d.name, d.name_en)]
    for form in (
        "風險管理",
        "核心操作流程",
        "風險管理流程",
        "風險分級管理",
        "risk management",
        "risk management steps",
    ):
        out.append(("risk", "steps", form))
    for form in (
        "三大類",
        "風險類型",
        "風險分類",
        "分類管理",
        "risk classes",
        "risk categories",
        "risk types",
        "types of risk",
    ):
        out.append(("risk", "classes", form))
    for key, forms in {
        "foundations": (
            "核心技術基礎",
            "技術基礎",
            "扎實基礎",
            "背景知識",
            "technical foundations",
            "foundations",
            "basics",
        ),
        "soft_skills": ("軟技能", "軟實力", "soft skills", "soft skill"),
        "starting_points": ("能力起點", "人才能力起點", "starting point", "starting points"),
    }.items():
        out += [("career_topic", key, f) for f in forms]
    for res in catalog.resources.resources:
        out += [("resource", res.name, f) for f in (res.name, res.name_en, *res.aliases)]
    for t in catalog.rules.types:
        for group in t.reference_tools:
            for tool in group.tools:
                out.append(("tool", tool, re.sub(r"\(.*?\)", "", tool).strip()))
    forms: dict[tuple[str, str], Form] = {}
    for kind, key, text in out:
        text = normalise(text)
        if len(match_key(text)) < 2:
            continue
        latin = bool(re.fullmatch(r"[a-z0-9 .+&/-]+", text))
        forms.setdefault((kind, match_key(text)), Form(kind, key, text, latin))
    return sorted(forms.values(), key=lambda f: -len(match_key(f.text)))
