"""Stage ``claims``: statements that report the same proposition → one :class:`~kg.model.Claim`.

Reads ``corpus.statements`` and, when present, ``corpus.mentions``, ``corpus.mention_entity``,
``corpus.entities`` and ``corpus.roles``; writes ``corpus.claims``.

Each statement is reduced to a set of features: the entities named in its content (a capital
counts as its country, ``بلاده`` as the speaker's country) and the light stems of its other
content words. Scales without all-pairs comparison: statements are put in blocks (MinHash
bands over the features, the speaker, and each stem inside the speaker's side when that block
is small), and only pairs inside a block are compared. The required overlap depends on who
speaks: the same speaker (or one side, e.g. a minister and his ministry) needs less shared
wording than two unrelated speakers. In one document, statements join only when near-identical,
nested, or when a short headline statement is contained in a longer one of the same speaker.
Claims whose statements have opposite polarity but matching content (a denial of another
speaker's assertion) are linked with ``contradicts``.
"""

from __future__ import annotations

import bisect
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations

from kg.arabic.normalize import key
from kg.model import Claim, Corpus, Mention, Statement

NAME = "claims"
REQUIRES = ("statements",)
PROVIDES = ("claims",)

NUM_HASHES = 24
ROWS_PER_BAND = 2
MAX_BLOCK = 300  # larger speaker/stem blocks are left to the MinHash bands
CROSS_DOC_OVERLAP = 0.6  # shared features / features of the smaller content
CROSS_DOC_JACCARD = 0.45  # needed as well when the speakers are unrelated
SIDE_OVERLAP = 0.45  # same speaker or same side (a minister and his ministry)
SIDE_SHARED = 4  # ... with at least this many shared features
SIDE_SHARED_WORDS = 2  # ... of which this many are words, not entities
SAME_DOC_JACCARD = 0.8
HEADLINE_FEATURES = 3  # a content this short (a headline quote) may join a longer one containing it
CONTRADICTION_OVERLAP = 0.6
ENTITY_MARK = "@"

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
_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "وب", "ول", "و", "ف", "ب", "ل")
# On normalized keys (ة is folded to ه): pronoun suffixes, plural/dual endings, nisba, tanween alif.
_SUFFIXES = (
    "تهم",
    "تها",
    "تنا",
    "هما",
    "كما",
    "هم",
    "ها",
    "نا",
    "كم",
    "ات",
    "ون",
    "ين",
    "ان",
    "يه",
    "ه",
    "ي",
    "ا",
)
_FORM_TEN = ("است", "مست", "يست", "تست")  # Form X verbs, participles and verbal nouns
_HIS_COUNTRY = frozenset(key(w) for w in ("بلاده", "بلادها", "بلادنا", "بلادهم", "بلدنا", "بلده", "بلدها"))
_MODULUS = (1 << 61) - 1


@dataclass(frozen=True)
class Item:
    """A statement with the features used to compare it."""

    stmt: Statement
    stems: frozenset[str]
    speaker: str | None
    side: str | None = None  # the country or body the speaker belongs to

    @property
    def words(self) -> frozenset[str]:
        return frozenset(s for s in self.stems if not s.startswith(ENTITY_MARK))


def _strip_prefix(word: str) -> str:
    for prefix in _PREFIXES:
        least = 2 if prefix.endswith(("ال", "لل")) else 3  # السد → سد, but ولد stays
        if word.startswith(prefix) and len(word) - len(prefix) >= least:
            return word[len(prefix) :]
    return word


