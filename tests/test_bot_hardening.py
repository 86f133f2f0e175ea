"""Findings of the attack on the bot (issue 9), each against the real bot process on a loopback Bot API:
the token never printed, an unreadable update skipped, edits and forged buttons never advancing the
dialogue, one user's flood of taps never holding up another user, webhook mode never without a secret."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import pytest_asyncio

from bot.handlers import send_replies
from conversation.ui import Reply
from tests.bot_harness import ADVISOR, TOKEN, BotProcess, User, running_bot, shares_the_bot
from tests.conftest import free_port
from tests.fake_telegram import FakeBotAPI

SECRET_TOKEN = "987654:SECRET-abcdefghijklmnopqrstu"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(indexed_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[BotProcess]:
    """The bot the tests marked `shares_the_bot` talk to, each as users of its own (taps throttled at
    the default rate). Unreadable and forged updates are sent to it, so its log may name failures."""
    async with running_bot(
        indexed_data_dir, tmp_path_factory.mktemp("bot"), clean_log=False, USER_RATE_PER_MINUTE="1000"
    ) as process:
        yield process


def _start_and_wait(env: dict[str, str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "LLM_", "CHROMA_", "LOG_"))}
    full.update(DATA_DIR=str(data_dir), **env)
    return subprocess.run([ADVISOR, "bot"], env=full, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(("wrong", "level"), [("token", "INFO"), ("url", "INFO"), ("token", "DEBUG")])
async def test_a_rejected_token_or_wrong_url_stops_with_one_line_and_no_token(
    api: FakeBotAPI, indexed_data_dir: Path, tmp_path: Path, wrong: str, level: str
) -> None:
    env = {
        "LOG_LEVEL": level,
        "TELEGRAM_BOT_TOKEN": SECRET_TOKEN if wrong == "token" else TOKEN,
        "TELEGRAM_API_BASE_URL": api.base_url if wrong == "token" else f"{api.url}/nowhere/bot",
        "STATE_DB_URL": f"sqlite:///{tmp_path / 's.sqlite3'}",
    }
    done = await asyncio.to_thread(_start_and_wait, env, indexed_data_dir)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output[-500:]
    assert SECRET_TOKEN not in output and TOKEN not in output and "SECRET" not in output
    assert "Traceback" not in output or level == "DEBUG"  # library tracebacks are for debugging only
    assert done.stderr.strip().splitlines()[-1].startswith("The Bot API rejected the bot token")


@shares_the_bot
async def test_an_update_that_cannot_be_read_is_skipped_and_the_others_answered(bot: BotProcess) -> None:
    api = bot.api
    user = User(api, 3101)
    before = len(api.calls_of("getUpdates"))
    # a message without its chat: python-telegram-bot cannot build it
    api.push_update({"message": {"message_id": 1, "date": 0, "text": "PRIVATE-TEXT-of-someone"}})
    await user.say("/help")
    assert "/assess" in user.text()
    await api.wait_until_idle(timeout=20)  # the unreadable update was confirmed too: the offset moved past it
    await asyncio.sleep(1.0)
    assert len(api.calls_of("getUpdates")) - before < 30  # no tight loop over the same batch
    assert "PRIVATE-TEXT-of-someone" not in bot.log()


@shares_the_bot
async def test_only_handled_update_kinds_are_subscribed(bot: BotProcess) -> None:
    api = bot.api
    await User(api, 3107).say("/help")
    allowed = api.calls_of("getUpdates")[-1].params.get("allowed_updates")
    assert set(allowed) == {"message", "callback_query"}, allowed


async def _to_the_hours_step(user: User) -> None:
    await user.say("/assess")
    await user.press("開始")
    while "下一類" in json.dumps(user.last[-1].get("reply_markup"), ensure_ascii=False):
        await user.press("下一類")
    await user.press("完成")


@shares_the_bot
async def test_an_edited_message_does_not_advance_the_assessment(bot: BotProcess) -> None:
    api = bot.api
    user = User(api, 3102)
    await _to_the_hours_step(user)
    await user.say("12")
    message = {
        "message_id": 999,
        "date": int(time.time()),
        "edit_date": int(time.time()),
        "text": "48",
        "chat": {"id": user.id, "type": "private"},
        "from": {"id": user.id, "is_bot": False, "first_name": "U"},
    }
    api.push_update({"edited_message": message})
    await api.expect_no_messages(user.id, within=1.5)
    assert api.dropped_updates and "edited_message" in api.dropped_updates[-1]


@pytest.mark.parametrize(("value", "user_id"), [("99999999", 3103), ("²", 3113), ("-5", 3123)])
@shares_the_bot
async def test_a_forged_hours_button_is_refused_and_nothing_is_stored(
    bot: BotProcess, value: str, user_id: int
) -> None:
    api = bot.api
    user = User(api, user_id)
    await _to_the_hours_step(user)
    prompt = user.last[-1]["text"]
    message_id, data = user.button("12")
    forged = ":".join([*data.split(":")[:-1], value])
    api.push_callback(user.id, message_id, forged)
    await user.expect(1)
    assert "無法辨識這個按鈕" in user.text(), user.text()
    await asyncio.sleep(1.0)
    await api.wait_until_idle()
    api.push_message(user.id, "18")  # the question still open is the first area's: the forged value was not taken
    await api.wait_for_call("sendMessage", predicate=lambda c: user.in_my_chat(c) and "第 2/" in c.params["text"])
    assert "第 1/" in prompt


@shares_the_bot
async def test_a_flood_of_taps_does_not_hold_up_another_user(bot: BotProcess) -> None:
    api = bot.api
    flooder, other = User(api, 3104), User(api, 3105)
    await flooder.say("/start")
    message_id, data = flooder.button("認證")
    for _ in range(300):
        api.push_callback(flooder.id, message_id, data)
    started = time.monotonic()
    await other.say("/help", timeout=30)
    assert "/assess" in other.text()
    assert time.monotonic() - started < 15
    await asyncio.sleep(2.0)
    # far fewer taps are processed than were sent (the rest are throttled or turned away)
    assert len(api.messages(flooder.id)) < 150


@shares_the_bot
async def test_an_inline_button_tap_is_answered(bot: BotProcess) -> None:
    api = bot.api
    user = User(api, 3106)
    await user.say("/help")
    query = {
        "id": "inline-1",
        "from": {"id": user.id, "is_bot": False, "first_name": "U"},
        "inline_message_id": "AAAA",
        "chat_instance": "1",
        "data": "m:-:certs",
    }
    api.push_update({"callback_query": query})
    await api.wait_for_call("answerCallbackQuery", predicate=lambda c: c.params.get("callback_query_id") == "inline-1")


async def test_webhook_mode_without_a_secret_refuses_forged_posts(
    indexed_data_dir: Path, state_url: str, tmp_path: Path
) -> None:
    async with FakeBotAPI(token=TOKEN, allow_insecure_webhook=True, require_known_chat=False) as api:
        port = free_port()
        process = BotProcess(
            api,
            indexed_data_dir,
            state_url,
            tmp_path / "hook.log",
            TELEGRAM_WEBHOOK_URL=f"http://127.0.0.1:{port}/hook-path",
            TELEGRAM_WEBHOOK_PATH="hook-path",
            TELEGRAM_WEBHOOK_PORT=str(port),
        )
        await process.start(ready_call="setWebhook")
        try:
            hook = api.calls_of("setWebhook")[-1].params
            secret = hook.get("secret_token")
            assert secret and len(secret) >= 32
            forged = {"update_id": 1, "message": {"message_id": 1, "date": 0, "text": "/forget"}}
            async with httpx.AsyncClient() as client:
                for _ in range(100):
                    try:
                        denied = await client.post(f"http://127.0.0.1:{port}/hook-path", json=forged)
                        break
                    except httpx.ConnectError:
                        await asyncio.sleep(0.2)
                assert denied.status_code == 403
        finally:
            await process.stop()
        assert secret not in process.log()


class _SlowTelegram:
    """Telegram's side of one send that took too long: the message may well have been delivered."""

    def __init__(self) -> None:
        self.sent = 0

    async def send_message(self, *args: object, **kwargs: object) -> None:
        from telegram.error import TimedOut

        self.sent += 1
        raise TimedOut()


