"""Whether a message asks for a learning plan, toward what, and on which route.

Why in `rag/`: reading a question is understanding it, and both the single-question path (`advisor ask`,
rule `situation.learning_plan`) and the conversation (`conversation.dialogue`, which also keeps the plan
shown for follow-ups) must read 「我想成為 AI 產品經理，要怎麼做」 the same way. Targets come from the data
(`knowledge.plan_target`); the planner itself is `knowledge.planner`.
"""

from __future__ import annotations

import re

from knowledge.catalog import Catalog
from knowledge.errors import ProfileError
from knowledge.plan_target import Located, Target, all_targets, locate_target, parse_target

# 「我想成為 AI 產品經理，要怎麼做」「給我一份學習計畫」 "how do I become a data scientist": a learning plan toward
# a role, a talent category or a level (knowledge.planner), from the facts stated so far
PLAN_WORDS = re.compile(
    r"(學習計畫|學習計劃|學習規劃|學習路線|學習地圖|進修計畫|\b(learning|study) plan\b|\broadmap\b)"
)
PLAN_HOW = re.compile(
    r"(怎麼做|怎麼辦|如何|要怎麼|該怎麼|怎樣|從哪|哪裡開始|要做什麼|需要做什麼|步驟|規劃|準備|建議我?(先)?(考|上|走)|"
    r"\bhow (do|can|should|would) i\b|\bwhat should i do\b|\bsteps?\b|\bwhere (do|should) i start\b)"
)
# a plan narrowed to one route (「那如果只想考證照呢」「最少要幾小時，我不想考試」「只考一張、其他上課補」)
PLAN_ONE_CERT = re.compile(
    r"(只(想|要|打算)?考一張|(考|拿)一張(證照)?[^。？?]{0,12}(其他|其餘|剩下|剩的)|\b(only )?one certificate\b)"
)
PLAN_CERT_ONLY = re.compile(
    r"(只(想|要|打算)?(考|拿)(證照|證書|認證)|全部都?(用|靠)?(考)?證照|都(用|靠)證照|只靠證照|純考證照|不(想|要)上課|"
    r"(用|走|靠)?證照(路線|途徑|的路|那條)|(最少|至少)?(要|得)?考幾張|"
    r"\bget certified\b|\bcertificates? only\b|\bonly (take |get )?certificates?\b|\bcertificate route\b"
    # ("and if I go with certificates instead?")
    r"|\bgo (with|for|the) (certificates?|certs?|exams?)\b|\b(certificates?|certs?) instead\b"
    r"|\b(via|by) (certificates?|certs?)\b)"
)
PLAN_HOURS_ONLY = re.compile(
    r"(最少(還)?要?(上|補)?幾(個)?小時|(補|上|修)\s*幾(個)?小時|不(太)?(想|要)考(試|證照)?(?!\s*(專案|素養|工具)類)|不考(試|證照)|全部(用)?上課|"
    r"只(想|要)?上課|純上課|(上課|時數|課程|受訓)(的|那個|那)?(方案|途徑)|"
    r"全部上課|\bcourses? only\b|\bonly (want to )?take courses\b|\btraining only\b|\bminimum (number of )?"
    r"(training )?hours\b|\bfewest hours\b|\bwithout (taking )?(an? )?(exam|certificate)s?\b"
    # ("the least total number of course hours to count as …")
    r"|\b(least|minimum|fewest) (total )?(number of )?(course |training )?hours\b)"
)
# 「那剛剛的方案要怎麼改」「那要補多少」 "can you redo the plan": the same plan again, on the facts as they are now
PLAN_REDO = re.compile(r"(方案|計畫|規劃|要補多少|還要補|\bredo\b|\bthe plan\b|\bupdate)")
# what a plan leads to, asked right after it (「那個方案做完」「上完之後」 "once he's done")
PLAN_DONE = re.compile(
    r"(做完|完成(之?後)?|上完|考完|補完|補齊(之?後)?|"
    r"\bonce (he|she|i|they)('s| is| am| are)? done\b|\bafter (that|the plan)\b)"
)
PLAN_STATUS = re.compile(
    r"(具備|達到|達成|算|符合|夠了?|過了|還(要|差|需)|初階|進階|\bmeet|\breach|\bcounts?\b|\bqualif|\benough\b)"
)
MINIMUM = re.compile(r"(最少|至少|最省|最快|\bminimum\b|\bfewest\b|\bleast\b)")
PLAN_SWITCH = re.compile(
    r"(改成|換成|改為|轉成|\bswitch (the target )?to\b|\binstead\b"
    # 「那如果要走服務開發那一項呢」 after a plan: the other one aimed at
    r"|走[^，,。？?]{1,12}(那一項|那項|那條|那個|的話))"
)
# what is said right before a target that is wished for (「想成為」「如何轉職成」 "how do I become a")
WISHED_BEFORE = re.compile(
    r"((想要?|打算|希望|目標是?|立志|如何|怎麼|怎樣|要怎麼|該怎麼)[^，,。？?!！]{0,6}?(才能|才可以)?\s*"
    r"(成為|變成|變為|當上?|轉(職|行|型)?\s*(成|為|到|去)?\s*(做)?|走到?|做|升到?|達到|到達|拿到|往)\s*"
    r"(一名|一個|一位|個|名)?\s*"
    r"|(也|還)?(想要|希望|目標是?)\s*(讓(他|她|我)?)?\s*"
    r"|\b(want to|plan to|hope to|aim to|how (do|can|would|should) i|how to) "
    r"(become|be|move into|switch to|get into)( an?)?\s*)$"
)


