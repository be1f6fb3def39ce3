"""The camel NER backend: real NERecognizer loading and prediction with a tiny local BERT."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("camel_tools")

from kg.ner import NERError, load_backend
from kg.ner.camel import _map_label, _repair

CAMEL_LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]
WORDS = ["قال", "الرئيس", "محمد", "في", "القاهرة", "إن", "وزارة", "الخارجية", "##ية", "##ة"]


@pytest.fixture(scope="module")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A randomly initialised 1-layer BERT token classifier with CAMeL's label map."""
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    folder = tmp_path_factory.mktemp("tiny-camel-ner")
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS, "."]
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = BertTokenizer(str(folder / "vocab.txt"), do_lower_case=False, tokenize_chinese_chars=False)
    tokenizer.save_pretrained(folder)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=300,
        id2label=dict(enumerate(CAMEL_LABELS)),
        label2id={label: index for index, label in enumerate(CAMEL_LABELS)},
    )
    torch.manual_seed(0)
    BertForTokenClassification(config).save_pretrained(folder)
    return folder


@pytest.mark.parametrize(
    "sentences",
    [
        [["قال", "الرئيس", "محمد", "في", "القاهرة"]],
        [["وزارة", "الخارجية"], ["محمد", "\u200f", "."], []],
        [["كلمة_غير_معروفة", "إن", "محمد"] * 120],  # longer than 256 word pieces: split into segments
    ],
)
def test_camel_backend_tags_every_token(tiny_model_dir: Path, sentences: list[list[str]]) -> None:
    backend = load_backend("camel", model_dir=tiny_model_dir)
    tagged = backend.tag(sentences)
    assert backend.name == "camel"
    assert [len(tags) for tags in tagged] == [len(words) for words in sentences]
    allowed = {"O"} | {f"{p}-{t}" for p in "BI" for t in ("PERS", "ORG", "LOC", "MISC")}
    assert {tag for tags in tagged for tag in tags} <= allowed


def test_camel_backend_matches_recognizer_predictions(tiny_model_dir: Path) -> None:
    from camel_tools.ner import NERecognizer

    sentence = ["قال", "الرئيس", "محمد", "في", "القاهرة"]
    expected = _repair(
        [
            _map_label(label)
            for label in NERecognizer(str(tiny_model_dir), use_gpu=False).predict([sentence])[0]
        ]
    )
    assert load_backend("camel", model_dir=tiny_model_dir).tag([sentence]) == [expected]


def test_camel_backend_missing_model_dir_names_install_command(tmp_path: Path) -> None:
    with pytest.raises(NERError, match="camel_data -i ner"):
        load_backend("camel", model_dir=tmp_path / "absent")


def test_camel_backend_without_installed_data_names_install_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from camel_tools.ner import NERecognizer

    def missing(*args: object, **kwargs: object) -> None:
        raise KeyError("NamedEntityRecognition")

    monkeypatch.setattr(NERecognizer, "pretrained", staticmethod(missing))
    with pytest.raises(NERError, match="camel_data -i ner"):
        load_backend("camel")


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("B-PERS", "B-PERS"),
        ("I-ORG", "I-ORG"),
        ("B-GPE", "B-LOC"),
        ("I-MISC", "I-MISC"),
        ("O", "O"),
        ("B-DATE", "O"),
    ],
)
def test_camel_label_mapping(label: str, expected: str) -> None:
    assert _map_label(label) == expected
