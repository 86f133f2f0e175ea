"""The typed state of one user's dialogue, stored as JSON after every event.

Why typed: what the last answers were about and what the user said about themselves are decisions
the advisor reasons over (follow-ups, levels from the engine); string-keyed dicts hid which fields
exist. Only facts are stored — entities, numbers, certificate ids, the turn they came from — never
the text of a message. `/forget` deletes all of it; `/profile` shows and clears the stated facts.
"""

from __future__ import annotations

import logging
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from knowledge.stated_profile import StatedProfile

log = logging.getLogger(__name__)
STATE_VERSION = 2


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Topic(Model):
    """What the last answer was about, for follow-ups: its entities in order, the asked intents, and
    the items of a list it showed (for 「第二個」)."""

    entities: list[tuple[str, str, str]] = []
    intents: list[str] = []
    listed: list[tuple[str, str]] = []
    lang: Literal["zh-TW", "zh-CN", "en"] = "zh-TW"

    def context(self) -> dict[str, Any]:
        return {"entities": [tuple(e) for e in self.entities], "intents": list(self.intents)}


class DialogueState(Model):
    version: int = STATE_VERSION
    lang: Literal["zh", "en"] = "zh"
    turn: int = 0
    topic: Topic | None = None
    profile: StatedProfile = StatedProfile()
    flow: dict[str, Any] | None = None  # the guided assessment (conversation.assessment_flow)
    forget_pending: bool = False
    hypothesis: StatedProfile | None = None  # the last hypothetical, for 「在這個假設下…呢」 (never merged)
    situation_types: list[str] = []  # the types the last answer about the user's own result showed
    recent: list[tuple[str, str]] = []  # entities of the last answers, most recent last (「這兩張」)

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
                "flow": raw.get("flow"),
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
