"""The project's own evaluation set holds its pass rates (a regression guard, not a unit test)."""

from __future__ import annotations

import pytest

from evaluation.runner import GOLD_PATH, load_gold, run_evaluation

pytestmark = pytest.mark.regression


def test_gold_set_pass_rates(advisor) -> None:  # noqa: ANN001
    items = load_gold()
    assert len(items) >= 120
    summary = run_evaluation(advisor, items)["summary"]
    assert summary["pass_rate"] >= 0.95, summary
    assert summary["hit@3"] >= 0.95, summary
    assert summary["decline_recall"] >= 0.9 and summary["decline_precision"] >= 0.9, summary


@pytest.mark.parametrize("name", ["holdout.yaml", "holdout2.yaml", "holdout3.yaml", "holdout4.yaml", "holdout5.yaml"])
def test_independent_sets_hold_their_rates(advisor, name: str) -> None:  # noqa: ANN001
    """Sets written by separate passes that saw neither the code nor the gold set."""
    summary = run_evaluation(advisor, load_gold(GOLD_PATH.parent / name))["summary"]
    assert summary["pass_rate"] >= 0.93 and summary["hit@3"] >= 0.95, summary
