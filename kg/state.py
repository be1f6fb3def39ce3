"""The state of a build: what ``kg build NEW -o OUTDIR --append`` starts from, and its files.

A build keeps what later appends need in ``OUTDIR/state.pickle``: the corpus without its tokens,
sentences and document texts (documents, mentions, entities, roles, statements, claims,
interactions), and the claim index ``OUTDIR/claims-index.sqlite`` (:mod:`kg.claims_index`). An
append adds a part ``state.pickle.NNNNN`` (its documents' records, the entities and claims it
added or changed, the claims it replaced) instead of rewriting the state, and updates the claim
index in place; a full build writes a new base and drops the parts.

An append is a run of the pipeline with a base (``Pipeline.run(inputs, base=State(...))``, see
:mod:`kg.pipeline`): the new documents go through every stage, and a corpus stage that declares
``update(previous, new)`` adds them to the previous state instead (entity resolution attaches
the new entities to the graph's, the claims stage groups the new statements into the graph's
claims through the claim index); :func:`merge` then joins the old and the new records.

Entities already in the graph keep their ids and preferred labels. All or nothing: every
output is staged first (the claim index in an open transaction) and moved into place at the end;
the same input twice changes nothing (its documents are skipped before anything is written).
What still grows with the graph: loading the state (the base and every part; the base's
mentions are read only when used, see :class:`SavedMentions`), the entity attachment, the store
update's rankings and co-mentions (dense, made anew) and its bookkeeping over all claims.
"""

from __future__ import annotations

import itertools
import os
import pickle
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, cast, overload

from kg.atomic import publish
from kg.errors import Errors, InputError
from kg.memory import collector_paused
from kg.model import Corpus, Mention

if TYPE_CHECKING:
    from kg.claims_index import ClaimIndex

STATE_FILE = "state.pickle"
STATE_VERSION = 4  # 4: entity ids without the doubled kind (person_…, not person_person_…)
_READABLE = (2, 3, STATE_VERSION)  # version 2 held the mentions among the other records
# The first version whose graph has today's IRIs (entities under {base}{kind}/): an append to an
# earlier build would mix two IRIs per entity, so its state is refused (rebuild the folder).
_SAME_IRIS = 4
_MENTIONS_LAST = 3  # the first version that keeps the mentions at the end, read on first use
_DROPPED_FIELDS = {"tokens": (), "sentences": ()}
_LISTS = ("documents", "skipped", "mentions", "resolution_notes", "roles", "statements", "interactions")
_CHUNKED = (*_LISTS, "entities", "claims")
_EAGER = tuple(name for name in _CHUNKED if name != "mentions")  # version 3: read by load_state
IN_CHUNKS = "records in chunks"  # the base state's layout since pickling in chunks
STATE_CHUNK = 20_000  # records per pickle


@dataclass(frozen=True)
class State:
    """What an append starts from: the corpus of the build (see :func:`load_state`) and its
    open claim index (``None``: the claims of all statements are grouped again)."""

    corpus: Corpus
    claim_index: ClaimIndex | None = None


def save_state(corpus: Corpus, path: Path) -> Path:
    """Write the base state of a full build (the corpus without tokens, sentences and texts).

    The records go in pickles of :data:`STATE_CHUNK`: one pickle of the whole corpus kept a memo
    of every object it wrote, about 0.9 GB for 50,000 articles, at the build's very end, where
    memory peaked. The mentions come last, after their number, so that :func:`load_state` can
    leave them in the file (see :class:`SavedMentions`).
    """
    light = _light(corpus)
    with path.open("wb") as out:
        for head in ((STATE_VERSION, os.urandom(8).hex()), IN_CHUNKS):
            pickle.dump(head, out, protocol=pickle.HIGHEST_PROTOCOL)
        skeleton = light.replace(**dict.fromkeys(_CHUNKED, ()), mention_entity={})
        pickle.dump(skeleton, out, protocol=pickle.HIGHEST_PROTOCOL)
        for name in _EAGER:
            _write_chunks(getattr(light, name), out)
        _write_chunks(light.mention_entity.items(), out)
        pickle.dump(len(light.mentions), out, protocol=pickle.HIGHEST_PROTOCOL)
        _write_chunks(light.mentions, out)
    return path


def _write_chunks(records: Iterable[object], out: BinaryIO) -> None:
    """``records`` as pickles of at most :data:`STATE_CHUNK`, then ``None``."""
    records = iter(records)
    while chunk := tuple(itertools.islice(records, STATE_CHUNK)):
        pickle.dump(chunk, out, protocol=pickle.HIGHEST_PROTOCOL)
    pickle.dump(None, out, protocol=pickle.HIGHEST_PROTOCOL)


def _read_chunks(source: BinaryIO) -> Iterator[object]:
    while (chunk := pickle.load(source)) is not None:
        yield from chunk


