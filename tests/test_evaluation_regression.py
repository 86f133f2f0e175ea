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


@pytest.mark.parametrize(
    "name",
    [
        "holdout.yaml",
        "holdout2.yaml",
        "holdout3.yaml",
        "holdout4.yaml",
        "holdout5.yaml",
        "holdout6.yaml",
        "holdout7.yaml",
    ],
)
def test_independent_sets_hold_their_rates(advisor, name: str) -> None:  # noqa: ANN001
    """Sets written by separate passes that saw neither the code nor the gold set."""
    summary = run_evaluation(advisor, load_gold(GOLD_PATH.parent / name))["summary"]
    assert summary["pass_rate"] >= 0.93 and summary["hit@3"] >= 0.95, summary
    assert summary["decline_precision"] >= 0.9 and summary["decline_recall"] >= 0.9, summary


@pytest.mark.parametrize(
    ("name", "rate", "precision", "recall"),
    [
        ("holdout8.yaml", 0.95, 0.95, 0.95),
        ("holdout9.yaml", 0.95, 0.95, 0.95),
        ("holdout10.yaml", 0.95, 0.95, 0.95),
        ("holdout11.yaml", 0.95, 0.95, 0.85),
        ("holdout12.yaml", 0.95, 0.95, 0.95),
        ("holdout13.yaml", 0.96, 0.95, 0.95),
        ("holdout14.yaml", 0.96, 0.95, 0.95),
        ("holdout15.yaml", 0.94, 0.95, 0.95),
        ("holdout16.yaml", 0.96, 0.95, 0.95),
        ("holdout17.yaml", 0.98, 0.95, 0.95),
        ("holdout18.yaml", 0.98, 0.95, 0.95),
        ("holdout19.yaml", 0.96, 0.95, 0.95),
        ("holdout20.yaml", 0.98, 0.95, 0.95),
        ("holdout21.yaml", 0.98, 0.95, 0.95),
        ("holdout22.yaml", 0.96, 0.95, 0.95),
        ("holdout23.yaml", 0.96, 0.95, 0.95),
        ("holdout24.yaml", 0.96, 0.95, 0.95),
        ("holdout25.yaml", 0.98, 0.95, 0.95),
        ("holdout26.yaml", 0.96, 0.95, 0.95),
        ("holdout27.yaml", 0.98, 0.95, 0.95),
        ("holdout28.yaml", 0.96, 0.95, 0.95),
        ("holdout29.yaml", 0.94, 0.95, 0.95),
        ("holdout30.yaml", 0.98, 0.95, 0.95),
        ("holdout31.yaml", 0.98, 0.95, 0.95),
        ("holdout32.yaml", 0.98, 0.95, 0.95),
        ("holdout33.yaml", 0.94, 0.95, 0.95),
        ("holdout34.yaml", 0.98, 0.95, 0.95),
        ("holdout35.yaml", 0.94, 0.95, 0.95),
        ("holdout36.yaml", 0.98, 0.95, 0.95),
        ("holdout37.yaml", 0.96, 0.95, 0.95),
        ("holdout38.yaml", 0.98, 0.95, 0.95),
        ("holdout39.yaml", 0.96, 0.95, 0.95),
        ("holdout40.yaml", 0.98, 0.95, 0.95),
        ("holdout41.yaml", 0.98, 0.95, 0.95),
        ("holdout42.yaml", 0.98, 0.95, 0.95),
        ("holdout43.yaml", 0.98, 0.95, 0.95),
        ("holdout44.yaml", 0.98, 0.95, 0.95),
        ("holdout45.yaml", 0.98, 0.95, 0.95),
        ("holdout46.yaml", 0.98, 0.95, 0.95),
        ("holdout47.yaml", 0.98, 0.95, 0.95),
    ],
)
def test_newest_blind_sets_hold_their_rates(advisor, name: str, rate: float, precision: float, recall: float) -> None:  # noqa: ANN001
    """holdout8–43 (paraphrases, own situations, counting, new out-of-scope kinds): below the older sets;
    each held where it stands so that it can only improve (arrival and current scores are in the README)."""
    summary = run_evaluation(advisor, load_gold(GOLD_PATH.parent / name))["summary"]
    assert summary["pass_rate"] >= rate, summary
    assert summary["decline_precision"] >= precision and summary["decline_recall"] >= recall, summary


