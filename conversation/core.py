"""The conversation core: one user's state plus one event in, new state and replies out.

Why: the Telegram bot and `advisor chat` differ only in transport. Everything they decide (which
command, which step, what to answer) happens here, in plain code that tests drive directly. The
state is a typed `DialogueState`, stored by the caller as JSON after every event; free text goes to
`conversation.dialogue` (references, stated facts, engine answers).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any, Literal

from conversation.assessment_flow import AssessmentFlow
from conversation.browse import Browser
from conversation.dialogue import Dialogue
from conversation.dialogue_state import DialogueState, Step
from conversation.ui import Button, Lang, Reply, t
from knowledge.catalog import Catalog
from knowledge.errors import ProfileError
from knowledge.stated_profile import StatedProfile

State = dict[str, Any]
MAX_BUTTON_DATA = 64  # Telegram's limit for callback data, in bytes


@dataclass(frozen=True)
class Event:
    kind: Literal["command", "text", "button"]
    text: str
    user_language: str | None = None  # Telegram's language_code, used for the default language
    is_admin: bool = False
    bot_username: str | None = None  # for share links (t.me/<bot>?start=<code>); None in the terminal


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
        self.dialogue = Dialogue(catalog, advisor)
        self.stats_source = stats_source

    def menu(self, lang: Lang) -> list[list[Button]]:
        return [
            [Button(t("menu_assess", lang), "m:-:assess"), Button(t("menu_certs", lang), "m:-:certs")],
            [Button(t("menu_roles", lang), "m:-:roles"), Button(t("menu_paths", lang), "m:-:paths")],
        ]

    def handle(self, state: State | None, event: Event) -> Outcome:
        """One event on the stored state; the state is read into `DialogueState` and stored back as JSON."""
        ds = DialogueState.load(state, default_language(event.user_language))
        lang: Lang = ds.lang
        if event.kind == "command":
            outcome = self._command(ds, lang, event)
        elif event.kind == "button":
            outcome = self._button(ds, lang, event.text, event.bot_username)
        else:
            outcome = self._text(ds, lang, event.text)
        return outcome

    def _out(self, ds: DialogueState, replies: list[Reply], **kw: Any) -> Outcome:
        return Outcome(ds.dump(), replies, **kw)

    # ------------------------------------------------------------------ commands
    def _command(self, ds: DialogueState, lang: Lang, event: Event) -> Outcome:
        name = event.text.split()[0].lstrip("/").split("@")[0].lower()
        if name == "start" and event.text.split()[1:] == ["assess"]:
            return self._start_assessment(ds, lang)  # the deep link from a group: straight to /assess
        if name == "start" and len(event.text.split()) == 2:
            return self._shared(ds, lang, event.text.split()[1])  # a share link: t.me/<bot>?start=<code>
        if name == "start":
            replies = [Reply(t("welcome", lang), self.menu(lang))]
            flow = ds.flow
            if flow is not None and flow.active:
                replies += [Reply(t("flow_resume", lang)), self.flow.view(flow, lang)]
            return self._out(ds, replies)
        if name == "help":
            return self._out(ds, [Reply(t("help", lang), self.menu(lang))])
        if name == "assess":
            return self._start_assessment(ds, lang)
        if name == "cancel":
            had_flow = ds.flow is not None
            ds.flow, ds.forget_pending = None, False
            return self._out(ds, [Reply(t("cancelled" if had_flow else "nothing_to_cancel", lang))])
        if name in ("certs", "roles", "paths", "ethics", "resources"):
            return self._out(ds, self._browse(name, lang))
        if name == "profile":
            return self._out(ds, [self.dialogue.profile_view(ds, lang)])
        if name == "forget":
            ds.forget_pending = True
            buttons = [[Button(t("forget_yes", lang), "f:-:yes"), Button(t("cancel_button", lang), "f:-:no")]]
            return self._out(ds, [Reply(t("forget_confirm", lang), buttons)])
        if name == "lang":
            return self._out(
                ds, [Reply(t("lang_choose", lang), [[Button("繁體中文", "l:-:zh"), Button("English", "l:-:en")]])]
            )
        if name == "stats":
            if not event.is_admin or self.stats_source is None:
                return self._out(ds, [Reply(t("stats_denied", lang))])
            return self._out(ds, [Reply(t("stats", lang, **self.stats_source()))])
        return self._out(ds, [Reply(t("unknown_command", lang))])

    def _shared(self, ds: DialogueState, lang: Lang, code: str) -> Outcome:
        """The result a share code reproduces, with the result's buttons; a bad code says why. An assessment
        in progress is not replaced by someone else's result: it is resumed after."""
        try:
            flow = self.flow.shared(code, secrets.token_hex(2))
        except ProfileError as exc:
            replies = [Reply(t("bad_share_code", lang, message=exc.message), self.menu(lang))]
            return self._out(ds, replies)
        if ds.flow is not None and ds.flow.active:
            view = self.flow.result_view(flow, lang)
            replies = [Reply(t("shared_result", lang)), Reply(view.text, chart=view.chart)]
            return self._out(ds, [*replies, Reply(t("flow_resume", lang)), self.flow.view(ds.flow, lang)])
        ds.flow = flow
        return self._out(ds, [Reply(t("shared_result", lang)), self.flow.result_view(flow, lang)])

    def _browse(self, name: str, lang: Lang) -> list[Reply]:
        if name == "certs":
            return [self.browser.certs_menu(lang)]
        if name == "roles":
            return [self.browser.roles_menu(lang)]
        return {"paths": self.browser.paths, "ethics": self.browser.ethics, "resources": self.browser.resources}[name](
            lang
        )

    def _start_assessment(self, ds: DialogueState, lang: Lang, prefill: bool = False) -> Outcome:
        flow = self.flow.start(secrets.token_hex(2))
        if prefill:  # continue from the facts stated in chat: straight to the review step
            self.dialogue.prefill(flow, ds.profile)
        ds.flow = flow
        return self._out(ds, [self.flow.view(flow, lang)])

    # ------------------------------------------------------------------ buttons
    def _button(self, ds: DialogueState, lang: Lang, data: str, bot_username: str | None = None) -> Outcome:
        parts = data.split(":")
        # the bot writes button data in ASCII within Telegram's 64 bytes: anything else was forged
        if len(parts) < 3 or not data.isascii() or len(data) > MAX_BUTTON_DATA:
            return self._out(ds, [Reply(t("unknown_button", lang))])
        kind, nonce, rest = parts[0], parts[1], parts[2:]
        if kind == "a":
            return self._flow_button(ds, lang, nonce, rest, bot_username)
        if kind == "m" and rest[0] in ("assess", "certs", "roles", "paths"):
            if rest[0] == "assess":
                return self._start_assessment(ds, lang)
            return self._out(ds, self._browse(rest[0], lang))
        if kind == "b" and len(rest) == 2:
            reply = self.browser.on_button(rest[0], rest[1], lang)
            if reply is not None:
                return self._out(ds, [reply])
        if kind == "s" and rest[0] == "assess":
            return self._start_assessment(ds, lang, prefill=True)
        if kind == "s" and rest[0] == "clear":
            ds.profile, ds.background = StatedProfile(), []  # the work one described is a stated fact too
            return self._out(ds, [Reply(t("profile_cleared", lang))])
        if kind == "r" and rest[0].isdigit():
            replies = self.dialogue.clarified(ds, int(rest[0]), lang)
            return self._out(ds, replies, counters={"questions": 1} if replies else {})
        if kind == "f" and rest[0] in ("yes", "no"):
            if not ds.forget_pending:
                return self._out(ds, [Reply(t("stale_button", lang))])
            ds.forget_pending = False
            if rest[0] == "yes":
                return Outcome({}, [Reply(t("forget_done", lang))], forget=True)
            return self._out(ds, [Reply(t("forget_kept", lang))])
        if kind == "l" and rest[0] in ("zh", "en"):
            ds.lang = rest[0]  # type: ignore[assignment]
            return self._out(ds, [Reply(t("lang_set", rest[0]), self.menu(rest[0]))])  # type: ignore[arg-type]
        return self._out(ds, [Reply(t("unknown_button", lang))])

    def _flow_button(
        self, ds: DialogueState, lang: Lang, nonce: str, rest: list[str], bot_username: str | None = None
    ) -> Outcome:
        flow = ds.flow
        if flow is None or flow.nonce != nonce or not rest or rest[0] != self.flow.step_code(flow):
            return self._out(ds, [Reply(t("stale_button", lang))])
        cmd = rest[1] if len(rest) > 1 else ""
        arg = rest[2] if len(rest) > 2 else None
        before = flow.step
        new_flow, replies = self.flow.on_button(flow, lang, cmd, arg, bot_username)
        counters = {"assessments": 1} if new_flow and not new_flow.active and before is not Step.RESULT else {}
        ds.flow = new_flow
        return self._out(ds, replies, counters=counters)

    # ------------------------------------------------------------------ text
    def _text(self, ds: DialogueState, lang: Lang, text: str) -> Outcome:
        flow = ds.flow
        if flow is not None and flow.active and not text.rstrip().endswith(("？", "?")):
            new_flow, replies = self.flow.on_text(flow, lang, text)
            ds.flow = new_flow
            return self._out(ds, replies)
        # A question (it ends with a question mark) is answered even mid-assessment; the step is kept.
        replies = self.dialogue.on_message(ds, text, lang)
        if flow is not None and flow.active:
            replies += [Reply(t("flow_resume", lang)), self.flow.view(flow, lang)]
        return self._out(ds, replies, counters={"questions": 1})
