"""Unit tests of evaluation/metrics.py, plus a few checks that the runner scores and reports with them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation import metrics
from evaluation.metrics import (
    decline_scores,
    fact_coverage,
    fact_present,
    first_hit_rank,
    hit_at,
    mrr,
    normalise_for_match,
    percentile,
    question_passes,
)
from evaluation.runner import load_gold, run_evaluation, write_report

# ---------------------------------------------------------------- normalise_for_match


def test_normalise_maps_simplified_to_taiwan_traditional() -> None:
    assert normalise_for_match("认证类别") == normalise_for_match("認證類別") == "認證類別"
    # s2twp converts vocabulary too, so a mainland term matches the Taiwan one.
    assert normalise_for_match("软件") == normalise_for_match("軟體")


def test_normalise_folds_full_width_and_case() -> None:
    assert normalise_for_match("ＡＷＳ　Ｃｅｒｔｉｆｉｅｄ") == "awscertified"
    assert normalise_for_match("（三）") == normalise_for_match("(三)") == "(三)"


def test_normalise_removes_all_whitespace() -> None:
    assert normalise_for_match(" AI\t應用\n素養\u3000 ") == "ai應用素養"


def test_normalise_unifies_dashes() -> None:
    assert normalise_for_match("AI\u2013901") == normalise_for_match("AI-901") == "ai-901"


def test_converter_is_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import opencc

    real = opencc.OpenCC
    built: list[str] = []

    def counting(config: str) -> object:
        built.append(config)
        return real(config)

    metrics._converter.cache_clear()
    monkeypatch.setattr(opencc, "OpenCC", counting)
    try:
        normalise_for_match("软件")
        normalise_for_match("网络")
        assert len(built) == 1
    finally:
        metrics._converter.cache_clear()


# ---------------------------------------------------------------- fact_present / fact_coverage


def test_fact_present_plain_string() -> None:
    assert fact_present("工具類", "iPAS 中級屬於工具類認證。")
    assert not fact_present("專案類", "iPAS 中級屬於工具類認證。")


def test_fact_present_simplified_answer_traditional_fact() -> None:
    assert fact_present("素養類", "iPAS 初级属于素养类认证")
    assert fact_present("经济部产业发展署", "主辦單位：經濟部產業發展署")


def test_fact_present_full_width_and_spacing() -> None:
    assert fact_present("Azure AI Fundamentals", "ＡＩ-901 即 azure  ai\nfundamentals")


def test_fact_present_any_alternative_suffices() -> None:
    fact = ["台灣人工智慧學校", "Taiwan AI Academy"]
    assert fact_present(fact, "issued by the Taiwan AI Academy")
    assert fact_present(fact, "由臺灣人工智慧學校辦理")  # 台/臺 unified by s2twp
    assert not fact_present(fact, "由資策會辦理")


def test_fact_present_rejects_empty_fact() -> None:
    with pytest.raises(ValueError):
        fact_present("", "any answer")
    with pytest.raises(ValueError):
        fact_present([], "any answer")
    with pytest.raises(ValueError):
        fact_present(["  "], "any answer")


def test_fact_coverage() -> None:
    answer = "素養類，主辦單位為經濟部產業發展署"
    assert fact_coverage([], answer) == 1.0
    assert fact_coverage(["素養類", "經濟部產業發展署"], answer) == 1.0
    assert fact_coverage(["素養類", "工具類"], answer) == 0.5
    assert fact_coverage([["工具類", "素養類"], "專案類", "資策會", "AI-901"], answer) == 0.25
    assert fact_coverage(["工具類"], answer) == 0.0


# ---------------------------------------------------------------- first_hit_rank / hit_at / mrr


def test_first_hit_rank_prefix_and_one_based() -> None:
    sections = ["前言", "附件(三) 表6 第2段", "附件(三) 表6"]
    assert first_hit_rank(sections, ["附件(三) 表6"]) == 2
    assert first_hit_rank(["附件(三) 表6"], ["附件(三) 表6"]) == 1
    assert first_hit_rank(sections, ["附件(六)", "前言"]) == 1


def test_first_hit_rank_misses() -> None:
    assert first_hit_rank(["前言", "附件(一) 表4"], ["附件(三) 表6"]) is None
    assert first_hit_rank([], ["附件(三) 表6"]) is None
    assert first_hit_rank(["前言"], []) is None
    # The expected label must be the prefix, not the other way round.
    assert first_hit_rank(["附件(三)"], ["附件(三) 表6"]) is None


def test_first_hit_rank_ignores_width_and_spacing() -> None:
    assert first_hit_rank(["附件（三）  表6"], ["附件(三) 表6"]) == 1


def test_first_hit_rank_number_boundary() -> None:
    assert first_hit_rank(["附件(四) 表10"], ["附件(四) 表1"]) is None
    assert first_hit_rank(["附件(四) 表1 AI 應用人才"], ["附件(四) 表1"]) == 1
    assert first_hit_rank(["附件(四) 表10"], ["附件(四)"]) == 1


def test_hit_at() -> None:
    assert hit_at(1, 1)
    assert hit_at(3, 3)
    assert not hit_at(4, 3)
    assert not hit_at(None, 5)
    with pytest.raises(ValueError):
        hit_at(1, 0)


def test_mrr() -> None:
    assert mrr([1, 2, None, 4]) == pytest.approx((1 + 0.5 + 0 + 0.25) / 4)
    assert mrr([None, None]) == 0.0
    assert mrr([]) == 0.0
    assert mrr([1]) == 1.0


# ---------------------------------------------------------------- percentile


def test_percentile_nearest_rank() -> None:
    values = [50.0, 15.0, 40.0, 20.0, 35.0]  # unsorted on purpose
    assert percentile(values, 5) == 15.0
    assert percentile(values, 30) == 20.0
    assert percentile(values, 40) == 20.0
    assert percentile(values, 50) == 35.0
    assert percentile(values, 95) == 50.0
    assert percentile(values, 100) == 50.0
    assert percentile(values, 0) == 15.0
    assert percentile([7.5], 95) == 7.5


def test_percentile_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        percentile([], 50)
    with pytest.raises(ValueError):
        percentile([1.0], 101)
    with pytest.raises(ValueError):
        percentile([1.0], -1)


# ---------------------------------------------------------------- decline_scores


def _row(answerable: bool, answered: bool | None) -> dict:
    return {"answerable": answerable, "answered": answered}


def test_decline_scores_mixed() -> None:
    rows = [
        _row(False, False),  # true decline
        _row(False, False),  # true decline
        _row(False, True),  # missed decline
        _row(True, False),  # wrong decline
        _row(True, True),  # answered, fine
    ]
    precision, recall = decline_scores(rows)
    assert precision == pytest.approx(2 / 3)
    assert recall == pytest.approx(2 / 3)


def test_decline_scores_no_declines_at_all() -> None:
    # Nothing declined: precision is vacuously perfect, recall shows the misses.
    assert decline_scores([_row(False, True), _row(True, True)]) == (1.0, 0.0)
    # Nothing declined and nothing should have been: both vacuous.
    assert decline_scores([_row(True, True), _row(True, True)]) == (1.0, 1.0)
    assert decline_scores([]) == (1.0, 1.0)


def test_decline_scores_declining_everything() -> None:
    precision, recall = decline_scores([_row(False, False), _row(True, False), _row(True, False), _row(True, False)])
    assert precision == 0.25
    assert recall == 1.0


def test_decline_scores_missing_answered_counts_as_decline() -> None:
    assert decline_scores([_row(False, None), {"answerable": True}]) == (0.5, 1.0)


# ---------------------------------------------------------------- question_passes


ANSWERABLE = {"answerable": True, "facts": ["工具類", ["經濟部產業發展署", "產發署"]]}
UNANSWERABLE = {"answerable": False, "facts": []}


def test_question_passes_answerable() -> None:
    assert question_passes(ANSWERABLE, {"answered": True, "answer": "工具类，由产发署主办"})
    assert not question_passes(ANSWERABLE, {"answered": True, "answer": "工具類"})
    # The facts are there but the advisor said it did not know: not a pass.
    assert not question_passes(ANSWERABLE, {"answered": False, "answer": "工具類 經濟部產業發展署"})
    assert not question_passes(ANSWERABLE, {"answered": "yes", "answer": "工具類 經濟部產業發展署"})
    assert not question_passes(ANSWERABLE, {"answered": True, "answer": None})


def test_question_passes_unanswerable() -> None:
    assert question_passes(UNANSWERABLE, {"answered": False, "answer": "指引沒有提到報名費。"})
    assert not question_passes(UNANSWERABLE, {"answered": True, "answer": "報名費 1500 元"})


# ---------------------------------------------------------------- runner: gold set and report


def test_bundled_gold_set_is_valid() -> None:
    items = load_gold()
    assert len(items) >= 100
    assert {item["lang"] for item in items} == {"zh-TW", "en", "zh-CN", "mixed"}


def test_load_gold_names_the_bad_item(tmp_path: Path) -> None:
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "- {id: q1, question: 'Q?', lang: zh-TW, paraphrase: false, answerable: true, sections: [前言], facts: [x]}\n"
        "- {id: q2, question: 'Q?', lang: fr, paraphrase: false, answerable: true, sections: [前言], facts: [x]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"q2.*lang"):
        load_gold(gold)
    gold.write_text(
        "- {id: q3, question: 'Q?', lang: en, paraphrase: false, answerable: false, sections: [], facts: [x]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="q3"):
        load_gold(gold)


class _FakeAdvisor:
    """Answers from a fixed table; raises for unknown questions to exercise the error row."""

    def __init__(self, answers: dict[str, dict]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def ask(self, question: str) -> dict:
        self.asked.append(question)
        if question not in self.answers:
            raise RuntimeError("engine failure")
        return self.answers[question]


def test_run_evaluation_and_write_report(tmp_path: Path) -> None:
    items = [
        {"id": "a", "question": "QA", "lang": "zh-TW", "paraphrase": False, "answerable": True,
         "sections": ["附件(三) 表6"], "facts": ["工具類"]},
        {"id": "b", "question": "QB", "lang": "en", "paraphrase": True, "answerable": True,
         "sections": ["前言"], "facts": ["素養類"]},
        {"id": "c", "question": "QC", "lang": "zh-CN", "paraphrase": False, "answerable": False,
         "sections": [], "facts": []},
        {"id": "d", "question": "QD", "lang": "mixed", "paraphrase": False, "answerable": True,
         "sections": ["前言"], "facts": ["x"]},
    ]  # fmt: skip
    source = {"section": "附件(三) 表6 iPAS", "title": "t", "excerpt": "e"}
    adv = _FakeAdvisor({
        "QA": {"answered": True, "answer": "工具類", "sources": [source], "route": "catalog", "latency_ms": 10.0},
        "QB": {"answered": True, "answer": "工具類", "sources": [], "route": "retrieval", "latency_ms": 30.0},
        "QC": {"answered": False, "answer": "不在指引內", "sources": [], "route": "none", "latency_ms": 20.0},
    })  # fmt: skip
    report = run_evaluation(adv, items)
    assert adv.asked == ["QA", "QB", "QC", "QD"]
    rows = {row["id"]: row for row in report["rows"]}
    assert [rows[i]["passed"] for i in "abcd"] == [True, False, True, False]
    assert rows["a"]["first_hit_rank"] == 1 and rows["b"]["first_hit_rank"] is None
    assert rows["b"]["missing_facts"] == ["素養類"]
    assert rows["d"]["route"] == "error" and "engine failure" in rows["d"]["error"]
    summary = report["summary"]
    assert summary["count"] == 4 and summary["pass_rate"] == 0.5
    assert summary["hit@1"] == pytest.approx(1 / 3)
    assert summary["mrr"] == pytest.approx(1 / 3)
    assert summary["mean_fact_coverage"] == pytest.approx(1 / 3)
    assert (summary["decline_precision"], summary["decline_recall"]) == (1.0, 1.0)
    assert summary["latency_p50_ms"] in (10.0, 20.0, 30.0)
    assert summary["by_lang"]["en"] == {"count": 1, "passed": 0, "pass_rate": 0.0}
    assert summary["by_paraphrase"]["paraphrase"]["count"] == 1

    md_path, json_path = write_report(report, tmp_path / "out")
    assert json.loads(json_path.read_text(encoding="utf-8"))["summary"]["count"] == 4
    assert "素養類" in json_path.read_text(encoding="utf-8")  # ensure_ascii=False
    markdown = md_path.read_text(encoding="utf-8")
    assert "| b |" in markdown and "素養類" in markdown and "| a |" not in markdown
