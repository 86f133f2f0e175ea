"""Certification lookup by id, printed name or alias, as people type them."""

from __future__ import annotations

import pytest

from knowledge.catalog import Catalog
from knowledge.errors import UnknownCertificationError


@pytest.mark.parametrize(
    ("typed", "cert_id"),
    [
        ("aws-ai-practitioner", "aws-ai-practitioner"),
        ("AWS Certified AI Practitioner", "aws-ai-practitioner"),
        ("ＡＷＳ Certified AI Practitioner", "aws-ai-practitioner"),
        ("aws certified   ai practitioner", "aws-ai-practitioner"),
        ("AWS AI Practitioner", "aws-ai-practitioner"),
        ("iPAS 初級", "ipas-ai-planner-beginner"),
        ("ipas初級", "ipas-ai-planner-beginner"),
        ("AI-901", "ms-ai-901"),
        ("Microsoft Certified: Azure AI Fundamentals (AI-901)*", "ms-ai-901"),
        ("AIATCL", "aia-aiatcl"),
        ("AWS Certified Generative AI Developer - Professional (AIP-C01)", "aws-genai-developer-pro"),
        ("ＴＱＣ＋人工智慧：機器學習", "tqc-plus-ml"),
        ("EEC企業電子化人工智慧 應用師", "tqc-eec-ai"),
    ],
)
def test_lookup(catalog: Catalog, typed: str, cert_id: str) -> None:
    assert catalog.certification(typed).id == cert_id


def test_unknown_name_lists_closest_matches(catalog: Catalog) -> None:
    with pytest.raises(UnknownCertificationError) as info:
        catalog.certification("AWS AI Practioner")
    assert info.value.field == "certifications"
    assert "AWS Certified AI Practitioner" in info.value.suggestions
    assert "AWS Certified AI Practitioner" in info.value.message


def test_unrelated_name_is_rejected_with_guidance(catalog: Catalog) -> None:
    with pytest.raises(UnknownCertificationError) as info:
        catalog.certification("PMP")
    assert "self_declared" in info.value.message
