"""What a person has said about themselves (certificates, hours, counts without names), each fact
with the turn it came from, and the `advisor assess` profile those facts make.

Why in the domain: the same facts feed the 表5 engine from a single question (`advisor ask`) and from
a conversation (`conversation/`); only facts are kept, never the words they were said in.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from knowledge.models import CertCategory

HourArea = str  # the nine hour areas of 表5 as the profile JSON names them (tool items as `tool.<item>`)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class HeldCertificate(Model):
    cert_id: str
    turn: int


class UnnamedCertificates(Model):
    """「三張工具類」: certificates held without names; taken as self-declared ones of that category
    (a 工具類 one without a tool domain, so it adds no domain: the engine's rule for such input)."""

    category: CertCategory
    count: int = Field(ge=1, le=50)
    turn: int


class StatedHours(Model):
    hours: float = Field(ge=0)
    turn: int
    unspecified_tool: bool = False  # 「AI 工具應用 20 小時」 without saying which tool item
    # the values added up to `hours`, in the order stated (「素養 12h…又補了 6h」), so a correction of one of
    # them (「第一次講的那個 12h 其實是 10h」) changes that part only; empty when one value was stated
    parts: list[float] = []


class StatedProfile(Model):
    """What the user has told us about themselves in chat, each fact with the turn it came from."""

    certificates: list[HeldCertificate] = []
    unnamed: list[UnnamedCertificates] = []
    hours: dict[HourArea, StatedHours] = {}
    no_certificates_turn: int | None = None  # 「我沒有證照」
    no_training_turn: int | None = None  # 「沒上過課」

    def is_empty(self) -> bool:
        return not (
            self.certificates
            or self.unnamed
            or self.hours
            or self.no_certificates_turn is not None
            or self.no_training_turn is not None
        )

    def profile_json(self) -> dict[str, Any]:
        """The `advisor assess` profile these facts make (areas not stated count as 0)."""
        hours: dict[str, Any] = {"tool": {}}
        for area, stated in self.hours.items():
            if area.startswith("tool."):
                item = area.removeprefix("tool.")
                hours["tool"][item] = hours["tool"].get(item, 0) + stated.hours
            else:
                hours[area] = stated.hours
        declared = [
            {"name": f"（未具名的{u.category}證照 {i + 1}）", "category": u.category}
            for u in self.unnamed
            for i in range(u.count)
        ]
        return {
            "certifications": list(dict.fromkeys(c.cert_id for c in self.certificates)),
            "self_declared": declared,
            "hours": hours,
        }
