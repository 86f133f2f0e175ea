"""匯出 after a result: the profile JSON and the HTML report, named by the reply (as the outbox keeps it) and
built when sent — through the conversation core, `send_replies` and the fake Bot API's sendDocument on
loopback, the real bot process, and the terminal chat."""

from __future__ import annotations

import json
import logging
import os
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import telegram
from telegram.error import BadRequest, TimedOut

from bot.handlers import send_replies
from conversation.assessment_flow import AssessmentFlow
from conversation.core import Conversation
from conversation.dialogue_state import DialogueState, Step
from conversation.export import PROFILE_FILE, REPORT_FILE, build_document, profile_json
from conversation.ui import ExportRequest, Reply, replies_from_json, replies_to_json
from knowledge.assessment import assess
from knowledge.catalog import Catalog
from knowledge.profile import parse_profile
from knowledge.report import render_text
from knowledge.share_code import encode
from tests.bot_harness import ADVISOR, User, api_with_chat, ptb_client, running_bot
from tests.fake_telegram import FakeBotAPI
from tests.test_bot import complete_assessment
from tests.test_chart_png import made_up_chart
from tests.test_conversation import Driver

USER = 4343
SECRET_ANSWER = "我的證照 XYZ-機密"  # text of the user's that must never reach a log


def _levels(result: dict[str, Any]) -> tuple[list[tuple[str, str]], list[str]]:
    return [(t["type"], t["level"]) for t in result["types"]], list(result["talent_categories"])


def _rule_ids(result: dict[str, Any]) -> list[str]:
    return [r["id"] for t in result["types"] for r in t["rules"]]


def _files(reply: Reply, catalog: Catalog) -> dict[str, bytes]:
    return dict(build_document(request, catalog) for request in reply.documents)


def _labels(reply: Reply) -> list[str]:
    return [b.label for row in reply.buttons for b in row]


# ---------------------------------------------------------------------------------------------- the core


def test_export_after_a_result_rebuilds_the_same_levels(catalog: Catalog, advisor) -> None:  # noqa: ANN001
    user = Driver(Conversation(catalog, advisor))
    user.send("command", "/assess")
    user.press("開始")
    user.send("text", "iPAS 初級AI應用規劃師能力鑑定")  # one of 表6, and one of the user's own
    user.press("其他證照")
    user.send("text", "某某 AI 繪圖證照")
    user.press("工具類")
    user.press("圖文")
    while user.step == "certs":
        user.press("下一類" if any("下一類" in label for label in _labels(user.last[-1])) else "完成")
    for value in ["10", "20", "0", "0", "0", "0", "12.5", "0", "0"]:
        user.send("text", value)
    user.press("開始判定")
    result_text = user.last[-1].text
    assert "匯出" in _labels(user.last[-1])
    for screen in ("判定依據", "學習計畫", "分享"):  # every view of the result leads to the files too
        user.press(screen)
        assert "匯出" in _labels(user.last[-1]), screen
    user.press("匯出")
    [reply] = user.last
    assert "ai-talent-profile.json" in reply.text and "ai-talent-report.html" in reply.text
    assert "advisor assess --profile ai-talent-profile.json" in reply.text
    assert "◀ 回到結果" in _labels(reply) and "匯出" not in _labels(reply)
    assert [r.kind for r in reply.documents] == ["profile", "report"]

    flow = DialogueState.load(user.state, "zh").flow
    assert flow is not None and flow.step is Step.RESULT
    profile = parse_profile(AssessmentFlow(catalog).profile(flow), catalog)
    files = _files(reply, catalog)
    assert files[PROFILE_FILE] == json.dumps(profile.to_dict(), ensure_ascii=False, indent=2).encode()
    again = assess(parse_profile(json.loads(files[PROFILE_FILE]), catalog), catalog)
    shown = AssessmentFlow(catalog).result(flow)
    assert _levels(again) == _levels(shown) and render_text(again, with_rules=False) == result_text
    assert "某某 AI 繪圖證照" in files[PROFILE_FILE].decode()  # the name a share code would have dropped
    html = files[REPORT_FILE].decode()
    assert all(rule_id in html for rule_id in _rule_ids(shown)) and len(_rule_ids(shown)) > 10
    assert f"advisor assess --code {encode(profile, catalog)}" in html

    stored = replies_from_json(replies_to_json(user.last))  # as the outbox keeps the reply until it is sent
    assert stored == user.last and _files(stored[0], catalog) == files


