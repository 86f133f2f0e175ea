"""English assessment results: every level and gap kind in English, guideline terms glossed, numbers the
engine's, the Chinese rendering unchanged; and the guided assessment in English for an English user."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from conversation.assessment_flow import AssessmentFlow
from conversation.core import Conversation, Event
from conversation.dialogue_state import Step
from conversation.ui import Reply, t
from knowledge import english
from knowledge.assessment import assess
from knowledge.catalog import Catalog
from knowledge.profile import parse_profile
from knowledge.report import gap_lines, render_text, rule_lines, summary_en, type_heading
from rag.textnorm import to_simplified

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
FULL_WIDTH = re.compile(r"[\u3000-\u303f\uff00-\uffef]+")  # 「」、；：（） — Chinese punctuation left in English text

# Profiles that together reach every level of every type and produce every kind of gap, under both policies.
PROFILES: dict[str, dict[str, Any]] = {
    "nothing": {},
    "literacy_and_one_tool_item": {"hours": {"literacy": 18, "tool": {"文書": 20}}},
    "tool_advanced_by_training": {"hours": {"literacy": 18, "tool": {"文書": 20, "圖文": 10}, "programming": 12}},
    "tool_advanced_by_certificates": {
        "certifications": ["aws-ai-practitioner", "iii-genai-office", "nvidia-multimodal-genai"]
    },
    "one_domain_twice": {"certifications": ["iii-genai-office", "nvidia-genai-llm"], "hours": {"literacy": 6.5}},
    "developer_by_certificate": {"certifications": ["tqc-plus-ml"]},
    "developer_by_training": {
        "hours": {
            "literacy": 20,
            "tool": {"文書": 12, "自動化": 6},
            "programming": 16,
            "model_training": 30,
            "service_dev": 20,
        }
    },
    "nearly_developer": {
        "hours": {"literacy": 20, "tool": {"文書": 12.5}, "programming": 10, "model_training": 24, "service_dev": 12}
    },
    "both_policy_certificates_only": {
        "certifications": ["aws-ai-practitioner", "ipas-ai-planner-intermediate", "tqc-plus-ml"],
        "policy": "both",
    },
    "both_policy_everything": {
        "certifications": ["aws-ai-practitioner", "iii-genai-office", "nvidia-multimodal-genai", "tqc-plus-ml"],
        "hours": {"literacy": 18, "tool": {"文書": 18, "影像": 12}, "programming": 12, "model_training": 48},
        "policy": "both",
    },
}


def result_of(catalog: Catalog, name: str) -> dict[str, Any]:
    return assess(parse_profile(PROFILES[name], catalog), catalog)


def gap_kind(missing: dict[str, Any]) -> str:
    """The kinds of shortfall 表5 can leave, by the measures of the unmet condition."""
    measures = missing["measures"]
    if len(measures) > 1:
        return "summed areas"
    kinds = {"tool_domains": "tool domains", "tool_max_item": "single tool item", "tool_kinds": "tool kinds"}
    if measures[0] in kinds:
        return kinds[measures[0]]
    if measures[0] == "tool_total":
        return "tool total"
    return "certificate count" if measures[0].startswith("cert_") else "plain hours"


# ------------------------------------------------------------------ the guideline-term check
def guideline_terms(catalog: Catalog) -> dict[str, bool]:
    """Every Chinese term an English result may keep, from the data files: True where it must be glossed
    in English, False for citations (附件(二) 表5), which the guideline's parts are named by."""
    rule_texts = {r.text for tr in catalog.rules.types for lv in tr.levels for r in lv.rules}
    glossed = (
        {tr.type for tr in catalog.rules.types}
        | set(catalog.rules.levels)
        | {c.name for c in catalog.talent.categories}
        | {c.name for c in catalog.cert_categories.categories}
        | set(catalog.rules.tool_items)
        | rule_texts
        | {inner for text in rule_texts for inner in re.findall(r"\(([^()]+)\)", text)}  # (非同類工具)
        | {c.name for c in catalog.certifications if CJK.search(c.name)}
    )
    tables = {x for s in catalog.document.sections for x in [*s.tables, *s.figures]}
    citations = set(catalog.section_labels()) | tables
    return {**dict.fromkeys(citations, False), **dict.fromkeys(glossed, True)}


