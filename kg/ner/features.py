"""Token features for the Arabic CRF tagger: clitics, normalized forms, affixes, cues, gazetteers.

Reads ``kg/resources/models/ner-cues.tsv`` (cue words) and the optional resources handed in by
the caller (word counts and clusters, a gazetteer); writes nothing.
Features of a word type are computed once and cached, because news text repeats words a lot:
that cache is what keeps feature extraction at tens of thousands of tokens per second.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.arabic.normalize import key, normalize
from kg.arabic.tokens import strip_proclitics
from kg.errors import Errors, LexiconError

CUES_PATH = Path(__file__).resolve().parent.parent / "resources" / "models" / "ner-cues.tsv"
CUE_LABELS: tuple[str, ...] = ("PERS", "ORG", "LOC", "SAY", "SPORT")
TOPIC_WINDOW = 2


def load_cues(path: Path = CUES_PATH) -> tuple[tuple[str, frozenset[str]], ...]:
    """Read ``label<TAB>word`` cue lines (``#`` comments, a header) into ``(label, keys)`` pairs.

    Raises:
        LexiconError: A line has no TAB or an unknown label (E083, a :class:`ValueError`).
    """
    found: dict[str, set[str]] = {label: set() for label in CUE_LABELS}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#") or line == "label\tword":
                continue
            label, tab, word = line.partition("\t")
            if not tab or label not in found or not word.strip():
                problem = f"expected a label ({', '.join(CUE_LABELS)}), a tab and a word, got {line!r}"
                raise LexiconError(Errors.E083.format(path=path, line=number, problem=problem))
            found[label].add(key(word))
    return tuple((label, frozenset(found[label])) for label in CUE_LABELS)


# Titles before a person (الرئيس، وزير), heads of organisation names (وكالة، حزب), place nouns
# (مدينة، شمال) and speech verbs (قال، أضاف), as normalized keys.
CUE_TABLE: tuple[tuple[str, frozenset[str]], ...] = load_cues()
CONTEXT_OFFSETS: tuple[int, ...] = (-2, -1, 1, 2)  # FeatureExtractor._rows unrolls these four
MAX_GAZETTEER_WORDS = 6
# Word types whose features are kept (about 4 KB each, so at most about 200 MB); news text meets
# its frequent words early, and later rare words are simply recomputed.
CACHE_SIZE = 50_000


@dataclass
class FeatureExtractor:
    """Turns token lists into CRF feature lists; all resources are optional.

    Attributes:
        clusters: Normalized word → cluster ids at several granularities (e.g. ``("64:3",
            "256:17")``); each becomes a feature of the word and of its neighbours.
        counts: Normalized word → corpus frequency. A proclitic is stripped only when the rest
            of the word is more frequent than the whole (وبريطانيا → و + بريطانيا, but
            بريطانيا stays whole); without counts the longest proclitic is stripped.
        gazetteer: Label → normalized keys (single or multi-word), e.g.
            :func:`kg.arabic.lexicons.gazetteer`.
        known: When given, only these feature names are emitted: the attributes a trained
            model has weights for. A tagger ignores every other name, so its tags are the same;
            leaving them out saves building and passing them (training keeps ``None``).
    """

    clusters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    counts: Mapping[str, int] = field(default_factory=dict)
    gazetteer: Mapping[str, frozenset[str]] = field(default_factory=dict)
    known: frozenset[str] | None = None

    def __post_init__(self) -> None:
        self._cache: dict[str, _WordFeatures] = {}
        self._bias = self._kept(["bias"])
        self._pads = [self._kept([f"{offset}:pad"]) for offset in CONTEXT_OFFSETS]
        self._quoted = self._kept(["quoted"])
        self._starts: dict[str, set[int]] = {}
        self._entries: dict[str, tuple[str, ...]] = {}
        # key → its cue and single-word gazetteer features, in one canonical order
        self._lexical_order: tuple[str, ...] = (
            *("cue=" + label for label, _ in CUE_TABLE),
            *("g=" + label for label in self.gazetteer),
        )
        lexical: dict[str, set[str]] = {}
        for label, cues in CUE_TABLE:
            for cue in cues:
                lexical.setdefault(cue, set()).add("cue=" + label)
        for label, keys in self.gazetteer.items():
            for entry in keys:
                lexical.setdefault(entry, set()).add("g=" + label)
        self._lexical: dict[str, tuple[str, ...]] = {
            entry: tuple(name for name in self._lexical_order if name in names)
            for entry, names in lexical.items()
        }
        for label, keys in self.gazetteer.items():
            for entry in keys:
                words = entry.split()
                if not words or len(words) > MAX_GAZETTEER_WORDS:
                    continue
                self._starts.setdefault(words[0], set()).add(len(words))
                labels = self._entries.get(entry, ())
                if label not in labels:
                    self._entries[entry] = (*labels, label)

    def document(self, sentences: Sequence[Sequence[str]]) -> list[list[list[str]]]:
        """Features of consecutive sentences of one text, with a sports-topic flag.

        A sentence is about sport when it or one of its ``TOPIC_WINDOW`` neighbours holds a
        SPORT cue (مباراة، الدوري); its words then also get sport-conditioned copies of their
        cluster and gazetteer features, because there a place name is often a club (بنفيكا).

        Args:
            sentences: Token lists in text order.

        Returns:
            One :meth:`sentence` result per sentence.
        """
        words = [[self._word(token) for token in tokens] for tokens in sentences]
        sporty = [any(word.sport for word in sentence) for sentence in words]
        result = []
        for index, tokens in enumerate(sentences):
            low, high = max(0, index - TOPIC_WINDOW), index + TOPIC_WINDOW + 1
            result.append(self._rows(tokens, words[index], any(sporty[low:high])))
        return result

    def document_words(
        self, sentences: Sequence[Sequence[str]]
    ) -> list[list[tuple[_WordFeatures, tuple[str, ...]]]]:
        """The per-token inputs of the neural tagger, without neighbours' features.

        Args:
            sentences: Token lists of one text, in order.

        Returns:
            Per sentence, per token: the word type's cached features (:attr:`_WordFeatures.own`
            and its stem) and the token's own extras: gazetteer span marks, the inside-quotes
            flag and, in sports text, the sport-conditioned copies (see :meth:`document`).
        """
        words = [[self._word(token) for token in tokens] for tokens in sentences]
        sporty = [any(word.sport for word in sentence) for sentence in words]
        result = []
        for index, tokens in enumerate(sentences):
            low, high = max(0, index - TOPIC_WINDOW), index + TOPIC_WINDOW + 1
            sport = any(sporty[low:high])
            sentence_words = words[index]
            marks = self._gazetteer_marks(sentence_words) if self._starts else None
            quoted = _inside_quotes(tokens)
            row = []
            for i, word in enumerate(sentence_words):
                extras: list[str] = []
                if marks is not None and marks[i]:
                    extras.extend(marks[i])
                if quoted[i]:
                    extras.extend(self._quoted)
                if sport:
                    extras.extend(word.sport_features)
                row.append((word, tuple(extras)))
            result.append(row)
        return result

    def sentence(self, tokens: Sequence[str], *, sport: bool = False) -> list[list[str]]:
        """Features of every token of one sentence.

        Args:
            tokens: The words of the sentence, as written (clitics attached).
            sport: Whether the text around is about sport (see :meth:`document`).

        Returns:
            One list of feature strings per token.
        """
        return self._rows(tokens, [self._word(token) for token in tokens], sport)

    def _rows(self, tokens: Sequence[str], words: list[_WordFeatures], sport: bool) -> list[list[str]]:
        """:meth:`sentence` with the words' features already looked up."""
        n = len(words)
        gazetteer_marks = self._gazetteer_marks(words) if self._starts else None
        quoted = _inside_quotes(tokens)
        known, pads, bias = self.known, self._pads, self._bias
        contexts = [word.context for word in words]
        stems = [word.stem for word in words]
        rows: list[list[str]] = []
        for i, word in enumerate(words):
            if 2 <= i < n - 2:  # all of CONTEXT_OFFSETS (-2, -1, 1, 2) inside the sentence
                row = [*bias, *word.own, *contexts[i - 2][0], *contexts[i - 1][1]]
                row += [*contexts[i + 1][2], *contexts[i + 2][3]]
            else:
                row = [*bias, *word.own]
                for slot, offset in enumerate(CONTEXT_OFFSETS):
                    j = i + offset
                    row.extend(contexts[j][slot] if 0 <= j < n else pads[slot])
            if i:
                pair = "sp:" + stems[i - 1] + "|" + stems[i]
                if known is None or pair in known:
                    row.append(pair)
            if i + 1 < n:
                pair = "sn:" + stems[i] + "|" + stems[i + 1]
                if known is None or pair in known:
                    row.append(pair)
            if quoted[i]:
                row.extend(self._quoted)
            if sport:
                row.extend(word.sport_features)
            if gazetteer_marks is not None and gazetteer_marks[i]:
                row.extend(gazetteer_marks[i])
            rows.append(row)
        return rows

    def _kept(self, names: list[str]) -> list[str]:
        """``names`` without those outside :attr:`known` (all of them when it is ``None``)."""
        known = self.known
        return names if known is None else [name for name in names if name in known]

    def stem(self, token: str) -> str:
        """The normalized, clitic-free form of ``token`` (وللأهلي → الاهلي)."""
        return self._word(token).stem

    def _word(self, token: str) -> _WordFeatures:
        cached = self._cache.get(token)
        if cached is None:
            cached = self._compute(token)
            if len(self._cache) < CACHE_SIZE:
                self._cache[token] = cached
        return cached

    def _compute(self, token: str) -> _WordFeatures:
        form = normalize(token)
        clitic, stem = self._split(form)
        bare = stem[2:] if stem.startswith("ال") and len(stem) > 3 else stem
        own = [
            "w=" + form,
            "s=" + stem,
            "b=" + bare,
            "p=" + clitic,
            "s1=" + stem[-1:],
            "s2=" + stem[-2:],
            "s3=" + stem[-3:],
            "s4=" + stem[-4:],
            "b2=" + bare[:2],
            "b3=" + bare[:3],
            "b4=" + bare[:4],
            "sh=" + _shape(token),
        ]
        if stem != bare:
            own.append("al")
        matched_key, bare_key, form_key = _key(stem), _key(bare), _key(form)
        lexical = self._lexical_features(matched_key, bare_key, form_key)
        if self.counts:
            own.extend(self._frequency_features(bare_key))
        cluster = self.clusters.get(stem) or self.clusters.get(form)
        if cluster is not None:
            lexical.extend("c" + code for code in cluster)
        elif self.clusters:
            lexical.append("c=none")
        own.extend(lexical)
        near = ["s=" + stem, "b=" + bare, "p=" + clitic, *lexical]
        far = ["s=" + stem, *lexical]
        context = tuple(
            self._kept([prefix + feature for feature in (near if abs(offset) == 1 else far)])
            for offset, prefix in _CONTEXT_PREFIXES
        )
        sport_features = [
            "T" + feature for feature in lexical if not feature.startswith(("c64", "c1024", "c="))
        ]
        return _WordFeatures(
            stem=stem,
            key=matched_key,
            form_key=form_key,
            own=self._kept(own),
            context=context,
            sport="cue=SPORT" in lexical,
            sport_features=self._kept(sport_features),
        )

    def _lexical_features(self, *keys: str) -> list[str]:
        """Cue and gazetteer classes of any of the word's keys (stem, bare stem, form)."""
        index = self._lexical
        if keys[0] == keys[1] == keys[2]:
            return list(index.get(keys[0], ()))
        found = set(index.get(keys[0], ())) | set(index.get(keys[1], ())) | set(index.get(keys[2], ()))
        return [name for name in self._lexical_order if name in found] if found else []

    def _frequency_features(self, bare_key: str) -> list[str]:
        """How common the word is, and how often it takes the article: names rarely do (بوتين)."""
        plain = self.counts.get(bare_key, 0)
        defined = self.counts.get("ال" + bare_key, 0)
        total = plain + defined
        if not total:
            return ["f=0"]
        ratio = defined / total
        return [
            "f=" + str(min(total.bit_length() // 2, 9)),
            "d=" + ("0" if ratio < 0.02 else "1" if ratio < 0.2 else "2" if ratio < 0.6 else "3"),
        ]

    def _split(self, form: str) -> tuple[str, str]:
        if not self.counts:
            return strip_proclitics(form)
        whole = self.counts.get(_key(form), 0)
        counts = self.counts

        def more_frequent(candidate: str) -> bool:
            return counts.get(candidate, 0) > whole

        clitic, stem = strip_proclitics(form, more_frequent)
        if not clitic and not whole:
            # An unseen word with no known stem is most likely a rare name with a clitic
            # (وطلوزة → و + طلوزة): strip the longest proclitic.
            return strip_proclitics(form)
        return clitic, stem

    def _gazetteer_marks(self, words: Sequence[_WordFeatures]) -> list[list[str]]:
        marks: list[list[str]] = [[] for _ in words]
        keys = [word.form_key for word in words]
        for i, word in enumerate(words):
            lengths = self._starts.get(word.key)
            if not lengths:
                continue
            for length in sorted(lengths, reverse=True):
                if i + length > len(keys):
                    continue
                labels = self._entries.get(" ".join([word.key, *keys[i + 1 : i + length]]))
                if not labels:
                    continue
                for label in labels:
                    marks[i].extend(self._kept(["gB=" + label]))
                    for j in range(i + 1, i + length):
                        marks[j].extend(self._kept(["gI=" + label]))
                break
        return marks


@dataclass(frozen=True, slots=True)
class _WordFeatures:
    stem: str
    key: str
    form_key: str
    own: list[str]
    context: tuple[list[str], ...]  # one list per offset of CONTEXT_OFFSETS, in that order
    sport: bool
    sport_features: list[str]


_CONTEXT_PREFIXES: tuple[tuple[int, str], ...] = tuple((offset, f"{offset}:") for offset in CONTEXT_OFFSETS)


def _key(normalized: str) -> str:
    """:func:`key` of an already normalized word; most words are letters only and are their own key."""
    return normalized if normalized.isalnum() else key(normalized)


_OPENING = {"«": "»", "“": "”", '"': '"', "'": "'"}


def _inside_quotes(tokens: Sequence[str]) -> list[bool]:
    """Which tokens sit between paired quotes: titles of books, films and programmes (MISC) do."""
    inside = [False] * len(tokens)
    closing, start = "", -1
    for index, token in enumerate(tokens):
        if closing and token == closing:
            if index - start <= 8:
                inside[start + 1 : index] = [True] * (index - start - 1)
            closing = ""
        elif not closing and token in _OPENING:
            closing, start = _OPENING[token], index
    return inside


def _shape(token: str) -> str:
    """A coarse word class: punctuation, digits, Latin, Arabic, with a length bucket for Arabic."""
    if token.isalpha():  # the common case, decided without a scan per character
        if token.isascii():
            return "latin"
        size = len(token)
        return "ar" + ("S" if size <= 2 else "M" if size <= 5 else "L")
    if not any(char.isalnum() for char in token):
        return "punct"
    if any(char.isdigit() for char in token):
        return "digit"
    if token.isascii():
        return "latin"
    size = len(token)
    return "ar" + ("S" if size <= 2 else "M" if size <= 5 else "L")
