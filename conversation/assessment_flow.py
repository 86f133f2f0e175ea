"""The guided self-assessment as a transport-independent state machine.

Why: Telegram and the terminal must walk people through the same steps, and state is stored after
every step, so each step is a pure function: (stored state, what the user did) → (new state,
replies). The levels themselves come only from `knowledge.assessment`; this module collects answers.

Steps (`Step`): privacy → certs (one page per 認證分類; other_name / other_category / other_domain add a
self-declared one) → hours (per area) → review (edit = choose hours to change) → result. Button data
carries the dialogue nonce and the step's short wire code, so a button from an older message is
recognised as stale.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from conversation.dialogue_state import WIRE_CODES, FlowState, PendingCertificate, Step
from conversation.export import PROFILE_FILE, REPORT_FILE, export_requests
from conversation.hours_input import HoursInputError, parse_hours
from conversation.ui import Button, Lang, Reply, t
from knowledge import english
from knowledge.assessment import assess
from knowledge.catalog import Catalog
from knowledge.models import CERT_CATEGORIES, TOOL_CATEGORY
from knowledge.plan_report import build_learning_plan, render_plan
from knowledge.plan_target import Target
from knowledge.planner import next_level
from knowledge.profile import parse_profile
from knowledge.report import render_text, rule_lines, type_heading
from knowledge.result_chart import chart_of
from knowledge.share_code import ShareCodeError, decode, encode, fits_deep_link

QUICK_HOURS = (0, 6, 12, 18, 24, 30, 48)
MAX_NAME = 80
MAX_DECLARED = 60  # self-declared certificates kept per assessment (a bounded state: a few KB, two messages)
Flow = FlowState
# the views of a result, by the command its buttons carry: the result, 判定依據, plan, share code, files
RESULT_VIEWS = {"res": "back_to_result", "why": "why", "pl": "plan_button", "sh": "share_button", "ex": "export_button"}


class AssessmentFlow:
    def __init__(self, catalog: Catalog) -> None:
        self.cat = catalog
        self.cert_ids = [c.id for c in catalog.certifications]
        items = list(catalog.rules.tool_items)
        measures = catalog.rules.measures
        self.areas: list[tuple[str, str]] = [("literacy", measures["literacy"].short)]
        self.areas += [(f"tool.{i}", f"{measures['tool_total'].short}・{i}") for i in items]
        self.areas += [(m, measures[m].short) for m in ("programming", "model_training", "service_dev")]  # type: ignore[index]

    # ------------------------------------------------------------------ state helpers
    def start(self, nonce: str) -> Flow:
        return FlowState(nonce=nonce)

    @staticmethod
    def step_code(flow: Flow) -> str:
        """The step as button data carries it (64 bytes at most): a short code, with the page or area."""
        code = WIRE_CODES[flow.step]
        if flow.step is Step.CERTS:
            return f"{code}{flow.page}"
        if flow.step is Step.HOURS:
            return f"{code}{flow.hour}"
        return code

    def _data(self, flow: Flow, *parts: object) -> str:
        data = ":".join(["a", flow.nonce, self.step_code(flow), *map(str, parts)])
        assert len(data.encode()) <= 64, data
        return data

    def _go(self, flow: Flow, step: Step, **where: int) -> None:
        flow.back.append((flow.step, flow.page, flow.hour))
        flow.back = flow.back[-30:]
        flow.step = step
        for key, value in where.items():
            setattr(flow, key, value)

    def profile(self, flow: Flow) -> dict[str, Any]:
        """The answers as an `advisor assess` profile (the same JSON the CLI takes)."""
        hours: dict[str, Any] = {"tool": {}}
        for key, value in flow.hours.items():
            if key.startswith("tool."):
                hours["tool"][key.removeprefix("tool.")] = value
            else:
                hours[key] = value
        profile = {"certifications": list(flow.selected), "self_declared": list(flow.declared), "hours": hours}
        return {**profile, "policy": flow.policy} if flow.policy != "either" else profile

    def result(self, flow: Flow) -> dict[str, Any]:
        return assess(parse_profile(self.profile(flow), self.cat), self.cat)

    # ------------------------------------------------------------------ views
    def view(self, flow: Flow, lang: Lang) -> Reply:
        step = flow.step
        back = [Button(t("back", lang), self._data(flow, "back"))] if flow.back else []
        if step == Step.PRIVACY:
            return Reply(
                t("privacy", lang),
                [
                    [
                        Button(t("start", lang), self._data(flow, "go")),
                        Button(t("cancel_button", lang), self._data(flow, "cancel")),
                    ]
                ],
            )
        if step == Step.CERTS:
            category = CERT_CATEGORIES[flow.page]
            rows = []
            for cert in self.cat.certs_in(category):  # type: ignore[arg-type]
                mark = "✅ " if cert.id in flow.selected else ""
                rows.append([Button(f"{mark}{cert.name}", self._data(flow, "t", self.cert_ids.index(cert.id)))])
            last = flow.page == len(CERT_CATEGORIES) - 1 or flow.review_return
            nav = [
                *back,
                Button(t("other_cert", lang), self._data(flow, "o")),
                Button(t("done" if last else "next_category", lang), self._data(flow, "n")),
            ]
            text = t("certs_page", lang, page=flow.page + 1, category=category)
            declared = [d["name"] for d in flow.declared if d["category"] == category]
            if declared:
                text += "\n" + "\n".join(f"✅ {name}" for name in declared)
            return Reply(text, [*rows, nav])
        if step == Step.OTHER_NAME:
            return Reply(t("other_name", lang), [back] if back else [])
        if step == Step.OTHER_CATEGORY:
            rows = [[Button(c, self._data(flow, "k", i)) for i, c in enumerate(CERT_CATEGORIES)]]
            return Reply(t("other_category", lang, name=flow.pending.name), rows + ([back] if back else []))
        if step == Step.OTHER_DOMAIN:
            items = self.cat.rules.tool_items
            rows = [
                [Button(item, self._data(flow, "d", i)) for i, item in enumerate(items)],
                [Button(t("skip", lang), self._data(flow, "d", "-"))],
            ]
            return Reply(t("other_domain", lang), rows + ([back] if back else []))
        if step == Step.HOURS:
            _, label = self.areas[flow.hour]
            quick = [Button(str(h), self._data(flow, "v", h)) for h in QUICK_HOURS]
            text = t("hours_prompt", lang, n=flow.hour + 1, total=len(self.areas), area=label)
            return Reply(text, [quick[:4], quick[4:], *([back] if back else [])], number_input=True)
        if step == Step.REVIEW:
            return Reply(
                self.review_text(flow, lang),
                [
                    [
                        Button(t("edit_certs", lang), self._data(flow, "ec")),
                        Button(t("edit_hours", lang), self._data(flow, "eh")),
                    ],
                    [Button(t("compute", lang), self._data(flow, "go"))],
                    [Button(t("restart", lang), self._data(flow, "rs")), *back],
                ],
            )
        if step == Step.EDIT:
            rows = [[Button(label, self._data(flow, "a", i))] for i, (_, label) in enumerate(self.areas)]
            return Reply(t("choose_area", lang), rows + ([back] if back else []))
        return self.result_view(flow, lang)

    def review_text(self, flow: Flow, lang: Lang) -> str:
        names = [self.cat.certification(cid).name for cid in flow.selected]
        if lang == "en":  # the guideline's terms glossed (knowledge/english.py); names as 表6 or the user wrote them
            names += [
                f"{d['name']} ({english.category_term(d['category'])}"
                f"{', ' + english.tool_item_term(d['tool_domain']) if d.get('tool_domain') else ''})"
                for d in flow.declared
            ]
            lines = [f"• {english.area_en(key)}: {_fmt(flow.hours.get(key, 0))}" for key, _ in self.areas]
        else:
            names += [
                f"{d['name']}（{d['category']}{'・' + d['tool_domain'] if d.get('tool_domain') else ''}）"
                for d in flow.declared
            ]
            lines = [f"• {label}：{_fmt(flow.hours.get(key, 0))}" for key, label in self.areas]
        certs = "\n".join(f"• {n}" for n in names) or t("review_none", lang)
        hours = "\n".join(lines)
        return f"{t('review', lang)}\n{t('review_certs', lang)}\n{certs}\n{t('review_hours', lang)}\n{hours}"

    def result_view(self, flow: Flow, lang: Lang, with_chart: bool = True) -> Reply:
        """The same report `advisor assess` prints, without the rule list (that is the 判定依據 button), its
        picture, and what to do next: the rules behind it, a plan, a share code, its files, or start again."""
        result = self.result(flow)
        text = render_text(result, with_rules=False, lang=lang)
        pairs = [("why", "why"), ("plan_button", "pl"), ("share_button", "sh"), ("export_button", "ex")]
        row = [Button(t(label, lang), self._data(flow, cmd)) for label, cmd in pairs]
        buttons = [row[:2], row[2:], [Button(t("restart", lang), self._data(flow, "rs"))]]
        return Reply(text, buttons, chart=chart_of(result) if with_chart else None)

    def _result_buttons(self, flow: Flow, lang: Lang, *shown: str) -> list[list[Button]]:
        """Buttons back to the result and to the other views of it (a screen is never a dead end), two a row."""
        row = [Button(t(label, lang), self._data(flow, c)) for c, label in RESULT_VIEWS.items() if c not in shown]
        return [row[i : i + 2] for i in range(0, len(row), 2)]

    def plan_targets(self, flow: Flow) -> list[Target]:
        """What a plan can aim at from this result: the talent categories of the summary rule not met yet,
        then each type's next level — in the rule table's order, so a button's index stays valid."""
        result = self.result(flow)
        targets = []
        for rule in self.cat.rules.talent_categories:
            if rule.category not in result["talent_categories"]:
                c = next(c for c in self.cat.talent.categories if c.name == rule.category)
                targets.append(Target("category", c.name, c.name_en, category=c.name, source=c.source))
        for t_result in result["types"]:
            level = next_level(result, t_result["type"])
            if level is not None:
                targets.append(Target("type", t_result["type"], t_result["name_en"], level=level))
        return targets

    def plan_menu(self, flow: Flow, lang: Lang) -> Reply:
        targets = self.plan_targets(flow)
        if not targets:
            return Reply(t("plan_all_reached", lang), self._result_buttons(flow, lang, "pl"))
        rows = [[Button(self._target_label(x, lang), self._data(flow, "pt", i))] for i, x in enumerate(targets)]
        return Reply(t("plan_choose", lang), rows + self._result_buttons(flow, lang, "pl"))

    @staticmethod
    def _target_label(target: Target, lang: Lang) -> str:
        """A button's label: the guideline's name, glossed in English (「AI 工具應用 進階」, "AI 工具應用 (AI Tool
        Application) 進階 (advanced)")."""
        if lang == "en":
            name = english.talent_term(target.name) if target.kind == "category" else english.type_term(target.name)
            return f"{name} {english.level_term(target.level)}" if target.level else name
        return f"{target.name} {target.level}" if target.level else target.name

    def plan_view(self, flow: Flow, lang: Lang, index: int) -> Reply:
        targets = self.plan_targets(flow)
        if index >= len(targets):
            return self.plan_menu(flow, lang)
        profile = parse_profile(self.profile(flow), self.cat)
        text = render_plan(build_learning_plan(profile, targets[index], self.cat), lang)
        return Reply(
            text, [[Button(t("plan_other", lang), self._data(flow, "pl"))], *self._result_buttons(flow, lang, "pl")]
        )

    def share_view(self, flow: Flow, lang: Lang, bot_username: str | None) -> Reply:
        """The profile's share code: a deep link when the bot's name is known, and the CLI command."""
        profile = parse_profile(self.profile(flow), self.cat)
        try:
            code = encode(profile, self.cat)
        except ShareCodeError as exc:
            return Reply(exc.message, self._result_buttons(flow, lang, "sh"))
        link = f"https://t.me/{bot_username}?start={code}" if bot_username and fits_deep_link(code) else ""
        text = t("share", lang, code=code, link=link or f"/start {code}")
        return Reply(text, self._result_buttons(flow, lang, "sh"))

    def export_view(self, flow: Flow, lang: Lang) -> Reply:
        """The profile as JSON (to re-run with `advisor assess --profile`) and the HTML report, as files sent
        after this text; the reply names them, the transport builds them (conversation/export.py)."""
        profile = parse_profile(self.profile(flow), self.cat)
        text = t("export", lang, profile_file=PROFILE_FILE, report_file=REPORT_FILE)
        return Reply(text, self._result_buttons(flow, lang, "ex"), documents=export_requests(profile, self.cat, lang))

    def shared(self, code: str, nonce: str) -> Flow:
        """A result opened from a share code: a finished flow holding the code's profile (ShareCodeError
        when the code cannot be read), so its buttons (判定依據, plan, share, 匯出) work as after /assess."""
        profile = decode(code, self.cat).to_dict()
        flow = self.start(nonce)
        flow.selected = list(profile["certifications"])
        flow.declared = list(profile["self_declared"])
        hours = profile["hours"]
        flow.hours = {k: v for k, v in hours.items() if k != "tool" and v}
        flow.hours.update({f"tool.{i}": v for i, v in hours["tool"].items() if v})
        flow.policy = profile["policy"]
        flow.step = Step.RESULT
        return flow

    def why_view(self, flow: Flow, lang: Lang) -> Reply:
        result = self.result(flow)
        blocks = [t("why_title", lang)]
        for type_result in result["types"]:
            blocks.append(f"{type_heading(type_result, lang)}\n" + "\n".join(rule_lines(type_result, lang)))
        blocks.append(english.source_en(result["source"]) if lang == "en" else f"出處：{result['source']}")
        return Reply("\n\n".join(blocks), self._result_buttons(flow, lang, "why"))

    # ------------------------------------------------------------------ input
    def on_button(
        self, flow: Flow, lang: Lang, cmd: str, arg: str | None, bot_username: str | None = None
    ) -> tuple[Flow | None, list[Reply]]:
        step = flow.step
        if cmd == "cancel":
            return None, [Reply(t("cancelled", lang))]
        if cmd == "back" and flow.back:
            flow.step, flow.page, flow.hour = flow.back.pop()
            return flow, [self.view(flow, lang)]
        if cmd == "rs":
            fresh = self.start(flow.nonce)
            fresh.step = Step.CERTS
            return fresh, [self.view(fresh, lang)]
        if step == Step.PRIVACY and cmd == "go":
            self._go(flow, Step.CERTS, page=0)
            return flow, [self.view(flow, lang)]
        if step == Step.CERTS:
            return self._certs_button(flow, lang, cmd, arg)
        if (
            step == Step.OTHER_CATEGORY
            and cmd == "k"
            and arg is not None
            and arg.isdigit()
            and int(arg) < len(CERT_CATEGORIES)
        ):
            flow.pending.category = CERT_CATEGORIES[int(arg)]
            if CERT_CATEGORIES[int(arg)] == TOOL_CATEGORY:
                self._go(flow, Step.OTHER_DOMAIN)
                return flow, [self.view(flow, lang)]
            return self._add_declared(flow, lang, None)
        if step == Step.OTHER_DOMAIN and cmd == "d" and arg is not None:
            items = self.cat.rules.tool_items
            if arg == "-" or (arg.isdigit() and int(arg) < len(items)):
                return self._add_declared(flow, lang, None if arg == "-" else items[int(arg)])
        if step == Step.HOURS and cmd == "v" and arg is not None:
            try:  # a button's value is checked exactly like a typed one (forged data can say anything)
                return self._set_hours(flow, lang, parse_hours(arg, self.cat.rules.max_hours))
            except HoursInputError:
                return flow, [Reply(t("unknown_button", lang)), self.view(flow, lang)]
        if step == Step.REVIEW:
            if cmd == "ec":
                flow.review_return = True
                self._go(flow, Step.CERTS, page=0)
                return flow, [self.view(flow, lang)]
            if cmd == "eh":
                self._go(flow, Step.EDIT)
                return flow, [self.view(flow, lang)]
            if cmd == "go":
                self._go(flow, Step.RESULT)
                return flow, [self.view(flow, lang)]
        if step == Step.EDIT and cmd == "a" and arg is not None and arg.isdigit() and int(arg) < len(self.areas):
            flow.review_return = True
            self._go(flow, Step.HOURS, hour=int(arg))
            return flow, [self.view(flow, lang)]
        if step == Step.RESULT and cmd == "why":
            return flow, [self.why_view(flow, lang)]
        if step == Step.RESULT and cmd == "res":
            return flow, [self.result_view(flow, lang, with_chart=False)]
        if step == Step.RESULT and cmd == "pl":
            return flow, [self.plan_menu(flow, lang)]
        if step == Step.RESULT and cmd == "pt" and arg is not None and arg.isdigit():
            return flow, [self.plan_view(flow, lang, int(arg))]
        if step == Step.RESULT and cmd == "sh":
            return flow, [self.share_view(flow, lang, bot_username)]
        if step == Step.RESULT and cmd == "ex":
            return flow, [self.export_view(flow, lang)]
        return flow, [Reply(t("unknown_button", lang)), self.view(flow, lang)]

    def _certs_button(self, flow: Flow, lang: Lang, cmd: str, arg: str | None) -> tuple[Flow, list[Reply]]:
        if cmd == "t" and arg is not None and arg.isdigit() and int(arg) < len(self.cert_ids):
            cert_id = self.cert_ids[int(arg)]
            selected = flow.selected
            if cert_id in selected:
                selected.remove(cert_id)
            else:
                selected.append(cert_id)
            return flow, [replace(self.view(flow, lang), edits=True)]  # the same page, ✅ toggled in place
        if cmd == "o":
            if len(flow.declared) >= MAX_DECLARED:  # a bounded state: nobody holds this many certificates
                return flow, [Reply(t("declared_full", lang, max=MAX_DECLARED)), self.view(flow, lang)]
            self._go(flow, Step.OTHER_NAME)
            flow.pending = PendingCertificate()
            return flow, [self.view(flow, lang)]
        if cmd == "n":
            if flow.review_return or flow.page == len(CERT_CATEGORIES) - 1:
                return self._after_certs(flow, lang)
            self._go(flow, Step.CERTS, page=flow.page + 1)
            return flow, [replace(self.view(flow, lang), edits=True)]  # the next page, where the last one was
        return flow, [Reply(t("unknown_button", lang)), self.view(flow, lang)]

    def _after_certs(self, flow: Flow, lang: Lang) -> tuple[Flow, list[Reply]]:
        if flow.review_return:
            flow.review_return = False
            self._go(flow, Step.REVIEW)
        else:
            self._go(flow, Step.HOURS, hour=0)
        return flow, [self.view(flow, lang)]

    def _add_declared(self, flow: Flow, lang: Lang, domain: str | None) -> tuple[Flow, list[Reply]]:
        pending = flow.pending
        assert pending.name is not None and pending.category is not None
        entry = {"name": pending.name, "category": pending.category}
        if domain:
            entry["tool_domain"] = domain
        if entry not in flow.declared:
            flow.declared.append(entry)
        flow.pending = PendingCertificate()
        page = CERT_CATEGORIES.index(entry["category"])
        self._go(flow, Step.CERTS, page=page if not flow.review_return else flow.page)
        note = t(
            "other_added", lang, name=entry["name"], category=entry["category"], domain=f"・{domain}" if domain else ""
        )
        return flow, [Reply(note), self.view(flow, lang)]

    def _set_hours(self, flow: Flow, lang: Lang, value: float) -> tuple[Flow, list[Reply]]:
        key, _ = self.areas[flow.hour]
        flow.hours[key] = value
        if flow.review_return or flow.hour == len(self.areas) - 1:
            flow.review_return = False
            self._go(flow, Step.REVIEW)
        else:
            self._go(flow, Step.HOURS, hour=flow.hour + 1)
        return flow, [self.view(flow, lang)]

    def on_text(self, flow: Flow, lang: Lang, text: str) -> tuple[Flow, list[Reply]]:
        step = flow.step
        if step == Step.CERTS:
            cert = self.cat.find_certification(text)
            if cert is None:
                names = self.cat.closest_certifications(text)
                hint = t("cert_hint", lang, names="、".join(names)) if names else ""
                return flow, [Reply(t("cert_unknown", lang, text=text, hint=hint)), self.view(flow, lang)]
            on = cert.id not in flow.selected
            if on:
                flow.selected.append(cert.id)
            else:
                flow.selected.remove(cert.id)
            flow.page = CERT_CATEGORIES.index(cert.category)
            note = t("cert_toggled_on" if on else "cert_toggled_off", lang, name=cert.name)
            return flow, [Reply(note), self.view(flow, lang)]
        if step == Step.OTHER_NAME:
            name = text.strip()
            if not name or len(name) > MAX_NAME:
                return flow, [Reply(t("other_name_invalid", lang)), self.view(flow, lang)]
            flow.pending = PendingCertificate(name=name)
            self._go(flow, Step.OTHER_CATEGORY)
            return flow, [self.view(flow, lang)]
        if step == Step.HOURS:
            try:
                value = parse_hours(text, self.cat.rules.max_hours)
            except HoursInputError as exc:
                message = t(f"hours_{exc.reason}", lang, text=text.strip(), max=f"{self.cat.rules.max_hours:g}")
                return flow, [Reply(message), self.view(flow, lang)]
            return self._set_hours(flow, lang, value)
        return flow, [Reply(t("button_expected", lang)), self.view(flow, lang)]


def _fmt(value: float) -> str:
    return f"{value:g}"