def _result_flow(catalog: Catalog, selected: list[str], declared: list[dict[str, str]], hours: dict[str, float]):  # noqa: ANN202
    flows = AssessmentFlow(catalog)
    flow = flows.start("beef")
    flow.selected, flow.declared, flow.hours, flow.step = selected, declared, hours, Step.RESULT
    return flows, flow


@pytest.mark.parametrize(
    ("selected", "declared", "hours", "kept"),
    [
        # 表6 certificates in catalog order and hours to 0.01 hour: the share code alone gives the profile back
        (["aws-ai-practitioner", "tqc-plus-genai-python"], [], {"literacy": 18.25, "tool.文書": 6}, "code"),
        (["tqc-plus-genai-python", "aws-ai-practitioner"], [], {}, "both"),  # out of catalog order
        ([], [{"name": "自家 AI 證照", "category": "素養類"}], {"literacy": 3}, "both"),  # a name no code keeps
        (["aia-aiatcl"], [], {"literacy": 12.345}, "profile"),  # finer than 0.01 hour: no share code at all
    ],
)
def test_what_the_outbox_keeps_gives_the_flows_profile_back(
    catalog: Catalog, selected: list[str], declared: list[dict[str, str]], hours: dict[str, float], kept: str
) -> None:
    flows, flow = _result_flow(catalog, selected, declared, hours)
    _, [reply] = flows.on_button(flow, "en", "ex", None)
    assert "advisor assess --profile ai-talent-profile.json" in reply.text and "Export" not in _labels(reply)
    profile = parse_profile(flows.profile(flow), catalog)
    for request in reply.documents:
        assert request.lang == "en"
        assert (request.share_code is not None, request.profile_json is not None) == {
            "code": (True, False),
            "both": (True, True),
            "profile": (False, True),
        }[kept]
    [stored] = replies_from_json(replies_to_json([reply]))
    assert stored.documents == reply.documents
    files = _files(stored, catalog)
    assert files[PROFILE_FILE].decode() == profile_json(profile)
    assert _files(reply, catalog) == files  # the same bytes whenever they are built
    html = files[REPORT_FILE].decode()
    assert all(rule_id in html for rule_id in _rule_ids(assess(profile, catalog)))
    assert ("分享碼：" in html) == (kept != "profile")


def test_replies_round_trip_through_the_outbox_json() -> None:
    documents = (ExportRequest("profile", "zh", "AQdL", None), ExportRequest("report", "en", None, '{"hours": {}}'))
    replies = [Reply("a", chart=made_up_chart()), Reply("b", documents=documents), Reply("c", edits=True)]
    assert replies_from_json(replies_to_json(replies)) == replies
    old_row = json.dumps([{"text": "d", "buttons": [], "number_input": False}])  # stored before documents existed
    assert replies_from_json(old_row) == [Reply("d")]


# ---------------------------------------------------------------------------------------------- Telegram


@pytest.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    async with api_with_chat(USER) as fake:
        yield fake


@pytest.fixture
async def ptb(api: FakeBotAPI) -> AsyncIterator[telegram.Bot]:
    async with ptb_client(api) as client:
        yield client


