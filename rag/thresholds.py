"""The tuned numbers of routing and retrieval, as validated data with their meaning (`rag/data/routing.yaml`).

Why: a dozen constants used to sit at the top of the chain without saying what they decide; as data,
each carries its explanation, is validated once at start, and the README can show them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from knowledge.yamlfile import load_yaml

PATH = Path(__file__).resolve().parent / "data" / "routing.yaml"


class Threshold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    value: float = Field(ge=0)
    means: str = Field(min_length=10)


class Thresholds(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    max_question_chars: Threshold
    min_coverage: Threshold
    related_coverage: Threshold
    related_chars: Threshold
    rare_idf: Threshold
    very_rare_idf: Threshold
    passage_min_coverage: Threshold
    passage_margin: Threshold
    implied_passage_coverage: Threshold
    unknown_name_coverage: Threshold
    short_followup: Threshold
    own_question_chars: Threshold
    out_of_scope_margin: Threshold
    semantic_answer_margin: Threshold
    dimension_margin: Threshold


@lru_cache(maxsize=1)
def thresholds(path: Path = PATH) -> Thresholds:
    return Thresholds.model_validate(load_yaml(path.read_text(encoding="utf-8")))
