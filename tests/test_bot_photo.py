"""The result's picture in Telegram: the fake Bot API's sendPhoto, and `send_replies` sending a reply's chart
as a photo before its text, with python-telegram-bot's real client on loopback (no bot process: fast).

The whole way through the bot process (/assess to the result) is in tests/test_bot.py."""

from __future__ import annotations

import io
import logging
from collections.abc import AsyncIterator

import pytest
import telegram
from PIL import Image
from telegram.error import BadRequest, TimedOut

import bot.handlers
from bot.handlers import send_replies
from conversation.ui import Reply
from knowledge.chart_png import render_png
from tests.bot_harness import api_with_chat, ptb_client
from tests.fake_telegram import FakeBotAPI
from tests.test_chart_png import made_up_chart

USER = 4242
SECRET_ANSWER = "我的證照 XYZ-機密"  # text of the user's that must never reach a log


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with api_with_chat(USER) as fake:
        yield fake


@pytest.fixture
async def ptb(api: FakeBotAPI) -> AsyncIterator[telegram.Bot]:
    async with ptb_client(api) as client:
        yield client


def _png(width: int = 40, height: int = 30) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (10, 20, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


async def test_send_photo_upload_as_ptb_sends_it(api: FakeBotAPI, ptb: telegram.Bot) -> None:
    data = _png(1000, 600)
    sent = await ptb.send_photo(USER, photo=data, caption="<b>結果</b>", parse_mode="HTML", filename="r.png")
    assert sent.caption == "結果" and sent.caption_entities[0].type == "bold"
    sizes = sent.photo
    assert [(s.width, s.height) for s in sizes] == [(90, 54), (320, 192), (800, 480), (1000, 600)]
    assert len({s.file_unique_id for s in sizes}) == len(sizes)
    [photo] = api.photos(USER)
    assert photo["content"] == data and photo["caption"] == "結果" and (photo["width"], photo["height"]) == (1000, 600)
    assert photo["message_id"] == sent.message_id and photo["filename"] == "r.png"
    assert api.calls_of("sendPhoto")[-1].params["photo"].size == len(data)
    await ptb.send_message(USER, "text after")
    kinds = [(d["kind"], d["message_id"]) for d in api.deliveries(USER)]
    assert kinds == [("photo", sent.message_id), ("send", sent.message_id + 1)]
    with pytest.raises(BadRequest, match="no text in the message"):
        await ptb.edit_message_text("not a caption", chat_id=USER, message_id=sent.message_id)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"chat_id": 999_999}, "Chat not found"),
        ({"photo": b"not an image at all"}, "Image_process_failed"),
        ({"photo": _png(2000, 50)}, "Photo_invalid_dimensions"),
        ({"photo": "AgACAgIAAxkBAAI-unknown-file-id"}, "Wrong file identifier/http url specified"),
        ({"caption": "長" * 1025}, "Message caption is too long"),
    ],
)
async def test_send_photo_refuses_what_telegram_refuses(
    api: FakeBotAPI, ptb: telegram.Bot, kwargs: dict[str, object], error: str
) -> None:
    params: dict[str, object] = {"chat_id": USER, "photo": _png(), **kwargs}
    with pytest.raises(BadRequest, match=error):
        await ptb.send_photo(**params)  # type: ignore[arg-type]
    assert api.photos(USER) == []


@pytest.mark.filterwarnings("ignore:Please use 'Bot.sendPhoto'")  # the bare request is the point here
async def test_send_photo_without_a_photo(api: FakeBotAPI, ptb: telegram.Bot) -> None:
    with pytest.raises(BadRequest, match="There is no photo in the request"):
        await ptb.do_api_request("sendPhoto", api_kwargs={"chat_id": USER})


async def test_the_chart_goes_before_the_text_in_the_conversations_language(api: FakeBotAPI, ptb: telegram.Bot) -> None:
    chart = made_up_chart()
    await send_replies(ptb, USER, [Reply("before"), Reply("結果文字", chart=chart), Reply("after")], lang="en")
    [photo] = api.photos(USER)
    assert photo["content"] == render_png(chart, "en") != render_png(chart, "zh")
    texts = {m["message_id"]: m["text"] for m in api.messages(USER)}
    order = [texts.get(d["message_id"], "PHOTO") for d in api.deliveries(USER)]
    assert order == ["before", "PHOTO", "結果文字", "after"]


async def test_a_photo_that_failed_on_the_server_is_sent_again_once(api: FakeBotAPI, ptb: telegram.Bot) -> None:
    api.fail_next("sendPhoto", status=500)
    await send_replies(ptb, USER, [Reply("結果", chart=made_up_chart())])
    assert [c.status for c in api.calls_of("sendPhoto")] == [500, 200]
    assert len(api.photos(USER)) == 1 and [m["text"] for m in api.messages(USER)] == ["結果"]


async def test_a_chart_that_cannot_be_drawn_leaves_the_text(
    api: FakeBotAPI, ptb: telegram.Bot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object) -> bytes:
        raise OSError("cannot open resource")

    monkeypatch.setattr(bot.handlers, "render_png", broken)
    with caplog.at_level(logging.WARNING, logger="bot.handlers"):
        await send_replies(ptb, USER, [Reply(SECRET_ANSWER, chart=made_up_chart())])
    assert api.photos(USER) == [] and api.calls_of("sendPhoto") == []
    assert [m["text"] for m in api.messages(USER)] == [SECRET_ANSWER]
    assert "could not draw the result chart" in caplog.text and SECRET_ANSWER not in caplog.text


async def test_a_photo_refused_by_telegram_leaves_the_text(
    api: FakeBotAPI, ptb: telegram.Bot, caplog: pytest.LogCaptureFixture
) -> None:
    api.fail_next("sendPhoto", status=400, description="Bad Request: PHOTO_INVALID_DIMENSIONS")
    with caplog.at_level(logging.WARNING, logger="bot.handlers"):
        await send_replies(ptb, USER, [Reply(SECRET_ANSWER, chart=made_up_chart())])
    assert len(api.calls_of("sendPhoto")) == 1 and api.photos(USER) == []
    assert [m["text"] for m in api.messages(USER)] == [SECRET_ANSWER]
    assert "the result chart" in caplog.text and SECRET_ANSWER not in caplog.text


class _SlowPhotoTelegram:
    """Telegram's side of a photo upload that took too long: the photo may well have been delivered."""

    def __init__(self) -> None:
        self.photos = 0
        self.texts: list[str] = []

    async def send_photo(self, *args: object, **kwargs: object) -> None:
        self.photos += 1
        raise TimedOut()

    async def send_message(self, chat_id: int, text: str, **kwargs: object) -> None:
        self.texts.append(text)


async def test_a_photo_that_timed_out_is_not_sent_again() -> None:
    telegram_side = _SlowPhotoTelegram()
    await send_replies(telegram_side, 1, [Reply("結果", chart=made_up_chart())])
    assert telegram_side.photos == 1 and telegram_side.texts == ["結果"]