async def test_send_document_as_ptb_sends_it(api: FakeBotAPI, ptb: telegram.Bot) -> None:
    data = b'{"hours": {"literacy": 18}}'
    document = telegram.InputFile(data, filename="p.json")
    sent = await ptb.send_document(USER, document=document, caption="<b>檔案</b>", parse_mode="HTML")
    assert sent.caption == "檔案" and sent.document is not None
    assert (sent.document.file_name, sent.document.mime_type, sent.document.file_size) == (
        "p.json",
        "application/json",
        len(data),
    )
    assert sent.document.file_id and sent.document.file_unique_id
    [received] = api.documents(USER)
    assert received["content"] == data and received["filename"] == "p.json" and received["caption"] == "檔案"
    assert received["message_id"] == sent.message_id and received["mime_type"] == "application/json"
    assert [d["kind"] for d in api.deliveries(USER)] == ["document"]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"chat_id": 999_999}, "Chat not found"),
        ({"document": telegram.InputFile(b"", filename="empty.json")}, "File must be non-empty"),
        ({"document": "BQACAgIAAxkBAAI-unknown-file-id"}, "Wrong file identifier/http url specified"),
        ({"caption": "長" * 1025}, "Message caption is too long"),
    ],
)
async def test_send_document_refuses_what_telegram_refuses(
    api: FakeBotAPI, ptb: telegram.Bot, kwargs: dict[str, object], error: str
) -> None:
    params: dict[str, object] = {"chat_id": USER, "document": telegram.InputFile(b"{}", filename="p.json"), **kwargs}
    with pytest.raises(BadRequest, match=error):
        await ptb.send_document(**params)  # type: ignore[arg-type]
    assert api.documents(USER) == []


@pytest.mark.filterwarnings("ignore:Please use 'Bot.sendDocument'")  # the bare request is the point here
async def test_send_document_without_a_document(api: FakeBotAPI, ptb: telegram.Bot) -> None:
    with pytest.raises(BadRequest, match="There is no document in the request"):
        await ptb.do_api_request("sendDocument", api_kwargs={"chat_id": USER})


def _export_reply(catalog: Catalog, text: str = "匯出") -> Reply:
    profile = parse_profile({"certifications": ["ms-ai-901"], "hours": {"literacy": 3}}, catalog)
    flows, flow = _result_flow(catalog, ["ms-ai-901"], [], {"literacy": 3})
    reply = flows.export_view(flow, "zh")
    assert profile_json(profile) == _files(reply, catalog)[PROFILE_FILE].decode()
    return Reply(text, reply.buttons, documents=reply.documents)


async def test_the_documents_follow_the_text_of_their_reply(
    api: FakeBotAPI, ptb: telegram.Bot, catalog: Catalog
) -> None:
    reply = _export_reply(catalog)
    await send_replies(ptb, USER, [Reply("before"), reply, Reply("after")], catalog=catalog)
    texts = {m["message_id"]: m["text"] for m in api.messages(USER)}
    order = [texts.get(d["message_id"], d.get("filename")) for d in api.deliveries(USER)]
    assert order == ["before", "匯出", PROFILE_FILE, REPORT_FILE, "after"]
    received = {d["filename"]: d for d in api.documents(USER)}
    assert {name: d["content"] for name, d in received.items()} == _files(reply, catalog)
    assert received[PROFILE_FILE]["mime_type"] == "application/json"
    assert received[REPORT_FILE]["mime_type"] == "text/html"


async def test_a_document_that_failed_on_the_server_is_sent_again_once(
    api: FakeBotAPI, ptb: telegram.Bot, catalog: Catalog
) -> None:
    api.fail_next("sendDocument", status=500)
    await send_replies(ptb, USER, [_export_reply(catalog)], catalog=catalog)
    assert [c.status for c in api.calls_of("sendDocument")] == [500, 200, 200]
    assert [d["filename"] for d in api.documents(USER)] == [PROFILE_FILE, REPORT_FILE]


async def test_a_document_refused_or_unbuildable_leaves_the_rest(
    api: FakeBotAPI, ptb: telegram.Bot, catalog: Catalog, caplog: pytest.LogCaptureFixture
) -> None:
    api.fail_next("sendDocument", status=400, description="Bad Request: FILE_PARTS_INVALID")
    broken = Reply(SECRET_ANSWER, documents=(ExportRequest("report", "zh", "AQ-not-a-code"),))
    with caplog.at_level(logging.WARNING, logger="bot.handlers"):
        await send_replies(ptb, USER, [_export_reply(catalog, SECRET_ANSWER), broken, Reply("after")], catalog=catalog)
    assert [d["filename"] for d in api.documents(USER)] == [REPORT_FILE]  # the JSON was refused, the report sent
    assert [m["text"] for m in api.messages(USER)] == [SECRET_ANSWER, SECRET_ANSWER, "after"]
    assert "the profile file" in caplog.text and "could not build the report file" in caplog.text
    assert SECRET_ANSWER not in caplog.text


