"""The typed state of one user's dialogue, stored as JSON after every event.

Why typed: what the last answers were about and what the user said about themselves are decisions
the advisor reasons over (follow-ups, levels from the engine); string-keyed dicts hid which fields
exist. Only facts are stored — entities, numbers, certificate ids, the turn they came from — never
the text of a message. `/forget` deletes all of it; `/profile` shows and clears the stated facts.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from knowledge.models import CertCategory
from knowledge.stated_profile import StatedProfile

log = logging.getLogger(__name__)
STATE_VERSION = 2


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Step(StrEnum):
    """The steps of the guided assessment (conversation/assessment_flow.py)."""

    PRIVACY = "privacy"
    CERTS = "certs"
    OTHER_NAME = "other_name"
    OTHER_CATEGORY = "other_category"
    OTHER_DOMAIN = "other_domain"
    HOURS = "hours"
    REVIEW = "review"
    EDIT = "edit"
    RESULT = "result"


# How button data names a step: short, because callback data holds at most 64 bytes.
WIRE_CODES = {
    Step.PRIVACY: "p",
    Step.CERTS: "c",
    Step.OTHER_NAME: "on",
    Step.OTHER_CATEGORY: "oc",
    Step.OTHER_DOMAIN: "od",
    Step.HOURS: "h",
    Step.REVIEW: "r",
    Step.EDIT: "e",
    Step.RESULT: "x",
}


class PendingCertificate(Model):
    """A self-declared certificate being entered: its name, then its category (and tool domain)."""

    name: str | None = None
    category: CertCategory | None = None


class FlowState(Model):
    """Where the guided assessment is and the answers so far (certificate ids, hours per area)."""

    nonce: str
    step: Step = Step.PRIVACY
    page: int = 0  # the 認證分類 page of the certificates step
    hour: int = 0  # the area of the hours step
    selected: list[str] = []
    declared: list[dict[str, str]] = []  # self-declared certificates, as the profile JSON has them
    hours: dict[str, float] = {}
    pending: PendingCertificate = PendingCertificate()
    back: list[tuple[Step, int, int]] = []
    review_return: bool = False  # an edit from the review step returns there
    policy: Literal["either", "both"] = "either"  # a shared code may carry `both` (the guided steps never ask)

    @property
    def active(self) -> bool:
        return self.step is not Step.RESULT


class Topic(Model):
    """What the last answer was about, for follow-ups: its entities in order, the asked intents, and
    the items of a list it showed (for 「第二個」)."""

    entities: list[tuple[str, str, str]] = []
    intents: list[str] = []
    listed: list[tuple[str, str]] = []
    lang: Literal["zh-TW", "zh-CN", "en"] = "zh-TW"
    turn: int = 0  # the turn whose answer this was
    rule: str = ""  # the decision-table rule that answered it (「那這個呢？」 asks the same of something else)
    # the level named with a type (「AI 工具應用進階最少要幾小時」), so 「順便也達到 X 呢」 adds X to that aim
    levels: list[tuple[str, str]] = []

    def context(self) -> dict[str, Any]:
        return {"entities": [tuple(e) for e in self.entities], "intents": list(self.intents), "rule": self.rule}


class PlanContext(Model):
    """The learning plan last shown: its target (as the guideline names it) and the route asked for, so
    「那如果只想考證照呢」「最少要幾小時」「只考一張、其他上課補」 narrow the same plan, and a corrected fact
    re-plans it."""

    target: str
    route: Literal["any", "certificate", "training", "one_certificate"] = "any"
    turn: int = 0


class PathChoice(Model):
    """One labelled alternative the user laid out to compare (「A 是考一張 X」): what it adds, as facts."""

    label: str
    certificates: list[str] = []
    hours: list[tuple[str, float]] = []


class DialogueState(Model):
    version: int = STATE_VERSION
    lang: Literal["zh", "en"] = "zh"
    turn: int = 0
    topic: Topic | None = None
    profile: StatedProfile = StatedProfile()
    flow: FlowState | None = None  # the guided assessment (conversation.assessment_flow)
    forget_pending: bool = False
    hypothesis: StatedProfile | None = None  # the last hypothetical, for 「在這個假設下…呢」 (never merged)
    situation_types: list[str] = []  # the types the last answer about the user's own result showed
    situation_route: Literal["certificate", "training"] | None = None  # 「單看時數」: the route it was limited to
    recent: list[tuple[str, str]] = []  # entities of the last answers, most recent last (「這兩張」)
    # entities in the order first talked about, so 「後面那個」 "the latter" is the one brought up later
    mentioned: list[tuple[str, str]] = []
    person: str | None = None  # the person `profile` belongs to, when named (conversation.people)
    people: dict[str, StatedProfile] = {}  # the other people named in this conversation, by name
    named: list[str] = []  # every person named, in the order first named: what 「第一個」「第二位」 count over
    # the words the user described their own work with (「行銷」「設計師」: the advisor's work vocabulary, not
    # the message), so 「我這種背景適合哪些職稱」 later is read with them
    background: list[str] = []
    plan: PlanContext | None = None  # the learning plan last shown (knowledge.planner)
    paths: list[PathChoice] = []  # the alternatives last compared (conversation.paths): what 「A 那張」 means
    # the certificates the last message named as someone's facts or a what-if, in order: 「這三張分別是誰辦的」
    said_certificates: list[str] = []
    # the study pace said last (hours, per "week" | "month" | "day"): 「一樣每週 5 小時」 "at the same pace" reuses it
    pace_said: tuple[float, str] | None = None
    pace_turn: int = 0  # the turn a pace was last said in (a fact corrected right after is timed again)
    pace_level: str = ""  # the level that pace was asked toward (「進階」 "Advanced"), timed again with it
    # the facts are a course package a trainer describes (「我在設計一門課：素養 18、文書 10…」), not someone's
    # record: 「每週上 3 小時要上幾週」 then times the whole package, not the gap to a level
    course: bool = False
    pace_area: str | None = None  # the hours area that pace was for (「每週上 4 小時圖文」): 「到時候」 adds there
    level_said: tuple[str, int] | None = None  # a level a question named and its turn (「要到進階還差多少」)
    # the language of the last message that read as one: 「C?」 "And B?" go on in it
    said_lang: Literal["zh-TW", "zh-CN", "en"] | None = None
    # `hypothesis` holds facts stated with no one named (「素養18h 文書12h 算初階嗎」): computed, not kept —
    # until the next message goes on stating facts (「不對 文書是21h」), which makes them the user's own
    unclaimed: bool = False
    # the types of the recent results about the user's facts, most recent last: 「這兩個都達標」 after one
    # result for AI 服務開發 and one for AI 模型訓練 means both
    types_talked: list[str] = []
    # what the last comparison of people asked (talent categories, types): 「更正…重算一下」 asks it again
    last_compared: list[tuple[str, str, str]] = []
    # the last list of certificates an answer showed (「你剛剛列的第一張」 after other turns came between)
    shown: list[tuple[str, str]] = []
    # the last what-if about each person talked about, by name (「假設 Amy 真的補了那 6h」 after turning to Ben)
    supposed: dict[str, StatedProfile] = {}
    # the 表3 category of each exam the user described, in order (「第一張考過的人」 "passes both of them")
    exams: list[str] = []

    @classmethod
    def load(cls, raw: dict[str, Any] | None, default_lang: Literal["zh", "en"]) -> DialogueState:
        """The stored state, upgraded from the first version's dict; a state that cannot be read starts
        afresh (logged without its content) rather than failing the user's message."""
        if not raw:
            return cls(lang=default_lang)
        raw = dict(raw)
        if raw.get("version") != STATE_VERSION:
            qa = raw.pop("qa", None) or {}
            raw = {
                "lang": raw.get("lang", default_lang),
                "flow": _upgrade_flow(raw.get("flow")),
                "forget_pending": bool(raw.get("forget_pending", False)),
                "topic": {"entities": [list(e) for e in qa.get("entities", [])], "intents": qa.get("intents", [])}
                if qa
                else None,
            }
        try:
            return cls.model_validate(raw)
        except ValidationError as exc:
            log.warning("stored dialogue state unreadable (%d errors): starting afresh", exc.error_count())
            return cls(lang=raw.get("lang") if raw.get("lang") in ("zh", "en") else default_lang)

    def dump(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def _upgrade_flow(flow: dict[str, Any] | None) -> dict[str, Any] | None:
    """A guided assessment stored by the first version (one-letter step codes) in today's terms."""
    if not flow:
        return None
    steps = {code: step.value for step, code in WIRE_CODES.items()}
    flow = dict(flow)
    flow["step"] = steps.get(flow.get("step"), flow.get("step"))
    flow["back"] = [[steps.get(b[0], b[0]), b[1], b[2]] for b in flow.get("back", [])]
    return flow
