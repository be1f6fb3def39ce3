"""Stage ``resolve``: mentions → one entity per real-world referent across the corpus.

Reads ``corpus.mentions`` and ``corpus.tokens``; writes ``corpus.entities``,
``corpus.mention_entity``, ``corpus.roles`` and adds ``description`` mentions (a bare title
such as ``وزير الخارجية الأميركي`` that stands for the person holding it in that document).

How mentions meet:

* places and gentilics of a country share the country's key (``سورية``, ``سوريا``, ``السوري``);
* institutions share ``head + country`` (``وزارة الخارجية الأميركية`` = ``الخارجية الأمريكية``);
* person names are folded for transliteration variants (``سيرغي``/``سيرجي``, doubled letters,
  vowels written or not: ``دونالد ترامب``/``دونالد ترمب``, ``تيريزا ماي``/``تريزا ماي``);
* a listed short form of a foreign given name is the full form (``بيب``/``جوسيب غوارديولا``);
* a full name written ten times less often than one it matches but for one misspelt word joins
  it (``جميس ماتيس``، ``جمال خشقجي``، ``كيم يونغ أون``), and so does a name cut before its last
  word (``رجب طيب`` before a misspelt family name) and a patronym (``أنور بن محمد قرقاش``);
* person spans are mended with corpus evidence first: a name cut before the word that completes
  a known full name is run on (``كيم جونغ-أون``), two names run together are split
  (``أردوغان نتنياهو``، ``حسن روحاني ترامب``، ``إينجه أردوغان``), a particle or pronoun run into
  a name is dropped (``بين بوتن``، ``أوزيل هو``);
* a partial name (``كيري``) joins the full name that ends with it (``جون كيري``): first the
  one its document names most, then first (``ترامب`` after ``دونالد ترامب`` and one
  ``إيفانكا ترامب`` is Donald), else the one the corpus mentions far most — never when two
  full names share it and neither leads (``بشار الأسد`` vs ``حافظ الأسد``), nor when the full
  name is a rare span beside a frequent word (``مارسيلو ظهير أيسر الريال`` / ``الريال``);
* capitals and seats of government record the country they stand for (``kg:standsFor``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from kg import ids
from kg.arabic import lexicons
from kg.arabic.names import function_words, institution_country, not_name_words
from kg.arabic.normalize import key
from kg.arabic.time import DAY_WORD_KEYS
from kg.arabic.tokens import proclitic_splits as stems
from kg.contract import CORPUS, Stage
from kg.model import Corpus, Entity, Label, Mention, ResolutionNote, Role, Span, Token

if TYPE_CHECKING:
    from kg.state import State

NAME = "resolve"
REQUIRES = ("mentions", "tokens")
PROVIDES = ("entities", "mention_entity", "roles", "resolution_notes")

_G_LETTERS = re.compile("[غگڭ]")
_DOUBLED = re.compile(r"(.)\1+")
_MAX_TITLE_TOKENS = 8


@dataclass
class _Cluster:
    label: Label
    match_key: str
    mentions: list[Mention] = field(default_factory=list)
    canonical: str = ""
    stands_for: str = ""  # match key of the country
    country: str = ""  # match key of the country
    written: int = 0  # mentions written with this very name, before partial names join it
    by_document: dict[str, tuple[int, int]] | None = None  # see _document_counts


def run(corpus: Corpus) -> Corpus:
    clusters: dict[str, _Cluster] = {}
    mentions_in = cut_named_complements(
        repair_person_spans(retype_person_names(corpus.mentions), corpus), corpus
    )
    for mention in mentions_in:
        if mention.kind != "description":
            _assign(clusters, mention)
    notes: list[ResolutionNote] = []
    for cluster in clusters.values():
        cluster.written = len(cluster.mentions)
    _merge_proclitic_names(clusters, notes)
    absorbed = _merge_transliterations(clusters, notes)
    _merge_rare_spellings(clusters, notes, absorbed)
    _merge_kind_words(clusters, notes)
    _merge_place_kinds(clusters, notes)
    _merge_short_given_names(clusters, notes, absorbed)
    _merge_middle_names(clusters, notes, absorbed)
    _merge_cut_names(clusters, notes, absorbed)
    _merge_lineage_names(clusters, notes, absorbed)
    _link_partial_names(clusters, notes, absorbed, _Genders.of(mentions_in, corpus))
    _split_unresolved_single_names(clusters, notes, {doc.doc_id: doc.text for doc in corpus.documents})
    mentions = list(mentions_in)
    entities, mention_entity = _entities(clusters)
    notes = [*_variant_notes(entities, mentions_in, mention_entity), *notes]
    roles, descriptions = find_roles(corpus.replace(mentions=mentions_in), mention_entity, entities)
    for mention, entity_id in descriptions:
        mentions.append(mention)
        mention_entity[mention.mention_id] = entity_id
    entities = _with_description_docs(entities, descriptions)
    mentions.sort(key=lambda m: (m.doc_id, m.span.start))
    return corpus.replace(
        mentions=tuple(mentions),
        entities=entities,
        mention_entity=mention_entity,
        roles=tuple(roles),
        resolution_notes=tuple(notes),
    )


def _variant_notes(
    entities: tuple[Entity, ...], mentions: tuple[Mention, ...], mention_entity: dict[str, str]
) -> list[ResolutionNote]:
    """One note per entity whose mentions were written in more than one way."""
    forms: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        entity_id = mention_entity.get(mention.mention_id)
        if entity_id:
            forms[entity_id].add(mention.surface)
            kinds[entity_id].add(mention.kind)
    notes = []
    for entity in entities:
        written = forms.get(entity.entity_id, set())
        if len({key(f) for f in written}) < 2:
            continue
        rule = {
            "country": "country names and gentilics",
            "org": "organisation names",
            "person": "transliteration folding",
        }.get(entity.key.split(":", 1)[0], "normalized key")
        if "adjective" in kinds[entity.entity_id]:
            rule += " (gentilic adjectives)"
        notes.append(_note(rule, entity.entity_id, tuple(sorted(written)), "same matching key"))
    return notes


def retype_person_names(mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """Give the PERSON label to tagged names that the lexicons do not know as places or bodies but
    that are a person's name elsewhere in the corpus: a tagger that read ``كيربي`` as a place in
    one sentence read it as part of ``جون كيربي`` in another. Only when the corpus reads the name
    as a person's at least as often as otherwise: a city the tagger ran into a person's span
    now and then (``جدة``، ``دوما``) stays a place."""
    person_words: Counter[str] = Counter()
    for mention in mentions:
        if mention.label == "PERSON" and mention.kind == "name":
            words = person_key(mention.surface).split()
            person_words[" ".join(words)] += 1
            if len(words) > 1:
                person_words[words[-1]] += 1
    candidates = {
        i: name
        for i, m in enumerate(mentions)
        if m.source == "crf" and m.label != "PERSON" and (name := person_key(m.surface)) in person_words
    }
    other = Counter(candidates.values())
    return tuple(
        replace(m, label="PERSON")
        if (found := candidates.get(i)) is not None
        and person_words[found] >= other[found]
        and not _known_name(m.key or key(m.surface))
        else m
        for i, m in enumerate(mentions)
    )


def repair_person_spans(mentions: tuple[Mention, ...], corpus: Corpus) -> tuple[Mention, ...]:
    """Mend person spans with evidence from the whole corpus.

    A tagger may cut a name short in one sentence (``جون`` of ``الوزير جون كيري تحدث``) or run
    two names together (``أبلغ كيري لافروف``). A name followed by the word that completes a full
    name seen elsewhere is extended to it (:func:`_extended`); a span that is no frequent full
    name but two names the corpus writes is split (:func:`_names_run_together`).
    """
    full: Counter[str] = Counter()
    named: dict[str, set[str]] = defaultdict(set)
    ends: dict[str, Counter[str]] = defaultdict(Counter)
    alone: Counter[str] = Counter()
    for mention in mentions:
        words = person_key(mention.surface).split()
        if mention.label == "PERSON" and mention.kind == "name" and words:
            ends[mention.doc_id][words[-1]] += 1
            alone[words[0]] += len(words) == 1
        if mention.label == "PERSON" and mention.kind == "name" and len(words) > 1:
            full[" ".join(words)] += 1
            named[mention.doc_id].add(" ".join(words))
    names = _NameStats.of(full, named, ends, alone)
    texts = {doc.doc_id: doc.text for doc in corpus.documents}
    next_token = _next_tokens(corpus, [m for m in mentions if _may_extend(m)], texts)
    repaired: list[Mention] = []
    for mention in mentions:
        if not _may_extend(mention):
            repaired.append(mention)
            continue
        words = person_key(mention.surface).split()
        text = texts[mention.doc_id]
        extended = _extended(mention, text, next_token, full)
        if extended is not mention:
            repaired.append(extended)
        elif len(words) > 1 and (
            cut := _names_run_together(words, names, mention.doc_id)
            or _two_named_people(words, names, mention.doc_id)
        ):
            repaired.extend(_split_in_two(mention, text, cut))
        elif len(words) > 1 and _particle_before_name(mention.surface, words, names):
            repaired.append(_split_in_two(mention, text)[-1])
        elif len(words) > 1 and words[-1] in PRONOUNS:
            repaired.append(_split_in_two(mention, text, len(words) - 1)[0])
        elif len(mention.surface.split()) > 1 and _GLUED_WORD.search(mention.surface.split()[-1]):
            repaired.append(_split_in_two(mention, text, len(mention.surface.split()) - 1)[0])
        else:
            repaired.append(mention)
    return tuple(repaired)


@dataclass
class _NameStats:
    """What the corpus's full names say about a word: ``full`` (full name → mentions), ``owners``
    (last word → the full names ending with it → mentions) and ``starts``."""

    full: Counter[str]
    owners: dict[str, Counter[str]]
    starts: Counter[str]  # first word → mentions of the full names written twice or more it starts
    named: dict[str, set[str]]  # document → the full names it writes
    ends: dict[str, Counter[str]]  # document → last word of each person name it writes → mentions
    alone: Counter[str]  # one-word person names → mentions

    @classmethod
    def of(
        cls,
        full: Counter[str],
        named: dict[str, set[str]],
        ends: dict[str, Counter[str]],
        alone: Counter[str],
    ) -> _NameStats:
        owners: dict[str, Counter[str]] = defaultdict(Counter)
        starts: Counter[str] = Counter()
        for name, count in full.items():
            owners[name.split()[-1]][name] = count
            starts[name.split()[0]] += count if count >= 2 else 0
        return cls(full, owners, starts, named, ends, alone)

    def starts_a_name(self, word: str, span: str) -> bool:
        """Whether full names other than ``span``, written twice or more, start with ``word`` in
        more than one ``FAMILY_RATIO``-th of the mentions of the full names it ends (صلاح of
        صلاح الدين دميرتاش: صلاح خاشقجي is a name, not صلاح + خاشقجي; ماي of ماي جونسون, a span
        written twice, ends تيريزا ماي 160 times as often: ماي نتانياهو is two names)."""
        own = self.full[span] if self.full[span] >= 2 and span.startswith(word + " ") else 0
        return FAMILY_RATIO * (self.starts[word] - own) > self.owners.get(word, Counter()).total()

    def ends_a_name(self, span: str) -> bool:
        """Whether a longer full name written twice or more ends with ``span`` (جونغ أون of كيم
        جونغ أون)."""
        longer = self.owners.get(span.split()[-1], Counter())
        return any(count >= 2 and name.endswith(" " + span) for name, count in longer.items())

    def written_apart(self, part: list[str], span: list[str], doc_id: str) -> bool:
        """Whether the document writes a person name ending as ``part`` does other than in
        ``span`` (ترامب alone beside حسن روحاني ترامب)."""
        own = part[-1] == span[-1]
        return self.ends.get(doc_id, Counter())[part[-1]] > own


FAMILY_RATIO = 10  # mentions a word ends full names with, for each one of a full name it starts'


def _names_run_together(words: list[str], names: _NameStats, doc_id: str) -> int:
    """The number of words of the first name when a span is a person's name run into another's
    family name (``أردوغان نتنياهو``، ``دانيلز ترامب``، ``حسن روحاني ترامب``), else 0. One part is
    a family name (:func:`_family_leader`), the other such a family name or a full name written
    twice; each part is written ``SPLIT_RARITY`` times as often as the span; the document names
    one of the two people in full elsewhere (ماي جونسون after تيريزا ماي; not كاميرون دياز in a
    story without ديفيد كاميرون) or writes both apart (ترامب and روحاني beside حسن روحاني ترامب,
    ``_NameStats.written_apart``); a one-word first part is mostly a family name
    (``_NameStats.starts_a_name``: صلاح of صلاح الدين, صلاح خاشقجي is a name); and the second
    part does not start with the article (an Arabic family name, ``عبدالعزيز الدوسري``, ends the
    name before it)."""
    span = " ".join(words)
    if names.ends_a_name(span) or words[-1] in PRONOUNS:
        return 0  # جونغ أون of كيم جونغ أون; أوزيل هو (see _pronoun_after_name)
    needed = SPLIT_RARITY * max(1, names.full[span])
    in_document = names.named.get(doc_id, set())
    for cut in range(1, len(words)):
        parts = (words[:cut], words[cut:])
        if parts[1][0].startswith("ال") or min(len(part) for part in parts) > 1:
            continue
        if len(parts[0]) == 1 and names.starts_a_name(parts[0][0], span):
            continue
        people = [_person_of(part, span, names) for part in parts]
        if all(count >= needed for _, count in people) and (
            any(name in in_document for name, _ in people)
            or all(names.written_apart(part, words, doc_id) for part in parts)
        ):
            return cut
    return 0


def _two_named_people(words: list[str], names: _NameStats, doc_id: str) -> int:
    """1 when a two-word span is the short names of two people its document names in full, one
    by the name's first word, the other by its last (``وصف كيم ترامب بأنه``, a Korean family name
    first: ant:BB-internationalNews-632-20180610 names كيم جونغ أون and دونالد ترامب), and the
    corpus writes each of them ``SPLIT_RARITY`` times as often as the span; else 0. Unlike
    :func:`_names_run_together` the first word may start names (كيم of كيم كارداشيان): it is the
    document naming both people that shows the span runs two together."""
    if len(words) != 2:
        return 0
    span = " ".join(words)
    in_document = names.named.get(doc_id, set()) - {span}
    first = {name for name in in_document if name.split()[0] == words[0]}
    last = {name for name in in_document if name.split()[-1] == words[1]}
    if not first or not last or first & last:
        return 0
    needed = SPLIT_RARITY * max(1, names.full[span])
    frequent = all(max(names.full[name] for name in group) >= needed for group in (first, last))
    return 1 if frequent else 0


# Words, as written, that start a clause or a phrase and are no part of a name after them:
# إن بوتن أراد، فإن بوتن وجه، بين بوتن وترامب (5 person spans of the tagger on 20,000 news-bench
# articles run one into بوتن). بين is also Ben (بين ستوكس) and آن Anne, so only before a name
# the corpus writes far more often than the span.
NOT_NAME_STARTS = frozenset(("إن", "أن", "بأن", "فإن", "وإن", "لأن", "بين", "وبين"))


# The last word of a span that is no name's: a preposition written with a tatweel before a Latin
# name (يكتب لـCNN: "جمال خاشقجي لـCNN" was an 11-mention person node on 20,000 news-bench
# articles, ant:CN-middleEast-1467-20181010) or any word in Latin letters.
_GLUED_WORD = re.compile("^[وف]?[لبك]ـ|[A-Za-z]")


# Pronouns a tagger runs a name into (رحيل مسعود أوزيل هو قطيعة، كيم جونغ إيل هو): a span that
# ends with one loses it (7 person spans on 20,000 news-bench articles).
PRONOUNS = frozenset(key(w) for w in ("هو", "هي", "وهو", "وهي"))


def _particle_before_name(written: str, words: list[str], names: _NameStats) -> bool:
    """Whether a span is a particle run into the name after it (``إن بوتن``، ``بين بوتن``): its
    first word as ``written`` is one of ``NOT_NAME_STARTS`` and the rest names a person the corpus
    writes ``SPLIT_RARITY`` times as often as the span."""
    if written.split()[0] not in NOT_NAME_STARTS:
        return False
    span = " ".join(words)
    _, count = _person_of(words[1:], span, names)
    return count >= SPLIT_RARITY * max(1, names.full[span])


def _person_of(part: list[str], span: str, names: _NameStats) -> tuple[str, int]:
    """``(full name, mentions)`` of the person ``part`` names: itself when it is a full name
    written twice; for one word, the full name that leads those ending with it (the span left
    out, ``_most_salient``) with the mentions of them all, or the word itself with its mentions
    alone when no full name ends with it; ``("", 0)`` when none."""
    if len(part) > 1:
        name = " ".join(part)
        return (name, names.full[name]) if names.full[name] >= 2 else ("", 0)
    owners = Counter({name: n for name, n in names.owners.get(part[0], Counter()).items() if name != span})
    if not owners:  # a person the corpus names by one word only (إينجه, never محرم إينجه)
        return (part[0], names.alone[part[0]]) if names.alone[part[0]] >= 2 else ("", 0)
    leader = _most_salient(owners)
    return (leader, owners.total()) if leader else ("", 0)


SPLIT_RARITY = 10  # mentions each name needs for every one of the span that runs them together


def cut_named_complements(mentions: tuple[Mention, ...], corpus: Corpus) -> tuple[Mention, ...]:
    """A tagged name run into a name after ل that the same document writes on its own is two
    mentions: ``علييف لأردوغان``، ``كندا للسعودية``، ``منظمة العفو لنيجيريا`` (ant:AL-internationalNews-
    545-20180320). On 20,000 news-bench articles 154 spans end so, nearly all two names; after a word
    of relation (الموالية لإيران) the ل-phrase belongs to the name and stays."""
    names: dict[str, dict[str, Label]] = defaultdict(dict)
    for mention in mentions:
        if mention.kind == "name":
            names[mention.doc_id].setdefault(mention.key, mention.label)
    labels = [_named_complement(m, names) for m in mentions]
    if not any(labels):
        return mentions
    texts = {doc.doc_id: doc.text for doc in corpus.documents}
    out: list[Mention] = []
    for mention, label in zip(mentions, labels, strict=True):
        out.extend(_cut_complement(mention, texts[mention.doc_id], label) if label else [mention])
    return tuple(out)


def _complement_name(word: str) -> str:
    """The name a word written with ل stands for: للسعودية → السعودية، لأردوغان → أردوغان."""
    return "ال" + word[2:] if word.startswith("لل") else word[1:]


def _named_complement(mention: Mention, names: dict[str, dict[str, Label]]) -> Label | None:
    """The label of the name after ل that ends ``mention``, when its document writes that name."""
    words = mention.surface.split()
    if mention.source != "crf" or mention.kind != "name" or len(words) < 2:
        return None
    last = words[-1]
    if not last.startswith("ل") or len(last) < 4 or _relation_word(words[-2]):
        return None
    return names[mention.doc_id].get(key(_complement_name(last)))


# Adjectives whose ل-complement belongs to the phrase: الميليشيات الموالية لإيران، قناة المسيرة
# التابعة للحوثيين، الشركة المالكة لفيسبوك (ant:SK-middleEast-1995-20180528, ant:BB-middleEast-654-
# 20180624, ant:BB-internationalNews-838-20180719).
_RELATION_STEMS = tuple(
    key(w) for w in ("موال", "تابع", "مؤيد", "خاضع", "مالك", "مملوك", "مقرب", "مناصر", "حليف", "مدعوم")
)


def _relation_word(word: str) -> bool:
    bare = key(word).removeprefix("ال")
    return bare.startswith(_RELATION_STEMS)


def _cut_complement(mention: Mention, text: str, label: Label) -> list[Mention]:
    """``mention`` without its last word, and that word's name as a mention of ``label``."""
    head, tail = _split_in_two(mention, text, len(mention.surface.split()) - 1)
    name = _complement_name(tail.surface)
    inner = Span(tail.span.start + (2 if tail.surface.startswith("لل") else 1), tail.span.end)
    return [head, replace(tail, span=inner, surface=name, label=label, key=key(name), attached=tail.span)]


