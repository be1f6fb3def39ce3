"""Experiment (not shipped): a BiLSTM-CRF NER tagger beside the shipped CRF, on the same dev split.

Issue "Arabic NER that beats CAMeLBERT": this script records the neural attempt of 2026-12-02 so
its figures can be re-run. Token inputs are the CRF's own word features (``kg.ner.features``,
summed embeddings), gazetteer span marks and a word2vec vector of the clitic-free stem trained on
news-bench (CBOW, 100 d, 5 epochs); a BiLSTM reads the sentence and a CRF layer decodes valid BIO.
Training uses torch (the ``train`` extra); tagging runs in NumPy (``NeuralBackend``).

Result on the ANERcorp dev split (last 10 %), dev scored after each epoch with ``--watch``:
micro F1 0.72-0.74 over 8-15 epochs (best 0.743), below the shipped CRF's 0.765; the union of
both taggers' spans reaches only 0.79 recall of the gold spans, so combining them cannot reach
the issue's 0.84 either. Not shipped.

    python scripts/experiments/ner_bilstm.py --data-dir ../shared/data --output /tmp/ner-nn.npz --watch
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from kg.arabic.normalize import key
from kg.ner import NERError
from kg.ner.conll import Sentence, score, score_tagger
from kg.ner.crf import DEFAULT_MODEL, MODELS_DIR, extractor_from_settings, propagate_names, read_settings
from kg.ner.features import FeatureExtractor
from kg.ner.train import DEFAULT_SOURCES, _word2vec, load_training_data, news_tokens

DEFAULT_NN_MODEL = Path(tempfile.gettempdir()) / "ner-nn.npz"
REBUILD_NN = "python scripts/experiments/ner_bilstm.py --data-dir ../shared/data"
TAGS: tuple[str, ...] = (
    "O", "B-PERS", "I-PERS", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
)  # fmt: skip
_DIGITS = re.compile(r"\d")
CACHE_SIZE = 100_000  # word types whose input vectors are kept (800 B each)
BATCH_TOKENS = 4096  # sentences are tagged in length-sorted batches of about this many tokens


def vector_key(stem: str) -> str:
    """The word2vec unit of a token's clitic-free stem (digits folded to 0)."""
    return key(_DIGITS.sub("0", stem)) or "<p>"


def allowed_transitions(tags: Sequence[str] = TAGS) -> np.ndarray:
    """``[i, j]`` is False where tag ``j`` cannot follow tag ``i`` in BIO (``O`` → ``I-ORG``)."""
    allowed = np.ones((len(tags), len(tags)), dtype=bool)
    for j, tag in enumerate(tags):
        if tag.startswith("I-"):
            for i, previous in enumerate(tags):
                allowed[i, j] = previous[2:] == tag[2:]
    return allowed


def allowed_starts(tags: Sequence[str] = TAGS) -> np.ndarray:
    """Tags a sentence may start with: any but ``I-``."""
    return np.array([not tag.startswith("I-") for tag in tags])


