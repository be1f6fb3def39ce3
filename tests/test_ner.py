"""NER: CoNLL reading and scoring, features, training data mapping, the CRF backend."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from kg.ner import BACKENDS, NERError, load_backend
from kg.ner.conll import evaluate_file, read_conll, score, spans
from kg.ner.crf import DEFAULT_MODEL, CRFBackend, gazetteer_digest, load_gazetteer, propagate_names
from kg.ner.features import FeatureExtractor
from kg.ner.train import (
    NEWSFANE_TYPES,
    _attach_clitics,
    _flatten_layers,
    _map_tags,
    evaluate_model,
    read_anercorp,
    split_dev,
)

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
TYPES = ("PERS", "ORG", "LOC", "MISC")


# ---- CoNLL reading and scoring -------------------------------------------------------------


@pytest.mark.parametrize("separator", ["\t", " "])
def test_conll_read_tab_or_space(tmp_path: Path, separator: str) -> None:
    path = tmp_path / "sample.conll"
    lines = [
        f"قال{separator}O",
        f"بوتين{separator}B-PERS",
        "",
        "",
        f"في{separator}O",
        f"موسكو{separator}B-LOC",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    assert read_conll(path) == [(["قال", "بوتين"], ["O", "B-PERS"]), (["في", "موسكو"], ["O", "B-LOC"])]


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["B-PERS", "I-PERS", "O"], {(0, 2, "PERS")}),
        (["B-ORG", "B-ORG", "I-ORG"], {(0, 1, "ORG"), (1, 3, "ORG")}),
        (["O", "I-LOC", "I-LOC"], {(1, 3, "LOC")}),  # conlleval: I- after O starts a chunk
        (["B-LOC", "I-ORG"], {(0, 1, "LOC"), (1, 2, "ORG")}),
        (["O", "O"], set()),
        (["B-MISC"], {(0, 1, "MISC")}),
    ],
)
def test_conll_spans(tags: list[str], expected: set) -> None:
    assert spans(tags) == expected


def test_conll_score_is_exact_span_match() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG", "I-ORG"]]
    predicted = [["B-PERS", "O", "O", "B-LOC"], ["B-ORG", "I-ORG", "I-ORG"]]
    result = score(gold, predicted)
    # predicted 3 spans (PERS 0-1 wrong boundary, LOC right, ORG right); gold 3 spans.
    assert result["micro"] == pytest.approx({"p": 2 / 3, "r": 2 / 3, "f1": 2 / 3})
    assert result["per_type"]["PERS"] == {"p": 0.0, "r": 0.0, "f1": 0.0}
    assert result["per_type"]["LOC"]["f1"] == 1.0
    assert set(result["per_type"]) == set(TYPES)


# ---- backends registry ---------------------------------------------------------------------


def test_ner_unknown_backend_lists_available() -> None:
    with pytest.raises(NERError) as caught:
        load_backend("spacy")
    assert all(name in str(caught.value) for name in BACKENDS)
    assert isinstance(caught.value, ValueError)


def test_ner_crf_missing_model_says_how_to_rebuild(tmp_path: Path) -> None:
    with pytest.raises(NERError, match=r"kg\.ner\.train"):
        load_backend("crf", model_path=tmp_path / "none.crfsuite")


# ---- features ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "clitic", "stem"),
    [
        ("وبريطانيا", "و", "بريطانيا"),
        ("بريطانيا", "", "بريطانيا"),
        ("للولايات", "لل", "الولايات"),
        ("ولافروف", "و", "لافروف"),
    ],
)
def test_features_strip_proclitics_by_frequency(word: str, clitic: str, stem: str) -> None:
    counts = {"بريطانيا": 900, "وبريطانيا": 50, "ريطانيا": 0, "الولايات": 700, "للولايات": 80}
    features = FeatureExtractor(counts=counts).sentence([word])[0]
    assert "s=" + stem in features
    assert "p=" + clitic in features


@pytest.mark.parametrize(
    ("tokens", "index", "feature"),
    [
        (["قال", "الرئيس", "ماكرون"], 2, "-1:cue=PERS"),
        (["وزير", "الخارجية", "لافروف"], 2, "-2:cue=PERS"),
        (["وكالة", "رويترز"], 1, "-1:cue=ORG"),
        (["مدينة", "حلب"], 1, "-1:cue=LOC"),
        (["وأضاف", "المتحدث"], 1, "-1:cue=SAY"),
    ],
)
def test_features_context_cues(tokens: list[str], index: int, feature: str) -> None:
    assert feature in FeatureExtractor().sentence(tokens)[index]


def test_features_gazetteer_single_and_multiword() -> None:
    gazetteer = {"LOC": frozenset({"الولايات المتحده", "حلب"}), "ORG": frozenset({"الامم المتحده"})}
    rows = FeatureExtractor(gazetteer=gazetteer).sentence(["وصل", "للولايات", "المتحدة", "من", "حلب"])
    assert "gB=LOC" in rows[1] and "gI=LOC" in rows[2]
    assert "g=LOC" in rows[4]
    assert not any(feature.startswith(("gB=", "gI=", "g=")) for feature in rows[0] + rows[3])


def test_features_clusters_for_word_and_neighbours() -> None:
    extractor = FeatureExtractor(clusters={"موسكو": ("64:3", "256:40")})
    rows = extractor.sentence(["زار", "موسكو"])
    assert {"c64:3", "c256:40"} <= set(rows[1])
    assert "1:c64:3" in rows[0]


def test_features_document_words_give_own_features_and_span_marks() -> None:
    gazetteer = {"LOC": frozenset({"الولايات المتحده"})}
    extractor = FeatureExtractor(gazetteer=gazetteer)
    (words,) = extractor.document_words([["زار", "الولايات", "المتحدة", "«", "أمس", "»"]])
    assert [word.stem for word, _ in words[:3]] == ["زار", "الولايات", "المتحده"]  # normalized
    assert words[1][1] == ("gB=LOC",) and words[2][1] == ("gI=LOC",)
    assert words[4][1] == ("quoted",) and words[0][1] == ()
    assert not any(name.startswith("-1:") for name in words[2][0].own)  # no neighbours' features


def test_features_mark_words_inside_quotes() -> None:
    rows = FeatureExtractor().sentence(["برنامج", "«", "ألحقونا", "»", "اليوم"])
    assert ["quoted" in row for row in rows] == [False, False, True, False, False]


@pytest.mark.parametrize(
    ("sentences", "tagged", "expected"),
    [
        (  # a name found once is found again, clitic or not: المدرب جوزيه ... ويخشى جوزيه
            [["المدرب", "جوزيه"], ["ويخشى", "جوزيه"], ["لجوزيه", "فريق"]],
            [["O", "B-PERS"], ["O", "O"], ["O", "O"]],
            [["O", "B-PERS"], ["O", "B-PERS"], ["B-PERS", "O"]],
        ),
        (  # multi-word names, majority type
            [["حزب", "الليكود"], ["وعاد", "حزب", "الليكود"], ["حزب", "الليكود"], ["حزب", "الليكود"]],
            [["B-ORG", "I-ORG"], ["O", "O", "O"], ["B-ORG", "I-ORG"], ["B-LOC", "I-LOC"]],
            [["B-ORG", "I-ORG"], ["O", "B-ORG", "I-ORG"], ["B-ORG", "I-ORG"], ["B-LOC", "I-LOC"]],
        ),
        (  # never overwrites a tag, never tags very short names
            [["في", "دمشق"], ["دمشق", "مصر"], ["ب", "ق"]],
            [["O", "B-LOC"], ["B-ORG", "O"], ["O", "B-PERS"]],
            [["O", "B-LOC"], ["B-ORG", "O"], ["O", "B-PERS"]],
        ),
    ],
)
def test_crf_propagate_names_within_a_document(sentences: list, tagged: list, expected: list) -> None:
    propagate_names(sentences, tagged, stem=FeatureExtractor().stem)
    assert tagged == expected


# ---- training data mapping -----------------------------------------------------------------


def test_train_split_dev_keeps_last_fraction() -> None:
    sentences = [([str(i)], ["O"]) for i in range(20)]
    train, dev = split_dev(sentences, 0.1)
    assert [tokens[0] for tokens, _ in dev] == ["18", "19"]
    assert len(train) == 18


@pytest.mark.parametrize(
    ("tokens", "tags", "expected"),
    [
        (["و", "قال", "بوش"], ["O", "O", "B-PERS"], (["وقال", "بوش"], ["O", "B-PERS"])),
        (["ل", "الامم", "المتحدة"], ["O", "B-ORG", "I-ORG"], (["لالامم", "المتحدة"], ["B-ORG", "I-ORG"])),
        (["ان", "ه", "سافر"], ["O", "O", "O"], (["انه", "سافر"], ["O", "O"])),
    ],
)
def test_train_newsfane_clitics_reattached(tokens: list[str], tags: list[str], expected: tuple) -> None:
    assert _attach_clitics(tokens, tags) == expected


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["B-Politician", "I-Politician", "O", "B-Nation"], ["B-PERS", "I-PERS", "O", "B-LOC"]),
        (["B-Sports", "O", "B-Book"], ["B-ORG", "O", "B-MISC"]),
        (["B-Group", "O"], None),  # ANERcorp leaves groups (العرب) untagged: sentence skipped
    ],
)
def test_train_newsfane_types_mapped(tags: list[str], expected: list[str] | None) -> None:
    assert _map_tags(tags, NEWSFANE_TYPES) == expected


def test_train_wojood_layers_flattened_outermost_mapped_first() -> None:
    # رئيس بلدية نابلس: OCC (dropped) holding GPE نابلس (→ LOC); مجلس الأمن: ORG.
    layers = [["B-OCC"], ["I-OCC"], ["I-OCC", "B-GPE"], ["O"], ["B-ORG"], ["I-ORG"]]
    assert _flatten_layers(layers) == ["O", "O", "B-LOC", "O", "B-ORG", "I-ORG"]


# ---- the CRF: train a tiny model end to end, and the shipped model -------------------------


def test_crf_trains_saves_and_tags(tmp_path: Path) -> None:
    import pycrfsuite

    sentences = [
        (["قال", "الرئيس", "ماكرون", "في", "باريس"], ["O", "O", "B-PERS", "O", "B-LOC"]),
        (["وصل", "ماكرون", "إلى", "باريس"], ["O", "B-PERS", "O", "B-LOC"]),
        (["وأعلنت", "وزارة", "الخارجية", "في", "باريس"], ["O", "B-ORG", "I-ORG", "O", "B-LOC"]),
    ] * 5
    extractor = FeatureExtractor()
    trainer = pycrfsuite.Trainer(verbose=False)
    for tokens, tags in sentences:
        trainer.append(extractor.sentence(tokens), tags)
    trainer.set_params({"c1": 0.0, "c2": 0.01, "max_iterations": 50})
    model = tmp_path / "tiny.crfsuite"
    trainer.train(str(model))
    backend = CRFBackend(model)
    assert backend.tag([tokens for tokens, _ in sentences[:3]]) == [tags for _, tags in sentences[:3]]
    assert backend.tag([[]]) == [[]]


needs_model = pytest.mark.skipif(not DEFAULT_MODEL.is_file(), reason="shipped NER model not built yet")


@needs_model
@pytest.mark.parametrize(
    ("tokens", "name", "kind"),
    [
        (["قال", "الرئيس", "الأمريكي", "جورج", "بوش", "إن", "بلاده", "لن", "تنسحب", "."], (3, 5), "PERS"),
        (["وصل", "الوفد", "إلى", "العاصمة", "السورية", "دمشق", "أمس", "."], (5, 6), "LOC"),
        (["وأعلنت", "منظمة", "الصحة", "العالمية", "أن", "الوباء", "انتشر", "."], (1, 4), "ORG"),
    ],
)
def test_crf_shipped_model_tags_news(tokens: list[str], name: tuple[int, int], kind: str) -> None:
    tags = load_backend("crf").tag([tokens])[0]
    assert (*name, kind) in spans(tags)


@needs_model
def test_crf_shipped_model_loads_fast_and_is_small() -> None:
    began = time.perf_counter()
    CRFBackend()
    assert time.perf_counter() - began < 2.0
    total = sum(path.stat().st_size for path in DEFAULT_MODEL.parent.glob("ner-crf*"))
    assert total < 50_000_000


@needs_model
def test_crf_evaluate_file_reports_every_field(tmp_path: Path) -> None:
    path = tmp_path / "mini.conll"
    path.write_text("قال\tO\nالرئيس\tO\nجورج\tB-PERS\nبوش\tI-PERS\n\nفي\tO\nدمشق\tB-LOC\n", encoding="utf-8")
    result = evaluate_file(path)
    assert set(result) == {"micro", "per_type", "tokens_per_second", "tokens", "sentences", "backend"}
    assert set(result["per_type"]) == set(TYPES)
    assert (result["tokens"], result["sentences"], result["backend"]) == (6, 2, "crf")
    json.dumps(result)


@needs_model
def test_crf_shipped_model_was_trained_with_the_gazetteer_of_the_lexicons() -> None:
    """A lexicon row that changes the gazetteer (an organisation, a place, a title) needs ``kg
    train ner`` in the same change, or every build warns W002 and tags with features the model
    never saw."""
    settings = json.loads(DEFAULT_MODEL.with_suffix(".json").read_text(encoding="utf-8"))
    assert settings["gazetteer_sha1"] == gazetteer_digest(load_gazetteer())


@needs_model
@pytest.mark.skipif(not (SHARED_DATA / "anercorp").is_dir(), reason="shared data not available")
def test_crf_shipped_model_reproduces_recorded_dev_scores() -> None:
    settings = json.loads(DEFAULT_MODEL.with_suffix(".json").read_text(encoding="utf-8"))
    if settings.get("gazetteer_sha1", "") != gazetteer_digest(load_gazetteer()):
        pytest.skip("kg/resources lexicons changed since the model was trained: retrain it")
    _, dev = split_dev(read_anercorp(SHARED_DATA), settings["dev_fraction"])
    result = evaluate_model(DEFAULT_MODEL, dev)
    assert result["micro"] == pytest.approx(settings["dev"]["micro"])
    for kind in TYPES:
        assert result["per_type"][kind] == pytest.approx(settings["dev"]["per_type"][kind])