def _may_extend(mention: Mention) -> bool:
    """Whether :func:`repair_person_spans` may mend ``mention`` (a person name the tagger found)."""
    return mention.label == "PERSON" and mention.kind == "name" and mention.source == "crf"


def _next_tokens(
    corpus: Corpus, mentions: list[Mention], texts: dict[str, str]
) -> dict[tuple[str, int], Span]:
    """(document, end of a token) → the span of the token after it in the same sentence, for the
    tokens that end one of ``mentions`` (a table of every token would take more memory than
    all of them). A hyphen between is passed over: ``كيم جونغ-أون`` is read ``كيم جونغ أون``."""
    ends: dict[str, set[int]] = defaultdict(set)
    for mention in mentions:
        ends[mention.doc_id].add(mention.span.end)
    following = {}
    for doc_id, wanted in ends.items():
        tokens = list(corpus.tokens_of(doc_id))
        for i in range(len(tokens) - 1):
            if tokens[i].span.end in wanted:
                after = _after_hyphen(tokens, i + 1, texts[doc_id])
                if tokens[i].sent_index == after.sent_index:
                    following[(doc_id, tokens[i].span.end)] = after.span
    return following


def _after_hyphen(tokens: Sequence[Token], i: int, text: str) -> Token:
    """``tokens[i]``, or the token after it when it is a hyphen written between two words."""
    hyphen = tokens[i]
    if (
        text[hyphen.span.start : hyphen.span.end] == "-"
        and i + 1 < len(tokens)
        and hyphen.span.start == tokens[i - 1].span.end
        and tokens[i + 1].span.start == hyphen.span.end
    ):
        return tokens[i + 1]
    return hyphen


def _extended(mention: Mention, text: str, next_token: dict, full: Counter[str]) -> Mention:
    """``mention`` run on to the next word when the two are a full name the corpus writes: ``جون``
    before ``كيري``, ``كيم جونغ`` before ``أون`` (a name of several words only to a full name
    written ``RUN_ON_RATIO`` times as often as itself at least, and twice: no run-on span)."""
    after = next_token.get((mention.doc_id, mention.span.end))
    if (
        after is None
        or not text[after.start].isalpha()
        or key(text[after.start : after.end]) in function_words()
    ):
        return mention  # عبد الله على, أبو سالم هو: a particle or pronoun after the name
    candidate = person_key(mention.surface + " " + text[after.start : after.end])
    if candidate not in full:
        return mention
    own = person_key(mention.surface)
    if " " in own and full[candidate] < max(2, RUN_ON_RATIO * full[own]):
        return mention
    attached = mention.attached or mention.span
    surface = mention.surface + text[mention.span.end : after.end]
    return replace(
        mention,
        span=Span(mention.span.start, after.end),
        surface=surface,
        attached=Span(attached.start, after.end),
        key=key(surface),
    )


def _split_in_two(mention: Mention, text: str, words: int = 1) -> list[Mention]:
    """``mention`` cut after its first ``words`` words (itself when it has no more than that)."""
    if words < 1:
        return [mention]
    cut = mention.span.start - 1
    for _ in range(words):
        cut = text.find(" ", cut + 1, mention.span.end)
        if cut < 0:
            return [mention]
    first_span, second_span = Span(mention.span.start, cut), Span(cut + 1, mention.span.end)
    attached = mention.attached or mention.span
    parts = []
    for span, outer in ((first_span, Span(attached.start, cut)), (second_span, second_span)):
        surface = text[span.start : span.end]
        parts.append(replace(mention, span=span, surface=surface, attached=outer, key=key(surface)))
    return parts


def _known_name(match: str) -> bool:
    return (
        match in lexicons.place_index()
        or match in lexicons.organization_index()
        or match in lexicons.seat_index()
    )


# -- keys -------------------------------------------------------------------------------------


_ABD = re.compile(r"\b(عبد|ابو|أبو|بو) (?=\S)")


def person_key(name: str) -> str:
    """Fold spelling variants of a person's name: transliteration (``سيرغي`` = ``سيرجي``, doubled
    letters ``ماكّرون``) and compounds written apart or together (``عبد الله`` = ``عبدالله``)."""
    folded = _G_LETTERS.sub("ج", key(name))
    folded = _ABD.sub(r"\1", folded)
    return _DOUBLED.sub(r"\1", folded)


@cache
def _country_keys() -> dict[str, str]:
    return {key(name): country.iso2 for country in lexicons.countries() for name in country.names_ar}


@cache
def _country_canonical() -> dict[str, str]:
    return {country.iso2: country.names_ar[0] for country in lexicons.countries()}


def cluster_key(mention: Mention) -> tuple[Label, str, str, str]:
    """``(label, match key, stands-for country, country)`` of a name or adjective mention."""
    match = mention.key or key(mention.surface)
    if mention.kind == "adjective":
        return "GPE", f"country:{mention.country_key}", "", ""
    if mention.label == "GPE" and match in _country_keys():
        return "GPE", f"country:{_country_keys()[match]}", "", ""
    if mention.label in ("GPE", "LOC"):
        seat = lexicons.seat_index().get(match, "")
        return mention.label, f"place:{match}", seat, ""
    if mention.label == "ORG":
        return "ORG", *_organization_key(match, mention.country_key)
    return "PERSON", f"person:{person_key(mention.surface)}", "", ""


def _organization_key(match: str, country: str) -> tuple[str, str, str]:
    institution = _institution_key(match) or _bare_institution_key(match, country)
    if institution:
        return institution
    organization = lexicons.organization_index().get(match)
    if organization is not None:
        for name in organization.names_ar:
            institution = _institution_key(key(name))
            if institution:
                return institution
        return f"org:{key(organization.names_ar[0])}", "", organization.iso2 or ""
    seat = lexicons.seat_index().get(match)
    if seat:
        return f"seat:{match}", seat, ""
    return f"org:{match}", "", country


