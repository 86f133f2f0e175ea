"""A result's two files — the profile as the JSON `advisor assess --profile` reads, and the readable HTML
report — asked for by a reply and built when it is delivered.

Why build late: replies wait in the outbox as JSON until Telegram confirms them, so a reply names what to
export (`ExportRequest`: the share code, or the profile itself when the code would lose something, and
the language) and the bytes are made here at send time, identical every time, by the bot and the
terminal chat alike.
"""

from __future__ import annotations

import json

from conversation.ui import ExportKind, ExportRequest, Lang
from knowledge.assessment import assess
from knowledge.catalog import Catalog
from knowledge.profile import Profile, parse_profile
from knowledge.report_html import render_html
from knowledge.share_code import ShareCodeError, decode, encode

PROFILE_FILE = "ai-talent-profile.json"
REPORT_FILE = "ai-talent-report.html"
FILE_NAMES: dict[ExportKind, str] = {"profile": PROFILE_FILE, "report": REPORT_FILE}


def profile_json(profile: Profile) -> str:
    """The profile file's text, exactly what `advisor assess --save-profile` writes (without its newline)."""
    return json.dumps(profile.to_dict(), ensure_ascii=False, indent=2)


def export_requests(profile: Profile, catalog: Catalog, lang: Lang) -> tuple[ExportRequest, ...]:
    """Both files of a result. The share code alone is kept when it gives this very profile back; it does not
    for self-declared certificates (their names are not in a code) or 表6 ones listed out of catalog order,
    and there is none for hours finer than 0.01 hour: then the profile's JSON is kept as well."""
    try:
        code: str | None = encode(profile, catalog)
    except ShareCodeError:
        code = None
    exact = code is not None and decode(code, catalog).to_dict() == profile.to_dict()
    kept = None if exact else profile_json(profile)
    return (ExportRequest("profile", lang, code, kept), ExportRequest("report", lang, code, kept))


def request_profile(request: ExportRequest, catalog: Catalog) -> Profile:
    """The profile a request names (a ProfileError when it cannot be read, e.g. a code from another catalog)."""
    if request.profile_json is not None:
        return parse_profile(json.loads(request.profile_json), catalog)
    if request.share_code is None:
        raise ValueError("an export request without a profile")
    return decode(request.share_code, catalog)


def build_document(request: ExportRequest, catalog: Catalog) -> tuple[str, bytes]:
    """(file name, bytes) of one requested file; the report draws its picture (tens of ms of CPU)."""
    profile = request_profile(request, catalog)
    if request.kind == "profile":
        return PROFILE_FILE, profile_json(profile).encode()
    html = render_html(assess(profile, catalog), share_code=request.share_code, lang=request.lang)
    return REPORT_FILE, html.encode()
