"""What the conversation shows, independent of the transport: replies, buttons, and UI text.

Why: Telegram renders buttons as inline keyboards and the terminal as numbered choices; both take the
same `Reply` objects, and every user-facing string lives here in both languages (繁體中文 first).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from knowledge.result_chart import ResultChart

Lang = Literal["zh", "en"]
ExportKind = Literal["profile", "report"]


@dataclass(frozen=True)
class Button:
    label: str
    data: str  # callback data, at most 64 bytes (Telegram's limit)


@dataclass(frozen=True)
class ExportRequest:
    """A file to send with a reply, named by what rebuilds it rather than by its bytes: replies wait as JSON
    in the outbox until confirmed sent, and a report with its picture is tens of KB where this is a few
    dozen bytes. `conversation.export.build_document` makes the file at send time, the same bytes each time.
    """

    kind: ExportKind  # "profile": the JSON `advisor assess --profile` reads; "report": the readable HTML page
    lang: Lang
    share_code: str | None = None  # the profile's share code; None when its hours are finer than 0.01 hour
    # the profile's JSON itself, when the share code does not give it back exactly (self-declared names, order)
    profile_json: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ExportRequest:
        return cls(data["kind"], data["lang"], data.get("share_code"), data.get("profile_json"))


@dataclass
class Reply:
    text: str
    buttons: list[list[Button]] = field(default_factory=list)
    number_input: bool = False  # typed numbers are answers here (hours), not choices of a numbered menu
    edits: bool = False  # replaces the message whose button was tapped (a toggle, the next page)
    # a picture of an assessment result, sent before the text (a photo in Telegram, bars in the terminal)
    chart: ResultChart | None = None
    # files sent after the text (documents in Telegram, files written by the terminal chat)
    documents: tuple[ExportRequest, ...] = ()


def replies_to_json(replies: list[Reply]) -> str:
    """Replies as stored until they are confirmed sent (the outbox of conversation/state_store.py)."""
    return json.dumps([asdict(r) for r in replies], ensure_ascii=False)


def replies_from_json(text: str) -> list[Reply]:
    return [
        Reply(
            r["text"],
            [[Button(b["label"], b["data"]) for b in row] for row in r["buttons"]],
            r["number_input"],
            r.get("edits", False),
            ResultChart.from_dict(r["chart"]) if r.get("chart") else None,
            tuple(ExportRequest.from_dict(d) for d in r.get("documents", ())),
        )
        for r in json.loads(text)
    ]


TEXT: dict[str, dict[str, str]] = {
    "plan_button": {"zh": "學習計畫", "en": "Learning plan"},
    "plan_other": {"zh": "換一個目標", "en": "Another target"},
    "plan_choose": {
        "zh": "想朝哪個目標規劃？（依表5 計算最省的做法：最少證照或最少受訓時數）",
        "en": "Which target should the plan aim at? (computed from 表5: the fewest certificates or hours)",
    },
    "plan_all_reached": {
        "zh": "您已達到表5 各能力類型的最高等級，也符合 AI 應用人才與 AI 開發人才的參考指標。",
        "en": "You have reached the top level of every competency type in 表5 and meet both talent categories.",
    },
    "share_button": {"zh": "分享", "en": "Share"},
    "export_button": {"zh": "匯出", "en": "Export"},
    "export": {
        "zh": "匯出兩個檔案：\n• {profile_file}：您的作答（證照與時數），可再交給顧問重新評估：\n"
        "advisor assess --profile {profile_file}\n"
        "• {report_file}：完整報告（等級、尚缺條件、每條規則的判定依據與分享碼），用瀏覽器開啟，也可以列印成 PDF。",
        "en": "Two files:\n• {profile_file}: your answers (certificates and hours); re-run the assessment with\n"
        "advisor assess --profile {profile_file}\n"
        "• {report_file}: the full report (levels, what is missing, every rule applied, the share code); "
        "open it in a browser or print it to PDF.",
    },
    "export_saved": {"zh": "已存檔：{path}", "en": "Saved: {path}"},
    "export_failed": {"zh": "無法存檔 {name}：{error}", "en": "Could not save {name}: {error}"},
    "back_to_result": {"zh": "◀ 回到結果", "en": "◀ Back to the result"},
    "share": {
        "zh": "分享碼：{code}\n把這個連結傳給別人，對方打開就會看到同樣的評估結果：\n{link}\n"
        "也可以用指令重現：advisor assess --code {code}\n（分享碼只含證照與時數，不含姓名；自填證照只記分類。）",
        "en": "Share code: {code}\nAnyone opening this link sees the same result:\n{link}\n"
        "Or reproduce it with: advisor assess --code {code}\n(The code holds certificates and hours only, no names; "
        "self-declared certificates by category only.)",
    },
    "shared_result": {
        "zh": "這是分享碼重現的評估結果（依指引 115v3.0 的規則重新計算）：",
        "en": "This is the result the share code reproduces (recomputed with the rules of guideline 115v3.0):",
    },
    "bad_share_code": {
        "zh": "這個分享連結無法開啟：{message}\n可以自己做一次自我評估：/assess",
        "en": "This share link cannot be opened: {message}\nYou can run your own self-assessment: /assess",
    },
    "plan_from_nothing": {
        "zh": "（您還沒有告訴我您的證照或時數，以下從零開始計算；"
        "可以直接說，例如「我有 iPAS 初級，素養課上過 10 小時」。）",
        "en": "(You have not told me your certificates or hours yet, so this starts from zero; you can say, e.g. "
        "“I hold iPAS 初級 and took 10 hours of literacy training”.)",
    },
    "assess_in_private": {
        "zh": "自我評估會問到您的證照與時數，請在私訊中進行：點下方按鈕開始（群組裡不會顯示您的作答與結果）。",
        "en": "The self-assessment asks about your certificates and hours, so it runs in a private chat: "
        "tap the button below (nothing of it is shown in the group).",
    },
    "prev_page": {"zh": "◀ 上一頁", "en": "◀ Previous"},
    "next_page": {"zh": "下一頁 ▶", "en": "Next ▶"},
    "open_private": {"zh": "在私訊中自我評估", "en": "Self-assess in a private chat"},
    "welcome": {
        "zh": (
            "您好！我是「AI 產業人才認定指引」(115v3.0) 顧問。\n"
            "可以直接問我問題，例如「AI 模型訓練要考哪些證照？」「AI 產品經理要做什麼？」，"
            "或用下方選單瀏覽與自我評估。"
        ),
        "en": (
            "Hi! I advise on Taiwan's 「AI 產業人才認定指引」 (115v3.0).\n"
            'Ask me anything it covers, e.g. "Which certifications fit AI 模型訓練?", or use the menu below.'
        ),
    },
    "help": {
        "zh": (
            "指令：\n/assess 自我評估（表5）\n/certs 瀏覽表6 認證\n/roles 角色與職稱（表7–表9）\n"
            "/paths 職業發展途徑\n/ethics 負責任使用 AI\n/resources 學習資源\n/lang 切換語言\n"
            "/profile 查看或清除我在對話中提供的證照與時數\n/forget 刪除我的資料\n/cancel 取消進行中的評估\n"
            "其他文字會當成問題回答，並附上出處；追問可以說「那專案類呢？」「它是誰辦的？」「第二個呢？」。"
            "也可以直接說自己的情況，例如「我有 AI-901，上過 10 小時素養課，AI 應用素養過了嗎？」。"
        ),
        "en": (
            "Commands:\n/assess self-assessment (表5)\n/certs browse the certifications of 表6\n"
            "/roles roles and titles\n/paths career paths\n/ethics responsible AI\n/resources learning resources\n"
            "/lang language\n/profile the facts you gave in chat\n/forget delete my data\n/cancel stop the assessment\n"
            "Any other text is a question; answers cite their source. You can also state your situation, "
            "e.g. “I hold AI-901 and took 10 hours of literacy training; do I meet AI 應用素養?”"
        ),
    },
    "menu_assess": {"zh": "開始自我評估", "en": "Self-assessment"},
    "menu_certs": {"zh": "瀏覽認證", "en": "Certifications"},
    "menu_roles": {"zh": "角色與職稱", "en": "Roles"},
    "menu_paths": {"zh": "職業發展途徑", "en": "Career paths"},
    "privacy": {
        "zh": (
            "開始之前：依指引的「隱私保護」原則（資料最小化），本評估只儲存您的作答（持有的證照、受訓時數）"
            "與對話進度，不儲存您的訊息內容。隨時輸入 /forget 可刪除全部資料，/cancel 可中止評估。\n\n"
            "流程：① 勾選持有的證照 ② 填寫各項受訓時數 ③ 確認 ④ 看結果。"
        ),
        "en": (
            "Before we start: following the guideline's privacy principle (data minimisation), only your answers "
            "(certifications, training hours) and the dialogue step are stored, never your messages. /forget deletes "
            "everything, /cancel stops the assessment."
        ),
    },
    "start": {"zh": "開始", "en": "Start"},
    "cancel_button": {"zh": "取消", "en": "Cancel"},
    "back": {"zh": "⬅ 上一步", "en": "⬅ Back"},
    "next_category": {"zh": "下一類 ➡", "en": "Next ➡"},
    "done": {"zh": "完成 ✔", "en": "Done ✔"},
    "other_cert": {"zh": "➕ 其他證照", "en": "➕ Other certificate"},
    "certs_page": {
        "zh": "第 {page}/3 步：您持有哪些「{category}」認證？（點選切換 ✅；也可以直接輸入證照名稱）",
        "en": "Step {page}/3: which 「{category}」 certifications do you hold? (tap to toggle ✅, or type a name)",
    },
    "cert_toggled_on": {"zh": "已勾選：{name}", "en": "Selected: {name}"},
    "cert_toggled_off": {"zh": "已取消勾選：{name}", "en": "Unselected: {name}"},
    "cert_unknown": {
        "zh": "找不到「{text}」這張認證。{hint}若是表6 以外的證照，請按「➕ 其他證照」自行填寫。",
        "en": 'I cannot find 「{text}」 in 表6. {hint}For another certificate use "➕ Other certificate".',
    },
    "cert_hint": {"zh": "您是指：{names}？", "en": "Did you mean: {names}? "},
    "other_name": {"zh": "請輸入這張證照的名稱：", "en": "Type the certificate's name:"},
    "other_name_invalid": {"zh": "名稱請輸入 1 到 80 個字。", "en": "Please type a name of 1 to 80 characters."},
    "declared_full": {
        "zh": "自行填寫的證照最多 {max} 張，已經填滿了，其餘內容都已保留；要重新填寫可用 /cancel 後再 /assess。",
        "en": "You can add at most {max} certificates of your own and the list is full (the rest is kept); "
        "/cancel, then /assess, starts again.",
    },
    "other_category": {
        "zh": "「{name}」屬於哪一類認證？（分類說明見表3）",
        "en": "Which category is 「{name}」? (see 表3)",
    },
    "other_domain": {
        "zh": "這張工具類證照主要是哪一種工具？（表2 工具項目；不確定可略過，仍算工具類但不算工具領域）",
        "en": "Which tool domain does it cover? (表2 tool items; skip if unsure)",
    },
    "skip": {"zh": "不確定，略過", "en": "Not sure, skip"},
    "other_added": {"zh": "已加入自填證照：{name}（{category}{domain}）", "en": "Added: {name} ({category}{domain})"},
    "hours_prompt": {
        "zh": "第 {n}/{total} 項：「{area}」累積受訓時數是多少小時？（點選或直接輸入，例如 18、十八小時、12.5）",
        "en": "{n}/{total}: training hours for 「{area}」? (tap, or type e.g. 18, 12.5)",
    },
    "hours_empty": {"zh": "請輸入時數，例如 18。", "en": "Please type a number of hours, e.g. 18."},
    "hours_not_number": {
        "zh": "「{text}」看不出是時數，請輸入數字，例如 18、18小時、十八小時或 1.5。",
        "en": "「{text}」 is not a number of hours; type e.g. 18 or 1.5.",
    },
    "hours_negative": {
        "zh": "時數不能是負數，請重新輸入（0 表示沒有）。",
        "en": "Hours cannot be negative; type 0 for none.",
    },
    "hours_too_large": {
        "zh": "「{text}」超過 {max} 小時，應該是輸入錯了，請重新輸入。",
        "en": "「{text}」 is over {max} hours; please check and type it again.",
    },
    "review": {"zh": "請確認您的作答：", "en": "Please review your answers:"},
    "review_certs": {"zh": "持有證照：", "en": "Certifications:"},
    "review_none": {"zh": "（無）", "en": "(none)"},
    "review_hours": {"zh": "受訓時數：", "en": "Training hours:"},
    "edit_certs": {"zh": "修改證照", "en": "Edit certificates"},
    "edit_hours": {"zh": "修改時數", "en": "Edit hours"},
    "compute": {"zh": "📊 開始判定", "en": "📊 Assess"},
    "restart": {"zh": "🔄 重新開始", "en": "🔄 Restart"},
    "choose_area": {"zh": "要修改哪一項時數？", "en": "Which hours do you want to change?"},
    "why": {"zh": "🔎 判定依據", "en": "🔎 Rules applied"},
    "why_title": {
        "zh": "判定依據（表5 每條規則、門檻與您的數值）：",
        "en": "Rules applied (表5: each rule, threshold and your value):",
    },
    "cancelled": {"zh": "已取消自我評估。", "en": "Self-assessment cancelled."},
    "flow_resume": {
        "zh": "（您的自我評估還在進行中，作答都保留著；可以從這一步繼續，或輸入 /cancel 結束。）",
        "en": "(Your self-assessment is still in progress and your answers are kept; continue here or type /cancel.)",
    },
    "nothing_to_cancel": {"zh": "目前沒有進行中的評估。", "en": "Nothing to cancel."},
    "button_expected": {
        "zh": "請點選上方的按鈕繼續評估；想問問題請先輸入 /cancel 結束評估。",
        "en": "Please tap one of the buttons above; to ask a question first type /cancel.",
    },
    "stale_button": {
        "zh": "這個按鈕已經過期了，請使用最新一則訊息的按鈕。",
        "en": "That button is outdated; please use the latest message.",
    },
    "unknown_button": {"zh": "無法辨識這個按鈕。", "en": "I don't recognise that button."},
    "forget_confirm": {
        "zh": "確定要刪除我為您儲存的所有資料（對話進度與評估作答）嗎？",
        "en": "Delete everything stored about you (dialogue state and assessment answers)?",
    },
    "forget_yes": {"zh": "確定刪除", "en": "Delete"},
    "forget_done": {"zh": "已刪除您的所有資料。", "en": "All your data has been deleted."},
    "forget_kept": {"zh": "好的，資料保留不變。", "en": "OK, nothing was deleted."},
    "lang_choose": {"zh": "請選擇語言：", "en": "Choose a language:"},
    "lang_set": {"zh": "已切換為繁體中文。", "en": "Language set to English."},
    "stats_denied": {"zh": "這個指令只開放給管理者。", "en": "This command is for administrators only."},
    "stats": {
        "zh": "使用統計：使用者 {users} 人、問題 {questions} 則、完成評估 {assessments} 次。",
        "en": "Usage: {users} users, {questions} questions, {assessments} assessments.",
    },
    "unknown_command": {"zh": "不認得這個指令，輸入 /help 看看可以做什麼。", "en": "Unknown command; see /help."},
    "browse_categories": {"zh": "表6 的認證分三類，請選擇：", "en": "表6 has three categories:"},
    "browse_roles": {"zh": "請選擇想了解的職稱：", "en": "Choose a role:"},
    "facts_noted": {
        "zh": "想知道自己的哪一項能力到哪一級，直接問我，例如「我的 AI 工具應用到哪一級？」。",
        "en": "Ask me e.g. “Which level is my AI 工具應用?”",
    },
    "continue_assess": {"zh": "📝 帶入資料做完整評估", "en": "📝 Full assessment with these facts"},
    "profile_clear": {"zh": "🗑 清除這些資料", "en": "🗑 Clear these facts"},
    "profile_cleared": {"zh": "已清除您在對話中提供的證照與時數。", "en": "The facts you gave in chat are cleared."},
    "profile_empty": {
        "zh": "目前沒有記下任何證照或時數。可以直接告訴我，例如「我有 AWS Certified AI Practitioner，"
        "上過 18 小時素養課」。",
        "en": "Nothing is noted yet. Tell me, e.g. “I have AWS Certified AI Practitioner and 18 hours "
        "of literacy training”.",
    },
    "which_one": {"zh": "您是指哪一個？", "en": "Which one do you mean?"},
    "throttled": {"zh": "訊息有點多，請稍等一下再試。", "en": "Too many messages; please wait a moment."},
    "error": {
        "zh": "抱歉，處理時發生了問題，請稍後再試。",
        "en": "Sorry, something went wrong; please try again later.",
    },
}


def t(key: str, lang: Lang, **values: object) -> str:
    return TEXT[key][lang].format(**values)