def _institution_key(match: str) -> tuple[str, str, str] | None:
    """``(key, "", country)`` when ``match`` is ``head + gentilic``: one key for all spellings."""
    country = institution_country(match)
    if not country:
        return None
    head = " ".join(match.split()[:-1])
    return f"org:{institution_canonical(head)}:{country}", "", country


def _bare_institution_key(match: str, country: str) -> tuple[str, str, str] | None:
    """The key of ``head + gentilic`` for a bare head the NER tied to a country
    (``وزارة الخارجية`` after ``الرئيس الإيراني`` = ``الخارجية الإيرانية``)."""
    if not country or match not in lexicons.institution_index():
        return None
    return f"org:{institution_canonical(match)}:{country}", "", country


def institution_canonical(head_key: str) -> str:
    """One key for every name of an institution head: its first lexicon name, without ``وزارة``.

    ``وزاره الخارجيه`` = ``الخارجيه``; ``النظام`` = ``الحكومه`` (listed as one record).
    """
    record = lexicons.institution_index().get(head_key)
    first = key(record.names_ar[0]) if record is not None else head_key
    return first.removeprefix("وزاره ")


@cache
def complement_words() -> frozenset[str]:
    """Words that continue a title phrase: institution nouns and the anaphoric ``الوزارة``/``البلاد``."""
    words = {word for head in lexicons.institution_index() for word in head.split()}
    return frozenset(words | {"الوزاره", "الدوله", "البلاد", "العام", "الدائم", "الخاص"})


def _assign(clusters: dict[str, _Cluster], mention: Mention) -> None:
    label, match_key, stands_for, country = cluster_key(mention)
    cluster = clusters.setdefault(match_key, _Cluster(label, match_key))
    cluster.mentions.append(mention)
    cluster.stands_for = cluster.stands_for or stands_for
    cluster.country = cluster.country or country


# -- names a tagger read with a proclitic -----------------------------------------------------

NAME_PROCLITICS = ("و", "ل", "ب", "ف")


def _merge_proclitic_names(clusters: dict[str, _Cluster], notes: list[ResolutionNote]) -> None:
    """A name read with its proclitic joins the name: ``وكريستيانو رونالدو``, ``لبوريس جونسون`` (a
    full name with و/ل/ب/ف before another full name of the corpus) and ``بالقاعدة``, ``للقاعدة``
    (any name with و/ب/ل/ف before the article of another name of the same kind). One word without
    the article stays (وليد، بشار، فهد; بريان/ريان، بارزاني/أرزاني name other people)."""

    def bare_key(match_key: str, cluster: _Cluster) -> str:
        kind, _, name = match_key.partition(":")
        return _without_proclitic(kind, name)

    def fits(cluster: _Cluster, bare: _Cluster) -> bool:
        return bare.label == cluster.label and bare.written >= cluster.written

    _join_bare_names(clusters, notes, bare_key, fits, "proclitic", "the name read with و/ل/ب/ف")


def _join_bare_names(
    clusters: dict[str, _Cluster],
    notes: list[ResolutionNote],
    bare_key: Callable[[str, _Cluster], str],
    fits: Callable[[_Cluster, _Cluster], bool],
    rule: str,
    detail: str,
) -> None:
    """Move each cluster into the cluster of its bare name (``bare_key``, "" for none) when the
    corpus has that name and ``fits(cluster, bare)``; one resolution note per move."""
    for match_key in sorted(clusters):
        cluster = clusters[match_key]
        key_of_bare = bare_key(match_key, cluster)
        bare = clusters.get(key_of_bare) if key_of_bare else None
        if bare is None or not fits(cluster, bare):
            continue
        forms = (*mention_surfaces(bare)[:1], *mention_surfaces(cluster))
        bare.mentions.extend(clusters.pop(match_key).mentions)
        notes.append(_note(rule, ids.entity_id(bare.label, key_of_bare), forms, detail))


def _without_proclitic(kind: str, name: str) -> str:
    """The match key of ``name`` without a leading proclitic, or "" when it has none to drop."""
    if name.startswith("لل") and len(name) > 4:
        return f"{kind}:ال{name[2:]}"  # للقاعدة: ل + القاعدة
    if name[:1] in NAME_PROCLITICS and name[1:3] == "ال" and len(name) > 4:
        return f"{kind}:{name[1:]}"  # بالقاعدة، والقاعدة
    if kind == "person" and name[:1] in NAME_PROCLITICS and " " in name:
        return f"{kind}:{name[1:]}"
    return ""


# -- transliteration variants -----------------------------------------------------------------

_INNER_VOWELS = re.compile("[اويء]")
_FINAL_HA = re.compile("(?<=[وي])ه$")
_PORTUGUESE_NH = re.compile("نه(?=[وا]$)")


def name_skeleton(word: str) -> str:
    """A foreign name's letters without the vowels transliterators write or leave out: long vowels
    and hamza after the first letter (ترامب/ترمب، برانسون/برونسون), تش for ch (منوتشين/منوشين),
    a final ه after a vowel (بومبيوه/بومبيو), ي or ج for an initial y (كيم يونغ أون/جونغ) and
    نه or ني for a final Portuguese nho/nha (مورينهو/مورينيو: 77 and 913 in news-bench).
    Only used between names that share another word."""
    folded = _PORTUGUESE_NH.sub("ن", _FINAL_HA.sub("", word)).replace("تش", "ش")
    folded = "ج" + folded[1:] if folded.startswith("ي") else folded
    return folded[:1] + _INNER_VOWELS.sub("", folded[1:])


# Letters a folded word that differs must keep: short Arabic names (سعد/سعيد، صالح/صلاح) never fold.
MIN_SKELETON = 4


def _merge_transliterations(clusters: dict[str, _Cluster], notes: list[ResolutionNote]) -> dict[str, str]:
    """Join full names written in two transliterations (دونالد ترامب / دونالد ترمب): same number of
    words, each word identical or equal once vowels are folded (``name_skeleton``), and
    never named in the same document (two people there would be two spellings side by side).
    A spelling joins the most-mentioned name before it that holds a spelling it fits, judged on
    the documents each spelling is written in, not on all the name's documents (سيرغي سكربيل
    joins سيرغي سكريبال although a document wrote سكريبل, which joined it, beside سكربيل).
    Returns each absorbed match key with the key it joined."""
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for match_key, cluster in clusters.items():
        words = match_key.removeprefix("person:").split()
        if cluster.label == "PERSON" and len(words) > 1:
            groups[tuple(name_skeleton(w) for w in words)].append(match_key)
    given = _given_name_families(clusters)
    absorbed: dict[str, str] = {}
    for _, keys in sorted(groups.items()):
        if len(keys) > 1:
            _join_spellings(clusters, notes, keys, given, absorbed)
    return absorbed


def _join_spellings(
    clusters: dict[str, _Cluster],
    notes: list[ResolutionNote],
    keys: list[str],
    given: dict[str, Counter[str]],
    absorbed: dict[str, str],
) -> None:
    """Join the spellings of one skeleton group (see :func:`_merge_transliterations`), again
    until none moves: a spelling that fits none at first may fit one that joined later."""
    keys.sort(key=lambda k: (-len(clusters[k].mentions), k))
    docs = {k: frozenset(m.doc_id for m in clusters[k].mentions) for k in keys}
    spellings = {k: [k] for k in keys}  # each surviving key → the spellings it holds
    moved = True
    while moved:
        moved = False
        for rank, other in enumerate(keys):
            if other in absorbed:
                continue
            held = spellings[other]
            survivor = next(
                (
                    k
                    for k in keys[:rank]
                    if k not in absorbed
                    and any(_spellings_of_one(a, b, docs, given) for a in spellings[k] for b in held)
                ),
                None,
            )
            if survivor is None:
                continue
            forms = (*mention_surfaces(clusters[survivor])[:1], *mention_surfaces(clusters[other]))
            clusters[survivor].mentions.extend(clusters.pop(other).mentions)
            spellings[survivor].extend(spellings.pop(other))
            for spelling, target in list(absorbed.items()):
                if target == other:
                    absorbed[spelling] = survivor
            absorbed[other] = survivor
            moved = True
            notes.append(
                _note(
                    "transliteration",
                    ids.entity_id("PERSON", survivor),
                    forms,
                    "same name, vowels written differently",
                )
            )


def _given_name_families(clusters: dict[str, _Cluster]) -> dict[str, Counter[str]]:
    """Each word of a person's full name before the last → the family names (skeletons) it is
    written before, with their mentions: a given name that comes with many families (عامر) is a
    name of its own, not one person's spelling."""
    families: dict[str, Counter[str]] = defaultdict(Counter)
    for match_key, cluster in clusters.items():
        words = match_key.removeprefix("person:").split()
        if cluster.label == "PERSON" and len(words) > 1:
            for word in words[:-1]:
                families[word][name_skeleton(words[-1])] += len(cluster.mentions)
    return families


def _spellings_of_one(
    first: str, second: str, docs: dict[str, frozenset[str]], given: dict[str, Counter[str]]
) -> bool:
    """Two full names with the same skeleton are one person's: every word that differs may be a
    foreign name's transliteration (``foldable``: ستيفن منوتشين / ستيفين منوشن), and few of the
    documents that write one spelling write the other (``docs``: spelling → documents)."""
    first_words = first.removeprefix("person:").split()
    second_words = second.removeprefix("person:").split()
    differ = [(a, b) for a, b in zip(first_words, second_words, strict=True) if a != b]
    # a surname spelt two ways after the same long given names (فلاديمير بوتين/بوتن); a given
    # name spelt two ways is vouched for only when it is long and no given name of other
    # families (تيريزا/تريزا ماي; not عمر/عامر عبدالرحمن، سعود/سعيد القحطاني)
    surname_only = len(differ) == 1 and first_words[-1] != second_words[-1]
    anchored = surname_only and sum(len(word) for word in first_words[:-1]) >= LONG_ANCHOR
    family = name_skeleton(first_words[-1])
    for position, (a, b) in enumerate(zip(first_words, second_words, strict=True)):
        last = position == len(first_words) - 1
        loose = anchored or (not last and a != b and foreign_given_name(a, b, family, given))
        if a != b and not foldable(a, b, anchored=loose):
            return False
    first_docs, second_docs = docs[first], docs[second]
    return len(first_docs & second_docs) <= SHARED_DOCS * min(len(first_docs), len(second_docs))


# Share of the rarer spelling's documents that may name both: an outlet writes a name one way in
# its text and another in a hashtag (دونالد ترامب … #ترمب); two people side by side are more.
SHARED_DOCS = 0.2


LONG_ANCHOR = 5  # letters of shared words that vouch for a short folded one (فلاديمير بوتين/بوتن)
LONG_GIVEN = 5  # letters of a given name spelt two ways that may be a foreign one (تيريزا/تريزا)
OTHER_FAMILIES = 1  # other family names a foreign given name's spelling may come with, or else
FAMILY_SHARE = 0.8  # the share of its mentions written before the one family name


def foreign_given_name(word: str, other: str, family: str, given: dict[str, Counter[str]]) -> bool:
    """Whether a given name spelt two ways before one family name may be a foreign name's two
    transliterations: both spellings long (``LONG_GIVEN``), no Arabic feminine ending (ة،
    ى: فاطمة/فطيمة), and each written mostly before that family in the corpus (``given``,
    :func:`_mostly_before`), not spread over families as an Arabic given name is (عامر، حميد).

    >>> foreign_given_name("تيريزا", "تريزا", "م", {"تيريزا": Counter(م=40), "تريزا": Counter(م=9, هلم=1)})
    True
    >>> foreign_given_name("حامد", "حميد", "عل", {"حامد": Counter(عل=1), "حميد": Counter(عل=1)})
    False
    """
    if min(len(word), len(other)) < LONG_GIVEN or word[-1] in "هي" or other[-1] in "هي":
        return False
    return all(_mostly_before(given.get(w, Counter()), family) for w in (word, other))


def _mostly_before(families: Counter[str], family: str) -> bool:
    """A given name written before ``family`` and at most ``OTHER_FAMILIES`` others, or before
    ``family`` in ``FAMILY_SHARE`` of its mentions (a big corpus finds any name elsewhere)."""
    others = len(families) - (family in families)
    return others <= OTHER_FAMILIES or families[family] >= FAMILY_SHARE * families.total()


def foldable(word: str, other: str, *, anchored: bool = False) -> bool:
    """Whether two spellings may be one foreign name's. Arabic names differ in just these vowels
    and keep apart: the folded word must keep ``MIN_SKELETON`` letters besides a final ه
    (حميده/حمادة; one fewer when ``anchored`` by a long shared word, فلاديمير بوتين/بوتن), neither
    may be a definite family name (الطويان/الطيان), and neither may be the other in an Arabic
    pattern: ي after the second letter (سلمان/سليمان، حسن/حسين), و before the last
    (محمد/محمود، مسعد/مسعود; not before a final ن of a long name, جونسون/جونسن) or a final ي
    (أحمد/أحمدي).

    >>> foldable("ترامب", "ترمب"), foldable("سلمان", "سليمان"), foldable("محمد", "محمود")
    (True, False, False)
    >>> foldable("جونسون", "جونسن"), foldable("حسون", "حسن", anchored=True)
    (True, False)
    """
    letters = len(name_skeleton(word).removesuffix("ه"))
    if letters < MIN_SKELETON - anchored or word.startswith("ال") or other.startswith("ال"):
        return False
    short, long = sorted((word, other), key=len)
    if len(long) != len(short) + 1:
        return True
    son = long.endswith("ون") and letters >= MIN_SKELETON  # -son, -ton: جونسون/جونسن، بولتون/بولتن
    patterns = (
        long[:2] + long[3:] if long[2:3] == "ي" else "",
        long[:-2] + long[-1] if long[-2] == "و" and not son else "",
        long[:-1] if long.endswith("ي") else "",
    )
    return short not in patterns