def untranslated(line: str, terms: dict[str, bool]) -> list[str]:
    """Problems of one English line: a guideline term without an English gloss in parentheses (after it,
    or around it after an English word: "literacy (素養類) certificate"), or Chinese that is no term."""
    problems = []
    work = line
    for term in sorted(terms, key=len, reverse=True):
        start = 0
        while (i := work.find(term, start)) >= 0:
            end = i + len(term)
            before, after = work[:i], work[end:]
            followed = re.match(r" \([A-Za-z0-9]", after) is not None
            enclosed = re.search(r"[A-Za-z] \($", before) is not None and after.startswith(")")
            if terms[term] and not (followed or enclosed):
                problems.append(f"{term!r} has no English gloss")
            work = before + "\x00" * len(term) + after
            start = end
    problems += [f"untranslated {run!r}" for run in CJK.findall(work) + FULL_WIDTH.findall(work)]
    return problems


def assert_english(text: str, catalog: Catalog) -> None:
    terms = guideline_terms(catalog)
    problems = {line: p for line in text.splitlines() if (p := untranslated(line, terms))}
    assert not problems, problems
    for line in text.splitlines():
        assert not line.strip() or re.search(r"[A-Za-z]{2,}", line), line  # every line says something in English


def test_the_term_check_catches_prose_and_missing_glosses(catalog: Catalog) -> None:
    terms = guideline_terms(catalog)
    assert untranslated("1. AI 工具應用 (AI Tool Application): 初階 (basic)", terms) == []
    assert untranslated("1 more literacy (素養類) certificate. Source: 附件(二) 表5, 附件(三) 表6", terms) == []
    assert untranslated("AI 工具應用: 初階 (basic)", terms) == ["'AI 工具應用' has no English gloss"]
    assert untranslated("Reached: 已達成 AI 應用素養 (AI Literacy)", terms) == ["untranslated '已達成'"]
    assert untranslated("Missing（AI 應用素養 (AI Literacy)）", terms) == ["untranslated '（'", "untranslated '）'"]


# ------------------------------------------------------------------ coverage of the profiles
def test_profiles_reach_every_level_and_gap_kind(catalog: Catalog) -> None:
    levels: dict[str, set[str]] = {}
    kinds: set[str] = set()
    policies: set[str] = set()
    for name in PROFILES:
        result = result_of(catalog, name)
        policies.add(result["policy"])
        for tr in result["types"]:
            levels.setdefault(tr["type"], set()).add(tr["level"])
            kinds |= {gap_kind(m) for g in tr["gaps"] for m in g["missing"]}
    expected = {tr.type: {"未達", *(lv.level for lv in tr.levels)} for tr in catalog.rules.types}
    assert levels == expected
    assert kinds == {
        "certificate count",
        "tool domains",
        "single tool item",
        "tool kinds",
        "tool total",
        "summed areas",
        "plain hours",
    }
    assert policies == {"either", "both"}


# ------------------------------------------------------------------ English texts
@pytest.mark.parametrize("name", PROFILES)
def test_english_report_is_english_with_glossed_terms(name: str, catalog: Catalog) -> None:
    result = result_of(catalog, name)
    for with_rules in (True, False):
        assert_english(render_text(result, with_rules=with_rules, lang="en"), catalog)
    for tr in result["types"]:
        assert_english("\n".join([type_heading(tr, "en"), *rule_lines(tr, "en"), *gap_lines(tr, lang="en")]), catalog)


@pytest.mark.parametrize("name", PROFILES)
def test_english_numbers_are_the_engines(name: str, catalog: Catalog) -> None:
    result = result_of(catalog, name)
    text = render_text(result, lang="en")
    policy = catalog.rules.policies[result["policy"]].label_en
    assert text.splitlines()[0].endswith(f"(guideline version {result['guideline_version']}; {policy})")
    for tr in result["types"]:
        number = english.type_number(tr["number"])
        assert f"{number}. {tr['type']} ({tr['name_en']}): {english.level_term(tr['level'])}" in text
        lines = rule_lines(tr, "en")
        assert len(lines) == len(tr["rules"]) == len(rule_lines(tr))
        for rule, line in zip(tr["rules"], lines, strict=True):
            assert line.startswith(
                f"{'✅' if rule['met'] else '❌'} [{rule['id']}] {english.level_term(rule['level'])}"
            )
            assert english.route_en(rule["route"]) in line and english.rule_term(rule["id"], rule["rule"]) in line
            marks = re.findall(r"\d(?:/\d+(?:\.\d+)?)(?: hours?)? ([✓✗])", line)
            assert marks == ["✓" if c["met"] else "✗" for c in rule["conditions"]], line
            for cond in rule["conditions"]:
                assert f" {cond['value']:g}/{cond['threshold']:g}" in line
        gaps = [g for g in gap_lines(tr, lang="en") if not g.startswith("  ")]
        assert len(gaps) == len(tr["gaps"])
        for gap, line in zip(tr["gaps"], gaps, strict=True):
            assert line.startswith(
                f"To reach {english.level_term(gap['level'])} by the {english.route_en(gap['route'])}"
            )
            assert (english.rule_term(gap["rule_id"], gap["rule"]) in line) == gap["alternative"]
            for m in gap["missing"]:
                assert f"{m['shortfall']:g} more " in line
                if gap_kind(m) != "certificate count":
                    pattern = (
                        rf"\(now (at most )?{m['value']:g}( tool domains?)?, needs (at least )?{m['threshold']:g}\)"
                    )
                    assert re.search(pattern, line), (pattern, line)
    assert summary_en(result) in text
    assert text.endswith("\nSource: 附件(二) 表5, 附件(三) 表6")


