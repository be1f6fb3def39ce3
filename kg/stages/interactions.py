"""Stage ``interactions``: actor-to-actor events → :class:`~kg.model.Interaction` records.

Reads ``corpus.documents``, ``corpus.sentences``, ``corpus.mentions``, ``corpus.entities`` and
``corpus.mention_entity``; writes ``corpus.interactions``.

Triggers come from ``kg/resources/interaction_triggers.tsv`` (verbs are inflected with the
generator of :mod:`kg.arabic.cues`). For a verb the agent is its subject (after it, or right
before it, or the last actor of the sentence when the verb is conjoined: ``ونددا``) and the
target its object or the noun after its preposition (``ندد ب``، ``طلب من``). For a noun the agent
is a following gentilic (``القصف الروسي``), a ``ل``-genitive (``الهجمات المتواصلة للنظام``) or the
pair of ``بين X وY``. At most one interaction per (document, type, agent, target).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.arabic.cues import CueEntry, masdar_forms, past_forms, present_forms
from kg.arabic.normalize import key
from kg.model import Corpus, Document, Interaction, Mention, Span
from kg.stages.attribute import SENTENCE_END, DocView, Tok

NAME = "interactions"
REQUIRES = ("documents", "sentences", "mentions", "entities", "statements")
PROVIDES = ("interactions",)

TRIGGERS_PATH = Path(__file__).resolve().parent.parent / "resources" / "interaction_triggers.tsv"
_PREFIXES = ("", "و", "ف", "ب", "ل", "وب", "ول", "ال", "وال", "بال", "لل", "فال")
# Words that make an event threatened or planned rather than done (على وشك، تستعد لـ، تهدد بـ).
_MODAL = frozenset(
    key(w)
    for w in (
        "وشك",
        "تستعد",
        "يستعد",
        "تهدد",
        "يهدد",
        "هددت",
        "هدد",
        "قد",
        "ربما",
        "ستعلق",
        "سيعلق",
        "تدرس",
        "يدرس",
        "لتعليق",
    )
)
_BETWEEN = key("بين")
_RELATIVE = frozenset(key(w) for w in ("الذي", "التي"))
_PREPOSITIONS = frozenset(key(w) for w in ("على", "في", "إلى", "من", "مع", "عن"))
_NEGATION = frozenset(key(w) for w in ("لم", "لن", "لا", "ليس", "دون"))


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    type: str
    target: str
    needs: tuple[str, ...]
    kind: str  # verb | masdar | noun


@lru_cache(maxsize=2)
def load_triggers(path: Path = TRIGGERS_PATH) -> dict[str, Trigger]:
    """Normalized written form (with proclitics) → trigger."""
    index: dict[str, Trigger] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        fields = line.split("\t")
        if len(fields) != 8:
            raise ValueError(f"interaction_triggers.tsv: expected 8 columns in {fields}")
        lemma, pos, itype, target, present, masdar, needs, _ = fields
        need_stems = tuple(key(n) for n in needs.split("|")) if needs != "-" else ()
        if pos == "verb":
            entry = CueEntry(
                lemma,
                "verb",
                present="" if present == "-" else present,
                masdar="" if masdar == "-" else masdar,
            )
            forms = [(f.form, "verb") for f in past_forms(entry) + present_forms(entry)]
            forms += [(f.form, "masdar") for f in masdar_forms(entry)]
        else:
            bound = lemma[:-1] + "ت" if lemma.endswith("ة") else lemma
            forms = [(lemma, "noun"), ("ال" + lemma, "noun")] + [
                (bound + s, "noun") for s in ("ه", "ها", "هم")
            ]
        for form, kind in forms:
            for prefix in _PREFIXES:
                if prefix.endswith("ال") and (form.startswith("ال") or kind == "verb"):
                    continue
                if kind == "verb" and prefix not in ("", "و", "ف"):
                    continue
                word = (
                    prefix + form
                    if not (prefix.endswith("ل") and form.startswith("ال"))
                    else prefix + form[1:]
                )
                index.setdefault(key(word), Trigger(lemma, pos, itype, target, need_stems, kind))
    return index


@dataclass
class Actor:
    entity: str
    mention: Mention
    first: int
    last: int


def sentence_actors(view: DocView, sent: int, *, adjectives: bool = False) -> list[Actor]:
    """Mentions with an entity in one sentence, in text order."""
    start, end = view.sentences[sent]
    out: list[Actor] = []
    seen: set[str] = set()
    for tok in view.tokens_in(start, end):
        mention = view.mention_at.get(tok.index)
        if mention is None or mention.mention_id in seen:
            continue
        if mention.kind == "adjective" and not adjectives:
            continue
        entity = view.entity_of(mention)
        if entity is None:
            continue
        seen.add(mention.mention_id)
        outer = mention.attached or mention.span
        toks = view.tokens_in(outer.start, outer.end)
        out.append(Actor(entity, mention, toks[0].index, toks[-1].index))
    return out


def _needs_met(view: DocView, tok: Tok, trigger: Trigger) -> bool:
    if not trigger.needs:
        return True
    near = view.tokens[max(0, tok.index - 3) : tok.index + 6]
    return any(need in t.key for t in near for need in trigger.needs)


def _modal(view: DocView, tok: Tok) -> bool:
    before = view.tokens[max(0, tok.index - 3) : tok.index]
    return any(t.key in _MODAL or t.key in _NEGATION for t in before)


def _coordinated(view: DocView, actors: list[Actor], first: Actor) -> list[Actor]:
    """``X وY``: the actor and those joined to it by و."""
    group = [first]
    index = actors.index(first)
    for nxt in actors[index + 1 :]:
        gap = view.tokens[group[-1].last + 1 : nxt.first]
        joined = not gap and view.text[(nxt.mention.attached or nxt.mention.span).start] == "و"
        joined = joined or (len(gap) == 1 and gap[0].key == "و")
        if not joined:
            break
        group.append(nxt)
    return group


def _after(actors: list[Actor], index: int, limit: int) -> Actor | None:
    for actor in actors:
        if index <= actor.first <= index + limit:
            return actor
    return None


def _before(view: DocView, actors: list[Actor], tok: Tok) -> Actor | None:
    for actor in reversed(actors):
        if actor.last < tok.index:
            return actor
    return None


def _prep_target(view: DocView, actors: list[Actor], tok: Tok, prep: str) -> Actor | None:
    """The actor introduced by one of the prepositions (``مع|إلى``) after the trigger; a
    one-letter preposition may be attached (بكيري)."""
    wanted = {key(p) for p in prep.split("|")}
    for index in range(tok.index + 1, min(len(view.tokens), tok.index + 9)):
        current = view.tokens[index]
        if current.sent != tok.sent or current.text in SENTENCE_END:
            return None
        attached = any(len(w) == 1 and current.key.startswith(w) and len(current.key) > 2 for w in wanted)
        if current.key in wanted or attached:
            start = index if attached and current.key not in wanted else index + 1
            found = _after(actors, start, 3)
            if found is not None:
                return found
    return None


def verb_pairs(
    view: DocView, tok: Tok, trigger: Trigger, actors: list[Actor]
) -> list[tuple[list[Actor], list[Actor]]]:
    """Agent(s) and target(s) of a verb trigger."""
    subject = _after(actors, tok.index + 1, 2)
    svo = None
    if view.text[tok.start] not in "وف":
        prev = _before(view, actors, tok)
        if prev is not None and prev.last == tok.index - 1:
            svo = prev
    if svo is not None:
        agents = [svo]
        search_from = tok.index + 1
    elif subject is not None:
        agents = _coordinated(view, actors, subject)
        search_from = agents[-1].last + 1
    else:
        prev = _before(view, actors, tok)
        if prev is None:
            return []
        agents = [prev]
        search_from = tok.index + 1
    if trigger.target == "obj":
        target = _after(actors, search_from, 4)
    else:
        target = _prep_target(view, actors, view.tokens[search_from - 1], trigger.target)
    if target is None:
        return []
    return [(agents, _coordinated(view, actors, target))]


def noun_pairs(
    view: DocView, tok: Tok, trigger: Trigger, actors: list[Actor], gentilics: list[Actor]
) -> list[tuple[list[Actor], list[Actor]]]:
    """Agent(s) and target(s) of a noun trigger."""
    nxt = view.tokens[tok.index + 1] if tok.index + 1 < len(view.tokens) else None
    if trigger.type in ("phone_call", "meeting") and nxt is not None and nxt.key == _BETWEEN:
        first = _after(actors, tok.index + 2, 2)
        if first is None:
            return []
        pair = _coordinated(view, actors, first)
        return [([pair[0]], pair[1:2])] if len(pair) >= 2 else []
    if trigger.lemma in ("حليف", "حليفة"):
        ally = _after(actors, tok.index + 1, 1)
        prev = _before(view, actors, tok)
        return [([ally], [prev])] if ally and prev else []
    agents = [g for g in gentilics if tok.index < g.first <= tok.index + 3]
    if not agents:
        relative = nxt is not None and nxt.key in _RELATIVE  # الهجوم الذي شنته القوات على
        genitive = _after(actors, tok.index + (3 if relative else 1), 1)
        between = view.tokens[tok.index + 1 : genitive.first] if genitive else []
        if any(t.key in _PREPOSITIONS for t in between):
            genitive = None
        if genitive is not None and trigger.type == "attack":
            agents = _coordinated(view, actors, genitive)
    if not agents:  # شنت الطائرات الروسية غارات: the gentilic of the subject before the noun
        agents = [g for g in gentilics if tok.index - 3 <= g.last < tok.index]
    if not agents:
        prev = _before(view, actors, tok)
        agents = [prev] if prev is not None else []
    if not agents and actors and trigger.type in ("phone_call", "meeting"):
        agents = [actors[0]]  # في اتصال هاتفي مع لافروف، قال كيري ...: the clause subject
    if not agents:
        return []
    prep = trigger.target if trigger.target != "obj" else "على"
    target = _prep_target(view, actors, view.tokens[max(a.last for a in [*agents, _tok_actor(tok)])], prep)
    if target is None and trigger.type == "attack":
        target = _after(actors, max(a.last for a in agents) + 1, 2)
    return [(agents, _coordinated(view, actors, target))] if target else []


def _tok_actor(tok: Tok) -> Actor:
    return Actor("", Mention("", Span(tok.start, tok.end), "", "ORG"), tok.index, tok.index)


# Reporting verbs whose speaker and addressee are themselves an interaction.
_SPEECH_ACTS = {
    "حث": "urge",
    "دعا": "urge",
    "ناشد": "urge",
    "طلب": "request",
    "اتهم": "accuse",
    "أبلغ": "other",
}


def statement_interactions(corpus: Corpus, doc_id: str) -> list[Interaction]:
    """``حث لافروف كيري على``: a statement with speaker and addressee and an urging cue."""
    out = []
    for stmt in corpus.statements:
        itype = _SPEECH_ACTS.get(stmt.cue_lemma)
        if stmt.doc_id != doc_id or itype is None or itype == "other":
            continue
        if stmt.speaker and stmt.addressee and stmt.speaker != stmt.addressee:
            out.append(
                Interaction(
                    doc_id, itype, stmt.speaker, stmt.addressee, Span(stmt.cue.start, stmt.content.end)
                )
            )
    return out


def process_doc(doc: Document, corpus: Corpus, mentions: list[Mention]) -> list[Interaction]:
    """All interactions of one document, one per (type, agent, target)."""
    view = DocView(doc, corpus, mentions)
    triggers = load_triggers()
    found: dict[tuple[str, str, str], Interaction] = {}
    for item in statement_interactions(corpus, doc.doc_id):
        found.setdefault((item.type, item.agent, item.target), item)
    for tok in view.tokens:
        trigger = triggers.get(tok.key)
        if trigger is None or not _needs_met(view, tok, trigger):
            continue
        if view.mention_at.get(tok.index) is not None and view.mention_at[tok.index].kind == "name":
            continue
        if trigger.type == "suspend_cooperation" and _modal(view, tok):
            continue
        actors = sentence_actors(view, tok.sent)
        if trigger.kind == "verb":
            pairs = verb_pairs(view, tok, trigger, actors)
        else:
            gentilics = [
                a for a in sentence_actors(view, tok.sent, adjectives=True) if a.mention.kind == "adjective"
            ]
            pairs = noun_pairs(view, tok, trigger, actors, gentilics)
        for agents, targets in pairs:
            for agent in agents:
                for target in targets:
                    _add(view, found, trigger, tok, agent, target)
    return list(found.values())


def _add(
    view: DocView,
    found: dict[tuple[str, str, str], Interaction],
    trigger: Trigger,
    tok: Tok,
    agent: Actor,
    target: Actor,
) -> None:
    if agent.entity == target.entity or (trigger.type, agent.entity, target.entity) in found:
        return
    if trigger.type == "phone_call" and (trigger.type, target.entity, agent.entity) in found:
        return
    start = min(tok.start, agent.mention.span.start, target.mention.span.start)
    end = max(tok.end, agent.mention.span.end, target.mention.span.end)
    found[(trigger.type, agent.entity, target.entity)] = Interaction(
        doc_id=view.doc.doc_id,
        type=trigger.type,
        agent=agent.entity,
        target=target.entity,
        evidence=Span(start, end),
        time_text=_time_text(view, tok),
    )


_TIME_WORDS = frozenset(
    key(w) for w in ("اليوم", "أمس", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
)


def _time_text(view: DocView, tok: Tok) -> str:
    """A day word near the trigger (اليوم الجمعة، أمس), as written."""
    for other in view.tokens[tok.index + 1 : tok.index + 12]:
        if other.sent != tok.sent:
            break
        if other.key in _TIME_WORDS:
            nxt = view.tokens[other.index + 1] if other.index + 1 < len(view.tokens) else None
            if nxt is not None and nxt.key in _TIME_WORDS and nxt.sent == other.sent:
                return view.text[other.start : nxt.end]
            return other.text
    return ""


def run(corpus: Corpus) -> Corpus:
    """Find interactions in every document.

    Args:
        corpus: a corpus with documents, sentences, mentions, entities and mention links.

    Returns:
        The corpus with ``interactions`` filled, in document and text order.
    """
    by_doc: dict[str, list[Mention]] = {}
    for mention in corpus.mentions:
        by_doc.setdefault(mention.doc_id, []).append(mention)
    interactions: list[Interaction] = []
    for doc in corpus.documents:
        items = process_doc(doc, corpus, by_doc.get(doc.doc_id, []))
        interactions.extend(sorted(items, key=lambda i: (i.evidence.start, i.type, i.agent, i.target)))
    return corpus.replace(interactions=tuple(interactions))
