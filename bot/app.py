"""The Telegram bot: wiring of python-telegram-bot (22.x, async) around the conversation service."""

from __future__ import annotations

import asyncio
import logging
import secrets
import sys
from typing import TYPE_CHECKING

from telegram import BotCommand, BotCommandScopeDefault, Update
from telegram.error import InvalidToken, NetworkError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, TypeHandler
from telegram.request import HTTPXRequest

from bot import logging_setup
from bot.handlers import on_error, on_update
from bot.health import serve_health
from bot.throttle import UserQueue, UserThrottle
from bot.updates import ALLOWED_UPDATES, TolerantBot

if TYPE_CHECKING:
    from advisor.settings import Settings
    from conversation.service import AdvisorService

log = logging.getLogger(__name__)
WEBHOOK_SECRET_BYTES = 32  # token_urlsafe: 43 characters of A–Z a–z 0–9 _ -, as Telegram allows
PRUNE_EVERY_S = 3600.0
SEND_CONNECTIONS = 256  # concurrent requests for sending (python-telegram-bot's own default for its builder)

COMMANDS = {
    "zh": [
        ("start", "開始與選單"),
        ("help", "說明"),
        ("assess", "自我評估"),
        ("certs", "瀏覽表6 認證"),
        ("roles", "角色與職稱"),
        ("paths", "職業發展途徑"),
        ("ethics", "負責任使用 AI"),
        ("resources", "學習資源"),
        ("profile", "我提供的證照與時數"),
        ("forget", "刪除我的資料"),
        ("cancel", "取消評估"),
        ("lang", "語言 / Language"),
    ],
    "en": [
        ("start", "Start and menu"),
        ("help", "Help"),
        ("assess", "Self-assessment"),
        ("certs", "Certifications"),
        ("roles", "Roles"),
        ("paths", "Career paths"),
        ("ethics", "Responsible AI"),
        ("resources", "Resources"),
        ("profile", "Facts I gave in chat"),
        ("forget", "Delete my data"),
        ("cancel", "Cancel"),
        ("lang", "Language"),
    ],
}


async def _post_init(app: Application) -> None:
    """Heavy objects are built once here and kept in bot_data; commands are registered."""
    from conversation.service import make_service

    settings: Settings = app.bot_data["settings"]
    app.bot_data["service"] = make_service(settings)
    app.bot_data["throttle"] = UserThrottle(settings.user_rate_per_minute)
    app.bot_data["tap_throttle"] = UserThrottle(settings.user_taps_per_minute)
    app.bot_data["user_queue"] = UserQueue(settings.user_queue_depth)
    zh = [BotCommand(c, d) for c, d in COMMANDS["zh"]]
    en = [BotCommand(c, d) for c, d in COMMANDS["en"]]
    await app.bot.set_my_commands(zh, scope=BotCommandScopeDefault())
    await app.bot.set_my_commands(en, scope=BotCommandScopeDefault(), language_code="en")
    if settings.health_port:
        service = app.bot_data["service"]
        app.bot_data["health"] = await serve_health(settings.health_listen, settings.health_port, service.healthy)
    # not app.create_task: the application awaits those when it stops, and this one never ends
    app.bot_data["prune_task"] = asyncio.get_running_loop().create_task(_prune_forever(app.bot_data["service"]))
    log.info("bot @%s ready", app.bot.username)


async def _prune_forever(service: AdvisorService) -> None:
    """Processed update ids are kept only as long as Telegram may deliver an update again."""
    while True:
        try:
            gone = await asyncio.to_thread(service.store.prune)
            if gone:
                log.info("forgot %d processed update ids", gone)
        except Exception as exc:  # noqa: BLE001 - a failed prune is retried at the next round
            log.warning("could not prune processed update ids: %s", type(exc).__name__)
        await asyncio.sleep(PRUNE_EVERY_S)


async def _post_shutdown(app: Application) -> None:
    health = app.bot_data.get("health")
    if health is not None:
        health.close()
    prune = app.bot_data.get("prune_task")
    if prune is not None:
        prune.cancel()
    service = app.bot_data.get("service")
    if service is not None:
        service.store.close()


def build_application(settings: Settings) -> Application:
    assert settings.telegram_bot_token is not None
    extra = {"base_url": settings.telegram_api_base_url} if settings.telegram_api_base_url else {}
    bot = TolerantBot(
        token=settings.telegram_bot_token.get_secret_value(),
        request=HTTPXRequest(connection_pool_size=SEND_CONNECTIONS),
        get_updates_request=HTTPXRequest(),
        rate_limiter=AIORateLimiter(
            overall_max_rate=settings.telegram_overall_rate,
            overall_time_period=1,
            group_max_rate=settings.telegram_group_rate_per_minute,
            group_time_period=60,
            max_retries=3,
        ),
        **extra,
    )
    app = (
        ApplicationBuilder().bot(bot).concurrent_updates(16).post_init(_post_init).post_shutdown(_post_shutdown).build()
    )
    app.bot_data["settings"] = settings
    app.add_handler(TypeHandler(Update, on_update))
    app.add_error_handler(on_error)
    return app


def redacted(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[REDACTED]")
    return text


def startup_problem(exc: BaseException, secrets: list[str]) -> str:
    """One line naming what stopped the bot from starting, never holding the token."""
    if isinstance(exc, InvalidToken):
        return (
            "The Bot API rejected the bot token: check TELEGRAM_BOT_TOKEN, and TELEGRAM_API_BASE_URL "
            "if you set one (a wrong URL is answered like a wrong token)."
        )
    if isinstance(exc, NetworkError):
        reason = redacted(str(exc), secrets)
        return f"Could not reach the Bot API ({reason}): check the network and TELEGRAM_API_BASE_URL."
    return f"The bot could not start: {type(exc).__name__}: {redacted(str(exc), secrets)}"


def run_bot(settings: Settings) -> int:
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    secret = settings.telegram_webhook_secret.get_secret_value() if settings.telegram_webhook_secret else ""
    if settings.telegram_webhook_url and not secret:
        # a webhook without a secret takes forged updates from anyone who finds the URL: one is made for
        # this run (Telegram is told it with setWebhook, so nothing else needs to know it)
        secret = secrets.token_urlsafe(WEBHOOK_SECRET_BYTES)
    logging_setup.configure(settings.log_level, [token, secret], json_lines=settings.log_format == "json")
    if settings.telegram_webhook_url and not settings.telegram_webhook_secret:
        log.info("TELEGRAM_WEBHOOK_SECRET is not set: a secret was generated for this run")
    try:
        app = build_application(settings)
        if settings.telegram_webhook_url:
            where = (settings.telegram_webhook_listen, settings.telegram_webhook_port)
            log.info("starting in webhook mode on %s:%s", *where)
            app.run_webhook(
                listen=settings.telegram_webhook_listen,
                port=settings.telegram_webhook_port,
                url_path=settings.telegram_webhook_path,
                webhook_url=settings.telegram_webhook_url,
                secret_token=secret,
                allowed_updates=ALLOWED_UPDATES,
            )
        else:
            log.info("starting in polling mode")
            app.run_polling(allowed_updates=ALLOWED_UPDATES, bootstrap_retries=-1)
    except Exception as exc:  # noqa: BLE001 - a start-up failure is one line, never a traceback holding the token
        print(startup_problem(exc, [token, secret]), file=sys.stderr)
        return 1
    return 0
