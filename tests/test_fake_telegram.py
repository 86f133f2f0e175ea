"""Tests of the fake Bot API itself, over plain HTTP and with the real python-telegram-bot client.

The bot's own tests trust this fake to reject what Telegram rejects and to long-poll like Telegram, so those
behaviours are pinned here, independently of the bot.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import threading
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import telegram
from aiohttp import web
from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Conflict, InvalidToken, NetworkError, RetryAfter
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from tests.fake_telegram import NOT_MODIFIED, FakeBotAPI, ThreadedFakeBotAPI, parse_html

TOKEN = "123456:TEST-token-abcdefghij"
USER = 1001


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    fake = FakeBotAPI(token=TOKEN)
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=30) as http:
        yield http


def _form(params: dict[str, Any]) -> dict[str, str]:
    """Encode like python-telegram-bot: str as is, everything else json.dumps()'d."""
    return {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items() if v is not None}


async def call(
    http: httpx.AsyncClient, api: FakeBotAPI, method: str, token: str = TOKEN, **params: Any
) -> tuple[int, dict[str, Any]]:
    response = await http.post(f"{api.base_url}{token}/{method}", data=_form(params))
    return response.status_code, response.json()


def keyboard(*data: str) -> dict[str, Any]:
    return {"inline_keyboard": [[{"text": f"b{i}", "callback_data": d} for i, d in enumerate(data)]]}


# ----------------------------------------------------------------------------------------------- getUpdates


