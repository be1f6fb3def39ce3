"""Incremental builds (``kg build NEW -o OUTDIR --append``): add articles to a built graph.

A build keeps what later appends need in its state (:mod:`kg.state`) and its claim index
(:mod:`kg.claims_index`). An append

1. reads the new inputs and drops documents already in the graph (same ``doc_id``);
2. runs the per-document stages and entity resolution on the new documents only;
3. attaches the new entities to the graph's: the same matching key gives the same entity id, and
   a one-word person name (``كيري``) joins the only known person whose name ends with it;
4. finds statements and interactions in the new documents, against the merged entities;
5. groups the new statements into claims through the claim index of the build
   (:mod:`kg.claims_index`): each new statement is compared only with the indexed statements
   that share one of its blocks and with the other new statements, and joins their claims;
6. updates the store: new documents' triples are added; entities that gained mentions and claims
   whose membership changed are rewritten.

Entities already in the graph keep their ids and preferred labels. All or nothing: every
output is staged first (the claim index in an open transaction) and moved into place at the end;
the same input twice changes nothing (its documents are skipped before anything is written).
What still grows with the graph: loading the state (the base and every part; the base's
mentions are read only when used, see :class:`kg.state.SavedMentions`), the entity attachment, the store
update's rankings and co-mentions (dense, made anew) and its bookkeeping over all claims.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from kg.arabic.normalize import key
from kg.claims_index import ClaimIndex
from kg.model import Claim, Corpus, Entity, Skipped
from kg.pipeline import Progress, run, stage_label
from kg.stages.claims import make_items, similar_words
from kg.state import merge

if TYPE_CHECKING:
    from distributed import Client

ALREADY_IN_GRAPH = "already in the graph"


def append(
    old: Corpus,
    inputs: Iterable[str | Path],
    *,
    stages: Sequence[str],
    options: dict[str, dict[str, object]],
    progress: Progress | None = None,
    jobs: int = 1,
    dask: str | Client | None = None,
    claim_index: ClaimIndex | None = None,
) -> tuple[Corpus, Corpus, dict[str, float]]:
    """Run the pipeline on ``inputs`` as an addition to ``old``.

    With ``claim_index`` (the index of ``old``'s build, see :mod:`kg.claims_index`), the new
    statements are grouped into claims through it, and it is updated (not committed); without,
    the claims of all statements are clustered again.

    Returns:
        The merged corpus, the part made of the new documents only, and seconds per stage.

    Raises:
        InputError: when no input gave a usable document.
    """
    fresh, first = run(list(inputs), stages=stages[:1], options=options, progress=progress)
    known = {doc.doc_id for doc in old.documents}
    repeats = tuple(
        Skipped(d.source_path or d.doc_id, ALREADY_IN_GRAPH) for d in fresh.documents if d.doc_id in known
    )
    fresh = fresh.replace(
        documents=tuple(d for d in fresh.documents if d.doc_id not in known), skipped=fresh.skipped + repeats
    )
    timings = dict(first.timings)
    if not fresh.documents:
        return old.replace(skipped=old.skipped + fresh.skipped), fresh, timings
    extraction = [s for s in stages[1:] if s in ("segment", "ner", "resolve")]
    fresh, report = run(
        (), stages=extraction, corpus=fresh, options=options, progress=progress, jobs=jobs, dask=dask
    )
    timings.update(report.timings)
    fresh = attach(old, fresh)
    for name in stages[1:]:
        if name in extraction:
            continue
        if name == "claims" and claim_index is not None:
            if progress:  # as kg.pipeline.run reports a stage
                progress(stage_label(name, fresh), 0, 1)
            started = time.perf_counter()
            fresh = fresh.replace(claims=add_claims(old, fresh, claim_index))
            timings["claims"] = time.perf_counter() - started
            continue
        if name == "claims":
            merged, report = run(
                (), stages=("claims",), corpus=merge(old, fresh), options=options, progress=progress
            )
            fresh = fresh.replace(claims=merged.claims)
        else:
            fresh, report = run(
                (), stages=(name,), corpus=fresh, options=options, progress=progress, jobs=jobs, dask=dask
            )
        timings.update(report.timings)
    return merge(old, fresh), fresh, timings


def add_claims(old: Corpus, fresh: Corpus, claim_index: ClaimIndex) -> tuple[Claim, ...]:
    """All claims of the graph once ``fresh``'s statements are grouped into ``old``'s claims.

    The statements' features are computed against the merged entities and all roles (a person
    speaks for the body of an office named in any document); mentions are only ``fresh``'s.
    """
    context = Corpus(
        statements=fresh.statements,
        mentions=fresh.mentions,
        mention_entity=fresh.mention_entity,
        entities=tuple((old.entity_index() | fresh.entity_index()).values()),
        roles=old.roles + fresh.roles,
    )
    update = claim_index.add(
        make_items(context), {claim.claim_id: claim for claim in old.claims}, similar=similar_words()
    )
    return update.apply(old.claims)


def attach(old: Corpus, fresh: Corpus) -> Corpus:
    """``fresh`` (new documents, resolved among themselves) with its entities attached to ``old``'s.

    The entities of ``fresh`` become the merged entities its records refer to, so the later
    per-document stages see the graph's ids.
    """
    graph_entities = old.entity_index()
    full_names = _full_names_by_last_word(old)
    remap = {
        e.entity_id: target
        for e in fresh.entities
        if (target := _known_person(e, full_names)) and e.entity_id not in graph_entities
    }
    entities: dict[str, Entity] = {}
    for entity in fresh.entities:
        entity_id = remap.get(entity.entity_id, entity.entity_id)
        entity = _remapped(entity, remap)
        base = entities.get(entity_id) or graph_entities.get(entity_id)
        entities[entity_id] = merge_entities(base, entity) if base else entity
    for entity in list(entities.values()):  # capitals and organisations point at their countries
        for ref in (entity.stands_for, entity.country):
            if ref and ref not in entities and ref in graph_entities:
                entities[ref] = graph_entities[ref]
    return fresh.replace(
        entities=tuple(entities[e] for e in sorted(entities)),
        mention_entity={m: remap.get(e, e) for m, e in fresh.mention_entity.items()},
        roles=tuple(
            replace(
                r,
                person=remap.get(r.person, r.person),
                organization=_renamed(remap, r.organization),
            )
            for r in fresh.roles
        ),
    )


def _full_names_by_last_word(corpus: Corpus) -> dict[str, set[str]]:
    """The ids of the corpus's multi-word person names, by the key of their last word."""
    found: dict[str, set[str]] = {}
    for entity in corpus.entities:
        if entity.label == "PERSON" and " " in entity.canonical.strip():
            found.setdefault(key(entity.canonical).rsplit(" ", 1)[-1], set()).add(entity.entity_id)
    return found


