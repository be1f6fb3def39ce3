"""The claim index of a build (``OUTDIR/claims-index.sqlite``): what ``--append`` needs to group
new statements into the graph's claims without clustering every statement again.

Written by every full build next to the store, updated by every append. One SQLite file:

- ``items``: per statement its comparable features (a pickled :class:`~kg.stages.claims.Item`)
  and the claim it currently belongs to;
- ``block_keys``: the blocks of :func:`~kg.stages.claims.candidate_pairs` each statement is in
  (MinHash bands, speaker, side + word, word; see :func:`~kg.stages.claims.block_keys`);
- ``frequency``: in how many statements each feature occurs (the IDF weights), and ``meta``
  the number of statements.

An append compares each new statement only with the statements that share one of its blocks in
the index, and with the other new statements, under the same block-size limits as a full build
(computed on the updated frequencies). A new statement that makes the same claim as an indexed
one joins its claim; a new statement can join two claims into one. Claims whose membership
changes get a new id (the id hashes the members) and carry over the contradictions of the claims
they replace; new contradictions are found between the compared pairs.

IDF drift: new comparisons use the weights of the updated frequencies (all statements, old and
new); decisions made earlier are kept, and the blocks of indexed statements (their MinHash bands
leave out features that were frequent at the time) are not recomputed. A full build may
therefore group a few statements differently from a build followed by appends; the graph stays
consistent either way, and a full rebuild gives the reference grouping.

All or nothing: the updates are made in one SQLite transaction, committed by the caller after
the rest of the build is moved into place; an interrupted append rolls it back. When the index
does not match the build's state (an older build without index, or an interruption between the
two steps), :func:`open_index` rebuilds it from the state's statements.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from kg.memory import collector_paused
from kg.model import Claim, Corpus
from kg.stages.claims import (
    LARGE_GROUP,
    LINK_SAMPLE,
    MAX_BLOCK,
    SHARED_WORDS,
    WORD_BLOCK,
    Item,
    Restatements,
    Similar,
    Weights,
    block_keys,
    claim_id,
    conflicting,
    groups_joinable,
    groups_linked,
    indexed_items,
    representative,
    restatement_joinable,
    same_claim,
    weights_from,
)

INDEX_FILE = "claims-index.sqlite"
INDEX_VERSION = 3  # 2: block keys stored as 64-bit hashes; 3: items with predicate lemmas and dates
_BATCH = 500  # parameters per IN (...) query
_CACHE_KB = 128 * 1024  # page cache of an append: the inserted blocks touch pages all over the index

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE items (row INTEGER PRIMARY KEY, stmt_id TEXT NOT NULL UNIQUE, claim_id TEXT NOT NULL,
                    item BLOB NOT NULL);
CREATE TABLE block_keys (key INTEGER NOT NULL, row INTEGER NOT NULL, PRIMARY KEY (key, row)) WITHOUT ROWID;
CREATE TABLE frequency (feature TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
"""
_INDEXES = """
CREATE INDEX items_by_claim ON items (claim_id);
"""


@dataclass(frozen=True)
class ClaimUpdate:
    """What an append changes in the claims: the claims to add or rewrite, and the ids that go."""

    claims: tuple[Claim, ...]  # new claims and old claims whose contradictions changed
    removed: frozenset[str]  # ids of old claims that were merged into a new one

    def apply(self, old: Sequence[Claim]) -> tuple[Claim, ...]:
        """All claims of the graph after the update, sorted by id."""
        changed = {claim.claim_id: claim for claim in self.claims}
        kept = [c for c in old if c.claim_id not in self.removed and c.claim_id not in changed]
        return tuple(sorted([*kept, *changed.values()], key=lambda c: c.claim_id))


def write_index(
    corpus: Corpus, path: Path, *, indexed: tuple[list[Item], list[list[str]]] | None = None
) -> Path:
    """Write the claim index of ``corpus`` (whose claims are built) into a new file ``path``.

    ``indexed`` are the statements' items and block keys as the claims stage made them (see
    :func:`~kg.stages.claims.run_keeping_items`); they are made anew without.
    """
    path.unlink(missing_ok=True)
    items, keys = indexed or indexed_items(corpus)
    claim_of = {sid: claim.claim_id for claim in corpus.claims for sid in claim.statement_ids}
    frequency = Counter(feature for item in items for feature in item.stems)
    connection = sqlite3.connect(path)
    try:
        connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
        connection.executemany(
            "INSERT INTO items VALUES (?, ?, ?, ?)",
            (
                (row, item.stmt.stmt_id, claim_of.get(item.stmt.stmt_id, ""), _dump(item))
                for row, item in enumerate(items)
            ),
        )
        # in key order: the table's B-tree is filled by appending
        connection.executemany("INSERT INTO block_keys VALUES (?, ?)", _sorted_blocks(keys))
        connection.executemany("INSERT INTO frequency VALUES (?, ?)", frequency.items())
        connection.executemany(
            "INSERT INTO meta VALUES (?, ?)", [("version", str(INDEX_VERSION)), ("items", str(len(items)))]
        )
        connection.executescript(_INDEXES)
        connection.commit()
    finally:
        connection.close()
    return path


