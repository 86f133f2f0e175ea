"""Facts people state about themselves in chat, read deterministically: certificates by name or alias,
hours per 表5 area (「十八小時」, "about 20 hours"), counts without names (「三張工具類」), 「沒有證照」.

Why deterministic: these facts feed the 表5 engine, whose results must be auditable; a fact is taken
only when the text says it plainly (a first-person or completed-action phrase next to it), every
fact is echoed back so the user can correct it, and the words live in `data/stated_facts.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from knowledge.models import CERT_CATEGORIES
from knowledge.numerals import EN_ONES, chinese_number, english_hours_as_digits
from knowledge.stated_profile import HeldCertificate, StatedHours, StatedProfile, UnnamedCertificates
from knowledge.yamlfile import load_yaml
from rag.textnorm import normalise
from rag.understanding import Entity, QueryUnderstanding

DATA = Path(__file__).resolve().parent / "data" / "stated_facts.yaml"  # rag/data
NUMBER = r"(?P<n>\d+(?:\.\d+)?|[零〇一二兩三四五六七八九十百]+(?:點[零一二三四五六七八九]+)?)"
CLAUSE = re.compile(
    r"[，,；;。、\n]|(?<=[?？!！])|\band\b|\b以及\b|\s*(?=另外|此外)"
    # 「素養課上滿18hr 文書工具課也18hr」: after an hours unit, a space parts clauses too
    r"|(?:(?<=小時)|(?<=[0-9]hr)|(?<=hrs))\s+(?=[\u3400-\u9fff]|[a-z]+[\u3400-\u9fff])"
    # 「模型訓練到底要幾小時才夠啦 我都上25h了」: in chat a space between two Chinese words parts clauses
    # (never inside 「十二 小時」 or before a number written in Chinese)
    r"|(?<=[\u3400-\u9fff])(?<![零〇一二兩三四五六七八九十百半])\s+(?=[\u3400-\u9fff])(?![零〇一二兩三四五六七八九十百半]|小時|個|鐘頭)"
)
# 「素養有18 工具30」: a bare number right after an area word is that area's hours
RIGHT_AFTER = re.compile(
    r"\s*(?:課|课|有|是|為|[:：])?\s*(\d+(?:\.\d+)?)(?![\d.]|\s*(?:小時|個小時|鐘頭|hours?|hrs?|h\b|張|%|年|月|歲))"
)
# 「文書十二 自動化十」「模型訓練二十」: a Chinese numeral right after an area word, ending there, is written in
# digits so it reads like 「文書12」 (「程式一直」 or 「素養一張」 are no numbers of hours)
CHINESE_RIGHT_AFTER = re.compile(
    r"(?P<lead>\s*(?:工具課|工具课|工具|類|类|課|课|有|是|為|[:：])?\s*)(?P<n>[零〇一二兩两三四五六七八九十百]+(?:[點点][零一二三四五六七八九])?)"
    r"(?=\s*(?:小時|小时|個小時|个小时|鐘頭|hours?\b|h\b)|[\s，,、。；;!?！？)）]|$)"
)
# every certificate of an issuer: "both NVIDIA associate certs", 「微軟的兩張都有」
EVERY_OF = re.compile(r"(\bboth\b|\ball (of )?(the|their|its)?\b|兩張都|兩張|二張|全部|都有|都考)")
# a number compared with a threshold, not stated as one's hours: 「都超過 18 小時了」「還不到 12 小時」
# (「累計有到 30 嗎」 weighs a total against a threshold: no hours of its own)
COMPARED = re.compile(
    r"(超過|不到|未滿|少於|多於|至少|高於|低於|大於|小於|門檻|需要|要求|有到|有沒有到|有達到|達到|有滿)\s*$"
)
HALF_HOUR = re.compile(r"(\d+|[零〇一二兩三四五六七八九十百]+)\s*個?半\s*(?:小時|鐘頭)")
JUST_HALF = re.compile(r"(?<![\d零〇一二兩三四五六七八九十百個])半\s*(?:個)?\s*(?:小時|鐘頭)")
TIMES_EACH = re.compile(
    r"(?:每|一)\s*(?P<p>週|周|星期|禮拜)\s*[^，。,\d]{0,4}?\s*(?P<k>\d+|[一二兩三四五六七八九十]+)\s*(?:次|堂)(?:課)?[、，,\s]*"
    r"(?:每次|每堂|一次|一堂)\s*(?:上)?\s*(?P<h>\d+(?:\.\d+)?|[一二兩三四五六七八九十]+)\s*(?:個)?\s*(?:小時|鐘頭)"
)
# "two sessions a week, 1.5 hours each": times a week by the hours each time
TIMES_EACH_EN = re.compile(
    r"\b(?P<k>\d+|one|two|three|four|five|six)\s+(?:sessions?|classes|lessons|times|slots)\s+(?:a|per|each)\s+week,?\s*"
    r"(?:of\s+)?(?P<h>\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)\b(?:\s+each)?"
)
# 「1080分鐘」: company training systems that count minutes; read as hours
MINUTES = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|[零〇一二兩三四五六七八九十百千]+)\s*(?:分鐘|mins?\b|minutes?\b)"
)
# 「兩天，一天9小時」「報過兩次素養課 每次9小時」「兩個半天 每個半天4.5h」: sessions times hours per session
# (what is said between, the course, is kept: it names the area)
_COUNT = r"\d+(?:\.\d+)?|[一二兩三四五六七八九十]+(?:點五)?"
REPEATED = re.compile(
    rf"(?P<n>{_COUNT})\s*(?P<unit>個半天|天半|天|次|堂|場|梯次|週|周)(?P<mid>[^，,。；;?？!！\d]{{0,20}}?)[\s，,、]*"
    rf"(?:一|每)\s*(?:個)?(?:半天|天|次|堂|場|梯次|週|周)\s*(?:上|各)?\s*(?P<m>\d+(?:\.\d+)?|[一二兩三四五六七八九十]+)\s*"
    r"(?:小時|個小時|鐘頭|hours?\b|hrs?\b|h\b)"
)
# 「上過兩堂，一堂 9 小時、一堂 6 小時」: sessions counted, then each listed with its own hours (added up, the count
# and the first 「一堂」 set aside)
_ONE_SESSION = (
    r"(?:一|另一)\s*(?:個)?(?:半天|天|次|堂|場|梯次)\s*(?:上|是)?\s*"
    r"(?:\d+(?:\.\d+)?|[一二兩三四五六七八九十]+)\s*(?:個)?(?:小時|鐘頭)"
)
SESSIONS_LISTED = re.compile(
    rf"(?:(?:{_COUNT})\s*(?:個半天|天|次|堂|場|梯次)[\s，,、：:]*)?"
    rf"(?P<list>{_ONE_SESSION}(?:[\s、，,和跟及]*{_ONE_SESSION})+)"
)


def _listed_sessions_as_hours(m: re.Match[str]) -> str:
    hours = re.findall(r"(\d+(?:\.\d+)?|[一二兩三四五六七八九十]+)\s*(?:個)?(?:小時|鐘頭)", m.group("list"))
    return f" 共 {sum(_number(h) or 0 for h in hours):g} 小時"


# 「每週3小時上了6週」「一次2小時共上10次」: the hours per session first, then how many sessions
REPEATED_PER_FIRST = re.compile(
    rf"(?:每|一)\s*(?:個)?(?P<unit>週|周|天|次|堂|場)\s*(?P<m>\d+(?:\.\d+)?|[一二兩三四五六七八九十]+)\s*(?:個)?(?:小時|鐘頭)"
    rf"[\s，,、]*(?:上了|共上了?|共|持續|連續|上)?\s*(?P<n>{_COUNT})\s*(?:個)?(?:週|周|星期|禮拜|天|次|堂|場)"
)
# "2.5 days of Midjourney training at 8h/day", "3 days, same 8 hours a day", "2 sessions (6 hours each)"
REPEATED_EN = re.compile(
    r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)[\s-]*(?P<unit>days?|sessions?|classes|lessons|workshops?)\b(?P<mid>[^,.;?!\d]{0,40}?)"
    r"[\s,(]*(?:at|of|with|same|for|each)?\s*(?P<m>\d+(?:\.\d+)?)\s*(?:h|hrs?|hours?)\b\s*"
    r"(?:/|a|per|each|every)\s*(?:day|session|class|lesson|workshop)?\)?"
)
UNIT_DECLARED = re.compile(
    r"(單位(都|全)?(是|為|[:：])\s*小時|都是小時|以小時(計|為單位)|\b(all )?in hours\b|\(hours\)|（小時）"
    # 「時數：素養18、文書工具20」 "her course hours are: …": a label over the numbers that follow
    r"|時數[^，。?？:：]{0,6}[:：]|時數(是|為|分別是|有)|\bhours\s*:|\bhours (are|were)\s*:?"
    # ("Hours so far: Ana - literacy 10…", "training hours to date:")
    r"|\bhours (so far|to date|logged|completed|taken)\s*:)"
)
BARE_NUMBER = re.compile(  # (not the digit of a name: "n8n", "GPT4")
    r"(?<![\d.A-Za-z])(\d+(?:\.\d+)?)(?![A-Za-z])(?!\s*(?:小時|個小時|鐘頭|hours?|hrs?|h\b|張|\d|\.\d|%|年|月|日|歲|級|類|項|個))"
)
# Someone's own situation: a person (first or third) or a completed action next to the facts.
SUBJECT = re.compile(
    r"(我|本人|自己|同事|員工|他|她|這位|部屬|\bi\b|\bmy\b|\bi'm\b|\bi've\b|\bmine\b|\bhe\b|\bshe\b"
    r"|\b(colleague|co-?worker|teammate|employee|intern|candidate)s?\b)"
    r"|(上過|上了|有上|修過|受訓|受過|考過|考到|拿到|取得|持有|累積|完成|學了|\btook\b|\btaken\b|\bcompleted\b|\bdid\b|\bholds\b|\bpassed\b|\bearned\b)"
)
CATEGORY_WORDS = {c[-n:] for c in CERT_CATEGORIES for n in range(2, len(c) + 1)}  # 素養類, 工具類…
EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
EN_CATEGORY = {"literacy": "素養類", "tool": "工具類", "project": "專案類"}
# "doesn't have", "never got to": hours said not to be had (a threshold named), not hours taken
DENIED_HAVING = re.compile(
    r"\b(doesn't|does not|don't|do not|didn't|did not|never|hasn't|haven't)\s+"
    r"(have|has|had|reach|reached|hit|get|got)\s*$"
    # ("neither tool alone got to 30 hrs" 「沒有一項到 30 小時」: a threshold no one had)
    r"|\b(neither|none|no single|not one)\b[^.?!]{0,30}\b(got|reached|hit|had|has|came) (to|up to)?\s*$"
    r"|(沒有一項|沒有任何一項|都沒有|都不到|沒一項)[^，。?？]{0,6}(到|達到|超過|有)\s*$"
)
NEAR = 24  # characters between a holding phrase and the certificate it holds
EACH = re.compile(r"(各|分別|每一?(項|種|個)|\beach\b|\bboth\b)")
HOURS_BEFORE_NUMBER = re.compile(
    r"\bhours?\s+(were|was|are|is|total(?:led)?|of)\s+(only |just |about |around )?"
    r"(\d+(?:\.\d+)?)(?!\s*(hours?|hrs?|h)\b)"
)
# a threshold said not to be reached (「沒有任何一項工具滿 18 小時」「還沒到 30 小時」 "none reaches 18 hours"):
# no hours stated
SHORT_OF = re.compile(
    r"(沒有|沒|未|並未|都沒|不)[^，。,；;?？]{0,10}(滿|到|超過|達到|達)\s*\d+(\.\d+)?\s*(個)?\s*(小時|hours?|h\b)"
    r"|\b(none|no one|nothing|not|never)\b[^,.;?]{0,30}\b(reach|reaches|reached|hit|hits|exceed|exceeds)"
    r"\s+\d+(\.\d+)?\s*(hours?|h\b)"
    # "I never did 18 hours on any single tool", "I haven't done 18 hours on one tool": hours not had
    r"|\b(never|not|haven't|hadn't|didn't|don't)\b[^,.;?]{0,12}\b(did|done|do|have|had|got|spent|put in)\s+"
    r"\d+(\.\d+)?\s*(hours?|h\b)[^,.;?]{0,24}\b(any|a|one|each)\b"
)
# hours already stated, added up (「圖文跟影像加起來已經 18 小時了」 "together that makes 18 hours"): a sum
# of facts held, no new fact — read so only while a conversation holds facts (a first statement of a sum
# is kept as said)
ADDED_UP = re.compile(
    r"(加起來|合起來|加總|合計|總共|一共|together|combined|in total|altogether)\s*(已經|就|也|都)?\s*"
    r"(有|是|算|達|達到)?\s*\d+(\.\d+)?\s*(個)?\s*(小時|hours?|h\b)"
)
# a value taken back and the right one given after it (「圖文 6 小時是我記錯了，其實是 0 小時」): the area keeps the
# right value, said where the wrong one was, and the words of the correction stay (they mark a correction)
WRONG_THEN_RIGHT = re.compile(
    # (「文書課 22 小時……不對，是 19 小時」: the slip taken back within the same message)
    r"(?P<old>\d+(\.\d+)?)\s*(個)?\s*(小時|hours?)[.…。，,、!！\s]*(是|那個|那)?\s*(我)?"
    r"(?P<said>記錯|打錯|弄錯|說錯|看錯|寫錯|講錯|錯的|有誤|不對)了?"
    # 「素養課10小時是錯的，我看了學習紀錄其實是 18 小時」: a few words may say where the right value was found
    r"[，,、\s]*(?:[^\d，。,?？]{0,12}?)(其實|應該|實際上|正確)?\s*(是|只有|為|有)\s*(?P<new>\d+(\.\d+)?)\s*(個)?"
    r"\s*(小時|hours?)"
)
# the right value, then the wrong one taken back (「模型訓練是 36 不是 26」「其實上了 8 小時，不是 5」 "was 24h, not
# 30"): the right value is the area's hours — a unit left off is the hours the conversation is about — and the
# wrong one is dropped (a question 「不是 18 小時嗎」 takes nothing back)
RIGHT_NOT_WRONG = re.compile(
    r"(?<![\d.])(?P<new>\d+(\.\d+)?)\s*(個)?\s*(?P<unit>小時|hours?|hrs?|h\b)?\s*[，,]?\s*(而)?(不是|\bnot\b)\s*"
    r"(?P<old>\d+(\.\d+)?)(?!\s*(張|certificates?|certs?))\s*(個)?\s*(小時|hours?|hrs?|h\b)?(?![^，。,.?？]{0,8}[嗎吗?？])"
)
OPENS_HOLDING = re.compile(
    r"^\W*(?:有(?!沒|無|哪|什麼|甚麼|幾|多少|人|些|點|時|空|興趣|關|問題|可能)|考過|考到|拿到|拿了|持有|上過)"
    r"\s*(?=[a-z0-9\u4e00-\u9fff])"
)
# "and the rest on Zapier" 「其餘是自動化」: the part of a total not given to the items named
REST = re.compile(
    r"(\bthe rest\b|\brest of (it|them|those)\b|\bremaining\b|其餘|其他的|剩下的?)"
    r"(?P<tail>[^，,。.;；?？]{0,30})"
)
# a course said again with its hours (「ChatGPT 那個是 11 小時」「那門其實有 20 小時」): the area's total, not more
RESTATED = re.compile(
    r"(那|這)\s*(個|門|堂|一門|一堂|場)?\s*(課|課程)?\s*(的)?\s*(其實|實際上|應該)?\s*(是|只有|算)\s*\d"
)
# 「所以影像現在一共20小時」 "so that's 20 hours of video now in total": an area's hours as they now stand
NOW_TOTAL = re.compile(
    r"(現在|目前|这样|這樣|所以)[^，,。]{0,8}(一共|總共|共|合計|加起來)(是|有)?\s*\d"
    r"|\b(now|so that's|that makes)\b[^,.]{0,20}\b\d+(\.\d+)? (hours?|hrs?) (in total|total|altogether)\b"
)
# a certificate said to be someone else's (「EEC 那張是我同事考的」「那張不是我的」 "that one is my colleague's")
NOT_MINE = re.compile(
    r"[^，。,?？!！]{0,12}?((其實)?是)?\s*(我)?(同事|朋友|別人|家人|老公|老婆|主管|先生|太太|同學)\s*(考|拿|的)"
    r"|[^，。,?？!！]{0,8}?不是我(的|考的|拿的)?"
    r"|\s*(is|was) (actually )?(my (colleague|friend|coworker|boss|wife|husband)'?s|not mine)\b"
)
# Sessions taken, hours per session times how many (a course done, not a pace to come):
# 「每次90分鐘，總共上了10次」「每週三下午3hr上4週」「每周 3 小时上了 6 周」
_N = r"\d+(?:\.\d+)?|[一二兩三四五六七八九十]+"
SESSIONS_ZH = re.compile(
    rf"每\s*(?:個)?(?:次|堂|週|周|天|日|星期|禮拜)(?P<mid>[^，,。；;\d]{{0,6}}?)(?P<per>{_N})\s*(?:個)?\s*"
    rf"(?P<u>分鐘|小時|鐘頭|hrs?|h)[，,\s]*(?:總共|共|一共|連續|持續)?\s*(?:上了?|上過|修了?)\s*(?P<n>{_N})\s*(?:個)?\s*"
    r"(?:次|堂|週|周|天|星期|禮拜|期)"
)
_EN_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# "6 hrs a day for 5 days", "2 hours a week for 8 weeks"
SESSIONS_EN = re.compile(
    r"(?P<per>\d+(?:\.\d+)?)\s*(?P<u>hours?|hrs?|h|minutes?|mins?)\s*(?:a|per|each|every)\s*(?:day|week|session|class)"
    r"\s*(?:for|over)\s*(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)\s*(?:days?|weeks?|sessions?|classes)\b"
)
# "3 Canva AI workshops, 4 hours each"
EACH_SESSION_EN = re.compile(
    r"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<mid>[\w +.-]{0,30}?)"
    r"(?:workshops?|sessions?|classes|lessons|courses)\s*,?\s*(?:of\s*)?(?P<per>\d+(?:\.\d+)?)\s*"
    r"(?P<u>hours?|hrs?|h|minutes?|mins?)\s*each\b"
)
# "45 min x 8" 「90 分鐘 x 10」
TIMES_SESSIONS = re.compile(
    r"(?P<per>\d+(?:\.\d+)?)\s*(?P<u>minutes?|mins?|分鐘|hours?|hrs?|h|小時)\s*[x×*]\s*(?P<n>\d+)(?!\s*(?:小時|h|hours?))"
)


def _sessions(m: re.Match[str]) -> str:
    """Hours per session times sessions, minutes made hours; what was said between (the course) kept."""
    per, raw_n = _number(m.group("per")), m.group("n")
    n = _EN_COUNT.get(raw_n.lower()) if raw_n.lower() in _EN_COUNT else _number(raw_n)
    if not per or not n:
        return m.group(0)
    minutes = m.group("u").startswith(("分", "min"))
    total = per * n / 60 if minutes else per * n
    mid = m.groupdict().get("mid") or ""
    return f"{mid} {round(total, 2):g} 小時"


# years (「我2023年上過…」「2023、2024、2025 三年都有上」 "back in 2024"): when, never how many hours
YEARS = re.compile(
    r"(?<![\d.\-])(?:19|20)\d{2}(?:\s*(?:[、,，/~\-–]|至|到|和|跟|與|及|and)\s*(?:19|20)\d{2})*"
    r"(?![\d.])\s*(?:年(?:度)?)?"
)
# "for type 4" "item 10" "table 6": a number that names a part of the guideline, never hours
NUMBERED_PART = re.compile(
    r"\b(type|item|category|step|table|tier|row|column)\s*#?\d+\b|(?<![做繪绘生修製制畫画插貼贴出美])(表|圖|图|附表)\s*\d+(?![\d.]|\s*(小時|個小時|鐘頭|分鐘|分钟|h\b|hrs?\b|min))",
    re.IGNORECASE,
)
# 「每年 6 小時，2023、2024、2025 三年都有上」: hours per year times the years said
PER_YEAR = re.compile(
    r"每年\s*(?P<m>\d+(?:\.\d+)?|[一二兩三四五六七八九十]+)\s*(?:個)?\s*(?:小時|鐘頭|hrs?\b|h\b)"
    r"(?P<mid>[^。?？!！]{0,40}?)(?P<n>\d|[一二兩三四五六七八九十]+)\s*年\s*(?:都|皆|各|也都)"
)
# 「十來個小時」「十幾個小時」「20-ish hours」 "a dozen hours": a rough number, taken at its round value
ROUGH_TENS = re.compile(r"(?P<n>[二兩三四五六七八九]?十)\s*(?:來|幾|多)\s*(?=(?:個)?\s*(?:小時|鐘頭))")
ROUGH_EN = re.compile(r"(?<![\d.])(?P<n>\d+)\s*-?\s*ish\b")
DOZEN = re.compile(r"\b(?P<half>half )?an? dozen\b")
# a course someone designs or plans, with its length: 「設計一門48小時的企業內訓」「規劃 30 小時的課程」
COURSE_DESIGNED = re.compile(
    # (not 「程式設計10小時、模型訓練30小時」: a course's name, then the next course's hours)
    r"((?<!程式)(?<!美術)設計|規劃|開設|開辦|籌備|要開|想開|安排)\s*(一門|一堂|一套|一個|這門|這套)?\s*[^，。,?？、]{0,6}?"
    r"\d+(\.\d+)?\s*(個)?\s*(小時|hours?)\s*(的)?\s*[^，。,?？、]{0,8}?(課程|課|內訓|訓練|培訓|工作坊|學程)"
    r"|\b(design(ing)?|plan(ning)?|build(ing)?) (a|an|our) \d+[- ]hours? (course|program|training|workshop)\b"
)
# 「26 小時的課程預算」「預算 60 小時」 "a budget of roughly 80 course hours", "the 60h budget": hours to spend
# a figure read off the guideline's table (「我看表上服務開發寫 48 小時」 "Table 5 says 48 hours for…")
TABLE_QUOTED = re.compile(
    r"([表錶]上|[表錶]裡|[表錶]中|[表錶]\s*5|[表錶]五|[表錶]格|量[表錶]|指引上|指引裡|上面)[^，。?？]{0,12}(寫|說|列|要求|標)(的)?(是|著)?\s*"
    r"\d+(\.\d+)?\s*(個)?\s*(小時|hours?)"
    r"|\b(table 5|the table|the guideline) (says|lists|shows|asks for)\b[^,.?]{0,20}\d+(\.\d+)?\s*hours?"
)
# a time to reach a level in (「兩個月內」「8 週內」 "within two months"), and the weekly hours asked
# (「每週大概要上幾小時」 "how many hours a week"): the hours still needed, spread over that time
DEADLINE = re.compile(
    r"(?P<n>\d+(?:\.\d+)?|[一二兩三四五六七八九十半]+)\s*(?:個)?\s*(?P<unit>月|週|周|星期|禮拜)\s*(?:內|之內|以內|裡)"
    r"|\b(?:within|in) (?:the next )?(?P<en_n>\d+|[a-z]+) (?P<en_unit>weeks?|months?)\b"
)
WEEKLY_ASKED = re.compile(
    r"(每週|每周|一週|一周|每個禮拜|每星期|每禮拜)[^，。?？]{0,6}(幾|多少)\s*(個)?\s*(小時|鐘頭)"
    r"|\bhow many hours (a|per|each|every) week\b"
)
BUDGET = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:個)?\s*(?:小時|鐘頭|h|hrs?|hours?)\s*(?:的)?\s*(?:課程|上課|培訓|訓練|課)?\s*(?:預算|額度)"
    r"|(?:預算|額度)[^，。?？\d]{0,6}(\d+(?:\.\d+)?)\s*(?:個)?\s*(?:小時|鐘頭|h\b|hrs?\b|hours?\b)"
    r"|\bbudget of (?:roughly |about |around |some )?(\d+(?:\.\d+)?)\s*(?:course |training |class )?"
    r"(?:h\b|hrs?\b|hours?\b)"
    r"|\b(\d+(?:\.\d+)?)\s*-?\s*(?:h|hrs?|hours?)\s+(?:of\s+)?(?:course\s+|training\s+)?budget\b"
)
# 「如果只靠上課」「要是走證照的話」 "if I go by courses only": a route chosen, nothing supposed held
ROUTE_ONLY_SUPPOSED = re.compile(
    r"(如果|要是|假如|若)\s*(只|全|純|都)?\s*(靠|走|用|看|算)\s*(上課|時數|受訓|證照|考照|考證照)"
    # 「如果不考證，改上課呢？我 AI 素養課上過 18 小時…」: the route supposed, the hours said as they are
    r"|(如果|要是|假如|若)\s*(不考|不想考|不走|不用)\s*(證照|證|考照|考試)"
    r"|(不考|不想考|不走|不用)\s*(證照|證|考照|考試)的話|(只|光|純)(靠|上)\s*(上課|課)的話"
    r"|\bif (i|we|he|she|they) (only )?(go|went) (by|with|through|the) (courses?|training|hours|certificates?)\b"
)
# a clause of a message (「…16 小時、…16 小時，那工具應用呢」) and the words that make one a question
STATED_CLAUSE = re.compile(r"[，,、；;。！!？?~]")
QUESTION_CLAUSE = re.compile(r"[?？]|嗎|呢|什麼|哪|多少|幾|如何|怎麼|\b(what|which|how|do|does|is|am)\b")
# (an English sentence ends at a full stop before a word: "…15h of 音源 (ElevenLabs). Do trainees reach…")
# 「這種工作在指引裡算哪類人才在做」 "which talent does that kind of work": a work's category, not one's own level
WORK_ASKED = re.compile(
    r"(這種|這類|這個|這份|那種|那類|那個)(工作|事情|事|職務|任務)[^，。?？]{0,12}(算|屬於|是|歸)[^，。?？]{0,4}(哪|什麼)"
    r"|\b(that|this) (kind of )?(work|job|task)\b[^?]{0,30}\b(which|what) (talent|category)\b"
)
# 「表6裡面素養類國際的有哪些，列給我」: the catalog listed, whatever the asker says they must get
LIST_ASKED = re.compile(
    r"((表\s*6|表六)[^。?？]{0,16}(有哪些|有哪幾張|哪幾張)|(有哪些|哪幾張)[^。?？]{0,4}(列給我|列出來|列一下))"
)
# 「是不是以前叫 AI-900」「是不是改代號了」: a certificate's name or retirement asked, not one's own level
RENAMED_ASKED = re.compile(
    r"(以前叫|之前叫|原本叫|舊名|改名|改代號|換代號|停辦|停考|接續|\b(used to be called|renamed|retired)\b)"
)
# 「我同事說他考的是900」 "my friend said she passed …": a claim reported, about someone else
REPORTED = re.compile(
    r"(同事|朋友|別人|學長|學姐|學弟|學妹|家人|老公|老婆|主管|有人)(跟我)?(說|講|提到)(他|她|他們)?(考的是|考過|有|拿到|也有|拿的是)"
    r"|\b(colleague|friend|coworker|someone)\b[^.?!]{0,12}\b(said|says|told me)\b[^.?!]{0,12}"
    r"\b(he|she|they) (has|have|had|took|passed)\b"
)
SELF_HOLDS = re.compile(r"(我有|我考過|我考到|我拿到|我持有|我也有|\bi (have|hold|passed|got)\b)")
# 「把素養時數補滿」「上滿」: an area taken to its threshold
FILLED_UP = re.compile(
    r"(補滿|補足|補齊|上滿|修滿|補夠|補完)(?!\s*(了)?\s*(那|這)?\s*[\d零一二兩三四五六七八九十])"
)  # (「上滿18小時」 says 18)
# 「…，我是說…」 "…, I meant …" within one message, after something said first
MEANT_INSTEAD = re.compile(
    r"(?<=[，,。.…!！\s\-–—])\s*(我是說|我的意思是|我要說的是|我指的是|\bi meant\b|\bi mean\b"
    r"|\b(?:oh |no )?wait,? make (?:that|it)\b|\bmake (?:that|it)\b|\bscratch that,?)"
)
# "say I finish those literacy hours", "once she completes the literacy hours": an area topped up to its threshold
FILLED_UP_EN = re.compile(
    r"\b(finish|finished|complete|completed|do|did|take|took|make up|top up|fill|get)( up)? (those|the|my|her|his|that|"
    r"these|all the|all those|the missing|the remaining) ([a-z/]+ ){1,2}(hours|hrs|h)\b"
)
# 「影像課拉到 20 小時」「素養補到 18 小時」: an area's hours taken to a total
TOPPED_TO = re.compile(r"(補|拉|提高|增加|調|改|加|上)(高|滿)?到\s*\d+(\.\d+)?\s*(個)?\s*(小時|h\b|hours?)")
# 「如果素養補到18」「文書上到 20」: hours topped up to a number (the area's total, not an addition)
TOPPED_UP = re.compile(
    r"(補|加|上|提高|拉高?|增加)到\s*(\d+(?:\.\d+)?)(?![\d.]|\s*(?:小時|個小時|鐘頭|hours?|h\b|張|%|級))"
)
# a clause that opens with a supposition (「…，如果再考 Y 呢」「…，要是她再上 10 小時」)
SUPPOSITION_OPENS = re.compile(r"\s*(那|但|可是|不過|那麼|and|but)?\s*(如果|假如|假設|要是|萬一|若|\bif\b|\bwhat if\b)")
SENTENCE_SPLIT = re.compile(r"(?<=[。！!？?~])|(?<=[A-Za-z0-9)\]]\.)\s+(?=[A-Za-z])")
# what the guideline says of the certificate just named: "does it say anything about it?", 「指引有提到它嗎」
ABOUT_IT = re.compile(
    r"(\b(say|says|said|mention|mentions|list|lists) (anything )?about (it|that|this|them)\b"
    r"|\btell me about (it|that|this)\b|(有|怎麼)(提到|說到|寫到|列到|講到)(它|這張|那張)"
    r"|對(它|這張|那張)(有什麼|怎麼)(說|寫)"
    # 「這張在表6裡面嗎」「指引有沒有列這張」 "is it listed in Table 6": whether the one held is listed at all
    r"|(在|有在|列在|收錄在|算在)\s*(表\s*6|指引)\s*(裡面|裡|中|內|上)?\s*(嗎|了嗎|有沒有)"
    r"|(表\s*6|指引)\s*(裡面|裡|中|上)?\s*(還)?\s*(有沒有|有|在|列)\s*(列|收錄|寫)?\s*(它|這張|那張)"
    r"|\bis (it|this|that)( one)? (in|listed in|part of|on) (table 6|the guideline|the list)\b)"
)
SCRIPT_BOUNDARY = re.compile(r"(?<=[\u3400-\u9fff])(?=[a-z0-9])|(?<=[a-z0-9])(?=[\u3400-\u9fff])")
TO_TAKE = re.compile(r"(再考|還要考|還得考|該考|要考|去考|\b(take|get) next\b)")
ASKS = re.compile(
    r"[?？]|嗎|呢|咧|是不是|有沒有|是否|了沒"
)  # a sentence that asks (「…，這樣夠嗎」), as opposed to one that states
# Holding without a person, read only while a conversation is already about someone's facts.
# 「專案類的其中一張」「工具類任一張」: one certificate of a category, whichever
ONE_OF_CATEGORY = re.compile(
    r"(素養類|工具類|專案類)(?:的)?(?:證照|認證)?(?:裡面?|中|當中)?(?:的)?\s*(?:其中|任|隨便|任何)\s*(?:一|1)\s*張"
)
# 「不是上文書」「而不是文書」 "not on office tools": an hours area named only to be denied
NOT_AREA = re.compile(r"(不是|而不是|並非|而非|\bnot\b)\s*(上|在|給|花在|用在|放在|on|in)?\s*$")
# 「…，而是上自動化」「改上自動化」: the area named instead, in a clause of its own without numbers
INSTEAD = re.compile(
    r"(?:(?:^|[，,；;。\s])\s*(?:其實是|是|改成|改為|換成|改上|改去|\bbut\b)|而是)\s*(?P<rest>[^，,；;。\d]{0,20})"
)
# "through training hours only, no certs": the route restated, not a fact about anyone's certificates
NO_CERTS_AS_ROUTE = re.compile(
    r"\b(only|alone)\b[,，]?\s*(and )?(no|without) (certs?|certificates?|certifications?)\b"
    r"|\b(no|without) (certs?|certificates?|certifications?) (needed|required|involved)\b"
)
# "instead of X", 「而不是 X」: the certificate a supposition takes out (anywhere, and right before its name)
INSTEAD_WORDS = r"\binstead of( the)?|而不是|不考"
INSTEAD_ANYWHERE = re.compile(INSTEAD_WORDS)
INSTEAD_OF = re.compile(rf"({INSTEAD_WORDS})\s*[「\"]?\s*$")
# 「沒有 X」 "instead of X" right before a certificate's name
NEGATED = re.compile(r"(沒有|沒|不是|並非|而不是|\bnot\b|\bno\b|\binstead of( the)?)\s*[「\"]?\s*$")
# after a certificate's name: not held yet (「…還沒考到」「…只是報名而已」 "has not passed it yet")
NOT_YET = re.compile(
    r"[^，。,.;；]{0,8}?(還沒|尚未|並沒有|沒有|沒)(考到|考過|拿到|取得|通過|考)|[^，。,.;；]{0,8}?只是(報名|報了名|在準備)"
    r"|[^,.;]{0,20}?\b(not yet|hasn'?t (passed|got|earned)|didn'?t pass)\b"
)
NOT_ROUTE = re.compile(r"(不|別|不用|不要|\bnot\b|\bwithout\b|\bno\b)\s*$")  # 「不看證照」: not that route
# a count right after these asks for certificates (「推薦一張素養類」 "suggest one literacy cert")
REQUESTED = re.compile(r"(推薦|建議|介紹|列出|給我|挑|選|\b(suggest|recommend|name|list|pick|give me)\b)[^，。,.]*$")
# after a certificate's name: passed (「iPAS初級那張終於過了」「…總算拿到了」 "…finally passed")
HELD_AFTER = re.compile(
    r"\s*(那張|這張|也|我)?\s*(終於|總算|已經|剛剛?|上個月|去年)?\s*(考)?(過了|通過了|拿到了|到手了?|考到了)"
    # (「阿哲：TQC+ 人工智慧：機器學習 一張，素養課 18 小時」: a certificate counted as one held)
    r"|\s*(各)?\s*(一|1)\s*張(?!\s*(的|嗎|吗|呢|[?？]))(?=\s*([，,。；;、]|$))"
    r"|\s*(was |is )?(finally |just )?(passed|done)\b"
    # 「iPAS 初級跟中級都有」: the names listed, then that they are all held
    r"|\s*((跟|和|與|、)[^，。?？]{0,8}?)?(都|也都|全都)(有|考過|考到|拿到|拿了)"
)
PLAIN_HOLDING = re.compile(r"(有|拿了|考了|考到|拿到|\bhave\b|\bhold\b|\bgot\b|\bpassed\b)")


PERIODS = {"週": "week", "周": "week", "星期": "week", "禮拜": "week", "拜": "week", "月": "month"}


@dataclass(frozen=True)
class Pace:
    """「每週可以上 3 小時的工具課」: hours a period at which one can study — a rate, never hours taken.
    `area` is the hours area the course names (None: not said, or tools in general)."""

    hours: float
    period: str  # week, month or day
    area: str | None = None


# 「各 15 小時」「各上了 12h」 "15 hours each": one number of hours for each area named before it
EACH_HOURS = re.compile(
    r"各\s*(?:上了?|上過|排|是|有)?\s*(?P<n>\d+(?:\.\d+)?)\s*(?:個)?\s*(?:小時|鐘頭|hrs?\b|h\b)"
    r"|(?P<en>\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)\s+each\b"
)
SENTENCE_END = re.compile(r"[。?？!！;；]|\.(?=\s)")


@dataclass
class Extracted:
    """What one message states; `hypothetical` facts are applied to a copy only."""

    certificates: list[str] = field(default_factory=list)
    unnamed: list[tuple[str, int]] = field(default_factory=list)
    hours: list[tuple[str, float]] = field(default_factory=list)
    no_certificates: bool = False
    no_training: bool = False
    hypothetical: bool = False
    adds: bool = False  # 「再多上 8 小時」: added to what was stated, not replacing it
    asks_level: bool = False
    first_person: bool = False
    unassigned_hours: list[float] = field(default_factory=list)  # 「不對，是 21 小時」: the area said before
    correction: bool = False
    negated: list[str] = field(default_factory=list)  # 「不是美術設計那張」: certificates taken back
    none_of: list[str] = field(default_factory=list)  # 「我沒有任何素養類證照」: no certificate of these categories
    # 「Canva 上了 20 小時…如果我補 18 小時素養課呢？」: facts stated as they are, then a supposition about
    # them in a sentence of its own; `then` holds the supposition's facts (applied to a copy only)
    then: Extracted | None = None
    route: str | None = None  # 「單看時數…夠嗎」: the one 表5 route asked about (training or certificate)
    # 「那 12 小時不是上文書，而是上自動化」: the area the hours are denied to (they go to the one named instead)
    moved_from: str | None = None
    # 「美術設計的初級跟中級各考一張」: two levels of one 表6 entry named, read as that one certificate
    one_family_levels: tuple[str, ...] = ()
    totals: list[str] = field(default_factory=list)  # 「影像課拉到 20 小時」: areas whose hours are the new total

    @property
    def has_facts(self) -> bool:
        return bool(
            self.certificates
            or self.unnamed
            or self.hours
            or self.no_certificates
            or self.no_training
            or self.unassigned_hours
            or self.none_of
            or self.correction
            and bool(self.negated)  # 「不對，那張他還沒考到」: a certificate taken back is a fact too
        )


# 「我兩張都有」「這兩張我都考過了」 "I have both": every certificate the message named is held
BOTH_HELD = re.compile(
    r"(?:(?P<n>[兩两二三3２2])\s*(?:張|张)\s*(?:我)?\s*都\s*(?:有|考過|考过|考到|拿到|拿了|考了)"
    r"|(?:這|那|这)(?:兩|两|三)\s*(?:張|张)\s*我\s*都\s*(?:有|考過|考过|考到|拿到))"
    r"|\bi (?:have|hold|got|passed) both\b"
)
# 「今天又上了九小時」「後來再上了 6 小時」: more hours of the area the clause before named
AGAIN_TAKEN = re.compile(r"(又|再|另外又|後來又|后来又|後來再|后来再)\s*(上了|上過|上过|修了|補了|补了|多上了)")
# 「…證書（表上沒有，我覺得算素養類）」「結業證明我自己登錄成工具類」: an unlisted certificate filed by its holder
SELF_FILED = re.compile(
    r"(證書|證照|認證|证书|证照|认证|結業證明|结业证明)[^。；;]{0,24}?"
    r"(算|當成|當作|当成|当作|視為|视为|歸為|归为|歸到|归到|歸在|归在|歸|归|登錄成|登录成|登記成|登记成|列為|列为|填成|報成|报成)"
    r"\s*(?:是|成|為|为)?\s*"
    r"(?P<category>素養類|工具類|專案類)"
)


class FactReader:
    def __init__(self, reader: QueryUnderstanding) -> None:
        self.reader = reader
        spec = load_yaml(DATA.read_text(encoding="utf-8"))
        self.type_areas: dict[str, str] = spec["reference_tool_areas"]  # competency type → its hours area
        words = [(normalise(w), area) for area, ws in spec["areas"].items() for w in ws]
        words += self._tool_words(spec["reference_tool_areas"], set(spec["areas"]))
        # (a question's subject is read without the words that name an area only beside course hours)
        self.subject_words = sorted(words, key=lambda x: -len(x[0]))
        words += [(normalise(w), area) for area, ws in spec["course_only"].items() for w in ws]
        self.area_words = sorted(words, key=lambda x: -len(x[0]))
        self.unit = re.compile(spec["hour_units"])
        self.approx = spec["approximately"]
        # "6 more hours", 「再多 6 個小時」: a word of addition may stand between the number and its unit
        self.hours_re = re.compile(
            rf"(?:{self.approx}\s*)?{NUMBER}\s*-?\s*(?:(?:more|additional|extra)\s+)?(?:個)?\s*{spec['hour_units']}"
        )
        self.bare_number = re.compile(r"(?<![\d.\-])(?P<n>\d+(?:\.\d+)?)(?![\d.]|\s*張)")  # 「圖文 15」: digits only
        self.holding = re.compile(spec["holding"])
        self.no_certs = re.compile(spec["no_certificates"])
        self.no_category = re.compile(spec["no_category"])
        self.no_training = re.compile(spec["no_training"])
        self.unnamed = re.compile(spec["unnamed_count"])
        self.unnamed_en = re.compile(spec["unnamed_count_en"])
        self.unnamed_each = re.compile(spec["unnamed_each"])
        self.own_level = re.compile(spec["own_level"])
        self.hypothetical = re.compile(spec["hypothetical"])
        self.pace_re = re.compile(spec["pace"])
        self.duration = re.compile(spec["duration"])
        self.more = re.compile(spec["more"])
        self.correction = re.compile(spec["correction"])
        self.routes = {route: re.compile(spec[f"route_{route}"]) for route in ("training", "certificate")}
        self.shared_context = {area: re.compile(p) for area, p in spec["shared_tool_context"].items()}
        self.issuer_keys = {c.issuer for c in reader.catalog.certifications}

    def _tool_words(self, type_areas: dict[str, str], areas: set[str]) -> list[tuple[str, str]]:
        """表5's reference tools as area words: a tool names its type's area (for AI 工具應用 the item its
        group is named for); a tool under two areas names neither."""
        found: dict[str, set[str]] = {}
        for rules in self.reader.catalog.rules.types:
            area = type_areas[rules.type]
            for group in rules.reference_tools:
                where = f"{area}.{group.group}" if f"{area}.{group.group}" in areas else area
                for tool in group.tools:
                    found.setdefault(normalise(tool), set()).add(where)
        # 「Murf 的課」: a tool's name is also said without its domain (Murf.ai), and without its maker's name
        # ("Copilot 5 小時" for GitHub Copilot, "Watson" for IBM Watson)
        for tool, where in list(found.items()):
            stem = tool.removesuffix(".ai")
            if stem != tool and len(stem) >= 3:
                found.setdefault(stem, set()).update(where)
            words = tool.split()
            if len(words) == 2 and words[1].isalpha() and len(words[1]) >= 5:
                found.setdefault(words[1], set()).update(where)
        out = [(tool, next(iter(where))) for tool, where in found.items() if len(where) == 1]
        self.shared_tools = {tool: where for tool, where in found.items() if len(where) > 1}
        # 「好好用 AI 的課」: a name mixing Chinese and Latin is also written with a space between them
        spaced = [(SCRIPT_BOUNDARY.sub(" ", tool), area) for tool, area in out]
        return out + [(tool, area) for tool, area in spaced if (tool, area) not in out]

    # ------------------------------------------------------------------ reading
    def read(self, message: str, continuing: bool = False, held_areas: frozenset[str] = frozenset()) -> Extracted:
        """The facts one message states. `continuing`: the conversation is already about someone's
        facts, so a plain statement 「工具類有 A 跟 B 兩張」 (a sentence that asks nothing) holds what it names."""
        # "my text-tool hours were only 3": the number after the unit, read as "3 hours"
        text = HOURS_BEFORE_NUMBER.sub(
            r"\1 \2\3 hours", self.reader.speller.correct(english_hours_as_digits(normalise(message)))
        )
        text = PER_YEAR.sub(_per_year_as_hours, text)
        text = self._times_each(text)  # 「一週兩堂、每堂 1.5 小時」 "two sessions a week, 1.5 hours each": a pace
        text = self.sessions_as_hours(text)
        text = YEARS.sub(" ", text)
        text = NUMBERED_PART.sub(" ", text)
        text = ROUGH_TENS.sub(r"\g<n>", text)
        text = ROUGH_EN.sub(r"\g<n>", text)
        text = DOZEN.sub(lambda m: "6" if m.group("half") else "12", text)
        # 「十一個半小時」 is 11.5 hours; 「素養20、工具20…，單位都是小時」 gives every bare number its unit
        text = HALF_HOUR.sub(lambda m: f"{(_number(m.group(1)) or 0) + 0.5:g} 小時", text)
        text = MINUTES.sub(lambda m: f"{round((_number(m.group(1).replace(',', '')) or 0) / 60, 2):g} 小時", text)
        text = SESSIONS_LISTED.sub(_listed_sessions_as_hours, text)  # 「兩堂，一堂 9 小時、一堂 6 小時」: 15 hours
        text = REPEATED.sub(_sessions_as_hours, text)
        text = REPEATED_PER_FIRST.sub(_per_first_as_hours, text)
        text = REPEATED_EN.sub(lambda m: f"{m.group('mid')} {float(m.group('n')) * float(m.group('m')):g} hours", text)
        text = TOPPED_UP.sub(r"\1到 \2 小時", text)  # 「素養補到18」: the area's hours become 18
        text = self._filled_up(text)  # 「素養時數補滿」: the area's hours become its 表5 threshold
        text = self._chinese_after_areas(text)
        if UNIT_DECLARED.search(text):
            text = BARE_NUMBER.sub(r"\1 小時", text)
        else:
            text = self._listed_bare_hours(text)
        text = self._each_hours(text)  # 「文書和自動化兩種工具，各 15 小時」: 15 hours for each area named
        # 「如果再補 18 小時… 不是 Copilot 那是程式，我是說補 18 小時寫文件的課呢」: what follows 「我是說」 replaces
        # what came before it in the same message (a supposition stays one)
        # 「素養課一小時都沒上過」 "not even one hour": none, said as none
        text = re.sub(r"[一1]\s*(?:個)?\s*小時\s*(都|也)(?=沒|没|未)", r"\1", text)
        meant = MEANT_INSTEAD.search(text)
        bare = (
            re.match(r"\s*(\d+(?:\.\d+)?)(?!\s*(?:小時|個小時|hours?|hrs?|h\b|%|張))", text[meant.end() :])
            if meant
            else None
        )
        said = list(self.hours_re.finditer(text[: meant.start()])) if meant is not None and bare is not None else []
        if meant is not None and bare is not None and said:
            # ("16 more hours of model training - oh wait, make that 30": the number said before, changed)
            last = said[-1]
            text = (
                text[: last.start("n")]
                + bare.group(1)
                + text[last.end("n") : meant.start()]
                + text[meant.end() + bare.end() :]
            )
            meant = None
        supposed_before = bool(meant) and bool(self.hypothetical.search(text[: meant.start()]))  # type: ignore[union-attr]
        replaced = meant is not None and bool(self.hours_re.search(text[: meant.start()]))
        if meant is not None and replaced and self.hours_re.search(text[meant.end() :]):
            text = ("如果 " if supposed_before else "") + meant.group(1) + " " + text[meant.end() :]
        text = WRONG_THEN_RIGHT.sub(lambda m: f"{m.group('new')} 小時（{m.group('said')}了）", text)
        text = RIGHT_NOT_WRONG.sub(
            lambda m: (
                f"{m.group('new')} hours (correction)"
                if re.fullmatch(r"[^\u3400-\u9fff]*", m.group(0)) and re.search(r"[A-Za-z]{3,}", text)
                else f"{m.group('new')} 小時（更正）"
            ),
            text,
        )
        text = SHORT_OF.sub(" ", text)  # 「沒有任何一項工具滿 18 小時」 says what she lacks, not hours she has
        # 「圖文跟影像加起來已經 18 小時了」 adds up hours already stated (earlier, or in this very message)
        summed = ADDED_UP.search(text)
        if continuing or summed and len(self.hours_re.findall(text[: summed.start()])) >= 2:
            text = ADDED_UP.sub(
                lambda m: m.group(0) if self._one_area_summed(text, m.start(), held_areas) else " ", text
            )
        text = self.pace_re.sub(" ", text)  # 「每週可以上 3 小時」 is a pace (`pace`), not hours taken
        text = BUDGET.sub(" ", text)  # 「公司給我 26 小時的課程預算」 is hours one may still take (`budget`)
        text = COURSE_DESIGNED.sub(" ", text)  # 「我要設計一門 48 小時的內訓」: a course planned, not hours taken
        text = TABLE_QUOTED.sub(" ", text)  # 「我看表上服務開發寫 48 小時」: the table's figure, not hours taken
        split = self._fact_then_supposition(text, continuing)
        if split is not None:
            return split
        ex = Extracted()
        ex.hypothetical = bool(self.hypothetical.search(text))
        if ex.hypothetical and ROUTE_ONLY_SUPPOSED.search(text):
            # 「目前上過素養 20 小時…。如果只靠上課，最少還要幾小時？」: the 「如果」 chooses a route; the facts stated
            # are real — unless a clause that supposes also states facts (「如果再上 6 小時…」)
            clauses = [c for c in STATED_CLAUSE.split(text) if self.hypothetical.search(c)]
            ex.hypothetical = any(self.hours_re.search(c) or re.search(r"\d", c) for c in clauses)
        # (「素養補到 18」 "say I finish those literacy hours" give the area's total: not added, whatever 「再」
        # "extra" the rest of the message says)
        ex.adds = bool(self.more.search(text))
        if "補到" in text:
            clauses = re.split(r"[，,。；;.?？]", text)
            ex.adds = any(self.more.search(c) and self.hours_re.search(c) and "補到" not in c for c in clauses)
        ex.first_person = bool(re.search(r"(我|自己|\bi\b|\bmy\b|\bam i\b|\bi'm\b)", text))
        # 「有AWS AI Practitioner，文書AI課上了18h，這樣呢」: a chat message opening on what is held, no subject
        opens_holding = bool(OPENS_HOLDING.match(text))
        ex.first_person = ex.first_person or opens_holding
        # 「多久能到進階」 "how long until I reach …" asks where the facts stand too (and the time, from a pace)
        reach = bool(self.duration.search(text)) and bool(
            re.search(r"(到|達到|達成|具備|才有|才會有|才算|\breach|\bget to\b)", text)
        )
        reach = reach or self.deadline_weeks(text) is not None  # 「兩個月內…每週要上幾小時」
        ex.asks_level = (bool(self.own_level.search(text)) or reach) and not (
            WORK_ASKED.search(text) or LIST_ASKED.search(text) or RENAMED_ASKED.search(text)
        )
        ex.correction = bool(self.correction.search(text))
        ex.route = self.route(text)
        # hours listed next to a question about a level (「素養 20 小時…工具應用到哪一級？」) state facts too
        # Hours are facts next to a person or a completed action, in a hypothetical, in a statement (no
        # question in it: 「沒證照。素養 20 小時、文書 15 小時」) or next to a question about a level.
        has_hours = bool(self.hours_re.search(text))
        # (「模型訓練要上 30 還是 48 小時」 weighs two thresholds: a question, not hours taken)
        question = bool(re.search(r"[?？]|嗎|呢|還是|多少|(?<![十百])幾|\b(what|which|how|do|does|is|am)\b", text))
        stating = bool(SUBJECT.search(text)) or ex.hypothetical or has_hours and (not question or ex.asks_level)
        stating = stating or opens_holding
        # 「平面設計師一枚，考了 X 跟 Y。這樣工具應用可以算進階嗎？」: held, with no pronoun, beside a level question
        # 「素養課其實是18小時」 corrects what the conversation holds
        stating = stating or ex.asks_level and bool(self.holding.search(text)) or continuing and ex.correction
        # 「模型訓練二十小時，服務開發十五小時。開發那兩項呢？」 in a conversation about someone's facts: hours
        # in a sentence of their own that asks nothing are stated, whatever the next sentence asks
        stating = (
            stating
            or continuing
            and any(self.hours_re.search(s) and not re.search(r"[?？]|嗎|呢", s) for s in SENTENCE_SPLIT.split(text))
        )
        # 「另外還有 n8n 自動化流程 16 小時、圖卡 16 小時，那工具應用呢」: hours added in clauses of their own,
        # the question in another clause
        stating = (
            stating
            or (continuing or ex.adds)
            and any(self.hours_re.search(c) and not QUESTION_CLAUSE.search(c) for c in STATED_CLAUSE.split(text))
        )
        ex.no_certificates = bool(self.no_certs.search(text))
        ex.no_training = bool(self.no_training.search(text))
        ex.none_of = list(
            dict.fromkeys(m.group("category") or EN_CATEGORY[m.group("en")] for m in self.no_category.finditer(text))
        )
        if continuing and not stating:
            ex.certificates = self._held_in_statements(text)
        if ex.correction and continuing:  # 「不對，她是 X，沒有 Y 那張」: the certificates named are the held ones
            found = [e for e in self.reader.entities(text) if e.kind == "cert"]
            named = [(e.key, text.find(e.surface)) for e in found]
            ex.negated = [k for k, at in named if at > 0 and NEGATED.search(text[max(0, at - 14) : at])]
            # 「那張 NVIDIA 他還沒考到，只是報名而已」: named, then said not to be held yet
            ends = {e.key: text.find(e.surface) + len(e.surface) for e in found if text.find(e.surface) >= 0}
            ex.negated += [k for k, end in ends.items() if NOT_YET.match(text[end:]) and k not in ex.negated]
            # 「EEC 那張我想起來是我同事考的，不是我」: someone else's, not the user's
            ex.negated += [k for k, end in ends.items() if NOT_MINE.match(text[end:]) and k not in ex.negated]
            ex.certificates = [k for k, _ in named if k not in ex.negated]
        elif ex.hypothetical and continuing:
            # 「如果他是美術設計初級跟中級各一張、沒有辦公室那張呢」: a what-if without one held, the others kept
            found = [e for e in self.reader.entities(text) if e.kind == "cert"]
            named = [(e.key, text.find(e.surface)) for e in found]
            denied = [k for k, at in named if at > 0 and NEGATED.search(text[max(0, at - 14) : at])]
            if denied and len(denied) < len(named):
                ex.negated = denied
                ex.certificates = [k for k, _ in named if k not in denied]
        if stating and not ex.certificates:
            ex.certificates = self._held(text, ex.hypothetical)  # 「如果考到 X」: held in the hypothetical
            opening = OPENS_HOLDING.match(text)
            if opening is not None and not ex.certificates:
                ex.certificates = self._held(text, ex.hypothetical, [opening.end()])  # (「有 X，…」: after it)
            ex.unnamed = self._unnamed(text)
            ex.hours, orphans = self._hours(text)
            # 「把影像課拉到20小時，再加一門 8 小時的配音課」: the area topped up gets that total, the rest adds
            for m in TOPPED_TO.finditer(text):
                start = max((x.end() for x in CLAUSE.finditer(text, 0, m.start())), default=0)
                ex.totals += [a for a, _ in self._hours(text[start : m.end()])[0] if a not in ex.totals]
            ex.hours = self._the_rest(text, ex.hours)
            for clause in CLAUSE.split(text):
                # 「ChatGPT 那個是 11 小時。另外還上過…」: a course said again with its hours gives its total
                # (「又上了8小時影像課，所以影像現在一共20小時」: the total after the addition)
                if clause and (RESTATED.search(clause) or NOW_TOTAL.search(clause)):
                    ex.totals += [a for a, _ in self._hours(clause)[0] if a not in ex.totals]
            for area in ex.totals:  # an area given as more and as its total: the total says it all
                said = [x for x in ex.hours if x[0] == area]
                if len(said) > 1:
                    ex.hours = [x for x in ex.hours if x[0] != area or x is said[-1]]
            if ex.hours and orphans and ex.correction and continuing and not ex.hypothetical:
                ex.unassigned_hours = orphans  # 「是 21 小時才對。另外文書 20 小時」: the area said before
            if not ex.hours and has_hours and not ex.correction:
                ex.hours = self._hours_for_the_type_asked(text)
            if not ex.hours and has_hours and not self._areas_in(text) and self.correction.search(text):
                found = [
                    (m.start(), v) for m in self.hours_re.finditer(text) if (v := _number(m.group("n"))) is not None
                ]
                # 「不是 6 小時，是 4 小時」: the number denied is the one being corrected
                kept = [v for at, v in found if not NOT_AREA.search(text[max(0, at - 4) : at])]
                ex.unassigned_hours = kept or [v for _, v in found]
        if not ex.correction and ex.certificates and INSTEAD_ANYWHERE.search(text):
            # "what if instead of X she'd taken Y": X is taken out of the supposition, Y put in
            for e in (e for e in self.reader.entities(text) if e.kind == "cert"):
                at = text.find(e.surface)
                if at > 0 and INSTEAD_OF.search(text[max(0, at - 14) : at]) and e.key not in ex.negated:
                    ex.negated.append(e.key)
        both = BOTH_HELD.search(text)
        if both and not ex.hypothetical and not ex.negated:
            # 「iPAS初級跟中級是同一類嗎？我兩張都有」: the certificates the message named, all held
            found = [e for e in self.reader.entities(text) if e.kind == "cert"]
            found += self.reader.sibling_levels(text, found)
            named = list(dict.fromkeys(e.key for e in found))
            said = _number(both.group("n")) if both.group("n") else None
            if len(named) >= 2 and (said is None or said == len(named)) and set(ex.certificates) <= set(named):
                ex.certificates = named
        ex.certificates = [c for c in ex.certificates if c not in ex.negated]  # taken back, not held
        if ex.certificates:
            # 「但我其實沒有辦公室那張啦」: a certificate said not to be held, wherever it is named
            denied = [
                e.key
                for e in self.reader.entities(text)
                if e.kind == "cert" and (at := text.find(e.surface)) > 0 and NEGATED.search(text[max(0, at - 14) : at])
            ]
            held_too = [k for k in denied if text.count(self._surface_of(k, text)) > 1]
            ex.certificates = [c for c in ex.certificates if c not in denied or c in held_too]
            ex.negated += [k for k in denied if k not in ex.negated and k not in held_too]
        if REPORTED.search(text) and not SELF_HOLDS.search(text):
            ex.certificates = []  # 「我同事說他考的是 900」: someone else's claim, reported, is not the user's fact
        if ex.hours and (INSTEAD.search(text) or re.search(r"(改去|改上|挪去|移去|換去|换去|拿去)", text)):
            denied = [area for at, area in self._areas_in(text) if NOT_AREA.search(text[max(0, at - 4) : at])]
            # (「那 12 小時改去上程式課，音源不加了」: the area named as no longer added)
            denied += [
                area
                for at, area in self._areas_in(text)
                if re.match(r"[^，,。；;\d]{0,4}?(不加了|不加|不上了|不補了|不算了|就不加|不要了|免了)", text[at:][:12])
                and area not in denied
            ]
            ex.moved_from = denied[0] if denied and denied[0] not in {a for a, _ in ex.hours} else None
        stated = ex.hours or ex.certificates or ex.unnamed or ex.no_training
        if ex.route == "training" and ex.no_certificates and not stated and NO_CERTS_AS_ROUTE.search(text):
            # "through training hours only, no certs — what's the minimum?": the route asked about, no fact
            ex.no_certificates = False
        return ex

    def _surface_of(self, cert_id: str, text: str) -> str:
        """The words a certificate is named by in `text` (its first mention)."""
        return next((e.surface for e in self.reader.entities(text) if e.kind == "cert" and e.key == cert_id), "\0")

    def _fact_then_supposition(self, text: str, continuing: bool) -> Extracted | None:
        """Facts in plain sentences and a supposition in another (「…現在算哪一級？如果我補 18 小時呢？」):
        the plain facts are the person's, the supposition's are added on a copy. None when the message is
        not made of both."""
        sentences = [s for s in SENTENCE_SPLIT.split(text) if s.strip()]
        supposing = [s for s in sentences if self.hypothetical.search(s)]
        if len(sentences) == 1 and supposing:
            # 「我有 X，如果再考 Y 能到哪」: the facts in the clauses before the one opening with the supposition
            clauses = re.split(r"(?<=[，,；;])", text)
            opens = [i for i, c in enumerate(clauses) if i and SUPPOSITION_OPENS.match(c)]
            if opens and not any(self.hypothetical.search(c) for c in clauses[: opens[0]]):
                sentences = ["".join(clauses[: opens[0]]), "".join(clauses[opens[0] :])]
                supposing = sentences[1:]
        if not supposing or len(supposing) == len(sentences):
            return None
        plain = self.read("".join(s for s in sentences if s not in supposing), continuing)
        if not plain.has_facts:
            return None
        then = self.read("".join(supposing), continuing=True)
        if not then.has_facts:
            return None
        plain.then = then
        plain.asks_level = plain.asks_level or then.asks_level
        return plain

    def asks_about_certificate(self, message: str) -> bool:
        """「同事有 iPAS 中級，這張算哪一類？」: the question names a certificate (or points at the one just
        stated) and asks its category or issuer: a catalog question, even when someone holds it."""
        text = normalise(message)
        clauses = [
            c
            for c in re.split(r"(?<=[，,。!！?？])|(?<=\.)\s", text)
            if re.search(r"[?？]|嗎|呢|哪|什麼|誰|\b(which|what|who)\b", c)
            and not TO_TAKE.search(c)  # 「還要再考幾張、考哪一類」 asks what to take next, not about the one held
        ]
        intents = set(self.reader.detect_intents(" ".join(clauses)))
        about_it = any(ABOUT_IT.search(c) for c in clauses)  # "does the guideline say anything about it?"
        if not (intents & {"category_of", "issuer", "successor"} or about_it) or "which_talent" in intents:
            return False
        certs = {e.key for e in self.reader.entities(text) if e.kind == "cert"}
        return bool(certs) and any(
            re.search(r"(這張|那張|這兩張|這幾張|這些證照|這個證照|它|\bit\b|\bthis\b|\bthey\b|\bboth\b)", c)
            or any(e.kind == "cert" for e in self.reader.entities(c))
            # 「我考過 AI-900，指引裡還有列嗎？」: a clause naming nothing asks about the one certificate named
            or len(certs) == 1
            and not [e for e in self.reader.entities(c) if e.kind not in ("cert_category", "type")]
            for c in clauses
        )

    def level_clauses(self, message: str) -> tuple[str, str] | None:
        """「我考過 X，這張算哪類？應用素養有過嗎」: (the rest, the clauses asking one's level) when a message
        asks a catalog question about a certificate and, apart from it, about a level; else None."""
        clauses = [c for c in re.split(r"(?<=[，,。!！?？~])|(?<=\.)\s", message) if c.strip()]
        level = [
            c
            for c in clauses
            if self.own_level.search(normalise(c))
            and not set(self.reader.detect_intents(normalise(c))) & {"category_of", "issuer"}
        ]
        if not level or len(level) == len(clauses):
            return None
        return "".join(c for c in clauses if c not in level), "".join(level)

    @staticmethod
    def sessions_as_hours(text: str) -> str:
        """Sessions taken, written as their hours (「每週3hr上4週」 → 「 12 小時」, "45 min x 8" → 6 hours)."""
        for pattern in (SESSIONS_ZH, SESSIONS_EN, EACH_SESSION_EN, TIMES_SESSIONS):
            text = pattern.sub(_sessions, text)
        return text

    @staticmethod
    def budget(message: str) -> float | None:
        """The course hours one may still take (「26 小時的課程預算」 "a budget of roughly 80 course hours"), else
        None: a total to spend, weighed against what the levels still need."""
        m = BUDGET.search(english_hours_as_digits(normalise(message)))
        raw = next((g for g in m.groups() if g), None) if m else None
        return _number(raw) if raw else None

    @staticmethod
    def deadline_weeks(message: str) -> float | None:
        """The weeks one has to reach a level (「兩個月內…每週要上幾小時」: a month taken as 4 weeks), when the
        weekly hours are what is asked; else None."""
        text = normalise(message)
        m = DEADLINE.search(text)
        if m is None or not WEEKLY_ASKED.search(text):
            return None
        raw = m.group("n") or m.group("en_n")
        value = _number(raw) if m.group("n") else EN_ONES.get(raw) or (float(raw) if raw.isdigit() else None)
        if not value:
            return None
        unit = m.group("unit") or m.group("en_unit")
        return float(value) * (4 if unit.startswith(("月", "month")) else 1)

    def pace(self, message: str) -> Pace | None:
        """The pace of study a message states (「每週上 5 小時的影像課」 "3 hours a week"), else None — sessions
        already taken (「每週 3 小時上了 6 週」) are hours, no pace."""
        # (「每禮拜上一個半小時」: an hour and a half)
        halves = HALF_HOUR.sub(lambda h: f"{(_number(h.group(1)) or 0) + 0.5:g} 小時", normalise(message))
        halves = JUST_HALF.sub("0.5 小時", halves)  # 「每禮拜上半小時」: half an hour
        # 「一週上兩次、每次三小時」: times a week by the hours each time
        halves = self._times_each(halves)
        text = self.sessions_as_hours(english_hours_as_digits(halves))
        m = self.pace_re.search(text)
        if m is None:
            return None
        raw = m.group("n") or m.group("en_n")
        hours = _number(raw) if raw else None
        if not hours:
            return None
        said = m.group("period") or m.group("period1")
        period = PERIODS.get(said, "day") if said else m.group("en_period")
        course = m.group("tail") or m.group("en_tail") or m.group("en_lead") or ""  # ("4 hours of ML a week")
        if not course:  # 「每週上 4 小時圖文，…」: an area word right after the hours, in the same clause
            after = re.split(r"[，,。；;、!！?？]", text[m.end() : m.end() + 10])[0]
            course = after if self._areas_in(after) and not re.search(r"\d", after) else ""
        if not course:  # 「模型訓練一週上五小時」: the area said right before the pace, in its own clause
            before = re.split(r"[，,。；;、!！?？]", text[max(0, m.start() - 8) : m.start()])[-1]
            course = "" if re.search(r"\d|小時|hours?", before) else before
        areas = [area for _, area in self._areas_in(course)]
        area = areas[0] if areas and areas[0] != "tool" else None  # 「工具課」: tools in general, no one item
        return Pace(hours, period, area)

    @staticmethod
    def _times_each(text: str) -> str:
        """「一週上兩次、每次三小時」 "two sessions a week, 1.5 hours each": the pace written as hours a week."""
        text = TIMES_EACH_EN.sub(
            lambda t: f"{(EN_ONES.get(t.group('k')) or float(t.group('k'))) * float(t.group('h')):g} hours a week", text
        )
        return TIMES_EACH.sub(
            lambda t: f"每{t.group('p')} {(_number(t.group('k')) or 0) * (_number(t.group('h')) or 0):g} 小時", text
        )

    def _held_in_statements(self, text: str) -> list[str]:
        """Certificates after a bare 「有」/"have" in the sentences that ask nothing."""
        held: list[str] = []
        for sentence in SENTENCE_SPLIT.split(text):
            if sentence.strip() and not ASKS.search(sentence):
                held += self._held(sentence, False, [m.end() for m in PLAIN_HOLDING.finditer(sentence)])
        return list(dict.fromkeys(held))

    def _held(self, text: str, hypothetical_add: bool, markers: list[int] | None = None) -> list[str]:
        entities = self.reader.entities(text)
        entities += self.reader.sibling_levels(text, entities)
        near = self.reader.certs_by_similar_name(text, entities)  # 「aws ai practitoner」: a typo of a name
        # 「NVIDIA 的 Generative AI & LLMs」: an issuer and words only one of its certifications has
        # (words inside a certificate's name already read are not words of another: "the 生成式AI辦公室應用能力
        # 認證 from III" holds one certificate, not also III's 生成式 AI 能力認證)
        others = [e for e in entities if e.kind != "cert"]
        rest = text
        for e in entities:
            if e.kind == "cert":
                rest = re.sub(re.escape(e.surface), " ", rest, flags=re.IGNORECASE)
        # (and the issuer's own name, "III", is no word of one of its certificates)
        said = self.issuer_keys | {e.surface for e in others if e.kind == "issuer"}
        near += [e for e in self.reader.certs_by_issuer_words(rest, others) if e.surface not in said]
        entities += [replace(e, start=text.find(e.surface)) for e in near if e.surface in text]
        entities += self._every_of_issuer(text, others)
        if markers is None:
            markers = [m.end() for m in self.holding.finditer(text)]
        held = []
        for e in entities:
            if e.kind != "cert":
                continue
            # entity positions count characters without spaces: find the name in the text itself
            start = text.find(e.surface) if e.surface in text else _unsquashed(text, e.start)
            near_marker = any(0 <= start - end <= NEAR for end in markers)
            # (a name read without its spaces, 「ipas 初級」 in 「ipas初級那張」, ends where its letters do)
            end = (
                start + len(e.surface)
                if e.surface in text
                else _unsquashed(text, e.start + len(e.surface.replace(" ", "")))
            )
            tail = text[end : end + 12]
            after = self.holding.search(tail) or HELD_AFTER.match(tail)
            if near_marker or after or hypothetical_add or self._listed_after_marker(text, start, markers):
                held.append(e.key)
        return list(dict.fromkeys(held))

    def _every_of_issuer(self, text: str, entities: list[Entity]) -> list[Entity]:
        """ "both NVIDIA associate certs", 「微軟的兩張都有」: every certificate of the issuer named."""
        out = []
        for e in entities:
            at = text.find(e.surface)
            if e.kind != "issuer" or at < 0:
                continue
            every = EVERY_OF.search(text[max(0, at - 12) : at + len(e.surface) + 16])
            if every:
                certs = [c for c in self.reader.catalog.certifications if c.issuer == e.key]
                two = re.search(r"兩|二|\bboth\b", every.group(0))
                named = any(
                    x.kind == "cert" and self.reader.catalog.certification(x.key).issuer == e.key
                    for x in self.reader.entities(text)
                )
                # 「兩張電腦技能基金會的證照：A，還有 B」: the two named, not every one of its five
                if len(certs) > 1 and not named and not (two and len(certs) != 2):
                    out += [Entity("cert", c.id, e.surface, at) for c in certs]
        return out

    @staticmethod
    def _listed_after_marker(text: str, start: int, markers: list[int]) -> bool:
        """「我手上有 A、B、C」: names in one list after a holding phrase, with no sentence end between."""
        return any(end <= start and not re.search(r"[。？?！!]", text[end:start]) for end in markers)

    def _unnamed(self, text: str) -> list[tuple[str, int]]:
        """Counts of certificates without names (「兩張工具類」); a count asked for (「推薦一張素養類」,
        "suggest one literacy certificate") is a request, not a holding."""
        found = []
        for m in self.unnamed.finditer(text):
            n = int(m.group(1)) if m.group(1).isdigit() else chinese_number(m.group(1))
            if m.start() > 0 and text[m.start() - 1] == "第":
                if re.search(r"(算|算是|當成|当成)\s*第$", text[max(0, m.start() - 4) : m.start()]):
                    continue  # 「這樣算第三張工具類嗎」 asks whether one counts, holding nothing more
            if re.search(
                r"(算不算|算是|會不會|会不会|是不是|算)\s*(再)?多\s*$", text[max(0, m.start() - 6) : m.start()]
            ):
                continue  # 「算不算多一張工具類」 asks whether one more counts, holding nothing more
                n = 1  # 「再考第二張工具類」: one more, the second one held
            if n and n >= 1 and not REQUESTED.search(text[max(0, m.start() - 8) : m.start()]):
                found.append((m.group(3), int(n)))
        for m in self.unnamed_each.finditer(text):
            n = int(m.group(2)) if m.group(2).isdigit() else chinese_number(m.group(2))
            if n and n >= 1 and not REQUESTED.search(text[max(0, m.start() - 8) : m.start()]):
                found += [(c, int(n)) for c in re.findall(r"素養類|工具類|專案類", m.group(1))]
        for m in ONE_OF_CATEGORY.finditer(text):  # 「拿到專案類的其中一張」: any one of that category
            if not REQUESTED.search(text[max(0, m.start() - 8) : m.start()]):
                found.append((m.group(1), 1))
        for m in SELF_FILED.finditer(text):
            # 「有 Google 的 AI Essentials 證書（表上沒有，我覺得算素養類）」: a certificate 表6 does not list, filed
            # by its holder under a category (附件(三) lets them) — one of that category, unless the clause names
            # a 表6 certificate (whose category the table gives) or asks (「這張算素養類嗎」)
            # (the words naming it: from the comma before its certificate word — 「…、TQC+ …，還有一張 Coursera 的
            # Prompt Engineering 證書」 names Coursera's, whatever 表6 certificates the list before it names)
            start = max((x.end() for x in re.finditer(r"[。；;，,、]|\d\s*[.、]\s", text[: m.start()])), default=0)
            clause = text[start : m.start()]
            asked = re.match(r"\s*(嗎|吗|呢|吧|\?|？|對吧|对吧|沒錯吧)", text[m.end() :])
            if not asked and not any(e.kind == "cert" for e in self.reader.entities(clause)):
                found.append((m.group("category"), 1))
        for m in self.unnamed_en.finditer(text):
            n = int(m.group(1)) if m.group(1).isdigit() else EN_NUMBERS.get(m.group(1), 1)  # ("another", "a second")
            if not REQUESTED.search(text[max(0, m.start() - 24) : m.start()]):
                found.append((EN_CATEGORY[m.group(2)], n))
        return [(c, n) for c, n in found if c in CERT_CATEGORIES]

    def _hours_for_the_type_asked(self, text: str) -> list[tuple[str, float]]:
        """「只上過一門 5 小時的 AI 入門課，AI 應用素養還差幾小時？」: hours named with no area, in a message
        about exactly one competency type, are that type's hours."""
        types = {e.key for e in self.reader.entities(text) if e.kind == "type"} | set(self.types_named(text))
        if len(types) != 1:
            return []
        area = self.type_areas[types.pop()]
        timed = bool(self.duration.search(text))
        values = [
            v
            for m in self.hours_re.finditer(text)
            if (v := _number(m.group("n"))) is not None
            and not DENIED_HAVING.search(text[max(0, m.start() - 40) : m.start()])
            # (「素養課一小時都沒上過」: not even one hour)
            and not re.match(r"\s*(都|也|還)(沒|没|還沒|还没|未)", text[m.end() :])
            # (「素養那3小時加上…總共要幾週」: hours pointed at in a time question are no new fact)
            and not (timed and re.search(r"(這|那|这)\s*$", text[max(0, m.start() - 3) : m.start()]))
            # (「那16小時還沒上」: hours said not taken are no fact)
            and not re.search(r"^[^，。,?？]{0,4}(還沒|还没|沒上|没上|尚未|not yet)", text[m.end() : m.end() + 10])
        ]
        return [(area, values[0])] if len(values) == 1 else []

    def route(self, message: str) -> str | None:
        """The one 表5 route a message restricts itself to (「照時數算的話」, "by certificates"), if any."""
        named = self.routes_named(message)
        return next(iter(named)) if len(named) == 1 else None

    def routes_named(self, message: str) -> set[str]:
        """The 表5 routes a message names (both: 「用上課或考照各差多少」 asks each)."""
        text = normalise(message)
        other = {"training": "certificate", "certificate": "training"}
        named = set()
        for route, pattern in self.routes.items():
            for m in pattern.finditer(text):  # 「不看證照」 names the other route
                named.add(other[route] if NOT_ROUTE.search(text[max(0, m.start() - 8) : m.start()]) else route)
        return named

    def areas_named(self, text: str) -> list[tuple[str, str, str]]:
        """(competency type, hours area, the words that name it) for what a message says one does
        (「公文初稿都用 AI 寫」 → AI 工具應用 / tool.文書, 「用 n8n 串通知」 → tool.自動化, 「用 Cursor 寫
        小程式」 → AI 程式語言應用 / programming), in order."""
        clause = normalise(text)
        by_area = {area: name for name, area in self.type_areas.items()}
        found: dict[str, list[str]] = {}
        for start, area in self._areas_in(clause, self.subject_words):
            ends = self._ends(clause, start)
            found.setdefault(area, []).append(clause[start : ends[0]] if ends else "")
        return [
            (by_area[area.split(".")[0]], area, "、".join(dict.fromkeys(w for w in words if w)))
            for area, words in found.items()
            if area.split(".")[0] in by_area
        ]

    def types_named(self, clause: str) -> list[str]:
        """The competency types whose hours areas a clause names (「素養那塊有過嗎」 → AI 應用素養)."""
        by_area = {area: name for name, area in self.type_areas.items()}
        named = [by_area.get(area.split(".")[0]) for _, area in self._areas_in(clause, self.subject_words)]
        return list(dict.fromkeys(n for n in named if n))

    def areas_in(self, clause: str) -> list[tuple[int, str]]:
        """The hours areas a clause names, with where (「影像類工具課」→ tool.影像)."""
        return self._areas_in(clause)

    def _one_area_summed(self, text: str, at: int, held_areas: frozenset[str] = frozenset()) -> bool:
        """「工具課加起來 16 小時」: one area's courses added up are that area's hours (new facts), while
        「圖文跟影像加起來 18 小時」 or 「全部加起來」 adds up areas already stated."""
        clause = re.split(r"[，,、。；;！!？?]", text[:at])[-1]
        areas = {area for _, area in self._areas_in(clause)}
        stated = {area for _, area in self._areas_in(text)} | held_areas
        if areas == {"tool"} and any(area.startswith("tool.") for area in stated):
            return False  # 「文書 15 小時、繪圖 10 小時…工具類的課加起來 25 小時」: the items stated, added up
        return len(areas) == 1 and not re.search(r"[跟和與及&]|and", clause)

    def _areas_in(self, clause: str, words: list[tuple[str, str]] | None = None) -> list[tuple[int, str]]:
        taken = [False] * len(clause)
        found = []
        for word, area in self.area_words if words is None else words:
            # ("coding-assistant training": English words joined by a hyphen are the same words)
            pattern = re.escape(word).replace(r"\ ", r"[\s-]")
            if re.fullmatch(r"[a-z][a-z .+-]*[a-z]", word):  # ("text" is no part of "context", "rag" of "drag")
                pattern = rf"(?<![a-z]){pattern}(?![a-z])"
            for m in re.finditer(pattern, clause):
                if any(taken[m.start() : m.end()]) or clause[m.start() : m.end() + 1] in CATEGORY_WORDS:
                    continue  # 「素養類」 is a certificate category, not the literacy hours (「文書類」 is 文書)
                for i in range(m.start(), m.end()):
                    taken[i] = True
                found.append((m.start(), area))
        if words is None:
            found += self._shared_tools_in(clause, taken)
        # 「自動化工具課」「文書工具」: the generic tool word right after a tool item names that item's hours
        ends = {end for start, area in found if area.startswith("tool.") for end in self._ends(clause, start)}
        return sorted(
            (start, area)
            for start, area in found
            if not (area == "tool" and any(0 <= start - end <= 1 for end in ends))
        )

    def _shared_tools_in(self, clause: str, taken: list[bool]) -> list[tuple[int, str]]:
        """A tool of two areas (Claude) names the one area whose words the clause has (「用 Claude 寫東西的課」 is
        文書); none when the clause says neither or both."""
        found = []
        for tool, where in self.shared_tools.items():
            for m in re.finditer(rf"(?<![a-z]){re.escape(tool)}(?![a-z])", clause):
                if any(taken[m.start() : m.end()]):
                    continue
                fits = [a for a in where if a in self.shared_context and self.shared_context[a].search(clause)]
                if len(fits) == 1:
                    found.append((m.start(), fits[0]))
        return found

    def _ends(self, clause: str, start: int) -> list[int]:
        """Where the area word that starts at `start` ends (the longest word matching there)."""
        return [start + len(w) for w, _ in self.area_words if clause.startswith(w, start)][:1]

    def _right_after(self, clause: str, areas: list[tuple[int, str]]) -> list[tuple[int, str, float]]:
        """Areas followed right away by a bare number (「素养有18」「工具30」), in a clause that also has a
        number with an hours unit: (area start, area, hours)."""
        if not self.hours_re.search(clause):
            return []
        out = []
        for start, area in areas:
            ends = self._ends(clause, start)
            m = RIGHT_AFTER.match(clause, ends[0]) if ends else None
            if m:
                out.append((start, area, float(m.group(1))))
        return out

    def _the_rest(self, text: str, hours: list[tuple[str, float]]) -> list[tuple[str, float]]:
        """ "40 hours of tool courses… mostly ChatGPT, maybe 25, and the rest on Zapier" 「工具課 40 小時，文書
        25，其餘是自動化」: a tool total, some items, and the rest given to one more item (the total's
        remainder), in place of the total."""
        m = REST.search(text)
        generic = [v for a, v in hours if a == "tool"]
        if m is None or len(generic) != 1:
            return hours
        named = [area for _, area in self._areas_in(m.group("tail")) if area.startswith("tool.")]
        parts = sum(v for a, v in hours if a.startswith("tool."))
        if not named or generic[0] <= parts:
            return hours
        return [(a, v) for a, v in hours if a != "tool"] + [(named[0], generic[0] - parts)]

    def _filled_up(self, text: str) -> str:
        """「把素養時數補滿之後」「程式課上滿」: the area named just before is taken to its 表5 threshold (the
        highest one a rule sets on that area alone, from the rule table), said as hours."""
        m = FILLED_UP.search(text)
        asked = self.duration.search(text)
        if m is not None and asked is not None and asked.start() < m.start():
            return text  # 「多久能把模型訓練那塊時數補完」: how long the making up takes is asked, nothing is supposed
        en = FILLED_UP_EN.search(text) if m is None else None
        if en is not None:
            # "say I finish those literacy hours": the area named inside, taken to its threshold
            found = self._areas_in(en.group(0))
            if not found:
                return text
            at, area = found[0]
            word = en.group(0)[at : self._ends(en.group(0), at)[0]]
            threshold = self._area_threshold(area)
            if threshold is None:
                return text
            return f"{text[: en.start()]}{word} 補到 {threshold:g} 小時{text[en.end() :]}"
        if m is None:
            return text
        areas = [area for at, area in self._areas_in(text[: m.start()]) if m.start() - at <= 12]
        if not areas:
            return text
        threshold = self._area_threshold(areas[-1])
        if threshold is None:
            return text
        return f"{text[: m.start()]}補到 {threshold:g} 小時{text[m.end() :]}"

    def _area_threshold(self, area: str) -> float | None:
        """The highest 表5 threshold a rule sets on one hours area alone (a tool item: the single-item one)."""
        measure = "tool_max_item" if area.startswith("tool.") else area
        thresholds = [
            c.threshold
            for t in self.reader.catalog.rules.types
            for lv in t.levels
            for r in lv.rules
            for c in r.conditions
            if c.measures == [measure]
        ]
        return max(thresholds) if thresholds else None

    def _chinese_after_areas(self, text: str) -> str:
        """「文書十二 自動化十」: Chinese numerals right after area words become digits (see CHINESE_RIGHT_AFTER)."""
        for start, _ in sorted(self._areas_in(text), reverse=True):
            ends = self._ends(text, start)
            m = CHINESE_RIGHT_AFTER.match(text, ends[0]) if ends else None
            value = _number(m.group("n")) if m else None
            if m and value is not None:
                text = f"{text[: m.start('n')]}{value:g}{text[m.end('n') :]}"
        return text

    def _listed_bare_hours(self, text: str) -> str:
        """「素養18、文書18」「素養24、圖文9、影像9」: two or more area words, each followed right away by a
        bare number, list hours the way HR staff jot them down; the numbers get their unit. (One area and a
        number alone, 「素養18」, stays unread: it could be anything.)"""
        if self.hours_re.search(text):
            return text  # units are used: `_hours` reads the bare numbers beside them already
        ends = []
        for start, _ in self._areas_in(text):
            word_end = self._ends(text, start)
            m = RIGHT_AFTER.match(text, word_end[0]) if word_end else None
            if m:
                ends.append(m.end(1))
        for end in sorted(set(ends), reverse=True) if len(set(ends)) >= 2 else []:
            text = f"{text[:end]} 小時{text[end:]}"
        return text

    def _each_hours(self, text: str) -> str:
        """「文書和自動化兩種工具，各 15 小時」 "writing and automation, 15 hours each": one number of hours
        for every area the sentence names before it without hours of its own, written out for each area."""
        m = EACH_HOURS.search(text)
        if m is None:
            return text
        start = max((x.end() for x in SENTENCE_END.finditer(text, 0, m.start())), default=0)
        areas = [(at, area) for at, area in self._areas_in(text[start : m.start()]) if area != "tool"]
        clause = text[start : m.start()]
        # (「Canva 跟 Midjourney 做圖的課各上了10小時」: two courses of one area, joined, are two courses)
        ordered = sorted(areas)
        joined = len(ordered) >= 2 and bool(
            re.search(r"(跟|和|與|与|及|、|\band\b|,)", clause[ordered[0][0] : ordered[1][0]])
        )
        if len({area for _, area in areas}) < 2 and joined:
            areas = ordered[:2]  # (the two joined names, not the words after them that name the same area)
        elif len({area for _, area in areas}) < 2 or self.hours_re.search(clause):
            return text
        n = m.group("n") or m.group("en")
        for at, _ in sorted(areas, reverse=True):
            end = start + self._ends(text[start:], at)[0]
            text = f"{text[:end]} {n} 小時{text[end:]}"
        shift = sum(len(f" {n} 小時") for _ in areas)
        return text[: m.start() + shift] + " " + text[m.end() + shift :]

    def _bare_positions(self, clause: str, paired: list[tuple[int, str, float]]) -> list[int]:
        """Where the numbers `_right_after` read start (they are never also read as hours with a unit)."""
        out = []
        for start, _, _ in paired:
            ends = self._ends(clause, start)
            m = RIGHT_AFTER.match(clause, ends[0]) if ends else None
            if m:
                out.append(m.start(1))
        return out

    def _hours(self, text: str) -> tuple[list[tuple[str, float]], list[float]]:
        """Each number of hours with the nearest area word of its clause; in a message that uses an hour
        unit somewhere, 「圖文 15」 (an area word then a bare number) counts too. Second: the hours of
        clauses with no area at all (「不對，是 21 小時才對。另外文書 20 小時」: the 21 corrects the area said
        before, which only the conversation knows)."""
        out: list[tuple[str, float]] = []
        orphans: list[float] = []
        uses_units = bool(self.hours_re.search(text))
        timed = bool(self.duration.search(text))
        pending: list[tuple[int, str]] = []  # 「工具課我只上過 ChatGPT 的，10 小時」: an area, its hours after a comma
        # 「那 12 小時不是上文書，而是上自動化」: hours said not to be an area's go to the area said instead
        denies = any(NOT_AREA.search(text[max(0, at - 4) : at]) for at, _ in self._areas_in(text))
        named_instead = [area for m in INSTEAD.finditer(text) for _, area in self._areas_in(m.group("rest"))[:1]]
        instead = named_instead if denies else []
        for clause in CLAUSE.split(text):
            if not clause or not clause.strip():
                continue
            for e in self.reader.entities(clause):  # 「Microsoft Azure AI Fundamentals」 names no tool's area
                if e.kind == "cert" and e.surface in clause:
                    clause = clause.replace(e.surface, " " * len(e.surface))
            areas = self._areas_in(clause)
            if instead:
                kept = [(at, area) for at, area in areas if not NOT_AREA.search(clause[max(0, at - 4) : at])]
                areas = kept if kept or not areas else [(0, instead[0])]
                if INSTEAD.match(clause.strip()) and not self.hours_re.search(clause):
                    continue  # the clause naming the area instead has no hours of its own to read
            # (「素養課一小時都沒上過」 "not even one hour": none taken)
            numbers = [
                (m.start(), m.group("n"))
                for m in self.hours_re.finditer(clause)
                if not re.match(r"\s*(都|也|還)(沒|没|還沒|还没|未)", clause[m.end() :])
            ]
            if timed:  # 「素養那3小時加上進階那段，總共要幾週」: hours pointed at, to be timed, are no new fact
                numbers = [(at, raw) for at, raw in numbers if not re.search(r"(這|那|这)\s*$", clause[:at])]
            if not numbers and uses_units and areas:
                # (「再上 6 小時自動化，讓自動化到 18 呢」: 「到 18」 is the total the hours make, not more hours)
                numbers = [
                    (m.start(), m.group("n"))
                    for m in self.bare_number.finditer(clause)
                    if not re.search(r"到\s*$", clause[: m.start()])
                    and not (timed and re.search(r"(這|那|这)\s*$", clause[: m.start()]))
                ]
            if not areas and not numbers and pending and uses_units:
                # "Mostly ChatGPT for proposals, maybe 25": the bare number of a clause right after its area
                numbers = [
                    (m.start(), m.group("n"))
                    for m in self.bare_number.finditer(clause)
                    if not NOT_AREA.search(clause[: m.start()])  # ("…12 hours of literacy, not 18")
                ][:1]
            if not areas:
                areas, pending = ([(0, pending[-1][1])] if numbers and pending else []), []
                if not areas and numbers and out and AGAIN_TAKEN.search(clause):
                    areas = [(0, out[-1][0])]  # 「之前上過素養 9 小時，今天又上了九小時」: more of the same area
                if not areas:
                    # (「不是 11 小時」 is the number taken back, no hours of any area)
                    orphans += [
                        v
                        for at, raw in numbers
                        if (v := _number(raw)) is not None and not NOT_AREA.search(clause[max(0, at - 4) : at])
                    ]
                    continue
            elif not numbers:
                pending = areas
                continue
            paired = self._right_after(clause, areas) if numbers and len(areas) > 1 else []
            if paired:
                # 「我都上25h了 素養有18 工具30」: the areas with their own numbers are read first; a number
                # with a unit and no area left takes the area a clause before named (模型訓練)
                out += [(area, value) for _, area, value in paired]
                areas = [a for a in areas if a[0] not in {start for start, _, _ in paired}]
                numbers = [n for n in numbers if not any(n[0] == at for at in self._bare_positions(clause, paired))]
                if not areas:
                    areas = [(0, pending[-1][1])] if pending else []
                if not areas or not numbers:
                    continue
            ordered = sorted(areas)
            # (「…12 h Runway video each. Do they reach anything for AI tool application?」: the sentence the number
            # is in, not the question after it)
            stop = re.search(r"[.?!。？！](\s|$)", clause[numbers[0][0] :]) if numbers else None
            bound = numbers[0][0] + stop.start() if stop else len(clause)
            distinct = list(dict.fromkeys(area for at, area in ordered if at < bound))
            if len(numbers) == 1 and len(distinct) > 1 and EACH.search(clause):
                # 「ElevenLabs 跟 Midjourney 各再多上 4 小時」: the one number is for each area named (「12 h Runway
                # video each」 names one area twice: once)
                value = _number(numbers[0][1])
                out += [(area, float(value)) for area in distinct if value is not None]
                continue
            in_order = len(numbers) > 1 and len(ordered) == len(numbers)
            for n, (pos, raw) in enumerate(numbers):
                value = _number(raw)
                if value is None or COMPARED.search(clause[max(0, pos - 4) : pos]):
                    continue  # 「文書都超過 18 小時了」 compares with the threshold; it states no hours
                if DENIED_HAVING.search(clause[max(0, pos - 40) : pos]):
                    continue  # "Cara doesn't have 18h in any single tool": a threshold not had, no hours
                if NOT_AREA.search(clause[max(0, pos - 4) : pos]) and len(numbers) > 1:
                    continue  # 「其實是4hr不是6hr」: the number denied is the one being corrected
                # 「ChatGPT 10小時 Canva 12小時」: as many areas as numbers pair up in order, whichever is nearer
                _, area = ordered[n] if in_order else min(areas, key=lambda a: abs(a[0] - pos))
                out.append((area, float(value)))
            # "…40 hours of tool courses. Mostly ChatGPT for proposals, maybe 25": an area named after the last
            # number, with none of its own, takes the number of the next clause
            last = max(pos for pos, _ in numbers)
            trailing = [(at, area) for at, area in areas if at > last and area != "tool"]
            pending = trailing[-1:]
        return out, orphans

    # ------------------------------------------------------------------ applying
    def apply(self, profile: StatedProfile, ex: Extracted, turn: int) -> StatedProfile:
        """A new profile with the message's facts; hours replace the area's value unless the message adds
        (「再多上 8 小時」), certificates and counts accumulate, 「沒有證照」 clears certificates."""
        p = profile.model_copy(deep=True)
        if ex.moved_from is not None:
            # hours said to belong elsewhere move there: out of the denied area when they were stated in it,
            # else they were a supposition's (「如果再上 12 小時文書」), added to the area named instead
            denied = p.hours.get(ex.moved_from)
            moved = sum(value for _, value in ex.hours)
            if denied is not None and denied.hours >= moved:
                left = denied.hours - moved
                if left:
                    p.hours[ex.moved_from] = denied.model_copy(update={"hours": left, "turn": turn})
                else:
                    p.hours.pop(ex.moved_from)
            ex = replace(ex, moved_from=None, adds=True, correction=False)
        if ex.no_certificates and not ex.certificates and not ex.unnamed:
            p.certificates, p.unnamed, p.no_certificates_turn = [], [], turn
        if ex.no_training and not ex.hours:
            p.hours, p.no_training_turn = {}, turn
        if ex.correction and ex.certificates and not ex.adds and p.certificates and not ex.negated:
            # 「不對，我拿的是 X」: X replaces the certificates stated in the turn before
            last = max(c.turn for c in p.certificates)
            p.certificates = [c for c in p.certificates if c.turn != last]
        p.certificates = [c for c in p.certificates if c.cert_id not in ex.negated]
        if ex.none_of:  # 「我沒有任何素養類證照」 takes back any of that category stated before
            category = {c.id: c.category for c in self.reader.catalog.certifications}
            p.certificates = [c for c in p.certificates if category.get(c.cert_id) not in ex.none_of]
            p.unnamed = [u for u in p.unnamed if u.category not in ex.none_of]
        for cert_id in ex.certificates:
            if cert_id in ex.negated:
                continue  # 「NVIDIA 那張其實是 X，不是 LLMs」: the one taken back is named too, and stays out
            if all(c.cert_id != cert_id for c in p.certificates):
                p.certificates.append(HeldCertificate(cert_id=cert_id, turn=turn))
                p.no_certificates_turn = None
        for category, count in ex.unnamed:
            p.unnamed.append(UnnamedCertificates(category=category, count=count, turn=turn))
            p.no_certificates_turn = None
        if ex.unassigned_hours and p.hours:  # a number alone corrects the area stated last
            area = max(p.hours, key=lambda a: p.hours[a].turn)
            value, parts = ex.unassigned_hours[-1], []
            if len(ex.unassigned_hours) == 2:  # 「那個 12h 其實是 10h」: the wrong value names what it corrects
                area, value, parts = _corrected_value(p, ex.unassigned_hours[0], value, area)
            p.hours[area] = StatedHours(
                hours=value, turn=turn, unspecified_tool=p.hours[area].unspecified_tool, parts=parts
            )
        hours: dict[str, float] = {}
        for area, value in ex.hours:  # 「Midjourney 15hr、Canva 10hr」: two courses of one area add up
            hours[area] = value if ex.correction else hours.get(area, 0.0) + value
        for area, value in hours.items():
            unspecified = area == "tool"
            key = (
                "tool.文書" if unspecified and not self._tool_area(p) else (self._tool_area(p) if unspecified else area)
            )
            previous = p.hours.get(key)
            # 「其實是 15 小時不是 20」 replaces even beside a word of adding
            added = previous and ex.adds and not ex.correction and area not in ex.totals
            total = value + (previous.hours if added else 0.0)
            p.hours[key] = StatedHours(
                hours=total,
                turn=turn,
                unspecified_tool=unspecified or bool(previous and previous.unspecified_tool and ex.adds),
                parts=[*(previous.parts or [previous.hours]), value] if added and previous else [],
            )
            p.no_training_turn = None
        return p

    @staticmethod
    def _tool_area(p: StatedProfile) -> str | None:
        """Where general 「AI 工具應用」 hours go: the item already holding unspecified tool hours."""
        return next((area for area, h in p.hours.items() if h.unspecified_tool), None)


def _corrected_value(p: StatedProfile, wrong: float, right: float, last: str) -> tuple[str, float, list[float]]:
    """(area, its new total, its parts) when 「X 其實是 Y」 corrects a value stated before: the area whose total
    was X, else the area one of whose added parts was X (that part alone changes), else the area stated last."""
    recent_first = sorted(p.hours, key=lambda a: -p.hours[a].turn)
    for area in recent_first:
        if p.hours[area].hours == wrong:
            return area, right, []
    for area in recent_first:
        parts = list(p.hours[area].parts)
        if wrong in parts:
            parts[parts.index(wrong)] = right
            return area, sum(parts), parts
    return last, right, []


def _unsquashed(text: str, position: int) -> int:
    """The index in `text` of the character at `position` when spaces are not counted."""
    seen = 0
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        if seen == position:
            return i
        seen += 1
    return len(text)


def _sessions_as_hours(m: re.Match[str]) -> str:
    """「兩天 一天9小時」 → 「 18 小時」, keeping the course named between (「兩次素養課 每次9小時」)."""
    raw = m.group("n")
    half = raw.endswith("點五") or m.group("unit") == "天半"  # 「一點五天」「兩天半」: and a half
    n, per = _number(raw.removesuffix("點五")), _number(m.group("m"))
    if not n or per is None:
        return m.group(0)
    n += 0.5 * half
    return f"{m.group('mid')} {n * per:g} 小時"


def _per_year_as_hours(m: re.Match[str]) -> str:
    """「每年 6 小時，2023、2024、2025 三年都有上」 → 「 18 小時，…」."""
    per, n = _number(m.group("m")), _number(m.group("n"))
    if not n or per is None:
        return m.group(0)
    return f" {n * per:g} 小時{m.group('mid')}"


def _per_first_as_hours(m: re.Match[str]) -> str:
    """「每週3小時上了6週」 → 「 18 小時」."""
    per, n = _number(m.group("m")), _number(m.group("n").removesuffix("點五"))
    if not n or per is None:
        return m.group(0)
    return f" {n * per:g} 小時"


def _number(raw: str) -> float | None:
    return float(raw) if re.fullmatch(r"\d+(\.\d+)?", raw) else chinese_number(raw)