def test_english_gap_wording(catalog: Catalog) -> None:
    tools = {tr["type"]: tr for tr in result_of(catalog, "literacy_and_one_tool_item")["types"]}
    lines = gap_lines(tools["AI 工具應用"], lang="en")
    assert lines[0] == (
        "To reach 進階 (advanced) by the certificate route: 2 more tool (工具類) certificates of different tool "
        "domains (非同類工具) (now 0 tool domains, needs 2)"
    )
    assert lines[1].startswith("  Consider: iPAS 中級AI應用規劃師能力鑑定 (iPAS AI Application Planner Certification")
    assert "by Industrial Development Administration, Ministry of Economic Affairs; " in lines[1]
    assert lines[1].endswith(" (6 in all)")
    assert lines[2] == (
        "To reach 進階 (advanced) by the training route: 1 more different tool item with training hours "
        "(now 1, needs at least 2); 10 more hours of AI 工具應用 (AI tool) training across tool items "
        "(now 20, needs 30)"
    )
    modelling = tools["AI 模型訓練"]
    assert gap_lines(modelling, lang="en")[0] == (
        "To reach 具備 (attained) by the certificate route (專案類1張 (1 project certificate)): "
        "1 more project (專案類) certificate"
    )
    assert (
        "1 more literacy (素養類) certificate; 3 more tool (工具類) certificates" in gap_lines(modelling, lang="en")[2]
    )
    assert gap_lines(modelling, lang="en")[-1] == (
        "To reach 具備 (attained) by the training route: 10 more hours of AI 工具應用 (AI tool) + "
        "AI 程式語言應用 (AI programming) training combined (now 20, needs 30); "
        "30 more hours of AI 模型訓練 (model training) courses (now 0, needs 30)"
    )
    near = {tr["type"]: tr for tr in result_of(catalog, "one_domain_twice")["types"]}
    assert "(now 1 tool domain, needs 2)" in gap_lines(near["AI 工具應用"], lang="en")[0]
    assert "11.5 more hours of AI 應用素養 (AI literacy) training (now 6.5, needs 18)" in "\n".join(
        gap_lines(near["AI 應用素養"], lang="en")
    )
    single = {tr["type"]: tr for tr in result_of(catalog, "nearly_developer")["types"]}
    assert "5.5 more hours of training in a single tool item (now at most 12.5, needs 18)" in "\n".join(
        gap_lines(single["AI 工具應用"], lang="en")
    )


def test_english_rule_lines(catalog: Catalog) -> None:
    tools = next(tr for tr in result_of(catalog, "tool_advanced_by_training")["types"] if tr["type"] == "AI 工具應用")
    assert rule_lines(tools, "en")[-1] == (
        "✅ [T2-A-H1] 進階 (advanced), training route: AI 應用素養18小時；進階：二項以上工具累計30小時 "
        "(AI literacy 18 hours; advanced: 30 hours in total across two or more tools) — "
        "AI 應用素養 (AI literacy) training 18/18 hours ✓; different tool items with training hours 2/2 ✓; "
        "AI 工具應用 (AI tool) training across tool items 30/30 hours ✓"
    )
    assert type_heading(tools, "en") == "2. AI 工具應用 (AI Tool Application): 進階 (advanced)"