def open_index(out_dir: Path, old: Corpus) -> ClaimIndex:
    """The claim index of the build in ``out_dir``, rebuilt from ``old`` when missing or stale."""
    path = out_dir / INDEX_FILE
    if not _matches(path, len(old.statements)):
        temp = path.with_name(path.name + ".rebuilt")
        write_index(old, temp)
        temp.replace(path)
    return ClaimIndex(path)


def _matches(path: Path, statements: int) -> bool:
    if not path.is_file():
        return False
    try:
        connection = sqlite3.connect(path)
        try:
            meta = dict(connection.execute("SELECT name, value FROM meta"))
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False
    return meta.get("version") == str(INDEX_VERSION) and meta.get("items") == str(statements)


class ClaimIndex:
    """An open claim index; :meth:`add` changes it in a transaction that :meth:`commit` ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.connection = sqlite3.connect(path, isolation_level=None)
        self.connection.execute(f"PRAGMA cache_size = -{_CACHE_KB}")
        self.connection.execute("BEGIN IMMEDIATE")
        self._samples: dict[str, list[Item]] = {}  # indexed claim -> its first statements

    def commit(self) -> None:
        """Make the changes of :meth:`add` permanent and close the index."""
        self.connection.execute("COMMIT")
        self.connection.close()

    def close(self) -> None:
        """Close the index, dropping uncommitted changes."""
        self.connection.close()

    def add(self, new: Sequence[Item], old_claims: dict[str, Claim], *, similar: Similar) -> ClaimUpdate:
        """Group the ``new`` statements into the indexed claims and record them in the index.

        Args:
            new: the new statements' features (see :func:`~kg.stages.claims.make_items`).
            old_claims: the graph's claims by id.
            similar: similar words (see :func:`~kg.stages.claims.similar_words`).

        Returns:
            The claims to add or rewrite, and the ids of the claims they replace.
        """
        self._samples.clear()  # the claims change with every add
        count = self._count() + len(new)
        counts = Counter(f for item in new for f in item.stems)
        frequency = self._frequency(counts)
        for feature, n in counts.items():
            frequency[feature] = frequency.get(feature, 0) + n
        keys = [block_keys(item, frequency) for item in new]
        oversized = self._oversized({k for item_keys in keys for k in item_keys}, frequency)
        members = self._members({k for item_keys in keys for k in item_keys} - oversized)
        pairs, cross = _candidate_pairs(new, keys, members, oversized)
        found = self._items({row for _, row in cross})
        frequency.update(
            self._frequency({f for item, _ in found.values() for f in item.stems} - frequency.keys())
        )
        weights = weights_from(frequency, count)
        groups = _Groups({cid: len(claim.statement_ids) for cid, claim in old_claims.items()})
        conflicts: list[tuple[int, int | str]] = []  # a new statement and a new one or an indexed claim
        # nodes: a new statement's index, or ("row", row) for an indexed statement
        restatements: Restatements[int | tuple[str, int]] = Restatements()
        for i, j in pairs:
            restatements.offer(i, j, (new[i], new[j]), weights, similar)
            if same_claim(new[i], new[j], weights, similar):
                if self._joinable(groups, new, (i, j), (new[i], new[j]), weights, similar):
                    groups.union(i, j)
            elif conflicting(new[i], new[j]):
                conflicts.append((i, j))
        for i, row in cross:
            item, claim = found[row]
            if not claim:  # built without the claims stage: nothing to join
                continue
            restatements.offer(("row", row), i, (item, new[i]), weights, similar)
            if same_claim(item, new[i], weights, similar):  # in corpus order, as a full build
                if self._joinable(groups, new, (claim, i), (item, new[i]), weights, similar):
                    groups.union(i, claim)
            elif conflicting(item, new[i]):
                conflicts.append((i, claim))
        for a, b in restatements.aligned():  # after the matches, as in a full build
            x, y = (found[node[1]][1] if isinstance(node, tuple) else node for node in (a, b))  # row → claim
            if groups.find(x) != groups.find(y) and restatement_joinable(groups.size(x), groups.size(y)):
                groups.union(x, y)
        update = self._regroup(new, groups, conflicts, old_claims)
        self._record(new, keys, update)
        return update

    def _joinable(
        self,
        groups: _Groups,
        new: Sequence[Item],
        nodes: tuple[int | str, int | str],
        pair: tuple[Item, Item],
        weights: Weights,
        similar: Similar,
    ) -> bool:
        """:func:`~kg.stages.claims.groups_joinable`, as in a full build, with the members of an
        indexed claim read from the index (a sample of a large one)."""
        a, b = nodes
        if groups.find(a) == groups.find(b):
            return True
        sizes = (groups.size(a), groups.size(b))
        large = min(sizes) >= LARGE_GROUP

        def linked() -> bool:  # remembered while both groups stay as they are, as in a full build
            state = (groups.find(a), groups.find(b), *sizes)
            if state not in groups.linked:
                ours, theirs = self._group_items(groups, new, a), self._group_items(groups, new, b)
                groups.linked[state] = groups_linked(ours, theirs, large, weights, similar)
            return groups.linked[state]

        return groups_joinable(pair[0], pair[1], sizes, linked, weights, similar)

    def _group_items(self, groups: _Groups, new: Sequence[Item], node: int | str) -> list[Item]:
        """The new statements of ``node``'s group and up to :data:`LINK_SAMPLE` statements of each
        indexed claim in it."""
        out: list[Item] = []
        for member in groups.group(node):
            out.extend([new[member]] if isinstance(member, int) else self._claim_sample(member))
        return out

    def _claim_sample(self, claim: str) -> list[Item]:
        if claim not in self._samples:
            rows = self.connection.execute(
                "SELECT item FROM items WHERE claim_id = ? ORDER BY row LIMIT ?", (claim, LINK_SAMPLE)
            )
            self._samples[claim] = [pickle.loads(blob) for (blob,) in rows]
        return self._samples[claim]

    def _regroup(
        self,
        new: Sequence[Item],
        groups: _Groups,
        conflicts: list[tuple[int, int | str]],
        old_claims: dict[str, Claim],
    ) -> ClaimUpdate:
        """The new claims (one per group holding a new statement) and the contradictions they change."""
        components: dict[int | str, list[int | str]] = defaultdict(list)
        for node in dict.fromkeys([*range(len(new)), *groups.nodes()]):
            components[groups.find(node)].append(node)
        renamed: dict[str, str] = {}  # old claim id → the new claim it was merged into
        final: dict[int | str, str] = {}
        made: dict[str, tuple[list, list[str]]] = {}
        for nodes in components.values():
            merged_ids = sorted(n for n in nodes if isinstance(n, str))
            stmts = [new[n].stmt for n in nodes if isinstance(n, int)]
            stmts += self._statements_of(merged_ids)
            cid = claim_id(s.stmt_id for s in stmts)
            made[cid] = (stmts, merged_ids)
            final.update(dict.fromkeys(nodes, cid))
            renamed.update(dict.fromkeys(merged_ids, cid))
        links: dict[str, set[str]] = defaultdict(set)
        for cid, (_, merged_ids) in made.items():
            links[cid] = {renamed.get(c, c) for m in merged_ids for c in old_claims[m].contradicts} - {cid}
        for old_id in renamed:  # claims that contradicted a replaced claim now name its successor
            for other in old_claims[old_id].contradicts:
                if other not in renamed:
                    links[other] = {renamed.get(c, c) for c in old_claims[other].contradicts}
        for a, b in conflicts:
            ca, cb = final[a], final.get(b) or renamed.get(str(b), str(b))
            if ca != cb:
                for x, y in ((ca, cb), (cb, ca)):
                    if x not in links:
                        links[x] = {renamed.get(c, c) for c in old_claims[x].contradicts}
                    links[x].add(y)
        changed = []
        for cid, others in links.items():
            if cid in made:
                stmts = made[cid][0]
                changed.append(
                    Claim(
                        cid,
                        representative(stmts),
                        tuple(sorted(s.stmt_id for s in stmts)),
                        tuple(sorted({s.doc_id for s in stmts})),
                        tuple(sorted(others)),
                    )
                )
            elif tuple(sorted(others)) != old_claims[cid].contradicts:
                changed.append(_with(old_claims[cid], others))
        return ClaimUpdate(tuple(sorted(changed, key=lambda c: c.claim_id)), frozenset(renamed))

    def _record(self, new: Sequence[Item], keys: list[list[str]], update: ClaimUpdate) -> None:
        """Write the new statements, their blocks, the frequencies and the claim assignment."""
        start = self._count()
        new_ids = {item.stmt.stmt_id for item in new}
        made = [claim for claim in update.claims if new_ids.intersection(claim.statement_ids)]
        claim_of = {sid: claim.claim_id for claim in made for sid in claim.statement_ids}
        sql = self.connection
        sql.executemany(
            "INSERT INTO items VALUES (?, ?, ?, ?)",
            (
                (start + i, item.stmt.stmt_id, claim_of[item.stmt.stmt_id], _dump(item))
                for i, item in enumerate(new)
            ),
        )
        sql.executemany(
            "INSERT INTO block_keys VALUES (?, ?)",
            ((_hashed(k), start + i) for i, ks in enumerate(keys) for k in set(ks)),
        )
        counts = Counter(f for item in new for f in item.stems)
        sql.executemany(
            "INSERT INTO frequency VALUES (?, ?) ON CONFLICT (feature) DO UPDATE SET n = n + excluded.n",
            counts.items(),
        )
        sql.executemany(
            "UPDATE items SET claim_id = ? WHERE stmt_id = ?",
            ((cid, sid) for sid, cid in claim_of.items() if sid not in new_ids),
        )
        sql.execute("UPDATE meta SET value = ? WHERE name = 'items'", (str(start + len(new)),))

    def _count(self) -> int:
        return int(self.connection.execute("SELECT value FROM meta WHERE name = 'items'").fetchone()[0])

    def _frequency(self, features: Iterable[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for batch in _batches(features):
            marks = ",".join("?" * len(batch))
            found.update(
                self.connection.execute(f"SELECT feature, n FROM frequency WHERE feature IN ({marks})", batch)
            )
        return found

    def _oversized(self, keys: set[str], frequency: dict[str, int]) -> set[str]:
        """Blocks too large to make pairs (see :func:`_candidate_pairs`), found without reading them.

        A word block holds every statement with the word, so its size is the word's frequency;
        speaker blocks are counted in the index.
        """
        found = {k for k in keys if k[0] == "w" and frequency.get(k[1:], 0) > WORD_BLOCK}
        speakers = [k for k in keys if k[0] == "s"]
        by_hash = {_hashed(k): k for k in speakers}
        for batch in _batches(by_hash):
            marks = ",".join("?" * len(batch))
            found.update(
                by_hash[block]
                for block, size in self.connection.execute(
                    f"SELECT key, COUNT(*) FROM block_keys WHERE key IN ({marks}) GROUP BY key", batch
                )
                if size >= MAX_BLOCK
            )
        return found

    def _members(self, keys: Iterable[str]) -> dict[str, list[int]]:
        """The indexed rows of each block key."""
        found: dict[str, list[int]] = defaultdict(list)
        by_hash = {_hashed(k): k for k in keys}
        for batch in _batches(by_hash):
            marks = ",".join("?" * len(batch))
            for block, row in self.connection.execute(
                f"SELECT key, row FROM block_keys WHERE key IN ({marks})", batch
            ):
                found[by_hash[block]].append(row)
        return found

    def _items(self, rows: Iterable[int]) -> dict[int, tuple[Item, str]]:
        found = {}
        with collector_paused():  # records without cycles, tens of thousands of them
            for batch in _batches(rows):
                marks = ",".join("?" * len(batch))
                for row, blob, claim in self.connection.execute(
                    f"SELECT row, item, claim_id FROM items WHERE row IN ({marks})", batch
                ):
                    found[row] = (pickle.loads(blob), claim)
        return found

    def _statements_of(self, claims: Sequence[str]) -> Iterator:
        for batch in _batches(claims):
            marks = ",".join("?" * len(batch))
            for (blob,) in self.connection.execute(
                f"SELECT item FROM items WHERE claim_id IN ({marks})", batch
            ):
                yield pickle.loads(blob).stmt


def _candidate_pairs(
    new: Sequence[Item], keys: list[list[str]], members: dict[str, list[int]], oversized: set[str]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Pairs of new statements, and (new statement, indexed row) pairs, that a full build would compare.

    The same blocks and limits as :func:`~kg.stages.claims.candidate_pairs`, with block sizes
    counting indexed and new statements together; ``oversized`` blocks make no pairs.
    """
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, item_keys in enumerate(keys):
        for block in item_keys:
            blocks[block].append(i)
    inner: set[tuple[int, int]] = set()
    cross: set[tuple[int, int]] = set()
    shared_inner: Counter[tuple[int, int]] = Counter()
    shared_cross: Counter[tuple[int, int]] = Counter()
    for block, fresh in blocks.items():
        if block in oversized:
            continue
        indexed = members.get(block, [])
        size = len(fresh) + len(indexed)
        if block[0] == "w":
            if size <= WORD_BLOCK:
                shared_inner.update(combinations(sorted(fresh), 2))
                shared_cross.update((i, row) for i in fresh for row in indexed)
            continue
        if block[0] in "sd" and size > MAX_BLOCK:
            continue
        inner.update(combinations(sorted(set(fresh)), 2))
        cross.update((i, row) for i in fresh for row in indexed)
    inner.update(pair for pair, n in shared_inner.items() if n >= SHARED_WORDS)
    cross.update(pair for pair, n in shared_cross.items() if n >= SHARED_WORDS)
    by_id = {item.stmt.stmt_id: i for i, item in enumerate(new)}
    for i, item in enumerate(new):
        if item.stmt.parent in by_id:
            inner.add((min(i, by_id[item.stmt.parent]), max(i, by_id[item.stmt.parent])))
    inner = {(a, b) for a, b in inner if a != b}
    return sorted(inner), sorted(cross)