class NeuralBackend:
    """Tags token lists with the shipped BiLSTM-CRF, in NumPy.

    Args:
        model_path: An ``.npz`` written by :mod:`kg.ner.train_neural`; its ``.json`` sits beside
            it. Defaults to the shipped ``ner-nn.npz``.
        propagate: Give repeated mentions of a tagged name the same type within one ``tag()``
            call (see :func:`kg.ner.crf.propagate_names`); pass one document per call.

    Raises:
        NERError: The model file or its companions are missing.
    """

    name = "nn"

    def __init__(self, model_path: str | Path | None = None, *, propagate: bool = True) -> None:
        self.propagate = propagate
        path = Path(model_path) if model_path is not None else DEFAULT_NN_MODEL
        if not path.is_file():
            raise NERError(f"NER model {path} is missing. Rebuild it with: {REBUILD_NN}")
        settings_file = path.with_suffix(".json")
        settings = json.loads(settings_file.read_text(encoding="utf-8")) if settings_file.is_file() else {}
        with np.load(path, allow_pickle=False) as weights:
            self.weights = {name: weights[name] for name in weights.files}
        names = [str(name) for name in self.weights.pop("feature_names")]
        self.feature_index = {name: index for index, name in enumerate(names)}
        self.vector_index = {str(word): index for index, word in enumerate(self.weights.pop("vector_words"))}
        self.tags = tuple(str(tag) for tag in self.weights.pop("tags"))
        for name in list(self.weights):
            self.weights[name] = self.weights[name].astype(np.float32)
        # the word table is shared with the CRF: beside the model, else the shipped one
        beside = path.parent / str(settings.get("words", ""))
        table_home = path if beside.is_file() else MODELS_DIR / path.name
        self.features = extractor_from_settings(table_home, settings, known=frozenset(names))
        self._own_cache: dict[str, np.ndarray] = {}
        w = self.weights
        self._feature_table, self._vector_table = w.pop("features"), w.pop("vectors")
        self._input_dim = self._feature_table.shape[1] + self._vector_table.shape[1]
        self._hidden = w["lstm_w_hh"].shape[1]
        self._w_in = np.concatenate([w["lstm_w_ih"], w["lstm_w_ih_r"]])
        self._b_in = np.concatenate([w["lstm_b"], w["lstm_b_r"]])
        self._w_bag = np.ascontiguousarray(self._w_in[:, : self._feature_table.shape[1]])
        self._out_forward = np.ascontiguousarray(w["out_w"][:, : self._hidden].T)
        self._out_backward = np.ascontiguousarray(w["out_w"][:, self._hidden :].T)
        self._transitions = np.where(allowed_transitions(self.tags), w["transitions"], -1e4)
        self._start = w["start"] + np.where(allowed_starts(self.tags), 0.0, -1e4)

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """Tag sentences (words as written, clitics attached); one BIO tag list per sentence."""
        rows = self.features.document_words(sentences)
        inputs = [
            self._gate_inputs(tokens, row) if tokens else None
            for tokens, row in zip(sentences, rows, strict=True)
        ]
        tagged: list[list[str]] = [[] for _ in sentences]
        order = sorted(range(len(sentences)), key=lambda index: len(sentences[index]))
        batch: list[int] = []
        size = 0
        for index in order:
            if not sentences[index]:
                continue
            batch.append(index)
            size += len(sentences[index])
            if size >= BATCH_TOKENS:
                self._tag_batch(batch, inputs, tagged)
                batch, size = [], 0
        if batch:
            self._tag_batch(batch, inputs, tagged)
        if self.propagate:
            propagate_names(sentences, tagged, stem=self.features.stem)
        return tagged

    def _gate_inputs(self, tokens: list[str], row: list) -> np.ndarray:
        """Per token, the LSTM input projection of both directions (``8 × hidden`` numbers).

        The input of a token is its summed feature embeddings next to its stem's word vector;
        the projection of a word type's own part is computed once and cached, and a token's
        extras (gazetteer spans, quotes, sport) add their projection on top.
        """
        index, cache = self.feature_index, self._own_cache
        missing = {token: word for token, (word, _) in zip(tokens, row, strict=True) if token not in cache}
        if missing:
            features, vectors = self._feature_table, self._vector_table
            x = np.zeros((len(missing), self._input_dim), dtype=np.float32)
            for position, word in enumerate(missing.values()):
                ids = [index[name] for name in word.own if name in index]
                if ids:
                    x[position, : features.shape[1]] = features[ids].sum(axis=0)
                x[position, features.shape[1] :] = vectors[self.vector_index.get(vector_key(word.stem), 0)]
            projected = x @ self._w_in.T + self._b_in
            if len(cache) + len(missing) > CACHE_SIZE:
                cache.clear()
            cache.update(zip(missing, projected, strict=True))
        gates = np.stack([cache[token] for token in tokens])
        for position, (_, extras) in enumerate(row):
            if extras:
                ids = [index[name] for name in extras if name in index]
                if ids:
                    gates[position] += self._w_bag @ self._feature_table[ids].sum(axis=0)
        return gates

    def _tag_batch(self, batch: list[int], inputs: list[np.ndarray], tagged: list[list[str]]) -> None:
        lengths = np.array([len(inputs[index]) for index in batch])
        width, size = int(lengths.max()), self._hidden
        forward = np.zeros((len(batch), width, 4 * size), dtype=np.float32)
        backward = np.zeros_like(forward)
        for row, index in enumerate(batch):
            n = lengths[row]
            forward[row, :n] = inputs[index][:, : 4 * size]
            backward[row, :n] = inputs[index][::-1, 4 * size :]
        w = self.weights
        ahead = _lstm(forward, w["lstm_w_hh"])
        behind = _lstm(backward, w["lstm_w_hh_r"])
        for row, n in enumerate(lengths):
            behind[row, :n] = behind[row, :n][::-1].copy()
        emissions = ahead @ self._out_forward + behind @ self._out_backward + w["out_b"]
        paths = self._viterbi(emissions, lengths)
        for row, index in enumerate(batch):
            tagged[index] = [self.tags[tag] for tag in paths[row, : lengths[row]]]

    def _viterbi(self, emissions: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Best valid tag paths of a padded batch ``(batch, time, tags)``."""
        batch, width, _ = emissions.shape
        transitions = self._transitions
        score = self._start + emissions[:, 0]
        back = np.zeros((batch, width, len(self.tags)), dtype=np.int64)
        for t in range(1, width):
            total = score[:, :, None] + transitions
            back[:, t] = total.argmax(axis=1)
            score = np.where((t < lengths)[:, None], total.max(axis=1) + emissions[:, t], score)
        current = (score + self.weights["end"]).argmax(axis=1)
        paths = np.zeros((batch, width), dtype=np.int64)
        rows = np.arange(batch)
        for t in range(width - 1, -1, -1):
            active = t < lengths
            paths[active, t] = current[active]
            if t:
                current = np.where(active, back[rows, t, current], current)
        return paths


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


def _lstm(gates_in: np.ndarray, w_hh: np.ndarray) -> np.ndarray:
    """One LSTM direction over projected inputs ``(batch, time, 4 × hidden)``, torch gate order
    i, f, g, o. Sentences are left-aligned and padded at the end, so padding never reaches real steps.
    """
    batch, steps, _ = gates_in.shape
    size = w_hh.shape[1]
    h = np.zeros((batch, size), dtype=np.float32)
    c = np.zeros((batch, size), dtype=np.float32)
    out = np.empty((batch, steps, size), dtype=np.float32)
    w_hh_t = np.ascontiguousarray(w_hh.T)
    for t in range(steps):
        gates = gates_in[:, t] + h @ w_hh_t
        i = _sigmoid(gates[:, :size])
        f = _sigmoid(gates[:, size : 2 * size])
        g = np.tanh(gates[:, 2 * size : 3 * size])
        o = _sigmoid(gates[:, 3 * size :])
        c = f * c + i * g
        h = o * np.tanh(c)
        out[:, t] = h
    return out


IDENTITY_PREFIXES = ("w=", "s=", "b=")  # word identity features, dropped more often in training


def stem_lines(news_path: Path, extractor: FeatureExtractor) -> Iterator[list[str]]:
    """The word2vec units (:func:`vector_key` of each token's stem) of every news-bench paragraph.

    Reads :func:`kg.ner.train.news_tokens` (normalized words; the stem of a normalized word is
    the stem of the word as written).
    """
    for words in news_tokens(news_path):
        yield [vector_key(extractor.stem(word)) for word in words]


def build_vectors(
    news_path: Path, extractor: FeatureExtractor, output: Path, *, max_words: int = 100_000, seed: int = 0
) -> Path:
    """word2vec (CBOW, 100 d, window 5, 5 epochs) over news-bench stems, the ``max_words`` most frequent."""
    wv = _word2vec(stem_lines(news_path, extractor), epochs=5, seed=seed, workers=2)
    words = wv.index_to_key[:max_words]
    vectors = np.asarray([wv[word] for word in words], dtype=np.float32)
    np.savez(output, words=np.array(words), vectors=vectors)
    return output


def encode(
    extractor: FeatureExtractor, sentences: Sequence[Sequence[str]]
) -> list[tuple[list[list[str]], list[str]]]:
    """Per sentence: each token's feature names and its stem's vector key."""
    encoded = []
    for row in extractor.document_words(sentences):
        features = [[*word.own, *extras] for word, extras in row]
        encoded.append((features, [vector_key(word.stem) for word, _ in row]))
    return encoded


def _log(message: str) -> None:
    print(f"[ner_bilstm] {message}", file=sys.stderr, flush=True)


def train(
    output: Path = DEFAULT_NN_MODEL,
    *,
    data_dir: Path,
    dev_fraction: float = 0.1,
    seed: int = 0,
    sources: Sequence[str] = DEFAULT_SOURCES,
    epochs: int = 20,
    hidden: int = 128,
    feature_dim: int = 100,
    min_count: int = 2,
    dropout: float = 0.5,
    feature_dropout: float = 0.2,
    identity_dropout: float = 0.5,
    learning_rate: float = 2e-3,
    batch_size: int = 16,
    threads: int = 2,
    vectors: Path | None = None,
    watch: bool = False,
) -> dict:
    """Train, write the model, and return its dev scores (as :func:`kg.ner.conll.score` plus speed).

    Args:
        output: The ``.npz`` to write; its settings go to ``<output>.json``.
        data_dir: The shared data folder (``../shared/data``).
        dev_fraction: The last fraction of ANERcorp train kept out for scoring.
        seed: Seed for torch, shuffling and feature dropout.
        sources: Labelled corpora (ANERcorp train is always used).
        epochs: Passes over the training sentences (fixed; the dev split is scored only at the end).
        hidden: LSTM units per direction.
        feature_dim: Size of the feature embeddings.
        min_count: Features seen fewer times in training are left out.
        dropout: Dropout on the token inputs and the LSTM outputs.
        feature_dropout: Chance that a token's feature is hidden in a training step.
        identity_dropout: The same for word identity features, so unseen names are learned from
            their shape, clusters, vectors and context.
        learning_rate: Adam's step size.
        batch_size: Sentences per step.
        threads: torch threads.
        vectors: A cached ``.npz`` of word vectors (``words``, ``vectors``); built from news-bench
            when missing.
        watch: Score the dev split after every epoch (a log line; the schedule stays fixed).
    """
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    rng = random.Random(seed)
    noise = np.random.default_rng(seed)
    output, data_dir = Path(output), Path(data_dir)
    crf_settings = read_settings(DEFAULT_MODEL)
    settings = {
        key: crf_settings[key] for key in ("words", "gazetteer", "gazetteer_sha1") if key in crf_settings
    }
    extractor = extractor_from_settings(DEFAULT_MODEL, settings)
    vectors_path = Path(vectors) if vectors else output.with_name(output.stem + ".vectors-cache.npz")
    if not vectors_path.is_file():
        _log("building word vectors from news-bench (about 10 minutes)")
        build_vectors(data_dir / "news-bench" / "news-bench.jsonl.xz", extractor, vectors_path, seed=seed)
    with np.load(vectors_path) as cached:
        vector_words = ["<unk>", *(str(word) for word in cached["words"])]
        raw = cached["vectors"].astype(np.float32)
    raw /= np.linalg.norm(raw, axis=1, keepdims=True) + 1e-8
    pretrained = np.vstack([np.zeros((1, raw.shape[1]), dtype=np.float32), raw])
    vector_index = {word: index for index, word in enumerate(vector_words)}

    train_sents, dev_sents, used = load_training_data(data_dir, dev_fraction=dev_fraction, sources=sources)
    encoded = encode(extractor, [tokens for tokens, _ in train_sents])
    counts = Counter(name for features, _ in encoded for token in features for name in token)
    names = sorted(name for name, count in counts.items() if count >= min_count)
    feature_index = {name: index for index, name in enumerate(names)}
    tag_index = {tag: index for index, tag in enumerate(TAGS)}
    examples = []
    for (features, keys), (_, tags) in zip(encoded, train_sents, strict=True):
        ids = [
            np.array([feature_index[n] for n in token if n in feature_index], dtype=np.int64)
            for token in features
        ]
        identity = [
            np.array([n.startswith(IDENTITY_PREFIXES) for n in token if n in feature_index])
            for token in features
        ]
        examples.append(
            (
                ids,
                identity,
                np.array([vector_index.get(k, 0) for k in keys]),
                np.array([tag_index[t] for t in tags]),
            )
        )
    _log(
        f"{len(examples)} sentences, {sum(len(e[3]) for e in examples):,} tokens, "
        f"{len(names):,} features {used}"
    )

    model = _Model(len(names), feature_dim, torch.from_numpy(pretrained), hidden, len(TAGS), dropout)
    optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=learning_rate)
    began = time.perf_counter()
    for epoch in range(epochs):
        model.train()
        order = sorted(range(len(examples)), key=lambda i: (len(examples[i][3]), rng.random()))
        batches = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
        rng.shuffle(batches)
        total = 0.0
        for batch in batches:
            inputs = _batch([examples[i] for i in batch], noise, feature_dropout, identity_dropout)
            loss = model.loss(*inputs)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
            total += loss.item()
        note = ""
        if watch:
            _write(output, model, names, vector_words, pretrained)
            output.with_suffix(".json").write_text(json.dumps(settings), encoding="utf-8")
            note = f", dev micro F1 {evaluate(output, dev_sents)['micro']['f1']:.3f}"
        _log(
            f"epoch {epoch + 1}/{epochs}: loss {total / len(examples):.3f}{note} "
            f"({time.perf_counter() - began:.0f} s)"
        )
    seconds = time.perf_counter() - began
    _write(output, model, names, vector_words, pretrained)
    settings.update(
        format=1,
        train_seconds=round(seconds),
        epochs=epochs,
        hidden=hidden,
        feature_dim=feature_dim,
        min_count=min_count,
        dropout=dropout,
        feature_dropout=feature_dropout,
        identity_dropout=identity_dropout,
        learning_rate=learning_rate,
        batch_size=batch_size,
        sources=used,
        dev_fraction=dev_fraction,
        seed=seed,
    )
    settings_file = output.with_suffix(".json")
    settings_file.write_text(json.dumps(settings, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    result = evaluate(output, dev_sents)
    settings["dev"] = result
    settings_file.write_text(json.dumps(settings, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return result


def evaluate(model_path: Path, sentences: Sequence[Sentence]) -> dict:
    """Score a written model on sentences with the NumPy backend (loading excluded from the speed)."""
    backend = NeuralBackend(model_path)
    backend.features._cache.clear()
    return score_tagger(backend, sentences)


def compare_with_crf(model_path: Path, sentences: Sequence[Sentence]) -> dict:
    """Micro F1 of the shipped CRF and of this model, and the share of gold spans either one finds."""
    from kg.ner.conll import spans
    from kg.ner.crf import CRFBackend

    tokens = [words for words, _ in sentences]
    gold = [tags for _, tags in sentences]
    crf, neural = CRFBackend().tag(tokens), NeuralBackend(model_path).tag(tokens)
    found = sum(len(spans(g) & (spans(a) | spans(b))) for g, a, b in zip(gold, crf, neural, strict=True))
    return {
        "crf_f1": score(gold, crf)["micro"]["f1"],
        "nn_f1": score(gold, neural)["micro"]["f1"],
        "union_recall": found / max(1, sum(len(spans(g)) for g in gold)),
    }


def _batch(
    examples: list, rng: np.random.Generator, feature_dropout: float, identity_dropout: float
) -> tuple:
    """Padded tensors of a batch, with features hidden at random."""
    import torch

    lengths = [len(tags) for *_, tags in examples]
    width = max(lengths)
    flat: list[np.ndarray] = []
    offsets: list[int] = []
    position = 0
    for ids, identity, _, _ in examples:
        for token_ids, token_identity in zip(ids, identity, strict=True):
            if len(token_ids):
                drop = np.where(token_identity, identity_dropout, feature_dropout)
                token_ids = token_ids[rng.random(len(token_ids)) >= drop]
            offsets.append(position)
            flat.append(token_ids)
            position += len(token_ids)
        offsets.extend([position] * (width - len(ids)))
    vectors = np.zeros((len(examples), width), dtype=np.int64)
    tags = np.zeros((len(examples), width), dtype=np.int64)
    mask = np.zeros((len(examples), width), dtype=bool)
    for row, (_, _, vector_ids, tag_ids) in enumerate(examples):
        n = len(tag_ids)
        vectors[row, :n], tags[row, :n], mask[row, :n] = vector_ids, tag_ids, True
    flat_ids = np.concatenate(flat) if flat else np.zeros(0, dtype=np.int64)
    return (
        torch.from_numpy(flat_ids),
        torch.tensor(offsets),
        torch.from_numpy(vectors),
        torch.from_numpy(tags),
        torch.from_numpy(mask),
    )


def _model_class():  # torch is imported only when training
    import torch
    from torch import nn

    class Model(nn.Module):
        def __init__(self, n_features, feature_dim, pretrained, hidden, n_tags, dropout):
            super().__init__()
            self.features = nn.EmbeddingBag(n_features, feature_dim, mode="sum")
            nn.init.normal_(self.features.weight, std=0.02)
            self.vectors = nn.Embedding.from_pretrained(pretrained, freeze=True)
            self.lstm = nn.LSTM(
                feature_dim + pretrained.shape[1], hidden, batch_first=True, bidirectional=True
            )
            self.drop = nn.Dropout(dropout)
            self.out = nn.Linear(2 * hidden, n_tags)
            self.transitions = nn.Parameter(torch.zeros(n_tags, n_tags))
            self.start = nn.Parameter(torch.zeros(n_tags))
            self.end = nn.Parameter(torch.zeros(n_tags))
            self.register_buffer("forbidden", torch.from_numpy(~allowed_transitions()).float() * -1e4)
            self.register_buffer("forbidden_start", torch.from_numpy(~allowed_starts()).float() * -1e4)

        def emissions(self, ids, offsets, vectors, mask):
            batch, width = vectors.shape
            bag = self.features(ids, offsets).view(batch, width, -1)
            x = self.drop(torch.cat([bag, self.vectors(vectors)], dim=2))
            lengths = mask.sum(1).cpu()
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            hidden, _ = self.lstm(packed)
            hidden, _ = nn.utils.rnn.pad_packed_sequence(hidden, batch_first=True, total_length=width)
            return self.out(self.drop(hidden))

        def loss(self, ids, offsets, vectors, tags, mask):
            em = self.emissions(ids, offsets, vectors, mask)
            trans = self.transitions + self.forbidden
            start = self.start + self.forbidden_start
            batch = torch.arange(em.shape[0])
            gold = start[tags[:, 0]] + em[batch, 0, tags[:, 0]]
            alpha = start + em[:, 0]
            for t in range(1, em.shape[1]):
                step = mask[:, t]
                gold = gold + (trans[tags[:, t - 1], tags[:, t]] + em[batch, t, tags[:, t]]) * step
                nxt = torch.logsumexp(alpha.unsqueeze(2) + trans.unsqueeze(0), dim=1) + em[:, t]
                alpha = torch.where(step.unsqueeze(1), nxt, alpha)
            last = tags.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
            gold = gold + self.end[last]
            partition = torch.logsumexp(alpha + self.end, dim=1)
            return (partition - gold).sum()

    return Model


def _Model(*args):
    return _model_class()(*args)


def _write(output: Path, model, names: list[str], vector_words: list[str], pretrained: np.ndarray) -> None:
    state = {name: value.detach().cpu().numpy() for name, value in model.state_dict().items()}
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=output.parent, suffix=".npz", delete=False) as handle:
        np.savez_compressed(
            handle,
            feature_names=np.array(names),
            vector_words=np.array(vector_words),
            tags=np.array(TAGS),
            features=state["features.weight"].astype(np.float16),
            vectors=pretrained.astype(np.float16),
            lstm_w_ih=state["lstm.weight_ih_l0"],
            lstm_w_hh=state["lstm.weight_hh_l0"],
            lstm_b=state["lstm.bias_ih_l0"] + state["lstm.bias_hh_l0"],
            lstm_w_ih_r=state["lstm.weight_ih_l0_reverse"],
            lstm_w_hh_r=state["lstm.weight_hh_l0_reverse"],
            lstm_b_r=state["lstm.bias_ih_l0_reverse"] + state["lstm.bias_hh_l0_reverse"],
            out_w=state["out.weight"],
            out_b=state["out.bias"],
            transitions=state["transitions"],
            start=state["start"],
            end=state["end"],
        )
    Path(handle.name).replace(output)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: train, print the dev scores as JSON."""
    parser = argparse.ArgumentParser(prog="ner_bilstm.py", description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--output", type=Path, default=DEFAULT_NN_MODEL, help="the .npz file to write")
    parser.add_argument("--vectors", type=Path, help="cached word vectors (.npz with words, vectors)")
    parser.add_argument("--dev-fraction", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sources", default=",".join(DEFAULT_SOURCES))
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--feature-dim", type=int, default=100)
    parser.add_argument("--dropout", type=float, default=0.5)
    parser.add_argument("--feature-dropout", type=float, default=0.2)
    parser.add_argument("--identity-dropout", type=float, default=0.5)
    parser.add_argument("--learning-rate", type=float, default=2e-3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--watch", action="store_true", help="score the dev split after every epoch")
    args = parser.parse_args(argv)
    result = train(
        args.output,
        data_dir=args.data_dir,
        dev_fraction=args.dev_fraction,
        seed=args.seed,
        sources=[name for name in args.sources.split(",") if name],
        epochs=args.epochs,
        hidden=args.hidden,
        feature_dim=args.feature_dim,
        dropout=args.dropout,
        feature_dropout=args.feature_dropout,
        identity_dropout=args.identity_dropout,
        learning_rate=args.learning_rate,
        threads=args.threads,
        vectors=args.vectors,
        watch=args.watch,
    )
    print(json.dumps(result, indent=2))
    _, dev_sents, _ = load_training_data(args.data_dir, dev_fraction=args.dev_fraction, sources=())
    print(json.dumps(compare_with_crf(args.output, dev_sents), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