class _SlowDocumentTelegram:
    """Telegram's side of an upload that took too long: the document may well have been delivered."""

    def __init__(self) -> None:
        self.documents: list[str] = []
        self.texts: list[str] = []

    async def send_document(self, chat_id: int, document: telegram.InputFile, **kwargs: object) -> None:
        self.documents.append(document.filename or "")
        raise TimedOut()

    async def send_message(self, chat_id: int, text: str, **kwargs: object) -> None:
        self.texts.append(text)


async def test_a_document_that_timed_out_is_not_sent_again(catalog: Catalog) -> None:
    telegram_side = _SlowDocumentTelegram()
    await send_replies(telegram_side, 1, [_export_reply(catalog), Reply("after")], catalog=catalog)
    assert telegram_side.documents == [PROFILE_FILE, REPORT_FILE] and telegram_side.texts == ["匯出", "after"]


async def test_the_bot_sends_both_files_after_the_text(
    indexed_data_dir: Path, tmp_path: Path, catalog: Catalog
) -> None:
    """The real bot process: /assess to the result, then 匯出."""
    async with running_bot(indexed_data_dir, tmp_path, USER_RATE_PER_MINUTE="1000", USER_TAPS_PER_MINUTE="1000") as bot:
        api, user = bot.api, User(bot.api, 1101)
        await complete_assessment(user, ["18", "0", "0", "0", "0", "0", "0", "0", "0"])
        await user.press("匯出")
        [note] = user.last
        assert "advisor assess --profile ai-talent-profile.json" in note["text"]
        await api.wait_for_call("sendDocument", count=2, timeout=20, predicate=user.in_my_chat)
    deliveries = api.deliveries(user.id)
    kinds = [(d["kind"], d.get("filename")) for d in deliveries[-3:]]
    assert kinds == [("send", None), ("document", PROFILE_FILE), ("document", REPORT_FILE)]
    assert deliveries[-3]["message_id"] == note["message_id"]
    files = {d["filename"]: d["content"] for d in api.documents(user.id)}
    profile = parse_profile(
        {"certifications": ["aws-ai-practitioner", "tqc-plus-genai-python"], "hours": {"literacy": 18}}, catalog
    )
    assert files[PROFILE_FILE].decode() == profile_json(profile)
    result = assess(profile, catalog)
    assert all(rule_id in files[REPORT_FILE].decode() for rule_id in _rule_ids(result))


# ---------------------------------------------------------------------------------------------- the terminal


def test_the_terminal_chat_writes_the_files_without_overwriting(
    indexed_data_dir: Path, tmp_path: Path, catalog: Catalog
) -> None:
    data_dir, work = tmp_path / "chat-data", (tmp_path / "work").resolve()  # resolved: the chat prints real paths
    data_dir.mkdir()
    work.mkdir()
    (data_dir / "chroma").symlink_to(indexed_data_dir / "chroma")
    (work / PROFILE_FILE).write_text("mine", "utf-8")  # a file of the user's, never overwritten
    lines = ["/assess", "開始", "AIATCL", "下一類 ➡", "下一類 ➡", "完成 ✔", "18", *["0"] * 8, "📊 開始判定"]
    lines += ["匯出", "/quit"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "LLM_", "CHROMA_"))}
    env["DATA_DIR"] = str(data_dir)
    proc = subprocess.run(
        [ADVISOR, "chat"], input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=180, cwd=work, env=env
    )
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    written = work / "ai-talent-profile-1.json"
    assert f"已存檔：{written}" in proc.stdout and f"已存檔：{work / REPORT_FILE}" in proc.stdout
    assert (work / PROFILE_FILE).read_text("utf-8") == "mine"
    profile = parse_profile({"certifications": ["aia-aiatcl"], "hours": {"literacy": 18}}, catalog)
    assert written.read_text("utf-8") == profile_json(profile)
    html = (work / REPORT_FILE).read_text("utf-8")
    assert all(rule_id in html for rule_id in _rule_ids(assess(profile, catalog)))