@pytest.mark.parametrize(
    ("name", "whole", "turns"),
    [
        ("conversations.yaml", 0.85, 0.95),
        ("conversations_blind1.yaml", 0.95, 0.98),
        ("conversations_blind2.yaml", 0.9, 0.97),
        ("conversations_blind3.yaml", 0.85, 0.95),
        ("conversations_blind4.yaml", 0.8, 0.9),
        ("conversations_blind5.yaml", 0.9, 0.97),
        ("conversations_blind6.yaml", 0.8, 0.95),
        ("conversations_blind7.yaml", 0.95, 0.98),
        ("conversations_blind8.yaml", 0.9, 0.97),
        ("conversations_blind9.yaml", 0.9, 0.97),
        ("conversations_blind10.yaml", 0.75, 0.93),
        ("conversations_blind11.yaml", 0.95, 0.98),
        ("conversations_blind12.yaml", 0.95, 0.98),
        ("conversations_blind13.yaml", 0.9, 0.96),
        ("conversations_blind14.yaml", 0.85, 0.97),
        ("conversations_blind15.yaml", 0.75, 0.95),
        ("conversations_blind16.yaml", 0.8, 0.94),
        ("conversations_blind17.yaml", 0.9, 0.97),
        ("conversations_blind18.yaml", 0.45, 0.85),
        ("conversations_blind19.yaml", 0.8, 0.9),
        ("conversations_blind20.yaml", 0.7, 0.92),
        ("conversations_blind21.yaml", 0.8, 0.95),
        ("conversations_blind22.yaml", 0.85, 0.95),
        ("conversations_blind23.yaml", 0.6, 0.9),
        ("conversations_blind24.yaml", 0.7, 0.92),
        ("conversations_blind25.yaml", 0.85, 0.96),
        ("conversations_blind26.yaml", 0.9, 0.97),
        ("conversations_blind27.yaml", 0.9, 0.98),
        ("conversations_blind28.yaml", 0.7, 0.95),
        ("conversations_blind29.yaml", 0.9, 0.97),
        ("conversations_blind30.yaml", 0.8, 0.95),
        ("conversations_blind31.yaml", 0.65, 0.92),
        ("conversations_blind32.yaml", 0.6, 0.9),
        ("conversations_blind33.yaml", 0.65, 0.88),
        ("conversations_blind34.yaml", 0.45, 0.89),
        ("conversations_blind35.yaml", 0.9, 0.97),
        ("conversations_blind36.yaml", 0.8, 0.9),
        ("conversations_blind37.yaml", 0.75, 0.95),
        ("conversations_blind38.yaml", 0.6, 0.92),
        ("conversations_blind39.yaml", 0.85, 0.95),
        ("conversations_blind40.yaml", 0.5, 0.87),
        ("conversations_blind41.yaml", 0.9, 0.98),
        ("conversations_blind42.yaml", 0.9, 0.98),
        ("conversations_blind43.yaml", 0.9, 0.98),
        ("conversations_blind44.yaml", 0.75, 0.95),
        ("conversations_blind45.yaml", 0.55, 0.88),
        ("conversations_blind46.yaml", 0.85, 0.97),
        ("conversations_blind47.yaml", 0.85, 0.97),
        ("conversations_blind48.yaml", 0.85, 0.95),
        ("conversations_blind49.yaml", 0.3, 0.78),
        ("conversations_blind50.yaml", 0.5, 0.88),
        ("conversations_blind51.yaml", 0.45, 0.88),
        ("conversations_blind52.yaml", 0.85, 0.96),
        ("conversations_blind53.yaml", 0.85, 0.97),
        ("conversations_blind54.yaml", 0.7, 0.95),
        ("conversations_blind55.yaml", 0.5, 0.87),
        ("conversations_blind56.yaml", 0.33, 0.84),
        ("conversations_blind57.yaml", 0.9, 0.97),
        ("conversations_blind58.yaml", 0.9, 0.97),
        ("conversations_blind59.yaml", 0.75, 0.94),
        ("conversations_blind60.yaml", 0.9, 0.97),
        ("conversations_blind61.yaml", 0.55, 0.88),
        ("conversations_blind62.yaml", 0.9, 0.97),
        ("conversations_blind63.yaml", 0.7, 0.95),
        ("conversations_blind64.yaml", 0.45, 0.88),
        ("conversations_blind65.yaml", 0.75, 0.95),
        ("conversations_blind66.yaml", 0.45, 0.87),
        ("conversations_blind67.yaml", 0.5, 0.88),
        ("conversations_blind68.yaml", 0.75, 0.92),
        ("conversations_blind69.yaml", 0.9, 0.97),
        ("conversations_blind70.yaml", 0.9, 0.97),
        ("conversations_blind71.yaml", 0.85, 0.96),
        ("conversations_blind72.yaml", 0.8, 0.94),
        ("conversations_blind73.yaml", 0.7, 0.9),
        ("conversations_blind74.yaml", 0.55, 0.88),
        ("conversations_blind75.yaml", 0.35, 0.84),  # (arrival 6/15, 70/84: barely worked on)
        ("conversations_blind76.yaml", 0.35, 0.8),  # (arrival 4/15, 70/89: barely worked on)
        ("conversations_blind77.yaml", 0.8, 0.92),
        ("conversations_blind78.yaml", 0.6, 0.92),
        ("conversations_blind79.yaml", 0.85, 0.96),
        ("conversations_blind80.yaml", 0.4, 0.82),
        ("conversations_blind81.yaml", 0.6, 0.88),
        ("conversations_blind82.yaml", 0.5, 0.87),
        ("conversations_blind83.yaml", 0.55, 0.87),  # (arrival 9/15, 79/88: not worked on)
        ("conversations_blind84.yaml", 0.25, 0.78),  # (arrival 4/15, 66/83: not worked on)
        ("conversations_blind85.yaml", 0.93, 0.98),  # (arrival 3/15, 67/85)
        ("conversations_blind86.yaml", 0.93, 0.98),  # (arrival 6/15, 67/82)
        ("conversations_blind87.yaml", 0.6, 0.88),  # (arrival 5/15, 71/88)
        ("conversations_blind88.yaml", 0.66, 0.93),  # (arrival 2/15, 61/90)
        ("conversations_blind89.yaml", 0.25, 0.78),  # (arrival 3/15, 66/90: barely worked on)
        ("conversations_blind90.yaml", 0.45, 0.86),  # (arrival 3/15, 54/84)
        ("conversations_blind91.yaml", 0.53, 0.85),  # (arrival 4/15, 67/85)
        ("conversations_blind92.yaml", 0.79, 0.96),  # (arrival 3/15, 53/78)
        ("conversations_blind93.yaml", 0.53, 0.89),  # (arrival 7/15, 74/86)
        ("conversations_blind94.yaml", 0.46, 0.88),  # (arrival 2/15, 53/77)
        # (cb95-009's 「乙呢？」 after 甲's AI 模型訓練 now answers that type for 乙, not every type: one turn)
        ("conversations_blind95.yaml", 0.53, 0.87),  # (arrival 6/15, 69/81)
        ("conversations_blind96.yaml", 0.4, 0.83),  # (arrival 1/15, 53/79)
        ("conversations_blind97.yaml", 0.66, 0.86),  # (arrival 7/15, 54/70)
        ("conversations_blind98.yaml", 0.26, 0.77),  # (arrival 3/15, 48/75: barely worked on)
        ("conversations_blind99.yaml", 0.86, 0.96),  # (arrival 11/15, 83/87)
        ("conversations_blind100.yaml", 0.86, 0.96),  # (arrival 7/15, 75/87)
        ("conversations_blind101.yaml", 0.8, 0.95),  # (arrival 6/15, 76/90)
        ("conversations_blind102.yaml", 0.66, 0.92),  # (arrival 9/15, 80/87)
        ("conversations_blind103.yaml", 0.2, 0.77),  # (arrival 1/15, 57/84)
        ("conversations_blind104.yaml", 0.8, 0.92),  # (arrival 10/15, 78/89)
        ("conversations_blind105.yaml", 0.6, 0.9),  # (arrival 8/15, 71/80)
        ("conversations_blind106.yaml", 0.66, 0.92),  # (arrival 10/15, 78/86)
        ("conversations_blind107.yaml", 0.86, 0.95),  # (arrival 9/15, 64/75)
        ("conversations_blind108.yaml", 0.86, 0.96),  # (arrival 7/15, 73/82)
        ("conversations_blind109.yaml", 0.93, 0.98),  # (arrival 6/15, 64/76)
        ("conversations_blind110.yaml", 0.8, 0.95),  # (arrival 6/15, 80/90)
        ("conversations_blind111.yaml", 0.8, 0.95),  # (arrival 10/15, 85/90)
        ("conversations_blind112.yaml", 0.8, 0.95),  # (arrival 8/15, 76/84)
        ("conversations_blind113.yaml", 0.73, 0.93),  # (arrival 11/15, 78/83)
        ("conversations_blind114.yaml", 0.4, 0.8),  # (arrival 5/15, 61/79: colloquial and terse; one round)
        ("conversations_blind115.yaml", 0.8, 0.94),  # (arrival 2/15, 58/79)
        ("conversations_blind116.yaml", 0.93, 0.98),  # (arrival 3/15, 62/85)
        ("conversations_blind117.yaml", 0.93, 0.98),  # (arrival 10/15, 71/81)
        ("conversations_blind118.yaml", 0.8, 0.94),  # (arrival 4/15, 58/77)
        ("conversations_blind119.yaml", 0.53, 0.88),  # (arrival 5/15, 69/87)
        ("conversations_blind120.yaml", 0.86, 0.97),  # (arrival 9/15, 70/79)
        ("conversations_blind121.yaml", 0.8, 0.95),  # (arrival 9/15, 76/84: one round)
        ("conversations_blind122.yaml", 0.66, 0.92),  # (arrival 5/15, 64/81: one round)
        ("conversations_blind123.yaml", 0.33, 0.79),  # (arrival 5/15, 64/84: barely worked on)
        ("conversations_blind124.yaml", 0.53, 0.85),  # (arrival 8/15, 70/82: not worked on)
        ("conversations_blind125.yaml", 0.86, 0.96),  # (arrival 6/15, 70/88)
        ("conversations_blind126.yaml", 0.93, 0.98),  # (arrival 9/15, 70/80)
        ("conversations_blind127.yaml", 0.86, 0.95),  # (arrival 8/15, 67/83)
        ("conversations_blind128.yaml", 0.6, 0.92),  # (arrival 6/15, 67/80)
        ("conversations_blind129.yaml", 0.73, 0.95),  # (arrival 5/15, 70/85)
        ("conversations_blind130.yaml", 0.66, 0.91),  # (arrival 6/15, 64/78)
        ("conversations_blind131.yaml", 0.93, 0.98),  # (arrival 11/15, 76/84; now 15/15)
        ("conversations_blind132.yaml", 0.93, 0.98),  # (arrival 5/15, 70/84; now 15/15)
        ("conversations_blind133.yaml", 0.66, 0.9),  # (arrival 6/15, 66/81)
        ("conversations_blind134.yaml", 0.73, 0.93),  # (arrival 4/15, 67/83)
        ("conversations_blind135.yaml", 0.6, 0.9),  # (arrival 7/15, 72/83)
        ("conversations_blind136.yaml", 0.66, 0.93),  # (arrival 5/15, 61/81)
        ("conversations_blind137.yaml", 0.53, 0.87),  # (arrival 7/15, 71/83: one round)
        ("conversations_blind138.yaml", 0.6, 0.92),  # (arrival 7/15, 71/81: one round)
        ("conversations_blind139.yaml", 0.93, 0.98),  # (arrival 9/15, 69/76)
        ("conversations_blind140.yaml", 0.73, 0.91),  # (arrival 6/15, 65/79)
        ("conversations_blind141.yaml", 0.93, 0.98),  # (arrival 11/15, 73/77)
        ("conversations_blind142.yaml", 0.93, 0.98),  # (arrival 5/15, 62/75)
        ("conversations_blind143.yaml", 0.93, 0.98),  # (arrival 5/15, 64/79)
        ("conversations_blind144.yaml", 0.86, 0.97),  # (arrival 6/15, 58/73)
        ("conversations_blind145.yaml", 0.93, 0.98),  # (arrival 10/15, 68/76)
        ("conversations_blind146.yaml", 0.86, 0.96),  # (arrival 8/15, 71/81)
        ("conversations_blind147.yaml", 0.8, 0.94),  # (arrival 7/15, 65/76)
        ("conversations_blind148.yaml", 0.73, 0.89),  # (arrival 5/15, 62/79)
        ("conversations_blind149.yaml", 0.93, 0.98),  # (arrival 10/15, 70/77)
        ("conversations_blind150.yaml", 0.86, 0.93),  # (arrival 8/15, 65/76)
        ("conversations_blind151.yaml", 0.6, 0.91),  # (arrival 5/15, 65/78)
        ("conversations_blind152.yaml", 0.86, 0.97),  # (arrival 10/15, 73/79)
        ("conversations_blind153.yaml", 0.66, 0.92),  # (arrival 5/15, 63/79)
        ("conversations_blind154.yaml", 0.66, 0.92),  # (arrival 8/15, 68/78)
        ("conversations_blind155.yaml", 0.73, 0.93),  # (arrival 8/15, 66/77)
        ("conversations_blind156.yaml", 0.73, 0.93),  # (arrival 10/15, 72/79)
        ("conversations_blind157.yaml", 0.93, 0.98),  # (arrival 9/15, 68/75)
        ("conversations_blind158.yaml", 0.93, 0.98),  # (arrival 6/15, 67/80)
        ("conversations_blind159.yaml", 0.93, 0.98),  # (arrival 12/15, 71/75)
        ("conversations_blind160.yaml", 0.93, 0.97),  # (arrival 11/15, 71/76)
        ("conversations_blind161.yaml", 0.93, 0.98),  # (arrival 10/15, 68/75)
        ("conversations_blind162.yaml", 0.93, 0.98),  # (arrival 10/15, 70/76)
        ("conversations_blind163.yaml", 0.8, 0.95),  # (arrival 11/15, 72/76; one round)
        ("conversations_blind164.yaml", 0.93, 0.98),  # (arrival 10/15, 71/78; one round)
        ("conversations_blind165.yaml", 0.66, 0.92),  # (arrival 8/15, 67/74; one round)
        ("conversations_blind166.yaml", 0.66, 0.88),  # (arrival 9/15, 64/73; one round)
        ("conversations_blind167.yaml", 0.93, 0.98),  # (arrival 6/15, 64/75)
        ("conversations_blind168.yaml", 0.93, 0.98),  # (arrival 5/15, 62/80)
        ("conversations_blind169.yaml", 0.93, 0.98),  # (arrival 9/15, 67/75)
        ("conversations_blind170.yaml", 0.6, 0.9),  # (arrival 5/15, 59/76)
        ("conversations_blind171.yaml", 0.73, 0.93),  # (arrival 9/15, 61/76; one round)
        ("conversations_blind172.yaml", 0.26, 0.81),  # (arrival 2/15, 58/79; one round)
    ],
)
def test_conversation_sets_hold_their_rates(advisor, catalog, name: str, whole: float, turns: float) -> None:  # noqa: ANN001
    """Multi-turn sets through the dialogue core (the blind ones were written by helpers who saw no code);
    the newest held where they stand, so that they can only improve."""
    from conversation.core import Conversation, Event
    from evaluation.conversations import load_conversations, run_conversations

    conversation = Conversation(catalog, advisor)
    states: dict = {}

    def send(conv_id: str, text: str) -> str:
        outcome = conversation.handle(states.get(conv_id), Event("text", text, "zh-hant"))
        states[conv_id] = outcome.state
        return "\n\n".join(r.text for r in outcome.replies)

    summary = run_conversations(send, load_conversations(GOLD_PATH.parent / name))["summary"]
    assert summary["conversations_passed"] >= whole * summary["conversations"], summary
    assert summary["turns_passed"] >= turns * summary["turns"], summary
