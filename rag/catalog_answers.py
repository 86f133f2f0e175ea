"""Routing an understood question to catalog cards (which certifications for a type, a certification's
category and issuer, a role's duties, a level's requirements, …).

Why: the entity kinds and intents recognised in `understanding` decide which card answers; an empty
result hands the question to retrieval.
"""

from __future__ import annotations

from rag.cards import Card, CatalogCards
from rag.lexical import tokens
from rag.understanding import Understanding

MAX_PER_KIND = 3


class CatalogAnswerer(CatalogCards):
    def tool_groups(self, u: Understanding) -> list[str]:
        """表5 tool groups (文書, 影像, 後端框架…) named in the question or its thesaurus expansions."""
        text = u.normalised + " " + " ".join(u.expansions)
        found = []
        for t in self.cat.rules.types:
            for g in t.reference_tools:
                name = g.group.lower()
                tails = [name[-k:] for k in (3, 4) if len(name) > k + 1]  # 「程式庫」 names 「機器學習程式庫」
                if name in text or any(tail in text for tail in tails):
                    found.append(g.group)
        return list(dict.fromkeys(found))

    def best_scenario(self, u: Understanding, industries: list[str]):  # noqa: ANN201 - IndustryScenario
        """The 表10/表11 row of the named industry whose scenarios share most words with the question."""
        words = set(tokens(" ".join([u.normalised, *u.expansions])))
        rows = [s for s in self.cat.industries.scenarios if s.industry in industries]
        return max(rows, key=lambda s: len(words & set(tokens(" ".join([*s.scenarios, s.contribution])))))

    def talent_of(self, u: Understanding) -> list[str]:
        """The talent categories the recognised role, tool, type or item belongs to."""
        out: list[str] = []
        for e in u.entities:
            if e.kind == "role":
                out.append(next(r.talent_category for r in self.cat.role_list if r.id == e.key))
            elif e.kind == "type":
                out.append(self.cat.competency_type(e.key).talent_category)
            elif e.kind == "item":
                out.extend(t.talent_category for t in self.cat.types if any(str(i.number) == e.key for i in t.items))
            elif e.kind == "tool":
                out.extend(
                    self.cat.competency_type(t.type).talent_category
                    for t in self.cat.rules.types
                    if any(e.key in g.tools for g in t.reference_tools)
                )
            elif e.kind in ("talent",):
                out.append(e.key)
            elif e.kind == "archetype":
                out.append("AI 應用人才")
        return list(dict.fromkeys(out))

    # ------------------------------------------------------------------ routing
    def answer(self, u: Understanding) -> list[Card]:
        """Cards for the recognised entities and intent; empty when the catalog cannot answer alone."""
        intents = set(u.intents)
        kinds = u.kinds()
        keys = {k: list(dict.fromkeys(e.key for e in u.of_kind(k)))[:MAX_PER_KIND] for k in kinds}
        cat = self.cat
        if "cert" in keys:
            return [self.cert_card(cat.certification(k)) for k in keys["cert"]]
        if {"career", "background"} <= intents and all(e.start < 0 for e in u.entities) and "role" not in keys:
            # 「我是做平面設計的…也能走 AI 這條路嗎」: where people with different backgrounds start
            return [self.starting_points_card()]
        groups = self.tool_groups(u)
        if groups and "certs_for" in intents and set(groups) & set(self.cat.rules.tool_items):
            return [self.certs_for_domain([g for g in groups if g in self.cat.rules.tool_items])]
        if groups and "tools" in intents and "cert_category" not in keys:
            named = [self.cat.competency_type(k) for k in keys.get("type", [])]
            if named and all(
                any(
                    g.group == x
                    for t in named
                    for r in self.cat.rules.types
                    if r.type == t.name
                    for g in r.reference_tools
                )
                for x in groups
            ):
                return [self.tools_card(t, native=True) for t in named]  # all groups of the type, not only those named
            return [self.tool_group_card(groups)]
        if "resource_all" in keys and "download" in intents and "resource" not in keys:
            return [self.resources_compared()]
        if "which_talent" in intents and "talent" not in keys and "industry" in keys:
            row = self.best_scenario(u, keys["industry"])
            return [self.industry_card(row.industry, [row.talent_category]), self.talent_card(row.talent_category)]
        if "which_talent" in intents and "talent" not in keys:
            talents = self.talent_of(u)
            roles = [r for r in cat.role_list if r.id in keys.get("role", [])]
            cards = [self.role_card(r, False) for r in roles]
            return cards + [self.talent_card(t) for t in talents] if talents else [self.talent_overview()]
        if "role" in keys:
            roles = [r for r in cat.role_list if r.id in keys["role"]]
            if "career" in intents:
                return [self.role_career_card(r) for r in roles]
            return [self.role_card(r, "certs_for" in intents) for r in roles]
        if "type" in keys or "item" in keys:
            types = [cat.competency_type(k) for k in keys.get("type", [])]
            for number in keys.get("item", []) if types else []:
                # 「AI 工具應用 … 寫程式」: the item's own type joins the named one
                owner = next(t for t in cat.types if any(str(i.number) == number for i in t.items))
                if owner not in types:
                    types.append(owner)
            if not types:
                numbers = [int(k) for k in keys["item"]]
                if "tools" in intents or "requirements" in intents or "certs_for" in intents:
                    types = [t for t in cat.types if any(i.number in numbers for i in t.items)]
                else:
                    return [self.item_card(n) for n in numbers]
            if "key_contents" in intents:
                return [self.type_card(t, native=True) for t in types]
            if "requirements" in intents:  # the requirements card names the certificates too
                return [self.requirements_card(t) for t in types]
            if "certs_for" in intents or ("category_of" in intents and "cert_category" not in keys):
                return [self.certs_for_type(t) for t in types]
            if "tools" in intents:
                return [self.tools_card(t) for t in types]
            if "cert_category" in keys:
                return [self.category_card(c) for c in keys["cert_category"]]
            return [self.type_card(t) for t in types]
        if "cert_category" in keys:
            return [self.category_card(c) for c in keys["cert_category"]]
        if "overview_cert_categories" in intents:
            return [self.cert_categories_overview()]
        if "overview_types" in intents and "talent" not in keys:
            return [self.types_overview()]
        if "overview_items" in intents:
            return [self.items_overview()]
        if "overview_talent" in intents and "talent" not in keys:
            return [self.talent_overview()]
        if "career_topic" in keys:
            topic = {
                "foundations": self.foundations_card,
                "soft_skills": self.soft_skills_card,
                "starting_points": self.starting_points_card,
            }
            return [topic[k]() for k in keys["career_topic"]]
        if "talent" in keys:
            if "certs_for" in intents:
                return [self.talent_certs(k) for k in keys["talent"]]
            if "career" in intents:
                return [self.career_card(k) for k in keys["talent"]]
            if "industry" in keys:
                return [self.industry_card(i, keys["talent"]) for i in keys["industry"]]
            if "overview_types" in intents or "skills" in intents:
                return [self.talent_card(k) for k in keys["talent"]]
            return [self.talent_card(k) for k in keys["talent"]]
        if "archetype" in keys:
            return [self.archetype_card(k) for k in keys["archetype"]]
        if "industry" in keys and intents & {"usage", "duties", "define", "tools", "skills"}:
            return [self.industry_card(i, []) for i in keys["industry"]]
        if "overview_rai" in intents and "risk" not in keys:
            return [self.rai_overview()]
        if "update" in intents and not keys:
            return [self.update_card()]
        if "risk" in keys:
            return [self.risk_steps_card() if k == "steps" else self.risk_classes_card() for k in keys["risk"]]
        if "rai" in keys:
            return [self.rai_card(k) for k in keys["rai"]]
        if "resource_all" in keys and not set(keys) & {"cert", "role", "type", "item", "resource"}:
            return [self.resources_compared()]
        if "resource" in keys:
            if len(keys["resource"]) > 1 or "define" in intents:
                return [self.resources_compared()]
            return [self.resource_card(k) for k in keys["resource"]]
        if "tool" in keys and intents & {"tools", "category_of", "define", "which_talent"}:
            return [self.tool_card(k) for k in keys["tool"]]
        if "issuer" in keys:
            return [self.issuer_card(k) for k in keys["issuer"]]
        if "metadata" in intents:
            return [self.document_card()]
        return []