def _read_corpus(source: BinaryIO, version: int, state_id: str) -> object:
    """The corpus of a base state after its header: in chunks, or (before) one pickle."""
    first = pickle.load(source)
    if first != IN_CHUNKS:
        return first
    skeleton = pickle.load(source)
    lazy = version >= _MENTIONS_LAST
    fields: dict[str, Sequence[object]] = {
        name: tuple(_read_chunks(source)) for name in (_EAGER if lazy else _CHUNKED)
    }
    mention_entity = dict(cast(Iterator[tuple[str, str]], _read_chunks(source)))  # (mention, entity) pairs
    if lazy:
        count = pickle.load(source)
        fields["mentions"] = SavedMentions(Path(source.name), source.tell(), count, state_id)
    return skeleton.replace(**fields, mention_entity=mention_entity)  # type: ignore[attr-defined]


class SavedMentions(Sequence[Mention]):
    """The mentions of a saved base state, read from its file when first used (then kept).

    An append never reads the graph's earlier mentions (new mentions are resolved against its
    entities), and making their records took half the time of loading a 50,000-article state.
    ``added`` are mentions after them (those of the state's parts, then of an append).
    """

    def __init__(
        self, path: Path, offset: int, count: int, state_id: str, added: tuple[Mention, ...] = ()
    ) -> None:
        self._path, self._offset, self._count, self._state_id = path, offset, count, state_id
        self._added = added
        self._records: tuple[Mention, ...] | None = None

    def __len__(self) -> int:
        return self._count + len(self._added)

    @overload
    def __getitem__(self, index: int) -> Mention: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Mention, ...]: ...
    def __getitem__(self, index: int | slice) -> Mention | tuple[Mention, ...]:
        return self._loaded()[index]

    def __iter__(self) -> Iterator[Mention]:
        return iter(self._loaded())

    def __add__(self, other: Iterable[Mention]) -> Sequence[Mention]:
        if self._records is not None:
            return (*self._records, *other)
        added = self._added + tuple(other)
        return SavedMentions(self._path, self._offset, self._count, self._state_id, added)

    def __radd__(self, other: Sequence[Mention]) -> tuple[Mention, ...]:
        return (*other, *self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        state = "read" if self._records is not None else "not read yet"
        return f"SavedMentions({len(self)} mentions of {self._path}, {state})"

    def __reduce__(self) -> tuple[object, ...]:
        return tuple, (tuple(self),)  # pickled as the records themselves

    def _loaded(self) -> tuple[Mention, ...]:
        if self._records is None:
            try:
                with collector_paused(), self._path.open("rb") as source:
                    version, state_id = pickle.load(source)
                    if version < _MENTIONS_LAST or state_id != self._state_id:
                        # caught below: the user sees E032 with this as its reason
                        raise ValueError("it was replaced after it was loaded")
                    source.seek(self._offset)
                    self._records = (*_read_chunks(source), *self._added)  # type: ignore[arg-type]
            except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError) as error:
                raise InputError(Errors.E032.format(path=self._path, error=error)) from error
        return self._records