def _strip_suffix(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _radicals(word: str) -> str:
    """Long alef out and a final doubled letter collapsed: ``عداد`` → ``عد``, ``عد`` → ``عد``."""
    word = word.replace("ا", "")
    if len(word) >= 2 and word[-1] == word[-2]:
        word = word[:-1]
    return word


def stem(word: str) -> str:
    """A light stem of a normalized word: proclitics and suffixes off, Form X reduced to its radicals.

    ``والمحادثات`` → ``محادث``; ``استعداده`` and ``مستعدة`` → ``ست:عد``; ``تقدماً`` → ``تقدم``.
    """
    word = _strip_suffix(_strip_suffix(_strip_prefix(word)))
    for prefix in _FORM_TEN:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 2:
            return "ست:" + _radicals(rest)
    return word


def content_stems(text: str) -> frozenset[str]:
    """The set of content-word stems of a text, on normalized keys."""
    words = key(text).split()
    return frozenset(stem(w) for w in words if w not in _FUNCTION_WORDS)


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
    features = {ENTITY_MARK + entity for _, entity in found}
    chars = list(text)
    for mention, _ in found:
        outer = mention.attached or mention.span
        for index in range(max(outer.start, base), min(outer.end, base + len(chars))):
            chars[index - base] = " "
    for word in key("".join(chars)).split():
        if word in _HIS_COUNTRY and side:
            features.add(ENTITY_MARK + side)
        elif word not in _FUNCTION_WORDS:
            features.add(stem(word))
    return frozenset(features)


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


def candidate_pairs(items: list[Item]) -> Iterator[tuple[int, int]]:
    """Index pairs sharing a MinHash band, a speaker, or a word within one side; no all-pairs.

    Blocks larger than :data:`MAX_BLOCK` (a prolific speaker, a frequent word) are skipped: at
    corpus scale their members still meet through the MinHash bands.
    """
    blocks: dict[object, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        for band in minhash_bands(item.stems):
            blocks[("band", band)].append(index)
        if item.speaker:
            blocks[("speaker", item.speaker)].append(index)
        if item.side:
            for word in item.words:
                blocks[("side", item.side, word)].append(index)
    seen: set[tuple[int, int]] = set()
    by_id = {item.stmt.stmt_id: i for i, item in enumerate(items)}
    for index, item in enumerate(items):
        if item.stmt.parent in by_id:
            seen.add((min(index, by_id[item.stmt.parent]), max(index, by_id[item.stmt.parent])))
    for block_key, members in blocks.items():
        members = sorted(set(members))
        if len(members) > MAX_BLOCK and block_key[0] != "band":
            continue
        for a, b in combinations(members, 2):
            seen.add((a, b))
    yield from sorted(seen)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared stems over the size of the smaller set."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


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


def _side_match(x: Item, y: Item) -> bool:
    """The looser test for one speaker or one side: enough shared features, two of them words."""
    shared = x.stems & y.stems
    if len(shared) < SIDE_SHARED or len(x.words & y.words) < SIDE_SHARED_WORDS:
        return False
    return overlap(x.stems, y.stems) >= SIDE_OVERLAP


def same_claim(x: Item, y: Item) -> bool:
    """Whether two statements assert the same proposition."""
    if x.stmt.polarity != y.stmt.polarity:
        return False
    nested = x.stmt.parent == y.stmt.stmt_id or y.stmt.parent == x.stmt.stmt_id
    if nested:
        return overlap(x.stems, y.stems) >= CROSS_DOC_OVERLAP
    same_speaker = bool(x.speaker) and x.speaker == y.speaker
    if x.stmt.doc_id == y.stmt.doc_id:
        if same_speaker and _headline_of(x, y):
            return True
        return min(len(x.stems), len(y.stems)) >= 2 and jaccard(x.stems, y.stems) >= SAME_DOC_JACCARD
    if min(len(x.stems), len(y.stems)) < 2:
        return False
    if _same_side(x, y) and _side_match(x, y):
        return True
    if overlap(x.stems, y.stems) < CROSS_DOC_OVERLAP:
        return False
    return same_speaker or jaccard(x.stems, y.stems) >= CROSS_DOC_JACCARD


def conflicting(x: Item, y: Item) -> bool:
    """A denial whose content matches an assertion (by another speaker or the same one)."""
    if x.stmt.polarity == y.stmt.polarity:
        return False
    return overlap(x.stems, y.stems) >= CONTRADICTION_OVERLAP and min(len(x.stems), len(y.stems)) >= 2


class UnionFind:
    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def claim_id(statement_ids: Iterable[str]) -> str:
    """``c`` + the first 12 hex digits of sha1 over the sorted member ids."""
    joined = "\n".join(sorted(statement_ids))
    return "c" + hashlib.sha1(joined.encode("utf-8")).hexdigest()[:12]


def make_items(corpus: Corpus) -> list[Item]:
    """One comparable :class:`Item` per statement of the corpus."""
    context = EntityContext.of(corpus)
    by_id = {stmt.stmt_id: stmt for stmt in corpus.statements}
    items = []
    for stmt in corpus.statements:
        speaker = context.resolve(stmt.speaker)
        side = context.side_of(stmt.speaker)
        parent = by_id.get(stmt.parent or "")
        if parent is not None and stmt.speaker in context.persons:
            side = context.side_of(parent.speaker) or side  # an official quoted by his ministry
        items.append(Item(stmt, statement_features(stmt, context, side), speaker, side))
    return items


def build_claims(corpus: Corpus) -> tuple[Claim, ...]:
    """Group the corpus statements into claims and link contradictions.

    Args:
        corpus: a corpus with statements (and, for better grouping, mentions and entities).

    Returns:
        Claims sorted by id, each with sorted statement and document ids.
    """
    items = make_items(corpus)
    groups = UnionFind(len(items))
    conflicts: list[tuple[int, int]] = []
    for a, b in candidate_pairs(items):
        if same_claim(items[a], items[b]):
            groups.union(a, b)
        elif conflicting(items[a], items[b]):
            conflicts.append((a, b))
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
                content=_representative(stmts),
                statement_ids=tuple(sorted(s.stmt_id for s in stmts)),
                doc_ids=tuple(sorted({s.doc_id for s in stmts})),
                contradicts=tuple(sorted(contradicts[cid])),
            )
        )
    return tuple(sorted(claims, key=lambda c: c.claim_id))


def _representative(stmts: list[Statement]) -> str:
    """The wording of the most confident statement (ties: earliest id)."""
    best = sorted(stmts, key=lambda s: (-s.confidence, s.stmt_id))[0]
    return best.content_text


def run(corpus: Corpus) -> Corpus:
    """Fill ``corpus.claims`` from ``corpus.statements``."""
    return corpus.replace(claims=build_claims(corpus))
