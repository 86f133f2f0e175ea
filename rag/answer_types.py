"""The answer shape shared by every route (see `advisor ask --json` in the interfaces spec)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Source:
    section: str
    title: str
    excerpt: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"section": self.section, "title": self.title, "excerpt": self.excerpt}


@dataclass
class Answer:
    answered: bool
    text: str
    sources: list[Source] = field(default_factory=list)
    route: str = "none"
    latency_ms: float = 0.0
    lang: str = "zh-TW"
    context: dict[str, Any] = field(default_factory=dict)  # what a follow-up question may refer to
    out_of_scope: bool = False  # declined because the guideline does not cover the topic at all
    rule: str = ""  # the id of the decision-table rule that produced this answer (rag/routing_rules.py)

    def to_dict(self) -> dict[str, Any]:
        return {
            "answered": self.answered,
            "answer": self.text,
            "sources": [s.to_dict() for s in self.sources],
            "route": self.route,
            "latency_ms": round(self.latency_ms, 2),
            "rule": self.rule,
        }