def stage_state(corpus: Corpus, folder: Path, out_dir: Path, *, update: tuple[Corpus, Corpus] | None) -> Path:
    """Write into the staging ``folder`` the state file this build adds.

    A full build writes the base ``state.pickle``; an append writes the next part
    ``state.pickle.NNNNN``: its documents' records, the entities it added or changed, the claims
    it added or changed and the ids of the claims it replaced. Appending a part costs time
    proportional to the new documents; loading reads the base and every part.
    """
    base = out_dir / STATE_FILE
    header = _header(base) if update is not None and base.is_file() else None
    if update is None or header is None:
        return save_state(corpus, folder / STATE_FILE)
    old, fresh = update
    old_claims = {claim.claim_id: claim for claim in old.claims}
    new_ids = {claim.claim_id for claim in corpus.claims}
    part = _light(fresh).replace(claims=tuple(c for c in corpus.claims if old_claims.get(c.claim_id) != c))
    removed = frozenset(old_claims.keys() - new_ids)
    path = folder / f"{STATE_FILE}.{len(_parts(out_dir, header)):05d}"
    with path.open("wb") as out:
        pickle.dump((STATE_VERSION, header), out, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump((part, removed), out, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def publish_state(folder: Path, out_dir: Path) -> None:
    """Move the staged state file into ``out_dir``; a new base drops the parts of the previous one."""
    staged = sorted(folder.glob(STATE_FILE + "*"))
    for path in staged:
        publish(path, out_dir / path.name)
    if any(path.name == STATE_FILE for path in staged):
        for stale in out_dir.glob(STATE_FILE + ".*"):
            if stale.suffix[1:].isdigit():
                stale.unlink(missing_ok=True)


def load_state(out_dir: Path) -> Corpus:
    """The corpus of the build in ``out_dir`` (without tokens, sentences and document texts).

    Raises:
        InputError: when ``out_dir`` holds no build to append to, or one written by another version.
    """
    path = out_dir / STATE_FILE
    if not path.is_file():
        raise InputError(Errors.E031.format(path=out_dir))
    try:
        with collector_paused():
            with path.open("rb") as source:
                version, payload = pickle.load(source)
                # The ValueErrors of this block (and of _read_part) are caught below: the user sees
                # E032 with their text as its reason.
                if version not in (1, *_READABLE):
                    raise ValueError(f"state version {version}")
                if version < _SAME_IRIS:
                    raise ValueError(f"state version {version}: its graph has the IRIs of an earlier kg")
                # version 1 (kg before appends were stored in parts) holds the corpus in its header
                corpus = payload if version == 1 else _read_corpus(source, version, payload)
            parts = [_read_part(p) for p in _parts(out_dir, payload)] if version in _READABLE else []
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, IndexError) as error:
        raise InputError(Errors.E032.format(path=path, error=error)) from error
    if not isinstance(corpus, Corpus):
        raise InputError(Errors.E032.format(path=path, error="no corpus"))
    return _combined(corpus, parts)


def _light(corpus: Corpus) -> Corpus:
    """The corpus without what appends never read again: tokens, sentences, document texts."""
    return corpus.replace(**_DROPPED_FIELDS, documents=tuple(replace(d, text="") for d in corpus.documents))


def _header(base: Path) -> str | None:
    """The id of the base state a state file belongs to, or ``None`` for a state of an older kg."""
    try:
        with base.open("rb") as source:
            header = pickle.load(source)
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError) as error:
        raise InputError(Errors.E032.format(path=base, error=error)) from error
    return header[1] if header[0] in _READABLE else None


def _parts(out_dir: Path, base_id: str) -> list[Path]:
    """The part files appended to the base ``base_id``, in order; parts of another base are left out."""
    found = sorted(p for p in out_dir.glob(STATE_FILE + ".*") if p.suffix[1:].isdigit())
    return [p for p in found if _header(p) == base_id]


def _read_part(path: Path) -> tuple[Corpus, frozenset[str]]:
    with path.open("rb") as source:
        pickle.load(source)
        part, removed = pickle.load(source)
    if not isinstance(part, Corpus):  # called by load_state, which reports this as E032
        raise ValueError(f"{path.name} holds no corpus")
    return part, removed


def _combined(base: Corpus, parts: list[tuple[Corpus, frozenset[str]]]) -> Corpus:
    """The base state with each part's records added and its entities and claims applied."""
    if not parts:
        return base
    lists = {name: list(getattr(base, name)) for name in _LISTS if name != "mentions"}
    mentions = base.mentions
    entities = base.entity_index()
    claims = {claim.claim_id: claim for claim in base.claims}
    mention_entity = dict(base.mention_entity)
    for part, removed in parts:
        for name in lists:
            lists[name].extend(getattr(part, name))
        mentions = _joined(mentions, part.mentions)
        entities.update(part.entity_index())
        for claim_id in removed:
            claims.pop(claim_id, None)
        claims.update((claim.claim_id, claim) for claim in part.claims)
        mention_entity.update(part.mention_entity)
    return base.replace(
        **{name: tuple(values) for name, values in lists.items()},
        mentions=mentions,
        entities=tuple(entities[e] for e in sorted(entities)),
        claims=tuple(claims[c] for c in sorted(claims)),
        mention_entity=mention_entity,
    )


def _joined(first: Sequence[Mention], second: Sequence[Mention]) -> Sequence[Mention]:
    """``first + second``: tuples, or :class:`SavedMentions` (which defines ``+`` and is read
    only when used) with mentions added."""
    joined: Sequence[Mention] = cast(Any, first) + second  # a Sequence has no + of its own
    return joined


def merge(old: Corpus, fresh: Corpus) -> Corpus:
    """One corpus of ``old`` and ``fresh`` (whose entities are already merged: see the
    ``update`` of the resolve stage)."""
    entities = old.entity_index() | fresh.entity_index()
    return Corpus(
        documents=old.documents + fresh.documents,
        skipped=old.skipped + fresh.skipped,
        mentions=_joined(old.mentions, fresh.mentions),
        entities=tuple(entities[e] for e in sorted(entities)),
        mention_entity=old.mention_entity | fresh.mention_entity,
        resolution_notes=old.resolution_notes + fresh.resolution_notes,
        roles=old.roles + fresh.roles,
        statements=old.statements + fresh.statements,
        claims=fresh.claims or old.claims,
        interactions=old.interactions + fresh.interactions,
    )
