"""Query understanding from data: entities from the catalog, intents and scope from patterns, and
thesaurus expansion.

Why: questions name things in many ways (「iPAS 初級」, 「AI PM」, "which cert", Simplified script).
Recognising catalog entities lets the advisor answer facts straight from the structured data, and
mapping colloquial and English words onto the guideline's own terms lets the lexical retriever find
passages for paraphrased and English questions. Everything here is driven by data files.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.catalog import Catalog
from knowledge.textnorm import match_key
from knowledge.yamlfile import load_yaml
from rag.gazetteer import Form, catalog_forms
from rag.lexical import EN_STOPWORDS, tokens
from rag.matching import KeyMatcher, greedy_spans, inflections, squash
from rag.spelling import CJK_RUN, Speller, pattern_words
from rag.textnorm import Lang, detect_language, fold, normalise, reads_as_english

DATA = Path(__file__).resolve().parent / "data"
# Priority when several kinds are recognised: the more specific entity decides the answer.
KIND_ORDER = (
    "cert",
    "role",
    "type",
    "item",
    "cert_category",
    "talent",
    "archetype",
    "industry",
    "career_topic",
    "rai",
    "risk",
    "resource_all",
    "resource",
    "tool",
    "issuer",
    "cert_scope",
)


# 「TensorFlow Developer Certificate」, 「Certified Data Professional」: names of certificates in English.
CERT_PHRASE = re.compile(
    r"((?:[A-Z][\w+.&-]*\s+){1,7}(?:[Cc]ertificate|[Cc]ertification|Certified|[Cc]redential)s?\b"
    r"|Certified(?:\s+[A-Z][\w+.&-]*){1,5})"
)
LEVEL_WORDS = ("初級", "中級", "高級")
# ("Through certificates only…", "Now certificates…": words that lead a phrase, naming no certificate)
LEADING_WORDS = frozenset(
    "through via only just using without more most other another now also both each every new own same by those such"
    " taking getting".split()
)
CAPITALISED_RUN = re.compile(r"\s+[A-Z][a-z]+\s+[A-Z]")  # "Coursera Deep Learning …": a proper name goes on
# 「Google Professional Data Engineer」: three to seven capitalised words in a row
# (a dot inside a word, 「Fast.AI」, not one ending a sentence: "…in Taipei. Which AWS certs…" is no name)
CAPITALISED_NAME = re.compile(r"(?:[A-Z][\w+&-]*(?:\.[\w+&-]+)*\s+){2,6}[A-Z][\w+&-]*(?:\.[\w+&-]+)*")
LATIN_RUN = re.compile(r"^\s*的?\s*(?:[A-Za-z][\w+.&:()-]*\s*){1,6}(?=[\u3400-\u9fff])")
QUOTED_CERT = re.compile(r"[「『“\"]([^」』”\"]{2,24})[」』”\"]\s*(?:的)?\s*(?:證書|證照|認證|檢定|cert)")
QUOTED_NAME = re.compile(r"[「『“\"]([^」』”\"]{2,30}(?:認證|證照|證書|檢定))[」』”\"]")
SIMILAR_NAME = 0.9
NEAR_MISS_START = 0  # typo matches count as named by the question
EXPANSION_WEIGHT = 0.8  # thesaurus terms are deliberate mappings onto the guideline's words
# Entity kinds a thesaurus expansion may stand for when the question names none itself.
# A message about holding or taking certificates: 「我已經有 AI Practitioner」 "I passed AI Practitioner".
# a certificate category refused right before it is named (「不打算考專案類」「不考专案类」 "without a project cert")
REFUSED_BEFORE = re.compile(
    r"(不|沒|没|別|别)(打算|想|要|會|会|用|必|需要)?\s*(考|拿|去考|走)?\s*$"
    r"|\b(without|no|not|skip(ping)?)\s+(a |any |the )?$"
)
CERT_TALK = re.compile(
    r"(證照|認證|證書|考過|考到|考了|拿到|拿了|持有|已經有|我有|手上有|\b(cert|certs|certificate|certified|exam|passed|"
    r"hold|holds|have)\b)"
)
# 「X 是歸在哪個能力類型」「X 屬於哪一項」: asks where something belongs, not for the whole list
BELONGS_TO = re.compile(r"(歸在|歸於|歸類|屬於哪|放在哪|算在哪|算哪|對應哪|\b(belongs?|falls?) (to|under)\b)")
ENTITY_CACHE_SIZE = 4096  # messages and list items whose catalog names are kept (bounded memory)
IMPLIED_KINDS = ("role", "type", "item", "cert_category", "talent", "archetype", "rai", "career_topic", "industry")


# everyday English words people write in capitals for stress ("ALSO", "NOT", "BOTH"): never a certificate's name
SHOUTED_WORDS = frozenset(
    "also only not never really both all any must need just still even now more most very please asap and or but "
    "the my me why how what when who which is are was be do does did have has had no yes ok okay fyi important "
    "urgent help without with before after again first last each every same".split()
)


@dataclass(frozen=True)
class Entity:
    kind: str
    key: str
    surface: str
    start: int


@dataclass
class Understanding:
    question: str
    normalised: str
    lang: Lang
    entities: list[Entity] = field(default_factory=list)
    intents: list[str] = field(default_factory=list)
    out_of_scope: str | None = None
    unknown_names: list[str] = field(default_factory=list)
    expansions: list[str] = field(default_factory=list)
    followup: bool = False
    previous_rule: str = ""  # the rule that answered the message before, in a conversation
    stop_terms: frozenset[str] = frozenset()
    expansion_weight: dict[str, float] = field(default_factory=dict)

    def of_kind(self, kind: str) -> list[Entity]:
        return [e for e in self.entities if e.kind == kind]

    def kinds(self) -> list[str]:
        present = {e.kind for e in self.entities}
        return [k for k in KIND_ORDER if k in present]

    def query_terms(self) -> tuple[list[str], dict[str, float]]:
        """Lexical query: the question's own tokens plus thesaurus expansions (weighted lower)."""
        own = [t for t in tokens(self.normalised, normalised=True) if t not in self.stop_terms]
        weights: dict[str, float] = {}
        if "tools" not in self.intents:
            # a tool named in passing (「貼進 ChatGPT」) is context, not the topic
            for e in self.entities:
                if e.kind == "tool":
                    weights.update({t: 0.3 for t in tokens(e.surface)})
        extra: list[str] = []
        for term in self.expansions:
            for tok in tokens(term):
                if tok not in own:
                    weights[tok] = max(weights.get(tok, 0.0), self.expansion_weight.get(term, EXPANSION_WEIGHT))
                    extra.append(tok)
        return own + extra, weights


