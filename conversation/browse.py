"""Browsing the guideline with buttons: /certs (表6), /roles (表7–表9), /paths, /ethics, /resources.

Why: many users want to look around before asking; these views are built from the catalog cards
the question answering uses, so browsing and answers never disagree. Browse buttons carry no state.
"""

from __future__ import annotations

from conversation.ui import Button, Lang, Reply, t
from knowledge.catalog import Catalog
from knowledge.models import CERT_CATEGORIES
from knowledge.views.cards import Card, CatalogCards
from rag.sections import cite, cite_en

PAGED = ("paths", "ethics", "resources")  # lists read one card at a time


class Browser:
    def __init__(self, catalog: Catalog) -> None:
        self.cat = catalog
        self.cards = CatalogCards(catalog)
        self.cert_ids = [c.id for c in catalog.certifications]

    def _card(self, card: Card, lang: Lang) -> str:
        body = card.en if lang == "en" else card.zh
        return f"{body}\n\n{cite_en(card.sections) if lang == 'en' else cite(card.sections)}"

    def certs_menu(self, lang: Lang) -> Reply:
        rows = [[Button(f"{c}（{len(self.cat.certs_in(c))}）", f"b:-:cat:{i}")] for i, c in enumerate(CERT_CATEGORIES)]  # type: ignore[arg-type]
        return Reply(t("browse_categories", lang), rows)

    def category(self, index: int, lang: Lang) -> Reply:
        name = CERT_CATEGORIES[index]
        certs = self.cat.certs_in(name)  # type: ignore[arg-type]
        rows = [[Button(c.name, f"b:-:cert:{self.cert_ids.index(c.id)}")] for c in certs]
        return Reply(self._card(self.cards.category_card(name), lang), rows)

    def cert(self, index: int, lang: Lang) -> Reply:
        cert = self.cat.certifications[index]
        return Reply(self._card(self.cards.cert_card(cert), lang))

    def roles_menu(self, lang: Lang) -> Reply:
        archetypes = "\n\n".join(
            self._card(self.cards.archetype_card(a.name), lang) for a in self.cat.roles.application_archetypes
        )
        rows = [[Button(r.name, f"b:-:role:{i}")] for i, r in enumerate(self.cat.role_list)]
        return Reply(f"{archetypes}\n\n{t('browse_roles', lang)}", rows)

    def role(self, index: int, lang: Lang) -> Reply:
        return Reply(self._card(self.cards.role_card(self.cat.role_list[index], False), lang))

    def _pages(self, what: str) -> list[Card]:
        if what == "paths":
            cards = [self.cards.career_card(p.talent_category) for p in self.cat.career.paths]
            return cards + [
                self.cards.starting_points_card(),
                self.cards.foundations_card(),
                self.cards.soft_skills_card(),
            ]
        if what == "ethics":
            cards = [self.cards.rai_card(d.name) for d in self.cat.responsible_ai.dimensions]
            return cards + [self.cards.risk_steps_card(), self.cards.risk_classes_card()]
        return [self.cards.resource_card(r.name) for r in self.cat.resources.resources]

    def page(self, what: str, index: int, lang: Lang, edits: bool = False) -> Reply:
        """One card of a long list, with buttons to the pages beside it: a list is read page by page in
        one message (turning a page edits it), not sent as six messages at once."""
        cards = self._pages(what)
        index = max(0, min(index, len(cards) - 1))
        row = []
        if index > 0:
            row.append(Button(t("prev_page", lang), f"b:-:{what}:{index - 1}"))
        if index < len(cards) - 1:
            row.append(Button(t("next_page", lang), f"b:-:{what}:{index + 1}"))
        text = f"{self._card(cards[index], lang)}\n\n（{index + 1}/{len(cards)}）"
        return Reply(text, [row] if row else [], edits=edits)

    def paths(self, lang: Lang) -> list[Reply]:
        return [self.page("paths", 0, lang)]

    def ethics(self, lang: Lang) -> list[Reply]:
        return [self.page("ethics", 0, lang)]

    def resources(self, lang: Lang) -> list[Reply]:
        return [self.page("resources", 0, lang)]

    def on_button(self, what: str, arg: str, lang: Lang) -> Reply | None:
        if not arg.isdigit():
            return None
        index = int(arg)
        if what == "cat" and index < len(CERT_CATEGORIES):
            return self.category(index, lang)
        if what == "cert" and index < len(self.cert_ids):
            return self.cert(index, lang)
        if what == "role" and index < len(self.cat.role_list):
            return self.role(index, lang)
        if what in PAGED and index < len(self._pages(what)):
            return self.page(what, index, lang, edits=True)
        return None