def test_english_summary(catalog: Catalog) -> None:
    assert summary_en(result_of(catalog, "nothing")) == (
        "No competency type's reference indicators are met yet. Does not yet meet the competency reference "
        "indicators of AI 應用人才 (AI Application Talent (AI Practitioner)) or AI 開發人才 (AI Development Talent "
        "(AI Developer))."
    )
    everything = summary_en(result_of(catalog, "both_policy_everything"))
    assert everything.startswith(
        "Reached: AI 應用素養 (AI Literacy) at 具備 (attained); AI 工具應用 (AI Tool Application) at 進階 (advanced); "
    )
    assert (
        "Meets the competency reference indicators of AI 應用人才 (AI Application Talent (AI Practitioner)) and "
        in (everything)
    )
    assert everything.endswith(
        "AI 程式語言應用 (AI Programming Application) is 具備 (attained): it is the competency that bridges "
        "AI 應用人才 (AI Application Talent (AI Practitioner)) and AI 開發人才 (AI Development Talent (AI Developer))."
    )
    # the bridge note only when 三 is reached, as in the engine's Chinese summary
    for name in PROFILES:
        result = result_of(catalog, name)
        assert ("bridges" in summary_en(result)) == ("銜接" in result["summary"])


def test_glossary_reads_the_data_files(catalog: Catalog) -> None:
    assert [english.level_en(lv) for lv in ("未達", "初階", "進階", "具備")] == [
        "not reached",
        "basic",
        "advanced",
        "attained",
    ]
    assert english.route_en("training") == "training route" and english.route_en("certificate") == "certificate route"
    assert english.policy_en("both") == catalog.rules.policies["both"].label_en
    assert english.category_term("素養類") == "literacy (素養類)"
    assert [english.type_number(tr.number) for tr in catalog.rules.types] == [1, 2, 3, 4, 5]
    assert english.talent_term("AI 開發人才") == "AI 開發人才 (AI Development Talent (AI Developer))"
    assert english.type_term("AI 工具應用") == "AI 工具應用 (AI Tool Application)"
    assert english.tool_item_term("文書") == "文書 (Text and Document Applications)"
    assert english.measure_en(["literacy"]) == "AI 應用素養 (AI literacy) training"
    assert english.amount_en(["cert_專案類"], 1) == "1 more project (專案類) certificate"
    assert english.amount_en(["programming"], 1) == "1 more hour of AI 程式語言應用 (AI programming) training"
    assert english.area_en("tool.圖文") == "AI 工具應用 (AI tool) · 圖文 (Image Applications)"
    assert english.source_en("附件(二) 表5", "附件(三) 表6") == "Source: 附件(二) 表5, 附件(三) 表6"
    every_rule = [r for tr in catalog.rules.types for lv in tr.levels for r in lv.rules]
    assert all(english.rule_text_en(r.id) == r.text_en and not CJK.search(r.text_en) for r in every_rule)


