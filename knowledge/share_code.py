"""A compact, versioned code that reproduces a profile: for Telegram deep links and `advisor assess --code`.

Why: people show results to employers and colleagues; a code that anyone can re-run gives the same
result byte for byte without sending a file, and fits Telegram's `/start` parameter (at most 64
characters of A–Z a–z 0–9 _ -). What it holds is exactly what the engine reads: the 表6 certificates
(a bit each, in the catalog's order), self-declared certificates by category and tool domain (their
names are not part of any rule, so they are not kept), the nine hours areas to 0.01 hour, and the
policy. A fingerprint of the guideline version and the catalog's certificate and tool-item lists makes
a code from another version refused with a clear message instead of silently meaning something else;
a checksum byte catches mistyped codes.

Layout (then base64url without padding): format version · fingerprint (2 bytes) · flags · certificate
bits · declared-count mask and counts · hours mask (2 bytes) and hundredths · checksum.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from knowledge.catalog import Catalog
from knowledge.errors import ProfileError
from knowledge.models import CERT_CATEGORIES, TOOL_CATEGORY
from knowledge.profile import HeldCertification, Hours, Profile

FORMAT_VERSION = 1
DEEP_LINK_LIMIT = 64  # Telegram's /start parameter
ALPHABET = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
HOURS_SCALE = 100  # hours are kept to 0.01 hour


class ShareCodeError(ProfileError):
    """A code that cannot be read: the message says why and what to do (field `code`)."""

    def __init__(self, message: str) -> None:
        super().__init__("code", message)


@dataclass(frozen=True)
class _Layout:
    """What the catalog fixes about a code: the order of certificates, declared slots and hour areas."""

    cert_ids: tuple[str, ...]
    declared_slots: tuple[tuple[str, str | None], ...]  # (category, tool domain)
    areas: tuple[str, ...]
    fingerprint: bytes


def _layout(catalog: Catalog) -> _Layout:
    items = tuple(catalog.rules.tool_items)
    slots: list[tuple[str, str | None]] = []
    for category in CERT_CATEGORIES:
        slots.append((category, None))
        if category == TOOL_CATEGORY:
            slots += [(category, item) for item in items]
    areas = ("literacy", *(f"tool.{i}" for i in items), "programming", "model_training", "service_dev")
    ids = tuple(c.id for c in catalog.certifications)
    seed = "|".join([catalog.rules.guideline_version, *ids, *items, *areas]).encode()
    return _Layout(ids, tuple(slots), areas, hashlib.sha256(seed).digest()[:2])


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _mask(bits: list[bool], width: int) -> bytes:
    value = sum(1 << i for i, b in enumerate(bits) if b)
    return value.to_bytes(width, "big")


def _checksum(payload: bytes) -> int:
    return hashlib.sha256(payload).digest()[0]


def _area_hours(hours: Hours, area: str) -> float:
    if area.startswith("tool."):
        return hours.tool_hours(area.removeprefix("tool."))
    return float(getattr(hours, area))


def encode(profile: Profile, catalog: Catalog) -> str:
    """The code of a validated profile. Hours finer than 0.01 hour cannot be shared (ShareCodeError)."""
    layout = _layout(catalog)
    held = {c.id for c in profile.certifications if not c.self_declared}
    counts = [
        sum(1 for c in profile.certifications if c.self_declared and (c.category, c.tool_domain) == slot)
        for slot in layout.declared_slots
    ]
    hundredths = []
    for area in layout.areas:
        value = _area_hours(profile.hours, area) * HOURS_SCALE
        if abs(value - round(value)) > 1e-6:
            raise ShareCodeError(f"{area} 的時數 {value / HOURS_SCALE:g} 超過分享碼的精度（小數點後兩位）。")
        hundredths.append(round(value))
    body = bytearray([FORMAT_VERSION, *layout.fingerprint, 1 if profile.policy == "both" else 0])
    body += _mask([cid in held for cid in layout.cert_ids], (len(layout.cert_ids) + 7) // 8)
    body += _mask([n > 0 for n in counts], (len(counts) + 7) // 8)
    body += b"".join(_varint(n) for n in counts if n)
    body += _mask([h > 0 for h in hundredths], (len(hundredths) + 7) // 8)
    body += b"".join(_varint(h) for h in hundredths if h)
    body.append(_checksum(bytes(body)))
    return base64.urlsafe_b64encode(bytes(body)).decode().rstrip("=")


def fits_deep_link(code: str) -> bool:
    return len(code) <= DEEP_LINK_LIMIT and set(code) <= ALPHABET


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def take(self, n: int) -> bytes:
        if self.at + n > len(self.data):
            raise ShareCodeError("分享碼不完整：可能複製時少了幾個字元，請整段重新複製。")
        chunk = self.data[self.at : self.at + n]
        self.at += n
        return chunk

    def mask(self, width: int) -> list[bool]:
        value = int.from_bytes(self.take((width + 7) // 8), "big")
        return [bool(value >> i & 1) for i in range(width)]

    def varint(self) -> int:
        n, shift = 0, 0
        while True:
            byte = self.take(1)[0]
            n |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return n
            if shift > 35:
                raise ShareCodeError("分享碼無法讀取：數值過大。")


def decode(code: str, catalog: Catalog) -> Profile:
    """The profile a code stands for; a ShareCodeError saying what is wrong otherwise."""
    code = code.strip()
    if not code or not set(code) <= ALPHABET:
        raise ShareCodeError("分享碼只含英文字母、數字、_ 與 -；請確認是否完整複製。")
    try:
        data = base64.urlsafe_b64decode(code + "=" * (-len(code) % 4))
    except ValueError as exc:
        raise ShareCodeError("分享碼無法讀取：長度不對，可能複製時少了或多了字元。") from exc
    if len(data) < 5:
        raise ShareCodeError("分享碼太短：請整段重新複製。")
    if base64.urlsafe_b64encode(data).decode().rstrip("=") != code:  # stray bits in the last character
        raise ShareCodeError("分享碼無法讀取：最後一個字元不對，可能打錯了；請整段重新複製。")
    payload, check = data[:-1], data[-1]
    layout = _layout(catalog)
    if payload[0] != FORMAT_VERSION:
        raise ShareCodeError(
            f"這個分享碼是第 {payload[0]} 版格式，本顧問只讀第 {FORMAT_VERSION} 版；請重新評估後再分享。"
        )
    if _checksum(payload) != check:
        raise ShareCodeError("分享碼的檢查碼不符：可能打錯或少複製了字元，請整段重新複製。")
    if payload[1:3] != layout.fingerprint:
        raise ShareCodeError(
            f"這個分享碼來自另一個版本的指引或認證清單，無法在 {catalog.rules.guideline_version} 版重現同樣的結果；"
            "請用目前版本重新評估。"
        )
    reader = _Reader(payload[3:])
    flags = reader.take(1)[0]
    if flags > 1:
        raise ShareCodeError("分享碼無法讀取：未知的設定。")
    held = reader.mask(len(layout.cert_ids))
    present = reader.mask(len(layout.declared_slots))
    counts = [reader.varint() if p else 0 for p in present]
    has_hours = reader.mask(len(layout.areas))
    values = {
        area: (reader.varint() / HOURS_SCALE if h else 0.0) for area, h in zip(layout.areas, has_hours, strict=True)
    }
    if reader.at != len(reader.data):
        raise ShareCodeError("分享碼的結尾有多餘的字元；請整段重新複製。")
    if any(v > catalog.rules.max_hours for v in values.values()):
        raise ShareCodeError(f"分享碼中的時數超過上限 {catalog.rules.max_hours:g} 小時。")
    certs = [
        HeldCertification(c.name, c.category, c.tool_domain, False, c.id, c.issuer)
        for c, bit in zip(catalog.certifications, held, strict=True)
        if bit
    ]
    for (category, domain), n in zip(layout.declared_slots, counts, strict=True):
        label = f"{category}・{domain}" if domain else category
        certs += [HeldCertification(f"自填證照（{label}）{i + 1}", category, domain, True) for i in range(n)]  # type: ignore[arg-type]
    tool = tuple((item, values[f"tool.{item}"]) for item in catalog.rules.tool_items)
    hours = Hours(values["literacy"], tool, values["programming"], values["model_training"], values["service_dev"])
    return Profile(tuple(certs), hours, "both" if flags & 1 else "either")