# both routes asked for (「要考什麼或上幾小時課」): no narrowing
EITHER_ROUTE = re.compile(
    r"((考|證照)[^。？?]{0,12}或[^。？?]{0,12}(上課|小時|時數|課)|(上課|小時|時數|課)[^。？?]{0,12}或[^。？?]{0,12}(考|證照))"
)
NOT_EXAMS = re.compile(r"不(太)?(想|要)?(考|參加考試)")


# the career path asked for (附件(五)), not what to do
PATH_ASKED = re.compile(r"(發展路徑|職涯路徑|職業發展|路徑|路線圖?長|\bcareer path\b|\bpath\b)")


# the fewest certificates asked (「最少要幾張證照」 "how many certificates at least")
CERTS_COUNTED = re.compile(r"(幾|多少)\s*張\s*(證照|認證|證書)?|\bhow many (certificates|certs|certifications)\b")


def plan_route(n: str) -> str:
    """The route a plan is narrowed to by the message, or "any"."""
    if PLAN_ONE_CERT.search(n):
        return "one_certificate"
    if EITHER_ROUTE.search(n) and not NOT_EXAMS.search(n) and not PLAN_CERT_ONLY.search(n):
        return "any"
    if CERTS_COUNTED.search(n) and PLAN_HOURS_ONLY.search(n):
        return "any"  # 「最少要幾張證照？如果只上課最少要幾小時？」: both routes are asked, one each
    if PLAN_HOURS_ONLY.search(n):
        return "training"
    if PLAN_CERT_ONLY.search(n):
        return "certificate"
    return "any"


def target_mentioned(n: str, catalog: Catalog) -> Located | None:
    """The target wished for (「他想成為 AI 開發人才」, after facts naming types), else the longest name."""
    wished_for = [x for x in all_targets(n, catalog) if WISHED_BEFORE.search(n[: x.start])]
    return wished_for[-1] if wished_for else locate_target(n, catalog)


def several_types(n: str, catalog: Catalog) -> Target | None:
    """「AI 模型訓練和 AI 服務開發兩個都具備」「五種能力類型全部達標」: several types at once, a target of their
    own — named outside the clauses that state hours (「AI 程式語言應用 30 小時、AI 服務開發 37 小時」 are facts)."""
    aims = " ".join(c for c in re.split(r"[，,。；;？?！!]", n) if not re.search(r"\d", c))
    try:
        target = parse_target(aims, catalog)
    except ProfileError:
        return None
    return target if target.kind == "types" else None


def target_here(n: str, found: Located, catalog: Catalog) -> Target | None:
    """The target where it was found (a level word may follow it: 「AI 工具應用進階」), or several types."""
    if found.target.kind in ("type", "types") and (many := several_types(n, catalog)) is not None:
        return many
    try:
        return parse_target(n[found.start : found.end + 8], catalog)
    except ProfileError:
        return None


def asks_for_plan(n: str, found: Located, catalog: Catalog, hypothetical: bool = False) -> bool:
    """A plan is asked for: plan words, or the target wished for and how asked, or a route asked toward a
    category or a role (「全部上課的話，最少要幾小時才算 AI 開發人才」) — not words inside the target's own
    name (「AI 應用規劃師」 is no 「規劃」), and not a what-if about one's own hours (a result question)."""
    rest = n[: found.start] + " " + n[found.end :]
    if PATH_ASKED.search(rest) and not PLAN_WORDS.search(rest) and plan_route(n) == "any":
        return False  # 「想往應用人才發展，指引的發展路徑長怎樣」 asks for the path of 附件(五), not a plan
    wished = bool(WISHED_BEFORE.search(n[: found.start]))
    how = bool(PLAN_HOW.search(rest)) or bool(re.search(r"(如何|怎麼|怎樣|\bhow\b)", n[: found.start]))
    aimed = found.target.kind in ("category", "role") or several_types(n, catalog) is not None
    routed = plan_route(n) != "any" and aimed and not hypothetical
    return bool(PLAN_WORDS.search(rest)) or (wished and how) or routed
