"""Optional LLM phrasing through any OpenAI-compatible endpoint (vLLM, llama.cpp, Ollama, OpenAI).

Why: a model can make answers read more naturally, but it must never become a source of facts. It
only rewrites the deterministic answer from the same retrieved context, the sources are kept as they
were, and on any error or timeout the deterministic answer stands (the failure is logged).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from advisor.settings import Settings

log = logging.getLogger(__name__)

SYSTEM_PROMPT = (
    "You rewrite answers of an advisor on Taiwan's 「AI 產業人才認定指引」. Rewrite the DRAFT so it reads "
    "naturally and concisely, in the same language and script as the QUESTION. Use only facts from the DRAFT "
    "and the CONTEXT; never add certifications, roles, numbers or rules; keep every name, number and the "
    "final source line exactly as written. Output only the rewritten answer."
)


class LLMPhraser:
    def __init__(self, settings: Settings, client: httpx.Client | None = None) -> None:
        self.url = settings.llm_base_url.rstrip("/") + "/chat/completions"
        self.model = settings.llm_model
        self.key = settings.llm_api_key.get_secret_value()
        self.client = client or httpx.Client(timeout=settings.llm_timeout_s)

    def rephrase(self, question: str, draft: str, context: list[str]) -> str | None:
        """The rewritten answer, or None when the endpoint fails (the caller keeps the draft)."""
        payload = {
            "model": self.model,
            "temperature": 0,
            "messages": [
                {"role": "system", "content": SYSTEM_PROMPT},
                {
                    "role": "user",
                    "content": f"QUESTION:\n{question}\n\nCONTEXT:\n" + "\n".join(context) + f"\n\nDRAFT:\n{draft}",
                },
            ],
        }
        headers = {"Authorization": f"Bearer {self.key}"} if self.key else {}
        try:
            response = self.client.post(self.url, json=payload, headers=headers)
            response.raise_for_status()
            text = response.json()["choices"][0]["message"]["content"].strip()
        except Exception as exc:  # noqa: BLE001 - any failure falls back to the deterministic answer
            log.warning("LLM phrasing failed (%s: %s); using the deterministic answer", type(exc).__name__, exc)
            return None
        if not text:
            log.warning("LLM phrasing returned an empty answer; using the deterministic answer")
            return None
        return text

    def close(self) -> None:
        self.client.close()
