"""The decision table's rules: from a typed `Query` to a `Plan`, highest priority first.

Why one table: before, routing was the order of forty `if` branches spread over three modules and
a miss could not be traced. Each rule here has an id (reported as `rule` by `advisor ask --json`), a
priority that says what wins when several apply, and a docstring-like description shown in the
README. Bands: 1000+ unusable input, 900s scope and unknown names, 800s catalog queries (counts,
filters, comparisons), 700–100 catalog views by entity kind, below 100 retrieval.
"""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.models import TOOL_CATEGORY, CompetencyType, Dimension, Role
from knowledge.views.cards import TABLE6, Card
from knowledge.views.queries import CertFilter
from rag.aims import levels_named, top_targets
from rag.own_work import (
    ASKS_ITEM,
    ASPIRE,
    CERT_ASKED,
    CLASSIFY_ME,
    COUNTS_AS,
    JOB_ASKED,
    ROLE_ASKED,
    ROLE_WORDS,
    SELF_WORK,
    TITLES_ASKED,
    WorkReading,
    abilities_of,
    read_work,
)
from rag.plan import Plan, PlanKind, Query, rule
from rag.thresholds import thresholds
from rag.understanding import SUBJECT_KINDS, Entity, without_certificates

DECLINE, VIEW, QUERY, RETRIEVE = PlanKind.DECLINE, PlanKind.VIEW, PlanKind.QUERY, PlanKind.RETRIEVE
# What counts as asking about a guideline fact: an intent other than the bare "what is".
IN_SCOPE_INTENTS = frozenset(
    {
        "certs_for",
        "category_of",
        "issuer",
        "successor",
        "requirements",
        "tools",
        "duties",
        "skills",
        "career",
        "which_talent",
        "overview_talent",
        "titles",
        "overview_types",
        "overview_items",
        "overview_cert_categories",
        "overview_rai",
        "update",
        "count",
        "compare",
        "download",
        "define",
    }
)
# besides the certificate words: the table of certificates itself, and the measure word for certificates
CERT_CONTEXT = re.compile(r"(參考表|(幾|多少)\s*張)")
LEVEL_ASKED = re.compile(
    r"(具備|初階|進階|未達|哪一級|幾級|等級|差多少|還差|\blevel\b|\bqualif|\bstand\b|\bbasic\b|\badvanced\b|\bmissing\b)"
)
COUNTING_CERTS = re.compile(r"(幾張|多少張|\bhow many\b)")  # a count of certificates, not of categories
THRESHOLD_WORDS = re.compile(r"(才算|才能|才夠|門檻|條件|達到|達成|算具備|要求|資格|初階|進階|升級|\bqualify|\breach)")
TABLE_NAMED = re.compile(r"表\s*(1[01]|[1-9])(?!\d)")
TABLE6_NAMED = re.compile(r"(表\s*6|認證參考表|table 6)")
TABLE5_NAMED = re.compile(r"(表\s*5|自我評估量表|量表|table 5)")
EXAMPLES_OF = re.compile(r"(這些|這類|等|之類|像是|例如|比如|such as|like|[（(][^）)]*[、,][^）)]*[）)])")
# Intents that ask for a stated attribute; "what is", "compare" and "where to download" alone do not.
EVIDENCE_INTENTS = IN_SCOPE_INTENTS - {"define", "compare", "download"}
WHICH_CERTS = re.compile(
    r"(哪幾張|哪些證照|哪張|考哪|哪一張|哪些認證|\b(which|what) (certificates|certs|certifications|exams)\b)"
)
LEVEL_WORDS = re.compile(
    r"(初階|進階|\b(advanced|beginner|entry)([- ][a-z]+)?[- ]level\b|\blevel of advanced\b)"
)  # 表5 levels above 具備
CLAUSE_SPLIT = re.compile(r"(?<=[，,；;。!！?？:：\n])|(?<=\.)\s")
QUESTION_MARKERS = re.compile(
    r"[?？]|嗎|呢|咧|什麼|甚麼|哪|多少|幾|如何|怎麼|是不是|有沒有|是否|\b(what|which|how|who|where|when|why|can|should|is|are|do|does)\b"
)


def mentions_certificates(q: Query) -> bool:
    return bool(q.reader.cert_words.search(q.u.normalised) or CERT_CONTEXT.search(q.u.normalised))


def cert_question(q: Query) -> bool:
    return bool(mentions_certificates(q) or q.intents & {"certs_for", "category_of", "issuer"}) or bool(
        q.u.of_kind("cert_category")
    )


def asked_clause(text: str) -> str:
    """The clause that carries the question: the last one with a question word or mark, else the last."""
    # (「…算AI人才喔??」: a second question mark is no clause of its own)
    clauses = [c for c in CLAUSE_SPLIT.split(text) if re.search(r"\w", c)] or [text]
    asking = [c for c in clauses if QUESTION_MARKERS.search(c)]
    return (asking or clauses)[-1]


# in chat a space between two Chinese words ends a clause (「4哪個單位辦的 偶要報名 順便問是啥類的」)
CHAT_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


# a clause asking only for the members of a set: 「表6裡有哪些？」「有哪幾張」 "which ones are there"
LISTS = re.compile(
    r"^\W*(那|那麼)?\s*((表\s*\d{1,2}|附件[^，。?？]{0,4})(裡|裡面|中|當中)?)?\s*"
    r"(有哪些|有哪幾張|有幾張|列出來|\bwhich ones\b)\W*$"
)


def in_scope_evidence(q: Query) -> bool:
    """Whether the question asks about something the guideline states, despite out-of-scope words: the
    clause that asks (「…；which certificate fits me?」) carries an in-scope intent, and either has no
    out-of-scope words itself or names a guideline entity next to a topic that may be outweighed
    (「學資料分析的人未來兩年該考哪張證照」)."""
    clause = asked_clause(CHAT_SPACE.sub("，", q.u.normalised))
    intents = set(q.reader.detect_intents(clause))
    topics = q.reader.scope_topics(clause)
    using_ai = AI_USE.search(clause) or any(e.kind == "tool" for e in q.u.entities)
    # (「員工把客戶資料上傳免費版 ChatGPT，依勞基法可以直接開除他嗎」: the clause that asks is about the law, the
    # act with AI only the scene — unless that clause does the act itself)
    act_asked = AI_USE.search(clause) or any(e.kind == "tool" for e in q.reader.entities(clause)) or not topics
    if (
        PERMISSION.search(clause)
        and using_ai
        and act_asked
        and any(e.kind == "rai" and e.start >= 0 for e in q.u.entities)
    ):
        # 「可以把客戶的財報直接丟進免費版 ChatGPT 嗎？」: whether an act with AI is all right is what 附件(六)
        # answers (隱私保護 here); 「財報」 is what the act handles, not a question about the stock market
        return all(q.reader.scope_weighs(t) for t in topics)
    if AI_SAID.search(q.u.normalised) and (TRUST_ASKED.search(clause) or THIS_GUIDELINE.search(clause)):
        # 「我問 AI 最近的新聞，它回答的都是以前的事，指引有解釋嗎」「ChatGPT 說的股價可以相信嗎」: whether
        # what AI says can be trusted is 附件(六)'s 資訊判斷; the news or the stock is only what it said
        return all(q.reader.scope_weighs(t) for t in topics)
    # two things of the guideline side by side (「素養類跟專案類差在哪」) are the guideline's own comparison
    compared = "compare" in intents and len({e.key for e in q.reader.entities(clause) if e.kind in SUBJECT_KINDS}) >= 2
    # 「公司想補助員工考專案類的證照，表6裡有哪些？」: the clause that asks lists the set the sentence names
    if LISTS.search(clause) and not topics and any(e.kind in SUBJECT_KINDS for e in q.u.entities):
        return True
    if not intents & EVIDENCE_INTENTS and not compared:
        return False
    if not q.u.entities:
        return False  # 「日本的技能標準裡，AI 人才分成哪幾種角色？」: nothing of the guideline is named
    if "other_frameworks" in q.scope_topics and not THIS_GUIDELINE.search(q.u.normalised):
        # 「日本的技能標準裡，AI 素養要上幾小時」 "Under SkillsFuture, how many hours does a data scientist
        # need": what is named beside another framework belongs to it, unless this guideline is named too
        return False
    if not topics:
        return True
    if not all(q.reader.scope_weighs(t) for t in topics) or not q.explicit_kinds - {"tool", "issuer", "cert_scope"}:
        return False
    # What is asked comes last in a Chinese question: the out-of-scope words must come before it
    # (「…未來兩年該考哪張證照」), not after it (「拿到專案類證照之後薪水大概可以多少」).
    return max(q.reader.intent_ends(clause, EVIDENCE_INTENTS), default=0) > max(q.reader.scope_starts(clause))


# ---------------------------------------------------------------- 1000+: unusable input
@rule("input.empty", 1100, DECLINE, "nothing to answer (no letters or digits): ask for a question")
def _empty(q: Query) -> Plan | None:
    if q.u.normalised and any(ch.isalnum() for ch in q.u.normalised):
        return None
    return Plan(DECLINE, "input.empty", message="empty")


@rule("input.too_long", 1090, DECLINE, "over the length limit: ask for one specific question")
def _too_long(q: Query) -> Plan | None:
    return Plan(DECLINE, "input.too_long", message="too_long") if q.too_long else None


# ---------------------------------------------------------------- 900s: scope
@rule("scope.never_answered", 990, DECLINE, "rule changes, fees, dates, tasks: never outweighed")
def _hard_scope(q: Query) -> Plan | None:
    hard = [t for t in q.scope_topics if not q.reader.scope_weighs(t)]
    if not hard or _only_in_context(q, hard):
        return None
    return Plan(DECLINE, "scope.never_answered", reason=q.reader.scope_reason(hard[0]), out_of_scope=True)


# this guideline named as such (against another country's framework in the same question)
# asking whether an act is all right: 「可以…嗎」「能不能」「該不該」 "can I", "should I"
PERMISSION = re.compile(
    r"(可以|可不可以|能不能|能否|應該|該不該|要注意|注意什麼|ok嗎|行嗎|好嗎"
    r"|\bcan i\b|\bshould i\b|\bis it ok\b|\bmay i\b)"
)
# the act asked about is one done with AI: 「丟進 ChatGPT」「讓 AI 判斷」 "paste it into"
AI_USE = re.compile(r"(丟(進|給|到)|輸入|上傳|貼(進|到|給|上)|餵|(用|讓|叫|交給)\s*ai|\b(paste|upload|feed|put)\b)")
# what an AI said or wrote (「它回答的」「ChatGPT 跟我說的」「AI 幫忙寫的報告」) …
AI_SAID = re.compile(
    r"(\bai\b|它|chatgpt|gemini|claude|copilot|模型|聊天機器人|機器人)[^，。?？]{0,10}"
    r"(回答|回覆|說|講|給的|給我|生成|產生|寫的|編的|輸出|整理的|翻譯的|做的|摘要)"
)
# … and whether to trust or use it as it is
TRUST_ASKED = re.compile(
    r"(相信|可信|可靠|正確嗎|對嗎|準嗎|查核|直接(用|貼|交|給|引用|放)|\btrust\b|\baccurate\b|\breliable\b)"
)
THIS_GUIDELINE = re.compile(r"(指引|這份|\bguideline\b)")
# 「可以幫我寫一段程式，…嗎？」: a request asks too, with or without a question mark
REQUEST = re.compile(r"(幫我|幫忙|請你|請幫|麻煩你|能不能|可不可以|可以幫|\b(please|can you|could you|would you)\b)")


def _only_in_context(q: Query, topics: list[str]) -> bool:
    """「我在幫公司挑證照補助方案，工具類跟專案類差在哪？」: the topic is where the asker stands, not what
    they ask — no clause that asks holds it, and the question names something of the guideline. A
    request without a question mark (「幫我寫一封求職信…」) is all one asking."""
    clauses = [c for part in CLAUSE_SPLIT.split(q.u.normalised) for c in CHAT_SPACE.split(part) if c.strip()]
    asking = [c for c in clauses if QUESTION_MARKERS.search(c) or REQUEST.search(c)]
    if not asking or not q.u.entities or len(asking) == len(clauses):
        return False
    return not any(set(q.reader.scope_topics(c)) & set(topics) for c in asking)


@rule("scope.outweighed", 980, DECLINE, "an out-of-scope topic with no in-scope evidence (entity + stated attribute)")
def _soft_scope(q: Query) -> Plan | None:
    topics = q.scope_topics
    if not topics or in_scope_evidence(q):
        return None
    if LEVEL_ASKED.search(q.u.normalised) and q.personal is not None and q.personal():
        return None  # 「幫我老公問一下：他上過…，他的 AI 服務開發算具備嗎」: stated facts and a level question
    return Plan(DECLINE, "scope.outweighed", reason=q.reader.scope_reason(topics[0]), out_of_scope=True)


@rule("scope.unknown_certification", 960, DECLINE, "a certificate name not in 表6 asked about as a certificate")
def _unknown_cert(q: Query) -> Plan | None:
    if q.u.unknown_names and cert_question(q) and not named_certs(q) and _named_as_certificate(q):
        return Plan(DECLINE, "scope.unknown_certification", message="unknown_certification", out_of_scope=True)
    return None


QUOTED_NAMES = re.compile(
    r"[「『“\"][^」』”\"]{2,30}[」』”\"]\s*(的)?\s*(證照|證書|認證|檢定|cert)"
    r"|[「『“\"][^」』”\"]{1,30}(證照|證書|認證|檢定|certificate|certification)[」』”\"]"
)
COURSE_TALK = re.compile(r"(課|課程|培訓|內訓|工作坊|\b(courses?|training|workshops?|class(es)?|bootcamps?)\b)")
HOURS_AFTER = re.compile(
    r"^[^，。,;；?？]{0,16}?(\d+(\.\d+)?|[一二三四五六七八九十兩百]+)\s*(hrs?|hours?|h\b|小時|個小時)", re.IGNORECASE
)


def _named_as_certificate(q: Query) -> bool:
    """「Coursera 的證書」 names a certificate; 「automation (n8n/Zapier) 15hr」 names a tool in an hours
    statement: an unknown name followed by its hours is not asked about as a certificate."""
    text = q.u.question
    if not q.reader.cert_words.search(q.u.normalised) and COURSE_TALK.search(q.u.normalised):
        return False  # "a course on workflow automation (n8n, Zapier…): which item is it?" names tools of a course
    if DESCRIBED_EXAM.search(q.message or q.u.normalised) and not QUOTED_NAMES.search(text):
        return False  # "our second exam: candidates build a workflow with n8n": a tool the exam uses, no name
    for name in q.u.unknown_names:
        at = text.find(name)
        if at < 0 or not HOURS_AFTER.match(text[at + len(name) :]):
            return True
    return False


# ---------------------------------------------------------------- 800s: the engine and catalog queries
@rule(
    "situation.learning_plan",
    885,
    QUERY,
    "a plan asked toward a type and level, a talent category or a role: the cheapest ways there (planner)",
)
def _learning_plan(q: Query) -> list[Card] | None:
    text = q.u.normalised
    if EVERY_TYPE.search(text) and TOP_LEVEL.search(text) and TOGETHER_FEWEST.search(text) and not q.u.of_kind("cert"):
        return (
            None  # 「五種能力類型全部都到最高，總共最少幾小時」: the least hours for all of them (a query of its own)
        )
    return q.learning_plan() if q.learning_plan is not None else None


@rule(
    "situation.own_result",
    880,
    QUERY,
    "facts about oneself and a question about one's level, gap or a what-if: 表5 engine",
)
def _own_result(q: Query) -> list[Card] | None:
    cards = q.personal() if q.personal is not None else None
    if cards:
        # 「算是應用人才了，想轉去做開發，要補什麼？指引有建議怎麼轉嗎」: what moving into that path takes
        moving = [e.key for e in q.u.entities if e.kind == "talent" and MOVE_INTO.match(e.surface)]
        cards = [*cards, *(q.views.moving_in_card(t) for t in dict.fromkeys(moving))]
        cards = [c for c in cards if c is not None]
    return cards


def cert_filter(q: Query) -> CertFilter:
    scope = q.keys.get("cert_scope", [])
    issuers = tuple(q.keys.get("issuer", []))
    if scope and issuers and EXAMPLES_OF.search(q.u.normalised):
        issuers = ()  # 「外商（微軟、AWS 這些國外公司）」: the issuers only illustrate the scope
    excluded = tuple(i for i in issuers if i in q.negated_issuers)
    issuers = tuple(i for i in issuers if i not in excluded)
    categories = tuple(q.keys.get("cert_category", []))
    return CertFilter(categories, issuers, scope[0] if len(scope) == 1 else None, excluded_issuers=excluded)


def named_certs(q: Query) -> list[str]:
    """Certifications the question names itself: an issuer with one certification implies it (「IBM」),
    which answers 「IBM 的證照是哪一類」 but names no set to classify or count within."""
    issuer = {c.id: c.issuer for c in q.views.cat.certifications}
    # "offered by Google or Microsoft": two issuers named are a filter, not Google's one certificate
    issuer_words = {e.surface for e in q.u.of_kind("issuer")} if len(q.keys.get("issuer", [])) > 1 else set()
    return list(
        dict.fromkeys(
            e.key for e in q.u.of_kind("cert") if e.surface != issuer.get(e.key) and e.surface not in issuer_words
        )
    )