# ------------------------------------------------------------------ the Chinese rendering is unchanged
ZH_EVERYTHING = (
    "AI 產業人才能力自我評估結果（指引版本 115v3.0；判定方式：任一途徑達成即可）\n\n"
    "一、AI 應用素養：具備\n"
    "  ✅ [T1-C1] 具備・證照：素養類1張（素養類證照 1/1 張✓）\n"
    "  ❌ [T1-H1] 具備・受訓時數：18小時（AI 應用素養 受訓時數 0/18 小時✗）\n\n"
    "二、AI 工具應用：進階\n"
    "  ✅ [T2-B-C1] 初階・證照：初階：工具類1張（工具類證照 2/1 張✓）\n"
    "  ❌ [T2-B-H1] 初階・受訓時數：AI 應用素養18小時；初階：單一工具18小時（AI 應用素養 受訓時數 0/18 小時✗；"
    "單一工具項目 受訓時數 0/18 小時✗）\n"
    "  ✅ [T2-A-C1] 進階・證照：進階：工具類2張(非同類工具)（不同工具領域的工具類證照 2/2 張✓）\n"
    "  ❌ [T2-A-H1] 進階・受訓時數：AI 應用素養18小時；進階：二項以上工具累計30小時（AI 應用素養 受訓時數 0/18 小時✗；"
    "有受訓時數的工具項目 0/2 項✗；AI 工具應用 受訓時數（各項工具合計） 0/30 小時✗）\n\n"
    "三、AI 程式語言應用：具備\n"
    "  ✅ [T3-C1] 具備・證照：工具類1張（工具類證照 2/1 張✓）\n"
    "  ❌ [T3-H1] 具備・受訓時數：AI 應用素養18小時；AI 工具應用18小時；AI 程式語言應用12小時（AI 應用素養 受訓時數 "
    "0/18 小時✗；AI 工具應用 受訓時數（各項工具合計） 0/18 小時✗；AI 程式語言應用 受訓時數 0/12 小時✗）\n\n"
    "四、AI 模型訓練：具備\n"
    "  ✅ [T4-C1] 具備・證照：專案類1張（專案類證照 1/1 張✓）\n"
    "  ❌ [T4-C2] 具備・證照：素養類1張+工具類3張（素養類證照 1/1 張✓；工具類證照 2/3 張✗）\n"
    "  ❌ [T4-H1] 具備・受訓時數：AI 應用素養18小時；AI 工具應用或AI程式語言應用累計30小時；AI 模型訓練30小時"
    "（AI 應用素養 受訓時數 0/18 小時✗；AI 工具應用＋AI 程式語言應用 累計受訓時數 0/30 小時✗；"
    "AI 模型訓練 受訓時數 0/30 小時✗）\n\n"
    "五、AI 服務開發：具備\n"
    "  ✅ [T5-C1] 具備・證照：專案類1張（專案類證照 1/1 張✓）\n"
    "  ❌ [T5-H1] 具備・受訓時數：AI 應用素養18小時；AI 工具應用或AI程式語言應用累計30小時；"
    "AI 模型訓練或AI服務開發48小時"
    "（AI 應用素養 受訓時數 0/18 小時✗；AI 工具應用＋AI 程式語言應用 累計受訓時數 0/30 小時✗；"
    "AI 模型訓練＋AI 服務開發 累計受訓時數 0/48 小時✗）\n\n"
    "已達成：AI 應用素養（具備）、AI 工具應用（進階）、AI 程式語言應用（具備）、AI 模型訓練（具備）、"
    "AI 服務開發（具備）。"
    "符合 AI 應用人才、AI 開發人才 的能力參考指標。AI 程式語言應用 已具備，是銜接 AI 應用人才與 AI 開發人才的能力。\n"
    "出處：附件(二) 表5、附件(三) 表6"
)
ZH_TOOL_GAPS = [
    "  ➜ 要達到「進階」，證照途徑：尚缺 不同工具領域的工具類證照 2 張",
    "    可考慮：iPAS 中級AI應用規劃師能力鑑定（經濟部產業發展署）、生成式AI辦公室應用能力認證（資訊工業策進會）、"
    "TQC+ GenAI輔助資料擷取與分析Python（中華民國電腦技能基金會） 等 6 張",
    "  ➜ 要達到「進階」，受訓時數途徑：尚缺 1 項有受訓時數的工具項目（需至少 2 項，目前 1 項；可選：圖文、影像、音源、"
    "自動化）；AI 工具應用 時數尚缺 10 小時（目前合計 20 小時，需 30 小時）",
    "  ➜ 要達到「具備」，證照途徑（素養類1張+工具類3張）：尚缺 素養類證照 1 張；尚缺 工具類證照 3 張",
    "  ➜ 要達到「具備」，受訓時數途徑：AI 工具應用＋AI 程式語言應用 累計時數尚缺 10 小時"
    "（目前合計 20 小時，需 30 小時）；"
    "AI 模型訓練 時數尚缺 30 小時",
]


def test_chinese_report_unchanged(catalog: Catalog) -> None:
    everything = assess(
        parse_profile({"certifications": PROFILES["both_policy_everything"]["certifications"]}, catalog), catalog
    )
    assert render_text(everything) == render_text(everything, lang="zh") == ZH_EVERYTHING
    lines = render_text(result_of(catalog, "literacy_and_one_tool_item"), with_rules=False).splitlines()
    assert lines[:4] == [
        "AI 產業人才能力自我評估結果（指引版本 115v3.0；判定方式：任一途徑達成即可）",
        "",
        "一、AI 應用素養：具備",
        "",
    ]
    assert all(line in lines for line in ZH_TOOL_GAPS)
    assert lines[-2:] == [
        "已達成：AI 應用素養（具備）、AI 工具應用（初階）。符合 AI 應用人才 的能力參考指標。",
        "出處：附件(二) 表5、附件(三) 表6",
    ]
    both = result_of(catalog, "both_policy_certificates_only")
    assert render_text(both).startswith(
        "AI 產業人才能力自我評估結果（指引版本 115v3.0；判定方式：證照與受訓時數兩途徑皆需達成）"
    )
    # Simplified answers (rag/situation.py) convert the Chinese text: it is still converted the same way
    assert to_simplified(ZH_TOOL_GAPS[0]) == "  ➜ 要达到「进阶」，证照途径：尚缺 不同工具领域的工具类证照 2 张"


