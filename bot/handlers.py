"""Telegram updates → conversation events → Telegram messages. No decisions are made here."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, LinkPreviewOptions, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import ContextTypes

from bot.formatting import render
from conversation.core import Event, default_language
from conversation.export import build_document
from conversation.ui import ExportRequest, Lang, Reply, t
from knowledge.catalog import Catalog, load_catalog
from knowledge.chart_png import render_png
from knowledge.result_chart import ResultChart

log = logging.getLogger(__name__)
SEND_ATTEMPTS = 4
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)  # the download links of 附件(七) need no preview cards


def _addressed_text(update: Update, bot_username: str, bot_id: int) -> str | None:
    """The text meant for us, or None: in groups only commands, @mentions and replies to the bot."""
    message = update.effective_message
    if message is None or not message.text:
        return None
    text = message.text
    if message.chat.type == ChatType.PRIVATE:
        return text
    mention = f"@{bot_username}".lower()
    if text.startswith("/"):
        command = text.split()[0]
        if "@" in command and command.lower().split("@", 1)[1] != bot_username.lower():
            return None  # a command for another bot
        return text
    if mention in text.lower():
        start = text.lower().index(mention)
        return (text[:start] + text[start + len(mention) :]).strip() or "/help"
    reply_to = message.reply_to_message
    if reply_to is not None and reply_to.from_user is not None and reply_to.from_user.id == bot_id:
        return text
    return None


def _command(text: str) -> str:
    return text.split()[0].lstrip("/").split("@")[0].lower()


async def _assess_in_private(context: ContextTypes.DEFAULT_TYPE, chat_id: int, lang: str) -> None:
    """/assess in a group: a deep link to a private chat, where /start assess opens it; answers about a
    person's certificates and hours are never posted to a group."""
    link = f"https://t.me/{context.bot.username}?start=assess"
    markup = InlineKeyboardMarkup([[InlineKeyboardButton(t("open_private", lang), url=link)]])
    try:
        await context.bot.send_message(chat_id, t("assess_in_private", lang), reply_markup=markup)
    except TelegramError as exc:
        log.warning("could not send the private-chat link to chat %s: %s", chat_id, exc)


async def send_replies(
    bot: Any, chat_id: int, replies: list[Reply], lang: Lang = "zh", catalog: Catalog | None = None
) -> None:
    """Send each reply, a reply's chart as a photo before its text (labelled in `lang`) and its documents
    after it (built from `catalog`, the bundled one by default); flood limits and transient Bot API
    failures are retried, never fatal, and a photo or file that cannot be made or sent never keeps the
    text or the other replies from being sent."""
    for reply in replies:
        if reply.chart is not None:
            await _send_chart(bot, chat_id, reply.chart, lang)
        for text, markup in render(reply):
            message = partial(
                bot.send_message,
                chat_id,
                text,
                parse_mode=ParseMode.HTML,
                reply_markup=markup,
                link_preview_options=NO_PREVIEW,
            )
            await _deliver(message, chat_id, "a message")
        for request in reply.documents:
            await _send_document(bot, chat_id, request, catalog)


async def _send_document(bot: Any, chat_id: int, request: ExportRequest, catalog: Catalog | None) -> None:
    """One exported file, built now from what the reply names (the report draws a picture: a worker thread)."""
    try:
        name, data = await asyncio.to_thread(build_document, request, catalog or load_catalog())
    except Exception:  # noqa: BLE001 - the text already says what the file is; the other replies go on
        log.warning("could not build the %s file for chat %s", request.kind, chat_id, exc_info=True)
        return
    send = partial(bot.send_document, chat_id, document=InputFile(data, filename=name))
    await _deliver(send, chat_id, f"the {request.kind} file")


async def _send_chart(bot: Any, chat_id: int, chart: ResultChart, lang: Lang) -> None:
    """The picture of a result; drawn in a worker thread (about 50 ms of CPU the event loop need not wait for)."""
    try:
        png = await asyncio.to_thread(render_png, chart, lang)
    except Exception:  # noqa: BLE001 - a picture is a bonus: the text carries the same result
        log.warning("could not draw the result chart for chat %s", chat_id, exc_info=True)
        return
    await _deliver(partial(bot.send_photo, chat_id, photo=png, filename="result.png"), chat_id, "the result chart")


async def _deliver(send: Callable[[], Awaitable[object]], chat_id: int, what: str) -> bool:
    """One Bot API send with the retries that cannot deliver twice; True when it was accepted."""
    for attempt in range(SEND_ATTEMPTS):
        try:
            await send()
            return True
        except RetryAfter as exc:
            await asyncio.sleep(float(getattr(exc, "retry_after", 1)) + 0.1)
        except TimedOut as exc:
            # the request may have reached Telegram: sending it again could deliver it twice
            log.warning("sending %s to chat %s timed out; not sent again: %s", what, chat_id, exc)
            return False
        except (NetworkError, TimeoutError) as exc:
            if isinstance(exc, BadRequest | Forbidden) or attempt == SEND_ATTEMPTS - 1:
                log.warning("giving up sending %s to chat %s: %s", what, chat_id, exc)
                return False
            await asyncio.sleep(0.3 * 2**attempt)
        except TelegramError as exc:
            log.warning("could not send %s to chat %s: %s", what, chat_id, exc)
            return False
    return False