# 「可以拿來證明…嗎」「對…有用嗎」「算…初階嗎」 "does it count for": whether a certificate counts toward something
COUNTS_FOR = re.compile(
    r"(算|可以|可不可以|能不能|能|有用|有幫助|幫助|證明|採認|認列|承認|符合|達到|達成|夠|抵|"
    r"\bcounts?\b|\bqualif|\benough\b|\bsatisf|\bmeets?\b|\bproves?\b)"
)
LIST_ASKED = re.compile(r"(哪些|哪幾|有哪|什麼證照|哪張|哪一張|\bwhich\b|\bwhat\b)")


@rule(
    "query.certificate_alone",
    875,
    QUERY,
    "a named certification asked whether it counts toward a type, talent or level: 表5 engine over it alone",
)
def _certificate_alone(q: Query) -> list[Card] | None:
    certs = named_certs(q)
    if not certs or q.alone is None or "compare" in q.intents:
        return None
    clause = asked_clause(q.u.normalised)
    # a level word inside a certificate's name (「TQC人工智慧應用與技術 (實用/進階/專業)」) names no level
    bare = without_certificates(q.u.normalised, q.u.of_kind("cert"))
    named = {"type", "item", "talent"} & q.explicit_kinds or LEVEL_WORDS.search(bare)
    if not named or not COUNTS_FOR.search(clause) or LIST_ASKED.search(clause):
        return None
    return q.alone(certs)


# 「跟 AI 服務開發比較相關」「偏模型訓練的」 "more about": which of a set relate to one type
RELATED_TO = re.compile(r"(相關|有關|偏|對應|適合|針對|比較像|\b(related|relevant|geared|for)\b)")


@rule(
    "query.certs_of_category_by_figure3",
    872,
    QUERY,
    "which certifications of a category 圖3 groups under a named type (「專案類哪幾張跟 AI 服務開發相關」)",
)
def _certs_by_figure3(q: Query) -> list[Card] | None:
    categories, types = q.keys.get("cert_category", []), q.keys.get("type", [])
    if len(categories) != 1 or len(types) != 1 or named_certs(q) or not RELATED_TO.search(q.u.normalised):
        return None
    if not LIST_ASKED.search(asked_clause(q.u.normalised)):
        return None
    return [q.views.certs_by_figure3(categories[0], types[0])]


# 「AI 服務開發也可以用素養類加工具類這樣湊嗎」: whether certificates of the categories named can make a type
COMBINE_ASKED = re.compile(r"(湊|組合|搭配|加起來|加在一起|合起來|一起算|\bcombin\w*|\badd up\b)")


@rule("query.categories_for_type", 867, QUERY, "whether certificates of the categories named can reach a type (表5)")
def _categories_for_type(q: Query) -> list[Card] | None:
    categories, types = q.keys.get("cert_category", []), q.keys.get("type", [])
    # (two categories or more: 「素養類不是可以湊嗎」 of one's own certificates is a level question)
    if len(types) != 1 or len(categories) < 2 or not COMBINE_ASKED.search(q.u.normalised) or q.keys.get("cert"):
        return None
    return [q.views.categories_for_type_card(types[0], categories)]


@rule("query.classify_named_certs", 870, QUERY, "several named certifications and a category or 國內/國際: which fit")
def _classify(q: Query) -> list[Card] | None:
    certs = named_certs(q)
    if len(certs) < 2 or not ("cert_category" in q.keys or "cert_scope" in q.keys):
        return None
    named = [q.views.cat.certification(c) for c in certs]
    if len(set(q.keys.get("cert_scope", []))) > 1:
        return [q.views.cert_card(c) for c in named]  # 「那兩張是國內還是國外的？」: each one's scope, asked
    if "cert_category" not in q.keys:  # 「其中哪些是國外的？」 over the certificates just listed
        return [q.views.queries.count_certs(CertFilter(scope=q.keys["cert_scope"][0]), within=named)]
    return [q.views.queries.classify_certs(named, q.keys["cert_category"])]


@rule("query.compare", 860, QUERY, "two certifications, types, categories, talents, roles or archetypes side by side")
def _compare(q: Query) -> list[Card] | None:
    # 「這兩種能力類型對寫程式的要求差多少」: two things named and how far apart they are (no one's facts)
    apart = SET_APART.search(q.u.normalised) and not (q.personal is not None and q.personal())
    if "compare" not in q.intents and not apart:
        return None
    if DIFFERENCE.search(q.u.normalised) and MORE_OF_THEM.search(q.u.normalised):
        return None  # 「素養類跟專案類哪個比較多？差幾張？」: a difference of counts (query.count_certs)
    v, keys = q.views.queries, q.keys
    labelled = _labelled_jobs_compared(q)
    if labelled is not None:
        return labelled
    if len(keys.get("cert", [])) >= 2:
        return [v.compare_certs([q.views.cat.certification(c) for c in keys["cert"]])]
    if len(keys.get("type", [])) >= 2:
        return [v.compare_types(keys["type"])]
    if len(keys.get("cert_category", [])) >= 2:
        return [v.compare_categories(keys["cert_category"])]
    if len(keys.get("talent", [])) >= 2:
        return [v.compare_talents(keys["talent"])]
    if len(keys.get("archetype", [])) >= 2:
        return [v.compare_archetypes()]
    if len(keys.get("role", [])) >= 2:
        return [v.compare_roles(keys["role"])]
    return _works_compared(q)


# where a message comparing two people or jobs described in words divides them: 「用 AI 幫自己做事的人，跟幫公司
# 規劃導入 AI 的人」 "someone who … and someone who …"
BETWEEN_WORKS = re.compile(r"(跟|和|與|以及|還是|相比|比起|\bvs\.?|\bversus\b|\band\b|\bor\b|\bcompared (to|with)\b)")


# 「A是每天幫資料貼標籤…；B是用 SQL 拉報表…」: two jobs described one after the other under labels
JOB_LABEL = re.compile(r"(?:^|(?<=[；;。，,\s：:]))(?:a|b|甲|乙|第一個|第二個|一個|另一個)\s*(?:是|[：:])")


def _labelled_jobs_compared(q: Query) -> list[Card] | None:
    """Two labelled job descriptions compared (「這兩個分別對應什麼角色」): each description read for the
    表8/表9 role its rare words fit (RoleReader), and the two roles set side by side."""
    text = q.u.normalised
    labels = list(JOB_LABEL.finditer(text))
    if len(labels) < 2:
        return None
    ends = [m.start() for m in labels[1:]] + [len(text)]
    parts = [text[m.end() : end] for m, end in zip(labels, ends, strict=True)]
    roles = []
    for part in parts[:2]:
        found = q.views.role_reader.best(ROLE_WORDS.sub(" ", part))
        if len(found) != 1:
            return None
        roles.append(found[0])
    if roles[0].id == roles[1].id:
        return None
    return [q.views.queries.compare_roles([r.id for r in roles])]


# 「阿明做智慧客服聊天機器人，小華做設備異常預測的模型，阿珍負責 SQL 報表」: people, each with the work they do
PERSON_AT_WORK = re.compile(
    r"(?:^|(?<=[，,；;。：:、]))(?P<name>[\u4e00-\u9fff]{2,3}?|[a-z]{3,12})\s*"
    r"(?=(?:主要|專門|每天|平常|現在|目前|則)?(?:在做|做的是|做|負責|是做|在寫|在弄|管)(?!的)[^，,；;。]{2})"
)
EACH_ASKED = re.compile(r"(各自|分別|各是|各屬|每個人|每一位|\beach\b|\brespectively\b)")


@rule("view.roles_of_people_described", 866, VIEW, "several people, each with their work: the 表8/表9 title each fits")
def _people_described(q: Query) -> Plan | None:
    text = q.u.normalised
    if not EACH_ASKED.search(text) or not (JOB_ASKED.search(text) or q.asks("titles") or "role" in q.intents):
        return None
    people = list(PERSON_AT_WORK.finditer(text))
    if len(people) < 2:
        return None
    ends = [m.start() for m in people[1:]] + [len(text)]
    placed: list[tuple[str, list[Role]]] = []
    for m, end in zip(people, ends, strict=True):
        work = re.split(r"[。?？]", text[m.end() : end])[0]
        found = q.views.role_reader.best(ROLE_WORDS.sub(" ", work))
        if not found:
            return None  # a description that fits no title is not guessed at (two that fit equally are shown)
        placed.append((m.group("name"), found))
    return Plan(
        VIEW,
        "view.roles_of_people_described",
        (q.views.people_roles_card(placed),),
        about=tuple(Entity("role", roles[0].id, roles[0].name, -1) for _, roles in placed),
    )


def _works_compared(q: Query) -> list[Card] | None:
    """Two works described rather than named, compared (「每天用 ChatGPT 整理會議紀錄的同事，跟專門評估哪些流程
    可以導 AI 的同事，是同一種人嗎」): each side is placed by its own words (表1, 表7) and the two placements are
    set side by side — the 表7 roles when both are AI 應用人才, else the talent categories."""
    text = q.u.normalised
    for m in BETWEEN_WORKS.finditer(text):
        left = read_work(text[: m.start()], [], q.views.cat)
        right = read_work(text[m.end() :], [], q.views.cat)
        if left is None or right is None:
            continue
        if left.talent != right.talent:
            return [q.views.queries.compare_talents([left.talent, right.talent])]
        if left.archetype and right.archetype and left.archetype != right.archetype:
            return [q.views.queries.compare_archetypes()]
    return None


# 「兩個都要一起達標，最少總共幾小時」: the fewest course hours for several types at once
TOGETHER_FEWEST = re.compile(
    r"((都|一起|同時|兩個|兩項|兩者)[^，。?？]{0,12}(最少|至少|最快)[^，。?？]{0,8}(小時|時數)"
    # 「要同時達到 X 和 Y，只靠上課最少一共要排多少小時」: both named at once, the least hours after a comma
    r"|(同時|一起|都要|順便|也要)(達到|達標|拿到|到)[^。]{0,90}(最少|至少)[^。?？]{0,10}(小時|時數)"
    # 「乾脆五種能力類型全部都到最高，總共最少幾小時」: every type at once
    r"|(全部|所有|五種|五個|五項)[^。?？]{0,20}(最少|至少)[^。?？]{0,8}(小時|時數)"
    r"|(最少|至少)[^，。?？]{0,8}(小時|時數)[^，。?？]{0,12}(都|一起|同時)"
    r"|\b(both|together)\b[^?]{0,40}\b(fewest|minimum|least)\b[^?]{0,20}\bhours\b)"
)


@rule(
    "query.fewest_hours_together",
    848,
    QUERY,
    "the fewest course hours for several types at once (表5, shared areas once)",
)
def _fewest_hours_together(q: Query) -> list[Card] | None:
    # (every type named: four aims at once are no more than the keys' three per kind)
    types = list(dict.fromkeys(e.key for e in q.u.entities if e.kind == "type" and e.start >= 0)) or q.keys.get(
        "type", []
    )
    every = EVERY_TYPE.search(q.u.normalised) and TOP_LEVEL.search(q.u.normalised)
    if every:  # 「五種能力類型全部都到最高」: every type at its highest level
        types = [r.type for r in q.views.cat.rules.types]
    if len(types) < 2 or not TOGETHER_FEWEST.search(q.u.normalised):
        return None
    if every:
        top = {r.type: r.levels[-1].level for r in q.views.cat.rules.types}
        card = q.views.fewest_hours_together(types, top, q.pace() if q.pace else None)
        return [card] if card else None
    # (「AI 工具應用進階和 AI 程式語言應用」: a level named right after a type is that type's level)
    levels = dict(levels_named(q.u.normalised, q.u.entities, q.views.cat))
    card = q.views.fewest_hours_together(types, levels, q.pace() if q.pace else None)
    return [card] if card else None


TOP_LEVEL = re.compile(r"(最高|頂|滿級|最上面|\b(top|highest|max(imum)? level|max out)\b)")
# 「只用證照把五個能力類型全部達標，最少要考幾張」: the fewest certificates for several types at once
CERTS_ONLY = re.compile(
    r"(只想?(用|靠|考)|光靠|單靠|全部用|都用|純靠)\s*(證照|認證)|\b(only|just) (by )?certific\w*\b"
    r"|\bas few (certs?|certificates?|certifications?|exams?) as possible\b"
)
FEWEST_CERTS = re.compile(
    r"(最少|至少|最快)[^，。?？]{0,10}(幾張|多少張|考幾)|(幾張|多少張)[^，。?？]{0,6}(最少|就夠)|\bfewest\b|\bminimum\b"
    r"|\bas few\b"
)
EVERY_TYPE = re.compile(
    r"(五(個|種|項)|全部|所有|每一?(個|種|項))[^，。?？]{0,6}(能力類型|能力|類型)?"
    r"|\b(all five|every type|all (the )?types)\b"
)


@rule(
    "query.fewest_certs_together",
    852,  # above query.count_certs: 「最少要幾張」 with 「只靠證照」 asks a plan, not how many 表6 lists
    QUERY,
    "the fewest certificates for several types at once by the certificate route (表5, found by the engine)",
)
def _fewest_certs_together(q: Query) -> list[Card] | None:
    text = q.u.normalised
    if not (CERTS_ONLY.search(text) and FEWEST_CERTS.search(text)):
        return None
    cat = q.views.cat
    types = [r.type for r in cat.rules.types] if EVERY_TYPE.search(text) else q.keys.get("type", [])
    if not types:
        return None
    card = q.views.fewest_certs_together(top_targets(text, types, cat))
    return [card] if card else None


WHICH_LISTED = re.compile(r"(哪些|哪幾|有哪|列出|\bwhich\b|\blist\b)")


@rule("query.count_certs", 850, QUERY, "how many / which 表6 certifications, overall or by category, issuer, 國內/國際")
def _count_certs(q: Query) -> list[Card] | None:
    named = [q.views.cat.certification(k) for k in named_certs(q)]
    categories = q.keys.get("cert_category", [])
    if named and categories and "count" in q.intents and all(c.category in categories for c in named):
        # "How many 專案類 certifications are there, and which Microsoft exam is among them?"
        return [q.views.category_card(c) for c in categories]
    if named and not categories and q.u.followup and {"count", "category_of"} <= q.intents:
        # "how many are in that category?" after a certificate: the category it belongs to, counted
        return [q.views.category_card(c, count_first=True) for c in dict.fromkeys(c.category for c in named)]
    if ISSUERS_COUNTED.search(q.u.normalised) and not named:
        # 「表6 總共有幾個不同的辦理單位」 "across the whole table, how many issuers": the issuers, counted (the
        # whole table when it says so, whatever category was talked about before)
        f = CertFilter() if WHOLE_TABLE.search(q.u.normalised) else cert_filter(q)
        if not f.issuers:
            return [q.views.queries.issuers_counted(f)]
    if q.asks("successor") and not named:
        return None  # 「聽說微軟有幾張要停辦」: which are retired (query.retired_certs), not how many they issue
    more_of = bool(DIFFERENCE.search(q.u.normalised) and MORE_OF_THEM.search(q.u.normalised))  # 「誰辦的比較多張」
    if named or not (mentions_certificates(q) or more_of) and not categories:
        return None
    if "overview_cert_categories" in q.intents and not categories and not COUNTING_CERTS.search(q.u.normalised):
        return None  # 「認證分成哪幾類」 asks for the categories (the overview lists them), not a count
    f = cert_filter(q)
    ranked = ISSUER_RANKED.search(q.u.normalised)
    if ranked and not f.issuers:
        # 「哪個機構辦的認證最多？」: issuers ranked by their 表6 certificates
        return [q.views.queries.issuers_ranked(f, fewest=bool(ranked.group("few") or ranked.group("fewest")))]
    counting = "count" in q.intents or more_of
    issuers_named = f.issuers or f.excluded_issuers
    filtering = bool(issuers_named and (f.categories or f.scope) or f.scope and ("certs_for" in q.intents or counting))
    # (「表6 專案類裡有哪些是國內單位辦的」: a category's certificates of one scope, listed)
    filtering = filtering or bool(f.scope and f.categories and WHICH_LISTED.search(q.u.normalised))
    types_named = q.keys.get("type", [])
    if f.issuers and types_named and not f.categories and ("certs_for" in q.intents or counting):
        # 「想補 AI 工具應用初階，推薦一張資策會辦的」: the issuer's certificates of the categories those types count
        # (表3), listed
        cat = q.views.cat
        categories = tuple(
            dict.fromkeys(c for t in cat.types if t.name in types_named for c in t.certification_categories)
        )
        return [q.views.queries.count_certs(CertFilter(categories, f.issuers, f.scope, f.excluded_issuers))]
    named_other = set(q.keys) & {"type", "item", "role", "talent"}
    if not (counting or filtering) or named_other and not TABLE6_NAMED.search(q.u.normalised):
        return None
    if (
        counting
        and f == CertFilter()
        and THRESHOLD_WORDS.search(q.u.normalised)
        and not TABLE6_NAMED.search(q.u.normalised)
    ):
        return None  # 「要幾張證照才算進階」 asks for a 表5 threshold, not for a count of 表6
    if counting and DIFFERENCE.search(q.u.normalised):
        pair = _compared_filters(q, f)
        if pair:  # 「素養類比工具類多幾張」: the difference first, then the counts it comes from
            return [q.views.queries.count_difference(*pair), q.views.queries.count_certs(CertFilter())]
    listing = LIST_ASKED.search(asked_clause(q.u.normalised))  # 「工具類的證照有哪幾張？我想考一張升初階」
    threshold = THRESHOLD_WORDS.search(q.u.normalised) and not TABLE6_NAMED.search(q.u.normalised) and not listing
    if counting and threshold and f.categories and not f.issuers and not f.scope:
        # 「素養類證照要幾張才夠？還是上課幾小時也可以」: the 表5 conditions counting that category, not 表6's list
        return [q.views.category_thresholds_card(c) for c in f.categories]
    if counting and TOTAL_TOO.search(q.u.normalised) and f.categories and not f.issuers and not f.scope:
        # "how many in total, and how many of them are project ones": the whole table's count, then each asked
        return [
            q.views.queries.count_certs(CertFilter()),
            *(q.views.category_card(c, count_first=True) for c in f.categories),
        ]
    if counting and not f.issuers and not f.scope and len(f.categories) == 1 and not filtering:
        # 「專案類有幾張」: the category card states its count first
        return [q.views.category_card(f.categories[0], count_first=True)]
    each = EACH_COUNTED.search(q.u.normalised) or not TOGETHER.search(q.u.normalised)
    if counting and q.negated_categories and not filtering:
        # 「不是專案類的有幾張？素養類跟工具類各幾張」: the others together, and each one's share when asked
        if EACH_COUNTED.search(q.u.normalised):
            return [q.views.queries.count_split(f)]
        return [q.views.queries.count_certs(f)]
    if counting and each and len(f.categories) > 1 and not filtering:
        # 「素養類跟專案類各有幾張？」: each category's count, not the two together
        return [q.views.category_card(c, count_first=True) for c in f.categories]
    if len(q.keys.get("cert_scope", [])) > 1:  # 「國外的有幾張？本土的又有幾張？」
        return [
            q.views.queries.count_certs(CertFilter(f.categories, f.issuers, scope)) for scope in q.keys["cert_scope"]
        ]
    return [q.views.queries.count_certs(f)]


