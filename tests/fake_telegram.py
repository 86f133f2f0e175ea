"""A small but faithful fake of the Telegram Bot API, served over real HTTP on 127.0.0.1.

Why a real HTTP server rather than mocking ``telegram.Bot``: the bot under test runs as a separate process
(``advisor bot``) and talks to ``TELEGRAM_API_BASE_URL`` exactly as it would talk to api.telegram.org, so the
whole stack -- python-telegram-bot's request encoding, its error mapping (``RetryAfter``, ``BadRequest``...),
long polling, the bot's own HTML escaping and keyboard building -- is exercised. Telegram itself is
unreachable from the tests.

Where it matters the fake behaves like the real Bot API server (tdlib/telegram-bot-api):

* requests are ``POST /bot<token>/<method>`` (GET with a query string works too); bodies may be
  form-encoded, multipart or JSON; nested objects arrive as JSON strings in form bodies;
* method names are case-insensitive; unknown methods and malformed tokens give 404 ``Not Found``,
  a well-formed but foreign token gives 401 ``Unauthorized``;
* errors are ``{"ok": false, "error_code": N, "description": "...", "parameters": {...}}`` with the same
  HTTP status, and the descriptions are Telegram's, so code that matches on them keeps working;
* HTML ``parse_mode`` is parsed like tdlib's ``parse_html`` (same tags, same error messages with byte offsets,
  ``&`` that is not an entity stays literal, entity offsets in UTF-16 code units), and the 1..4096 limit is
  counted in Unicode code points of the parsed, trimmed text;
* ``getUpdates`` long-polls without blocking other requests, confirms with ``offset``, and a second
  concurrent ``getUpdates`` terminates the first with 409 ``Conflict`` (what two running bot instances see);
* ``editMessageText`` without ``reply_markup`` removes the inline keyboard, as on Telegram;
* ``sendPhoto`` takes a multipart upload (as python-telegram-bot sends bytes), directly under ``photo`` or
  through ``attach://name``; the bytes must be an image Pillow can read, and the Message has a ``photo``
  array of PhotoSize objects, largest last;
* ``sendDocument`` takes a multipart upload the same way (any non-empty bytes up to 50 MB), and the Message
  has a ``document`` object with the upload's file name and MIME type.

Deliberate simplifications: uploaded photos and documents are the only files (no file ids or URLs), no
Markdown/MarkdownV2 parsing (such text is stored and counted as sent), no automatic flood control (inject it
with :meth:`FakeBotAPI.fail_next`), no chat permissions.
"""

from __future__ import annotations

import asyncio
import copy
import io
import itertools
import json
import re
import socket
import threading
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

__all__ = [
    "ApiError",
    "Call",
    "EntityParseError",
    "FakeBotAPI",
    "ThreadedFakeBotAPI",
    "parse_html",
]

TOKEN_RE = re.compile(r"^\d+:[A-Za-z0-9_-]{10,}$")
MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # what a bot may upload through the Bot API
PHOTO_SIZE_LIMITS = (90, 320, 800, 1280)  # the longer side of the sizes Telegram keeps of a photo
MAX_CALLBACK_DATA_BYTES = 64
MAX_INLINE_BUTTONS = 100

# Parameters whose form-encoded value is a JSON document (python-telegram-bot json.dumps() every non-str value).
_JSON_FIELDS = frozenset(
    "reply_markup allowed_updates commands entities caption_entities reply_parameters "
    "link_preview_options scope media results options explanation_entities reaction message_ids prices "
    "menu_button".split()
)
_INT_FIELDS = frozenset(
    "chat_id from_chat_id message_id offset limit reply_to_message_id user_id cache_time "
    "message_thread_id max_connections update_id".split()
)
_NUMBER_FIELDS = frozenset({"timeout"})
_BOOL_FIELDS = frozenset(
    "show_alert disable_notification protect_content disable_web_page_preview drop_pending_updates "
    "allow_sending_without_reply is_big allow_paid_broadcast".split()
)
_JSON_FIELD_ERRORS = {
    "reply_markup": "Bad Request: can't parse reply keyboard markup JSON object",
    "reply_parameters": "Bad Request: can't parse reply parameters JSON object",
    "commands": "Bad Request: can't parse commands JSON object",
    "entities": "Bad Request: can't parse entities JSON object",
    "allowed_updates": "Bad Request: can't parse allowed updates JSON object",
}

_CHAT_ACTIONS = frozenset(
    "typing upload_photo record_video upload_video record_voice upload_voice upload_document "
    "choose_sticker find_location record_video_note upload_video_note".split()
)
_BUTTON_ACTIONS = (
    "callback_data",
    "url",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
_SECRET_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are exactly the same "
    "as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
POLL_CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
)


_CURRENT_REQUEST: ContextVar[web.Request | None] = ContextVar("fake_telegram_request", default=None)


