"""The real Telegram bot process against a Bot API server on loopback, as users would use it."""

from __future__ import annotations

import asyncio
import io
import json
import re
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from PIL import Image

from conversation.state_store import StateStore
from conversation.ui import Lang
from knowledge.assessment import assess
from knowledge.catalog import load_catalog
from knowledge.chart_png import render_png
from knowledge.profile import parse_profile
from knowledge.result_chart import chart_of
from tests.bot_harness import ADVISOR, TOKEN, BotProcess, User, running_bot, shares_the_bot
from tests.conftest import ROOT, free_port
from tests.fake_telegram import FakeBotAPI


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(indexed_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[BotProcess]:
    """The bot the tests marked `shares_the_bot` talk to, each as users of its own."""
    async with running_bot(
        indexed_data_dir,
        tmp_path_factory.mktemp("bot"),
        ADMIN_USER_IDS="777",
        USER_RATE_PER_MINUTE="1000",
        USER_TAPS_PER_MINUTE="1000",
    ) as process:
        yield process


async def complete_assessment(user: User, hours: list[str]) -> None:
    await user.say("/assess")
    assert "隱私保護" in user.text()
    await user.press("開始")
    await user.say("AWS Certified AI Practitioner", replies=2)
    await user.say("TQC+ GenAI輔助資料擷取與分析Python", replies=2)
    while "下一類" in json.dumps(user.last[-1].get("reply_markup"), ensure_ascii=False):
        await user.press("下一類")
    await user.press("完成")
    for value in hours:
        if value.startswith("btn:"):
            await user.press(value[4:])
        else:
            await user.say(value)
    assert "請確認您的作答" in user.text()
    await user.press("開始判定")


@shares_the_bot
async def test_start_question_follow_up_and_commands(bot: BotProcess) -> None:
    api = bot.api
    names = {c["command"] for c in api.commands()}
    assert {
        "start",
        "help",
        "assess",
        "certs",
        "roles",
        "paths",
        "ethics",
        "resources",
        "forget",
        "cancel",
        "lang",
    } <= names
    assert {c["command"] for c in api.commands(language_code="en")} == names
    user = User(api, 1001)
    await user.say("/start")
    assert "顧問" in user.text() and user.button("開始自我評估")
    assert user.last[0]["parse_mode"] == "HTML"
    await user.say("AI 模型訓練要考哪些證照？")
    assert "專案類" in user.text() and "出處：附件(三) 表6" in user.text()
    await user.say("那工具類呢？")
    assert "iPAS 中級AI應用規劃師能力鑑定" in user.text()
    await user.say("AWS Certified AI Practitioner <b>是</b> & 哪一類？")  # HTML-looking input is escaped
    assert "素養類" in user.text()
    await user.say("/certs")
    await user.press("專案類")
    assert "AWS Certified Machine Learning (Specialty)" in user.text()
    assert api.answered_callbacks, "button presses are answered"


@shares_the_bot
async def test_full_assessment_matches_advisor_assess(bot: BotProcess) -> None:
    api = bot.api
    user = User(api, 1002)
    await complete_assessment(user, ["18", "十二小時", "btn:6", "0", "0", "12.5 hr", "1.5", "30", "0"])
    profile = {
        "certifications": ["aws-ai-practitioner", "tqc-plus-genai-python"],
        "hours": {
            "literacy": 18,
            "tool": {"文書": 12, "圖文": 6, "自動化": 12.5},
            "programming": 1.5,
            "model_training": 30,
        },
    }
    cli = subprocess.run(
        [ADVISOR, "assess", "--profile", "-", "--json"],
        input=json.dumps(profile),
        text=True,
        capture_output=True,
        cwd=ROOT,
    )
    for type_result in json.loads(cli.stdout)["types"]:
        assert f"{type_result['type']}：{type_result['level']}" in user.text()
    await user.press("判定依據")
    assert "[T3-C1]" in user.text()


@shares_the_bot
async def test_bad_input_stale_buttons_cancel_forget(bot: BotProcess) -> None:
    api = bot.api
    user = User(api, 1003)
    await user.say("/assess")
    old = user.button("開始")
    await user.press("開始")
    await user.say("不存在的證照XYZ", replies=2)
    assert "找不到" in user.text()
    api.push_callback(user.id, old[0], old[1])
    await user.expect()
    assert "過期" in user.text()
    api.push_callback(user.id, old[0], "forged:data")
    await user.expect()
    assert "無法辨識" in user.text()
    await user.press("下一類")
    await user.press("下一類")
    await user.press("完成")
    for bad, message in [("-2", "負數"), ("99999", "超過"), ("一些", "看不出")]:
        await user.say(bad, replies=2)
        assert message in user.text()
    await user.say("18")
    assert "第 2/9 項" in user.text()
    await user.say("/cancel")
    assert "已取消" in user.text()
    await user.say("/forget")
    await user.press("確定刪除")
    assert "已刪除" in user.text()
    store = StateStore(bot.state_url)
    assert store.load(user.id) is None
    store.close()


@shares_the_bot
async def test_duplicate_update_is_answered_once(bot: BotProcess) -> None:
    api = bot.api
    user = User(api, 1004)
    update = api.push_message(user.id, "AIATCL 是誰辦的？")
    await user.expect()
    api.push_message(user.id, "ignored", update_id=update["update_id"])
    await api.expect_no_messages(user.id, within=1.5)
    await user.say("/help")
    assert "/assess" in user.text()


@shares_the_bot
async def test_flood_limits_and_bot_api_failures(bot: BotProcess) -> None:
    api = bot.api
    user = User(api, 1005)
    api.fail_next("sendMessage", status=429, retry_after=1)
    await user.say("AIATCL 是哪一類？")
    assert "素養類" in user.text()
    api.fail_next("sendMessage", status=500, times=2)
    await user.say("iPAS 中級是哪一類？")
    assert "工具類" in user.text()
    api.fail_next("getUpdates", status=502, times=2)
    await api.wait_for_call("getUpdates", count=2, predicate=lambda c: c.status == 502, timeout=40)
    await user.say("/help", timeout=40)  # both polls failed, and the bot polls on and answers
    assert bot.alive()
    statuses = [c.status for c in api.calls_of("sendMessage")]
    assert 429 in statuses and 500 in statuses


async def test_user_throttle(api: FakeBotAPI, indexed_data_dir: Path, state_url: str, tmp_path: Path) -> None:
    process = BotProcess(api, indexed_data_dir, state_url, tmp_path / "bot.log", USER_RATE_PER_MINUTE="3")
    await process.start()
    try:
        flooder, other = User(api, 2001), User(api, 2002)
        for _ in range(6):
            api.push_message(flooder.id, "/help")
        await flooder.expect(4)
        assert "請稍等" in flooder.text()
        await api.expect_no_messages(flooder.id, within=1.0)
        await other.say("/help")
        assert "/assess" in other.text()
    finally:
        await process.stop()


@shares_the_bot
async def test_long_answer_is_split_under_the_limit(bot: BotProcess) -> None:
    api = bot.api
    user = User(api, 1006)
    await user.say("/assess")
    await user.tap("開始")
    for i in range(52):
        await user.tap("其他證照")
        await user.say(f"自填證照 {i:02d} " + "很長的名稱" * 14)
        await user.tap("專案類")
    await user.tap("完成")
    for _ in range(9):
        await user.tap("0")
    review = user.last
    assert len(review) >= 2 and all(len(m["text"]) <= 4096 for m in review)
    assert "請確認您的作答" in review[0]["text"] and "AI 服務開發：0" in review[-1]["text"]
    assert "自填證照 51" in "".join(m["text"] for m in review)
    assert all(m.get("reply_markup") is None for m in review[:-1]) and review[-1]["reply_markup"]


@shares_the_bot
async def test_group_chat_only_when_addressed(bot: BotProcess) -> None:
    api = bot.api
    group = -5001
    api.push_message(3001, "大家好，今天天氣不錯", chat_id=group, chat_type="group")
    await api.expect_no_messages(group, within=1.5)
    api.push_message(3001, "@advisor_test_bot AIATCL 是誰辦的？", chat_id=group, chat_type="group")
    [answer] = await api.wait_for_messages(group, 1, timeout=20)
    assert "台灣人工智慧學校" in answer["text"]
    api.push_message(
        3002, "它是哪一類？", chat_id=group, chat_type="group", reply_to_bot_message_id=answer["message_id"]
    )
    [follow] = await api.wait_for_messages(group, 1, timeout=20)
    assert follow["text"]
    api.push_message(3001, "/help@other_bot", chat_id=group, chat_type="group")
    await api.expect_no_messages(group, within=1.0)
    api.push_message(3001, "/help@advisor_test_bot", chat_id=group, chat_type="group")
    await api.wait_for_messages(group, 1, timeout=20)


@shares_the_bot
async def test_admin_stats(bot: BotProcess) -> None:
    api = bot.api
    user, admin = User(api, 1007), User(api, 777)
    await admin.say("/stats")
    asked_before = questions_counted(admin.text())
    await user.say("AIATCL 是哪一類？")
    await user.say("/stats")
    assert "管理者" in user.text() and "使用者" not in user.text()
    await admin.say("/stats")
    assert "使用者" in admin.text() and questions_counted(admin.text()) == asked_before + 1


def questions_counted(stats: str) -> int:
    """The question count in /stats (the bot is shared, so other tests' questions are counted too)."""
    found = re.search(r"問題 (\d+) 則", stats)
    assert found, stats
    return int(found.group(1))


async def test_restart_after_kill_9_mid_dialogue(
    api: FakeBotAPI, indexed_data_dir: Path, state_url: str, tmp_path: Path
) -> None:
    first = await BotProcess(api, indexed_data_dir, state_url, tmp_path / "a.log").start()
    user = User(api, 4001)
    await user.say("/assess")
    await user.press("開始")
    await user.say("AIATCL", replies=2)
    await api.wait_until_idle()  # confirmed to Telegram: handled, stored and its replies sent
    first.kill()
    second = await BotProcess(api, indexed_data_dir, state_url, tmp_path / "b.log").start()
    try:
        await user.press("下一類")
        await user.press("下一類")
        await user.press("完成")
        for _ in range(9):
            await user.press("18")
        await user.press("開始判定")
        assert "AI 應用素養：具備" in user.text() and "AI 工具應用：進階" in user.text()
    finally:
        await second.stop()
    assert TOKEN not in first.log() + second.log()


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
async def test_two_processes_share_one_database(
    api: FakeBotAPI, indexed_data_dir: Path, tmp_path: Path, database: str
) -> None:
    from tests.test_state_store import PG_ADMIN_URL

    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    schema = None
    if database == "postgresql":
        import secrets

        from sqlalchemy import create_engine, text

        schema = f"advisor_bot_{secrets.token_hex(4)}"
        admin = create_engine(PG_ADMIN_URL)
        with admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        url = f"{PG_ADMIN_URL}?options=-csearch_path%3D{schema}"
    bots = [await BotProcess(api, indexed_data_dir, url, tmp_path / f"{i}.log").start() for i in range(2)]
    try:
        user = User(api, 5001)
        await user.say("/assess")
        await user.press("開始")
        await user.say("AIATCL", replies=2)
        await user.press("下一類")
        await user.press("下一類")
        await user.press("完成")
        for value in ["18", "btn:24", "6", "btn:6", "0", "0", "12", "0", "0"]:
            if value.startswith("btn:"):
                await user.press(value[4:])
            else:
                await user.say(value)
        await user.press("開始判定")
        assert "AI 工具應用：進階" in user.text() and "AI 程式語言應用：具備" in user.text()
        await api.expect_no_messages(user.id, within=1.5)
        texts = [m["text"] for m in api.messages(user.id)]
        prompts = [t for t in texts if "累積受訓時數" in t]
        assert len(prompts) == len(set(prompts)) == 9, "a step was lost or repeated"
    finally:
        for process in bots:
            await process.stop()
        if schema:
            with admin.begin() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            admin.dispose()


async def test_webhook_mode_checks_the_secret(indexed_data_dir: Path, state_url: str, tmp_path: Path) -> None:
    async with FakeBotAPI(token=TOKEN, allow_insecure_webhook=True, require_known_chat=False) as api:
        await _webhook_scenario(api, indexed_data_dir, state_url, tmp_path)


async def _webhook_scenario(api: FakeBotAPI, indexed_data_dir: Path, state_url: str, tmp_path: Path) -> None:
    port = free_port()
    secret = "s3cret-Token_123"
    process = BotProcess(
        api,
        indexed_data_dir,
        state_url,
        tmp_path / "hook.log",
        TELEGRAM_WEBHOOK_URL=f"http://127.0.0.1:{port}/telegram",
        TELEGRAM_WEBHOOK_SECRET=secret,
        TELEGRAM_WEBHOOK_PORT=str(port),
        TELEGRAM_WEBHOOK_LISTEN="127.0.0.1",
    )
    await process.start(ready_call="setWebhook")
    try:
        hook = api.calls_of("setWebhook")[-1].params
        assert hook["url"].endswith("/telegram") and hook["secret_token"] == secret
        update = {
            "update_id": 90001,
            "message": {
                "message_id": 1,
                "date": 0,
                "text": "/help",
                "chat": {"id": 6001, "type": "private"},
                "from": {"id": 6001, "is_bot": False, "first_name": "U"},
                "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
            },
        }
        async with httpx.AsyncClient() as client:
            for _ in range(100):
                try:
                    denied = await client.post(f"http://127.0.0.1:{port}/telegram", json=update)
                    break
                except httpx.ConnectError:
                    await asyncio.sleep(0.2)
            assert denied.status_code == 403
            accepted = await client.post(
                f"http://127.0.0.1:{port}/telegram", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": secret}
            )
            assert accepted.status_code == 200
        [reply] = await api.wait_for_messages(6001, 1, timeout=20)
        assert "/assess" in reply["text"]
    finally:
        await process.stop()
    assert secret not in process.log() and TOKEN not in process.log()


def _expected_png(profile: dict[str, object], lang: Lang) -> bytes:
    """The picture `advisor assess` would draw for `profile`: the same chart gives the same bytes."""
    catalog = load_catalog()
    return render_png(chart_of(assess(parse_profile(profile, catalog), catalog)), lang)


@shares_the_bot
async def test_the_result_comes_with_its_picture_first(bot: BotProcess) -> None:
    api = bot.api
    user = User(api, 1008)
    await complete_assessment(user, ["18", "0", "0", "0", "0", "0", "0", "0", "0"])
    [result] = user.last
    assert "AI 應用素養：具備" in result["text"]
    [photo] = api.photos(user.id)
    with Image.open(io.BytesIO(photo["content"])) as image:
        assert image.format == "PNG" and image.size == (1000, 600)
    profile = {"certifications": ["aws-ai-practitioner", "tqc-plus-genai-python"], "hours": {"literacy": 18}}
    assert photo["content"] == _expected_png(profile, "zh")
    ids = [d["message_id"] for d in api.deliveries(user.id) if d["kind"] in ("send", "photo")]
    assert ids.index(photo["message_id"]) + 1 == ids.index(result["message_id"]), "the picture, then the text"


@shares_the_bot
async def test_the_picture_speaks_the_language_chosen_with_lang(bot: BotProcess) -> None:
    """Telegram says zh-hant, the user chose English with /lang: the picture is in English."""
    api = bot.api
    user = User(api, 1009, language="zh-hant")
    await user.say("/lang")
    await user.press("English")
    assert "Language set to English" in user.text()
    await user.say("/assess")
    await user.press("Start")
    while "Next" in json.dumps(user.last[-1].get("reply_markup"), ensure_ascii=False):
        await user.press("Next")
    await user.press("Done")
    for _ in range(9):
        await user.say("0")
    await user.press("Assess")
    [photo] = api.photos(user.id)
    assert photo["content"] == _expected_png({}, "en") != _expected_png({}, "zh")


@shares_the_bot
async def test_a_share_link_opens_the_result_with_its_plan_through_the_real_bot(bot: BotProcess) -> None:
    """t.me/<bot>?start=<code> arrives as 「/start <code>」: the same result (with its picture), its plan menu,
    a plan; the 分享 button links back with the bot's own name."""
    from knowledge.share_code import encode

    api = bot.api
    catalog = load_catalog()
    profile = {"certifications": ["ms-ai-901"], "hours": {"literacy": 4, "tool": {"圖文": 12}}}
    code = encode(parse_profile(profile, catalog), catalog)
    user = User(api, 1010)
    await user.say(f"/start {code}", replies=2)
    assert "分享碼重現" in user.last[0]["text"] and "AI 應用素養：具備" in user.last[1]["text"]
    [photo] = api.photos(user.id)
    assert photo["content"] == _expected_png(profile, "zh")
    await user.press("學習計畫")
    await user.press("AI 應用人才")
    assert "學習計畫：AI 應用人才" in user.text() and "T2-B" in user.text()
    await user.press("分享")
    assert f"?start={code}" in user.text() and "https://t.me/" in user.text()


@shares_the_bot
async def test_a_plan_asked_in_chat_through_the_real_bot(bot: BotProcess) -> None:
    user = User(bot.api, 1011)
    await user.say("我有 AWS Certified AI Practitioner，素養課 6 小時，想成為 AI 產品經理，要怎麼做？")
    text = user.text()
    assert "學習計畫：AI 產品經理" in text and "工具類證照 1 張" in text and "出處：附件(二) 表5" in text
    await user.say("那如果只想上課呢？")
    assert "受訓時數途徑" in user.text() and "證照途徑：" not in user.text()