async def test_a_send_that_timed_out_is_not_sent_again() -> None:
    telegram = _SlowTelegram()
    await send_replies(telegram, 1, [Reply("hello")])
    assert telegram.sent == 1


async def test_a_kill_between_storing_and_sending_loses_no_reply(
    api: FakeBotAPI, indexed_data_dir: Path, state_url: str, tmp_path: Path
) -> None:
    """The step is committed, then Telegram says "retry after 30 s" and the process is killed while it
    waits: the update was never confirmed, so it comes again, and the stored replies are sent."""
    first = await BotProcess(api, indexed_data_dir, state_url, tmp_path / "a.log").start()
    user = User(api, 3108)
    await user.say("/assess")
    api.fail_next("sendMessage", status=429, retry_after=30)
    message_id, data = user.button("開始")
    api.push_callback(user.id, message_id, data)
    await api.wait_for_call("sendMessage", predicate=lambda c: c.status == 429, timeout=30)
    first.kill()
    assert api.pending_updates() >= 1  # not confirmed: Telegram keeps it
    second = await BotProcess(api, indexed_data_dir, state_url, tmp_path / "b.log").start()
    try:
        [reply] = await user.expect(1, timeout=40)
        assert "素養類" in reply["text"]  # the first certificate step, from the state stored before the kill
        await api.expect_no_messages(user.id, within=2.0)  # sent once, the step not taken twice
        await user.press("下一類")
        assert "工具類" in user.text()
    finally:
        await second.stop()


