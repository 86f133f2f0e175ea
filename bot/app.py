"""The Telegram bot: wiring of python-telegram-bot (22.x, async) around the conversation service."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from telegram import BotCommand, BotCommandScopeDefault, Update
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, TypeHandler

from bot import logging_setup
from bot.handlers import on_error, on_update
from bot.throttle import UserThrottle

if TYPE_CHECKING:
    from advisor.settings import Settings

log = logging.getLogger(__name__)

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
    zh = [BotCommand(c, d) for c, d in COMMANDS["zh"]]
    en = [BotCommand(c, d) for c, d in COMMANDS["en"]]
    await app.bot.set_my_commands(zh, scope=BotCommandScopeDefault())
    await app.bot.set_my_commands(en, scope=BotCommandScopeDefault(), language_code="en")
    log.info("bot @%s ready", app.bot.username)


async def _post_shutdown(app: Application) -> None:
    service = app.bot_data.get("service")
    if service is not None:
        service.store.close()


def build_application(settings: Settings) -> Application:
    assert settings.telegram_bot_token is not None
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .rate_limiter(
            AIORateLimiter(
                overall_max_rate=settings.telegram_overall_rate,
                overall_time_period=1,
                group_max_rate=settings.telegram_group_rate_per_minute,
                group_time_period=60,
                max_retries=3,
            )
        )
        .concurrent_updates(16)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    if settings.telegram_api_base_url:
        builder = builder.base_url(settings.telegram_api_base_url)
    app = builder.build()
    app.bot_data["settings"] = settings
    app.add_handler(TypeHandler(Update, on_update))
    app.add_error_handler(on_error)
    return app


def run_bot(settings: Settings) -> int:
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    secret = settings.telegram_webhook_secret.get_secret_value() if settings.telegram_webhook_secret else ""
    logging_setup.configure(settings.log_level, [token, secret])
    app = build_application(settings)
    if settings.telegram_webhook_url:
        log.info("starting in webhook mode on %s:%s", settings.telegram_webhook_listen, settings.telegram_webhook_port)
        app.run_webhook(
            listen=settings.telegram_webhook_listen,
            port=settings.telegram_webhook_port,
            url_path="telegram",
            webhook_url=settings.telegram_webhook_url,
            secret_token=secret or None,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        log.info("starting in polling mode")
        app.run_polling(allowed_updates=Update.ALL_TYPES, bootstrap_retries=-1)
    return 0