class _Groups:
    """Union-find over new statements (ints) and indexed claims (their ids), with group sizes
    (a claim counts its statements)."""

    def __init__(self, claim_sizes: Mapping[str, int]) -> None:
        self.parent: dict[int | str, int | str] = {}
        self.claim_sizes = claim_sizes
        self.sizes: dict[int | str, int] = {}
        self.members: dict[int | str, list[int | str]] = {}  # root -> its nodes, for groups of two or more
        self.linked: dict[tuple[int | str, int | str, int, int], bool] = {}  # merge decisions made

    def find(self, node: int | str) -> int | str:
        parent = self.parent.setdefault(node, node)
        if parent == node:
            return node
        root = self.find(parent)
        self.parent[node] = root
        return root

    def union(self, a: int | str, b: int | str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.sizes[ra] = self.size(ra) + self.size(rb)
            self.parent[rb] = ra
            joined = self.members.pop(ra, [ra])
            joined.extend(self.members.pop(rb, [rb]))
            self.members[ra] = joined

    def group(self, node: int | str) -> list[int | str]:
        """The nodes (new statements, indexed claims) of ``node``'s group."""
        root = self.find(node)
        return self.members.get(root, [root])

    def size(self, node: int | str) -> int:
        """How many statements ``node``'s group holds."""
        root = self.find(node)
        if root not in self.sizes:
            self.sizes[root] = self.claim_sizes.get(root, 1) if isinstance(root, str) else 1
        return self.sizes[root]

    def nodes(self) -> list[int | str]:
        return list(self.parent)


def _with(claim: Claim, contradicts: Iterable[str]) -> Claim:
    return Claim(
        claim.claim_id, claim.content, claim.statement_ids, claim.doc_ids, tuple(sorted(contradicts))
    )


def _sorted_blocks(keys: Sequence[Sequence[str]], chunk: int = 100_000) -> Iterator[tuple[int, int]]:
    """``(hashed key, row)`` of every item's distinct block keys, sorted, from two integer arrays.

    The same pairs as sorting a list of tuples, in an eighth of the memory: on 50k articles
    there are about ten million of them.
    """
    import numpy as np

    lengths = np.zeros(len(keys), dtype=np.int64)

    def hashed() -> Iterator[int]:
        for row, item_keys in enumerate(keys):
            distinct = set(item_keys)
            lengths[row] = len(distinct)
            for block in distinct:
                yield _hashed(block)

    hashes = np.fromiter(hashed(), dtype=np.int64)
    rows = np.repeat(np.arange(len(keys), dtype=np.int64), lengths)
    order = np.lexsort((rows, hashes))
    for start in range(0, len(order), chunk):
        part = order[start : start + chunk]
        yield from zip(hashes[part].tolist(), rows[part].tolist(), strict=True)


def _hashed(block: str) -> int:
    """A block key as a signed 64-bit integer (blake2b): a far smaller and faster index than text."""
    return int.from_bytes(hashlib.blake2b(block.encode(), digest_size=8).digest(), "big", signed=True)


def _dump(item: Item) -> bytes:
    return pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)


def _batches(values: Iterable, size: int = _BATCH) -> Iterator[list]:
    batch: list = []
    for value in values:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