@shares_the_bot
async def test_toggles_and_the_next_page_edit_the_message_in_place(bot: BotProcess) -> None:
    api = bot.api
    user = User(api, 3109)
    await user.say("/assess")
    await user.press("開始")
    page = user.last[-1]
    toggle = next(b for row in page["reply_markup"]["inline_keyboard"] for b in row if ":t:" in b["callback_data"])
    sends = len(user.sends())
    for _ in range(3):
        answered = len(api.calls_of("answerCallbackQuery"))  # counted before the tap: its answer may be quick
        api.push_callback(user.id, page["message_id"], toggle["callback_data"])
        await api.wait_for_call("answerCallbackQuery", count=answered + 1)
    await user.press("下一類")
    await asyncio.sleep(0.5)
    assert len(user.sends()) == sends  # no new 11-button messages
    now = next(m for m in api.messages(user.id) if m["message_id"] == page["message_id"])
    assert "工具類" in now["text"] and len(user.edits()) >= 3


@shares_the_bot
async def test_assess_in_a_group_continues_in_a_private_chat(bot: BotProcess) -> None:
    api = bot.api
    group = -5101
    api.push_message(3110, "/assess@advisor_test_bot", chat_id=group, chat_type="group")
    [link] = await api.wait_for_messages(group, 1, timeout=20)
    [[button]] = link["reply_markup"]["inline_keyboard"]
    assert button["url"].endswith("advisor_test_bot?start=assess") and "隱私保護" not in link["text"]
    user = User(api, 3110)
    await user.say("/start assess")  # what the link sends in the private chat
    assert "隱私保護" in user.text()
    await api.expect_no_messages(group, within=1.0)


async def test_json_logs_are_one_object_per_line(
    api: FakeBotAPI, indexed_data_dir: Path, state_url: str, tmp_path: Path
) -> None:
    process = BotProcess(api, indexed_data_dir, state_url, tmp_path / "json.log", LOG_FORMAT="json")
    await process.start()
    try:
        await User(api, 3111).say("/help")
    finally:
        await process.stop()
    lines = [line for line in process.log().splitlines() if line.strip()]
    entries = [json.loads(line) for line in lines]  # every line is one JSON object
    assert any("ready" in e["message"] for e in entries) and TOKEN not in process.log()
    assert {"time", "level", "logger", "message"} <= entries[0].keys()


async def test_the_health_endpoint_answers_while_the_bot_runs(
    api: FakeBotAPI, indexed_data_dir: Path, state_url: str, tmp_path: Path
) -> None:
    port = free_port()
    process = BotProcess(api, indexed_data_dir, state_url, tmp_path / "health.log", HEALTH_PORT=str(port))
    await process.start()
    try:
        async with httpx.AsyncClient() as client:
            ok = await client.get(f"http://127.0.0.1:{port}/healthz")
            assert ok.status_code == 200 and ok.json() == {"status": "ok"}
            other = await client.get(f"http://127.0.0.1:{port}/anything-else")
            assert other.status_code == 404
    finally:
        await process.stop()
    async with httpx.AsyncClient() as client:
        with pytest.raises(httpx.ConnectError):  # gone with the bot
            await client.get(f"http://127.0.0.1:{port}/healthz")