class ApiError(Exception):
    """A Bot API error reply; raised inside method handlers and turned into the JSON error body."""

    def __init__(self, status: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def _bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


@dataclass(frozen=True)
class UploadedFile:
    """One file part of a multipart request; ``repr`` shows its size, not its bytes."""

    filename: str
    content_type: str
    content: bytes = field(repr=False)

    @property
    def size(self) -> int:
        return len(self.content)


@dataclass(frozen=True)
class Call:
    """One HTTP call to the fake, as the bot made it.

    ``time`` is ``time.monotonic()`` at arrival (so gaps between calls measure the bot's pacing, e.g. that it
    waited ``retry_after``); ``api.calls`` is ordered by completion, which for long polls is later than arrival.
    """

    method: str
    params: dict[str, Any]
    status: int
    time: float
    response: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


# --------------------------------------------------------------------------------------------------------------
# HTML entity parsing, following tdlib's parse_html (td/telegram/MessageEntity.cpp): byte-oriented, the text is
# read as a NUL-terminated C string, error messages carry UTF-8 byte offsets, entity offsets are UTF-16 units.
# --------------------------------------------------------------------------------------------------------------

_HTML_TAGS = frozenset("a b strong i em s strike del u ins tg-spoiler tg-emoji span pre code blockquote".split())
_TD_SPACES = frozenset(b" \t\r\n\v\0")
_NAMED_ENTITIES = {b"lt": 0x3C, b"gt": 0x3E, b"amp": 0x26, b"quot": 0x22}
_HEX_DIGITS = frozenset(b"0123456789abcdefABCDEF")
_ASCII_LETTERS = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NAME_TOKEN_CHARS = _ASCII_LETTERS | frozenset(b"0123456789.-")


class EntityParseError(ValueError):
    """The text is not valid Telegram HTML; the message is what Telegram puts after "can't parse entities: "."""


def _at(data: bytes, index: int) -> int:
    """tdlib reads past the end as the C string's terminating NUL; mimic that so the loops end the same way."""
    return data[index] if index < len(data) else 0


def _decode_html_entity(data: bytes, pos: int) -> tuple[int, int]:
    """Return (code point, position after the entity) or (0, pos) when ``&`` at ``pos`` starts no entity.

    Like tdlib: only &lt; &gt; &amp; &quot; and numeric references; the trailing ``;`` is optional.
    """
    end = pos + 1
    code = 0
    if _at(data, pos + 1) == ord("#"):
        end += 1
        if _at(data, pos + 2) == ord("x"):
            end += 1
            while _at(data, end) in _HEX_DIGITS:
                code = code * 16 + int(chr(data[end]), 16)
                end += 1
        else:
            while ord("0") <= _at(data, end) <= ord("9"):
                code = code * 10 + data[end] - ord("0")
                end += 1
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return 0, pos
    else:
        while _at(data, end) in _ASCII_LETTERS:
            end += 1
        code = _NAMED_ENTITIES.get(data[pos + 1 : end], 0)
        if code == 0:
            return 0, pos
    return code, end + 1 if _at(data, end) == ord(";") else end


def _html_attribute_value(data: bytes, i: int) -> tuple[str, int]:
    """Read an attribute value at ``i``: a lower-cased name token, or a quoted string with entities decoded."""
    quote = _at(data, i)
    if quote not in (ord("'"), ord('"')):
        begin = i
        while _at(data, i) in _NAME_TOKEN_CHARS:
            i += 1
        if _at(data, i) not in _TD_SPACES and _at(data, i) != ord(">"):
            raise EntityParseError(f"Unexpected end of name token at byte offset {begin}")
        return data[begin:i].decode("utf-8", "replace").lower(), i
    i += 1
    value = bytearray()
    while _at(data, i) != quote and _at(data, i) != 0:
        if data[i] == ord("&"):
            code, after = _decode_html_entity(data, i)
            if code:
                value += chr(code).encode("utf-8", "surrogatepass")
                i = after
                continue
        value.append(data[i])
        i += 1
    if _at(data, i) == quote:
        i += 1
    return value.decode("utf-8", "replace"), i


def _html_entity(tag: str, argument: str, offset: int, length: int, inner: str, entities: list[dict]) -> None:
    """Append the MessageEntity a closed tag produces (tdlib merges <pre><code class=...> into one pre)."""
    last = entities[-1] if entities else None
    same_span = last is not None and last["offset"] == offset and last["length"] == length
    kinds = {
        "b": "bold",
        "strong": "bold",
        "i": "italic",
        "em": "italic",
        "u": "underline",
        "ins": "underline",
        "s": "strikethrough",
        "strike": "strikethrough",
        "del": "strikethrough",
        "tg-spoiler": "spoiler",
        "span": "spoiler",
    }
    if tag in kinds:
        entities.append({"type": kinds[tag], "offset": offset, "length": length})
    elif tag == "a":
        url = argument or inner
        if url:
            entities.append({"type": "text_link", "offset": offset, "length": length, "url": url})
    elif tag == "tg-emoji":
        if not argument.isdigit() or not 0 < int(argument) < 2**63:
            raise EntityParseError("Invalid custom emoji identifier specified")
        entities.append({"type": "custom_emoji", "offset": offset, "length": length, "custom_emoji_id": argument})
    elif tag == "pre":
        if last is not None and last["type"] == "code" and same_span and "language" in last:
            last["type"] = "pre"
        else:
            entities.append({"type": "pre", "offset": offset, "length": length})
    elif tag == "code":
        if last is not None and last["type"] == "pre" and same_span and argument:
            last["language"] = argument
        else:
            entity: dict[str, Any] = {"type": "code", "offset": offset, "length": length}
            if argument:
                entity["language"] = argument
            entities.append(entity)
    elif tag == "blockquote":
        kind = "expandable_blockquote" if argument else "blockquote"
        entities.append({"type": kind, "offset": offset, "length": length})


def parse_html(text: str, *, strict_ampersand: bool = False) -> tuple[str, list[dict[str, Any]]]:
    """Parse Telegram HTML into (plain text, entities) or raise :class:`EntityParseError`.

    ``strict_ampersand`` additionally rejects a ``&`` that starts no entity. Telegram does *not* do that (it keeps
    such a ``&`` literally); the option exists for tests that want to catch unescaped user text early.
    """
    data = text.encode("utf-8", "surrogatepass")
    result = bytearray()
    entities: list[dict[str, Any]] = []
    nested: list[tuple[str, str, int, int]] = []  # tag, argument, utf16 offset, result byte position
    utf16 = 0
    i = 0
    while i < len(data):
        c = data[i]
        if c == ord("&"):
            code, after = _decode_html_entity(data, i)
            if code:
                utf16 += 2 if code > 0xFFFF else 1
                result += chr(code).encode("utf-8", "surrogatepass")
                i = after
                continue
            if strict_ampersand:
                raise EntityParseError(f"Character '&' at byte offset {i} must be escaped as &amp; (fake: strict)")
        if c != ord("<"):
            if c & 0xC0 != 0x80:
                utf16 += 2 if c >= 0xF0 else 1
            result.append(c)
            i += 1
            continue

        begin = i
        i += 1
        if _at(data, i) != ord("/"):
            while _at(data, i) not in _TD_SPACES and _at(data, i) != ord(">"):
                i += 1
            if _at(data, i) == 0:
                raise EntityParseError(f"Unclosed start tag at byte offset {begin}")
            tag = data[begin + 1 : i].decode("utf-8", "replace").lower()
            if tag not in _HTML_TAGS:
                raise EntityParseError(f'Unsupported start tag "{tag}" at byte offset {begin}')
            argument = ""
            while _at(data, i) != ord(">"):
                while _at(data, i) != 0 and _at(data, i) in _TD_SPACES:
                    i += 1
                if _at(data, i) == ord(">"):
                    break
                name_begin = i
                while _at(data, i) not in _TD_SPACES and _at(data, i) not in b"=>/\"'":
                    i += 1
                attribute = data[name_begin:i].decode("utf-8", "replace")
                if not attribute:
                    raise EntityParseError(f'Empty attribute name in the tag "{tag}" at byte offset {begin}')
                while _at(data, i) != 0 and _at(data, i) in _TD_SPACES:
                    i += 1
                if _at(data, i) != ord("="):
                    if _at(data, i) == 0:
                        raise EntityParseError(f'Unclosed start tag "{tag}" at byte offset {begin}')
                    if tag == "blockquote" and attribute == "expandable":
                        argument = "1"
                    continue
                i += 1
                while _at(data, i) != 0 and _at(data, i) in _TD_SPACES:
                    i += 1
                if _at(data, i) == 0:
                    raise EntityParseError(f'Unclosed start tag "{tag}" at byte offset {begin}')
                value, i = _html_attribute_value(data, i)
                if _at(data, i) == 0:
                    raise EntityParseError(f"Unclosed start tag at byte offset {begin}")
                if (tag, attribute) in (("a", "href"), ("tg-emoji", "emoji-id")):
                    argument = value
                elif tag == "code" and attribute == "class" and value.startswith("language-"):
                    argument = value[len("language-") :]
                elif tag == "span" and attribute == "class" and value.startswith("tg-"):
                    argument = value[len("tg-") :]
                elif tag == "blockquote" and attribute == "expandable":
                    argument = "1"
            if tag == "span" and argument != "spoiler":
                raise EntityParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {begin}')
            nested.append((tag, argument, utf16, len(result)))
            i += 1
            continue

        if not nested:
            raise EntityParseError(f"Unexpected end tag at byte offset {begin}")
        while _at(data, i) not in _TD_SPACES and _at(data, i) != ord(">"):
            i += 1
        end_tag = data[begin + 2 : i].decode("utf-8", "replace").lower()
        while _at(data, i) != 0 and _at(data, i) in _TD_SPACES:
            i += 1
        if _at(data, i) != ord(">"):
            raise EntityParseError(f"Unclosed end tag at byte offset {begin}")
        tag, argument, offset, result_pos = nested[-1]
        if end_tag and end_tag != tag:
            raise EntityParseError(
                f'Unmatched end tag at byte offset {begin}, expected "</{tag}>", found "</{end_tag}>"'
            )
        if utf16 > offset:
            inner = result[result_pos:].decode("utf-8", "replace")
            _html_entity(tag, argument, offset, utf16 - offset, inner, entities)
        nested.pop()
        i += 1

    if nested:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{nested[-1][0]}"')
    for entity in entities:
        if entity["type"] == "code":
            entity.pop("language", None)  # a language only counts inside <pre>
    try:
        plain = result.decode("utf-8")
    except UnicodeDecodeError:
        raise EntityParseError(
            "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched "
            "surrogate code units"
        ) from None
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return plain, entities


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's entity offsets."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _trim(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Strip surrounding whitespace like tdlib's fix_formatted_text and clip the entities to what is left."""
    stripped = text.strip(" \t\r\n\v\f")
    if not stripped:
        return "", []
    lead = utf16_len(text[: text.index(stripped[0])]) if stripped != text else 0
    total = utf16_len(stripped)
    out = []
    for entity in entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, total)
        if end > start:
            out.append({**entity, "offset": start, "length": end - start})
    return stripped, out


def _command_entities(text: str) -> list[dict[str, Any]]:
    """Entities Telegram attaches to incoming user text: bot commands (incl. /cmd@bot) and @mentions."""
    entities = []
    for kind, pattern in (
        ("bot_command", r"(?<![\w/@])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/])"),
        ("mention", r"(?<![\w/@])@[A-Za-z0-9_]{3,32}(?!\w)"),
    ):
        for match in re.finditer(pattern, text):
            entities.append(
                {"type": kind, "offset": utf16_len(text[: match.start()]), "length": utf16_len(match.group())}
            )
    entities.sort(key=lambda e: e["offset"])
    # A mention inside /cmd@bot is part of the command, not a separate entity.
    keep: list[dict[str, Any]] = []
    for entity in entities:
        if keep and entity["offset"] < keep[-1]["offset"] + keep[-1]["length"]:
            continue
        keep.append(entity)
    return keep


def _decode_params(raw: dict[str, Any]) -> dict[str, Any]:
    """Turn wire values (strings in form bodies, already typed in JSON bodies) into Python values."""
    params: dict[str, Any] = {}
    for name, value in raw.items():
        if name in _JSON_FIELDS and isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                raise ApiError(
                    400, _JSON_FIELD_ERRORS.get(name, f"Bad Request: can't parse {name} JSON object")
                ) from None
        elif name in _INT_FIELDS and isinstance(value, str):
            try:
                value = int(value)
            except ValueError:
                pass  # e.g. chat_id="@channel"; handlers decide
        elif name in _NUMBER_FIELDS and isinstance(value, str):
            try:
                value = float(value) if "." in value else int(value)
            except ValueError:
                pass
        elif name in _BOOL_FIELDS and isinstance(value, str):
            lowered = value.lower()
            if lowered in ("true", "1"):
                value = True
            elif lowered in ("false", "0", ""):
                value = False
        params[name] = value
    return params


@dataclass
class _QueuedUpdate:
    update: dict[str, Any]
    replay: bool  # pushed again with an already used update_id: deliver it once despite the offset
    delivered: int = 0


@dataclass
class _Fault:
    status: int
    retry_after: int | None
    remaining: int
    description: str | None


_FAULT_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: POLL_CONFLICT,
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


class FakeBotAPI:
    """One fake Bot API server for one bot token, living in the caller's asyncio event loop.

    State is plain Python data touched only from that loop; :meth:`push_message` and friends are synchronous so
    tests (and :class:`ThreadedFakeBotAPI`) can queue updates without awaiting.
    """

    def __init__(
        self,
        token: str = "123456:TEST-token-abcdefghij",
        username: str = "advisor_test_bot",
        *,
        first_name: str = "Advisor Test Bot",
        host: str = "127.0.0.1",
        port: int = 0,
        require_known_chat: bool = True,
        strict_ampersand: bool = False,
        allow_insecure_webhook: bool = False,
        webhook_retry_delay: float = 0.5,
    ) -> None:
        """Create the fake (not yet listening).

        require_known_chat: like Telegram, sending to a chat the bot has never seen (no pushed update from it)
            fails with ``chat not found``; switch off for tests that send to arbitrary ids.
        strict_ampersand: also reject a bare ``&`` in HTML (stricter than Telegram, see :func:`parse_html`).
        allow_insecure_webhook: accept ``http://`` webhooks so a bot in webhook mode can be driven locally;
            Telegram only accepts HTTPS on ports 443, 80, 88 and 8443.
        """
        if not TOKEN_RE.match(token):
            raise ValueError(f"not a Telegram bot token: {token!r}")
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.username = username
        self.first_name = first_name
        self.host = host
        self.port = port
        self.require_known_chat = require_known_chat
        self.strict_ampersand = strict_ampersand
        self.allow_insecure_webhook = allow_insecure_webhook
        self.webhook_retry_delay = webhook_retry_delay

        self.calls: list[Call] = []
        self.answered_callbacks: list[str] = []
        self.callback_answers: dict[str, dict[str, Any]] = {}
        self.dropped_updates: list[dict[str, Any]] = []  # filtered out by allowed_updates
        self.webhook: dict[str, Any] = {"url": "", "secret_token": None}
        self.blocked_users: set[int] = set()

        self._queue: list[_QueuedUpdate] = []
        self._history: dict[int, dict[str, Any]] = {}
        self._next_update_id = 1
        self._allowed_updates: list[str] | None = None
        self._poll_generation = 0
        self._chats: dict[int | str, dict[str, Any]] = {}
        self._users: dict[int, dict[str, Any]] = {}
        self._chat_messages: dict[int | str, dict[int, dict[str, Any]]] = {}
        self._next_message_id: dict[int | str, int] = {}
        self._sent: dict[int | str, list[dict[str, Any]]] = {}
        self._deliveries: dict[int | str, list[dict[str, Any]]] = {}
        self._photos: dict[int | str, list[dict[str, Any]]] = {}
        self._documents: dict[int | str, list[dict[str, Any]]] = {}
        self._cursor: dict[int | str, int] = {}
        self._open_callbacks: dict[str, dict[str, Any]] = {}
        self._callback_ids = itertools.count(4_000_000_000_001)
        self._commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self._descriptions: dict[str, Any] = {}
        self._faults: dict[str, list[_Fault]] = {}
        self._waiters: set[asyncio.Future[None]] = set()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._webhook_task: asyncio.Task[None] | None = None
        self._webhook_error: tuple[int, str] | None = None

        self._methods: dict[str, tuple[str, Callable[[dict[str, Any]], Any]]] = {}
        for name, handler in (
            ("getMe", self._get_me),
            ("logOut", self._true),
            ("close", self._true),
            ("getUpdates", self._get_updates),
            ("setWebhook", self._set_webhook),
            ("deleteWebhook", self._delete_webhook),
            ("getWebhookInfo", self._get_webhook_info),
            ("setMyCommands", self._set_my_commands),
            ("getMyCommands", self._get_my_commands),
            ("deleteMyCommands", self._delete_my_commands),
            ("setMyDescription", self._set_description("description")),
            ("setMyShortDescription", self._set_description("short_description")),
            ("setMyName", self._set_description("name")),
            ("setChatMenuButton", self._true),
            ("getChat", self._get_chat),
            ("sendMessage", self._send_message),
            ("sendPhoto", self._send_photo),
            ("sendDocument", self._send_document),
            ("editMessageText", self._edit_message_text),
            ("editMessageReplyMarkup", self._edit_message_reply_markup),
            ("deleteMessage", self._delete_message),
            ("answerCallbackQuery", self._answer_callback_query),
            ("sendChatAction", self._send_chat_action),
        ):
            self._methods[name.lower()] = (name, handler)

    # ---------------------------------------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        """Bind 127.0.0.1 (a free port unless one was given) and start serving."""
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("*", "/{tail:.*}", self._not_found)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        self._closing = False
        self._webhook_task = asyncio.get_running_loop().create_task(self._webhook_worker())

    async def stop(self) -> None:
        """Stop serving; pending long polls return [] at once so shutdown does not wait for their timeout."""
        self._closing = True
        self._notify()
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            try:
                await self._webhook_task
            except asyncio.CancelledError:
                pass
            self._webhook_task = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotAPI:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """What TELEGRAM_API_BASE_URL / python-telegram-bot's ``base_url`` is set to (token gets appended)."""
        return f"{self.url}/bot"

    # ------------------------------------------------------------------------------------------ test-facing

    def fail_next(
        self,
        method: str,
        status: int = 429,
        retry_after: int | None = 1,
        times: int = 1,
        description: str | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``method`` (case-insensitive, ``"*"`` = any) fail with ``status``.

        429 answers ``Too Many Requests: retry after N`` with ``parameters.retry_after`` (what flood control
        looks like); other statuses use Telegram's usual description unless one is given. Failed calls are
        recorded but have no effect (nothing sent, no update handed out or confirmed).
        """
        if status == 429 and not retry_after:
            raise ValueError("a 429 needs retry_after >= 1")
        self._faults.setdefault(method.lower(), []).append(
            _Fault(status, retry_after if status == 429 else None, times, description)
        )

    def block_user(self, user_id: int) -> None:
        """The user blocked the bot: sending to their private chat gives 403 like Telegram."""
        self.blocked_users.add(user_id)

    def push_message(
        self,
        user_id: int,
        text: str,
        chat_id: int | None = None,
        chat_type: str = "private",
        first_name: str = "User",
        language_code: str | None = "zh-hant",
        reply_to_bot_message_id: int | None = None,
        update_id: int | None = None,
        *,
        username: str | None = None,
        chat_title: str | None = None,
    ) -> dict[str, Any]:
        """Queue an Update with a text Message from a user and return it.

        Incoming text gets Telegram's automatic entities (bot_command incl. ``/cmd@bot``, mention). Passing the
        ``update_id`` of an update pushed before re-queues *that identical* update (the other arguments are
        ignored), which is how Telegram's duplicate delivery looks after a crash before confirmation.
        """
        if update_id is not None and update_id in self._history:
            return self.push_update(self._history[update_id])
        if chat_id is None:
            if chat_type != "private":
                raise ValueError("a group chat needs an explicit chat_id")
            chat_id = user_id
        user = self._remember_user(user_id, first_name, language_code, username)
        chat = self._remember_chat(chat_id, chat_type, user, chat_title)
        message: dict[str, Any] = {
            "message_id": self._new_message_id(chat_id),
            "from": user,
            "chat": chat,
            "date": int(time.time()),
            "text": text,
        }
        entities = _command_entities(text)
        if entities:
            message["entities"] = entities
        if reply_to_bot_message_id is not None:
            replied = self._chat_messages.get(chat_id, {}).get(reply_to_bot_message_id)
            if replied is None:
                raise ValueError(f"no message {reply_to_bot_message_id} in chat {chat_id} to reply to")
            message["reply_to_message"] = _without_reply(replied)
        self._chat_messages.setdefault(chat_id, {})[message["message_id"]] = message
        return self.push_update({"message": message}, update_id=update_id)

    def push_callback(
        self,
        user_id: int,
        message_id: int,
        data: str,
        chat_id: int | None = None,
        *,
        first_name: str | None = None,
        update_id: int | None = None,
    ) -> dict[str, Any]:
        """Queue an Update with a callback_query (a press of an inline button) and return it.

        ``message`` is the current version of that message in the chat; an unknown one is sent as Telegram's
        inaccessible message (``date: 0``). The query id stays answerable until answered once.
        """
        if chat_id is None:
            chat_id = user_id
        if update_id is not None and update_id in self._history:
            return self.push_update(self._history[update_id])
        known = self._users.get(user_id, {})
        user = known
        if not known or first_name is not None:
            user = self._remember_user(
                user_id,
                first_name or known.get("first_name", "User"),
                known.get("language_code", "zh-hant"),
                known.get("username"),
            )
        chat = self._chats.get(chat_id) or self._remember_chat(chat_id, "private", user, None)
        current = self._chat_messages.get(chat_id, {}).get(message_id)
        message = copy.deepcopy(current) if current else {"chat": chat, "message_id": message_id, "date": 0}
        query_id = str(next(self._callback_ids))
        query = {
            "id": query_id,
            "from": user,
            "message": message,
            "chat_instance": str(abs(hash((self.bot_id, chat_id))) % 10**18),
            "data": data,
        }
        self._open_callbacks[query_id] = query
        return self.push_update({"callback_query": query}, update_id=update_id)

    def push_update(self, update: dict[str, Any], update_id: int | None = None) -> dict[str, Any]:
        """Queue any Update payload (``update_id`` assigned unless given or already present); return it."""
        update = copy.deepcopy(update)
        if update_id is None:
            update_id = update.get("update_id")
        if update_id is None:
            update_id = self._next_update_id
        replay = update_id < self._next_update_id
        self._next_update_id = max(self._next_update_id, update_id + 1)
        update["update_id"] = update_id
        self._history.setdefault(update_id, copy.deepcopy(update))
        kind = next((key for key in update if key != "update_id"), "")
        if self._allowed_updates and kind not in self._allowed_updates:
            self.dropped_updates.append(update)  # Telegram never queues updates of types the bot opted out of
            return copy.deepcopy(update)
        self._queue.append(_QueuedUpdate(update, replay))
        self._notify()
        return copy.deepcopy(update)

    def pending_updates(self) -> int:
        """Updates queued and not yet confirmed by an offset (delivered-but-unconfirmed ones count)."""
        return len(self._queue)

    async def wait_until_idle(self, timeout: float = 10.0) -> None:
        """Wait until every pushed update was fetched and confirmed by a later getUpdates offset."""
        if not await self._wait_until(lambda: not self._queue, timeout):
            ids = [entry.update["update_id"] for entry in self._queue]
            raise TimeoutError(f"updates still unconfirmed after {timeout}s: {ids}")

    async def wait_for_messages(self, chat_id: int, count: int = 1, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Wait for ``count`` bot messages (sendMessage) in the chat not yet returned by an earlier wait; return them.

        Exactly ``count`` are returned, oldest first; any further ones stay for the next call (so results do
        not depend on timing). Each is a dict with message_id, chat_id, text (parsed), entities, parse_mode,
        reply_markup (as sent), params (the decoded request), edited, deleted -- in its current version.
        Raises ``asyncio.TimeoutError`` (== ``TimeoutError``) listing what did arrive.
        """
        start = self._cursor.get(chat_id, 0)
        arrived = await self._wait_until(lambda: len(self._sent.get(chat_id, [])) - start >= count, timeout)
        if not arrived:
            got = [m["text"] for m in self._sent.get(chat_id, [])[start:]]
            raise TimeoutError(f"expected {count} new bot message(s) in chat {chat_id} within {timeout}s, got {got}")
        self._cursor[chat_id] = start + count
        return copy.deepcopy(self._sent[chat_id][start : start + count])

    async def expect_no_messages(self, chat_id: int, within: float = 0.5) -> None:
        """Assert that no bot message beyond those already returned by wait_for_messages arrives in ``within`` s."""
        start = self._cursor.get(chat_id, 0)
        await self._wait_until(lambda: len(self._sent.get(chat_id, [])) > start, within)
        extra = [m["text"] for m in self._sent.get(chat_id, [])[start:]]
        if extra:
            raise AssertionError(f"unexpected bot message(s) in chat {chat_id}: {extra}")

    async def wait_for_call(
        self,
        method: str,
        count: int = 1,
        timeout: float = 10.0,
        predicate: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Wait until at least ``count`` completed calls of ``method`` (matching ``predicate``) were recorded."""

        def matching() -> list[Call]:
            return [c for c in self.calls if c.method.lower() == method.lower() and (predicate is None or predicate(c))]

        if not await self._wait_until(lambda: len(matching()) >= count, timeout):
            raise TimeoutError(f"expected {count} {method} call(s) within {timeout}s, got {len(matching())}")
        return matching()

    def calls_of(self, method: str) -> list[Call]:
        """Completed calls of one method (case-insensitive), in completion order."""
        return [c for c in self.calls if c.method.lower() == method.lower()]

    def messages(self, chat_id: int) -> list[dict[str, Any]]:
        """All bot messages in the chat in send order, each in its latest (edited) version; deleted ones flagged."""
        return copy.deepcopy(self._sent.get(chat_id, []))

    def deliveries(self, chat_id: int) -> list[dict[str, Any]]:
        """Every successful sendMessage/sendPhoto/sendDocument/edit in the chat, in order, as snapshots with
        ``kind`` send/photo/document/edit/markup (a photo's or document's snapshot has its message_id,
        caption and size, and a document's its file name, not the bytes)."""
        return copy.deepcopy(self._deliveries.get(chat_id, []))

    def photos(self, chat_id: int) -> list[dict[str, Any]]:
        """The photos the bot sent to the chat, in order: message_id, content (the bytes received), caption
        (plain text or None), filename, content_type, width, height."""
        return copy.deepcopy(self._photos.get(chat_id, []))

    def documents(self, chat_id: int) -> list[dict[str, Any]]:
        """The documents the bot sent to the chat, in order: message_id, content (the bytes received),
        filename, mime_type, caption (plain text or None)."""
        return copy.deepcopy(self._documents.get(chat_id, []))

    def commands(self, scope: dict[str, Any] | None = None, language_code: str = "") -> list[dict[str, Any]]:
        """The command list the bot set for a scope/language (default scope, no language)."""
        return copy.deepcopy(self._commands.get(_commands_key(scope, language_code), []))

    # ---------------------------------------------------------------------------------------------- plumbing

    def _notify(self) -> None:
        for waiter in list(self._waiters):
            if not waiter.done():
                waiter.set_result(None)

    async def _wait_until(self, predicate: Callable[[], Any], timeout: float | None) -> bool:
        """Wait until ``predicate()`` holds, re-checking on every state change; False on timeout."""
        loop = asyncio.get_running_loop()
        deadline = None if timeout is None else loop.time() + timeout
        while not predicate():
            remaining = None if deadline is None else deadline - loop.time()
            if remaining is not None and remaining <= 0:
                return False
            waiter: asyncio.Future[None] = loop.create_future()
            self._waiters.add(waiter)
            try:
                await asyncio.wait_for(waiter, remaining)
            except TimeoutError:
                pass
            finally:
                self._waiters.discard(waiter)
        return True

    async def _not_found(self, request: web.Request) -> web.Response:
        return web.json_response(ApiError(404, "Not Found").body(), status=404)

    async def _handle(self, request: web.Request) -> web.Response:
        arrived = time.monotonic()
        token = request.match_info["token"]
        requested = request.match_info["method"]
        name, handler = self._methods.get(requested.lower(), (requested, None))
        params: dict[str, Any] = {}
        _CURRENT_REQUEST.set(request)
        try:
            raw = await _read_raw_params(request)
            params = raw
            params = _decode_params(raw)
            if not TOKEN_RE.match(token):
                raise ApiError(404, "Not Found")
            if token != self.token:
                raise ApiError(401, "Unauthorized")
            if handler is None:
                raise ApiError(404, "Not Found")
            fault = self._take_fault(name)
            if fault is not None:
                raise fault
            result = handler(params)
            if asyncio.iscoroutine(result):
                result = await result
            body: dict[str, Any] = {"ok": True, "result": result}
            status = 200
        except ApiError as error:
            body, status = error.body(), error.status
        self.calls.append(Call(name, params, status, arrived, body))
        self._notify()
        return web.json_response(body, status=status)

    def _take_fault(self, method: str) -> ApiError | None:
        for key in (method.lower(), "*"):
            faults = self._faults.get(key)
            if not faults:
                continue
            fault = faults[0]
            fault.remaining -= 1
            if fault.remaining <= 0:
                faults.pop(0)
            if fault.status == 429:
                description = fault.description or f"Too Many Requests: retry after {fault.retry_after}"
                return ApiError(429, description, {"retry_after": fault.retry_after})
            description = fault.description or _FAULT_DESCRIPTIONS.get(fault.status, "Internal Server Error")
            return ApiError(fault.status, description)
        return None

    def _remember_user(
        self, user_id: int, first_name: str, language_code: str | None, username: str | None
    ) -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if username:
            user["username"] = username
        if language_code:
            user["language_code"] = language_code
        self._users[user_id] = user
        return user

    def _remember_chat(self, chat_id: int, chat_type: str, user: dict[str, Any], title: str | None) -> dict[str, Any]:
        if chat_type == "private":
            chat = {"id": chat_id, "type": "private", "first_name": user["first_name"]}
            if "username" in user:
                chat["username"] = user["username"]
        else:
            known_title = self._chats.get(chat_id, {}).get("title")
            chat = {"id": chat_id, "type": chat_type, "title": title or known_title or "Test group"}
        self._chats[chat_id] = chat
        return chat

    def _new_message_id(self, chat_id: int | str) -> int:
        """Message ids are per chat and shared by the user's and the bot's messages, as in private chats."""
        message_id = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = message_id + 1
        return message_id

    @property
    def _bot_user(self) -> dict[str, Any]:
        return {"id": self.bot_id, "is_bot": True, "first_name": self.first_name, "username": self.username}

    def _chat_for(self, params: dict[str, Any]) -> tuple[int | str, dict[str, Any]]:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise _bad("chat_id is empty")
        chat = self._chats.get(chat_id)
        if chat is None:
            if self.require_known_chat or not isinstance(chat_id, int):
                raise _bad("chat not found")
            chat = {"id": chat_id, "type": "private" if chat_id > 0 else "group"}
        if chat["type"] == "private" and chat_id in self.blocked_users:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return chat_id, chat

    def _render_text(self, params: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
        """Validate text + parse_mode/entities like Telegram; return the plain text and its entities."""
        text = params.get("text")
        if text is None or text == "":
            raise _bad("message text is empty")
        plain, entities = self._parsed(str(text), params.get("parse_mode"), params.get("entities"))
        if not plain:
            raise _bad("message text is empty")
        if len(plain) > MAX_TEXT_LENGTH:
            raise _bad("message is too long")
        return plain, entities

    def _parsed(self, text: str, parse_mode: Any, explicit: Any) -> tuple[str, list[dict[str, Any]]]:
        """Text and its entities after parse_mode (or the explicit entities), trimmed like Telegram."""
        mode = str(parse_mode or "").lower()
        if explicit:
            if not isinstance(explicit, list):
                raise _bad("can't parse entities JSON object")
            plain, entities = text, [dict(e) for e in explicit if isinstance(e, dict)]
        elif mode == "html":
            try:
                plain, entities = parse_html(text, strict_ampersand=self.strict_ampersand)
            except EntityParseError as error:
                raise _bad(f"can't parse entities: {error}") from None
        elif mode in ("", "markdown", "markdownv2"):
            plain, entities = text, []
        else:
            raise _bad("unsupported parse_mode")
        return _trim(plain, entities)

    def _check_reply_markup(self, markup: Any) -> dict[str, Any] | None:
        """Validate reply_markup; return the inline keyboard a Message carries (None for other keyboards)."""
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise _bad("object expected as reply markup")
        if "inline_keyboard" not in markup:
            return None  # ReplyKeyboardMarkup / ReplyKeyboardRemove / ForceReply: not echoed in the Message
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise _bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays')
        buttons = [button for row in rows for button in row]
        if len(buttons) > MAX_INLINE_BUTTONS:
            raise _bad("REPLY_MARKUP_TOO_LONG")
        for button in buttons:
            prefix = "can't parse inline keyboard button: "
            if not isinstance(button, dict):
                raise _bad(prefix + "InlineKeyboardButton must be an Object")
            if "text" not in button:
                raise _bad(prefix + 'Can\'t find field "text"')
            if not isinstance(button["text"], str):
                raise _bad(prefix + 'Field "text" must be of type String')
            if not button["text"].strip():
                raise _bad("BUTTON_TEXT_INVALID")
            # An empty callback_data counts as absent (a live Bot API answers "Text buttons are unallowed").
            actions = [a for a in _BUTTON_ACTIONS if a in button and not (a == "callback_data" and button[a] == "")]
            if not actions:
                raise _bad(prefix + "Text buttons are unallowed in the inline keyboard")
            data = button.get("callback_data")
            if data not in (None, ""):
                if not isinstance(data, str):
                    raise _bad(prefix + 'Field "callback_data" must be of type String')
                if len(data.encode("utf-8")) > MAX_CALLBACK_DATA_BYTES:
                    raise _bad("BUTTON_DATA_INVALID")
            if "url" in button:
                url = button["url"]
                scheme = urlsplit(url).scheme.lower() if isinstance(url, str) else None
                if not isinstance(url, str) or not url.strip() or any(ch.isspace() for ch in url):
                    raise _bad("BUTTON_URL_INVALID")
                if scheme and scheme not in ("http", "https", "tg", "ton"):
                    raise _bad("BUTTON_URL_INVALID")
        return markup if buttons else None

    def _store_bot_message(self, chat_id: int | str, message: dict[str, Any], params: dict[str, Any]) -> None:
        self._chat_messages.setdefault(chat_id, {})[message["message_id"]] = message
        record = {
            "message_id": message["message_id"],
            "chat_id": chat_id,
            "text": message["text"],
            "entities": message.get("entities", []),
            "parse_mode": params.get("parse_mode"),
            "reply_markup": params.get("reply_markup"),
            "reply_to_message_id": message.get("reply_to_message", {}).get("message_id"),
            "params": params,
            "date": message["date"],
            "edited": False,
            "deleted": False,
        }
        self._sent.setdefault(chat_id, []).append(record)
        self._deliveries.setdefault(chat_id, []).append({"kind": "send", **copy.deepcopy(record)})

    def _record_for(self, chat_id: int | str, message_id: int) -> dict[str, Any] | None:
        return next((r for r in self._sent.get(chat_id, []) if r["message_id"] == message_id), None)

    def _message_to_edit(self, params: dict[str, Any]) -> tuple[int | str, dict[str, Any]] | None:
        if params.get("inline_message_id"):
            return None
        if "message_id" not in params:
            raise _bad("message identifier is not specified")
        chat_id, _ = self._chat_for(params)
        message = self._chat_messages.get(chat_id, {}).get(params["message_id"])
        if message is None:
            raise _bad("message to edit not found")
        if message["from"]["id"] != self.bot_id:
            raise _bad("message can't be edited")
        return chat_id, message

    def _apply_edit(
        self, chat_id: int | str, message: dict[str, Any], params: dict[str, Any], kind: str
    ) -> dict[str, Any]:
        message["edit_date"] = int(time.time())
        record = self._record_for(chat_id, message["message_id"])
        if record is not None:
            record.update(
                text=message["text"],
                entities=message.get("entities", []),
                reply_markup=params.get("reply_markup"),
                edited=True,
            )
            if kind == "edit":
                record.update(params=params, parse_mode=params.get("parse_mode"))
            else:
                record["params"] = {**record["params"], "reply_markup": params.get("reply_markup")}
            self._deliveries.setdefault(chat_id, []).append({"kind": kind, **copy.deepcopy(record)})
        return copy.deepcopy(message)

    # ------------------------------------------------------------------------------------------------ methods

    def _true(self, params: dict[str, Any]) -> bool:
        return True

    def _get_me(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            **self._bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _get_chat(self, params: dict[str, Any]) -> dict[str, Any]:
        _, chat = self._chat_for(params)
        return {**chat, "accent_color_id": 0, "max_reaction_count": 11}

    def _set_description(self, key: str) -> Callable[[dict[str, Any]], bool]:
        def handler(params: dict[str, Any]) -> bool:
            self._descriptions[key] = params.get(key)
            return True

        return handler

    def _confirm(self, offset: int) -> None:
        """Forget updates below a positive offset; a negative one keeps only the last -offset updates."""
        if offset < 0:
            self._queue = self._queue[offset:]
        elif offset > 0:
            self._queue = [e for e in self._queue if e.update["update_id"] >= offset or (e.replay and not e.delivered)]
        self._notify()

    def _select(self, offset: int, limit: int) -> list[_QueuedUpdate]:
        chosen = [
            e for e in self._queue if offset <= 0 or e.update["update_id"] >= offset or (e.replay and not e.delivered)
        ]
        return chosen[:limit]

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self.webhook["url"]:
            raise ApiError(409, WEBHOOK_CONFLICT)
        offset = _as_int(params.get("offset"), 0)
        limit = min(max(_as_int(params.get("limit"), 100), 1), 100)
        try:
            timeout = max(float(params.get("timeout") or 0), 0.0)
        except (TypeError, ValueError):
            raise _bad("wrong parameter type") from None
        allowed = params.get("allowed_updates")
        if isinstance(allowed, list):
            self._allowed_updates = [str(kind) for kind in allowed] or None
        self._confirm(offset)
        if offset < 0:
            offset = 0
        self._poll_generation += 1
        generation = self._poll_generation
        self._notify()  # wakes an older long poll, which then answers 409 like Telegram
        await self._wait_until(
            lambda: self._closing or self._poll_generation != generation or self._select(offset, limit),
            timeout,
        )
        if self._poll_generation != generation and not self._closing:
            raise ApiError(409, POLL_CONFLICT)
        request = _CURRENT_REQUEST.get()
        client_gone = request is not None and (request.transport is None or request.transport.is_closing())
        # Handing updates to a poll whose client already hung up would only mark them delivered for nobody.
        batch = [] if self._closing or client_gone else self._select(offset, limit)
        for entry in batch:
            entry.delivered += 1
        return [copy.deepcopy(entry.update) for entry in batch]

    def _set_webhook(self, params: dict[str, Any]) -> bool:
        url = str(params.get("url") or "")
        secret = params.get("secret_token")
        if url:
            parts = urlsplit(url)
            if not self.allow_insecure_webhook:
                if parts.scheme != "https":
                    raise _bad("bad webhook: An HTTPS URL must be provided for webhook")
                if (parts.port or 443) not in (443, 80, 88, 8443):
                    raise _bad("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")
            elif parts.scheme not in ("http", "https") or not parts.hostname:
                raise _bad("bad webhook: Invalid URL")
        if secret and not _SECRET_TOKEN_RE.match(str(secret)):
            raise _bad("secret token contains unallowed characters")
        if params.get("drop_pending_updates"):
            self._queue.clear()
        if isinstance(params.get("allowed_updates"), list):
            self._allowed_updates = [str(kind) for kind in params["allowed_updates"]] or None
        self.webhook = {
            "url": url,
            "secret_token": secret or None,
            "max_connections": params.get("max_connections", 40),
        }
        self._webhook_error = None
        self._notify()
        return True

    def _delete_webhook(self, params: dict[str, Any]) -> bool:
        if params.get("drop_pending_updates"):
            self._queue.clear()
        self.webhook = {"url": "", "secret_token": None}
        self._notify()
        return True

    def _get_webhook_info(self, params: dict[str, Any]) -> dict[str, Any]:
        info: dict[str, Any] = {
            "url": self.webhook["url"],
            "has_custom_certificate": False,
            "pending_update_count": len(self._queue),
        }
        if self.webhook["url"]:
            info["max_connections"] = self.webhook.get("max_connections", 40)
            if self._allowed_updates:
                info["allowed_updates"] = list(self._allowed_updates)
            if self._webhook_error:
                info["last_error_date"], info["last_error_message"] = self._webhook_error
        return info

    async def _webhook_worker(self) -> None:
        """Deliver queued updates to the webhook one at a time, in order, retrying until it answers 2xx."""
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
            while True:
                await self._wait_until(lambda: bool(self.webhook["url"] and self._queue and not self._closing), None)
                entry = self._queue[0]
                headers = {}
                if self.webhook.get("secret_token"):
                    headers["X-Telegram-Bot-Api-Secret-Token"] = self.webhook["secret_token"]
                try:
                    async with session.post(self.webhook["url"], json=entry.update, headers=headers) as response:
                        ok, error = 200 <= response.status < 300, f"Wrong response from the webhook: {response.status}"
                except (aiohttp.ClientError, OSError, TimeoutError) as exc:
                    ok, error = False, f"Connection error: {exc!r}"
                entry.delivered += 1
                if ok:
                    if entry in self._queue:
                        self._queue.remove(entry)
                    self._notify()
                else:
                    self._webhook_error = (int(time.time()), error)
                    await asyncio.sleep(self.webhook_retry_delay)

    def _set_my_commands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _bad("can't parse commands JSON object")
        if len(commands) > 100:
            raise _bad("too many commands specified")
        for command in commands:
            if not isinstance(command, dict) or not isinstance(command.get("command"), str):
                raise _bad("BOT_COMMAND_INVALID")
            if not _COMMAND_RE.match(command["command"]):
                raise _bad("BOT_COMMAND_INVALID")
            description = command.get("description")
            if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
        key = _commands_key(params.get("scope"), params.get("language_code") or "")
        self._commands[key] = [{"command": c["command"], "description": c["description"]} for c in commands]
        return True

    def _get_my_commands(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        return self.commands(params.get("scope"), params.get("language_code") or "")

    def _delete_my_commands(self, params: dict[str, Any]) -> bool:
        self._commands.pop(_commands_key(params.get("scope"), params.get("language_code") or ""), None)
        return True

    def _send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, chat = self._chat_for(params)
        inline_markup = self._check_reply_markup(params.get("reply_markup"))
        text, entities = self._render_text(params)
        reply_to = self._replied_message(chat_id, params)
        message: dict[str, Any] = {
            "message_id": self._new_message_id(chat_id),
            "from": self._bot_user,
            "chat": chat,
            "date": int(time.time()),
            "text": text,
        }
        if entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = _without_reply(reply_to)
        if inline_markup is not None:
            message["reply_markup"] = inline_markup
        self._store_bot_message(chat_id, message, params)
        return copy.deepcopy(message)

    def _send_photo(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, chat = self._chat_for(params)
        inline_markup = self._check_reply_markup(params.get("reply_markup"))
        upload = self._uploaded_photo(params)
        width, height = _image_size(upload.content)
        caption, entities = self._render_caption(params)
        reply_to = self._replied_message(chat_id, params)
        message_id = self._new_message_id(chat_id)
        message: dict[str, Any] = {
            "message_id": message_id,
            "from": self._bot_user,
            "chat": chat,
            "date": int(time.time()),
            "photo": _photo_sizes(chat_id, message_id, width, height, upload.size),
        }
        if caption:
            message["caption"] = caption
        if entities:
            message["caption_entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = _without_reply(reply_to)
        if inline_markup is not None:
            message["reply_markup"] = inline_markup
        self._chat_messages.setdefault(chat_id, {})[message_id] = message
        record = {"message_id": message_id, "chat_id": chat_id, "caption": caption or None}
        self._photos.setdefault(chat_id, []).append(
            {
                **record,
                "content": upload.content,
                "filename": upload.filename,
                "content_type": upload.content_type,
                "width": width,
                "height": height,
            }
        )
        self._deliveries.setdefault(chat_id, []).append({"kind": "photo", **record, "size": upload.size})
        return copy.deepcopy(message)

    def _send_document(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, chat = self._chat_for(params)
        inline_markup = self._check_reply_markup(params.get("reply_markup"))
        upload = self._uploaded_file(params, "document", MAX_DOCUMENT_BYTES)
        if upload.size == 0:
            raise _bad("file must be non-empty")
        caption, entities = self._render_caption(params)
        reply_to = self._replied_message(chat_id, params)
        message_id = self._new_message_id(chat_id)
        filename = upload.filename or "document"
        mime_type = upload.content_type or "application/octet-stream"
        unique = f"BQAD_{chat_id}_{message_id}"
        message: dict[str, Any] = {
            "message_id": message_id,
            "from": self._bot_user,
            "chat": chat,
            "date": int(time.time()),
            "document": {
                "file_id": f"BQACAgIAAxk_{unique}",
                "file_unique_id": unique,
                "file_name": filename,
                "mime_type": mime_type,
                "file_size": upload.size,
            },
        }
        if caption:
            message["caption"] = caption
        if entities:
            message["caption_entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = _without_reply(reply_to)
        if inline_markup is not None:
            message["reply_markup"] = inline_markup
        self._chat_messages.setdefault(chat_id, {})[message_id] = message
        record = {"message_id": message_id, "chat_id": chat_id, "caption": caption or None, "filename": filename}
        self._documents.setdefault(chat_id, []).append({**record, "content": upload.content, "mime_type": mime_type})
        self._deliveries.setdefault(chat_id, []).append({"kind": "document", **record, "size": upload.size})
        return copy.deepcopy(message)

    def _uploaded_file(self, params: dict[str, Any], name: str, max_bytes: int) -> UploadedFile:
        """The uploaded file the parameter `name` carries: the file part itself, or ``attach://<part>``."""
        value = params.get(name)
        if isinstance(value, str) and value.startswith("attach://"):
            value = params.get(value.removeprefix("attach://"))
            if not isinstance(value, UploadedFile):
                raise _bad("wrong HTTP URL specified")
        if value is None or value == "":
            raise _bad(f"there is no {name} in the request")
        if not isinstance(value, UploadedFile):
            raise _bad("wrong file identifier/HTTP URL specified")  # the fake keeps no files to refer to
        if value.size > max_bytes:
            raise _bad("file is too big")
        return value

    def _uploaded_photo(self, params: dict[str, Any]) -> UploadedFile:
        """The uploaded file ``photo`` names: the file part itself, or ``attach://<part>``."""
        return self._uploaded_file(params, "photo", MAX_PHOTO_BYTES)

    def _render_caption(self, params: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
        """A caption is parsed like message text, but may be empty and is limited to 1024 characters."""
        caption, entities = self._parsed(
            str(params.get("caption") or ""), params.get("parse_mode"), params.get("caption_entities")
        )
        if len(caption) > MAX_CAPTION_LENGTH:
            raise _bad("message caption is too long")
        return caption, entities

    def _replied_message(self, chat_id: int | str, params: dict[str, Any]) -> dict[str, Any] | None:
        reply = params.get("reply_parameters")
        if isinstance(reply, dict):
            message_id, lenient = reply.get("message_id"), bool(reply.get("allow_sending_without_reply"))
            if reply.get("chat_id") not in (None, chat_id):
                raise _bad("message to be replied not found")
        else:
            message_id, lenient = params.get("reply_to_message_id"), bool(params.get("allow_sending_without_reply"))
        if message_id is None:
            return None
        replied = self._chat_messages.get(chat_id, {}).get(message_id)
        if replied is None and not lenient:
            raise _bad("message to be replied not found")
        return replied

    def _edit_message_text(self, params: dict[str, Any]) -> dict[str, Any] | bool:
        inline_markup = self._check_reply_markup(params.get("reply_markup"))
        text, entities = self._render_text(params)
        target = self._message_to_edit(params)
        if target is None:
            return True  # inline messages are not tracked
        chat_id, message = target
        if "text" not in message:
            raise _bad("there is no text in the message to edit")
        if (
            message.get("text") == text
            and message.get("entities", []) == entities
            and message.get("reply_markup") == inline_markup
        ):
            raise _bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        message["text"] = text
        message.pop("entities", None)
        if entities:
            message["entities"] = entities
        # Like Telegram: an edit without reply_markup removes the inline keyboard.
        message.pop("reply_markup", None)
        if inline_markup is not None:
            message["reply_markup"] = inline_markup
        return self._apply_edit(chat_id, message, params, "edit")

    def _edit_message_reply_markup(self, params: dict[str, Any]) -> dict[str, Any] | bool:
        inline_markup = self._check_reply_markup(params.get("reply_markup"))
        target = self._message_to_edit(params)
        if target is None:
            return True
        chat_id, message = target
        if message.get("reply_markup") == inline_markup:
            raise _bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        message.pop("reply_markup", None)
        if inline_markup is not None:
            message["reply_markup"] = inline_markup
        return self._apply_edit(chat_id, message, params, "markup")

    def _delete_message(self, params: dict[str, Any]) -> bool:
        chat_id, _ = self._chat_for(params)
        message_id = params.get("message_id")
        if message_id is None:
            raise _bad("message identifier is not specified")
        if self._chat_messages.get(chat_id, {}).pop(message_id, None) is None:
            raise _bad("message to delete not found")
        record = self._record_for(chat_id, message_id)
        if record is not None:
            record["deleted"] = True
        return True

    def _answer_callback_query(self, params: dict[str, Any]) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        if query_id not in self._open_callbacks:
            raise ApiError(400, QUERY_TOO_OLD)
        if len(str(params.get("text") or "")) > 200:
            raise _bad("MESSAGE_TOO_LONG")
        del self._open_callbacks[query_id]
        self.answered_callbacks.append(query_id)
        self.callback_answers[query_id] = params
        return True

    def _send_chat_action(self, params: dict[str, Any]) -> bool:
        self._chat_for(params)
        if params.get("action") not in _CHAT_ACTIONS:
            raise _bad("wrong parameter action in request")
        return True


def _without_reply(message: dict[str, Any]) -> dict[str, Any]:
    """Telegram nests only one level of reply_to_message."""
    return {k: copy.deepcopy(v) for k, v in message.items() if k != "reply_to_message"}


def _image_size(content: bytes) -> tuple[int, int]:
    """Width and height of an uploaded image; Telegram refuses what it cannot read as one."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(content)) as image:
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise _bad("IMAGE_PROCESS_FAILED") from None
    if width + height > 10_000 or max(width, height) > 20 * min(width, height):
        raise _bad("PHOTO_INVALID_DIMENSIONS")
    return width, height


def _photo_sizes(chat_id: int | str, message_id: int, width: int, height: int, size: int) -> list[dict[str, Any]]:
    """The PhotoSize array of a sent photo: scaled copies up to 1280 pixels on the longer side, largest last."""
    sizes: list[dict[str, Any]] = []
    longer = max(width, height)
    for i, limit in enumerate(PHOTO_SIZE_LIMITS):
        scale = min(1.0, limit / longer)
        unique = f"AQAD_{chat_id}_{message_id}_{i}"
        sizes.append(
            {
                "file_id": f"AgACAgIAAxk_{unique}",
                "file_unique_id": unique,
                "width": max(1, round(width * scale)),
                "height": max(1, round(height * scale)),
                "file_size": max(1, round(size * scale * scale)),
            }
        )
        if scale == 1.0:
            break
    return sizes


def _commands_key(scope: Any, language_code: str) -> tuple[str, str]:
    if not scope or scope == {"type": "default"}:
        return "default", language_code
    return json.dumps(scope, sort_keys=True), language_code


def _as_int(value: Any, default: int) -> int:
    if value is None or value == "":
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        raise _bad("wrong parameter type") from None


async def _read_raw_params(request: web.Request) -> dict[str, Any]:
    """Collect query-string and body parameters; form bodies arrive as strings, JSON bodies as typed values."""
    raw: dict[str, Any] = dict(request.query)
    if not request.body_exists:
        return raw
    if request.content_type == "application/json":
        try:
            data = await request.json()
        except ValueError:
            raise _bad("can't parse JSON object") from None
        if not isinstance(data, dict):
            raise _bad("JSON object expected")
        raw.update(data)
    elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, web.FileField):
                raw[key] = UploadedFile(value.filename, value.content_type, value.file.read())
            else:
                raw[key] = value
    return raw


class ThreadedFakeBotAPI:
    """A FakeBotAPI on its own thread and event loop, for synchronous callers such as a load-test script.

    Every method hops into the fake's loop with ``asyncio.run_coroutine_threadsafe``, so it is safe to call from
    any number of threads at once.
    """

    def __init__(self, **kwargs: Any) -> None:
        self.api = FakeBotAPI(**kwargs)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    def start(self, timeout: float = 10.0) -> ThreadedFakeBotAPI:
        loop = asyncio.new_event_loop()
        ready = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(loop)
            loop.call_soon(ready.set)
            loop.run_forever()

        self._thread = threading.Thread(target=run, name="fake-telegram", daemon=True)
        self._thread.start()
        ready.wait(timeout)
        self._loop = loop
        try:
            self._run(self.api.start(), timeout)
        except BaseException:
            loop.call_soon_threadsafe(loop.stop)  # do not leak the thread when binding fails
            self._thread.join(timeout)
            loop.close()
            self._loop = self._thread = None
            raise
        return self

    def stop(self, timeout: float = 10.0) -> None:
        if self._loop is None or self._thread is None:
            return
        try:
            self._run(self.api.stop(), timeout)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout)
            self._loop.close()
            self._loop = self._thread = None

    def __enter__(self) -> ThreadedFakeBotAPI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self, coro: Any, timeout: float | None = None) -> Any:
        if self._loop is None:
            raise RuntimeError("ThreadedFakeBotAPI is not started")
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    def _call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        async def in_loop() -> Any:
            return fn(*args, **kwargs)

        return self._run(in_loop())

    @property
    def url(self) -> str:
        return self.api.url

    @property
    def base_url(self) -> str:
        return self.api.base_url

    def push_message(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return self._call(self.api.push_message, *args, **kwargs)

    def push_callback(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return self._call(self.api.push_callback, *args, **kwargs)

    def push_update(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return self._call(self.api.push_update, *args, **kwargs)

    def fail_next(self, *args: Any, **kwargs: Any) -> None:
        self._call(self.api.fail_next, *args, **kwargs)

    def wait_for_messages(self, chat_id: int, count: int = 1, timeout: float = 10.0) -> list[dict[str, Any]]:
        return self._run(self.api.wait_for_messages(chat_id, count, timeout))

    def wait_until_idle(self, timeout: float = 10.0) -> None:
        self._run(self.api.wait_until_idle(timeout))

    def messages(self, chat_id: int) -> list[dict[str, Any]]:
        return self._call(self.api.messages, chat_id)

    def photos(self, chat_id: int) -> list[dict[str, Any]]:
        return self._call(self.api.photos, chat_id)

    def documents(self, chat_id: int) -> list[dict[str, Any]]:
        return self._call(self.api.documents, chat_id)

    def pending_updates(self) -> int:
        return self._call(self.api.pending_updates)

    def calls(self) -> list[Call]:
        """A snapshot of the recorded calls (the live list belongs to the fake's thread)."""
        return self._call(lambda: list(self.api.calls))

    def answered_callbacks(self) -> list[str]:
        return self._call(lambda: list(self.api.answered_callbacks))
