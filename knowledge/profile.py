"""A self-assessment profile: strict parsing of what a user entered.

Why: the assessment must never be computed from a partly invalid profile, and every rejection must
name the exact field (`hours.tool.文書`, `self_declared[0].category`) so the CLI, the bot and the
JSON error object can tell the user what to fix.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

from knowledge.catalog import Catalog
from knowledge.errors import ProfileError
from knowledge.models import CERT_CATEGORIES, TOOL_CATEGORY, CertCategory, ToolItem
from knowledge.textnorm import match_key

Policy = Literal["either", "both"]
POLICIES: tuple[Policy, ...] = ("either", "both")
HOUR_AREAS = ("literacy", "tool", "programming", "model_training", "service_dev")
CATEGORIES = CERT_CATEGORIES
TOP_KEYS = ("certifications", "self_declared", "hours", "policy")
SELF_DECLARED_KEYS = ("name", "category", "tool_domain")


@dataclass(frozen=True)
class HeldCertification:
    """One certification counted by the assessment (from 表6 or self-declared)."""

    name: str
    category: CertCategory
    tool_domain: ToolItem | None
    self_declared: bool
    id: str | None = None
    issuer: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "category": self.category,
            "tool_domain": self.tool_domain,
            "issuer": self.issuer,
            "self_declared": self.self_declared,
        }


@dataclass(frozen=True)
class Hours:
    literacy: float = 0.0
    tool: tuple[tuple[ToolItem, float], ...] = ()
    programming: float = 0.0
    model_training: float = 0.0
    service_dev: float = 0.0

    def tool_hours(self, item: str) -> float:
        return dict(self.tool).get(item, 0.0)  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, Any]:
        return {
            "literacy": self.literacy,
            "tool": dict(self.tool),
            "programming": self.programming,
            "model_training": self.model_training,
            "service_dev": self.service_dev,
        }


@dataclass(frozen=True)
class Profile:
    certifications: tuple[HeldCertification, ...] = ()
    hours: Hours = Hours()
    policy: Policy = "either"

    def to_dict(self) -> dict[str, Any]:
        listed = [c.id for c in self.certifications if not c.self_declared]
        declared = [
            {"name": c.name, "category": c.category, **({"tool_domain": c.tool_domain} if c.tool_domain else {})}
            for c in self.certifications
            if c.self_declared
        ]
        return {
            "certifications": listed,
            "self_declared": declared,
            "hours": self.hours.to_dict(),
            "policy": self.policy,
        }


def parse_hours_value(value: Any, field: str, max_hours: float) -> float:
    """One hours value: a finite, non-negative number no larger than `max_hours`."""
    if value is None:
        return 0.0
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ProfileError(field, f"時數必須是數字（例如 18 或 1.5），收到的是「{value}」。")
    number = float(value)
    if math.isnan(number) or math.isinf(number):
        raise ProfileError(field, "時數必須是有限的數字，不可為 NaN 或無限大。")
    if number < 0:
        raise ProfileError(field, f"時數不可為負數（收到 {value}）。")
    if number > max_hours:
        raise ProfileError(field, f"時數 {value} 超過上限 {max_hours:g} 小時，請確認是否輸入錯誤。")
    return number


def _parse_hours(raw: Any, catalog: Catalog) -> Hours:
    if raw is None:
        return Hours()
    if not isinstance(raw, dict):
        raise ProfileError("hours", 'hours 必須是物件，例如 {"literacy": 18}。')
    max_hours = catalog.rules.max_hours
    for key in raw:
        if key not in HOUR_AREAS:
            raise ProfileError(f"hours.{key}", f"未知的時數項目「{key}」；可用的有：{', '.join(HOUR_AREAS)}。")
    tool_raw = raw.get("tool")
    if tool_raw is None:
        tool_raw = {}
    if not isinstance(tool_raw, dict):  # 0, [] or "" is no table of tool hours either
        raise ProfileError("hours.tool", 'hours.tool 必須是各工具項目的時數，例如 {"文書": 10}。')
    items = catalog.rules.tool_items
    for key in tool_raw:
        if key not in items:
            raise ProfileError(f"hours.tool.{key}", f"未知的工具項目「{key}」；表2 的工具項目為：{'、'.join(items)}。")
    tool = tuple((item, parse_hours_value(tool_raw.get(item), f"hours.tool.{item}", max_hours)) for item in items)
    return Hours(
        literacy=parse_hours_value(raw.get("literacy"), "hours.literacy", max_hours),
        tool=tool,
        programming=parse_hours_value(raw.get("programming"), "hours.programming", max_hours),
        model_training=parse_hours_value(raw.get("model_training"), "hours.model_training", max_hours),
        service_dev=parse_hours_value(raw.get("service_dev"), "hours.service_dev", max_hours),
    )


def _parse_listed(raw: Any, catalog: Catalog) -> list[HeldCertification]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise ProfileError("certifications", "certifications 必須是認證名稱或代碼的清單。")
    held: list[HeldCertification] = []
    for i, name in enumerate(raw):
        if not isinstance(name, str) or not name.strip():
            raise ProfileError(f"certifications[{i}]", "每張認證必須是非空白的名稱或代碼。")
        cert = catalog.certification(name, field_name=f"certifications[{i}]")
        held.append(HeldCertification(cert.name, cert.category, cert.tool_domain, False, cert.id, cert.issuer))
    return held


def _parse_self_declared(raw: Any, catalog: Catalog) -> list[HeldCertification]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise ProfileError("self_declared", "self_declared 必須是清單，每項含 name 與 category。")
    held: list[HeldCertification] = []
    for i, entry in enumerate(raw):
        where = f"self_declared[{i}]"
        if not isinstance(entry, dict):
            raise ProfileError(where, "每張自填證照必須是物件，含 name 與 category。")
        for key in entry:
            if key not in SELF_DECLARED_KEYS:
                raise ProfileError(
                    f"{where}.{key}", f"未知的欄位「{key}」；可用的有：{', '.join(SELF_DECLARED_KEYS)}。"
                )
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ProfileError(f"{where}.name", "請填寫證照名稱。")
        category = entry.get("category")
        if category not in CATEGORIES:
            raise ProfileError(
                f"{where}.category", f"認證分類必須是 {'、'.join(CATEGORIES)} 之一（收到「{category}」）。"
            )
        domain = entry.get("tool_domain")
        if domain is not None:
            if category != TOOL_CATEGORY:
                raise ProfileError(f"{where}.tool_domain", "只有工具類證照需要填寫工具領域。")
            if domain not in catalog.rules.tool_items:
                raise ProfileError(
                    f"{where}.tool_domain",
                    f"工具領域必須是 {'、'.join(catalog.rules.tool_items)} 之一（收到「{domain}」）。",
                )
        held.append(HeldCertification(name.strip(), category, domain, True))
    return held


def _dedupe(certs: list[HeldCertification]) -> tuple[HeldCertification, ...]:
    """The same certification listed twice counts once (by id, or by name and category)."""
    seen: set[tuple[str, ...]] = set()
    unique: list[HeldCertification] = []
    for c in certs:
        key = (c.id,) if c.id else ("self", match_key(c.name), c.category, c.tool_domain or "")
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return tuple(unique)


def parse_profile(raw: Any, catalog: Catalog) -> Profile:
    """Validate a raw profile (parsed JSON/YAML) completely, or raise the first ProfileError."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ProfileError("profile", "自我評估資料必須是 JSON 物件。")
    for key in raw:
        if key not in TOP_KEYS:
            raise ProfileError(str(key), f"未知的欄位「{key}」；可用的有：{', '.join(TOP_KEYS)}。")
    policy = raw.get("policy", "either")
    if policy is None:
        policy = "either"
    if policy not in POLICIES:
        raise ProfileError("policy", f"判定方式必須是 either（任一途徑）或 both（兩途徑皆需），收到「{policy}」。")
    listed = _parse_listed(raw.get("certifications"), catalog)
    declared = _parse_self_declared(raw.get("self_declared"), catalog)
    hours = _parse_hours(raw.get("hours"), catalog)
    return Profile(certifications=_dedupe(listed + declared), hours=hours, policy=policy)