# the whole table's count asked beside a category's (「表6 總共幾張，其中專案類幾張」 "in total, and how many …")
TOTAL_TOO = re.compile(
    r"(總共|一共|全表|\bin total\b|\baltogether\b|\boverall\b)[^。？?]{0,40}(其中|\bof them\b|\bof these\b"
    r"|\band how many (are|is)\b)"
)

# 「多幾張」「差多少」 "how many more": two counts compared by their difference
DIFFERENCE = re.compile(
    r"(多幾|少幾|差幾|相差|差多少|多多少|少多少|多了幾|少了幾|比較多|比較少|誰多|誰少|哪(個|家|一個)多"
    r"|\bwhich has more\b|\bmore than\b|\bhow many (more|fewer|less)\b|\bdifference\b)"
)


# 「哪個機構辦的最多」 "which issuer has the most": the issuers ranked, not one count
# 「表6 總共有幾個辦理單位」 "how many different issuers are there": issuers counted, not certificates
ISSUERS_COUNTED = re.compile(
    r"(幾|多少)\s*(個|家|間)?\s*(不同的?)?\s*(辦理單位|發證單位|頒發單位|認證單位|機構|單位|組織|廠商|公司)"
    r"|\bhow many (different |distinct |separate |unique )?(issuers|issuing (bodies|organi[sz]ations)|organi[sz]ations"
    r"|bodies|institutions|companies|vendors|providers)\b"
    r"|\bnumber of (different |distinct )?(issuers|organi[sz]ations|vendors)\b"
)
WHOLE_TABLE = re.compile(r"(整張表|全表|整個表|全部的?認證|\bwhole table\b|\bentire table\b|\ball of (table|表)\s*6\b)")
ISSUER_RANKED = re.compile(
    r"(機構|單位|誰|哪(家|個|一家|一個)|公司|廠商|issuer|vendor|who|which (organi[sz]ation|company))"
    r"[^。?？]{0,16}(最多|(?P<few>最少)|\bmost\b|\b(?P<fewest>fewest)\b)"
)
SET_APART = re.compile(r"(差多少|差在哪|差別|差異|哪裡不同|有何不同|\bhow (do|does) .{1,40} differ\b)")
# 「工具類跟專案類加起來幾張」: two categories counted together; otherwise each is counted on its own
TOGETHER = re.compile(r"(一共|總共|共有|共幾|合計|加起來|加總|總數|\btotal\b|\btogether\b|\bcombined\b|\bin all\b)")
EACH_COUNTED = re.compile(r"(各有|各是|各幾|分別|各自|\beach\b|\brespectively\b)")
# 「誰辦的比較多張」: the difference asked is in numbers of certificates
MORE_OF_THEM = re.compile(
    r"(張|證照|認證|證書|列的|列了|表裡|表里|表中|表\s*6|\bcert|\bcertificates?\b|\bcertifications?\b)"
)


def _compared_filters(q: Query, f: CertFilter) -> tuple[CertFilter, CertFilter] | None:
    """The two groups a difference is asked between: two categories, two issuers or both scopes, each
    kept under the question's other restrictions."""
    scopes = q.keys.get("cert_scope", [])
    if len(f.categories) == 2:
        return tuple(replace(f, categories=(c,)) for c in f.categories)  # type: ignore[return-value]
    if len(f.issuers) == 2:
        return tuple(replace(f, issuers=(i,)) for i in f.issuers)  # type: ignore[return-value]
    if len(scopes) == 2:
        return tuple(replace(f, scope=s) for s in scopes)  # type: ignore[return-value]
    return None


OTHER_ONE = re.compile(r"(另一|其他|其餘|別的|\bother\b|\banother\b)")


# 「沒有在表6裡面的認證算數嗎」 "does a certificate not in Table 6 count": certificates outside the list
UNLISTED = re.compile(
    r"(沒(有)?(在|列在|列入|收錄在?)\s*(表\s*6|指引|參考表)|(表\s*6|指引|參考表)\s*(裡|裡面|中|上)?\s*(沒|未|沒有)(列|收錄|寫|我們|這張|那張)"
    r"|不在\s*(表\s*6|參考表)|(表\s*6|參考表)\s*(以外|之外)"
    # 「表6裡面找不到」「表6沒看到」: looked for and not found there
    r"|(表\s*6|參考表)\s*(裡|裡面|中|上)?\s*(找不到|查不到|沒看到|沒找到|看不到)"
    r"|\b(not|isn't|aren't|wasn't) (listed )?(in|on) (table 6|表6|the list)\b|\bunlisted\b)"
)
GETTING_LISTED = re.compile(
    r"(列進|列入|放進|收錄進?|加進|加入|納入)\s*(表\s*6|參考表)|(表\s*6|參考表)[^，。?？]{0,6}(列進|列入|收錄|加入|納入|申請)"
    r"|\b(get|be|being) (listed|included|added) (in|on|to) (table 6|表6|the list)\b"
)
COUNTS_AT_ALL = re.compile(
    r"(算數|算不算|能不能算|可不可以算|可以算|能算|有效|承認|採計|計入|認可|自我評估|自評|\bcount|\bvalid\b|\baccepted\b)"
)


@rule(
    "view.unlisted_certificates", 853, VIEW, "certificates not listed in 表6, in general: a reference list (附件(三))"
)
def _unlisted(q: Query) -> list[Card] | None:
    text = q.u.normalised
    if UNLISTED.search(text) and COUNTS_AT_ALL.search(text) and not named_certs(q):
        return [q.views.unlisted_certificates_card()]
    if GETTING_LISTED.search(text) and not named_certs(q):
        return [q.views.unlisted_certificates_card()]  # 「我們的新考試能被列進表6嗎」: a reference list, no procedure
    return None


# 「我們的證照是考學員…」「我們設計的考試只考…」 "our exam tests…": an exam described, not named
DESCRIBED_EXAM = re.compile(
    r"((我們|我|自己|新開|新辦|設計|開發|推出|規劃)[^，。?？,]{0,12}(?<![考拿])(證照|認證|檢定|考試|測驗|上機考|筆試|術科)"
    r"|(證照|認證|檢定|考試|測驗)[^，。?？]{0,4}(是)?(考|測|評量|評估)(?!\s*([一兩二三幾\d]\s*張|到|過|完|哪|什麼|幾))"
    r"|考(學員|考生|的是)|(要求|讓|請|規定)(考生|應考人|學員)[^，。?？]{0,6}(交|繳|提交|完成|做)"
    r"|\b(our|my|a|an) (new )?(certificate|certification|exam|test) ((that|which) )?((only|just|mainly) )?"
    r"(tests?|assess(es)?|covers?|checks?"
    r"|evaluates?|measures?|verif(y|ies))\b"
    r"|\b(design(ed|ing)?|develop(ed|ing)?|creat(ed|ing)|launch(ed|ing)?|build(ing)?|plan(ned|ning))"
    r" (a |an |our )?(new )?([\w'&\"’-]+ ){0,6}"  # ("launching an 'AI Ethics & Governance Foundations' exam")
    r"(certificate|certification|exam|test)\b"
    r"|\b(our|the|this|a|another) (second|third|first|next|other|new) (exam|test|certificate|certification)\b)"
)


# a certificate wanted, described by what it should show (「想先拿一張最入門、能證明我懂 AI 基本觀念的證照，
# 有推薦的嗎」)
WANTED_CERT = re.compile(
    r"(想|要|打算|準備)(先|再)?(拿|考)(一|1)?張[^。?？]{0,30}(證照|認證|證書)[^。?？]{0,8}(推薦|哪張|哪幾張|哪些|有哪|建議)"
    r"|\b(want|looking for|need) (a|an|one) [^?]{0,40}\b(certificate|certification|cert)\b[^?]{0,30}"
    r"\b(recommend|which|suggest)"
)


@rule("view.category_for_wanted_certificate", 841, VIEW, "a certificate wanted, described: its 表3 category's list")
def _wanted_certificate(q: Query) -> list[Card] | None:
    text = q.u.normalised
    if not WANTED_CERT.search(text) or named_certs(q) or set(q.keys) & {"cert_category", "type", "item", "issuer"}:
        return None
    matched = q.views.described_exam_category(text)
    return [q.views.category_card(matched[0].name)] if matched else None


EXAM_WORDS = re.compile(
    r"(第[二三四五2-5]張|另一張|下一張|測驗|考試|考生|上機|筆試|紙筆|\bexam\b|\btest\b|\bcandidates?\b)"
)


# 「這個角色是怎麼定位的」「主要在做什麼」 "what does the role do": the role itself, asked beside a career aim
ROLE_POSITIONING = re.compile(
    r"(定位|角色是什麼|是什麼角色|在做什麼|做什麼的|負責什麼|職責|工作內容|(主要|平常|都|在)?(幹嘛|干嘛|做些什麼|做什么|干什么)"
    r"|負責哪些|负责什么)|\bwhat (does|do) (it|they|the role|an? [a-z ]{2,30}?)\s+do\b"
)
# 「證照跟時數要兩個都達到嗎，還是有一邊就算」 "do I need both certificates and hours, or is either enough": how
# 表5's two routes combine, asked with no facts
POLICY_ASKED = re.compile(
    r"(證照|認證|證書|考照)[^。?？]{0,8}(時數|上課|課程|受訓)[^。?？]{0,14}"
    r"(兩(個|者|邊|條|種)?(都|皆)|都要|皆需|同時|擇一|任一|其中一|一邊|一條|二選一|只要一)"
    r"|\b(both|either)\b[^?.]{0,30}\b(cert\w*|exams?)\b[^?.]{0,12}\b(hours|training|courses)\b"
    r"|\b(cert\w*|exams?)\b[^?.]{0,12}\b(and|or)\b[^?.]{0,12}\b(hours|training|courses)\b[^?.]{0,30}\b(both|either)\b"
)


@rule("view.evidence_policy", 843, VIEW, "how 表5's certificate and training routes combine (either, or both)")
def _evidence_policy(q: Query) -> list[Card] | None:
    if not POLICY_ASKED.search(q.u.normalised) or re.search(r"\d", q.u.normalised) or named_certs(q):
        return None
    if re.search(r"假如|假設|如果|若是?|規定|要求|設定|我這樣|他這樣|她這樣|\b(if|suppose|required)\b", q.u.normalised):
        return None  # 「假如公司規定兩個都要符合，我這樣算具備嗎」: a supposition about someone's result, not the rule
    return [q.views.evidence_policy_card()]


# 「上過一堆 AI 課但不知道算不算，要從哪裡開始」 "no idea if any of it counts, where do I even start": how a
# self-assessment is done, asked with no facts
ASSESS_HOW = re.compile(
    r"(怎麼|如何|從哪(裡|邊)?|從何)(開始)?[^。?？]{0,6}(評估|自評|自我評估|盤點|檢視自己|檢核)"
    r"|不知道[^。?？]{0,16}(算不算|有沒有算|能不能算|算不算數|有沒有用|(要)?怎麼算)"
    r"|\bhow (do|can|should|would) (i|we) (assess|evaluate|check|self-assess|rate)\b"
    r"|\bwhere (do|should|would|can) (i|we) (even )?start\b|\bno idea (if|whether)\b[^?]{0,40}\bcounts?\b"
    r"|\b(does|do|would) any of (it|this|that|them) count\b"
)


@rule("view.how_to_assess", 842, VIEW, "how a self-assessment is done: certificates and course hours (表5, 表6)")
def _how_to_assess(q: Query) -> list[Card] | None:
    if not ASSESS_HOW.search(q.u.normalised) or re.search(r"\d", q.u.normalised) or named_certs(q):
        return None
    if set(q.keys) & {"type", "item", "cert_category"}:
        return None  # 「AI 工具應用怎麼評估」: that type's indicators (its own card)
    return [q.views.how_to_assess_card()]


@rule("view.category_of_described_exam", 844, VIEW, "an exam described, not named: the 表3 category it matches")
def _described_exam(q: Query) -> Plan | None:
    text = q.u.normalised
    # 「如果另外出一個進階版，要學員一路做到部署呢？」 right after an exam was placed: another exam, the same question
    # (entities the follow-up took from the answer before are no name of its own)
    # (「第二張是紙筆測驗，考 AI 風險分類…」: what the next exam covers — risks, tools — is no name of its own)
    again = (
        q.u.previous_rule == "view.category_of_described_exam"
        and not named_certs(q)
        and (
            q.u.followup
            and not q.reader.entities(q.u.normalised)
            or bool(DESCRIBED_EXAM.search(text) or EXAM_WORDS.search(text))
        )
    )
    # (「…which category would that be, and which types does it map to?」: the category asked in any clause)
    # (「要求考生交完整專案…這張對應哪些能力類型」: the types follow from the category, so that is asked too)
    # (the whole message: 「…部署都要，這張呢？對應哪些能力類型？」 asks in its second question)
    whole = q.message or text
    placed = bool((q.intents | set(q.reader.detect_intents(whole))) & {"category_of", "overview_types"})
    if named_certs(q) or not again and (not DESCRIBED_EXAM.search(whole) or not placed):
        return None
    card = q.views.category_for_described_exam(text)
    matched = q.views.described_exam_category(text)
    if card is None or matched is None:
        return None
    # 「那這一類的認證重點是什麼」 next: the category matched is what this was about
    name = matched[0].name
    return Plan(VIEW, "view.category_of_described_exam", (card,), about=(Entity("cert_category", name, name, -1),))


TABLE6_NOTES = re.compile(r"(備註|附註|註記|星號|打星|\*\s*號|\bfootnotes?\b|\basterisks?\b)")


@rule("query.retired_certs", 845, QUERY, "which 表6 certifications are retired and what follows them (表6's notes)")
def _retired(q: Query) -> list[Card] | None:
    # 「有些認證後面有星號，那是什麼意思」: 表6's notes are named, whatever the asking clause says of them
    if not (q.asks("successor") or TABLE6_NOTES.search(q.u.normalised)) or any(
        e.kind == "cert" for e in q.reader.entities(q.u.normalised)
    ):
        return None  # a certificate named in the question: its own card carries its note
    about_certs = {e.kind for e in q.u.entities} & {"cert", "issuer", "cert_category", "cert_scope"}
    if not about_certs and not mentions_certificates(q):
        return None  # 「還有嗎？」 after the four 附件(六) dimensions asks for more of them, not retired certificates
    talked_about = [e.key for e in q.u.of_kind("cert")] if OTHER_ONE.search(q.u.normalised) else []
    return [q.views.queries.retired_certs(excluding=talked_about)]


@rule("query.count_table_rows", 840, QUERY, "how many rows a named table (表1–表11) lists: counted from the data")
def _count_table(q: Query) -> list[Card] | None:
    m = TABLE_NAMED.search(q.u.normalised)
    overview = any(i.startswith("overview_") for i in q.intents)  # overview cards state their own counts
    if "count" not in q.intents or overview or set(q.keys) & {"cert", "role", "type", "item"}:
        return None
    if m is None:
        # 「AI 應用人才的應用情境舉了幾個產業？」: industries are counted in 表10 (應用) and 表11 (開發)
        if not INDUSTRY_TABLES.search(q.u.normalised) or q.u.of_kind("industry"):
            return None
        talents = {e.key for e in q.u.of_kind("talent")}
        tables = [n for n, t in INDUSTRY_TABLE_TALENT.items() if not talents or t in talents]
        cards = [q.views.queries.count_table(n) for n in tables]
        return [c for c in cards if c] or None
    if m.group(1) == "6":
        return [q.views.queries.count_certs(CertFilter())]
    card = q.views.queries.count_table(int(m.group(1)))
    return [card] if card else None


# 「表8 列了哪些職稱？」「表10 有哪些產業」 "what does Table 9 list": a table's rows asked for
TABLE_LISTED = re.compile(r"(哪些|哪幾|有什麼|有啥|列了|列出|列給|\bwhat (does|do|is|are)\b|\blist\b|\bwhich\b)")


TABLE_ROWS_NOUN = re.compile(r"(哪些|哪幾(?:個|項|種)?|有什麼|有啥)\s*(?P<noun>[\u4e00-\u9fff]{2,4})")
TABLE_ROWS_GENERIC = re.compile(r"(項目|東西|內容|資料|欄位|列|行|職稱|呢|嗎)")


