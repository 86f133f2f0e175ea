"""The retrieval chain: normalise → understand → catalog answer or retrieve → compose (→ LLM phrasing).

Why: one chain, built once per process (`make_advisor`), serves `advisor ask`, the terminal chat,
the Telegram bot and the evaluation. Its steps are LangChain runnables so a step can be swapped
(e.g. the optional LLM phrasing) without touching the others.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from langchain_core.runnables import RunnableBranch, RunnableLambda

import rag.routing_rules  # noqa: F401 - registers the decision table
from knowledge.catalog import Catalog, load_catalog
from knowledge.plan_report import build_learning_plan, plan_sources, render_plan, target_intro
from knowledge.profile import parse_profile
from knowledge.stated_profile import StatedProfile
from knowledge.views.cards import TABLE5, TABLE6, Card
from rag import compose
from rag.answer_types import Answer
from rag.catalog_answers import CatalogAnswerer
from rag.ingest import dense_enabled, guideline_chunks, ingest
from rag.lexical import tokens
from rag.own_work import read_work
from rag.plan import Plan, PlanKind, Query, decide
from rag.plan_request import asks_for_plan, plan_route, target_here, target_mentioned
from rag.retrieval import HybridRetriever, Retrieved
from rag.routing_rules import CODING_ASKED, QUESTION_MARKERS, THIS_GUIDELINE
from rag.sections import section_titles
from rag.situation import SituationAdvisor
from rag.spelling import english_words
from rag.stated_facts import Extracted, FactReader
from rag.textnorm import clean, detect_language, normalise
from rag.thresholds import thresholds
from rag.understanding import Entity, QueryUnderstanding, Understanding

if TYPE_CHECKING:
    from advisor.settings import Settings

log = logging.getLogger(__name__)

# questions the structured catalog answers by design; a passage never overrides them
CATALOG_NATIVE_INTENTS = {"certs_for", "category_of", "issuer", "requirements", "which_talent"}
# 「那跟 X 比」「比起 X」 "compared with X": X set beside what the conversation is about
COMPARED_WITH = re.compile(
    r"((跟|和|與)[^，。？?]{1,20}?(比|相比|比較)|比起|相較於|\bcompared (to|with)\b|\bversus\b|\bvs\.?\b"
    # 「它跟「好好用 AI」差在哪」: 「它」 (what was talked about) set beside the one named
    r"|(它|這個|這份|這張|\bit\b)\s*(跟|和|與)[^，。？?]{1,30}?(差在哪|差別|有什麼不同|哪裡不同|不一樣)"
    r"|\bhow (does|is) it differ)"
)
# kinds that qualify what an answer was about rather than being its subject (金融業, 國外, AWS)
QUALIFIER_KINDS = frozenset({"industry", "cert_scope", "issuer"})
PASSAGE_RULE = "retrieval.passage_covers_more"  # a card replaced by a passage that covers clearly more


# the name of something described asked for: 「那個現象叫什麼」 "what is that called"
NAME_ASKED = re.compile(r"(叫(做)?什麼|叫啥|稱為什麼|什麼現象|\bwhat(\'s| is) (it|that|this) called\b|\bterm for\b)")
# "does it describe", 「它說」: the pronoun is the guideline speaking, not the subject talked about
GUIDELINE_SPEAKS = re.compile(
    r"(\b(does|do|did) (it|they) (describe|cite|list|say|mention|give|name|include|refer)\b"
    r"|\bthe guideline\b|指引|它說|它提到)"
)
OWN_SUBJECT_INTENTS = frozenset({"overview_rai", "overview_cert_categories", "overview_talent", "overview_archetypes"})
# what 表5 gives a type (its hours, its reference tools): asked of nothing named, asked of the subject talked about
SUBJECT_ATTRIBUTES = frozenset({"requirements", "tools"})
TABLE5_ATTRIBUTE_WORDS = re.compile(r"(量表|時數|小時|工具|\bhours\b|\btools\b)")
# sentences of a message: 「我是 CTO。請問…？」 "I'm a CTO. Which…?"
SENTENCES = re.compile(r"(?<=[。！!？?])|(?<=[a-z0-9)]\.)\s+")


@dataclass
class Turn:
    """The state flowing through the chain for one question."""

    question: str
    context: dict[str, Any]
    u: Understanding | None = None
    cards: list[Card] = field(default_factory=list)
    hits: list[Retrieved] = field(default_factory=list)
    retrieved: bool = False  # retrieval runs at most once per question, whichever step needs it first
    continuation: bool = False  # a later part of a multi-part message (「…？有什麼限制嗎？」)
    bare: bool = False  # the part names nothing and asks nothing of its own (「幫我列出來」)
    leaning: bool = False  # read as asking about what the conversation is about (a second reading)
    parts: int = 1  # how many questions the message asked (this is one of them)
    whole: str = ""  # the whole message this question is part of
    query: Query | None = None
    plan: Plan | None = None
    answer: Answer | None = None


# 「還有嗎？」「其他的呢」 "anything else?": nothing but a request for more of the last answer
# 「進階咧？」「那初階呢」 "and the advanced level?": only another level named, after a question about a type
LEVEL_SWAP = re.compile(
    r"^\W*(那|那麼|至於)?\s*(初階|進階|具備)(的話|的部分|那級)?\s*(呢|咧|勒|哩)?\W*$"
    r"|^\W*(and|what about|how about)?\s*(the )?(advanced|beginner|basic|entry)( level| one)?\W*$"
)
MORE_BARE = re.compile(
    r"^\W*(那|那麼)?\s*(還有(嗎|呢|什麼|別的|其他的?)|其他的?呢|然後呢|接著呢|\bmore\b|\banything else\b|\bwhat else\b)"
    r"\W*$"
)
SWAP_TAIL = re.compile(
    r"((^|[.!?。！？]\s*)(what about|how about|and)\b[^.!?。！？]*\?\s*$"
    r"|(^|[。！？，,])\s*那[^，。！？]{1,30}呢\s*[?？]?\s*$)"
)
ENDS_ASKING_ON = re.compile(r"(的話)?呢\s*[?？]?\s*$")  # 「…的話呢？」: asks on about the same thing
# kinds a description of one's work names as evidence rather than as its subject
EVIDENCE_KINDS = frozenset({"type", "item", "tool", "talent", "archetype", "role", "industry"})
NOTHING_RULE = "retrieval.nothing_relevant"  # no passage shares enough of the question

# 「其中」「當中」"of these": a question within the set the previous answer was about
SUBSET = re.compile(r"(其中|當中|這些(認證|證照)?(裡|中|裡面|之中)|\b(of|among) (these|them|those)\b)")
FILTER_KINDS = frozenset({"cert_scope", "issuer", "cert_category"})
# what a later part of a message may still ask about the role or talent category the part before named
PERSON_ASKS = frozenset({"certs_for", "category_of", "career"})
# 「…的認證是哪張」 "which certificate is it": one certificate (or role) asked for
ONE_CERT_ASKED = re.compile(
    r"(哪一?張|哪(一)?個(認證|證照|職稱|職位|角色)|\bwhich (one|cert|certificate|certification|title|role)\b)"
)
ONE_ROLE_ASKED = re.compile(r"(哪(一)?個(職稱|職位|角色)|\bwhich (title|role)\b)")
# 「另一個」「其他」 "the other one": a turn away from what was talked about
TURNS_AWAY = re.compile(r"(另一|另外|其他|\bthe other\b|\banother\b)")
# 「這種人」「那個角色」 "that role": the role or archetype talked about
PERSON_PRONOUN = re.compile(
    r"(這種人|那種人|這類人|那類人|這個角色|那個角色|這種角色|那種角色|這個職位|那個職位|這些人"
    r"|\b(this|that) (role|kind of person)\b)"
)
# 「它可以拿來證明 AI 服務開發的能力嗎？」 after one certificate was answered: 「它」 is that certificate, even
# though the question names a competency type of its own
CERT_PRONOUN = re.compile(
    r"(它|這張|那張|該證照|該認證|此證照|\bit\b"
    r"|\b(this|that) (one|exam|test|cert|certificate|certification|credential)\b)"
)


class Advisor:
    def __init__(self, settings: Settings, catalog: Catalog, retriever: HybridRetriever) -> None:
        self.settings = settings
        self.catalog = catalog
        self.retriever = retriever
        self.understanding = QueryUnderstanding(catalog)
        self.answerer = CatalogAnswerer(catalog)
        self.facts = FactReader(self.understanding)
        self._facts_cache: dict[str, Extracted] = {}
        self._facts_lock = threading.Lock()
        self.situation = SituationAdvisor(catalog, self.understanding, self.facts)
        self.titles = section_titles(catalog)
        self.t = thresholds()  # the tuned numbers, with their meaning: rag/data/routing.yaml
        self.semantic = None
        self.phraser = None
        if settings.llm_provider == "openai":
            from rag.llm import LLMPhraser

            self.phraser = LLMPhraser(settings)
        self.chain = (
            RunnableLambda(self._understand)
            | RunnableBranch(
                (lambda t: t.answer is not None, RunnableLambda(lambda t: t)),
                (lambda t: bool(t.cards), RunnableLambda(self._compose_catalog)),
                RunnableLambda(self._retrieve) | RunnableLambda(self._compose_retrieved),
            )
            | RunnableLambda(self._phrase)
        )

    # ------------------------------------------------------------------ public
    def respond(self, question: str, context: dict[str, Any] | None = None) -> Answer:
        """Answer one message; `context` is the previous answer's `context` for follow-ups. A message
        asking two things (「要什麼學歷？之後可以升到什麼位置？」) gets each part answered in turn."""
        started = time.perf_counter()
        # facts stated in one part and asked about in another (「他有 A 跟 B。他算應用人才嗎？工具應用到哪一級？」)
        # are one question for the engine
        parts = split_questions(question)
        ex = self._facts_of(question)
        if ex.has_facts and ex.asks_level:
            # 「…兩張證照各歸哪一類？只依證照他在表5會落在哪？」: the catalog question on its own, then the
            # whole message for the engine (it holds the facts), which reports only the level asked
            both = self.facts.level_clauses(question) if self.facts.asks_about_certificate(question) else None
            parts = [both[0], question] if both else [question]
        answers: list[Answer] = []
        for n, part in enumerate(parts):
            turn: Turn = self.chain.invoke(
                Turn(part, context or {}, continuation=n > 0, parts=len(parts), whole=question)
            )
            assert turn.answer is not None
            if self._leans_on_context(turn):
                # 「如果要考證照證明實力，應該考哪一類的？」 after a role: on its own it finds nothing; it asks
                # about what the conversation is about
                again = Turn(part, turn.context, continuation=n > 0, leaning=True, parts=len(parts))
                leaning: Turn = self.chain.invoke(again)
                if leaning.answer is not None and leaning.answer.rule != NOTHING_RULE:
                    turn = leaning
            assert turn.answer is not None
            if n > 0 and turn.bare and turn.answer.route == "retrieval":
                continue  # 「…有哪幾張？幫我列出來」: the fragment repeats the question before it
            if answers and answers[-1].out_of_scope and turn.u is not None and not turn.u.entities:
                continue  # 「NIST 的四個功能是什麼？各自要做什麼」: the part goes on asking the declined question
            if answers and not answers[-1].out_of_scope and self._compares_guideline(question, turn):
                continue  # 「指引說風險要怎麼分？是像歐盟那樣分等級嗎」: the part before answers it from the guideline
            answers.append(turn.answer)
            context = turn.answer.context or context
        answer = answers[0] if len(answers) == 1 else merge_answers(answers)
        answer.latency_ms = (time.perf_counter() - started) * 1000
        return answer

    @staticmethod
    def _compares_guideline(question: str, turn: Turn) -> bool:
        """A later part declined only for naming another framework, in a message that asks what this
        guideline says: the guideline's own answer (before it) is the answer."""
        q = turn.query
        return (
            turn.answer is not None
            and turn.answer.out_of_scope
            and q is not None
            and set(q.scope_topics) == {"other_frameworks"}
            and bool(THIS_GUIDELINE.search(normalise(question)))
        )

    @staticmethod
    def _leans_on_context(turn: Turn) -> bool:
        """A question that names nothing, asks something and found nothing on its own, in a conversation
        about something: worth reading again as a question about that."""
        u = turn.u
        return (
            turn.answer is not None
            and turn.answer.rule == NOTHING_RULE
            and bool(turn.context.get("entities"))
            and u is not None
            and not u.entities
            and bool(u.intents)
        )

    def warm(self, background: bool = False) -> None:
        """Load now what a one-off `advisor ask` loads only on first use — the dense leg (Chroma and the
        passages' vectors) and the English word list the speller consults — so that the bot's and the
        terminal chat's first users do not pay for it: at a restart the first burst of messages all
        arrive together, and each paid its share of those loads while the others queued behind it."""
        english_words()
        leg = self.retriever.dense_leg
        if leg is not None:
            leg.warm_in_background() if background else leg.warm()

    def ask(self, question: str, context: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.respond(question, context).to_dict()

    # ------------------------------------------------------------------ chain steps
    def _understand(self, turn: Turn) -> Turn:
        """Understand the question and decide, by the decision table, what to do with it."""
        text = clean(turn.question)
        too_long = len(text) > int(self.t.max_question_chars.value)
        if too_long or not text:
            u = Understanding(turn.question, text, detect_language(text))
        else:
            u = self.understanding.understand(text)
            # 「幫我列出來」: names nothing, asks nothing (an imperative repeating the question before it)
            turn.bare = not u.entities and not u.intents and not QUESTION_MARKERS.search(u.normalised)
            self._apply_followup(u, turn.context, turn.continuation, turn.leaning)
        turn.u = u
        q = Query(
            u,
            self.answerer,
            self.understanding,
            retrieve=lambda: self._retrieve(turn).hits,
            keep_relevant=self._keep_relevant,
            semantic=None if turn.continuation else self.semantic,  # a fragment is judged with its message
            too_long=too_long,
            fragment=turn.continuation or turn.parts > 1,
            message="" if turn.continuation else normalise(turn.whole or turn.question),
            in_context=bool(turn.context.get("entities") or turn.context.get("intents")),
            personal=lambda: self._personal(u),
            alone=lambda certs: self._certificates_alone(u, certs),
            areas=lambda: self.facts.areas_named(u.normalised),
            learning_plan=lambda: self._learning_plan(u),
            pace=lambda: self._pace_of(u.normalised),
        )
        turn.query = q
        plan = decide(q)
        if plan.kind in (PlanKind.VIEW, PlanKind.QUERY) and not u.followup and self._passage_fits_better(turn, plan):
            plan = Plan(PlanKind.RETRIEVE, PASSAGE_RULE, overrules=plan.rule)
        turn.plan = plan
        if plan.kind is PlanKind.DECLINE:
            turn.answer = self._declined(plan, u, len(text))
        elif plan.kind is not PlanKind.RETRIEVE:
            u.expansions += [self._canonical(e) for e in u.entities if e.kind not in ("tool", "issuer", "cert_scope")]
            turn.cards = list(plan.cards)
        return turn

    def _pace_of(self, text: str) -> tuple[float, str] | None:
        """The weekly (or monthly) hours a question states, for the rules that time what they answer."""
        pace = self.facts.pace(text)
        return (pace.hours, pace.period) if pace is not None and pace.hours > 0 else None

    def _facts_of(self, question: str) -> Extracted:
        """The facts a message states, read once per message: `respond` and the engine rule both need them
        (the reading is not changed by either)."""
        # answers run in worker threads: the cache is read and trimmed under a lock, the reading outside it
        with self._facts_lock:
            cached = self._facts_cache.get(question)
        if cached is not None:
            return cached
        read = self.facts.read(question)
        with self._facts_lock:
            while len(self._facts_cache) >= FACTS_CACHE:
                self._facts_cache.pop(next(iter(self._facts_cache)))
            self._facts_cache[question] = read
        return read

    def _personal(self, u: Understanding) -> list[Card] | None:
        """「我有 AI-901，上過 10 小時素養課，AI 應用素養過了嗎？」: the engine over the facts this question
        states (a conversation accumulates facts over turns in `conversation.dialogue`)."""
        ex = self._facts_of(u.question)
        asks_talent = "which_talent" in u.intents  # 「我考過 A 跟 B，我是屬於哪一類人才？」
        if not ex.has_facts or not (ex.asks_level or ex.hypothetical or asks_talent):
            return None
        both = self.facts.level_clauses(u.question)
        if not ex.hypothetical and self.facts.asks_about_certificate(u.question) and both is None:
            return None
        asked = both[1] if both is not None and self.facts.asks_about_certificate(u.question) else u.question
        profile = self.facts.apply(StatedProfile(), ex, 1)
        if ex.then is not None:  # facts, then a supposition about them in a sentence of its own
            supposed = self.facts.apply(profile, ex.then, 1)
            zh, en = (
                self.situation.now_and_supposed(profile, supposed, u.question, lang, ex.route, with_source=False)
                for lang in ("zh-TW", "en")
            )
        else:
            zh, en = (
                self.situation.answer(profile, asked, lang, with_source=False, route=ex.route)
                for lang in ("zh-TW", "en")
            )
        return [Card(zh.text, en.text, [TABLE5, TABLE6], native=True)]

    def _learning_plan(self, u: Understanding) -> list[Card] | None:
        """「我有 iPAS 初級，想成為 AI 產品經理，要怎麼做？」: the cheapest ways there from the facts the question
        states (knowledge.planner); None when no plan is asked for."""
        found = target_mentioned(u.normalised, self.catalog)
        ex = self._facts_of(u.question)
        if found is None or not asks_for_plan(u.normalised, found, self.catalog, ex.hypothetical and ex.has_facts):
            return None
        target = target_here(u.normalised, found, self.catalog)
        if target is None or target.kind not in ("category", "role", "types"):
            return None  # a type's level asked with facts is the engine's result with its gaps (situation.own_result)
        stated = self.facts.apply(StatedProfile(), ex, 1) if ex.has_facts else StatedProfile()
        profile = parse_profile(stated.profile_json(), self.catalog)
        learning = build_learning_plan(profile, target, self.catalog)
        route = plan_route(u.normalised)
        zh, en = (
            "\n\n".join(
                x for x in (target_intro(target, self.catalog, lang), render_plan(learning, lang, route, False)) if x
            )
            for lang in ("zh", "en")
        )
        if stated.is_empty():  # the plan starts from nothing: say so, and how to tell one's facts
            zh = f"（以下從零開始計算；可以附上自己的證照與時數，例如「我有 iPAS 初級，素養課上過 10 小時」。）\n{zh}"
            en = f"(This starts from zero; you can add your certificates and hours.)\n{en}"
        else:
            zh = f"{self.situation.echo(stated, 'zh-TW')}\n\n{zh}"
            en = f"{self.situation.echo(stated, 'en')}\n\n{en}"
        return [Card(zh, en, plan_sources(learning), native=True)]

    def _certificates_alone(self, u: Understanding, cert_ids: list[str]) -> list[Card]:
        """「X 可以證明 AI 服務開發的能力嗎？」: the levels the named certificates give on their own."""
        zh, en = (self.situation.certificates_alone(cert_ids, u.question, lang) for lang in ("zh-TW", "en"))
        return [Card(zh.text, en.text, [TABLE5, TABLE6], native=True)]

    def _declined(self, plan: Plan, u: Understanding, length: int) -> Answer:
        lang = u.lang
        if plan.message == "empty":
            text = compose.localise(
                f"請輸入想問的問題，例如「AI 模型訓練要考哪些證照？」。{compose.HELP_ZH}",
                f'Please type a question, e.g. "Which certifications fit AI 模型訓練?" {compose.HELP_EN}',
                lang,
            )
        elif plan.message == "too_long":
            limit = int(self.t.max_question_chars.value)
            text = compose.localise(
                f"問題太長了（{length} 字，上限 {limit} 字），請精簡成一個具體問題再問一次。",
                f"The question is too long ({length} characters, limit {limit}); please ask one specific question.",
                lang,
            )
        elif plan.message == "unknown_certification":
            # (「表6 沒列，學員拿去做自我評估可以用嗎」: that it is not listed is said already; whether it is usable
            # is the question)
            usable = bool(compose.USABLE_ASKED.search(u.normalised)) and bool(compose.NOT_LISTED.search(u.normalised))
            text = compose.unknown_certification(u.unknown_names, lang, len(self.catalog.certifications), usable)
        else:
            text = compose.decline(plan.reason, lang)
        context = {} if plan.message else self._context(u)
        return Answer(False, text, lang=lang, out_of_scope=plan.out_of_scope, context=context, rule=plan.rule)

    def _passage_fits_better(self, turn: Turn, plan: Plan) -> bool:
        """An entity mentioned in passing (「HR 招募時可以怎麼使用這份指引」) should not take over when a
        passage elsewhere covers clearly more of the question than the catalog answer does."""
        u = turn.u
        assert u is not None
        cards = plan.cards
        if set(u.intents) & CATALOG_NATIVE_INTENTS or any(card.native for card in cards):
            return False
        if (
            any(e.kind == "item" and e.start >= 0 for e in u.entities)
            and u.intents
            and set(u.intents)
            <= {
                "define",
                "skills",
                "key_contents",
                "compare",
                "update",
            }
        ):
            return False  # 「新版多的那個 AI 治理素養是在講什麼能力」: the item named is what is asked
        sentences = [x for x in SENTENCES.split(u.normalised) if re.search(r"\w", x)]
        if (
            len(sentences) > 1
            and QUESTION_MARKERS.search(sentences[-1])
            and not QUESTION_MARKERS.search(" ".join(sentences[:-1]))
        ):
            # "I'm CTO at a startup building an LLM product. Which competency types does it expect from AI
            # developers?": a sentence setting the scene, then the question naming what it asks about
            asked = sentences[-1]
            if any(e.start >= 0 and e.surface in asked for e in u.entities):
                return False
        self._retrieve(turn, dense=False)
        best = turn.hits[0] if turn.hits else None
        cited = {s for card in cards for s in card.sections}
        if best is None or best.chunk.section in cited:
            return False
        if u.entities and all(e.start < 0 for e in u.entities):
            # every entity was only implied by the thesaurus: weak evidence for a catalog answer
            return best.coverage >= self.t.implied_passage_coverage.value
        if best.coverage < self.t.passage_min_coverage.value:
            return False
        terms, weights = u.query_terms()
        card_text = " ".join([*(card.zh for card in cards), *(e.surface for e in u.entities)])
        return (
            best.coverage > self.retriever.bm25.text_coverage(terms, card_text, weights) + self.t.passage_margin.value
        )

    def _keep_relevant(self, q: Query, hits: list[Retrieved]) -> list[Retrieved]:
        return [h for h in hits if h.coverage >= self.t.min_coverage.value or self._rare_match(q.u, h)]

    def _apply_followup(
        self, u: Understanding, context: dict[str, Any], continuation: bool = False, leaning: bool = False
    ) -> None:
        """Resolve 「它」/「那專案類呢」 against the previous answer's entities and intents. A later part of
        one message that names nothing (「工具應用的初階跟進階差在哪？證照跟時數分別要多少」) asks about what
        the part before it named."""
        previous = [Entity(k, key, s, 0) for k, key, s in context.get("entities", [])]
        u.previous_rule = str(context.get("rule") or "")
        if (
            u.unknown_names
            and not any(e.kind == "cert" for e in u.entities)
            and self.understanding.cert_words.search(u.normalised)
        ):
            # "Our own exam, 'Certified Prompt Engineer Pro', which category is it in?": 「it」 is the certificate
            # the message names, which 表6 does not list — not the one talked about before
            u.followup = False
            return
        short = len(u.normalised) <= self.t.short_followup.value
        if (
            previous
            and u.entities
            and all(e.start < 0 and e.kind == "industry" for e in u.entities)
            and (u.followup or short)
        ):
            u.entities = []  # 「那資訊科的學生呢」: 「學生」 implies 教育業 by the thesaurus, no subject of its own
        if not previous and not context.get("intents"):
            u.followup = False  # 「這種人需要寫程式嗎？」 with nothing before it refers to nothing
            return
        if (
            not u.entities
            and not u.intents
            and u.previous_rule == "view.tool_groups"
            and ENDS_ASKING_ON.search(u.normalised)
            and len(u.normalised) <= self.t.own_question_chars.value
        ):
            # 「圖文類的工具舉了哪些例子」→「那音源的呢？」: another tool group, the same question
            u.intents, u.followup = list(context.get("intents", [])), True
            return
        if LEVEL_SWAP.match(u.normalised) and not u.entities and previous:
            # 「工具應用初階要上多少」→「進階咧？」: the other level of the same thing, the same question
            u.entities, u.intents, u.followup = previous, list(context.get("intents", [])), True
            return
        if MORE_BARE.match(u.normalised) and not u.entities:
            # 「還有嗎？」 "anything else?": the last question again, asking for more of it
            u.entities, u.intents, u.followup = previous, list(context.get("intents", [])), True
            return
        # 「另外 AI 幫忙寫的報告…可以直接貼給主管嗎」: a leading 「另外」「那」 before a whole question of its own
        # is a new question (read on its own first; `leaning` reads it against the conversation if that fails)
        own_question = (
            u.followup
            # it names something of its own, or describes a work (「那專門研究新演算法、在發論文的那種呢」)
            and (bool(u.entities) or read_work(u.normalised, [], self.catalog) is not None)
            and not self.understanding.pronouns.search(u.normalised)
            and len(u.normalised) > self.t.own_question_chars.value
        )
        # 「那 AI 很有自信地講錯東西，那個現象叫什麼」: a thing described in words the thesaurus knows, its name
        # asked — a question of its own, not the last subject's
        own_question = (
            own_question
            or bool(u.expansions)
            and bool(NAME_ASKED.search(u.normalised))
            and not re.search(r"(這種|這類|那種|那類|它|他|她|\bit\b|\bthis one\b)", u.normalised)
        )
        # 「用證照的話呢」「時數呢」: a short message ending in 呢 swaps what is asked of the last answer's subject
        short_swap = len(u.normalised) <= self.t.own_question_chars.value and bool(ENDS_ASKING_ON.search(u.normalised))
        followup = u.followup and not own_question or short_swap
        # 「想考證照證明自己，應該考哪一類？」 in a conversation about someone's role: the role's certificates
        # (「想往上發展，可以走哪條路？」 right after one's role was placed: that role's route)
        for_the_person = (
            bool({"certs_for", "category_of"}.intersection(u.intents))
            and "overview_cert_categories" not in u.intents
            and any(e.kind in ("role", "talent") for e in previous)
        )
        # (a career question asks of a role placed just before, unless it turns to 「the other one」 or
        # names a background of its own: 「可是我是文組背景欸，要從哪邊開始」)
        background_named = bool(self.answerer.suited_talents(u.normalised))  # 附件(五) starting points
        for_the_person = (
            for_the_person
            or not background_named
            and (
                "career" in u.intents
                and (any(e.kind == "role" for e in previous) or not set(u.intents) - {"career"})
                and any(e.kind in ("role", "talent") for e in previous)
                and not TURNS_AWAY.search(u.normalised)
            )
        )
        if not u.entities and for_the_person:
            u.entities = [e for e in previous if e.kind in ("role", "talent")]
            u.followup = True
        career_before = "career" in context.get("intents", [])
        if (
            not u.entities
            and previous
            and background_named
            and followup
            and ("background" in u.intents or career_before)
        ):
            # 「那如果他是文組的呢？」 after a career question: the same question for that background (附件(五)
            # starting points), not the talent talked about before
            u.intents = list(dict.fromkeys([*u.intents, "career", "background"]))
            u.followup = True
            return
        # 「學生修完要達到量表的程度，時數要怎麼排」「量表上有建議哪些工具嗎」: 表5's hours or tools asked of nothing
        # named are asked of what the conversation is about
        of_the_subject = (
            bool(set(u.intents) & SUBJECT_ATTRIBUTES)
            and bool(TABLE5_ATTRIBUTE_WORDS.search(u.normalised))
            and any(e.kind in ("type", "item") for e in previous)
            and read_work(u.normalised, [], self.catalog) is None
        )
        if of_the_subject and u.entities and all(e.start < 0 and e.kind in ("industry", "type") for e in u.entities):
            # (「學生」 implies 教育業 by the thesaurus, "what tools" AI 工具應用: no subject of the question's own)
            u.entities = []
        # 「回到程式那門課，工具可以參考哪些」: an hours area named by an everyday word is the subject itself
        names_area = "tools" in u.intents and any(area != "tool" for _, area, _ in self.facts.areas_named(u.normalised))
        # "Which governance frameworks does it cite?" "How many dimensions…?" after a type: an overview of a
        # subject of its own, not the type's
        # (「我那個聊天機器人…就負責任使用 AI 來說要注意哪些」: 「我那個」 is the user's own thing, no reference)
        unowned = re.sub(
            r"(我|我們)的?那個(?=(?!證照|認證|證書|職務|職位|工作|角色|背景|課)[\u4e00-\u9fff]{2})", " ", u.normalised
        )
        own_subject = bool(set(u.intents) & OWN_SUBJECT_INTENTS) and (
            not self.understanding.pronouns.search(unowned) or bool(GUIDELINE_SPEAKS.search(u.normalised))
        )
        if (
            not u.entities
            and not names_area
            and not own_subject
            and previous
            and (followup or leaning or (short or continuation or of_the_subject) and u.intents)
        ):
            kinds = {k for i in u.intents for k in self.understanding.applies_to.get(i, [])}
            fitting = [e for e in previous if e.kind in kinds]  # 「它常見職稱」: the archetype, not the item
            u.entities = fitting or previous
            u.followup = True
        # 「它是國際的嗎」: the scope or category named is what is asked of 「它」, not the last question again
        attribute = CERT_PRONOUN.search(u.normalised) and {e.kind for e in u.entities} & {"cert_scope", "cert_category"}
        # "Sorry, switching to English… What about AI service development?": the last sentence swaps the subject
        tail = SWAP_TAIL.search(u.normalised)
        # 「那台灣人工智慧學校的呢？」 after a question about a certificate's type: an issuer swapped in is asked
        # for its certificates (the issuer view counts and lists them), not the last question again
        only_issuers = {e.kind for e in u.entities} == {"issuer"} and not any(e.kind == "issuer" for e in previous)
        if (
            tail
            and u.entities
            and previous
            and not self.understanding.detect_intents(tail.group(0))
            and not only_issuers
        ):
            u.intents = list(context.get("intents", [])) or u.intents  # the tail asks what the last answer asked
            u.followup = True
        if u.entities and not u.intents and (u.followup or short) and not attribute:
            u.intents = [] if only_issuers else list(context.get("intents", []))
            u.followup = True
        if continuation and u.entities and previous and PERSON_ASKS.intersection(u.intents):
            # 「想當機器學習工程師要怎麼走？該先打哪些基礎、考哪一類證照？」: the later part still asks about the
            # role the part before named
            own = {e.kind for e in u.entities}
            u.entities += [e for e in previous if e.kind in ("role", "talent") and e.kind not in own]
        swapped = {e.kind for e in u.entities}
        if short_swap and u.entities and swapped & {e.kind for e in previous} and not swapped & QUALIFIER_KINDS:
            # 「金融業的應用人才能做什麼」→「那開發人才呢」: the other talent, still in 金融業 (the industry, scope
            # or issuer that qualified the last answer stays)
            u.entities += [e for e in previous if e.kind in QUALIFIER_KINDS]
        certs = [e for e in previous if e.kind == "cert"]
        own_kinds = {e.kind for e in u.entities}
        # what is asked of 「它」 (「它是國際的嗎」「它對 AI 服務開發有用嗎」), not another thing
        only_asked = own_kinds <= {"type", "item", "talent", "cert_scope", "cert_category"}
        if u.entities and len(certs) == 1 and only_asked and CERT_PRONOUN.search(u.normalised):
            u.entities = [*certs, *u.entities]
            u.followup = True
        people_before = [e for e in previous if e.kind in ("role", "archetype")]
        asks_of_person = PERSON_PRONOUN.search(u.normalised) or CODING_ASKED.search(u.normalised)
        if u.entities and people_before and own_kinds <= {"type", "item"} and asks_of_person:
            # 「這種人需要自己寫程式或訓練模型嗎」 after a role: what is asked of that role, not another subject
            u.entities = [people_before[0], *u.entities]
            u.followup = True
        own = [e for e in u.entities if e.start >= 0]
        if len(own) == 1 and previous and COMPARED_WITH.search(u.normalised):
            # 「那跟電腦技能基金會比，哪個單位列的比較多？」 after 資策會: the one talked about, and the one named
            same = [e for e in previous if e.kind == own[0].kind and e.key != own[0].key]
            if len(same) == 1:
                u.entities = [same[0], *u.entities]
                u.followup = True
        if u.entities and previous and SUBSET.search(u.normalised):
            # 「國外發的有幾張？其中幾張屬於專案類？」: the set the question counts within is the one before
            own = {e.kind for e in u.entities}
            u.entities += [e for e in previous if e.kind in FILTER_KINDS and e.kind not in own]

    def _canonical(self, e: Entity) -> str:
        if e.kind == "cert":
            return self.catalog.certification(e.key).name
        if e.kind == "role":
            return next(r.name for r in self.catalog.role_list if r.id == e.key)
        if e.kind in ("item", "risk"):
            return e.surface
        return e.key

    def _compose_catalog(self, turn: Turn) -> Turn:
        assert turn.u is not None
        plan = turn.plan
        related = self._related(turn) if plan is None or plan.kind is PlanKind.VIEW else []
        text, sources = compose.from_cards(turn.cards, turn.u.lang, self.titles, related)
        rule = turn.plan.rule if turn.plan else ""
        context = self._context(turn.u)
        if plan is not None and plan.about:  # what the answer decided it is about, for the follow-up
            # the words the question used as evidence (「不用訓練模型」 names 模型訓練) are not what it is about
            about = [(e.kind, e.key, e.surface) for e in plan.about]
            named = {a[:2] for a in about}
            kept = [x for x in context["entities"] if x[0] not in EVIDENCE_KINDS and x[:2] not in named]
            context["entities"] = about + kept
        turn.answer = Answer(True, text, sources, "catalog", lang=turn.u.lang, context=context, rule=rule)
        return turn

    def _rare_match(self, u: Understanding, hit: Retrieved) -> bool:
        """A rare guideline term shared with the passage is evidence enough even when the rest of a
        colloquial question shares no words with it: a thesaurus mapping (亂講→幻覺), or a word of the
        question itself that only one or two passages use (文史哲)."""
        index = self.retriever.bm25
        doc = index.doc_tokens[self.retriever.by_id[hit.chunk.id]]
        expansion_terms = {tok for term in u.expansions for tok in tokens(term)}
        own_terms, _ = u.query_terms()
        if any(tok in doc and index.idf.get(tok, 0.0) >= self.t.rare_idf.value for tok in expansion_terms):
            return True
        return hit.coverage >= self.t.min_coverage.value / 2 and any(
            tok in doc and index.idf.get(tok, 0.0) >= self.t.very_rare_idf.value
            for tok in own_terms
            if tok not in expansion_terms
        )

    def _related(self, turn: Turn) -> list[tuple[str, Retrieved]]:
        """Guideline sentences from a section the cards do not cite, when they fit the question well."""
        self._retrieve(turn, dense=False)
        cited = {s for card in turn.cards for s in card.sections}
        fitting = [
            h for h in turn.hits[:2] if h.coverage >= self.t.related_coverage.value and h.chunk.section not in cited
        ]
        if not fitting or turn.u is None:
            return []
        terms, _ = turn.u.query_terms()
        return compose.select_sentences(fitting[:1], terms, self.retriever.bm25, budget=int(self.t.related_chars.value))

    def _retrieve(self, turn: Turn, dense: bool = True) -> Turn:
        """Retrieval, at most once per question. Beside a catalog answer (is there a passage that fits
        better, a related sentence?) the lexical leg alone decides, so only questions answered from
        passages pay for embedding the question."""
        assert turn.u is not None
        if turn.retrieved:
            return turn
        turn.retrieved = True
        terms, weights = turn.u.query_terms()
        dense_query = turn.u.normalised if dense else None
        turn.hits = self.retriever.retrieve(terms, weights, dense_query, k=self.settings.top_k)
        self._keep_thesaurus_targets(turn, terms, weights)
        return turn

    def _keep_thesaurus_targets(self, turn: Turn, terms: list[str], weights: dict[str, float]) -> None:
        """A rare guideline term the thesaurus mapped the question onto (胡說八道→幻覺) must reach the
        composer even when the question's other words pull common passages ahead of it."""
        assert turn.u is not None
        index = self.retriever.bm25
        present = {tok for hit in turn.hits for tok in index.doc_tokens[self.retriever.by_id[hit.chunk.id]]}
        for term in turn.u.expansions:
            for tok in tokens(term):
                if tok in present or index.idf.get(tok, 0.0) < self.t.rare_idf.value:
                    continue
                best = self.retriever.retrieve([tok], {}, None, k=1)
                if best:
                    hit = best[0]
                    doc = self.retriever.by_id[hit.chunk.id]
                    turn.hits.append(replace(hit, coverage=index.coverage(terms, doc, weights)))
                    present |= set(index.doc_tokens[doc])

    def _compose_retrieved(self, turn: Turn) -> Turn:
        u, q, plan = turn.u, turn.query, turn.plan
        assert u is not None and q is not None and plan is not None
        relevant = q.notes["semantic_hits"] if plan.rule == "retrieval.semantic_passages" else q.relevant
        terms, weights = u.query_terms()
        listed = self._list_items(relevant[0], terms)
        text, sources = compose.from_passages(
            relevant, terms, self.retriever.bm25, u.lang, self.titles, listed, weights
        )
        if not sources:  # 「2」: passages were near, yet no sentence of them carries a word of the question
            turn.answer = self._declined(Plan(PlanKind.DECLINE, "retrieval.nothing_relevant"), u, len(u.question))
            return turn
        context = self._context(u)
        if not u.entities and ONE_CERT_ASKED.search(u.normalised):
            # 「表6 裡跟行銷有關的認證是哪張？」「表8 哪一個職稱…」 answered by one row: 「誰辦的」「它的專業技能」
            # next are about that certificate or role
            kind = "role" if ONE_ROLE_ASKED.search(u.normalised) else "cert"
            quoted = [e for e in self.understanding.entities(normalise(text)) if e.kind == kind]
            asked = {u.normalised[i : i + 2] for i in range(len(u.normalised) - 1)}
            # (several quoted: the one whose name shares the question's words, 「行銷」)
            names = [c.name for c in self.catalog.certifications]
            rare = {w for w in asked if w.strip() and sum(w in n for n in names) <= 2}  # 「行銷」, not 「認證」
            named = [
                e for e in quoted if kind == "cert" and any(w in self.catalog.certification(e.key).name for w in rare)
            ]
            for pool in (quoted, named):
                if len({e.key for e in pool}) == 1:
                    context["entities"] = [(e.kind, e.key, e.surface) for e in pool[:1]]
                    break
        turn.answer = Answer(True, text, sources, "retrieval", lang=u.lang, context=context, rule=plan.rule)
        return turn

    def _list_items(self, hit: Retrieved, terms: list[str]) -> list[Retrieved]:
        """The list a passage introduces (「以下列出的…」 or a closing 「：」, with list items right after it),
        when the introducing sentence itself is about the question (two or more of its words)."""
        text = hit.chunk.text.rstrip()
        if hit.chunk.kind != "paragraph" or not (text.endswith(("：", ":")) or "以下" in text):
            return []
        lead = next((x for x in re.split(r"(?<=[。；：])", text) if "以下" in x), text[-80:])
        chunks, items = self.retriever.chunks, []
        i = self.retriever.by_id[hit.chunk.id] + 1
        while i < len(chunks) and chunks[i].kind == "list_item" and chunks[i].part == hit.chunk.part and len(items) < 8:
            items.append(replace(hit, chunk=chunks[i], lexical_rank=None, dense_rank=None))
            i += 1
        index = self.retriever.bm25
        lead_fits = len((set(tokens(lead)) & set(terms)) - {"ai"}) >= 2
        item_fits = any(
            index.idf.get(t, 0.0) >= self.t.rare_idf.value - 1
            for item in items
            for t in set(tokens(item.chunk.text)) & set(terms)
        )
        return items if lead_fits or item_fits else []

    def _phrase(self, turn: Turn) -> Turn:
        answer = turn.answer
        if self.phraser is None or answer is None or not answer.answered or turn.u is None:
            return turn
        context = [h.chunk.text for h in turn.hits] or [s.excerpt for s in answer.sources if s.excerpt]
        body, _, source_line = answer.text.rpartition("\n\n")
        rewritten = self.phraser.rephrase(turn.question, body or answer.text, context)
        if rewritten:
            answer.text = f"{rewritten}\n\n{source_line}" if body else rewritten
            answer.route = "llm"
        return turn

    @staticmethod
    def _context(u: Understanding) -> dict[str, Any]:
        return {"entities": [(e.kind, e.key, e.surface) for e in u.entities], "intents": list(u.intents)}


# after a question mark, or after a question word followed by a space (「研究人才做什麼 以後可以升到哪」)
_QUESTION_END = r"(?:(?<=什麼)|(?<=甚麼)|(?<=嗎)|(?<=呢)|(?<=哪)|(?<=哪些)|(?<=多少)|(?<=幾)|(?<=如何)|(?<=怎麼))"
_PART_END = re.compile(
    r"(?<=[？?])\s*|" + _QUESTION_END + r"\s+(?=[\u3400-\u9fff])"
    # "How many … fall under literacy, and which agency runs the iPAS exams?": two questions
    # (only when the second names something of its own: a capitalised or Chinese name)
    r"|,\s+and\s+(?=(?:which|what|who|how|where|when|why|is|are|does|do|can)\b[^,?]*?(?:\b(?!I\b)[A-Z]|[a-z][A-Z]|[\u3400-\u9fff]))"
)
MIN_PART_CHARS = 4
MAX_PARTS = 3
FACTS_CACHE = 64  # messages whose stated facts are kept (answers run in worker threads; reads are pure)


# a part that opens with what the thing before it is compared with (「跟服務開發比差在哪」 "compared with…")
COMPARED_WITH_BEFORE = re.compile(r"^\W*(那)?\s*(跟|和|與|比起|相較於|相比於|\bcompared (to|with)\b)")


REMARK = re.compile(
    # (a remark naming something, 「我記得以前是考 AI-900」, is read on its own: it may name what is asked)
    r"^(?=.*(我|我們|\bwe\b|\bi\b|\bour\b))(?!.*([A-Za-z]{2,}|\d|[?？]|嗎|呢|什麼|甚麼|哪|幾|多少|如何|怎麼|是否|有沒有|列出|告訴|說明|給我|幫我|介紹"
    r"|\b(what|which|how|who|where|when|why|list|tell|show|give)\b)).*$",
    re.IGNORECASE,
)


def split_questions(question: str) -> list[str]:
    """Parts of a message that asks several things, split after each question mark."""
    parts = [p.strip() for p in _PART_END.split(question.strip()) if p.strip()]
    merged: list[str] = []
    for part in parts:
        content = re.sub(r"[\W_]+", "", part)
        # 「那模型訓練呢？跟服務開發比差在哪？」: a comparison whose subject is the part before it
        # (only after a part that names its subject and no more: 「那模型訓練呢？」, not a question of its own)
        leans_back = bool(merged and COMPARED_WITH_BEFORE.match(part) and re.search(r"(呢|咧)\W*$", merged[-1]))
        # 「…要注意什麼？我們很怕被說歧視客戶」: a closing remark about the asker, asking nothing, is the
        # question's context, not a question of its own
        remark = bool(merged) and part is parts[-1] and REMARK.match(normalise(part)) is not None
        if merged and (len(content) < MIN_PART_CHARS or len(merged) >= MAX_PARTS or leans_back or remark):
            merged[-1] = f"{merged[-1]}{part}"
        else:
            merged.append(part)
    return merged or [question]


def merge_answers(answers: list[Answer]) -> Answer:
    """One reply for a multi-part message: each distinct answer once, sources in order. A part the
    guideline does not cover at all (fees, exam dates…) makes the whole message declined: the parts
    it can answer are still shown."""
    if any(a.answered for a in answers):  # "Sorry, can you answer in English? Which tools…": a part that
        # names nothing of the guideline beside parts that were answered is a remark, not a question
        answers = [a for a in answers if a.rule != "scope.not_about_guideline"]
    if any(a.answered or a.out_of_scope for a in answers):  # a part that found nothing adds only noise
        answers = [a for a in answers if a.answered or a.out_of_scope]
    texts = list(dict.fromkeys(a.text for a in answers))
    sources = list({(s.section, s.title): s for a in answers for s in a.sources}.values())
    declined = next((a for a in answers if a.out_of_scope), None)
    answered = [a for a in answers if a.answered]
    lead = declined or (answered[0] if answered else answers[0])
    return Answer(
        declined is None and bool(answered),
        "\n\n".join(texts),
        sources,
        "none" if declined else lead.route,
        lang=lead.lang,
        # what a follow-up refers to: the last part that named something (「英文名稱是？」 names nothing)
        context=next((a.context for a in reversed(answers) if a.context.get("entities")), answers[-1].context),
        out_of_scope=declined is not None,
        rule=" + ".join(dict.fromkeys(a.rule for a in answers if a.rule)),
    )


def make_advisor(settings: Settings) -> Advisor:
    """Load everything once: the catalog, the index (built if missing or stale), the retrievers. The
    dense leg is opened on first use (`rag/dense_leg.py`); `advisor.warm()` opens it now."""
    catalog = load_catalog()
    manifest = ingest(settings).manifest
    chunks = guideline_chunks(catalog)
    leg = None
    if dense_enabled(settings, manifest):
        from rag.dense_leg import DenseLeg

        leg = DenseLeg(settings, manifest, chunks, margin=thresholds().out_of_scope_margin.value)
    retriever = HybridRetriever(
        chunks,
        lexical_weight=settings.lexical_weight,
        dense_weight=settings.dense_weight,
        rrf_k=settings.rrf_k,
        dense_store=leg,
    )
    advisor = Advisor(settings, catalog, retriever)
    if leg is not None and settings.semantic_scope:
        advisor.semantic = leg
    return advisor