# -- a rare misspelling of a name the corpus writes far more often ----------------------------

VARIANT_RATIO = 10  # mentions the common spelling needs for every one of the rare spelling's
OWN_SPELLING_NAMES = 2  # other full names a misspelt word may be written in (جميس of جميس كومي)
SYLLABLE_LETTERS = 4  # longest word of a name written in syllables (كيم جونغ أون، شي جين بينغ)


def variant_skeleton(word: str) -> str:
    """:func:`name_skeleton` with a final ng written as ن or نغ (``جون``/``جونغ`` of كيم جونغ أون)
    and ج، ح، خ as one letter, which differ only in a dot a typist may slip (كيم حونغ أون,
    ant:SK-internationalNews-1244-20180429)."""
    skeleton = _DOT_SLIPS.sub("ج", name_skeleton(word))
    return skeleton[:-1] if skeleton.endswith("نج") else skeleton


_DOT_SLIPS = re.compile("[حخ]")


def _merge_rare_spellings(
    clusters: dict[str, _Cluster], notes: list[ResolutionNote], absorbed: dict[str, str]
) -> None:
    """A full name written ``VARIANT_RATIO`` times less often than another that it matches word
    for word but one (:func:`variant_skeleton`) is a misspelling of it (جمال خشقجي، جميس ماتيس،
    سيرغيه لافروف), even in a document that spells it right too, when the word is a spelling of
    its own or the name is written in syllables (:func:`_rare_spelling_of`)."""
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    used_in: dict[tuple[str, bool], set[str]] = defaultdict(set)  # (word, is last) → names
    for match_key, cluster in clusters.items():
        words = match_key.removeprefix("person:").split()
        if cluster.label == "PERSON" and len(words) > 1:
            groups[tuple(variant_skeleton(w) for w in words)].append(match_key)
            for position, word in enumerate(words):
                used_in[(word, position == len(words) - 1)].add(match_key)
    given = _given_name_families(clusters)
    for _, keys in sorted(groups.items()):
        if len(keys) < 2:
            continue
        common, *others = sorted(keys, key=lambda k: (-len(clusters[k].mentions), k))
        for rare in others:
            if VARIANT_RATIO * len(clusters[rare].mentions) > len(clusters[common].mentions):
                continue
            if _rare_spelling_of(rare, common, used_in, given):
                note = ("rare spelling", "a rare misspelling of a name written far more often")
                _absorb(clusters, notes, absorbed, (rare, common), note)


def _rare_spelling_of(
    rare: str, common: str, used_in: dict[tuple[str, bool], set[str]], given: dict[str, Counter[str]]
) -> bool:
    """Whether the one word in which ``rare`` differs from ``common`` is a misspelling: no family
    name with the article (عبد الله الثني is not عبد الله الثاني), and either a spelling that
    at most ``OWN_SPELLING_NAMES`` other full names use (سعد، صالح، عامر are given names of
    many: سعد القحطاني is not سعود القحطاني), or a given name whose common spelling is written
    mostly before this family (باراك of باراك أوباما, ``_mostly_before``; not سعود، عمر), or a
    word of a name of three or more syllables (each at most ``SYLLABLE_LETTERS`` letters, no بن),
    as Korean and Chinese names are written."""
    rare_words = rare.removeprefix("person:").split()
    common_words = common.removeprefix("person:").split()
    differ = [i for i, (a, b) in enumerate(zip(rare_words, common_words, strict=True)) if a != b]
    if len(differ) != 1:
        return False
    position = differ[0]
    word = rare_words[position]
    if word.startswith("ال") or common_words[position].startswith("ال"):
        return False
    others = used_in[(word, position == len(rare_words) - 1)] - {rare}
    syllables = len(rare_words) >= 3 and all(
        len(w) <= SYLLABLE_LETTERS and w not in _LINKING_WORDS for w in (*rare_words, *common_words)
    )
    last = position == len(rare_words) - 1
    family = name_skeleton(common_words[-1])
    families = given.get(common_words[position], Counter())
    long = min(len(word), len(common_words[position])) >= LONG_GIVEN
    led = long and _leading_family(families, family)
    foreign_given = not last and (_mostly_before(families, family) or led)
    return len(others) <= OWN_SPELLING_NAMES or foreign_given or syllables


FAMILY_LEAD = 10  # mentions before its leading family for every one before the runner-up


def _leading_family(families: Counter[str], family: str) -> bool:
    """Whether a given name is written before ``family`` ``FAMILY_LEAD`` times as often as before
    any other: one person's (نيكولا of نيكولا ساركوزي, 63 mentions on 20,000 news-bench articles,
    the runner-up family 5). A rare spelling of a long one (``LONG_GIVEN``; not سعد/سعود) beside
    that family is that person's (نيكولاي ساركوزي, ant:SK-internationalNews-461-20180320),
    although نيكولاي is a name of its own (نيكولاي ملادينوف)."""
    runner_up = max((n for other, n in families.items() if other != family), default=0)
    return families[family] >= FAMILY_LEAD * max(1, runner_up)


# -- organisations named with and without their kind -----------------------------------------

# A noun naming what kind of body follows (منظمة هيومن رايتس ووتش = هيومن رايتس ووتش). News-bench
# count of the word before a name: شركة 10,783, موقع 7,828, صحيفة 7,411, مجموعة 6,750, وكالة 6,617,
# حزب 5,980, حركة 4,322, منظمة 4,181, قناة 2,927, مؤسسة 2,131, جماعة 1,982.
KIND_WORDS = frozenset(
    key(w)
    for w in ("منظمة", "حركة", "جماعة", "شركة", "مجموعة", "مؤسسة", "صحيفة", "وكالة", "قناة", "حزب", "موقع")
)


def _merge_kind_words(clusters: dict[str, _Cluster], notes: list[ResolutionNote]) -> None:
    """``منظمة X`` joins ``X`` when the corpus also names the organisation ``X`` alone (حركة حماس /
    حماس، وكالة رويترز / رويترز); without that evidence the two stay as they are."""

    def bare_key(match_key: str, cluster: _Cluster) -> str:
        first, _, rest = match_key.removeprefix("org:").partition(" ")
        return f"org:{rest}" if cluster.label == "ORG" and first in KIND_WORDS and rest else ""

    def fits(cluster: _Cluster, bare: _Cluster) -> bool:
        return bare.label == "ORG"

    _join_bare_names(clusters, notes, bare_key, fits, "kind word", "the same body named with its kind")


# Words that name a place by its kind and mean the same place as its bare name (مدينة حلب = حلب،
# قطاع غزة = غزة، ولاية تكساس = تكساس); other place heads (ريف دمشق، جبل لبنان) name another place.
PLACE_KIND_WORDS = frozenset(key(w) for w in ("مدينة", "قطاع", "ولاية"))


# Words after a place name that say whose it is or that it is occupied (الجولان السوري المحتل،
# الضفة الغربية المحتلة), not which place: a country's gentilic, and these.
PLACE_STATUS_WORDS = frozenset(key(w) for w in ("المحتل", "المحتلة"))


def _bare_place(match: str) -> str:
    """The place name without a leading kind word or trailing gentilics and status words; "" when
    nothing is taken off or nothing would be left."""
    words = match.split()
    if len(words) > 1 and words[0] in PLACE_KIND_WORDS:
        words = words[1:]
    gentilics = lexicons.gentilic_index()
    trailing = len(words)
    while trailing > 1 and (words[trailing - 1] in PLACE_STATUS_WORDS or words[trailing - 1] in gentilics):
        trailing -= 1
        if " ".join(words[:trailing]) in lexicons.place_index():
            # a known place only: المحيط الهندي is no ocean of India's; the longest one:
            # الأراضي الفلسطينية المحتلة is الأراضي الفلسطينية, not الأراضي
            words = words[:trailing]
            break
    bare = " ".join(words)
    return bare if bare != match else ""


def _merge_place_kinds(clusters: dict[str, _Cluster], notes: list[ResolutionNote]) -> None:
    """``قطاع غزة`` and ``الجولان السوري المحتل`` join ``غزة`` and ``الجولان`` when the corpus names
    both; the bare name's cluster is kept."""

    def bare_key(match_key: str, cluster: _Cluster) -> str:
        rest = _bare_place(match_key.removeprefix("place:"))
        return f"place:{rest}" if cluster.label in ("GPE", "LOC") and rest else ""

    def fits(cluster: _Cluster, bare: _Cluster) -> bool:
        return bare.label in ("GPE", "LOC")

    _join_bare_names(clusters, notes, bare_key, fits, "kind word", "the same place named with its kind")


# -- a short form of a foreign given name -----------------------------------------------------


@cache
def short_given_forms() -> dict[str, str]:
    """Person-key of each short form of a foreign given name → that of its full form, and the
    reverse (``given_name_short_forms.tsv``: ``بيب`` = ``جوسيب``)."""
    pairs = {}
    for _, row in lexicons.read_table(
        lexicons.RESOURCES / "given_name_short_forms.tsv", ("short_ar", "long_ar", "evidence")
    ):
        short, full = person_key(row["short_ar"]), person_key(row["long_ar"])
        pairs[short], pairs[full] = full, short
    return pairs


def _merge_short_given_names(
    clusters: dict[str, _Cluster], notes: list[ResolutionNote], absorbed: dict[str, str]
) -> None:
    """``بيب غوارديولا`` and ``جوسيب غوارديولا`` are one person: full names whose given names are a
    listed short and full form (:func:`short_given_forms`) and whose other words are the same or
    one foreign name's spellings (``foldable``: ستيف منوشين / ستيفن منوتشين), written in documents
    that mostly name only one of them (``SHARED_DOCS``, as for two spellings). The rarer joins."""
    forms = short_given_forms()
    by_rest: dict[tuple[str, ...], list[str]] = defaultdict(list)  # given name + skeletons → keys
    for match_key, cluster in clusters.items():
        words = match_key.removeprefix("person:").split()
        if cluster.label == "PERSON" and len(words) > 1 and words[0] in forms:
            by_rest[(words[0], *(name_skeleton(w) for w in words[1:]))].append(match_key)
    for (given, *rest), keys in sorted(by_rest.items()):
        for match_key in keys:
            other = next(
                (
                    k
                    for k in by_rest.get((forms[given], *rest), ())
                    if k in clusters and _same_rest(match_key, k)
                ),
                None,
            )
            if match_key in clusters and other is not None and _rarely_together(clusters, match_key, other):
                _join_forms(clusters, notes, absorbed, match_key, other)


def _same_rest(one: str, other: str) -> bool:
    """The words after the given name are the same or one foreign name's spellings."""
    pairs = zip(one.split()[1:], other.split()[1:], strict=True)
    return all(a == b or foldable(a, b) for a, b in pairs)


def _rarely_together(clusters: dict[str, _Cluster], one: str, other: str) -> bool:
    docs = [frozenset(m.doc_id for m in clusters[k].mentions) for k in (one, other)]
    return len(docs[0] & docs[1]) <= SHARED_DOCS * min(len(d) for d in docs)


def _join_forms(
    clusters: dict[str, _Cluster], notes: list[ResolutionNote], absorbed: dict[str, str], one: str, other: str
) -> None:
    """Move the rarer of two forms of one person's name into the other; ``absorbed`` follows."""
    rare, common = sorted((one, other), key=lambda k: (len(clusters[k].mentions), k))
    note = ("short given name", "a given name's short form")
    _absorb(clusters, notes, absorbed, (rare, common), note)


def _absorb(
    clusters: dict[str, _Cluster],
    notes: list[ResolutionNote],
    absorbed: dict[str, str],
    pair: tuple[str, str],
    note: tuple[str, str],
) -> None:
    """Move the cluster ``pair[0]`` into ``pair[1]``, point what was absorbed into the first at
    the second, and record it with ``note`` (its kind and reason)."""
    rare, common = pair
    written = (*mention_surfaces(clusters[common])[:1], *mention_surfaces(clusters[rare]))
    clusters[common].mentions.extend(clusters.pop(rare).mentions)
    for spelling, target in list(absorbed.items()):
        if target == rare:
            absorbed[spelling] = common
    absorbed[rare] = common
    notes.append(_note(note[0], ids.entity_id("PERSON", common), written, note[1]))


# -- a middle name written or left out --------------------------------------------------------

