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


def catalog_forms(catalog: Catalog, topics: dict[str, dict[str, list[str]]]) -> list[Form]:
    """Every (kind, key, surface form); `topics` is `rag/data/topic_forms.yaml`."""
    out: list[tuple[str, str, str]] = []
    for c in catalog.certifications:
        names = (c.id, c.name, c.name_en, *c.aliases)
        out += [("cert", c.id, f) for f in names]
        # "AWS Certified Machine Learning Engineer Associate": people drop the brackets and dashes of a name
        out += [("cert", c.id, bare) for f in names if (bare := _without_punctuation(f)) != f]
        out.append(("issuer", c.issuer, c.issuer))
        if c.issuer_en != c.issuer:
            out.append(("issuer", c.issuer, c.issuer_en))
            # "the Institute for Information Industry": the English name without its bracketed abbreviation
            if (plain := re.sub(r"\s*\([^)]*\)", "", c.issuer_en).strip()) and plain != c.issuer_en:
                out.append(("issuer", c.issuer, plain))
    for kind, keys in topics.items():
        for key, forms in keys.items():
            out += [(kind, key, f) for f in forms]
    type_forms = {f for t in catalog.types for f in (t.name, *t.aliases)}
    for t in catalog.types:
        out += [("type", t.name, f) for f in (t.name, t.name_en, f"{t.number}、{t.name}", *t.aliases)]
        for item in t.items:
            out += [("item", f"{item.number}", f) for f in (item.name, item.name_en)]
            # 「治理素養」「協作與開發」: an item's name without its leading 「AI」, when that names nothing else
            bare = item.name.removeprefix("AI ").strip()
            if bare != item.name and len(bare) >= 4 and bare not in type_forms:
                out.append(("item", f"{item.number}", bare))
    for cc in catalog.cert_categories.categories:
        out += [
            ("cert_category", cc.name, f)
            for f in (
                cc.name,
                f"{cc.name_en} category",
                f"{cc.name_en.lower()} certification",
                f"{cc.name_en.lower()}-type",
                f"{cc.name_en.lower()} type",
                f"{cc.name_en.lower()}-category",
                f"{cc.name_en.lower()} ones",  # "how many are literacy ones" (certificates talked about)
                f"{cc.name_en.lower()}-class",
            )
        ]
    for tc in catalog.talent.categories:
        short = tc.name.removeprefix("AI ").strip()
        en = tc.name_en.split(" (")[0]
        forms = (tc.name, short, en, tc.name_en.split("(")[-1].rstrip(")"), *tc.aliases)
        out += [("talent", tc.name, f) for f in forms]
    for a in catalog.roles.application_archetypes:
        # 「導入型人才」: the guideline also names them without the leading "AI"
        short = a.name.split()[-1]
        out += [("archetype", a.name, f) for f in (a.name, a.name.replace(" ", ""), a.name_en, short, *a.aliases)]
    for r in catalog.role_list:
        out += [("role", r.id, f) for f in (r.name, r.name_en, *r.titles, *r.aliases)]
    for s in catalog.industries.scenarios:
        out += [
            ("industry", s.industry, f)
            for f in (s.industry, s.industry_en, s.industry.rstrip("業"), s.industry[:2], *s.aliases)
        ]
    for d in catalog.responsible_ai.dimensions:
        out += [("rai", d.name, f) for f in (d.name, d.name_en, *d.aliases)]
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


def _without_punctuation(name: str) -> str:
    """A Latin name with its brackets, dashes and colons dropped (「AWS … Engineer (Associate)」 →
    「AWS … Engineer Associate」); other names unchanged."""
    if re.search(r"[\u3400-\u9fff]", name):
        return name
    return " ".join(re.sub(r"[()\[\]:：,–—]|\s-\s", " ", name).split())
