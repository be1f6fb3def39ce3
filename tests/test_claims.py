"""Tests for the claims stage: grouping statements across documents, contradictions, ids."""

from __future__ import annotations

from kg.model import Corpus, Span, Statement
from kg.stages import claims


def stmt(
    stmt_id: str, content: str, speaker: str, *, polarity: str = "assert", parent: str | None = None
) -> Statement:
    doc_id = stmt_id.split("#")[0]
    return Statement(
        stmt_id=stmt_id,
        doc_id=doc_id,
        cue=Span(0, 3),
        cue_text="قال",
        cue_lemma="قال",
        content=Span(4, 4 + len(content)),
        content_text=content,
        kind="indirect",
        polarity=polarity,  # type: ignore[arg-type]
        speaker=speaker,
        parent=parent,
    )


def build(*statements: Statement) -> Corpus:
    return claims.run(Corpus(statements=statements))


def claim_of(corpus: Corpus, stmt_id: str) -> str:
    return next(c.claim_id for c in corpus.claims if stmt_id in c.statement_ids)


def test_claims_same_proposition_across_outlets_is_one_claim() -> None:
    corpus = build(
        stmt("a#s01", "الحكومة المصرية مستعدة لاستئناف المفاوضات مع إثيوبيا بشأن سد النهضة", "egypt"),
        stmt("b#s01", "الحكومة المصرية مستعدة لاستئناف المفاوضات مع إثيوبيا حول سد النهضة قريبا", "egypt"),
        stmt("b#s02", "الأمطار الغزيرة أغرقت شوارع الإسكندرية", "egypt"),
    )
    assert claim_of(corpus, "a#s01") == claim_of(corpus, "b#s01")
    assert claim_of(corpus, "b#s02") != claim_of(corpus, "a#s01")
    merged = next(c for c in corpus.claims if "a#s01" in c.statement_ids)
    assert merged.doc_ids == ("a", "b")


def test_claims_distinct_statements_of_one_document_stay_apart() -> None:
    corpus = build(
        stmt("a#s01", "الوزير سيزور القاهرة الأسبوع المقبل لبحث ملف المياه", "x"),
        stmt("a#s02", "الوزير سيزور الرياض الأسبوع المقبل لبحث ملف الطاقة", "x"),
    )
    assert len(corpus.claims) == 2


def test_claims_denial_contradicts_assertion() -> None:
    corpus = build(
        stmt("a#s01", "القوات الحكومية قصفت المستشفى الوطني في المدينة", "observatory"),
        stmt("b#s01", "القوات الحكومية قصفت المستشفى الوطني في المدينة", "government", polarity="deny"),
    )
    first, second = claim_of(corpus, "a#s01"), claim_of(corpus, "b#s01")
    assert first != second
    by_id = {c.claim_id: c for c in corpus.claims}
    assert by_id[first].contradicts == (second,)
    assert by_id[second].contradicts == (first,)


def test_claims_nested_statement_joins_its_outer_statement() -> None:
    corpus = build(
        stmt("a#s01", "الرئيس أكد أن بلاده لن تتخلى عن حلفائها في المنطقة", "ministry"),
        stmt("a#s02", "بلاده لن تتخلى عن حلفائها في المنطقة", "president", parent="a#s01"),
    )
    assert claim_of(corpus, "a#s01") == claim_of(corpus, "a#s02")


def test_claims_ids_are_deterministic() -> None:
    first = build(stmt("a#s01", "ارتفع سعر النفط إلى مئة دولار", "agency"))
    second = build(stmt("a#s01", "ارتفع سعر النفط إلى مئة دولار", "agency"))
    assert first.claims == second.claims
    assert first.claims[0].claim_id == claims.claim_id(["a#s01"])
    assert first.claims[0].claim_id.startswith("c") and len(first.claims[0].claim_id) == 13


def test_claims_blocking_does_not_compare_all_pairs() -> None:
    items = [
        claims.Item(
            stmt(f"d{i}#s01", f"موضوع مختلف رقم {i} عن مدينة {i} وقرية {i * 7}", f"sp{i}"),
            frozenset({f"w{i}", f"v{i}", f"u{i}"}),
            f"sp{i}",
        )
        for i in range(200)
    ]
    pairs = list(claims.candidate_pairs(items))
    assert len(pairs) < 200 * 199 // 20