# Words between a given and a family name that make a patronym or a compound, not a middle name
# (محمد بن سلمان is not محمد سلمان): بن، ابن، بنت، أبو، ولد، و.
_LINKING_WORDS = frozenset(key(w) for w in ("بن", "ابن", "بنت", "أبو", "بو", "ولد", "و"))
MIDDLE_RATIO = 3  # mentions the form kept needs for every one of the other's
MIDDLE_SHARE = 0.5  # share of a given name's full-name mentions that must come with the family


def _merge_middle_names(
    clusters: dict[str, _Cluster], notes: list[ResolutionNote], absorbed: dict[str, str]
) -> None:
    """``A B C`` and ``A C`` are one person when one is written ``MIDDLE_RATIO`` times as often
    as the other: رجب طيب أردوغان / رجب أردوغان, باراك حسين أوباما / باراك أوباما, and a patronym
    ``A بن B C`` / ``A C`` (أنور بن محمد قرقاش / أنور قرقاش, :func:`_patronym`). Not when ``B``
    links a patronym (بن: محمد بن سلمان is not محمد سلمان), when ``A C`` has two such fuller
    forms or is cut from a longer name written as often (كيم جونغ of كيم جونغ أون, not كيم يو
    جونغ), or when less than
    ``MIDDLE_SHARE`` of the full names starting with ``A`` end with ``C`` (محمد أحمد الحمادي is
    not every محمد الحمادي; دونالد is mostly دونالد ترامب). ``A C`` is looked up in the spelling
    it joined (``absorbed``): أندرو كريغ برونسون joins أندرو برانسون, which took in أندرو برونسون."""
    persons = [k for k, c in clusters.items() if c.label == "PERSON"]
    fuller: dict[str, list[str]] = defaultdict(list)
    longest_after: Counter[str] = Counter()  # "A C" → mentions of the longest name it starts
    families: dict[str, Counter[str]] = defaultdict(Counter)
    for person in persons:
        words = person.removeprefix("person:").split()
        if len(words) < 2:
            continue
        families[words[0]][words[-1]] += len(clusters[person].mentions)
        for size in range(2, len(words)):
            head = " ".join(words[:size])
            longest_after[head] = max(longest_after[head], len(clusters[person].mentions))
        if len(words) == 3 and words[1] not in _LINKING_WORDS and not words[1].startswith("ال"):
            fuller[f"person:{words[0]} {words[2]}"].append(person)
        elif _patronym(words):
            fuller[f"person:{words[0]} {words[3]}"].append(person)
    for written_short, longer in sorted(fuller.items()):
        short = absorbed.get(written_short, written_short)  # أندرو برونسون → أندرو برانسون
        given, family = short.removeprefix("person:").split()
        if len(longer) != 1 or short not in clusters or longer[0] not in clusters:
            continue
        written = len(clusters[short].mentions)
        if families[given][family] < MIDDLE_SHARE * families[given].total():
            continue
        if longest_after[short.removeprefix("person:")] >= written:
            continue
        _join_the_rarer(clusters, notes, absorbed, short, longer[0])


_SON_OF = frozenset(key(w) for w in ("بن", "ابن"))


def _patronym(words: list[str]) -> bool:
    """Whether a four-word name is ``A بن B C``, a given name, the father's and a family name
    (أنور بن محمد قرقاش, which news writes أنور قرقاش), no word with the article."""
    return len(words) == 4 and words[1] in _SON_OF and not any(w.startswith("ال") for w in words[2:])


def _join_the_rarer(
    clusters: dict[str, _Cluster], notes: list[ResolutionNote], absorbed: dict[str, str], one: str, other: str
) -> None:
    """Move the rarer of two forms of one name into the other when it is ``MIDDLE_RATIO`` times
    rarer; ``absorbed`` records it, so that a partial name of the rarer form (هاكابي ساندرز of
    سارة هاكابي ساندرز) finds the name it joined."""
    rare, common = sorted((one, other), key=lambda k: (len(clusters[k].mentions), k))
    if len(clusters[common].mentions) < MIDDLE_RATIO * len(clusters[rare].mentions):
        return
    _absorb(clusters, notes, absorbed, (rare, common), ("middle name", "one name, a middle name left out"))


def _merge_lineage_names(
    clusters: dict[str, _Cluster], notes: list[ResolutionNote], absorbed: dict[str, str]
) -> None:
    """A name that goes on with a grandfather (``A بن B بن C``) is the ``A بن B`` the corpus
    writes ``VARIANT_RATIO`` times as often: محمد بن سلمان بن عبدالعزيز (16 mentions on 20,000
    news-bench articles, ant:AL-economy-334-20180327) is محمد بن سلمان (1,186)."""
    lineages: dict[str, list[str]] = defaultdict(list)  # A بن B → its names with a grandfather
    for match_key, cluster in clusters.items():
        words = match_key.removeprefix("person:").split()
        if cluster.label == "PERSON" and len(words) >= 5 and _lineage(words):
            lineages[f"person:{' '.join(words[:3])}"].append(match_key)
    for short, longer in sorted(lineages.items()):
        grandfathers = {k.removeprefix("person:").split()[4] for k in longer}
        if short in clusters and len(grandfathers) == 1:  # حمد بن جاسم بن جبر/بن حمد: two men
            _join_lineages(clusters, notes, absorbed, short, longer)


def _join_lineages(
    clusters: dict[str, _Cluster],
    notes: list[ResolutionNote],
    absorbed: dict[str, str],
    short: str,
    longer: list[str],
) -> None:
    """Move each name of ``longer`` written ``VARIANT_RATIO`` times less than ``short`` into it."""
    for match_key in sorted(longer):
        cluster = clusters[match_key]
        if len(clusters[short].mentions) >= VARIANT_RATIO * len(cluster.mentions):
            note = ("lineage", "a name going on with a grandfather")
            _absorb(clusters, notes, absorbed, (match_key, short), note)
            del absorbed[match_key]  # its ends name the father (سلمان بن عبدالعزيز), no partial name


def _lineage(words: list[str]) -> bool:
    """Whether a name is ``A بن B بن C …``: a given name, the father's and the grandfather's."""
    return words[1] in _SON_OF and words[3] in _SON_OF


# -- a name cut before its last word ----------------------------------------------------------


def _merge_cut_names(
    clusters: dict[str, _Cluster], notes: list[ResolutionNote], absorbed: dict[str, str]
) -> None:
    """A name of two words or more that starts a full name the corpus writes ``VARIANT_RATIO``
    times as often, and leads the others it starts (``_most_salient``), is that name cut before
    its last word: ``رجب طيب`` before a misspelt ``أرودغان``, ``كيم جونغ`` of كيم جونغ أون (not
    of كيم جونغ نام, written 130 times less). ``دونالد ترامب`` stays: it is written far more
    than ``دونالد ترامب جونيور``."""
    starting: dict[str, Counter[str]] = defaultdict(Counter)  # a name's first words → full names
    for match_key, cluster in clusters.items():
        words = match_key.removeprefix("person:").split()
        if cluster.label == "PERSON":
            for size in range(2, len(words)):
                starting[f"person:{' '.join(words[:size])}"][match_key] = len(cluster.mentions)
    for cut in sorted(starting):
        short = clusters.get(cut)
        if short is None or short.label != "PERSON":
            continue
        longer = Counter({k: n for k, n in starting[cut].items() if k in clusters})
        leader = _most_salient(longer) if longer else ""
        if leader and longer[leader] >= VARIANT_RATIO * len(short.mentions):
            note = ("cut name", "a name cut before its last word")
            _absorb(clusters, notes, absorbed, (cut, leader), note)


# -- partial names ----------------------------------------------------------------------------


def _link_partial_names(
    clusters: dict[str, _Cluster],
    notes: list[ResolutionNote],
    absorbed: dict[str, str] | None = None,
    genders: _Genders | None = None,
) -> None:
    """Move partial person names into the full-name cluster they abbreviate.

    A partial name is the end of a longer name (``كيري`` of ``جون كيري``, ``دي ميستورا`` of
    ``ستيفان دي ميستورا``), or its first word when the full name came earlier in the same
    document (``بشار`` after ``بشار الأسد``).
    """
    persons = [k for k, c in clusters.items() if c.label == "PERSON"]
    for person in persons:
        clusters[person].written = len(clusters[person].mentions)
        clusters[person].by_document = None
    suffixes: dict[tuple[str, ...], list[str]] = defaultdict(list)  # proper suffix -> full names
    firsts: dict[str, list[str]] = defaultdict(list)  # first word -> full names
    spellings = [(full, full) for full in persons] + sorted((absorbed or {}).items())
    for spelling, full in spellings:
        words = tuple(spelling.removeprefix("person:").split())
        for size in range(1, len(words)):
            if full not in suffixes[words[-size:]]:
                suffixes[words[-size:]].append(full)
        if len(words) > 1 and full not in firsts[words[0]]:
            firsts[words[0]].append(full)
    containers: dict[tuple[str, ...], dict[str, str]] = {}
    given_names = _mostly_given_names(clusters, persons)
    for match_key in sorted(persons, key=lambda k: len(k.split())):
        words = tuple(match_key.removeprefix("person:").split())
        by_suffix = [k for k in suffixes.get(words, ()) if k in clusters]
        if len(words) > 1:  # a full name joins a longer one that is no run-on span
            by_suffix = [k for k in by_suffix if _extends(clusters, k, match_key)]
        by_first = [k for k in firsts.get(words[0], ()) if k in clusters] if len(words) == 1 else []
        if (not by_suffix and not by_first) or (words[0] in COMPOUND_ENDS and len(words) == 1):
            continue
        cluster = clusters[match_key]
        wide = not (len(words) == 1 and words[0] in given_names)  # محمد alone is no مهاتير محمد
        keep = []
        joined: Counter[str] = Counter()
        for mention in cluster.mentions:
            target = _full_name_for(
                mention, by_suffix, clusters, corpus_wide=wide, memo=containers, genders=genders
            )
            target = target or _full_name_for(mention, by_first, clusters, corpus_wide=False)
            if target:
                clusters[target].mentions.append(mention)
                joined[target] += 1
            else:
                keep.append(mention)
        for target, count in sorted(joined.items()):
            forms = (*mention_surfaces(cluster), clusters[target].mentions[0].surface)
            entity_id = ids.entity_id("PERSON", target)
            notes.append(_note("partial name", entity_id, forms, f"{count} mentions joined the full name"))
        if keep and len(by_suffix) > 1:
            forms = (
                cluster.mentions[0].surface,
                *(clusters[k].mentions[0].surface for k in sorted(by_suffix)),
            )
            notes.append(
                _note("partial name", "", forms, "ambiguous: several full names end with it", merged=False)
            )
        cluster.mentions = keep
        if not keep:
            del clusters[match_key]


def _split_unresolved_single_names(
    clusters: dict[str, _Cluster], notes: list[ResolutionNote], texts: dict[str, str]
) -> None:
    """A one-word person name that no full name took (:func:`_link_partial_names`) and that
    several people bear is, in each document, the person whom the story's other people point to
    (:class:`_CoMentions`), else one person of that document only. Several people bear it when
    it is a given name that starts :data:`NAMESAKES` full names or more (``محمد``، ``هاري``) or a
    family name that ends full names of as many distinct given names (``خان`` of عمران، صادق،
    أحمد خان; spellings of one given name count once, :func:`given_name_fold`: مارادونا stays
    one). On 20,000 news-bench articles such corpus-wide nodes joined different people (the
    unlinked محمد of every story was the 184th most-mentioned "person", خان the 200th). Any other
    name alone (``غولن``، ``المالكي``) stays one node: mostly the one person the corpus names so."""
    persons = [k for k, c in clusters.items() if c.label == "PERSON"]
    given = _mostly_given_names(clusters, persons)
    shared = _shared_single_names(clusters, persons, given)
    context = _CoMentions(clusters, persons, given)
    for match_key in persons:
        words = match_key.removeprefix("person:").split()
        if len(words) != 1 or words[0] not in shared:
            continue
        cluster = clusters.pop(match_key)
        by_doc: dict[str, list[Mention]] = defaultdict(list)
        for mention in cluster.mentions:
            by_doc[mention.doc_id].append(mention)
        for doc_id, mentions in sorted(by_doc.items()):
            target = context.person_for(mentions, doc_id, texts[doc_id])
            if target:
                clusters[target].mentions.extend(mentions)
                forms = (mentions[0].surface, clusters[target].mentions[0].surface)
                entity_id = ids.entity_id("PERSON", target)
                notes.append(_note("partial name", entity_id, forms, "the story's other people point to it"))
                continue
            key_in_doc = f"{match_key} {DOCUMENT_MARK}{doc_id}" if len(by_doc) > 1 else match_key
            clusters[key_in_doc] = replace(cluster, match_key=key_in_doc, mentions=mentions)


