"""Incremental builds (``kg build NEW -o OUTDIR --append``): add articles to a built graph.

A build keeps what later appends need in ``OUTDIR/state.pickle``: the corpus without its tokens
and sentences (documents, mentions, entities, roles, statements, claims, interactions). An append

1. reads the new inputs and drops documents already in the graph (same ``doc_id``);
2. runs the per-document stages and entity resolution on the new documents only;
3. attaches the new entities to the graph's: the same matching key gives the same entity id, and
   a one-word person name (``كيري``) joins the only known person whose name ends with it;
4. finds statements and interactions in the new documents, against the merged entities;
5. clusters claims again over all statements (new statements join existing claims);
6. updates the store: new documents' triples are added; entities that gained mentions and claims
   whose membership changed are rewritten.

Entities already in the graph keep their ids and preferred labels.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from kg.arabic.normalize import key
from kg.errors import Errors, InputError
from kg.model import Corpus, Entity, Skipped
from kg.pipeline import Progress, run

STATE_FILE = "state.pickle"
ALREADY_IN_GRAPH = "already in the graph"
STATE_VERSION = 1
_DROPPED_FIELDS = {"tokens": (), "sentences": ()}


def save_state(corpus: Corpus, path: Path) -> Path:
    """Write what a later ``--append`` needs (the corpus without tokens and sentences)."""
    with path.open("wb") as out:
        pickle.dump((STATE_VERSION, corpus.replace(**_DROPPED_FIELDS)), out, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def load_state(out_dir: Path) -> Corpus:
    """The corpus of the build in ``out_dir``.

    Raises:
        InputError: when ``out_dir`` holds no build to append to, or one written by another version.
    """
    path = out_dir / STATE_FILE
    if not path.is_file():
        raise InputError(Errors.E031.format(path=out_dir))
    try:
        with path.open("rb") as source:
            version, corpus = pickle.load(source)
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError) as error:
        raise InputError(Errors.E032.format(path=path, error=error)) from error
    if version != STATE_VERSION or not isinstance(corpus, Corpus):
        raise InputError(Errors.E032.format(path=path, error=f"state version {version}"))
    return corpus


def append(
    old: Corpus,
    inputs: Iterable[str | Path],
    *,
    stages: Sequence[str],
    options: dict[str, dict[str, object]],
    progress: Progress | None = None,
    jobs: int = 1,
    dask: object | None = None,
) -> tuple[Corpus, Corpus, dict[str, float]]:
    """Run the pipeline on ``inputs`` as an addition to ``old``.

    Returns:
        The merged corpus, the part made of the new documents only, and seconds per stage.

    Raises:
        InputError: when no input gave a usable document.
    """
    fresh, first = run(list(inputs), stages=stages[:1], progress=progress)
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
                organization=remap.get(r.organization, r.organization),
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


def merge(old: Corpus, fresh: Corpus) -> Corpus:
    """One corpus of ``old`` and ``fresh`` (whose entities are already merged, see :func:`attach`)."""
    entities = old.entity_index() | fresh.entity_index()
    return Corpus(
        documents=old.documents + fresh.documents,
        skipped=old.skipped + fresh.skipped,
        mentions=old.mentions + fresh.mentions,
        entities=tuple(entities[e] for e in sorted(entities)),
        mention_entity=old.mention_entity | fresh.mention_entity,
        resolution_notes=old.resolution_notes + fresh.resolution_notes,
        roles=old.roles + fresh.roles,
        statements=old.statements + fresh.statements,
        claims=fresh.claims or old.claims,
        interactions=old.interactions + fresh.interactions,
    )
