"""Runs the gold set through an advisor and turns the answers into a report.

Why here and not in the CLI: `advisor eval`, `python -m evaluation` and regression tests all need
the same loading, scoring and report format; the advisor is passed in, so tests can use a fake.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import yaml

from evaluation import metrics

if TYPE_CHECKING:
    from advisor.settings import Settings

GOLD_PATH = Path(__file__).resolve().parent / "gold.yaml"
DEFAULT_OUT_DIR = Path("evaluation") / "reports"
LANGS = ("zh-TW", "en", "zh-CN", "mixed")
HIT_KS = (1, 3, 5)
EXCERPT_CHARS = 200
_REQUIRED = ("id", "question", "lang", "paraphrase", "answerable", "sections", "facts")


class Advisor(Protocol):
    """What the runner needs from `rag.chain.make_advisor(...)`: one question in, one answer dict out."""

    def ask(self, question: str) -> Mapping[str, Any]: ...


# ---------------------------------------------------------------- gold set


def _problem(item_id: object, message: str) -> ValueError:
    return ValueError(f"gold item {item_id}: {message}")


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _validate_item(index: int, item: object) -> dict[str, Any]:
    """One gold item checked field by field; the error names the item so the YAML is easy to fix."""
    if not isinstance(item, dict):
        raise _problem(f"#{index + 1}", f"expected a mapping, got {type(item).__name__}")
    item_id = item.get("id", f"#{index + 1}")
    for key in _REQUIRED:
        if key not in item:
            raise _problem(item_id, f"missing field '{key}'")
    if not _is_text(item["id"]):
        raise _problem(item_id, "'id' must be a non-empty string")
    if not _is_text(item["question"]):
        raise _problem(item_id, "'question' must be a non-empty string")
    if item["lang"] not in LANGS:
        raise _problem(item_id, f"'lang' must be one of {', '.join(LANGS)}, got {item['lang']!r}")
    for key in ("paraphrase", "answerable"):
        if not isinstance(item[key], bool):
            raise _problem(item_id, f"'{key}' must be true or false, got {item[key]!r}")
    sections, facts = item["sections"], item["facts"]
    if not isinstance(sections, list) or not all(_is_text(s) for s in sections):
        raise _problem(item_id, "'sections' must be a list of non-empty strings")
    if not isinstance(facts, list):
        raise _problem(item_id, "'facts' must be a list")
    for fact in facts:
        alternatives = [fact] if isinstance(fact, str) else fact
        if not isinstance(alternatives, list) or not alternatives or not all(_is_text(a) for a in alternatives):
            raise _problem(item_id, f"fact {fact!r} must be a non-empty string or a non-empty list of them")
    if item["answerable"]:
        if not sections:
            raise _problem(item_id, "an answerable question needs at least one expected section")
        if not facts:
            raise _problem(item_id, "an answerable question needs at least one fact")
    elif sections or facts:
        raise _problem(item_id, "an unanswerable question must have empty 'sections' and 'facts'")
    return item


def load_gold(path: str | Path | None = None) -> list[dict[str, Any]]:
    """The gold items, validated; raises ValueError naming the item id and the problem."""
    source = Path(path) if path is not None else GOLD_PATH
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{source}: expected a list of gold items at the top level")
    items = [_validate_item(index, item) for index, item in enumerate(data)]
    seen: set[str] = set()
    for item in items:
        if item["id"] in seen:
            raise _problem(item["id"], "duplicate id")
        seen.add(item["id"])
    return items


# ---------------------------------------------------------------- running


def _excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _ask(adv: Advisor, question: str) -> tuple[Mapping[str, Any], float, str | None]:
    """One call, timed; an exception becomes an error row so one bad question does not hide the rest."""
    start = time.perf_counter()
    try:
        answer = adv.ask(question)
    except Exception as exc:  # the report must still be written; the row says what went wrong
        elapsed = (time.perf_counter() - start) * 1000
        return {}, elapsed, f"{type(exc).__name__}: {exc}"
    elapsed = (time.perf_counter() - start) * 1000
    reported = answer.get("latency_ms")
    if isinstance(reported, int | float) and not isinstance(reported, bool) and reported >= 0:
        elapsed = float(reported)
    return answer, elapsed, None


def score_item(item: Mapping[str, Any], answer: Mapping[str, Any], latency_ms: float, error: str | None) -> dict:
    """One report row: what was asked, what came back and how it scored."""
    text = answer.get("answer") or ""
    sections = [str(s.get("section", "")) for s in answer.get("sources") or [] if isinstance(s, Mapping)]
    answerable = item["answerable"]
    missing = metrics.missing_facts(item["facts"], text) if answerable else []
    return {
        "id": item["id"],
        "question": item["question"],
        "lang": item["lang"],
        "paraphrase": item["paraphrase"],
        "answerable": answerable,
        "answered": answer.get("answered") is True,
        "route": answer.get("route") if error is None else "error",
        "rule": answer.get("rule"),
        "kind": item.get("kind"),
        "first_hit_rank": metrics.first_hit_rank(sections, item["sections"]) if answerable else None,
        "fact_coverage": metrics.fact_coverage(item["facts"], text) if answerable else None,
        "missing_facts": missing,
        "passed": error is None and metrics.question_passes(item, answer),
        "latency_ms": round(latency_ms, 1),
        "answer": _excerpt(text),
        "source_sections": sections,
        "error": error,
    }


def _rate(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    passed = sum(1 for row in rows if row["passed"])
    return {"count": len(rows), "passed": passed, "pass_rate": passed / len(rows) if rows else 0.0}


def summarise(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Summary metrics over report rows; retrieval and fact metrics use answerable questions only."""
    answerable = [row for row in rows if row["answerable"]]
    ranks = [row["first_hit_rank"] for row in answerable]
    latencies = [row["latency_ms"] for row in rows]
    # A crash is neither an answer nor a decline: errors are counted apart, not as declines.
    precision, recall = metrics.decline_scores(row for row in rows if not row["error"])
    summary: dict[str, Any] = {
        **_rate(rows),
        "answerable": len(answerable),
        "unanswerable": len(rows) - len(answerable),
        "errors": sum(1 for row in rows if row["error"]),
    }
    for k in HIT_KS:
        summary[f"hit@{k}"] = sum(metrics.hit_at(r, k) for r in ranks) / len(ranks) if ranks else 0.0
    summary["mrr"] = metrics.mrr(ranks)
    coverages = [row["fact_coverage"] for row in answerable]
    summary["mean_fact_coverage"] = sum(coverages) / len(coverages) if coverages else 0.0
    summary["decline_precision"] = precision
    summary["decline_recall"] = recall
    summary["latency_p50_ms"] = metrics.percentile(latencies, 50) if latencies else None
    summary["latency_p95_ms"] = metrics.percentile(latencies, 95) if latencies else None
    langs = [lang for lang in LANGS if any(row["lang"] == lang for row in rows)]
    summary["by_lang"] = {lang: _rate([row for row in rows if row["lang"] == lang]) for lang in langs}
    summary["by_paraphrase"] = {
        "original": _rate([row for row in rows if not row["paraphrase"]]),
        "paraphrase": _rate([row for row in rows if row["paraphrase"]]),
    }
    routes: dict[str, int] = {}
    for row in rows:
        routes[str(row["route"])] = routes.get(str(row["route"]), 0) + 1
    summary["routes"] = dict(sorted(routes.items()))
    return summary