def _shared_single_names(
    clusters: dict[str, _Cluster], persons: list[str], given: frozenset[str]
) -> frozenset[str]:
    """One-word names several people bear (see :func:`_split_unresolved_single_names`);
    ``given``: :func:`_mostly_given_names`."""
    firsts: Counter[str] = Counter()
    families: dict[str, set[str]] = defaultdict(set)
    for person in persons:
        words = person.removeprefix("person:").split()
        if len(words) > 1:
            firsts[words[0]] += 1
            if clusters[person].written >= 2:
                families[words[-1]].add(given_name_fold(words[0]))
    shared = {word for word, count in firsts.items() if word in given and count >= NAMESAKES}
    shared |= {word for word, folds in families.items() if word not in given and len(folds) >= NAMESAKES}
    return frozenset(shared)


_G_SOUNDS = re.compile("[جغكقخگ]")


def given_name_fold(word: str) -> str:
    """A given name's :func:`variant_skeleton` with every letter for g, k, q and the Spanish j as
    one, so that one person's spellings count as one namesake (سيرخيو/سيرجيو/سيرغيو أغويرو)."""
    return _G_SOUNDS.sub("ج", variant_skeleton(word))


class _CoMentions:
    """Who a name alone stands for in a story that names none of its bearers in full: the full
    name that the corpus writes with the story's other people, counted in documents, when it leads
    the runner-up ``SALIENCE_RATIO`` times and shares ``CONTEXT_DOCUMENTS`` documents or more
    (``كيم`` beside دونالد ترامب is كيم جونغ أون, whom hundreds of stories name with Trump; no
    other كيم comes near). Only full names that the corpus calls by that word alone in their own
    stories, in ``ALONE_SHARE`` of their mentions or more, are candidates: كيم for كيم جونغ أون, not
    محمد for محمد بن سلمان."""

    def __init__(self, clusters: dict[str, _Cluster], persons: list[str], given: frozenset[str]) -> None:
        self.clusters = clusters
        self.full = [p for p in persons if " " in p and p in clusters]
        self.docs = {p: {m.doc_id for m in clusters[p].mentions[: clusters[p].written]} for p in self.full}
        self.named: dict[str, list[str]] = defaultdict(list)
        for person, docs in self.docs.items():
            for doc_id in docs:
                self.named[doc_id].append(person)
        self.given = given
        self.candidates: dict[str, list[str]] = {}
        self.writes: dict[tuple[str, str], bool] = {}
        stop = not_name_words() | frozenset(lexicons.title_index())
        self.name_words = {
            word
            for p in self.full
            if clusters[p].written >= NAME_WORD_MENTIONS
            for word in _first_and_last(p)
            if word not in stop and len(word) > 2
        }
        self.by_word: dict[str, list[str]] = defaultdict(list)
        for person in self.full:
            words = person.removeprefix("person:").split()
            word = words[0] if words[0] in self.given else words[-1]
            if clusters[person].written >= KNOWN_PERSON:
                self.by_word[word].append(person)

    def person_for(self, mentions: list[Mention], doc_id: str, text: str) -> str:
        if any(_inside_other_name(m, text) or self._beside_a_name(m, text) for m in mentions):
            return ""
        word = person_key(mentions[0].surface)
        others = self.named.get(doc_id, [])
        candidates = [c for c in self._candidates(word) if self._writes(c, mentions[0].surface)]
        scores = Counter({c: sum(len(self.docs[c] & self.docs[o]) for o in others) for c in candidates})
        ranked = scores.most_common(2)
        if not ranked or ranked[0][1] < CONTEXT_DOCUMENTS:
            return ""
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        return ranked[0][0] if ranked[0][1] >= SALIENCE_RATIO * runner_up else ""

    def _writes(self, person: str, alone: str) -> bool:
        """Whether the full name is written starting or ending with the name alone as written (a
        verb the tagger took for a name, جئنا, folds to جينا of جينا هاسبل but is not written so)."""
        if (person, alone) not in self.writes:
            cluster = self.clusters[person]
            written = {m.surface for m in cluster.mentions[: cluster.written]}
            fits = any(s.startswith(alone + " ") or s.endswith(" " + alone) for s in written)
            self.writes[person, alone] = fits
        return self.writes[person, alone]

    def _beside_a_name(self, mention: Mention, text: str) -> bool:
        """Whether a word of a person's name stands right before or after the name alone: the
        tagger cut a longer name (عبد الله of عبد الله المطلق) or took a word for a name beside
        one (صدام ترامب, a clash)."""
        before = text[max(0, mention.span.start - NEIGHBOUR_CHARS) : mention.span.start].split()[-1:]
        after = text[mention.span.end : mention.span.end + NEIGHBOUR_CHARS].split()[:1]
        return any(person_key(word) in self.name_words for word in (*before, *after))

    def _candidates(self, word: str) -> list[str]:
        if word not in self.candidates:
            self.candidates[word] = [p for p in self.by_word.get(word, ()) if self._called_alone(p, word)]
        return self.candidates[word]

    def _called_alone(self, person: str, word: str) -> bool:
        cluster = self.clusters[person]
        alone = f"person:{word}"
        called = sum(1 for m in cluster.mentions[cluster.written :] if cluster_key(m)[1] == alone)
        return called >= ALONE_SHARE * cluster.written


CONTEXT_DOCUMENTS = 10  # documents the leading full name shares with the story's other people
ALONE_SHARE = 0.1  # of a full name's mentions, the word alone joined to it in its own stories
NEIGHBOUR_CHARS = 40  # characters read on each side of a name alone for the word beside it
NAME_WORD_MENTIONS = 5  # mentions of a full name whose first and last words tell a name beside
KNOWN_PERSON = 20  # mentions of a full name written as such before the context may point to it


def _first_and_last(person: str) -> tuple[str, str]:
    words = person.removeprefix("person:").split()
    return words[0], words[-1]


def _inside_other_name(mention: Mention, text: str) -> bool:
    """Whether a name alone is the end of a longer one the tagger cut: after a hyphen (هاك-سونغ
    of كيم هاك-سونغ) or after آل (a family, آل سعود)."""
    before = text[max(0, mention.span.start - 4) : mention.span.start]
    return before.endswith("-") or before.endswith("آل ")


DOCUMENT_MARK = "@"  # in the match key of a name that is one person per document
NAMESAKES = 3  # full names that start with a given name written alone


# Words that alone are the broken-off end of a compound name, never a person's partial name: الله
# of نصر الله، عبد الله، الحمد الله (on 20,000 news-bench articles 81 mentions الله, mostly of
# وأضاف نصر الله, joined رامي الحمد الله, the one full name written with الله apart).
COMPOUND_ENDS = frozenset(person_key(w) for w in ("الله",))


def _mostly_given_names(clusters: dict[str, _Cluster], persons: list[str]) -> frozenset[str]:
    """Words the corpus writes more often first in a full name than last: alone they are a
    given name (محمد، شي), which no document-less guess may take for a family name (مهاتير
    محمد); a family name alone (ترامب، عباس) may still join the full name most written."""
    first: Counter[str] = Counter()
    last: Counter[str] = Counter()
    for person in persons:
        words = person.removeprefix("person:").split()
        if len(words) > 1:
            first[words[0]] += clusters[person].written
            last[words[-1]] += clusters[person].written
    return frozenset(word for word, count in first.items() if count > last[word])


def mention_surfaces(cluster: _Cluster) -> tuple[str, ...]:
    return tuple(sorted({m.surface for m in cluster.mentions}))


def _note(
    rule: str, entity_id: str, forms: tuple[str, ...], detail: str, *, merged: bool = True
) -> ResolutionNote:
    return ResolutionNote(rule=rule, entity_id=entity_id, forms=forms, merged=merged, detail=detail)


def _full_name_for(
    mention: Mention,
    candidates: list[str],
    clusters: dict[str, _Cluster],
    *,
    corpus_wide: bool,
    memo: dict[tuple[str, ...], dict[str, str]] | None = None,
    genders: _Genders | None = None,
) -> str:
    """The full name a partial mention abbreviates: the most salient one its document names
    (:func:`_salient_in_document`), else (``corpus_wide``) the one the corpus mentions far most
    (:func:`_most_salient`) when its document names none of them. A family name alone
    (``corpus_wide``) in a story that names that leader too is the leader's, though the story
    names a relative more: on 20,000 news-bench articles nearly every ترامب alone in the stories
    on ميلانيا or إيفانكا ترامب (217 mentions) was the president."""
    memo = {} if memo is None else memo  # one container map per candidate list, not per mention
    if tuple(candidates) not in memo:
        memo[tuple(candidates)] = _containers(candidates, clusters)
    container = memo[tuple(candidates)]
    best = _salient_in_document(mention.doc_id, candidates, container, clusters)
    if not corpus_wide or not candidates:
        return best
    counts: Counter[str] = Counter()
    for candidate in candidates:
        counts[container[candidate]] += clusters[candidate].written
    leader = _most_salient(counts)
    if best:  # a story on ميلانيا ترامب that names دونالد ترامب once: ترامب alone is his
        named = any(
            container[c] == leader and _document_counts(clusters[c]).get(mention.doc_id) for c in candidates
        )
        his = genders is not None and genders.his_not_hers(mention, clusters[best], clusters.get(leader))
        return leader if leader and (named or his) else best
    return leader if leader and counts[leader] >= LINK_SHARE * _written_alone(mention, clusters) else ""


class _Genders:
    """Whether a person is a woman, read from the verbs the corpus writes before the names: a
    reporting verb with the feminine ت (قالت، أضافت، أكدت) where the corpus also writes it without
    (قال، أضاف، أكد), each ``GENDER_VERB_MENTIONS`` times or more before person names."""

    def __init__(self, cue: dict[str, int]) -> None:
        self.cue = cue  # mention id → 1 after a feminine verb, -1 after a masculine one
        self.women: dict[int, bool] = {}

    @classmethod
    def of(cls, mentions: Sequence[Mention], corpus: Corpus) -> _Genders:
        texts = {doc.doc_id: doc.text for doc in corpus.documents}
        before: dict[str, str] = {}
        for mention in mentions:
            if mention.label == "PERSON" and mention.kind == "name":
                words = texts[mention.doc_id][max(0, mention.span.start - 20) : mention.span.start].split()
                if words:
                    before[mention.mention_id] = _without_conjunction(words[-1])
        seen = Counter(before.values())
        masculine = {
            w for w, n in seen.items() if n >= GENDER_VERB_MENTIONS and seen[w + "ت"] >= GENDER_VERB_MENTIONS
        }
        feminine = {w + "ت" for w in masculine}
        cue = {m: (1 if w in feminine else -1) for m, w in before.items() if w in feminine or w in masculine}
        return cls(cue)

    def woman(self, cluster: _Cluster) -> bool:
        if id(cluster) not in self.women:
            cues = Counter(self.cue.get(m.mention_id, 0) for m in cluster.mentions[: cluster.written])
            self.women[id(cluster)] = cues[1] >= 2 and cues[1] >= 2 * cues[-1]
        return self.women[id(cluster)]

    def his_not_hers(self, mention: Mention, salient: _Cluster, leader: _Cluster | None) -> bool:
        """Whether a family name alone is the man who leads it in the corpus, written
        ``FAMILY_LEAD`` times as often, not the woman its story names most (ترامب in a story on
        ميلانيا ترامب), no feminine verb before it."""
        if leader is None or self.cue.get(mention.mention_id) == 1:
            return False
        far_more = leader.written >= FAMILY_LEAD * salient.written  # not ريتشارد/سينثيا نيكسون
        return far_more and self.woman(salient) and not self.woman(leader)


GENDER_VERB_MENTIONS = 20


def _without_conjunction(word: str) -> str:
    return word[1:] if word[:1] in "وف" and len(word) > 3 else word