async def test_long_poll_returns_pushed_update_and_offset_confirms(api: FakeBotAPI, client: httpx.AsyncClient) -> None:
    pushed = api.push_message(USER, "/start")
    status, body = await call(client, api, "getUpdates", timeout=5)
    assert status == 200 and body["ok"] is True
    [update] = body["result"]
    assert update == pushed
    message = update["message"]
    assert message["chat"] == {"id": USER, "type": "private", "first_name": "User"}
    assert message["from"]["language_code"] == "zh-hant" and message["from"]["is_bot"] is False
    assert message["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]

    # Not confirmed yet: a poll without a higher offset gets it again; the offset confirms and drops it.
    assert (await call(client, api, "getUpdates"))[1]["result"] == [pushed]
    assert api.pending_updates() == 1
    status, body = await call(client, api, "getUpdates", offset=update["update_id"] + 1, timeout=0)
    assert body["result"] == [] and api.pending_updates() == 0


async def test_long_poll_waits_for_a_push_without_blocking_other_requests(
    api: FakeBotAPI, client: httpx.AsyncClient
) -> None:
    started = time.monotonic()
    poll = asyncio.create_task(call(client, api, "getUpdates", timeout=10))
    await asyncio.sleep(0.2)
    status, me = await call(client, api, "getMe")  # served while the poll is parked
    assert status == 200 and me["result"]["username"] == "advisor_test_bot"
    assert not poll.done()
    api.push_message(USER, "hello")
    status, body = await asyncio.wait_for(poll, 5)
    assert [u["message"]["text"] for u in body["result"]] == ["hello"]
    assert time.monotonic() - started < 5


async def test_long_poll_times_out_with_empty_result(api: FakeBotAPI, client: httpx.AsyncClient) -> None:
    started = time.monotonic()
    status, body = await call(client, api, "getUpdates", timeout=1)
    elapsed = time.monotonic() - started
    assert (status, body) == (200, {"ok": True, "result": []})
    assert 0.9 <= elapsed < 3


async def test_limit_and_negative_offset(api: FakeBotAPI, client: httpx.AsyncClient) -> None:
    ids = [api.push_message(USER, f"m{i}")["update_id"] for i in range(5)]
    assert [u["update_id"] for u in (await call(client, api, "getUpdates", limit=2))[1]["result"]] == ids[:2]
    # offset=-1: only the last update survives, everything before is forgotten (Telegram's "skip backlog").
    assert [u["update_id"] for u in (await call(client, api, "getUpdates", offset=-1))[1]["result"]] == ids[-1:]
    assert api.pending_updates() == 1


async def test_second_poll_terminates_the_first_with_conflict(api: FakeBotAPI, client: httpx.AsyncClient) -> None:
    first = asyncio.create_task(call(client, api, "getUpdates", timeout=10))
    await asyncio.sleep(0.3)
    second = asyncio.create_task(call(client, api, "getUpdates", timeout=10))
    status, body = await asyncio.wait_for(first, 5)
    assert status == 409 and body["description"].startswith("Conflict: terminated by other getUpdates request")
    api.push_message(USER, "x")
    assert (await asyncio.wait_for(second, 5))[0] == 200


async def test_duplicate_delivery_with_same_update_id(api: FakeBotAPI, client: httpx.AsyncClient) -> None:
    original = api.push_message(USER, "once")
    _, body = await call(client, api, "getUpdates")
    _, body = await call(client, api, "getUpdates", offset=original["update_id"] + 1)
    assert body["result"] == [] and api.pending_updates() == 0
    again = api.push_message(USER, "ignored", update_id=original["update_id"])
    assert again == original  # the identical update, as Telegram re-sends it
    _, body = await call(client, api, "getUpdates", offset=original["update_id"] + 1)
    assert body["result"] == [original]
    _, body = await call(client, api, "getUpdates", offset=original["update_id"] + 1)
    assert body["result"] == []
    await api.wait_until_idle(1)


async def test_wait_until_idle(api: FakeBotAPI, client: httpx.AsyncClient) -> None:
    update = api.push_message(USER, "hi")
    with pytest.raises(asyncio.TimeoutError):
        await api.wait_until_idle(0.2)
    await call(client, api, "getUpdates")
    assert api.pending_updates() == 1  # fetched but not yet confirmed
    await call(client, api, "getUpdates", offset=update["update_id"] + 1)
    await api.wait_until_idle(1)


async def test_push_entities_and_group_chat(api: FakeBotAPI) -> None:
    update = api.push_message(USER, "/ask@advisor_test_bot 你好 @someone", chat_id=-100, chat_type="supergroup")
    message = update["message"]
    assert message["chat"]["type"] == "supergroup" and message["chat"]["id"] == -100
    assert message["entities"] == [
        {"type": "bot_command", "offset": 0, "length": 21},
        {"type": "mention", "offset": 25, "length": 8},
    ]


# ---------------------------------------------------------------------------------------------- sendMessage


async def test_send_message_returns_message_and_records_it(api: FakeBotAPI, client: httpx.AsyncClient) -> None:
    api.push_message(USER, "hi")  # message_id 1 in the chat
    status, body = await call(
        client,
        api,
        "sendMessage",
        chat_id=USER,
        text="<b>Hi</b> &amp; 😀 <i>there</i>",
        parse_mode="HTML",
        reply_markup=keyboard("go"),
    )
    assert status == 200
    message = body["result"]
    assert message["message_id"] == 2 and message["chat"]["id"] == USER
    assert message["from"] == {
        "id": 123456,
        "is_bot": True,
        "first_name": "Advisor Test Bot",
        "username": "advisor_test_bot",
    }
    assert message["text"] == "Hi & 😀 there"
    # Offsets are UTF-16 code units: the emoji counts 2.
    assert message["entities"] == [
        {"type": "bold", "offset": 0, "length": 2},
        {"type": "italic", "offset": 8, "length": 5},
    ]
    assert message["reply_markup"] == keyboard("go")

    [record] = await api.wait_for_messages(USER, count=1, timeout=1)
    assert record["text"] == "Hi & 😀 there" and record["parse_mode"] == "HTML"
    assert record["reply_markup"] == keyboard("go") and record["params"]["chat_id"] == USER
    assert api.calls[-1].method == "sendMessage" and api.calls[-1].params["reply_markup"] == keyboard("go")
    status, body = await call(client, api, "sendMessage", chat_id=USER, text="second")
    assert body["result"]["message_id"] == 3
    assert [m["text"] for m in await api.wait_for_messages(USER, 1, timeout=1)] == ["second"]
    with pytest.raises(asyncio.TimeoutError):
        await api.wait_for_messages(USER, 1, timeout=0.2)


async def test_text_length_is_counted_after_entity_parsing(api: FakeBotAPI, client: httpx.AsyncClient) -> None:
    api.push_message(USER, "hi")

    async def send(text: str, parse_mode: str | None = None) -> tuple[int, dict[str, Any]]:
        return await call(client, api, "sendMessage", chat_id=USER, text=text, parse_mode=parse_mode)

    assert (await send("x" * 4096))[0] == 200
    status, body = await send("x" * 4097)
    assert (status, body["description"]) == (400, "Bad Request: message is too long")
    assert body == {"ok": False, "error_code": 400, "description": "Bad Request: message is too long"}
    # Tags do not count, entities count as one character each.
    assert (await send("<b>" + "x" * 4096 + "</b>", "HTML"))[0] == 200
    assert (await send("&lt;" * 4096, "HTML"))[0] == 200
    assert (await send("&lt;" * 4097, "HTML"))[1]["description"] == "Bad Request: message is too long"
    # Code points, not bytes: 4096 CJK characters are fine.
    assert (await send("字" * 4096))[0] == 200
    for empty, mode in (("", None), ("   \n", None), ("<b></b>", "HTML"), ("<b> </b>", "HTML")):
        assert (await send(empty, mode))[1]["description"] == "Bad Request: message text is empty"


@pytest.mark.parametrize(
    ("html", "error"),
    [
        ("<foo>x</foo>", 'Unsupported start tag "foo" at byte offset 0'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("<b>bold", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("<br>", 'Unsupported start tag "br" at byte offset 0'),
        ("字<p>", 'Unsupported start tag "p" at byte offset 3'),  # byte offsets, not characters
    ],
)
async def test_bad_html_is_rejected_like_telegram(
    api: FakeBotAPI, client: httpx.AsyncClient, html: str, error: str
) -> None:
    api.push_message(USER, "hi")
    status, body = await call(client, api, "sendMessage", chat_id=USER, text=html, parse_mode="HTML")
    assert status == 400
    assert body["description"] == f"Bad Request: can't parse entities: {error}"
    assert api.messages(USER) == []


async def test_good_html_is_accepted(api: FakeBotAPI, client: httpx.AsyncClient) -> None:
    api.push_message(USER, "hi")
    html = (
        "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>"
        '<a href="https://example.org/?a=1&amp;b=2">link</a><code>c</code><pre>p</pre>'
        '<pre><code class="language-python">x = 1</code></pre><tg-spoiler>sp</tg-spoiler>'
        '<span class="tg-spoiler">sp</span><blockquote>q</blockquote><blockquote expandable>eq</blockquote>'
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji> a &gt; b &quot;c&quot; &#39;d&#39; AT&T'
    )
    status, body = await call(client, api, "sendMessage", chat_id=USER, text=html, parse_mode="html")
    assert status == 200, body
    message = body["result"]
    assert message["text"].endswith("👍 a > b \"c\" 'd' AT&T")
    types = [e["type"] for e in message["entities"]]
    assert {
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "text_link",
        "code",
        "pre",
        "spoiler",
        "blockquote",
        "expandable_blockquote",
        "custom_emoji",
    } <= set(types)
    link = next(e for e in message["entities"] if e["type"] == "text_link")
    assert link["url"] == "https://example.org/?a=1&b=2"
    assert {"type": "pre", "offset": 15, "length": 5, "language": "python"} in message["entities"]


def test_ampersand_is_literal_unless_strict() -> None:
    assert parse_html("AT&T &copy; &lt")[0] == "AT&T &copy; <"  # Telegram keeps a stray & and allows a missing ;
    with pytest.raises(ValueError, match="byte offset 2"):
        parse_html("AT&T", strict_ampersand=True)


async def test_callback_data_is_limited_to_64_bytes(api: FakeBotAPI, client: httpx.AsyncClient) -> None:
    api.push_message(USER, "hi")

    async def send(markup: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        return await call(client, api, "sendMessage", chat_id=USER, text="pick", reply_markup=markup)

    assert (await send(keyboard("x" * 64)))[0] == 200
    assert (await send(keyboard("é" * 32)))[0] == 200  # 32 characters, 64 bytes
    for too_long in ("x" * 65, "é" * 33, "字" * 22):  # 65, 66, 66 bytes -- all far below 64 characters but one
        status, body = await send(keyboard("ok", too_long))
        assert (status, body["description"]) == (400, "Bad Request: BUTTON_DATA_INVALID")
    status, body = await send({"inline_keyboard": [[{"text": "label only"}]]})
    assert status == 400 and "Text buttons are unallowed in the inline keyboard" in body["description"]
    status, body = await call(client, api, "sendMessage", chat_id=USER, text="x", reply_markup="{not json")
    assert (status, body["description"]) == (400, "Bad Request: can't parse reply keyboard markup JSON object")
    assert len(api.messages(USER)) == 2


async def test_unknown_chat_and_blocked_user(api: FakeBotAPI, client: httpx.AsyncClient) -> None:
    status, body = await call(client, api, "sendMessage", chat_id=424242, text="hi")
    assert (status, body["description"]) == (400, "Bad Request: chat not found")
    api.push_message(USER, "hi")
    api.block_user(USER)
    status, body = await call(client, api, "sendMessage", chat_id=USER, text="hi")
    assert (status, body["description"]) == (403, "Forbidden: bot was blocked by the user")


async def test_json_and_multipart_bodies_are_accepted(api: FakeBotAPI, client: httpx.AsyncClient) -> None:
    api.push_message(USER, "hi")
    url = f"{api.base_url}{TOKEN}/sendMessage"
    response = await client.post(url, json={"chat_id": USER, "text": "json", "reply_markup": keyboard("a")})
    assert response.status_code == 200 and response.json()["result"]["reply_markup"] == keyboard("a")
    response = await client.post(url, data={"chat_id": str(USER), "text": "multipart"}, files={"f": ("a.txt", b"x")})
    assert response.status_code == 200 and response.json()["result"]["text"] == "multipart"
    response = await client.get(f"{api.base_url}{TOKEN}/SENDMESSAGE", params={"chat_id": USER, "text": "get"})
    assert response.status_code == 200  # method names are case-insensitive
    assert [m["text"] for m in api.messages(USER)] == ["json", "multipart", "get"]


# ---------------------------------------------------------------------------------------- auth and faults


async def test_tokens_and_unknown_methods(api: FakeBotAPI, client: httpx.AsyncClient) -> None:
    status, body = await call(client, api, "getMe", token="999999:OTHER-token-abcdefghij")
    assert (status, body) == (401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
    assert (await call(client, api, "getMe", token="not-a-token"))[0] == 404
    assert (await call(client, api, "noSuchMethod"))[1] == {"ok": False, "error_code": 404, "description": "Not Found"}
    assert (await client.get(f"{api.url}/elsewhere")).status_code == 404
    assert [c.status for c in api.calls] == [401, 404, 404]


async def test_fault_injection(api: FakeBotAPI, client: httpx.AsyncClient) -> None:
    api.push_message(USER, "hi")
    api.fail_next("sendMessage", status=429, retry_after=7, times=2)
    for _ in range(2):
        status, body = await call(client, api, "sendMessage", chat_id=USER, text="x")
        assert status == 429
        assert body == {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 7",
            "parameters": {"retry_after": 7},
        }
    api.fail_next("sendMessage", status=500)
    status, body = await call(client, api, "sendMessage", chat_id=USER, text="x")
    assert (status, body["description"]) == (500, "Internal Server Error")
    api.fail_next("getUpdates", status=502)
    assert (await call(client, api, "getUpdates"))[1]["description"] == "Bad Gateway"
    assert api.pending_updates() == 1  # the failed poll handed nothing out
    assert api.messages(USER) == []  # failed calls deliver nothing
    assert (await call(client, api, "sendMessage", chat_id=USER, text="x"))[0] == 200
    assert [c.status for c in api.calls_of("sendMessage")] == [429, 429, 500, 200]


# ------------------------------------------------------------------------------------ edits and callbacks


async def test_edit_message_text(api: FakeBotAPI, client: httpx.AsyncClient) -> None:
    api.push_message(USER, "hi")
    _, body = await call(
        client, api, "sendMessage", chat_id=USER, text="<b>v1</b>", parse_mode="HTML", reply_markup=keyboard("a")
    )
    message_id = body["result"]["message_id"]

    async def edit(**params: Any) -> tuple[int, dict[str, Any]]:
        return await call(client, api, "editMessageText", chat_id=USER, message_id=message_id, **params)

    # Same text and entities (even written differently) and same keyboard: not modified.
    status, body = await edit(text="<strong>v1</strong>", parse_mode="HTML", reply_markup=keyboard("a"))
    assert (status, body["description"]) == (400, NOT_MODIFIED)
    status, body = await edit(text="v2", reply_markup=keyboard("a"))
    assert status == 200 and body["result"]["text"] == "v2" and "edit_date" in body["result"]
    # Like Telegram, an edit without reply_markup drops the keyboard.
    status, body = await edit(text="v3")
    assert status == 200 and "reply_markup" not in body["result"]
    [latest] = api.messages(USER)
    assert latest["text"] == "v3" and latest["edited"] is True and latest["reply_markup"] is None
    assert [d["kind"] for d in api.deliveries(USER)] == ["send", "edit", "edit"]
    status, body = await call(client, api, "editMessageText", chat_id=USER, message_id=999, text="x")
    assert (status, body["description"]) == (400, "Bad Request: message to edit not found")
    status, body = await call(client, api, "editMessageText", chat_id=USER, message_id=1, text="x")
    assert (status, body["description"]) == (400, "Bad Request: message can't be edited")  # the user's message
    status, body = await call(client, api, "editMessageReplyMarkup", chat_id=USER, message_id=message_id)
    assert (status, body["description"]) == (400, NOT_MODIFIED)
    status, body = await call(
        client, api, "editMessageReplyMarkup", chat_id=USER, message_id=message_id, reply_markup=keyboard("b")
    )
    assert status == 200 and body["result"]["reply_markup"] == keyboard("b")


async def test_callback_query_round_trip(api: FakeBotAPI, client: httpx.AsyncClient) -> None:
    api.push_message(USER, "hi", first_name="Alice")
    _, body = await call(client, api, "sendMessage", chat_id=USER, text="pick", reply_markup=keyboard("opt:1"))
    sent = body["result"]
    update = api.push_callback(USER, sent["message_id"], "opt:1")
    query = update["callback_query"]
    assert query["message"] == sent and query["from"]["first_name"] == "Alice" and query["data"] == "opt:1"
    assert api.push_callback(USER, 77, "old")["callback_query"]["message"]["date"] == 0  # inaccessible message
    status, body = await call(client, api, "answerCallbackQuery", callback_query_id=query["id"], text="ok")
    assert (status, body["result"]) == (200, True)
    assert api.answered_callbacks == [query["id"]]
    status, body = await call(client, api, "answerCallbackQuery", callback_query_id=query["id"])
    assert status == 400 and body["description"].startswith("Bad Request: query is too old")
    assert (await call(client, api, "answerCallbackQuery", callback_query_id="nope"))[0] == 400


async def test_bot_housekeeping_methods(api: FakeBotAPI, client: httpx.AsyncClient) -> None:
    commands = [{"command": "start", "description": "開始"}, {"command": "help", "description": "說明"}]
    assert (await call(client, api, "setMyCommands", commands=commands))[1]["result"] is True
    assert (await call(client, api, "getMyCommands"))[1]["result"] == commands
    assert api.commands() == commands
    status, body = await call(client, api, "setMyCommands", commands=[{"command": "Start", "description": "x"}])
    assert (status, body["description"]) == (400, "Bad Request: BOT_COMMAND_INVALID")
    for method in ("deleteWebhook", "close", "logOut"):
        assert (await call(client, api, method))[1] == {"ok": True, "result": True}
    status, body = await call(client, api, "setWebhook", url="http://example.org/hook")
    assert status == 400 and "HTTPS" in body["description"]
    assert (await call(client, api, "setWebhook", url="https://example.org/hook", secret_token="s3cr3t"))[0] == 200
    assert api.webhook["url"] == "https://example.org/hook" and api.webhook["secret_token"] == "s3cr3t"
    assert (await call(client, api, "getWebhookInfo"))[1]["result"]["url"] == "https://example.org/hook"
    assert (await call(client, api, "getUpdates"))[0] == 409  # polling while a webhook is set
    await call(client, api, "deleteWebhook")
    assert (await call(client, api, "sendChatAction", chat_id=USER, action="typing"))[0] == 400  # unknown chat
    api.push_message(USER, "hi")
    assert (await call(client, api, "sendChatAction", chat_id=USER, action="typing"))[1]["result"] is True
    assert (await call(client, api, "deleteMessage", chat_id=USER, message_id=1))[1]["result"] is True
    assert (await call(client, api, "deleteMessage", chat_id=USER, message_id=1))[0] == 400


# --------------------------------------------------------------------------------------------- thread wrapper


def test_threaded_wrapper_round_trip() -> None:
    with ThreadedFakeBotAPI(token=TOKEN) as fake, httpx.Client(timeout=30) as http:
        base = f"{fake.base_url}{TOKEN}"
        pushed: list[int] = []
        lock = threading.Lock()

        def push(user: int) -> None:
            update = fake.push_message(user, f"from {user}")
            with lock:
                pushed.append(update["update_id"])

        threads = [threading.Thread(target=push, args=(2000 + i,)) for i in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(pushed) == list(range(1, 21))  # unique ids even when pushed concurrently
        updates = http.post(f"{base}/getUpdates", data={"timeout": "1"}).json()["result"]
        assert len(updates) == 20
        http.post(f"{base}/getUpdates", data={"offset": str(updates[-1]["update_id"] + 1)})
        assert fake.pending_updates() == 0
        fake.wait_until_idle(1)

        response = http.post(f"{base}/sendMessage", data={"chat_id": "2003", "text": "reply"})
        assert response.status_code == 200
        assert [m["text"] for m in fake.wait_for_messages(2003, 1, timeout=2)] == ["reply"]
        with pytest.raises(TimeoutError):
            fake.wait_for_messages(2003, 1, timeout=0.2)
        fake.fail_next("getMe", 500)
        assert http.post(f"{base}/getMe").status_code == 500
        assert [c.method for c in fake.calls()][-1] == "getMe"


# ------------------------------------------------------------------------------- real python-telegram-bot


# PTB 22's own RetryAfter.__init__ warns that retry_after will become a timedelta; not ours to fix.
@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_real_python_telegram_bot_against_the_fake(api: FakeBotAPI) -> None:
    bot = telegram.Bot(TOKEN, base_url=api.base_url)
    async with bot:  # initialize() calls getMe
        me = await bot.get_me()
        assert (me.id, me.username, me.is_bot) == (123456, "advisor_test_bot", True)

        api.push_message(USER, "/start")
        updates = await bot.get_updates(timeout=2, allowed_updates=telegram.Update.ALL_TYPES)
        assert [u.message.text for u in updates] == ["/start"]
        assert updates[0].message.entities[0].type == "bot_command"

        markup = InlineKeyboardMarkup(
            [[InlineKeyboardButton("是", callback_data="yes"), InlineKeyboardButton("否", callback_data="no")]]
        )
        sent = await bot.send_message(
            USER,
            "<b>繼續？</b>",
            parse_mode="HTML",
            reply_markup=markup,
            reply_to_message_id=updates[0].message.message_id,
        )
        assert sent.text == "繼續？" and sent.reply_markup == markup
        assert sent.reply_to_message.message_id == updates[0].message.message_id
        [record] = await api.wait_for_messages(USER, 1, timeout=2)
        assert record["reply_markup"] == markup.to_dict() and record["parse_mode"] == "HTML"

        api.push_callback(USER, sent.message_id, "yes")
        updates = await bot.get_updates(offset=updates[-1].update_id + 1, timeout=2)
        query = updates[0].callback_query
        assert query.data == "yes" and query.message.message_id == sent.message_id
        assert await query.answer("ok")
        assert api.answered_callbacks == [query.id]
        edited = await query.edit_message_text("已選：是")
        assert edited.text == "已選：是" and edited.reply_markup is None
        await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)
        assert api.pending_updates() == 0

        assert await bot.set_my_commands([BotCommand("start", "開始"), BotCommand("ask", "提問")])
        assert [c.command for c in await bot.get_my_commands()] == ["start", "ask"]
        assert await bot.delete_webhook()

        with pytest.raises(BadRequest, match="^Can't parse entities: can't find end tag"):  # PTB capitalize()s
            await bot.send_message(USER, "<b>unclosed", parse_mode="HTML")
        with pytest.raises(BadRequest, match="Message is too long"):
            await bot.send_message(USER, "x" * 4097)
        with pytest.raises(BadRequest, match="Button_data_invalid"):
            await bot.send_message(
                USER, "x", reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="x" * 65)]])
            )
        with pytest.raises(BadRequest, match="Message is not modified"):
            await bot.edit_message_text("已選：是", chat_id=USER, message_id=sent.message_id)

        api.fail_next("sendMessage", status=429, retry_after=3)
        with pytest.raises(RetryAfter) as retry:
            await bot.send_message(USER, "flood")
        assert "Retry in 3 seconds" in str(retry.value)
        retry_after = retry.value.retry_after
        assert (retry_after.total_seconds() if isinstance(retry_after, dt.timedelta) else retry_after) == 3

        # PTB maps 5xx (and 502) to the plain NetworkError base class -- not TimedOut, not BadRequest.
        for status in (500, 502):
            api.fail_next("sendMessage", status=status)
            with pytest.raises(NetworkError) as failure:
                await bot.send_message(USER, "boom")
            assert type(failure.value) is NetworkError

        poll = asyncio.create_task(bot.get_updates(timeout=10))
        await asyncio.sleep(0.3)
        other = telegram.Bot(TOKEN, base_url=api.base_url)
        async with other:
            second = asyncio.create_task(other.get_updates(timeout=1))
            with pytest.raises(Conflict):
                await poll
            assert await second == ()

    with pytest.raises(InvalidToken):
        async with telegram.Bot("999999:OTHER-token-abcdefghij", base_url=api.base_url):
            pass


async def test_ptb_application_polling_loop(api: FakeBotAPI) -> None:
    """The bot runs PTB's Application/Updater: offsets, handler dispatch and the final confirm on shutdown."""

    async def start(update: telegram.Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        markup = InlineKeyboardMarkup([[InlineKeyboardButton("A", callback_data="a")]])
        await update.effective_message.reply_html("<b>歡迎</b>", reply_markup=markup)

    async def pressed(update: telegram.Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.callback_query.answer()
        await update.callback_query.edit_message_text(f"chose {update.callback_query.data}")

    app = Application.builder().token(TOKEN).base_url(api.base_url).build()
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(pressed))
    async with app:
        await app.updater.start_polling(poll_interval=0, timeout=1)
        await app.start()
        api.push_message(USER, "/start")
        [welcome] = await api.wait_for_messages(USER, 1, timeout=10)
        assert welcome["text"] == "歡迎" and welcome["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "a"
        api.push_callback(USER, welcome["message_id"], "a")
        await api.wait_for_call("editMessageText", timeout=10)
        assert api.messages(USER)[0]["text"] == "chose a"
        assert len(api.answered_callbacks) == 1
        await api.expect_no_messages(USER, within=0.3)
        await app.updater.stop()
        await app.stop()
    assert api.pending_updates() == 0  # PTB confirmed everything on the way out


async def test_webhook_delivery_when_allowed(unused_tcp_port: int) -> None:
    """With allow_insecure_webhook the fake POSTs updates to a local http webhook, with the secret header."""
    received: list[tuple[dict[str, Any], str | None]] = []

    async def hook(request: web.Request) -> web.Response:
        received.append((await request.json(), request.headers.get("X-Telegram-Bot-Api-Secret-Token")))
        return web.Response(status=500 if len(received) == 1 else 200)  # the first attempt fails: retried

    runner = web.AppRunner(web.Application())
    runner.app.router.add_post("/hook", hook)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", unused_tcp_port).start()
    async with FakeBotAPI(token=TOKEN, allow_insecure_webhook=True, webhook_retry_delay=0.05) as fake:
        async with httpx.AsyncClient() as http:
            status, _ = await call(
                http, fake, "setWebhook", url=f"http://127.0.0.1:{unused_tcp_port}/hook", secret_token="s3cr3t"
            )
            assert status == 200
            update = fake.push_message(USER, "via webhook")
            await fake.wait_until_idle(5)
            assert received == [(update, "s3cr3t"), (update, "s3cr3t")]
            info = (await call(http, fake, "getWebhookInfo"))[1]["result"]
            assert info["pending_update_count"] == 0 and "500" in info["last_error_message"]
    await runner.cleanup()
