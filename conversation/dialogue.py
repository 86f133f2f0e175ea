"""Free text in a conversation: references resolved against what the last answers were about, facts
people state about themselves, and answers about them computed by the 表5 engine.

Why here and not in `rag/`: the retrieval chain answers one question; a conversation must remember.
Each message is read in a fixed order, and every reply names what decided it:
1. facts about oneself (certificates, hours, 「沒有證照」) are accumulated and echoed back;
2. a question about one's own level, gap or a hypothetical is answered by the engine (hypotheticals on
   a copy, never stored);
3. otherwise references are resolved — 「第二個」 over the last list, 「不對，我是說 X」, "the other one",
   「那 X 呢」 within the last certificate's vendor, a singular pronoun over several candidates (asked back
   with buttons) — and the question goes to the retrieval chain with the previous topic as context.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace
from typing import Any

from conversation import people
from conversation.dialogue_state import DialogueState, FlowState, PathChoice, PlanContext, Step, Topic
from conversation.paths import label_referred, labelled_parts
from conversation.ui import Button, Lang, Reply, t
from knowledge.catalog import GUIDELINE_PATH, Catalog
from knowledge.english import category_term
from knowledge.errors import ProfileError
from knowledge.next_step import one_area, single_steps, within_budget
from knowledge.numerals import chinese_number
from knowledge.plan_report import (
    build_learning_plan,
    render_after,
    render_alternatives,
    render_plan,
    render_single_steps,
    target_intro,
)
from knowledge.plan_target import Target, all_targets, parse_target
from knowledge.planner import training_areas
from knowledge.profile import parse_profile
from knowledge.stated_profile import HeldCertificate, StatedHours, StatedProfile, UnnamedCertificates
from knowledge.views.queries import CatalogQueries
from rag.aims import levels_named, top_targets
from rag.chain import split_questions
from rag.lexical import EN_STOPWORDS
from rag.own_work import APPLICATION, ASKS_ITEM, ASPIRE, SELF_WORK, RoleReader, read_work
from rag.plan_request import (
    MINIMUM,
    PLAN_DONE,
    PLAN_REDO,
    PLAN_STATUS,
    PLAN_SWITCH,
    PLAN_WORDS,
    WISHED_BEFORE,
    asks_for_plan,
    plan_route,
    several_types,
    target_here,
    target_mentioned,
)
from rag.routing_rules import (
    DESCRIBED_EXAM,
    DESCRIPTION_ASKED,
    DESIRED,
    QUESTION_MARKERS,
    asked_clause,
    refused_categories,
)
from rag.situation import PERIOD_EN, PERIOD_ZH, PERIOD_ZH_EVERY, SituationAdvisor, span_line
from rag.stated_facts import NOT_YET, UNIT_DECLARED, Extracted, FactReader
from rag.textnorm import detect_language, normalise, reads_as_english, to_simplified
from rag.understanding import without_names

ORDINAL = re.compile(
    # (「那第三張工具類可以考哪些」: one more of a category to get, no item of a list)
    r"(?:倒數\s*)?第\s*([一二三四五六七八九十]|\d{1,2})(?!\s*張\s*(?:素養|工具|專案)類)\s*(個|張|項|位|種|類|家|名|份|點)?"
    r"|最後(一|那|這)?(個|張|項|份|位|類|點)|"
    r"\bthe (first|second|third|fourth|fifth|sixth|seventh|last) (one|certificate|certification|item)?\b|"
    r"\b(first|second|third|fourth|fifth|sixth|seventh|last) one\b|"
    r"^\W*(and|what about|how about)?\s*(for )?the (first|second|third|fourth|fifth|sixth|seventh|last)\W*$"
)
# the exams a user described, referred to again: 「第一張考過的人」「兩張都拿到」 "passes both of them"
EXAM_REF = re.compile(
    r"(第\s*[一二三四五1-5]\s*(張|個|門|種)|[兩二三]張都|都(拿到|考過|考到|通過)|(這|那)張|考過的人|考生|學員|應考"
    r"|\b(both|all three|all of them|each of them|either)\b|\bthe (first|second|third|last) (one|exam|test)\b"
    r"|\bpass(es|ed)? (both|it|them|all)\b|\bcandidates?\b|\bgraduates?\b)"
)
EXAM_RESULT = re.compile(r"(表\s*5|算到|到哪|哪幾|結果|\breach|\bget\b|\bcount|\bwhat (does|do|would)\b)")
EXAM_PASSED = re.compile(r"(考過|考到|拿到|拿的是|取得|通過|都有|持有|\bpass(es|ed)?\b|\bholds?\b|\bearn(s|ed)?\b)")
EXAM_ALL = re.compile(r"([兩二三]張都|都(拿到|考過|考到|通過)|全部|\b(both|all)\b)")
# "Last one: …" 「最後一個問題：」「最後一題，」: a question announced as the last, no item of a list
LAST_QUESTION = re.compile(
    r"(?i)^\W*((ok|okay|thanks|great)[.,!]?\s*)?(last|final|one more|one last) (one|question|thing)\s*[:：\-–—,]"
    r"|最後一(個|題)(問題)?\s*[:：,，]|最後一個問題|最後問(一下|個)\s*[:：,，]?"
)
# 「那 6h」「那 8 小時」: hours the conversation named before
THAT_HOURS = re.compile(r"(那|這)\s*\d+(\.\d+)?\s*(個)?\s*(小時|鐘頭|hrs?|h)\b|(那|這)\s*\d+(\.\d+)?\s*(個)?\s*小時")
# 「我們組 4 個人都上一模一樣的課」 "all five of us took the same courses": a group with the facts stated
GROUP_ALIKE = re.compile(
    r"(?P<n>\d{1,3}|[二兩三四五六七八九十]+)\s*(個人|位|人|名)[^，。?？]{0,8}(都|全都|全部)[^，。?？]{0,4}"
    r"(一模一樣|一樣|相同|同樣)的?\s*(課|課程|時數|訓練)"
)
# 「他們倆呢」「那其他人呢」 "and them?": the people just added or left, asked what was just asked
THEY_AGAIN = re.compile(
    r"^\W*(那|那麼|然後)?\s*(他們|她們|他們倆|她們倆|他們兩個|她們兩個|這兩位|這兩個|那兩位|其他人|其他兩位|剩下的人?)\s*"
    r"(呢|咧|勒|的話)?\W*$|^\W*(and|what about|how about) (them|those two|the others|the rest)\W*$"
)
# 「靠上課時數達標（證照先不算）」 "by training hours only": certificates set aside
HOURS_ONLY = re.compile(
    r"(證照先?不算|不算證照|不靠證照|靠上課|只靠上課|靠時數|只看時數|上課時數達標|\b(hours|training|courses) only\b"
    r"|\bonly (by|through) (training|courses|hours)\b|\bnot counting (the )?cert)"
)
# 「誰的結果會變」 "what changes for each": what a what-if changes
CHANGES = re.compile(r"(會變|改變|變化|變怎樣|有什麼不同|\bchanges?\b|\bdifferent\b|\bdifference\b)")
# 「誰最接近」 "who's closest": the person with the smallest shortfall
CLOSEST = re.compile(r"(最接近|最靠近|差最少|最快達|誰最近|\b(closest|nearest|least short|fewest hours short)\b)")
# 「5個人全部」「全組」「每人」 "all of them": every person talked about
EVERYONE_NAMED = re.compile(
    r"(\d+|[兩二三四五六七八九十])\s*(個人|位|個)[^，。?？]{0,4}(全部|都|每)|全組|全班|全隊|整組|整班|每人|每個人|每一位|大家"
    # 「那兩個人加起來」「他們三位合計」: the people counted, then added up
    r"|((\d+|[兩二三四五六七八九十])\s*(個人|位)|他們|她們)\s*(加起來|加總|合起來|合計|一共|總共)"
    r"|\bthe (two|three|four|five) of them\b"
    r"|\b(all of them|everyone|each of them|the whole (team|class|group))\b"
    r"|\ball (\d+|two|three|four|five|six|seven|eight|nine|ten)\b|\b(both|each) of (them|us)\b"
)
# 「2號15小時」: a number of hours with no area named
BARE_HOURS = re.compile(r"(\d+(?:\.\d+)?)\s*(?:個)?\s*(?:小時|鐘頭|hrs?\b|h\b|hours?\b)")
# 「Jason、小芳、阿德、Mia，AI應用素養時數分別是 18、9、0、15」: hours given to names in order
_NAME_ITEM = r"(?:[A-Z][a-z]+|[\u4e00-\u9fff]{2,3})"
RESPECTIVELY = re.compile(
    rf"(?P<names>{_NAME_ITEM}(?:\s*(?:[、,，]|和|跟|與|及)\s*{_NAME_ITEM}){{1,9}})\s*[，,:：]?\s*"
    r"(?P<what>[^，,。；;？?\d]{1,20}?)\s*(?:分別|各自)(?:是|為|有|上了|上過)?\s*"
    r"(?P<nums>\d+(?:\.\d+)?(?:\s*[、,，/]\s*\d+(?:\.\d+)?){1,9})\s*(?:個)?\s*(?:小時|hrs?|h|hours)?"
)
RESPECTIVELY_EN = re.compile(
    r"(?P<names>[A-Z][a-z]+(?:\s*,\s*[A-Z][a-z]+)*,?\s+and\s+[A-Z][a-z]+)\s+(?:have|had|did|took|logged)\s+"
    r"(?P<nums>\d+(?:\.\d+)?(?:\s*,\s*\d+(?:\.\d+)?)*,?\s+and\s+\d+(?:\.\d+)?)\s*(?:h|hrs?|hours)?\s*(?:of\s+)?"
    r"(?P<what>[a-zA-Z\s\-]{2,30}?)\s+respectively\b"
)
# 「這種工作」「那類職務」 "this kind of job": a kind of work, not a person
WORK_KIND = re.compile(r"(工作|職務|職缺|職位|這種|這類|那種|那類|做的事|\b(job|work|position|role)\b)")
# a second question about what the first asked of (「同一個單位還有哪幾張？」「它算哪一類？」 "and is it…")
FOLLOWS_ON = re.compile(
    # (「…iPAS 初級是素養類喔？那中級算哪一類」: the other level of the certificate just asked about)
    r"^\W*那\s*(初級|中級|初级|中级)(?!.{0,3}(小時|小时))|"
    # (「iPAS 初級是哪個單位辦的？中級又屬於什麼類？」: the other level, opening the second question)
    r"^\W*(初級|中級|初级|中级)\s*(又|呢|則|则|的話|的话|是|算|屬於|属于)|"
    r"^\W*(那|那麼|而且|另外|還有|然後|以及)?\s*(同一?(個|家)?\s*(單位|機構|發證單位|辦理單位|類|分類|系列)|它|這張|這類|這一類"
    # (「專案類總共有幾張？裡面AWS的佔幾張」: a count within what the first question counted)
    r"|(裡面|里面|其中|當中|这里面|這裡面)[^，。?？]{1,10}?(的)?(佔|占|有)?幾(張|个|個|項)"
    r"|\b(and )?(is|does|what about|which) (it|its|the same)\b|\bthe same (issuer|organi[sz]ation|category|vendor)\b)"
)
# "how many meet either talent category" 「符合任一類人才的有幾位」: a talent category, whichever
EITHER_TALENT = re.compile(
    r"\b(either|any) (of the )?(two )?(talent )?categor(y|ies)\b|\beither talent\b"
    r"|\b(application|development) or (development|application) talent\b"
    r"|(任一|任何一?|其中一|隨便一)(類|種|個)?\s*(人才|類別)|應用或開發人才|應用人才或開發人才|開發或應用人才"
)
# 「如果幫全班每個人都加一門 12 小時的素養課」「三個人都去上」 "add one 20-hour module for everyone": a course
# supposed for every person talked about
EVERYONE_TAKES = re.compile(
    r"(全班|全組|全隊|全體|整組|整班|整隊|整個(部門|團隊|組|班|社團)|部門統一|部門一起|大家|每個人|每一個人|每人|每位|每個學生"
    r"|所有人|全員|[兩二三四五六七八九十\d]\s*(個人|位|個)\s*(全部|全都|全)?\s*都|他們都|她們都|組裡(每個人|都))"
    r"[^，。?？]{0,12}(加|上|補|去上|再上|再加|多上|參加|修|報|報名|安排|送去)"
    r"|(全班|全組|全部門|整組|整班|大家|所有人)\s*(一起|統一)"
    r"|\ball (two|three|four|five|six|\d+|of them) (to )?(take|pass|get|attend|sit)\b"
    r"|\bthey all (pass|take|get|attend)\b"
    r"|(全部|大家|每個人|[兩二三四五六七八九十\d]\s*(個人|位|個))都(考到|考過|拿到|考)"
    r"|\b(for everyone|for all of them|for the whole (team|class|group)|everyone (takes|took|does|did|attends|joins)"
    r"|all of them (take|took|attend|join)|the whole (team|class|group) (takes|took|attends|does))\b"
)
# 「素養時數加起來還要補幾小時」「把沒達到的人缺的時數全部加起來」 "how many hours in total": the shortfalls of the
# people counted, added up (with GAP: what they lack, not what they took)
SHORTFALLS_ADDED = re.compile(
    r"(加起來|加總|總共|一共|合計|全部加|合起來|\bin total\b|\baltogether\b|\bcombined\b|\badded up\b|\ball together\b)"
)
# 「誰差最多」 "who is furthest": the person with the largest shortfall
FURTHEST = re.compile(
    r"(誰|哪位|哪一位|哪個人?)[^，。?？]{0,6}(差|缺)(最多|得最多)|\b(furthest|most behind|needs the most)\b"
)
# 「這兩個人加起來」「他們幾個總共」 "the two of them together": everyone talked about
EVERYONE = re.compile(
    r"([兩二三四五六七八九十]\s*(個人|位|個)|他們|她們|大家|所有人|全部的人)[^，。?？]{0,4}(加起來|合計|總共|一共)"
    r"|\b(both of them|the two of them|all of them|everyone)\b[^?]{0,20}\b(total|together|combined|in all)\b"
)
# 「這樣我還需要考嗎」 "do I still need to take it": whether a step is still needed
STILL_NEEDED = re.compile(
    r"(還|仍|仍然|還是)(需要|要|得|必須)(去|再)?(考|上課|上|補|修)[^，。?？]{0,6}(嗎|[?？]|了嗎)"
    r"|\b(still|even) need to (take|do|get|sit)\b"
)
# 「表8 第四列的那個」「表 9 的第二個」: a row of a table, by its place
TABLE_ROW = re.compile(
    r"表\s*(?P<table>1[01]|[1-37-9])(?!\d)\s*(?:的|裡|裡面|中|當中)?\s*"
    r"(?:(?:倒數\s*)?第\s*(?:[一二三四五六七八九十]|\d{1,2})\s*(?:列|行|個|項|排)|最後一?(?:列|行|個|項))(?:\s*的)?(?:\s*那(?:個|一個|位))?"
)
# 「跟倒數第二個差在哪」: a comparison with what the sentence before named
COMPARED_WITH = re.compile(r"\W*(跟|和|與|比起|相比)[^?？。]{0,12}(差在哪|差別|差異|不同|不一樣|比較)")
# 「你剛剛列的第一張」 "the first one you listed": an item of a list an answer showed, named as such
LISTED_BY_YOU = re.compile(
    r"(?:你|您)?(?:剛剛|剛才|之前|上面|前面|先前)?(?:列|給|推薦|提到|舉)(?:出|了)?(?:的|過的)(?:那)?\s*"
    r"(?:第\s*([一二三四五六七八九十]|\d{1,2})|(最後)一?)\s*(?:張|個|項)"
    r"|\bthe (first|second|third|fourth|fifth|last) (?:one|cert|certificate)s? you "
    r"(?:listed|mentioned|suggested|gave)\b"
)
# 「最後兩個」「前三張」"the last two": several items of the last list at once.
ORDINAL_RANGE = re.compile(
    r"(最後|前|後)\s*([兩二三四五六七八九]|\d)\s*(個|張|項|位|種)|\bthe (first|last) (two|three|four|\d)\b"
)
# words that only lead an ordinal back to an earlier point: 「回到第一個」「再回去第二個」 "back to the first"
BACK_TO = re.compile(r"(那|再|先)?(回到|回去|回頭(看|講)?|back to( the)?|going back to( the)?)\s*")
QUESTION_WORD = re.compile(r"(什麼|哪|幾|多少|如何|怎麼|嗎|\b(what|which|how|who|where|why)\b)")
WHOLE_QUESTION_CHARS = 8
ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
ORDINAL_WORDS_COUNT = {"two": 2, "three": 3, "four": 4, "兩": 2}
OTHER_ONE = re.compile(
    r"(另一(個|張|項|位|種|份|類|型)|另外(一|那)(個|張|份|類|種|型)|剩下(的)?(另外)?(那|這)?(一)?(個|張|份|類|種|型)"
    r"|the other( one)?\b|\bthe remaining one\b|\bthe last one left\b)"
)
# 「為什麼還要那 18 小時」「怎麼還不算」 "why do I still need…": why the last result says what it says
# "so Priya isn't an application talent?" 「所以她不算應用人才喔？」: a result doubted (WHY_STILL below)
WHY_STILL = re.compile(
    r"(為什麼|為何|為啥|怎麼|怎么|为什么|为啥)[^，。,?？]{0,8}(還要|還需要|還得|還差|還缺|還是?不算|還沒過|不夠|沒過|沒算|不算"
    r"|不是(進階|初階|具備|應用人才|開發人才))"
    r"|\bwhy (do|does|would|should) (i|he|she|they|we) still need\b"
    r"|\bwhy (isn't|doesn't|don't|aren't) (it|that|this|i|he|she)\b"
    # ("Ben doesn't have 18h in any single tool though?" 「她又沒有任何一項到 18 小時」: the result challenged)
    r"|\b(doesn't|does not|don't|didn't) (have|reach|hit)\b[^.?!]{0,40}\b(though|yet)\b"
    r"|\bhow (is|was|can) (he|she|they)\b"
    r"|\bso ([A-Z]?[a-z]+|he|she|they|i) (isn't|is not|aren't|am not|doesn't count as|does not count as) (an? )?"
    r"(ai )?(application|development|developer|literacy|tool)"
    # ("wait so I don't even count for AI literacy??" 「所以我連素養都不算？」: a result doubted)
    r"|\b(i|he|she|they|we) (don't|doesn't|do not|does not) (even )?(count|qualify|meet|make it)\b"
    r"|(連|竟然|居然)[^，。,?？]{0,10}(都不算|都沒過|都沒有|都不夠|也不算)"
    r"|(又|明明|根本)(沒有|沒)[^，。,?？]{0,12}(小時|張)[^。？?]{0,10}(怎麼|為什麼|怎会|怎會|卻)"
)
# 「跟行銷有關的那張」: a certificate looked up by what it is about
RELATED_ONE = re.compile(r"(跟|和|與|關於)[^，。,?？]{1,10}(有關|相關)的?\s*(那|這)(一)?張")
# 「重算一下」「再算一次」 "recount": the comparison just shown, again
RECOUNT = re.compile(r"(重算|重新算|再算一次|重新計算|再數一次|重新數|\brecount\b|\brecalculate\b|\bredo the count\b)")
# 「…又有幾個？」 "and how many…": a count asked
COUNT_ASKED = re.compile(r"(幾個|幾位|幾人|多少人|多少位|\bhow many\b)")
# 「這個職缺」「那個職位」: the job the conversation is about
JOB_REF = re.compile(r"(這個|那個|該|這|那)(職缺|職位|職務|工作機會|缺)")
# 「改成…呢」「換成…的話」 opening a message: what was just supposed, varied
VARIANT = re.compile(r"^\W*(那|那麼|好)?\s*(如果)?\s*(改成|換成|改為|變成|調整成|改排|換排)")
ALL_INTO = re.compile(r"(全部|全都|通通|只)(上|排|改|換|放)|\ball (of it )?(in|into|on)\b")
SINGULAR_CERT = re.compile(
    r"(這張|那張|該證照|該認證|(這|那)(個|一個)?\s*(證照|證書|認證|證)(?!明)"
    r"|\b(this|that) (cert|certificate|certification|exam)\b)"
)
# 「剩下沒達到的那個」 "the one who doesn't meet it": the person the last comparison left out
NOT_MET_ONE = re.compile(
    r"(剩下|剩餘|其餘)?的?(沒|未|還沒|沒有)(達到|達標|符合|過)的?那(個|位|一位)(人)?"
    r"|\bthe (one|person) (who|that) (didn't|doesn't|hasn't|does not|did not) (meet|qualify|make it)( it)?\b"
    # ("The one who doesn't - if she…", 「沒過的那位」: the verb left to the question before)
    r"|\bthe (one|person) (who|that) (doesn't|didn't|isn't|hasn't|does not|did not|is not|has not)\b"
    r"|(沒過|沒達到|沒達標|未達|沒到)的那(個|位|一位)"
)
# 「這門課」「那堂課」: the course the conversation is about
THIS_COURSE = re.compile(r"(這|那|此|該)(一)?(門|堂|個)?\s*(課|課程)")
# 「工具類的課一節都沒上過」: a category's word before 「課」 names the hours area (tool courses), not certificates
COURSE_AFTER = re.compile(r"\s*(的)?\s*(課|课|課程|课程)")
# 「這一類」「這個能力類型」: the one competency type just talked about (not 「這類人才」)
THIS_TYPE = re.compile(r"(這|那|該)(一)?(類|個類型|個能力類型|項能力類型|種能力)(?!人才|認證|證照)")
PEOPLE_COMPARED = "dialogue.people_compared"  # the topic's rule after people were set against each other
LEARNING_PLAN = "dialogue.learning_plan"  # a plan toward a role, category or level (knowledge.planner)
PATHS_COMPARED = "dialogue.paths_compared"  # labelled alternatives weighed side by side (conversation.paths)
PLAN_FOLLOW_TURNS = 3  # a plan's follow-ups (「那只考證照呢」) are read as such this many turns after it
# 「那 AI 服務開發呢？」「工具應用咧」: a short follow-up that swaps what is asked and keeps the rest
SWAP_ONLY = re.compile(r"^\s*(那|那麼|至於|還有|換)?\s*[^，。,?？]{2,24}?\s*(呢|咧|勒|哩)\s*[?？]?\s*$")
# 「我現在素養課實際登記的是幾小時」「你記的我文書是幾小時」 "what hours do you have for me": the stored facts
STORED_ASKED = re.compile(
    r"((登記|記錄|紀錄|記的|記得|存的|記下|記了)[^，。?？]{0,12}(幾|多少)"
    r"|\b(what|how many) (hours|certificates) (do|did) you (have|record|keep)\b"
    r"|\bwhat do you have (on record )?for me\b)"
)
# 「辦公室應用那張」「美術設計的那一張」: a certificate described by part of its name
DESCRIBED_ONE = re.compile(r"(?P<words>[^\s，。,、跟和與及?？]{2,12}?)\s*(的)?\s*(那張|這張|那一張|這一張)(?!表)")
# "the engineer one", "the design cert": a certificate described by a word or two of its name
DESCRIBED_ONE_EN = re.compile(
    r"\bthe (?P<words>[a-z][a-z0-9+\-]{2,}( [a-z][a-z0-9+\-]{2,})?) (one|cert|certificate|certification|exam)\b",
    re.IGNORECASE,
)
THE_WORD_EN = re.compile(r"\bthe (?P<word>[a-z][a-z0-9+\-]{4,})\b(?!\s+(one|cert|certificate|certification|exam)\b)")
# words before "one" that point by order or by contrast, not by a certificate's name
NOT_DESCRIBING = frozenset(
    "other first second third fourth fifth last same new old next previous latter former right only top "
    "best easiest cheapest hardest basic advanced entry literacy tool project recommended".split()
)
# 「影像那一項」: a competency item described by part of its name
DESCRIBED_ITEM = re.compile(r"(?P<words>[^\s，。,、跟和與及?？]{2,8}?)\s*(的)?\s*(那一項|這一項|那項|這項)")
# 「最好跟 Python 有關」 "ideally something with Python": the subject a certificate to take should be about
SUBJECT_WANTED = re.compile(
    r"(?:跟|和|與|跟著|关于|關於|有關|有关)\s*(?P<word>[A-Za-z][A-Za-z0-9+#.]{1,20})\s*(?:有關|有关|相關|相关)?"
    r"|\b(?:related to|about|with|involving|for)\s+(?P<word2>[A-Z][A-Za-z0-9+#.]{1,20})\b"
)
# 「考哪張工具類最快」「推薦哪一張」 "which one should I take": one certificate of a category to take, asked
WHICH_TO_TAKE = re.compile(
    r"(考|拿|報|报)(哪|什麼|什么)(一)?(張|张|個|个)?|(哪|那)(一)?(張|张)[^，。?？]{0,6}(最快|最好|比較好|推薦|先考)"
    r"|推薦(哪|什麼)|\bwhich (one|cert\w*|exam)\b[^?]{0,30}\b(take|get|first|fastest|best)\b"
)
# "is anything changing about it" 「會不會停辦」: what is to change about a certificate, asked
CHANGE_ASKED = re.compile(
    r"\b(anything|something) (chang\w+|new)\b"
    r"|\b(retir\w+|discontinu\w+|phas\w+ out|being replaced|still (valid|available))\b|\bchanges? (to|about|coming)\b"
    r"|停辦|停考|停办|異動|变动|變動|(會|会)不(會|会)(停|變|变)|有沒有(要)?(停|變)|還能考嗎|还能考吗"
)
NOT_HELD_YET = re.compile(r"(還沒|尚未|沒考|沒有考|\bnot yet\b|\bhaven'?t\b)")  # 「（我還沒考）」 anywhere after
NEGATED_BEFORE = re.compile(r"(沒有|沒|不是|並沒有|還沒|尚未|\bnot\b|\bno\b)")
# 「只能考一張的話，哪一張能讓我多達成…」「哪一張對我比較有用」 "which one would help me more": what each adds
WHICH_HELPS = re.compile(
    r"(哪一張|哪張|哪一個|哪個)[^，。?？]{0,12}(有用|有幫助|幫助(比較|更)?大|比較好|更好|划算|多達成|能達成|可以達成|加分|能讓我|可以讓我)"
    r"|\bwhich (one|cert|certificate|certification)\b[^?]{0,30}\b(help|helps|useful|better|more|count|get me)\b"
)
# 「只做一件事的話，哪一件能讓我一次多拿最多項？」 "what single thing gets me counted as…": one next step asked for
ONE_STEP = re.compile(
    r"(只(?:做|能做|選|能選|挑|能挑|能)?\s*一\s*(?:件|樣|步)|只(?:做|能做|選|能選|挑|能挑)\s*一\s*(?:個|項)"
    r"|一次多拿|多拿最多|最划算|最有效率|cp\s*值|\bsingle (?:thing|step|move|action)\b|\bone (?:thing|step|move)\b"
    r"|\bbest (?:next )?(?:step|move)\b|\bbiggest (?:win|gain)\b)"
)
# 「最快要補什麼」「最省時間能多拿一項的是什麼」: the next step costing the fewest hours
FEWEST_HOURS = re.compile(
    r"(最省時|最快|最少(?:的)?(?:時數|小時|時間)|最短|最便宜|最省錢|最省力|\b(?:fewest|least) hours\b|\bquickest\b"
    r"|\bfastest\b|\bcheapest\b)"
)
STEP_ASKED = re.compile(
    r"(補什麼|補啥|補哪|做什麼|考什麼|上什麼|先補|先上|先考|是什麼|哪一件|哪件|哪種|哪一種|哪個|哪一個"
    r"|\bwhat (?:should|do|can|could) i\b|\bwhat single\b|\bwhich\b)"
)
# a level aimed at (「一步到工具應用進階」 "to advanced in AI tools")
LEVEL_ASKED_WORD = re.compile(r"(進階|初階|\badvanced\b|\bbasic\b|\bbeginner\b|\bentry\b)")
LEVEL_WORDS_EN = {"advanced": "進階", "basic": "初階", "beginner": "初階", "entry": "初階"}
# 「要先補什麼」「先從哪裡開始」 "what should I do first": the first step
STEP_FIRST = re.compile(
    r"(先(補|學|上|考|加強)(什麼|啥|哪)|先從哪(裡|邊|個)?開始|第一步(要)?(做|補|學)?(什麼|啥)"
    r"|\bwhat (should|do) (i|we) (do|take|learn) first\b|\bwhere (should|do) (i|we) start\b)"
)
# 「這個月只能再上 2 小時的課」 "I only have 5 more hours": a budget of hours for one next step
BUDGET = re.compile(
    r"(?:只能|只有|最多|頂多|剩)\s*(?:再)?\s*(?:上|補|花|排|修)?\s*(?P<n>\d+(?:\.\d+)?)\s*(?:個)?\s*(?:小時|鐘頭)"
    r"|(?P<n2>\d+(?:\.\d+)?)\s*(?:個)?\s*小時(?:以內|之內|內)"
    r"|\bonly (?:have )?(?P<n3>\d+(?:\.\d+)?) (?:more |extra )?hours?\b"
)
# 「補 6 小時素養、還是補 6 小時影像？」: alternatives weighed against each other
ALTERNATIVES = re.compile(r"(還是|或是|\bor\b)")
# the kind a measure word of 「另一型」「剩下那一類」 counts in, when the talk has more than one kind
MEASURE_KINDS = {"型": ("archetype",), "類": ("talent", "cert_category"), "份": ("resource",)}
CORRECTION = re.compile(
    r"^\s*(不對|不是(?!\s*(素養類|工具類|專案類|國內|國外|國際))|錯了|不是這個|我是說|我是問|我指的是"
    r"|sorry|no,? i meant|i meant)[，,、\s]*(我是說|我是問|是)?\s*"
)  # (「不是專案類的有幾張」 excludes a category; it corrects nothing)
SINGULAR = re.compile(
    r"(它|這張|那張|這個|那個|那一項|這一項|這一類|那一類|該證照|該認證|\bit\b"
    r"|这张|这个|这一项|那一项|这一类|那一类|该证照|该认证"  # (Simplified, as it is typed)
    r"|\b(this|that) (one|exam|test|cert|certificate|certification|credential)\b)"
)
PLURAL = re.compile(
    r"(這兩|這些|這幾|它們|兩張|兩個|都是|各是|分別|这两|这些|这几|它们|两张|两个|分别|\bthey\b|\bboth\b|\bthem\b|\beach\b)"
)
LISTABLE = ("cert", "role", "type", "talent", "item", "cert_category", "archetype", "rai", "resource")
# 「這五種分別要什麼程度的程式能力」 right after the five types: the count points at the whole list, whose
# kind the noun names (the list's kind, in the guideline's word for it)
COUNT_REF = re.compile(
    r"(這|那|上面|前面|剛剛)(?P<n>[二三四五六七八九十兩\d]{1,2})(種|個|項|類|張|位)(?!能力|認證|證照|職稱|人才|類別|構面)"
)
KIND_NOUN = {
    "type": "能力類型",
    "item": "能力項目",
    "cert": "認證",
    "role": "職稱",
    "talent": "人才類別",
    "rai": "構面",
}
# 「AI 模型訓練要幾小時才算具備？」 asks for the threshold itself, not for one's own result.
GENERAL_THRESHOLD = re.compile(r"(幾小時|幾張|多少小時|多少張|什麼條件|門檻|要求是|how many hours|requirements?)")
SAME_HYPOTHESIS = re.compile(
    r"(這個假設|假設下|同樣的假設|那樣的話|這樣的話|\bin that case\b|\bunder (that|this) assumption\b"
    # 「那就照剛剛那個計畫，再多排一門 6 小時的課」: the what-if just computed, extended
    r"|照(著)?(剛剛|剛才|上面|前面|這個|那個)(那個|的)?(計畫|規劃|安排|假設)|\b(on top of|with) (that|this) plan\b"
    # 「在這個版本上最少還要再加幾小時」「回到剛剛文書拉到 18h 那個版本」: the version just supposed
    r"|(這個|那個|剛剛的?|剛才的?)版本|\b(that|this) version\b"
    # 「再加上程式課多上兩小時咧」「就照上面兩個都上完的狀況」: on top of the what-if, or all of them taken
    r"|^\W*(再加上|再加|另外再|然後再)|照(著)?(上面|前面|剛剛|剛才)[^，。?？]{0,8}(狀況|情況|情形|都上完|都考到)"
    # 「加上剛剛說的素養補三、文書補六」: the what-ifs said before, counted in
    r"|(加上|算上|連同|包含)(剛剛|剛才|前面|上面|之前)(說|講|提|假設)?的"
    r"|\b(on top of (that|this|those)|in addition to (that|this))\b)"
)
# A question about someone's status: read only when their facts are known and nothing else is asked.
STATUS = re.compile(
    r"(有到|到了|到哪|達到|達成|狀態|狀況|情況|夠了|夠嗎|夠不夠|現在|目前|實際|過了|有過|算有|有沒有|怎樣|如何|ok|有變|變了|影響|呢|咧|勒|哩"
    r"|沒[？?]?$"
    r"|\bnow\b|\bstatus\b|\breal (numbers|hours|facts)\b|\bactual\b|\bdo i\b|\bam i\b|\bdoes (she|he)\b"
    r"|\bwhat about\b|\bhow about\b)"
)
# Words of 表5's own vocabulary: a message holding one is about levels, certificates or hours, whatever else
# it says (so it is never declined for reading like small talk)
LEVEL_WORD = re.compile(
    r"(初階|進階|具備|未達|人才|素養|工具|程式|模型|服務|證照|認證|證書|小時|時數|等級|\blevels?\b|\bhours?\b|\bcert"
    r"|\b(advanced|beginner|basic|entry|literacy|talent)\b)"
)
# 「目前 AI 素養課上了十五小時」「已經考到 X」: what has been done so far, told as one's own record — the
# speaker's facts even without 「我」 (a bare 「素養18h 文書12h 算初階嗎」 weighs numbers, holding none)
OWN_RECORD = re.compile(
    r"(目前|現在|已經|到現在|至今|目前為止|到目前|之前|以前|去年|今年|上個月|最近)[^，,。？?]{0,14}"
    r"(上了|上過|考過|考到|拿到|修過|完成了|上完|修了)"
)
THIRD_PERSON = re.compile(r"(她|他|這位|學員|同事|員工|部屬|\bshe\b|\bhe\b|\bher\b|\bhis\b|\bthey\b)")
# 「小美的話：有 X 一張…」「我的话，素养 18 小时」: a topic marked with 的話 (「至於…」), not a supposition
# (「如果…的話」)
TOPIC_MARKED = re.compile(
    r"^(?P<head>\W*(?!如果|假如|假設|假设|要是|若是|萬一|万一)[^\s，,。：:？?]{1,5}?)\s*(?:的話|的话)\s*(?=[：:，,])"
)
# 「還有人算…嗎」 "would anyone left still count": whether anyone of those left meets it
ANYONE_LEFT = re.compile(r"(還有人|有沒有人|還有沒有人|\b(anyone|anybody|nobody|someone)\b)")
# 「哪個比較快達到」「哪一個比較近」 "which is sooner": two aims set against each other
SOONER = re.compile(
    r"(哪個|哪一個|哪个|哪一项|哪項|哪一項)[^，。?？]{0,6}(比較|比较)?(快|先|近|容易|省時|省时|省力|少)"
    r"|(比較|比较)(快|先|近|容易)(達到|达到|到)"
    r"|\bwhich\b[^?]{0,40}\b(sooner|faster|quicker|closer|nearer|first|easier)\b"
)
# the question a manager asks of the people talked about when nothing else is asked
WHO_MEETS_ZH = "他們現在誰符合 AI 應用人才、誰符合 AI 開發人才？"
WHO_MEETS_EN = "Who of them meets which talent category now?"
# 「幫我看三個人」「盤點一下」 "quick check for three people": people to be looked at, each of them
CHECK_ASKED = re.compile(
    r"(看|查|評估|评估|盤點|盘点|檢視|检视|算一下|比較|比较"
    r"|\b(check|look at|assess|evaluate|review|see where)\b"
    # ("Two people. First, Omar: …"): people announced, then listed
    r"|[兩两二三四五\d]\s*(個人|个人|位)"
    r"|\b(two|three|four|five|\d) (people|persons|colleagues|staff|employees|trainees)\b)"
)
# 「我有 X」「我上過…」「我自己考過」 "I have", "I took": facts the user states of themselves
OWN_HOLDING = re.compile(
    r"(我(自己|本人)?(也|還|只|目前|現在|已經|其實|其实|確實|确实|實際上|实际上)*(有|上過|上了|考過|考到|拿到|拿了|持有|修過|手上有)"
    r"|(?<!\bdo )(?<!\bdid )(?<!\bcan )\bi (also |only |just |already )?(have|hold|took|completed|passed|earned|got)\b"
    r"|\bi've (got|taken|done|passed)\b)"
)
# 「總共要幾週」「整個計畫要多久」 "how many weeks in total": the time a plan of courses takes, not a level's
PLAN_TIME = re.compile(
    r"(總共|一共|全部|整個|總計|合計|总共|整个|总计|\b(in total|altogether|all in|the whole plan|this plan)\b"
    # 「打算上素養十八、文書十八，一週六小時，上完要幾週」: the courses planned, timed to their end
    r"|上完|修完|打算上|預計上|計畫上|準備上|\b(plans? to take|planning to take|to finish (them|those|these|it))\b)"
)
# Someone else described next (HR going through a team): their facts are not added to the last person's.
NEW_PERSON = re.compile(
    r"(另一位|另外一位|另一個同事|另外一個同事|另一名|另外一名|換另一|下一位"
    r"|另(一|外一|外)個(學員|學生|同學|員工|同仁|人|應徵者|候選人|朋友|组员|組員|学员|学生|同学|员工)"
    r"|(幫|替|也幫)我?(的)?(朋友|同學|家人|室友|學弟|學妹|學長|學姐)(也)?(算|看|評估)|\b(my|a) friend\b"
    r"|\banother (employee|colleague|person|"
    r"candidate|staff member|team member)\b|\bnext (employee|colleague|person|candidate)\b"
    r"|\b(her|his|their|a|my|our) (colleague|co-?worker|teammate)\b)"
)
ABOUT_ANOTHER = re.compile(r"(呢|勒|咧|哩|\bwhat about\b|\bhow about\b)")  # 「那 AI 模型訓練呢？」
NOW = re.compile(r"(現在|目前|實際|真實|原本|\bnow\b|\breal\b|\bactual\b|\bcurrently\b)")
# 「後面那個」「前者」 "the latter": one of the two things just talked about
LATTER_FORMER = re.compile(
    r"(?P<latter>(?<!最)後面那(個|項|張|種)|後者|后者|\bthe latter\b)"
    r"|(?P<former>前面那(個|項|張|種|份)|前者|\bthe former\b)"
)
# 「那前一個呢」「下一個」 "the next one": a neighbour, in the list shown, of the item talked about
LIST_STEP = re.compile(r"(前|(?<!最)後|下)一(個|份|項|張)|\bthe (previous|next) one\b")
# 「跟剛剛差在哪」「和前面那個比」: set beside what the last answer was about
JUST_BEFORE = re.compile(r"(跟|和|與|比起)\s*(剛剛|剛才|前面|上一個|前一個)(的|那個|講的|說的|那項)?\s*(比)?")
# 「我這種背景」「像我這樣的人」: the work the user described before (English questions read their own words)
BACKGROUND_REF = re.compile(r"((像)?我這(種|樣的?|類)(的)?(背景|人)|我的背景)")
# 「跟第二位一樣的證照」: another person's certificates, by the ordinal they were named in
# 「那個素養不夠的，要再補幾小時」「時數最少的那位」: one of the people talked about, picked by the hours
# they lack (the fewest in the area named)
PERSON_SHORT = re.compile(
    r"(?:那個|那位|那一位|剛剛那個|剛剛那位|剛才那個|剛才那位|其中)(?P<desc>[^，。,?？]{1,8}?)"
    r"(?:還不夠|不夠|不足|沒到|沒過|未達|最少|最低|最短|差最多)的?(?:那位|那個|那一位|人|同事)?"
)
SAME_AS_PERSON = re.compile(
    r"(跟|和|與)\s*(?P<who>第\s*[一二三四五六七八九十\d]+\s*(位|個人|個))\s*一樣(的)?\s*(證照|認證)"
)
# a plan asked for with no aim named (「第一年的學習該怎麼排，先拿什麼」): toward what the conversation is about
# (「像我這種背景要從哪裡開始」 asks 附件(五)'s starting points instead)
# 「小芸的第二張」 "Priya - her second certificate": one of a person's certificates by its place
HELD_ORDINAL = re.compile(
    # (hers: 「的」 "her"/"'s" right before it; 「Chris 想補第三張」 is one more to get, none of hers)
    r"[^。？?]{0,12}?(?:的|'s |\b(?:her|his|their) )\s*(第\s*(?P<nth>[一二三四五1-5])\s*張(證照|證書|認證)?"
    r"|\b(?P<nth_en>first|second|third|fourth|last) (cert|certificate|certification|credential|one)\b)"
)
ORDINALS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1}
ORDINALS |= {str(i + 1): i for i in range(5)}
# 「發展路徑」 "career path": where a category's routes lead, asked beside its titles
CAREER_ASKED = re.compile(r"(發展路徑|職涯|路徑|发展路径|职涯|\bcareer\b|\bpaths?\b)")
# 「再加考哪一張最快能到進階」「要補哪一張工具類」 "which cert should I take next to reach …": the next certificate
NEXT_CERT_TO = re.compile(
    r"(加考|再考|補考|要補|該補|再拿|要考|該考)(哪|什麼)(一)?(張|個|種)|(下一張|下張)[^，。?？]{0,4}(考|拿)"
    r"|\bwhich (cert|certificate|certification|exam)\b[^?]{0,30}\b(next|add|take)\b"
)
# 「比較像哪一型」「加值型還是導入型」 "value-adding or adoption?": which kind of 表7 application talent
ARCHETYPE_ASKED = re.compile(
    r"(哪一型|哪一種型|哪型|哪一類型的應用人才|加值型還是導入型|導入型還是加值型|算哪種型|算什麼型"
    r"|\bvalue[- ]add(ed|ing)? or adoption\b|\badoption or value[- ]add(ed|ing)?\b)"
)
# 「週數」「幾週」 "weeks": the time asked, in a message that may not say how long in so many words
WEEKS_WORD = re.compile(r"(週數|幾週|幾周|几周|多少週|\bweeks\b)")
# "instead of programming, …" 「不要程式語言應用，改成…」: an aim taken out as another comes in
AIM_SWAPPED = re.compile(
    r"(?:\binstead of\b|\brather than\b|\bin place of\b|不要|不用|拿掉|換掉|去掉|取代)\s*(?P<what>[^,，。.;；]{1,40})"
)
# the answers that give a type's level in hours (its 表5 row, or several types' least hours together)
AIMS_TOGETHER = "query.fewest_hours_together"
CERTS_TOGETHER = "query.fewest_certs_together"
# 「五種能力都要」 "all five": every type aimed at
EVERY_TYPE_NAMED = re.compile(
    r"(五(個|種|項)|全部|所有|每一?(個|種|項))[^，。?？]{0,6}(能力類型|能力|類型)"
    r"|\b(all five|every type|all (the )?types)\b"
)
AIM_RULES = frozenset({"view.type_or_item", AIMS_TOGETHER})
# 「順便讓他們也達到…」「還想同時拿到…」 "and also reach …": one more aim beside the one just answered
ALSO_AIM = re.compile(
    r"(順便|也要|也想|也能|同時|一起|另外|還想|還要|再加上|加上|連)[^。?？]{0,10}(達到|達標|拿到|到|具備|有|符合)"
    r"|再加(一個|個)?目標|目標再加|也要達標|也(要|得)?(達到|達標|符合)"
    r"|\b(also|as well|too|on top|another (aim|goal|target)|add(ing)? (an? )?(aim|goal|target))\b"
)
# 「可以往哪些職稱投」 "what job titles could they go for": the titles of a category asked, none named
TITLES_ASKED = re.compile(
    r"((哪些|什麼|哪種|哪一些)[^，。?？]{0,4}(職稱|職位|職缺|工作)|(職稱|職位)[^，。?？]{0,6}(有哪些|是什麼)"
    r"|\b(what|which) (job )?(titles|jobs|positions|roles)\b"
    r"|\b(what|which) (kind|kinds|sort|sorts|type|types) of (jobs?|roles?|positions?|work)\b)"
)
SET_ASIDE = re.compile(
    r"^\W*(好啦|好吧|好|ok|okay|嗯)?\W*(不問這個了?|不问这个了?|不問了|不问了|算了|那就算了|先不管這個|先不管这个|先不說這個|先不说这个)"
    r"\s*[。，,.!！~～]+\s*"
    r"|^\W*(ok(ay)?|fine|alright)?\W*(never ?mind( that)?|forget (that|it))\s*[.,!]+\s*",
    re.IGNORECASE,
)
# 「這兩張我都有」「我兩張都考過」 "I have both": the two certificates just talked about, held
BOTH_HELD = re.compile(
    r"(我)?(這|那)?兩張(我)?都(有|考過|考到|拿到|拿了)|\bi (have|hold|passed|got|earned) (them )?both( of them)?\b"
)
THEY_COUNT = re.compile(
    r"(他們|她們|兩位|兩個|三位|三個)(倆)?\s*(都)?\s*(算|符合|達到|有到|夠)(嗎|不算|了嗎|不夠)"
    r"|\b(do|would|does) (they|both|both of them|the two|the three) (count|qualify|meet)\b"
)
# "the CV one" (a role of the table just talked about, by a word of its titles; two letters suffice)
ROLE_DESCRIBED_EN = re.compile(r"\bthe (?P<words>[a-z][a-z0-9+\-]{1,}( [a-z][a-z0-9+\-]{1,})?) (one|role|job)\b", re.I)
# "type 5", 「能力類型三」: a competency type by its number in 表2
TYPE_NUMBER = re.compile(
    # (「第三種能力類型」 is left to the ordinal over the list shown, which keeps that list for 「第五種呢」)
    r"\b(?:competency )?type\s*#?\s*([1-5])\b|(?:能力類型|能力类型)\s*([一二三四五1-5])(?=[\s，,。?？呢咧的]|$)",
    re.IGNORECASE,
)
# 「現在四跟五咧？」「幾週可以到五？順便問四要多久？」: after a result that numbers the types (「四、AI 模型訓練」),
# a bare numeral beside another, after 「到」, or before what is asked of it names that type
_NOT_AFTER = r"(?<![\d一二三四五六七八九十百千第幾几兩两每週周星禮个個])"
_NOT_UNIT = r"(?!\s*[\d一二三四五六七八九十小個个张張週周位點点分年月天次項项級级類类樣样種种倍成堂門门號号])"
BARE_TYPE_NUMBER = re.compile(
    _NOT_AFTER
    + r"(?P<a>[一二三四五])\s*(?:跟|和|與|与|、|及)\s*(?P<b>[一二三四五])"
    + _NOT_UNIT
    # (「順便問一下」 is no type: the numeral stands alone before a question's end)
    + r"|(?:(?<=到)|(?<=達到)|(?<=达到)|(?<=至於)|(?<=至于)|(?<=順便問)|(?<=顺便问))\s*(?P<c>[一二三四五])"
    + r"(?=\s*(?:[？?，,。！!]|呢|咧|嗎|吗|要|還|还|的話|的话|$))"
    + r"|"
    + _NOT_AFTER
    + r"(?P<d>[一二三四五])(?=\s*(?:要多久|要幾|要几|還差|还差|差多少|才會|才会|呢|咧|的話|的话|[？?]))"
)


def _and_list(names: list[str]) -> str:
    """ "Tom and Lee", "Ana, Ben and Chen": names joined as English says them."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}" if names else ""


# 「他那兩張」「這幾張各是誰辦的」 "both of his certificates": the certificates someone holds, pointed at together
HELD_ONES = re.compile(
    r"(那|這|这|他的|她的|他那|她那)\s*(兩|两|二|三|四|幾|几)\s*張|(那些|這些|这些)(證照|證書|认证|證)|(兩|两)張各"
    r"|\b(both|all) of (his|her|their|my) (certificates|certs|certifications)\b"
    r"|\b(his|her|their) (two|three) (certificates|certs)\b"
)
# 「表6沒有」「表上沒列」 "it isn't in 表6": a certificate said to be none of the listed ones
NOT_LISTED = re.compile(
    r"(表\s*6|表六|表上|清單)\s*(上)?\s*(沒有|沒列|没有|没列|找不到|不在)|不在\s*(表\s*6|表六|清單)"
    r"|\bnot (in|on|listed in) (表6|table 6|the table|the list)\b|\bisn'?t (in|on|listed)\b"
)
# 「先看我的」「我的工具應用到哪」: the user asks of themselves, among the people just described
SELF_ASKED_FIRST = re.compile(r"(先看我|先說我|先講我|先問我|我的(?!們)|我自己|^\W*我(?!們)[^們]{0,6}(到哪|算|有|呢))")
# 「裡面哪幾張是 AWS 的」「其中國內的有幾張」: within the list just shown
WITHIN = re.compile(
    r"^\W*(那)?\s*(裡面|里面|這裡面|这里面|其中|當中|当中|之中|這些裡|這些當中"
    r"|\bof (these|those|them)\b|\bamong (them|these)\b)"
)
# 「為什麼你說他也算」 "why does Lee count": why someone was counted as meeting what was compared
WHY_COUNTED = re.compile(
    r"(為什麼|為何|怎麼會|憑什麼|为什么|为何|怎么会)[^。？?]{0,24}(算|是|符合|有到|達到|达到|count)"
    r"|\bwhy (does|do|did|is|would) [a-z]+ (count|qualify|meet|make it)\b|\bhow (does|do|is) [a-z]+ (count|qualify)\b"
)
# 「那到時候她離進階還差多少」「到時候會不會順便有…」 "by then": once the hours just timed are taken
BY_THEN = re.compile(
    r"(到時候|到时候|屆時|届时|那時候|那时候|上完之後|上完之后|上完以後|補完之後|\bby then\b|\bat that point\b)"
)
# 「五項能力整體整理一下」 "summarize my levels for all five types": the whole result asked (every route)
WHOLE_RESULT = re.compile(
    r"(整體|各項|每一項|全部的?(能力|等級|結果)|五(種|個|項)(能力)?|所有(能力|類型))"
    r"|\b(my|her|his|their) (current |actual |overall )?levels\b|\ball (five|5) (competency )?types\b|\boverall\b"
)
HOURS_ASKED = re.compile(
    r"(幾|多少)\s*(個)?\s*(小時|鐘頭|hr)|\bhow many (more )?hours\b"
    r"|\b(least|minimum|fewest)\b[^?.]{0,30}\b(course )?hours\b"
)
PLAN_UNAIMED = re.compile(
    r"((學習|進修|課程?|上課|考照)[^，,。？?]{0,4}(該|要|應該)?(怎麼|如何)(排|安排|規劃)|先(拿|考|學|上|讀)(什麼|啥|哪)"
    r"|\bwhat (should i|to) (take|get) first\b)"
)
# 「一本正經亂講，那個現象叫啥」: what the message itself describes, pointed at — no earlier answer's thing
DESCRIBED_HERE = re.compile(r"(那個|這個|這種|那種|这个|那个|这种|那种)(現象|现象|情況|情况|狀況|状况|行為|行为|做法)")
# "that service development gap" 「剩下那些差的」: the gap the last result (or what-if) left, pointed at
THAT_GAP = re.compile(
    r"\b(that|this|the remaining|those)\b[^?.]{0,30}\b(gap|shortfall)s?\b"
    r"|(那個|這個|那|這|剩下的?)[^，。?？\d]{0,8}(差距|缺口|差的)"
)
# 「兩個都會過」 "both of them": the two types a question is about together
BOTH_OF_THEM = re.compile(r"(兩個|兩項|兩種|两个|两项|两种)(都|皆)|\bboth (of them|types)?\b")
# 「這個指引怎麼說」: the guideline itself, no reference to resolve
THIS_GUIDELINE = re.compile(r"(這個|這份|這本|该|該|这个|这份|这本|本)\s*(指引|指南)")
# 「它說的…」「它有提到…」: the guideline speaking (a message that names its own subject beside it)
GUIDELINE_PRONOUN = re.compile(
    r"(它|它們)(說|講|提到|寫到|寫的|列的|列出|提的|有說|有講|有寫|有提|說有|說的)"
    r"|\b(does|do|did) (it)( (base|cite|say|list|describe|mention|refer|draw|give))\b"
    # "the four dimensions … it lists": the guideline listing
    r"|\b(it)( (lists|says|describes|mentions|cites|gives|names))\b"
)
# 「假設我們那張定位成專案類」「如果把它歸為工具類」: a certificate put in a category, whose contents are asked
POSITIONED_AS = re.compile(
    r"(定位成|定位為|定位在|歸成|歸為|歸類成|歸類為|歸到|算成|算作|當成|當作|列為|列成|設計成)\s*(?P<category>素養類|工具類|專案類)"
)
# …and what such a certificate maps to is asked (「它對應哪些能力類型」)
TYPES_ASKED = re.compile(r"(能力類型|對應|\btypes?\b)")
# 「接替的那兩張」「後續接續的證照」 "the replacements": the certificates that follow retired ones (表6's note)
SUCCESSORS_REF = re.compile(
    r"((接替|接續|取代|替代|替換)(它們|它|的)?的?(那|這)?(兩|幾)?\s*(張|個)(證照|認證)?"
    r"|\bthe (two )?(successors|replacements|replacement (certs|certificates|exams))\b)"
)
# 「科長說用 AI 寫的東西要揭露，指引裡是哪一塊在講這個」: 「這個」 is what the message itself reports
SPOKEN_OF_THIS = re.compile(
    r"[^，,。]{6,}[，,].{0,12}(在講|講的|說的|提到|在說)(這個|這件事|這點|這些)"
    # 「…引用根本不存在的研究……指南對這個怎麼說」: a situation described, then what the guideline says of it
    r"|.{8,}(指引|指南|guideline)[^，。?？]{0,3}(對|关于|關於)?\s*(這個|這種|這件事|這種情況|這點)[^，。?？]{0,4}(怎麼說|有說|有講|怎麼看|有什麼)"
)
# 「那份教材」「這套教材」: the learning material talked about, named by a demonstrative
MATERIAL_REFERENCE = re.compile(r"(那|這|该|該)\s*(份|套|個|本|些)?\s*(教材|講義|素養教材)")
GAP = re.compile(
    r"(還差|還缺|差幾|缺幾|差多少|缺多少|還要補|要補|再補|補幾|再上幾|再多上幾|還需要|還要什麼|還要啥|才夠|就夠"
    r"|(差|缺)的(那些|那幾)?(時數|小時|幾小時)"  # (「服務開發那邊差的時數，一週 4 小時要幾週」)
    # (「模型訓練那項總共還要幾小時」: what is left from where the facts stand)
    r"|還要(再)?(上|考)?\s*(幾|多少)"
    r"|\bstill need\b|\bmissing\b|\bshort of\b|\bhow many more\b|\bwhat (would|does|will) it take\b"
    r"|\bwhat do (i|we|they|he|she) need\b)"
)
# What the catalog describes about a type; asked about it, the answer is the description, not a result.
CONTENT_INTENTS = frozenset(
    {
        "tools",
        "certs_for",
        "issuer",
        "duties",
        "skills",
        "career",
        "download",
        "key_contents",
        "overview_items",
        "overview_types",
        "usage",
        "compare",
        "count",
        "overview_talent",
        "overview_cert_categories",
    }
)
LEVEL_NAMED = re.compile(r"(等級|級別|程度|哪一?級|幾級|具備|初階|進階|\blevels?\b)")
TALENT_MET = re.compile(r"(符合|達到|達標|算是|\bmeets?\b|\bqualif)")
# 「兩位同事」「各自」"each of them": one question asked of every person a message describes
EACH = re.compile(
    r"((?<!第)(?<!前)(?:兩位|兩個人|三位|幾位)|各自|各是|各算|各屬|各歸|分屬|分別|每位|每個人|他們|我們各|我們倆|我們兩"
    r"|各在|各到|各差|各缺|各還"
    r"|\bboth\b|\beach\b|\bthe two\b)"
)
# how an answer about someone's stated facts begins (rag/situation.py's echo)
# a reply computed from someone's facts: the echo of the facts, after a what-if mark and a headline answer
ECHO = re.compile(
    r"^(（假設情況試算，未記錄）|\(hypothetical, not saved\) )?([^\n]*\n){0,3}(依您提供的|Based on what you told me)"
)
# 「三個人裡面誰…」 "which of them…": a question over every person named in the conversation
WHO = re.compile(
    r"(誰|哪位|哪一位|哪個人|哪些人|哪幾位|幾位|幾個人|多少人|他們(兩|倆)|她們(兩|倆)|哪幾組|哪些組|哪一組|幾組|哪幾個人?"
    # 「第一個…；第二個…。哪個算 AI 開發人才？」: which one of the people described
    r"|哪一?個(?=算|符合|達到|達標|有到|已經|比較|最)"
    # 「現在幾個算應用人才？」「幾個人有到」: how many of the people described count
    r"|幾\s*個(?=\s*(人)?\s*(算|符合|達到|達標|有到|是|過了|具備|已經))"
    # 「他走了以後公司還有人算開發人才嗎」: whether anyone is left who counts
    r"|(還有|有沒有|還有沒有)人(算|符合|達到|是|有到)"
    # 「三個裡面有幾個算 AI 開發人才？是哪幾個」: the people counted among those described
    r"|(裡面|之中|當中|中間)[^，。?？]{0,4}(有)?幾個|是哪幾個"
    # 「三個人裡面，符合 AI 應用素養的有幾個」: the count asked after a clause naming what is met
    r"|(裡面|之中|當中|中間|其中)[，,][^。?？]{0,24}幾(個|位|人)"
    r"|(\d+|[一二三四五六七八九十兩])\s*(?:(個|位|名)\s*人?|人)\s*(裡|里|中|之中|當中)[^。?？]{0,20}幾(個|位|人)(?!小時|張)"
    # 「這樣全部有幾個應用人才」: a count over everyone talked about
    r"|(全部|總共|一共|全組|全班|大家)(裡面)?(有|算)?幾(個|位)(?!小時|鐘頭|張|類|項|種|能力)"
    # 「研發部四個人，AI模型訓練有幾個符合？」「這四個人有幾個符合」: the count asked of the people named
    r"|(\d+|[一二三四五六七八九十兩])\s*(個|位|名)\s*(人|同事|員工|學員|同仁|應徵者|候選人)[^。?？]{0,24}?幾(個|位|人)"
    r"(?!小時|鐘頭|張)"
    r"|\bwho\b|\bwhich of (them|the|us)\b|\bhow many of (them|us)\b|\b(both of them|the two of them)\b"
    r"|\bhow many of (my|our|the|these|those) (two|three|four|five|six|\d+)\b"
    # ("would anyone left on the team still count as…")
    r"|\b(anyone|anybody|someone|nobody)\b[^?.]{0,30}\b(count|meet|qualif|reach)"
    # 「兩位是不是都符合…」「三個人都算嗎」: whether all of them meet it
    r"|(兩|三|四|五)\s*(位|個人|個)[^，。?？]{0,6}都(符合|算|有|達到|具備)"
    # "So of the three, how many meet…" "how many of the five reach…"
    r"|\bhow many of the (two|three|four|five|six|\d+|team|group)\b"
    # "Do they differ there?" 「他們兩個有差嗎」: the people set side by side on what is asked
    r"|\b(do|does|would) (they|the two|both)( of them)? differ\b|\bany difference between (them|the two)\b"
    r"|(他們|她們|兩個人|兩位)[^，。?？]{0,4}(有差嗎|有什麼不同|有差別嗎|差在哪|一樣嗎)"
    # 「這樣團隊裡算開發人才的變幾個？」「組裡現在幾個到服務開發」: a count over the team described
    r"|(團隊|組|班|部門|社團|大家)(裡|里|中|上|內)[^，。?？]{0,12}幾(個|位|人)(?!小時|鐘頭|張)"
    # 「幫我按 AI 工具應用等級統計一下」: the people sorted by their levels
    r"|(按|依|照)[^，。?？]{0,16}(等級|級別|類別)[^，。?？]{0,6}(統計|分類|整理|列出|排)"
    # 「扣掉她之後，剩下的人（含我）有幾個到…」: a count over those left
    r"|(剩下的人|其他人|其餘的人|所有人|我們)[^。?？]{0,16}幾(個|位|人)(?!小時|鐘頭|張)"
    # 「部門現在應用人才幾個、開發人才幾個」: a count of those who meet a category or type, once people are described
    r"|(人才|應用素養|工具應用|語言應用|模型訓練|服務開發)\s*(有|的有|的)?\s*幾(個|位|人)(?!小時|鐘頭|張|能力|項|種|類)"
    r"|\bof the (two|three|four|five|six|\d+)\b[^?]{0,12}\bhow many\b"
    # "…Priya and Marco - how many are application talent?": how many of those named meet what is named
    r"|\bhow many\b[^?]{0,12}\b(talents|developers|people|staff|members|of us)\b"
    r"|\bhow many (are|would be|will be|now|meet|count|qualify|reach)\b[^?]{0,30}"
    r"\b(talent|literacy|application|development|tool|programming|model training|service|advanced|basic|beginner|level)"
    # 「AI 開發人才有幾個？」 once people are described: how many of them
    r"|(人才|應用素養|工具應用|語言應用|模型訓練|服務開發)[^，。?？]{0,4}有幾(個|位|人)(?!小時|張)"
    # 「兩個課程包哪個比較好」「選哪個」「有哪一個學員可以拿到…」: which of those described
    r"|(選|挑)哪(個|一個|包|套|班)|哪(個|一個|包|套|班)[^，。?？]{0,6}(比較|較|更|最)(好|適合|划算|有利|推薦)"
    r"|有哪一?個[^，。?？]{0,6}(可以|能|會)(拿到|達到|符合|有)"
    r"|\bwhich (one|package|course|program|programme)\b[^?]{0,30}\b(better|best|choose|pick|should)\b)"
)
# What a person's facts are made of; a question naming only these is about the person.
# 「其實沒考過，拿掉」 "he failed the Python one, remove it": a certificate held, taken out for real
TAKEN_OUT = re.compile(
    r"\b(failed|didn't pass|did not pass|never passed|remove|delete|drop|take (it|that|this|them) out|scratch)\b"
    # ("I haven't actually passed the TQC+ one yet" 「那張其實還沒考過」: held by mistake, not yet taken)
    r"|\b(haven't|have not|hasn't|has not) (actually |really )?(passed|got|gotten|earned|taken)\b"
    r"|沒過|沒考過|沒通過|沒考上|落榜|拿掉|刪掉|移除|去掉|不算了|沒有(這|那)張|還沒考過|還沒拿到|尚未通過"
)
# 「專案類有他們的嗎」 "do they have any project ones": the issuer just talked about
ISSUER_PRONOUN = re.compile(r"(他們|她們|它們|該單位|該機構)(?=的|辦|有|家)|\b(they|their|them)\b")
# 「我那個小專題」「我們這個聊天機器人」: a possessive before a noun (not a certificate), no pronoun
OWN_THING = re.compile(
    r"(我們|我|我们)的?(?:那個|那个)"
    r"(?=(?!證照|認證|證書|证照|认证|证书|職務|職位|職稱|工作|角色|背景|情況|狀況|程度|等級|課|方案|計畫)[\u4e00-\u9fff]{2})"
)
# 「那就當它是素養類吧」 "treat it as a literacy one": an unlisted certificate given a category by its holder
DECLARED_CATEGORY = re.compile(
    # (「假設它是工具類」: supposed, for whoever would hold it — a what-if, not the user's holding)
    r"(?P<sup>假設|假如|如果)(?:它|那張|這張|我們的證照|我們那張)(?:是|算|屬於)\s*(?P<cat2>素養類|工具類|專案類)"
    r"|(?:(?:就)?(?:當|當作|當成|算|視為|看作)(?:它|那張|這張|他|牠)|就先?(?:當|當作|當成|視為|看作))"
    r"(?:是|為|作|成)?\s*(?:一張)?\s*(?P<cat>素養類|工具類|專案類)(?:來?算)?"
    r"(?:的?(?:證照|認證))?(?:吧|好了|就好)?"
    # 「我想自己登錄成素養類」「填成工具類」: the holder files it under a category (附件(三) lets them)
    r"|(?:我)?(?:想|要|會|就)?(?:自己|自行)?\s*(?:登錄|登記|登录|登记|歸類|归类|列|歸|归|填|申報|申报|自評|自评)"
    r"(?:成|為|为|作|在|進|进)\s*(?:一張)?\s*(?P<cat3>素養類|工具類|專案類)(?:的?(?:證照|認證))?"
    r"|\b(?:treat|count|consider) (?:it|that|this)(?: one)? as (?:a |an )?(?P<en>literacy|tool|project)"
    r"(?: one| cert\w*)?\b"
)
EN_CATEGORY_NAMES = {"literacy": "素養類", "tool": "工具類", "project": "專案類", "": "素養類"}
# 「AI 治理那門也算素養喔？」「文書課算不算工具應用」 "does it count as": whether a course counts toward a type
COUNTS_AS = re.compile(
    r"(也|還|真的)?算(是)?[^，。,?？]{0,6}(嗎|喔|哦|吧|\?|？)|算不算|\bcounts? (as|toward|towards|for)\b"
)
# 「我們開了一門…課」 "our workshop is 6 hours on…": a course offered (a trainer's), not one taken
COURSE_OFFERED = re.compile(
    r"(開了?|辦了?|有|設計了?|規劃了?|推出)(一|兩|幾)?(門|堂|個|套)[^。?？]{0,40}?(課|課程|工作坊|模組|訓練)"
    r"|第\s*[一二三四五六1-6]\s*門"  # (「第三門是用 PyTorch 做模型微調」: courses gone through one by one)
    r"|\b(our|we run|we offer|we have|we're running|this)\b[^.?]{0,40}"
    r"\b(workshop|course|module|class|training|program)\b"
)
# 「對應哪個能力類型」 "which competency type does it map to": where a course counts, asked
MAPS_ASKED = re.compile(
    r"(對應|屬於|算|歸|算在)[^。?？]{0,8}(哪一?(個|種|類|項)(能力類型|能力項目|能力|類型|項目)?|什麼(能力類型|能力項目|能力|類型|項目|類))"
    r"|\bwhich (competency )?(type|item|area)\b|\bmaps? (on)?to\b|\bwhere does (it|this|that) (fit|count)\b"
    # how long it must be (「這要排多長」 "how many hours should it have"): its type's 表5 hours
    r"|(要|得|該)(排|開|上)?(多長|多久|幾小時|幾個小時|多少小時)|\bhow (long|many hours) (should|must|does|do)\b"
)
LENGTH_ASKED = re.compile(
    r"(要|得|該)(排|開|上)?(多長|多久|幾小時|幾個小時|多少小時)|\bhow (long|many hours) (should|must)\b"
)
# 「我上過」 "I took it": the course is the person's own, their facts
TOOK_IT = re.compile(r"(我|他|她)(上過|上了|修過|修了|完成了?)|\b(i|he|she) (took|did|attended|completed|finished)\b")
NOT_COURSE_HOURS = re.compile(
    r"(每|一)\s*(週|周|天|月|星期|個月)|差|缺|預算|扣掉|拿掉|\bper (week|day|month)\b|\ba (week|day|month)\b"
    r"|\bshort\b|\bbudget\b|\bwithout\b|\bdrop\b"
)
# 「如果想用最少的時數變成 AI 應用人才」 "if I want to become…": a goal, not a supposition about one's facts
GOAL_IF = re.compile(
    r"(如果|假如|要是|若是?)\s*(我|他|她|我們)?\s*(想|想要|要|希望|打算)[^，。,?？]{0,20}"
    r"(變成|成為|達到|拿到|升到|當上|符合|算是?|轉成|轉為|走)"
    r"|\bif (i|we|he|she) (want|wanted|hope|plan|aim|would like) to (become|reach|get to|be counted|qualify|count)\b"
)
# "if I went the service development route instead" 「改走服務開發呢」: another type aimed at, on the same facts
TYPE_SWAPPED = re.compile(
    r"\b(if|what if) (i|we|he|she|they) (went|go|take|took|chose|choose|pick|picked|aimed|aim)\b|\binstead\b"
    r"|(改|換)(走|成|拿|考|衝|拚)|改成[^，。?？]{0,10}(的話|呢)"
)
AMONG_THEM = re.compile(
    r"(它們|它们|這些|这些|那些|這幾張|这几张|那幾張|那几张)\s*(裡面|里面|之中|當中|当中|中間|中间)"
)
UNLISTED_ASKED = re.compile(
    r"(不在|沒有在|沒在|沒列在|未列在?|不屬於)\s*表\s*6|表\s*6\s*(裡|裡面|中|上)?\s*(沒有|沒|不|未)(列|收|包含|我們|這張|那張)"
    r"|\b(not|isn't|aren't|wasn't) (in|on|listed in|part of) (table 6|the list|the table)\b"
)
HELD_ONE_REF = re.compile(
    r"(這張|那張|這一張|那一張)(證照|證書|證|認證)?|\b(this|that) (cert|certificate|certification)\b"
)
ROLE_WORDS_EN = frozenset(
    "candidate candidates employee employees person applicant applicants staff trainee trainees learner learners "
    "student students colleague colleagues intern interns hire member".split()
)
# 「一樣的速度」「同樣每週那樣上」 "at the same pace": the pace said before
SAME_PACE = re.compile(
    r"(一樣|同樣|照|依)(的)?(速度|進度|節奏|頻率|步調)|(一樣|同樣)每(週|周|天|月)"
    r"|\b(same|that) (pace|rate|speed|schedule)\b"
)
# 「有比較適合企業的嗎」 "anything for companies": an audience asked of what was just shown
FOR_WHOM = re.compile(
    r"(適合|給|針對|適用)[^，。?？]{0,6}(企業|公司|組織|員工|學校|學生|老師|政府|機關|社區|個人)"
    r"|for (companies|businesses|organi[sz]ations|employees|schools|students|teachers|individuals)"
)
FASTEST_WAY = re.compile(r"最快的?(辦法|方法|方式|路|做法)|最省(力|時|事)|\b(fastest|quickest) way\b")
# 「辦 TQC 的那個基金會」「發 iPAS 的單位」 "the organisation that issues X": an issuer named by its certificate
ISSUER_OF_NAMED = re.compile(
    r"(?:辦|發|出|頒發|主辦)\s*(?P<what>[^，。,?？的]{2,24}?)\s*的\s*(?:那個|那家|那間|那一個)?\s*"
    r"(?:基金會|單位|機構|公司|協會|組織|廠商)"
    r"|\bthe (?:organi[sz]ation|body|company|foundation|issuer) (?:that|which|who) (?:issues|runs|offers) "
    r"(?P<what_en>[a-z0-9+ ]{2,30}?)\b(?=\s*(?:have|has|offer|issue|run|[?,]))"
)
# 「再上 8 小時」「18h total」: hours said with no area, more of something or a total
BARE_HOURS_SAID = re.compile(
    r"(?:(?P<more>再上|再補|補|多上|加上|再加|再多上|more|another|extra|additional)\s*了?\s*)?"
    r"(?P<n>\d+(?:\.\d+)?|[一二兩三四五六七八九十]+)\s*(?:個)?\s*(?:小時|鐘頭|h\b|hrs?\b|hours?\b)"
    r"(?:\s*(?P<total>total|in total|in all|altogether))?"
)
# 「兩位同仁。阿明：EEC…」 "Raj: IBM …": a name opening a sentence, then a colon
LABELLED = re.compile(
    r"(?:^|(?<=[。.!?！？;；:：])|(?<=再來|再来|接著|接着|然後|然后|最後|最后|還有|还有)|(?<=先))\s*(?P<name>[A-Z][a-z]+(?:\s*#?\d{1,2})?|[A-HJ-Z]|[小阿][\u4e00-\u9fff]|[\u4e00-\u9fff]{2,3})"
    r"\s*[:：](?=\s*\S)"
)
# 「加起來總共要幾個小時」 "how many hours in total": a total of course hours asked
TOTAL_ASKED = re.compile(
    r"(總共|加起來|合計|一共|全部|總計)[^。?？]{0,8}(幾|多少)\s*(個)?\s*(小時|鐘頭|時數)"
    r"|\bhow many hours\b[^?]{0,30}\b(in total|in all|altogether|total|overall)\b|\btotal (number of )?hours\b"
)
# 「張偉這兩張都有」「都有考這兩張」: the certificates the message named before, all held
NAMED_ONES_HELD = re.compile(
    r"(?:這|这|那)?\s*(?P<n>兩|两|二|2|三|3|四|4)\s*(?:張|张|個|个)(?:證照|证照|認證|认证|證書|证书)?\s*"
    r"(?:都|也都|全都|全部)\s*(?:有|考了|考過|考过|考到|拿了|拿到|持有)"
    r"|(?:都|也都|全都)\s*(?:有|考了|考過|考过|考到|拿了|拿到|持有)\s*(?:這|这|那)\s*(?P<n2>兩|两|三|四|2|3|4)\s*(?:張|张)"
)
CHINESE_DIGITS = {"兩": 2, "两": 2, "二": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4}
# 「春嬌有 X」「王小明上過…」: a two- or three-character name opening a message, then a verb of holding
OPENING_HOLDER = re.compile(
    r"^\s*(?:那|還有|另外|然後)?\s*(?P<name>(?![我你他她這那有是的也都在另其每一二兩三四五六七八九十總共合大全])"
    r"[\u4e00-\u9fff]{2,3}?)(?=有|上過|上了|考過|考了|考到|拿到|只有|也有|沒有|持有)"
)
# 「考到之後…」「如果拿到的話…」: getting a certificate supposed without naming it (the one just talked about)
GOT_UNNAMED = re.compile(
    r"\W*(那|那如果|如果|要是|假如|等)?\s*(我|他|她)?\s*(真的|順利)?\s*(?P<verb>考到|拿到|考過|考上)(了)?\s*(之後|以後|後|的話)"
)
# something to be built, described (「學校想做一套適性學習系統」 "we want to build a chatbot")
THING_BUILT = re.compile(
    r"(想|要|打算|準備|計畫)(做|開發|建|導入|建置|打造)(一套|一個|一款|個)?[^，。?？]{0,16}(系統|平台|服務|模型|機器人|app)"
    r"|\b(build|develop|create) (a|an|our)\b[^?]{0,30}\b(system|platform|service|model|chatbot|app)\b"
)
# a what-if set aside (「不要好了」「先不考」「還是上課」 "forget the exam", "only courses", "instead")
ASIDE_WORDS = re.compile(r"(不要了|不要好了|先不|不考|算了|還是上課|只上課|只靠上課|\b(forget|instead|only|rather)\b)")
# a route said in so many words (「不考照、純上課」 "courses only"), not only 「最少幾小時」
ROUTE_SAID = re.compile(
    r"(純上課|只上課|光靠上課|全部靠上課|全靠上課|只靠上課|不考照|不考證照|不考試|纯上课|只上课|光靠上课|不考证照"
    r"|\bcourses? only\b|\bonly (take )?courses\b|\btraining only\b|\bwithout (taking )?(an? |any )?(exams?|cert\w*))"
)
# the what-if itself dropped at the start of a message (「先不考照好了。…」「不考了，…」 "forget the exam. …")
WHAT_IF_DROPPED = re.compile(
    r"^\W*(好吧|好啦|嗯|那)?\W*(先不考|不考了|不考照|不去考|先不假設|不假設了|假設先不算|還是不要|先不要算|不要算|先不算)"
    r"|^\W*(ok(ay)?|fine|alright)?\W*(forget (the|that) (exam|cert\w*|one)|scrap that|drop (that|the) (idea|exam))\b",
    re.IGNORECASE,
)
# hours of an area with no number (「加一些影像的課」 "say I add some Runway video hours")
SOME_HOURS = re.compile(r"(加(上)?一些|多上一些|補一些|再加點|\b(add|adding|do|take) (some|a few|more)\b)")
# a shortfall supposed made up, its hours unsaid (「補完之後我會到哪」 "once I make that up")
GAP_FILLED = re.compile(
    r"(補完|補滿|補齊|補足|補上|補好|達標|達到標準|补完|补满|补齐|补足|补好|达标)(那|這|这)?(一點|些|個|幾小時|差的)?"
    # (「只要補完素養課就直接進階了？」: 就 ends it too)
    r"[^，。?？\d]{0,6}?(之後|以後|後|的話|之后|以后|后|的话|就)"
    r"|\bonce i (make|made) (that|it) up\b"
)
# the weeks asked (「要幾週」「多久」 "how many weeks", "how long")
WEEKS_ASKED = re.compile(r"(幾|几)\s*(個)?\s*(週|周|星期|禮拜)|多久|\bhow many weeks\b|\bhow long\b")
# everyone's hours added up (「那 5 個人加起來總共是多少小時」 "how many hours for all 8 of them in total")
TEAM_TOTAL = re.compile(
    r"(?P<n>\d+|[一二兩三四五六七八九十]+)\s*(?:個人|位|個|人|名)[^。?？]{0,8}(?:加起來|總共|合計|一共|全部)"
    r"[^。?？]{0,10}(?:多少|幾)\s*(?:個)?\s*(?:小時|鐘頭)"
    r"|\ball (?P<en>\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty) of (?:them|us)\b[^?]{0,30}"
    r"\b(?:in total|altogether|combined|in all)\b"
)
EN_NUMBER = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())} | {
    "twelve": 12,
    "twenty": 20,
}
# a number of hours asked over a pace (「78 小時要幾週」「那 15 小時要多久」 "how many weeks would those 15 hours take")
HOURS_TIMED = re.compile(
    r"(?P<n>\d+(?:\.\d+)?)\s*(?:個)?\s*(?:小時|鐘頭)(?:的課)?\s*(?:要|需要|得|大概|大約|會)?\s*(?:上)?\s*"
    r"(?:幾|多少)\s*(?:個)?\s*(?:週|周|禮拜|星期|月)|(?P<n2>\d+(?:\.\d+)?)\s*(?:個)?\s*(?:小時|鐘頭)(?:的課)?\s*(?:要|需要|得)\s*(?:上)?\s*多久"
    r"|\bhow (?:many weeks|long) (?:would|will|do|does) (?:those |these |the )?(?P<en>\d+(?:\.\d+)?) hours? take\b"
    # "if he did 18 hrs of literacy training at 4 hrs a week, how long?": hours, their pace, the time asked
    r"|(?P<n4>\d+(?:\.\d+)?) (?:hours?|hrs?)\b[^?.]{0,40}\bat \d+(?:\.\d+)? (?:hours?|hrs?) (?:a|per|each) "
    r"(?:week|month)\b[^?]{0,20}\bhow (?:long|many weeks)"
    # 「公司要求每人都要有 18 小時素養課，我每週兩小時，要幾週」: hours required, then a pace and the time asked
    r"|(?:要求|規定|規範)[^，。?？]{0,8}?(?P<n5>\d+(?:\.\d+)?|[一二兩三四五六七八九十]+)\s*(?:個)?\s*(?:小時|鐘頭)"
    r"(?=[^。?？]*(?:每|一)\s*(?:週|周|星期|禮拜|個?月)[^。?？]*(?:幾|多久))"
    # 「這 12 小時如果每週排 3 小時呢」: hours pointed at, then the pace they are spread over
    r"|(?:這|那|these|those)\s*(?P<n3>\d+(?:\.\d+)?|[一二兩三四五六七八九十]+)\s*(?:個)?\s*(?:小時|鐘頭|hours?)"
    r"(?=[^。?？]*(?:每|一)\s*(?:週|周|星期|禮拜|個?月)|[^.?]*\b(?:a|per) (?:week|month)\b)"
)
# an exam described in the message itself (「另一張是要考生現場…」「第二張考的是…」 "the other exam has candidates…")
EXAM_DESCRIBED_HERE = re.compile(
    r"(另一張|第[二三四]張|這張|那張)(則)?(是|呢是|主要)?[^。?？]{0,4}(要|讓|請)?(考生|學員|應考人|考的是|考)"
    r"|\b(the other|the second|another) (exam|test|certificate)\b[^?]{0,20}\b(has|asks|tests|requires)\b"
)
# a question for one of a kind, then a pronoun for it ("which cert suits me, and who issues it")
WHICH_THEN_IT = re.compile(
    r"(哪(一)?張|哪個證|哪一個證)[^。]{0,30}(它|這張|那張)|\bwhich\b[^.?]{0,40}\b(cert|certs|certificate|certification|one)\b"
    r"[^.]{0,60}\b(it|its)\b"
)
# certificates asked for a subject (「跟影像有關的有哪張」 "which ones are about video")
SUBJECT_CERTS = re.compile(
    r"(跟|和|與|關於)[^，。?？]{1,8}(有關|相關)的?[^，。?？]{0,4}(證照|證書|認證)?[^，。?？]{0,2}(有)?(哪張|哪些|哪幾張|哪一張)"
    r"|\bwhich (certs?|certificates?|certifications?)\b[^?]{0,20}\b(about|for|on|related to) "
    r"(video|images?|audio|text)\b"
)
# the certificates one may choose among, asked (「有哪些可以選」「各是誰辦的」 "which ones could he pick")
CHOICES_ASKED = re.compile(
    r"(有哪些|哪幾張|哪些可以|可以選哪|有什麼可以選|有什麼選擇|各是誰辦|各是哪|分別是誰|考哪些|可以考哪"
    r"|\bwhich ones\b|\bwhat (are )?(the |my |his |her )?options\b)"
)
FACT_KINDS = frozenset({"type", "item", "talent", "cert", "issuer", "tool"})
# Questions about the guideline's own subjects, asked beside facts (「我在規劃 12 小時的課。負責任意識有哪四個構面？」).
SUBJECT_INTENTS = frozenset(
    {"overview_rai", "overview_talent", "overview_archetypes", "overview_cert_categories", "key_contents"}
    | {"download", "usage", "update", "metadata", "titles", "background"}
)
# A question about the facts the advisor keeps (「你記的我文書工具是幾小時？」): answered from the profile.
RECALL = re.compile(
    r"(你記(的|得的|錄的|下的|住的)|你那邊記|我剛(剛|才)(說|講|提供)的|我跟你說(過)?的|我給你的(資料|時數)"
    r"|\bwhat (did|have) i (tell|told|say|said|give|given)\b|\bwhat do you have (on|for|about) me\b"
    r"|\bwhat (hours|facts|certificates) (do you have|did you (note|record|save))\b)"
)
# Back to the stated facts after a what-if (「那實際上呢？」, "with my real numbers again?").
REAL = re.compile(
    r"(實際上|實際的|真實的|真實情況|實際情況|原本的(資料|時數|數字)|不假設|回到(原本|現實|實際)|只是(如果|假設)"
    r"|假設歸假設|如果歸如果|(假設|如果)(的部分)?(先)?(放一邊|擱著|到此為止|就到這)"
    r"|(先)?(不管|不算|不要算|別算|不用算|撇開|不考慮|不看|扣掉|拿掉)[^，,。？?]{0,10}(假設|如果)"
    # (「剛剛那 9 小時的假設也不用算」「不要好了，考試我不行」: the what-if named, then dropped)
    r"|(假設|如果)(的部分|那個|這個)?\s*(也|就|先|都)(不管|不算|不要算|別算|不用算|不考慮|拿掉|取消|作廢)"
    r"|^\W*(不要好了|不要了|還是算了|算了算了|那就算了)"
    r"|\b(real|actual|original) (numbers|facts|hours|situation|profile)\b"
    r"|\bwithout (the|that|those|this) (hypothetical|extra|course|class|training|exam|certificate)"
    # "forget the Runway idea", "never mind that course", "scrap the what-if"
    r"|\b(forget|never mind|scrap|drop|ignore) (about )?(the|that|this|my)\b[^.?!,]{0,30}\b(idea|hypothetical|what-if"
    r"|plan|course|class|exam|one)\b"
    r"|\bas of (today|now)\b|\bas things (stand|are)\b|\bbut i haven'?t\b"
    r"|\bi (haven'?t|have not) (done|taken) (it|that|them)\b"
    r"|(其實|但)(還)?沒(有)?(上|考|去)|現在(實際|真正)"
    r"|\bback to (me|my real|reality)\b"
    # (「以上都是假設喔」「照現況」 "that was just hypothetical", "based on what I've actually done")
    r"|(以上|上面|剛剛|剛才|前面)(那些|那個|說的)?(都|只|也)?(只)?是假設|照現況|依現況|按現況|就現況"
    r"|\b(that|those|it) (was|were) (just|only) (a )?(hypothetical|what-if)|\bwhat i'?ve actually\b"
    r"|\bi'?ve actually (done|taken|completed)\b"
    # ("where am I right now though, for real", 「那我現在真的到哪」)
    r"|\bfor real\b|\b(in|for) reality\b|\bright now\b[^.?!]{0,20}\b(though|really)\b|現在真的|真正的狀況|真的到哪)"
)
# 「三張都有」「這三張都考到」"all three of them": every certificate of the last list
ALL_OF = re.compile(
    r"(?:這|那)?\s*([兩二三四五六七八九]|\d)\s*張[^，,。？?]{0,3}?(?:都|全|全部)|(?:這些|它們|全部)\s*都"
    r"|\ball (two|three|four|\d) of them\b|\ball of them\b"
)
ONLY = re.compile(r"(只有|只拿|只考|\bonly\b)")
# 「單憑這張」「光靠它」 "on its own", "by itself": one certificate held, asked about without the others
# 「整套課總共幾小時」「加起來上了幾小時」 "how many hours in total": the stated hours added up
TOTAL_HOURS = re.compile(
    r"((總共|一共|合計|加起來|加總|全部)[^，。?？還再要得]{0,6}(幾|多少)(個)?(小時|鐘頭)|總時數"
    # 「整包多少小時」「整套課幾小時」: the whole package's hours
    r"|(整包|整套|整門|整個課程|整個班|整班)[^，。?？還再要得]{0,4}(幾|多少)(個)?(小時|鐘頭)"
    r"|\bhow many hours (in total|altogether)\b|\btotal (number of )?hours\b"
    r"|\bhow many hours (is|does) (the|this|that) (whole )?(package|course|programme|program)\b)"
)
# 「我在設計一門創意內容課：素養十八小時…」「Package A: 18h literacy…」「工作坊：…」: a course package described
COURSE_DESCRIBED = re.compile(
    r"(設計|規劃|規畫|规划|设计|開設|开设|安排)(?!師|师)[^，,。.?？;；]{0,6}(一門|一个|一個|一套|的)?[^，,。.?？;；]{0,8}"
    r"(課程|课程|課|课|工作坊|訓練營|培訓|內訓)(?!程式)"
    r"|(課程包|套餐|工作坊|基礎包|進階包|[甲乙丙]\s*包)"
    r"|\b(course package|package [a-z]|workshop|bootcamp curriculum)\b"
)
# 「要幾週才到」「until she's there」 "until C reaches basic": a time toward something, not the whole package's
AIMED_AT = re.compile(
    r"(才到|才能|才會|才算|達到|达到|到初階|到進階|到具備|會到|会到|會過|会过|過嗎|到嗎|\buntil\b|\breach|\bget there\b"
    r"|\bthere\b)"
)
# 「我上過…」「I've done…」: the user's own record
OWN_TAKEN = re.compile(
    r"(我|自己)[^，。?？]{0,4}(上過|上了|修過|考過|考到)|\bi(?:'ve| have)? (done|taken|completed|did)\b"
)
# 「上完整套要幾週」 "how many weeks to get through the whole package": all the hours at a pace
WHOLE_TIMED = re.compile(
    r"(整套|整包|整門|整個課程|整個班|這套課|這個課程|这套课|整个课程|整个班)[^，。?？]{0,8}(幾|多久|多少)\s*(週|周|星期|禮拜|個月|天)"
    r"|\b(the whole|the entire|all of the|complete the|finish the|get through the)\s*"
    r"(package|course|program|programme)\b"
)
# 「那個 8 小時的拿掉呢」「影像那門不算的話」: one stated area taken out, supposing
# 「如果拿掉第一張呢」「TQC 那張不算的話」 "without the first one": a certificate held, taken out of a what-if
_CERT_REF = r"(第\s*[一二三四五六七八九十\d]{1,2}\s*張|最後(一|那)張|[^，。,?？\s]{1,14}?(那張|這張|的證照|的認證))"
CERT_DROP = re.compile(
    rf"(拿掉|去掉|扣掉|刪掉|移除|排除|少了|沒了|不算)\s*(?P<ref>{_CERT_REF})"
    rf"|(?P<ref2>{_CERT_REF})\s*(拿掉|去掉|扣掉|刪掉|移除|不算|不計)"
    r"|\b(without|drop(ping)?|remov(e|ing)|minus) (?P<ref_en>the (first|second|third|last) (one|cert\w*))\b"
)
DROP = re.compile(
    r"(?:(?P<n>\d+(?:\.\d+)?)\s*(?:個)?\s*(?:小時|h\b|hours?)\s*的?)?\s*(?P<what>[\u4e00-\u9fff]{0,4}?)"
    r"(?:的|那門|那堂|那個)?(?:課)?\s*(?:拿掉|去掉|刪掉|扣掉|不算|不計|移除)"
    r"|\b(?:without|drop|remove) the (?P<n_en>\d+)[- ]?(?:hours?|h)\b(?: of (?P<what_en>[a-z]+))?"
    # ("what if they skip the automation module?": one stated area left out, by what it teaches)
    r"|\b(?:skip|skips|skipped|skipping|leave out|leaves out|drop|drops|without)\s+(?:the\s+)?"
    r"(?P<what_skip>[a-z]+(?:\s+[a-z]+)?)\s+(?:module|course|class|part|training|workshop)s?\b"
)
# 「補完那 2 小時之後呢」 "if I take those 2 hours": a shortfall just shown, made up
FILL = re.compile(
    r"(?:補完|補上|補足|補齊|補滿|上完|加上)\s*(?:那|這|剩下的?|缺的)?\s*(?P<n>\d+(?:\.\d+)?)\s*(?:個)?\s*(?:小時|h\b)"
)
# 「前兩位」「前三個人」: the first people named in the conversation
FIRST_PEOPLE = re.compile(r"前\s*([兩二三四2-4])\s*(?:位|個人|個)")
# 「誰比較高」 "who is higher": levels set against each other
HIGHER = re.compile(
    r"(比較高|較高|誰高|比較強|誰強|比較好|一樣|相同|同樣|同一(個)?等級|\bhigher\b|\bbetter\b|\bmore advanced\b"
    r"|\bthe same\b)"
)
ALONE = re.compile(r"(單憑|光靠|單靠|單獨|\bon its own\b|\bby itself\b)")
# 「我有素養類證照，不能抵那個素養時數嗎」 "can my cert count toward the training hours": whether the two 表5
# routes offset each other — they do not: a level is met by one route in full (spec: evidence policy)
OFFSET = re.compile(
    r"(抵|代替|替代|取代|頂替|換算成?時數|算進時數|算成時數|計入時數|併計|混(合|搭|著)算|加在一起算"
    # ("count as AI Development Talent" asks a category: only counting toward hours or certificates offsets)
    r"|\bcounts? (towards?|for|as)( the| my| some)?( [a-z]+)?"
    r" (hours?|training|courses?|certs?|certificates?|certifications?)\b"
    r"|\b(instead of|substitute|replace|make up for|stand in for|offset)\b)"
)
CERT_WORD = re.compile(r"(證照|認證|證書|\bcert(ificate|ification)?s?\b)")
HOURS_WORD = re.compile(r"(時數|小時|課|\bhours?\b|\btraining\b|\bcourses?\b)")
SET_REF = re.compile(r"(其中|這些|這幾張|這幾個|裡面|當中|\bof (these|those|them)\b|\bamong (them|these|those)\b)")
# 「有國內的嗎」「國際的呢」 "any international ones?": only a scope, asked of the list just shown
SCOPE_ONLY = re.compile(
    r"^\W*(那|那麼|有|有沒有|哪些是|哪幾張是)?\s*(國內|國際|國外|台灣|本土)的?(嗎|呢|有哪些|是哪幾張)?\W*$"
)
# the noun after 「這個」「那張」 says what kind of thing is pointed at
REFERENCE_NOUNS = (
    (re.compile(r"(這|那|該)(個|份|種)?\s*(職務|職位|職稱|角色|工作)"), {"role", "archetype"}),
    (re.compile(r"(這|那|該)(張|個|份)?\s*(證照|認證|證書|考試|證(?!明))"), {"cert"}),  # (「那個證」 said short)
    (re.compile(r"(這|那|該)(個|項)?\s*(能力項目|項目)"), {"item"}),
    (re.compile(r"(這|那|該)(個|種)?\s*(能力類型|類型)"), {"type"}),
    # 「這一類的認證重點」: a category (of certificates, or of talent), not a type or a certificate
    (re.compile(r"(這|那|該)一?類"), {"cert_category", "talent"}),
    (re.compile(r"\b(this|that) (job|role|position)\b"), {"role", "archetype"}),
)
# 「中間那類」「中間那個」: the middle one of a list of three (or five…)
MIDDLE_REF = re.compile(r"中間(的)?(那|這)?(一)?(個|類|張|項|種|條|位|型)")
# 「第一個行業」「第二張證照」: an ordinal with the noun of the kind it counts over
ORDINAL_NOUN = re.compile(r"\s*(行業|產業|證照|認證|證書|職稱|角色|職務|能力類型|人才類別|構面|facet|dimension|aspect)")
ORDINAL_NOUN_KINDS = {
    "行業": {"industry"},
    "產業": {"industry"},
    "證照": {"cert"},
    "認證": {"cert"},
    "證書": {"cert"},
    "職稱": {"role"},
    "角色": {"role"},
    "職務": {"role"},
    "能力類型": {"type"},
    "人才類別": {"talent"},
    "構面": {"rai"},
    "facet": {"rai"},
    "dimension": {"rai"},
    "aspect": {"rai"},
}
# 「同類的」「同一類」 "the same category": the category of the certificate talked about (or held)
SAME_CATEGORY = re.compile(r"(同類|同一類|同樣類別|同一個類別|\bsame (category|kind)\b)")
# a description, then 「那這個呢」 "what about this one": the thing described, not one talked about before
DESCRIBED_THEN_THIS = re.compile(r"[^，,。]{8,}[，,]\s*(那|那麼)?\s*(這個|這種|這份|這樣)(呢|的話呢)\s*[?？]?\s*$")
OWN_QUESTION_CHARS = 14  # a message this long (in Chinese characters) can be weighed on its own
SCOPE_ONLY_CHARS = 16  # longer messages naming a scope ask something of their own
TWO_REF = re.compile(r"(這兩張|這兩個|那兩張|那兩個|兩張都|兩個都|這兩|兩者|\bboth\b|\bthese two\b|\bthe two\b)")
# 「這三張」「那四個」 "these three": the last certificates named, that many
MANY_REF = re.compile(r"(這|那|这)\s*(?P<n>[三四五345])\s*(張|张|個|个)|\bthese (?P<en>three|four|five)\b")
ISSUER_REF = re.compile(
    r"(這個單位|該單位|這家|這間|同一個單位|同一家|這個機構|這個主辦單位"
    r"|\b(this|that|the same) (issuer|vendor|organi[sz]ation)\b)"
)
LEVEL_WORDS = re.compile(r"初級|中級|高級")
LIST_OF_OTHERS = re.compile(r"(有沒有|有哪些|哪些|哪幾|推薦|列出|\bwhich\b|\bany\b|\bother\b)")
# 「跟他那張同一個辦理單位的」 "from the same issuer as mine": the issuer of the certificate the person holds
SAME_ISSUER_AS_HELD = re.compile(
    r"(跟|和|與)(他|她|我|你)?(的)?(手上)?(那張|這張|那一張|證照|證書|認證)[^，。?？]{0,3}(同一?(個|家)?|一樣的?)(辦理|發證|主辦)?(單位|機構)"
    r"|\bsame (issuer|organi[sz]ation|body|vendor) as (his|her|my|their|the one (he|she|i) (has|holds))\b"
)
WHOLE_TABLE = re.compile(
    r"(整張表|整個表|全表|整份表|整份清單|整張清單|\bthe whole (table|list)\b|\bthe entire (table|list)\b)"
)
ITS_LEVEL = re.compile(
    r"((它|那張|這張|這個|那個)\s*的|(同一?|同樣|一樣)(個|張)?(系列|家|套)的?)\s*(?P<level>初級|中級|高級)(那張|的)?"
)
LEVEL_OPENS = re.compile(r"^\W*(那)?\s*(?P<level>初級|中級|高級)(?=\s*(又|則|呢|是|算|屬於|的話))")
LEVEL_SWAP = re.compile(r"^(那|那麼|換成|那如果是)?\s*(初級|中級|高級)\s*(的)?\s*(呢|嗎)?[？?]?$")
# "the beginner-level one", "the intermediate one": a sibling of the certificate talked about, by its level
LEVEL_ONE_EN = re.compile(
    r"\bthe (beginner|entry|junior|basic|elementary|intermediate|middle|advanced|senior)(-| )?(level )?one\b"
)
LEVEL_EN = {"beginner": "初級", "entry": "初級", "junior": "初級", "basic": "初級", "elementary": "初級"}
LEVEL_EN |= {"intermediate": "中級", "middle": "中級", "advanced": "高級", "senior": "高級"}
# 表5 level names in English ("the advanced level")
LEVEL_NAMES_EN = {"advanced": "進階", "beginner": "初階", "entry": "初階", "basic": "初階", "entry-level": "初階"}
CERT_FORWARD = re.compile(r"^(那|那麼|還有|換成|至於|那如果是|what about|how about|and)\s*")


def chinese_count(n: int) -> str:
    """「三」 for 3 (people are counted in words up to ten), digits beyond."""
    return "一二三四五六七八九十"[n - 1] if 1 <= n <= 10 else str(n)


def _same_number(value: float, said: str) -> bool:
    try:
        return abs(value - float(said)) < 1e-9
    except ValueError:
        return False


def _top_level_split(text: str) -> list[str]:
    """「A（x、y）、B」 split at the 、 outside brackets: A（x、y） and B."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif ch == "、" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return [*parts, text[start:]]


class Dialogue:
    def __init__(self, catalog: Catalog, advisor: Any) -> None:
        self.cat = catalog
        self.advisor = advisor
        self.reader = advisor.understanding
        self.facts = FactReader(self.reader)
        self.situation = SituationAdvisor(catalog, self.reader, self.facts)
        self.table_queries = CatalogQueries(catalog)  # the rows of 表1–表11, for 「表8 第四列」
        self.roles = RoleReader(catalog)  # 「其中做影像辨識的那個」: a listed role by what it does
        # the guideline's own text: a word in it is no person's name (「那證照呢」 vs 「那美玲呢」)
        self.guideline_words = normalise(GUIDELINE_PATH.read_text(encoding="utf-8"))

    # ------------------------------------------------------------------ entry
    def on_message(self, ds: DialogueState, text: str, lang: Lang) -> list[Reply]:
        if re.search(r"[\u3400-\u9fff]|[A-Za-z]{3,}", text):
            ds.said_lang = self._answer_language(text, lang)  # type: ignore[assignment]
        if ds.said_lang == "en":
            # an English message (or 「C?」 after English ones) is answered in English whatever the interface
            # language — also once a reference in it was replaced by a certificate's Chinese name
            lang = "en"
        # 「好啦不問這個。那指引提到的…」 "never mind that. …": the words setting the last question aside refer to
        # nothing the answer is about
        aside = SET_ASIDE.match(text)
        if aside and text[aside.end() :].strip():
            text = text[aside.end() :]
        self._note_course(ds, text)
        replies = self._read(ds, text, lang)
        # (「這三張分別是誰辦的」 next: the certificates this message named, read after it was answered)
        ds.said_certificates = self.facts.read(text, continuing=True).certificates
        pace = self.facts.pace(text)
        level_words = re.findall(r"(初階|進階|\badvanced\b|\bbeginner\b|\bbasic\b|\bentry\b)", normalise(text))
        if level_words:
            ds.level_said = (level_words[-1], ds.turn)
        if pace is not None:
            ds.pace_said, ds.pace_turn = (pace.hours, pace.period), ds.turn
            named = re.findall(r"(初階|進階|具備|\badvanced\b|\bbeginner\b|\bbasic\b|\bentry\b)", normalise(text))
            ds.pace_level = named[-1] if named else ""
            ds.pace_area = pace.area
        # whose result this is, first: when several people are talked about, or the message names the person
        named_here = bool(ds.person) and people.mentioned(text, [ds.person or ""]) is not None
        if (
            ds.person
            and (ds.people or named_here)
            and replies
            and ECHO.match(replies[0].text)
            and not replies[0].text.startswith("【")
        ):
            # several people in the conversation: whose result this is, first
            first = replies[0]
            label = ds.person
            if label == people.SELF:  # the user's own facts: addressed to them, in the reply's language
                label = "You" if first.text.startswith(("Based on", "(hypothetical")) else "您本人"
            replies[0] = Reply(f"【{label}】\n{first.text}", first.buttons, first.number_input)
        return replies

    def _read(self, ds: DialogueState, text: str, lang: Lang) -> list[Reply]:
        """One message read; when people were just set side by side and a correction of someone's facts asks
        for a recount (「更正，Amy 的圖文其實是 8 小時，重算一下」), the same comparison follows the answer."""
        asked_before = list(ds.last_compared)
        was_compared = ds.topic is not None and ds.topic.rule == PEOPLE_COMPARED
        parts = [p for p in re.split(r"(?<=[?？])", text) if p.strip()]
        totals = [i for i, p in enumerate(parts) if TOTAL_HOURS.search(normalise(p)) and not GAP.search(normalise(p))]
        # (「整門課總共幾小時？如果一週只上三小時，要上幾週？」: the time of the whole at a pace, asked with the total —
        # one question, not two)
        whole_timed = (
            len(totals) == 1
            and totals[0] == 0
            and len(parts) == 2
            and self.facts.pace(parts[1]) is not None
            and not self.facts.read(parts[1], True).hours
            and not LEVEL_NAMED.search(normalise(parts[1]))
            and not any(e.kind in ("type", "talent") for e in self.reader.entities(normalise(parts[1])))
        )
        if (
            len(parts) == 2
            and len(totals) == 1
            and not ds.profile.is_empty()
            and ds.situation_types
            and not whole_timed
        ):
            # 「甲包原本一共幾小時？如果把自動化那 6 小時砍掉，還能算進階嗎？」: the total, then the other question
            first = self._read_one(ds, parts[0], lang)
            second = self._read_one(ds, parts[1], lang)
            return [Reply(f"{first[0].text}\n\n{second[0].text}", second[0].buttons or first[0].buttons)]
        if (
            len(parts) == 2
            and not ds.flow
            and not ds.profile.is_empty()
            and ARCHETYPE_ASKED.search(normalise(parts[1]))
        ):
            # 「所以我現在算 AI 應用人才了嗎？像我這種行銷背景的，指引說比較像哪一型？」: one's result, then the kind
            if not self.facts.read(parts[1], True).has_facts:
                first = self._read_one(ds, parts[0], lang)
                second = self._question(ds, parts[1], lang)
                if len(first) == 1 and len(second) == 1:
                    return [Reply(f"{first[0].text}\n\n{second[0].text}", first[0].buttons)]
        paces = [self.facts.pace(p) for p in parts]
        if (
            len(parts) == 2
            and paces[0]
            and not paces[1]
            and not ds.flow
            and not ds.profile.is_empty()
            and all(self.facts.duration.search(normalise(p)) for p in parts)
            and self.situation.asked_types(parts[1])[0]
        ):
            # 「一週上 6 小時的話要幾週？順便 AI 服務開發也要達標的話總共要幾週？」: the same pace, for the type
            # the second question names too
            said = self.facts.pace_re.search(normalise(parts[0]))
            if said is not None:
                second = f"{parts[1].rstrip('？? ')}（{said.group(0)}）？"
                answers = [self._read_one(ds, parts[0], lang), self._read_one(ds, second, lang)]
                if all(len(a) == 1 for a in answers):
                    return [Reply("\n\n".join(a[0].text for a in answers), answers[-1][0].buttons)]
        if len(parts) == 2 and all(paces) and not ds.flow and not ds.profile.is_empty():
            # "If I add 3 hours of automation a week, how many weeks until Advanced? And if I take 4 hours a week of
            # programming, how long until…?": two paces, each timed on its own
            if all(self.facts.duration.search(normalise(p)) for p in parts):
                answers = [self._read_one(ds, p, lang) for p in parts]
                if all(len(a) == 1 for a in answers):
                    return [Reply("\n\n".join(a[0].text for a in answers), answers[-1][0].buttons)]
        known = [n for n in [*ds.people, *([ds.person] if ds.person else [])] if n != people.SELF]
        # (each question opening on its person: 「A 君要到…？B 君最少…？」, not 「美惠為什麼不算？她證照比阿凱還多欸」)
        whose = [
            name
            if (name := people.mentioned(p, known))
            and re.match(rf"\W*(那|那麼|而|至於|然後|再來)?\s*{re.escape(name)}", p)
            else None
            for p in parts
        ]
        asks_each = all(QUESTION_MARKERS.search(normalise(p)) for p in parts)
        if len(parts) >= 2 and all(whose) and len(set(whose)) == len(parts) and asks_each and not ds.flow:
            # 「A 君要到開發人才，最少還要幾張證照？B 君最少還要上幾小時？」: each question about its own person
            if not any(self.facts.read(p, True).has_facts for p in parts) and not WHO.search(normalise(text)):
                answers = [self._read_one(ds, p, lang) for p in parts]
                if all(len(a) == 1 for a in answers):
                    # whose answer each is, first (the one a part is about, even when it names no level)
                    texts = [
                        a[0].text if a[0].text.startswith("【") else f"【{name}】\n{a[0].text}"
                        for name, a in zip(whose, answers, strict=True)
                    ]
                    return [Reply("\n\n".join(texts), answers[-1][0].buttons)]
        second_about = (
            len(parts) == 2
            and not ds.flow
            and bool(FOLLOWS_ON.search(normalise(parts[1])) or self._asks_on_its_own(parts[1]))
        )
        if second_about and self.facts.read(parts[0], True).has_facts and not self.facts.read(parts[1], True).has_facts:
            # 「那她不上課，改考一張生成式AI辦公室應用能力認證呢？這張是誰辦的？」: the what-if, then the question
            # about the certificate it named
            first = self._read_one(ds, parts[0], lang)
            named = [e for e in self.reader.entities(normalise(parts[0])) if e.kind == "cert"]
            question = parts[1]
            if len(named) == 1:
                pointed = re.sub(
                    r"^(\W*)(這張|那張|它)", rf"\1「{self._name('cert', named[0].key)}」", normalise(parts[1])
                )
                question = to_simplified(pointed) if detect_language(parts[1]) == "zh-CN" else pointed
            second = self._question(ds, question, lang)
            if len(first) == 1 and len(second) == 1:
                return [Reply(f"{first[0].text}\n\n{second[0].text}", first[0].buttons)]
        roles = [e for e in self.reader.entities(normalise(text)) if e.kind in ("role", "archetype") and e.start >= 0]
        supposed = self.facts.read(text, continuing=True)
        if len(parts) == 1 and len(roles) == 1 and supposed.has_facts and supposed.hypothetical and not ds.flow:
            # 「上完 18 小時素養課之後，是不是就可以說自己是 AI 導入顧問了？」: the what-if, then the role named
            # (what 表7–表9 say it is; the guideline has no hours of its own for a title)
            first = self._read_one(ds, text, lang)
            english = reads_as_english(text)
            role_q = f"What is the role {roles[0].surface}?" if english else f"{roles[0].surface}是什麼角色？"
            second = self._question(ds, role_q, lang)
            if len(first) == 1 and len(second) == 1:
                return [Reply(f"{first[0].text}\n\n{second[0].text}", first[0].buttons)]
        if len(parts) == 2 and self._category_then_plan(ds, parts):
            # 「我現在算哪一類人才？純上課到開發人才最少還要幾小時？」: where the person stands, then the plan asked
            first = self._read_one(ds, parts[0], lang)
            second = self._read_one(ds, parts[1], lang)
            if len(first) == 1 and len(second) == 1:
                return [Reply(f"{first[0].text}\n\n{second[0].text}", second[0].buttons or first[0].buttons)]
            return [*first, *second]
        if len(parts) == 2 and self._ordinal_then_own_question(ds, parts):
            # 「第二個是在講什麼？風險有分哪幾類嗎」: the item of the list pointed at, then a question of its own
            first = self._read_one(ds, parts[0], lang)
            ds.topic = None  # (the second stands alone: not read as asked of the item just shown)
            second = self._read_one(ds, parts[1], lang)
            if len(first) == 1 and len(second) == 1:
                return [Reply(f"{first[0].text}\n\n{second[0].text}", second[0].buttons or first[0].buttons)]
            return [*first, *second]
        mapped = self._course_mapped(ds, text, lang)
        if mapped is not None:
            return [mapped]
        replies = self._read_one(ds, text, lang)
        replies = self._retired_name_noted(text, replies)
        replies = self._changes_noted(text, replies)
        replies = self._category_gain_noted(ds, text, replies)
        replies = self._subject_certs_noted(ds, text, replies)
        n = normalise(text)
        item_line = self._item_counted(text)
        if item_line and replies and item_line.split("」")[0] not in replies[0].text:
            replies = [Reply(f"{item_line}\n{replies[0].text}", replies[0].buttons), *replies[1:]]
        # (「不對，丙的模型訓練是 24 小時，不是 30」 right after people were set side by side: counted again)
        corrected = was_compared and bool(self.facts.correction.search(n)) and self.facts.read(text, True).has_facts
        if asked_before and (RECOUNT.search(n) or corrected) and replies and not WHO.search(n):
            ds.topic = Topic(lang=ds.topic.lang if ds.topic else "zh-TW", rule=PEOPLE_COMPARED, entities=asked_before)
            # (a correction alone asks what the comparison asked: its own words name no type to compare on)
            # (「…那他現在差多少？全部加起來呢」: the shortfalls added up are asked of the recount too)
            again_asks = RECOUNT.search(n) or SHORTFALLS_ADDED.search(n)
            again = self._people_compared(ds, f"{text} 誰" if again_asks else "重算 誰", lang)
            if again is not None:
                return [Reply(f"{again.text}\n\n{replies[0].text}", replies[0].buttons), *replies[1:]]
        return replies

    def _plan_time_line(self, ex: Extracted, text: str, lang: str) -> str:
        """「文書再上 7 小時，然後上 28 小時服務開發的課，一週 7 小時，總共要幾週？」: the courses a plan adds, over the
        pace said (35 小時 → 5 週; a part period counts as a whole one); "" unless the plan's time is asked."""
        pace, n = self.facts.pace(text), normalise(text)
        # (「想再補 12 小時的影像課，每週 3 小時，要多久？」: the hours a what-if adds are the plan timed)
        # (「每週學 5 小時模型訓練，再加 5 小時 Python 的課」: two paces side by side, no hours a plan adds)
        added = ex.adds and all(h != pace.hours for _, h in ex.hours) if pace is not None else False
        if pace is None or not ex.hours or not self.facts.duration.search(n) or not (PLAN_TIME.search(n) or added):
            return ""
        total = sum(h for _, h in ex.hours)
        spans = math.ceil(total / pace.hours)
        if lang == "en":
            unit = PERIOD_EN[pace.period] + ("s" if spans != 1 else "")
            added = " + ".join(f"{self.situation.area_label(a)} {h:g}" for a, h in ex.hours)
            return (
                f"At {pace.hours:g} hours a {PERIOD_EN[pace.period]}: the plan adds {total:g} hours of courses "
                f"({added}) — about {spans} {unit}.\n"
            )
        added = "＋".join(f"{self.situation.area_label(a)} {h:g}" for a, h in ex.hours)
        line = (
            f"以每{PERIOD_ZH_EVERY[pace.period]} {pace.hours:g} 小時計：這個計畫共要上 {total:g} 小時的課（{added}），"
            f"約需 {spans} {PERIOD_ZH[pace.period]}。\n"
        )
        return to_simplified(line) if lang == "zh-CN" else line

    def _asks_on_its_own(self, part: str) -> bool:
        """Whether a second question after a what-if asks the catalog something of its own ("Which NVIDIA ones
        are there?") — a subject read, no stated fact, no pronoun and no level or gap of anyone."""
        n = normalise(part)
        kinds = {e.kind for e in self.reader.entities(n)}
        if kinds & {"archetype", "role"} and not self.facts.read(part, True).has_facts and not LEVEL_NAMED.search(n):
            return True  # 「…這樣我到什麼程度？我這種算 AI 加值型嗎」: a role of 表7–表9 asked beside the result
        if re.search(r"(它|這|这|那|他|她|我|其中|\b(it|its|they|them|that|this|i|me|my|he|she)\b)", n):
            return False
        if self.facts.read(part, True).has_facts or self.facts.own_level.search(n) or GAP.search(n):
            return False
        if LEVEL_NAMED.search(n) or TALENT_MET.search(n):
            return False
        asks = bool(self.reader.detect_intents(n)) or bool(re.search(r"(哪|什麼|什么|\b(which|what|list)\b)", n))
        return bool(kinds & {"issuer", "cert_category", "cert"}) and asks

    def _category_then_plan(self, ds: DialogueState, parts: list[str]) -> bool:
        """Whether the first of two questions asks which talent category the person is now (no facts stated)
        and the second asks the way or the hours to a target — two answers, each of its own."""
        first, second = normalise(parts[0]), normalise(parts[1])
        if ds.profile.is_empty() or ds.flow or self.facts.read(parts[0], True).has_facts:
            return False
        asks_category = "which_talent" in self.reader.detect_intents(first) or bool(
            re.search(r"(哪一?類人才|什麼人才|哪種人才|\bwhich (talent )?category\b)", first)
        )
        aims = any(e.kind in ("talent", "type", "role") for e in self.reader.entities(second))
        asks_way = bool(self.facts.duration.search(second) or GAP.search(second) or HOURS_ASKED.search(second))
        return asks_category and aims and asks_way

    def _ordinal_then_own_question(self, ds: DialogueState, parts: list[str]) -> bool:
        """Whether the first of two questions points into the list just shown (「第二個」) and the second asks
        something of its own — no ordinal, pronoun or stated fact, but a subject the advisor reads — so each is
        answered (the ordinal would otherwise swallow the second)."""
        first, second = normalise(parts[0]), normalise(parts[1])
        if ds.topic is None or not ds.topic.listed or ds.flow or not ORDINAL.search(first) or ORDINAL.search(second):
            return False
        # (「第四個呢？證照要幾張？」: the first only points, and the second asks of the item pointed at)
        if not re.search(
            r"(什麼|什么|哪|幾|几|誰|谁|怎|如何|嗎|吗|\b(what|which|who|how|is|does)\b)", ORDINAL.sub("", first)
        ):
            return False
        if re.search(r"(它|這|这|那|他|她|其中|\b(it|its|they|them|that|this)\b)", second):
            return False
        if self.facts.read(parts[0], True).has_facts or self.facts.read(parts[1], True).has_facts:
            return False
        return bool(self.reader.entities(second))

    def _correction_line(self, before_facts: StatedProfile, after_facts: StatedProfile, n: str, lang: str) -> str:
        """「更正後：AI 應用素養 未達 → 具備；改為符合 AI 應用人才。」: what a corrected fact changes (each level,
        a talent category lost or won), or that it changes nothing; 「還需要考嗎」 answered first when what the
        correction lifted is reached."""
        before, after = self.situation.result_of(before_facts), self.situation.result_of(after_facts)
        levels_before = [(t["type"], t["level"]) for t in before["types"]]
        levels_after = [(t["type"], t["level"]) for t in after["types"]]
        if levels_before == levels_after and before["talent_categories"] == after["talent_categories"]:
            return "The correction changes no level.\n" if lang == "en" else "更正後各能力類型的等級不變。\n"
        moved = [f"{t} {a} → {b}" for (t, a), (_, b) in zip(levels_before, levels_after, strict=True) if a != b]
        lost = [c for c in before["talent_categories"] if c not in after["talent_categories"]]
        won = [c for c in after["talent_categories"] if c not in before["talent_categories"]]
        # the certificates taken out, with their category (what the lost levels rested on)
        kept = {c.cert_id for c in after_facts.certificates}
        gone = [self.cat.certification(c.cert_id) for c in before_facts.certificates if c.cert_id not in kept]
        if lang == "en":
            parts = [*moved, *(f"no longer meets {c}" for c in lost), *(f"now meets {c}" for c in won)]
            out = "; ".join(f"{c.name} ({c.category})" for c in gone)
            line = f"After the correction{' (without ' + out + ')' if gone else ''}: {'; '.join(parts)}.\n"
        else:
            parts = [*moved, *(f"不再符合 {c}" for c in lost), *(f"改為符合 {c}" for c in won)]
            out = "、".join(f"{c.name}（{c.category}）" for c in gone)
            line = f"更正後{'（拿掉 ' + out + '）' if gone else ''}：{'；'.join(parts)}。\n"
        rose = [(t, b) for (t, a), (_, b) in zip(levels_before, levels_after, strict=True) if a != b]
        if STILL_NEEDED.search(n) and rose and all(b != "未達" for _, b in rose):
            # 「…其實是 18 小時，這樣我還需要考嗎？」: what the exam was for is reached already
            got = "、".join(f"{t} {b}" for t, b in rose)
            line = (
                f"No need for that now: {got} already.\n{line}" if lang == "en" else f"不需要了：{got} 已達到。\n{line}"
            )
        return line

    def _group_alike(self, ds: DialogueState, text: str, lang: Lang) -> Reply | None:
        """「我們組 4 個人都上一模一樣的課，整組有幾個人達到 AI 應用人才？」: everyone has the facts stated, so
        the count is all of them or none — the engine's result for those facts, said for the group."""
        n = normalise(text)
        m = GROUP_ALIKE.search(n)
        if m is None or ds.profile.is_empty() or not COUNT_ASKED.search(n):
            return None
        size = int(m.group("n")) if m.group("n").isdigit() else int(chinese_number(m.group("n")) or 0)
        types, talents = self.situation.asked_types(text)
        result = self.situation.result_of(ds.profile)
        answer_lang = self._answer_language(text, lang)
        if talents:
            what, met = talents[0], talents[0] in result["talent_categories"]
        elif len(types) == 1:
            level = next(t["level"] for t in result["types"] if t["type"] == types[0])
            what, met = types[0], level != "未達"
        else:
            return None
        if answer_lang == "en":
            out = (
                f"All {size} of them: with the same courses each meets {what}."
                if met
                else f"None of the {size}: with the same courses none meets {what} yet."
            )
        else:
            out = (
                f"全部 {size} 位都符合 {what}（每人上的課相同，結果也相同）。"
                if met
                else f"{size} 位都還沒有符合 {what}（每人上的課相同，結果也相同）。"
            )
        source = "Source: 附件(二) 表5" if answer_lang == "en" else "出處：附件(二) 表5"
        body = "\n".join([out, self.situation.echo(ds.profile, answer_lang), "", source])
        return Reply(to_simplified(body) if answer_lang == "zh-CN" else body, self._profile_buttons(lang))

    def _respectively(self, ds: DialogueState, text: str) -> str:
        """「4 個學員：Jason、小芳、阿德、Mia，AI應用素養時數分別是 18、9、0、15」 "Ana, Bo and Cai have 20, 12 and 0
        hours of literacy respectively": each name's hours of the area named, in order, stored as their facts; the
        message goes on without the list (its question is then about them)."""
        m = RESPECTIVELY.search(text) or RESPECTIVELY_EN.search(text)
        if m is None:
            return text
        names = [x for x in re.split(r"\s*(?:[、,，]|和|跟|與|及|\band\b)\s*", m.group("names")) if x.strip()]
        numbers = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", m.group("nums"))]
        if len(names) != len(numbers) or len(names) < 2 or not all(self._may_be_name(x.strip()) for x in names):
            return text
        read = self.facts.read(f"{m.group('what')} 10 小時", continuing=True)
        areas = list(dict.fromkeys(area for area, _ in read.hours))
        if len(areas) != 1:
            return text
        for name, value in zip(names, numbers, strict=True):
            self._become(ds, name.strip())
            ex = self.facts.read(f"{m.group('what')} {value:g} 小時", continuing=True)
            ds.profile = self.facts.apply(ds.profile, ex, ds.turn)
        return text[: m.start()] + text[m.end() :]

    def _path_certificate(self, ds: DialogueState, text: str) -> str:
        """「A 那張是誰辦的？」 after alternatives A and B were compared: the one certificate of that alternative,
        by its name (so the catalog answers about it); unchanged otherwise."""
        if not ds.paths or any(e.kind == "cert" for e in self.reader.entities(normalise(text))):
            return text
        label = label_referred(text, [p.label for p in ds.paths])
        path = next((p for p in ds.paths if p.label == label), None)
        if path is None or len(path.certificates) != 1:
            return text
        said = re.search(
            rf"(?<![A-Za-z])(?:方案|路線|選項|option |path |plan )?{re.escape(label or '')}\s*"
            r"(?:的|裡的|里的)?\s*(?:那張|那张|那一張|這張|那個證照|的證照|的证照|(?:cert|certificate|one)\b)",
            text,
            re.IGNORECASE,
        )
        if said is None:
            return text
        return text[: said.start()] + f"「{self._name('cert', path.certificates[0])}」" + text[said.end() :]

    def _paths_compared(self, ds: DialogueState, text: str, answer_lang: str, lang: Lang) -> Reply | None:
        """「兩條路幫我比一下：A 是考一張 X；B 是考 Y 再加 Z，各自會達到哪些？」: each labelled alternative
        supposed on the stated facts (never stored), what each adds by the engine's rules, and the types the
        message asks about for each; the labels are kept for 「A 那張」「第一條路」 later."""
        parts = labelled_parts(text)
        if parts:
            # 「幫阿哲比較兩個方案：A…；B…」: the options are that person's, whoever was talked about last
            known = [n for n in [*ds.people, *([ds.person] if ds.person else [])] if n != people.SELF]
            named = people.mentioned(text, known)
            if named is not None:
                self._become(ds, named)
        # each alternative is read as the supposition it is (「考一張 X」 holds nothing yet: 「如果我考一張 X」)
        suppose = "if I " if answer_lang == "en" else "如果我"
        read = [(p, self.facts.read(f"{suppose}{p.text.strip()}", continuing=True)) for p in parts]
        if not read or not all(ex.certificates or ex.hours or ex.unnamed for _, ex in read):
            return None  # (「B 考三張工具類證照」: certificates counted by category are an option too)
        rest = text
        for p in parts:
            rest = rest.replace(p.text, " ")
        # the aims the message names around the alternatives (「想到 AI 模型訓練，兩條路：…哪條也夠 AI 服務開發？」)
        order = [t.name for t in self.cat.types]
        named = [e.key for e in self.reader.entities(normalise(rest)) if e.kind == "type"]
        named += [
            x for e in self.reader.entities(normalise(rest)) if e.kind == "talent" for x in self._talent_types(e.key)
        ]
        # (「哪個能到進階」: a level only one type has names that type, and that level is the aim)
        one = self._level_of_one_type(rest) if not named else None
        named += [one] if one else []
        aimed_level = self._level_named_in(rest, one) if one else None
        asked = sorted(set(named), key=order.index)
        en = answer_lang == "en"
        stated = self.facts.read(rest, continuing=True)  # 「我有 iPAS 初級…兩個方案：A…」: the facts held, kept
        if stated.has_facts and not stated.hypothetical:
            ds.profile = self.facts.apply(ds.profile, stated, ds.turn)
        base = ds.profile
        before = {t["type"]: t["level"] for t in self.situation.result_of(base)["types"]}
        lines, reaching = [], {t: [] for t in asked}
        for p, ex in read:
            supposed = self.facts.apply(
                base, replace(ex, hypothetical=True, adds=True, correction=False, no_certificates=False), ds.turn
            )
            after = self.situation.result_of(supposed)
            gains = [
                (
                    t["type"],
                    t["level"],
                    next((r["id"] for r in t["rules"] if r["level"] == t["level"] and r["met"]), ""),
                )
                for t in after["types"]
                if t["level"] != before[t["type"]]
            ]
            levels = {t["type"]: t["level"] for t in after["types"]}
            for aim in asked:
                reached = levels[aim] == aimed_level if aim == one and aimed_level else levels[aim] != "未達"
                if reached:
                    reaching[aim].append(p.label)
            added = [self._name("cert", c) for c in ex.certificates]
            added += [f"{n} × {cat}" if en else f"{cat} {n} 張" for cat, n in ex.unnamed]
            added += [f"{self.situation.area_label(a)} {h:g}{' h' if en else ' 小時'}" for a, h in ex.hours]
            if any(a.startswith("tool.") for a, _ in ex.hours):
                # (what 進階 counts: the tools' hours added up, after the option)
                tools = sum(h.hours for a, h in supposed.hours.items() if a.startswith("tool."))
                added.append(f"tools then {tools:g} h in all" if en else f"之後工具合計 {tools:g} 小時")
            name = f"Option {p.label}" if en else f"方案 {p.label}"
            if gains:
                got = ("; " if en else "、").join(
                    f"{t} {lv} ({rid})" if en else f"{t} {lv}（規則 {rid}）" for t, lv, rid in gains
                )
                said = f"adds {got}" if en else f"可多達成 {got}"
            else:
                said = "adds no level yet" if en else "還不會多達成能力類型"
            talents = [c["name"] if isinstance(c, dict) else c for c in after["talent_categories"]]
            meets = (f"; meets {'、'.join(talents)}" if en else f"；符合 {'、'.join(talents)}") if talents else ""
            lines.append(
                f"• {name} ({', '.join(added)}): {said}{meets}"
                if en
                else f"• {name}（{'、'.join(added)}）：{said}{meets}"
            )
            if asked:
                each = ("; " if en else "、").join(f"{t} {levels[t]}" for t in asked)
                lines.append(f"  {each}")
        if asked:
            heads = []
            for what, labels in reaching.items():
                who = ", ".join(labels) if en else "、".join(labels)
                what = f"{what} {aimed_level}" if what == one and aimed_level else what
                if len(labels) == len(read):
                    heads.append(f"Every option reaches {what}." if en else f"每個方案都能達到 {what}。")
                elif labels:
                    heads.append(f"Only option {who} reaches {what}." if en else f"只有方案 {who} 能達到 {what}。")
                else:
                    heads.append(f"No option reaches {what} yet." if en else f"這幾個方案都還不能達到 {what}。")
            head = " ".join(heads) if en else "".join(heads)
        else:
            head = (
                "Each option, supposed on the facts you gave (not saved):"
                if en
                else "各方案的試算（假設情況，未記錄）："
            )
        echo = self.situation.echo(base, answer_lang)
        source = "Source: 附件(二) 表5; 附件(三) 表6" if en else "出處：附件(二) 表5、附件(三) 表6"
        ds.paths = [
            PathChoice(label=p.label, certificates=list(ex.certificates), hours=list(ex.hours)) for p, ex in read
        ]
        certs = [c for _, ex in read for c in ex.certificates]
        ds.topic = Topic(
            entities=[("cert", c, "") for c in certs],
            listed=[("cert", c) for c in certs],
            lang=ds.topic.lang if ds.topic else "zh-TW",
            turn=ds.turn,
            rule=PATHS_COMPARED,
        )
        text_out = "\n".join([head, echo, *lines, "", source])
        return Reply(to_simplified(text_out) if answer_lang == "zh-CN" else text_out, self._profile_buttons(lang))

    def _named_ones_held(self, text: str) -> str:
        """「王磊有 X；李娜有 Y；張偉這兩張都有」「我兩張都有」: 「這 N 張都有」 holds the N certificates the same
        message named before it, written out so whoever says it holds them by name."""
        m = NAMED_ONES_HELD.search(text)
        if m is None:
            return text
        wanted = CHINESE_DIGITS.get(m.group("n") or m.group("n2"), 0)
        before = [e.key for e in self.reader.entities(normalise(text[: m.start()])) if e.kind == "cert"]
        named = list(dict.fromkeys(before))
        if wanted < 2 or len(named) != wanted:
            return text
        names = "、".join(self.cat.certification(c).name for c in named)
        return f"{text[: m.start()]}有 {names}{text[m.end() :]}"

    def _persons_certificate(self, ds: DialogueState, text: str) -> str:
        """「睿哲那張是哪個單位辦的？」 "Daniel's cert": the one certificate that person holds, by its name (so the
        catalog answers about it); unchanged when they hold none or several."""
        team = {**ds.people, **({ds.person: ds.profile} if ds.person else {})}
        if any(e.kind in ("cert", "type", "talent") for e in self.reader.entities(normalise(text))):
            # a certificate named: that one is asked about; 「林小姐那張有「進階」，就是工具應用進階嗎」: her level
            return text
        for name, profile in team.items():
            held = list(dict.fromkeys(c.cert_id for c in profile.certificates))
            if name != people.SELF and len(held) > 1:
                for form in people.forms(name):
                    # 「小琪那四張各是哪裡辦的」「阿哲的兩張」: all of that person's certificates, by name
                    every = re.search(
                        rf"(?<![A-Za-z]){re.escape(form)}\s*(的|手上)?\s*(那|這|这)?\s*(幾|几|[兩两二三四五六2-6])\s*(張|张)",
                        text,
                    )
                    count = every.group(3) if every else ""
                    size = (
                        int(count) if count.isdigit() else int(chinese_number(count) or 0) if count not in "幾几" else 0
                    )
                    if every and (size == len(held) or not size):
                        listed = "、".join(f"「{self.cat.certification(c).name}」" for c in held)
                        return text[: every.start()] + listed + text[every.end() :]
                # "Priya - her second certificate": that one of hers, in the order she was said to hold them
                for form in people.forms(name):
                    said = re.search(rf"(?<![A-Za-z]){re.escape(form)}{HELD_ORDINAL.pattern}", text, re.IGNORECASE)
                    nth = ORDINALS.get((said.group("nth") or said.group("nth_en") or "").lower()) if said else None
                    if said and nth is not None and nth < len(held):
                        chosen = self.cat.certification(held[nth]).name
                        return text[: said.start()] + f"「{chosen}」" + text[said.end() :]
            if name == people.SELF or len(held) != 1:
                continue
            cert = f"「{self.cat.certification(held[0]).name}」"
            for form in people.forms(name):
                f = re.escape(form)
                said = re.search(
                    # (「NVIDIA 那張」 is no 「A 那張」: a Latin name is a whole word)
                    rf"(?<![A-Za-z]){f}\s*(的)?\s*(手上|拿的|考的|有的)?\s*(那張|那一張|這張|那個證照|那張證照|的證照|的證書|的認證"
                    # (in Simplified: 「小李那张证书」)
                    r"|那张|那一张|这张|那个证照|那张证照|那张证书|的证照|的证书|的认证)"
                    rf"|(?<![A-Za-z]){f}'s (cert|certificate|certification|credential)\b"
                    # ("passes the same cert Lin has")
                    rf"|\b(the )?(same )?(cert|certificate|certification|exam|one) (that )?{f} (has|holds|passed)\b",
                    text,
                )
                if said and not re.match(r"\s*[A-Za-z「『]", text[said.end() :]):
                    # (「阿傑那張 TQC 寫的是『進階』」: the words after it say which, and what of it is asked)
                    return text[: said.start()] + cert + text[said.end() :]
        return text

    def _people_removed(self, ds: DialogueState, text: str) -> str:
        """「宗翰下個月離職先拿掉。另外新來一個怡萱…這樣現在幾位？」: the people taken out no longer count (their
        facts are dropped) and the clauses that say so are read no further; the rest of the message goes on."""
        known = [n for n in [*ds.people, *([ds.person] if ds.person else [])] if n != people.SELF]
        gone = people.removed(text, known) if len(known) >= 2 else []
        if not gone:
            return text
        for name in gone:
            ds.people.pop(name, None)
            ds.supposed.pop(name, None)
            ds.named = [n for n in ds.named if n != name]
        if ds.person in gone:  # the one talked about left: the one named last before them is talked about
            rest = [n for n in ds.named if n in ds.people]
            ds.profile, ds.person = (ds.people.pop(rest[-1]), rest[-1]) if rest else (StatedProfile(), None)
            ds.hypothesis = None
        return people.removal_clauses(text, gone)

    def _people_left(self, ds: DialogueState, gone: list[str], answer_lang: str, lang: Lang) -> list[Reply]:
        """Someone taken out with nothing else asked: said back, then who of the rest meets which category (the
        question a manager asks next), so the removal is never silent."""
        names = "、".join(gone) if answer_lang != "en" else ", ".join(gone)
        ask = WHO_MEETS_ZH if answer_lang != "en" else WHO_MEETS_EN
        said = f"好的，{names} 不再計入。" if answer_lang != "en" else f"OK, {names} no longer counted."
        replies = self._read_one(ds, ask, lang) if ds.people or ds.person else []
        ds.turn -= 1 if replies else 0
        if not replies:
            return [Reply(said)]
        return [Reply(f"{said}\n{replies[0].text}", replies[0].buttons), *replies[1:]]

    def _everyone_supposed(self, ds: DialogueState, text: str) -> dict[str, StatedProfile]:
        """「如果下一梯幫全班每個人都加一門 12 小時的 AI 素養課，會有幾位符合」: the course's hours added to every
        person talked about, each on a copy (what-ifs are never stored); {} unless several people are."""
        team = {**ds.people, **({ds.person: ds.profile} if ds.person else {})}
        team = {name: profile for name, profile in team.items() if not profile.is_empty()}
        if len(team) < 2 or not EVERYONE_TAKES.search(normalise(text)):
            return {}
        stated = self.facts.read(text, continuing=True)
        if not (stated.hours or stated.certificates) or stated.unnamed or stated.negated:
            return {}  # (a course or a certificate supposed for everyone: "sponsors all three to take X")
        course = replace(stated, adds=True, hypothetical=False, correction=False, unassigned_hours=[], totals=[])
        return {name: self.facts.apply(profile, course, ds.turn) for name, profile in team.items()}

    def _people_total(self, ds: DialogueState, text: str, lang: str) -> str:
        """「這兩個人加起來總共上了幾小時的課」: each person's course hours and their sum."""
        team = {**ds.people, **({ds.person: ds.profile} if ds.person else {})}
        team = {name: p for name, p in team.items() if name != "—" and not p.is_empty()}
        each = [(name, sum(h.hours for h in p.hours.values())) for name, p in team.items()]
        total = sum(h for _, h in each)
        if lang == "en":
            parts = ", ".join(f"{name} {h:g} h" for name, h in each)
            return f"{len(each)} people, {total:g} hours of courses in all: {parts}."
        parts = "＋".join(f"{name} {h:g}" for name, h in each)
        out = f"{len(each)} 位合計受訓時數 {total:g} 小時：{parts}。"
        return to_simplified(out) if lang == "zh-CN" else out

    def _subject_certs_noted(self, ds: DialogueState, text: str, replies: list[Reply]) -> list[Reply]:
        """「要補哪張？最好跟 Python 有關，順便講誰辦的」 with facts known: the 表6 certificates whose names carry the
        word the person asks for (of a category the reply's routes name, none held), each with its issuer."""
        n = normalise(text)
        if not replies or ds.profile.is_empty() or not (NEXT_CERT_TO.search(n) or WHICH_TO_TAKE.search(n)):
            return replies
        wanted = SUBJECT_WANTED.search(n)
        if wanted is None:
            return replies
        said = wanted.group("word") or wanted.group("word2")
        word = said.strip().lower()
        held = {c.cert_id for c in ds.profile.certificates}
        first = replies[0]
        found = [
            c
            for c in self.cat.certifications
            if word in c.name.lower() and c.id not in held and c.category in first.text
        ]
        if not found or len(found) > 3:
            return replies
        en = reads_as_english(text)
        listed = "、".join(
            f"{c.name}（{c.category}，{c.issuer}）" if not en else f"{c.name} ({c.category}, {c.issuer})" for c in found
        )
        line = f"Related to “{said}”: {listed}" if en else f"跟「{said}」有關的：{listed}"
        return [Reply(f"{line}\n\n{first.text}", first.buttons), *replies[1:]]

    def _category_gain_noted(self, ds: DialogueState, text: str, replies: list[Reply]) -> list[Reply]:
        """「那考哪張工具類最快？資策會辦的優先」 with facts known: the catalog's list answers it, and what any one
        more certificate of that category would add to the person's levels (the engine, on a copy) is said too."""
        n = normalise(text)
        if not replies or ds.profile.is_empty() or not WHICH_TO_TAKE.search(n):
            return replies
        categories = {e.key for e in self.reader.entities(n) if e.kind == "cert_category"}
        if len(categories) != 1 or self.facts.read(text, True).has_facts:
            return replies
        category = next(iter(categories))
        held = {c.cert_id for c in ds.profile.certificates}
        gains: set[tuple[str, str]] | None = None
        for cert in self.cat.certs_in(category):  # type: ignore[arg-type]
            if cert.id in held:
                continue
            added = HeldCertificate(cert_id=cert.id, turn=ds.turn)
            after = ds.profile.model_copy(update={"certificates": [*ds.profile.certificates, added]})
            levels = {t["type"]: t["level"] for t in self.situation.result_of(after)["types"]}
            one = {(name, levels[name]) for name in self.situation.changed_types(ds.profile, after)}
            gains = one if gains is None else gains & one
        if not gains:
            return replies
        order = [x.name for x in self.cat.types]
        ranked = sorted(gains, key=lambda g: order.index(g[0]))
        if reads_as_english(text):
            line = (
                f"For you (表5): any one more {category} certificate gives "
                + ", ".join(f"{t} {lv}" for t, lv in ranked)
                + "."
            )
        else:
            line = (
                f"以您提供的資料：再考到任一張{category}證照，"
                + "、".join(f"{t} 可達「{lv}」" for t, lv in ranked)
                + "（表5）。"
            )
        first = replies[0]
        return [Reply(line + "\n\n" + first.text, first.buttons), *replies[1:]]

    def _changes_noted(self, text: str, replies: list[Reply]) -> list[Reply]:
        """ "Is there a Microsoft one…, and is anything changing about it?": a change asked after, for the few
        certificates the reply names — 表6's notes on them (an exam to be retired, its successor) are added."""
        if not replies or not CHANGE_ASKED.search(normalise(text)):
            return replies
        first = replies[0]
        certs = [self.cat.certification(e.key) for e in self.reader.entities(normalise(first.text)) if e.kind == "cert"]
        if not certs or len(certs) > 3:
            return replies
        missing = [note for c in certs if c is not None for note in c.notes if note not in first.text]
        if not missing:
            return replies
        head = "表6 note: " if reads_as_english(text) else "表6 註記："
        return [Reply(first.text + "\n\n" + head + " ".join(dict.fromkeys(missing)), first.buttons), *replies[1:]]

    def _retired_name_noted(self, text: str, replies: list[Reply]) -> list[Reply]:
        """「她的其實是 AI-900，不是 AI-901」: a certificate called by the retired name 表6 gives for it is the
        same 表6 entry — said, with 表6's note, whatever the reply computed."""
        if not replies:
            return replies
        n = normalise(text)
        notes = []
        for e in self.reader.entities(n):
            cert = self.cat.certification(e.key) if e.kind == "cert" else None
            old = cert.replaces if cert is not None else None
            if old and re.search(rf"(?<![a-z0-9]){re.escape(normalise(old))}(?![0-9])", n):
                missing = [x for x in cert.notes if x not in replies[0].text]  # type: ignore[union-attr]
                if missing:
                    en = reads_as_english(text)
                    head = (
                        f"表6 lists {old} under 「{cert.name}」 (the same entry): "  # type: ignore[union-attr]
                        if en
                        else f"表6 把 {old} 列在「{cert.name}」同一項："  # type: ignore[union-attr]
                    )
                    notes.append(head + " ".join(missing))
        if not notes:
            return replies
        first = replies[0]
        return [Reply("\n".join([*dict.fromkeys(notes), first.text]), first.buttons), *replies[1:]]

    def _read_one(self, ds: DialogueState, text: str, lang: Lang) -> list[Reply]:
        ds.turn += 1
        unclaimed, ds.unclaimed = ds.unclaimed, False
        text = self._job_referred(ds, text)
        text = self._issuer_by_part(ds, text)
        text = self._topic_marked(ds, text)
        n0 = normalise(text)
        topics = self.reader.scope_topics(n0)
        never = any(not self.reader.scope_weighs(topic) for topic in topics)
        # 「乾脆你幫我決定這三個人裡面要資遣誰」: an outside subject naming nothing of the guideline is weighed as a
        # question of its own before the people it points at are looked up
        content = bool(self.reader.entities(n0)) or bool(set(self.reader.detect_intents(n0)) & CONTENT_INTENTS)
        bare = bool(topics) and not content
        # "who publishes this guideline and which version is it?": the document itself, whatever 「it」 was
        document = "metadata" in self.reader.detect_intents(n0) and re.search(r"(指引|\bguideline\b)", n0)
        if document and not LEVEL_NAMED.search(n0) and not self.facts.read(text, continuing=True).has_facts:
            ds.topic = None  # (a subject of its own: the materials or certificate talked about are no context)
            return self._question(ds, text, lang, resolve=False)
        always = any(self.reader.scope_beside_facts(topic) for topic in topics)
        if always or (never or bare) and not self.facts.read(text, continuing=True).has_facts:
            # 「順便幫我算一下他們三個月薪 4 萬的話勞健保自付額多少」: a subject the guideline never answers,
            # declined before any person or list it points at is looked up
            return self._question(ds, text, lang, resolve=False)  # (「這三個人」 points at no list)
        self._register_compared(ds, text)
        before = {*ds.people, *([ds.person] if ds.person else [])}
        text = self._people_removed(ds, text)
        gone = sorted(before - {*ds.people, *([ds.person] if ds.person else [])})
        if gone and not re.search(r"[\w\u4e00-\u9fff]", text):
            # 「志明下個月離職」 and nothing else: the count of those who stay, with who was taken out
            return self._people_left(ds, gone, self._answer_language(n0, lang), lang)
        text = self._respectively(ds, text)
        text = self._self_introduced(ds, text)
        text = self._shown_by_ordinal(ds, text)
        text = self._table_row(text)
        text = self._type_by_number(text)
        text = self._bare_type_numbers(ds, text)
        text = self._role_described(ds, text)
        text = self._persons_certificate(ds, text)
        text = self._path_certificate(ds, text)
        text = self._named_ones_held(text)
        compared = self._paths_compared(ds, text, self._answer_language(text, lang), lang)
        if compared is not None:
            return [compared]  # 「A 是考一張 X；B 是考 Y 和 Z，各自會達到哪些能力類型？」
        n_total = normalise(text)
        if ds.people and TOTAL_HOURS.search(n_total) and EVERYONE.search(n_total) and not GAP.search(n_total):
            # 「這兩個人加起來總共上了幾小時的課？」: every person's hours added up
            return [Reply(self._people_total(ds, text, self._answer_language(text, lang)))]
        group = self._group_alike(ds, text, lang)
        if group is not None:
            return [group]  # 「品管組 4 個人都上一模一樣的課，整組有幾個人達到 AI 應用人才？」
        exams = self._described_exams_passed(ds, text, lang)
        if exams is not None:
            return [exams]  # 「如果考生兩張都拿到呢？」 after two exams were described and placed in 表3
        text, each = self._several_people(ds, text)
        each = each or self._each_known(ds, text)
        if each:
            return self._each_answered(ds, text, each, lang)
        titled = self._titles_for_people(ds, text, lang)
        if titled is not None:
            return [titled]  # "Which job titles fit me, and which fit Mei?"
        said = text
        text = self._person_by_ordinal(ds, text)
        text = self._person_by_shortfall(ds, text)
        text = self._person_not_meeting(ds, text)
        text = self._why_counted(ds, text)
        text = self._within_list(ds, text)
        text = self._unlisted_pointed(ds, text)
        text = self._with_background(ds, text)
        text = self._titles_for_aim(ds, text)
        aimed = self._aims_reply(ds, text, lang)
        if aimed is not None:
            return [aimed]  # 「順便讓他們也符合 AI 模型訓練，總時數要加嗎」: several aims' least hours at once
        text = self._talent_total(ds, text)
        text = self._what_if_amount_corrected(ds, text)
        text = self._same_pace(ds, text)
        text = self._pace_changed(ds, text)
        by_then = self._by_then(ds, text, lang)
        if by_then is not None:
            return [by_then]  # 「那到時候她離進階還差多少？」 right after how long a level takes at a pace
        text = self._level_kept(ds, text)
        team = self._team_total(ds, text, lang) or self._some_hours_in_area(ds, text, lang)
        if team is not None:
            return [team]
        timed = self._hours_over_pace(ds, text, lang)
        if timed is not None:
            return [timed]
        text = self._plan_target_paced(ds, text)
        text = self._issuer_by_its_certificate(text)
        text = self._materials_for_whom(ds, text)
        text = self._unlisted_declared(ds, text)
        text = self._labelled_holding(text)
        if text != said and detect_language(said) == "zh-CN":
            text = to_simplified(text)  # a person or background put in keeps the user's script for the answer
        switched = self._switch_person(ds, text)
        if switched and ds.plan is not None and ds.turn - ds.plan.turn <= PLAN_FOLLOW_TURNS:
            # 「那第二位呢？只靠上課的話」 right after a plan for the first: the same plan for the one turned to,
            # on the route now named
            rest = re.sub(re.escape(ds.person or "") + r"|那|呢|他|她|[?？,，。!！\s]", "", normalise(text))
            by_courses = bool(re.search(r"(只|光|純|單)?(靠|用|走)?上課", rest))
            if rest and (plan_route(rest) != "any" or by_courses) and len(rest) <= 12:
                text = (
                    f"{text} what is the least to reach {ds.plan.target}?"
                    if reads_as_english(text)
                    else f"{text}，{'只上課的話，' if by_courses else ''}要達到{ds.plan.target}最少還要什麼？"
                )
        supposed: dict[str, StatedProfile] = {}
        # (「如果春嬌去補 18 小時素養課呢？這樣全部有幾個應用人才」: the one talked about, named again)
        named_again = ds.person not in (None, people.SELF) and people.mentioned(text, [ds.person or ""]) == ds.person
        if (switched or named_again and len(ds.people) >= 1) and WHO.search(normalise(text)):
            # 「小陳：… / 小林：有 iPAS 中級 其他都沒 誰算 AI 應用人才」: the last person's facts come with the
            # question about everyone, so they count before it is answered
            stated = self._person_part(people.as_pronoun(text, [ds.person or ""]))  # (「4號：IBM …」: no verb)
            if stated.has_facts and (not stated.hypothetical or self._sets_supposition_aside(text)):
                ds.profile = self.facts.apply(ds.profile, stated, ds.turn)
            elif stated.has_facts and ds.person:
                # 「如果小美把素養課補到 18 小時呢？…總共有幾個人符合了？」: the people counted again with her
                # what-if in place of her facts, on a copy
                supposed = {ds.person: self.facts.apply(ds.profile, stated, ds.turn)}
            elif ds.person in ds.supposed and stated.hypothetical and THAT_HOURS.search(normalise(text)):
                # 「假設 Amy 真的補了那 6h，她跟 Ben 幾個符合」: the what-if supposed for her before, in place
                supposed = {ds.person: ds.supposed[ds.person]}  # type: ignore[index]
        supposed = self._everyone_supposed(ds, text) or supposed  # (「全班每人再加一門…（阿杰按26算）」: all of them)
        who = self._people_compared(ds, text, lang, supposed)
        parts = [p for p in re.split(r"(?<=[?？])", text) if p.strip()]
        if len(parts) == 1:
            # 「三個人裡面，開發人才幾個、應用人才幾個？」: two counts in one sentence, each of its own
            pieces = [p for p in re.split(r"[、,，;；]|(?<=幾個)\s*(?:還有|和|跟)|\band\b", text) if p and p.strip()]
            counted = [p for p in pieces if COUNT_ASKED.search(normalise(p))]
            if len(counted) == 2 and counted[1] == pieces[-1]:
                at = text.rfind(counted[1])
                parts = [text[:at], text[at:]]
        if who is not None and len(parts) == 2 and COUNT_ASKED.search(normalise(parts[1])):
            # 「四個人裡面幾個是開發人才？AI服務開發有達到的又有幾個？」: each count over the same people
            asked = [self.situation.asked_types(p) for p in parts]
            if all(a[0] or a[1] for a in asked) and asked[0] != asked[1]:
                first = self._people_compared(ds, parts[0], lang, supposed)
                second = self._people_compared(ds, f"{parts[1]} 誰", lang, supposed)
                if first is not None and second is not None:
                    who = Reply(f"{first.text}\n\n{second.text}", who.buttons)
        swapped = ds.topic is not None and ds.topic.rule == PEOPLE_COMPARED and SWAP_ONLY.match(normalise(text))
        # (「第一個的工具應用呢」 turns to one of them: not the comparison again)
        known = [*ds.people, *([ds.person] if ds.person else [])]
        swapped = swapped and not ORDINAL.search(normalise(text)) and people.mentioned(text, known) is None
        if who is None and swapped:
            who = self._people_compared(ds, f"{text} 誰", lang)  # 「那 AI 服務開發呢？」 after 「誰的…達到具備」
        if who is not None:
            return [who]  # 「三個人裡面誰符合 AI 開發人才的參考指標」
        raced = self._types_raced(ds, text, self._answer_language(text, lang))
        if raced is not None:
            return [Reply(raced, self._profile_buttons(lang))]  # 「模型訓練跟服務開發，哪個比較快達到？」
        if switched and not ds.profile.is_empty() and self._only_turns(text, ds.person or ""):
            # 「那阿傑呢」「志明呢？」 after one person's result: the same look at the person turned to
            answer_lang = self._answer_language(text, lang)
            shown = ds.situation_types or None
            answer = self.situation.answer(ds.profile, "", answer_lang, default_types=shown)
            ds.situation_types = answer.types
            self._profile_topic(ds, ds.profile)
            return [Reply(answer.text, self._profile_buttons(lang))]
        if ds.person is not None:  # 「阿傑有 X」 "Sarah has X" state facts as 「他有 X」 "he has X" do
            text = people.as_pronoun(text, [ds.person, *ds.people])
        text = self._held_by_issuer(ds, text)
        text = self._both_talked_about_held(ds, text)
        text = self._material_named(ds, text)
        text = self._levels_of_recent_certificate(ds, text)
        text = self._got_the_one_talked_about(ds, text)
        if not ds.profile.is_empty() and DESCRIBED_ONE_EN.search(normalise(text)):
            # "what if instead of the office one she'd taken…": a certificate held, described by its name's words
            held = [("cert", c.cert_id, "") for c in ds.profile.certificates]
            listed = [("cert", key, "") for kind, key in (ds.topic.listed if ds.topic else []) if kind == "cert"]
            text = self._replace_described_en(text, [held, listed])
        n_text = normalise(text)
        exam_made = DESCRIBED_EXAM.search(n_text) and not any(e.kind == "cert" for e in self.reader.entities(n_text))
        if exam_made and {"category_of", "overview_types"} & set(self.reader.detect_intents(n_text)):
            # "If we launched an exam that tests using tools like Midjourney, which category is it?": an exam
            # someone makes, placed in 表3 — not a certificate the user holds or supposes holding
            return self._question(ds, text, lang, resolve=False)  # (「it」 is the exam described)
        positioned = POSITIONED_AS.search(n_text) and TYPES_ASKED.search(n_text)
        if positioned and not self.facts.read(text).has_facts:
            # 「假設我們那張定位成專案類，它對應到哪些能力類型」: the category's contents, no what-if of anyone's facts
            return self._question(ds, text, lang)
        # (a what-if computed last, 「素養 18、文書 15 + 圖文 15 ok嗎」, has facts in play too)
        held = frozenset(ds.profile.hours)  # (「他工具課明明加起來有22小時」 adds up the tool items he has)
        ex = self.facts.read(text, continuing=not ds.profile.is_empty() or ds.hypothesis is not None, held_areas=held)
        opened = re.match(r"\W*(?:[\u4e00-\u9fff]{1,3}\s*)?(?=(他|她|he\b|she\b)\s*[:：])", text, re.I)
        if not ex.has_facts and ds.person and opened:
            ex = self._person_part(text[opened.end() :])  # 「學員 A：X + Y，夠嗎」: the person, a colon, what they hold
        self._course_talked_about(ds, ex, normalise(text))
        self._bare_hours_placed(ds, ex, normalise(text))
        self._gap_filled(ds, ex, normalise(text))
        goal = GOAL_IF.search(normalise(text))
        if ex.hypothetical and ex.has_facts and goal is not None:
            # 「我只上過素養課 11 小時。如果想用最少的時數變成 AI 應用人才，還要幾小時？」: 「如果」 sets the goal, the
            # facts before it are held (kept when nothing else in the message supposes)
            rest = normalise(text)[: goal.start()] + normalise(text)[goal.end() :]
            if not self.facts.hypothetical.search(rest):
                ex.hypothetical = False
        if self._sets_supposition_aside(text):
            ex.hypothetical = False  # 「先不管假設那張」「先不管假設。另一位同事有 X」 name the what-if to set it aside
        alone = bool(ALONE.search(normalise(text))) and not ds.profile.is_empty()
        if alone and not ex.has_facts:
            ex.hypothetical = True  # 「第一張單憑它夠嗎」 "is the first one enough on its own": that one, not stored
        self._referenced_certificates(ds, ex, normalise(text))
        self._level_corrected(ds, ex, normalise(text))
        self._held_taken_out(ds, ex, normalise(text))
        if not ex.has_facts and SUBJECT_CERTS.search(normalise(text)):
            # 「要是改考證書呢 跟影像有關的有哪張」: certificates for a subject, asked of the catalog
            return self._question(ds, text, lang, resolve=False)
        held_named = {c.cert_id for c in ds.profile.certificates} >= set(ex.certificates)  # (「他已經有那兩張」)
        if ex.unnamed and held_named and not ex.hours and CHOICES_ASKED.search(normalise(text)):
            # 「如果要送小陳去考一張素養類的，有哪些可以選？各是誰辦的？」: the category's certificates are asked
            # (and who issues them), whoever would take one — asked as such, no what-if of anyone's facts
            categories = "、".join(dict.fromkeys(category for category, _ in ex.unnamed))
            issuers = "各是誰辦的？" if "issuer" in self.reader.detect_intents(normalise(text)) else ""
            # (「台灣人工智慧學校辦的是哪幾張」: the issuer named narrows the list)
            named = [e.surface for e in self.reader.entities(normalise(text)) if e.kind == "issuer"]
            by = f"{named[0]}辦的" if len(named) == 1 and not ex.certificates else ""  # (「已經有那兩張 NVIDIA」: held)
            asked = f"{by}{categories}認證有哪些？{issuers}"
            asked = to_simplified(asked) if detect_language(text) == "zh-CN" else asked  # (answered in their script)
            return self._question(ds, asked, lang, resolve=False)
        if ex.unnamed and not ex.adds:
            # 「阿凱都有兩張工具類了」 after his two 工具類 were named: the count restates them, adds none
            held: dict[str, int] = {}
            for c in ds.profile.certificates:
                category = self.cat.certification(c.cert_id).category
                held[category] = held.get(category, 0) + 1
            # "…both the 初級 and 中級 levels of X, plus Y. Two tool certs —": this message's certificates,
            # each level the user names counted as they count it (表5 counts the family once all the same)
            said_levels = set(LEVEL_WORDS.findall(normalise(text)))
            for cert_id in ex.certificates:
                cert = self.cat.certification(cert_id)
                levels = len(said_levels & set(LEVEL_WORDS.findall(cert.name)))
                held[cert.category] = held.get(cert.category, 0) + max(1, levels)
            for u in ds.profile.unnamed:
                held[u.category] = held.get(u.category, 0) + u.count
            kept = [(category, n) for category, n in ex.unnamed if n > held.get(category, 0)]
            restated = len(kept) < len(ex.unnamed)
            ex.unnamed = kept
        else:
            restated = False
        stored = ds.profile.hours
        if (
            ex.hours
            and not (ex.certificates or ex.unnamed or ex.hypothetical or ex.correction or ex.adds)
            and all(area in stored and stored[area].hours == value for area, value in ex.hours)
            and (
                {e.kind for e in self.reader.entities(normalise(text))} - FACT_KINDS
                or set(self.reader.detect_intents(normalise(text))) & CONTENT_INTENTS
            )
        ):
            ex.hours = []  # 「素養那 18 小時想用現成教材，有推薦的嗎」: hours restated as stored, a subject asked
        if ex.hypothetical and not ex.has_facts and not ex.adds:
            ex.hypothetical = False  # 「他如果想達到模型訓練，最快的方式是什麼」 supposes nothing about his facts
        if unclaimed and ds.hypothesis is not None and ds.profile.is_empty() and ex.has_facts:
            # 「素養18h 文書12h 算初階嗎」→「不對 文書是21h」「我copilot課上了10h」: facts stated with no one
            # named, then corrected or added to, were the user's own (and 「那補了十八小時以後呢」 supposes on them)
            ds.profile, ds.hypothesis = ds.hypothesis, None
        if ex.correction and ex.certificates and not ds.profile.is_empty():
            # 「第一張其實是 X，不是 Y」: X replaces the one taken back, the others stay
            ex.negated = list(dict.fromkeys([*ex.negated, *self._taken_back(ds.profile, normalise(text))]))
        n = normalise(text)
        # ("if I went the certificate way instead of more hours" chooses a route; it offsets nothing)
        chosen_route = bool(ex.route) and {m.group(0) for m in OFFSET.finditer(n)} == {"instead of"}
        offset = OFFSET.search(n) and CERT_WORD.search(n) and HOURS_WORD.search(n) and not chosen_route
        if offset and not ds.profile.is_empty():
            return [self._routes_not_offset(ds, text, lang)]
        if switched:
            # 「回到怡君」: her facts are the profile now, and her certificates what 「那張」 means
            self._profile_topic(ds, ds.profile)
        elif NEW_PERSON.search(n) and ex.has_facts:
            # 「另一位小林，只有上過素養課 10 小時」: someone else's facts start a profile of their own
            ds.profile, ds.hypothesis, ds.situation_types = StatedProfile(), None, []
        # 「如果文書再多上 8 小時呢？」→「那要到進階的話，時數還差多少？」: a gap question right after a what-if,
        # with nothing new stated and no 「現在/實際」, goes on from the what-if
        goes_on = bool(ds.situation_types) and not ex.has_facts and bool(GAP.search(n)) and not NOW.search(n)
        # 「如果兩張都考到，工具應用能到進階嗎？」→「AI 模型訓練呢？」: another type, under the same what-if
        goes_on = goes_on or (
            ds.hypothesis is not None
            and bool(ds.situation_types)
            and not ex.has_facts
            and not self.facts.hypothetical.search(n)  # 「那如果我只有…呢？」 supposes anew
            and not NOW.search(n)
            and bool(ABOUT_ANOTHER.search(n))
            and len(n) <= 30
        )
        # 「可是單一工具都沒有到 18 小時欸，那初階算有過嗎？」 right after a what-if: a level question of the
        # same what-if, nothing new stated
        asks_again = ds.hypothesis is not None and bool(ds.situation_types) and ex.asks_level and not ex.has_facts
        supposes = bool(self.facts.hypothetical.search(n))  # 「假設上面兩個都上完」 supposes anew
        asks_again = asks_again and not supposes and not NOW.search(n) and not REAL.search(n)
        # (「順便問，我的職稱是行政助理，在表7算哪一型？」「照發展路徑下一步是什麼職稱」: a role or a career path asked;
        # 「另外老闆叫我把客戶名單丟 ChatGPT，這樣 OK 嗎」: responsible use asked)
        own_kinds = {e.kind for e in self.reader.entities(n)}
        asks_again = (
            asks_again
            and not own_kinds & {"role", "archetype", "rai"}
            and "career" not in self.reader.detect_intents(n)
            and not THING_BUILT.search(n)  # 「學校想做一套適性學習系統，這算哪種人才的事」: a work of its own
        )
        goes_on = goes_on or asks_again
        # 「那如果 Copilot 那堂再多上十二小時呢」→「服務開發還差多少」→「一週上三小時的話要多久」: the time asked right
        # after a what-if's result is the time from that what-if
        # (「先不考。如果每週上 5 小時素養課…」 "Forget the exam. If I only do courses…": the what-if set aside, or
        # an area or aim of its own named — from the facts held)
        paced = self.facts.pace(n) is not None and bool(self.facts.duration.search(n) or THAT_GAP.search(n))
        # (「模型訓練剩下那些，一週上一個半小時」 right after a what-if on 模型訓練 hours: the area it changed)
        changed = (
            {
                a
                for a, h in ds.hypothesis.hours.items()
                if a not in ds.profile.hours or ds.profile.hours[a].hours != h.hours
            }
            if ds.hypothesis is not None
            else set()
        )
        named_areas = {area for _, area, _ in self.facts.areas_named(n)}
        entities = [e for e in self.reader.entities(n) if not (e.kind == "type" and changed and named_areas <= changed)]
        own_aim = bool(named_areas - changed) or bool(entities) or bool(ASIDE_WORDS.search(n))
        # ("And to close that service development gap at 4.5 hours a week?": the gap the what-if left, pointed at)
        own_aim = own_aim and not THAT_GAP.search(n)
        goes_on = goes_on or (
            paced
            and ds.hypothesis is not None
            and bool(ds.situation_types)
            and not ex.has_facts
            and not NOW.search(n)
            and not own_aim
        )
        # 「行銷的那張咧？也是工具類？」 after a what-if: a catalog question about a certificate it describes
        catalog_intents = {"category_of", "issuer"} & set(self.reader.detect_intents(n))
        described_asked = DESCRIBED_ONE.search(n) and catalog_intents
        # 「iPAS 中級是哪個單位辦的？」「iPAS 初級也算工具類嗎」 after a what-if: the catalog's answer about the
        # certificate named, not the what-if again
        named_asked = catalog_intents and not ex.has_facts and any(e.kind == "cert" for e in self.reader.entities(n))
        goes_on = goes_on and not described_asked and not named_asked
        asks_again = asks_again and not named_asked
        # 「如果那 18 小時我是去上服務開發課呢？」 right after a what-if that left 18 hours short: those hours, added
        # to the same what-if
        those_hours = ds.hypothesis is not None and ex.hypothetical and ex.hours and bool(THAT_HOURS.search(n))
        # (「那如果那 30 小時全部都是上 Canva」: hours stated before, all moved into one area)
        those_hours = those_hours and not re.search(r"(全部|全都|通通|都是|只上|\ball\b)", n)
        goes_on = goes_on or bool(those_hours and not NOW.search(n))
        # 「考到之後我就算應用人才了嗎」→「那如果我再考 X 呢」 with nothing stored: 「再」 can only add to the what-if
        stacked = ds.profile.is_empty() and ds.hypothesis is not None and ex.adds and ex.hypothetical
        # 「如果再加一張 NVIDIA…呢」→「再考一張 TQC+ … 的話」: one more certificate on a what-if that only added
        # certificates is one more on top of it
        stacked = stacked or bool(
            ds.hypothesis is not None
            and ex.hypothetical
            and ex.certificates
            and not ex.hours
            and ds.hypothesis.hours == ds.profile.hours
            and len(ds.hypothesis.certificates) > len(ds.profile.certificates)
            and re.search(r"(再|又)(考|拿|加)(一|1)張|\b(one more|another)\b", n)
        )
        goes_on = goes_on or bool(stacked and not NOW.search(n) and not unclaimed)
        aside = self._sets_supposition_aside(text)
        if ds.hypothesis is not None and (WHAT_IF_DROPPED.search(n) or aside):
            # 「先不考照好了。要同時過…最少還要上幾小時？」: the what-if dropped, the question is on the facts held
            # (「回到現實，我每週可以上 3 小時…」 "that was just hypothetical": set aside, supposing nothing new)
            goes_on = asks_again = False
            if aside:
                ex.hypothetical = False
            if not ex.hypothetical:
                ds.hypothesis = None
        # 「改成 文書 25、自動化 4 小時呢？」 right after a what-if: the what-if varied, not the stated facts
        variant = ds.hypothesis is not None and ex.has_facts and bool(VARIANT.match(n)) and not NOW.search(n)
        if variant:
            ex.hypothetical, ex.adds, ex.correction = True, False, True
        base = (
            ds.hypothesis
            if ds.hypothesis is not None and (SAME_HYPOTHESIS.search(n) or goes_on or variant)
            else ds.profile
        )
        tools_now = [area for area, _ in ex.hours if area.startswith("tool.")]
        # (「改成全部上文書，文書 30 小時」: one item given as all there is)
        if variant and base is not None and tools_now and (len(set(tools_now)) >= 2 or ALL_INTO.search(n)):
            # (several tool items given anew are the whole tool allocation: the others are left out)
            kept = {a: h for a, h in base.hours.items() if not a.startswith("tool.") or a in tools_now}
            base = base.model_copy(update={"hours": kept})
        # 「更正，程式課其實上了十二小時。加上剛剛說的素養補三…」: a stated fact corrected inside a what-if goes on
        # from the what-if, and is corrected in the facts held too
        corrected_held = base is ds.hypothesis and ex.correction and bool(ex.hours) and not ex.hypothetical
        corrected_held = corrected_held and not variant and base is not None
        if base is ds.hypothesis:
            ex.hypothetical = True
        updated = self.facts.apply(base, ex, ds.turn) if ex.has_facts else base
        if corrected_held:
            ds.profile = self.facts.apply(ds.profile, replace(ex, hypothetical=False), ds.turn)
        refused = self._impossible_hours(updated, text, lang)
        if refused is not None:
            return [refused]  # 「素養上了 20018 小時」: said back as a slip; the facts are kept as they were
        if (ONLY.search(normalise(text)) or alone) and ex.certificates and ex.hypothetical:
            keep = set(ex.certificates)  # 「如果我只有這張」: the hypothetical holds that certificate alone
            updated = updated.model_copy(
                update={"certificates": [c for c in updated.certificates if c.cert_id in keep], "unnamed": []}
            )
        answer_lang = self._answer_language(text, lang)
        normalised = normalise(text)
        never = any(not self.reader.scope_weighs(topic) for topic in self.reader.scope_topics(normalised))
        # (「我翻了結業證明，影像那門其實是 20 小時，不是 12」 corrects a fact, asking nothing of the paper)
        # (「翻了結業證書，是 21 小時才對…這樣我算到哪了」: facts corrected, then one's level asked)
        # (「公司有補助上課。目前上過：素養 18 小時…我現在到哪了」: facts and a level question; 補助 is in passing)
        corrected = ex.has_facts and (ex.asks_level or ex.correction and not QUESTION_MARKERS.search(normalised))
        if never and not corrected:
            return self._question(ds, text, lang)  # 「幫我寫一封求職信，說我有 iPAS 初級」: a task, declined
        if self.reader.scope_topics(normalised) and not ex.has_facts:
            # 「公司能不能因為她沒到進階就扣考績，合法嗎？」 after her result: a question of its own, weighed
            # against the guideline as any question is (declined, or answered when the guideline covers it)
            # (「另外」 reads as 「再」 but adds nothing when no fact is stated)
            return self._question(ds, text, lang)
        step = self._single_step(ds, ex, text, answer_lang, lang)
        if step is not None:
            return [step]  # 「只做一件事的話，哪一件能讓我一次多拿最多項？」
        declined = (
            None if ex.has_facts or ds.profile.is_empty() or REAL.search(normalised) else self._declined_outside(text)
        )
        if declined is not None:
            # 「最近準備考試肩頸超痠，是不是要看骨科？」 with a profile stored: 「是不是」 is no level question
            # when nothing of the guideline is named and the question reader finds it outside the guideline
            return [declined]
        before_plan = ds.profile
        learning = self._learning_plan(ds, ex, updated, normalised, answer_lang, lang)
        if learning is not None:
            if ex.correction and ex.has_facts and not ex.hypothetical and not before_plan.is_empty():
                # 「EEC 那張是同事的，我沒有。這樣剛剛的結論要改嗎？」 right after a plan: what changed, then the plan
                change = self._correction_line(before_plan, ds.profile, normalised, answer_lang)
                learning = Reply(change + learning.text, learning.buttons)
            return [learning]  # 「我想成為 AI 產品經理，要怎麼做」: the plan from the facts stated so far
        helps = self._which_certificate_helps(ds, ex, updated, text, answer_lang, lang)
        if helps is not None:
            return [helps]  # 「這兩張如果只能考一張，哪一張能讓我多達成一個能力類型？」
        if ex.then is not None and not ex.hypothetical:
            return self._fact_and_supposition(ds, ex, updated, text, answer_lang, lang)
        # (「回到剛剛文書拉到 18h 那個版本，整個課程總共幾小時」: the version supposed, restated)
        restated_version = ex.has_facts and base is ds.hypothesis and ds.hypothesis is not None
        # (「工具課總共上了幾小時」 asks the hours stated; "service development via hours — how many in total?"
        # asks what a level needs, answered by its result)
        aims = any(e.kind in ("type", "talent") for e in self.reader.entities(normalised))
        totals = (
            TOTAL_HOURS.search(normalised)
            and not GAP.search(normalised)
            and (ds.situation_types or not ds.profile.is_empty() and not aims)
            and not (aims and not ds.situation_types)
        )
        # (「客服部每個人每週只能上 2.5 小時，上完整套要幾週？」: the whole package at that pace)
        totals = totals or bool(
            WHOLE_TIMED.search(normalised) and self.facts.pace(text) is not None and not ds.profile.is_empty()
        )
        # (「這門課每週兩堂、每堂一個半小時，要上幾週？」 about a course package: the whole of it, when no level or
        # type is aimed at)
        totals = totals or bool(
            ds.course
            and not ds.people
            and ds.person is None
            and not AIMED_AT.search(normalised)
            and self.facts.pace(text) is not None
            and self.facts.duration.search(normalised)
            and not LEVEL_NAMED.search(normalised)
            and not aims
            and not ds.profile.is_empty()
        )
        if totals and (not ex.has_facts or restated_version):
            # 「好，那這樣整套課總共幾小時？」 after a result: the hours stated (or supposed just now) added up
            shown = ds.hypothesis if ds.hypothesis is not None and not NOW.search(normalised) else ds.profile
            shown = updated if restated_version else shown
            if not shown.is_empty():
                hypothetical = shown is ds.hypothesis
                text_out = self.situation.total_hours(shown, answer_lang, hypothetical=hypothetical, asked=text)
                return [Reply(text_out, self._profile_buttons(lang))]
        if STORED_ASKED.search(normalised) and not ex.has_facts and not ds.profile.is_empty():
            # 「我現在素養課實際登記的是幾小時？」「你記的我有幾張」: the facts as stored, echoed back to correct
            echo = self.situation.echo(ds.profile, answer_lang)
            return [Reply(f"{echo}\n{self.situation.standing(ds.profile, answer_lang)}", self._profile_buttons(lang))]
        if (
            self.facts.pace(text) is not None
            and not ex.has_facts
            and (not updated.is_empty() or self._target_named(text) or self._talked_types(ds))
        ):
            # 「我每週可以上 3 小時的工具課，要多久才能到進階？」: how long from the facts held (or the what-if
            # gone on from), for the type named or the one talked about (「一週只能擠 6 小時，要幾週」 right after
            # what AI 模型訓練 takes: from nothing, toward it)
            shown = self.situation.asked_types(text)[0] or ds.situation_types or self._talked_types(ds) or None
            shown = self._paced_types(text, shown)
            if BOTH_OF_THEM.search(normalise(text)):
                # 「每週補四小時模型訓練，幾週後兩個都會過」: the two types those hours count toward, else the two
                # just shown
                area = self.facts.pace(text).area  # type: ignore[union-attr]
                counting = self.situation.types_counting_areas([area]) if area else []
                shown = (
                    counting if len(counting) == 2 else ds.situation_types if len(ds.situation_types) == 2 else shown
                )
            hypothetical = base is ds.hypothesis
            answer = self.situation.answer(updated, text, answer_lang, hypothetical=hypothetical, default_types=shown)
            ds.situation_types = answer.types
            return [Reply(answer.text, self._profile_buttons(lang))]
        # (「先不管那個假設。我想往 AI 工程師發展，路徑是？」 sets the what-if aside to ask something else)
        elsewhere = {e.kind for e in self.reader.entities(normalised) if e.start >= 0} - FACT_KINDS - {"cert_category"}
        if (
            REAL.search(normalised)
            and not ex.has_facts
            and not ds.profile.is_empty()
            and (ds.situation_types or ds.types_talked or ds.hypothesis is not None)
            and not (elsewhere and not self._asks_levels_too(normalised))
        ):
            # 「ok 那實際上呢？」 after a what-if: the same result on the facts as stated, the what-if dropped
            # (after a what-if that changed only the talent category: the types talked about before it)
            named = bool(self.situation.asked_types(text)[0])  # 「實際上程式語言應用還差多少」: the type named
            answer = self.situation.answer(
                ds.profile,
                text,
                answer_lang,
                default_types=ds.situation_types or ds.types_talked[-2:] or None,
                route=self._route_asked(ex, text, ds.situation_route),
                follow=not named,
            )
            ds.hypothesis, ds.situation_types = None, answer.types
            self._profile_topic(ds, ds.profile)
            return [Reply(answer.text, self._profile_buttons(lang))]
        # (the hours a drop names, "without the 6 hours of video", are no new fact)
        supposed = self._dropped_or_filled(ds, normalised) if not ex.certificates else None
        if supposed is not None:
            # 「那個 8 小時的拿掉呢？」「補完那 2 小時之後呢？」: the stated facts with one area taken out, or a
            # shortfall just shown made up — computed on a copy, never stored
            changed = self.situation.changed_types(ds.hypothesis or ds.profile, supposed)
            order = [t.name for t in self.cat.types]
            shown = sorted({*ds.situation_types, *changed}, key=order.index) or None
            answer = self.situation.answer(supposed, text, answer_lang, hypothetical=True, default_types=shown)
            ds.hypothesis, ds.situation_types = supposed, answer.types
            return [Reply(answer.text, self._profile_buttons(lang))]
        unknown = self.reader.unknown_names(text) if self.reader.cert_words.search(normalised) else []
        if unknown and not ex.certificates and not ex.has_facts and not ds.profile.is_empty():
            # 「我還有一張公司內部發的「AI 小尖兵」證書，可以算進去嗎」: not a 表6 certificate — said so, and
            # where the stated facts stand without it
            answer = self.advisor.respond(text)
            if answer.rule == "scope.unknown_certification":
                standing = self.situation.standing(ds.profile, answer_lang)
                return [Reply(f"{answer.text}\n\n{standing}", self._profile_buttons(lang))]
        about_self = self._about_self(ds, ex, normalised) or restated  # (facts restated are about the person)
        # (a route asked right after a result from nothing held — 「沒有證照的話要幾小時」 — is computed on nothing)
        route_swap = bool(ex.route) and bool(ds.situation_types) and about_self
        if (about_self or base is ds.hypothesis and asks_again) and (not updated.is_empty() or route_swap):
            # facts in a question with no person in it (「AI 模型訓練 30 小時算具備嗎？」) are computed, not kept
            # 「另一位小林…」「同事有三張…」 are a person too
            someone = ex.first_person or bool(NEW_PERSON.search(normalised) or THIRD_PERSON.search(normalised))
            someone = someone or bool(OWN_RECORD.search(normalised))
            hypothetical = ex.hypothetical or (ex.has_facts and not someone and ds.profile.is_empty())
            # 「那模型訓練呢？」 after 「單看時數服務開發夠嗎」 keeps to the route the user chose
            route = self._route_asked(ex, text, ds.situation_route if ds.situation_types else None)
            # "what if I take the iPAS 中級 exam instead" after "through training hours": a supposed
            # certificate is weighed on the certificate route too (and supposed hours on the hours route)
            supposed_other = (ex.certificates or ex.unnamed) if route == "training" else ex.hours
            if not ex.route and ex.hypothetical and supposed_other:
                route = None
            # 「學員上過素養 18 小時了，總共還得排幾小時」 right after a question about one type: that type
            talked = [key for kind, key, _ in (ds.topic.entities if ds.topic else []) if kind == "type"]
            # 「…她還差多少？」 after what AI 應用人才 takes: the category's types
            # (not when the message aims elsewhere itself: 「那如果以後想往開發走，還要補啥」 after 表8's titles)
            aims = bool(DESIRED.search(normalised))
            talked = talked or [
                t
                for kind, key, _ in (ds.topic.entities if ds.topic and not aims else [])
                if kind == "talent"
                for t in self._talent_types(key)
            ]
            if not talked and ds.plan is not None and ds.topic is not None and ds.topic.rule == LEARNING_PLAN:
                talked = self._plan_types(ds.plan.target)  # 「她還差多少？」 right after a plan: toward its target
            shown = ds.situation_types or talked
            shown = self._paced_types(text, shown)
            if hypothetical:  # and the types the supposition changes, or the ones it asks about
                changed = self.situation.changed_types(ds.profile, updated)
                # (「如果模型訓練再多上 5 小時呢」: AI 服務開發 counts those hours too — shown while still short)
                levels = {row["type"]: row["level"] for row in self.situation.result_of(updated)["types"]}
                counting = [
                    t
                    for t in self.situation.types_counting_areas([area for area, _ in ex.hours])
                    if levels.get(t) == "未達" and t not in self.situation.types_of_areas([a for a, _ in ex.hours])
                ]
                shown = [t.name for t in self.cat.types if t.name in {*shown, *changed, *(counting if changed else [])}]
                asked_now = self.situation.asked_types(text)[0]
                areas = set(self.situation.types_of_areas([area for area, _ in ex.hours]))
                aimed = LEVEL_NAMED.search(normalised) or DESIRED.search(normalised)  # (「想衝工具應用進階」: the aim)
                if asked_now and set(asked_now) <= areas and shown and base is ds.profile and not aimed:
                    # 「如果我再多上 6 小時的程式應用課呢？」: the type named is where the hours go, what they change
                    # is the answer too
                    shown = [t.name for t in self.cat.types if t.name in {*shown, *asked_now}]
                else:
                    shown = asked_now or shown
            if base is ds.hypothesis and not ex.has_facts:  # 「AI 模型訓練呢？」 under the same what-if: that type
                shown = self.situation.asked_types(text)[0] or shown
            earlier = [x for x in ds.types_talked if x not in shown]
            if TWO_REF.search(normalised) and len(shown) == 1 and earlier:
                # 「最少幾小時能讓這兩個都達標」 after a result for each of two types: both
                order = [t.name for t in self.cat.types]
                shown = sorted({*shown, earlier[-1]}, key=order.index)
                text = f"{'、'.join(shown)}：{text}"  # (what is asked names them, whatever else the text names)
            one = self._level_of_one_type(text)
            if one and ex.has_facts and not self.situation.asked_types(text)[0]:
                shown = [one]  # 「文書再多 10h 能到進階嗎」: only AI 工具應用 has 進階, whatever was talked about
            if ex.correction and ex.has_facts and not hypothetical and shown and not ds.profile.is_empty():
                # "the automation course was 6 hours, not 8 — does that change anything?": the types it moves too
                changed = self.situation.changed_types(ds.profile, updated)
                shown = [t.name for t in self.cat.types if t.name in {*shown, *changed}]
            plan_time = self._plan_time_line(ex, text, answer_lang) if hypothetical else ""
            # (the plan's own time answers the pace: the line of the hours a level still needs is left out)
            asked = self.facts.pace_re.sub(" ", normalise(text)) if plan_time else text
            answer = self.situation.answer(
                updated, asked, answer_lang, hypothetical=hypothetical, default_types=shown, route=route
            )
            unchanged = plan_time
            if ex.correction and ex.has_facts and not hypothetical and not ds.profile.is_empty():
                # 「更正一下，我那張其實是 X…這樣結論會變嗎」: whether the correction changes any level, first
                unchanged = self._correction_line(ds.profile, updated, normalised, answer_lang)
            if not hypothetical:
                ds.profile = updated
            ds.hypothesis = updated if hypothetical else None
            ds.unclaimed = hypothetical and not ex.hypothetical and ex.has_facts
            ds.situation_types, ds.situation_route = answer.types, route  # type: ignore[assignment]
            ds.types_talked = [*(x for x in ds.types_talked if x not in answer.types), *answer.types][-5:]
            # a certificate the message pointed at (「有它的話」) stays what 「它」 means; one it names with other
            # facts is one of the facts (the topic stays their list)
            pointed = len(ex.certificates) == 1 and bool(SINGULAR.search(normalised)) and not self._names_cert(text)
            # (「如果我再考 TQC+ 機器學習呢？」→「那張是哪個單位辦的」: the one certificate supposed is 「那張」)
            pointed = pointed or len(ex.certificates) == 1 and ex.hypothetical and not ex.hours
            self._profile_topic(ds, updated, focus=ex.certificates if pointed else None)
            # 「…素養就算具備了嗎？那張是誰辦的」「…他那兩張各是誰辦的」
            extra = self._certificate_part(text, ex, [c.cert_id for c in updated.certificates])
            body = unchanged + self._one_family_note(ex, answer_lang) + self._retaken_note(base, ex, answer_lang)
            body += answer.text
            return [Reply(f"{body}\n\n{extra}" if extra else body, self._profile_buttons(lang))]
        if ex.has_facts and self.facts.asks_about_certificate(text):
            # 「同事有 iPAS 中級，這張算哪一類？」: the question is answered, the fact kept and echoed after it
            ds.profile = updated
            split = self.facts.level_clauses(text)
            if split is not None:  # 「…這張算哪類？應用素養有過嗎」: the catalog answer, then the result asked
                answer = self._question(ds, split[0], lang)[0]
                result = self.situation.answer(updated, split[1], answer_lang)
                ds.situation_types, ds.situation_route = result.types, None
                self._profile_topic(ds, updated)
                return [Reply(f"{answer.text}\n\n{result.text}", self._profile_buttons(lang))]
            answer = self._question(ds, text, lang)[0]
            echo = self.situation.echo(updated, answer_lang)
            return [Reply(f"{answer.text}\n\n{echo}", answer.buttons or self._profile_buttons(lang))]
        if ex.has_facts and ds.situation_types:
            # 「不對，是 11 小時」「另外 Canva 上了 18 小時」 right after a result: the same result, recomputed
            ds.profile, ds.hypothesis = updated, None
            route = ex.route or ds.situation_route
            # (「喔對，我上個月考過 X」 after 「用上課時數算的話各還差多少」: a certificate held now is weighed on
            # its own route too — the route asked before no longer limits the result)
            if not ex.route and ((ex.certificates or ex.unnamed) if route == "training" else ex.hours):
                route = None
            standing = self.situation.standing(updated, answer_lang)  # the other types, in one line
            # 「工具課的話我只上過 ChatGPT 的，10 小時」 after a literacy result: the type the new hours are for too
            order = [t.name for t in self.cat.types]
            shown = {*ds.situation_types, *self.situation.types_of_areas([area for area, _ in ex.hours])}
            timed = text
            if ds.pace_said and ds.pace_turn == ds.turn - 1 and self.facts.pace(normalised) is None:
                # ("correction: the literacy course was 14 hours" right after a time at a pace: timed again)
                per, period = ds.pace_said
                aim = f" to {ds.pace_level}" if ds.pace_level else ""  # (the level that time was toward)
                timed = (
                    f"{text} (at {per:g} hours a {PERIOD_EN[period]}, how long{aim}?)"
                    if answer_lang == "en"
                    else f"{text}（每{PERIOD_ZH_EVERY[period]} {per:g} 小時，要到{ds.pace_level}要多久？）"
                )
            answer = self.situation.answer(
                updated,
                timed,
                answer_lang,
                default_types=sorted(shown, key=order.index),
                route=route,
                follow=True,
                note=standing,
            )
            ds.situation_types, ds.situation_route = answer.types, route  # type: ignore[assignment]
            self._profile_topic(ds, updated)
            return [Reply(answer.text, self._profile_buttons(lang))]
        if ex.has_facts:
            ds.profile = updated
            self._profile_topic(ds, updated)
            asked = asked_clause(normalised)
            intents = set(self.reader.detect_intents(asked))
            # a subject of its own (a dimension, a role, a resource…), not one's levels, certificates or tools
            subject = {e.kind for e in self.reader.entities(asked)} - FACT_KINDS or intents & SUBJECT_INTENTS
            if asked != normalised and QUESTION_MARKERS.search(asked) and subject and intents:
                # 「我在規劃 12 小時的素養課。想先問負責任意識有哪四個構面？」: the question is answered, the facts
                # kept and echoed after it
                answer = self._question(ds, asked, lang)[0]
                echo = self.situation.echo(updated, answer_lang)
                return [Reply(f"{answer.text}\n\n{echo}", answer.buttons or self._profile_buttons(lang))]
            corrected_types = self.situation.types_counting_areas([a for a, _ in ex.hours]) if ex.correction else []
            if corrected_types and not ds.profile.is_empty():
                # 「说错了，我模型训练其实只有 26 小时」 with no result on the table: the type those hours are for
                order = [x.name for x in self.cat.types]
                answer = self.situation.answer(
                    updated, text, answer_lang, default_types=sorted(set(corrected_types), key=order.index)
                )
                ds.situation_types = answer.types
                reply = answer.text
                levels = {r["type"]: r["level"] for r in answer.result["types"]}
                others = [x for x in levels if x not in answer.types and levels.get(x) != self._top_level(x)]
                if others:
                    # (「素養那門其實是 18 小時」 after 「最近的下一步」: that type is met now — what is nearest next;
                    # the other types the corrected hours count toward, when the answer showed one of them)
                    steps = self.situation.nearest_steps(updated, answer_lang, among=others or None)
                    for mark in ("\n\n出處", "\n\n出处", "\n\nSource"):
                        if steps and mark in reply:
                            reply = reply.replace(mark, f"\n{steps}{mark}", 1)
                            break
                return [Reply(reply, self._profile_buttons(lang))]
            prompt = t("facts_noted", "en" if answer_lang == "en" else lang)
            prompt = to_simplified(prompt) if answer_lang == "zh-CN" else prompt
            standing = self.situation.standing(updated, answer_lang)
            steps = self.situation.nearest_steps(updated, answer_lang)
            steps = f"{steps}\n" if steps else ""
            body = f"{self.situation.echo(updated, answer_lang)}\n{standing}\n{steps}{prompt}"
            return [Reply(body, self._profile_buttons(lang))]
        subject = {e.kind for e in self.reader.entities(normalised)} - FACT_KINDS
        if RECALL.search(normalised) and not ds.profile.is_empty() and not subject:
            # (「我剛剛說的那個素養課的教材是誰做的」 asks about a material, not what is stored)
            return [self.profile_view(ds, lang)]  # 「你記的我文書工具是幾小時？」: what is stored, as stored
        said_intents = set(self.reader.detect_intents(normalised))
        # (「那個美術設計的證照是誰辦的」 asks who issues one certificate, not which close a gap)
        short = self._gap_types(ds) if "certs_for" in said_intents and "issuer" not in said_intents else []
        if short and not self.reader.entities(normalised) and not ex.has_facts:
            # "Which certificates would close that gap?" 「那要考哪張來補」 right after a result: the certificates
            # of the types the result showed short of their top level
            text = f"{'、'.join(short)}：{text}"
        this_type = THIS_TYPE.search(normalised)
        talked_categories = [k for k, _, _ in (ds.topic.entities if ds.topic else []) if k == "cert_category"]
        if this_type and len(ds.situation_types) == 1 and not talked_categories:
            # 「表5 這一類有建議哪些工具？」 right after a result for one type: that type
            text = normalised.replace(this_type.group(0), f"「{ds.situation_types[0]}」", 1)
        ds.situation_types, ds.situation_route = [], None
        parts = [p for p in re.split(r"(?<=[?？])", text) if p.strip()]
        if len(parts) == 2 and FOLLOWS_ON.search(normalise(parts[1])) and not ex.has_facts:
            # 「睿哲那張是哪個單位辦的？同一個單位在表6還有哪幾張？」: the second question is about what the first's
            # answer is about, so each is answered in turn
            first = self._question(ds, parts[0], lang)
            second = self._question(ds, parts[1], lang)
            if len(first) == 1 and len(second) == 1:
                return [Reply(f"{first[0].text}\n\n{second[0].text}", second[0].buttons or first[0].buttons)]
            return [*first, *second]
        return self._question(ds, text, lang)

    def _shown_by_ordinal(self, ds: DialogueState, text: str) -> str:
        """「你剛剛列的第一張」 "the first one you listed": the certificate of the last list shown, named, however
        many turns (another person's result…) came between."""
        m = LISTED_BY_YOU.search(text)
        if m is None or not ds.shown:
            return text
        index = self._ordinal(m)
        if index is None or not -len(ds.shown) <= index < len(ds.shown):
            return text
        return f"{text[: m.start()]}「{self._name(*ds.shown[index])}」{text[m.end() :]}"

    def _described_exams_passed(self, ds: DialogueState, text: str, lang: Lang) -> Reply | None:
        """「第一張考過的人，表5 算到哪幾項？」「如果考生兩張都拿到呢？」 "if a candidate passes both of them": the
        exams the user described (each placed in its 表3 category) held as certificates of those categories —
        computed by the engine on that supposition, nothing stored."""
        n = normalise(text)
        if not ds.exams or not EXAM_REF.search(n) or any(e.kind == "cert" for e in self.reader.entities(n)):
            return None
        if not (self.facts.own_level.search(n) or EXAM_RESULT.search(n) or self.facts.hypothetical.search(n)):
            return None
        if not EXAM_PASSED.search(n):
            return None  # 「如果另外出一個進階版，要學員一路做到部署呢」 describes another exam, passes none
        picked = [
            i
            for m in ORDINAL.finditer(n)
            if (i := self._ordinal(m)) is not None and -len(ds.exams) <= i < len(ds.exams)
        ]
        if not picked:
            plural = EXAM_ALL.search(n)
            picked = list(range(len(ds.exams))) if plural else [len(ds.exams) - 1]
        categories = [ds.exams[i] for i in dict.fromkeys(picked)]
        counts: dict[str, int] = {}
        for c in categories:
            counts[c] = counts.get(c, 0) + 1
        supposed = StatedProfile(
            unnamed=[UnnamedCertificates(category=c, count=k, turn=ds.turn) for c, k in counts.items()]  # type: ignore[arg-type]
        )
        answer_lang = self._answer_language(text, lang)
        en = answer_lang == "en"
        which = ("、" if not en else ", ").join(categories)
        head = (
            f"Taking the exam(s) you described as 表6-style certificates of their 表3 category ({which}):"
            if en
            else f"把您描述的考試當作同類別的認證（{which}）來試算："
        )
        answer = self.situation.answer(supposed, text, answer_lang, hypothetical=True)
        ds.hypothesis, ds.situation_types = supposed, answer.types
        body = f"{head}\n{answer.text}"
        return Reply(to_simplified(body) if answer_lang == "zh-CN" else body)

    def _work_described(self, text: str) -> bool:
        """「我們平常用 AI 寫公文初稿，這個算哪一種能力」: one's work described (an everyday word for an hours
        area, no competency type named) and the ability it is asked — 「這個」 is that work."""
        n = normalise(text)
        if not (SELF_WORK.search(n) and ASKS_ITEM.search(n)) or not self.facts.areas_named(n):
            return False
        return not any(e.kind in ("type", "item", "talent", "cert") for e in self.reader.entities(n))

    def _table_row(self, text: str) -> str:
        """「表8 第四列的那個」 "row 4 of Table 9": the row's name, counted in the table's own order."""
        m = TABLE_ROW.search(text)
        if m is None:
            return text
        found = self.table_queries.table_rows(int(m.group("table")))
        index = self._ordinal(ORDINAL.search(m.group(0)))  # type: ignore[arg-type]
        if found is None or index is None or not -len(found[1]) <= index < len(found[1]):
            return text
        return f"{text[: m.start()]}「{found[1][index]}」{text[m.end() :]}"

    def _self_introduced(self, ds: DialogueState, text: str) -> str:
        """「第三個是我自己 lol：X + Y，課都沒上」 while people are described one by one: the user is the next
        one, so their facts are kept as the user's own (counted with the others, 「我們三個人裡面」)."""
        m = people.SELF_INTRODUCED.match(text)
        if ds.person is None or ds.person == people.SELF:
            return text
        if m is None:
            opens = people.SELF_OPENS.match(text)
            if opens is not None and self.facts.read(text, continuing=True).has_facts:
                self._become(ds, people.SELF)  # (the facts are said in the first person already)
                ds.situation_types = []
            return text
        self._become(ds, people.SELF)
        ds.situation_types = []  # (what was asked of the one before is not asked of the user)
        return ("I have " if reads_as_english(text) else "我有 ") + text[m.end() :]

    def _route_asked(self, ex: Any, text: str, carried: str | None) -> str | None:
        """The 表5 route a result is limited to: the one the message names, else the one asked before —
        none when the message names both (「用上課或考照各差多少」) or names one only in a later supposition
        (「最快到初階的方法是什麼？如果改考證照要考哪一類？」: every route, the second one asked too)."""
        if len(self.facts.routes_named(text)) == 2:
            return None
        parts = [p for p in re.split(r"(?<=[?？])", text) if p.strip()]
        later_if = len(parts) >= 2 and bool(self.facts.hypothetical.search(normalise(parts[-1])))
        if ex.route and later_if and self.facts.route(parts[0]) is None:
            return None
        # (「五項能力整體整理一下」 "summarize my levels for all five types": the whole result, every route)
        return ex.route or (None if WHOLE_RESULT.search(normalise(text)) else carried)

    def _materials_for_whom(self, ds: DialogueState, text: str) -> str:
        """「有比較適合企業的嗎？」 right after the learning materials: the materials again, for that audience (附件(七)
        says whom each suits)."""
        talked = ds.topic is not None and any(kind == "resource" for kind, _, _ in ds.topic.entities)
        talked = talked or (ds.topic is not None and ds.topic.rule == "view.resources")
        n = normalise(text)
        if not talked or not FOR_WHOM.search(n) or re.search(r"教材|資源|materials?|resources?", n):
            return text
        return f"{text}（教材）" if not reads_as_english(text) else f"{text} (learning materials)"

    def _issuer_by_its_certificate(self, text: str) -> str:
        """「辦 TQC 的那個基金會有專案類的嗎」 "the body that runs iPAS": an issuer named by a certificate it
        issues — the issuer's own name put in (when every certificate those words name has the one issuer)."""
        n = normalise(text)
        m = ISSUER_OF_NAMED.search(n)
        if m is None:
            return text
        what = m.group("what") or m.group("what_en") or ""
        named = [e.key for e in self.reader.entities(what) if e.kind == "cert"]
        issuers = {self.cat.certification(c).issuer for c in named}
        if not named:
            # (「辦 TQC 的」: a family of names, 「TQC」 opening several of one issuer's certificates)
            word = what.strip().lower()
            issuers = {c.issuer for c in self.cat.certifications if len(word) >= 3 and c.name.lower().startswith(word)}
        if len(issuers) != 1:
            return text
        return n[: m.start()] + issuers.pop() + n[m.end() :]

    def _impossible_hours(self, facts: StatedProfile, text: str, lang: Lang) -> Reply | None:
        """Hours beyond what the engine accepts (表5 counts course hours; 20,000 is a slip): what was wrong and
        what to do, with the facts already given kept — never a failure of the whole message."""
        try:
            parse_profile(facts.profile_json(), self.cat)
        except ProfileError as exc:
            if not exc.field.startswith("hours."):
                return Reply(exc.message)  # (no other field is built from chat; said as the engine says it)
            area = exc.field.removeprefix("hours.")
            label = self.situation.area_label(area)
            limit = self.cat.rules.max_hours
            if self._answer_language(text, lang) == "en":
                return Reply(
                    f"{label}: that many hours looks like a typo — the self-assessment takes at most {limit:g} hours "
                    "for an area. I kept what you told me before; tell me the right number of hours."
                )
            line = (
                f"{label} 的時數超過可計算的上限（{limit:g} 小時），看起來是打錯了。先前提供的資料都保留著，"
                "請再告訴我正確的時數。"
            )
            return Reply(to_simplified(line) if self._answer_language(text, lang) == "zh-CN" else line)
        return None

    def _some_hours_in_area(self, ds: DialogueState, text: str, lang: Lang) -> Reply | None:
        """ "and for advanced? say I add some Runway video hours" 「進階呢？如果加一些影像的課」: hours of one area
        with no number, toward a level — how many of them the engine finds enough (what else is needed too)."""
        n = normalise(text)
        if ds.profile.is_empty() or not SOME_HOURS.search(n) or re.search(r"\d", n):
            return None
        named = list(dict.fromkeys(area for _, area, _ in self.facts.areas_named(n)))
        if len(named) != 1:
            return None
        area = named[0]
        types = self.situation.types_of_areas([area])
        if len(types) != 1:
            return None
        row = next(x for x in self.situation.result_of(ds.profile)["types"] if x["type"] == types[0])
        level = self.situation.target_level(row, n)
        found = self.situation.hours_to(ds.profile, types[0], level, area) if level else None
        if found is None:
            return None
        hours, extras = found
        label = self.situation.area_label(area)
        en = self._answer_language(text, lang) == "en"
        if en:
            besides = "; besides, " + ", ".join(f"{what} {h:g} more hours" for what, h in extras) if extras else ""
            return Reply(
                f"Adding {label} hours: {types[0]} reaches {level} with {hours:g} more hours of them{besides} "
                "(表5, training-hours route).\nSource: 附件(二) 表5"
            )
        besides = "；另外還要補 " + "、".join(f"{what} {h:g} 小時" for what, h in extras) if extras else ""
        line = (
            f"加上{label}的課：{types[0]} 要到「{level}」還要上 {hours:g} 小時（{label}）{besides}"
            "（表5 受訓時數途徑）。\n出處：附件(二) 表5"
        )
        return Reply(to_simplified(line) if self._answer_language(text, lang) == "zh-CN" else line)

    def _team_total(self, ds: DialogueState, text: str, lang: Lang) -> Reply | None:
        """「那 5 個人加起來總共是多少小時？」 right after the fewest course hours for one person to reach a target:
        that per-person figure times the people counted — arithmetic on the plan shown, nothing stored."""
        n = normalise(text)
        m = TEAM_TOTAL.search(n)
        if m is None or ds.plan is None or ds.plan.turn < ds.turn - 2 or self.facts.read(text, True).has_facts:
            return None
        raw = m.group("n") or m.group("en")
        size = int(raw) if raw.isdigit() else int(chinese_number(raw) or 0) if m.group("n") else EN_NUMBER.get(raw, 0)
        aims = [c.name for c in self.cat.talent.categories] + [x.name for x in self.cat.types]
        target = next((a for a in aims if ds.plan.target.startswith(a)), "")
        level = ds.plan.target.removeprefix(target).strip()
        if target in {c.name for c in self.cat.talent.categories}:
            per = self.situation.hours_to_talent(ds.profile, target)
        elif target and level:
            found = self.situation.hours_to(ds.profile, target, level, None)
            per = found[0] + sum(h for _, h in found[1]) if found else None
        else:
            per = None
        if not per or size < 2:
            return None
        aim = ds.plan.target
        if self._answer_language(text, lang) == "en":
            return Reply(
                f"By courses alone, each person needs at least {per:g} hours for {aim} (表5); "
                f"{size} people: {per:g} × {size} = {per * size:g} hours in all."
            )
        line = f"只靠上課，每人至少 {per:g} 小時（{aim}，表5）；{size} 人合計 {per:g} × {size} ＝ {per * size:g} 小時。"
        return Reply(to_simplified(line) if self._answer_language(text, lang) == "zh-CN" else line)

    def _hours_over_pace(self, ds: DialogueState, text: str, lang: Lang) -> Reply | None:
        """「如果我每週學 6 小時，78 小時要幾週？」 "those 15 hours at 3 a week": a number of hours asked over a
        pace (said here, or said before) — plain arithmetic, a part period counted whole; nothing is stored."""
        n = normalise(text)
        m = HOURS_TIMED.search(n)
        if m is None:
            return None
        raw = m.group("n") or m.group("n2") or m.group("en") or m.group("n3") or m.group("n4") or m.group("n5")
        hours = float(raw) if raw[0].isdigit() else chinese_number(raw) or 0.0
        if re.search(r"(每|一)\s*(週|周|星期|禮拜|個月|月)\s*(上|排|讀|學|可以|能)?\s*$", n[: m.start()]):
            return None  # 「一樣每週3小時要幾週」: the pace itself, not hours asked about
        not_taken = (
            re.match(r"[^，,。；;]{0,4}(還沒|还没|沒上|没上|尚未|not yet)", n[m.end("n3") :]) if m.group("n3") else None
        )
        if not_taken and any(e.kind in ("type", "talent") and e.start >= 0 for e in self.reader.entities(n)):
            return None  # 「從現在算（那16小時還沒上），每週學4小時，幾週能讓服務開發達標」: the aim named is timed
        # (the pace read without the hours asked about: after them when the match holds the pace too)
        after = m.end("n4") if m.group("n4") else m.end() if m.group("n5") else None
        pace = self.facts.pace(n[after:] if after is not None else n.replace(m.group(0), " "))
        said = (pace.hours, pace.period) if pace is not None else ds.pace_said
        if said is None or hours <= 0:
            return None
        per, period = said
        held = 0.0
        if m.group("n5"):  # (a requirement: what the person already has of that area counts toward it)
            areas = {area for _, area, _ in self.facts.areas_named(n)}
            if len(areas) == 1 and (got := ds.profile.hours.get(areas.pop())) is not None:
                held = min(got.hours, hours)
        required, hours = hours, hours - held
        if hours <= 0:
            return None
        spans = math.ceil(hours / per - 1e-9)
        if self._answer_language(text, lang) == "en":
            unit = PERIOD_EN[period] + ("s" if spans != 1 else "")
            had = f"Of the {required:g} hours required you have {held:g}. " if held else ""
            return Reply(
                f"{had}At {per:g} hours a {PERIOD_EN[period]}, {hours:g} hours take about {spans} {unit} "
                f"({hours:g} ÷ {per:g} = {hours / per:.3g}; a part {PERIOD_EN[period]} counts as a whole one)."
            )
        every = PERIOD_ZH_EVERY[period]
        had = f"要求 {required:g} 小時、已有 {held:g} 小時，還差 {hours:g} 小時；" if held else ""
        line = (
            f"{had}以每{every} {per:g} 小時計，{hours:g} 小時約需 {spans} {PERIOD_ZH[period]}"
            f"（{hours:g} ÷ {per:g} ＝ {hours / per:.3g}，不足一{every}以一{every}計）。"
        )
        return Reply(to_simplified(line) if self._answer_language(text, lang) == "zh-CN" else line)

    def _same_pace(self, ds: DialogueState, text: str) -> str:
        """「一樣的速度要幾週」 "weeks at the same pace?": the pace said before, written into the question."""
        n = normalise(text)
        # (「那只要到初階呢？要幾小時、幾週？」 after a pace was said: weeks asked with no pace of its own)
        weeks_asked = bool(WEEKS_ASKED.search(n)) and not HOURS_TIMED.search(n)
        if ds.pace_said is None or not (SAME_PACE.search(n) or weeks_asked) or self.facts.pace(n) is not None:
            return text
        hours, period = ds.pace_said
        if reads_as_english(text):
            said = f" at {hours:g} hours a {period}"
        else:
            said = f"（每{PERIOD_ZH_EVERY[period]} {hours:g} 小時）"
        asked = re.search(r"[?？]", text)
        at = asked.start() if asked else len(text)
        return f"{text[:at]}{said}{text[at:]}"

    def _level_kept(self, ds: DialogueState, text: str) -> str:
        """「每週上5小時的話，要幾週？」 right after a question toward a level (「光靠上課要到進階還差多少」): the time
        asked is toward that level, not the next one up."""
        n = normalise(text)
        if ds.level_said is None or ds.level_said[1] != ds.turn - 1 or self.facts.pace(n) is None:
            return text
        if not self.facts.duration.search(n) or re.search(r"(初階|進階|具備|\b(advanced|beginner|basic|entry)\b)", n):
            return text
        if self.reader.entities(n) or self.facts.read(text, True).has_facts:
            return text
        level = ds.level_said[0]
        if reads_as_english(text):
            return f"{text} (to {level})"
        return f"{text}（到{to_simplified(level) if detect_language(text) == 'zh-CN' else level}）"

    def _what_if_amount_corrected(self, ds: DialogueState, text: str) -> str:
        """「不對，是再上六小時而已，不是十小時」 right after a what-if that added hours to one area: the same what-if
        with the amount corrected (asked again from the facts held), not a stated fact."""
        if ds.hypothesis is None:
            return text
        ex = self.facts.read(text, True)
        if not (ex.correction and len(ex.unassigned_hours) == 1) or ex.hours or ex.certificates:
            return text
        before, after = ds.profile.hours, ds.hypothesis.hours
        grown = [
            (area, after[area].hours - (before[area].hours if area in before else 0.0))
            for area in after
            if after[area].hours > (before[area].hours if area in before else 0.0)
        ]
        if len(grown) != 1:
            return text
        area, amount = grown[0]
        # ("Actually sorry, it was 8 hours, not 10." 「是 8 小時，不是 10」: the amount supposed, named to be replaced)
        taken_back = re.search(r"(?:\bnot\b|不是)\s*(\d+(?:\.\d+)?)", normalise(text))
        if not (ex.adds or taken_back and float(taken_back.group(1)) == amount):
            return text
        value = ex.unassigned_hours[0]
        label = self.situation.area_label(area)
        ds.hypothesis = None
        if reads_as_english(text) or ds.said_lang == "en":
            # (in English words the facts reader knows for that area, so the answer stays in English)
            word = next((w for w, a in self.facts.area_words if a == area and w.isascii() and len(w) > 3), label)
            return f"What if I add {value:g} more hours of {word} training?"
        asked = f"如果{label}再多上 {value:g} 小時呢？"
        return to_simplified(asked) if detect_language(text) == "zh-CN" else asked

    def _pace_changed(self, ds: DialogueState, text: str) -> str:
        """「那一週改成八小時呢」 "what if I do 6 a week instead?" right after a time at a pace: the same aim (the
        types that answer was about, and the level it was toward) timed at the new pace."""
        n = normalise(text)
        pace = self.facts.pace(n)
        if pace is None or ds.pace_said is None or ds.pace_turn != ds.turn - 1 or not ds.situation_types:
            return text
        if self.reader.entities(n) or self.facts.read(text, True).has_facts or self.facts.duration.search(n):
            return text  # (an aim, a fact or the time asked anew: the message says what it asks)
        if len(n) > 24 and not reads_as_english(text):
            return text
        aim = "、".join(ds.situation_types)
        if reads_as_english(text):
            to = f" {ds.pace_level}" if ds.pace_level else ""
            return f"{text} How many weeks to {aim}{to}?"
        return f"{text}，要到 {aim}{ds.pace_level} 要幾週？"

    def _plan_target_paced(self, ds: DialogueState, text: str) -> str:
        """「這樣剛剛那個上課計畫要幾小時？一樣每週 5 小時」 after a plan toward a talent category: the pace is of
        that plan — the category is named so its least course hours are timed (nothing else named)."""
        n = normalise(text)
        if ds.plan is None or self.facts.pace(n) is None:
            return text
        aims = {c.name for c in self.cat.talent.categories} | {x.name for x in self.cat.types}
        aimed = next((a for a in aims if ds.plan.target.startswith(a)), None)  # (「AI 工具應用 初階」: a type's level)
        if aimed is None or any(self.situation.asked_types(text)[1:]) or ds.person is not None:
            return text
        if any(e.kind in ("type", "talent", "role") for e in self.reader.entities(n)):
            return text
        asked = re.search(r"[?？]", text)  # (in the sentence that asks, where what is asked is read)
        at = asked.start() if asked else len(text)
        names = ds.plan.target.split("、")
        if len(names) == len(self.cat.types) and set(names) == {x.name for x in self.cat.types}:
            # (a plan toward every type: its pace is every type's, timed together)
            return f"{text[:at]}（{ds.plan.target}：所有能力類型）{text[at:]}"
        return f"{text[:at]}（{ds.plan.target}）{text[at:]}"

    def _top_level(self, type_name: str) -> str:
        """The highest 表5 level of a type (進階 for AI 工具應用, 具備 for the others)."""
        return next(t for t in self.cat.rules.types if t.type == type_name).levels[-1].level

    def _bare_hours_placed(self, ds: DialogueState, ex: Any, n: str) -> None:
        """「如果再上 8 小時夠嗎」 "three of those, 18h total — do they reach the level?" right after a result on one
        type whose hours are one area: hours said with no area are that area's (more of it, or its total)."""
        if ex.hours or ex.certificates or ex.unnamed or ex.correction:
            return
        if NOT_COURSE_HOURS.search(n) or self.facts.pace(n) is not None or self.facts.budget(n) is not None:
            return  # 「每週可以上 5 小時」「還差 8 小時嗎」: a pace, a budget or a shortfall, no hours taken
        if re.search(r"(這|那|這些|那些|\bthese\b|\bthose\b|\bthe\b)\s*\d", n):
            return  # 「學員上完這 24 小時」: the hours already said, not more of them
        shown = ds.hypothesis if ds.hypothesis is not None else ds.profile
        area = None
        if len(ds.situation_types) == 1:
            # (the one hours area the type's own training counts in, by 表5's measures; the tool items are several)
            own = [
                k for k, m in self.cat.rules.measures.items() if m.short == ds.situation_types[0] and m.unit == "小時"
            ]
            area = own[0] if len(own) == 1 and not own[0].startswith("tool") else None
        elif len(shown.hours) == 1 and not shown.certificates:
            area = next(iter(shown.hours))  # 「我素養課 10 小時」→「如果再上 8 小時夠嗎」: the only area there is
        else:
            area = self._area_all_short_of(shown, ds.situation_types)
        m = BARE_HOURS_SAID.search(n)
        if area is None or m is None:
            return
        # (only course hours: 「再上 8 小時」 "18h total — do they reach it", not 「加班 10 小時」)
        course = re.search(r"上(了|過|完)?課|上過|上完|課|修|學習|\b(course|class|module|training|study)", n)
        if not (m.group("more") or m.group("total") or course):
            return
        value = float(m.group("n")) if m.group("n")[0].isdigit() else chinese_number(m.group("n")) or 0.0
        if m.group("total"):
            ex.hours, ex.totals = [(area, value)], [area]
        else:
            ex.hours, ex.adds = [(area, value)], True
        if shown is ds.hypothesis or self.facts.hypothetical.search(n) or re.search(r"\b(if|suppose)\b", n):
            ex.hypothetical = True

    def _gap_filled(self, ds: DialogueState, ex: Any, n: str) -> None:
        """「原來只差那一點！補完之後我會到哪？」 right after a result whose unmet types all lack one hours area: that
        shortfall supposed filled (the largest any of them lacks), a what-if on the facts held."""
        # (「達標以後再上一門 18 小時的文書課」: the gap made up first, then more hours on top, both supposed)
        filled_then = bool(ex.hours) and not ex.certificates and not ex.correction
        if not ds.situation_types or not GAP_FILLED.search(n):
            return
        if not filled_then and (ex.has_facts or re.search(r"\d", n)):
            return
        if GAP.search(n) or re.search(r"(補什麼|補哪|最省事|最快)", n):
            return  # 「最省事要補什麼？補完之後算應用人才嗎」: what to make up is asked first, in the same message
        shown = ds.hypothesis if ds.hypothesis is not None else ds.profile
        named = list(dict.fromkeys(a for _, a, _ in self.facts.areas_named(n)))  # (「補完素養之後」: that area)
        area = named[0] if len(named) == 1 else self._area_all_short_of(shown, ds.situation_types)
        if area is None:
            return
        short = [
            x["shortfall"]
            for row in self.situation.result_of(shown)["types"]
            if row["type"] in ds.situation_types
            for g in row["gaps"][:]
            if g["route"] == "training"
            for x in g["missing"]
            if area in x["measures"]
        ]
        if short and filled_then:
            if area not in {a for a, _ in ex.hours}:
                ex.hours, ex.adds, ex.hypothetical = [(area, max(short)), *ex.hours], True, True
        elif short:
            ex.hours, ex.adds, ex.hypothetical = [(area, max(short))], True, True

    def _area_all_short_of(self, profile: StatedProfile, types: list[str]) -> str | None:
        """「那補了十八小時以後呢」 after results where every type not met lacks the same hours area on its training
        route (its lowest level): that area, else None."""
        result = self.situation.result_of(profile)
        common: set[str] | None = None
        for row in result["types"]:
            if row["type"] not in types or row["level"] != "未達":
                continue
            gaps = [g for g in row["gaps"] if g["route"] == "training"]
            if not gaps:
                return None
            short = {m for x in gaps[0]["missing"] if x["unit"] == "小時" for m in x["measures"]}
            common = short if common is None else common & short
        areas = {a for a in common or set() if a in self.cat.rules.measures and not a.startswith("tool")}
        return areas.pop() if len(areas) == 1 else None

    def _course_mapped(self, ds: DialogueState, text: str, lang: Lang) -> Reply | None:
        """「我們開了一門 6 小時的課，教 AI 基本概念、倫理跟隱私，對應哪個能力類型？」 (a course offered): the
        type its content counts toward (表2), then what that course's hours alone reach on 表5's training route —
        a what-if on a learner with only this course, never anyone's stored facts."""
        n = normalise(text)
        if not COURSE_OFFERED.search(n) or not MAPS_ASKED.search(n) or TOOK_IT.search(n):
            return None
        ex = self.facts.read(text)  # (「總共 24 小時」 is the course's hours, no sum of facts held)
        if not ex.has_facts:
            ex = self.facts.read(text, continuing=True)  # (「…是 6 小時」 states the course's hours, asks nothing)
        if not ex.has_facts:
            # 「還想開一門用 PyTorch 訓練模型的課，這個算哪一類？」: no hours said — the catalog's answer, not
            # anyone's result (a what-if or a person talked about before has nothing to do with it)
            named = {area for _, area, _ in self.facts.areas_named(n)}
            types = self.situation.types_of_areas(list(named))
            if len(named) == 1 and len(types) == 1:
                # (「第三門是用 PyTorch 做模型微調，這要排多長？」: the hours its type asks for, 表5)
                long = LENGTH_ASKED.search(n)
                asked = f"{types[0]}的課程受訓時數要多少小時？" if long else text
                asked = to_simplified(asked) if long and detect_language(text) == "zh-CN" else asked
                if long and reads_as_english(text):
                    asked = f"How many training hours does {types[0]} require?"
                replies = self._question(ds, asked, lang, resolve=not long)
                return replies[0] if len(replies) == 1 else None
            return None
        areas = list(dict.fromkeys(a for a, _ in ex.hours))
        if not ex.hours or ex.certificates or ex.unnamed or len(areas) != 1:
            return None
        types = self.situation.types_of_areas(areas)
        if len(types) != 1:
            return None
        answer_lang = self._answer_language(text, lang)
        profile = self.facts.apply(StatedProfile(), replace(ex, hypothetical=False), ds.turn)
        answer = self.situation.answer(
            profile, text, answer_lang, hypothetical=True, default_types=types, route="training"
        )
        label = self.situation.area_label(areas[0])
        talent = self.cat.competency_type(types[0]).talent_category
        label = f"{talent}・{label}" if label != types[0] else talent
        if answer_lang == "en":
            lead = f"The course's content counts toward {types[0]} ({label}, 表2). With this course alone:"
        else:
            lead = f"這門課的內容屬於 {types[0]}（{label}，表2）。只上這門課的學員："
            lead = to_simplified(lead) if answer_lang == "zh-CN" else lead
        ds.hypothesis, ds.situation_types = profile, answer.types
        return Reply(f"{lead}\n{answer.text}")

    def _labelled_holding(self, text: str) -> str:
        """「阿明：EEC…、生成式AI…」 "Raj: IBM AI Engineering Professional Certificate, plus 18 hours…": a name and a
        colon before certificates' names holds them — written with a verb so the certificates are read as held."""
        found = [m for m in LABELLED.finditer(text) if self._may_be_name(m.group("name"))]
        # ("Next: Carla: IBM …": the label nearest the certificates is the person's)
        found = [m for m in found if not re.match(r"\s*[A-Z][a-z]+\s*[:：]", text[m.end() :])]
        m = found[-1] if found else None
        if m is None:
            return text
        rest = text[m.end() :]
        after = [e for e in self.reader.entities(normalise(rest)) if e.kind == "cert"]
        if not after:
            return text
        first = min(after, key=lambda e: e.start if e.start >= 0 else 10**6).key
        if first in self.facts.read(text, continuing=True).certificates:
            return text  # (a verb already says the one right after the label is held)
        english = reads_as_english(text) or not re.search(r"[\u4e00-\u9fff]", text[: m.start("name")] + m.group("name"))
        verb = " has " if english else "有 "
        return text[: m.end("name")] + verb + rest

    def _unlisted_declared(self, ds: DialogueState, text: str) -> str:
        """「那就當它是素養類吧」 "treat it as a literacy one" right after a certificate 表6 does not list: the user
        holds one certificate of that category (self-declared, as 附件(三) allows), said as a holding."""
        # (after a 表6 certificate was talked about, 「當它是工具類」 is a what-if about that one: not this)
        if ds.topic is not None and any(kind == "cert" for kind, _, _ in ds.topic.entities):
            return text
        n = normalise(text)
        m = DECLARED_CATEGORY.search(n)
        if m is None:
            return text
        if m.group("cat3") and re.search(r"(如果|假設|假如|要是|若)", n[: m.start()]):
            return text  # 「如果我們那張歸為工具類，它對應哪些能力類型」: what the category means, supposed
        category = (
            m.group("cat") or m.group("cat2") or m.group("cat3") or EN_CATEGORY_NAMES[(m.group("en") or "").lower()]
        )
        held = "I hold one " + category + " certificate" if reads_as_english(text) else f"我有一張{category}證照"
        if m.group("sup"):
            held = f"如果只有一張{category}證照，能到哪"
        return n[: m.start()] + held + n[m.end() :]

    def _item_counted(self, text: str) -> str:
        """「AI 治理那門也算素養喔？」 "does an AI governance course count as literacy?": the 表2 item a course's
        subject is, said first (the type its hours count toward follows from the item); empty when the message
        states hours or no single item's word is in it."""
        n = normalise(text)
        if not COUNTS_AS.search(n) or re.search(r"\d", n):
            return ""
        found = []
        for ctype in self.cat.types:
            for item in ctype.items:
                word = re.sub(r"^AI\s*|應用$|素養$", "", item.name).strip().lower()
                if len(word) >= 2 and word in n and word not in normalise(ctype.name).lower():
                    found.append((ctype.name, item, word))
        if len(found) != 1:
            return ""
        name, item, word = found[0]
        if reads_as_english(text):
            return f"A course on {word} is item {item.number}. {item.name} of {name} (表2); its hours count there."
        line = f"「{word}」的課屬於 {name} 的能力項目「{item.number}. {item.name}」（表2），時數計入 {name}。"
        return to_simplified(line) if detect_language(text) == "zh-CN" else line

    def _talent_total(self, ds: DialogueState, text: str) -> str:
        """「如果全部都用上課的方式，加起來總共要幾個小時」 right after what a talent category takes, with no facts
        and nothing named: that category's total (its card states the least course hours)."""
        n = normalise(text)
        if ds.topic is None or not ds.profile.is_empty() or ds.person is not None or not TOTAL_ASKED.search(n):
            return text
        talents = [key for kind, key, _ in ds.topic.entities if kind == "talent"]
        if len(set(talents)) != 1 or self.reader.entities(n) or self.facts.read(text, continuing=True).has_facts:
            return text
        return f"{talents[0]} {text}"

    def _titles_for_aim(self, ds: DialogueState, text: str) -> str:
        """「這班結訓之後，可以往哪些職稱投？」 "what jobs could they apply for then?" with nothing named, right after
        results for a type: the job titles of the talent category that type belongs to (表8/表9)."""
        n = normalise(text)
        if not TITLES_ASKED.search(n) or not ds.situation_types or self.reader.entities(n):
            return text
        if ds.topic is not None and ds.topic.turn < ds.turn - 2:
            return text  # (results answered last leave no topic: their types are what was talked about)
        # (「以她現在的狀況，有哪些職稱適合她」: the category her facts meet, when they meet one)
        met = self.situation.result_of(ds.profile)["talent_categories"] if not ds.profile.is_empty() else []
        if len(met) == 1 and re.search(r"(現在|目前|狀況|\b(now|currently)\b)", n):
            return f"{met[0]}：{text}"
        owners = [c.name for c in self.cat.talent.categories if set(ds.situation_types) & set(c.competency_types)]
        # (a developer type talked about names AI 開發人才, whose types come last)
        return f"{owners[-1]}：{text}" if owners else text

    def _levels_named(self, n: str) -> list[tuple[str, str]]:
        """(type, level) for each type named, the level being 表5's level written right after it, else its first."""
        return levels_named(n, self.reader.entities(n), self.cat)

    def _aim_added(self, ds: DialogueState, text: str) -> list[tuple[str, str]] | None:
        """「如果還想順便讓他們達到 AI 程式語言應用呢？」 right after the hours a type's level takes (no one's facts):
        the aims so far with the one added, for their least course hours together."""
        n = normalise(text)
        topic = ds.topic
        if topic is None or topic.rule not in AIM_RULES or topic.turn < ds.turn - 1 or not topic.levels:
            return None
        swapped = AIM_SWAPPED.search(n)
        if not (ALSO_AIM.search(n) or swapped) or not self._from_zero(ds.profile):
            return None
        if self.facts.read(text, True).has_facts:
            return None
        # ("instead of programming, Advanced in AI Tool Application"「不要程式語言應用，改成工具應用進階」)
        dropped = {t for t, _ in self._levels_named(swapped.group("what"))} if swapped else set()
        dropped |= {t for t, _ in topic.levels if swapped and self._area_word_of(t, swapped.group("what"))}
        named = [x for x in self._levels_named(n) if x[0] not in dropped]
        kept = [x for x in topic.levels if x[0] not in dropped and x[0] not in {t for t, _ in named}]
        added = [x for x in named if x not in topic.levels]
        if not added or {e.kind for e in self.reader.entities(n) if e.start >= 0} - {"type", "item"}:
            return None
        return [*kept, *[x for x in named if x[0] in {t for t, _ in topic.levels} and x not in kept], *added]

    def _area_word_of(self, type_name: str, words: str) -> bool:
        """Whether `words` name a type by its hours area (「程式」 "programming" for AI 程式語言應用)."""
        return type_name in set(self.situation.types_of_areas([a for _, a, _ in self.facts.areas_named(words)]))

    def _aims_by_courses(self, ds: DialogueState, text: str) -> list[tuple[str, str]] | None:
        """ "and if I go hours-only, what's the minimum total?" right after the fewest certificates for several aims:
        the same aims by courses alone."""
        n = normalise(text)
        topic = ds.topic
        if topic is None or topic.rule != CERTS_TOGETHER or topic.turn < ds.turn - 1 or not topic.levels:
            return None
        if self.facts.route(text) != "training" and not re.search(r"(只靠上課|只上課|上課的話|時數|\bhours\b)", n):
            return None
        if self.reader.entities(n) or self.facts.read(text, True).has_facts:
            return None
        return list(topic.levels)

    def _aims_paced(self, ds: DialogueState, text: str) -> list[tuple[str, str]] | None:
        """「每週排十二小時，幾週可以結訓」 right after the least hours for several aims at once: those aims, timed."""
        n = normalise(text)
        topic = ds.topic
        if topic is None or topic.rule != AIMS_TOGETHER or topic.turn < ds.turn - 1:
            return None
        if len(topic.levels) < 2 or self.facts.pace(n) is None or not self._from_zero(ds.profile):
            return None
        if self.reader.entities(n) or self.facts.read(text, True).has_facts:
            return None
        return list(topic.levels)

    def _aims_reply(self, ds: DialogueState, text: str, lang: Lang) -> Reply | None:
        """An aim added to the least hours just answered, or those aims timed at a pace: the least course hours for
        all of them at once, from zero (表5; hours of one area counted once), over the pace when the time is asked."""
        n = normalise(text)
        aims = self._aim_added(ds, text)
        timed = bool(self.facts.duration.search(n) or WEEKS_WORD.search(n))
        if aims is None:
            aims = self._aims_by_courses(ds, text)
        if aims is None:
            aims, timed = self._aims_paced(ds, text), True
        if aims is None:
            return None
        pace = self.facts.pace(n)
        said = (pace.hours, pace.period) if pace is not None else ds.pace_said if timed else None
        card = self.advisor.answerer.fewest_hours_together([t for t, _ in aims], dict(aims), said)
        if card is None:
            return None
        entities = [("type", t, t) for t, _ in aims]
        ds.topic = Topic(entities=entities, listed=[("type", t) for t, _ in aims], rule=AIMS_TOGETHER, turn=ds.turn)
        ds.topic.levels = list(aims)
        answer_lang = self._answer_language(text, lang)
        body = card.en if answer_lang == "en" else to_simplified(card.zh) if answer_lang == "zh-CN" else card.zh
        source = "Source: 附件(二) 表5" if answer_lang == "en" else "出處：附件(二) 表5"
        return Reply(f"{body}\n\n{to_simplified(source) if answer_lang == 'zh-CN' else source}")

    def _aim_named(self, text: str) -> bool:
        """Whether a type or a talent category is named (what a certificate is wanted for)."""
        return any(e.kind in ("type", "talent") and e.start >= 0 for e in self.reader.entities(normalise(text)))

    @staticmethod
    def _from_zero(profile: StatedProfile) -> bool:
        """No certificate and no hours held (「學員零基礎」 says so; nothing said says the same)."""
        return not profile.certificates and not profile.unnamed and not any(h.hours for h in profile.hours.values())

    def _role_described(self, ds: DialogueState, text: str) -> str:
        """ "and the CV one?" right after a role: the role of the same table whose titles hold that word."""
        if ds.topic is None or not any(e[0] == "role" for e in ds.topic.entities):
            return text
        m = ROLE_DESCRIBED_EN.search(text)
        if m is None or self.reader.entities(normalise(m.group("words"))):
            return text
        words = m.group("words").lower().split()
        found = [
            r
            for r in self.cat.roles.roles
            if all(
                re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", " ".join([*r.titles, r.name_en]).lower())
                for w in words
            )
        ]
        if len(found) != 1:
            return text
        return f"{text[: m.start()]}{found[0].titles[0]}{text[m.end() :]}"

    def _type_by_number(self, text: str) -> str:
        """ "and for type 5?" 「type 3 咧」「第二個能力類型」: a competency type named by its number in 表2, by name."""
        numbers = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}

        def name(m: re.Match[str]) -> str:
            raw = next(g for g in m.groups() if g)
            index = int(raw) if raw.isdigit() else numbers[raw]
            return self.cat.types[index - 1].name if 1 <= index <= len(self.cat.types) else m.group(0)

        return TYPE_NUMBER.sub(name, text)

    def _bare_type_numbers(self, ds: DialogueState, text: str) -> str:
        """「四跟五咧」「幾週可以到五」 after a result about someone's levels: the types by the numbers the
        result gave them (表2's order); elsewhere a bare numeral is only a number."""
        if not (ds.situation_types or ds.types_talked) or ds.profile.is_empty() and not ds.people:
            return text
        numbers = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
        names = [t.name for t in self.cat.types]

        def name(m: re.Match[str]) -> str:
            found = [g for g in (m.group("a"), m.group("b"), m.group("c"), m.group("d")) if g]
            said = [names[numbers[g] - 1] for g in found if numbers[g] <= len(names)]
            return "跟".join(said) if len(said) == len(found) else m.group(0)

        return BARE_TYPE_NUMBER.sub(name, text)

    def _talked_types(self, ds: DialogueState) -> list[str]:
        """The competency types the answer just given was about (a type, or a talent category's types)."""
        if ds.topic is None or ds.topic.turn < ds.turn - 1:
            return []
        types = [key for kind, key, _ in ds.topic.entities if kind == "type"]
        return types or [t for kind, key, _ in ds.topic.entities if kind == "talent" for t in self._talent_types(key)]

    def _talent_types(self, talent: str) -> list[str]:
        return [x for c in self.cat.talent.categories if c.name == talent for x in c.competency_types]

    def _plan_types(self, target: str) -> list[str]:
        """The competency types a plan's target (「AI 應用人才」「AI 工具應用 進階」, a role) is judged by."""
        try:
            aim = parse_target(target, self.cat)
        except ProfileError:
            return []
        if aim.kind == "types":
            return list(aim.types)
        if aim.kind == "type":
            return [aim.name]
        return self._talent_types(aim.category or aim.name) if aim.kind in ("category", "role") else []

    def _target_named(self, text: str) -> bool:
        """Whether a message names a competency type or a talent category to reach (「完全零基礎，每週 4 小時，
        幾週能達到 AI 應用人才？」): with no facts yet, a pace towards it is counted from zero."""
        return any(e.kind in {"type", "talent"} for e in self.reader.entities(normalise(text)))

    def _asks_levels_too(self, n: str) -> bool:
        """Whether a message that names another subject (a role…) still asks about levels: a level word, a gap
        word or a competency type (「想當機器學習工程師，走「AI 模型訓練」的時數路線還差什麼」)."""
        named_type = any(e.kind == "type" for e in self.reader.entities(n))
        return bool(LEVEL_NAMED.search(n) or GAP.search(n) or named_type)

    def _job_referred(self, ds: DialogueState, text: str) -> str:
        """「我們在徵 AI導入顧問…」 then 「這個職缺算什麼角色定位」: the role the user named is what 「這個職缺」 means
        (roles named in the user's own messages are remembered as talked about)."""
        n = normalise(text)
        named = [(e.kind, e.key) for e in self.reader.entities(n) if e.kind == "role" and e.start >= 0]
        ref = JOB_REF.search(n)
        talked = [x for x in ds.mentioned if x[0] == "role"]
        ds.mentioned = [*(x for x in ds.mentioned if x not in named), *named][-20:]
        if ref is None or named or not talked:
            return text
        return n.replace(ref.group(0), f"「{self._name(*talked[-1])}」", 1)

    def _course_talked_about(self, ds: DialogueState, ex: Any, n: str) -> None:
        """「這門課目前排 12 小時」 after 「我們有一門課教 Runway 做影片生成…算哪一項？」 (5. 影像應用): hours of
        「這門課」 said with no tool item are that course's item's hours."""
        if not THIS_COURSE.search(n) or not any(a == "tool" for a, _ in ex.hours):
            return
        items = [key for kind, key, _ in (ds.topic.entities if ds.topic else []) if kind == "item"]
        areas = {
            area
            for key in items
            for item in (i for t in self.cat.types for i in t.items if str(i.number) == key)
            for area, _ in self.facts.read(f"{item.name} 1 小時").hours
        }
        if len(areas) == 1:
            area = areas.pop()
            ex.hours = [(area if a == "tool" else a, h) for a, h in ex.hours]

    def _gap_types(self, ds: DialogueState) -> list[str]:
        """The types the last result showed that are below their top level, for the facts it was about."""
        if not ds.situation_types:
            return []
        shown = ds.hypothesis if ds.hypothesis is not None else ds.profile
        top = {r.type: r.levels[-1].level for r in self.cat.rules.types}
        return [
            row["type"]
            for row in self.situation.result_of(shown)["types"]
            if row["type"] in ds.situation_types and row["level"] != top.get(row["type"])
        ]

    def _certificate_part(self, text: str, ex: Any, held: list[str] | None = None) -> str | None:
        """The answer to a later part of a level question that asks who issues or which category is the
        one certificate the message names (「如果再去考 X，素養就算具備了嗎？那張是誰辦的」), or each of the ones
        held that it points at (「第四位算不算有程式語言應用？他那兩張各是誰辦的」); None otherwise."""
        parts = split_questions(text)
        certs = list(dict.fromkeys([*ex.certificates, *(ex.then.certificates if ex.then else [])]))
        # (the ones pointed at may read as named already: 「他那兩張」 is what he holds)
        if len(parts) >= 2 and held and 2 <= len(held) <= 4 and set(certs) <= set(held) and len(certs) != 1:
            for part in parts[1:]:
                n = normalise(part)
                intents = set(self.reader.detect_intents(n)) & {"issuer", "category_of"}
                if not HELD_ONES.search(n) or not intents or self.facts.own_level.search(n):
                    continue
                english = reads_as_english(part)  # (asked back in the part's own language)
                if english:
                    ask = "Who issues {}?" if "issuer" in intents else "Which category is {}?"
                else:
                    ask = "「{}」是哪個單位辦的？" if "issuer" in intents else "「{}」屬於哪一類？"
                answers = [self.advisor.respond(ask.format(self.cat.certification(c).name)) for c in held]
                texts = [a.text for a in answers if a.answered]
                joined = "\n\n".join(texts) if len(texts) == len(held) else None
                return to_simplified(joined) if joined and detect_language(part) == "zh-CN" else joined
            return None
        if len(parts) < 2 or len(certs) != 1:
            return None
        name = self.cat.certification(certs[0]).name
        for part in parts[1:]:
            n = normalise(part)
            asked = set(self.reader.detect_intents(n)) & {"issuer", "category_of"}
            # (「那張誰辦的、算哪類」: 「算哪」 of the one pointed at, not of one's level)
            if not asked or self.facts.own_level.search(n) and not SINGULAR.search(n):
                continue
            # (「那张是谁办的」: the reference read in Traditional script, asked back in the user's own)
            question = SINGULAR.sub(f"「{name}」", n, count=1) if not self._names_cert(part) else part
            question = (
                to_simplified(question) if question is not part and detect_language(part) == "zh-CN" else question
            )
            answer = self.advisor.respond(question)
            return answer.text if answer.answered else None
        return None

    def _fact_and_supposition(
        self, ds: DialogueState, ex: Any, updated: StatedProfile, text: str, answer_lang: str, lang: Lang
    ) -> list[Reply]:
        """「Canva 上了 20 小時…現在算哪一級？如果我補 18 小時素養課呢？」: the facts are kept and answered,
        then the supposition is computed on a copy of them (not kept), the same types reported."""
        ds.profile = updated
        supposed = self.facts.apply(updated, ex.then, ds.turn)
        route = ex.route or (ds.situation_route if ds.situation_types else None)
        answer = self.situation.now_and_supposed(updated, supposed, text, answer_lang, route, ds.situation_types)
        ds.hypothesis, ds.situation_types, ds.situation_route = supposed, answer.types, route  # type: ignore[assignment]
        self._profile_topic(ds, updated)
        return [Reply(answer.text, self._profile_buttons(lang))]

    def _issuer_one(self, text: str, topic: Topic) -> str:
        """「我想考國際的素養類證照，微軟那張叫什麼？」: 「那張」 right after an issuer is that issuer's one, asked
        for — no reference to what was talked about, unless a certificate of that issuer was."""
        n = normalise(text)
        for e in self.reader.entities(n):
            if e.kind != "issuer" or e.start < 0:
                continue
            after = n[e.start + len(e.surface) :]
            m = re.match(r"\s*(的)?\s*(那張|這張|那個|這個|那一張)", after)
            pool = [*topic.entities, *topic.listed]
            talked = {self.cat.certification(x[1]).issuer for x in pool if x[0] == "cert"}
            if m and e.key not in talked:
                at = e.start + len(e.surface)
                return f"{n[:at]}的{n[at + m.end() :]}"
        return text

    def _got_the_one_talked_about(self, ds: DialogueState, text: str) -> str:
        """「考到之後 工具應用會自動有嗎」 right after one certificate was the answer (「哪張是素養類」→ one listed):
        getting it is supposed, its name unsaid; the name is put after the verb so the what-if reads it."""
        n = normalise(text)
        m = GOT_UNNAMED.match(n)
        if m is None or any(e.kind in ("cert", "cert_category") for e in self.reader.entities(n)) or ds.topic is None:
            return text
        listed = list(dict.fromkeys(key for kind, key in ds.topic.listed if kind == "cert"))
        if not listed:  # (「那張算哪一類」→「考到之後…」: the one certificate the last answer was about)
            listed = list(dict.fromkeys(x[1] for x in ds.topic.entities if x[0] == "cert"))
        if len(listed) != 1:
            return text
        # (the name splits 「考到之後」: a word of supposing is put first unless the message has one)
        supposing = "" if m.group(1) in ("那如果", "如果", "要是", "假如") else "如果"
        return f"{supposing}{n[: m.end('verb')]}「{self._name('cert', listed[0])}」{n[m.end('verb') :]}"

    def _levels_of_recent_certificate(self, ds: DialogueState, text: str) -> str:
        """「如果同一個人初級跟中級都考到」 right after 「生成式AI美術設計能力認證(初級/中級)」: the levels are that
        certificate's, so its name is put before them (the facts then read two levels of one family)."""
        n = normalise(text)
        m = re.search(r"(初級|中級|高級)", n)
        if m is None or any(e.kind == "cert" for e in self.reader.entities(n)):
            return text
        if re.search(r"(的|是)\s*$", n[: m.start()]) or re.search(r"(它|那張|這張|那兩張|這兩張)", n):
            return text  # 「它的初級和中級」「美術設計的初級」: the levels of what is named or pointed at there
        held = [c.cert_id for c in ds.profile.certificates]
        for kind, key in [*reversed(ds.recent), *(("cert", c) for c in held)]:
            if kind != "cert":
                continue
            name = self.cat.certification(key).name
            if len(re.findall(r"初級|中級|高級", name)) >= 2 and m.group(1) in name:
                base = re.sub(r"\s*[（(][^）)]*[）)]\s*$", "", name)
                return n[: m.start()] + base + n[m.start() :]
        # 「先假設我只考初級」 after iPAS 初級 and 中級 (two entries) were talked about: the one of that level
        pool = [key for kind, key in [*reversed(ds.recent), *(ds.topic.listed if ds.topic else [])] if kind == "cert"]
        level_of = [
            key
            for key in dict.fromkeys(pool)
            if len(re.findall(r"初級|中級|高級", self.cat.certification(key).name)) == 1
            and m.group(1) in self.cat.certification(key).name
        ]
        if len(level_of) == 1:
            return f"{n[: m.start()]}「{self._name('cert', level_of[0])}」{n[m.end() :]}"
        return text

    def _material_named(self, ds: DialogueState, text: str) -> str:
        """「我把那份教材看完了，大概 8 小時」 after 附件(七)'s material was talked about: the material by its
        name, so the hours go to the area its name gives (a 表5 reference material names its type's area)."""
        m = MATERIAL_REFERENCE.search(text)
        resources = [key for kind, key in reversed(ds.recent) if kind == "resource"]
        if m is None or not resources:
            return text
        return text[: m.start()] + resources[0] + text[m.end() :]

    def _both_talked_about_held(self, ds: DialogueState, text: str) -> str:
        """「我兩張都有，另外還有…」 "I hold both" right after two certificates were talked about: those two, by
        name (so they are read as held like any certificate named)."""
        n = normalise(text)
        said = BOTH_HELD.search(n)
        if said is None or ds.topic is None or any(e.kind == "cert" for e in self.reader.entities(n[: said.end()])):
            return text
        talked = [key for kind, key, _ in ds.topic.entities if kind == "cert"]
        talked = talked if len(talked) == 2 else [key for kind, key in ds.topic.listed if kind == "cert"]
        if len(set(talked)) != 2:
            return text
        names = "和".join(f"「{self._name('cert', c)}」" for c in dict.fromkeys(talked))
        held = f"I have {names}" if said.group(0).startswith("i ") else f"我有{names}"
        return n[: said.start()] + held + n[said.end() :]

    def _held_by_issuer(self, ds: DialogueState, text: str) -> str:
        """「不對，那張 NVIDIA 他還沒考到」: an issuer named for a certificate held, when exactly one held is
        theirs and the message names no certificate itself, stands for that certificate."""
        n = normalise(text)
        found = self.reader.entities(n)
        if ds.profile.is_empty() or any(e.kind == "cert" for e in found):
            return text
        # (「它跟我那張是同一個單位辦的嗎」 asks whether; 「有沒有跟他那張同一個單位的」 asks for others)
        same = SAME_ISSUER_AS_HELD.search(n) if LIST_OF_OTHERS.search(n) else None
        issuers = list(dict.fromkeys(self.cat.certification(c.cert_id).issuer for c in ds.profile.certificates))
        if same and len(issuers) == 1:
            # 「有沒有跟他那張同一個辦理單位的」: the issuer of the one certificate held, by name
            return n[: same.start()] + f"{issuers[0]} 辦" + n[same.end() :]
        for e in found:
            at = n.find(e.surface)
            if e.kind != "issuer" or at < 0 or not NOT_YET.match(n[at + len(e.surface) :]):
                continue  # 「專案類裡面 AWS 的有哪些」 asks about the issuer, not the certificate held
            held = {c.cert_id for c in ds.profile.certificates if self.cat.certification(c.cert_id).issuer == e.key}
            if len(held) == 1:
                return n.replace(e.surface, f"「{self._name('cert', held.pop())}」", 1)
        return text

    def _dropped_or_filled(self, ds: DialogueState, n: str) -> StatedProfile | None:
        """The profile with an area dropped (「那個 8 小時的拿掉」「影像那門不算的話」) or with a shortfall of the
        last result made up (「補完那 2 小時之後呢」 "if I take those 2 hours"), or None."""
        # the facts just shown: a what-if answered last (a plan 「如果我排…」), else the stated ones
        shown = ds.hypothesis if ds.hypothesis is not None else ds.profile
        dropped = self._certificate_dropped(shown, n)
        if dropped is not None:
            return dropped
        if shown.is_empty() or not shown.hours:
            return None
        drop = DROP.search(n)
        if drop:
            said = drop.group("n") or drop.group("n_en")  # "without the 8 hours" too
            areas = [a for a, h in shown.hours.items() if not said or _same_number(h.hours, said)]
            what = drop.group("what") or drop.group("what_en") or drop.group("what_skip") or ""
            named = {a for a, _ in self.facts.read(f"{what} 1 小時", continuing=True).hours} if what else set()
            areas = [a for a in areas if a in named] if named else areas
            if len(areas) != 1 or not (said or named):
                return None
            return shown.model_copy(update={"hours": {a: h for a, h in shown.hours.items() if a != areas[0]}})
        fill = FILL.search(n)
        if not fill:
            return None
        wanted = float(fill.group("n"))
        result = self.situation.result_of(shown)
        rows = [r for r in result["types"] if not ds.situation_types or r["type"] in ds.situation_types]
        areas = {
            item["measures"][0]
            for row in rows
            for gap in row["gaps"]
            if gap["route"] == "training"
            for item in gap["missing"]
            if len(item["measures"]) == 1 and item["measures"][0] in shown.hours and item["shortfall"] == wanted
        }
        if len(areas) != 1:
            return None
        area = areas.pop()
        hours = dict(shown.hours)
        hours[area] = hours[area].model_copy(update={"hours": hours[area].hours + wanted})
        return shown.model_copy(update={"hours": hours})

    def _certificate_dropped(self, shown: StatedProfile, n: str) -> StatedProfile | None:
        """The facts without one certificate held, when the message takes it out (「如果拿掉第一張呢」 — the
        first of those held, in the order stated; 「TQC 那張不算的話」 — the one those words name)."""
        m = CERT_DROP.search(n)
        if m is None or not shown.certificates:
            return None
        ref = m.group("ref") or m.group("ref2") or m.group("ref_en") or ""
        held = list(dict.fromkeys(c.cert_id for c in shown.certificates))
        one = ORDINAL.search(ref)
        index = self._ordinal(one) if one else None
        target = None
        if index is not None and -len(held) <= index < len(held):
            target = held[index]
        elif index is None:
            named = [e.key for e in self.reader.entities(ref) if e.kind == "cert" and e.key in held]
            found = self._described(ref, [("cert", c, "") for c in held])
            target = named[0] if named else found[1] if found else None
        if target is None:
            return None
        return shown.model_copy(update={"certificates": [c for c in shown.certificates if c.cert_id != target]})

    @staticmethod
    def _only_turns(text: str, name: str) -> bool:
        """The message only turns to `name` (「那阿傑呢」「志明呢？」 "and Bob?"): nothing else is said or asked."""
        rest = normalise(text)
        # (「那我呢？」 "and me?": the user is named by the first person)
        forms = (
            ["我自己", "我本人", "我", "myself", "me"]
            if name == people.SELF
            else [name, name[1:] if len(name) == 3 else name]
        )
        for form in sorted(set(forms), key=len, reverse=True):
            rest = re.sub(re.escape(form.lower()), " ", rest)
        rest = re.sub(
            r"(那麼|那|至於|換成|換|再來|接著|然後|看看|看|的部分|的話|呢|咧|勒|\band\b|\bwhat about\b|\bhow about\b)",
            " ",
            rest,
        )
        return not re.sub(r"[\W_]+", "", rest)

    def _routes_not_offset(self, ds: DialogueState, text: str, lang: Lang) -> Reply:
        """No: each 表5 level is met by the certificate route or the training-hours route in full, and a
        certificate is never counted as hours (nor hours as a certificate). Said first, then the stated
        facts' standing on the types talked about, each route's gap in numbers."""
        answer_lang = self._answer_language(text, lang)
        if answer_lang == "en":
            lead = (
                "No: in 表5 each level is met by one route in full, the certificate route (證照累積張數) or the "
                "training-hours route (課程受訓累積時數); certificates are not converted into hours, nor hours "
                "into certificates."
            )
        else:
            lead = (
                "不能互相折抵。表5 的每一級要由「證照累積張數」或「課程受訓累積時數」其中一條途徑完整達成，"
                "證照不會換算成受訓時數，時數也不會算成證照。"
            )
        # the types of the answer before (「…AI 工具應用到初階了嗎」→「不能抵素養時數嗎」 asks about 工具應用's
        # route): the area the message names is the hours in question, not another type asked
        asked = "" if ds.situation_types else text
        shown = ds.situation_types or None
        answer = self.situation.answer(ds.profile, asked, answer_lang, default_types=shown, lead=[lead])
        ds.situation_types = answer.types
        return Reply(answer.text, self._profile_buttons(lang))

    def _which_certificate_helps(
        self, ds: DialogueState, ex: Extracted, updated: StatedProfile, text: str, answer_lang: str, lang: Lang
    ) -> Reply | None:
        """「如果只能考一張，哪一張能讓我多達成一個能力類型？」「目標是 AI 服務開發，哪一張有用？」: of the two to
        four certificates the message or the last answer names, what each would add to the stated facts
        (the engine over the facts plus that one certificate; nothing is stored but the facts stated)."""
        n = normalise(text)
        if not WHICH_HELPS.search(n):
            return None
        named = list(dict.fromkeys(e.key for e in self.reader.entities(n) if e.kind == "cert"))
        talked = [key for kind, key, _ in (ds.topic.entities if ds.topic else []) if kind == "cert"]
        talked += [key for kind, key in (ds.topic.listed if ds.topic else []) if kind == "cert"]
        candidates = named if len(named) >= 2 else list(dict.fromkeys(talked))
        pointed = [key for kind, key, _ in (ds.topic.entities if ds.topic else []) if kind == "cert"][:1]
        if len(named) == 1 and pointed and pointed != named and (SINGULAR.search(n) or SINGULAR_CERT.search(n)):
            candidates = [*pointed, *named]  # 「那它跟 AIATCL 比起來，哪一張…」: the one talked about and the one named
        if len(named) < 2:
            # (「下一張考哪張比較好」 after the person's own result: the certificates held are no candidates)
            held = {c.cert_id for c in ds.profile.certificates}
            candidates = [c for c in candidates if c not in held]
        if not 2 <= len(candidates) <= 4:
            return None
        if set(ex.certificates) <= set(candidates) and not ex.hours and not ex.unnamed:
            ex = replace(ex, certificates=[])  # the certificates weighed are not held (「X 跟 Y 比，哪張有用」)
        if ex.has_facts and not ex.hypothetical:
            ds.profile = updated  # 「我目前沒有任何證照，只上過素養課 18 小時。如果只能考一張…」: stated facts
        base = ds.profile if ex.has_facts or not ds.profile.is_empty() else StatedProfile()
        if ex.has_facts and ex.hypothetical:
            base = updated
        target = self.situation.asked_types(text)[0]
        before = self.situation.result_of(base)
        levels_before = {t["type"]: t["level"] for t in before["types"]}
        en = answer_lang == "en"
        lines, best = [], []
        for cert in candidates:
            held = [*base.certificates, HeldCertificate(cert_id=cert, turn=ds.turn)]
            after = self.situation.result_of(base.model_copy(update={"certificates": held}))
            gained = [
                (
                    t["type"],
                    t["level"],
                    next((r["id"] for r in t["rules"] if r["level"] == t["level"] and r["met"]), ""),
                )
                for t in after["types"]
                if t["level"] != levels_before[t["type"]] and (not target or t["type"] in target)
            ]
            name = self._name("cert", cert)
            kind = self.cat.certification(cert).category  # (「素養類」: what decides which 表5 routes it counts on)
            if gained:
                best.append(cert)
                got = ("; " if en else "、").join(
                    f"{t} {lv} ({rid})" if en else f"{t} {lv}（規則 {rid}）" for t, lv, rid in gained
                )
                lines.append(f"• {name}: adds {got}" if en else f"• 「{name}」：可多達成 {got}")
            else:
                what = "、".join(target) if target else ""
                lines.append(
                    f"• {name} ({kind}): adds no level{' of ' + what if what else ''}"
                    if en
                    else f"• 「{name}」（{kind}）：{('對 ' + what + ' ') if what else ''}不會多達成能力類型"
                )
        if en:
            head = (
                f"Of these, {', '.join(self._name('cert', c) for c in best)} would add a level."
                if best
                else "Neither would add a level to what you have."
            )
        else:
            head = (
                f"這幾張裡，{'、'.join('「' + self._name('cert', c) + '」' for c in best)} 能讓您多達成能力類型。"
                if best
                else "這幾張都不會讓您多達成能力類型。"
            )
        if not best and target:
            # 「…哪一張對拿到工具應用初階比較有用」 when neither helps: what that type's certificate route takes
            lines += [line for t in target if (line := self.situation.certificate_route_line(t, text, answer_lang))]
        echo = self.situation.echo(base, answer_lang)
        source = "Source: 附件(二) 表5; 附件(三) 表6" if en else "出處：附件(二) 表5、附件(三) 表6"
        # the one recommended is what 「它」 means next; 「另一張」 the other of the list
        ds.topic = Topic(
            entities=[("cert", c, "") for c in best or candidates],
            listed=[("cert", c) for c in candidates],
            lang=ds.topic.lang if ds.topic else "zh-TW",
            turn=ds.turn,
        )
        return Reply("\n".join([head, echo, *lines, "", source]), self._profile_buttons(lang))

    def _single_step(self, ds: DialogueState, ex: Extracted, text: str, answer_lang: str, lang: Lang) -> Reply | None:
        """「只做一件事，哪一件能一次多拿最多項？」「最快要補什麼」「只能再上 2 小時，上哪種最划算」 "what single
        thing gets me counted as an AI application talent?": each single next step from the facts held, with
        what the engine says it adds (knowledge.next_step); 「補 6 小時素養、還是補 6 小時影像？」 weighs the
        steps named. Nothing is stored."""
        n = normalise(text)
        one = bool(ONE_STEP.search(n))
        # 「像我這種完全沒上過 AI 課的，要先補什麼」: the first step, the fewest hours from where one stands
        first = bool(STEP_FIRST.search(n))
        fewest = bool(FEWEST_HOURS.search(n)) and bool(STEP_ASKED.search(n)) or first
        # (「他如果想達到 AI 模型訓練，最快的方式是什麼」: a level named as the aim is that type's result and
        # routes; the single steps answer 「最快要補什麼」 asked of no aim)
        aimed = any(e.kind in ("type", "talent") for e in self.reader.entities(n))
        # (「如果先只看 AI 工具應用初階，我最快要補哪些」: a type with its level named is an aim too)
        aim_said = re.search(r"(達到|到達|拿到|想要|初階|進階|\breach\b|\bget to\b)", n)
        fewest = fewest and not (aimed and aim_said)
        from_nothing = first and (ex.no_training or ex.no_certificates)  # (nothing held, said so)
        if not (one or fewest) or ds.profile.is_empty() and not from_nothing or ex.certificates or ex.unnamed:
            return None
        if ex.hours and not (ex.hypothetical or one):
            return None  # facts stated: the usual answer reads them first
        base = parse_profile(ds.profile.profile_json(), self.cat)
        types, talents = self.situation.asked_types(text)
        named_types = [t for t in types if len(types) < len(self.cat.types)]
        lang_ = "en" if answer_lang == "en" else "zh"
        numbers = [float(m.group("n") or m.group("n2") or m.group("n3")) for m in BUDGET.finditer(n)]
        if ex.hours and len(ex.hours) >= 2 and ALTERNATIVES.search(n):
            # each alternative named, tried alone on the facts held
            areas = set(training_areas(self.cat))
            tried = [one_area(base, self.cat, area, hours) for area, hours in ex.hours if area in areas]
            body = render_alternatives(tried, self.cat, lang_)
        elif numbers and not ex.hours and len(set(numbers)) == 1:
            body = render_single_steps(within_budget(base, self.cat, numbers[0]), self.cat, lang_, budget=numbers[0])
        else:
            said = LEVEL_ASKED_WORD.search(n)
            level = LEVEL_WORDS_EN.get(said.group(0), said.group(0)) if said and named_types else None
            steps = single_steps(base, self.cat, named_types, level) or single_steps(
                base, self.cat, named_types, level, single=False
            )
            talent = talents[0] if len(talents) == 1 else None
            body = render_single_steps(steps, self.cat, lang_, fewest_hours=fewest, talent=talent)
        echo = self.situation.echo(ds.profile, answer_lang)
        source = "Source: 附件(二) 表5; 附件(三) 表6" if answer_lang == "en" else "出處：附件(二) 表5、附件(三) 表6"
        out = "\n".join([body, echo, "", source])
        return Reply(to_simplified(out) if answer_lang == "zh-CN" else out, self._profile_buttons(lang))

    def _sets_supposition_aside(self, text: str) -> bool:
        """「先不管假設那張」「假設歸假設。另一位同事有 X」: the what-if is named to be set aside, and the message
        supposes nothing else."""
        n = normalise(text)
        return bool(REAL.search(n)) and not self.facts.hypothetical.search(REAL.sub(" ", n))

    def _switch_person(self, ds: DialogueState, text: str) -> bool:
        """Whether the message turns to another named person (conversation.people): the current facts are
        kept under their name and the named person's facts, if any, become the profile."""
        known = [n for n in [*ds.people, *([ds.person] if ds.person else [])] if n != people.SELF]
        name = people.mentioned(text, known)
        back = people.BACK_TO_SELF.search(text) or people.SELF_TURN.search(normalise(text))
        if name is None and people.SELF in ds.people and back:
            return self._become(ds, people.SELF)  # 「好，回到我自己」「那我呢？」: the user's own facts again
        if name is None and people.SELF in ds.people and ds.person not in (None, people.SELF):
            if people.SELF_SUBJECT.search(text) and people.introduced(text, self.reader.known_latin) is None:
                return self._become(ds, people.SELF)  # 「我每週上 2 小時…幾週能追上？」: the user of themselves
        if name is None and ds.person == people.SELF and len(known) == 1 and people.THIRD_SUBJECT.search(text):
            return self._become(ds, known[0])  # 「那她的程式語言應用還要多少」 after the user's own: the other one
        introduces = people.introduced(text, self.reader.known_latin, self._may_be_name) is not None
        if name is None and not introduces and ds.person not in (None, people.SELF) and self._own_facts_now(ds, text):
            # 「那我呢？我有 iPAS 初級，素養課上過 11 小時」 after a colleague's result: the user's own facts
            return self._become(ds, people.SELF)
        new = people.introduced(text, self.reader.known_latin, self._may_be_name)
        if new is not None and new not in known and (name is None or text.find(new) < text.find(name)):
            name = new  # 「跟阿豪比呢？他有…，跟小美比誰高」: the one introduced first is the one talked about
        turned = people.NEXT_PERSON.search(text)
        nxt = (turned.group("name") or turned.group("en")) if turned else None
        if nxt and nxt not in people.NOT_NAMES and self._may_be_name(nxt):
            name = nxt  # 「Tina 先這樣。接著是 Leo，…」: the one turned to next, not the one left
        if name is not None and name not in known and not self._may_be_name(name):
            name = None
        unnamed = people.UNNAMED_OTHER.search(normalise(text)) if name is None else None
        if unnamed and ds.person is None and not ds.people and not ds.profile.is_empty():
            # 「我同事只有 X 一張」 after the user's own facts: someone unnamed, called by who they are
            name = unnamed.group("who")
        elif (
            unnamed
            and unnamed.group("who") in people.FAMILY
            and unnamed.group("who") not in known
            # (only when the message opens on them: 「我有 X。我老公有 Y」 describes the user too, read elsewhere)
            and re.match(r"^\W*(那|那麼|那么|至於|至于|還有|还有|另外)?\s*(我的?|我们的?|我們的?)", normalise(text))
            and normalise(text).lstrip(" 那麼么至於于還有还另外").lstrip()[:6].find(unnamed.group("who")) >= 0
        ):
            # 「我姐上了素養課…」「那我妹呢？她有…」: a family member is someone of their own, from the first word
            name = unnamed.group("who")
        if name is not None and ds.person is None and not ds.people and not ds.profile.is_empty():
            # 「我同事小林沒有任何證照，素養上了 12 小時」 after the user's own facts: someone new with facts of
            # their own, so the facts so far are the user's (kept under SELF), not the colleague's
            if self.facts.read(people.as_pronoun(text, [name]), continuing=True).has_facts:
                ds.people[people.SELF] = ds.profile
                ds.profile, ds.person, ds.hypothesis = StatedProfile(), name, None
                ds.named = [*ds.named, name][-people.MAX_PEOPLE :]
                return True
        named_subject = {e.kind for e in self.reader.entities(normalise(text)) if e.start >= 0} & {"role", "archetype"}
        if name is None and ds.person and ds.people and SINGULAR.search(normalise(text)) and not named_subject:
            name = self._holder_of_described(ds, text)  # 「另一位的 TQC 那張」: whoever holds a TQC one
        other = people.OTHER_PERSON.search(text)
        if other and ds.person and len(known) == 2 and (name is None or 0 <= text.find(name) < other.start()):
            # "what about the other one?" of two people; 「B 的部分我懂了。那另一個人的…」: the other of the one named
            name = next(n for n in known if n != (name or ds.person))
        if name is None and people.BACK_TO_PRONOUN.search(text) and ds.person:
            before = [n for n in ds.named if n != ds.person and n in ds.people]
            name = before[-1] if before else None  # "back to her" after Bob: the one talked about before him
        if name is None:
            # 「那美玲呢？素養 20…」 while 阿明 is talked about, 「A組的佩君上過…」: a bare name, when it is no word
            # the guideline uses (「那證照呢」「公司的員工有」 are words of the guideline, not people)
            n = normalise(text)
            bare = (people.turned_to(n) if ds.person is not None else None) or people.possessed(n)
            if bare and self._may_be_name(bare):
                name = bare
        if name is None and (ds.person not in (None, people.SELF) or len(ds.people) >= 2):
            # 「春嬌有 TQC…，另外上過…」 while colleagues are gone through: a name opening the message with what
            # they hold is the next colleague (a word the guideline uses is no one)
            opening = OPENING_HOLDER.match(normalise(text))
            holder = opening.group("name") if opening else None
            stated = holder and self.facts.read(people.as_pronoun(text, [holder]), continuing=True).has_facts
            if holder and stated and self._may_be_name(holder):
                name = holder
        return self._become(ds, name) if name else False

    def _topic_marked(self, ds: DialogueState, text: str) -> str:
        """「小美的話：有 X 一張」「我的话，素养 18 小时」: 的話 after a person (one talked about, a nickname or the
        user) marks whom the facts are of — read as 「小美：…」; after anything else (「出題範圍的話，…」) it stays."""
        m = TOPIC_MARKED.match(text)
        if m is None:
            return text
        head = m.group("head").strip(" \t，,。")
        known = {*ds.people, *([ds.person] if ds.person else []), *ds.named}
        person_like = head in known or re.fullmatch(r"[小阿老][\u4e00-\u9fff]|[A-Z][a-z]+|我|我自己|本人", head)
        return TOPIC_MARKED.sub(r"\g<head>", text, count=1) if person_like else text

    def _types_raced(self, ds: DialogueState, text: str, lang: str) -> str | None:
        """「所以模型訓練跟服務開發，哪個比較快達到？」 with facts known: the fewest course hours each of the two types
        still needs for its next level (the engine's gaps, training route), and which one is nearer."""
        n = normalise(text)
        if ds.profile.is_empty() or not SOONER.search(n) or self.facts.read(text, True).has_facts:
            return None
        order = [x.name for x in self.cat.types]
        named = sorted({e.key for e in self.reader.entities(n) if e.kind == "type"}, key=order.index)
        if len(named) != 2:
            return None
        result = {t["type"]: t for t in self.situation.result_of(ds.profile)["types"]}
        lines, hours = [], {}
        for name in named:
            levels = [lv["level"] for lv in result[name]["levels"] if not lv["met"]]
            if not levels:
                lines.append(f"{name}: reached already" if lang == "en" else f"{name}：已達到")
                hours[name] = 0.0
                continue
            found = self.situation.hours_to(ds.profile, name, levels[0], None)
            if found is None:
                return None
            hours[name] = found[0]
            lines.append(
                f"{name} ({levels[0]}): {found[0]:g} more hours of courses"
                if lang == "en"
                else f"{name}（{levels[0]}）：還要上 {found[0]:g} 小時的課"
            )
        near = min(named, key=lambda x: hours[x])
        same = hours[named[0]] == hours[named[1]]
        if lang == "en":
            head = "Both are as near." if same else f"{near} is nearer."
            body = "By the training-hours route of 表5 — " + "; ".join(lines) + "."
            out = f"{head} {body}\n{self.situation.echo(ds.profile, lang)}\n\nSource: 附件(二) 表5"
        else:
            head = "兩者一樣近。" if same else f"{near} 比較快達到。"
            out = f"{head}以表5 受訓時數途徑計：" + "；".join(lines) + "。\n" + self.situation.echo(ds.profile, lang)
            out += "\n\n出處：附件(二) 表5"
        ds.situation_types = named
        return to_simplified(out) if lang == "zh-CN" else out

    def _issuer_by_part(self, ds: DialogueState, text: str) -> str:
        """「基金會那幾張各是哪一類」 right after 資策會 and 電腦技能基金會 were compared: a part of the name of one
        issuer just talked about stands for that issuer (only when it fits exactly one of them)."""
        n = normalise(text)
        if ds.topic is None or any(e.kind == "issuer" for e in self.reader.entities(n)):
            return text
        talked = [key for kind, key, _ in ds.topic.entities if kind == "issuer"]
        they = ISSUER_PRONOUN.search(n)
        # (not "…20 h of ChatGPT courses. Where does that put them?": people with facts, not the issuer)
        about_certs = re.search(r"類|張|證照|認證|cert|exam", n) and not re.search(r"\d", n)
        # ("Staff A holds X. Staff B holds Y. How do they compare?": people with facts are who 'they' are)
        if they and self.facts.read(text, continuing=True).has_facts:
            they = None
        if they and about_certs and len(set(talked)) == 1 and ds.person is None and not ds.people:
            # 「專案類有他們的嗎？」 right after 資策會's certificates: the issuer talked about, with no one else
            return n[: they.start()] + talked[0] + n[they.end() :]
        # (「學校那邊還有辦別張嗎」 after AIA's certificate was talked about: the issuers of the certificates too)
        certs = [key for kind, key in ds.recent if kind == "cert"] + [c.cert_id for c in ds.profile.certificates]
        talked = list(dict.fromkeys([*talked, *(self.cat.certification(c).issuer for c in certs)]))
        if not talked:
            return text
        for m in re.finditer(r"[\u4e00-\u9fff]{2,6}", n):
            word = m.group(0)
            for size in range(len(word), 1, -1):
                part = word[:size]
                if part[-1] not in "會会署校院局":
                    continue  # (an organisation's word: 「人工智慧」 inside a certificate's name is none)
                fits = [key for key in talked if part in key]
                if len(fits) == 1:
                    return n[: m.start()] + fits[0] + n[m.start() + size :]
        return text

    def _own_facts_now(self, ds: DialogueState, text: str) -> bool:
        """Whether the message turns to the user, with facts of their own: 「那我呢？」「至於我」 "what about me" then
        facts, facts said of 「我」 with no one else in the sentence (「我有 X，素養上過 11 小時」), or a what-if of
        the user's own (「那我要是再上 30 小時…」) once the user's facts are kept apart from a colleague's."""
        n = normalise(text)
        if re.search(r"(他|她|他們|她們|\b(he|she|his|her|him|they|their|them)\b)", n):
            return False
        turned = people.SELF_TURN.search(n) or people.BACK_TO_SELF.search(n)
        ex = self.facts.read(text, continuing=True)
        if not (ex.has_facts or ex.adds):
            return False
        if ex.hypothetical:
            supposes_self = re.match(
                r"^\W*(那|那麼|那么|所以)?\s*(我(要是|如果|若是|假如|再)|(如果|要是|假如|假設|若)我)", n
            )
            supposes_self = supposes_self or re.match(r"^\W*(and |so )?(what )?if i\b", n)
            return bool(turned or supposes_self and people.SELF in ds.people)
        return bool(turned or OWN_HOLDING.search(n))

    def _with_background(self, ds: DialogueState, text: str) -> str:
        """The user's own work, remembered (「我是行銷專員…」), stands in for 「我這種背景」「像我這樣的人」
        later: 「表8 哪些職稱比較適合我這種背景」 is read as 「…適合行銷背景」."""
        n = normalise(text)
        wish = ASPIRE.search(n)
        now = n[: wish.start()] if wish else n  # 「我是平面設計師 想轉AI」: the work one does, not the one wished for
        # (「那種角色需要自己寫程式嗎」 asks about others: only a message in the first person describes one's work)
        own = SELF_WORK.search(now) and re.search(r"(我|\bi\b|\bmy\b|\bi'm\b)", now)
        work = read_work(now, self.reader.entities(now), self.cat) if own else None
        if work is not None and ds.person is None and not ds.people:
            # the work, not the tools used at it (「PyTorch」) or what one does not do
            words = [w for w in work.evidence if not re.search(r"(不|沒)", w) and not w.isascii()]
            words = [w for w in words if w not in work.tools]
            ds.background = words[:3] or ds.background  # the user's own, not a colleague's
            return text
        ref = BACKGROUND_REF.search(n)
        if ref is None or not ds.background or work is not None:
            return text
        return n[: ref.start()] + f"{'、'.join(ds.background)}背景" + n[ref.end() :]

    def _holder_of_described(self, ds: DialogueState, text: str) -> str | None:
        """The one person of the conversation holding the certificate a reference describes by part of its
        name (「另一位的 TQC 那張」 when only one of two people holds a TQC certificate), else None."""
        held = {name: {c.cert_id for c in profile.certificates} for name, profile in ds.people.items()}
        held[ds.person or ""] = {c.cert_id for c in ds.profile.certificates}
        pool = [("cert", cert, "") for cert in sorted(set().union(*held.values()))]
        described = self._described(text, pool) if pool else None
        holders = [name for name, certs in held.items() if described and described[1] in certs]
        return holders[0] if len(holders) == 1 and holders[0] else None

    def _register_compared(self, ds: DialogueState, text: str) -> None:
        """「我想比較志明跟春嬌」: both are people of this conversation from now on (「春嬌有…」 later is hers),
        though nothing is said of them yet; the facts that follow are kept apart by name."""
        # (「評估痛點跟效益的人」 compares no people: words the guideline uses are no names)
        names = [n for n in people.compared(text) if self._may_be_name(n)]
        for name in names:
            if ds.person is None and not ds.people and ds.profile.is_empty():
                ds.person = name
            elif name != ds.person and name not in ds.people:
                ds.people[name] = StatedProfile()

    def _type_of(self, kind: str, key: str) -> str | None:
        """The competency type an item or a 表5 reference tool belongs to."""
        if kind == "item":
            return next((t.name for t in self.cat.types if any(str(i.number) == key for i in t.items)), None)
        if kind == "tool":
            owners = {r.type for r in self.cat.rules.types if any(key in g.tools for g in r.reference_tools)}
            return owners.pop() if len(owners) == 1 else None
        return key if kind == "type" else None

    def _may_be_name(self, name: str) -> bool:
        """A word the advisor reads otherwise (a catalog name, an hours area: 「文書 15 小時」) or one the
        guideline itself uses (「幫三位同事評估：」: 評估 is a task, not a colleague) is no person."""
        if re.fullmatch(r"[A-Z]", name) or re.fullmatch(r"[A-Z][a-z]+\s*#?\d{1,2}", name):
            return True  # 「A 有…；B 有…」 "Candidate 2: …": a letter or a number labels someone
        if name.lower() in ROLE_WORDS_EN:
            return False  # ("Candidate 2: …": the word before the number is who they are, not a name)
        if re.fullmatch(r"[A-Za-z]+", name):
            # ("然後 Midjourney 圖文課…": a tool the advisor reads as an hours area is no one; "NVIDIA Certified
            # Associate: Generative AI…": a word of a certificate's name neither)
            cert_words = {w.lower() for c in self.cat.certifications for w in re.findall(r"[A-Za-z]{3,}", c.name)}
            if name.lower() in cert_words:
                return False
            return name.lower() not in self.reader.known_latin and not self.facts.read(f"{name} 5 小時", True).hours
        if re.fullmatch(
            r"[甲乙丙丁]|[\dA-Z一二三四五六七八九十甲乙丙丁]{1,2}\s*[號組]|[\u4e00-\u9fff]{2}\s*\d{1,2}", name
        ):
            return True  # 甲乙 and numbers are labels
        if re.search(r"(前|後|后)$|^[一二三四五六七八九十兩两\d半幾几上去今明前]+(年|個月|个月|月|天|週|周)", name):
            return False  # 「三年前上過…」「去年」: when, not who
        if name[-1] in people.VERB_ENDS:
            return False  # 「我們的課只有…」: 「課只」 ends on a word that goes on the sentence
        if re.search(r"[哪誰嗎呢啥甚幾麼]", name):
            return False  # 「倒數第二個差在哪」: a question's words, never a name
        if re.search(r"[課课堂門门各每]", name):
            return False  # 「…做圖的課各上了10小時」: 「課各」 is a course, said of each, no one
        if re.match(r"(如果|假如|要是|假設|若是|萬一|如果說|一樣|一样|同樣|同样|照樣|照样|還是|还是|就是)", name):
            return False  # 「如果他只有…」: a supposition's opening, no one
        if name.endswith("的") or re.match(r"(共通|共同|大家|全部|全體|所有|每個|每位|其他|其餘)", name):
            return False  # 「先講共通的：5 個人都上過…」: what everyone shares, no one
        return (
            normalise(name) not in self.guideline_words
            and not self.reader.entities(normalise(name))
            and not self.facts.read(f"{name} 5 小時", continuing=True).hours
        )

    @staticmethod
    def _become(ds: DialogueState, name: str) -> bool:
        """Turn to `name`: the current facts are kept under the current name, the named person's facts
        (none for someone new) become the profile. False when nothing changed."""
        if name not in ds.named:
            ds.named = [*ds.named, name][-people.MAX_PEOPLE :]
        if name == ds.person:
            return False
        if ds.person is None and not ds.people:
            ds.person = name  # the first person named: the facts stated so far are theirs
            return False
        if name not in ds.people:
            ds.situation_types = []  # (what was asked of the one before is not asked of someone new)
        if not ds.profile.is_empty() or ds.person is not None:
            ds.people[ds.person or "—"] = ds.profile
        if ds.person is not None and ds.hypothesis is not None:
            # (「假設 Amy 真的補了那 6h」 later: the last what-if about each person, kept apart from the facts)
            ds.supposed = {**{k: v for k, v in ds.supposed.items() if k != ds.person}, ds.person: ds.hypothesis}
            while len(ds.supposed) > people.MAX_PEOPLE:
                ds.supposed.pop(next(iter(ds.supposed)))
        ds.profile, ds.person = ds.people.pop(name, StatedProfile()), name
        while len(ds.people) >= people.MAX_PEOPLE:
            ds.people.pop(next(iter(ds.people)))
        ds.hypothesis = None
        ds.situation_route = None  # "through certificates" was asked of the one before
        return True

    def _person_by_ordinal(self, ds: DialogueState, text: str) -> str:
        """「第一個的程式語言應用咧」 after two people were described: the first person named, when the
        ordinal asks a level or type (a certificate has none) or counts people (「第二位」)."""
        n = normalise(text)
        pair = LATTER_FORMER.search(n)
        # 「前者要達到 AI 模型訓練還差什麼」 "the latter" after two people: one of the two, by order — unless the
        # answer just given set two things side by side (「前者跟後者差在哪」 after two dimensions)
        two = [name for name in ds.named if name in ds.people or name == ds.person]
        kinds = [kind for kind, _, _ in ds.topic.entities] if ds.topic is not None else []
        kinds += [kind for kind, _ in ds.topic.listed] if ds.topic is not None else []
        two_things = (
            ds.topic is not None and ds.topic.rule != PEOPLE_COMPARED and any(kinds.count(k) >= 2 for k in kinds)
        )
        if (
            pair is not None
            and len(two) == 2
            and not two_things
            and not re.search(r"(那|這|这)(個|項|張|種|份|个|项|张|种)", pair.group(0))
        ):
            return n[: pair.start()] + two[0 if pair.group("former") else 1] + n[pair.end() :]
        m = ORDINAL.search(n)
        if m is None or len(ds.named) < 2:
            return text
        new = people.introduced(text, self.reader.known_latin, self._may_be_name)
        if new is not None and new not in ds.named:
            return text  # 「第三位阿哲，他只有…」: the ordinal introduces someone new
        index = self._ordinal(m)
        if index == len(ds.named) and ("位" in m.group(0) or "人" in n[m.end() : m.end() + 2]) and new is None:
            # 「第四位跟第二位一樣的證照，只是多上了 16 小時」 after three people: someone new, called by the
            # ordinal, whose facts may copy another's
            self._become(ds, m.group(0))
            return self._same_as_person(ds, n[: m.start()] + "他" + n[m.end() :])
        if index is None or not -len(ds.named) <= index < len(ds.named):
            return text
        kinds = {e.kind for e in self.reader.entities(n)}
        of_person = "位" in m.group(0) or "人" in n[m.end() : m.end() + 2]
        # 「如果第一個再補 6 小時自動化的課呢」: hours are a person's, never a certificate's or a type's
        of_person = of_person or bool(self.facts.read(n, continuing=True).hours)
        asks_level = bool(kinds & {"type", "item", "talent"}) or bool(self.facts.own_level.search(n))
        if not of_person and (not asks_level or kinds & {"cert", "cert_category", "role"}):
            return text
        return n[: m.start()] + ds.named[index] + n[m.end() :]

    def _person_by_shortfall(self, ds: DialogueState, text: str) -> str:
        """「那個素養不夠的」 among people described: the one person with the fewest hours in the area named
        (none when two share the fewest), by name, so the facts of that person answer."""
        n = normalise(text)
        m = PERSON_SHORT.search(n)
        if m is None or len(ds.named) < 2:
            return text
        areas = [area for _, area, _ in self.facts.areas_named(m.group("desc"))]
        if len(areas) != 1:
            return text
        everyone = {**ds.people, **({ds.person: ds.profile} if ds.person else {})}

        def hours(profile: StatedProfile) -> float:
            return sum(h.hours for a, h in profile.hours.items() if a == areas[0] or a.startswith(f"{areas[0]}."))

        counted = sorted((hours(p), name) for name, p in everyone.items() if name in ds.named)
        if len(counted) < 2 or counted[0][0] == counted[1][0]:
            return text
        return n[: m.start()] + counted[0][1] + n[m.end() :]

    def _person_not_meeting(self, ds: DialogueState, text: str) -> str:
        """「那剩下沒達到的那個最快怎麼補」 after people were set side by side: the one person who does not meet
        what that comparison asked, by name."""
        n = normalise(text)
        m = NOT_MET_ONE.search(n)
        if m is None or not ds.last_compared:
            return text
        talents = [key for kind, key, _ in ds.last_compared if kind == "talent"]
        types = [key for kind, key, _ in ds.last_compared if kind == "type"]
        everyone = {**ds.people, **({ds.person: ds.profile} if ds.person else {})}
        short = []
        for name in ds.named:
            if name not in everyone or everyone[name].is_empty():
                continue
            result = self.situation.result_of(everyone[name])
            reached = {t["type"] for t in result["types"] if t["level"] != "未達"}
            if not set(types) <= reached or not set(talents) <= set(result["talent_categories"]):
                short.append(name)
        if len(short) != 1:
            return text
        return n[: m.start()] + short[0] + n[m.end() :]

    def _unlisted_pointed(self, ds: DialogueState, text: str) -> str:
        """「那張 Google 的表6沒有，也算嗎？」 about someone holding a certificate they filed themselves: the words
        that point at it name no 表6 certificate (a vendor's word would read as its listed one) — the question
        is about the self-declared one and the person's levels."""
        n = normalise(text)
        holders = [ds.profile, *ds.people.values()]  # (the person pointed at may not be the profile yet)
        if not NOT_LISTED.search(n) or not any(p.unnamed for p in holders):
            return text
        for e in self.reader.entities(n):
            if e.kind in ("cert", "issuer") and e.surface in n:
                n = n.replace(e.surface, " ")
        return n

    def _within_list(self, ds: DialogueState, text: str) -> str:
        """「裡面哪幾張是 AWS 的？」 right after a category's certificates were listed: within that category — the
        category named, so the issuer (or scope) filters the list just shown, not the whole table."""
        n = normalise(text)
        if ds.topic is None or not WITHIN.search(n) or self.facts.read(text, continuing=True).has_facts:
            return text
        categories = list(dict.fromkeys(key for kind, key, _ in ds.topic.entities if kind == "cert_category"))
        # (or the category every certificate of the list last shown belongs to)
        shown = [self.cat.certification(key).category for kind, key in ds.shown if kind == "cert"]
        categories = categories or (list(dict.fromkeys(shown)) if len(shown) >= 2 else [])
        kinds = {e.kind for e in self.reader.entities(n)}
        if len(categories) != 1 or "cert_category" in kinds or not kinds & {"issuer", "cert_scope"}:
            return text
        return f"{categories[0]}{n}"

    def _why_counted(self, ds: DialogueState, text: str) -> str:
        """「他沒有專案類，為什麼也算？」 "Why does Lee count?" right after people were counted for a talent
        category: the question is about that category (its types and the rule that met them)."""
        n = normalise(text)
        talents = list(dict.fromkeys(key for kind, key, _ in ds.last_compared if kind == "talent"))
        m = WHY_COUNTED.search(n)
        if len(talents) != 1 or m is None or any(e.kind == "talent" for e in self.reader.entities(n)):
            return text
        return f"{n[: m.end()]}（{talents[0]}）{n[m.end() :]}"

    def _same_as_person(self, ds: DialogueState, text: str) -> str:
        """「跟第二位一樣的證照」: the certificates of the person that ordinal counts to, by name, so the facts
        read them as this person's."""
        m = SAME_AS_PERSON.search(text)
        if m is None:
            return text
        index = self._ordinal(ORDINAL.search(m.group("who")))  # type: ignore[arg-type]
        if index is None or not -len(ds.named) <= index < len(ds.named):
            return text
        other = ds.people.get(ds.named[index])
        if other is None or not other.certificates:
            return text
        names = "、".join(self.cat.certification(c.cert_id).name for c in other.certificates)
        return text[: m.start()] + f"有 {names}" + text[m.end() :]

    def _several_people(self, ds: DialogueState, text: str) -> tuple[str, list[str]]:
        """「兩位新人：Amy 有 X，Ben 有 Y，兩人都沒有受訓時數。Amy 的素養算具備嗎」: what is said about each
        person is stored under their name; the last part (the question) is read as the message. When the
        question comes first and asks about each of them (「幫我看兩位同事的工具應用等級：王大明 …；林小華 …」),
        every part is stored and the question is returned with the people it asks about."""
        spans = [
            (at, name)
            for at, name in people.introductions(text, self.reader.known_latin)
            if name == people.SELF
            or self._may_be_name(name)
            # (「行銷專員那位…；想當PM的那位…」: someone called by what they do, a label the message gives)
            or re.match(rf"{re.escape(name)}的?那位", text[at:])
            or re.match(rf"{re.escape(name)}\s+(?:only |also |just )?(?:has|holds|had|took|did|completed)\b", text[at:])
        ]
        if len({name for _, name in spans}) < 2:
            return text, []
        opening = text[: spans[0][0]]
        n_opening_all = normalise(opening)
        asks = self.facts.own_level.search(normalise(opening)) or LEVEL_NAMED.search(normalise(opening))
        # 「…；志明有 X。他們的證照各是哪一類？」: a closing sentence of its own, asking about each of them
        # (a list typed one person a line: the question on a line of its own closes it)
        last_stop = max((m.end() for m in re.finditer(r"[。!！\n]|\.(?=\s+[A-Z])", text.rstrip())), default=0)
        closing = text[last_stop:] if last_stop > spans[-1][0] else ""
        n_closing = normalise(closing)  # (「它们分别属于哪一类」: Simplified reads as Traditional)
        # (「幫我看三位同仁。…。誰有到初階？」: a closing 「誰」 sets them side by side instead)
        each = bool(EACH.search(opening) and asks) and not WHO.search(n_closing)
        ends = [at for at, _ in spans[1:]] + [len(text)]
        # ("quick check for three people. Amy: … Ben: … Cara: …": people listed with nothing asked are all looked
        # at — which talent category each meets, the question a manager asks next — not only the one named last)
        listed_only = not QUESTION_MARKERS.search(normalise(text)) and not re.search(r"[?？]", text)
        # (「…建宏：…。先幫我看阿華」: a closing that turns to one of them asks of that one)
        listed_only = listed_only and not closing.strip() and len({n for _, n in spans}) == len(spans)
        if listed_only and CHECK_ASKED.search(n_opening_all) and not each:
            self._store_parts(ds, text, spans, ends)
            english = not re.search(r"[\u3400-\u9fff]", text)
            return (
                WHO_MEETS_EN
                if english
                else to_simplified(WHO_MEETS_ZH)
                if detect_language(text) == "zh-CN"
                else WHO_MEETS_ZH
            ), []
        n_opening = normalise(opening)
        # 「…，建宏有 X。只看證照的話，幾個人達到 AI 服務開發？」: a closing count over everyone listed
        # (「…。他們倆算嗎？」 "do they both qualify?": a count over them too)
        counted_after = bool(closing.strip()) and bool(WHO.search(n_closing) or THEY_COUNT.search(n_closing))
        if counted_after:
            ends[-1] = last_stop
            self._store_parts(ds, text, spans, ends)
            # 「想讓大家都達到AI應用人才…：阿宏…；小芬…。現在誰已經符合？」: what the opening aims at is what is counted
            # (「我跟同事阿凱都想要 AI 服務開發。我：…；阿凱：…。我們誰已經達到了？」: an aim in a sentence of its own
            # before the facts, with no figure in it, is the opening's too)
            plain = [c for c in re.split(r"[。!！；;\n]", text[:last_stop]) if c.strip() and not re.search(r"\d", c)]
            aims = {
                e.key
                for c in [n_opening, *map(normalise, plain)]
                for e in self.reader.entities(c)
                if e.kind in ("talent", "type")
            }
            if len(aims) == 1 and not any(e.kind in ("talent", "type") for e in self.reader.entities(n_closing)):
                return f"{closing.rstrip().rstrip('?？')} {aims.pop()}？", []
            return closing, []
        listing = n_opening.rstrip().endswith((":", "："))  # 「幫我看 AI 模型訓練誰有到：1號 …；2號 …」
        if WHO.search(n_opening) and (QUESTION_MARKERS.search(n_opening) or listing) and not closing.strip():
            # 「研發部四個人，AI模型訓練有幾個符合？大偉：…。佳琪：…」: the people set side by side, once all are
            # stored
            self._store_parts(ds, text, spans, ends)
            return opening, []
        asks_each = EACH.search(n_closing) and QUESTION_MARKERS.search(n_closing) and not WHO.search(n_closing)
        if not each and closing.strip() and asks_each:
            ends[-1] = last_stop
            self._store_parts(ds, text, spans, ends)
            return closing, list(dict.fromkeys(name for _, name in spans))
        gendered = None if each or not closing.strip() else self._pronoun_by_gender(closing, text, spans)
        # (「…。她是會計，有…。先看我的，我的工具應用到哪？」: the user asks of themselves first)
        if not each and closing.strip() and any(name == people.SELF for _, name in spans):
            gendered = people.SELF if SELF_ASKED_FIRST.search(normalise(closing)) else gendered
        if gendered is not None and gendered != spans[-1][1]:
            # (「…；阿凱（男）…。她的素養到了嗎？」: the woman the message marked, not the man named last)
            ends[-1] = last_stop
            self._store_parts(ds, text, spans, ends)
            self._become(ds, gendered)
            return closing, []
        self._store_parts(ds, text, spans if each else spans[:-1], ends if each else ends[:-1])
        if each:
            return opening, list(dict.fromkeys(name for _, name in spans))
        # the question is the sentence the last mention is in (「…。先幫我看小美」), not only what follows the name
        # — and is about the one named there ("…. Dev has no certs: 18h…": Dev, even as a word read otherwise)
        if spans[-1][1] != people.SELF and ds.person != spans[-1][1]:
            self._become(ds, spans[-1][1])
        start = spans[-1][0]
        opening_at = max((m.end() for m in re.finditer(r"[。；;!！?？]", text[:start])), default=start)
        if opening_at and text[opening_at - 1] in "；;":
            opening_at -= 1  # 「；建宏上過…」: the separator stays, as what opens a name in a list
        return text[opening_at:], []

    def _store_parts(self, ds: DialogueState, text: str, spans: list[tuple[int, str]], ends: list[int]) -> None:
        """Each person's part of a message (from where they are named to where the next is) stored as their
        facts, the person named last becoming the profile."""
        if spans and ds.person is None and not ds.people and not ds.profile.is_empty():
            # 「我部門兩位：雅婷…；俊宏…」 after the user's own facts: those facts stay the user's (kept under SELF)
            ds.people[people.SELF] = ds.profile
            ds.profile, ds.hypothesis = StatedProfile(), None
        area_before: str | None = None
        # 「All 5 students did our 18-hour AI literacy module. Tool hours: Alice 20h…」: what the opening says of
        # everyone is each person's fact too
        opening = text[: spans[0][0]] if spans else ""
        everyone = EVERYONE_NAMED.search(normalise(opening))
        # (「All 5 students did…」: the number counts people, not hours)
        shared = self.facts.read(EVERYONE_NAMED.sub(" ", normalise(opening)), continuing=True) if everyone else None
        shared = shared if shared is not None and shared.has_facts and not shared.hypothetical else None
        # (「AI工具課時數：我 文書18；阿強 文書10…」: the label over a list gives its bare numbers their unit)
        in_hours = bool(UNIT_DECLARED.search(normalise(opening)))
        for (start, name), end in zip(spans, ends, strict=True):
            self._become(ds, name)
            part = people.as_pronoun(text[start:end], [name])
            if name == people.SELF:  # 「我：有 X，素養課沒上」: the label's colon, read as 「我有 X」
                part = re.sub(r"^(\W*)我\s*[：:]\s*", r"\1我", part)
            if in_hours:  # (in the part's own script, which decides how it is read)
                part += to_simplified("（單位都是小時）") if detect_language(part) == "zh-CN" else "（單位都是小時）"
            ex = self._person_part(part)
            bare = BARE_HOURS.search(normalise(part))
            if not ex.hours and bare and area_before:
                # 「1號上了18小時AI素養課、2號15小時」: hours with no area of their own are of the area said before
                ex = replace(ex, hours=[(area_before, float(bare.group(1)))])
            areas = {area for area, _ in ex.hours}
            area_before = areas.pop() if len(areas) == 1 else None
            if shared is not None and ds.profile.is_empty():
                ds.profile = self.facts.apply(ds.profile, shared, ds.turn)
            if ex.has_facts:
                if shared is not None:  # (the shared facts first, what is said of the person added to them)
                    ex = replace(ex, adds=True)
                ds.profile = self.facts.apply(ds.profile, ex, ds.turn)

    @staticmethod
    def _pronoun_by_gender(closing: str, text: str, spans: list[tuple[int, str]]) -> str | None:
        """「婷婷（女）…；阿凱（男）…。她的 AI 應用素養到了嗎？」: the one person the message marked as a woman
        (or a man) that a closing 她 (or 他) asks of — not whoever was named last; None when it is not so."""
        she, he = "她" in closing, bool(re.search(r"他(?!們|们)", closing))
        if she == he:
            return None
        mark = r"女|女生|女性|小姐" if she else r"男|男生|男性|先生"
        marked = {name for at, name in spans if re.match(rf"{re.escape(name)}\s*[（(]\s*(?:{mark})\s*[）)]", text[at:])}
        return marked.pop() if len(marked) == 1 else None

    def _person_part(self, part: str) -> Any:
        """The facts of one person's part of a message listing several; 「證書如下：小王 iPAS 初級…；小李 …」
        lists who holds what with no verb, so a part that opens with the person and a certificate's name
        holds that certificate."""
        part = re.sub(r"\b(he|she),?\s+who\s+", r"\1 ", part, flags=re.I)  # ("…with Sarah, who only has X")
        ex = self.facts.read(part, continuing=True)
        # (「1. 志明：AWS …」: a numbered line opens the same way)
        # ("Ben: Google Cloud Professional Machine Learning Engineer, nothing else": the same in English)
        if ex.has_facts or not re.match(r"\W*(\d{1,2}\s*[.、)）]\s*)?(他|她|he\b|she\b)\s*[:：]?\s*\S", part, re.I):
            return ex
        if not any(e.kind == "cert" for e in self.reader.entities(normalise(part))):
            return ex
        opened = r"^(\W*(?:\d{1,2}\s*[.、)）]\s*)?(?:他|她|he\b|she\b))\s*[:：]?\s*"
        verb = r"\1 has " if re.match(r"\W*(he|she)\b", part, re.I) else r"\1有 "
        return self.facts.read(re.sub(opened, verb, part, count=1, flags=re.I), continuing=True)

    def _each_known(self, ds: DialogueState, text: str) -> list[str]:
        """「那 AI 程式語言應用呢？兩人各自缺什麼？」 after two people's facts: the people already talked about,
        in the order named, when the message asks each of them a level or a gap and states nothing new."""
        n = normalise(text)
        team = {**ds.people, **({ds.person: ds.profile} if ds.person else {})}
        named = [name for name in ds.named if name in team and not team[name].is_empty()]
        if len(named) < 2 or not (EACH.search(n) or re.search(r"兩人|二人|兩個|\beveryone\b", n)):
            return []
        asks = self.facts.own_level.search(n) or LEVEL_NAMED.search(n) or GAP.search(n) or TALENT_MET.search(n)
        asks = asks or any(e.kind in ("type", "talent") for e in self.reader.entities(n))
        asks = asks or bool(re.search(r"(能力類型|等級|級別|\blevels?\b)", n))  # 「各自可以對到哪些能力類型」
        if DESCRIPTION_ASKED.search(n) and not (LEVEL_NAMED.search(n) or GAP.search(n)):
            return []  # 「指引對模型訓練的能力說明提到哪些方法？我想幫他們排進修主題」: the guideline's words
        if SHORTFALLS_ADDED.search(n) and EVERYONE_NAMED.search(n):
            return []  # 「那兩個人加起來還要排幾小時」: one sum over them, not each one's answer
        if self.reader.scope_topics(n):
            return []  # 「順便幫我算一下他們這個月的加班費」: a question of its own, weighed as any question is
        if not asks or WHO.search(n) or self.facts.read(text, continuing=True).has_facts:
            return []
        if set(self.reader.detect_intents(n)) & {"issuer", "category_of"}:
            return []
        if {e.kind for e in self.reader.entities(n) if e.start >= 0} - FACT_KINDS - {"cert_category"}:
            return []  # 「「AI 導入顧問」算什麼角色定位？他們需要會寫程式嗎」: the role's, not each person's
        return named

    def _titles_for_people(self, ds: DialogueState, text: str, lang: Lang) -> Reply | None:
        """ "Which job titles fit me, and which fit Mei?" 「我跟小芳各適合什麼職稱」 once their facts are known: the
        titles (表8/表9) of the talent category each one's facts meet, by the engine — the user named by 我/me."""
        n = normalise(text)
        if not (TITLES_ASKED.search(n) or "titles" in self.reader.detect_intents(n)):
            return None
        if {e.kind for e in self.reader.entities(n) if e.start >= 0} - FACT_KINDS - {"cert_category"}:
            return None  # a role, a talent or a background named: the catalog's own answer
        if self.facts.read(text, continuing=True).has_facts:
            return None
        team = {**ds.people, **({ds.person: ds.profile} if ds.person else {})}
        if ds.person is None and not ds.profile.is_empty():
            team[people.SELF] = ds.profile
        team = {name: p for name, p in team.items() if not p.is_empty()}
        asked = [name for name in ds.named if name in team and name != people.SELF and name in text]
        if people.SELF in team and re.search(r"我(?!們|们)|\b(me|i|my)\b", n):
            asked.insert(0, people.SELF)
        # ("Which roles and career path fit someone like me?" of one whose facts meet a category: that category's)
        like_me = re.search(
            r"(像我這樣|像我这样|像我這種|我這種|適合我|适合我|\b(someone like me|people like me|fit me|suit me)\b)", n
        )
        # (「表8 裡哪些職稱適合我這種背景」: the background's titles, as the catalog gives them)
        like_me = like_me and not re.search(r"(背景|表\s*[89]|table [89]|background)", n)
        single = (
            len(asked) == 1 and bool(like_me) and bool(self.situation.result_of(team[asked[0]])["talent_categories"])
        )
        if len(asked) < 2 and not single:
            return None  # (one person: 「那我適合什麼職稱」 goes the way a titles question goes)
        en = self._answer_language(text, lang) == "en"
        parts = []
        for name in asked:
            cats = self.situation.result_of(team[name])["talent_categories"]
            shown = "You" if en and name == people.SELF else "您本人" if name == people.SELF else name
            if not cats:
                first = self.cat.talent.categories[0].name
                line = (
                    f"【{shown}】meets no talent category yet; below, the titles of {first}, the first to reach."
                    if en
                    else f"【{shown}】尚未符合任一人才類別；以下為最先可達的 {first} 的職稱。"
                )
                cats = [first]
            elif en:
                line = f"【{shown}】meets {' and '.join(cats)} (表5)."
            else:
                line = f"【{shown}】符合 {'、'.join(cats)}（表5）。"
            cards = [self.advisor.answerer.talent_titles(c) for c in cats]
            if CAREER_ASKED.search(n):  # "…and career path": where each category's routes lead (附件(五))
                cards += [self.advisor.answerer.career_card(c) for c in cats]
            parts.append("\n".join([line, *((c.en if en else c.zh) for c in cards if c is not None)]))
        body = "\n\n".join(parts)
        if not en and detect_language(text) == "zh-CN":
            body = to_simplified(body)
        source = "Source: 附件(二) 表5; 附件(四) 表8、表9" if en else "出處：附件(二) 表5、附件(四) 表8、表9"
        if CAREER_ASKED.search(n):
            source += "; 附件(五)" if en else "、附件(五)"
        return Reply(f"{body}\n\n{source}")

    def _each_answered(self, ds: DialogueState, question: str, names: list[str], lang: Lang) -> list[Reply]:
        """One question answered for each person a message described, in the order described."""
        answer_lang = self._answer_language(question, lang)
        parts = []
        for name in names:
            self._become(ds, name)
            answer = self.situation.answer(ds.profile, question, answer_lang, with_source=False)
            ds.situation_types, ds.situation_route = answer.types, None
            shown = ("You" if answer_lang == "en" else "您本人") if name == people.SELF else name
            parts.append(f"【{shown}】\n{answer.text}")
        source = "Source: 附件(二) 表5" if answer_lang == "en" else "出處：附件(二) 表5、附件(三) 表6"
        return [Reply("\n\n".join([*parts, source]), self._profile_buttons(lang))]

    def _people_compared(
        self, ds: DialogueState, text: str, lang: Lang, supposed: dict[str, StatedProfile] | None = None
    ) -> Reply | None:
        """「三個人裡面誰符合 AI 開發人才的參考指標」 "which of them meets AI 模型訓練": the engine over every
        named person's facts, one line each (`supposed`: a person's what-if, counted in their place)."""
        team = {**ds.people, **({ds.person: ds.profile} if ds.person else {}), **(supposed or {})}
        team = {name: profile for name, profile in team.items() if not profile.is_empty()}
        n = normalise(text)
        if self.reader.scope_topics(n):
            return None  # 「出事誰要負責」 in a legal question is no comparison of the people
        if {e.kind for e in self.reader.entities(n) if e.start >= 0} & {"rai", "resource", "resource_all", "industry"}:
            return None  # 「培訓裡想講負責任使用AI，指引裡提了哪幾個方面」: a subject of its own, not the people
        if "overview_rai" in self.reader.detect_intents(n):
            return None
        first = FIRST_PEOPLE.search(n)
        if first:  # 「前兩位誰的…比較高」: the first people named
            count = int(first.group(1)) if first.group(1).isdigit() else chinese_number(first.group(1)) or 0
            order = [name for name in ds.named if name in team][: int(count)]
            team = {name: team[name] for name in order}
        compared_before = ds.topic is not None and ds.topic.rule == PEOPLE_COMPARED
        # (「兩個人加起來，我總共要排幾小時的課」: the hours to schedule are what they lack)
        lacking = GAP.search(n) or re.search(r"(缺|差|補|不足|要排|得排|再排|要上|要再上|\bneed|\bshort)", n)
        shortfalls_asked = bool(SHORTFALLS_ADDED.search(n) and lacking or FURTHEST.search(n) or CLOSEST.search(n))
        # (「更正…阿杰其實是 26 小時。那他差多少？全部加起來呢」: facts stated first, the recount after them)
        # (「要讓 5 個人全部到進階，全組一共多少」: everyone named, asked at once)
        everyone = compared_before or bool(EVERYONE_NAMED.search(n))
        added_up = shortfalls_asked and everyone and not self._states_facts(text)
        # ("sponsors all three to take X — what changes for each?": a what-if for every one of them)
        # (「一樣全員上。這樣他們 AI 工具應用各是什麼等級？」: whatever is asked of them)
        for_everyone = bool(supposed) and len(supposed) >= 2
        # ("Kevin is leaving. Would anyone left still count…": whoever is left is counted, even one person)
        anyone_left = len(team) == 1 and ANYONE_LEFT.search(n)
        if (len(team) < 2 and not anyone_left) or not (WHO.search(n) or added_up or for_everyone):
            return None
        if people.SELF in team:  # the user's own facts, among the others': addressed to them
            you = "You" if self._answer_language(text, lang) == "en" else "您本人"
            team = {you if name == people.SELF else name: profile for name, profile in team.items()}
        # 「誰符合…」 asks about the people's levels; 「那張是誰辦的」 asks who issues a certificate
        asks_levels = self.facts.own_level.search(n) or LEVEL_NAMED.search(n) or TALENT_MET.search(n)
        # ("and who's advanced?": 表5's levels in English name AI 工具應用's)
        asks_levels = asks_levels or re.search(r"\b(advanced|foundation|basic|beginner|entry)\b", n)
        # 「AI 服務開發的話，兩個人誰有？」「那工具應用呢，誰比較強？」: a competency named with 「誰」 asks it too
        asks_levels = asks_levels or any(e.kind in ("type", "item", "talent") for e in self.reader.entities(n))
        # 「這樣總共有幾個」「重算一下」 right after a comparison: what it asked
        counted_again = COUNT_ASKED.search(n) or RECOUNT.search(n) or re.search(r"(符合|達標|達到|\bmeet)", n)
        # (「再加兩個。Chris 有…。Dora…。他們倆呢」 right after a comparison: the same look at them)
        they_again = bool(THEY_AGAIN.match(n))
        asks_levels = asks_levels or bool(
            (counted_again or shortfalls_asked or they_again) and compared_before and ds.topic and ds.topic.entities
        )
        asks_levels = asks_levels or for_everyone
        # 「那兩個人加起來，我總共要排幾小時的課？」 right after each one's result: their shortfalls for that type
        each_shown = added_up and not compared_before and bool(ds.situation_types)
        asks_levels = asks_levels or each_shown
        intents = set(self.reader.detect_intents(n))
        about_cert = any(e.kind == "cert" for e in self.reader.entities(n)) or bool(SINGULAR.search(n))
        # 「那張是誰辦的」「它算哪一類」 ask about a certificate; 「誰可以算是 AI 開發人才」 about the people
        if not asks_levels or "issuer" in intents or ("category_of" in intents and about_cert):
            return None
        types, talents = self.situation.asked_types(text)
        if (
            supposed
            and compared_before
            and asked_clause(n) != n
            and self.situation.asked_types(asked_clause(n)) == ([], [])
        ):
            types, talents = (
                [],
                [],
            )  # 「如果三個人都報一門 8 小時的 AI 素養課，會變怎樣？」: the course names no type asked
        if not types and not talents and ds.topic is not None and ds.topic.rule == PEOPLE_COMPARED:
            # 「這樣總共有幾個人符合了？」 right after a comparison: what that comparison asked
            talents = [key for kind, key, _ in ds.topic.entities if kind == "talent"]
            types = [key for kind, key, _ in ds.topic.entities if kind == "type"]
        if not types and not talents and each_shown:
            types = list(ds.situation_types)
        either = bool(EITHER_TALENT.search(n))
        if either:  # "how many meet either talent category": the categories 表5's summary rules judge
            talents, types = [r.category for r in self.cat.rules.talent_categories], []
        en = self._answer_language(text, lang) == "en"
        lines, meets = [], []
        by_talent: dict[str, list[str]] = {x: [] for x in talents}
        wanted_level = None
        if len(types) == 1:  # a level named beyond the first (「進階的有幾位」 "how many at advanced")
            type_levels = [lv.level for r in self.cat.rules.types if r.type == types[0] for lv in r.levels]
            named_levels = [lv for lv in type_levels if lv in n]
            named_levels += [LEVEL_NAMES_EN[w] for w in re.findall(r"\b(advanced|beginner|basic|entry)\b", n)]
            named_levels = [lv for lv in named_levels if lv in type_levels]
            wanted_level = named_levels[0] if named_levels and type_levels.index(named_levels[0]) > 0 else None
        for name, profile in team.items():
            result = self.situation.result_of(profile)
            for x in talents:
                if x in result["talent_categories"]:
                    by_talent[x].append(name)
            levels = [f"{t['type']} {t['level']}" for t in result["types"] if t["level"] != "未達"]
            levels = [x for x in levels if not types or x.rsplit(" ", 1)[0] in types]
            cats = result["talent_categories"]
            met_talents = bool(set(talents) & set(cats)) if either else bool(talents) and set(talents) <= set(cats)
            met_types = bool(types) and len(levels) == len(types)
            if wanted_level and met_types:  # 「三個人裡現在進階的有幾位」: at that level or above
                met_types = self.situation.level_rank(types[0], self.situation.level_of(profile, types[0])) >= (
                    self.situation.level_rank(types[0], wanted_level)
                )
            if met_talents or met_types:
                meets.append(name)
            asked_types = "、".join(types)
            none = f"{asked_types} not reached" if en and types else "none reached" if en else f"{asked_types} 尚未達到"
            held = Counter(self.cat.certification(c.cert_id).category for c in profile.certificates)
            if types and not levels and held:
                # (「Priya's iPAS 中級 is a tool certificate」: what is held, when it does not reach the type asked)
                kinds = ", ".join(f"{n} {category_term(k)}" for k, n in held.items())
                none += (
                    f" (holds {kinds} certificate{'s' if sum(held.values()) > 1 else ''})"
                    if en
                    else f"（持有 {'、'.join(f'{k} {n} 張' for k, n in held.items())}）"
                )
            met = (f"; meets {', '.join(cats)}" if en else f"；符合 {'、'.join(cats)}") if cats else ""
            missed = [x for x in talents if x not in cats]  # 「誰算 AI 應用人才」: who does not, in so many words
            missed = [] if either and cats else missed
            if missed:
                met += f"；尚不符合 {'、'.join(missed)}" if not en else f"; does not meet {', '.join(missed)}"
            lines.append(
                f"• {name}: {', '.join(levels) or none}{met}" if en else f"• {name}：{'、'.join(levels) or none}{met}"
            )
            # the rule that decided each type asked about (or of the talent asked about) that is met
            decisive = types or [x for c in self.cat.talent.categories if c.name in talents for x in c.competency_types]
            for row in result["types"]:
                rule = next((r for r in row["rules"] if r["level"] == row["level"] and r["met"]), None)
                if row["type"] in decisive and rule is not None:
                    conds = "、".join(f"{c['what']} {c['value']:g}/{c['threshold']:g}" for c in rule["conditions"])
                    lines.append(
                        f"  ✓ {row['type']}: rule {rule['id']} ({conds})"
                        if en
                        else f"  ✓ {row['type']}：依規則 {rule['id']}（{conds}）"
                    )
            # what each still lacks for the types asked (or the asked talent's types), route by route
            wanted = types or [x for c in self.cat.talent.categories if c.name in missed for x in c.competency_types]
            if talents and not missed:
                wanted = []  # meets the talent asked (四 or 五 for 開發人才): the type it does without is no gap
            for row in result["types"]:
                # (below the level named: 「有幾個到工具應用進階」 shows what 進階 still takes)
                below = wanted_level is not None and self.situation.level_rank(
                    row["type"], row["level"]
                ) < self.situation.level_rank(row["type"], wanted_level)
                if row["type"] in wanted and (row["level"] == "未達" or below):
                    shown = [g.strip().removeprefix("➜ ") for g in self.situation.route_gaps(row, "en" if en else "zh")]
                    lines += [
                        f"  ➜ {row['type']}: {g}" if en else f"  ➜ {row['type']}：{g}"
                        for g in shown
                        if not g.startswith(("可考慮", "e.g."))
                    ]
        asked = (" or " if en else "或").join(talents) if either else "、".join(talents or types)
        if wanted_level:
            asked = f"{types[0]} {wanted_level}"
        if en:
            head = (
                (
                    f"{len(meets)} of them {'meets' if len(meets) == 1 else 'meet'} {asked}: {_and_list(meets)}"
                    f" ({len(meets)} of {len(team)})."
                    if meets
                    else f"Meets {asked}: nobody yet."
                )
                if asked
                else "Each person's levels:"
            )
        else:
            head = (
                (
                    f"符合 {asked} 的：{'、'.join(meets)}（共 {len(meets)} 位）。"
                    if meets
                    else f"符合 {asked} 的：目前沒有。"
                )
                if asked
                else "每位的結果："
            )
        if asked and not meets:  # 「三個人裡面誰符合…」 when none does: said so in so many words
            count = "兩位" if len(team) == 2 else f"{chinese_count(len(team))}位"
            head = (
                f"None of them meets {asked} yet (0 of {len(team)})."
                if en
                else f"{count}都還沒有符合 {asked}（0 位）。"
            )
        if len(talents) >= 2 and not either:
            # 「誰算 AI 開發人才，誰算應用人才？」: each category asked, with who meets it
            head = "\n".join(
                (
                    f"Meets {x}: {_and_list(names) or 'nobody yet'} ({len(names)} of {len(team)})."
                    if en
                    else f"符合 {x} 的：{'、'.join(names) or '目前沒有'}（共 {len(names)} 位）。"
                )
                for x, names in by_talent.items()
            )
        elif asked and len(meets) == len(team) >= 2:  # "which of them reaches …" when every one does: say so
            every_zh = "兩位都" if len(team) == 2 else "每一位都"
            every_en = "Both" if len(team) == 2 else "All of them"
            head = (
                f"{every_en} meet {asked}: {', '.join(meets)} ({len(meets)} of {len(team)})."
                if en
                else f"{every_zh}符合 {asked}：{'、'.join(meets)}（共 {len(meets)} 位）。"
            )
        if supposed and CHANGES.search(n):
            # 「如果三個人都加一門 6 小時素養課，誰的結果會變？」: each one's levels before and after, where they differ
            before = {**ds.people, **({ds.person: ds.profile} if ds.person else {})}
            head += "\n" + self._changes_lines(before, supposed, en)
        if shortfalls_asked and (types or talents):
            # 「要 4 個人都達到 AI 應用素養，素養時數加起來還要補幾小時？誰差最多？」: each one's fewest hours, added
            head += "\n" + self._shortfalls_line(team, types, talents, text, en)
        if HIGHER.search(n) and len(types) == 1:
            # 「誰的 AI 工具應用等級比較高」: the levels set against each other, ties said as ties
            levels = {name: self.situation.level_of(profile, types[0]) for name, profile in team.items()}
            if len(set(levels.values())) == 1:
                level = next(iter(levels.values()))
                head = (
                    f"Same level: {', '.join(levels)} are all {types[0]} {level}."
                    if en
                    else f"{'、'.join(levels)} 的 {types[0]} 等級相同，都是「{level}」。"
                )
            else:
                best = max(levels, key=lambda x: self.situation.level_rank(types[0], levels[x]))
                head = (
                    f"Higher: {best} ({types[0]} {levels[best]})."
                    if en
                    else f"{types[0]} 等級較高的是 {best}（{levels[best]}）。"
                )
        source = "Source: 附件(二) 表5" if en else "出處：附件(二) 表5"
        # 「春嬌要補什麼才算？」 next: the types asked about, or those of the talent category asked about
        talent_types = [t for c in self.cat.talent.categories if c.name in talents for t in c.competency_types]
        ds.situation_types = list(dict.fromkeys(types or talent_types)) or ds.situation_types
        # 「那 AI 服務開發呢？」 next: the same people set against each other on what is swapped in
        lang_now = ds.topic.lang if ds.topic else "zh-TW"
        asked_now = [("talent", x, x) for x in talents] + [("type", x, x) for x in types]
        ds.topic = Topic(lang=lang_now, turn=ds.turn, rule=PEOPLE_COMPARED, entities=asked_now)
        ds.last_compared = asked_now
        if supposed:
            head = f"(hypothetical, not saved) {head}" if en else f"（假設情況試算，未記錄）{head}"
        reply = "\n".join([head, *lines, "", source])
        return Reply(to_simplified(reply) if self._answer_language(text, lang) == "zh-CN" else reply)

    def _changes_lines(self, before: dict[str, StatedProfile], after: dict[str, StatedProfile], en: bool) -> str:
        """What a what-if changes for each person: the levels and talent categories that differ, by the engine."""
        out = []
        for name, profile in after.items():
            if name not in before:
                continue
            old, new = self.situation.result_of(before[name]), self.situation.result_of(profile)
            was = {t["type"]: t["level"] for t in old["types"]}
            moved = [
                f"{t['type']} {was[t['type']]} → {t['level']}" for t in new["types"] if t["level"] != was[t["type"]]
            ]
            won = [c for c in new["talent_categories"] if c not in old["talent_categories"]]
            shown = "You" if en and name == people.SELF else "您本人" if name == people.SELF else name
            if moved:
                gained = (f"; now meets {', '.join(won)}" if en else f"；改為符合 {'、'.join(won)}") if won else ""
                out.append(f"• {shown}: {', '.join(moved)}{gained}" if en else f"• {shown}：{'、'.join(moved)}{gained}")
            else:
                out.append(f"• {shown}: no change" if en else f"• {shown}：沒有變化")
        return ("What changes:\n" if en else "變化：\n") + "\n".join(out)

    def _states_facts(self, text: str) -> bool:
        """Whether a message states or corrects facts (「證照先不算」 sets certificates aside: nothing stated)."""
        stated = self.facts.read(text, continuing=True)
        return bool(
            stated.hours or stated.certificates or stated.unnamed or stated.unassigned_hours or stated.correction
        )

    def _shortfalls_line(
        self, team: dict[str, StatedProfile], types: list[str], talents: list[str], text: str, en: bool
    ) -> str:
        """The course hours each person still needs for the one type (at the level named, else its first) or
        talent category asked, added up, and who needs the most: the engine's fewest hours per person."""
        n = normalise(text)
        short: dict[str, float] = {}
        hours_only = bool(HOURS_ONLY.search(n))
        for name, profile in team.items():
            if hours_only:  # 「都要靠上課時數達標（證照先不算）」: the certificates held are set aside
                profile = profile.model_copy(update={"certificates": [], "unnamed": []})
            if len(types) == 1:
                levels = [lv.level for r in self.cat.rules.types if r.type == types[0] for lv in r.levels]
                named = [LEVEL_NAMES_EN[w] for w in re.findall(r"\b(advanced|beginner|basic|entry)\b", n)]
                level = next((lv for lv in [*levels[::-1], *named] if lv in n or lv in named), levels[0])
                reached = self.situation.level_of(profile, types[0])
                if self.situation.level_rank(types[0], reached) >= self.situation.level_rank(types[0], level):
                    continue
                got = self.situation.hours_to(profile, types[0], level, None)
                hours = got[0] if got is not None else None
            else:
                hours = self.situation.hours_to_talent(profile, talents[0])
            if hours:
                short[name] = hours
        asked = types[0] if len(types) == 1 else talents[0]
        if not short:
            return f"Nobody needs more hours for {asked}." if en else f"每位都已達到 {asked}，不需再補時數。"
        each = [f"{name} {h:g}" for name, h in short.items()]
        most, total = max(short, key=lambda x: short[x]), sum(short.values())
        if CLOSEST.search(n):  # 「誰最接近？差幾小時」 "who's closest, how many hours short"
            near = min(short, key=lambda x: short[x])
            if en:
                return f"Closest: {near}, {short[near]:g} hours short by courses alone ({', '.join(each)})."
            return f"最接近的是 {near}：只靠上課還差 {short[near]:g} 小時（{'、'.join(each)}）。"
        # ("…in total, and at 3 hours a week how long would that take?": each one's hours over the pace said)
        pace = self.facts.pace(n)
        timed = ""
        if pace is not None and pace.hours > 0:
            spans = {name: math.ceil(h / pace.hours - 1e-9) for name, h in short.items()}
            if en:
                unit = PERIOD_EN[pace.period]
                timed = (
                    f" At {pace.hours:g} hours a {unit}: "
                    + ", ".join(
                        f"{name} about {w} {unit}{'s' if w != 1 else ''} ({short[name]:g} ÷ {pace.hours:g})"
                        for name, w in spans.items()
                    )
                    + "."
                )
            else:
                timed = (
                    f"以每{PERIOD_ZH_EVERY[pace.period]} {pace.hours:g} 小時計："
                    + "、".join(
                        f"{name} 約需 {w} {PERIOD_ZH[pace.period]}（{short[name]:g} ÷ {pace.hours:g}）"
                        for name, w in spans.items()
                    )
                    + "。"
                )
        if en:
            listed = ", ".join(each)
            return (
                f"By courses alone: {total:g} more hours in all ({listed}); the furthest is {most} ({short[most]:g} h)."
                + timed
            )
        return (
            f"只靠上課，還需補的時數合計 {total:g} 小時（{'、'.join(each)}）；差最多：{most}（{short[most]:g} 小時）。"
            + timed
        )

    def _profile_topic(self, ds: DialogueState, profile: StatedProfile, focus: list[str] | None = None) -> None:
        """After an answer about someone's facts, what the conversation is about is the certificates
        they stated, in the order stated: 「第二張是誰辦的？」「另一張呢？」「TQC 那張」 count over them."""
        certs = list(dict.fromkeys(c.cert_id for c in profile.certificates))
        lang = ds.topic.lang if ds.topic else "zh-TW"
        if not certs:
            return
        # listed, not the topic's entities: a question that names none (「她的職位屬於哪種角色定位」) is not
        # about these certificates, only references to them are; a certificate this turn's own question
        # was about (「這張算哪一類？」) stays the topic ("Who runs that exam?")
        asked = [e for e in (ds.topic.entities if ds.topic else []) if e[0] == "cert" and e[1] in certs]
        entities = asked if ds.topic and ds.topic.turn == ds.turn else []
        # 「有它的話我能評到什麼？」→「它英文全名是？」: the certificate this message was about stays 「它」
        entities = entities or [("cert", c, self._name("cert", c)) for c in (focus or []) if c in certs]
        ds.topic = Topic(entities=entities, listed=[("cert", c) for c in certs], lang=lang, turn=ds.turn)

    def _taken_back(self, profile: StatedProfile, text: str) -> list[str]:
        """The stated certificates a correction takes back (「第一張其實是 X，不是 AI Practitioner」): the one
        its ordinal counts to, or the one whose name holds every word of what follows 「不是」/"not"."""
        held = list(dict.fromkeys(c.cert_id for c in profile.certificates))
        out: list[str] = []
        m = ORDINAL.search(text)
        if m and "張" in m.group(0) or m and re.search(r"certificate|one", m.group(0)):
            index = self._ordinal(m)
            if index is not None and -len(held) <= index < len(held):
                out.append(held[index])
        said = [m.group(1) for m in re.finditer(r"(?:不是|並非|而非|\bnot\b)\s*([^，,。；;！!？?]+)", text)]
        # 「那張 TQC 是 TQC+ 人工智慧：機器學習」: the held one, named by a word before 「是」
        said += [
            m.group(1)
            for m in re.finditer(r"(?:那張|這張|那一張)\s*([a-z0-9+]{2,}|[\u3400-\u9fff]{2,4})\s*(?:其實)?是", text)
        ]
        for phrase in said:
            phrase = re.sub(r"(那張|這張|那一張|那個|這個|的)", " ", phrase)  # 「生成式AI那張」: the words that name it
            words = re.findall(r"[a-z0-9+]{2,}|[\u3400-\u9fff]{2,}", phrase)
            if not words:
                continue
            holders = [c for c in held if all(w in normalise(self._name("cert", c)) for w in words)]
            if len(holders) == 1:
                out.append(holders[0])
        return list(dict.fromkeys(out))

    def _note_course(self, ds: DialogueState, text: str) -> None:
        """Whether the facts talked about are a course package's (a trainer's design) or someone's record: a
        message stating hours of a course or package sets it, one stating the user's own facts clears it."""
        n = normalise(text)
        ex = self.facts.read(text, continuing=True)
        if not ex.hours:
            return
        if COURSE_DESCRIBED.search(n):
            ds.course = True
        elif OWN_TAKEN.search(n):
            ds.course = False

    def _by_then(self, ds: DialogueState, text: str, lang: str) -> Reply | None:
        """「那到時候她離進階還差多少」「到時候會不會順便有程式語言應用」 right after the time a level takes at a
        pace in one area: the facts once those hours are taken (a what-if, never stored), and what is asked of
        them."""
        n = normalise(text)
        if not BY_THEN.search(n) or ds.pace_turn != ds.turn - 1 or ds.pace_area is None or ds.profile.is_empty():
            return None
        if len(ds.situation_types) != 1 or self.facts.read(text, continuing=True).has_facts:
            return None
        type_name = ds.situation_types[0]
        level = ds.pace_level or ""
        level = {"advanced": "進階", "beginner": "初階", "basic": "初階", "entry": "初階"}.get(level, level)
        row = next((r for r in self.situation.result_of(ds.profile)["types"] if r["type"] == type_name), None)
        level = level or (self._next_level(type_name, row["level"]) if row else "")
        found = self.situation.hours_to(ds.profile, type_name, level, ds.pace_area) if level else None
        if found is None or found[1] or not found[0]:
            return None
        supposed = ds.profile.model_copy(deep=True)
        taken = supposed.hours.get(ds.pace_area)
        total = found[0] + (taken.hours if taken else 0.0)
        supposed.hours[ds.pace_area] = StatedHours(hours=total, turn=ds.turn)
        answer_lang = self._answer_language(text, lang)
        asked = self.situation.asked_types(text)[0]
        answer = self.situation.answer(
            supposed, text, answer_lang, hypothetical=True, default_types=asked or [type_name]
        )
        ds.hypothesis, ds.situation_types = supposed, answer.types
        label = self.situation.area_label(ds.pace_area)
        lead = (
            f"Once those {found[0]:g} hours of {label} are taken ({label} {total:g} h):\n"
            if answer_lang == "en"
            else f"上完那 {found[0]:g} 小時{label}之後（{label} 共 {total:g} 小時）：\n"
        )
        lead = to_simplified(lead) if answer_lang == "zh-CN" else lead
        return Reply(lead + answer.text, self._profile_buttons(lang))

    def _next_level(self, type_name: str, now: str) -> str:
        """The level above `now` of a type (its first level when none is reached), "" at the top."""
        levels = [lv.level for r in self.cat.rules.types if r.type == type_name for lv in r.levels]
        at = levels.index(now) + 1 if now in levels else 0
        return levels[at] if at < len(levels) else ""

    def _retaken_note(self, base: StatedProfile | None, ex: Any, lang: str) -> str:
        """「再考一次 iPAS 中級拿更高分，算第三張嗎」: a certificate supposed that is already held adds nothing —
        表5 counts certificates, and the same one taken again is still one."""
        held = {c.cert_id for c in base.certificates} if base is not None else set()
        again = [c for c in ex.certificates if c in held]
        if not ex.hypothetical or not again or len(again) != len(ex.certificates) or ex.hours or ex.unnamed:
            return ""
        names = "、".join(f"「{self._name('cert', c)}」" for c in again)
        if lang == "en":
            return f"{names} is already among your certificates: the same certificate taken again still counts once.\n"
        return f"{names}已經算在您的證照裡：同一張證照重複考取只算一張，不會多算。\n"

    def _one_family_note(self, ex: Any, lang: str) -> str:
        """Why two levels of one 表6 entry count once: 表6 lists them as one certificate, one tool domain."""
        if not ex.one_family_levels or len(ex.certificates) != 1:
            return ""
        name, levels = self._name("cert", ex.certificates[0]), "、".join(ex.one_family_levels)
        if lang == "en":
            return (
                f"表6 lists 「{name}」 as one certificate: its levels ({levels}) are the same certificate of the same "
                "tool domain, so together they count as one (表5 asks for 工具類2張(非同類工具) for 進階).\n"
            )
        return (
            f"「{name}」的{levels}在表6 是同一項認證、同一工具領域（同類工具），各考一張仍只算一張"
            "（表5 進階要的是「工具類2張(非同類工具)」）。\n"
        )

    @staticmethod
    def _both_with_the_one_before(ex: Any, recent: list[str], text: str) -> None:
        """「辦公室應用那張呢？兩張都考的話…」: one certificate named and 「兩張都」 supposed — the other of the
        two is the one talked about just before it."""
        two_levels = len(set(LEVEL_WORDS.findall(text))) >= 2  # 「美術設計的初級跟中級這兩張」: two levels of one
        if ex.hypothetical and len(ex.certificates) == 1 and TWO_REF.search(text) and not two_levels:
            before = [c for c in reversed(recent) if c not in ex.certificates]
            if before:
                ex.certificates = [before[0], *ex.certificates]

    def _held_taken_out(self, ds: DialogueState, ex: Any, text: str) -> None:
        """「他 Python 那張其實沒考過，拿掉」 "he actually failed the Python one, remove it": certificates held,
        named in a message that takes them out for real, are no longer held (the others stay)."""
        if ex.hypothetical or not TAKEN_OUT.search(text) or ds.profile.is_empty():
            return
        held = {c.cert_id for c in ds.profile.certificates}
        ref = re.search(r"[^，。,?？]{1,14}?\s*(那張|這張|那一張)|\bthe [a-z+ ]{2,30}? one\b", text)
        if not ex.certificates and held:
            # ("remove the office application one, I failed it": a held one named)
            ex.certificates = [e.key for e in self.reader.entities(text) if e.kind == "cert" and e.key in held][:1]
        if not ex.certificates and ref is not None and held:
            # (「辦公室應用那張其實沒考過」: the held one those words describe — not 「沒有任何證照」)
            found = self._described(ref.group(0), [("cert", c, "") for c in sorted(held)])
            ex.certificates = [found[1]] if found else []
        if not ex.certificates:
            return
        if not set(ex.certificates) <= held:
            return
        ex.negated = list(dict.fromkeys([*ex.negated, *ex.certificates]))
        ex.certificates, ex.no_certificates, ex.correction = [], False, True

    def _level_corrected(self, ds: DialogueState, ex: Any, text: str) -> None:
        """「不對，我是說初級，中級我還沒考」 after 「我有 iPAS 中級」: the same certificate at the level named
        replaces the one held (the most recent held certificate that has that level)."""
        level = re.search(r"(初級|中級|高級)", text)
        if not ex.correction or ex.certificates or level is None or ds.profile.is_empty():
            return
        for held in reversed(ds.profile.certificates):
            sibling = self._sibling(held.cert_id, level.group(1))
            if sibling:
                ex.certificates = [next(c.id for c in self.cat.certifications if c.name == sibling)]
                ex.negated = [*ex.negated, held.cert_id]
                return

    def _referenced_certificates(self, ds: DialogueState, ex: Any, text: str) -> None:
        """「如果我考到這張」, "if I pass both of them": certificates named only by a reference are the
        ones the conversation was about (most recent first)."""
        recent = [key for kind, key in ds.recent if kind == "cert"]
        if ex.certificates:
            if ex.hypothetical:
                # 「如果我考到 TQC+ 那張跟辦公室應用那張」 with one of them read by name: the other, described
                pool = list(
                    dict.fromkeys([*[k for kind, k in (ds.topic or Topic()).listed if kind == "cert"], *recent])
                )
                for m in DESCRIBED_ONE.finditer(text):
                    found = self._described(m.group("words"), [("cert", c, "") for c in pool])
                    if found is not None and found[1] not in ex.certificates:
                        ex.certificates = [*ex.certificates, found[1]]
            clause = next((c for c in re.split(r"[，。,?？]", text) if len(set(LEVEL_WORDS.findall(c))) >= 2), "")
            levels = tuple(dict.fromkeys(LEVEL_WORDS.findall(clause)))
            if (
                len(ex.certificates) == 1
                and levels
                and all(lv in self._name("cert", ex.certificates[0]) for lv in levels)
            ):
                ex.one_family_levels = levels  # 「美術設計的初級和中級我打算都考」: two levels of the one read by name
            self._both_with_the_one_before(ex, recent, text)
            return
        if not (ex.hypothetical or self.facts.holding.search(text)):
            return
        if CERT_DROP.search(text):
            return  # 「如果拿掉第一張呢」: the one referred to is taken out, not supposed held
        if not ex.hypothetical and RELATED_ONE.search(text):
            return  # 「表6 裡跟行銷有關的那張是哪一類」: a certificate looked up by subject, not one held
        topic = ds.topic or Topic()
        listed = [key for kind, key in topic.listed if kind == "cert"] or [
            k for kind, k, _ in topic.entities if kind == "cert"
        ]
        span = ORDINAL_RANGE.search(text)
        if span and listed:  # 「如果只有前兩張呢」: those of the last list
            ex.certificates = [listed[i] for i in self._ordinal_range(span, len(listed))]
            return
        every = ALL_OF.search(text)
        if every and (listed or recent):  # 「如果學員三張都有」: the whole last list (when the count agrees)
            count = every.group(1) or every.group(2)
            n = (
                int(count)
                if count and count.isdigit()
                else ORDINAL_WORDS_COUNT.get(count or "") or chinese_number(count)
            )
            if not n or n == len(listed):
                ex.certificates = list(listed)
                return
            if n and len(recent) >= n:  # 「如果三張我都有」 after three certificates were talked about in turn
                ex.certificates = recent[-int(n) :]
                return
        level = re.search(r"(初級|中級|高級)", text)
        if level and recent and not self._names_cert(text):  # 「如果同事考到中級」 after iPAS 初級 was named
            sibling = self._sibling(recent[-1], level.group(1))
            if sibling:
                ex.certificates = [next(c.id for c in self.cat.certifications if c.name == sibling)]
                return
        pool = list(dict.fromkeys([*listed, *recent, *(c.cert_id for c in ds.profile.certificates)]))
        matches = list(DESCRIBED_ONE.finditer(text))
        if any(NEGATED_BEFORE.search(text[max(0, m.start() - 4) : m.end()]) for m in matches):
            return  # 「但我其實沒有辦公室那張啦」: one taken back, not held
        # 「機器學習那張，又是哪一類？（我還沒考）」: one not held yet is no fact (what 「那張」 means is read later)
        matches = [m for m in matches if not NOT_HELD_YET.search(text[m.end() :])]
        talked = [("cert", c, "") for c in pool]
        every = [("cert", c.id, "") for c in self.cat.certifications]
        # 「只考美術設計的初級跟中級這兩張」「美術設計的初級跟中級各考一張呢」: two levels of one 表6 entry are
        # that one certificate (one tool domain); the clause naming both levels describes it
        clause = next((c for c in re.split(r"[，。,?？]", text) if len(set(LEVEL_WORDS.findall(c))) >= 2), "")
        levels = tuple(dict.fromkeys(LEVEL_WORDS.findall(clause)))
        one_family = (self._described(clause, talked) or self._described(clause, every)) if levels else None
        if one_family is not None and all(lv in self._name(*one_family) for lv in levels):
            ex.certificates = [one_family[1]]
            ex.one_family_levels = levels
            return
        # among those talked about first, else (「辦公室應用那張」 never named before) among all of 表6
        described = [
            found[1]
            for m in matches
            if (found := self._described(m.group("words"), talked) or self._described(m.group("words"), every))
        ]
        if described:  # 「如果我考到辦公室應用那張跟美術設計那張」: each by part of its name, among those talked about
            ex.certificates = list(dict.fromkeys(described))
            self._both_with_the_one_before(ex, recent, text)
            return
        held = list(dict.fromkeys(c.cert_id for c in ds.profile.certificates))
        one = ORDINAL.search(text)
        if one and not ex.hypothetical and {"category_of", "issuer"} & set(self.reader.detect_intents(text)):
            return  # 「第二張名字不是有『工程級』嗎，怎麼不是專案類？」 asks about it; it states nothing held
        index = self._ordinal(one) if one else None
        if index is not None and -len(held) <= index < len(held):
            ex.certificates = [held[index]]  # "the first one" of those the person holds, in the order stated
            return
        if TWO_REF.search(text) and len(held) == 2:
            ex.certificates = held  # 「就只有這兩張的話」: the two the person holds, whatever was talked about since
        elif TWO_REF.search(text) or re.search(r"\b(both|them)\b|這些|它們", text):
            ex.certificates = recent[-2:]
        elif SINGULAR.search(text) or re.search(r"(這張|那張|這個證照)", text):
            ex.certificates = recent[-1:]

    def _declined_outside(self, text: str) -> Reply | None:
        """The decline of a message that names nothing of the guideline and that the question reader finds
        outside the guideline's scope (the same decision a single question gets), or None. The message is
        answered once, in the user's own script; a decline leaves what the conversation was about as it was."""
        n = normalise(text)
        if self.reader.entities(n) or set(self.reader.detect_intents(n)) & CONTENT_INTENTS or LEVEL_WORD.search(n):
            return None
        if len(re.findall(r"[\u4e00-\u9fff]", n)) < OWN_QUESTION_CHARS and len(re.findall(r"[a-z]+", n)) < 8:
            return None  # 「那現在呢？」「那另一位呢」: a short follow-up leans on the conversation, not read alone
        answer = self.advisor.respond(text)
        return Reply(answer.text) if answer.out_of_scope else None

    def _about_self(self, ds: DialogueState, ex: Any, text: str) -> bool:
        """Whether the message asks about the user's own result: a level question in the first person
        or next to stated facts; a hypothetical; a level question naming only types or talents while a
        profile is known (「這樣 AI 工具應用到哪一級？」); or 「那 AI 模型訓練呢？」 right after such an answer."""
        if not ex.has_facts and DESCRIPTION_ASKED.search(text) and not (LEVEL_NAMED.search(text) or GAP.search(text)):
            return False  # 「指引對模型訓練的能力說明提到哪些方法」: the guideline's words, not anyone's result
        talent_named = any(e.kind == "talent" for e in self.reader.entities(normalise(text)))
        if talent_named and not ex.has_facts and not ex.asks_level and "career" in self.reader.detect_intents(text):
            return False  # 「那研究人才呢？我以後可能想讀博」: where that category's path goes, not one's result
        refused = refused_categories(text) and re.search(
            r"幾張|幾個|多少|什麼類|哪一?類|\bhow many\b|另一(條|個|種)|考哪|再考|只考|改走|那條路"
            r"|怎麼湊|還差什麼|差什麼|還差啥"
            r"|(其他|其它|別的|另外的?)的?(路|方式|組合|途徑|做法)|\bother (way|route|path)\b",
            text,
        )
        if refused and not ds.profile.is_empty() and not ex.has_facts:
            return True  # 「專案類太難不想考，那走另一個組合還要幾張」: the person's other certificate routes
        if ex.hypothetical and ex.certificates and not ex.asks_level and self.facts.asks_about_certificate(text):
            return False  # 「如果學員另外考到 X，那是哪一類證照？哪個單位辦的？」: the certificate is asked about
        if ex.hypothetical and (ex.has_facts or ex.adds):
            # (「如果我另外再開一門素養課，指引有推薦哪份教材」 supposes a course given, and asks for materials)
            subject = {e.kind for e in self.reader.entities(text)} - FACT_KINDS
            return ex.has_facts or ex.asks_level or not subject
        short = len(text) <= 30 or bool(re.search(r"[a-z]", text)) and len(text.split()) <= 12
        only_levels = all(e.kind in ("type", "talent", "item") for e in self.reader.entities(normalise(text)))
        if ex.route and not ex.has_facts and ds.situation_types and short and only_levels:
            return True  # 「那用證照的話呢」 "And via certificates instead?" right after a result: that route
        if WHY_STILL.search(text) and not ds.profile.is_empty() and not ex.has_facts:
            return True  # 「我不是已經有素養類的證了嗎，為什麼還要那18個小時」: the result again, with its rules
        # (「雅婷想走證照，用「素養類+工具類」那個組合拿 AI 模型訓練的話，她還差幾張」: the route that combination is)
        if self.facts.duration.search(text) and ex.asks_level and not ds.profile.is_empty():
            return True  # 「要多久才能到工具應用進階？」 once facts are known: how long from them
        paced = self.facts.pace(text) is not None and self.facts.duration.search(text)
        if paced and not ds.profile.is_empty() and not ex.has_facts and not ds.people:
            # "at the same pace (3 hours a week), how long for AI 程式語言應用?": how long from the facts known
            named = {e.kind for e in self.reader.entities(text) if e.start >= 0}
            if named <= {"type", "talent", "item"}:
                return True
        if self.facts.budget(text) is not None and not ds.profile.is_empty():
            return True  # 「公司給我 50 小時的課程預算，夠到 AI 模型訓練嗎？」: the facts known, against the budget
        if (
            NEXT_CERT_TO.search(text)
            and not ds.profile.is_empty()
            and (LEVEL_NAMED.search(text) or self._aim_named(text) or ds.profile.certificates)
            # (「工具類要考哪張，我平常做圖文」: a category named is the catalog's list, by what one does)
            and not any(e.kind == "cert_category" for e in self.reader.entities(normalise(text)))
        ):
            return True  # 「那我再加考哪一張最快能到進階？誰辦的？」: the certificate route's gap, with who issues each
        if self.facts.asks_about_certificate(text):
            return False
        if UNLISTED_ASKED.search(text) and not ex.has_facts:
            return False  # 「我們自己發的結業證書不在表6裡，這樣還能算嗎」: 附件(三)'s reference list, no one's level
        if not ex.has_facts and self._work_described(text):
            return False  # 「我們平常用 AI 寫公文初稿，這個算哪一種能力」: the work described, placed in 表2
        if not ex.has_facts and ARCHETYPE_ASKED.search(normalise(text)) and not LEVEL_NAMED.search(text):
            return False  # 「她平常用 AI 寫公文…照表7她算哪一型」: which kind of application talent, by the work
        if not ex.has_facts and "issuer" in self.reader.detect_intents(text):
            return False  # 「另一張呢？就是中級那張，是誰辦的」: who issues it, not the person's level
        if not ex.has_facts and "metadata" in self.reader.detect_intents(text) and not LEVEL_NAMED.search(text):
            return False  # "Who actually publishes this guideline, and which version?": the document itself
        # certificates the person holds (「我 TQC+ 那張不能用嗎」) are part of their facts, not another subject
        held = {c.cert_id for c in ds.profile.certificates}
        held_issuers = {self.cat.certification(c).issuer for c in held}
        # 「乙有專案類，那他是不是五項都具備了」: the category of a certificate held restates it
        held_categories = {self.cat.certification(c).category for c in held} | {u.category for u in ds.profile.unnamed}

        # (「進階呢？我還想學用 Canva 做圖」: a tool named beside a level asked is an area to learn, no subject)
        level_asked = bool(LEVEL_NAMED.search(text))

        def about_levels(entities: list[Any]) -> bool:
            return all(
                e.kind in ("type", "item", "talent")
                or e.kind == "tool"
                and level_asked
                or e.kind == "cert"
                and e.key in held
                or e.kind == "issuer"
                and e.key in held_issuers
                or e.kind == "cert_category"
                and (e.key in held_categories or COURSE_AFTER.match(text, e.start + len(e.surface)) is not None)
                for e in entities
            )

        entities = self.reader.entities(text)
        only_levels = about_levels(entities)
        known_facts = not ds.profile.is_empty()
        # (「我主管問說，客服人員算加值型還是導入型」 names a 表7 role, not one's levels)
        names_role = any(e.kind in ("archetype", "role") and e.start >= 0 for e in entities)
        # 「我平時把客戶通話記錄貼到免費版 ChatGPT，這樣OK嗎？」「想往 AI 工程師發展，路徑是？」: a subject of
        # its own (responsible use, a role, a material…) asked with nothing stated and no level named
        own_subject = {e.kind for e in entities if e.start >= 0} - FACT_KINDS - {"cert_category"}
        levels_named = any(e.kind in ("type", "talent") for e in entities) or LEVEL_NAMED.search(text)
        # (「以我資工的背景，照發展路徑下一步會是什麼職稱」: 附件(五)'s routes, not one's levels)
        # (「我履歷上的職稱要怎麼寫比較符合指引的說法」: the titles 表8 gives, not whether one 「符合」 a level)
        career = bool({"career", "titles"} & set(self.reader.detect_intents(text)))
        if (own_subject or career) and not ex.has_facts and not levels_named:
            return False
        # (「這種工作算哪類人才在做」 asks of a kind of work, not of the person)
        pointed = re.search(r"(他|她|我(?!們))|\b(he|she|am i|i am|his|her)\b", text) and not WORK_KIND.search(text)
        if "which_talent" in self.reader.detect_intents(text) and pointed and not own_subject and known_facts:
            return True  # 「那 B 呢？他比較像哪一類人才？」 "what kind of talent am I": the person's categories
        if ex.asks_level and (ex.first_person or ex.has_facts) and (not names_role or ex.has_facts):
            return True
        if not ds.profile.is_empty() and not ex.has_facts and self._level_of_one_type(text) and not entities:
            return True  # "what about the advanced level for tools?" after a result: 進階 is AI 工具應用's
        known = not ds.profile.is_empty() or ex.has_facts or (ds.hypothesis is not None and bool(ds.situation_types))
        if ex.has_facts:  # the facts name certificates and tools; what is asked is in the asking clause
            entities = self.reader.entities(asked_clause(text))
            only_levels = about_levels(entities)
        if not known or not only_levels:
            return False
        # with someone's facts on the table, 「她還差幾小時」 is about her, 「要幾小時」 about the rule
        person = ex.first_person or bool(THIRD_PERSON.search(text)) or bool(GAP.search(text))
        if ex.asks_level and (person or not GENERAL_THRESHOLD.search(text)):
            return True
        if known and entities and TYPE_SWAPPED.search(text) and not ex.has_facts and not ds.people:
            return True  # "and if I went the service development route instead?" after a result: that type's
        if GAP.search(text) and (ex.first_person or THIRD_PERSON.search(text)) and known:
            return True  # "what's he missing on the literacy side?": his gap, for what is named
        # 「AI 服務開發呢？」「程式語言應用現在有到嗎？」「現在呢？」: a status question naming only levels, and
        # nothing the catalog describes (tools, certificates, contents…) asked about them
        rest = asked_clause(text)
        if not entities and not ex.has_facts and self.reader.scope_topics(normalise(text)):
            return False  # 「你覺得台積電現在可以買嗎」: 「現在」 is not a status question about oneself
        rest = without_names(rest, entities)
        if set(self.reader.detect_intents(rest)) & CONTENT_INTENTS:
            return False
        if GENERAL_THRESHOLD.search(rest) and not (GAP.search(rest) and person):
            return False  # 「要幾小時」 asks the rule; 「他再補幾小時就夠」 asks his gap
        if STATUS.search(rest) and (entities or ex.has_facts or ds.situation_types):
            return True
        # 「AI 服務開發呢？」, "And AI literacy? I have no literacy certificate, but…": the asking clause
        asking = asked_clause(text)
        short = len(text) <= 30 or len(asking) <= 30 or len(asking.split()) <= 6  # (English words are long)
        marked = ABOUT_ANOTHER.search(text) or re.match(r"\W*and\b", asking)
        followup = bool(marked) and short
        return bool(ds.situation_types or ex.has_facts) and followup

    # ------------------------------------------------------------------ questions with references
    def _question(self, ds: DialogueState, text: str, lang: Lang, resolve: bool = True) -> list[Reply]:
        parts = [p.strip() for p in re.split(r"(?<=[?？])", text) if p.strip()]
        if len(parts) == 2 and all(QUESTION_WORD.search(p) or p.endswith(("?", "？")) for p in parts):
            if OTHER_ONE.search(normalise(parts[1])) and not OTHER_ONE.search(normalise(parts[0])):
                # 「像我這種是屬於哪一型？另一型又是什麼」: the first question is answered, then "the other one"
                # is read against that answer — two replies in one, each question answered
                first = self._question(ds, parts[0], lang)
                second = self._question(ds, parts[1], lang)
                return [Reply(first[0].text + "\n\n" + second[0].text)]
        topic = ds.topic or Topic()
        # "Last one: how many…" 「最後一個問題：」 mark the question, point at nothing
        text = LAST_QUESTION.sub(" ", text)
        n_own = normalise(text)
        own_work = self._work_described(n_own)
        if own_work:
            resolve = False  # 「我們平常用 AI 寫公文初稿，這個算哪一種能力」: 「這個」 is the work just described
        resolved = (
            self.resolve(text, topic, list(ds.recent), ds.profile, list(ds.mentioned), list(ds.said_certificates))
            if resolve
            else text
        )
        if isinstance(resolved, Reply):
            return [resolved]
        if resolved != text and detect_language(text) == "zh-CN":
            resolved = to_simplified(resolved)  # a resolved reference keeps the user's script for the answer
        answer = self.advisor.respond(resolved, {} if own_work else topic.context())
        by_ordinal = bool(ORDINAL.search(normalise(text)) or ORDINAL_RANGE.search(normalise(text)))
        # the items of the list shown that the ordinal stood for (「第二張」 → the second certificate held)
        picked = [x for x in topic.listed if by_ordinal and f"「{self._name(*x)}」" in resolved]
        ds.topic = self._topic(answer, topic, selection=by_ordinal, picked=picked).model_copy(update={"turn": ds.turn})
        if answer.rule in AIM_RULES:
            ds.topic.levels = self._levels_named(normalise(resolved))
        elif answer.rule == CERTS_TOGETHER:  # (every type, or those named, at the level the question aims at)
            named = [t for t, _ in self._levels_named(normalise(resolved))]
            every = EVERY_TYPE_NAMED.search(normalise(resolved))
            types = [r.type for r in self.cat.rules.types] if every or not named else named
            ds.topic.levels = top_targets(normalise(resolved), types, self.cat)
        if answer.rule == "view.category_of_described_exam":
            # the exam described is remembered by its 表3 category: 「第一張考過的人」 later supposes it held
            placed = [e[1] for e in (answer.context or {}).get("entities", []) if e[0] == "cert_category"]
            ds.exams = [*ds.exams, *placed[:1]][-6:]
        shown = [e for e in self._listed(self._first_list(answer.text)) if e[0] == "cert"]
        ds.shown = shown if len(shown) >= 2 else ds.shown
        for kind, key, _ in ds.topic.entities:
            if (kind, key) in ds.recent:
                ds.recent.remove((kind, key))
            ds.recent.append((kind, key))
        ds.recent = ds.recent[-6:]
        ds.mentioned = [*ds.mentioned, *(x for x in ds.recent if x not in ds.mentioned)][-20:]
        return [Reply(answer.text)]

    def resolve(
        self,
        text: str,
        topic: Topic,
        recent: list[tuple[str, str]] | None = None,
        ds_profile: StatedProfile | None = None,
        mentioned: list[tuple[str, str]] | None = None,
        said_certificates: list[str] | None = None,
    ) -> str | Reply:
        """The question with its references replaced by the names they stand for, or a clarifying
        question when a singular reference has several candidates. `recent` are the entities of the
        last answers, most recent last (the state's, passed in: one `Dialogue` serves every user)."""
        recent = recent or []
        # 「我那個小專題要給社團用…」: 「我那個」 before a noun is the user's own thing, no reference to resolve
        text = OWN_THING.sub(r"\1的", text)
        # ("last one - which NVIDIA certs…" 「最後一個問題，…」: the last question, not the last one listed)
        text = LAST_QUESTION.sub(" ", text)
        # 「它們裡面哪幾張是工具類的」 right after a list: 「其中」, the list just shown
        text = AMONG_THEM.sub("其中", text)
        text = THIS_GUIDELINE.sub("指引", text)  # 「這個指引怎麼說」: the guideline itself, no reference to resolve
        # 「一本正經亂講話，那個現象叫啥」: what the message itself describes, pointed at, no earlier answer's thing
        text = DESCRIBED_HERE.sub(lambda m: m.group(2), text)
        if UNLISTED_ASKED.search(normalise(text)) and not self._names_cert(text):
            return text  # "Our own certificate isn't in Table 6 - does it count?": 「it」 is that one, not a listed one
        text = self._issuer_one(text, topic)
        said = GUIDELINE_PRONOUN.search(normalise(text))
        names_own = any(e.start >= 0 for e in self.reader.entities(normalise(text)))
        english = bool(said and not said.group(1))  # "does it say", "it lists": in English always the guideline
        if said and (english or names_own or self.reader.detect_intents(normalise(text))):
            # 「它說的負責任意識有幾個構面」: 「它」 is the guideline speaking, the message names its own subject
            text = GUIDELINE_PRONOUN.sub(
                lambda m: (
                    f"指引{m.group(2)}"
                    if m.group(1)
                    else f"{m.group(3)} the guideline{m.group(5)}"
                    if m.group(3)
                    else f"the guideline{m.group(8)}"
                ),
                normalise(text),
                count=1,
            )
        it = re.search(r"它|\bit\b", normalise(text))
        before_it = [e for e in self.reader.entities(normalise(text)) if 0 <= e.start < (it.start() if it else -1)]
        if it and any(e.kind == "tool" for e in before_it) and not SINGULAR_CERT.search(normalise(text)):
            return text  # 「把客戶名單丟進免費版 ChatGPT 叫它整理」: 「它」 is the tool the message names
        if DESCRIBED_THEN_THIS.search(normalise(text)) or SPOKEN_OF_THIS.search(normalise(text)):
            return text  # 「另一個職缺要會 PyTorch…，那這個呢」: 「這個」 is what the message itself describes
        if self.reader.unknown_names(text) and self.reader.cert_words.search(normalise(text)):
            # "Our own exam, 'Certified Prompt Engineer Pro', which category is it in?": 「it」 is the certificate
            # the message names, which 表6 does not list — not the one talked about before
            return text
        positioned = POSITIONED_AS.search(normalise(text))
        if positioned and TYPES_ASKED.search(normalise(text)[positioned.end() :]):
            # 「假設我們那張定位成專案類，它對應到哪些能力類型」: the question is the category's, whatever 「它」 was
            rest = re.sub(r"^[，,\s]*(那|那麼)?(它|他|這張|那張)?(的話)?", "", normalise(text)[positioned.end() :])
            return f"{positioned.group('category')}{rest}"
        successors = SUCCESSORS_REF.search(normalise(text))
        if successors:
            # 「那接替的那兩張分別歸在哪一類」 after AI-900's retirement: the certificates 表6's note says follow
            # retired ones, of the issuer talked about when there is one
            talked = {self.cat.certification(key).issuer for k, key, _ in topic.entities if k == "cert"}
            follow = [c for c in self.cat.certifications if c.replaces and (not talked or c.issuer in talked)]
            if follow:
                joined = "和".join(f"「{c.name}」" for c in follow)
                return normalise(text).replace(successors.group(0), joined, 1)
        names = {(k, key): self._name(k, key) for k, key, _ in topic.entities}
        names.update({(k, key): self._name(k, key) for k, key in topic.listed})
        middle = MIDDLE_REF.search(normalise(text))
        if middle and len(topic.listed) % 2 == 1 and len(topic.listed) >= 3:
            # 「中間那類的認證重點是什麼」 after the three categories: the middle one of the list shown
            name = self._name(*topic.listed[len(topic.listed) // 2])
            return normalise(text).replace(middle.group(0), f"「{name}」", 1)
        counted = COUNT_REF.search(normalise(text))
        kinds = {k for k, _ in topic.listed}
        if counted and len(kinds) == 1 and (noun := KIND_NOUN.get(next(iter(kinds)))) is not None:
            n = counted.group("n")
            if (int(n) if n.isdigit() else chinese_number(n)) == len(topic.listed) >= 3:  # (two: TWO_REF's)
                return normalise(text).replace(counted.group(0), f"{counted.group(0)}{noun}", 1)
        before = self._the_one_before(text, topic)
        if before is not None:
            return before
        this_category = re.search(r"(這|那|該)一?類(?!人才)|\b(that|this|the same) category\b", normalise(text))
        before_it = normalise(text)[: this_category.start()].rstrip() if this_category else ""
        if before_it and any(before_it.endswith(word) for word, _ in self.facts.area_words if len(word) >= 2):
            # 「影像那類舉了哪些工具」「程式語言應用那類的關鍵內涵」: the kind the word before it names, no category
            return normalise(text).replace(this_category.group(0), "", 1)
        if this_category:
            # 「那這一類的認證重點是什麼」「表6 這一類列了幾張」: the category the answer was about, or the one
            # every certificate it listed belongs to
            named = {key for kind, key, _ in topic.entities if kind == "cert_category"}
            listed_certs = [key for kind, key in topic.listed if kind == "cert"]
            listed_certs = listed_certs or [key for kind, key, _ in topic.entities if kind == "cert"]
            shared = named or {self.cat.certification(c).category for c in listed_certs}
            if len(shared) == 1:
                return normalise(text).replace(this_category.group(0), shared.pop(), 1)
        step = LIST_STEP.search(normalise(text))
        current = [(k, key) for k, key, _ in topic.entities if (k, key) in topic.listed]
        if step and len(current) == 1:
            # 「那前一個呢」 "the next one": the item before or after the one talked about, in the list shown
            back = step.group(1) == "前" or step.group(3) == "previous"
            at = topic.listed.index(current[0]) + (-1 if back else 1)
            if 0 <= at < len(topic.listed):
                return LIST_STEP.sub(f"「{self._name(*topic.listed[at])}」", normalise(text), count=1)
        which = LATTER_FORMER.search(normalise(text))
        pool = [*topic.listed, *recent, *((k, key) for k, key, _ in topic.entities)]  # (a list shown counts too)
        pair = [x for x in dict.fromkeys(pool) if x[0] in LISTABLE]
        kind = pair[-1][0] if pair else None
        listed_kinds = {k for k, _ in topic.listed}
        if len(topic.listed) == 2 and len(listed_kinds) == 1 and listed_kinds & {k for k, _, _ in topic.entities}:
            kind = next(iter(listed_kinds))  # 「加值型和導入型有什麼不一樣」 then 「後者…」: the two just answered
        pair = [x for x in pair if x[0] == kind][-2:]
        # (a list the answer showed, not things the question named: those go by the order they came up)
        named_before = {(k, key) for k, key, _ in topic.entities}
        shown_two = len(topic.listed) == 2 and topic.listed[0][0] == topic.listed[1][0]
        shown_two = shown_two and not named_before & set(topic.listed)
        if which and shown_two:
            pair = list(topic.listed)  # 「後面那種」 right after a list of two: the second one shown
        elif which and len(pair) == 2:
            # 「講後面那個就好」 "the latter": of the two things of one kind just talked about, the one brought
            # up later in the conversation
            order = list(mentioned or [])
            pair.sort(key=lambda x: order.index(x) if x in order else len(order))
        if which and len(pair) == 2:
            # (「前者跟後者差在哪」: each word stands for its own one)
            return LATTER_FORMER.sub(
                lambda m: f"「{self._name(*(pair[-1] if m.group('latter') else pair[0]))}」", normalise(text)
            )
        span = ORDINAL_RANGE.search(normalise(text))
        if span and topic.listed:
            picked = self._ordinal_range(span, len(topic.listed))
            if picked:
                joined = "和".join(f"「{names[topic.listed[i]]}」" for i in picked)
                return normalise(text).replace(span.group(0), joined, 1)
        m = ORDINAL.search(normalise(text))
        listed = topic.listed
        if (
            m
            and not listed
            and topic.rule.startswith("view.responsible_ai")
            and not re.match(r"\s*(步|階段)", normalise(text)[m.end() :])
        ):
            listed = self._members("rai")  # 「第三點是在講什麼」 after 附件(六)'s four dimensions: in its order
            names.update({x: x[1] for x in listed})
        category = [e.key for e in self.reader.entities(normalise(text)) if e.kind == "cert_category"]
        if m and len(set(category)) == 1 and m.start() > normalise(text).find(category[0]):
            # 「專案類裡排第一的是哪張」: the category's certificates, in 表6's order
            listed = [("cert", c.id) for c in self.cat.certifications if c.category == category[0]]
            names.update({x: self._name(*x) for x in listed})
        risk_classes = self.cat.responsible_ai.risk_classes.classes
        if m and "類" in m.group(0) and ("risk", "classes") in {(k, key) for k, key, _ in topic.entities}:
            # 「第二類具體是指什麼」 right after the three risk classes: that class, by name
            index = self._ordinal(m)
            if index is not None and -len(risk_classes) <= index < len(risk_classes):
                c = risk_classes[index]
                return normalise(text).replace(m.group(0), f"風險類型（{c.key}）{c.name}", 1)
        if m and "類" in m.group(0) and not any(k == "cert_category" for k, _ in listed):
            # 「那第三類呢」 after a list of certificates: the categories, in 表3's order
            listed = [("cert_category", c.name) for c in self.cat.cert_categories.categories]
            names.update({x: x[1] for x in listed})
        talked_archetype = any(k == "archetype" for k, _ in [*(mentioned or []), *recent])
        if m and m.group(0)[-1:] in ("種", "型") and talked_archetype and not any(k == "archetype" for k, _ in listed):
            # 「第二種那個角色」 once 表7's two archetypes were talked about: the archetypes, in 表7's order
            listed = self._members("archetype")
            names.update({x: x[1] for x in listed})
        noun = ORDINAL_NOUN.match(normalise(text), m.end()) if m else None
        if m and noun and not any(k in ORDINAL_NOUN_KINDS[noun.group(1)] for k, _ in listed):
            # 「回到剛剛第一個行業」 after a list of something else: the first of that kind talked about
            kinds = ORDINAL_NOUN_KINDS[noun.group(1)]
            pool = [x for x in dict.fromkeys([*(mentioned or []), *recent]) if x[0] in kinds]
            if "type" in kinds:  # 「第四個能力類型」: the guideline numbers the five types (一 to 五)
                pool = [("type", t.name) for t in self.cat.types]
            if "rai" in kinds and (pool or topic.rule.startswith("view.responsible_ai")):
                # 「第二個構面」 "the second facet" once the dimensions were talked about: 附件(六) numbers its four
                pool = self._members("rai")
            index = self._ordinal(m)
            if index is not None and -len(pool) <= index < len(pool):
                span = normalise(text)[m.start() : noun.end()]
                return normalise(text).replace(span, f"「{self._name(*pool[index])}」", 1)
        if m and self._ordinal_only_marks(normalise(text), m):
            # 「回到第一個，AI 的風險指引分成哪三類？」: the ordinal only turns back; the question names its subject
            return normalise(text)[m.end() :].lstrip(" ,，、:：")
        if m and not listed and recent and "份" in m.group(0):
            # 「它跟第一份差在哪」 after the two materials were each talked about (no list shown): the
            # materials in the order the guideline gives them
            kind = recent[-1][0]
            if sum(1 for k, _ in recent if k == kind) >= 2:
                listed = self._members(kind)
                names.update({x: self._name(*x) for x in listed})
        if m and listed:
            # 「那第四跟第五個差在哪」: every ordinal of the sentence, over the same list (a later sentence,
            # 「…？最後一個是在做什麼的」, points into the answer to the first)
            out, at = normalise(text), 0
            while m:
                index = self._ordinal(m)
                if index is None or not -len(listed) <= index < len(listed):
                    break
                kind, key = listed[index]
                name = f"「{names[(kind, key)]}」"
                out = out[: m.start()] + name + out[m.end() :]
                at = m.start() + len(name)
                m = ORDINAL.search(out, at)
                # (「那最後一個呢？跟倒數第二個差在哪」: a comparison in the next sentence is of both)
                stop = re.search(r"[?？。!！]", out[at : m.start()]) if m else None
                if m and stop and not COMPARED_WITH.match(out, at + stop.end()):
                    break
            if at:
                return out
        # (certificates the conversation named come first: a passage merely showing another one — 「AI-102 由
        # AI-103 接續」 — does not make it talked about)
        held_now = [("cert", c.cert_id) for c in ds_profile.certificates] if ds_profile is not None else []
        talked = {key for kind, key, *_ in [*topic.entities, *recent, *held_now] if kind == "cert"}
        talked = talked or {key for kind, key in topic.listed if kind == "cert"}
        listed_certs = {key for kind, key in topic.listed if kind == "cert"}
        other = self._issuers_other(text, talked | listed_certs) if OTHER_ONE.search(normalise(text)) else None
        if other is not None:  # 「Microsoft 在表裡有兩張，一張是 AI-901，另一張是什麼？」
            return OTHER_ONE.sub(f"「{self._name('cert', other)}」", normalise(text), count=1)
        remaining = self._the_remaining(text, topic, recent) if OTHER_ONE.search(normalise(text)) else None
        if remaining is not None:  # 「剩下另外一類呢？」 after two of the three talent categories
            return OTHER_ONE.sub(f"「{self._name(*remaining)}」", normalise(text), count=1)
        if OTHER_ONE.search(normalise(text)) and (topic.entities or topic.listed):
            shown = {(k, key) for k, key, _ in topic.entities}
            pool = topic.listed if len(topic.listed) == 2 else recent[-2:]
            # 「Google 那張我知道，那另一張呢？」: the one the message names is not the other one
            named = self._named_among(text, pool)
            kinds = {k for k, _ in shown if k in LISTABLE}
            # 「另一個要停辦的是哪張？」 after a certificate: the other one is another certificate, never the
            # competency type mentioned on the way
            others = [x for x in pool if x not in (named or shown) and (not kinds or x[0] in kinds)]
            if not others and len(kinds) == 1:  # 「另一份呢？」: a kind with two members (the two materials)
                others = [x for x in self._members(kinds.pop()) if x not in shown]
            items = [key for k, key in shown if k == "item"]
            if not others and len(items) == 1:
                # 「這個類型底下另一個項目是什麼」: the other item of the same competency type
                owner = self._type_of("item", items[0])
                others = [
                    ("item", str(i.number))
                    for t in self.cat.types
                    if t.name == owner
                    for i in t.items
                    if str(i.number) != items[0]
                ]
            if len(others) == 1:
                kind, key = others[0]
                return OTHER_ONE.sub(f"「{self._name(kind, key)}」", normalise(text), count=1)
        issuers = (
            [e.key for e in self.reader.entities(normalise(text)) if e.kind == "issuer"]
            if TWO_REF.search(normalise(text))
            else []
        )
        of_issuer = [c.id for c in self.cat.certifications if issuers and c.issuer == issuers[0]]
        if len(set(issuers)) == 1 and len(of_issuer) == 2:
            # 「表裡微軟那兩張後面有打星號」: the issuer's two, whatever the last answer listed
            names2 = "和".join(f"「{self._name('cert', c)}」" for c in of_issuer)
            return TWO_REF.sub(names2, normalise(text), count=1)
        if TWO_REF.search(normalise(text)) and len(topic.listed) == 2:
            # 「這兩張是同一類嗎？」 right after a list of two: those two
            names2 = "和".join(f"「{names[x]}」" for x in topic.listed)
            return TWO_REF.sub(names2, normalise(text), count=1)
        held_two = list(dict.fromkeys(c.cert_id for c in ds_profile.certificates)) if ds_profile is not None else []
        if TWO_REF.search(normalise(text)) and len(held_two) == 2:
            # 「他那兩張分別是哪一類」 while someone's two certificates are known: those two
            names2 = "和".join(f"「{self._name('cert', c)}」" for c in held_two)
            return TWO_REF.sub(names2, normalise(text), count=1)
        many = MANY_REF.search(normalise(text))
        raw = (many.group("n") or many.group("en")) if many else ""
        count = int(raw) if raw.isdigit() else int(chinese_number(raw) or 0) if raw and not raw.isascii() else 0
        count = count or {"three": 3, "four": 4, "five": 5}.get(raw, 0)
        certs_recent = [("cert", c) for c in said_certificates or []] or [x for x in recent if x[0] == "cert"]
        if many and count >= 3 and len(certs_recent) >= count:
            # 「這三張分別是誰辦的」 after three certificates were named: those three
            names_n = "、".join(f"「{self._name(k, key)}」" for k, key in certs_recent[-count:])
            return MANY_REF.sub(names_n, normalise(text), count=1)
        if TWO_REF.search(normalise(text)) and recent:  # 「这两个」 too
            kind = recent[-1][0]  # the two most recent things of the kind the talk is about
            pair = [x for x in recent if x[0] == kind][-2:]
            if len(pair) == 2:
                names2 = "和".join(f"「{self._name(k, key)}」" for k, key in pair)
                return TWO_REF.sub(names2, normalise(text), count=1)
        certs_in_topic = [key for kind, key, _ in topic.entities if kind == "cert"]
        if ISSUER_REF.search(normalise(text)) and certs_in_topic:
            issuer = self.cat.certification(certs_in_topic[-1]).issuer
            return ISSUER_REF.sub(issuer, normalise(text), count=1)
        level = LEVEL_SWAP.match(normalise(text).strip())
        if level and certs_in_topic:
            sibling = self._sibling(certs_in_topic[-1], level.group(2))
            if sibling:
                return f"那「{sibling}」呢？"
        opening = LEVEL_OPENS.match(normalise(text))
        if opening and certs_in_topic:  # 「中級又屬於什麼類？」: the other level opening a question of its own
            sibling = self._sibling(certs_in_topic[-1], opening.group("level"))
            if sibling:
                n = normalise(text)
                return f"「{sibling}」{n[opening.end() :]}"
        its_level = ITS_LEVEL.search(normalise(text))
        if its_level and certs_in_topic:  # 「那它的中級也是素養類嗎」: the other level of the one talked about
            sibling = self._sibling(certs_in_topic[-1], its_level.group("level"))
            if sibling:
                return normalise(text).replace(its_level.group(0), f"「{sibling}」", 1)
        level_en = LEVEL_ONE_EN.search(normalise(text))
        recent_certs = certs_in_topic or [key for kind, key in topic.listed if kind == "cert"]
        if level_en and recent_certs:  # "And the beginner-level one, which category is that?"
            sibling = self._sibling(recent_certs[-1], LEVEL_EN[level_en.group(1)])
            if sibling:
                return LEVEL_ONE_EN.sub(f"「{sibling}」", normalise(text), count=1)
        if level_en:  # "If I pass the intermediate one" after a list that had one certificate of that level
            level = LEVEL_EN[level_en.group(1)]
            pool = dict.fromkeys(key for kind, key in [*topic.listed, *reversed(recent)] if kind == "cert")
            of_level = [key for key in pool if level in self.cat.certification(key).name]
            if len(of_level) == 1:
                return LEVEL_ONE_EN.sub(f"「{self.cat.certification(of_level[0]).name}」", normalise(text), count=1)
        filters = {"cert_category", "issuer", "cert_scope"}
        own_filter = any(e.kind in filters for e in self.reader.entities(normalise(text)))
        listed_certs = [key for kind, key in topic.listed if kind == "cert"]
        if self._scope_only(text) and len(listed_certs) >= 2:
            return "、".join(f"「{self.cat.certification(c).name}」" for c in listed_certs) + f"之中，{text}"
        same = SAME_CATEGORY.search(normalise(text))
        held = [c.cert_id for c in ds_profile.certificates] if ds_profile is not None else []
        pointed = certs_in_topic or held
        categories_pointed = {self.cat.certification(c).category for c in pointed}
        if same and len(categories_pointed) == 1:
            # 「國外的同類證照有幾張」 after a certificate: its category
            return normalise(text).replace(same.group(0), f"{categories_pointed.pop()}", 1)
        set_ref = SET_REF.search(text)
        in_list = [(k, key, key) for k, key in topic.listed if k != "cert"]
        listed_only = set_ref or not topic.entities  # 「其中…那個」, or an answer that was only its list
        if listed_only and SINGULAR.search(text) and len(in_list) >= 2 and not self._names_thing(text):
            # 「其中做影像辨識的那個」 over a list of titles: the one of the list the words describe
            described = self._described(text, in_list)
            if described is not None:
                unset = SET_REF.sub("", text, count=1) if set_ref else text
                return SINGULAR.sub(f"「{self._name(*described)}」", unset, count=1)
        # (「回到剛剛素養類那份清單，裡面…」: the set is named in the message, if not right before 「裡面」)
        # (a category after 「裡面」 — 「裡面哪一張是專案類」 — filters the set talked about; before it, it is the set)
        at = len(normalise(text[: set_ref.start()])) if set_ref else 0
        names_category = any(
            e.kind == "cert_category" and 0 <= e.start < at for e in self.reader.entities(normalise(text))
        )
        named_set = set_ref is not None and (self._filter_right_before(text, set_ref.start()) or names_category)
        whole = WHOLE_TABLE.search(normalise(text))  # 「整張表裡面…」: the whole table, not the set talked about
        if (
            set_ref
            and not whole
            and not named_set
            and not self._names_cert(text)
            and not (own_filter and not topic.entities)
        ):
            # 「工具類的證照裡面有哪些是資策會辦的」 after someone's certificates: a set of its own, not theirs
            categories = [key for kind, key, _ in topic.entities if kind == "cert_category"]
            named = [key for kind, key in topic.listed if kind == "cert"]
            if categories:
                return f"{'、'.join(categories)}{text}"
            if named and len(named) <= 8:
                return "、".join(f"「{self.cat.certification(c).name}」" for c in named) + text
        corrected = CORRECTION.sub("", text, count=1) if CORRECTION.match(text) else None
        if corrected and corrected.strip():
            text = f"那{corrected.strip().rstrip('？?。')}呢？"
        described = self._described_by_part(text, topic, recent)
        if described != text:  # 「那辦公室應用那張呢？」「影像那一項」: the one thing those words name
            return described
        swapped = self._within_vendor(text, topic)
        if swapped:
            return swapped
        same_kind = self._candidates(topic)
        held = list(dict.fromkeys(c.cert_id for c in ds_profile.certificates)) if ds_profile is not None else []
        only_held = not same_kind or [c[1] for c in same_kind] == held
        # (not 「表6裡面 IBM 的那張」: a certificate described by its issuer or its words is another one)
        described = any(e.kind == "issuer" for e in self.reader.entities(normalise(text))) or re.search(
            r"[a-z0-9\u4e00-\u9fff]{2,}\s*的\s*(這張|那張|這一張|那一張)", normalise(text)
        )
        only_held = only_held and not described
        if only_held and len(held) == 1 and HELD_ONE_REF.search(normalise(text)) and not self._names_cert(text):
            # 「這張證是哪個單位辦的？」 right after a result from one certificate held: that certificate
            return HELD_ONE_REF.sub(f"「{self._name('cert', held[0])}」", normalise(text), count=1)
        by_issuer = self._issuers_among(text, topic)
        if by_issuer is not None and SINGULAR.search(text) and not self._names_cert(text):
            # 「微軟那張呢？」 after 「第三張是誰辦的」 over a list: the list's one certificate by that issuer
            return SINGULAR.sub(f"「{self._name('cert', by_issuer)}」", text, count=1)
        if (
            SINGULAR.search(text)
            and not PLURAL.search(text)
            and not re.search(r"另(一|外一|外那)(張|個|份)", text)  # 「另一張呢？就是中級那張」: read below
            and len(held) >= 2
            and not self._names_cert(text)
        ):
            # 「TQC 那張算工具類嗎」 of someone holding two: the one of theirs the words describe
            described = self._described(text, [("cert", c, "") for c in dict.fromkeys(held)])
            if described is not None:
                return SINGULAR.sub(f"「{self._name(*described)}」", text, count=1)
        # the one certificate someone stated, or the one the last answer listed (「工具類有沒有跟做圖有關的」)
        only_listed = [x for x in same_kind if x[0] == "cert"] == same_kind and not any(
            k == "cert" for k, _, _ in topic.entities
        )
        single = len(same_kind) == 1 and (not topic.entities or only_listed)
        nouns = self._kinds_named_by_noun(text)  # 「這個職務」 is a role, whatever certificate was talked about
        fits = not nouns or same_kind and same_kind[0][0] in nouns
        if (
            len(same_kind) == 1
            and not fits
            and nouns == {"type"}
            and same_kind[0][0] in ("item", "tool")
            and SINGULAR.search(text)
        ):
            # 「這個能力類型底下有哪些項目」 after an item (「寫程式」 is 程式應用): the type the item belongs to
            owner = self._type_of(same_kind[0][0], same_kind[0][1])
            if owner is not None:
                return SINGULAR.sub(f"「{owner}」", text, count=1)
        if SINGULAR.search(text) and not PLURAL.search(text) and single and not self._names_cert(text) and fits:
            return SINGULAR.sub(f"「{self._name(*same_kind[0][:2])}」", text, count=1)
        if SINGULAR.search(text) and not PLURAL.search(text) and len(same_kind) >= 2 and not self._names_thing(text):
            if self._pronoun_before_name(text):
                # 「你剛講的那個負責任意識」: 「那個」 points at the name right after it, which is the question's own
                return SINGULAR.sub(" ", text, count=1)
            described = self._described(text, same_kind)
            if described is not None:  # 「美術設計那張」: words only one of them has in its name
                return SINGULAR.sub(f"「{self._name(*described)}」", text, count=1)
            if self.reader.scope_topics(normalise(text)):
                return text  # 「幫我算一下他這個月的加班費」: declined as asked, not a question of which one
            if WHICH_THEN_IT.search(normalise(text)):
                return text  # "which tool certificate suits…, and who issues it?": 「it」 is the one asked for
            if EXAM_DESCRIBED_HERE.search(normalise(text)):
                return text  # 「另一張是要考生現場用 AI 工具完成…，那這張呢？」: 「這張」 is the exam it describes
            # 「它底下有哪些能力項目」: what is asked belongs to one kind only (items: a competency type)
            kinds = {k for i in self.reader.detect_intents(normalise(text)) for k in self.reader.applies_to.get(i, [])}
            fitting = [c for c in same_kind if c[0] in kinds]
            if not fitting and "type" in kinds:  # an item or a tool talked about: the type it belongs to
                owners = {self._type_of(k, key) for k, key, *_ in same_kind} - {None}
                fitting = [("type", owners.pop(), "")] if len(owners) == 1 else []
            if len(fitting) == 1:
                return SINGULAR.sub(f"「{self._name(*fitting[0][:2])}」", text, count=1)
            named_kind = [c for c in same_kind if c[0] in self._kinds_named_by_noun(text)]
            if len(named_kind) == 1:  # 「這個職務」 is the role among a role and an item talked about
                return SINGULAR.sub(f"「{self._name(*named_kind[0][:2])}」", text, count=1)
            alike = self._alike_in_what_is_asked(named_kind or same_kind, kinds, text)
            if alike is not None:  # 「它的辦理單位…」 when every candidate has the same issuer: no need to ask which
                return SINGULAR.sub(f"「{self._name(*alike[:2])}」", text, count=1)
            # 「那工具類跟它差在哪」: 「它」 is the one of the kind the message names beside it (the other category)
            named = [e for e in self.reader.entities(normalise(text)) if e.start >= 0]
            pool = list(dict.fromkeys([*same_kind, *(tuple(x) for x in topic.entities)]))
            beside = [c for c in pool if any(e.kind == c[0] and e.key != c[1] for e in named)]
            if len(beside) == 1:
                return SINGULAR.sub(f"「{self._name(*beside[0][:2])}」", text, count=1)
            return self._clarify(same_kind, topic, "en" if reads_as_english(text) else None)
        return text

    def _pronoun_before_name(self, text: str) -> bool:
        """Whether the singular reference is a demonstrative right before a name the advisor knows (an entity or
        a whole subject of the guideline: 「那個負責任意識」「這個能力類型」 name what they point at)."""
        m = SINGULAR.search(text)
        if m is None:
            return False
        after = normalise(text[m.end() :]).lstrip()[:12]
        if any(e.start == 0 for e in self.reader.entities(after)):
            return True
        # (「那個能力類型」「那張證照」 are kinds, pointing at the one talked about; 「那個負責任意識」 names 附件(六))
        return "overview_rai" in self.reader.detect_intents(after)

    def _level_named_in(self, text: str, type_name: str) -> str | None:
        """The level of `type_name` a text names (「進階」 "advanced"), else None."""
        norm = normalise(self.situation.certificates_unnamed(text))
        levels = [lv.level for t in self.cat.rules.types if t.type == type_name for lv in t.levels]
        for word, level in [*((lv, lv) for lv in levels), *LEVEL_NAMES_EN.items()]:
            if level in levels and re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", norm):
                return level
        return None

    def _level_of_one_type(self, text: str) -> str | None:
        """The one competency type a named level belongs to (「進階」 "advanced": AI 工具應用 is the only
        type with 初階 and 進階 in 表5), or None."""
        norm = normalise(self.situation.certificates_unnamed(text))  # 「TQC…(進階)」 is the certificate's level
        words = {**LEVEL_NAMES_EN, **{lv.level: lv.level for t in self.cat.rules.types for lv in t.levels}}
        named = {level for word, level in words.items() if re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", norm)}
        owners = {t.type for t in self.cat.rules.types for lv in t.levels if lv.level in named}
        owners_levels = {t.type for t in self.cat.rules.types if len(t.levels) > 1}
        found = owners & owners_levels
        return found.pop() if len(found) == 1 else None

    def _filter_right_before(self, text: str, at: int) -> bool:
        """「專案類裡面」「Amazon 辦的裡面」「表8裡面」: the set 「裡面」 looks into is named right before it."""
        before = normalise(text[:at]).rstrip()
        if re.search(
            r"(表\s*\d{1,2}|附件\s*[(（]?[一二三四五六七八九十]+[)）]?|圖\s*\d|指引|這份|\bguideline)(的)?$", before
        ):
            return True  # the guideline, or a table, annex or figure of it, is a set of its own
        return any(
            e.kind in ("cert_category", "issuer", "cert_scope") and before.endswith(e.surface)
            for e in self.reader.entities(before)
        )

    @staticmethod
    def _kinds_named_by_noun(text: str) -> set[str]:
        """The kinds a demonstrative's noun names: 「這個職務」 a role, 「那張證照」 a certificate."""
        found: set[str] = set()
        for pattern, kinds in REFERENCE_NOUNS:
            if pattern.search(text):
                found |= kinds
        return found

    def _alike_in_what_is_asked(
        self, candidates: list[tuple[str, str, str]], kinds: set[str], text: str
    ) -> tuple[str, str, str] | None:
        """The first candidate, when the attribute asked (issuer, category, 國內/國際) is the same for every
        candidate certificate: the answer does not depend on which one is meant."""
        if not candidates:
            return None
        intents = set(self.reader.detect_intents(normalise(text)))
        if all(c[0] in ("role", "talent", "archetype") for c in candidates):
            # 「那這個職務要考什麼證照」 after two roles of one category: its certificates answer either
            roles = {r.id: r.talent_category for r in self.cat.role_list}
            archetypes = {a.name: APPLICATION for a in self.cat.roles.application_archetypes}
            talents = {roles.get(key) or archetypes.get(key) or key for _, key, *_ in candidates}
            same = len(talents) == 1 and intents & {"certs_for", "category_of", "which_talent", "overview_types"}
            first_talent = next((c for c in candidates if c[0] == "talent"), candidates[0])
            return first_talent if same else None
        if any(c[0] != "cert" for c in candidates):
            return None
        certs = [self.cat.certification(c[1]) for c in candidates]
        for intent, value in (("issuer", "issuer"), ("category_of", "category"), ("scope", "scope")):
            if intent in intents and len({getattr(c, value) for c in certs}) == 1:
                return candidates[0]
        types_asked = "overview_types" in intents or re.search(r"(能力類型|\bcompetency types?\b)", normalise(text))
        if types_asked and len({c.category for c in certs}) == 1:
            # 「它對應哪幾個能力類型」 after 專案類 and its list: every one of them maps to its category's types
            return ("cert_category", certs[0].category, certs[0].category)
        return None

    def _scope_only(self, text: str) -> bool:
        """「有國內的嗎」「國內有那種的嗎？還是都國外的」: a short message that names only 國內/國際, asked of
        the certificates just listed."""
        norm = normalise(text)
        if SCOPE_ONLY.match(norm):
            return True
        kinds = {e.kind for e in self.reader.entities(norm)}
        return kinds == {"cert_scope"} and len(re.sub(r"\W", "", norm)) <= SCOPE_ONLY_CHARS

    @staticmethod
    def _candidates(topic: Topic) -> list[tuple[str, str, str]]:
        """What 「那張」「it」 may stand for: the certificates the last answer was about, else those it
        listed (「資策會辦的是哪幾張」 names an issuer and lists its certificates), else its entities."""
        certs = [e for e in topic.entities if e[0] == "cert"]
        listed = [(k, key, key) for k, key in topic.listed if k == "cert"]
        entities = list(topic.entities)
        if any(e[0] == "resource" for e in entities) and topic.rule.startswith("view.resources"):
            # 「教材這塊，公版教材能直接用嗎」 answered with the material: 「它」 is the material named
            entities = [e for e in entities if e[0] == "resource"]
        return certs or listed or entities

    def _the_one_before(self, text: str, topic: Topic) -> str | None:
        """「那「AI 服務開發」呢？跟剛剛差在哪？」: 「剛剛」 is the thing of the same kind the last answer was
        about, set beside the one the message names; None when the message is not of that form."""
        n = normalise(text)
        m = JUST_BEFORE.search(n)
        if m is None:
            return None
        named = [e for e in self.reader.entities(n) if e.start >= 0 and e.kind in LISTABLE]
        if len(named) != 1:
            return None
        earlier = [(k, key) for k, key, _ in topic.entities if k == named[0].kind and key != named[0].key]
        if len(earlier) != 1:
            return None
        one, other = self._name(named[0].kind, named[0].key), self._name(*earlier[0])
        return f"「{other}」跟「{one}」{n[m.end() :]}"  # in the order talked about (「後面那個」 is the new one)

    def _issuers_among(self, text: str, topic: Topic) -> str | None:
        """The one certificate of the last list (or of the answer's own) that the issuer the message names
        issues, when the answer's own certificates have none by it; None otherwise."""
        issuers = {e.key for e in self.reader.entities(normalise(text)) if e.kind == "issuer"}
        if not issuers:
            return None
        own = [key for kind, key, _ in topic.entities if kind == "cert"]
        if any(self.cat.certification(c).issuer in issuers for c in own):
            return None  # the answer's own certificates decide (`_described`)
        listed = [key for kind, key in topic.listed if kind == "cert"]
        matching = [c for c in listed if self.cat.certification(c).issuer in issuers]
        if not matching:  # "the Google one" after a list that has none of Google's: its only one in 表6
            matching = [c.id for c in self.cat.certifications if c.issuer in issuers]
        return matching[0] if len(matching) == 1 else None

    def _described(self, text: str, candidates: list[tuple[str, str, str]]) -> tuple[str, str] | None:
        """The one candidate a reference describes by part of its name (「美術設計那張」 among the lists's
        certificates): every run of two or more characters of the message found in exactly one candidate's
        name points at the same candidate. None when nothing, or more than one, is pointed at."""
        names = {(k, key): normalise(self._name(k, key)).replace(" ", "") for k, key, _ in candidates}
        for k, key, _ in candidates:  # 「程式那邊新增的那一項」: an item is described by its type's name too
            owner = self._type_of(k, key) if k == "item" else None
            if owner:
                names[(k, key)] += normalise(owner).replace(" ", "")
        message = SINGULAR.sub(" ", normalise(text)).replace(" ", "")
        # 「微軟那張」: an issuer named points at the one candidate it issues
        issuers = {e.key for e in self.reader.entities(normalise(text)) if e.kind == "issuer"}
        by_issuer = [c for c in names if c[0] == "cert" and self.cat.certification(c[1]).issuer in issuers]
        if issuers and len(by_issuer) == 1:
            return by_issuer[0]
        # 「工具類那張」: a category named points at the one candidate of that category
        categories = {e.key for e in self.reader.entities(normalise(text)) if e.kind == "cert_category"}
        by_category = [c for c in names if c[0] == "cert" and self.cat.certification(c[1]).category in categories]
        if categories and len(by_category) == 1:
            return by_category[0]
        roles = [key for k, key, _ in candidates if k == "role"]
        if len(roles) >= 2 and len(roles) == len(candidates):
            # 「其中做語言理解、聊天機器人的那個」: a listed role described by what it does (its duties and
            # skills), before any two characters it shares with a title (機器人 / 機器學習)
            role = self.roles.among(SINGULAR.sub(" ", normalise(text)), roles)
            if role is not None:
                return ("role", role.id)
        pointed: set[tuple[str, str]] = set()
        for size in range(2, min(len(message), 10) + 1):
            for start in range(len(message) - size + 1):
                run = message[start : start + size]
                holders = [c for c, name in names.items() if run in name]
                if len(holders) == 1:
                    pointed.add(holders[0])
        return next(iter(pointed)) if len(pointed) == 1 else None

    def _described_by_part(self, text: str, topic: Topic, recent: list[tuple[str, str]]) -> str:
        """The message with each 「…那張」 that describes one certificate by part of its name (「辦公室應用那張」)
        replaced by that certificate's name — among those listed or talked about first, else among all of
        表6 — and each 「…那一項」 that describes one competency item (「影像那一項」) by the item's name. The
        rest of the message is kept (「…呢？兩張都考的話…」 still asks its second question)."""
        out = normalise(text)
        if not self._names_cert(text):
            pool = [("cert", key, "") for kind, key in [*topic.listed, *recent] if kind == "cert"]
            pool += [("cert", key, "") for kind, key, _ in topic.entities if kind == "cert"]
            every = [("cert", c.id, "") for c in self.cat.certifications]
            out = self._replace_described(out, DESCRIBED_ONE, [list(dict.fromkeys(pool)), every])
            # (all of 表6 only when the message talks certificates: "the dev one" may be a talent category)
            out = self._replace_described_en(
                out, [list(dict.fromkeys(pool)), *([every] if CERT_WORD.search(out) else [])]
            )
        items = [("item", str(i.number), "") for t in self.cat.types for i in t.items]
        out = self._replace_described(out, DESCRIBED_ITEM, [items])
        return out if out != normalise(text) else text

    def _replace_described_en(self, text: str, pools: list[list[tuple[str, str, str]]]) -> str:
        """ "the engineer one", "the office cert": a certificate described by words of its name, replaced by
        the name — the first pool (those listed or talked about) where exactly one name has every word."""
        for m in reversed(list(DESCRIBED_ONE_EN.finditer(text))):
            words = m.group("words").lower().split()
            if any(w in NOT_DESCRIBING for w in words):
                continue  # "the other NVIDIA one", "the next iPAS exam": picked by order or contrast, not by name
            if any(e.kind != "cert" for e in self.reader.entities(normalise(m.group("words")))):
                continue  # "the LLM engineer one" is a role
            for pool in pools:
                names = {key: self._cert_words(key) for k, key, _ in pool if k == "cert"}
                found = [
                    key for key, name in names.items() if all(re.search(rf"\b{re.escape(w)}", name) for w in words)
                ]
                if len(found) == 1:
                    text = f"{text[: m.start()]}「{self._name('cert', found[0])}」{text[m.end() :]}"
                    break
                if found:
                    break  # several of those talked about fit: not for a larger pool to decide
        # "and the other one, the Practitioner — what does it give?": one word of a listed name, after "the"
        names = {key: self._cert_words(key) for k, key, _ in (pools[0] if pools else []) if k == "cert"}
        described = [(d.start(), d.end()) for d in DESCRIBED_ONE_EN.finditer(text)]
        for m in reversed(list(THE_WORD_EN.finditer(text))):
            word = m.group("word").lower()
            if word in NOT_DESCRIBING or word in EN_STOPWORDS or any(a <= m.start() < b for a, b in described):
                continue
            if any(e.kind == "issuer" for e in self.reader.entities(word)):
                continue  # "the Microsoft…": a vendor issues several
            found = [key for key, name in names.items() if re.search(rf"\b{re.escape(word)}\b", name)]
            if len(found) == 1 and len(names) >= 2:
                text = f"{text[: m.start()]}「{self._name('cert', found[0])}」{text[m.end() :]}"
        return text

    def _cert_words(self, cert_id: str) -> str:
        """A certificate's names in every form the catalog gives (English ones included), lower case."""
        c = self.cat.certification(cert_id)
        return " ".join([c.name, c.name_en, *c.aliases]).lower()

    def _replace_described(self, text: str, pattern: re.Pattern[str], pools: list[list[tuple[str, str, str]]]) -> str:
        """Each match of `pattern` whose words describe one candidate (the first pool that has one) replaced
        by the candidate's name; only the words that describe it are replaced (「如果我考到辦公室應用那張」
        keeps 「如果我考到」)."""
        for m in reversed(list(pattern.finditer(text))):
            words = m.group("words")
            if self.reader.entities(words):
                continue  # 「素養類裡微軟的那張」: words that name a category or an issuer are read elsewhere
            found = next((f for pool in pools if (f := self._described(words, pool)) is not None), None)
            if found is None:
                continue
            name = normalise(self._name(*found)).replace(" ", "")
            only = [(found[0], found[1], "")]
            start = next(i for i in range(len(words) - 1, -1, -1) if self._described(words[i:], only))
            while start > 0 and words[start - 1] in name:
                start -= 1
            text = f"{text[: m.start('words') + start]}「{self._name(*found)}」{text[m.end() :]}"
        return text

    def _within_vendor(self, text: str, topic: Topic) -> str | None:
        """「AWS Certified AI Practitioner 是哪一類？」→「那 Machine Learning Engineer 呢？」: when the last
        topic was a certification and the follow-up names no certification itself, read it with that
        certification's vendor (it may also name a role: the certificate reading wins here)."""
        certs = [key for kind, key, _ in topic.entities if kind == "cert"]
        if not certs or not CERT_FORWARD.match(normalise(text)) or self._names_cert(text):
            return None
        if re.search(r"(哪些|哪幾|有幾|哪張|哪一張|考哪|\bwhich ones\b|\bwhat others\b)", normalise(text)):
            return None  # 「那資策會有哪些是工具類的？」「那工具類要考哪張」 ask which, not for one more certificate
        if any(e.kind == "issuer" for e in self.reader.entities(normalise(text))):
            return None  # 「那台灣人工智慧學校的呢？」 names another issuer: not one more of this vendor's
        issuer = self.cat.certification(certs[-1]).issuer
        rest = CERT_FORWARD.sub("", normalise(text))
        for vendor in [f.text for f in self.reader.forms if f.kind == "issuer" and f.key == issuer and f.latin]:
            candidate = normalise(f"{vendor} {rest}")
            entities = self.reader.entities(candidate)
            found = [e for e in entities if e.kind == "cert"]
            found += self.reader.certs_by_similar_name(candidate, entities)
            found += self.reader.certs_by_issuer_words(candidate, entities)
            keys = list(dict.fromkeys(e.key for e in found if e.key not in certs))
            if len(keys) == 1:
                return f"那「{self.cat.certification(keys[0]).name}」呢？"
        return None

    def _issuers_other(self, text: str, talked: set[str] | frozenset[str] = frozenset()) -> str | None:
        """The other certificate of an issuer in 表6, when the message names the issuer and all its others —
        or names the issuer only, all but one of its certificates having been talked about or listed ("the other
        NVIDIA one", "the other AWS one" after its three 專案類 ones)."""
        n = normalise(text)
        entities = self.reader.entities(n)
        named = {e.key for e in [*entities, *self.reader.certs_by_issuer_words(n, entities)] if e.kind == "cert"}
        # the issuer must qualify 「另一張」 itself ("the other NVIDIA one", 「NVIDIA 的另一張」), not be named
        # in a clause of its own (「iPAS 那張我知道是經濟部的，另一張是哪一類」)
        other = OTHER_ONE.search(n)
        said = {
            e.key
            for e in entities
            if e.kind == "issuer"
            and other is not None
            and (
                other.end() <= n.find(e.surface) <= other.end() + 3
                or 0 <= other.start() - (n.find(e.surface) + len(e.surface)) <= 3
            )
        }
        named |= {c for c in talked if self.cat.certification(c).issuer in said} if not named else set()
        issuers = {e.key for e in entities if e.kind == "issuer"} | {self.cat.certification(c).issuer for c in named}
        for issuer in issuers:
            certs = [c.id for c in self.cat.certifications if c.issuer == issuer]
            # ("the other AWS one" after three of its four were listed: the one left)
            if len(set(certs) - named) == 1 and set(certs) & named:
                return next(c for c in certs if c not in named)
        return None

    def _named_among(self, text: str, pool: list[tuple[str, str]]) -> set[tuple[str, str]]:
        """The members of `pool` a message names, by name or (certificates) by their issuer."""
        entities = self.reader.entities(normalise(text))
        named = {(e.kind, e.key) for e in entities} & set(pool)
        issuers = {e.key for e in entities if e.kind == "issuer"}
        named |= {(k, key) for k, key in pool if k == "cert" and self.cat.certification(key).issuer in issuers}
        return named if len(named) < len(pool) else set()

    def _sibling(self, cert_id: str, level: str) -> str | None:
        name = self.cat.certification(cert_id).name
        for other in ("初級", "中級", "高級"):
            if other in name and other != level:
                candidate = name.replace(other, level)
                if any(c.name == candidate for c in self.cat.certifications):
                    return candidate
        return None

    def _the_remaining(self, text: str, topic: Topic, recent: list[tuple[str, str]]) -> tuple[str, str] | None:
        """「另一型呢」「剩下另外一類呢」: of a kind with few members (the archetypes, talent categories,
        certificate categories, materials), the one member not yet talked about — a role talked about
        counts its archetype (「行銷專員」 is AI 加值型). None unless exactly one is left."""
        m = OTHER_ONE.search(normalise(text))
        if m is None:
            return None
        talked = {(k, key) for k, key, _ in topic.entities} | set(recent) | set(topic.listed)
        # (a role only listed, 「常見職稱」 of both archetypes, says nothing of which archetype was meant)
        for kind, key in {(k, key) for k, key, _ in topic.entities} | set(recent):
            if kind == "role":
                role = next((r for r in self.cat.role_list if r.id == key), None)
                if role is not None and role.archetype:
                    talked.add(("archetype", role.archetype))
        measure = m.group(0)[-1]  # (「另一個」 of a kind with more than two is left to the list shown)
        kinds = MEASURE_KINDS.get(measure) or tuple(dict.fromkeys(k for k, _ in talked))
        # "and the other type?" after 加值型: the noun says a kind of few members is meant, like 「另一型」
        english = re.search(r"\bthe other (type|kind|category|sub-?type|archetype)\b", normalise(text))
        for kind in kinds:
            members = self._members(kind)
            said = [x for x in members if x in talked]
            left = [x for x in members if x not in talked]
            # 「另一型」 of two, or 「剩下的」 of three after two were talked about
            if said and len(left) == 1 and (measure in MEASURE_KINDS or "剩下" in m.group(0) or english):
                return left[0]
        return None

    def _members(self, kind: str) -> list[tuple[str, str]]:
        """Every entity of a kind with few members, for 「另一個」 (the other of two)."""
        keys = {
            "resource": [r.name for r in self.cat.resources.resources],
            "archetype": [a.name for a in self.cat.roles.application_archetypes],
            "cert_category": [c.name for c in self.cat.cert_categories.categories],
            "talent": [t.name for t in self.cat.talent.categories],
            "rai": [d.name for d in self.cat.responsible_ai.dimensions],
        }.get(kind, [])
        return [(kind, k) for k in keys]

    def _names_cert(self, text: str) -> bool:
        return any(e.kind == "cert" for e in self.reader.entities(normalise(text)))

    def _names_thing(self, text: str) -> bool:
        """Whether the message names a thing a pronoun could stand for; a category or a type it names is
        what is asked about the thing (「TQC 那張不是工具類嗎？」), not another thing."""
        attributes = ("cert_category", "type", "item")  # (「這種人需要寫程式嗎」: 寫程式 is what is asked)
        return any(e.kind in LISTABLE and e.kind not in attributes for e in self.reader.entities(normalise(text)))

    def _clarify(self, candidates: list[tuple[str, str, str]], topic: Topic, said: str | None = None) -> Reply:
        lang = "en" if (said or topic.lang) == "en" else "zh"  # (in the language of the message asked)
        buttons = [[Button(self._name(k, key)[:60], f"r:-:{i}")] for i, (k, key, _) in enumerate(candidates[:6])]
        return Reply(t("which_one", lang), buttons)

    def clarified(self, ds: DialogueState, index: int, lang: Lang) -> list[Reply]:
        """The tap on a clarifying question: answer the last question about the chosen entity."""
        topic = ds.topic or Topic()
        candidates = self._candidates(topic)
        if not 0 <= index < len(candidates):
            return [Reply(t("stale_button", lang))]
        kind, key, surface = candidates[index]
        context = {"entities": [(kind, key, surface)], "intents": list(topic.intents)}
        answer = self.advisor.respond(f"那「{self._name(kind, key)}」呢？", context)
        ds.topic = self._topic(answer, topic)
        return [Reply(answer.text)]

    # ------------------------------------------------------------------ helpers
    def _topic(
        self, answer: Any, previous: Topic, selection: bool = False, picked: list[tuple[str, str]] | None = None
    ) -> Topic:
        context = answer.context or {}
        entities = [tuple(e) for e in context.get("entities", [])]
        if not entities and not answer.answered:
            return previous  # a decline keeps what the conversation was about
        picked = self._picked_one(answer) if answer.rule == "query.classify_named_certs" else None
        if picked is not None:
            entities = [("cert", picked, self._name("cert", picked))]  # 「其中 1 張屬於專案類：「X」」→「它」 is X
        named = self._named_list(entities)
        picked_from_list = selection and (bool(picked) or bool(named) and bool(set(named) & set(previous.listed)))
        if selection and set(named) <= set(previous.listed):
            named = []  # 「前兩個分別是誰辦的」: a selection from the last list leaves that list to count over
        inline = self._inline_listed(answer.text)
        if selection and previous.listed and inline and inline[0][0] != "cert":
            inline = []  # 「第三個」 answered with a type's items: 「那第五個呢」 still counts over the list before
        shown = self._listed(self._first_list(answer.text))
        if picked_from_list and shown and {k for k, _ in shown} == {k for k, _ in previous.listed}:
            # 「第二張怎麼不是專案類？」 over the three held, answered with the category's list: 「那第一張呢」
            # still counts over the three
            shown = []
        listed = shown or inline or self._paragraphs_listed(answer.text) or named
        steps = re.findall(r"^\s*(?:[(（]\d+[)）]|\d+[.、)]\s)", answer.text, re.MULTILINE)
        if not listed and (selection or len(steps) < 2):
            # (an answer with a list of its own that names nothing countable — 「(1) 盤點…(2) 識別風險…」 — is
            # what 「第二步」 counts over next, not the list before it)
            listed = previous.listed
        asked_order = self._named_list([tuple(e) for e in context.get("entities", [])])
        if answer.rule == "query.classify_named_certs" and len(asked_order) >= 2 and set(asked_order) == set(listed):
            listed = (
                asked_order  # (「這三張裡哪張是工具類」→「第一張的全名」: the first the user named, not the one picked)
            )
        lang = answer.lang if answer.lang in ("zh-TW", "zh-CN", "en") else "zh-TW"
        intents = context.get("intents", [])
        return Topic(entities=entities, intents=intents, listed=listed, lang=lang, rule=answer.rule or "")

    def _picked_one(self, answer: Any) -> str | None:
        """The one certificate an answer's first line picks out of those it classifies, or None."""
        quoted = re.findall(r"「([^」]+)」", answer.text.split("\n", 1)[0])
        certs = [e.key for q in quoted for e in self.reader.entities(normalise(q)) if e.kind == "cert"]
        return certs[0] if len(quoted) == 1 and len(set(certs)) == 1 else None

    def _listed(self, bullets: list[str]) -> list[tuple[str, str]]:
        """The things a list names, in the order shown: what 「第二個」 counts over. A list is bullets naming
        things of one kind (certificates, types…); bullets of mixed things (「• 初階・證照累積張數：工具類1張」
        then 「• 初階・課程受訓累積時數：AI 應用素養18小時」) are no list to count over."""
        firsts = [next((e for e in self.reader.entities(normalise(b)) if e.kind in LISTABLE), None) for b in bullets]
        kinds = [e.kind for e in firsts if e is not None]
        if len(bullets) == 1 and kinds == ["cert"]:  # a list of one certificate: 「那張」 is it
            return [(firsts[0].kind, firsts[0].key)]  # type: ignore[union-attr]
        if len(bullets) < 2 or not kinds:
            return []
        kind = max(set(kinds), key=kinds.count)
        items = list(dict.fromkeys((e.kind, e.key) for e in firsts if e is not None and e.kind == kind))
        return items if len(items) >= 2 and kinds.count(kind) * 3 >= len(bullets) * 2 else []

    @staticmethod
    def _named_list(entities: list[tuple[str, ...]]) -> list[tuple[str, str]]:
        """「iPAS 中級 跟 TQC+ 機器學習 分別是哪一類？」→「第二張是哪個單位辦的？」: with no list in the answer,
        the things of one kind the question named, in the order named, are what an ordinal counts over."""
        by_kind: dict[str, list[tuple[str, str]]] = {}
        for kind, key, *_ in entities:
            if kind in LISTABLE and (kind, key) not in by_kind.setdefault(kind, []):
                by_kind[kind].append((kind, key))
        several = [items for items in by_kind.values() if len(items) >= 2]
        return several[0] if len(several) == 1 else []

    def _inline_listed(self, text: str) -> list[tuple[str, str]]:
        """Things an answer lists in a line, in the order shown: certificates (「表6 的素養類認證：A、B、C」),
        what 「有國內的嗎」「微軟那張」 refer to when the answer has no bulleted list; else a type's items
        (「能力項目：8. AI 協作與開發（…）、9. 程式應用（…）」), what 「第一個是新的嗎」 counts over. Types or
        categories named in passing (「對應的能力類型：AI 工具應用、AI 程式語言應用」) are no list it gives,
        nor the facts an answer was computed from (「依您提供的：證照 A、B」)."""
        certs: list[tuple[str, str]] = []
        items: list[tuple[str, str]] = []
        role_lists: list[list[tuple[str, str]]] = []
        for line in text.split("\n"):
            if ECHO.match(line):
                continue
            head, sep, rest = line.partition("：")
            if sep and "、" in rest:
                names = [p.strip(" 。") for p in rest.split("、")]
                found = [self.reader.entities(normalise(n)) for n in names]
                keys = [f[0].key for f in found if f and f[0].kind == "cert"]
                if len(keys) >= 2 and len(keys) * 3 >= len(names) * 2:
                    certs += [("cert", k) for k in keys if ("cert", k) not in certs]
            for part in line.split("。"):
                head, sep, rest = part.partition("：")
                if not sep or "、" not in rest:
                    continue
                names = [re.sub(r"[（(][^）)]*[）)]", "", p).strip(" 。") for p in _top_level_split(rest)]
                firsts = [self._first_listable(n) for n in names]
                found_items = [e for e in firsts if e is not None and e[0] == "item"]
                if len(found_items) >= 2 and len(found_items) * 3 >= len(names) * 2:
                    items += [k for k in found_items if k not in items]
                # one archetype's example titles (「常見職稱範例：AI 應用規劃師、AI 解決方案顧問、…」)
                found_roles = [e for e in firsts if e is not None and e[0] == "role"]
                if len(found_roles) >= 2 and len(found_roles) * 3 >= len(names) * 2:
                    role_lists.append(found_roles)
        # (titles of two archetypes side by side are no one list: 「另外一種」 then means the other archetype)
        return certs or items or (role_lists[0] if len(role_lists) == 1 else [])

    def _first_listable(self, name: str) -> tuple[str, str] | None:
        e = next((e for e in self.reader.entities(normalise(name)) if e.kind in LISTABLE), None)
        return (e.kind, e.key) if e is not None else None

    def _paragraphs_listed(self, text: str) -> list[tuple[str, str]]:
        """Things an answer gives a paragraph each, opening with the name (「「好好用 AI 素養教材」由…」, then
        「「AI 產業人才賦能公版教材」由…」): 「第一個」「第二份」 "the first one" count over them in that order."""
        # (English answers open the paragraph with the name in straight quotes: "好好用 AI 素養教材" (…) by …)
        opening = r'(?m)^(?:「([^」]{2,40})」|"([^"]{2,40})")'
        firsts = [self._first_listable(m.group(1) or m.group(2)) for m in re.finditer(opening, text)]
        kinds = [e[0] for e in firsts if e is not None]
        if len(kinds) < 2 or len(set(kinds)) != 1 or kinds[0] == "cert":
            return []  # (certificates a question named are counted in the order it named them)
        return list(dict.fromkeys(e for e in firsts if e is not None))

    @staticmethod
    def _first_list(text: str) -> list[str]:
        """The bullets of the answer's first list: quoted passages after it (「依指引：」) are not what
        「最後一個」 counts over."""
        bullets: list[str] = []
        for line in text.split("\n"):
            if line.lstrip().startswith("•"):
                bullets.append(line)
            elif bullets:
                break
        return bullets

    def _name(self, kind: str, key: str) -> str:
        if kind == "cert":
            return self.cat.certification(key).name
        if kind == "role":
            return next(r.name for r in self.cat.role_list if r.id == key)
        if kind == "item":
            return next(i.name for t in self.cat.types for i in t.items if str(i.number) == key)
        return key

    def _ordinal_only_marks(self, text: str, m: re.Match[str]) -> bool:
        """An ordinal alone in its clause (「回到第一個，…」), before a clause that names something of the
        guideline itself, marks where the conversation goes back to; it is not the subject asked about."""
        head = BACK_TO.sub("", text[: m.start()]).strip(" ,，")
        after = text[m.end() :]
        if head or not re.match(r"\s*[,，、:：]", after):
            return False
        if self.reader.entities(after):
            return True
        # …or a whole question of its own (「，AI 的風險指引分成哪三類？」): a question word and enough words
        return bool(QUESTION_WORD.search(after)) and len(re.sub(r"\W", "", after)) >= WHOLE_QUESTION_CHARS

    @staticmethod
    def _ordinal_range(m: re.Match[str], size: int) -> list[int]:
        """The list positions 「最後兩個」/「前三張」/"the first two" stand for (none if the list is shorter)."""
        token = m.group(2) or m.group(5)
        n = int(token) if token.isdigit() else ORDINAL_WORDS_COUNT.get(token) or int(chinese_number(token) or 0)
        if not 2 <= n <= size:
            return []
        from_end = (m.group(1) or m.group(4)) in ("最後", "後", "last")
        return list(range(size - n, size)) if from_end else list(range(n))

    @staticmethod
    def _ordinal(m: re.Match[str]) -> int | None:
        token = next(
            (g for g in m.groups() if g and (g.isdigit() or g in ORDINAL_WORDS or g == "last" or chinese_number(g))),
            None,
        )
        if "最後" in m.group(0) or token == "last":
            return -1
        if token is None:
            return None
        n = int(token) if token.isdigit() else ORDINAL_WORDS.get(token) or int(chinese_number(token) or 0)
        if "倒數" in m.group(0):
            return -n if n >= 1 else None  # 「倒數第二個」: counted from the end
        return n - 1 if n >= 1 else None

    def _learning_plan(
        self, ds: DialogueState, ex: Extracted, updated: StatedProfile, n: str, answer_lang: str, lang: Lang
    ) -> Reply | None:
        """A learning plan when one is asked for: plan words, or how to become a role or a talent category.
        The facts the message states are kept (unless supposed); the target must be one the data names."""
        found = target_mentioned(n, self.cat)
        if found is not None and found.target.kind == "role":
            # (「中級太難先不考了…離工具應用進階還差多少」: a role's name inside a certificate's name is no aim)
            blanked = self.situation.certificates_unnamed(n)
            if blanked != n:
                n, found = blanked, target_mentioned(blanked, self.cat)
        wished_for = found is not None and bool(WISHED_BEFORE.search(n[: found.start]))
        route = plan_route(n)
        # soon after a plan: 「只想考證照呢」 narrows it, a corrected fact re-plans it, 「改成開發人才」 re-aims it
        after_plan = ds.plan is not None and ds.turn - ds.plan.turn <= PLAN_FOLLOW_TURNS
        same = after_plan and found is not None and ds.plan.target.startswith(found.target.name)  # type: ignore[union-attr]
        one_type = ds.situation_types[0] if len(ds.situation_types) == 1 and not updated.is_empty() else None
        # a type named in a follow-up (「素養課的時數可以同時算進工具應用嗎」) is a detail of the plan, not a new aim
        detail = found is None or same or (found.target.kind == "type" and not self._several_types(n))
        # (「我現在離工具應用進階還差多少小時」: a type with its level named is an aim of its own, not a detail)
        leveled = found is not None and (
            bool(found.target.level) or bool(re.match(r"\s*(的)?\s*(進階|初階|具備)", n[found.end :]))
        )
        detail = detail and not (found is not None and found.target.kind == "type" and leveled)
        # 「那改成只考一張證照呢」 changes the route; 「改成 AI 模型訓練呢」 the aim: a target named to switch to
        retarget = (
            found is not None and not same and (bool(PLAN_SWITCH.search(n)) or self._several_types(n) or wished_for)
        )
        done = PLAN_DONE.search(n) and PLAN_STATUS.search(n)
        if after_plan and detail and not retarget and done and not ex.has_facts:
            # 「剛剛那個上課的方案做完，AI 服務開發也具備了嗎」: what the plan leads to, for what is asked
            return self._after_plan(ds, n, updated, route, answer_lang, lang)
        if ds.hypothesis is not None and SAME_HYPOTHESIS.search(n) and not retarget:
            return None  # 「照剛剛那個計畫，再多排 6 小時」: the what-if just computed goes on, no plan asked
        if after_plan and detail and not retarget:
            # 「工具方面我上過 RPA 16 小時…」 right after a plan: facts stated (and nothing asked) re-plan it
            more_facts = ex.has_facts and not ex.hypothetical and not QUESTION_MARKERS.search(n)
            # (a correction re-plans only right after the plan: after another result it corrects that one)
            last_was_plan = ds.topic is not None and ds.topic.rule == LEARNING_PLAN and not ds.situation_types
            corrects_plan = ex.correction and last_was_plan
            if not (route != "any" or corrects_plan or PLAN_REDO.search(n) or more_facts and last_was_plan):
                return None
            if self._names_cert(n) and not ex.correction and not PLAN_WORDS.search(n):
                return None  # 「打算把美術設計的初級跟中級都考，算兩張嗎」 asks about those certificates
            target = parse_target(ds.plan.target, self.cat)  # type: ignore[union-attr]
            route = ds.plan.route if route == "any" else route  # 「記錯了，是 10 小時」 keeps the route asked for
        elif found is None:
            # (「如果全部靠上課，一個人最少要上幾小時？」 right after what a category or type takes: toward it)
            least = (
                MINIMUM.search(n)
                and HOURS_ASKED.search(n)
                and not LEVEL_NAMED.search(n)  # (「那進階呢，總共最少幾小時」 swaps the level of the look-up)
                and not self.reader.entities(n)
                # (「如果不考照、純上課…最少要幾小時」 a look-up after the aim was talked about: a route keeps it)
                and (self._talked_last(ds, ("role", "talent", "type")) or bool(ROUTE_SAID.search(n)))
            )
            aim = self._aim_talked_about(ds) if (PLAN_UNAIMED.search(n) or least) and not ex.has_facts else None
            if aim is not None:
                # 「那我第一年的學習該怎麼排，先拿什麼？」 after talking about becoming an AI 產品經理: the plan
                # toward what the conversation is about
                target = aim
            elif route == "any" or one_type is None or not MINIMUM.search(n):
                return None  # (「他素養課再補幾小時就夠了」 is the gap of the result just shown)
            else:
                # 「最少要幾小時？」 right after a result about one type: the plan to its next level, on that route
                target = parse_target(one_type, self.cat)
        else:
            switched = after_plan and (bool(PLAN_SWITCH.search(n)) or wished_for)
            # (「AI 完全零基礎，想先拿到 AI 應用素養，最快的辦法是啥」: nothing held yet, the quickest way is a plan)
            from_nothing = updated.is_empty() and wished_for and bool(FASTEST_WAY.search(n))
            if not (asks_for_plan(n, found, self.cat, ex.hypothetical and ex.has_facts) or switched or from_nothing):
                return None  # 「AI 工具應用進階要幾小時」 is a gap question: the situation answer gives the steps
            target = self._types_target(n) or target_here(n, found, self.cat)
            if target is None:
                return None
            if switched and route == "any" and ds.plan is not None:
                route = ds.plan.route  # 「那改成開發人才呢」 keeps 「只考證照」 asked before
        if ex.has_facts and not ex.hypothetical:
            ds.profile = updated
        profile = parse_profile(updated.profile_json(), self.cat)
        plan_lang = "en" if answer_lang == "en" else "zh"
        label = f"{target.name} {target.level}" if target.level else target.name
        ds.plan = PlanContext(target=label, route=route, turn=ds.turn)  # type: ignore[arg-type]
        built = build_learning_plan(profile, target, self.cat)
        text = render_plan(built, plan_lang, route)
        pace = self.facts.pace(n)
        by_courses = [c.option.hours for c in built.options if c.option.certificates == 0 and c.option.hours > 0]
        if pace is not None and by_courses and route != "certificate":
            # 「每週只能擠 4 小時上課，最快幾週？」: the plan's fewest course hours over the pace, first
            rule = "the course plan below" if plan_lang == "en" else "依下方方案"
            text = f"{span_line(label, min(by_courses), pace, plan_lang, rule)}\n\n{text}"
        intro = target_intro(target, self.cat, plan_lang)
        text = f"{intro}\n\n{text}" if intro else text
        if updated.is_empty():
            text = f"{t('plan_from_nothing', plan_lang)}\n{text}"
        else:
            text = f"{self.situation.echo(updated, answer_lang)}\n\n{text}"
        text = to_simplified(text) if answer_lang == "zh-CN" else text
        ds.topic = Topic(entities=[], intents=["learning_plan"], turn=ds.turn, rule=LEARNING_PLAN)
        return Reply(text, self._profile_buttons(lang))

    @staticmethod
    def _talked_last(ds: DialogueState, kinds: tuple[str, ...]) -> bool:
        """Whether the answer just given was about an entity of one of `kinds`."""
        topic = ds.topic
        return topic is not None and topic.turn >= ds.turn - 1 and any(e[0] in kinds for e in topic.entities)

    def _paced_types(self, text: str, shown: list[str] | None) -> list[str] | None:
        """「If Tom does 3 hours a week of coding-assistant training, how many weeks…」: the type whose courses
        are paced, when the types carried over from the result before are others (no type named here)."""
        pace = self.facts.pace(text)
        if pace is None or not pace.area or self.situation.asked_types(text)[0]:
            return shown
        own = self.situation.types_of_areas([pace.area])
        return shown if set(own) & set(shown or []) else own or shown

    def _aim_talked_about(self, ds: DialogueState) -> Target | None:
        """The role, talent category or competency type the conversation talked about last: what a plan asked
        for without an aim of its own is toward."""
        for kind, key in reversed(ds.mentioned):
            if kind in ("role", "talent", "type"):
                try:
                    return parse_target(self._name(kind, key), self.cat)
                except ProfileError:
                    continue
        return None

    def _after_plan(
        self, ds: DialogueState, n: str, updated: StatedProfile, route: str, answer_lang: str, lang: Lang
    ) -> Reply:
        plan = ds.plan
        assert plan is not None
        route = plan.route if route == "any" else route
        target = parse_target(plan.target, self.cat)
        profile = parse_profile(updated.profile_json(), self.cat)
        named = all_targets(n, self.cat)
        types = [x.target.name for x in named if x.target.kind == "type"]
        categories = [x.target.category for x in named if x.target.kind == "category" and x.target.category]
        plan_lang = "en" if answer_lang == "en" else "zh"
        text = render_after(
            build_learning_plan(profile, target, self.cat), profile, route, types, categories, plan_lang
        )
        text = to_simplified(text) if answer_lang == "zh-CN" else text
        ds.topic = Topic(entities=[], intents=["learning_plan"], turn=ds.turn, rule=LEARNING_PLAN)
        return Reply(text, self._profile_buttons(lang))

    def _several_types(self, n: str) -> bool:
        return self._types_target(n) is not None

    def _types_target(self, n: str) -> Target | None:
        return several_types(n, self.cat)

    def _answer_language(self, text: str, lang: Lang) -> str:
        """Chinese as soon as the sentence has Chinese in it (names of certificates are often English)."""
        if lang == "en" and len(re.findall(r"[A-Za-z]{3,}", text)) >= 3:
            return "en"  # the message read as English before names were put in (`on_message`)
        detected = detect_language(text)
        if reads_as_english(text):
            return "en"
        # guideline names (「AI 工具應用」) do not make a sentence Chinese
        rest = without_names(normalise(text), self.reader.entities(normalise(text)))
        if re.search(r"[\u3400-\u9fff]", rest):
            return "zh-CN" if detected == "zh-CN" else "zh-TW"
        return "en" if re.search(r"[A-Za-z]{3,}", text) else ("en" if lang == "en" else "zh-TW")

    def _profile_buttons(self, lang: Lang) -> list[list[Button]]:
        return [[Button(t("continue_assess", lang), "s:-:assess"), Button(t("profile_clear", lang), "s:-:clear")]]

    # ------------------------------------------------------------------ /profile and /assess
    def profile_view(self, ds: DialogueState, lang: Lang) -> Reply:
        if ds.profile.is_empty():
            return Reply(t("profile_empty", lang))
        return Reply(self.situation.echo(ds.profile, "en" if lang == "en" else "zh-TW"), self._profile_buttons(lang))

    def prefill(self, flow: FlowState, profile: StatedProfile) -> None:
        """The guided assessment starts at its review step with the facts stated in chat."""
        data = profile.profile_json()
        flow.selected = list(data["certifications"])
        flow.declared = list(data["self_declared"])
        flow.hours = {area: h.hours for area, h in profile.hours.items()}
        flow.step = Step.REVIEW