def _known_person(entity: Entity, full_names: dict[str, set[str]]) -> str | None:
    """The graph's only person whose full name ends with this one-word person name, if any."""
    if entity.label != "PERSON" or " " in entity.canonical.strip():
        return None
    found = full_names.get(key(entity.canonical), set())
    return next(iter(found)) if len(found) == 1 else None


def _remapped(entity: Entity, remap: dict[str, str]) -> Entity:
    return replace(
        entity,
        entity_id=remap.get(entity.entity_id, entity.entity_id),
        stands_for=remap.get(entity.stands_for or "", entity.stands_for),
        country=remap.get(entity.country or "", entity.country),
    )


def merge_entities(base: Entity, new: Entity) -> Entity:
    """``base`` (already in the graph: id and preferred label kept) with ``new``'s forms and mentions."""
    return replace(
        base,
        aliases=_union(base.aliases, (new.canonical, *new.aliases)),
        mention_ids=_union(base.mention_ids, new.mention_ids),
        doc_ids=_union(base.doc_ids, new.doc_ids),
        stands_for=base.stands_for or new.stands_for,
        country=base.country or new.country,
        name_en=base.name_en or new.name_en,
        transliteration=base.transliteration or new.transliteration,
    )


def _union(first: tuple[str, ...], second: Iterable[str]) -> tuple[str, ...]:
    seen = dict.fromkeys(first)
    seen.update(dict.fromkeys(second))
    return tuple(seen)


def _renamed(remap: dict[str, str], entity_id: str | None) -> str | None:
    """The entity ``entity_id`` joined, if it was; ``None`` stays ``None``."""
    return remap.get(entity_id, entity_id) if entity_id is not None else None