@rule("query.list_table_rows", 838, QUERY, "the rows a named table (表1–表3, 表7–表11) lists, in order")
def _list_table(q: Query) -> list[Card] | None:
    m = TABLE_NAMED.search(q.u.normalised)
    if m is None or m.group(1) in ("4", "5", "6") or "count" in q.intents:
        return None
    if not TABLE_LISTED.search(q.u.normalised) or {e.kind for e in q.u.entities} - {"talent"}:
        return None
    rows = q.views.queries.table_rows(int(m.group(1)))
    noun = TABLE_ROWS_NOUN.search(q.u.normalised)
    asked = noun.group("noun") if noun else ""
    # 「表3 的三種認證分類各對應哪些能力類型」 asks something of each row, not which rows there are
    if rows is None or "各" in q.u.normalised or asked and asked not in rows[0] and not TABLE_ROWS_GENERIC.match(asked):
        return None
    card = q.views.queries.list_table(int(m.group(1)))
    return [card] if card else None


# the two industry tables set side by side: 「表10 跟表11 的產業哪裡不一樣」「應用跟開發的產業情境各有哪個另一張沒有」
INDUSTRY_TABLES = re.compile(r"(產業|行業|\bindustr)")
INDUSTRY_TABLE_TALENT = {10: "AI 應用人才", 11: "AI 開發人才"}  # 附件(四): whose scenarios each table lists
TABLES_DIFFER = re.compile(
    r"(不一樣|不同|差異|差別|差在|沒有的|獨有|只有|只出現|只在|只列|各有|\bdiffer|\bonly (in|one)\b|\bmissing\b)"
)


# 「名稱跟這個職務很像的證照」: certificates named like a job
NAMED_LIKE = re.compile(
    r"(名稱|名字|名)[^，。?？]{0,20}(很像|像|一樣|相同|相似|類似|相近)|同名|\bnamed (like|after)\b"
    # 「AI 應用規劃師有對應的證照嗎」: a certificate named for the job
    r"|有(對應|相應|同名)的?(證照|認證|證書)|\b(a|any) (matching|corresponding) (cert|certificate|certification)s?\b"
)


# 「有沒有跟行銷有關的證照」「關於 Python 的認證」 "a certification specifically about marketing": the subject
# a certificate is asked for, said in so many words
SUBJECT_OF_CERT = re.compile(
    r"(?:跟|和|與|關於|針對|專門(?:跟|和|針對|給)?)\s*(?P<zh>[^，,、。?？\s]{2,12}?)\s*(?:有關|相關|方面)的?\s*(?:證照|認證|證書)"
    r"|(?:關於|針對)\s*(?P<zh3>[^，,、。?？\s]{2,12}?)\s*的?\s*(?:證照|認證|證書)"
    r"|(?P<zh2>[^，,、。?？\s的]{2,8}?)\s*(?:相關|有關|方面)的?\s*(?:證照|認證|證書)"
    r"|\b(?:cert\w*|exams?)\b[^?.]{0,50}?\b(?:about|on|for|covering|related to|specific to|focused on|in)\s+"
    r"(?P<en>[a-z][a-z+ -]{2,30}?)\s*(?:\?|$|,|\.|\bcert|\bin the\b)"
    r"|\b(?P<en2>[a-z][a-z+-]{2,20})[- ](?:related|focused|specific) (?:cert\w*|exams?)\b"
)


@rule("query.certs_on_subject", 857, QUERY, "the 表6 certificates named for a subject the question asks about")
def _certs_on_subject(q: Query) -> list[Card] | None:
    m = SUBJECT_OF_CERT.search(q.u.normalised)
    if m is None or named_certs(q) or not mentions_certificates(q):
        return None
    subject = m.group("zh") or m.group("zh2") or m.group("zh3") or m.group("en") or m.group("en2") or ""
    # (「有沒有專門跟行銷有關的」: the asking words before the subject are not of it)
    subject = re.sub(r"^(?:有沒有|有無|是否有|請問|想問|想找|專門|特別|跟|和|與|關於|針對|\s)+", "", subject)
    card = q.views.queries.certs_on_subject(subject, cert_filter(q))
    return [card] if card is not None else None


@rule("query.certs_named_like", 855, QUERY, "the 表6 certificates whose names contain a job's titles (表7–表9)")
def _certs_named_like(q: Query) -> list[Card] | None:
    if not NAMED_LIKE.search(q.u.normalised) or not mentions_certificates(q):
        return None
    cat = q.views.cat
    titles = [t for r in cat.role_list if r.id in q.keys.get("role", []) for t in r.titles]
    titles += [
        t.strip()
        for a in cat.roles.application_archetypes
        if a.name in q.keys.get("archetype", [])
        for t in re.split(r"[、，,]", a.example_titles.removesuffix("等"))
    ]
    titles = [re.sub(r"\s*[（(].*?[)）]", "", t).strip() for t in titles]
    return [q.views.queries.certs_named_like(list(dict.fromkeys(titles)), cert_filter(q))] if titles else None


@rule("query.industry_tables", 862, QUERY, "the industries 表10 and 表11 share and those only one lists")
def _industry_tables(q: Query) -> list[Card] | None:
    text = q.u.normalised
    tables = {m.group(1) for m in TABLE_NAMED.finditer(text)}
    pair = tables >= {"10", "11"} or len(set(q.keys.get("talent", [])) - {"AI 研究人才"}) == 2
    if not (pair and INDUSTRY_TABLES.search(text) and TABLES_DIFFER.search(text)):
        return None
    return [q.views.queries.industry_tables()]


WHICH_ONES = re.compile(r"(哪些|哪幾|幾種|幾個|幾項|哪一些|\bwhich\b|\bhow many\b)")
# a phrase quoted from the guideline: 「累計30小時」 『單一工具18小時』 "cumulative 30 hours"
QUOTED = re.compile(r"[「『“\"]([^」』”\"]{2,30})[」』”\"]")


@rule("query.table5_quoted", 865, QUERY, "which 表5 indicators say a quoted phrase: the types and levels, counted")
def _table5_quoted(q: Query) -> list[Card] | None:
    text = q.u.normalised
    if not (TABLE5_NAMED.search(text) or "type" in q.u.kinds() or THRESHOLD_WORDS.search(text)):
        return None
    if not WHICH_ONES.search(text):
        return None  # 「「初階」要什麼條件」 asks of one level, not which indicators say it
    cards = [card for m in QUOTED.finditer(text) if (card := q.views.rules_quoting(m.group(1)))]
    return cards or None


# ---------------------------------------------------------------- 700–100: catalog views
@rule("view.english_name", 710, VIEW, "the English name of what is named or talked about (「英文名稱是？」)")
def _english_name(q: Query) -> list[Card] | None:
    if not q.asks("english_name"):
        return None
    subjects = [e for e in q.u.entities if e.kind in ("cert", "role", "talent", "type", "item", "archetype", "rai")]
    every = _every_member_named(q)
    if every:  # 「這三種人才的英文名稱」: each of them
        return [card for key in every if (card := q.views.english_name_card("talent", key))] or None
    cards = [card for e in subjects[:3] if (card := q.views.english_name_card(e.kind, e.key))]
    return cards or None


def _every_member_named(q: Query) -> list[str]:
    """「這三種人才」「三大類人才」 "all three talent categories": every talent category, when the number said
    is how many there are (read from the catalog, not written here)."""
    names = [c.name for c in q.views.cat.talent.categories]
    n = len(names)
    numeral = f"({n}|{'一二三四五六七八九十'[n - 1]})"
    pattern = rf"{numeral}\s*(種|類|大類|個|大)\s*(的)?\s*(ai\s*)?人才|\ball {numeral}? ?(talent )?categories\b"
    return names if re.search(pattern, q.u.normalised) else []


# a yes/no question: 「是工具類嗎」「是不是國際的」「算素養類對吧」 "is it a literacy one?"
YES_NO = re.compile(r"(嗎|是不是|算不算|對吧|對嗎|\b(is|are) (it|that|this|they)\b)")


# 「我只知道 X，還有嗎」「除了 X 之外還有哪些」: the others of a set the message filters
OTHERS_THAN_NAMED = re.compile(
    r"(還有(嗎|哪些|哪幾張|其他|別的|什麼)|其他的?(呢|還有)|除了[^，。？?]{0,40}?(之外|以外)"
    r"|\bany others?\b|\bwhat else\b)"
)


@rule("view.certification", 700, VIEW, "a named 表6 certification: category, issuer, 圖3 group, tool domain")
def _cert(q: Query) -> list[Card] | None:
    certs = [q.views.cat.certification(k) for k in q.keys.get("cert", [])]
    f = cert_filter(q)
    if certs and f != CertFilter() and OTHERS_THAN_NAMED.search(q.u.normalised):
        # 「資策會素養類的我只知道『生成式 AI 能力認證』，還有嗎？」: the filter's other certificates
        others = [c for c in q.views.cat.certifications if f.admits(c) and c not in certs]
        named = "、".join(f"「{c.name}」" for c in certs)
        zh = f"除了{named}，表6 中{f.describe()}認證還有 {len(others)} 張：\n{q.views.cert_list(others)}"
        en = f"Besides {named}, 表6 has {len(others)} more {f.describe(en=True)} certification(s):\n"
        return [Card(zh, en + q.views.cert_list(others, en=True), [TABLE6], native=True)]
    cards = [q.views.cert_card(c) for c in certs]
    categories, scopes = q.keys.get("cert_category", []), q.keys.get("cert_scope", [])
    if len(certs) == 1 and (categories or scopes) and YES_NO.search(asked_clause(q.u.normalised)):
        # 「第二個是工具類嗎？」: whether it is, in so many words, before what it is
        cards.insert(0, q.views.is_it_card(certs[0], categories, scopes))
    return cards or None


@rule("view.career_route", 697, VIEW, "one 附件(五) route named by name or alias (「那如果想走資料的路呢」)")
def _career_route(q: Query) -> list[Card] | None:
    named = q.views.route_named(q.u.normalised)
    if named is None or set(q.keys) - {"talent", "career_topic", "role"}:
        return None
    if mentions_certificates(q) or q.intents & {"certs_for", "category_of"}:
        return None  # 「想走資料科學家這條路，第一張證照該考哪一類」: the certificates are asked
    return [q.views.route_card(*named)]


@rule("view.next_steps", 695, VIEW, "where one stands now and a career question: the next steps of that 附件(五) route")
def _next_steps(q: Query) -> list[Card] | None:
    if "career" not in q.intents or q.intents & {"which_talent", "category_of", "certs_for"}:
        return None  # 「資料分析師算哪類人才」「該先考哪一類」 ask something else of the position
    text = q.u.normalised
    desired = DESIRED.search(text)
    if desired and "role" in q.keys:
        return None  # 「想當 AI 產品經理」: where one wants to go is asked (view.role)
    if "role" in q.explicit_kinds and re.search(r"(定位|\bpositioning\b|\bwhere (does|do) (it|they) sit\b)", text):
        return None  # 「資料分析師的定位跟後續發展路徑」: the role's card, which gives its route too (view.role)
    position = q.views.position_on_routes(text[: desired.start()] if desired else text)
    return [q.views.next_steps_card(*position)] if position else None


# 「第一步要先考哪一類的證照」「該從哪一類證照開始」 "which certificate should I start with": the order asked
FIRST_STEP = re.compile(
    r"(第一步|第一張|先考|先拿|先從|從哪(一|個)?(類|種|張)|入門|起步|一開始|剛開始|最先"
    r"|\b(first|start with|begin with|starting with|to start)\b)"
)
WHICH_KIND = re.compile(
    r"(哪(一)?(類|種|張)|什麼(類|種)|有沒有(適合|推薦|建議)|\b(which|what) (kind|category|type|cert)|\bwhich one\b)"
)


@rule("view.first_certificates", 692, VIEW, "which certificate category first: the first type's (表3), then a talent's")
def _first_certificates(q: Query) -> list[Card] | None:
    text = q.u.normalised
    # (「完全沒寫過程式，先考哪類比較實際」: to sit first is to take an exam)
    exams = mentions_certificates(q) or bool(re.search(r"(先考|考哪)", text))
    if not (FIRST_STEP.search(text) and WHICH_KIND.search(asked_clause(text)) and exams):
        return None
    if q.keys.get("cert") or q.keys.get("cert_category") or q.keys.get("type") or q.keys.get("item"):
        return None  # a certificate, category or type named: its own view says what it is or takes
    cat = q.views.cat
    talents = list(q.keys.get("talent", []))
    talents += ["AI 應用人才" for _ in q.keys.get("archetype", [])]
    talents += [r.talent_category for r in cat.role_list if r.id in q.keys.get("role", [])]
    # 「我是中文系大三…證照要先從哪一類開始考」: the talent the background suits (附件(五) 能力起點)
    talents = talents or q.views.suited_talents(text)
    return [q.views.first_certificates_card(talents[0] if len(talents) == 1 else None)]


@rule("view.titles_for_background", 689, VIEW, "job titles asked for a background named (附件(五) 能力起點 → 表8/表9)")
def _titles_for_background(q: Query) -> list[Card] | None:
    # 「她是文科生，想做 AI 相關工作但不想寫程式，有合適的職位嗎」: the titles of the category the background suits
    # (「履歷上的職稱」: a dimension only the thesaurus reads into 履歷 is no subject named)
    # ("Given my marketing background…": a role only the thesaurus reads into marketing is none named either)
    titles_asked = re.search(r"(職稱|\bjob titles?\b|\btitles\b)", q.u.normalised) and not re.search(
        r"(什麼角色|哪個角色|\bwhat role\b)", q.u.normalised
    )
    keys = {k for k in q.keys if k != "rai" and (k != "role" or not titles_asked) or k in q.explicit_kinds}
    if "titles" not in q.intents or keys - {"industry", "item", "type"}:
        return None  # (「不想寫程式」 names an item only to say what the person does not want)
    suited = q.views.suited_talents(q.u.normalised)
    if len(suited) != 1:
        return None
    titles = q.views.talent_titles(suited[0])
    return [q.views.starting_points_card(), titles] if titles else None


@rule("view.background_start", 690, VIEW, "a background and a career question without a role: 附件(五) starting points")
def _background(q: Query) -> list[Card] | None:
    named_role = any(e.kind == "role" and e.start >= 0 for e in q.u.entities)  # (one only implied is no role asked)
    # 「我中文系畢業，我這種背景適合走哪一類」: which category the background suits is a career question too
    suits = (
        "background" in q.intents
        and bool(q.intents & {"category_of", "which_talent"})
        and SUITS_ASKED.search(q.u.normalised)
    )
    if (suits or {"career", "background"} <= q.intents) and all(e.start < 0 for e in q.u.entities) and not named_role:
        # and where the routes of the talent the background suits lead (「最後可以做到什麼職位」)
        suited = q.views.suited_talents(q.u.normalised)
        if not suited:  # 「我做行銷八年了…完全不會寫程式」: the work described suits one category
            reading = read_work(q.u.normalised, q.u.entities, q.views.cat)
            suited = [reading.talent] if reading is not None else []
        cards = (q.views.starting_points_card(), *(q.views.career_card(t) for t in suited))
        if WHERE_TO_START.search(q.u.normalised):  # 「指引建議我走哪條路」 asked in so many words
            cards = tuple(replace(c, native=True) for c in cards)
        # 「那條路走到最後是什麼職位」 next: the talent whose route the background suits is what this was about
        return Plan(VIEW, "view.background_start", cards, about=tuple(Entity("talent", t, t, -1) for t in suited))
    return None


SUITS_ASKED = re.compile(
    r"(適合|適不適合|比較適合|該走|可以走|要走)[^，。?？]{0,6}(哪|什麼|甚麼)|\b(suits?|fit|should i (go|aim))\b"
)


@rule("view.tool_domain_certs", 680, VIEW, "certifications for a tool item (文書, 影像…): 工具類 by tool domain")
def _domain_certs(q: Query) -> list[Card] | None:
    domains = [g for g in q.groups if g in q.views.cat.rules.tool_items]
    # 「工具類有沒有跟做圖有關的」: naming the tool category asks for its certificates as much as 「證照」 does
    asks_certs = "certs_for" in q.intents or TOOL_CATEGORY in q.keys.get("cert_category", [])
    if q.asks("tools") and not CERT_ASKED.search(q.u.normalised) and TOOLS_LISTED.search(q.u.normalised):
        return None  # 「文書類的 AI 工具有哪些可以參考」: the 表5 tools are asked, not certificates
    other_category = [c for c in q.keys.get("cert_category", []) if c != TOOL_CATEGORY]
    if other_category and any(e.kind == "cert_category" and e.start >= 0 for e in q.u.entities):
        return None  # 「我要做一張證照海報，素養類的有哪些」: the category named is asked, not 海報's 圖文
    if q.groups and asks_certs and domains:
        return [q.views.certs_for_domain(domains)]
    return None


# frameworks of responsible AI or governance, not software ones ("the responsible-AI part … based on")
GOVERNANCE_NAMED = re.compile(r"(\bresponsible[- ]ai\b|\bgovernance\b|負責任|治理框架|附件\s*[(（]?六)")


