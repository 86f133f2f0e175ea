"""The routing decision as typed values: what a question is (`Query`), what to do with it (`Plan`),
and the table of rules that maps one to the other.

Why: every answer must be traceable to one rule. Rules are registered with an id, a priority and a
one-line description; `decide` tries them from the highest priority down and the first that applies
wins, so a miss points at exactly one rule (its id is `advisor ask --json`'s `rule` field) and the
README's decision table is generated from the same registry the code runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any

from knowledge.textnorm import match_key
from knowledge.views.cards import Card
from rag.matching import squash

if TYPE_CHECKING:
    from rag.catalog_answers import CatalogAnswerer
    from rag.retrieval import Retrieved
    from rag.understanding import Entity, QueryUnderstanding, Understanding


class PlanKind(StrEnum):
    DECLINE = "decline"  # the guideline does not cover it (or the input is unusable): say so and what we can do
    VIEW = "catalog_view"  # one or more catalog cards answer it exactly
    QUERY = "catalog_query"  # a count, filter or comparison computed over the structured data
    RETRIEVE = "retrieval"  # quote the guideline passages that fit best


@dataclass(frozen=True)
class Plan:
    kind: PlanKind
    rule: str
    cards: tuple[Card, ...] = ()
    reason: str | None = None  # DECLINE: the topic the guideline does not cover (None: nothing relevant found)
    message: str | None = None  # DECLINE: a complete message instead of the generic one
    out_of_scope: bool = False  # DECLINE: about something outside the guideline (not merely unfound)
    overrules: str | None = None  # the rule whose plan this one replaced (passage fits better than a card)
    # what the answer decided the question is about, beyond what it names (「我算哪一類？」→ AI 應用人才):
    # a follow-up (「那還需要什麼？」) refers to it
    about: tuple[Entity, ...] = ()


NEGATION_BEFORE = re.compile(
    # (「算不算」「是不是」「屬不屬於」 ask yes or no: no exclusion)
    r"((?<!是)不是|(?<!屬)不屬於|(?<!算)不算|非|除了|除去|扣掉|不含|排除|\bnot\b|\bexcept\b|\bother than\b|\bnon-?)"
    r"\s*(的)?\s*$"
)
NOT_BY = re.compile(r"(\bnot (issued|offered|run|given|awarded|provided) (by|from)\s*|不是由\s*|非由\s*)$")
NEGATION_AFTER = re.compile(r"\s*(的)?\s*(證照|認證)?\s*(以外|之外|除外)")


@dataclass
class Query:
    """Everything a rule may read about one question; derived views are computed once, on first use."""

    u: Understanding
    views: CatalogAnswerer
    reader: QueryUnderstanding
    retrieve: Callable[[], list[Retrieved]]  # lazy: retrieval runs at most once, only when a rule needs it
    keep_relevant: Callable[[Query, list[Retrieved]], list[Retrieved]]
    semantic: Any = None  # rag.semantic.SemanticReader when the dense model is loaded
    personal: Callable[[], list[Card] | None] | None = None  # the 表5 engine over facts the question states
    alone: Callable[[list[str]], list[Card]] | None = None  # the 表5 engine over named certificates alone
    # the hours areas (and the words naming them) of what the question says one does: 「公文都用 AI 寫」 → 文書
    areas: Callable[[], list[tuple[str, str, str]]] | None = None
    # a learning plan from the facts the question states, when it asks for one (rag.plan_request)
    learning_plan: Callable[[], list[Card] | None] | None = None
    # the pace the question states (「每週排 12 小時」): (hours, "week" | "month"), or None
    pace: Callable[[], tuple[float, str] | None] | None = None
    too_long: bool = False
    fragment: bool = False  # one part of a multi-part message, judged with the message it belongs to
    in_context: bool = False  # asked after an answer the conversation may refer back to
    message: str = ""  # the whole message (normalised) when this is its first or only question
    notes: dict[str, Any] = field(default_factory=dict)  # what rules measured on the way (reported for tracing)

    @cached_property
    def scope_topics(self) -> list[str]:
        """Out-of-scope topics (intents.yaml) whose patterns the question matches."""
        return self.reader.scope_topics(self.u.normalised)

    @cached_property
    def relevant(self) -> list[Retrieved]:
        return self.keep_relevant(self, self.hits)

    @property
    def best_coverage(self) -> float:
        return max((h.coverage for h in self.relevant), default=0.0)

    @cached_property
    def intents(self) -> frozenset[str]:
        return frozenset(self.u.intents)

    @cached_property
    def keys(self) -> dict[str, list[str]]:
        """Entity keys per kind, in question order: at most three per kind (eight certifications, so that
        「這幾張裡面有幾張是工具類」 over a listed set keeps the whole set). A category named only to be
        excluded (「不是專案類的有幾張」) stands for the other categories."""
        keys = {
            k: list(dict.fromkeys(e.key for e in self.u.of_kind(k)))[: 8 if k == "cert" else 3] for k in self.u.kinds()
        }
        if self.negated_categories:
            every = [c.name for c in self.views.cat.cert_categories.categories]
            keys["cert_category"] = [c for c in every if c not in self.negated_categories]
        return keys

    @cached_property
    def negated_categories(self) -> frozenset[str]:
        """Certification categories the question excludes: 「不是專案類」「專案類以外」 "not project-type"."""
        return self.negated("cert_category")

    @cached_property
    def negated_issuers(self) -> frozenset[str]:
        """Issuers the question excludes: 「工具類裡不是資策會辦的」 "not issued by NVIDIA"."""
        return self.negated("issuer")

    def negated(self, kind: str) -> frozenset[str]:
        """The entities of `kind` a negation stands right before or after."""
        text = self.u.normalised
        # entity starts count characters of the squashed text (no spaces): back to the question's own
        squashed, index = squash(text)
        original = {s: i for i, s in index.items()}
        out = set()
        for e in self.u.of_kind(kind):
            if e.start < 0 or e.start not in original:
                continue
            start = original[e.start]
            last = original.get(min(len(squashed), e.start + len(match_key(e.surface))) - 1, start)
            before, after = text[max(0, start - 6) : start], text[last + 1 : last + 5]
            wide = text[max(0, start - 24) : start]  # "not issued by NVIDIA", 「不是由資策會」
            if NEGATION_BEFORE.search(before) or NEGATION_AFTER.match(after) or NOT_BY.search(wide):
                out.add(e.key)
        return frozenset(out)

    @cached_property
    def asked_intents(self) -> frozenset[str]:
        """Intents of the clause that asks (「我是後端軟體工程師，接下來可以往什麼職位發展」: career, not tools)."""
        from rag.routing_rules import asked_clause
        from rag.understanding import without_names

        # (names blanked as for `intents`: "AI tool use" asks nothing about tools)
        return frozenset(self.reader.detect_intents(without_names(asked_clause(self.u.normalised), self.u.entities)))

    def asks(self, intent: str) -> bool:
        """The question asks for `intent`: in the asking clause when that clause shows any intent."""
        return intent in (self.asked_intents & self.intents or self.intents)

    @cached_property
    def explicit_kinds(self) -> frozenset[str]:
        """Kinds the question names itself (not only implied through the thesaurus)."""
        return frozenset(e.kind for e in self.u.entities if e.start >= 0)

    @cached_property
    def groups(self) -> list[str]:
        return self.views.tool_groups(self.u)

    @cached_property
    def hits(self) -> list[Retrieved]:
        return self.retrieve()


Decider = Callable[[Query], "Plan | list[Card] | None"]


@dataclass(frozen=True)
class Rule:
    id: str
    priority: int
    kind: PlanKind
    doc: str
    decide: Decider


RULES: list[Rule] = []


def rule(rule_id: str, priority: int, kind: PlanKind, doc: str) -> Callable[[Decider], Decider]:
    """Register a rule; a decider returns None when it does not apply, cards for a catalog view or a plan."""

    def register(fn: Decider) -> Decider:
        if any(r.id == rule_id or r.priority == priority for r in RULES):
            raise ValueError(f"rule {rule_id!r} (priority {priority}) collides with a registered rule")
        RULES.append(Rule(rule_id, priority, kind, doc, fn))
        RULES.sort(key=lambda r: -r.priority)
        return fn

    return register


def apply(r: Rule, q: Query) -> Plan | None:
    out = r.decide(q)
    if out is None or (isinstance(out, list) and not out):
        return None
    if isinstance(out, Plan):
        return out
    return Plan(r.kind, r.id, tuple(out))


def decide(q: Query, rules: list[Rule] | None = None) -> Plan:
    """The first applicable rule, highest priority first; the table ends in an unconditional rule."""
    for r in rules if rules is not None else RULES:
        plan = apply(r, q)
        if plan is not None:
            return plan
    raise LookupError("the decision table has no fallback rule")


def decision_table() -> list[tuple[int, str, str, str]]:
    """(priority, id, plan kind, description) for every rule, as the README shows them."""
    import rag.routing_rules  # noqa: F401 - registers the rules

    return [(r.priority, r.id, r.kind.value, r.doc) for r in RULES]
