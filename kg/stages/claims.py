"""Stage ``claims``: statements that report the same proposition → one :class:`~kg.model.Claim`.

Reads ``corpus.statements`` (and ``corpus.entities`` for metonymy, when present); writes
``corpus.claims``.

Scales without all-pairs comparison: statements are put in blocks (MinHash bands over
normalized content stems, plus the speaker when it is rare enough), and only pairs inside a
block are compared. Two statements join one claim when their contents share most of their
stems; statements of one document join only when near-identical or when one is nested in
the other. Claims whose statements have opposite polarity but matching content (a denial of
another speaker's assertion) are linked with ``contradicts``.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations

from kg.arabic.normalize import key
from kg.model import Claim, Corpus, Statement

NAME = "claims"
REQUIRES = ("statements",)
PROVIDES = ("claims",)

NUM_HASHES = 24
ROWS_PER_BAND = 2
MAX_BLOCK = 300  # larger speaker blocks are left to the MinHash bands
CROSS_DOC_OVERLAP = 0.6  # shared stems / stems of the shorter content
CROSS_DOC_JACCARD = 0.45  # needed when the speakers differ
SAME_DOC_JACCARD = 0.8
CONTRADICTION_OVERLAP = 0.6

# Arabic function words carry no proposition (closed class, MSA grammar).
_FUNCTION_WORDS = frozenset(
    key(w)
    for w in " ".join(
        (
            "في من على إلى الى عن مع أن إن بأن أنه أنها التي الذي الذين هذا هذه ذلك تلك هو هي هم",
            "كان كانت قد لا لم لن ما و أو ثم بين حول بشأن بعد قبل كل عند حتى منذ خلال غير إلا لكن",
            "كما أي ضد عبر لدى فيه فيها به بها له لها",
        )
    ).split()
)
_PREFIXES = ("وبال", "وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف")
_SUFFIXES = ("هما", "ها", "هم", "ات", "ون", "ين", "ان", "ه", "ة", "ي")
_MODULUS = (1 << 61) - 1


@dataclass(frozen=True)
class Item:
    """A statement with the features used to compare it."""

    stmt: Statement
    stems: frozenset[str]
    speaker: str | None


def stem(word: str) -> str:
    """A crude light stem: proclitics and common suffixes off (``والمحادثات`` → ``محادث``)."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix) :]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word


def content_stems(text: str) -> frozenset[str]:
    """The set of content-word stems of a text, on normalized keys."""
    words = key(text).split()
    return frozenset(stem(w) for w in words if w not in _FUNCTION_WORDS)


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
    """Index pairs sharing a MinHash band or a (not too frequent) speaker; no all-pairs."""
    blocks: dict[object, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        for band in minhash_bands(item.stems):
            blocks[("band", band)].append(index)
        if item.speaker:
            blocks[("speaker", item.speaker)].append(index)
    seen: set[tuple[int, int]] = set()
    by_id = {item.stmt.stmt_id: i for i, item in enumerate(items)}
    for index, item in enumerate(items):
        if item.stmt.parent in by_id:
            seen.add((min(index, by_id[item.stmt.parent]), max(index, by_id[item.stmt.parent])))
    for block_key, members in blocks.items():
        members = sorted(set(members))
        if len(members) > MAX_BLOCK and block_key[0] == "speaker":
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


def same_claim(x: Item, y: Item) -> bool:
    """Whether two statements assert the same proposition."""
    if x.stmt.polarity != y.stmt.polarity or min(len(x.stems), len(y.stems)) < 2:
        return False
    nested = x.stmt.parent == y.stmt.stmt_id or y.stmt.parent == x.stmt.stmt_id
    if nested:
        return overlap(x.stems, y.stems) >= CROSS_DOC_OVERLAP
    if x.stmt.doc_id == y.stmt.doc_id:
        return jaccard(x.stems, y.stems) >= SAME_DOC_JACCARD
    if overlap(x.stems, y.stems) < CROSS_DOC_OVERLAP:
        return False
    return x.speaker == y.speaker or jaccard(x.stems, y.stems) >= CROSS_DOC_JACCARD


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


def _canonical_speakers(corpus: Corpus) -> dict[str, str]:
    """Capital → government (موسكو → روسيا) so metonyms block together."""
    return {e.entity_id: e.stands_for for e in corpus.entities if e.stands_for}


def build_claims(corpus: Corpus) -> tuple[Claim, ...]:
    """Group the corpus statements into claims and link contradictions.

    Args:
        corpus: a corpus with statements.

    Returns:
        Claims sorted by id, each with sorted statement and document ids.
    """
    stands_for = _canonical_speakers(corpus)
    items = []
    for stmt in corpus.statements:
        stems = content_stems(stmt.content_text)
        items.append(Item(stmt, stems, stands_for.get(stmt.speaker or "", stmt.speaker)))
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