def _salient_in_document(
    doc_id: str, candidates: list[str], container: dict[str, str], clusters: dict[str, _Cluster]
) -> str:
    """The full name a document names most, then first, among ``candidates`` (each counted with
    the longer name that contains it, ``container``): a surname alone in a story about Donald
    Trump that names Ivanka once is Donald's, not the latest full name's; "" when none is named."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for candidate in candidates:
        count, start = _document_counts(clusters[candidate]).get(doc_id, (0, 0))
        if count:
            target = container[candidate]
            counts[target] += count
            first[target] = min(first.get(target, start), start)
    if not counts:
        return ""
    return min(counts, key=lambda name: (-counts[name], first[name], name))


def _document_counts(cluster: _Cluster) -> dict[str, tuple[int, int]]:
    """Document → (mentions written with the cluster's own names, start of the first), cached on
    the cluster: partial names that join it later do not count."""
    if cluster.by_document is None:
        found: dict[str, tuple[int, int]] = {}
        for other in cluster.mentions[: cluster.written]:
            count, start = found.get(other.doc_id, (0, other.span.start))
            found[other.doc_id] = (count + 1, min(start, other.span.start))
        cluster.by_document = found
    return cluster.by_document


# Mentions the full name needs, for each mention of the partial name written alone, before a
# document that names no full name gets it: a rare span is no evidence for a frequent word
# (الريال is no مارسيلو ظهير أيسر الريال, بايرن no مونيكا بايرن; 10,000 news-bench articles).
LINK_SHARE = 0.1


def _written_alone(mention: Mention, clusters: dict[str, _Cluster]) -> int:
    """How often the corpus writes the partial name of ``mention`` by itself."""
    cluster = clusters.get(cluster_key(mention)[1])
    return cluster.written if cluster is not None else 1


SALIENCE_RATIO = 3  # mentions the leading full name needs for every one of the runner-up's


def _most_salient(counts: Counter[str]) -> str:
    """The full name a surname alone stands for when its document names none: the one the corpus
    mentions most, if it leads the next by ``SALIENCE_RATIO`` (ترامب is دونالد ترامب, not
    ميلانيا ترامب); "" when no name leads so clearly."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if len(ranked) == 1:
        return ranked[0][0]
    (best, first), (_, second) = ranked[0], ranked[1]
    return best if first >= SALIENCE_RATIO * second else ""


RUN_ON_RATIO = 0.2  # a longer name written this much less often than the name it ends is a run-on


def _extends(clusters: dict[str, _Cluster], longer: str, name: str) -> bool:
    """Whether ``longer`` is the fuller form of ``name`` (رجب طيب أردوغان of طيب أردوغان), not a
    tagger's span run into the words before it (تورشين نجل دونالد ترامب، حقارة بوريس جونسون): it is
    written as often, or its extra words look like names (no article, no particle, no word that
    never starts a name, no title) and it is not much rarer."""
    ratio = clusters[longer].written / max(1, clusters[name].written)
    if ratio >= 1:
        return True
    extra = longer.removeprefix("person:").split()[: -len(name.removeprefix("person:").split())]
    stop = not_name_words()
    titles = lexicons.title_index()
    clean = all(len(w) > 2 and not w.startswith("ال") and w not in stop and w not in titles for w in extra)
    return clean and ratio >= RUN_ON_RATIO


def _containers(names: list[str], clusters: dict[str, _Cluster]) -> dict[str, str]:
    """Each name mapped to the longest name that ends with it and is written at least as often
    (itself if none): ``طيب أردوغان`` will join ``رجب طيب أردوغان``, so a surname that ends both
    has one candidate, not two; a rarer longer name (تورشين نجل دونالد ترامب) is a run-on span."""
    words = {name: tuple(name.removeprefix("person:").split()) for name in names}
    ending: dict[tuple[str, ...], list[str]] = defaultdict(list)  # proper word suffix → names
    for name, parts in words.items():
        for size in range(1, len(parts)):
            ending[parts[-size:]].append(name)
    out = {}
    for name in names:
        longer = [o for o in ending.get(words[name], ()) if _extends(clusters, o, name)]
        out[name] = max(longer, key=lambda other: (len(words[other]), other)) if longer else name
    return out


# -- entities ---------------------------------------------------------------------------------


def _entities(clusters: dict[str, _Cluster]) -> tuple[tuple[Entity, ...], dict[str, str]]:
    entity_of_key = {k: ids.entity_id(c.label, k) for k, c in clusters.items()}
    entities = []
    mention_entity: dict[str, str] = {}
    for match_key in sorted(clusters):
        cluster = clusters[match_key]
        entity_id = entity_of_key[match_key]
        for mention in cluster.mentions:
            mention_entity[mention.mention_id] = entity_id
        entities.append(_entity(cluster, entity_id, entity_of_key))
    return tuple(entities), mention_entity


_EDGE_MARKS = "'،,:؛;.!?{}-–— \t\n"  # quotation marks and brackets are left when balanced
_PAIRS = (('"', '"'), ("«", "»"), ("“", "”"), ("(", ")"), ("[", "]"))


def clean_name(text: str) -> str:
    """A label as a name, not as the tagger cut it: no punctuation at either end (أبو القاسم،)
    and no quotation mark or bracket left without its partner (منظمة "OPCW). Mentions keep their
    surface as written; only entity labels are cleaned.

    >>> clean_name('منظمة "OPCW'), clean_name("أبو القاسم،"), clean_name('شركة "أبل"')
    ('منظمة OPCW', 'أبو القاسم', 'شركة "أبل"')
    """
    for opening, closing in _PAIRS:
        balanced = (
            text.count(opening) == text.count(closing) if opening != closing else text.count(opening) % 2 == 0
        )
        if not balanced:
            text = text.replace(opening, " ").replace(closing, " ")
    if text[:1] in '"“«(' and text[-1:] in '"”»)' and len(text) > 2:
        text = text[1:-1]  # a name quoted whole
    return " ".join(text.strip(_EDGE_MARKS).split())


def _entity(cluster: _Cluster, entity_id: str, entity_of_key: dict[str, str]) -> Entity:
    names = [
        name
        for m in cluster.mentions
        if m.kind == "name" and m.source != "possessive" and (name := clean_name(m.surface))
    ]  # حكومته names no one but by its owner's country
    canonical = _canonical(cluster, names)
    short = {bare for name in [canonical, *names] if (bare := without_own_gentilic(name, cluster.country))}
    aliases = tuple(sorted((set(names) | short) - {canonical}))
    doc_ids = tuple(sorted({m.doc_id for m in cluster.mentions}))
    return Entity(
        entity_id=entity_id,
        label=cluster.label,
        canonical=canonical,
        aliases=aliases,
        mention_ids=tuple(m.mention_id for m in cluster.mentions),
        doc_ids=doc_ids,
        stands_for=entity_of_key.get(f"country:{cluster.stands_for}") if cluster.stands_for else None,
        country=entity_of_key.get(f"country:{cluster.country}") if cluster.country else None,
        key=cluster.match_key,
        name_en=_english_name(cluster.match_key),
        transliteration=transliterate(canonical),
    )


def without_own_gentilic(name: str, country: str | None) -> str:
    """An organisation's name without the adjective of its own country at the end, an alias
    news uses as often (``حزب العدالة والتنمية التركي`` → ``حزب العدالة والتنمية``); "" when the
    name does not end so or would be left with one word."""
    words = name.split()
    if not country or len(words) < 3 or lexicons.gentilic_index().get(key(words[-1])) != country:
        return ""
    bare = " ".join(words[:-1])
    # وزارة الخارجية الروسية: without its country an institution is every country's
    return "" if key(bare) in lexicons.institution_index() else bare


def _english_name(match_key: str) -> str:
    """The English name of a country or a lexicon organisation, else ``""``."""
    if match_key.startswith("country:"):
        return _country_english().get(match_key.removeprefix("country:"), "")
    organization = _lexicon_organization(match_key)
    return organization.name_en if organization is not None else ""


@cache
def _country_english() -> dict[str, str]:
    return {country.iso2: country.name_en for country in lexicons.countries()}


@cache
def _hsb():
    from camel_tools.utils.charmap import CharMapper

    return CharMapper.builtin_mapper("ar2hsb")


def transliterate(text: str) -> str:
    """Habash-Soudi-Buckwalter transliteration by camel-tools: ``لافروف`` → ``lAfrwf``."""
    return _hsb()(text)


def _lexicon_organization(match_key: str) -> lexicons.Organization | None:
    """The lexicon record of a named organisation's cluster key (``org:رويترز``), if any."""
    return lexicons.organization_index().get(match_key.removeprefix("org:"))


def _canonical(cluster: _Cluster, names: list[str]) -> str:
    if cluster.match_key.startswith("country:"):
        iso = cluster.match_key.removeprefix("country:")
        return _country_canonical().get(iso, iso)
    organization = _lexicon_organization(cluster.match_key)
    if organization is not None:
        return organization.names_ar[0]
    if not names:
        return _possessed_name(cluster) or cluster.match_key.split(":", 1)[1]
    counts = Counter(
        " ".join(name.replace("_", " ").replace("#", " ").split()) for name in names
    )  # #وزارة_الصحة
    # the full name written most often (a rarer, longer span is more often a tagger's run-on:
    # تورشين نجل دونالد ترامب); a single word only when no full name is written
    best = max(counts, key=lambda n: (len(n.split()) > 1, counts[n], len(n.split()), n))
    return _with_own_gentilic(best, names, cluster.country)


def _with_own_gentilic(best: str, names: list[str], country: str) -> str:
    """An institution named by its country: a bare ``وزارة الخارجية`` of an Iranian cluster gives
    way to a written ``الخارجية الإيرانية``, else becomes ``وزارة الخارجية الإيرانية``."""
    if not country or key(best) not in lexicons.institution_index():
        return best
    named = [name for name in names if key(name) not in lexicons.institution_index()]
    if named:
        return max(named, key=lambda n: (names.count(n), len(n.split()), n))
    return f"{best} {agreeing_gentilic(country, feminine=key(best.split()[0]).endswith('ه'))}"


def _possessed_name(cluster: _Cluster) -> str:
    """``الحكومة الفلسطينية`` for a cluster named only as ``حكومته`` of a Palestinian owner."""
    record = lexicons.institution_index().get(cluster.mentions[0].key) if cluster.mentions else None
    if record is None or not cluster.country:
        return ""
    head = record.names_ar[0]
    return f"{head} {agreeing_gentilic(cluster.country, feminine=key(head.split()[0]).endswith('ه'))}"


@cache
def _first_gentilic() -> dict[str, str]:
    return {country.iso2: country.gentilics[0] for country in lexicons.countries() if country.gentilics}


def agreeing_gentilic(country: str, *, feminine: bool) -> str:
    """The definite gentilic of ``country`` agreeing with a head noun: ``(IR, feminine)`` → ``الإيرانية``."""
    words = _first_gentilic().get(country, "").split()
    suffix = "ة" if feminine else ""
    return " ".join("ال" + word + (suffix if word.endswith("ي") else "") for word in words)


# -- roles and descriptions -------------------------------------------------------------------


def find_roles(
    corpus: Corpus, mention_entity: dict[str, str], entities: tuple[Entity, ...]
) -> tuple[list[Role], list[tuple[Mention, str]]]:
    """Roles from ``title + name`` appositions, and description mentions of bare titles.

    ``المتحدث باسم الوزارة، مارك تونر`` gives Toner the job title ``المتحدث باسم الوزارة``;
    a later ``المتحدث باسم الوزارة`` in the same document without a name is a description
    mention of Toner.
    """
    labels = {e.entity_id: e.label for e in entities}
    mentions_by_doc: dict[str, list[Mention]] = defaultdict(list)
    for mention in corpus.mentions:
        mentions_by_doc[mention.doc_id].append(mention)
    roles: list[Role] = []
    relational: list[Role] = []  # counterpart titles (نظيره الأمريكي)
    descriptions: list[tuple[Mention, str]] = []
    for doc in corpus.documents:
        doc_tokens = list(corpus.tokens_of(doc.doc_id))
        doc_mentions = mentions_by_doc[doc.doc_id]
        held: dict[str, str] = {}  # title key -> person entity id, in this document
        titles = title_phrases(doc.text, doc_tokens, doc_mentions)
        used_titles: set[Span] = set()
        for mention in doc_mentions:
            person = mention_entity.get(mention.mention_id)
            if person is None or labels.get(person) != "PERSON":
                continue
            chain = title_chain(doc.text, mention, titles) + titles_after(
                doc.text, mention, titles, doc_mentions
            )
            for span, title_key, organization in chain:
                used_titles.add(span)
                held[title_key] = person
                org_entity = mention_entity.get(organization.mention_id) if organization else None
                role = Role(doc.doc_id, person, doc.text[span.start : span.end], org_entity, span)
                (relational if title_key.split()[0] in _relational_heads() else roles).append(role)
        for span, (title_key, _) in titles.items():
            if span not in used_titles and title_key in held:
                surface = doc.text[span.start : span.end]
                mention = Mention(
                    doc.doc_id, span, surface, "PERSON", "description", key=title_key, source="rule"
                )
                descriptions.append((mention, held[title_key]))
    # نظيره الروسي names the office only through another person's: a role only when the text
    # gives the person no other title in that document (one role per person and document)
    titled = {(role.doc_id, role.person) for role in roles}
    roles.extend(role for role in relational if (role.doc_id, role.person) not in titled)
    return _unique_roles(roles), descriptions


def title_phrases(
    text: str, tokens: list[Token], mentions: list[Mention]
) -> dict[Span, tuple[str, Mention | None]]:
    """Title phrases in a document: a title word and its complement (``وزير الخارجية الأميركي``).

    Returns:
        span → (normalized title key, the ORG/GPE mention inside it, if any).
    """
    index = lexicons.construct_title_index()
    words = [text[t.span.start : t.span.end] for t in tokens]
    keys = [key(word) for word in words]
    found: dict[Span, tuple[str, Mention | None]] = {}
    i = 0
    while i < len(tokens):
        match = _title_at(words, keys, i, index) if words[i] not in lexicons.PARTICLES_AS_WRITTEN else None
        if match is None:
            i += 1
            continue
        prefix_len, n = match
        end = i + n
        last = keys[end - 1][prefix_len:] if n == 1 else keys[end - 1]
        construct = n == 1 and not last.startswith("ال") and last in _complement_titles()
        if (
            (keys[end - 1] == _ON_BEHALF or construct)
            and end < len(tokens)
            and (inner_title := _title_at(words, keys, end, index))
        ):
            # باسم الرئيس التركي، نائب رئيس مجلس الوزراء: a title whose complement is another title
            end = _extend_complement(text, tokens, end + inner_title[1], mentions)
        end = _person_complement(keys[i + n - 1], n, tokens, end, mentions)
        if construct and end == i + n:
            end = genitive_complement(keys, end, mentions, tokens)
        end = _extend_complement(text, tokens, end, mentions)
        span = Span(tokens[i].span.start + prefix_len, tokens[end - 1].span.end)
        inner = next((m for m in mentions if span.contains(m.span) and m.label != "PERSON"), None)
        found[span] = (key(text[span.start : span.end]), inner)
        i = end
    return found


def _title_at(words: list[str], keys: list[str], i: int, index: dict) -> tuple[int, int] | None:
    """``(proclitic length, title tokens)`` of a title starting at token ``i`` (``ووزير الخارجية``)."""
    for prefix_len, stem_key in _title_starts(words[i]):
        for n in range(min(4, len(words) - i), 0, -1):
            if " ".join([stem_key, *keys[i + 1 : i + n]]) in index:
                return prefix_len, n
    possessed = possessed_title(words[i])
    return (possessed, 1) if possessed is not None else None


_POSSESSIVES = ("هما", "هم", "ها", "ه")


@lru_cache(maxsize=200_000)  # every token of every document is tried
def possessed_title(word: str) -> int | None:
    """A title with a possessive pronoun, apposed to the name of its holder: ``محاميه`` (his
    lawyer), ``أميرها``, ``مدربه`` (news-bench: مدربه 387, رئيسها 163, محاميه 145, سفيرها 103
    before a space; ant:AL-economy-794-20180610: من رئيسها كيم يونغ أون). The
    proclitic length, or None. Only an office that takes a complement is possessed: a rank
    spelled like a common noun is not (``فريقه`` is "his team", not "his general"), nor are
    counterpart words (``نظيره``) and courtesy titles."""
    for prefix_len, stem in stems(word):
        for suffix in _POSSESSIVES:
            if not stem.endswith(suffix) or len(stem) - len(suffix) < 3:
                continue
            title = lexicons.title_index().get(key(stem[: -len(suffix)]))
            if (
                title is not None
                and title.takes_complement
                and title.category not in ("relational", "honorific")
            ):
                return prefix_len
    return None


_TITLE_STARTS: dict[str, tuple[tuple[int, str], ...]] = {}
_CACHE_SIZE = 200_000


def _title_starts(word: str) -> tuple[tuple[int, str], ...]:
    """``(proclitic length, stem key)`` of each split of ``word`` whose stem can start a title
    (cached per word form: every token of every document is tried)."""
    found = _TITLE_STARTS.get(word)
    if found is None:
        starts = lexicons.title_first_words()
        found = tuple(
            (prefix_len, stem_key) for prefix_len, stem in stems(word) if (stem_key := key(stem)) in starts
        )
        if len(_TITLE_STARTS) < _CACHE_SIZE:
            _TITLE_STARTS[word] = found
    return found


@cache
def _relational_heads() -> frozenset[str]:
    """Keys of the title words that relate a person to another (نظيره), not name an office."""
    return frozenset(key(form) for t in lexicons.titles() if t.category == "relational" for form in t.forms)


def _extend_complement(text: str, tokens: list[Token], j: int, mentions: list[Mention]) -> int:
    """Extend a title over its complement: gentilics (``الأميركي``), ``باسم X``, ORG/GPE names
    with or without a proclitic (``للأمم المتحدة``), and ``لدى/إلى/في`` + a name
    (``الممثلة الدائمة ... لدى الأمم المتحدة``)."""
    gentilics = lexicons.gentilic_index()
    places = [m for m in mentions if m.label != "PERSON"]
    limit = min(len(tokens), j + _MAX_TITLE_TOKENS)
    while j < limit:
        word = key(text[tokens[j].span.start : tokens[j].span.end])
        inside = _name_at(tokens[j], places)
        if inside is None and word in _PREPOSITIONS and j + 1 < len(tokens):
            inside = _name_at(tokens[j + 1], places)
        if inside is not None:
            while j < len(tokens) and tokens[j].span.start < inside.span.end:
                j += 1
        elif word in gentilics or word in ("باسم", "ب") or word in complement_words():
            j += 1
        elif word in _AFFAIRS and j + 1 < limit:
            j += 2  # وزير الدولة لشؤون الإعلام: the portfolio after لشؤون
        else:
            break
    return j


_PREPOSITIONS = frozenset(key(w) for w in ("لدى", "إلى", "في", "عن"))
# لشؤون + a portfolio continues a title (وزير الدولة لشؤون الإعلام: 5,236 news-bench sentences hold لشؤون)
_AFFAIRS = frozenset(key(w) for w in ("لشؤون", "لشئون", "للشؤون"))
_ON_BEHALF = key("باسم")


def genitive_complement(keys: list[str], j: int, mentions: list[Mention], tokens: list[Token]) -> int:
    """An indefinite title in the construct state governs the noun after it: ``مسؤول الادعاء
    العام في فيسبادن`` (ant:AL-internationalNews-1508-20180607)، ``أمير منطقة نجران``. The title runs over one
    definite noun, or over an indefinite noun and the definite noun or name it governs in turn
    (ant:AL-sport-1013-20180401: بيب غوارديولا، مدرب مانشستر سيتي). A time word, a name that
    starts the next phrase and a word with a proclitic end it. Returns the token after."""
    if j >= len(tokens) or _name_at(tokens[j], mentions) is not None:
        return j
    stop = not_name_words() | DAY_WORD_KEYS
    if _governed_noun(keys[j], stop):
        return j + 1
    if j + 1 >= len(tokens):
        return j
    name = _name_at(tokens[j + 1], mentions)
    if name is not None and name.label == "PERSON":
        return j  # مدربه ديدييه ديشان: a word before a person's name is more likely the name's
    definite_next = _governed_noun(keys[j + 1], stop) or name is not None
    if keys[j].isalpha() and len(keys[j]) > 2 and keys[j] not in stop and definite_next:
        return j + 2 if name is None else j + 1
    return j


def _governed_noun(word_key: str, stop: frozenset[str]) -> bool:
    return word_key.startswith("ال") and len(word_key) > 3 and word_key not in stop


def _person_complement(last_key: str, n: int, tokens: list[Token], j: int, mentions: list[Mention]) -> int:
    """A person named as the title's complement is part of it, after باسم (``أوفير جيندلمان،
    المتحدث باسم رئيس الوزراء الإسرائيلي بنيامين نيتنياهو``, ant:BB-culture-200-20180613) or after
    an indefinite (construct) title that takes a complement (``مستشار أردوغان``; a rank is not
    construct: ``جنرال فيكتور``): the role belongs to the person apposed after, not to the
    complement's person. Returns the token after the title so far."""
    construct = n == 1 and not last_key.startswith("ال") and last_key in _complement_titles()
    if j >= len(tokens) or not (last_key == _ON_BEHALF or construct):
        return j
    person = next(
        (m for m in mentions if m.label == "PERSON" and (m.attached or m.span).start == tokens[j].span.start),
        None,
    )
    if person is None:
        return j
    while j < len(tokens) and tokens[j].span.start < person.span.end:
        j += 1
    return j


def _name_at(token: Token, names: list[Mention]) -> Mention | None:
    """The ORG/GPE name that starts at (or inside) ``token``, proclitics included."""
    for mention in names:
        extent = mention.attached or mention.span
        if extent.start <= token.span.start < extent.end:
            return mention
    return None


def title_chain(text: str, mention: Mention, titles: dict) -> list[tuple[Span, str, Mention | None]]:
    """The titles written right before a person's name, nearest first: each office of a chain is
    a role (``ولي العهد نائب رئيس الوزراء الأمير …``); an honorific is none, and
    a bare one-word title right after a full office is a courtesy (``وزير الدفاع الأمير محمد بن
    سلمان``, saudinewsnet:2015-07-24:1605)."""
    start = (mention.attached or mention.span).start
    chain: list[tuple[Span, str, Mention | None]] = []
    while (found := _adjacent_title(text, start, titles)) is not None:
        if chain and found[0].start > 0 and text[found[0].start - 1].isalpha():
            break  # النائب الثاني لرئيس مجلس الوزراء: a title governed by ل is a complement
        if not is_honorific(found[1]):
            chain.append(found)
        if found[1].split()[0] in _relational_heads():
            break  # الوزير الإسباني نظيره المغربي: the title before نظيره is another person's
        start = found[0].start
    if len(chain) > 1 and len(chain[0][1].split()) == 1 and len(chain[1][1].split()) > 1:
        chain = chain[1:]
    return chain


def _adjacent_title(text: str, start: int, titles: dict) -> tuple[Span, str, Mention | None] | None:
    for span, (title_key, inner) in titles.items():
        gap = text[span.end : start]
        if span.end <= start and len(gap) <= 3 and gap.strip(" ،,") == "":
            return span, title_key, inner
    return None


def titles_after(
    text: str, mention: Mention, titles: dict, mentions: list[Mention]
) -> list[tuple[Span, str, Mention | None]]:
    """The titles apposed after the name, a chain of offices included (``الامير محمد بن نايف ولي
    العهد نائب رئيس مجلس الوزراء وزير الداخلية``, saudinewsnet:2015-07-24:338)."""
    chain: list[tuple[Span, str, Mention | None]] = []
    end = mention.span.end
    while (found := _title_after(text, end, titles, mentions)) is not None:
        chain.append(found)
        end = found[0].end
    return chain


def _title_after(
    text: str, end: int, titles: dict, mentions: list[Mention]
) -> tuple[Span, str, Mention | None] | None:
    """A title apposed after the name (ending at ``end``): ``وانغ دي سفير الصين لدى الكويت``
    (ant:AL-economy-958-20180704), ``بيتر ويلسون، السفير البريطاني،``. Not when another person's
    name follows the title: in ``التقى ظريف وزير الخارجية الألماني هايكو ماس`` the title is Maas's."""
    for span, (title_key, inner) in titles.items():
        gap = text[end : span.start]
        if span.start < end or len(gap) > 3 or gap.strip(" ،,") != "" or is_honorific(title_key):
            continue
        if title_key.split()[0] in _relational_heads():
            return None
        after = text[span.end : span.end + 3]
        follower = next((m for m in mentions if span.end <= m.span.start <= span.end + len(after)), None)
        if follower is not None and follower.label == "PERSON" and after.strip(" ،,") == "":
            return None
        return span, title_key, inner
    return None


@cache
def _complement_titles() -> frozenset[str]:
    """Keys of titles that take a complement (سفير، مستشار), unlike ranks (جنرال فيكتور …)."""
    return frozenset(key(form) for t in lexicons.titles() if t.takes_complement for form in t.forms)


def is_honorific(title_key: str) -> bool:
    """A courtesy title, a phrase one also with a modifier after it (``صاحب السمو الملكي``; not
    ``شيخ الأزهر``, an office)."""
    if title_key in _honorifics():
        return True
    return any(" " in form and title_key.startswith(form + " ") for form in _honorifics())


@cache
def _honorifics() -> frozenset[str]:
    """Keys of courtesy titles (الشيخ، السيد، الدكتور): they precede a name, they are no office."""
    return frozenset(key(form) for t in lexicons.titles() if t.category == "honorific" for form in t.forms)


def _unique_roles(roles: list[Role]) -> list[Role]:
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for role in roles:
        marker = (role.doc_id, role.person, key(role.title))
        if marker not in seen:
            seen.add(marker)
            unique.append(role)
    return unique


def _with_description_docs(
    entities: tuple[Entity, ...], descriptions: list[tuple[Mention, str]]
) -> tuple[Entity, ...]:
    """Description mentions add their documents and mention ids to the entity they refer to."""
    extra: dict[str, list[Mention]] = defaultdict(list)
    for mention, entity_id in descriptions:
        extra[entity_id].append(mention)
    return tuple(_extend(e, extra[e.entity_id]) if e.entity_id in extra else e for e in entities)


def _extend(entity: Entity, mentions: list[Mention]) -> Entity:
    return replace(
        entity,
        mention_ids=entity.mention_ids + tuple(m.mention_id for m in mentions),
        doc_ids=tuple(sorted(set(entity.doc_ids) | {m.doc_id for m in mentions})),
    )


# Appends: the new documents' entities join the graph's (the resolve stage's update).


def update(previous: State, new: Corpus) -> Corpus:
    """Resolve the mentions of ``new`` (the new documents of an append) among themselves, then
    attach their entities to those of the ``previous`` build (see :func:`attach`)."""
    return attach(previous.corpus, run(new))


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


def _renamed(remap: dict[str, str], entity_id: str | None) -> str | None:
    """The entity ``entity_id`` joined, if it was; ``None`` stays ``None``."""
    return remap.get(entity_id, entity_id) if entity_id is not None else None


def _union(first: tuple[str, ...], second: Iterable[str]) -> tuple[str, ...]:
    seen = dict.fromkeys(first)
    seen.update(dict.fromkeys(second))
    return tuple(seen)


STAGE = Stage(NAME, REQUIRES, PROVIDES, CORPUS, run, update=update)