@rule("view.tool_groups", 670, VIEW, "表5 tool groups named with a tools question: their tools")
def _tool_groups(q: Query) -> list[Card] | None:
    if any(e.kind == "rai" and e.start >= 0 for e in q.u.entities):
        return None  # "what should staff never paste into a third-party AI tool?": 附件(六) is asked
    # (「行政工作最常用的文書 AI 工具，指引有舉例哪些？」: the tools named in one clause, asked for in the next)
    examples = "tools" in q.intents and re.search(r"(舉例|舉了|列了|列舉|有哪些)", asked_clause(q.u.normalised))
    if not q.groups or not (q.asks("tools") or examples) or "cert_category" in q.keys:
        return None
    if _frameworks_after_rai(q) or GOVERNANCE_NAMED.search(q.u.normalised):
        return None  # "which frameworks does it base that on?" after 附件(六): its governance frameworks
    named_role = any(e.kind == "role" and e.start >= 0 and e.surface in q.u.normalised for e in q.u.entities)
    # (a follow-up of a tool-group answer may name a role and still ask about the groups)
    tool_talk = q.u.followup and q.u.previous_rule == "view.tool_groups"
    if named_role and not tool_talk and not q.keys.get("type"):
        return None  # 「電腦視覺工程師會用什麼函式庫」: the role's own skills (表8/表9), not a 表5 tool group
    cat = q.views.cat
    named = [cat.competency_type(k) for k in q.keys.get("type", [])]
    owned = {g.group for t in named for r in cat.rules.types if r.type == t.name for g in r.reference_tools}
    if named and all(x in owned for x in q.groups):
        return [q.views.tools_card(t, native=True) for t in named]
    return [q.views.tool_group_card(q.groups)]


@rule("view.resources_download", 660, VIEW, "where to download the learning materials: both resources")
def _resources_download(q: Query) -> list[Card] | None:
    if "resource_all" in q.keys and "download" in q.intents and "resource" not in q.keys:
        return [q.views.resources_compared()]
    return None


def _talents_by_duties(q: Query) -> list[str]:
    """Talent categories whose 表1 duties the question's words were mapped onto (寫論文 → 發表學術論文)."""
    terms = [x for x in q.u.expansions if len(x) >= 3]
    return [tc.name for tc in q.views.cat.talent.categories if any(x in "".join(tc.duties) for x in terms)][:1]


# 「…，那這個呢？」 "what about this one?": the question before, asked of what this message describes
THIS_ONE = re.compile(r"((那|那麼)?(這個|這種|這份|這樣)(呢|的話呢)\s*[?？]?\s*$|\bwhat about this (one|job|role)\b)")
# a job advertised rather than one's own: its title is wanted as much as its category
JOB_AD = re.compile(r"(職缺|徵才|招募|招聘|\bjd\b|\bjob (ad|post|posting|opening|description)\b)")


# a kind of work named by what it builds or does: 「推薦系統那種工作」「做聊天機器人這類專案」
KIND_OF_WORK = re.compile(
    r"[^，。？?]{2,20}((那種|這種|那類|這類|之類的?)(工作|職務|職缺|專案)|的那一?(類|種|型))"
    r"|(找|徵|招|聘|需要)[^，。？?]{0,4}(能|會)?(做|負責|開發|建)[^，。？?]{2,30}的(人|人才)"
)


@rule(
    "view.own_work",
    655,
    VIEW,
    "one's own work described and where it fits: the talent category its words point to (表1), its 表7 role",
)
def _own_work(q: Query) -> list[Card] | None:
    text = q.u.normalised
    asked = asked_clause(text)
    # 「另一個職缺寫要會 fine-tuning…，那這個呢」 after a work was placed: the same question of this work
    placed = ("view.own_work", "view.role_by_work")
    this_one = THIS_ONE.search(asked)
    again = q.u.followup and ("which_talent" in q.intents or q.u.previous_rule in placed or bool(this_one))
    # (「推薦系統那種工作要找什麼職稱的人」: the titles of a kind of work place it too)
    placing = CLASSIFY_ME.search(asked) or again or TITLES_ASKED.search(asked) and KIND_OF_WORK.search(text)
    # (「倉儲的理貨員用 AI 工具排班…這算表7 哪一型」: someone's work placed among 表7's archetypes)
    # (「屬於哪一型」: in the guideline only 表7's two are a 「型」; a competency type is a 「類型」)
    archetype_asked = bool(
        re.search(r"(表\s*7|加值型還是導入型|導入型還是加值型|(?<!類)哪\s*一?\s*(種|個)?\s*型)", text)
    )
    if not (SELF_WORK.search(text) or archetype_asked) or not placing or ASKS_ITEM.search(asked):
        return None
    if "cert" in q.keys:
        return None
    if "titles" in q.intents and any(e.kind == "talent" for e in q.reader.entities(asked)):
        return None  # 「想找做推薦系統的人，AI 開發人才常見的職稱有哪些」: the category's titles, all of them
    if CERT_ASKED.search(asked):
        return None  # 「想考一張不用實作的證照，這種證照算哪一類」 asks a certificate category
    if set(q.keys) & {"type", "item"} and mentions_certificates(q):
        return None  # 「我是工程師，想靠考證照讓 AI 模型訓練達標，該考哪一類」: the type's certificates are asked
    ai_roles = [r for r in q.views.cat.role_list if r.id in q.keys.get("role", []) and r.archetype != "AI 加值型"]
    if ai_roles and any(e.kind == "role" and e.start >= 0 for e in q.u.entities):
        return None  # 「我是資料分析師，資料分析師算哪一類」: a role of 表8/表9 named answers it (view.role)
    reading = read_work(text, q.u.entities, q.views.cat)
    # 「比較像什麼職稱」, or 「那這個呢？」 after a role was named for a work: the 表8/表9 role too
    job = JOB_ASKED.search(asked) or TITLES_ASKED.search(text)
    job = job or again and (q.u.previous_rule == "view.role_by_work" or JOB_AD.search(text))
    roles = _roles_by_work(q) if job else []
    if reading is not None:
        roles = [r for r in roles if r.talent_category == reading.talent]
    elif roles:
        reading = WorkReading(roles[0].talent_category, roles[0].archetype, (), ())
    else:
        return None
    v = q.views
    cards = [v.own_work_card(reading.talent, reading.archetype, list(reading.evidence), list(reading.tools), roles)]
    cards += [replace(v.role_card(r, False), native=True) for r in roles]
    if COUNTS_AS.search(asked) and any(r.category == reading.talent for r in v.cat.rules.talent_categories):
        cards.append(v.talent_requirements(reading.talent))  # 「這樣算 AI 人才嗎」: what reaching it takes
    cards.append(v.talent_card(reading.talent))
    about = [Entity("role", r.id, r.name, -1) for r in roles] + [Entity("talent", reading.talent, reading.talent, -1)]
    if reading.archetype and not roles:
        cards.append(v.archetype_card(reading.archetype))
        about.append(Entity("archetype", reading.archetype, reading.archetype, -1))
    elif job and not roles and (titles := v.talent_titles(reading.talent)):
        cards.append(titles)  # 「要找哪類人才、什麼職稱」 with no one role clearly fitting: the category's titles
    # 「這在指引的醫療照護情境裡算哪一種」: the industry's 表10/表11 row of that talent too
    cards += [v.industry_card(i, [reading.talent]) for i in q.keys.get("industry", [])]
    if "industry" not in q.keys:
        # 「我們廠想做設備異常預測，這種工作算哪類人才」: a 表10/表11 scenario named word for word, its row
        rows = [
            row
            for row in v.cat.industries.scenarios
            if row.talent_category == reading.talent and any(len(x) >= 4 and x.lower() in text for x in row.scenarios)
        ]
        cards += [v.industry_card(row.industry, [row.talent_category]) for row in rows[:2]]
    if KIND_ASKED.search(asked_clause(text)):
        # (「…照表7她算哪一型」: which of 表7's kinds is asked in so many words; no passage outranks the reading)
        cards = [replace(c, native=True) for c in cards]
    return Plan(VIEW, "view.own_work", tuple(cards), about=tuple(about))


KIND_ASKED = re.compile(r"(表\s*7|哪一型|哪型|哪一種型|加值型|導入型|\bvalue[- ]add|\badoption type\b)")


@rule(
    "view.own_abilities",
    652,
    VIEW,
    "one's own work described and which abilities it is: the 表2 types and items its tools and tasks name",
)
def _own_abilities(q: Query) -> list[Card] | None:
    text = q.u.normalised
    asked = asked_clause(text)
    if not SELF_WORK.search(text) or not ASKS_ITEM.search(asked) or q.areas is None:
        return None
    if ROLE_ASKED.search(asked):
        return None  # 「這種做法指引裡叫什麼」: the name of a practice is asked, which the guideline's text gives
    if "role" in q.keys and DESIRED.search(text):
        return None  # 「我在做行銷…之後想當 AI 產品經理，要怎麼走」: where one wants to go is asked (view.role)
    if any(e.kind in ("type", "item") and e.start >= 0 for e in q.reader.entities(asked)):
        return None  # 「AI 工具應用包含哪些能力項目」: a type named in the question is what is asked about
    found = abilities_of(q.areas(), q.views.cat)
    return [q.views.abilities_card(found)] if found else None


# 「想當」「想成為」「目標是」 "want to become": the role after it is where the person wants to go
DESIRED = re.compile(
    r"(想當|想成為|想做|想轉(做|成|當|去做)?|想走|想往|想朝|打算走|打算往|目標是|希望(成為|當)"
    r"|\b(want to (become|be)|aim to become|can i become|become an?)\b)"
)


@rule("view.industry_talent", 650, VIEW, "which talent in an industry: the best 表10/表11 row and its category")
def _industry_talent(q: Query) -> list[Card] | None:
    if "which_talent" in q.intents and "talent" not in q.keys and "industry" in q.keys:
        if _talents_by_duties(q):
            return None  # 「在學校實驗室寫論文的人」: what the person does names the talent, not the workplace
        if any(e.kind == "role" and e.start >= 0 for e in q.u.entities):
            return None  # 「我是大學輔導老師，「資料分析師」算哪一類」: the role named is asked, not the workplace
        if "career" in q.intents and q.views.suited_talents(q.u.normalised):
            return None  # ("a teacher who can't code … and the career path?": the background's start and route)
        row = q.views.best_scenario(q.u, q.keys["industry"])
        return [q.views.industry_card(row.industry, [row.talent_category]), q.views.talent_card(row.talent_category)]
    return None


@rule("view.type_between_talents", 645, VIEW, "a type, item or role and talents offered: where it belongs (表2, 表8/9)")
def _type_between_talents(q: Query) -> list[Card] | None:
    # 「AI 程式語言應用是屬於應用人才還是開發人才？」: the talents are the choices offered, not the subject
    choice = r"(還是|或是|還(?=\s*(ai)?\s*(應用|開發|研究))|\bor\b)"  # 「應用人才還開發人才」 in chat too
    offered = len(q.keys.get("talent", [])) >= 2 and bool(re.search(choice, q.u.normalised))
    if not (q.intents & {"category_of", "which_talent"} or offered) or "talent" not in q.keys:
        return None
    if set(q.keys) & {"cert", "cert_category"} or mentions_certificates(q):
        return None
    v = q.views
    types = list(q.keys.get("type", []))
    for e in q.u.entities:
        if e.kind == "item":
            types += [t.name for t in v.cat.types if any(str(i.number) == e.key for i in t.items)]
    types = list(dict.fromkeys(types))
    if types:
        return [v.type_card(v.cat.competency_type(t)) for t in types]
    # 「資料分析師算應用人才還開發人才」: a role of 表8/表9, whose card names its category (and 「介於」 where
    # the guideline places it between two)
    roles = [r for r in v.cat.role_list if r.id in q.keys.get("role", [])]
    return [v.role_card(r, False) for r in roles] or None


@rule("view.which_talent", 640, VIEW, "which talent category a role, type, item or tool belongs to")
def _which_talent(q: Query) -> Plan | list[Card] | None:
    if "which_talent" not in q.intents or "talent" in q.keys:
        return None
    talents = q.views.talent_of(q.u) or _talents_by_duties(q)
    roles = [r for r in q.views.cat.role_list if r.id in q.keys.get("role", [])]
    cards = [q.views.role_card(r, False) for r in roles]
    # the category decided is what a follow-up (「它的職涯路徑呢」 "the career path for that") is about,
    # not the words the question gave as evidence (「never coded」 names 程式應用)
    rule_id = "view.which_talent"
    if not talents and not roles:
        # 「我是完全不碰程式的業務…屬於哪一型」: the person's background (附件(五) 能力起點) suggests one
        suited = q.views.suited_talents(q.u.normalised)
        if suited:
            found = [q.views.talent_card(t) for t in suited] + q.views.archetypes_of(suited)
            # ("… which category fits someone like me, and what does the career path look like?": its path too)
            if "career" in q.intents:
                found += [c for t in suited if (c := q.views.career_card(t))]
            return Plan(VIEW, rule_id, tuple(found), about=tuple(Entity("talent", t, t, -1) for t in suited))
    if not talents:
        return [q.views.talent_overview()]
    # "which category … and what career path does it describe": the path of the category found, too
    careers = [c for t in talents if (c := q.views.career_card(t))] if "career" in q.intents and not roles else []
    about = tuple(Entity("talent", t, t, -1) for t in talents) if not roles else ()
    return Plan(VIEW, rule_id, tuple(cards + [q.views.talent_card(t) for t in talents] + careers), about=about)


def _roles_by_work(q: Query) -> list[Role]:
    """The 表8/表9 roles whose rare words the described work shares (see RoleReader). The words that ask
    for a job (職稱, 職務) are not part of the description: 「既有職稱」 would win on them alone."""
    return q.views.role_reader.best(ROLE_WORDS.sub(" ", " ".join([q.u.normalised, *q.u.expansions])))


@rule("view.role_by_work", 635, VIEW, "a role of 表8/表9 asked for by the work it does (「那叫什麼職務？」)")
def _role_by_work(q: Query) -> list[Card] | None:
    named = any(e.kind == "role" and e.start >= 0 for e in q.u.entities)  # not one the thesaurus implied
    clause = asked_clause(q.u.normalised)
    called = ROLE_ASKED.search(clause) and ROLE_WORDS.search(q.u.normalised)
    job = (called or JOB_ASKED.search(clause)) and not ASKS_ITEM.search(clause)
    # 「接下來可以往什麼職位發展」 asks a career route; 「想轉去做…的工作，那叫什麼職務？」 still asks the name
    if named or not job or "career" in q.intents and not called:
        return None
    said = [e for e in q.reader.entities(q.u.normalised) if e.kind == "talent"]  # (named here, not carried over)
    if said and "titles" in q.intents:
        return None  # "what job titles does AI application talent usually have": the category's titles
    roles = _roles_by_work(q)
    # the roles asked for: no passage outranks them
    cards = tuple(replace(q.views.role_card(r, False), native=True) for r in roles)
    about = tuple(Entity("role", r.id, r.name, -1) for r in roles)
    return Plan(VIEW, "view.role_by_work", cards, about=about) if roles else None


# 「需要自己寫程式或訓練模型嗎」 "do they need to code": what a role asks of programming
CODING_ASKED = re.compile(
    r"((要|需要|得|必須|會)(自己)?[^，。?？]{0,4}(寫程式|寫 ?code|coding|訓練模型|寫模型|會程式)"
    r"[^，。?？]{0,12}(嗎|呢|[?？])"
    r"|(寫程式|訓練模型)\s*(嗎|[?？])"
    r"|\b(need|have|has|needs) to (code|program|write code|train (a |the )?models?)\b)"
)


def _people_doing(work: str, text: str) -> bool:
    """「行銷部的人」「做行銷的」「客服人員」: people named by the work they do."""
    w = re.escape(work.lower())
    return bool(re.search(rf"(做|當){w}|{w}\s*(部門?|的人|人員|同仁|同事|團隊)", text))


@rule("view.role_needs_coding", 658, VIEW, "whether a role or archetype codes or trains models (表2 levels)")
def _role_needs_coding(q: Query) -> list[Card] | None:
    text = q.u.normalised
    if not CODING_ASKED.search(text) or q.personal is not None and q.personal():
        return None
    roles = [r for r in q.views.cat.role_list if r.id in q.keys.get("role", [])]
    if len(roles) == 1:
        return [q.views.coding_needed_card(roles[0].name, roles[0].talent_category, roles[0].archetype)]
    archetypes = q.keys.get("archetype", [])
    if not roles and not archetypes and not q.keys.get("cert") and not q.keys.get("cert_category"):
        # 「我們行銷部的人需要會寫程式嗎」「做客服的要會寫程式嗎」: people named by the work of an archetype's
        # existing titles (its work signals beside a word for people or a department) are that role
        for a in q.views.cat.roles.application_archetypes:
            own = [r for r in q.views.cat.role_list if r.archetype == a.name]
            if len(own) == 1 and any(_people_doing(w, text) for w in a.work_signals):
                return [q.views.coding_needed_card(own[0].name, own[0].talent_category, own[0].archetype)]
    if len(archetypes) == 1 and not roles:
        cards = [q.views.coding_needed_card(archetypes[0], "AI 應用人才", archetypes[0])]
        if re.search(r"(是啥|是什麼|是甚麼|什麼是|\bwhat (is|are)\b)", text):  # 「AI導入型是啥 會需要…嗎」: both
            cards.append(q.views.archetype_card(archetypes[0]))
        return cards
    return None


# 「有名字直接相關的證照嗎」 "a certificate named after it": a certificate sharing the role's name
NAME_SHARED = re.compile(
    r"(名字|名稱|同名|名為|叫做)[^。?？]{0,10}(證照|認證|證書)|\bnamed (after|for)\b|\bsame name\b"
)