async def _edit_tapped(query: Any, reply: Reply) -> bool:  # noqa: ANN401 - telegram.CallbackQuery
    """Show `reply` in the message whose button was tapped (a toggle, the next page) instead of sending a
    new one. False when it cannot be (too long for one message, deleted or too old): then it is sent."""
    pieces = render(reply)
    if len(pieces) != 1 or query.message is None:
        return False
    text, markup = pieces[0]
    try:
        await query.edit_message_text(
            text, parse_mode=ParseMode.HTML, reply_markup=markup, link_preview_options=NO_PREVIEW
        )
        return True
    except BadRequest as exc:
        if "not modified" in str(exc).lower():
            return True  # a second tap on the same state: the message already shows it
        log.info("could not edit the tapped message (%s); sending it instead", exc)
        return False
    except TelegramError as exc:
        log.info("could not edit the tapped message (%s); sending it instead", exc)
        return False


def _conversation_language(service: Any, user_id: int, fallback: Lang) -> Lang:
    """The language the user's conversation is in: the one chosen with /lang, as stored with the dialogue
    state; `fallback` (from Telegram's language_code) when nothing is stored, as the conversation does."""
    stored = service.language(user_id)
    return stored if stored in ("zh", "en") else fallback


async def on_update(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every update goes through here; when it is done (answered, skipped or failed), the bot may
    confirm it to Telegram (see bot/updates.py)."""
    try:
        await _handle(update, context)
    finally:
        finished = getattr(context.bot, "finished", None)
        if finished is not None:
            finished(update.update_id)


async def _handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Translate, run the conversation core, send what it returns."""
    data = context.application.bot_data
    service, settings, throttle = data["service"], data["settings"], data["throttle"]
    user = update.effective_user
    chat = update.effective_chat
    if update.callback_query is not None:
        # every tap is answered, even one from an inline message (no chat) that is not processed
        try:
            await update.callback_query.answer()
        except TelegramError as exc:  # answering late is harmless; processing must go on
            log.info("could not answer callback query: %s", exc)
    if user is None or chat is None:
        return
    if update.message is None and update.callback_query is None:
        return  # an edited message, or an update that could not be read: never an answer to the dialogue
    language = user.language_code
    if update.callback_query is not None:
        query = update.callback_query
        event = Event("button", query.data or "", language, user.id in settings.admin_user_ids, context.bot.username)
    else:
        text = _addressed_text(update, context.bot.username, context.bot.id)
        if text is None:
            return
        kind = "command" if text.startswith("/") else "text"
        event = Event(kind, text, language, user.id in settings.admin_user_ids)
        if chat.type != ChatType.PRIVATE and kind == "command" and _command(text) == "assess":
            await _assess_in_private(context, chat.id, default_language(language))
            return
    limit = data["tap_throttle"] if update.callback_query is not None else throttle
    queue = data["user_queue"]
    if not limit.allow(user.id) or not queue.admit(user.id):  # a flood of messages or of taps
        if update.callback_query is None and throttle.should_warn(user.id):
            lang = default_language(language)
            await send_replies(context.bot, chat.id, [Reply(t("throttled", lang))])
        return
    try:
        async with queue.lock(user.id):  # one user's updates in arrival order; other users go on
            bot_id = context.bot.id
            replies = await asyncio.to_thread(service.process, user.id, event, update.update_id, bot_id, chat.id)
            if replies is None:
                log.info("update %s was already processed; skipped", update.update_id)
                return
            # a reply with a picture or files is always sent anew: an edit cannot add a photo or a document
            first = replies[0] if replies else None
            if update.callback_query is not None and first and first.edits and not first.chart and not first.documents:
                if await _edit_tapped(update.callback_query, replies[0]):
                    replies = replies[1:]
            lang = default_language(language)
            if any(reply.chart is not None for reply in replies):
                lang = await asyncio.to_thread(_conversation_language, service, user.id, lang)
            await send_replies(context.bot, chat.id, replies, lang, service.conversation.cat)
            await asyncio.to_thread(service.sent, bot_id, update.update_id)
    finally:
        queue.done(user.id)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log with the traceback, then tell the user politely without details."""
    if not isinstance(update, Update):
        # polling and other background failures (network, 5xx): PTB retries them by itself
        log.warning("Telegram API problem outside any update: %s", context.error)
        return
    log.error("error while handling an update", exc_info=context.error)
    if update.effective_chat is not None:
        lang = default_language(update.effective_user.language_code if update.effective_user else None)
        try:
            await context.bot.send_message(update.effective_chat.id, t("error", lang))
        except TelegramError:
            log.warning("could not tell the user about the error")
