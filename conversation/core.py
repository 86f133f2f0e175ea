"""The conversation core: one user's state plus one event in, new state and replies out.

Why: the Telegram bot and `advisor chat` differ only in transport. Everything they decide (which
command, which step, what to answer) happens here, in plain code that tests drive directly. The
state is a JSON-able dict the caller stores after every event.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any, Literal

from conversation.assessment_flow import AssessmentFlow
from conversation.browse import Browser
from conversation.ui import Button, Lang, Reply, t
from knowledge.catalog import Catalog

State = dict[str, Any]


@dataclass(frozen=True)
class Event:
    kind: Literal["command", "text", "button"]
    text: str
    user_language: str | None = None  # Telegram's language_code, used for the default language
    is_admin: bool = False


@dataclass
class Outcome:
    state: State
    replies: list[Reply]
    forget: bool = False  # delete everything stored about the user instead of saving `state`
    counters: dict[str, int] = field(default_factory=dict)  # usage counts to add (/stats)


def default_language(code: str | None) -> Lang:
    return "en" if code and code.lower().startswith("en") else "zh"


class Conversation:
    def __init__(self, catalog: Catalog, advisor: Any, stats_source: Any = None) -> None:
        """`advisor` answers questions (rag.chain.Advisor); `stats_source()` returns usage counts."""
        self.cat = catalog
        self.advisor = advisor
        self.flow = AssessmentFlow(catalog)
        self.browser = Browser(catalog)
        self.stats_source = stats_source

    def menu(self, lang: Lang) -> list[list[Button]]:
        return [
            [Button(t("menu_assess", lang), "m:-:assess"), Button(t("menu_certs", lang), "m:-:certs")],
            [Button(t("menu_roles", lang), "m:-:roles"), Button(t("menu_paths", lang), "m:-:paths")],
        ]

    def handle(self, state: State | None, event: Event) -> Outcome:
        state = dict(state or {})
        state.setdefault("lang", default_language(event.user_language))
        lang: Lang = state["lang"]
        if event.kind == "command":
            return self._command(state, lang, event)
        if event.kind == "button":
            return self._button(state, lang, event.text)
        return self._text(state, lang, event.text)

    # ------------------------------------------------------------------ commands
    def _command(self, state: State, lang: Lang, event: Event) -> Outcome:
        name = event.text.split()[0].lstrip("/").split("@")[0].lower()
        if name == "start":
            replies = [Reply(t("welcome", lang), self.menu(lang))]
            flow = state.get("flow")
            if flow is not None and flow["step"] != "x":
                replies += [Reply(t("flow_resume", lang)), self.flow.view(flow, lang)]
            return Outcome(state, replies)
        if name == "help":
            return Outcome(state, [Reply(t("help", lang), self.menu(lang))])
        if name == "assess":
            return self._start_assessment(state, lang)
        if name == "cancel":
            had_flow = state.pop("flow", None) is not None
            state.pop("forget_pending", None)
            return Outcome(state, [Reply(t("cancelled" if had_flow else "nothing_to_cancel", lang))])
        if name in ("certs", "roles", "paths", "ethics", "resources"):
            return Outcome(state, self._browse(name, lang))
        if name == "forget":
            state["forget_pending"] = True
            buttons = [[Button(t("forget_yes", lang), "f:-:yes"), Button(t("cancel_button", lang), "f:-:no")]]
            return Outcome(state, [Reply(t("forget_confirm", lang), buttons)])
        if name == "lang":
            return Outcome(
                state, [Reply(t("lang_choose", lang), [[Button("繁體中文", "l:-:zh"), Button("English", "l:-:en")]])]
            )
        if name == "stats":
            if not event.is_admin or self.stats_source is None:
                return Outcome(state, [Reply(t("stats_denied", lang))])
            return Outcome(state, [Reply(t("stats", lang, **self.stats_source()))])
        return Outcome(state, [Reply(t("unknown_command", lang))])

    def _browse(self, name: str, lang: Lang) -> list[Reply]:
        if name == "certs":
            return [self.browser.certs_menu(lang)]
        if name == "roles":
            return [self.browser.roles_menu(lang)]
        return {"paths": self.browser.paths, "ethics": self.browser.ethics, "resources": self.browser.resources}[name](
            lang
        )

    def _start_assessment(self, state: State, lang: Lang) -> Outcome:
        flow = self.flow.start(secrets.token_hex(2))
        state["flow"] = flow
        return Outcome(state, [self.flow.view(flow, lang)])

    # ------------------------------------------------------------------ buttons
    def _button(self, state: State, lang: Lang, data: str) -> Outcome:
        parts = data.split(":")
        if len(parts) < 3:
            return Outcome(state, [Reply(t("unknown_button", lang))])
        kind, nonce, rest = parts[0], parts[1], parts[2:]
        if kind == "a":
            return self._flow_button(state, lang, nonce, rest)
        if kind == "m" and rest[0] in ("assess", "certs", "roles", "paths"):
            if rest[0] == "assess":
                return self._start_assessment(state, lang)
            return Outcome(state, self._browse(rest[0], lang))
        if kind == "b" and len(rest) == 2:
            reply = self.browser.on_button(rest[0], rest[1], lang)
            if reply is not None:
                return Outcome(state, [reply])
        if kind == "f" and rest[0] in ("yes", "no"):
            if not state.pop("forget_pending", False):
                return Outcome(state, [Reply(t("stale_button", lang))])
            if rest[0] == "yes":
                return Outcome({}, [Reply(t("forget_done", lang))], forget=True)
            return Outcome(state, [Reply(t("forget_kept", lang))])
        if kind == "l" and rest[0] in ("zh", "en"):
            state["lang"] = rest[0]
            return Outcome(state, [Reply(t("lang_set", rest[0]), self.menu(rest[0]))])  # type: ignore[arg-type]
        return Outcome(state, [Reply(t("unknown_button", lang))])

    def _flow_button(self, state: State, lang: Lang, nonce: str, rest: list[str]) -> Outcome:
        flow = state.get("flow")
        if flow is None or flow["nonce"] != nonce or not rest or rest[0] != self.flow.step_code(flow):
            return Outcome(state, [Reply(t("stale_button", lang))])
        cmd = rest[1] if len(rest) > 1 else ""
        arg = rest[2] if len(rest) > 2 else None
        before = flow["step"]
        new_flow, replies = self.flow.on_button(flow, lang, cmd, arg)
        counters = {"assessments": 1} if new_flow and new_flow["step"] == "x" and before != "x" else {}
        if new_flow is None:
            state.pop("flow", None)
        else:
            state["flow"] = new_flow
        return Outcome(state, replies, counters=counters)

    # ------------------------------------------------------------------ text
    def _text(self, state: State, lang: Lang, text: str) -> Outcome:
        flow = state.get("flow")
        if flow is not None and flow["step"] != "x" and not text.rstrip().endswith(("？", "?")):
            new_flow, replies = self.flow.on_text(flow, lang, text)
            state["flow"] = new_flow
            return Outcome(state, replies)
        # A question (it ends with a question mark) is answered even mid-assessment; the step is kept.
        answer = self.advisor.respond(text, state.get("qa") or {})
        state["qa"] = answer.context or {}
        replies = [Reply(answer.text)]
        if flow is not None and flow["step"] != "x":
            replies += [Reply(t("flow_resume", lang)), self.flow.view(flow, lang)]
        return Outcome(state, replies, counters={"questions": 1})
