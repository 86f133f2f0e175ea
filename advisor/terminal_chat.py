"""`advisor chat`: the advisor in a terminal, on the same conversation core as the Telegram bot.

Buttons are shown as numbered choices in columns: type the number (or `#number` where numbers are
answers, such as hours), a button's exact label, or any text. Lines can be edited and recalled with
the arrow keys; Ctrl-C or Ctrl-D leaves like /quit.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from advisor.settings import Settings
from conversation.core import Event
from conversation.export import FILE_NAMES, build_document
from conversation.ui import Button, Lang, Reply, t
from knowledge.errors import ProfileError

if TYPE_CHECKING:
    from conversation.service import AdvisorService
    from knowledge.result_chart import ResultChart

TERMINAL_USER = 0
QUIT = ("/quit", "/exit", "/q")


COLUMNS = 3  # choices per line: a long menu reads as a table, not one wrapped line


def _render(reply: Reply, out: TextIO, lang: Lang = "zh", save: Callable[[Reply], None] | None = None) -> list[Button]:
    """The reply's chart, text, the files it carries (written by `save`) and its buttons as numbered choices."""
    if reply.chart is not None:
        _print_chart(reply.chart, out, lang)
    print(f"\n{reply.text}", file=out)
    if reply.documents and save is not None:
        save(reply)
    buttons = [b for row in reply.buttons for b in row]
    if buttons:
        prefix = "#" if reply.number_input else ""
        cells = [f"[{prefix}{i}] {b.label}" for i, b in enumerate(buttons, start=1)]
        width = max(_width(c) for c in cells) + 2
        for start in range(0, len(cells), COLUMNS):
            row = cells[start : start + COLUMNS]
            print("".join(c + " " * (width - _width(c)) for c in row).rstrip(), file=out)
        hint = "輸入 # 加編號選擇（直接輸入數字是回答）" if reply.number_input else "輸入編號或選項文字選擇"
        print(f"（{hint}）", file=out)
    return buttons


def _print_chart(chart: ResultChart, out: TextIO, lang: Lang) -> None:
    """The bars the bot sends as a picture, before the result's text."""
    from rich.console import Console

    from advisor.result_bars import result_bars

    print(file=out)
    Console(file=out, highlight=False).print(result_bars(chart, lang))


def _save_documents(reply: Reply, service: AdvisorService, out: TextIO, lang: Lang) -> None:
    """The files a reply carries (匯出), written into the working directory, where the command was run (the
    advisor has no setting for an output folder); each path is printed. One that cannot be made or written
    is said so, and the others are still written."""
    for request in reply.documents:
        name = FILE_NAMES[request.kind]
        try:
            name, data = build_document(request, service.conversation.cat)
            path = _write_new(Path.cwd(), name, data)
        except ProfileError as exc:  # e.g. a share code the catalog no longer reads
            print(t("export_failed", lang, name=name, error=exc.message), file=out)
        except OSError as exc:
            print(t("export_failed", lang, name=name, error=exc.strerror or exc), file=out)
        else:
            print(t("export_saved", lang, path=path), file=out)


def _write_new(directory: Path, name: str, data: bytes) -> Path:
    """Write `data` as `name` in `directory`, never over an existing file: then as name-1, name-2 … (created
    exclusively, so a file that appears meanwhile is not overwritten either)."""
    stem, suffix = Path(name).stem, Path(name).suffix
    path, n = directory / name, 0
    while True:
        try:
            with path.open("xb") as file:
                file.write(data)
            return path
        except FileExistsError:
            n += 1
            path = directory / f"{stem}-{n}{suffix}"


def _language(service: AdvisorService) -> Lang:
    """The conversation's language (/lang), as stored with the dialogue state; 繁體中文 until one is chosen."""
    stored = service.language(TERMINAL_USER)
    return "en" if stored == "en" else "zh"


def _width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters are two wide."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _line_editing(interactive: bool) -> None:
    """Arrow keys, line editing and history of what was typed this session, where the terminal has them."""
    if interactive:
        try:
            import readline  # noqa: F401 - importing it is what turns line editing on for input()
        except ImportError:  # not on every platform
            pass


def _event_for(text: str, buttons: list[Button], number_input: bool) -> Event:
    for button in buttons:
        if text == button.label:
            return Event("button", button.data)
    choice = text.removeprefix("#")
    # ASCII digits only: 「²」 is a digit to str.isdigit() but not to int()
    numeric = choice.isascii() and choice.isdigit()
    if numeric and (text.startswith("#") or not number_input) and 1 <= int(choice) <= len(buttons):
        return Event("button", buttons[int(choice) - 1].data)
    if text.startswith("/"):
        return Event("command", text)
    return Event("text", text)


def _read_line(stdin: TextIO, stdout: TextIO, interactive: bool) -> str:
    """One line typed; "" at the end of input."""
    if interactive and stdin is sys.stdin and stdout is sys.stdout:
        return input("\n你> ") + "\n"  # input() edits the line (readline) and keeps the history
    if interactive:
        stdout.write("\n你> ")
        stdout.flush()
    return stdin.readline()


def run_chat(settings: Settings, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    from conversation.service import make_service

    service = make_service(settings, warm_in_background=True)
    interactive = stdin.isatty()
    buttons: list[Button] = []
    number_input = False
    for reply in service.process(TERMINAL_USER, Event("command", "/start")) or []:
        buttons = _render(reply, stdout)
    print("（/help 說明、/assess 自我評估、/quit 離開）", file=stdout)
    _line_editing(interactive and stdin is sys.stdin)
    while True:
        try:
            line = _read_line(stdin, stdout, interactive)
        except (KeyboardInterrupt, EOFError):  # Ctrl-C or Ctrl-D: leave as /quit does
            print(file=stdout)
            break
        if not line:
            break
        text = line.strip()
        if not text:
            continue
        if text in QUIT:
            break
        replies = service.process(TERMINAL_USER, _event_for(text, buttons, number_input)) or []
        # only a chart's labels and the saved files' notes depend on the language here (the replies' text is
        # already in it)
        lang = _language(service) if any(reply.chart or reply.documents for reply in replies) else "zh"
        save = partial(_save_documents, service=service, out=stdout, lang=lang)
        for reply in replies:
            shown = _render(reply, stdout, lang, save)
            if shown:
                buttons, number_input = shown, reply.number_input
        stdout.flush()
    print("再見！", file=stdout)
    return 0