@rule("view.role", 630, VIEW, "a role of 表7–表9: card, career route, or certificates for its category")
def _role(q: Query) -> list[Card] | None:
    roles = [r for r in q.views.cat.role_list if r.id in q.keys.get("role", [])]
    if not roles:
        return None
    asks_other = q.intents & {
        "overview_rai",
        "overview_cert_categories",
        "overview_talent",
        "overview_archetypes",
        "update",
    }
    if set(q.keys) & {"rai", "resource", "resource_all"} or "career_topic" in q.keys or "overview_items" in q.intents:
        # 「HR 想用 AI 篩履歷，要注意什麼」「想當 AI 工程師要打好哪些基礎」: the role is who asks or where to go;
        # 附件(六) or 附件(五) is what is asked (view.career_topic adds the role's route when one is asked)
        return None
    if asks_other and not any(e.kind == "role" for e in q.reader.entities(asked_clause(q.u.normalised))):
        return None  # 「我在區公所當行政助理，指引裡的負責任意識有哪幾個面向？」: the role is who asks
    if CAUTION.search(asked_clause(q.u.normalised)) and AI_USED.search(q.u.normalised):
        return None  # 「我們想用 AI 寫客服回覆，有什麼要注意」: a use of AI and its cautions, not the job
    if "type" in q.keys and ("requirements" in q.intents or LEVEL_WORDS.search(q.u.normalised)):
        return None  # 「幫行政同仁規劃上課讓工具應用達到進階」: the type is asked
    if "archetype" in q.keys and "titles" in q.intents:
        return None  # 「想把行政助理培養成「AI 導入型」，導入型常見的職稱有哪些」: the role is who; the kind's titles
    if "talent" in q.keys and q.intents & {"requirements", "titles"}:
        # 「我是行銷專員，想達到 AI 應用人才的參考指標…」「我當產品經理，想知道 AI 應用人才有哪些常見職稱」:
        # the role is who asks; the category is asked
        return None
    if "industry" in q.keys and "role" in context_only(q, {"role"}) and "industry" not in context_only(q, {"industry"}):
        return None  # 「我在銀行人資部，想知道金融業的 AI 應用人才在做哪些事」: the department is who asks
    if "career" in q.intents and not q.asks("certs_for"):
        if ROLE_POSITIONING.search(asked_clause(q.u.normalised)):
            # 「想往 AI 產品經理發展，這個角色是怎麼定位的」: what the role is (表8/表9), then its route
            return [*(q.views.role_card(r, False) for r in roles), *(q.views.role_career_card(r) for r in roles)]
        return [q.views.role_career_card(r) for r in roles]
    abilities = "overview_types" in q.intents or ASKS_ITEM.search(asked_clause(q.u.normalised))
    if abilities and "certs_for" not in q.intents:
        # 「電腦視覺工程師需要哪幾種能力類型」: its category's types answer it, then the role itself
        return [q.views.role_types_card(r) for r in roles] + [q.views.role_card(r, False) for r in roles]
    if "certs_for" in q.intents or NAME_SHARED.search(q.u.normalised):
        # 「要考哪一類證照」: its category's certificates answer it, then the role; 「表6 有名字直接相關的證照嗎」: the
        # certificates that carry its name first
        talents = dict.fromkeys(r.talent_category for r in roles)
        named = [c for r in roles if (c := q.views.role_named_certs(r)) is not None]
        return named + [q.views.talent_certs(t) for t in talents] + [q.views.role_card(r, False) for r in roles]
    return [q.views.role_card(r, False) for r in roles]


@rule("view.resources_for_type", 625, VIEW, "附件(七) learning materials asked for a named competency type")
def _resources_for_type(q: Query) -> list[Card] | None:
    if not set(q.keys) & {"type", "item"} or not set(q.keys) & {"resource_all", "resource"}:
        return None
    cat = q.views.cat
    # 「規劃 AI 素養培訓，有推薦教材嗎」: an item (1. AI 素養) stands for the type that holds it
    owners = [t.name for t in cat.types if any(str(i.number) in q.keys.get("item", []) for i in t.items)]
    types = list(dict.fromkeys([*q.keys.get("type", []), *owners]))
    cards = [q.views.resources_for_types(types)]
    if "requirements" in q.intents:  # 「…每人要上幾小時才算符合？」: and the 表5 indicators asked beside
        cards += [q.views.requirements_card(cat.competency_type(t)) for t in types]
    return cards


TOOLS_LISTED = re.compile(
    r"(哪些|什麼|哪幾(個|種)?)[^，。?？]{0,4}工具(?!應用)|工具(?!應用)[^，。?？]{0,3}(哪些|什麼)|\b(which|what) tools\b"
    r"|(參考|建議|推薦|列了?|給了?)[^，。?？]{0,3}(ai\s*)?工具(?!應用|類)"
    r"|(哪些|什麼|哪幾(個|種)?)[^，。?？]{0,4}(框架|平台|程式庫|套件)|\b(which|what) (frameworks|platforms|libraries)\b"
)


ADDED_IN = re.compile(r"新增[^「」]{0,40}「([^」]+)」")  # 「…能力項目下，新增「AI 治理素養」」: what a change adds


@rule("view.added_in_update", 622, VIEW, "what this version added under a type named (前言): that item, its card")
def _added_in_update(q: Query) -> Plan | None:
    # 「這版指引在 AI 應用素養底下新增了哪個能力項目？」: the addition of the update under that type, not all its items
    # 「這版新增了哪些能力項目」: the items added under every type
    every = "overview_items" in q.intents and not set(q.keys) - {"type"}
    if "update" not in q.intents or not (q.keys.get("type") or every):
        return None
    cat = q.views.cat
    named = [cat.competency_type(t) for t in q.keys["type"]] if q.keys.get("type") else list(cat.types)
    added = [
        (t, item)
        for h in cat.document.update_highlights
        for t in named
        if t.name in h
        for m in ADDED_IN.finditer(h)
        for item in t.items
        if item.name == m.group(1)
    ]
    if not added:
        return None
    cards = tuple(q.views.item_card(item.number) for _, item in added)
    about = tuple(Entity("item", str(item.number), item.name, -1) for _, item in added)
    return Plan(VIEW, "view.added_in_update", cards, about=about)


# a 表2 programming level named (「Pro-code 的呢」), or how much coding a type asks (「對寫程式的要求是什麼程度」)
PROGRAM_LEVEL = re.compile(r"(?<![a-z])(no|low|pro)[- ]?code(?![a-z])")
CODING_DEGREE = re.compile(
    r"((寫程式|寫代碼|寫 ?code|程式)[^，。?？]{0,8}(程度|要求|等級|層級|多深)|程式能力"
    r"|\bcoding (level|requirements?)\b|\bhow much (coding|programming)\b|\bprogramming level\b)"
)


@rule("view.program_level", 621, VIEW, "a 表2 programming level: the types at it, or the level of a type named")
def _program_level(q: Query) -> list[Card] | None:
    text = q.u.normalised
    m = PROGRAM_LEVEL.search(text)
    types = q.keys.get("type", [])
    # (「這個能力對寫程式的要求」 read as item 9, 「AI 協作與開發要求 No-code 嗎」: the item's type)
    if not types and (CODING_DEGREE.search(text) or m and QUESTION_MARKERS.search(text)):
        items = [int(k) for k in q.keys.get("item", [])]
        types = [t.name for t in q.views.cat.types if any(i.number in items for i in t.items)]
    one_level = len({x.group(1) for x in PROGRAM_LEVEL.finditer(text)}) == 1  # (two compared: the overview)
    if m and one_level and not types and not set(q.keys) - {"talent"}:
        return [q.views.program_level_card(f"{m.group(1).capitalize()}-code")]
    # (「這個能力對寫程式的要求到什麼程度？算 no-code 嗎？那模型訓練又是哪種」: each type named, its level)
    if types and (CODING_DEGREE.search(text) or m and QUESTION_MARKERS.search(text)):
        return [q.views.type_card(q.views.cat.competency_type(t)) for t in types]
    return None


# another way to a level than the one named: 「除了專案類證照還有別的途徑嗎」 "another way besides a project cert"
ANOTHER_WAY = re.compile(
    r"(除了[^，。?？]{1,16}?(之外|以外)?[，,\s]*[^，。?？]{0,10}(還有|有沒有|有其他|別的|其他)[^，。?？]{0,4}(途徑|方式|辦法|管道|路|選擇)"
    r"|(其他|別的)(途徑|方式|辦法|管道|路線)|\banother (way|route|option)\b|\bother (ways?|routes?|options?)\b"
    r"|\b(besides|apart from|other than) (a |an |the )?(project|tool|literacy)\b)"
)
# what else is new in this version: 「還有新增哪些」 "what else is new"
ADDED_ASKED = re.compile(
    r"還(有)?(新增|新加|多了)|(新增|新加|多了)(了)?哪些|(加|新增)了?(什麼|甚麼|哪些)新|\bwhat else (is )?new\b"
)
# overviews of something other than the types (附件(六)'s dimensions, 表3's categories, 表1, 表7)
OTHER_OVERVIEWS = frozenset({"overview_rai", "overview_cert_categories", "overview_talent", "overview_archetypes"})


def _thresholds_elsewhere(q: Query, types: list[CompetencyType]) -> list[CompetencyType]:
    """「模型訓練到底要上幾 hr，30 還是 48？」: a number the question weighs that is no threshold of the types
    named, but of another type's rule over their hours (五's 「AI 模型訓練或AI服務開發48小時」), brings that type."""
    said = {n for n in re.findall(r"(?<![\d.])\d{2,3}(?![\d.])", q.u.normalised)}
    cat = q.views.cat

    def texts(name: str) -> list[str]:
        return [r.text for t in cat.rules.types if t.type == name for lv in t.levels for r in lv.rules]

    own = {n for t in types for text in texts(t.name) for n in re.findall(r"\d+", text)}
    short = [t.name.removeprefix("AI ").replace(" ", "") for t in types]
    out = []
    for other in cat.types:
        if other in types:
            continue
        hits = [x for x in texts(other.name) if any(s in x.replace(" ", "") for s in short)]
        if any(n in re.findall(r"\d+", x) for x in hits for n in said - own):
            out.append(other)
    return out


def _tools_of_area(q: Query) -> Plan | None:
    """「程式那門課可以參考哪些工具」: the 表5 tools of the type whose hours area the question names by an
    everyday word (程式, 素養課); the generic 「工具」 is what is asked, not an area."""
    if not q.asks("tools") or q.areas is None or q.keys:
        return None
    named = list(dict.fromkeys(t for t, area, _ in q.areas() if area != "tool"))
    if len(named) != 1:
        return None
    card = q.views.tools_card(q.views.cat.competency_type(named[0]))
    # the type is what the next question (「這個能力類型底下有哪些項目」) is about
    return Plan(VIEW, "view.type_or_item", (card,), about=(Entity("type", named[0], named[0], -1),))


@rule(
    "view.type_without_category",
    623,
    VIEW,
    "a type named with a certificate category refused (「不想考專案類，模型訓練有別的證照組合嗎」): its 表5 routes",
)
def _type_without_category(q: Query) -> list[Card] | None:
    if not CATEGORY_REFUSED.search(q.u.normalised) or q.u.of_kind("cert"):
        return None
    types = [q.views.cat.competency_type(e.key) for e in q.u.of_kind("type")]
    return [q.views.requirements_card(t) for t in types] or None


@rule("view.type_or_item", 620, VIEW, "a competency type or item: contents, 表5 requirements, certificates or tools")
def _type_or_item(q: Query) -> Plan | list[Card] | None:
    if "type" not in q.keys and "item" not in q.keys:
        return _tools_of_area(q)
    if "metadata" in q.intents and THIS_GUIDELINE.search(q.u.normalised) and not q.keys.get("type"):
        return None  # 「要我在週會簡報這份指引，這是哪個單位發布的？哪一版？」: the document; 簡報 is the occasion
    if not q.explicit_kinds & {"type", "item"} and _rai_use_case(q):
        return None  # "letting an AI tool rank CVs — anything in the guideline about that?": 附件(六) is asked
    if not q.explicit_kinds & {"type", "item"} and _frameworks_after_rai(q):
        return None  # "which frameworks does it base that on?" after 附件(六): its governance frameworks
    if "update" in q.intents and not q.keys.get("type") and ADDED_ASKED.search(q.u.normalised):
        # 「（AI 治理素養）這個是這一版才新增的嗎？還有新增哪些」: the item (its card says whether it is new),
        # then what this version added (前言)
        items = [q.views.item_card(int(k)) for k in q.keys.get("item", [])]
        return [*items, q.views.update_card()]
    asked_overviews = set(q.reader.detect_intents(asked_clause(q.u.normalised))) & OTHER_OVERVIEWS
    if asked_overviews and context_only(q, {"type", "item"}) >= {"type", "item"} & set(q.keys):
        return None  # 「我在規劃一門 AI 素養課。想先問負責任使用 AI 有哪幾個構面？」: the course is the scene
    if "overview_items" in q.intents and "count" in q.intents:
        return None  # 「AI 工具應用底下有幾個項目」: the overview counts the type's items
    # "designing an 18-hour course… which two sub-items make up the literacy type": the items are asked, the
    # hours only set the scene
    if q.asks("overview_items") and "requirements" in q.intents and not q.asks("requirements") and "item" not in q.keys:
        return None
    v, cat, intents, keys = q.views, q.views.cat, q.intents, q.keys
    if NOTE_ASKED.search(q.u.normalised):
        # 「表5 裡 AI 程式應用那條註釋是什麼意思」: the row of 表5 that carries the note
        owners = [
            t
            for t in cat.types
            if t.name in keys.get("type", []) or any(str(i.number) in keys.get("item", []) for i in t.items)
        ]
        noted = [t for t in owners if next(r for r in cat.rules.types if r.type == t.name).note]
        if noted:
            return [replace(v.requirements_card(t), native=True) for t in noted]
    types = [cat.competency_type(k) for k in keys.get("type", [])]
    for number in keys.get("item", []) if types else []:
        owner = next(t for t in cat.types if any(str(i.number) == number for i in t.items))
        if owner not in types:  # 「AI 工具應用 … 寫程式」: the item's own type joins the named one
            types.append(owner)
    if not types:
        numbers = [int(k) for k in keys["item"]]
        # "AI 治理素養 — what does it actually require?": what the item calls for, not its type's 表5 hours
        hours = (
            HOURS_ASKED.search(q.u.normalised) or LEVEL_WORDS.search(q.u.normalised) or HOW_LONG.search(q.u.normalised)
        )
        abilities = "requirements" in intents and not hours
        if not intents & {"tools", "requirements", "certs_for"} or abilities and not intents & {"tools", "certs_for"}:
            return [v.item_card(n) for n in numbers]
        types = [t for t in cat.types if any(i.number in numbers for i in t.items)]
    if "key_contents" in intents:  # 「課的內容和時數怎麼設計」: what the type covers, and its hours when asked
        extra = [v.requirements_card(t) for t in types] if "requirements" in intents else []
        return [v.type_card(t, native=True) for t in types] + extra
    # 「量表有列哪些參考工具」: the tools are what is listed, whatever else the words name (量表 is 表5)
    if q.asks("tools") and (not q.asks("requirements") or TOOLS_LISTED.search(asked_clause(q.u.normalised))):
        return [v.tools_card(t) for t in types]
    if ANOTHER_WAY.search(q.u.normalised):
        # 「除了專案類證照，模型訓練還有別的途徑嗎」 "another way besides a project cert": every 表5 route
        return [v.requirements_card(t) for t in types]
    # 「工具應用的初階跟進階差在哪」: the levels of a type are its 表5 indicators
    levels = bool(LEVEL_WORDS.search(q.u.normalised)) and not intents - {"compare", "define"}
    # "Which certificates would get me to the basic level…, and who issues them?" 「哪幾張比較對口」: the type's
    # certificates are what is asked, its 表5 levels the frame
    which_certs = "certs_for" in intents and WHICH_CERTS.search(q.u.normalised)
    if which_certs and not q.asks("tools") and not HOURS_ASKED.search(q.u.normalised):
        return [v.certs_for_type(t) for t in types]
    if "requirements" in intents or levels:
        extra = [v.certs_for_type(t) for t in types] if q.asks("certs_for") else []
        return [v.requirements_card(t) for t in [*types, *_thresholds_elsewhere(q, types)]] + extra
    if "certs_for" in intents or ("category_of" in intents and "cert_category" not in keys):
        return [v.certs_for_type(t) for t in types]
    if "tools" in intents:
        return [v.tools_card(t) for t in types]
    if "cert_category" in keys:
        # "which tool certs would get me to advanced in tool application": a type with its own category named
        # is the type's certificates and its 表5 certificate route
        own = [t for t in types if set(keys["cert_category"]) <= set(t.certification_categories)]
        if own and re.search(r"(初階|進階|\badvanced\b|\bbeginner\b|\bentry[- ]level\b)", q.u.normalised):
            return [v.certs_for_type(t) for t in own]
        return [v.category_card(c) for c in keys["cert_category"]]
    # 「指引對 AI 模型訓練的能力說明提到哪些方法」: 表4's description of each item, in full
    detailed = bool(DESCRIPTION_ASKED.search(asked_clause(q.u.normalised)))
    return [v.type_card(t, detailed=detailed) for t in types]


@rule("view.cert_category", 610, VIEW, "a certification category (素養類/工具類/專案類): aim, types, its 表6 list")
def _category(q: Query) -> list[Card] | None:
    contents = "key_contents" in q.intents
    return [q.views.category_card(c, contents=contents) for c in q.keys.get("cert_category", [])] or None


# the routes themselves asked about (「指引講的職涯路徑是怎樣」), not one's own way somewhere (「想轉去做開發」)
PATHS_ASKED = re.compile(r"(路徑|職涯|途徑|路線|\bcareer (path|route|track)s?\b)")


