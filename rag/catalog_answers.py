"""What the decision rules read from the catalog besides the cards: tool groups named in a question,
the industry scenario that fits best, the talent category of a recognised thing.

Why: these lookups combine the understood question with the catalog; keeping them beside the views
lets `rag/routing_rules.py` stay a flat table of conditions.
"""

from __future__ import annotations

from knowledge.catalog import Catalog
from knowledge.views.cards import CatalogCards
from knowledge.views.queries import CatalogQueries
from rag.lexical import tokens
from rag.own_work import RoleReader
from rag.understanding import Understanding


class CatalogAnswerer(CatalogCards):
    """The catalog views plus what the decision rules need to pick one (tool groups, scenarios, talents)."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__(catalog)
        self.queries = CatalogQueries(catalog)
        self.role_reader = RoleReader(catalog)  # 「那叫什麼職務？」: a role by the work described

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
