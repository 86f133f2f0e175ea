"""Logging for the bot: the token never appears in any log line.

Why: httpx logs every request URL at INFO, and Telegram URLs contain the bot token. Those loggers
are raised to WARNING, and a filter on every handler redacts the token from whatever is logged.
"""

from __future__ import annotations

import json
import logging


class RedactToken(logging.Filter):
    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(s in message for s in self.secrets):
            for secret in self.secrets:
                message = message.replace(secret, "[REDACTED]")
            record.msg, record.args = message, None
        if record.exc_info and record.exc_info[1] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            if any(s in text for s in self.secrets):
                for secret in self.secrets:
                    text = text.replace(secret, "[REDACTED]")
                record.exc_info, record.exc_text = None, text
        return True


class LibraryTracebacks(logging.Filter):
    """python-telegram-bot logs a 40–140-line traceback for failures it reports itself (a rejected token,
    an unreachable API); the operator needs the one line that says what happened. Tracebacks of the
    library are kept at DEBUG only."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.name.startswith("telegram") and logging.getLogger().level > logging.DEBUG:
            reason = record.exc_info[1]
            record.msg, record.args = f"{record.getMessage()} ({type(reason).__name__})", None
            record.exc_info, record.exc_text = None, None
        return True


class JsonLines(logging.Formatter):
    """One JSON object per line (LOG_FORMAT=json), for log collectors; the message is redacted like any."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_text or record.exc_info:
            entry["error"] = record.exc_text or self.formatException(record.exc_info)  # type: ignore[arg-type]
        return json.dumps(entry, ensure_ascii=False)


def configure(level: str, secrets: list[str], json_lines: bool = False) -> None:
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if json_lines:
        for handler in logging.getLogger().handlers:
            handler.setFormatter(JsonLines())
    for noisy in ("httpx", "httpcore", "chromadb", "sentence_transformers", "transformers", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # python-telegram-bot logs whole updates and API responses (names, texts) at DEBUG: our own DEBUG
    # lines are wanted, the users' messages are not
    logging.getLogger("telegram").setLevel(logging.INFO)
    redact, quiet = RedactToken(secrets), LibraryTracebacks()
    for handler in logging.getLogger().handlers:
        handler.addFilter(quiet)  # first: the line it leaves is then redacted like any other
        handler.addFilter(redact)