def context_only(q: Query, kinds: set[str]) -> set[str]:
    """The kinds among `kinds` the question names only outside the clause that asks: 「我們是做製造的工廠，
    想知道 AI 應用人才分哪兩種類型」 says where the asker works, and asks about something else."""
    text = q.u.normalised
    asked = asked_clause(text)
    if LOCATIVE_BACK.search(asked):
        return set()  # 「回到零售業，開發人才在那邊做什麼」: 「那邊」 asks about the place named before
    in_asked = {e.kind for e in q.reader.entities(asked)}

    def about_asker(e: Entity) -> bool:
        # named where the asker says who they are (「我們是做製造的工廠」 "I run a bank team"), not as the
        # question's scope (「在金融業，…」 "In banking specifically, …")
        clause = next((c for c in CLAUSE_SPLIT.split(text) if e.surface in c), "")
        return bool(ASKER.search(clause))

    named = {k: [e for e in q.u.of_kind(k) if e.start >= 0] for k in kinds & set(q.keys)}
    return {k for k, es in named.items() if k not in in_asked and es and all(about_asker(e) for e in es)}


# the asker saying who they are or where they work
ASKER = re.compile(r"(我|我們|本公司|敝公司|\bi\b|\bi'm\b|\bwe\b|\bwe're\b|\bour\b|\bmy\b|\bhere at\b)")
# 「在那邊」「那個產業」 "there": the clause that asks points back at a place named before it
LOCATIVE_BACK = re.compile(
    r"(那邊|那裡|那裏|該產業|該行業|(那|這)(個|種|類)(產業|行業|情境|場景|領域)|\bthere\b|\bin (it|that)\b)"
)


@rule("view.overview", 600, VIEW, "an overview asked for: categories, types, items or talent categories")
def _overview(q: Query) -> list[Card] | None:
    v, intents = q.views, q.intents
    keys = {k: x for k, x in q.keys.items() if k not in context_only(q, {"industry", "role"})}
    if "resource" in keys:
        return None  # 「公版教材對應哪些能力類型」 asks an attribute of the material, not the overview
    types = [v.cat.competency_type(k) for k in keys.get("type", [])] or None
    if "overview_items" in intents and "count" in intents:
        if "overview_types" in intents and types is None and TYPES_COUNTED.search(q.u.normalised):
            # 「總共有幾種能力類型、幾個能力項目」: both counted, the types first
            return [v.types_overview(), v.items_overview(types)]
        return [v.items_overview(types)]  # 「五種能力類型底下共有幾個能力項目」 counts the items
    if "overview_cert_categories" in intents:
        return [v.cert_categories_overview()]
    # (「想把行政跟客服同仁培訓成…，應用人才分哪兩型」: the roles are who is trained, the two types are asked)
    if "overview_archetypes" in intents and not set(keys) - {"talent", "archetype"} - context_only(
        q, {"role", "industry"}
    ):
        return [v.queries.compare_archetypes()]
    if "overview_items" in intents and types:  # 「這個能力類型（AI 程式語言應用）底下有哪兩個能力項目」
        return [v.items_overview(types)]
    if "overview_types" in intents and "talent" not in keys:
        return [v.types_overview()]
    if "overview_items" in intents:  # 「AI 工具應用底下有哪幾個能力項目」: that type's items
        return [v.items_overview(types)]
    if "overview_talent" in intents and "talent" not in keys:
        return [v.talent_overview()]
    named = set(keys) & {"role", "talent", "archetype", "type", "item", "cert", "cert_category", "career_topic"}
    paths = PATHS_ASKED.search(q.u.normalised) and not ASPIRE.search(q.u.normalised)
    if "career" in intents and paths and not named and not intents & {"certs_for", "category_of"}:
        return [v.career_paths_overview()]  # 「指引講的職涯路徑大概是怎樣」: every route of 附件(五)
    return None


# 「從什麼職位開始」"start as": where a route to a role begins
STARTING_ROLE = re.compile(
    r"(從(什麼|哪個|哪一個|哪種|哪)(職位|職務|工作|角色)|先當|起步|第一份工作|入門職位"
    r"|\bstart(ing)? (as|from|with|out)\b)"
)


@rule("view.career_topic", 590, VIEW, "附件(五) topics: foundations, soft skills, starting points")
def _career_topic(q: Query) -> list[Card] | None:
    topic = {
        "foundations": q.views.foundations_card,
        "soft_skills": q.views.soft_skills_card,
        "starting_points": q.views.starting_points_card,
    }
    cards = [topic[k]() for k in q.keys.get("career_topic", [])]
    roles = [r for r in q.views.cat.role_list if r.id in q.keys.get("role", [])]
    if cards and roles and ("career" in q.intents or STARTING_ROLE.search(q.u.normalised)):
        # 「想當資料科學家，該打哪些基礎、從什麼職位開始？」: and the 附件(五) route that leads to the role
        cards += [q.views.role_career_card(r) for r in roles]
    if cards and "career" in q.intents and "talent" in q.keys and not roles:
        # 「非資訊背景，想走 AI 應用人才，發展路徑長怎樣」: where to start, then the category's 附件(五) path
        cards += [q.views.career_card(t) for t in q.keys["talent"]]
    if cards and q.intents & {"certs_for", "category_of"}:
        # 「想當機器學習工程師…該先打哪些基礎、考哪一類證照？」: and the certificates of the role's category
        talents = list(dict.fromkeys([*(r.talent_category for r in roles), *q.keys.get("talent", [])]))
        cards += [q.views.talent_certs(t) for t in talents]
    return cards or None


@rule("view.career_start", 585, VIEW, "a career question naming nothing: where 附件(五) says people start")
def _career_start(q: Query) -> list[Card] | None:
    # 「我女兒高三，想走 AI 這條路，要從哪裡開始？」: no role, talent or background to go on
    if "career" not in q.intents or set(q.keys) - {"industry", "cert_scope"}:
        return None
    if not WHERE_TO_START.search(q.u.normalised):
        return None
    # 「幫部門行政同仁規劃 AI 訓練，第一步該上什麼」: the work or background described suits one category,
    # whose path and first 表5 levels follow
    talents = q.views.suited_talents(q.u.normalised)
    if not talents:
        reading = read_work(q.u.normalised, q.u.entities, q.views.cat)
        talents = [reading.talent] if reading is not None else []
    cards = [q.views.starting_points_card()]
    if len(talents) == 1:
        cards.append(q.views.career_card(talents[0]))
    return [replace(c, native=True) for c in cards]  # asked in so many words: no passage covers it better


# where to begin: 「從哪裡開始」「怎麼入門」「第一步」 "where do I start"
WHERE_TO_START = re.compile(
    r"(從哪(裡|邊)?(開始|入門|著手|下手|起步)|怎麼(開始|入門|起步)|如何(開始|入門|起步)|第一步|先做什麼|先學什麼|入門"
    # 「想往 AI 發展…指引建議我走哪條路」: which way to go is where to start too
    r"|(走|選)哪(一)?(條|個方向)(路|路線)?|哪(一)?條路"
    r"|\bwhere (do|should|can) (i|we|he|she|they) (start|begin)\b"
    r"|\bhow (do|can|should) (i|we|he|she|they) (start|begin|get started)\b)"
)


MOVE_INTO = re.compile(r"(轉|走|\bmove into\b|\bswitch to\b)")


@rule("view.talent", 580, VIEW, "a talent category: its certificates, career path, industries or description")
def _talent(q: Query) -> list[Card] | None:
    keys, v = q.keys, q.views
    if "talent" not in keys:
        return None
    titles = [card for k in keys["talent"] if (card := v.talent_titles(k))] if "titles" in q.intents else []
    if titles:
        return titles
    if "certs_for" in q.intents and "requirements" not in q.intents:
        return [v.talent_certs(k) for k in keys["talent"]]
    summarised = {r.category for r in v.cat.rules.talent_categories}
    if "requirements" in q.intents and set(keys["talent"]) <= summarised:
        cards = [v.talent_requirements(k) for k in keys["talent"]]
        if "certs_for" in q.intents:  # 「應該考哪一類、考幾張？有哪些可以選？」: the certificates to choose from too
            cards += [v.talent_certs(k) for k in keys["talent"]]
        return cards
    # 「想轉去做開發」: a move into a talent category (its alias says so) asks for its path, and what moving
    # in from another path takes
    moving = any(e.kind == "talent" and MOVE_INTO.match(e.surface) for e in q.u.entities)
    if "career" in q.intents or moving:
        return [v.career_card(k) for k in keys["talent"]]
    # (「在教育業，AI 應用人才可以用在哪些情境？」 asks the industry's scenarios wherever it is named)
    industry_asked = bool(q.intents & {"usage", "duties", "tools"}) or not context_only(q, {"industry"})
    if "industry" in keys and industry_asked:
        return [v.industry_card(i, keys["talent"]) for i in keys["industry"]]
    return [v.talent_card(k) for k in keys["talent"]]


@rule("view.archetype", 570, VIEW, "AI 加值型 / AI 導入型 (表7)")
def _archetype(q: Query) -> list[Card] | None:
    return [q.views.archetype_card(k) for k in q.keys.get("archetype", [])] or None


@rule("view.industry", 560, VIEW, "an industry with a usage/duties/tools question: its 表10/表11 rows")
def _industry(q: Query) -> list[Card] | None:
    if "industry" in q.keys and q.intents & {"usage", "duties", "define", "tools", "skills"}:
        used_how = bool(USED_HOW.search(asked_clause(q.u.normalised)))
        if ("industry" in context_only(q, {"industry"}) and not used_how) or "overview_rai" in q.intents:
            return None  # "I run HR for a hospital group… what does it say about the risk": where the asker works
        if any(e.kind == "rai" for e in q.reader.entities(asked_clause(q.u.normalised))):
            return None  # 「醫療這種用途算高風險嗎」: the industry is the use; 附件(六)'s dimension is asked
        cards = [q.views.industry_card(i, []) for i in q.keys["industry"]]
        # (「像我們品管這種工作，指引裡有講 AI 可以怎麼用嗎」: how AI is used there is asked in so many words; a
        # passage naming the job title does not answer it)
        if q.asks("usage") and used_how:
            cards = [replace(c, native=True) for c in cards]
        return cards
    return None


USED_HOW = re.compile(
    r"(怎麼用|如何用|怎樣用|可以用在|用在哪|怎麼應用|如何應用|how (can|could|do|does|is|are) [^?]{0,30}used?)"
)


# 「多講一點」「詳細說明」 "tell me more": more than the heading of what was named
MORE = re.compile(
    r"(還有(嗎|呢)|多講|多說|多介紹|詳細|細節|展開|說明一下|介紹一下|\bmore\b|\bdetails?\b|\belaborate\b)"
)


# 「這算哪一個構面」 "which of the four dimensions is that about": one dimension, by what the message describes
WHICH_DIMENSION = re.compile(
    r"(哪一?(個|項)?(構面|面向)|哪一塊在講|哪(個|一個)?部分在講"
    r"|\bwhich (of the (four|4) )?(responsible[- ]ai )?(dimensions?|aspects?)\b)"
)


def _dimension_by_words(text: str, dims: list[Dimension]) -> str | None:
    """The one 附件(六) dimension whose own passage shares the most two-character words with `text` that
    no other dimension's passage uses (its incident words count double); None on a tie or when none is
    shared."""

    def pairs(t: str) -> set[str]:
        return {t[i : i + 2] for i in range(len(t) - 1) if re.fullmatch(r"[\u4e00-\u9fff]{2}", t[i : i + 2])}

    own = {d.name: pairs(" ".join([d.heading, *d.points])) for d in dims}
    said = pairs(text)
    scores = []
    for d in dims:
        others = set().union(*(own[x.name] for x in dims if x.name != d.name))
        incident = sum(2 for w in d.incident_words if w.lower() in text)  # "cited … wrong" → 資訊判斷
        scores.append((len((own[d.name] - others) & said) + incident, d.name))
    scores.sort(reverse=True)
    if not scores or scores[0][0] == 0 or len(scores) > 1 and scores[1][0] == scores[0][0]:
        return None
    return scores[0][1]


# 「參考了哪些國內外框架」 "which governance frameworks does it cite": 附件(六)'s frameworks
FRAMEWORKS_ASKED = re.compile(
    r"((參考|引用|依據|根據|對齊|提到|列出|列了)[^，。?？]{0,8}(哪些|什麼|哪幾個|哪個)?[^，。?？]{0,6}(治理)?框架"
    r"|(哪些|什麼|哪幾個)[^，。?？]{0,6}(治理)?框架|\b(which|what)\b[^?.]{0,30}\b(governance )?frameworks\b"
    r"|\bframeworks? (does|do) (it|they|the guideline) (cite|reference|mention)\b)"
)
# 「其中哪個是台灣的」 "which of those is Taiwan's own", "what do they all point to": the frameworks just listed
OF_THE_FRAMEWORKS = re.compile(
    r"(其中|這些|那些|它們|這幾個|那幾個|哪一?個是|都|共同|\b(of (those|them|these)|they( all)?|those|these|them)\b)"
)


@rule("view.rai_frameworks", 552, VIEW, "the governance frameworks 附件(六) cites (「參考了哪些國內外框架」)")
def _rai_frameworks(q: Query) -> list[Card] | None:
    text = q.u.normalised
    again = q.u.previous_rule == "view.rai_frameworks" and bool(OF_THE_FRAMEWORKS.search(text))
    if not (FRAMEWORKS_ASKED.search(text) or again) or "能力架構" in text:
        return None
    # (「想涵蓋 AI 風險管理，附件提到的國際治理框架有哪些」 asks the frameworks beside risk; 「數位部的 AI 風險框架，
    # 風險怎麼分」 asks the risk classes)
    governance = re.search(r"(國際|治理|國內外|\binternational\b|\bgovernance\b)", text)
    if q.explicit_kinds - {"rai", "cert_scope", "resource", *(["risk"] if governance else [])}:
        return None  # (what "frameworks" implies by itself, 學習框架 of 表5, is no subject named)
    return [q.views.rai_frameworks_card()]


DESCRIPTION_ASKED = re.compile(
    r"(能力說明|詳細說明|說明提到|哪些方法|什麼方法|細節|\b(methods?|in detail|full description)\b)"
)
SECTION_ASKED = re.compile(r"(有講|有沒有講|有提到|部分|章節|段落|內容是|\bdoes (it|the guideline) (say|cover)\b)")
STEPS_ASKED = re.compile(r"(步驟|流程|作法|做法|\bsteps?\b|\bprocess\b|\bprocedures?\b)")


