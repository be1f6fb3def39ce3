"""Stage ``claims``: statements that report the same proposition → one :class:`~kg.model.Claim`.

Reads ``corpus.statements`` and, when present, ``corpus.mentions``, ``corpus.mention_entity``,
``corpus.entities`` and ``corpus.roles``; writes ``corpus.claims``.

Each statement is reduced to a set of features: the entities named in its content (a capital
counts as its country, ``بلاده`` as the speaker's country) and the light stems of its other
content words. Scales without all-pairs comparison: statements are put in blocks (MinHash
bands over the features, the speaker, and each stem inside the speaker's side when that block
is small), and only pairs inside a block are compared. The required overlap depends on who
speaks: the same speaker (or one side, e.g. a minister and his ministry) needs less shared
wording than two unrelated speakers, and the same speaker telling the same addressee (two
reports of one phone call) less still. In one document, statements join only when near-identical,
nested, or when a short headline statement is contained in a longer one of the same speaker.
Between statements of the same speaker or side, a word with a distributionally similar word in
the other content (``تهدئة``/``تخفيف``, from word vectors trained on news-bench:
``kg/resources/claims/``) counts as shared in part, by the cosine. Claims whose statements have
opposite polarity but matching content (a denial of another speaker's assertion) are linked
with ``contradicts``. Each content also gets its main predicate (the class of its first event or
stance word, ``kg/resources/claims/predicates.tsv``): statements of different documents whose
predicates differ (``ملتزمة بدعم التحالف`` / ``ستنسحب من الاتفاق``, news-bench saudinewsnet)
neither join nor contradict unless their wording is near-identical, however many topic words
they share. Contents that state different figures (``مقتل 25`` / ``مقتل 31``) are different
claims; when their frame is the same, the two claims are linked with ``contradicts`` as a
disputed figure.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import gzip
import hashlib
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from kg.arabic.cues import load_frames
from kg.arabic.lexicons import RESOURCES
from kg.arabic.normalize import key
from kg.arabic.predicates import (  # main_predicate and word_predicates re-exported for the tests
    main_predicate,
    opens_condition,
    predicate_lemma,
    word_predicates,
)
from kg.arabic.stem import stem
from kg.arabic.time import WEEKDAYS
from kg.contract import CORPUS, Kept, Stage
from kg.model import Claim, Corpus, Mention, Statement
from kg.state import merge

if TYPE_CHECKING:
    from kg.state import State

NAME = "claims"
REQUIRES = ("statements",)
PROVIDES = ("claims",)

NUM_HASHES = 24
ROWS_PER_BAND = 2
MAX_BLOCK = 300  # larger speaker/stem blocks are left to the MinHash bands
WORD_BLOCK = 100  # words in more statements than this do not make candidate pairs across sides
CROSS_DOC_OVERLAP = 0.6  # shared weight / weight of the smaller content
CROSS_DOC_DICE = 0.5  # needed as well when the speakers are on known, different sides
SIDE_OVERLAP = 0.5  # same speaker or same side (a minister and his ministry)
SIDE_SHARED = 4  # ... with at least this many shared features
EXCHANGE_OVERLAP = 0.35  # same speaker telling the same addressee (one call, one meeting)
SHARED_WORDS = 2  # words (not entities) both contents must share, across documents
WORD_OVERLAP = 0.4  # weighted share of the smaller content's words found in the other
SAME_DOC_JACCARD = 0.8
HEADLINE_FEATURES = 3  # a content this short (a headline quote) may join a longer one containing it
CONTRADICTION_OVERLAP = 0.6
FRAME_OVERLAP = 0.35  # same side, same main predicate, participants not in conflict
FRAME_DICE = 0.3  # ... and this much alike as wholes
STANCE_OVERLAP = 0.5  # same stance cue (support, condemn, deny ...), any side
LINKED_GROUP = 3  # two groups this large merge only when they are well linked (average link)
LARGE_GROUP = 10  # ... and two groups this large only when samples of them are
LINK_SAMPLE = 20  # members of a large group compared
MAX_LINK_PAIRS = 400  # groups with more cross pairs are not compared for a one-sided join
ALIGNED_DICE = 0.3  # aligned restatements of one speaker (:class:`Restatements`)
ALIGNED_SHARE = 0.3  # ... share at least this part of the shorter content's words
ALIGNED_DAYS = 3  # ... and come from documents dated at most this many days apart
ALIGNED_JOIN = 2  # ... and join a group of at most this many statements to another
SIMILAR_COSINE = 0.6  # word-vector cosine at which two different stems count as a partial match
ENTITY_MARK = "@"
PREDICATE_MARK = "~"  # a listed predicate's lemma, for all its forms
SELF = "self:"  # after ENTITY_MARK: the speaker's own side
SIMILAR_WORDS_PATH = RESOURCES / "claims" / "similar-stems.tsv.gz"  # scripts/build_claim_words.py

# Arabic function words and auxiliaries carry no proposition (closed class, MSA grammar).
_FUNCTION_WORDS = frozenset(
    key(w)
    for w in " ".join(
        (
            "في من على إلى الى عن مع أن إن بأن أنه أنها إنه إنها التي الذي الذين هذا هذه ذلك تلك هو هي هم",
            "كان كانت قد لا لم لن ما و أو ثم بين حول بشأن بعد قبل كل عند حتى منذ خلال غير إلا لكن لكنه",
            "لكنها كما أي ضد عبر لدى فيه فيها به بها له لها منها منه عليه عليها إليه إليها هناك هنا",
            "يزال تزال يزالون زال زالت مازال مازالت أيضا أيضاً سوف إذا إذ لأن كافة جميع بعض نحو صوب",
            "جدا جداً مدى أمام وراء دون يوم اليوم أمس حاليا الآن",
            # light nouns of news prose that name no particular proposition
            "الوضع وضع الأوضاع المدينة مدينة المنطقة منطقة الجانب جانب الطرف طرف الأمر أمر",
            "المسألة مسألة القضية قضية الشأن شأن",
        )
    ).split()
)
_HIS_COUNTRY = frozenset(key(w) for w in ("بلاده", "بلادها", "بلادنا", "بلادهم", "بلدنا", "بلده", "بلدها"))
_MODULUS = (1 << 61) - 1
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩٫٬", "0123456789.,")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_DAY_NAMES = " ".join(WEEKDAYS)


def _keys(words: str) -> frozenset[str]:
    """Normalized keys of space-separated words."""
    return frozenset(key(word) for word in words.split())


# Negation particles of MSA (closed class) and the words after which they negate nothing:
# لا يزال "still", لا سيما "especially", لا بد "must".
_NEGATIONS = _keys("لا لم لن ليس ليست ليسوا لسنا لست عدم")
_CONTRASTIVE = _keys("وليس وليست")
_EXISTENTIAL = _keys("هناك هنالك من")
_NOT_NEGATED = _keys("يزال تزال يزالون تزالان نزال أزال زال زالت سيما بد")
# Weekday names, Saturday first. الأحد، الاثنين، الجمعة also mean "the one", "the two",
# "Friday prayers", so they count only after a time word (يوم، اليوم، مساء ...).
_WEEKDAYS = {key(word): day for day, word in enumerate(_DAY_NAMES.split())}
_AMBIGUOUS_DAYS = _keys("الأحد الاثنين الجمعة")
_TIME_WORDS = _keys("يوم اليوم ويوم مساء صباح ليل ليلة فجر ظهر نهار")


@dataclass(frozen=True)
class Item:
    """A statement with the features used to compare it."""

    stmt: Statement
    stems: frozenset[str]
    speaker: str | None
    side: str | None = None  # the country or body the speaker belongs to
    negated: frozenset[str] = frozenset()  # cores of the words a negation particle applies to
    days: frozenset[int] = frozenset()  # weekdays named in the content (0 = Saturday)
    addressee: str | None = None  # whom the speaker told it (resolved entity id)
    predicate: frozenset[str] = frozenset()  # classes of the content's first predicate word
    numbers: frozenset[str] = frozenset()  # the figures the content states (52, 1200, 3.5)
    stance: frozenset[str] = frozenset()  # predicate class of the cue (رحب، أيد → support; نفى → deny)
    date: str = ""  # the document's date (``YYYY-MM-DD``) when the input gives one

    words: frozenset[str] = field(init=False, repr=False, compare=False)  # stems that are not entities

    def __post_init__(self) -> None:
        words = frozenset(s for s in self.stems if not s.startswith(ENTITY_MARK))
        object.__setattr__(self, "words", words)


def negated_words(text: str) -> frozenset[str]:
    """Cores (see :func:`word_core`) of the words that a negation particle applies to.

    ``لم تعلن الحكومة`` → ``{علن}``. ``لا يزال`` ("still"), ``لا سيما`` and ``لا بد`` negate nothing.
    """
    written = key(text).split()
    words = [_strip_conjunction(w) for w in written]
    found = set()
    for index, word in enumerate(words[:-1]):
        following = words[index + 1]
        if opens_condition(words, index):
            break  # what a condition negates is no part of the proposition (إذا لم يفرجوا عنه)
        if word in _NEGATIONS and following not in _NOT_NEGATED and not contrastive(written, index):
            found.add(word_core(following))
    return frozenset(found)


def contrastive(words: list[str], index: int) -> bool:
    """``وليس`` before a phrase is "and not" (``كل السوريين وليس على الممثلين``,
    ant:AL-culture-146-20180309; ``وليس`` occurs 919 times in the first 20,000 news-bench
    articles): the phrase it sets aside is not a negated predicate. ``وليس هناك`` ("and there is
    no") still negates."""
    following = words[index + 1] if index + 1 < len(words) else ""
    return words[index] in _CONTRASTIVE and following not in _EXISTENTIAL


def word_core(word: str) -> str:
    """A rough core of a negated verb: light stem, imperfect prefix off, first three letters.

    ``لم تنفذ`` → ``نفذ``; crude, used only to see whether the word recurs un-negated elsewhere.
    """
    core = stem(word)
    if len(core) >= 4 and core[0] in "يتنا":
        core = core[1:]
    return core[:3]


def _cores(words: Iterable[str]) -> set[str]:
    """Possible cores of un-negated words: the first three letters, or those after a verb prefix."""
    cores = set()
    for feature in words:
        word = feature.removeprefix(PREDICATE_MARK)
        cores.add(word[:3])
        if len(word) >= 4 and word[0] in "يتنا":
            cores.add(word[1:4])
    return cores


def _strip_conjunction(word: str) -> str:
    return word[1:] if len(word) > 2 and word[0] in "وف" and word[1:] in _NEGATIONS else word


def numbers(text: str) -> frozenset[str]:
    """The figures written in digits in a text, Arabic-Indic digits read as Western and
    thousands separators dropped: ``مقتل ٥٢ فلسطينيا وإصابة 2,400`` → ``{"52", "2400"}``."""
    found = _NUMBER.findall(text.translate(_ARABIC_DIGITS))
    return frozenset(n.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", n) else n for n in found)


def weekdays(text: str) -> frozenset[int]:
    """The weekdays a content names (0 = Saturday ... 6 = Friday)."""
    words = key(text).split()
    days = set()
    for index, word in enumerate(words):
        bare = word[1:] if word[:1] in "وب" and word[1:] in _WEEKDAYS else word
        if bare not in _WEEKDAYS:
            continue
        if bare in _AMBIGUOUS_DAYS and (index == 0 or words[index - 1] not in _TIME_WORDS):
            continue
        days.add(_WEEKDAYS[bare])
    return frozenset(days)


@functools.lru_cache(maxsize=1 << 18)  # a corpus's words recur: one lexicon look-up per word
def word_feature(word: str) -> str:
    """The feature a normalized word contributes: the lemma of a listed predicate form
    (:func:`~kg.arabic.predicates.predicate_lemma`: ``ستنسحب`` and ``الانسحاب`` are one feature),
    else its light stem, or ``""`` for a function word."""
    if word in _FUNCTION_WORDS:
        return ""
    lemma = predicate_lemma(word)
    return PREDICATE_MARK + lemma if lemma else stem(word)


def content_stems(text: str) -> frozenset[str]:
    """The set of content-word stems of a text, on normalized keys."""
    return frozenset(filter(None, map(word_feature, key(text).split())))


@dataclass(frozen=True)
class EntityContext:
    """What the claims stage needs to know about the entities of a corpus."""

    canonical: dict[str, str]  # entity id -> the entity it stands for (capital → country)
    side: dict[str, str]  # entity id -> its side (country, or the body itself)
    persons: frozenset[str]  # person entities whose side is unknown
    mentions: dict[str, list[Mention]]  # doc id -> linked mentions, by start
    starts: dict[str, list[int]]
    mention_entity: dict[str, str]

    @classmethod
    def of(cls, corpus: Corpus) -> EntityContext:
        canonical = {e.entity_id: e.stands_for for e in corpus.entities if e.stands_for}
        side: dict[str, str] = {}
        for entity in corpus.entities:
            if entity.label != "PERSON":
                side[entity.entity_id] = entity.country or canonical.get(entity.entity_id, entity.entity_id)
        for role in corpus.roles:  # a person speaks for the body of his office (any document)
            if role.organization and role.person not in side:
                side[role.person] = side.get(role.organization, role.organization)
        for entity in corpus.entities:
            side.setdefault(entity.entity_id, entity.entity_id)
        mentions: dict[str, list[Mention]] = defaultdict(list)
        for mention in corpus.mentions:
            if mention.mention_id in corpus.mention_entity:
                mentions[mention.doc_id].append(mention)
        for doc_mentions in mentions.values():
            doc_mentions.sort(key=lambda m: m.span.start)
        starts = {doc: [m.span.start for m in ms] for doc, ms in mentions.items()}
        persons = frozenset(
            e.entity_id for e in corpus.entities if e.label == "PERSON" and side[e.entity_id] == e.entity_id
        )
        return cls(canonical, side, persons, dict(mentions), starts, dict(corpus.mention_entity))

    def resolve(self, entity: str | None) -> str | None:
        return self.canonical.get(entity or "", entity)

    def side_of(self, entity: str | None) -> str | None:
        if not entity:
            return None
        return self.side.get(entity, self.resolve(entity))

    def in_content(self, stmt: Statement) -> list[tuple[Mention, str]]:
        """Linked mentions inside the statement's content, with their resolved entity."""
        doc_mentions = self.mentions.get(stmt.doc_id, [])
        first = bisect.bisect_left(self.starts.get(stmt.doc_id, []), stmt.content.start)
        out = []
        for mention in doc_mentions[first:]:
            if mention.span.start >= stmt.content.end:
                break
            if mention.span.end <= stmt.content.end:
                entity = self.resolve(self.mention_entity[mention.mention_id])
                if entity:
                    out.append((mention, entity))
        return out


def statement_features(stmt: Statement, context: EntityContext, side: str | None) -> frozenset[str]:
    """Entity features (``@russia``) for named entities, light stems for the other content words."""
    text = stmt.content_text
    base = stmt.content.start
    found = context.in_content(stmt) if len(text) == len(stmt.content) else []
    features = {entity_feature(entity, side) for _, entity in found}
    chars = list(text)
    for mention, _ in found:
        outer = mention.attached or mention.span
        for index in range(max(outer.start, base), min(outer.end, base + len(chars))):
            chars[index - base] = " "
    for word in key("".join(chars)).split():
        if word in _HIS_COUNTRY and side:
            features.add(entity_feature(side, side))
        elif feature := word_feature(word):
            features.add(feature)
    # interned: the same stems recur across a corpus's statements, one string each saves memory
    return frozenset(map(sys.intern, features))


def entity_feature(entity: str, side: str | None) -> str:
    """``@entity``, or ``@self:entity`` for the speaker's own side: Iran saying ``طهران ستبقى
    ملتزمة بالاتفاق`` speaks of itself, the EU saying ``التزامه بالاتفاق مع إيران`` of Iran as the
    other party; one name in two roles is no shared participant."""
    return ENTITY_MARK + (SELF + entity if entity == side else entity)


def _hash(text: str) -> int:
    digest = hashlib.blake2b(text.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % _MODULUS


# Fixed (a, b) pairs of the universal hash family h_i(x) = (a_i * x + b_i) mod p: each stem
# is hashed once with blake2b, then permuted NUM_HASHES times with integer arithmetic.
_PERMUTATIONS = tuple((_hash(f"a{i}") | 1, _hash(f"b{i}")) for i in range(NUM_HASHES))


def minhash_bands(stems: Iterable[str]) -> list[tuple[int, tuple[int, ...]]]:
    """LSH bands of a MinHash signature: sets with Jaccard ≥ ~0.5 very likely share a band."""
    values = list(stems)
    if not values:
        return []
    base = [_hash(v) for v in values]
    signature = [min((a * x + b) % _MODULUS for x in base) for a, b in _PERMUTATIONS]
    return [
        (band, tuple(signature[band * ROWS_PER_BAND : (band + 1) * ROWS_PER_BAND]))
        for band in range(NUM_HASHES // ROWS_PER_BAND)
    ]


def candidate_pairs(items: list[Item], keys: list[list[str]] | None = None) -> Iterator[tuple[int, int]]:
    """Index pairs sharing a MinHash band, a speaker, a word within one side, or two rarer words.

    Blocks larger than :data:`MAX_BLOCK` (a prolific speaker, a frequent word) are skipped: at
    corpus scale their members still meet through the MinHash bands. Features found in more
    than :data:`MAX_BLOCK` statements are left out of the MinHash signatures, or every pair of
    statements sharing a few very common words would meet in a band; they make no side blocks either.

    Args:
        items: the statements' features.
        keys: their :func:`block_keys` (see :func:`all_block_keys`), when already computed.
    """
    keys = all_block_keys(items) if keys is None else keys
    blocks = _shared_blocks(keys)
    words: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        for word in item.words:
            words[word].append(index)
    nested = _nested_links(items)
    # One item at a time, its partners after it: memory stays per item, not per corpus pair.
    for a, item_keys in enumerate(keys):
        partners = set(nested.get(a, ()))
        for block in item_keys:
            members = blocks.get(block)
            if members is None or (len(members) > MAX_BLOCK and block[0] != "b"):
                continue
            partners.update(members[bisect.bisect_right(members, a) :])
        shared: Counter[int] = Counter()
        for word in items[a].words:
            members = words[word]
            if 1 < len(members) <= WORD_BLOCK:
                shared.update(members[bisect.bisect_right(members, a) :])
        partners.update(b for b, count in shared.items() if count >= SHARED_WORDS)
        for b in sorted(partners):
            yield a, b


def _shared_blocks(keys: list[list[str]]) -> dict[str, list[int]]:
    """Block key → the indices of its items, for the keys of two or more items (rare words are
    counted per item in :func:`candidate_pairs`). Most MinHash band keys belong to one statement
    only; they get no list (on 50k articles, 2.7 million keys)."""
    first: dict[str, int] = {}
    blocks: dict[str, list[int]] = {}
    for index, item_keys in enumerate(keys):
        for block in dict.fromkeys(item_keys):
            if block[0] == "w":
                continue
            seen = first.setdefault(block, index)
            if seen != index:
                members = blocks.get(block)
                if members is None:
                    blocks[block] = [seen, index]
                else:
                    members.append(index)
    return blocks


def _nested_links(items: list[Item]) -> dict[int, list[int]]:
    """Item index → the later items that are its nested statement or its outer statement."""
    by_id = {item.stmt.stmt_id: i for i, item in enumerate(items)}
    links: dict[int, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        parent = by_id.get(item.stmt.parent or "")
        if parent is not None and parent != index:
            links[min(index, parent)].append(max(index, parent))
    return links


def all_block_keys(items: Sequence[Item]) -> list[list[str]]:
    """The :func:`block_keys` of every item, with feature frequencies counted over ``items``."""
    frequency = Counter(feature for item in items for feature in item.stems)
    return [block_keys(item, frequency) for item in items]


Weights = Mapping[str, float]
Similar = Mapping[str, Mapping[str, float]]


def idf_weights(items: Iterable[Item]) -> dict[str, float]:
    """Inverse document frequency of each feature over the statements being grouped.

    A word that recurs in many statements of the corpus (the story's topic, a stock phrase
    such as ``وقف إطلاق النار``) says little about which proposition a statement makes.
    """
    frequency: Counter[str] = Counter()
    count = 0
    for item in items:
        frequency.update(item.stems)
        count += 1
    return weights_from(frequency, count)


def weights_from(frequency: Mapping[str, int], count: int) -> dict[str, float]:
    """IDF weights from feature document frequencies over ``count`` statements (see :func:`idf_weights`)."""
    return {feature: math.log((count + 1) / (df + 1)) + 1.0 for feature, df in frequency.items()}


def block_keys(item: Item, frequency: Mapping[str, int]) -> list[str]:
    """The blocks of :func:`candidate_pairs` an item belongs to, as strings (for a persisted index).

    ``b<band>:<values>`` MinHash bands (features in more than :data:`MAX_BLOCK` statements left
    out), ``s<speaker>``, ``d<side>\x1f<word>`` for words in at most :data:`MAX_BLOCK` statements,
    and ``w<word>`` for every word (the rare-word pairs; their size limit is checked on lookup).
    """
    keys = [
        f"b{band}:" + ":".join(map(str, values))
        for band, values in minhash_bands(f for f in item.stems if frequency.get(f, 0) <= MAX_BLOCK)
    ]
    if item.speaker:
        keys.append(sys.intern("s" + item.speaker))
    for word in sorted(item.words):  # speaker, side and word keys recur across items: interned
        if item.side and frequency.get(word, 0) <= MAX_BLOCK:
            keys.append(sys.intern(f"d{item.side}\x1f{word}"))
        keys.append(sys.intern("w" + word))
    return keys


def _weight(features: Iterable[str], weights: Weights | None) -> float:
    if weights is None:
        return float(sum(1 for _ in features))
    return sum(weights.get(f, 1.0) for f in features)


@functools.cache
def similar_words(path: Path = SIMILAR_WORDS_PATH) -> dict[str, dict[str, float]]:
    """Stem → {distributionally similar stem: cosine}, made symmetric; empty when the file is missing.

    The file (``stem<TAB>neighbour:cosine ...``, gzip) is built from news-bench by
    ``scripts/build_claim_words.py``; see ``kg/resources/claims/README.md``.
    """
    if not path.is_file():
        return {}
    table: dict[str, dict[str, float]] = defaultdict(dict)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            word, _, rest = line.rstrip("\n").partition("\t")
            for pair in rest.split():
                other, _, cosine = pair.rpartition(":")
                value = float(cosine)
                if value >= SIMILAR_COSINE:
                    table[word][other] = max(value, table[word].get(other, 0.0))
                    table[other][word] = max(value, table[other].get(word, 0.0))
    return dict(table)


def _similar_weight(a: frozenset[str], b: frozenset[str], weights: Weights | None, similar: Similar) -> float:
    """Weight of the words of ``a`` paired one-to-one with a similar word of ``b``, times the cosine.

    ``a`` and ``b`` hold the words the two contents do not share; the most similar pairs are taken first.
    """
    pairs = sorted(
        (cosine, word, other) for word in a for other, cosine in similar.get(word, {}).items() if other in b
    )
    used: set[str] = set()
    total = 0.0
    for cosine, word, other in reversed(pairs):
        if word not in used and other not in used:
            used.update((word, other))
            total += cosine * min(_weight((word,), weights), _weight((other,), weights))
    return total


def _shared_weight(
    a: frozenset[str], b: frozenset[str], weights: Weights | None, similar: Similar | None
) -> float:
    shared = _weight(a & b, weights)
    if similar:
        shared += _similar_weight(a - b, b - a, weights, similar)
    return shared


def overlap(
    a: frozenset[str], b: frozenset[str], weights: Weights | None = None, similar: Similar | None = None
) -> float:
    """Shared weight over the weight of the smaller set (unweighted: shared stems / smaller size).

    With ``similar`` (see :func:`similar_words`), a word of one set with a similar word in the
    other counts as shared in part, by their cosine.
    """
    if not a or not b:
        return 0.0
    return _shared_weight(a, b, weights, similar) / min(_weight(a, weights), _weight(b, weights))


def dice(
    a: frozenset[str], b: frozenset[str], weights: Weights | None = None, similar: Similar | None = None
) -> float:
    """Twice the shared weight over the summed weights: low when one content says much more."""
    total = _weight(a, weights) + _weight(b, weights)
    return 2 * _shared_weight(a, b, weights, similar) / total if total else 0.0


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _headline_of(x: Item, y: Item) -> bool:
    """A short quote (a headline's ``X: "..."``) whose words all recur in a longer statement."""
    short, long_ = (x, y) if len(x.stems) <= len(y.stems) else (y, x)
    words = short.words
    return bool(words) and len(short.stems) <= HEADLINE_FEATURES and words <= long_.words


def _same_side(x: Item, y: Item) -> bool:
    if x.speaker and x.speaker == y.speaker:
        return True
    return bool(x.side) and x.side == y.side


def same_exchange(x: Item, y: Item) -> bool:
    """The same speaker telling the same addressee: two reports of one call or one meeting."""
    return bool(x.speaker and x.addressee) and (x.speaker, x.addressee) == (y.speaker, y.addressee)


def _unknown_side(x: Item, y: Item) -> bool:
    """One speaker is missing or a person with no known affiliation: not known to be on another side."""
    return any(not item.side or item.side == item.speaker for item in (x, y))


def _negation_mismatch(x: Item, y: Item) -> bool:
    """``x`` negates a word that ``y`` states without negation."""
    negated = x.negated - y.negated
    return bool(negated) and bool(negated & _cores(y.words))


def predicates_differ(x: Item, y: Item) -> bool:
    """Both contents have a known predicate and they are of different classes: ``وأنها ملتزمة
    بدعم التحالف`` (remain, saudinewsnet:2015-07-23:1269) is not ``ستنسحب من الاتفاق`` (withdraw,
    saudinewsnet:2015-08-06:2107), whatever topic words they share."""
    return bool(x.predicate) and bool(y.predicate) and not x.predicate & y.predicate


def _participants(item: Item, *speaking: Item) -> set[str]:
    """The entities ``item``'s content names, other than its own side and the speakers and sides
    of the ``speaking`` items."""
    own = ENTITY_MARK + SELF
    speakers = {ENTITY_MARK + value for other in speaking for value in (other.side, other.speaker) if value}
    return {f for f in item.stems if f.startswith(ENTITY_MARK) and not f.startswith(own)} - speakers


def participants_differ(x: Item, y: Item) -> bool:
    """Both contents name entities of one kind other than the speakers and their sides, and none
    in common: sanctions on one country and sanctions on another are two propositions. Entities of
    different kinds are different roles, not a conflict: sanctions on a country and the release of
    a person it holds (``العقوبات على تركيا`` / ``الإفراج عن القس برانسون``) may be one threat."""
    ours, theirs = _participants(x, x, y), _participants(y, x, y)
    if ours & theirs:
        return False
    kinds, other_kinds = {_kind(f) for f in ours}, {_kind(f) for f in theirs}
    return bool(kinds & other_kinds) or "" in kinds | other_kinds


def _kind(feature: str) -> str:
    """The kind of an entity feature, from the id's first part (:func:`kg.ids.entity_id`):
    ``@person_…`` → ``person``, ``@gpe_country_…`` → ``gpe``; ``""`` when the id has none."""
    head, _, rest = feature[len(ENTITY_MARK) :].partition("_")
    return head if rest else ""


def same_frame(x: Item, y: Item, weights: Weights | None = None) -> bool:
    """Two documents' statements of one speaker or side with the same main predicate and the same
    participants: one proposition in other words (sanctions on Canada announced and described,
    saudinewsnet:2015-07-21:570), so less shared wording is needed."""
    if not x.predicate & y.predicate or not _same_side(x, y) or not _one_frame(x, y):
        return False
    # alike as wholes to a degree too: a predicate and one name in common chained a story's
    # unrelated statements on 10,000 news-bench articles (ملتزم + the United States)
    return (
        dice(x.stems, y.stems, weights) >= FRAME_DICE and overlap(x.stems, y.stems, weights) >= FRAME_OVERLAP
    )


def different_figures(x: Item, y: Item) -> bool:
    """Both contents state figures and none is in both (``10 مليارات دولار`` / ``15 مليار دولار``)."""
    return bool(x.numbers) and bool(y.numbers) and not x.numbers & y.numbers


def same_stance(x: Item, y: Item, weights: Weights | None = None) -> bool:
    """Two documents' statements whose cues take one stance (``رحب``/``أيد``/``أشاد``: support)
    towards the same object in alike words (``ورحبت قيادات سنية وشيعية، بدعوة شيخ الأزهر``,
    saudinewsnet:2015-07-26:459): one proposition, even from speakers on different sides."""
    if not x.stance & y.stance or predicates_differ(x, y) or not _one_frame(x, y):
        return False
    return overlap(x.stems, y.stems, weights) >= STANCE_OVERLAP


def same_denial(x: Item, y: Item) -> bool:
    """Two documents' denials by one speaker or side of one event about the same participant:
    one side's denials are worded as a rebuttal (``نفت ... هذه الأنباء``), an evaluation (``إنها
    عارية من الصحة``) or the event itself (``نفت مقتل ...``), and rarely share words, but deny
    one proposition (``نفت كولومبيا هذه الاتهامات`` and ``نفت الحكومة الكولومبية أي تورط في
    الحادث``, ant:BB-internationalNews-933-20180805 and -938-20180805). The participants (with
    the antecedent of a content that points back, :func:`with_antecedents`) must share an entity,
    and the events must not differ."""
    if x.stmt.polarity != "deny" or y.stmt.polarity != "deny" or x.stmt.doc_id == y.stmt.doc_id:
        return False
    if not _same_side(x, y) or predicates_differ(x, y) or participants_differ(x, y):
        return False
    return bool(_participants(x, x, y) & _participants(y, x, y)) and not distinct_events(x, y)


def stances_differ(x: Item, y: Item) -> bool:
    """One cue takes a stance (support, condemn, deny …) the other does not take: one side's
    welcome of a decision is not another side's report of it."""
    return x.stance != y.stance and not x.stance & y.stance


def _one_frame(x: Item, y: Item) -> bool:
    """What :func:`same_frame` and :func:`same_stance` both need: two documents, one polarity,
    no conflicting participants, no sign of distinct events, and two shared features."""
    if x.stmt.doc_id == y.stmt.doc_id or x.stmt.polarity != y.stmt.polarity:
        return False
    if participants_differ(x, y) or distinct_events(x, y):
        return False
    return len(x.stems & y.stems) >= SHARED_WORDS


def distinct_events(x: Item, y: Item) -> bool:
    """Opposite negation, different weekdays named, or different figures stated: the two contents
    report different things (or dispute one, see :func:`disputed`)."""
    if _negation_mismatch(x, y) or _negation_mismatch(y, x) or different_figures(x, y):
        return True
    return bool(x.days) and bool(y.days) and not x.days & y.days


def _words_match(x: Item, y: Item, weights: Weights | None, similar: Similar | None) -> bool:
    """Enough shared words (the predicate and its nouns), not only the same entities."""
    shared = x.words & y.words
    return len(shared) >= SHARED_WORDS and overlap(x.words, y.words, weights, similar) >= WORD_OVERLAP


def same_claim(x: Item, y: Item, weights: Weights | None = None, similar: Similar | None = None) -> bool:
    """Whether two statements assert the same proposition.

    Args:
        x: one statement's features.
        y: the other's.
        weights: feature weights (see :func:`idf_weights`); ``None`` weighs every feature 1.
        similar: similar words (see :func:`similar_words`), counted as partly shared across
            documents; ``None`` counts exact stems only.
    """
    if x.stmt.polarity != y.stmt.polarity:
        return False
    nested = x.stmt.parent == y.stmt.stmt_id or y.stmt.parent == x.stmt.stmt_id
    if nested:
        return overlap(x.stems, y.stems) >= CROSS_DOC_OVERLAP
    same_speaker = bool(x.speaker) and x.speaker == y.speaker
    if x.stmt.doc_id != y.stmt.doc_id and predicates_differ(x, y):
        return jaccard(x.stems, y.stems) >= SAME_DOC_JACCARD  # only a near-identical wording
    if x.stmt.doc_id == y.stmt.doc_id:
        if same_speaker and _headline_of(x, y):
            return True
        return min(len(x.stems), len(y.stems)) >= 2 and jaccard(x.stems, y.stems) >= SAME_DOC_JACCARD
    if same_frame(x, y, weights) or same_stance(x, y, weights) or same_denial(x, y):
        return True
    if not _same_side(x, y) and stances_differ(x, y):
        return False
    if not _same_side(x, y):
        similar = None  # only the same speaker or side may word one proposition differently
    if same_exchange(x, y) and len(x.words & y.words) >= SHARED_WORDS and not distinct_events(x, y):
        # who told whom is fixed, so less shared wording is needed (translations of one readout)
        return overlap(x.stems, y.stems, weights, similar) >= EXCHANGE_OVERLAP
    if not _words_match(x, y, weights, similar) or distinct_events(x, y):
        return False
    similarity = overlap(x.stems, y.stems, weights, similar)
    if _same_side(x, y):
        return len(x.stems & y.stems) >= SIDE_SHARED and similarity >= SIDE_OVERLAP
    if similarity < CROSS_DOC_OVERLAP:
        return False
    return _unknown_side(x, y) or dice(x.stems, y.stems, weights, similar) >= CROSS_DOC_DICE


def restatement_score(x: Item, y: Item, weights: Weights | None, similar: Similar | None) -> float:
    """How alike two documents' statements of one speaker are as wholes (Dice, similar words
    counted in part), when they may restate one proposition in other words; else 0.

    They must share :data:`SHARED_WORDS` words and at least :data:`ALIGNED_SHARE` of the shorter
    content's words, have the same polarity, and show no sign of two propositions (a different
    predicate class or participants, :func:`distinct_events`). Two speakers of one side (a
    ministry and the president's spokesman) must be as alike as two sides' statements
    (:data:`CROSS_DOC_DICE`)."""
    if x.stmt.doc_id == y.stmt.doc_id or x.stmt.polarity != y.stmt.polarity or not _same_side(x, y):
        return 0.0
    if not dated_near(x, y):
        return 0.0
    shared = len(x.words & y.words)
    if shared < SHARED_WORDS or shared < ALIGNED_SHARE * min(len(x.words), len(y.words)):
        return 0.0
    if predicates_differ(x, y) or participants_differ(x, y) or distinct_events(x, y):
        return 0.0
    score = dice(x.stems, y.stems, weights, similar)
    if x.speaker != y.speaker and score < CROSS_DOC_DICE:
        return 0.0
    return score if score >= ALIGNED_DICE else 0.0


Node = TypeVar("Node", bound=Hashable)


def dated_near(x: Item, y: Item) -> bool:
    """The two documents are dated at most :data:`ALIGNED_DAYS` apart, or either has no date:
    outlets report one speaker's words within days (on 50k news-bench articles, aligned
    statements of one speaker months apart were mostly different propositions)."""
    days = _day(x.date), _day(y.date)
    return days[0] is None or days[1] is None or abs(days[0] - days[1]) <= ALIGNED_DAYS


@functools.lru_cache(maxsize=4096)
def _day(date: str) -> int | None:
    """The day number of an ISO date (its first ten characters), or None when there is none."""
    try:
        return datetime.date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return None


class Restatements(Generic[Node]):
    """Each statement's best restatement (:func:`restatement_score`) in each other document.

    Outlets covering one event quote one speaker in their own words: ``لا أعرف كيف أقرأ هذه
    التصريحات ... هذه هي سياسته`` and ``لا أعرف كيف أفسر ذلك ... هذه هي سياسته``
    (saudinewsnet:2015-07-21:2968 and 2015-07-24:362). Two such statements share too few words
    for :func:`same_claim`, but when each is the other's closest statement of that speaker in the
    other document, they are one claim. Being each other's best is what keeps the bar low: the
    same speaker's other statements in the two documents are less alike. On 50k news-bench
    articles 38 of 50 sampled aligned pairs that :func:`same_claim` leaves apart were one
    proposition (the others: one speaker's statements on two incidents of one week).
    """

    def __init__(self) -> None:
        self._best: dict[tuple[Node, str], tuple[float, Node]] = {}
        self._item: dict[Node, Item] = {}
        self._said: dict[str, set[Node]] = defaultdict(set)  # speaker → statements
        self._topics: dict[frozenset[str], set[str]] = {}  # speakers → their topic words

    def offer(
        self,
        a: Node,
        b: Node,
        pair: tuple[Item, Item],
        weights: Weights | None,
        similar: Similar | None,
    ) -> None:
        """Consider statements ``a`` and ``b`` (any hashable node names) with features ``pair``."""
        x, y = pair
        for node, item in ((a, x), (b, y)):
            if node not in self._item:
                self._item[node] = item
                self._said[item.speaker or ""].add(node)
        score = restatement_score(x, y, weights, similar)
        if not score:
            return
        for node, other in ((a, b), (b, a)):
            held = self._best.get((node, self._item[other].stmt.doc_id))
            if held is None or score > held[0]:
                self._best[(node, self._item[other].stmt.doc_id)] = (score, other)

    def aligned(self) -> list[tuple[Node, Node]]:
        """The pairs of statements that are each other's best restatement and share
        :data:`SHARED_WORDS` words besides their speakers' :meth:`topic_words`, best first."""
        pairs = []
        for (node, doc), (score, other) in self._best.items():
            back = self._best.get((other, self._item[node].stmt.doc_id))
            if back is None or back[1] != node or self._item[node].stmt.doc_id >= doc:
                continue
            x, y = self._item[node], self._item[other]
            if len((x.words & y.words) - self.topic_words(x, y)) >= SHARED_WORDS:
                pairs.append((score, node, other))
        pairs.sort(key=lambda found: -found[0])
        return [(node, other) for _, node, other in pairs]

    def topic_words(self, x: Item, y: Item) -> set[str]:
        """Words in most statements of the two speakers (more than half of them, and more than
        two): what the speakers talk about, not what either statement says. Three statements of
        one speaker on a ceasefire share ``وقف إطلاق النار`` and are three propositions (strikes
        outside it, its violations, talks about it)."""
        speakers = frozenset((x.speaker or "", y.speaker or ""))
        if speakers not in self._topics:  # asked once per pair of speakers, not per aligned pair
            pool = set().union(*(self._said[speaker] for speaker in speakers))
            counts = Counter(word for node in pool for word in self._item[node].words)
            least = max(2, len(pool) // 2)
            self._topics[speakers] = {word for word, count in counts.items() if count > least}
        return self._topics[speakers]


def restatement_joinable(*sizes: int) -> bool:
    """Aligned restatements join a statement, or a quote with its one repetition
    (:data:`ALIGNED_JOIN` statements), to another statement or claim; they do not merge two larger
    claims, each of which may hold statements the aligned pair does not speak for."""
    return min(sizes) <= ALIGNED_JOIN


def one_sided(x: Item, y: Item, weights: Weights | None = None, similar: Similar | None = None) -> bool:
    """Two statements of different documents that :func:`same_claim` matches because the shorter
    content recurs in the longer one, while the two are not alike as wholes (Dice below
    :data:`CROSS_DOC_DICE`). Such a short statement may join one claim, but must not bridge two:
    a generic phrase (``تعزيزها في شتى المجالات``) recurs in statements about anything, and on
    50k articles links chained 18k unrelated statements into one claim."""
    if x.stmt.doc_id == y.stmt.doc_id or x.stmt.parent == y.stmt.stmt_id or y.stmt.parent == x.stmt.stmt_id:
        return False
    return dice(x.stems, y.stems, weights, similar if _same_side(x, y) else None) < CROSS_DOC_DICE


def shorter(x: Item, y: Item) -> Item:
    """The item with fewer features (``y`` on a tie)."""
    return x if len(x.stems) < len(y.stems) else y


def may_join(
    x: Item, y: Item, sizes: tuple[int, int], weights: Weights | None = None, similar: Similar | None = None
) -> bool:
    """Whether two statements that :func:`same_claim` matches may be put in one claim, given
    ``sizes``, the sizes of the groups they are in so far: a :func:`one_sided` match joins only
    while the shorter statement is alone (it may join one claim, not bridge two; but see
    :func:`well_linked`)."""
    if not one_sided(x, y, weights, similar):
        return True
    return (sizes[0] if shorter(x, y) is x else sizes[1]) <= 1


def well_linked(
    ours: Sequence[Item],
    theirs: Sequence[Item],
    weights: Weights | None = None,
    similar: Similar | None = None,
    *,
    sides: bool = True,
) -> bool:
    """Two groups of statements of one speaker or side whose cross-document pairs mostly match
    (:func:`same_claim`, average link): outlets quoting different parts of one demand (``دعت
    السفارة الكندية إلى "الإفراج فورا" عن نشطاء ...``, ant:FR-internationalNews-2624-20180808),
    each a partial paraphrase of the others, are one claim even when no single pair is alike as a
    whole. Unless ``sides`` is false (samples of two large groups), speakers of several sides are
    not linked so (on the dev stories a treaty's name chained
    the statements of every side about it); :func:`groups_joinable` compares only groups with at most
    :data:`MAX_LINK_PAIRS` cross pairs."""
    if sides and len({item.side or item.speaker for item in (*ours, *theirs)}) > 1:
        return False
    pairs = [(a, b) for a in ours for b in theirs if a.stmt.doc_id != b.stmt.doc_id]
    if not pairs:
        return False
    matched = sum(1 for a, b in pairs if same_claim(a, b, weights, similar))
    return matched * 2 >= len(pairs)


def one_clause(x: Item, y: Item) -> bool:
    """One speaker's statement and one read from inside it (``نفى أن يكون الموقع يعمل`` and its
    clause ``الموقع يعمل``, or its nested statement): a text is not set against itself. Two
    speakers on one span stay apart: ``رفض مزاعم X بأن ...`` is a denial of X's assertion."""
    if x.speaker and y.speaker and x.speaker != y.speaker:
        return False
    if x.stmt.parent == y.stmt.stmt_id or y.stmt.parent == x.stmt.stmt_id:
        return True
    if x.stmt.doc_id != y.stmt.doc_id:
        return False
    a, b = x.stmt.content, y.stmt.content
    return a.start < b.end and b.start < a.end


def disputed(x: Item, y: Item) -> bool:
    """Two documents give different figures for one frame (same main predicate, the same
    participants, the other content words alike): a disputed toll or amount."""
    if x.stmt.doc_id == y.stmt.doc_id or not x.predicate & y.predicate or not different_figures(x, y):
        return False
    if participants_differ(x, y):
        return False
    figures = x.numbers | y.numbers
    ours, theirs = x.stems - figures, y.stems - figures
    return min(len(ours), len(theirs)) >= 2 and overlap(ours, theirs) >= CONTRADICTION_OVERLAP


def conflicting(x: Item, y: Item) -> bool:
    """A denial whose content matches an assertion (by another speaker or the same one), other
    than its own clause (:func:`one_clause`), or two figures for one frame (:func:`disputed`)."""
    if one_clause(x, y):
        return False
    if x.stmt.polarity == y.stmt.polarity:
        return disputed(x, y)
    if predicates_differ(x, y):
        return False
    return overlap(x.stems, y.stems) >= CONTRADICTION_OVERLAP and min(len(x.stems), len(y.stems)) >= 2


class UnionFind:
    def __init__(self, size: int):
        self.parent = list(range(size))
        self.sizes = [1] * size  # members of each root's group
        self.members: dict[int, list[int]] = {}  # root -> its members, for groups of two or more
        self._linked: dict[tuple[int, int, int, int], bool] = {}  # see linked()

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            root, other = min(ra, rb), max(ra, rb)
            self.parent[other] = root
            self.sizes[root] += self.sizes[other]
            joined = self.members.pop(root, [root])
            joined.extend(self.members.pop(other, [other]))
            self.members[root] = joined

    def linked(self, a: int, b: int, test: Callable[[list[int], list[int]], bool]) -> bool:
        """``test`` of the members of ``a``'s and ``b``'s groups, remembered while both groups
        stay as they are (one merge decision is asked again by every matching pair)."""
        ra, rb = sorted((self.find(a), self.find(b)))
        state = (ra, rb, self.sizes[ra], self.sizes[rb])
        if state not in self._linked:
            self._linked[state] = test(self.group(ra), self.group(rb))
        return self._linked[state]

    def group(self, index: int) -> list[int]:
        """The members of ``index``'s group."""
        root = self.find(index)
        return self.members.get(root, [root])

    def size(self, index: int) -> int:
        """How many items are in ``index``'s group."""
        return self.sizes[self.find(index)]


def claim_id(statement_ids: Iterable[str]) -> str:
    """``c`` + the first 12 hex digits of sha1 over the sorted member ids."""
    joined = "\n".join(sorted(statement_ids))
    return "c" + hashlib.sha1(joined.encode("utf-8")).hexdigest()[:12]


_DEMONSTRATIVES = _keys("هذه هذا تلك ذلك")


def anaphoric(text: str) -> bool:
    """A content that only points back at what was said before: a demonstrative and a noun of
    claims (``نفت روسيا بشدة هذه الاتهامات``, ant:AL-internationalNews-1823-20180709; نفى/رفض +
    هذه/تلك + اتهامات/مزاعم/ادعاءات/تقارير/أنباء in 96 news-bench sentences)."""
    words = key(text).split()
    if not 2 <= len(words) <= 3 or words[0] not in _DEMONSTRATIVES:
        return False
    noun = words[1][2:] if words[1].startswith("ال") else words[1]
    return noun in load_frames().deny_objects


def bare_denial(item: Item) -> bool:
    """A denial whose content names no one but its speaker: it rejects what was said before
    (``واتهم مادورو كولومبيا بالضلوع في هذه المحاولة ... بينما نفت كولومبيا هذه الاتهامات قائلة
    إنها "لا أساس لها"``, ant:BB-internationalNews-933-20180805)."""
    if item.stmt.polarity != "deny":
        return False
    return not _participants(item, item)


def with_antecedents(items: list[Item]) -> list[Item]:
    """Items whose :func:`anaphoric` content, or :func:`bare_denial`, also carries the features
    (and the predicate) of what it points back at: the latest earlier assertion of another
    speaker in its document."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        by_doc[item.stmt.doc_id].append(index)
    out = list(items)
    for indices in by_doc.values():
        indices.sort(key=lambda i: items[i].stmt.content.start)
        for position, index in enumerate(indices):
            item = items[index]
            if not anaphoric(item.stmt.content_text) and not bare_denial(item):
                continue
            antecedent = next(
                (
                    items[j]
                    for j in reversed(indices[:position])
                    if items[j].speaker != item.speaker and items[j].stmt.polarity == "assert"
                ),
                None,
            )
            if antecedent is not None:
                predicate = item.predicate or antecedent.predicate
                out[index] = replace(item, stems=item.stems | antecedent.stems, predicate=predicate)
    return out


def make_items(corpus: Corpus) -> list[Item]:
    """One comparable :class:`Item` per statement of the corpus (an :func:`anaphoric` content
    with the features of its antecedent)."""
    context = EntityContext.of(corpus)
    by_id = {stmt.stmt_id: stmt for stmt in corpus.statements}
    dates = {doc.doc_id: doc.date for doc in corpus.documents}
    items = []
    for stmt in corpus.statements:
        speaker = context.resolve(stmt.speaker)
        side = context.side_of(stmt.speaker)
        parent = by_id.get(stmt.parent or "")
        if parent is not None and stmt.speaker in context.persons:
            side = context.side_of(parent.speaker) or side  # an official quoted by his ministry
        features = statement_features(stmt, context, side)
        text = stmt.content_text
        addressee = context.resolve(stmt.addressee)
        negated, days, predicate = negated_words(text), weekdays(text), main_predicate(text)
        stance = word_predicates(key(stmt.cue_lemma)) if stmt.cue_lemma else frozenset()
        items.append(
            Item(
                stmt,
                features,
                speaker,
                side,
                negated,
                days,
                addressee,
                predicate,
                numbers(text),
                stance,
                dates.get(stmt.doc_id, ""),
            )
        )
    return with_antecedents(items)


def indexed_items(corpus: Corpus) -> tuple[list[Item], list[list[str]]]:
    """The items of ``corpus``'s statements (see :func:`make_items`) and their block keys."""
    items = make_items(corpus)
    return items, all_block_keys(items)


def groups_joinable(
    x: Item,
    y: Item,
    sizes: tuple[int, int],
    linked: Callable[[], bool],
    weights: Weights | None = None,
    similar: Similar | None = None,
) -> bool:
    """Whether a matched pair ``x``, ``y`` may merge their groups (of ``sizes`` statements):
    :func:`may_join` while one group is smaller than :data:`LINKED_GROUP`, else ``linked()``
    (:func:`groups_linked` of the two groups' members) when they are small enough to compare pair
    by pair (:data:`MAX_LINK_PAIRS`) or both of :data:`LARGE_GROUP` or more (samples). One pair of
    matching statements must not merge two claims that each hold several statements (two sides
    each saying they remain committed to one treaty are two claims, and on 50k articles such
    pairs chained unrelated claims of hundreds). A full build and an append both decide so."""
    if min(sizes) < LINKED_GROUP and may_join(x, y, sizes, weights, similar):
        return True
    if min(sizes) < LARGE_GROUP and sizes[0] * sizes[1] > MAX_LINK_PAIRS:
        return False
    return linked()


def groups_linked(
    ours: Sequence[Item],
    theirs: Sequence[Item],
    large: bool,
    weights: Weights | None = None,
    similar: Similar | None = None,
) -> bool:
    """:func:`well_linked` for the members of two groups; for two ``large`` groups, samples of
    :data:`LINK_SAMPLE` members each, whatever their speakers' sides."""
    if large:
        return well_linked(ours[:LINK_SAMPLE], theirs[:LINK_SAMPLE], weights, similar, sides=False)
    return well_linked(ours, theirs, weights, similar)


def _members_linked(
    groups: UnionFind, items: list[Item], pair: tuple[int, int], weights: Weights, similar: Similar
) -> bool:
    """:func:`groups_linked` of the members of the two groups of ``pair`` (remembered while both
    groups stay as they are: every matching pair between them asks again)."""
    a, b = pair
    large = min(groups.size(a), groups.size(b)) >= LARGE_GROUP

    def test(ours: list[int], theirs: list[int]) -> bool:
        return groups_linked([items[i] for i in ours], [items[i] for i in theirs], large, weights, similar)

    return groups.linked(a, b, test)


def build_claims(
    corpus: Corpus,
    *,
    similar: Similar | None = None,
    indexed: tuple[list[Item], list[list[str]]] | None = None,
) -> tuple[Claim, ...]:
    """Group the corpus statements into claims and link contradictions.

    Args:
        corpus: a corpus with statements (and, for better grouping, mentions and entities).
        similar: similar words (see :func:`similar_words`); ``None`` loads the shipped table,
            ``{}`` matches exact stems only.
        indexed: the statements' items and block keys (:func:`indexed_items`), when the caller
            has them; made here otherwise.

    Returns:
        Claims sorted by id, each with sorted statement and document ids.
    """
    items, keys = indexed or indexed_items(corpus)
    groups = UnionFind(len(items))
    weights = idf_weights(items)
    similar = similar_words() if similar is None else similar
    conflicts: list[tuple[int, int]] = []
    restatements: Restatements[int] = Restatements()
    for a, b in candidate_pairs(items, keys):
        restatements.offer(a, b, (items[a], items[b]), weights, similar)
        if same_claim(items[a], items[b], weights, similar):
            if groups.find(a) == groups.find(b):
                continue
            sizes = (groups.size(a), groups.size(b))
            linked = functools.partial(_members_linked, groups, items, (a, b), weights, similar)
            if groups_joinable(items[a], items[b], sizes, linked, weights, similar):
                groups.union(a, b)
        elif conflicting(items[a], items[b]):
            conflicts.append((a, b))
    for a, b in restatements.aligned():
        if groups.find(a) != groups.find(b) and restatement_joinable(groups.size(a), groups.size(b)):
            groups.union(a, b)
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(items)):
        members[groups.find(index)].append(index)
    ids = {root: claim_id(items[i].stmt.stmt_id for i in group) for root, group in members.items()}
    contradicts: dict[str, set[str]] = defaultdict(set)
    for a, b in conflicts:
        ca, cb = ids[groups.find(a)], ids[groups.find(b)]
        if ca != cb:
            contradicts[ca].add(cb)
            contradicts[cb].add(ca)
    claims = []
    for root, group in members.items():
        stmts = [items[i].stmt for i in group]
        cid = ids[root]
        claims.append(
            Claim(
                claim_id=cid,
                content=representative(stmts),
                statement_ids=tuple(sorted(s.stmt_id for s in stmts)),
                doc_ids=tuple(sorted({s.doc_id for s in stmts})),
                contradicts=tuple(sorted(contradicts[cid])),
            )
        )
    return tuple(sorted(claims, key=lambda c: c.claim_id))


def representative(stmts: Iterable[Statement]) -> str:
    """The wording of the most confident statement (ties: earliest id)."""
    best = sorted(stmts, key=lambda s: (-s.confidence, s.stmt_id))[0]
    return best.content_text


def run(corpus: Corpus) -> Corpus:
    """Fill ``corpus.claims`` from ``corpus.statements``."""
    return corpus.replace(claims=build_claims(corpus))


# The stage as the pipeline runs it: a full build keeps the items for the claim index, an
# append groups the new statements into the claims of the build.


def run_keeping_items(corpus: Corpus) -> Kept:
    """:func:`run`, keeping the statements' items and block keys for the claim index
    (:func:`kg.claims_index.write_index`), which the build writes from them."""
    indexed = indexed_items(corpus)
    return Kept(corpus.replace(claims=build_claims(corpus, indexed=indexed)), indexed)


def update(previous: State, new: Corpus) -> Corpus:
    """``new`` (the new documents of an append) with all claims of the graph once its statements
    are grouped into those of the ``previous`` build: through its claim index when it has one,
    else by grouping the statements of both again."""
    if previous.claim_index is None:
        return new.replace(claims=build_claims(merge(previous.corpus, new)))
    old = previous.corpus
    context = Corpus(
        documents=new.documents,
        statements=new.statements,
        mentions=new.mentions,
        mention_entity=new.mention_entity,
        entities=tuple((old.entity_index() | new.entity_index()).values()),
        roles=old.roles + new.roles,
    )
    claims = {claim.claim_id: claim for claim in old.claims}
    added = previous.claim_index.add(make_items(context), claims, similar=similar_words())
    return new.replace(claims=added.apply(old.claims))


STAGE = Stage(NAME, REQUIRES, PROVIDES, CORPUS, run_keeping_items, update=update)
