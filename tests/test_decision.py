"""The decision table: every answer names the rule that produced it, counts come from the data, and
out-of-scope words are weighed against what the question asks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from knowledge.catalog import Catalog
from rag.plan import RULES, PlanKind, Rule, decision_table, rule
from tests.conftest import ROOT

pytestmark = pytest.mark.usefixtures("advisor")


def test_every_rule_has_a_unique_id_and_priority() -> None:
    table = decision_table()
    ids = [row[1] for row in table]
    priorities = [row[0] for row in table]
    assert len(set(ids)) == len(ids) and len(set(priorities)) == len(priorities)
    assert priorities == sorted(priorities, reverse=True)
    assert table[-1][1] == "retrieval.passages"  # the table ends in the rule that always applies
    assert {row[2] for row in table} == {k.value for k in PlanKind}


def test_english_category_overview_says_what_each_category_assesses(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("Could you list the certification categories and what each one focuses on?")
    assert "ethics" in answer.text and "hands-on" in answer.text and "whole AI project" in answer.text, answer.text


def test_the_readme_shows_the_decision_table_as_registered() -> None:
    """The README's table is generated from the registry; a rule added without regenerating it is caught."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### The decision table", 1)[1].split("\n#", 1)[0]
    shown = [line for line in section.splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert shown == [f"| {p} | `{r}` | {k} | {d} |" for p, r, k, d in decision_table()]


def test_registering_a_colliding_rule_is_refused() -> None:
    taken: Rule = RULES[0]
    with pytest.raises(ValueError, match="collides"):
        rule(taken.id, 1, PlanKind.VIEW, "duplicate")(lambda q: None)


def test_total_count_is_computed_from_the_catalog(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    answer = advisor.respond("表6 一共有多少張證照？")
    total = len(catalog.certifications)
    split = "、".join(f"{c.name} {len(catalog.certs_in(c.name))} 張" for c in catalog.cert_categories.categories)
    assert answer.text.startswith(f"表6 共列 {total} 張認證：{split}。")
    assert answer.rule == "query.count_certs"


def test_issuer_count_states_the_number_first(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    answer = advisor.respond("資策會在表6 裡辦了幾張認證？")
    n = sum(1 for c in catalog.certifications if c.issuer == "資訊工業策進會")
    assert f"共 {n} 張" in answer.text.split("\n")[0]


def test_scope_filter_counts_international_tool_certificates(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    answer = advisor.respond("工具類認證裡有幾張是國外廠商辦的？")
    certs = [c for c in catalog.certs_in("工具類") if c.scope == "國際"]
    assert f"共 {len(certs)} 張" in answer.text and all(c.name in answer.text for c in certs)
    domestic = [c for c in catalog.certs_in("工具類") if c.scope == "國內"]
    assert not any(c.name in answer.text for c in domestic)


def test_table_rows_are_counted(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    answer = advisor.respond("表10 舉例了幾個產業別？")
    n = sum(1 for s in catalog.industries.scenarios if s.source.endswith("表10"))
    assert answer.rule == "query.count_table_rows" and f"共列 {n} 個產業別" in answer.text


def test_comparison_puts_both_side_by_side(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("AI 加值型和 AI 導入型有什麼不同？")
    assert answer.rule in ("query.compare", "view.overview")
    assert "AI 加值型" in answer.text and "AI 導入型" in answer.text and "表7" in answer.text


def test_which_of_named_certificates_are_in_a_category(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond(
        "AWS Certified AI Practitioner 和 NVIDIA Certified Associate: Generative AI & LLMs 哪張是工具類？"
    )
    first = answer.text.split("\n")[0]
    assert answer.rule == "query.classify_named_certs"
    assert "NVIDIA" in first and "AWS" not in first


@pytest.mark.parametrize(
    "question",
    [
        "I earn my living as a marketer; which certificate fits me?",  # 'earn' is context, the ask is a cert
        "學資料分析的人未來兩年該考哪張證照？",  # a time phrase next to a certificate question
        "部門打算用預算補助大家考工具類，表6裡有哪些？",  # the subsidy is where the asker stands
    ],
)
def test_out_of_scope_words_in_passing_do_not_decline(advisor, question: str) -> None:  # noqa: ANN001
    answer = advisor.respond(question)
    assert answer.answered, (answer.rule, answer.text)


@pytest.mark.parametrize(
    ("question", "rule_prefix"),
    [
        ("轉職當 AI 產品經理，起薪大概可以抓多少？", "scope."),  # the asking clause is about pay
        ("AIATCL 的報名費多少？", "scope.never_answered"),  # fees are never outweighed by a named cert
        ("Cisco 的 AI 證照算素養類還是工具類？", "scope.unknown_certification"),
        ("日本的數位技能標準裡，AI 人才分成哪幾種角色？", "scope."),
        ("公司可以強制規定員工考 AI 證照，沒考到就扣考績嗎？", "scope."),
        ("用 Python 寫一段訓練模型的程式碼給我", "scope.never_answered"),
        ("Thanks! Now please draft a LinkedIn post announcing our new AI team.", "scope.never_answered"),
        ("公司自辦的「AI 種子教官」證照，在表6 算哪一類？", "scope.unknown_certification"),
        ("What does the EU AI Act require from companies that deploy chatbots?", "scope.outweighed"),
        ("Will our exam be added in the next version of the guideline?", "scope.outweighed"),
        ("我們推出了「AI 短影音企劃認證」，表6 沒有，算哪一類？", "scope.unknown_certification"),
        ("推薦我一支上課用的簡報筆，預算兩千以內", "scope.outweighed"),
        ("下週統計學期末考，你覺得我該怎麼念？", "scope.outweighed"),  # school work
        ("同事最近情緒很低落，我該怎麼開口關心？", "scope."),  # how someone feels
        ("年底春酒想玩抽獎，有什麼好點子？", "scope.outweighed"),  # a company event
    ],
)
def test_out_of_scope_questions_name_the_rule(advisor, question: str, rule_prefix: str) -> None:  # noqa: ANN001
    answer = advisor.respond(question)
    assert not answer.answered and answer.rule.startswith(rule_prefix), (answer.rule, answer.text)


def test_typos_of_names_are_recognised(advisor) -> None:  # noqa: ANN001
    assert "工具類" in advisor.respond("NVDIA那兩張証照是哪一類的").text
    assert advisor.respond("表6裡專按類的認證有哪些").rule == "view.cert_category"


def test_english_answers_keep_the_guideline_name_of_the_issuer(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("Who issues the iPAS 初級 certification?")
    assert "經濟部產業發展署" in answer.text


def test_ask_json_names_the_rule(indexed_data_dir) -> None:  # noqa: ANN001
    out = subprocess.run(
        [sys.executable, "-m", "advisor.cli", "ask", "AIATCL 是誰辦的？", "--json"],
        capture_output=True,
        text=True,
        env={"DATA_DIR": str(indexed_data_dir), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    data = json.loads(out.stdout)
    assert data["rule"] == "view.certification" and data["answered"] is True


def test_scope_words_may_not_match_guideline_names(catalog: Catalog, tmp_path) -> None:  # noqa: ANN001
    """The load-time check: an out-of-scope pattern that would decline a guideline name is refused."""
    import shutil

    from rag.understanding import DATA, QueryUnderstanding

    for f in DATA.iterdir():
        shutil.copy(f, tmp_path / f.name)
    intents = (tmp_path / "intents.yaml").read_text(encoding="utf-8")
    intents = intents.replace("      - '(薪水|", "      - '(產品經理|薪水|", 1)
    (tmp_path / "intents.yaml").write_text(intents, encoding="utf-8")
    with pytest.raises(ValueError, match="產品經理"):
        QueryUnderstanding(catalog, tmp_path)


def test_talent_job_titles_are_listed_and_counted(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    answer = advisor.respond("AI 應用人才的常見職稱一共有幾個？")
    roles = [r for r in catalog.role_list if r.talent_category == "AI 應用人才"]
    assert answer.rule == "view.talent" and f"共列 {len(roles)} 項" in answer.text.split("\n")[0]
    assert all(r.titles[0] in answer.text for r in roles)


def test_the_levels_of_a_type_are_its_table5_indicators(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("AI 工具應用的初階和進階要怎麼區分？")
    assert answer.text.startswith("二、AI 工具應用 的自我評估參考指標（表5）")
    assert "非同類工具" in answer.text


def test_table5_views_give_the_fewest_course_hours(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    answer = advisor.respond("只靠上課的話，AI 程式語言應用最少總共要幾小時？")
    rule = next(
        r
        for t in catalog.rules.types
        if t.type == "AI 程式語言應用"
        for lv in t.levels
        for r in lv.rules
        if r.route == "training"
    )
    total = sum(c.threshold for c in rule.conditions)
    assert f"合計至少 {total:g} 小時" in answer.text


def test_a_later_part_naming_nothing_asks_about_the_part_before(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("AI 模型訓練是什麼？證照跟時數各要多少？")
    assert "四、AI 模型訓練 的自我評估參考指標" in answer.text


def test_materials_for_a_type_name_the_materials_that_cover_it(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    covering = [r.name for r in catalog.resources.resources if "AI 應用素養" in r.competency_types]
    answer = advisor.respond("想自學 AI 應用素養，指引有推薦什麼教材嗎")
    assert answer.rule == "view.resources_for_type" and all(name in answer.text for name in covering)
    assert answer.text.count(catalog.resources.usage_note) == 1
    # a type no material covers: say so, and point to 表5's tools instead of a material
    uncovered = advisor.respond("AI 模型訓練有推薦的學習資源嗎")
    assert "沒有專為 AI 模型訓練 列出教材" in uncovered.text and "PyTorch" in uncovered.text


def test_an_attribute_of_a_material_is_not_the_overview_it_names(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("公版教材對應哪些能力類型")
    assert answer.rule == "view.resources" and "AI 工具應用" in answer.text and "AI 服務開發" not in answer.text


@pytest.mark.parametrize(
    ("typed", "rule_id"),
    [
        ("how many cerifications are in the tool categroy", "query.count_certs"),
        ("which certifcate should I take for AI model trainng?", "view.type_or_item"),
    ],
)
def test_english_typos_are_read_as_the_words_meant(advisor, typed: str, rule_id: str) -> None:  # noqa: ANN001
    assert advisor.respond(typed).rule == rule_id


def test_a_correct_english_word_is_never_corrected(advisor) -> None:  # noqa: ANN001
    speller = advisor.understanding.speller
    assert speller.suggestion("categroy") == "category"
    assert speller.suggestion("employee") is None  # an English word, one edit from "employer"
    assert speller.correct("nvdia 那兩張證照") == "nvidia 那兩張證照"


def test_a_role_card_names_the_career_routes_through_it(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("資料分析師在指引裡算應用人才還是開發人才?")
    assert "資料專業路徑：資料分析師 → 資料科學家" in answer.text and "附件(五)" in answer.text


def test_a_talent_career_answer_says_where_to_start_in_table5(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    # (a plan since issue 10: what to reach first is the plan's 「需同時達到」, from 表5's summary rule)
    answer = advisor.respond("我是行銷背景完全不會寫程式，想轉成AI應用人才，照指引我要先準備什麼")
    first = next(r for r in catalog.rules.types if r.type == "AI 應用素養").levels[0]
    assert answer.rule == "situation.learning_plan" and f"需同時達到：AI 應用素養 {first.level}" in answer.text


def test_a_talent_card_gives_each_type_its_programming_level(advisor) -> None:  # noqa: ANN001
    assert "AI 工具應用（No-code）" in advisor.respond("AI 應用人才需要哪些能力").text


def test_a_one_type_result_names_what_the_facts_reach_elsewhere(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("同事有 EEC企業電子化人工智慧應用師，這樣在AI工具應用算初階嗎？")
    assert "二、AI 工具應用：未達" in answer.text and "其他能力類型：AI 應用素養 具備" in answer.text


def test_a_category_count_states_the_count_first(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    n = len(catalog.certs_in("工具類"))
    assert advisor.respond("工具類有幾張").text.startswith(
        f"表6 列出的工具類認證共 {n} 張（全表共 {len(catalog.certifications)} 張）。"
    )
    assert advisor.respond("how many are in the tool category").text.startswith(f"表6 lists {n} 工具類")


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("可以直接把客戶名單丟進免費版chatgpt幫我整理嗎", "隱私保護"),  # a dimension by what people call it
        ("報告是 AI 幫忙寫的，如果內容出包，責任算誰的？", "若未適當揭露"),
        ("我們HR想用AI先篩一輪履歷，指引有什麼要提醒的嗎？", "人工監督與複核"),  # the role only says who asks
        ("聽說數位部的 AI 風險是分等級管理？總共分成幾類", "人機互動"),
        ("What's the difference between the 'AI value-added' type and the 'AI adoption' type?", "AI 加值型"),
        ("想當 AI 研究人才需要什麼學歷？", "碩博士"),
        ("我是人資，想幫行政同仁規劃上課讓他們工具應用達到進階，每人最少要排幾小時的課？", "合計至少 48 小時"),
        # a tool named beside its hours is not an unknown certificate
        (
            "我的 training hours: AI literacy 18hr、文書 tools 20hr、automation (n8n) 15hr，"
            "沒有 cert，AI 工具應用是初階還進階?",
            "二、AI 工具應用：進階",
        ),
        # a family member named (a life topic word) does not outweigh stated facts and a level question
        (
            "帮我老婆问一下：她上过AI素养课 20 小时，文书类AI工具 18 小时，她的AI工具应用算初阶吗？",
            "二、AI 工具应用：初阶",
        ),
        (
            "My colleague has Microsoft Certified: Azure AI Engineer Associate (AI-103). "
            "Which talent category does he meet?",
            "AI 開發人才",
        ),
        ("用AI查資料，它給我一篇根本不存在的論文，指引怎麼看？", "資訊判斷"),
        ("護理站有人把病人資料貼到免費版ChatGPT，這樣可以嗎？", "隱私保護"),
        ("我歷史系畢業，想轉 AI 領域，適合走哪條路？最後可以發展成什麼職位？", "AI 產品經理"),
    ],
)
def test_named_by_how_people_say_it(advisor, question: str, fact: str) -> None:  # noqa: ANN001
    answer = advisor.respond(question)
    assert answer.answered and fact in answer.text, answer.text


def test_study_duration_is_not_answered(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("How many weeks should I study to pass the AWS Certified AI Practitioner?")
    assert not answer.answered


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        ("我是不碰程式的業務，公司要我們變成 AI 人才，我算哪一型？", ["AI 應用人才", "AI 加值型"]),
        ("在研究室發表論文、申請專利的人，在指引裡算哪一種人才？", ["AI 研究人才"]),
    ],
)
def test_which_talent_from_what_a_person_does(advisor, question: str, facts: list[str]) -> None:  # noqa: ANN001
    answer = advisor.respond(question)
    # the person's own work (view.own_work) or what they do in general (view.which_talent)
    assert answer.rule in ("view.which_talent", "view.own_work"), answer.rule
    assert all(f in answer.text for f in facts), answer.text


@pytest.mark.parametrize(
    ("question", "rule_id", "facts"),
    [
        # a certificate asked whether it counts toward a type: the engine over it alone, yes first
        (
            "Google Cloud Professional Machine Learning Engineer 能證明 AI 模型訓練的能力嗎？",
            "query.certificate_alone",
            ["可以", "專案類", "AI 模型訓練 具備", "T4-C1"],
        ),
        # …and not enough on its own: what the next level needs
        (
            "只考 iPAS 初級AI應用規劃師，算得上 AI 工具應用初階嗎",
            "query.certificate_alone",
            ["單憑這張還不夠", "素養類", "工具類證照 1 張"],
        ),
        # a talent category asked of a certificate
        (
            "AWS Certified Machine Learning Engineer (Associate) 可以直接算開發人才嗎",
            "query.certificate_alone",
            ["可以", "符合 AI 開發人才"],
        ),
        (
            "Would AWS Certified AI Practitioner count toward AI 工具應用?",
            "query.certificate_alone",
            ["Not on its own", "素養類"],
        ),
    ],
)
def test_whether_a_certificate_counts_is_computed_by_the_engine(advisor, question, rule_id, facts) -> None:  # noqa: ANN001
    answer = advisor.respond(question)
    assert answer.rule == rule_id, (answer.rule, answer.text)
    for fact in facts:
        assert fact in answer.text, (fact, answer.text)


def test_retired_certificates_come_from_the_data(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    retired = [c for c in catalog.certifications if c.replaces]
    answer = advisor.respond("表6 有哪些認證快要停辦了？")
    assert answer.rule == "query.retired_certs"
    assert f"{len(retired)} 張" in answer.text
    for c in retired:
        assert c.replaces in answer.text and c.name in answer.text
    assert "圖3 未列出此認證" not in answer.text  # a note that is not about retirement is not listed


@pytest.mark.parametrize(
    ("question", "talent", "archetype"),
    [
        ("我在診所當護理師，交班紀錄現在都先叫 ChatGPT 整理，我算哪一類人才？", "AI 應用人才", "AI 加值型"),
        ("我是資料工程師，每天用 Python 寫資料管線、把模型部署上線，這樣算哪一類？", "AI 開發人才", None),
        ("我在研究所做圖神經網路的研究，正在寫論文，我屬於哪種人才", "AI 研究人才", None),
        ("我在公司負責規劃導入 AI 的流程，到各部門做需求訪談，我算哪一型？", "AI 應用人才", "AI 導入型"),
        ("我完全不會寫code，平常用 Canva 做海報，算哪種AI人才", "AI 應用人才", "AI 加值型"),
        (
            "I'm an accountant and I use ChatGPT every day for my reports. Which talent category am I?",
            "AI 應用人才",
            "AI 加值型",
        ),
    ],
)
def test_ones_own_work_points_to_a_talent_category(advisor, question, talent, archetype) -> None:  # noqa: ANN001
    answer = advisor.respond(question)
    assert answer.rule == "view.own_work", (answer.rule, answer.text)
    first = answer.text.split("\n")[0]
    assert talent in first, first
    if archetype:
        assert archetype in first, first
    else:
        assert "加值型" not in first and "導入型" not in first, first


def test_a_named_ai_role_answers_before_the_work_described(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我是資料科學家，資料科學家算哪一類人才？")
    assert answer.rule != "view.own_work" and "AI 開發人才" in answer.text


def test_whether_an_act_with_ai_is_all_right_is_answered_from_annex6(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("可以把公司營收報表直接貼進免費版 ChatGPT 請它做摘要嗎？")
    assert answer.answered and answer.rule == "view.responsible_ai", (answer.rule, answer.text)
    assert "免費版與企業版" in answer.text
    # a question that is not about an act with AI stays declined
    assert not advisor.respond("今天的財報公布後股價會漲嗎？").answered


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("IBM AI Engineering Professional Certificate 是素養類嗎", "不是。"),
        ("AWS Certified AI Practitioner 算不算素養類", "是。"),
        ("TQC+ GenAI輔助資料擷取與分析Python 是國際認證嗎？", "不是。"),
    ],
)
def test_a_yes_no_question_about_a_certificate_is_answered_first(advisor, question: str, first: str) -> None:  # noqa: ANN001
    answer = advisor.respond(question)
    assert answer.text.startswith(first), answer.text


def test_the_english_name_is_given_from_the_data(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    role = next(r for r in catalog.role_list if r.name.startswith("資料科學家"))
    answer = advisor.respond(f"{role.name}的英文名稱是什麼？")
    assert answer.rule == "view.english_name" and role.name_en in answer.text, answer.text


def test_the_work_one_wants_is_the_work_read(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我現在在銀行當櫃員，想轉去做幫企業規劃導入 AI 流程的顧問，這種工作叫什麼？")
    assert answer.rule == "view.own_work" and "AI 導入型" in answer.text.split("\n")[0], answer.text


def test_a_difference_between_two_counts_is_computed(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    n = {c.name: len(catalog.certs_in(c.name)) for c in catalog.cert_categories.categories}
    answer = advisor.respond("專案類的證照比素養類少幾張？")
    assert answer.rule == "query.count_certs", answer.rule
    diff = abs(n["專案類"] - n["素養類"])
    assert answer.text.startswith("表6 中") and f"多 {diff} 張" in answer.text.split("\n")[0], answer.text
    by_issuer = advisor.respond("AWS 跟微軟，誰在表6 的證照比較多？")
    aws = sum(1 for c in catalog.certifications if c.issuer.startswith("Amazon"))
    ms = sum(1 for c in catalog.certifications if c.issuer.startswith("Microsoft"))
    assert f"多 {aws - ms} 張" in by_issuer.text.split("\n")[0], by_issuer.text


def test_the_two_industry_tables_are_set_side_by_side(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    rows = catalog.industries.scenarios
    talents = list(dict.fromkeys(r.talent_category for r in rows))
    first = {r.industry for r in rows if r.talent_category == talents[0]}
    second = {r.industry for r in rows if r.talent_category == talents[1]}
    answer = advisor.respond("開發人才那張產業表跟應用人才那張比，有哪些產業只出現在其中一張？")
    assert answer.rule == "query.industry_tables", answer.rule
    for industry in first ^ second:
        assert industry in answer.text


def test_career_paths_asked_of_no_one_list_every_route(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    answer = advisor.respond("這份指引裡的職涯發展路徑長怎樣？")
    assert answer.rule == "view.overview", answer.rule
    for path in catalog.career.paths:
        for route in path.routes:
            assert route.steps[-1] in answer.text
    assert "｜" not in answer.text
    # one's own way somewhere is not the overview
    assert advisor.respond("我現在做行政，以後想轉去做 AI 開發，路要怎麼走？").rule != "view.overview"


def test_a_roles_types_are_its_categorys(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    role = next(r for r in catalog.role_list if r.name.startswith("機器學習"))
    category = next(t for t in catalog.talent.categories if t.name == role.talent_category)
    answer = advisor.respond(f"{role.name}要具備哪幾種能力類型？")
    head = answer.text.split("\n")[0]
    assert all(t in head for t in category.competency_types), head


def test_described_work_asked_as_a_job_title_names_the_role(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我的工作是把錄音檔逐句做標記、分類，給語音模型當訓練資料，這算什麼職位？")
    assert answer.rule == "view.own_work" and "資料標註師" in answer.text.split("\n")[0], answer.text
    # a kind of certificate asked about is not one's work
    cert = advisor.respond("我完全沒寫過程式，想找一張不考實作的入門證照，這種證照在指引裡屬於哪一類？")
    assert cert.rule != "view.own_work" and "素養類" in cert.text, cert.text


@pytest.mark.parametrize(
    ("said", "read"),
    [("AI服務開花要幾小時", "AI服務開發要幾小時"), ("工具運用的進階要什麼", "工具應用的進階要什麼")],
)
def test_a_mistyped_character_in_a_guideline_term_is_read_as_the_term(advisor, said: str, read: str) -> None:  # noqa: ANN001
    assert advisor.understanding.speller.correct_terms(said) == read
    # a word the guideline itself writes is never corrected
    assert advisor.understanding.speller.correct_terms("模型訓練平台") == "模型訓練平台"


def test_hours_after_their_area_and_a_unit_elsewhere_are_each_read(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("服務開發到底要上多久才夠 我已經上40h了 素養有20 程式15 工具35")
    assert answer.rule == "situation.own_result", answer.rule
    assert "AI 服務開發 40 小時" in answer.text and "AI 應用素養 20 小時" in answer.text, answer.text


def test_filling_the_missing_hours_says_which_level_they_reach(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond(
        "我沒有證照，也沒上素養課，但文書 AI 課 20 小時、影像 AI 課 12 小時，補齊以後工具應用會到哪一級？"
    )
    assert "即達「進階」" in answer.text, answer.text


def test_chat_spelling_of_question_words_is_understood(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("tqc人工智慧應用與技術 是啥類的 偶想考")
    assert answer.rule == "view.certification" and "素養類" in answer.text, answer.text
    level = advisor.respond("素養上了20hr 圖文ai也20hr 沒證照 這樣算4算應用人才")
    assert level.rule == "situation.own_result" and "AI 應用人才" in level.text, level.text


def test_an_aside_about_registering_does_not_decline_the_question(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("TQC+ 人工智慧：機器學習 4誰辦的 我下個月要報名 順便問屬於哪類")
    assert answer.answered and "專案類" in answer.text, answer.text
    assert not advisor.respond("TQC+ 人工智慧：機器學習要去哪裡報名？").answered


def test_whether_to_trust_what_ai_said_is_annex6(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("Gemini 給的參考文獻可以相信嗎？")
    assert answer.answered and "附件(六)" in answer.text, answer.text
    assert not advisor.respond("Gemini 說下週會下雨，我要帶傘嗎？").answered


def test_a_part_comparing_the_guideline_with_another_framework_is_not_declined(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("指引的 AI 風險怎麼分類？是不是跟 NIST 一樣分等級？")
    assert answer.answered and "分類管理" in answer.text, answer.text


def test_a_vendors_certificate_not_in_table6_is_declined_even_with_known_words(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("Microsoft Certified Power Platform Developer 在表6 算哪一類？")
    assert not answer.answered and answer.rule == "scope.unknown_certification", answer.rule
    known = advisor.respond("AWS Certified Machine Learning Engineer Associate 算哪一類？")
    assert known.answered and "專案類" in known.text, known.text


def test_a_certificate_being_dropped_asks_for_its_successor(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("聽說微軟有張 AI 工程師的考試之後會廢除？要改考哪張？")
    assert answer.rule.startswith("query.retired_certs") and "AI-103" in answer.text, answer.text


def test_what_an_exam_covers_does_not_make_the_category_question_about_annex6(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我們學校要辦一個 AI 檢定，只考倫理、隱私保護這些觀念，不考實作，這種檢定算哪一類認證？")
    assert answer.rule != "view.responsible_ai" and "素養類" in answer.text, answer.text


def test_described_work_asked_as_abilities_names_types_and_items(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    answer = advisor.respond(
        "我在診所做行政，會議記錄都丟給 AI 整理，也用 Zapier 自動寄提醒信，我這些能力在指引裡算哪一項？"
    )
    assert answer.rule == "view.own_abilities", answer.rule
    tool = catalog.competency_type("AI 工具應用")
    items = {i.name for i in tool.items}
    assert "AI 工具應用" in answer.text and {"文書應用", "自動化應用"} <= items
    assert "文書應用" in answer.text and "自動化應用" in answer.text and "zapier" in answer.text.lower(), answer.text
    # a type named in the question is what is asked about
    assert advisor.respond("我想知道 AI 工具應用底下有哪些能力項目？").rule != "view.own_abilities"


def test_a_categorys_certificate_thresholds_come_from_table5(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    answer = advisor.respond("專案類證照要幾張才夠？")
    assert answer.rule == "query.count_certs" and answer.text.startswith("表5 以專案類證照計的條件"), answer.text
    for t in catalog.rules.types:
        for lv in t.levels:
            for r in lv.rules:
                if r.route == "certificate" and any("cert_專案類" in c.measures for c in r.conditions):
                    assert t.type in answer.text


def test_each_category_counted_separately_and_types_compared_by_how_far_apart(advisor) -> None:  # noqa: ANN001
    each = advisor.respond("工具類跟專案類分別有幾張？")
    assert "工具類認證共 6 張" in each.text and "專案類認證共 7 張" in each.text, each.text
    apart = advisor.respond("AI 應用素養跟 AI 服務開發對寫程式的要求差多少？")
    assert apart.rule == "query.compare" and "No-code" in apart.text and "Pro-code" in apart.text, apart.text


def test_work_one_does_not_do_is_not_evidence(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我負責訪談使用者需求、規劃 AI 導入流程，我不用寫程式也沒有在訓練模型，這算哪種人才？")
    head = answer.text.split("\n")[0]
    assert "AI 應用人才" in head and "寫程式" not in head and "訓練模型" not in head, head


@pytest.mark.parametrize(
    ("said", "read"),
    [("素養累的証造", "素養類的證照"), ("升近階", "升進階"), ("想考ㄧ張", "想考一張"), ("初接觸 AI", "初接觸 ai")],
)
def test_chat_spellings_are_read_as_written_words(said: str, read: str) -> None:
    from rag.textnorm import normalise

    assert normalise(said) == read


def test_an_issuer_and_levels_name_its_certificates_and_english_category_names_filter(advisor) -> None:  # noqa: ANN001
    levels = advisor.respond("iPAS 的初級跟中級各是哪一類認證？")
    assert "素養類" in levels.text and "工具類" in levels.text, levels.text
    filtered = advisor.respond("Which tool certs are offered by NVIDIA or Microsoft?")
    assert filtered.rule == "query.count_certs" and "NVIDIA" in filtered.text, filtered.text
    assert advisor.respond("AI 素養的證照有國外的嗎 想考英文的XD").rule != "scope.unknown_certification"


def test_a_certificate_on_a_resume_is_held(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("應徵者的履歷上只附了一張 AWS Certified AI Practitioner，他算 AI 應用人才嗎？")
    assert answer.rule == "situation.own_result" and "AWS Certified AI Practitioner" in answer.text, answer.text


def test_a_no_names_the_sibling_level_that_is_in_the_category_asked(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    juniors = [c for c in catalog.certifications if "初級" in c.name]
    for c in juniors:
        sibling = next((x for x in catalog.certifications if x.name == c.name.replace("初級", "中級")), None)
        if sibling is None or sibling.category == c.category:
            continue
        answer = advisor.respond(f"{c.name}是{sibling.category}嗎？")
        assert answer.text.startswith("不是。") and sibling.name in answer.text.split("\n")[0], answer.text


def test_a_companys_own_rules_are_declined_and_a_required_certificate_is_not_held(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我們公司內部的 AI 職等升遷，是不是規定要有 AWS Certified AI Practitioner？")
    assert not answer.answered and answer.rule.startswith("scope."), answer.rule


def test_which_of_two_talents_one_certificate_makes_is_the_engines(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond(
        "我只有一張 AWS Certified Machine Learning Engineer (Associate)，沒上過課，我算應用人才還是開發人才？"
    )
    assert answer.rule == "situation.own_result" and "AI 開發人才" in answer.text, answer.text


def test_when_a_certificate_stops_is_its_note_not_an_exam_date(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("微軟的 AI-900 是不是要停了？什麼時候停、之後改考哪張？")
    assert answer.answered and "115/6/30" in answer.text and "AI-901" in answer.text, answer.text


def test_a_quoted_paragraph_keeps_its_opening_sentence(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("聊天機器人給我的統計數字跟出處都是假的，指引對這種事有什麼提醒？")
    assert answer.rule == "retrieval.passages" and "幻覺" in answer.text, answer.text


def test_a_chain_of_steps_done_without_the_person_is_automation(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond(
        "Which competency is it when an AI runs the whole chain — reads the invoices, files them and emails "
        "the accountant — without me touching each step?"
    )
    assert answer.text.startswith("Item 7 自動化應用"), answer.text


@pytest.mark.parametrize(
    "question",
    [
        "公版教材自己讀完，可以抵多少小時的工具應用時數？",
        "上完 AI 素養線上課會給結業證書嗎？",
    ],
)
def test_what_a_course_or_material_is_credited_is_not_stated(advisor, question: str) -> None:  # noqa: ANN001
    answer = advisor.respond(question)
    assert not answer.answered and answer.rule.endswith("scope.never_answered"), (answer.rule, answer.text)


def test_a_level_word_belongs_to_the_certificate_named_last_before_it(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我有 iPAS 初級，另外生成式AI美術設計能力認證的初級跟中級也都考過，工具應用到哪一級？")
    stated = next(line for line in answer.text.split("\n") if line.startswith("依您提供的"))
    assert "iPAS 中級" not in stated and "iPAS 初級" in stated and "初階" in answer.text, answer.text


def test_industries_are_counted_in_the_tables_of_the_category_asked(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    answer = advisor.respond("開發人才那邊的產業例子總共有幾個行業？")
    assert answer.rule == "query.count_table_rows" and answer.text.startswith("表11 共列"), answer.text
    english = advisor.respond("How many industries have examples in the guideline?")  # 'examples' is not 'exam'
    assert english.rule == "query.count_table_rows" and "表10" in english.text and "表11" in english.text


def test_issuers_are_ranked_by_their_certificates(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    counts: dict[str, int] = {}
    for c in catalog.certifications:
        counts[c.issuer] = counts.get(c.issuer, 0) + 1
    top = max(counts.values())
    answer = advisor.respond("表6 裡哪個單位辦的認證最多？")
    first = answer.text.split("。")[0]
    assert all(name in first for name, n in counts.items() if n == top) and f"{top} 張" in first, answer.text


def test_a_type_named_with_a_certificate_question_is_not_a_work_placement(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我在做後端，想用證照讓 AI 服務開發達標，要考哪一類？")
    assert answer.rule == "view.type_or_item" and "專案類" in answer.text, (answer.rule, answer.text)


def test_which_category_and_its_career_path_are_both_answered(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond(
        "Which talent category covers those who come up with new algorithms and publish academic papers, "
        "and what career path does the guideline give them?"
    )
    assert "AI 研究人才" in answer.text and "研究路徑" in answer.text, answer.text


def test_foundations_asked_with_a_role_route_are_both_answered(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("想走資料科學家，路徑怎麼走？基礎要補哪些？")
    assert "核心技術基礎" in answer.text and "資料科學家" in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    ["韓國的 AI 檢定要怎麼準備？", "TQC 跟 iPAS 哪個比較好考？"],
)
def test_other_countries_exams_and_exam_difficulty_are_declined(advisor, question: str) -> None:  # noqa: ANN001
    assert not advisor.respond(question).answered


def test_the_dimensions_of_responsible_use_asked_in_other_words(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("負責任用 AI 這種意識，指引分成幾個面向？")
    assert answer.rule == "view.responsible_ai" and "責任歸屬" in answer.text, answer.text


def test_workplace_abbreviations_are_not_unknown_certificate_names(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我們的 JD 要寫 AI 開發的職缺，職稱通常會加什麼資歷等級？")
    assert answer.answered and "資深" in answer.text, (answer.rule, answer.text)


@pytest.mark.parametrize(
    ("question", "hours"),
    [
        ("公司系統記我的素養課 1200 分鐘，AI 應用素養有過嗎？", "20 小時"),
        ("上了三天 AI 素養課，每天 6 小時，素養達標了嗎？", "18 小時"),
        ("素養課上過兩次，每次 7 小時，AI 應用素養算具備嗎？", "14 小時"),
    ],
)
def test_hours_in_minutes_or_sessions_are_read_as_hours(advisor, question: str, hours: str) -> None:  # noqa: ANN001
    answer = advisor.respond(question)
    assert answer.rule == "situation.own_result" and f"AI 應用素養 {hours}" in answer.text, answer.text


def test_a_category_named_to_be_excluded_stands_for_the_others(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    others = sum(1 for c in catalog.certifications if c.category != "專案類")
    answer = advisor.respond("專案類以外的認證一共有幾張？")
    assert f"共 {others} 張" in answer.text and "專案類認證共" not in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    ["Google 的認證裡面，有哪張不是專案類的？", "Which Microsoft certifications are not project-type?"],
)
def test_an_excluded_category_after_words_with_spaces_is_still_excluded(
    advisor, catalog: Catalog, question: str
) -> None:  # noqa: ANN001
    """Entity positions count the text without spaces: the words before 「專案類」 are read where they are."""
    issuer = "Google" if "Google" in question else "Microsoft"
    wanted = [c for c in catalog.certifications if issuer in c.issuer and c.category != "專案類"]
    unwanted = [c for c in catalog.certifications if issuer in c.issuer and c.category == "專案類"]
    answer = advisor.respond(question)
    assert all(c.name in answer.text for c in wanted) and not any(c.name in answer.text for c in unwanted), answer.text


def test_which_table5_indicators_say_a_quoted_phrase(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    phrase = "單一工具18小時"
    saying = [r.type for r in catalog.rules.types if any(phrase in x.text for lv in r.levels for x in lv.rules)]
    answer = advisor.respond("表5 裡面有寫「單一工具18小時」的是哪幾種能力類型？")
    assert answer.rule == "query.table5_quoted" and f"共 {len(saying)} 種" in answer.text, answer.text
    assert all(t in answer.text for t in saying)


def test_where_one_stands_gives_the_next_steps_of_that_route(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    answer = advisor.respond("我目前是韌體工程師，照附件五的路線下一步是什麼？")
    route = next(r for p in catalog.career.paths for r in p.routes if r.name == "AI 工程師路徑")
    assert answer.rule == "view.next_steps" and f"下一步：{route.steps[1]}" in answer.text, answer.text
    assert "核心技術基礎" in answer.text


def test_the_role_one_wants_to_become_is_asked_not_ones_present_work(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我現在做行政，常用 AI 整理會議紀錄，之後想當 AI 產品經理，要怎麼走？")
    assert answer.rule == "situation.learning_plan", (answer.rule, answer.text)  # a plan since issue 10
    assert "學習計畫：AI 產品經理" in answer.text and "關鍵技能" in answer.text, answer.text


def test_every_talent_category_is_named_in_english(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    answer = advisor.respond("三種人才的英文名稱各是什麼？")
    assert all(t.name_en in answer.text for t in catalog.talent.categories), answer.text


def test_a_certificate_card_says_what_it_reaches_alone(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("NVIDIA Certified Associate: Generative AI & LLMs 是哪一類？")
    assert "單憑這張可達 AI 工具應用 初階、AI 程式語言應用 具備" in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    ["接案的收入要怎麼報所得稅？", "新加坡的 AI 治理準則跟這份指引比哪個嚴格？"],
)
def test_taxes_and_other_countries_rules_are_declined(advisor, question: str) -> None:  # noqa: ANN001
    assert not advisor.respond(question).answered


def test_job_abbreviations_are_not_unknown_certificate_names(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我們 RD 想考專案類的認證，有哪些？")
    assert answer.answered and "TQC+人工智慧：機器學習" in answer.text, (answer.rule, answer.text)


def test_the_other_dimensions_are_added_when_asked(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("用 AI 的時候客戶資料要怎麼保護？除了這個還有哪些面向要注意？")
    assert "隱私保護" in answer.text and "責任歸屬" in answer.text, answer.text


def test_each_of_several_categories_counts_the_same(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我素養類跟專案類證照各有一張，AI 模型訓練到了嗎？")
    assert "四、AI 模型訓練：具備" in answer.text, answer.text


def test_a_tool_asked_with_its_hours_gives_its_types_indicators(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("We use Cursor daily. Which competency type is that, and what are the hour requirements?")
    assert "AI 程式語言應用" in answer.text and "12" in answer.text, answer.text


def test_how_many_kinds_a_type_is_split_into_counts_its_items(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    items = next(t for t in catalog.types if t.name == "AI 工具應用").items
    answer = advisor.respond("AI 工具應用底下又細分成幾種？")
    assert all(i.name in answer.text for i in items), answer.text


def test_choosing_a_university_is_declined(advisor) -> None:  # noqa: ANN001
    assert not advisor.respond("想讀 AI，成大資工跟交大資工哪個比較好？").answered


def test_copying_ai_output_unchecked_names_the_dimensions(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我都把 AI 的答案直接複製貼上給客戶，出錯也是 AI 的問題吧？")
    assert "資訊判斷" in answer.text and "責任歸屬" in answer.text, answer.text


def test_an_item_named_with_the_new_version_is_what_is_asked(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("這版新增的 AI 治理素養，到底是什麼能力？")
    assert answer.rule == "view.type_or_item" and "比例原則" in answer.text, (answer.rule, answer.text)


def test_a_run_of_letters_longer_than_any_word_is_no_typo(advisor) -> None:  # noqa: ANN001
    """Its one-edit neighbours grow with its length: looking them up for a 10,000-letter message took 17 s."""
    speller = advisor.understanding.speller
    assert speller.suggestion("certifcation") is not None  # a real typo is still corrected
    assert speller.suggestion("certifcation" * 4) is None


def test_a_vendors_certificate_not_in_table_6_is_not_its_listed_one(advisor) -> None:  # noqa: ANN001
    """Google has one certificate in 表6; words of other certificates' names after it name another one."""
    assert advisor.respond("我有 Google 的 Generative AI Leader 證照，算哪一類？").rule == "scope.unknown_certification"
    assert "Google Cloud Professional" in advisor.respond("google 的 ML engineer 證照算哪類").text


def test_minutes_with_thousands_separators_and_hyphenated_days(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond(
        "I did 1,200 minutes of AI literacy training and a 2-day ChatGPT workshop, 9 hours per day. My level?"
    )
    assert "AI 應用素養 20 h" in answer.text and "18 h" in answer.text, answer.text


def test_a_background_asking_which_route_gets_the_route(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我是文組畢業的，想轉 AI 產業，可以走哪個路線？")
    assert answer.rule.startswith("view.background_start") and "AI 產品經理" in answer.text, answer.text


def test_ones_work_placed_between_two_offered_talents(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我在倉庫做理貨，每天用 ChatGPT 寫日報，我算應用人才還是開發人才？")
    assert answer.rule.startswith("view.own_work") and "AI 加值型" in answer.text, (answer.rule, answer.text)


def test_does_my_work_count_as_ai_talent_says_what_reaching_it_takes(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    answer = advisor.respond("我在診所當櫃台，每天用 Gemini 回病人訊息，這樣也算 AI 人才嗎？")
    assert answer.rule.startswith("view.own_work"), (answer.rule, answer.text)
    assert "AI 應用人才" in answer.text.split("\n")[0] and "AI 加值型" in answer.text
    summary = next(r for r in catalog.rules.talent_categories if r.category == "AI 應用人才")
    assert all(t in answer.text for t in summary.requires), answer.text  # each level the summary rule needs
    # a question of which kind, not whether: no requirements appended
    which = advisor.respond("我在診所當櫃台，每天用 Gemini 回病人訊息，我算哪一種人才？")
    assert "人才類別判定" not in which.text


def test_two_works_described_are_compared_by_their_placements(advisor) -> None:  # noqa: ANN001
    same_talent = advisor.respond("每天用 AI 幫自己寫週報的人，和負責幫公司規劃導入 AI 流程的人，有什麼不同？")
    assert same_talent.rule == "query.compare" and "AI 加值型" in same_talent.text and "AI 導入型" in same_talent.text
    across = advisor.respond("自己訓練模型、部署上線的工程師，跟只用 Canva 做海報的行銷，差在哪？")
    assert across.rule == "query.compare", (across.rule, across.text)
    assert "AI 開發人才" in across.text and "AI 應用人才" in across.text


def test_which_certificate_first_names_the_first_types_category(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    first = catalog.types[0].name
    category = next(c.name for c in catalog.cert_categories.categories if first in c.competency_types)
    answer = advisor.respond("剛入門的話應該先去考哪一種證照？")
    assert answer.rule == "view.first_certificates", (answer.rule, answer.text)
    assert f"起點看是{category}" in answer.text and "沒有規定" in answer.text  # no order is invented
    aimed = advisor.respond("我想走資料科學家這條路，第一張證照該考哪一類？")
    assert aimed.rule == "view.first_certificates" and "若目標是 AI 開發人才" in aimed.text, aimed.text
    # a certificate named is asked about itself
    named = advisor.respond("iPAS 初級適合當第一張嗎？是哪一類？")
    assert named.rule != "view.first_certificates"


def test_a_type_between_two_talents_offered_is_placed_by_table2(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("AI 模型訓練到底算應用人才還是開發人才的能力？")
    assert answer.rule == "view.type_between_talents", answer.rule
    assert answer.text.startswith("四、AI 模型訓練 屬於 AI 開發人才"), answer.text


def test_kinds_of_roles_asked_in_english_list_the_titles(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("Which kinds of roles does the guideline list for AI application talent?")
    assert "表8" in answer.text and "AI 產品經理" in answer.text, answer.text


def test_two_labelled_jobs_are_read_for_their_roles(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond(
        "兩份工作比較：A是把客服對話逐句貼標籤分類，給模型訓練用；"
        "B是用 SQL 和 Power BI 做報表、追蹤 KPI。各是什麼角色？"
    )
    assert answer.rule == "query.compare", answer.rule
    assert "資料標註師" in answer.text and "資料分析師" in answer.text, answer.text


def test_industries_of_both_tables_are_counted_together(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    answer = advisor.respond("表10 和表11 加起來總共提到幾個不同產業？")
    n = len({s.industry for s in catalog.industries.scenarios})
    assert f"合起來共 {n} 個不同的產業" in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # a colleague named in Latin letters holds the certificates listed after 「有」
        (
            "幫主管問：Kevin 有 AWS Certified AI Practitioner 跟 iPAS 中級AI應用規劃師能力鑑定，"
            "他的 AI 工具應用到哪一級？",
            "二、AI 工具應用：初階",
        ),
        # "can I be counted as" asks the level the facts reach
        ("I hold the TQC+人工智慧：機器學習. Can I be counted as AI development talent?", "AI 開發人才"),
        # the levels offered with punctuation between them
        ("素養 18 小時、影像 16 小時、音源 14 小時，那我工具應用是初階、進階，還是都沒有？", "二、AI 工具應用：進階"),
    ],
)
def test_stated_facts_in_new_wordings_reach_the_engine(advisor, question: str, fact: str) -> None:  # noqa: ANN001
    answer = advisor.respond(question)
    assert answer.rule.startswith("situation.own_result"), (answer.rule, answer.text)
    assert fact in answer.text, answer.text


def test_an_unlisted_course_certificate_with_a_dotted_issuer_is_declined(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我有 Fast.AI 的 Practical Deep Learning 證照，算哪一類？")
    assert answer.rule == "scope.unknown_certification", (answer.rule, answer.text)
    assert "Fast.AI" in answer.text


def test_a_role_between_two_talents_offered_shows_its_placement(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("資料分析師到底算應用人才還開發人才？")
    assert answer.rule == "view.type_between_talents" and "介於" in answer.text, (answer.rule, answer.text)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # 「哪個有過」 asks which levels the facts reach
        ("素養 18 小時、程式 30 小時、模型訓練 30 小時，我模型訓練跟服務開發哪個有過？", "四、AI 模型訓練：具備"),
        # a nickname holds what follows 「有」, in a question about someone else
        ("組長想問：我們阿德有 AWS Certified AI Practitioner，他的 AI 應用素養有到嗎？", "一、AI 應用素養：具備"),
    ],
)
def test_more_wordings_of_stated_facts(advisor, question: str, fact: str) -> None:  # noqa: ANN001
    answer = advisor.respond(question)
    assert answer.rule.startswith("situation.own_result") and fact in answer.text, (answer.rule, answer.text)


def test_a_missing_tool_item_names_the_items_that_would_count(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    answer = advisor.respond("我素養 18 小時、影像 20 小時，工具應用要到進階還差什麼？")
    others = [i for i in catalog.rules.tool_items if i != "影像"]
    assert f"可選：{'、'.join(others)}" in answer.text, answer.text


def test_fewest_hours_for_two_types_count_shared_hours_once(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    from knowledge.assessment import assess
    from knowledge.profile import parse_profile

    answer = advisor.respond("AI 模型訓練和 AI 服務開發要同時達到，只靠上課最少總共幾小時？")
    assert answer.rule == "query.fewest_hours_together", answer.rule
    assert "至少 96 小時" in answer.text, answer.text
    # the engine agrees: those hours reach both, and 95 of them (one fewer model-training hour) do not
    for mt, met in ((48, True), (47, False)):
        profile = parse_profile({"hours": {"literacy": 18, "programming": 30, "model_training": mt}}, catalog)
        levels = {t["type"]: t["level"] for t in assess(profile, catalog)["types"]}
        assert (levels["AI 模型訓練"] == "具備" and levels["AI 服務開發"] == "具備") is met
    # a single tool item's hours count in the tool total too
    both = advisor.respond("AI 工具應用和 AI 程式語言應用一起達標，最少要上幾小時？")
    assert "至少 48 小時" in both.text, both.text


def test_whether_described_work_counts_with_words_between(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我在倉儲做出貨，每天用 AI 工具排程、做報表，這樣我算指引講的 AI 人才嗎？是哪一種？")
    assert answer.rule.startswith("view.own_work"), (answer.rule, answer.text)
    assert "AI 應用人才" in answer.text.split("\n")[0], answer.text


def test_a_role_named_beside_a_workplace_is_what_is_asked(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我在高中當老師，「資料科學家」算哪一類人才？")
    assert "資料科學家" in answer.text.split("\n")[0] and "AI 開發人才" in answer.text, (answer.rule, answer.text)


def test_titles_asked_for_a_background_are_the_suited_categorys(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    answer = advisor.respond("我兒子是文科生，不想寫程式，指引裡有適合他的職位嗎？")
    assert answer.rule == "view.titles_for_background", (answer.rule, answer.text)
    assert "AI 應用人才 的常見職稱" in answer.text and "AI 產品經理" in answer.text


def test_which_archetype_a_background_is_closer_to(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("以會計背景來說，我比較像指引裡哪一型的應用人才？")
    assert answer.rule.startswith("view.own_work") and "AI 加值型" in answer.text.split("\n")[0], answer.text


def test_a_level_word_inside_a_certificate_name_asks_no_level(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("TQC人工智慧應用與技術（進階）算專案類嗎？")
    assert answer.rule == "view.certification" and answer.text.startswith("不是"), (answer.rule, answer.text)


def test_one_of_a_category_is_an_unnamed_certificate(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("學員只要拿到專案類的任一張，算哪一類人才？")
    assert answer.rule.startswith("situation.own_result") and "AI 開發人才" in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "talent", "title"),
    [
        # a kind of work named by what it builds (a scenario only 表11 lists)
        ("做動態定價那種工作，要找什麼職稱的人？", "AI 開發人才", "機器學習 (ML) 工程師"),
        # a kind of work described by its tasks, then 「的那一類」
        ("會訓練模型、寫程式的那一類，常見職稱是什麼？", "AI 開發人才", "資料科學家"),
        # someone sought for a work
        ("我們要徵能做信用評分模型的人，指引裡哪些職稱可以參考？", "AI 開發人才", "機器學習 (ML) 工程師"),
    ],
)
def test_work_described_without_a_person_is_placed(advisor, question: str, talent: str, title: str) -> None:  # noqa: ANN001
    answer = advisor.respond(question)
    assert answer.rule.startswith("view.own_work"), (answer.rule, answer.text)
    assert talent in answer.text.split("\n")[0] and title in answer.text, answer.text


def test_a_certificate_route_for_a_type_is_its_categories(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("想證明 AI 服務開發的能力，證照路線要走哪一類？")
    assert "專案類" in answer.text.split("\n")[0], (answer.rule, answer.text)


def test_a_role_named_with_a_tools_question_gives_its_skills(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("電腦視覺工程師平常用哪些函式庫？")
    assert answer.rule == "view.role" and "OpenCV" in answer.text, (answer.rule, answer.text)


def test_which_way_to_go_for_a_described_background(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我做企劃十年，程式完全不會，想往 AI 發展，該走哪條路？")
    assert answer.rule in ("view.background_start", "view.career_start"), (answer.rule, answer.text)
    assert "AI 加值型" in answer.text and "AI 產品經理" in answer.text, answer.text


def test_fewest_certificates_for_every_type_are_found_by_the_engine(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    from knowledge.assessment import assess
    from knowledge.profile import parse_profile

    answer = advisor.respond("只靠證照要讓五種能力類型都達標（工具應用初階即可），最少幾張？")
    # (since issue 10 the learning planner answers 「五種能力類型」 as one target, with the same count)
    assert answer.rule in ("query.fewest_certs_together", "situation.learning_plan"), (answer.rule, answer.text)
    assert "最少要 3 張" in answer.text or "證照途徑：證照 3 張" in answer.text, answer.text
    plain = advisor.respond("只靠證照讓五種能力都達標，最少要幾張？")  # no type named: still the plan, not 表6's count
    assert plain.rule.startswith("query.fewest_certs_together") and "最少要 3 張" in plain.text, plain.rule
    # the engine agrees: one of each category reaches every type, and no two certificates do
    one_each = [
        next(c.id for c in catalog.certifications if c.category == k.name) for k in catalog.cert_categories.categories
    ]
    levels = {
        t["type"]: t["level"] for t in assess(parse_profile({"certifications": one_each}, catalog), catalog)["types"]
    }
    assert "未達" not in levels.values(), levels
    import itertools

    for pair in itertools.combinations([c.id for c in catalog.certifications], 2):
        reached = assess(parse_profile({"certifications": list(pair)}, catalog), catalog)["types"]
        assert any(t["level"] == "未達" for t in reached), pair


def test_certificates_of_a_category_grouped_under_a_type_in_figure3(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    answer = advisor.respond("專案類裡面，哪些比較偏 AI 服務開發？")
    assert answer.rule == "query.certs_of_category_by_figure3", (answer.rule, answer.text)
    under = [c.name for c in catalog.certs_in("專案類") if "AI 服務開發" in c.figure3_types]
    assert under and all(name in answer.text.split("其餘")[0] for name in under), answer.text


def test_a_typed_dash_in_a_certificate_name_is_the_catalogs_hyphen(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("AWS Certified Machine Learning Engineer – Associate 是哪一類？")
    assert answer.text.startswith("「AWS Certified Machine Learning Engineer (Associate)」"), answer.text


def test_naming_a_slogan_and_a_review_to_write_are_tasks(advisor) -> None:  # noqa: ANN001
    for question in ("幫我們想一個課程的口號", "可以替我寫一段給新人的推薦信嗎？"):
        answer = advisor.respond(question)
        assert answer.rule == "scope.never_answered", (question, answer.rule)
    kept = advisor.respond("AI 幫我寫的考核評語可以直接交出去嗎？")  # the AI writes: a question of 附件(六)
    assert kept.answered, (kept.rule, kept.text)


def test_a_use_case_brings_in_the_dimensions_its_words_imply(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("主管要我用 AI 幫忙初篩應徵者履歷，要注意什麼？")
    assert answer.rule == "view.responsible_ai", (answer.rule, answer.text)
    assert "風險辨識" in answer.text and "隱私保護" in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "rule_prefix"),
    [
        (
            "我素養 20 小時、文書 10 小時、程式語言 15 小時、模型訓練 30 小時，AI 模型訓練用時數能不能過？",
            "situation.own_result",
        ),
        ("幫我 debug 這段 Python，為什麼一直報錯？", "scope.never_answered"),  # code to be fixed is a task
        ("想用 AI 判讀檢查報告輔助診斷，指引有什麼提醒？", "view.responsible_ai"),  # medical use: 風險辨識
        ("可以把客戶的往來明細丟進 AI 工具分析嗎？", "view.responsible_ai"),  # 隱私保護
        ("I majored in history, not IT. Which path in the guideline suits me?", "view.background_start"),
        ("Great, now write me a script that scrapes job listings.", "scope."),  # a task after a remark
        ("What does it take to reach AI 服務開發?", "view.type_or_item"),  # "to reach" asks 表5
        ("表6 裡有些認證後面有星號，那是什麼意思？", "query.retired_certs"),  # 表6's notes
        ("AI程是語言應用要上機小時的課？", "view.type_or_item"),  # homophone typos of 程式, 幾
        ("明年哪一張 AI 證照會最吃香？", "scope."),  # a prediction
        ("可以幫我替學弟寫一封申請實習的推薦信嗎", "scope."),  # a letter to write
        ("指引提到的構面分別有哪些", "view.responsible_ai"),  # 構面 alone names 附件(六)'s four
        ("做客服的人會需要寫程式嗎", "view.role_needs_coding"),  # people named by their work: 既有職稱
        ("我們人資部門的同仁要會寫 code 嗎", "view.role_needs_coding"),
        ("有沒有推薦的 LLM 教學 YouTube 頻道", "scope."),  # a channel to follow
        ("今天日圓匯率多少", "scope."),  # markets
        ("阿明最近績效不好，我該怎麼跟他開口", "scope."),  # managing one employee
        ("幫我排下週客服的輪班班表", "scope."),  # a roster to make
        ("我們用 AI 排班跟整理會議紀錄，這算哪一類人才？", "view."),  # one's own work uses the same words
        ("AWS 那幾張是誰辦的", "view."),  # 「那幾張」 points at some, it does not ask how many
        ("表6 裡微軟的認證是不是換了代號", "query.retired_certs"),  # a new code: 表6's notes
        ("想補強 AI 模型訓練，建議去考哪一張比較好", "view.type_or_item"),  # which certificate: 專案類's list
    ],
)
def test_new_wordings_reach_their_rule(advisor, question: str, rule_prefix: str) -> None:  # noqa: ANN001
    answer = advisor.respond(question)
    assert answer.rule.startswith(rule_prefix), (answer.rule, answer.text)


def test_a_role_of_who_asks_yields_to_what_is_asked(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我在銀行當行政助理，指引講的負責任意識有哪幾個構面？")
    assert answer.rule == "view.responsible_ai" and "隱私保護" in answer.text, (answer.rule, answer.text)


def test_a_loan_calculation_is_declined(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("車貸 50 萬、利率 3%，每月要繳多少？")
    assert not answer.answered and answer.rule.startswith("scope."), (answer.rule, answer.text)


def test_asking_ai_for_information_is_information_judgement(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我常用 ChatGPT 問法律問題，指引有什麼要注意的？")
    assert answer.rule == "view.responsible_ai" and "資訊判斷" in answer.text, (answer.rule, answer.text)


def test_what_a_course_should_teach_is_the_types_key_contents(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("AI 模型訓練的課應該教哪些內容？")
    assert answer.rule == "view.type_or_item" and "能力關鍵內涵" in answer.text, (answer.rule, answer.text)


def test_an_exam_described_is_matched_to_its_table3_category(advisor) -> None:  # noqa: ANN001
    tools = advisor.respond(
        "我們單位新推出的檢定是考學員用 AI 工具做簡報跟自動化報表，不用寫程式也不用交專案，算哪一類？"
    )
    assert tools.rule == "view.category_of_described_exam" and "「工具類」" in tools.text, (tools.rule, tools.text)
    project = advisor.respond(
        "Our new certification tests whether candidates can deploy a model end-to-end. Which category?"
    )
    assert project.rule == "view.category_of_described_exam" and "專案類" in project.text, project.text
    # words said not to be tested do not count: an exam of concepts that asks no project is literacy
    concepts = advisor.respond("我們設計的考試只考 AI 原理和倫理，不考專案也不操作工具，算哪類證照？")
    assert "「素養類」" in concepts.text, concepts.text


def test_certificates_outside_table6_in_general(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("表6 以外的證照，自我評估的時候可以算嗎？")
    assert answer.rule == "view.unlisted_certificates" and "參考" in answer.text, (answer.rule, answer.text)
    # a certificate named that is not in 表6 is still said to be unknown
    named = advisor.respond("「雲端 AI 大師認證」算哪一類？")
    assert named.rule != "view.unlisted_certificates", named.rule


def test_a_use_case_with_the_overview_of_responsibility_brings_its_dimensions(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("主管想用 AI 幫忙做面試者初篩，負責任意識有哪些地方要注意？")
    assert answer.text.index("風險辨識：") < answer.text.index("四個構面"), answer.text
    plain = advisor.respond("負責任意識有哪幾個構面？")
    assert plain.text.lstrip().startswith("負責任意識的四個構面"), plain.text


@pytest.mark.parametrize(
    ("incident", "dimension"),
    [
        ("ChatGPT 給我的統計數字查不到出處，這是哪個構面？", "資訊判斷："),
        ("同事把客戶名單整份丟進免費版 ChatGPT，這是哪個構面的問題？", "隱私保護："),
        ("主管說出了事是 AI 的錯不是他的錯，這屬於哪一個構面？", "責任歸屬："),
        (
            "The summary the AI wrote quoted a statistic that was made up. Which of the four dimensions is that?",
            "資訊判斷",
        ),
        ("The screening model looks biased against older applicants. Which dimension is this about?", "風險辨識"),
    ],
)
def test_an_incident_is_placed_in_one_dimension(advisor, incident: str, dimension: str) -> None:  # noqa: ANN001
    answer = advisor.respond(incident)
    assert answer.rule == "view.responsible_ai" and answer.text.startswith(dimension), answer.text


def test_several_people_each_with_their_work_get_a_title_each(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond(
        "我們組上三個人：小美負責用 SQL 做報表跟資料清洗，阿哲在做物件偵測跟影像分割的模型，"
        "Kevin 做 FAQ 聊天機器人的語意理解。他們分別對應哪個職稱？"
    )
    assert answer.rule == "view.roles_of_people_described", (answer.rule, answer.text)
    for name, title in (("小美", "資料分析師"), ("阿哲", "電腦視覺"), ("kevin", "自然語言處理")):
        line = next(x for x in answer.text.splitlines() if x.lower().startswith(f"• {name}"))
        assert title in line, line


def test_what_this_version_added_under_a_type(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("這次改版在 AI 程式語言應用底下加了哪個能力項目？")
    assert answer.rule == "view.added_in_update" and answer.text.startswith("8. AI 協作與開發"), answer.text


def test_a_pace_toward_a_talent_category(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("我沒有任何 AI 相關的證照或課程，每週上 6 小時課的話，多久能達到 AI 應用人才？")
    assert answer.rule == "situation.own_result", (answer.rule, answer.text)
    assert "至少還要 36 小時，約需 6 週" in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("資料標註師需要自己寫程式或訓練模型嗎？", "不需要自己訓練模型"),
        ("Does a machine learning engineer need to code?", "needs to code and to train models"),
    ],
)
def test_whether_a_role_codes_follows_its_category(advisor, question: str, verdict: str) -> None:  # noqa: ANN001
    answer = advisor.respond(question)
    assert answer.rule == "view.role_needs_coding" and verdict in answer.text, (answer.rule, answer.text)


def test_the_governance_frameworks_cited(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("負責任使用 AI 那部分是根據哪些框架寫的？")
    assert answer.rule == "view.rai_frameworks" and "42001" in answer.text and "NIST" in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("AI 服務開發可以用素養類跟工具類的證照湊出來嗎？", "不行"),
        ("素養類加三張工具類，湊得出 AI 模型訓練嗎？", "可以"),
    ],
)
def test_whether_categories_combine_into_a_type(advisor, question: str, verdict: str) -> None:  # noqa: ANN001
    answer = advisor.respond(question)
    assert answer.rule == "query.categories_for_type" and answer.text.startswith(verdict), answer.text


def test_medicine_doses_are_declined(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("同事感冒發燒，止痛藥一次吃幾顆比較好？")
    assert not answer.answered and answer.rule.startswith("scope."), (answer.rule, answer.text)


@pytest.mark.parametrize(
    ("question", "rule_id", "must"),
    [
        (
            "我有 AWS Certified AI Practitioner，想轉職成資料科學家，該怎麼準備？",
            "situation.learning_plan",
            "專案類證照 1 張",
        ),
        (
            "With 20 hours of literacy training, how can I become an AI product manager?",
            "situation.learning_plan",
            "T2-B",
        ),
        ("只想走證照路線的話，要怎麼成為 AI 開發人才", "situation.learning_plan", "證照途徑"),
        ("AI 產品經理要做什麼？", "view.role", "角色定位"),  # what a role does is no plan
    ],
)
def test_a_plan_asked_in_one_question_is_computed_by_the_planner(
    advisor,
    question: str,
    rule_id: str,
    must: str,  # noqa: ANN001
) -> None:
    answer = advisor.respond(question)
    assert answer.rule == rule_id and must in answer.text, (answer.rule, answer.text[:300])
    if rule_id == "situation.learning_plan" and "證照路線" in question:
        assert "受訓時數途徑" not in answer.text  # the route asked for only


@pytest.mark.parametrize(
    ("question", "must"),
    [
        ("從零開始，AI 程式語言應用和 AI 模型訓練都要具備，只靠課程最少幾小時？", "受訓合計至少 78 小時"),
        ("想當資料科學家，如果用證照證明的話最少要考幾張？", "證照途徑：證照 1 張"),
    ],
)
def test_several_types_or_a_counted_route_make_a_plan(advisor, question: str, must: str) -> None:  # noqa: ANN001
    """(18 literacy + 18 tools + 12 programming for 三, + 30 model training for 四: the tools and programming
    hours already make 四's 30.)"""
    answer = advisor.respond(question)
    assert answer.rule == "situation.learning_plan" and must in answer.text, (answer.rule, answer.text[:400])


def test_a_lawsuit_to_file_is_legal_advice(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("同行抄襲我用 AI 做的設計稿，我想提告，勝算高嗎？")
    assert not answer.answered and answer.rule.startswith("scope."), answer.rule


@pytest.mark.parametrize(
    ("question", "declined"),
    [
        ("高雄哪間補習班教 AI 證照最便宜？", True),  # a course provider to pick: not the guideline's
        ("製造業的 AI 開發人才可以幫我們做什麼？", False),  # what they do, not a task for the advisor
    ],
)
def test_a_provider_to_pick_is_declined_and_what_a_talent_does_is_not_a_task(
    advisor,
    question: str,
    declined: bool,  # noqa: ANN001
) -> None:
    answer = advisor.respond(question)
    assert answer.answered is not declined, (answer.rule, answer.text[:200])


def test_an_issuer_named_in_english_without_its_abbreviation(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    issuer = next(c for c in catalog.certifications if c.issuer_en.endswith(")") and c.issuer_en != c.issuer)
    plain = issuer.issuer_en.rsplit(" (", 1)[0]
    count = sum(1 for c in catalog.certifications if c.issuer == issuer.issuer)
    answer = advisor.respond(f"How many certifications in Table 6 are issued by the {plain}?")
    assert f"表6 has {count} {issuer.issuer}" in answer.text, answer.text


def test_english_questions_on_how_certificates_are_classified_get_the_categories(advisor) -> None:  # noqa: ANN001
    answer = advisor.respond("We're a training center. How are AI certificates classified in this guideline?")
    assert answer.rule == "view.overview" and all(c in answer.text for c in ("素養類", "工具類", "專案類")), answer.rule


def test_the_total_asked_beside_a_category_is_given_too(advisor, catalog: Catalog) -> None:  # noqa: ANN001
    answer = advisor.respond("Table 6 has how many certificates altogether, and how many of them are tool ones?")
    tool = len(catalog.certs_in("工具類"))
    assert f"lists {len(catalog.certifications)} certifications" in answer.text and f"工具類 {tool}" in answer.text


@pytest.mark.parametrize(
    ("question", "rule_id", "must"),
    [
        # a certificate wanted, described by what it should show: the category it matches, listed
        ("我想先考一張只考 AI 基本概念和倫理的證照，有推薦的嗎？", "view.category_for_wanted_certificate", "素養類"),
        ("想拿一張能證明我會操作 AI 工具完成任務的證照，哪張好？", "view.category_for_wanted_certificate", "工具類"),
        # a named certificate is that certificate, not a description
        ("我想先拿一張 iPAS 初級的證照，有推薦的準備方式嗎？", None, "iPAS"),
        # which certificates reach a type's level: the type's certificates, with its 表5 certificate route
        ("Which certs would get me to the advanced level of AI tool application?", "view.type_or_item", "非同類"),
    ],
)
def test_certificates_wanted_are_listed_by_what_they_should_show(
    advisor,
    question: str,
    rule_id: str | None,
    must: str,  # noqa: ANN001
) -> None:
    answer = advisor.respond(question)
    if rule_id is None:
        assert answer.rule != "view.category_for_wanted_certificate", (answer.rule, answer.text[:300])
    else:
        assert answer.rule == rule_id, (answer.rule, answer.text[:300])
    assert must in answer.text, (answer.rule, answer.text[:300])