@rule("view.responsible_ai", 550, VIEW, "附件(六): the four dimensions, the risk steps or classes, one dimension")
def _rai(q: Query) -> list[Card] | None:
    v, keys = q.views, q.keys
    # 「第二個呢？多講一點」 after the four dimensions: the dimension named, not the overview again
    own = {e.key for e in q.u.entities if e.kind == "rai" and e.start >= 0}
    named = [k for k in keys.get("rai", []) if k in own]
    asked = asked_clause(q.u.normalised)
    if {"resource", "resource_all"} & q.explicit_kinds and not CAUTION.search(asked):
        return None  # 「有沒有官方的公版教材能直接用」: the material is asked; 「直接用」 implies no dimension here
    if named and CERT_ASKED.search(asked) and not any(q.reader.entities(asked)) and q.asks("category_of"):
        # 「只考倫理跟風險辨識、不考實作的檢定，應該屬於哪一類認證？」: a certificate category is asked; the
        # dimension only describes what the exam covers
        return None
    # 「主管說用 AI 要注意個資。這份指引有講負責任使用 AI 的部分嗎？」: the section asked, the dimension the
    # scene brings in first
    if "overview_rai" in q.intents and SECTION_ASKED.search(asked) and not MORE.search(q.u.normalised):
        implied = [k for k in dict.fromkeys([*named, *_implied_dimensions(q)])]
        return [*(v.rai_card(k) for k in implied), v.rai_overview()]
    # 「第二個構面裡面，風險分成哪三大類？」: the risk classes (or steps) asked about within that dimension
    risk_asked = list(dict.fromkeys(e.key for e in q.reader.entities(asked) if e.kind == "risk"))
    if named and risk_asked and "risk" in keys:
        return [
            replace(v.risk_steps_card() if k == "steps" else v.risk_classes_card(), native=True) for k in risk_asked
        ]
    # "for the second facet, what are the steps the ministry proposes?": the steps that dimension points to
    steps = bool(STEPS_ASKED.search(asked))
    if named and (MORE.search(q.u.normalised) or len(named) == 1 and "overview_rai" in q.intents or steps):
        dims = [d for d in v.cat.responsible_ai.dimensions if d.name in named]
        more = [v.risk_classes_card() if x == "classes" else v.risk_steps_card() for d in dims for x in d.see_also]
        # asked for more, or taken up from a list: 「第二個呢？多講一點」 arrives as 「「風險辨識」呢？」, 「多講一點」
        wants_more = MORE.search(q.u.normalised) or q.u.followup and len(named) == 1 or steps
        cards = [*(v.rai_card(k) for k in named), *(more if wants_more else [])]
        # (the steps of the dimension named are what is asked: no passage naming the ministry outranks them)
        return [replace(c, native=True) for c in cards] if steps and more else cards
    if not keys.get("rai") and WHICH_DIMENSION.search(q.u.normalised) and q.semantic is not None:
        # 「AI 寫的徵才文案引用了錯的法條，這屬於哪個構面？」: the dimension whose passage the incident is nearest
        dims = v.cat.responsible_ai.dimensions
        by_words = _dimension_by_words(q.u.normalised, dims)
        if by_words is not None:  # words only one dimension's passage uses (日期, 法條 → 資訊判斷)
            return [v.rai_card(by_words)]
        best, lead = q.semantic.closest(
            q.u.normalised, [f"{d.heading} ({d.name_en}) " + " ".join(d.points) for d in dims]
        )
        q.notes["rai_dimension_lead"] = round(lead, 3)
        if lead >= thresholds().dimension_margin.value:
            return [v.rai_card(dims[best].name)]
    if "overview_rai" in q.intents and "risk" not in keys:
        # 「想用 AI 做履歷初篩，負責任意識有哪些要特別注意？」: the dimensions the use case brings in, then all four
        implied = _implied_dimensions(q)
        if implied and CAUTION.search(q.u.normalised):
            return [*(v.rai_card(k) for k in implied), v.rai_overview()]
        return [v.rai_overview(practical=bool(WATCH.search(q.u.normalised)))]  # (「要注意哪些」: what each says)
    # (「大家都用 ChatGPT 寫公文初稿，有什麼要提醒的」: the tool and the work it is used for are the use described)
    used_for = {"industry", "role", "archetype", "tool", "item"}
    # (「用 Gemini 整理會議紀錄」: an AI tool named is AI used, as much as 「用 AI」 is)
    tool_used = "tool" in keys and re.search(r"(用|拿|靠|透過|\busing\b|\buse\b|\bwith\b)", q.u.normalised)
    ai_used = AI_USED.search(q.u.normalised) or tool_used
    uses_ai = GUIDELINE_SAYS.search(q.u.normalised) or (ai_used and not set(keys) - used_for)
    if not keys.get("rai") and CAUTION.search(asked) and uses_ai:
        # 「我用 AI 做的圖交給客戶，指引對這種情況有什麼提醒」: a use described, the guideline's cautions asked — the
        # dimensions the use brings in (附件(六)'s own examples of each)
        implied = _implied_dimensions(q)
        if implied:
            # the dimensions the use brings in answer it; a passage naming the same use does not outrank them
            return [replace(v.rai_card(k), native=True) for k in implied]
        if ai_used and WATCH.search(asked) and not set(keys) - used_for:
            return [v.rai_overview(practical=True)]  # 「我們想用 AI 寫客服回覆，有什麼要注意」: no one dimension
    # (「老師叫我們讀…這版多了什麼」: an industry the thesaurus implies is no subject of the question)
    implied_only = set(keys) <= {"industry"} and all(e.start < 0 for e in q.u.of_kind("industry"))
    if "update" in q.intents and (not keys or implied_only):
        return [v.update_card()]
    if "risk" in keys:
        # 「數位部要定的那個風險管理框架，風險是分幾類？」: what the asking clause names, the rest is the scene
        in_asked = [e.key for e in q.reader.entities(asked) if e.kind == "risk" and e.key in keys["risk"]]
        risk = list(dict.fromkeys(in_asked)) or keys["risk"]
        return [v.risk_steps_card() if k == "steps" else v.risk_classes_card() for k in risk]
    named_dims = list(keys.get("rai", []))
    if named_dims and CAUTION.search(q.u.normalised):
        # 「想用 ChatGPT 初篩履歷，有什麼要注意」: the use case's other dimensions too (履歷 are personal data)
        named_dims += [d for d in _implied_dimensions(q) if d not in named_dims]
    # a dimension the question itself names (「避免被騙」「打成績」) is what it asks: no passage outranks it
    # (and so are those a use described brings in when its cautions are asked: 「做信用評分的模型要注意什麼」)
    native = own | (set(named_dims) if _rai_use_case(q) else set())
    cards = [replace(v.rai_card(k), native=True) if k in native else v.rai_card(k) for k in named_dims]
    if cards and OTHER_ASPECTS.search(q.u.normalised):
        cards.append(v.rai_overview())  # 「除了這個還有哪些面向要注意」: the dimension, then all four
    return cards or None


# 「指引對這種情況有什麼提醒」 "what does the guideline say": the guideline's own word is asked for
GUIDELINE_SAYS = re.compile(r"(指引|規範|\bguideline\b)")


def _rai_use_case(q: Query) -> bool:
    """A use of AI described and the guideline's cautions asked, with a dimension the use brings in."""
    text = q.u.normalised
    if not CAUTION.search(asked_clause(text)) or not (GUIDELINE_SAYS.search(text) or AI_USED.search(text)):
        return False
    return bool(_implied_dimensions(q))


def _implied_dimensions(q: Query) -> list[str]:
    """The 附件(六) dimensions a described use brings in by its words (履歷 → 隱私保護, 篩選 → 風險辨識)."""
    text = q.u.normalised
    return [d.name for d in q.views.cat.responsible_ai.dimensions if any(w.lower() in text for w in d.implied_by)]


def _frameworks_after_rai(q: Query) -> bool:
    """ "which frameworks does it base that on?" right after 附件(六): its governance frameworks, not 表5's."""
    after_rai = q.u.previous_rule in ("view.responsible_ai", "view.rai_frameworks")
    return after_rai and bool(FRAMEWORKS_ASKED.search(q.u.normalised))


# a use of AI described (「用 AI 來做」「貼進去給它寫」 "an AI tool to pre-screen"): what it brings in is asked
AI_USED = re.compile(
    r"(用\s*ai|ai\s*(來|幫|寫|做|判)|給它|丟給|貼進|chatgpt|\b(using|use) (an? )?ai\b|\bai tools?\b|\bchatbots?\b"
    r"|\bpaste\b[^?]{0,40}\binto\b)"
)
# what to watch, asked in so many words (「有什麼要注意」 "anything to watch out for")
# (「對我來說是什麼意思」 "what does it mean for me when I…": what each dimension asks in practice)
WATCH = re.compile(
    r"(注意|提醒|小心|對我(來說)?(是什麼|有什麼)意思"
    r"|\b(watch out|careful|risks?|guidance|(mean|look like) (for|in) (me|us|my (job|work|role)))\b)"
)
# what to watch, or whether an act is all right: 「有什麼要注意」「可以直接用嗎」 "anything to watch out for"
CAUTION = re.compile(
    r"(注意|提醒|小心|風險|可以[^，。?？]{0,12}嗎|可以直接[^，。?？]{0,30}嗎|能不能|可不可以|行嗎|ok嗎|怎麼處理|該怎麼辦|要怎麼辦"
    r"|\bhow (should|do|can) (i|we) (handle|deal with)\b|\bwhat does (the guideline|it) say about (that|this|it)\b"
    r"|\b(any )?concerns?\b"
    r"|(指引|指南)[^，。?？]{0,4}(對|關於)?(這種|這個)?(情況|情形|狀況|事)?(怎麼說|有說|有講)"
    r"|\b(watch out|careful|should i|can i|is it ok|risks?|guidance)\b|\banything\b[^?]{0,30}\babout (that|this|it)\b"
    r"|\bis (that|this|it) (ok|okay|fine|allowed|acceptable)\b)"
)
# 「除了這個還有哪些面向」 "what else should we watch": the rest of a set, after the one talked about
OTHER_ASPECTS = re.compile(
    r"(除了[^，。?？]{0,8}?(之外|以外)?[，,\s]*還有|還有(哪些|什麼|其他)[^，。?？]{0,4}(面向|要注意|地方|重點)"
    r"|其他(面向|要注意)|\bwhat else\b|\bother (aspects|dimensions|things)\b)"
)


@rule("view.resources", 540, VIEW, "附件(七) learning resources: one, or both compared")
def _resources(q: Query) -> list[Card] | None:
    v, keys = q.views, q.keys
    # (「我想幫客服同仁排素養課，指引有推薦什麼教材嗎」: the role is who is trained, the materials are asked)
    others = set(keys) & {"cert", "role", "type", "item", "resource"}
    if "resource_all" in keys and not others - context_only(q, {"role"}):
        # (「…想學怎麼用 AI 出考題。這份指引有推薦什麼學習教材嗎？」: the materials asked in so many words; a
        # passage about the scene set before does not answer it)
        asked = any(e.kind == "resource_all" for e in q.reader.entities(asked_clause(q.u.normalised)))
        # (「課程教材的話，指引有推薦哪些可以用？」: the materials set up as the topic, the recommendation asked)
        asked = asked or bool(RECOMMENDED.search(asked_clause(q.u.normalised)))
        return [replace(v.resources_compared(), native=True) if asked else v.resources_compared()]
    if "resource" in keys:
        # "which learning material fits a company-wide training on literacy + tools?": a choice between the
        # materials, when the one keyed is only implied by a word of its subject (not named)
        named = [e for e in q.u.entities if e.kind == "resource" and e.start >= 0 and MATERIAL_NAMED.search(e.surface)]
        choice = WHICH_MATERIAL.search(q.u.normalised) and not named
        if len(keys["resource"]) > 1 or "define" in q.intents or choice:
            return [v.resources_compared()]
        cards = [v.resource_card(k) for k in keys["resource"]]
        if RECOMMENDED.search(
            asked_clause(q.u.normalised)
        ):  # 「指引有推薦什麼公版教材嗎」: that material, above passages
            cards = [replace(c, native=True) for c in cards]
        return cards
    return None


RECOMMENDED = re.compile(r"(推薦|建議|可以用|能用|有哪些|\brecommend|\bsuggest)")
# a material named by its own name (「好好用」「公版」 "Use AI Well"), not by a word of its subject
MATERIAL_NAMED = re.compile(r"(好好用|公版|賦能|\buse ai well\b|\bempower)", re.IGNORECASE)
WHICH_MATERIAL = re.compile(
    r"(哪一?份|哪一?套|哪個|哪一個|\bwhich\b)[^。?？]{0,12}(教材|材料|\bmaterials?\b)|\bwhich (learning )?materials?\b"
)


@rule("view.tool", 530, VIEW, "a 表5 reference tool (ChatGPT, PyTorch…): the type it is listed under")
def _tool(q: Query) -> list[Card] | None:
    if "tool" in q.keys and q.intents & {"tools", "category_of", "define", "which_talent"}:
        cards = [q.views.tool_card(k) for k in q.keys["tool"]]
        if q.asks("requirements") or HOURS_ASKED.search(q.u.normalised):
            # "…which competency type, and what are the hour requirements?": that type's 表5 indicators too
            owners = {t for k in q.keys["tool"] for t in q.views.types_of_tool(k)}
            cards += [q.views.requirements_card(t) for t in q.views.cat.types if t.name in owners]
        return cards
    return None


# 「幾種能力類型」 "how many competency types": the types themselves counted (not 「五種能力類型底下…」)
TYPES_COUNTED = re.compile(r"(幾|多少)\s*(種|個|類)\s*能力類型|\bhow many (competency )?types\b")
NOTE_ASKED = re.compile(r"(註釋|注釋|註解|附註|備註|那條註|的註|\bnote\b|\bfootnote\b)")
HOURS_ASKED = re.compile(r"(幾小時|多少小時|時數|門檻|\bhours?\b|\brequirements?\b)")
HOW_LONG = re.compile(r"(多久|多長|多少時間|才算數|\bhow long\b)")


@rule("view.issuer", 520, VIEW, "an issuer: its 表6 certifications")
def _issuer(q: Query) -> list[Card] | None:
    return [q.views.issuer_card(k) for k in q.keys.get("issuer", [])] or None


@rule("view.document", 510, VIEW, "publisher, version, date, contact: the colophon")
def _document(q: Query) -> list[Card] | None:
    return [q.views.document_card()] if "metadata" in q.intents else None


# 「專案類太難不想考」「不考專案類的話」 "without project certificates": a category refused
CATEGORY_REFUSED = re.compile(
    r"(?P<c>素養類|工具類|專案類)[^，。,?？]{0,8}?(不想考|不考|不要考|不打算考|考不了|考不到|不想碰|太難)"
    r"|(不想考|不考|不要考|不打算考|不走|避開|不碰|不想碰)(?P<c2>素養類|工具類|專案類)"
)
# "without a project cert" "skip the project ones": the same refusal in English
CATEGORY_REFUSED_EN = re.compile(
    r"\b(without|no|skip(ping)?|avoid(ing)?|not taking|except)\s+(a |an |the |any )?(?P<en>project|tool|literacy)"
    r"([- ]?(type|category|level))?\s*(certs?|certificates?|certifications?|exams?|ones?)\b"
)
# 「用「素養類+工具類」那個組合」「素養類一張加工具類三張」: a certificate route named by the categories it combines
CATEGORIES_COMBINED = re.compile(
    r"(?P<a>素養類|工具類|專案類)[^，。,?？]{0,4}?(\+|＋|加上?|和|跟|與|搭配|配)[^，。,?？]{0,3}?(?P<b>素養類|工具類|專案類)"
)
CATEGORY_EN = {"project": "專案類", "tool": "工具類", "literacy": "素養類"}


def refused_categories(text: str) -> set[str]:
    """The certificate categories a question sets aside (「專案類不想考」 "without a project cert"), or, when it
    names a route by the categories it combines (「用素養類+工具類那個組合」), the categories left out of it."""
    refused = {m.group("c") or m.group("c2") for m in CATEGORY_REFUSED.finditer(text)}
    refused |= {CATEGORY_EN[m.group("en").lower()] for m in CATEGORY_REFUSED_EN.finditer(text)}
    combined = CATEGORIES_COMBINED.search(text)
    if combined and combined.group("a") != combined.group("b"):
        refused |= set(CATEGORY_EN.values()) - {combined.group("a"), combined.group("b")}
    return refused


CERT_COUNTED = re.compile(r"(同一|這|那|[一兩二三四五六七八九十幾\d])\s*張|續證")
# question words that ask nothing of the guideline's subject by themselves (「哪家比較划算」)
GENERIC_INTENTS = frozenset({"compare", "count", "define"})


# ---------------------------------------------------------------- below 100: retrieval
@rule(
    "scope.no_guideline_word",
    91,
    DECLINE,
    "nothing the catalog names (an industry at most), only generic question words, and no word of the guideline's "
    "subject",
)
def _no_guideline_word(q: Query) -> Plan | None:
    if any(e.kind != "industry" for e in q.u.entities) or not q.intents <= GENERIC_INTENTS:
        return None
    subject_implied = bool(q.u.expansions) and bool(q.reader.guideline_words.search(" ".join(q.u.expansions)))
    if q.fragment or q.u.followup or subject_implied or q.u.unknown_names:
        return None  # 「那它呢」 names what came before; 「胡說八道」 maps onto 幻覺; a name is weighed elsewhere
    # too short to tell (「第二個呢」); after an answer, a short message may point back at it (「兩份差在哪」)
    least_cjk, least_words = (14, 9) if q.in_context else (8, 5)
    if len(re.findall(r"[\u4e00-\u9fff]", q.u.normalised)) < least_cjk and len(q.u.normalised.split()) < least_words:
        return None
    if q.reader.guideline_words.search(q.u.normalised) or CERT_COUNTED.search(q.u.normalised):
        return None  # (「同一張再考一次續證，可以算兩張嗎」: certificates counted by their measure word)
    if set(re.findall(r"[a-z][a-z0-9+\-]{3,}", q.u.normalised.lower())) & q.reader.guideline_latin:
        return None  # 「參加 Kaggle 比賽有用嗎」: a word only the guideline's own text uses
    return Plan(DECLINE, "scope.no_guideline_word", out_of_scope=True)


@rule("scope.not_about_guideline", 90, DECLINE, "no entity, no intent, and the question reads unlike the guideline")
def _semantic_scope(q: Query) -> Plan | None:
    if q.u.entities or q.intents & IN_SCOPE_INTENTS or q.semantic is None:
        return None
    verdict = q.semantic.scope(q.u.normalised)
    q.notes["semantic_scope"] = verdict
    if verdict.in_scope:
        return None
    return Plan(DECLINE, "scope.not_about_guideline", out_of_scope=True)


@rule(
    "retrieval.semantic_passages",
    35,
    RETRIEVE,
    "no passage shares enough words, but the embedding model clearly reads the question as about the guideline",
)
def _semantic_passages(q: Query) -> Plan | None:
    if q.semantic is None:
        return None
    nearest = sorted((h for h in q.hits if h.dense_rank is not None and h.dense_rank <= 2), key=lambda h: h.dense_rank)
    if not nearest:
        return None
    if q.relevant:
        return None  # words shared with a passage decide (measured: letting meaning override weak overlaps lost more)
    verdict = q.notes.get("semantic_scope") or q.semantic.scope(q.u.normalised)
    q.notes["semantic_scope"] = verdict
    if verdict.inside - verdict.outside < thresholds().semantic_answer_margin.value:
        return None
    q.notes["semantic_hits"] = nearest
    return Plan(RETRIEVE, "retrieval.semantic_passages")


@rule("retrieval.nothing_relevant", 30, DECLINE, "no passage shares enough of the question")
def _nothing(q: Query) -> Plan | None:
    return None if q.relevant else Plan(DECLINE, "retrieval.nothing_relevant")


@rule("retrieval.unknown_name", 20, DECLINE, "a name the guideline never uses, and no passage fits it well")
def _unknown_name(q: Query) -> Plan | None:
    if q.u.unknown_names and not q.u.entities and q.best_coverage < thresholds().unknown_name_coverage.value:
        return Plan(DECLINE, "retrieval.unknown_name", out_of_scope=True)
    return None


@rule("retrieval.passages", 10, RETRIEVE, "quote the sentences of the best passages that carry the question")
def _passages(q: Query) -> Plan:
    return Plan(RETRIEVE, "retrieval.passages")
