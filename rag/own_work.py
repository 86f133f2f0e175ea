"""Which talent category (and which 表7 role) the work a person describes fits.

Why: 「我是事務所的會計，每天用 Copilot 做報表摘要，我算什麼類型？」 names no role of 表8/表9 and no
competency type, so the catalog views had nothing to go on and answered with whatever the words
touched (資料分析師 for 「報表」, the manufacturing rows for 「工廠」). The person's own words are the
evidence: each talent category lists the everyday words of its 表1 duties (`work_signals` in
talent_categories.yaml), the tools they name belong to 表5 types of a category, and an AI role of
表8/表9 they say they hold is its category. The category with the most evidence wins; the evidence is
reported with the answer so it can be checked. The embedding model was tried for this and separated
the categories by 0.01–0.03 in cosine similarity (a backend engineer came out 加值型), so it is not used.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from knowledge.catalog import Catalog
from knowledge.models import CompetencyType, Role
from rag.lexical import tokens
from rag.textnorm import normalise
from rag.understanding import Entity

# A person describing their own work: 「我是…」「我在…做…」「我平常…」 "I'm a …", "I work …".
SELF_WORK = re.compile(
    r"(我是|我在|我目前|我現在|我平常|我每天|我主要|我的工作|我負責|我們公司|本身是|我讀|我念|平常|每天|上班"
    # a job described in an ad is work described too: 「職缺寫要會 fine-tuning」
    r"|職缺|徵才|招募|招聘|\bjd\b|\bjob (ad|post|posting|opening|description)\b"
    r"|我.{0,3}(不會|會用|用)|自己(做|訓練|開發|建|寫)|背景(來說|而言|的話|的人|的)|我比較像|像我這(種|樣)"
    # work one would move to: 「那如果我轉去幫公司規劃導入 AI 呢」
    r"|我(轉去|改去|換去|調去|轉做|改做|換做|轉到|調到|之後去|想去)"
    # someone's use of AI described: 「店員主要是想用 AI 翻譯英文菜單、寫 IG 貼文」
    r"|(想|要|主要是|打算|會)(用|拿)\s*ai\s*(來)?(翻譯|寫|做|整理|生成|產生|剪|畫|摘要)"
    # a person described by the work they do: 「要幫我們規劃導入流程、評估痛點的人，又是哪一種」
    r"|(做|負責|幫|要|會|專門|在)[^，。？?]{4,40}的(人|同事|員工|那種人|角色)[，,]?\s*(又|那)?(是|算|屬於|叫|呢)"
    # a kind of work named by what it builds: 「推薦系統那種工作要找什麼職稱的人」
    r"|(那種|這種|那類|這類|之類的?)(工作|職務|職缺|專案)|的那一?(類|種|型)(人才|人)?"
    # someone sought for a work: 「想找能做詐騙偵測模型的人」
    r"|(找|徵|招|聘|需要)[^，。？?]{0,4}(能|會)?(做|負責|開發|建)[^，。？?]{2,30}的(人|人才)"
    r"|\bi'?m an?\b|\bi am an?\b|\bi work\b|\bmy job\b|\bi use\b|\bi study\b"
    r"|\bi'?m (doing|studying|pursuing|working on|taking)\b|\bi am (doing|studying|pursuing|working on)\b)"
)
# …and asking where that puts them: 「我算哪一種人才」「這樣我算什麼類型」「對應什麼」 "which category am I".
CLASSIFY_ME = re.compile(
    r"(算(是)?(哪|什麼)|屬於(哪|什麼)|對應(到)?(什麼|哪)|是(哪|什麼)(一)?(種|類|型)|哪一?(種|類|型)(的)?(人才|能力)"
    r"|(哪|什麼)(一)?(種|類|型)(人才)?(呢|嗎)?\s*[?？]?$"
    r"|叫什麼|叫做什麼|稱為什麼|\b(which|what) (talent|category|type|kind)\b|\bwhere do i (fit|belong)\b"
    r"|\bwhere (would|does|do|should|might) (someone|somebody|people|a person) like (me|us|him|her) (fit|belong)\b"
    r"|\bwhere (would|should|might) (i|he|she|we) (fit|belong)\b"
    # 「我算應用人才還是開發人才」: two placements offered to choose from
    r"|(算|屬於)(是)?[^，。？?]{1,12}?還是"
    r"|\bwhat is (it|that) called\b|比較(像|接近|貼近|偏)[^，。？?]{0,12}(哪|什麼))"
)
# 「這樣算 AI 人才嗎」「也算AI人才嗎」「算不算AI人才」 "does that count as AI talent": a yes/no placement,
# answered with the category the work fits and what 表5 takes to reach that category's indicators
COUNTS_AS = re.compile(
    r"(算(不算|是)?(?:(?!哪|什麼|甚麼|幾)[^，。？?]){0,8}?\s*(ai)?\s*(人才|應用人才|開發人才)(嗎|了嗎|吧|呢|喔|哦|嘛|了沒|\s*[?？])"
    r"|是不是\s*(ai)?\s*(人才|應用人才|開發人才)"
    r"|\b(count|counts|qualify|qualifies) as (an? )?ai (talent|professional)|\bam i (an? )?ai talent\b)"
)
CLASSIFY_ME = re.compile(f"{CLASSIFY_ME.pattern}|{COUNTS_AS.pattern}")
# 「這種能力算哪一個能力項目」 asks for a competency item or type, not for a talent category.
ASKS_ITEM = re.compile(
    r"(項目|能力類型|什麼能力|哪(一)?.能力|的能力|些能力|種能力|哪一?項|\b(competency|item|skill)\b)"
)
# The work one wants: 「想轉去做…」「想當…」 "I want to become …"
ASPIRE = re.compile(
    r"(想要?(轉去|轉到|轉職|轉|當|成為|做|走)|打算(轉|當|做)|\bwant to (become|be|move into|switch to)\b)"
)
# what one says one does not do: 「不用寫程式」「沒有在訓練模型」 "I don't code", "never train models"
NEGATED_CJK = re.compile(r"(不|沒|沒有|無|免|別)(用|會|需|需要|必|太|在|再)?(自己)?$")
NEGATED_LATIN = re.compile(r"\b(don't|do not|doesn't|does not|didn't|never|not|no|zero|neither|nor)\s+(\w+\s+)?$")
# The category order when the evidence ties: the more specific work first.
TIE_ORDER = ("AI 研究人才", "AI 開發人才", "AI 應用人才")
APPLICATION = "AI 應用人才"  # the category whose roles 表7 names (AI 加值型 / AI 導入型)


@dataclass(frozen=True)
class WorkReading:
    talent: str
    archetype: str | None  # 表7 role when the category is AI 應用人才
    evidence: tuple[str, ...]  # the words and names that decided it, as the person wrote them
    tools: tuple[str, ...]  # 表5 reference tools the person named


def _found(text: str, signals: dict[str, list[str]]) -> dict[str, list[str]]:
    """Signals present in `text`, longest first and never overlapping: 「不會寫程式」 is read before
    「寫程式」 can be, so a person who cannot code is not taken for a developer. Chinese signals are
    read with spaces ignored (「不會寫code」 is 「不會寫 code」); English ones as whole words."""
    found: dict[str, list[str]] = {name: [] for name in signals}
    every = [(s.lower(), name) for name, words in signals.items() for s in words]
    latin = sorted(((w, n) for w, n in every if w.isascii()), key=lambda x: -len(x[0]))
    chinese = sorted(((re.sub(r"\s+", "", w), n) for w, n in every if not w.isascii()), key=lambda x: -len(x[0]))
    for haystack, words, whole in ((text.lower(), latin, True), (re.sub(r"\s+", "", text.lower()), chinese, False)):
        taken = [False] * len(haystack)
        for word, name in words:
            for m in re.finditer(re.escape(word), haystack):
                if any(taken[m.start() : m.end()]):
                    continue
                before = haystack[m.start() - 1] if m.start() else " "
                after = haystack[m.end()] if m.end() < len(haystack) else " "
                if whole and (before.isalnum() or after.isalnum()):
                    continue  # a Latin signal is a whole word ("hr", not "three")
                if (NEGATED_LATIN if whole else NEGATED_CJK).search(haystack[max(0, m.start() - 12) : m.start()]):
                    continue  # 「我不用寫程式也不用訓練模型」 "I don't code": work one does not do
                for i in range(m.start(), m.end()):
                    taken[i] = True
                found[name].append(m.group(0))
    return found


def _scenario_signals(cat: Catalog, talent: str) -> list[str]:
    """The 表10/表11 application scenarios only one talent category's table lists (「推薦系統」 is a 表11
    scenario of AI 開發人才): work described by one of them is evidence for that category."""
    mine = {s for row in cat.industries.scenarios if row.talent_category == talent for s in row.scenarios}
    others = {s for row in cat.industries.scenarios if row.talent_category != talent for s in row.scenarios}
    return sorted(mine - others)


def read_work(text: str, entities: list[Entity], cat: Catalog) -> WorkReading | None:
    """The talent category the described work fits, or None when the text says nothing about it. When
    the person says what they want to move to (「我在醫院做行政，想轉去做幫公司規劃導入 AI 的工作」), that
    work is what is asked about: only the words after the wish are read."""
    wish = ASPIRE.search(text)
    if wish:
        after = text[wish.end() :]
        text, entities = after, [e for e in entities if e.surface in after]
    found = _found(
        text, {tc.name: [*tc.work_signals, *_scenario_signals(cat, tc.name)] for tc in cat.talent.categories}
    )
    tools: list[str] = []
    for e in entities:
        if e.kind == "tool":
            tools.append(e.key)
            for rules in cat.rules.types:
                if any(e.key in g.tools for g in rules.reference_tools):
                    found[cat.competency_type(rules.type).talent_category].append(e.surface)
        elif e.kind == "role" and e.start >= 0:
            role = next(r for r in cat.role_list if r.id == e.key)
            if not role.archetype or role.archetype != "AI 加值型":  # an AI role, not 「既有職稱」
                found[role.talent_category].append(e.surface)
    # 表7's two roles are AI 應用人才's: work that fits one of them is evidence for the category too
    roles = _found(text, {a.name: a.work_signals for a in cat.roles.application_archetypes})
    found[APPLICATION] = list(dict.fromkeys([*found[APPLICATION], *(w for words in roles.values() for w in words)]))
    if not any(found.values()):
        return None
    talent = max(TIE_ORDER, key=lambda t: (len(set(found.get(t, []))), -TIE_ORDER.index(t)))
    archetype = None
    if talent == APPLICATION:
        names = [a.name for a in cat.roles.application_archetypes]
        archetype = max(names, key=lambda a: (len(set(roles[a])), -names.index(a)))
    return WorkReading(talent, archetype, tuple(dict.fromkeys(found[talent])), tuple(dict.fromkeys(tools)))


# 「那叫什麼職務？」 "what is that job called": a role of 表8/表9 named for what it does (a list of titles or
# a career route is asked otherwise)
ROLE_ASKED = re.compile(
    r"((叫|叫做|稱為|稱作)什麼|\bwhat('s| is) (that|this|it)( job| role| position)? called\b|\bwhat do you call\b)"
)
# …and the question is about a job, not an ability: 「能力項目裡叫什麼」 asks an item
ROLE_WORDS = re.compile(r"(工作|職務|職位|角色|職稱|的人|\b(job|role|position|title)\b)")
# 「這算什麼職位」「是哪種職務」 "what job is that": a job title asked for, whatever else the message says
JOB_ASKED = re.compile(
    r"((算|是|屬於|對應(到)?|當|做|像)(是)?(表\s*[789]\s*(的|裡|裡面|中)?)?(什麼|哪(一|個|種)?)(樣的)?(職位|職務|職稱|角色(?!定位))"
    r"|(職位|職務|職稱)(比較|應該|大概)?(像|是|算|叫)(哪(?!些)|什麼)"
    # 「我適合啥職位？偏做 LLM 的」: the job a described leaning fits
    r"|適合(做|當)?(什麼|甚麼|啥|哪(一|個|種|些)?)(樣的)?(職位|職務|職稱|工作|角色(?!定位))"
    # whom to hire for the work: 「做瑕疵檢測應該找哪種職稱的人」「要招什麼樣的工程師」 "who should we hire"
    r"|(找|招|招募|聘|聘請|徵|請|僱用|雇用)(什麼|哪(一|個|種|類)?)(樣的)?(職位|職務|職稱|角色(?!定位)|工程師)"
    r"|\b(who|what kind of (engineer|person|role)) (should|do|would) (we|i) (hire|recruit|look for)\b"
    r"|\bwhat (job|role|position|title)\b|\bwhich (job|role|position|title)\b)"
)
# …or the titles such work goes by, asked beside it (「…的人，又是哪一種？常見職稱有哪些」): own_work only
TITLES_ASKED = re.compile(r"((什麼|哪些|哪個|哪種)(樣的)?(職位|職務|職稱)|(職稱|職位)有哪些|常見(的)?職稱)")
# a kind of certificate asked about (「這種證照算哪一類」): a certificate category, not the person's work
CERT_ASKED = re.compile(r"(證照|認證|證書|\b(cert|certs|certificate|certification)s?\b)")
MIN_ROLE_SCORE = 2.0  # summed IDF of the words shared with the role's description (one rare word is ~2.3)
ROLE_MARGIN = 1.2  # the best role must score this many times the next one, else nothing is claimed


class RoleReader:
    """Which role of 表8/表9 a description of work fits, by the rare words it shares with each role's
    positioning, duties and skills (IDF over the roles): 「自己訓練瑕疵影像辨識模型的工作」 → 電腦視覺 (CV)
    工程師. The embedding model was tried here too and ranked the right role first for half the tries,
    by margins of 0.003–0.02; the shared rare words rank it first for five in six, and a clear margin
    is required before a role is named."""

    def __init__(self, cat: Catalog) -> None:
        self.roles = list(cat.role_list)
        self.docs = [
            set(tokens(normalise(f"{r.name} {r.positioning} {' '.join(r.duties)} {' '.join(r.skills)}")))
            for r in self.roles
        ]
        df: dict[str, int] = {}
        for doc in self.docs:
            for t in doc:
                df[t] = df.get(t, 0) + 1
        self.idf = {t: math.log(len(self.docs) / n) for t, n in df.items()}

    def best(self, text: str) -> list[Role]:
        """The role that fits clearly better than every other — or the two that fit about equally and
        clearly better than the rest (「聊天機器人、問答」: the NLP and the LLM engineer); else none."""
        words = set(tokens(normalise(text)))
        scored = sorted(((sum(self.idf[t] for t in words & doc), i) for i, doc in enumerate(self.docs)), reverse=True)
        (top, i), (second, j), (third, _) = scored[0], scored[1], scored[2]
        if top < MIN_ROLE_SCORE:
            return []
        if top >= ROLE_MARGIN * second:
            return [self.roles[i]]
        if second >= ROLE_MARGIN * third:
            return [self.roles[i], self.roles[j]]
        return []

    def among(self, text: str, ids: list[str]) -> Role | None:
        """The one of these roles (「其中做影像辨識的那個」 over a list of titles) the description fits
        clearly better than the others, else None."""
        words = set(tokens(normalise(text)))
        scored = sorted(
            ((sum(self.idf[t] for t in words & doc), i) for i, doc in enumerate(self.docs) if self.roles[i].id in ids),
            reverse=True,
        )
        if not scored or scored[0][0] < MIN_ROLE_SCORE:
            return None
        if len(scored) > 1 and scored[0][0] < ROLE_MARGIN * scored[1][0]:
            return None
        return self.roles[scored[0][1]]


def abilities_of(areas: list[tuple[str, str, str]], cat: Catalog) -> list[tuple[CompetencyType, list[int], str]]:
    """The 表2 items each (type, hours area, words) stands for: 「tool.文書」 is item 3 of AI 工具應用 (the item
    named like the area's tool group); 「tool」 or 「programming」 every item of the type."""
    out: list[tuple[CompetencyType, list[int], str]] = []
    for name, area, words in areas:
        t = cat.competency_type(name)
        _, _, tool_item = area.partition(".")
        numbers = [i.number for i in t.items if not tool_item or i.name.startswith(tool_item)]
        at = next((n for n, x in enumerate(out) if x[0].name == t.name), None)
        if at is None:
            out.append((t, numbers, words))
        else:
            known = out[at]
            out[at] = (t, [*known[1], *(n for n in numbers if n not in known[1])], f"{known[2]}、{words}")
    return [(t, sorted(numbers), words) for t, numbers, words in out]