def run_evaluation(adv: Advisor, items: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Asks every gold question once and returns {"generated_at", "summary", "rows"}."""
    rows = [score_item(item, *_ask(adv, item["question"])) for item in items]
    return {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "summary": summarise(rows),
        "rows": rows,
    }


# ---------------------------------------------------------------- output


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} ms"


def _summary_lines(summary: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(metric, value) pairs shared by the terminal table and the Markdown report."""
    lines = [
        ("questions", str(summary["count"])),
        ("passed", f"{summary['passed']} ({_pct(summary['pass_rate'])})"),
        ("answerable / unanswerable", f"{summary['answerable']} / {summary['unanswerable']}"),
        ("errors", str(summary["errors"])),
    ]
    lines += [(f"hit@{k}", _pct(summary[f"hit@{k}"])) for k in HIT_KS]
    lines += [
        ("MRR", f"{summary['mrr']:.3f}"),
        ("mean fact coverage", _pct(summary["mean_fact_coverage"])),
        ("decline precision", _pct(summary["decline_precision"])),
        ("decline recall", _pct(summary["decline_recall"])),
        ("latency p50", _ms(summary["latency_p50_ms"])),
        ("latency p95", _ms(summary["latency_p95_ms"])),
    ]
    for group in ("by_lang", "by_paraphrase"):
        for key, rate in summary[group].items():
            lines.append((f"pass rate {key}", f"{rate['passed']}/{rate['count']} ({_pct(rate['pass_rate'])})"))
    lines.append(("routes", ", ".join(f"{k}={v}" for k, v in summary["routes"].items()) or "-"))
    return lines


def _fact_text(fact: metrics.Fact) -> str:
    return " | ".join(metrics.fact_alternatives(fact))


def format_table(report: Mapping[str, Any]) -> str:
    """A plain-text summary table for the terminal, followed by the ids of failed questions."""
    lines = _summary_lines(report["summary"])
    width = max(len(name) for name, _ in lines)
    out = [f"{'metric'.ljust(width)}  value", f"{'-' * width}  {'-' * 24}"]
    out += [f"{name.ljust(width)}  {value}" for name, value in lines]
    failed = [row["id"] for row in report["rows"] if not row["passed"]]
    out.append("")
    out.append(f"failed ({len(failed)}): {', '.join(failed)}" if failed else "failed: none")
    return "\n".join(out)


def _cell(value: object) -> str:
    """A Markdown table cell: pipes escaped and line breaks flattened so the table stays intact."""
    return " ".join(str(value).split()).replace("|", "\\|")


def format_markdown(report: Mapping[str, Any]) -> str:
    """The Markdown report: summary table, then every failed question with its missing facts."""
    out = ["# Evaluation report", "", f"Generated {report['generated_at']}.", "", "| metric | value |", "|---|---|"]
    out += [f"| {_cell(name)} | {_cell(value)} |" for name, value in _summary_lines(report["summary"])]
    failed = [row for row in report["rows"] if not row["passed"]]
    out += ["", f"## Failed questions ({len(failed)})", ""]
    if not failed:
        out.append("None.")
    else:
        out += [
            "| id | lang | question | answerable | answered | route | hit rank | missing facts | answer |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for row in failed:
            missing = "; ".join(_fact_text(f) for f in row["missing_facts"])
            if row["error"]:
                missing = f"error: {row['error']}"
            elif not row["answerable"]:
                missing = "(should have declined)"
            elif not row["answered"]:
                missing = f"(declined) {missing}"
            rank = "-" if row["first_hit_rank"] is None else row["first_hit_rank"]
            cells = [row["id"], row["lang"], row["question"], row["answerable"], row["answered"], row["route"], rank]
            cells += [missing, row["answer"]]
            out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(out) + "\n"


def write_report(report: Mapping[str, Any], out_dir: str | Path) -> tuple[Path, Path]:
    """Writes evaluation-report.md and evaluation-report.json into `out_dir` (created if needed)."""
    directory = Path(out_dir)
    directory.mkdir(parents=True, exist_ok=True)
    md_path = directory / "evaluation-report.md"
    json_path = directory / "evaluation-report.json"
    md_path.write_text(format_markdown(report), encoding="utf-8")
    json_path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return md_path, json_path


def main_eval(settings: Settings, out_dir: str | Path | None = None, gold_path: str | Path | None = None) -> int:
    """`advisor eval`: run the gold set, print the table, write the report, print its paths."""
    from rag.chain import make_advisor  # imported here: loading the engine is slow and only eval needs it

    items = load_gold(gold_path)
    report = run_evaluation(make_advisor(settings), items)
    print(format_table(report))
    md_path, json_path = write_report(report, out_dir if out_dir is not None else DEFAULT_OUT_DIR)
    print()
    print(f"report: {md_path}")
    print(f"json:   {json_path}")
    return 0