def normalise_pattern(source: str) -> str:
    return fold(source)


def scope_pattern(source: str) -> re.Pattern[str]:
    """An out-of-scope pattern as questions are read: every full-width punctuation mark it names also
    matches its half-width form, which is what `normalise` turns it into (「，」 is read as ","), so that
    「職缺[^，。?？]{0,8}流程」 stops at a comma as it was meant to: a topic never reaches across clauses
    (「我看到一個職缺，要幫各部門盤點流程…」 asks about the work, not about applying)."""
    return re.compile(_half_width_too(fold(source)))


def _half_width_too(source: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            out.append(source[i : i + 2])
            i += 2
            continue
        if ch == "[":
            end = i + 1
            while end < len(source) and (source[end] != "]" or end == i + 1 or source[end - 1] == "\\"):
                end += 1
            body = source[i + 1 : end]
            extra = [
                re.escape(half)
                for c in body
                if (half := unicodedata.normalize("NFKC", c)) != c and len(half) == 1 and not half.isalnum()
            ]
            if body.startswith("^") and "，" in body and "、" not in body:
                extra.append("、")  # 「什麼時候停、之後改考哪個」: an enumeration comma ends the clause too
            out.append("[" + body + "".join(extra) + "]")
            i = end + 1
            continue
        half = unicodedata.normalize("NFKC", ch)
        out.append(f"[{ch}{re.escape(half)}]" if ch in FULL_WIDTH_MARKS and half != ch else ch)
        i += 1
    return "".join(out)


FULL_WIDTH_MARKS = frozenset("，；：？！（）")


def _pattern(source: str) -> re.Pattern[str]:
    """Patterns are written in Traditional Chinese and folded like the questions (臺→台)."""
    return re.compile(normalise_pattern(source))


def without_names(text: str, entities: list[Entity]) -> str:
    """The question with recognised names blanked out, so 「AI 工具應用」 does not read as a question about 工具."""
    for e in sorted(entities, key=lambda e: -len(e.surface)):
        # the surface is the catalog's spelling (「ai 工具應用」); the question may space it differently
        spaced = r"\s*".join(re.escape(ch) for ch in e.surface.replace(" ", ""))
        text = re.sub(spaced, " ", text) if spaced else text
    return text


def without_certificates(text: str, entities: list[Entity]) -> str:
    """The question without the certificates it names and the level in brackets after one: a level word
    in 「TQC人工智慧應用與技術（進階）」 names no 表5 level."""
    bare = without_names(text, [e for e in entities if e.kind == "cert"])
    return re.sub(r"[（(][^）)]{0,12}[）)]", " ", bare)


# Intents whose patterns name what they ask about (表7's two roles of 應用人才): read on the whole text.
NAMED_INTENTS = frozenset({"overview_archetypes", "category_of"})
# Entity kinds whose names are the guideline's own subject: no out-of-scope pattern may match one.
SUBJECT_KINDS = ("cert", "type", "item", "cert_category", "talent", "archetype", "role", "rai", "resource")


def check_scope_collisions(scope: dict[str, tuple[str, list[re.Pattern[str]]]], forms: list[Form]) -> None:
    """Fail at load time when an out-of-scope pattern matches a name of the guideline itself (a topic
    word that would decline 「AI 產品經理」 or 「資料標註師」 questions), naming the topic and the name."""
    for topic, (_, patterns) in scope.items():
        for form in forms:
            if form.kind in SUBJECT_KINDS and any(p.search(form.text) for p in patterns):
                raise ValueError(f"out-of-scope topic {topic!r} matches the guideline name {form.text!r} ({form.kind})")


class QueryUnderstanding:
    """Built once per process from the catalog and the data files in `rag/data/`."""

    def __init__(self, catalog: Catalog, data_dir: Path = DATA) -> None:
        self.catalog = catalog
        self.forms = catalog_forms(catalog, load_yaml((data_dir / "topic_forms.yaml").read_text(encoding="utf-8")))
        intents = load_yaml((data_dir / "intents.yaml").read_text(encoding="utf-8"))
        self.intents = {name: [_pattern(p) for p in pats] for name, pats in intents["intents"].items()}
        self.pronouns = _pattern(intents["followup"]["pronouns"])
        self.applies_to: dict[str, list[str]] = intents.get("applies_to") or {}
        self.leading = _pattern(intents["followup"]["leading"])
        self.scope = {
            name: (spec["reason"], [scope_pattern(p) for p in spec["patterns"]])
            for name, spec in intents["out_of_scope"].items()
        }
        # topics that yield to in-scope evidence; the others (fees, dates, tasks, rule changes) never do
        self.weighed = {name for name, spec in intents["out_of_scope"].items() if spec.get("weigh", True)}
        # topics declined even beside facts stated (「把證書上的 17 改成 18」 states hours to falsify them)
        self.beside_facts = {name for name, spec in intents["out_of_scope"].items() if spec.get("beside_facts")}
        self.stop_terms = frozenset(t for word in intents["stop_words"] for t in tokens(word))
        # the words that make a question about certificates, spelled once (intents.yaml `certificate_words`)
        # Latin ones as whole words with their plural ("exams", not "examples"; "certs", not "certain")
        words = "|".join(
            rf"\b{re.escape(w)}s?\b" if w.isascii() else re.escape(w) for w in intents["certificate_words"]
        )
        self.cert_words = re.compile(f"({words})", re.IGNORECASE)
        # (Latin ones as word starts: "certif" covers certificate and certification)
        subject = "|".join(
            rf"(?<![a-z]){re.escape(w)}" if w.isascii() else re.escape(w) for w in intents["guideline_words"]
        )
        self.guideline_words = re.compile(f"({subject})", re.IGNORECASE)
        # (a closing quote may come first: 「Prompt Master Gold」認證, 'Certified Prompt Pro' certificate)
        # (「…Specialization結業證書」: a kind of certificate word too)
        self.before_cert = re.compile(
            rf"[」』'\"”’)）]?\s*(的)?\s*(ai\s*)?(相關)?\s*(結業|修業|結訓|完訓|完成|專業|能力)?\s*({words})",
            re.IGNORECASE,
        )
        check_scope_collisions(self.scope, self.forms)
        thesaurus = load_yaml((data_dir / "thesaurus.yaml").read_text(encoding="utf-8"))
        self.synonyms: dict[str, list[str]] = {normalise(k): v for k, v in (thesaurus.get("synonyms") or {}).items()}
        english = {k.lower(): v for k, v in (thesaurus.get("english") or {}).items()}
        for key, values in list(english.items()):
            for variant in inflections(key):
                english.setdefault(variant, values)
        self.english = [(None, v, k) for k, v in english.items()]
        self.known_latin = self._known_latin_words(thesaurus)
        sources = [p for pats in intents["intents"].values() for p in pats]
        sources += [p for spec in intents["out_of_scope"].values() for p in spec["patterns"]]
        terms = [
            *(t.name for t in catalog.types),
            *(i.name for t in catalog.types for i in t.items),
            *(tc.name for tc in catalog.talent.categories),
        ]
        terms = [x for term in terms for x in CJK_RUN.findall(term)]
        latin = self.known_latin | pattern_words(sources) | pattern_words(intents["certificate_words"])
        from knowledge.catalog import GUIDELINE_PATH

        guideline_text = normalise(GUIDELINE_PATH.read_text(encoding="utf-8"))
        self.speller = Speller(latin, terms, guideline_text)
        # the guideline's own Latin words of four letters or more (Kaggle, PyTorch, portfolio-like names)
        self.guideline_latin = frozenset(re.findall(r"[a-z][a-z0-9+\-]{3,}", guideline_text.lower()))
        latin_names = {
            (variant, c.id)
            for c in catalog.certifications
            for name in (c.name, c.name_en, *c.aliases)
            if re.fullmatch(r"[\x00-\x7f–]+", name) and len(name) >= 12
            for variant in (name, re.sub(r"\s*\(.*?\)", "", name).replace(":", " "))
        }
        self.latin_cert_names = sorted((match_key(n), cid, len(n.split())) for n, cid in latin_names)
        self.cert_issuer = {c.id: c.issuer for c in catalog.certifications}
        issuer_words = {w for f in self.forms if f.kind == "issuer" for w in re.findall(r"[a-z0-9]+", f.text)}
        cert_words = {"certificate", "certificates", "certification", "certifications", "certified", "credential"}
        self.plain_words = set(EN_STOPWORDS) | issuer_words | cert_words | LEADING_WORDS
        # every word of a 表6 certificate's name: what tells 「Google 的 Generative AI Leader」 from Google's one
        self.cert_name_words = frozenset(
            w for c in catalog.certifications for w in re.findall(r"[a-z0-9]+", c.name.lower())
        )
        self.issuer_certs = {
            issuer: [c.id for c in catalog.certifications if c.issuer == issuer]
            for issuer in {c.issuer for c in catalog.certifications}
        }
        # words that only one certification of an issuer has in its names (AWS: "specialty", "practitioner")
        self.distinctive: dict[str, dict[str, set[str]]] = {}
        for issuer in {c.issuer for c in catalog.certifications}:
            certs = [c for c in catalog.certifications if c.issuer == issuer]
            vocab = {c.id: set(re.findall(r"[a-z][a-z0-9+-]+", normalise(f"{c.name} {c.name_en}"))) for c in certs}
            if len(certs) > 1:
                # ("and" in "Beginner and Intermediate" tells nothing: function words are never distinctive)
                self.distinctive[issuer] = {
                    cid: words - set().union(*(v for k, v in vocab.items() if k != cid)) - EN_STOPWORDS
                    for cid, words in vocab.items()
                }
        # four-character Chinese runs only one certification of a category has in its name (工具類: 「美術設計」)
        self.category_words: dict[str, dict[str, set[str]]] = {}
        for category in {c.category for c in catalog.certifications}:
            certs = [c for c in catalog.certifications if c.category == category]
            grams = {
                c.id: {
                    run[i : i + 4]
                    for run in re.findall(r"[\u4e00-\u9fff]{4,}", normalise(c.name))
                    for i in range(len(run) - 3)
                }
                for c in certs
            }
            self.category_words[category] = {
                cid: g - set().union(*(v for k, v in grams.items() if k != cid)) for cid, g in grams.items()
            }
        # one matcher per mode; a key maps to the first (longest, then catalog-order) form that has it
        self.form_index: dict[str, Form] = {}
        # a key two kinds share, one of them a certificate ("AI Practitioner": AI 應用人才's English name and
        # AWS Certified AI Practitioner's short name): the certificate when the message talks certificates
        self.cert_reading: dict[str, Form] = {}
        for form in self.forms:
            key = form.text if form.latin else match_key(form.text)
            first = self.form_index.setdefault(key, form)
            if form.kind == "cert" and first.kind != "cert":
                self.cert_reading[key] = form
        self.form_matchers = (
            KeyMatcher([k for k, f in self.form_index.items() if not f.latin], latin=False),
            KeyMatcher([k for k, f in self.form_index.items() if f.latin], latin=True),
        )
        self.synonym_keys = {match_key(k): k for k in self.synonyms}
        self.english_values = {k.lower(): (k, v) for _, v, k in self.english}
        self.thesaurus_matchers = (
            KeyMatcher(list(self.synonym_keys), latin=False),
            KeyMatcher(list(self.english_values), latin=True),
        )
        self._entity_cache: dict[str, tuple[Entity, ...]] = {}

    def _known_latin_words(self, thesaurus: dict[str, Any]) -> set[str]:
        from knowledge.catalog import GUIDELINE_PATH

        words = set(re.findall(r"[a-z0-9]+", normalise(GUIDELINE_PATH.read_text(encoding="utf-8"))))
        for form in self.forms:
            words.update(re.findall(r"[a-z0-9]+", form.text))
        for key in thesaurus.get("english") or {}:
            words.update(re.findall(r"[a-z0-9]+", key.lower()))
        # chat words people type in capitals ("OK", "HI"), never names of certificates
        chat = {"ok", "okay", "hi", "hey", "hello", "thanks", "thx", "pls", "btw", "fyi", "asap", "lol", "omg"}
        chat |= {"xd", "qq", "orz", "xdd", "tt", "ya", "yo"}  # emoticons and chat interjections
        # workplace abbreviations ("our JD", "the KPI"): words of the office, never names of certificates
        chat |= {"jd", "kpi", "kpis", "okr", "okrs", "ceo", "cto", "cio", "coo", "hrbp", "wfh", "ot", "crm", "erp"}
        # job and department abbreviations (「組上一個 RD」「我們 PM」): people's roles, not certificates
        chat |= {"rd", "pm", "po", "qa", "qc", "hr", "it", "mis", "bd", "ux", "ui", "pr", "fae", "sre", "devops"}
        # degrees and fields of study ("a CS grad", "my MBA", "EE major"): a background, never a certificate
        chat |= {"cs", "ee", "ece", "cse", "mba", "phd", "bsc", "msc", "ba", "bs", "ms", "ma", "stem", "mis", "ie"}
        return words | set(EN_STOPWORDS) | chat

    # ------------------------------------------------------------------ pieces
    def entities(self, text: str) -> list[Entity]:
        """Longest-first, non-overlapping matches of catalog names in the normalised question.

        Why cached: the dialogue asks for the entities of the same message and of the same list items
        several times per turn (masking, references, topics); a bounded cache makes that free."""
        found = self._entity_cache.get(text)
        if found is None:
            if len(self._entity_cache) >= ENTITY_CACHE_SIZE:
                self._entity_cache.clear()
            found = self._entity_cache[text] = tuple(self._find_entities(text))
        return list(found)

    def _find_entities(self, text: str) -> list[Entity]:
        squashed, positions = squash(text)
        taken = [False] * (len(squashed) + 1)
        spans = self.form_matchers[0].find(text, squashed, positions) + self.form_matchers[1].find(
            text, squashed, positions
        )
        found: list[Entity] = []
        cert_talk = bool(CERT_TALK.search(text))
        for start, _end, key in greedy_spans(spans, taken):
            form = self.cert_reading[key] if cert_talk and key in self.cert_reading else self.form_index[key]
            found.append(Entity(form.kind, form.key, form.text, start))
        found.sort(key=lambda e: e.start)
        unique: list[Entity] = []
        for e in found:
            if all((e.kind, e.key) != (u.kind, u.key) for u in unique):
                unique.append(e)
        if any(e.kind in ("talent", "type") for e in unique):
            # 「想被認定為 AI 開發人才，但不打算考專案類證書，光靠證書要怎麼湊」: a category refused is no subject
            unique = [
                e
                for e in unique
                if not (e.kind == "cert_category" and REFUSED_BEFORE.search(text[: self._at(text, e)][-8:]))
            ]
        return unique

    @staticmethod
    def _at(text: str, e: Entity) -> int:
        """Where an entity's words begin in `text` (its start is counted in the squashed text, near there)."""
        at = text.find(e.surface, max(0, e.start - 4))
        return at if at >= 0 else e.start

    def detect_intents(self, text: str) -> list[str]:
        return [name for name, patterns in self.intents.items() if any(p.search(text) for p in patterns)]

    def scope_problem(self, text: str) -> str | None:
        topics = self.scope_topics(text)
        return self.scope_reason(topics[0]) if topics else None

    def scope_topics(self, text: str) -> list[str]:
        return [name for name, (_, patterns) in self.scope.items() if any(p.search(text) for p in patterns)]

    def scope_starts(self, text: str) -> list[int]:
        """Where out-of-scope words begin in `text`."""
        return [m.start() for _, patterns in self.scope.values() for p in patterns for m in p.finditer(text)]

    def intent_ends(self, text: str, names: frozenset[str]) -> list[int]:
        """Where the matches of the named intents end in `text`."""
        return [m.end() for name in names for p in self.intents.get(name, []) for m in p.finditer(text)]

    def scope_reason(self, topic: str) -> str:
        return self.scope[topic][0]

    def scope_weighs(self, topic: str) -> bool:
        return topic in self.weighed

    def scope_beside_facts(self, topic: str) -> bool:
        return topic in self.beside_facts

    def _spans(self, text: str, entities: list[Entity]) -> tuple[list[tuple[str, list[str]]], set[str]]:
        """Thesaurus matches, longest first and non-overlapping, outside certification names.

        Returns the matched (key, values) pairs and the keys whose own words the query should drop."""
        squashed, positions = squash(text)
        taken = [False] * (len(squashed) + 1)
        for e in entities:
            if e.kind in ("cert", "issuer", "role"):
                for i in range(e.start, min(len(squashed), e.start + len(match_key(e.surface)))):
                    taken[i] = True
        matched: list[tuple[str, list[str]]] = []
        cjk = self.thesaurus_matchers[0].find(text, squashed, positions)
        latin = self.thesaurus_matchers[1].find(text, squashed, positions)
        for _start, _end, found in greedy_spans(
            [(a, b, "c:" + k) for a, b, k in cjk] + [(a, b, "l:" + k) for a, b, k in latin], taken
        ):
            if found.startswith("c:"):
                key = self.synonym_keys[found[2:]]
                matched.append((key, self.synonyms[key]))
            else:
                key, values = self.english_values[found[2:]]
                matched.append((key, values))
        return matched, {key for key, _ in matched if key in self.synonyms}

    def unknown_names(self, original: str) -> list[str]:
        """Names the guideline and catalog never use: acronyms (PMP, CCNA), names with digits (AZ-104), or a
        capitalised word right before a certificate word (「Coursera 的證書」). Ordinary English words
        (Taipei, Taiwanese) are not names of certifications."""
        names = []
        for m in re.finditer(r"[A-Za-z][A-Za-z0-9+\-]*(?:\.[A-Za-z][A-Za-z0-9+\-]*)*[A-Za-z0-9+]|[A-Za-z]", original):
            word = m.group(0)
            if re.fullmatch(r"v\d+", word, re.IGNORECASE) and original[max(0, m.start() - 1) : m.start()].isdigit():
                continue  # 「115v3.0」: the guideline's version, no name
            parts = [p for p in re.split(r"[-]", word.lower()) if p]
            # an acronym (PMP), a name with digits (AZ-104) or a dotted brand (Fast.AI, DeepLearning.AI)
            dotted = "." in word and any(ch.isupper() for ch in word)
            is_name = (word.isupper() and len(word) >= 2) or any(ch.isdigit() for ch in word) or dotted
            if word.isupper() and word.lower() in SHOUTED_WORDS:
                is_name = False  # "to ALSO count as application talent": a word stressed, not an acronym
            # 「Coursera 的證書」, 「Databricks 的 Machine Learning Associate 證照」: a capitalised word, then
            # only English words before a certificate word
            if not is_name and word[0].isupper() and word.lower() not in LEADING_WORDS:
                after = LATIN_RUN.sub("", original[m.end() : m.end() + 60], count=1)
                is_name = bool(self.before_cert.match(after))
            # "Is the Coursera Deep Learning Specialization a 素養類 certificate?": an unknown capitalised word
            # opening a run of capitalised words, in a question about certificates
            if not is_name and word[0].isupper() and CAPITALISED_RUN.match(original, m.end()):
                is_name = bool(self.cert_words.search(original))
            # ("that TQC+ cert": a family's mark with its plus is the family's word, known)
            if is_name and any(p.rstrip("+") not in self.known_latin for p in parts):
                names.append(word)
        # 「AI 小尖兵」證書: a name in quotes, right before a certificate word, that names no 表6 certificate
        for m in QUOTED_CERT.finditer(original):
            quoted = m.group(1).strip()
            # 「AI 模型訓練」的證照要求 names a type; 「AI 資料標註實務」證照 only holds a role's words
            covered = max((len(e.surface) for e in self.entities(normalise(quoted))), default=0)
            if quoted and covered < 0.7 * len(normalise(quoted).replace(" ", "")):
                names.append(quoted)
        # 「AI 影音剪輯實務認證」: a quoted name that is itself a certificate's name, none of 表6's
        for m in QUOTED_NAME.finditer(original):
            quoted = m.group(1).strip()
            if not any(e.kind == "cert" for e in self.entities(normalise(quoted))) and quoted not in names:
                names.append(quoted)
        # 「Prompt Master Gold」認證: the whole run of capitalised words the name ends, not its last word
        latin = re.sub(r"[^\x00-\x7f]", " | ", original)  # a run of names never crosses Chinese text
        runs = [m.group(0).strip() for m in CAPITALISED_NAME.finditer(latin)]
        whole = [next((r for r in runs if re.search(rf"(?<![A-Za-z]){re.escape(n)}(?![A-Za-z])", r)), n) for n in names]
        return list(dict.fromkeys(whole)) + self._unknown_by_issuer(original)

    def _unknown_by_issuer(self, original: str) -> list[str]:
        """「Google Professional Data Engineer」: a run of capitalised words that names an issuer of 表6 and a
        word none of that issuer's certificates has — a certificate of that vendor the guideline does not list
        (every word may be known on its own: Google, Professional, Data, Engineer)."""
        found = []
        for m in CAPITALISED_NAME.finditer(original):
            run = m.group(0).strip()
            entities = self.entities(normalise(run))
            issuers = {e.key for e in entities if e.kind == "issuer"}
            if not issuers or any(e.kind == "cert" for e in entities):
                continue
            vocabulary = {
                w
                for c in self.catalog.certifications
                if c.issuer in issuers
                for name in (c.name, c.name_en, *c.aliases, c.issuer)
                for w in re.findall(r"[a-z0-9]+", name.lower())
            }
            vocabulary |= {w for e in entities if e.kind == "issuer" for w in re.findall(r"[a-z0-9]+", e.surface)}
            extra = [w for w in re.findall(r"[A-Za-z0-9]+", run) if w.lower() not in vocabulary | set(EN_STOPWORDS)]
            if extra:
                found.append(run)
        return found

    def understand(self, question: str) -> Understanding:
        text = normalise(question)
        corrected = self.speller.corrections(text)  # 「NVDIA」, "categroy": read as the word meant
        text = self.speller.correct(text, corrected)
        u = Understanding(question=question, normalised=text, lang=detect_language(question))
        u.entities = self.entities(text)
        u.entities += self.certs_by_similar_name(question, u.entities)
        unknown_phrases = self.unknown_cert_phrases(question, u.entities)
        if not unknown_phrases:  # 「Coursera … certificate」: an issuer word alone does not name a 表6 certificate
            u.entities += self.certs_by_issuer_words(text, u.entities)
        u.entities += self.sibling_levels(text, u.entities)
        u.entities += self.near_misses(text, u.entities)
        u.lang = self._answer_language(question, u)
        u.intents = self.detect_intents(without_names(text, u.entities))
        # 「AI應用人才分成哪兩型」: an intent whose words include the name it asks about
        u.intents += [i for i in self.detect_intents(text) if i in NAMED_INTENTS and i not in u.intents]
        u.out_of_scope = self.scope_problem(text)
        near = {e.surface for e in u.entities if e.start == NEAR_MISS_START} | set(corrected)
        u.unknown_names = [n for n in self.unknown_names(question) if n.lower() not in near] + unknown_phrases
        matched, explained = self._spans(text, u.entities)
        u.expansions = list(dict.fromkeys(v for _, values in matched for v in values))
        for key, values in matched:
            if key in explained:  # the expansion stands for a whole phrase of the question (胡說八道→幻覺)
                for value in values:
                    u.expansion_weight[value] = max(u.expansion_weight.get(value, 0.0), len(tokens(key)) * 0.5)
        # 「vibe coding 是歸在哪個能力類型」: what the thesaurus maps a phrase to is what is asked about, even
        # beside a tool named or with 「能力類型」 in the question (which otherwise asks for the overview)
        belongs = bool(BELONGS_TO.search(text))
        only_tools = all(e.kind == "tool" for e in u.entities) and (belongs or not u.entities)
        asks_list = any(i.startswith("overview_") for i in u.intents)
        if only_tools and u.expansions and (belongs or not asks_list):
            # 「幫 AI 標資料的人」 → 資料標註師: names the thesaurus maps to are entities too; where something
            # belongs among the types or items, only a type or an item
            kinds = ("type", "item") if asks_list else IMPLIED_KINDS
            implied = self.entities(normalise(" ".join(u.expansions)))
            u.entities += [Entity(e.kind, e.key, e.surface, -1) for e in implied if e.kind in kinds]
        u.stop_terms = self.stop_terms | frozenset(t for key in explained for t in tokens(key))
        u.followup = bool(self.pronouns.search(text) or self.leading.search(text))
        return u

    def _answer_language(self, question: str, u: Understanding) -> Lang:
        """The script to answer in: English when nothing Chinese is left once guideline names are taken
        out ("which cert for AI 模型訓練"), Chinese as soon as the sentence itself is Chinese."""
        lang = u.lang  # the script decided from the characters alone
        if reads_as_english(question):
            return "en"
        if not re.search(r"[\u3400-\u9fff]", question):
            return lang
        rest = without_names(normalise(question), u.entities)
        if re.search(r"[\u3400-\u9fff]", rest):
            return "zh-CN" if lang == "zh-CN" else "zh-TW"
        return "en" if re.search(r"[a-z]{3,}", rest) else lang

    def near_misses(self, text: str, entities: list[Entity]) -> list[Entity]:
        """One-letter typos of names: 「NVDIA」 for NVIDIA, 「專按類」 for 專案類. Only issuers, certification
        categories and single-word certificate names are compared, and only when the question names none
        of that kind itself, so an ordinary word is never taken for a name."""
        found: list[Entity] = []
        kinds = {e.kind for e in entities}
        if "issuer" not in kinds and "cert" not in kinds:
            for word in set(re.findall(r"[a-z][a-z0-9+-]{3,}", text)):
                if word in self.known_latin:
                    continue
                for key, form in self.form_index.items():
                    if form.latin and form.kind in ("issuer", "cert") and " " not in key and len(key) >= 4:
                        if abs(len(key) - len(word)) <= 1 and difflib.SequenceMatcher(None, word, key).ratio() >= 0.8:
                            found.append(Entity(form.kind, form.key, word, NEAR_MISS_START))
                            break
        if "cert_category" not in kinds and self.cert_words.search(text):
            for cc in self.catalog.cert_categories.categories:
                name = cc.name
                for m in re.finditer(f"(?=([\u3400-\u9fff]{{{len(name) - 1}}}{name[-1]}))", text):
                    window = m.group(1)
                    if sum(a != b for a, b in zip(window, name, strict=True)) == 1:
                        found.append(Entity("cert_category", name, window, NEAR_MISS_START))
                        break
        return list({(e.kind, e.key): e for e in found}.values())

    def certs_by_similar_name(self, question: str, entities: list[Entity]) -> list[Entity]:
        """「NVIDIA Certified Associate Generative AI & LLMs」 (no colon), 「AWS Certified Machine Learning
        Engineer」: an English run of words that is nearly a 表6 name is that certification."""
        issuers = {e.key for e in entities if e.kind == "issuer"}
        if not issuers:
            return []  # a near-miss name carries its vendor (AWS, NVIDIA…); only that vendor's names are compared
        known = {e.key for e in entities if e.kind == "cert"}
        candidates = [
            (n, cid, size)
            for n, cid, size in self.latin_cert_names
            if self.cert_issuer[cid] in issuers and cid not in known
        ]
        found: list[Entity] = []
        for run in re.findall(r"[A-Za-z][A-Za-z0-9+&:().\- ]{14,}[A-Za-z0-9)]", question):
            words = run.split()
            best = (0.0, "", "")
            for name, cid, size in candidates:
                for n in {max(1, size - 1), size, size + 1}:
                    for start in range(0, max(1, len(words) - n + 1)):
                        window = " ".join(words[start : start + n])
                        matcher = difflib.SequenceMatcher(None, match_key(window), name)
                        if matcher.real_quick_ratio() < SIMILAR_NAME or matcher.quick_ratio() < SIMILAR_NAME:
                            continue
                        ratio = matcher.ratio()
                        if ratio > best[0]:
                            best = (ratio, cid, window)
            if best[0] >= SIMILAR_NAME and all(e.key != best[1] for e in found):
                found.append(Entity("cert", best[1], best[2].lower(), 0))
        return found

    def certs_by_issuer_words(self, text: str, entities: list[Entity]) -> list[Entity]:
        """「AWS 的 ML Specialty」: an issuer plus a word that only one of its certifications has."""
        if any(e.kind == "cert" for e in entities):
            return []
        issuers = [e.key for e in entities if e.kind == "issuer"]
        words = set(re.findall(r"[a-z][a-z0-9+-]+", text))
        # ("the literacy ones run by III": a word naming the category asked about picks no one certificate)
        words -= {w for e in entities if e.kind == "cert_category" for w in re.findall(r"[a-z][a-z0-9+-]+", e.surface)}
        found: list[Entity] = []
        if self.cert_words.search(text):
            # an issuer with a single certification in 表6 (Google, IBM) names it — unless other words name
            # a certificate of theirs the guideline does not list (「Google 的 Generative AI Leader 證照」)
            for key in issuers:
                ids = self.issuer_certs[key]
                if len(ids) != 1:
                    continue
                own = set(re.findall(r"[a-z0-9]+", self.catalog.certification(ids[0]).name.lower()))
                # words of other certificates' names (「Generative」), not in this one's
                foreign = {w for w in words if w in self.cert_name_words and w not in own and w not in self.plain_words}
                if not foreign:
                    found.append(Entity("cert", ids[0], key, 0))
            if found:
                return found
        # 「工具類證照裡那個美術設計的全名」: a category named, and words of one of its certificates' names
        # (「專案類裡面跟機器學習比較相關的有哪些」: a list asked, filtered by the words — no one certificate)
        listing = re.search(r"(有哪些|哪幾張|哪些|列出|\bwhich ones\b)", text)
        for category in {e.key for e in entities if e.kind == "cert_category" and e.start >= 0 and not listing}:
            hits = [
                cid for cid, grams in self.category_words.get(category, {}).items() if any(g in text for g in grams)
            ]
            if len(hits) == 1 and not issuers:
                found.append(Entity("cert", hits[0], category, 0))
        for issuer in issuers:
            for cert_id, distinctive_words in self.distinctive.get(issuer, {}).items():
                distinctive = distinctive_words & words
                if distinctive:
                    found.append(Entity("cert", cert_id, " ".join(sorted(distinctive)), 0))
        return found

    def sibling_levels(self, text: str, entities: list[Entity]) -> list[Entity]:
        """「iPAS 初級和中級」: the same certification family at another level named right after it."""
        found: list[Entity] = []
        names = {c.name: c.id for c in self.catalog.certifications}
        certs = [e for e in entities if e.kind == "cert"]
        for e in certs:
            cert = self.catalog.certification(e.key)
            for level in LEVEL_WORDS:
                if level not in cert.name:
                    continue
                for other in LEVEL_WORDS:
                    sibling = names.get(cert.name.replace(level, other))
                    if (
                        other != level
                        and sibling
                        and self._level_of(text, other, e, certs)
                        and all(x.key != sibling for x in entities)
                    ):
                        found.append(Entity("cert", sibling, other, e.start + 1))
        if any(e.kind == "cert" for e in entities):
            return found
        # 「iPAS 的 AI 應用規劃師，初級跟中級…」: an issuer and levels, no certificate named — the issuer's
        # certificates at those levels (only when every level named has one)
        issuers = {e.key for e in entities if e.kind == "issuer"}
        levels = [lv for lv in LEVEL_WORDS if lv in text]
        if issuers and levels:
            at = {lv: [c for c in self.catalog.certifications if c.issuer in issuers and lv in c.name] for lv in levels}
            if all(len(v) == 1 for v in at.values()):
                found += [Entity("cert", v[0].id, lv, text.find(lv)) for lv, v in at.items()]
        return found

    @staticmethod
    def _level_of(text: str, level: str, cert: Entity, certs: list[Entity]) -> bool:
        """Whether a level word in `text` speaks of `cert`: 「iPAS 初級，還有美術設計認證初級和中級都有」 — the
        中級 follows the other certificate, whose own row already holds both levels, so it is not iPAS 中級.
        A level word belongs to the certificate named last before it; one inside a name is that name's."""
        for m in re.finditer(level, text):
            if any(x.start <= m.start() < x.start + len(x.surface) for x in certs if x.start >= 0):
                continue
            before = [x for x in certs if 0 <= x.start < m.start()]
            if not before or max(before, key=lambda x: x.start) is cert:
                return True
        return False

    def unknown_cert_phrases(self, question: str, entities: list[Entity]) -> list[str]:
        """Certificate names the catalog does not know: 「TensorFlow Developer Certificate」, 「Certified X」."""
        if any(e.kind == "cert" for e in entities):
            return []
        # "…GitHub Copilot. No certificates": a phrase does not run across the end of a sentence
        phrases = [re.split(r"[.!?]\s+", m)[-1].strip() for m in CERT_PHRASE.findall(question)]

        # "Which certifications…", "Amazon Web Services certifications" name no certificate: a phrase
        # names one only with a word besides question words and the vendor's own name
        # ("which non-Taiwanese certifications": a word the catalog read as something else names no certificate)
        def known(p: str) -> set[str]:
            at = question.find(p)
            window = normalise(question[max(0, at - 16) : at + len(p)]) if at >= 0 else ""
            return {w for e in self.entities(window) for w in re.findall(r"[a-z0-9]+", e.surface)}

        return [p for p in phrases if set(re.findall(r"[a-z0-9]+", p.lower())) - self.plain_words - known(p)]