def test_chinese_why_view_unchanged(catalog: Catalog) -> None:
    flow = AssessmentFlow(catalog)
    state = flow.start("beef")
    state.selected = list(PROFILES["both_policy_everything"]["certifications"])
    state.step = Step.RESULT
    why = flow.why_view(state, "zh").text
    assert why.startswith(
        "判定依據（表5 每條規則、門檻與您的數值）：\n\n一、AI 應用素養：具備\n"
        "✅ [T1-C1] 具備・證照：素養類1張（素養類證照 1/1 張✓）\n"
        "❌ [T1-H1] 具備・受訓時數：18小時（AI 應用素養 受訓時數 0/18 小時✗）\n\n二、AI 工具應用：進階\n"
    )
    assert why.endswith("\n\n出處：附件(二) 表5")
    english_why = flow.why_view(state, "en").text
    assert english_why.startswith(f"{t('why_title', 'en')}\n\n1. AI 應用素養 (AI Literacy): 具備 (attained)\n")
    assert english_why.endswith("\n\nSource: 附件(二) 表5")
    assert_english(english_why, catalog)


# ------------------------------------------------------------------ through the conversation core
class EnglishUser:
    """One English-speaking user (Telegram language_code "en") against the core, state kept as a store would."""

    def __init__(self, conversation: Conversation) -> None:
        self.conversation = conversation
        self.state: dict[str, Any] | None = None
        self.last: list[Reply] = []

    def send(self, kind: str, text: str) -> None:
        outcome = self.conversation.handle(self.state, Event(kind, text, "en"))  # type: ignore[arg-type]
        self.state = json.loads(json.dumps(outcome.state))
        self.last = outcome.replies

    def press(self, label: str) -> None:
        for reply in reversed(self.last):
            for row in reply.buttons:
                for button in row:
                    if button.label == label:
                        return self.send("button", button.data)
        raise AssertionError(f"no button {label!r} in {[r.text[:40] for r in self.last]}")

    def text(self) -> str:
        return "\n".join(r.text for r in self.last)


def test_guided_assessment_in_english(catalog: Catalog, advisor) -> None:  # noqa: ANN001
    user = EnglishUser(Conversation(catalog, advisor))
    user.send("command", "/assess")
    user.press(t("start", "en"))
    for name in ("AWS Certified AI Practitioner", "iii-genai-office"):
        user.send("text", name)
    while user.state and user.state["flow"]["step"] == "certs":
        labels = [b.label for r in user.last for row in r.buttons for b in row]
        user.press(t("next_category", "en") if t("next_category", "en") in labels else t("done", "en"))
    hours = ["20", "18", "0", "0", "0", "6", "12", "24", "0"]
    for value in hours:
        user.send("text", value)
    review = user.text()
    assert (
        "• AI 應用素養 (AI literacy): 20" in review
        and "• AI 工具應用 (AI tool) · 文書 (Text and Document Applications): 18" in review
    )
    assert "：" not in review.split(t("review_hours", "en"))[1]
    user.press(t("compute", "en"))
    profile = {
        "certifications": ["aws-ai-practitioner", "iii-genai-office"],
        "hours": {"literacy": 20, "tool": {"文書": 18, "自動化": 6}, "programming": 12, "model_training": 24},
    }
    expected = assess(parse_profile(profile, catalog), catalog)
    result = user.text()
    assert result == render_text(expected, with_rules=False, lang="en")
    assert (
        "2. AI 工具應用 (AI Tool Application): 初階 (basic)" in result
        and "Source: 附件(二) 表5, 附件(三) 表6" in result
    )
    assert summary_en(expected) in result and expected["summary"] not in result
    assert_english(result, catalog)
    assert user.last[0].chart is not None  # the result picture still comes with the text
    user.press(t("why", "en"))
    why = user.text()
    assert (
        "[T4-H1] 具備 (attained), training route:" in why
        and "AI 模型訓練 (model training) courses 24/30 hours ✗" in why
    )
    assert_english(why, catalog)
