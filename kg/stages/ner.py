"""Stage ``ner``: sentences and tokens → entity mentions with original offsets.

Three recognizers, merged (longest span wins; lexicon types win ties):

* lexicon names: countries, cities, organisations and seats of government from the general
  gazetteers in ``kg/resources`` (matched on normalized keys, with proclitics stripped:
  ``وروسيا`` → ``روسيا``, ``للولايات المتحدة`` → ``الولايات المتحدة``);
* institutions: a government body named by a head noun and a gentilic adjective
  (``وزارة الخارجية الأميركية``, ``الجيش السوري``) → an ORG tied to that country;
* the statistical tagger (``kg.ner``, CRF by default) for persons and names no list holds.

Context rules (``place_context.tsv``) then drop place readings of common words: idioms
(``مسقط رأس`` "birthplace"), adjectives spelled like a place (``دعم مالي`` "financial support"),
and ``و`` + place is split off when it is coordinated with another place (``بين الرياض وجدة``).

Gentilic adjectives (``الروسي``) also become ``adjective`` mentions of their country.
A ministry written without its country (``وزارة الخارجية``) and a possessed government noun
(``حكومته``) become ORG mentions of the one country their context names (sources ``bare`` and
``possessive``), or nothing when it names none or several.
Reads ``corpus.documents``/``tokens``; writes ``corpus.mentions``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from kg.arabic import lexicons
from kg.arabic.cues import load_cues
from kg.arabic.names import NAME_ENDS as _NAME_ENDS
from kg.arabic.names import NOT_NAMES as _NOT_NAMES
from kg.arabic.names import institution_country, institution_heads, not_name_words
from kg.arabic.normalize import key
from kg.arabic.time import DAY_WORD_KEYS
from kg.arabic.tokens import keyed_splits
from kg.contract import DOCUMENT, Stage
from kg.errors import Errors, LexiconError
from kg.model import Corpus, Document, Label, Mention, MentionKind, Span, Token

NAME = "ner"
REQUIRES = ("documents", "tokens")
PROVIDES = ("mentions",)

MAX_NAME_TOKENS = 6
_CRF_LABEL: dict[str, Label] = {"PERS": "PERSON", "ORG": "ORG", "LOC": "GPE"}


def run(corpus: Corpus, *, backend: str = "crf") -> Corpus:
    by_doc: dict[str, list[Token]] = defaultdict(list)
    for token in corpus.tokens:
        by_doc[token.doc_id].append(token)
    tagger = _tagger(backend)
    mentions: list[Mention] = []
    for doc in corpus.documents:
        mentions.extend(process_doc(doc, by_doc[doc.doc_id], tagger))
    return corpus.replace(mentions=tuple(mentions))


@cache
def _tagger(backend: str) -> Callable[[list[list[str]]], list[list[str]]] | None:
    """The statistical tagger of ``backend`` (``lexicon`` tags nothing: gazetteers and rules only)."""
    from kg.ner import load_backend

    return load_backend(backend).tag


def process_doc(
    doc: Document, tokens: list[Token], tagger: Callable[[list[list[str]]], list[list[str]]] | None
) -> list[Mention]:
    """All mentions of one document, sorted by position, without overlaps."""
    sentences: dict[int, list[Token]] = defaultdict(list)
    for token in tokens:
        sentences[token.sent_index].append(token)
    text = doc.text
    token_keys = {t.span.start: key(text[t.span.start : t.span.end]) for t in tokens}
    words = set(token_keys.values())
    candidates: list[Mention] = []
    for sent_tokens in sentences.values():
        candidates.extend(in_context(doc, sent_tokens, lexicon_mentions(doc, sent_tokens)))
    if tagger is not None:
        ordered = [sentences[i] for i in sorted(sentences)]
        tags = tagger([[doc.text[t.span.start : t.span.end] for t in sent] for sent in ordered])
        for sent_tokens, sent_tags in zip(ordered, tags, strict=True):
            tagged = tagged_mentions(doc, sent_tokens, sent_tags, words)
            candidates.extend(in_context(doc, sent_tokens, tagged))
    merged = merge(candidates)
    titled = [
        name
        for sent in sentences.values()
        for name in titled_names(doc, sent, merged, [token_keys[t.span.start] for t in sent])
    ]
    merged = merge([*merged, *titled]) if titled else merged
    merged = merge([*merged, *repeated_names(doc, tokens, merged)])
    inner = [g for g in (_gentilic_of(doc, m) for m in merged if m.label == "ORG") if g is not None]
    merged = [*merged, *bare_institutions(doc, [sentences[i] for i in sorted(sentences)], merged + inner)]
    return sorted(merged + inner, key=lambda m: (m.span.start, -m.span.end))


TITLED_NAME_WORDS = (2, 3)  # words of a personal name the tagger missed after a title


def titled_names(
    doc: Document, tokens: list[Token], mentions: list[Mention], keys: list[str] | None = None
) -> list[Mention]:
    """Personal names right after an office title that the tagger missed: ``الرئيس الأميركي، دونالد
    ترمب،`` (ant:AL-economy-818-20180612), ``وزيرة الاقتصاد الألمانية، بريجيته تسيبريس،``
    (ant:AL-economy-146-20180302). The title (``titles.tsv``, an office, definite, with its
    gentilic or named complement) may be followed by a comma; then two or three words that are no
    known name, title, place, cue or function word; then a comma, a day, إن/أن or a reporting verb.
    ``keys`` are the tokens' keys when the caller has them."""
    keys = keys if keys is not None else [key(doc.text[t.span.start : t.span.end]) for t in tokens]
    if lexicons.title_first_words().isdisjoint(keys):
        return []
    taken = [m.attached or m.span for m in mentions]
    words = [doc.text[t.span.start : t.span.end] for t in tokens]
    found: list[Mention] = []
    index = 0
    while index < len(tokens):
        end = _title_end(keys, index, tokens, mentions)
        if end is None:
            index += 1
            continue
        start = end + 1 if end < len(tokens) and words[end] in "،," else end
        name_end = _name_run(keys, words, start, tokens, taken)
        if name_end is not None:
            span = Span(tokens[start].span.start, tokens[name_end - 1].span.end)
            surface = doc.text[span.start : span.end]
            found.append(
                Mention(doc.doc_id, span, surface, "PERSON", "name", key=key(surface), source="title")
            )
            index = name_end
        else:
            index = end
    return found


def _title_end(keys: list[str], index: int, tokens: list[Token], mentions: list[Mention]) -> int | None:
    """The token after a title starting at ``index`` and its complement (gentilics, named places
    or bodies), or None when no title starts there."""
    titles = lexicons.title_index()
    if keys[index] not in lexicons.title_first_words():
        return None
    fits = [n for n in (4, 3, 2, 1) if index + n <= len(keys)]  # a title may end the sentence
    length = next((n for n in fits if " ".join(keys[index : index + n]) in titles), 0)
    if not length or titles[" ".join(keys[index : index + length])].category not in _OFFICES:
        return None
    definite = keys[index].removeprefix("و").startswith("ال") or keys[index + length - 1].startswith("ال")
    if not definite:
        return None  # وزير اتحادي بارز: an indefinite title introduces no one by name
    end = index + length
    gentilics = lexicons.gentilic_index()
    while end < len(tokens) and (keys[end] in gentilics or _inside(tokens[end], mentions)):
        end += 1
    return end


def _inside(token: Token, mentions: list[Mention]) -> bool:
    return any(m.label != "PERSON" and (m.attached or m.span).contains(token.span) for m in mentions)


# title categories that name an office held by one person (not a trade, an honorific or a relation)
_OFFICES = frozenset(
    ("head_of_state", "government", "minister", "diplomatic", "spokesperson", "military", "security", "royal")
)
_COMPLEMENTIZERS = frozenset(key(w) for w in ("إن", "أن", "بأن"))


def _name_run(
    keys: list[str], words: list[str], start: int, tokens: list[Token], taken: list[Span]
) -> int | None:
    """The end of a two- or three-word name at ``start`` that the title introduces, or None."""
    stop = _NAME_ENDS | DAY_WORD_KEYS
    cues = load_cues()
    end = start
    while end < len(tokens) and end - start < max(TITLED_NAME_WORDS):
        word, word_key = words[end], keys[end]
        if word_key in _NOT_NAMES or any(char.isdigit() for char in word):
            return None
        if end > start and word_key.startswith("ل"):
            break  # ترمب لهجوم، ترامب للتجارة: a governed word after the name
        if not word[:1].isalpha() or word_key in stop or word_key.startswith(("ال", "وال")):
            break
        if word_key.endswith(("ها", "هم", "هما")):
            return None  # a pronoun suffix: a common noun (قرارها), not a name
        if cues.lookup(word) is not None or word_key in lexicons.title_index() or word_key in _known_keys():
            return None
        if any(span.overlaps(tokens[end].span) for span in taken):
            return None
        end += 1
    if end - start not in TITLED_NAME_WORDS:
        return None
    if end >= len(tokens):
        return None
    after, after_key = words[end], keys[end]
    closes = after in ("،", ",") or after_key in DAY_WORD_KEYS or after_key in _COMPLEMENTIZERS
    if not closes and cues.lookup(after) is None:
        return None  # a name stands alone: a comma, a day, إن/أن or a reporting verb follows it
    return end


def repeated_names(doc: Document, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """Later bare family names of a person named in full earlier in the document.

    News names a person in full once and by family name after (``جون كيري`` … ``وأبلغ كيري``);
    a tagger often misses the bare repeats. A repeat must come after the full name, may carry
    proclitics (``ولافروف``, ``لكيري``), and must name one person only in that document.
    """
    owners: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        words = mention.key.split()
        if mention.label == "PERSON" and len(words) >= 2 and len(words[-1]) >= 4:
            owners[words[-1]].append(mention)
    unique = {last: found[0] for last, found in owners.items() if len({m.key for m in found}) == 1}
    if not unique:
        return []
    taken = [m.attached or m.span for m in mentions]
    found = []
    for token in tokens:
        word = doc.text[token.span.start : token.span.end]
        for prefix_len, stem, stem_key in keyed_splits(word):
            full = unique.get(stem_key)
            if full is None or token.span.start <= full.span.start:
                continue
            if not any(span.overlaps(token.span) for span in taken):
                span = Span(token.span.start + prefix_len, token.span.end)
                found.append(
                    Mention(
                        doc.doc_id,
                        span,
                        stem,
                        "PERSON",
                        "name",
                        attached=token.span,
                        key=stem_key,
                        source="repeat",
                    )
                )
            break
    return found


def _is_verb_form(word: str) -> bool:
    """A reporting-verb form (``يدعيان``, ``وقالت``) that a tagger took for a one-word name."""
    return load_cues().lookup(word) is not None


def _token_key(doc: Document, token: Token) -> str:
    return key(doc.text[token.span.start : token.span.end])


def _gentilic_of(doc: Document, organization: Mention) -> Mention | None:
    """The country adjective ending an organisation name: ``الروسية`` in ``الخارجية الروسية``.

    It names the country in that document as much as a bare ``الروسية`` would.
    """
    start = doc.text.rfind(" ", organization.span.start, organization.span.end) + 1
    if start <= organization.span.start:
        return None
    span = Span(start, organization.span.end)
    surface = doc.text[span.start : span.end]
    country = lexicons.gentilic_index().get(key(surface), "")
    if not country or (organization.country_key and country != organization.country_key):
        return None
    return Mention(
        doc.doc_id, span, surface, "GPE", "adjective", key=key(surface), country_key=country, source="inner"
    )


def lexicon_mentions(doc: Document, tokens: list[Token]) -> list[Mention]:
    """Names, institutions and gentilics from the lexicons, longest match first."""
    words = [doc.text[t.span.start : t.span.end] for t in tokens]
    keys = [_word_key(word) for word in words]
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        match = _coordinated_place(doc, tokens, words, found, i) or _longest_name(doc, tokens, words, keys, i)
        if match is None:
            i += 1
            continue
        found.append(match[0])
        i = match[1]
    return found


_WORD_KEYS: dict[str, str] = {}
_START_SPLITS: dict[str, tuple[tuple[int, str, str], ...]] = {}
_CACHE_SIZE = 200_000


def _word_key(word: str) -> str:
    """The matching key of a token, or ``""`` for punctuation (cached per word form)."""
    found = _WORD_KEYS.get(word)
    if found is None:
        found = key(word) if _is_word(word) else ""
        if len(_WORD_KEYS) < _CACHE_SIZE:
            _WORD_KEYS[word] = found
    return found


def _start_splits(word: str) -> tuple[tuple[int, str, str], ...]:
    """The proclitic splits of ``word`` whose stem can start a lexicon name (cached per form)."""
    found = _START_SPLITS.get(word)
    if found is None:
        starts = first_words()
        found = tuple(split for split in keyed_splits(word) if split[2] in starts)
        if len(_START_SPLITS) < _CACHE_SIZE:
            _START_SPLITS[word] = found
    return found


def _longest_name(
    doc: Document, tokens: list[Token], words: list[str], keys: list[str], i: int
) -> tuple[Mention, int] | None:
    if not keys[i]:
        return None
    splits = _start_splits(words[i])
    if not splits:
        return None
    ahead = 0
    while i + ahead < len(keys) and keys[i + ahead] and ahead < MAX_NAME_TOKENS:
        ahead += 1
    for prefix_len, stem, stem_key in splits:
        for n in range(ahead, 0, -1):
            phrase_key = " ".join([stem_key, *keys[i + 1 : i + n]])
            hit = lookup(phrase_key, n)
            if hit is None:
                continue
            label, kind, country = hit
            start = tokens[i].span.start + prefix_len
            end = tokens[i + n - 1].span.end
            surface = stem + doc.text[tokens[i].span.end : end]
            mention = Mention(
                doc.doc_id,
                Span(start, end),
                surface,
                label,
                kind,
                attached=Span(tokens[i].span.start, end),
                key=phrase_key,
                country_key=country,
                source="lexicon",
            )
            return mention, i + n
    return None


def _coordinated_place(
    doc: Document, tokens: list[Token], words: list[str], found: list[Mention], i: int
) -> tuple[Mention, int] | None:
    """``و`` + a place right after another place: ``وجدة`` in ``بين الرياض وجدة`` is ``و`` + Jeddah.

    Only when the stem after ``و`` is itself a place (common-word city names such as ``جدة``
    included: the coordination is the evidence) and the word before is a place name.
    """
    word = words[i]
    if not found or not word.startswith("و") or len(word) < 4 or i == 0:
        return None
    before = found[-1]
    if before.label not in ("GPE", "LOC") or before.kind != "name":
        return None
    if before.span.end != tokens[i - 1].span.end:
        return None
    stem = word[1:]
    hit = lexicons.place_index(include_common_words=True).get(key(stem))
    if hit is None:
        return None
    label, iso = hit
    mention = Mention(
        doc.doc_id,
        Span(tokens[i].span.start + 1, tokens[i].span.end),
        stem,
        "GPE" if label == "GPE" else "LOC",
        "name",
        attached=tokens[i].span,
        key=key(stem),
        country_key=iso,
        source="lexicon",
    )
    return mention, i + 1


@dataclass(frozen=True)
class PlaceContext:
    """The rules of ``place_context.tsv``, on normalized keys."""

    idioms: dict[str, tuple[frozenset[str], frozenset[str]]]
    adjectives: frozenset[str]
    keeps: frozenset[str]


@cache
def place_context() -> PlaceContext:
    """Read ``place_context.tsv`` (see its header for the three kinds of rows)."""
    path = lexicons.RESOURCES / "place_context.tsv"
    idioms: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    adjectives: set[str] = set()
    keeps: set[str] = set()
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    for number, cells in enumerate(rows, start=1):
        if not cells[0] or cells[0].startswith("#") or cells[0] == "kind":
            continue
        if len(cells) != 5:
            raise LexiconError(Errors.E082.format(path=path, line=number, expected=5, found=len(cells)))
        kind, names, before, after = cells[0], _keys_of(cells[1]), _keys_of(cells[2]), _keys_of(cells[3])
        if kind == "idiom":
            idioms.update({name: (before, after) for name in names})
        elif kind == "adjective":
            adjectives |= names
        elif kind == "keeps":
            keeps |= names
        else:
            problem = f"kind {kind!r} is not one of ['adjective', 'idiom', 'keeps']"
            raise LexiconError(Errors.E083.format(path=path, line=number, problem=problem))
    return PlaceContext(idioms, frozenset(adjectives), frozenset(keeps))


def _keys_of(cell: str) -> frozenset[str]:
    return frozenset(key(part) for part in cell.split("|") if part)


_PRONOUN_SUFFIXES = ("", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "ي", "نا")


def _matches(word: str, options: frozenset[str]) -> bool:
    """The word, proclitics stripped, is one of ``options`` (a pronoun suffix allowed)."""
    for _, _, stem_key in keyed_splits(word):
        if any(stem_key == option + suffix for option in options for suffix in _PRONOUN_SUFFIXES):
            return True
    return False


def in_context(doc: Document, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without the place readings that :func:`place_context` rules out."""
    if not any(m.label in ("GPE", "LOC") for m in mentions):
        return mentions
    starts = [t.span.start for t in tokens]
    ends = [t.span.end for t in tokens]
    return [m for m in mentions if not _common_word_reading(doc, tokens, m, starts, ends)]


def _common_word_reading(
    doc: Document, tokens: list[Token], mention: Mention, starts: list[int], ends: list[int]
) -> bool:
    """The one-word place (or gentilic) ``mention`` is an idiom or an adjective in its context.

    ``starts``/``ends`` are the token offsets (tokens are sorted and do not overlap).
    """
    if mention.label not in ("GPE", "LOC"):
        return False
    extent = _extent(mention)
    i = bisect_right(ends, extent.start)  # the first token ending after the extent starts
    if bisect_left(starts, extent.end) - i != 1:  # tokens starting before it ends, from i on
        return False
    before = doc.text[tokens[i - 1].span.start : tokens[i - 1].span.end] if i > 0 else ""
    after = doc.text[tokens[i + 1].span.start : tokens[i + 1].span.end] if i + 1 < len(tokens) else ""
    rules = place_context()
    idiom = rules.idioms.get(mention.key)
    if idiom is not None and (_matches(before, idiom[0]) or _matches(after, idiom[1])):
        return True
    if mention.key in rules.adjectives:
        return _adjective_after_noun(before, with_conjunction=extent.start != mention.span.start)
    return False


def _adjective_after_noun(before: str, *, with_conjunction: bool) -> bool:
    """Whether a word that is a place or an adjective (``مالي``) follows a noun it qualifies.

    It stays a place at the start of a sentence, after punctuation, a preposition or another
    ``keeps`` word, a title, an institution head, a place or a reporting verb. After ``و`` it is
    an adjective only when the word before is an adjective itself (``سياسي ومالي``).
    """
    if not before or not _is_word(before):
        return False
    before_key = key(before)
    if with_conjunction:
        return before_key.endswith(("ي", "يه")) and before_key not in lexicons.gentilic_index()
    if _matches(before, place_context().keeps) or _is_verb_form(before):
        return False
    known = (lexicons.title_index(), institution_heads(), lexicons.place_index(), lexicons.gentilic_index())
    stem_keys = {stem_key for _, _, stem_key in keyed_splits(before)}
    return not any(stem_key in table for stem_key in stem_keys for table in known)


@cache
def first_words() -> frozenset[str]:
    """The first word of every lexicon name: only tokens in this set can start a match."""
    names = [*lexicons.place_index(), *lexicons.organization_index(), *lexicons.seat_index()]
    names += [*lexicons.institution_index(), *lexicons.gentilic_index()]
    return frozenset(name.split()[0] for name in names if name)


def _is_word(token_text: str) -> bool:
    return any(ch.isalnum() for ch in token_text)


def lookup(phrase_key: str, n_tokens: int) -> tuple[Label, MentionKind, str] | None:
    """``(label, kind, country iso2)`` for a normalized phrase, or ``None``."""
    places = lexicons.place_index()
    if phrase_key in places:
        label, iso = places[phrase_key]
        return ("GPE" if label == "GPE" else "LOC"), "name", iso
    organization = lexicons.organization_index().get(phrase_key)
    if organization is not None:
        return "ORG", "name", organization.iso2 or ""
    seat = lexicons.seat_index().get(phrase_key)
    if seat is not None:
        return "ORG", "name", seat
    institution = institution_country(phrase_key)
    if institution:
        return "ORG", "name", institution
    if n_tokens == 1 and not _indefinite_feminine_plural(phrase_key):
        gentilic = lexicons.gentilic_index().get(phrase_key)
        if gentilic:
            return "GPE", "adjective", gentilic
    return None


def _indefinite_feminine_plural(word_key: str) -> bool:
    """``مجريات`` (proceedings) is also Hungarian (fem. pl.): such bare forms are common nouns far
    more often than gentilics, so only the definite ``المجريات`` counts."""
    return word_key.endswith("ات") and not word_key.startswith("ال")


def tagged_mentions(doc: Document, tokens: list[Token], tags: list[str], words: set[str]) -> list[Mention]:
    """Mentions from BIO tags; proclitics are split off the first token when the stem is attested.

    A tagged span is first cut at commas (``آر تي ال، ميدياسيت`` is two names), then
    trimmed of non-name words (see :func:`_trimmed`).
    """
    found = []
    for start_i, end_i, tag_type in bio_spans(tags):
        label = _CRF_LABEL.get(tag_type)
        if label is None:
            continue
        for run_start, run_end in _word_runs(doc, tokens, start_i, end_i):
            for part_start, part_end in _name_parts(doc, tokens, run_start, run_end, label):
                mention = _tagged_mention(doc, tokens, part_start, part_end, label, words)
                if mention is not None:
                    found.append(mention)
    return found


def _name_parts(
    doc: Document, tokens: list[Token], start_i: int, end_i: int, label: Label
) -> list[tuple[int, int]]:
    """The parts of a tagged person span between words a name never runs over
    (``person_span_breaks.tsv``): ``محامو ترامب`` → ``ترامب``, ``دانييلز تقاضي ترامب`` → ``دانييلز``
    and ``ترامب`` (ant:BB-internationalNews-132-20180311), ``كين مهاجم توتنهام`` → ``كين`` and
    ``توتنهام`` (ant:AL-sport-1061-20180403). Other spans are one part."""
    if label != "PERSON":
        return [(start_i, end_i)]
    parts, part_start = [], start_i
    for i in range(start_i, end_i + 1):
        if i == end_i or _span_break(doc.text[tokens[i].span.start : tokens[i].span.end]):
            if i > part_start:
                parts.append((part_start, i))
            part_start = i + 1
    return parts


def _span_break(word: str) -> bool:
    """Whether ``word`` is a word of ``person_span_breaks.tsv``, alone or after و/ف/ل/ب."""
    breaks = person_span_breaks()
    return key(word) in breaks or (word[:1] in "وفلب" and key(word[1:]) in breaks)


@cache
def person_span_breaks() -> frozenset[str]:
    """Keys of the words a person's name never runs over (relations, positions, verbs …)."""
    return lexicons.word_list("person_span_breaks.tsv")


_LIST_SEPARATORS = frozenset("،,؛;")


def _word_runs(doc: Document, tokens: list[Token], start_i: int, end_i: int) -> list[tuple[int, int]]:
    """The parts of ``tokens[start_i:end_i]`` between list separators (commas, semicolons)."""
    runs, run_start = [], start_i
    for i in range(start_i, end_i + 1):
        if i == end_i or doc.text[tokens[i].span.start : tokens[i].span.end] in _LIST_SEPARATORS:
            if i > run_start:
                runs.append((run_start, i))
            run_start = i + 1
    return runs


def _tagged_mention(
    doc: Document, tokens: list[Token], start_i: int, end_i: int, label: Label, words: set[str]
) -> Mention | None:
    """One tagger mention over ``tokens[start_i:end_i]``, cleaned, or ``None`` when nothing is left."""
    start_i, end_i = _trimmed(doc, tokens, start_i, end_i, label)
    if end_i == start_i:
        return None
    first = doc.text[tokens[start_i].span.start : tokens[start_i].span.end]
    if label == "PERSON" and end_i - start_i == 1 and _is_verb_form(first):
        return None
    rest = doc.text[tokens[start_i].span.end : tokens[end_i - 1].span.end]
    offset, stem = _attested_proclitic(first, rest, words)
    if not offset and label != "PERSON":
        offset, stem = _article_proclitic(first)
    start = tokens[start_i].span.start + offset
    end = tokens[end_i - 1].span.end
    surface = stem + doc.text[tokens[start_i].span.end : end]
    if label == "GPE":
        label = place_label(key(surface))
    return Mention(
        doc.doc_id,
        Span(start, end),
        surface,
        label,
        "name",
        attached=Span(tokens[start_i].span.start, end),
        key=key(surface),
        source="crf",
    )


_TANWEEN = ("\u064b", "\u064c", "\u064d")  # fathatan, dammatan, kasratan


def _trimmed(doc: Document, tokens: list[Token], start_i: int, end_i: int, label: Label) -> tuple[int, int]:
    """Token bounds without the non-name words at either end.

    Dropped: adverbs and time words (``not_name_words.tsv``), words written with tanween, which
    marks an indefinite common word and never a name (``لاغٍ``, ``رسمياً``), and for a person the
    words of a title that the tagger took for a given name (``أمين`` of ``أمين عام``).
    """
    stop = not_name_words()

    def dropped(i: int) -> bool:
        text = doc.text[tokens[i].span.start : tokens[i].span.end]
        word = _token_key(doc, tokens[i])
        # a proclitic before the word: وصهر ترامب (ant:FR-internationalNews-831-20180420), لصهر
        conjoined = word[:1] in "وفلب" and word[1:] in stop
        return word in stop or conjoined or text.endswith(_TANWEEN) or text[:-1].endswith(_TANWEEN)

    while end_i > start_i and dropped(end_i - 1):
        end_i -= 1
    while end_i > start_i and (dropped(start_i) or _particle_as_written(doc, tokens[start_i])):
        start_i += 1
    if label == "PERSON":
        start_i = _after_title(doc, tokens, start_i, end_i)
        start_i, end_i = _person_bounds(doc, tokens, start_i, end_i)
    if label == "ORG" and _ends_with_foreign_gentilic(doc, tokens, start_i, end_i):
        end_i -= 1
    while start_i < end_i and _reporting_verb(doc, tokens[start_i]):
        start_i += 1  # أبلغا، وقال X: the verb before a name is no part of it
    return start_i, _before_reporting_verb(doc, tokens, start_i, end_i)


def _before_reporting_verb(doc: Document, tokens: list[Token], start_i: int, end_i: int) -> int:
    """The end of a name that a tagger ran over a reporting verb and what follows it (``الاتحاد
    الأوروبي يعربون``، ``الإتحاد قال لبي بي سي``): it stops before the first verb form of a cue
    after its first word. Nouns of the cue lexicon (إعلان، بيان) may be part of a name."""
    for i in range(start_i + 1, end_i):
        if _reporting_verb(doc, tokens[i]):
            return i
    return end_i


def _reporting_verb(doc: Document, token: Token) -> bool:
    form = load_cues().lookup(_token_key(doc, token))
    return form is not None and form.kind in ("past", "present") and form.entry.type == "verb"


def _particle_as_written(doc: Document, token: Token) -> bool:
    return doc.text[token.span.start : token.span.end] in lexicons.PARTICLES_AS_WRITTEN


def _person_bounds(doc: Document, tokens: list[Token], start_i: int, end_i: int) -> tuple[int, int]:
    """A person's name neither ends in a word governed by the preposition ل (``محمد الجابر
    للصحافيين``, ant:AL-internationalNews-815-20180405; ``لـ``) or in a reporting verb, nor starts
    with a known place (``القصرين محمد …``: the place of an office written before the name)."""
    cues = load_cues()
    places = lexicons.place_index()

    def trailing(i: int) -> bool:
        word = _token_key(doc, tokens[i])
        return word in ("ل", "لـ") or word.startswith("لل") or cues.lookup(word) is not None

    while end_i - start_i > 1 and trailing(end_i - 1):
        end_i -= 1
    while end_i - start_i > 2 and _token_key(doc, tokens[start_i]) in places:
        start_i += 1
    return start_i, end_i


def _ends_with_foreign_gentilic(doc: Document, tokens: list[Token], start_i: int, end_i: int) -> bool:
    """An organisation name without article followed by its country's adjective.

    ``إن بي سي الأمريكية`` is the name ``إن بي سي`` described as American; a name opening with
    the article or an institution head (``الخارجية الروسية``, ``وزارة الدفاع الروسية``) keeps it.
    """
    if end_i - start_i < 2:
        return False
    first = _token_key(doc, tokens[start_i])
    last = _token_key(doc, tokens[end_i - 1])
    if first.startswith("ال") or first in institution_heads() or last not in lexicons.gentilic_index():
        return False
    return last.startswith("ال")


def _after_title(doc: Document, tokens: list[Token], start_i: int, end_i: int) -> int:
    """The first token after a title that opens a person span and runs on past it.

    ``أمين عام`` is a title even when the tagger tagged only ``أمين``: the span's first words
    together with the following token(s) form a title of ``titles.tsv``.
    """
    titles = lexicons.title_index()
    for length in (3, 2):
        stop = start_i + length
        if stop > len(tokens):
            continue
        phrase = " ".join(_token_key(doc, tokens[i]) for i in range(start_i, stop))
        if phrase in titles and stop > start_i + 1:
            return min(stop, end_i)
    return start_i


def _article_proclitic(word: str) -> tuple[int, str]:
    """``(proclitic length, stem)`` for a fused conjunction or preposition before the article.

    ``لل`` (ل + ال) and ``وال``/``فال`` (و/ف + ال) before a stem of three or more letters: a
    non-person name never starts with them (``للأمم``, ``والكونغو``).
    """
    if word.startswith("لل") and len(word) > 4:
        return 2, "ال" + word[2:]
    if word.startswith(("وال", "فال")) and len(word) >= 6:
        return 1, word[1:]
    return 0, word


def _attested_proclitic(word: str, rest: str, words: set[str]) -> tuple[int, str]:
    """``(proclitic length, stem)`` of a name's first ``word``, stripped only when the stem is
    attested: it occurs on its own in the document, the name without it is a lexicon name
    (``للأمم المتحدة``, ``بجبهة النصرة``), or it is a geographic head (``والغوطة``)."""
    known = _known_keys()
    for prefix_len, stem, stem_key in keyed_splits(word):
        attested = stem_key in words or stem_key in known or stem_key in place_heads()
        attested = attested or stem_key in organization_heads()  # بحزب العمال الكردستاني
        if prefix_len and (attested or key(stem + rest) in known):
            return prefix_len, stem
    return 0, word


@cache
def organization_heads() -> frozenset[str]:
    """Keys of the words that open several-word organisation names in the lexicon (حزب، حركة،
    منظمة، وزارة، مجلس): a proclitic before one is not part of the name (``بحزب`` → ``حزب``)."""
    heads = {key(name.split()[0]) for org in lexicons.organizations() for name in org.names_ar if " " in name}
    return frozenset(head for head in heads if len(head) >= 3)


def place_label(name_key: str) -> Label:
    """GPE or LOC for a place name the tagger found: the lexicon's label, else LOC when it starts
    with a geographic head noun (``ريف دمشق``, ``وادي النيل``), else GPE."""
    known = lexicons.place_index().get(name_key)
    if known is not None:
        return "GPE" if known[0] == "GPE" else "LOC"
    words = name_key.split()
    heads = place_heads()
    return "LOC" if words and (words[0] in heads or " ".join(words[:2]) in heads) else "GPE"


@cache
def place_heads() -> frozenset[str]:
    return lexicons.word_list("place_heads.tsv")


@cache
def _known_keys() -> frozenset[str]:
    return frozenset(lexicons.place_index()) | frozenset(lexicons.organization_index())


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` token spans of a BIO sequence (an ``I-`` after ``O`` starts a span)."""
    spans = []
    start: int | None = None
    current = ""
    for i, tag in enumerate([*tags, "O"]):
        kind, _, tag_type = tag.partition("-")
        if start is not None and (kind != "I" or tag_type != current):
            spans.append((start, i, current))
            start = None
        if kind == "B" or (kind == "I" and start is None):
            start, current = i, tag_type
    return spans


def merge(candidates: list[Mention]) -> list[Mention]:
    """Drop overlapping mentions: longer spans first, lexicon before tagger on ties."""
    rank = {"lexicon": 0, "crf": 1, "repeat": 2}
    chosen: list[Mention] = []
    taken: list[tuple[int, int]] = []  # extents of ``chosen``, sorted; they do not overlap
    ordered = sorted(candidates, key=lambda m: (-len(_extent(m)), rank.get(m.source, 2), m.span.start))
    for mention in ordered:
        extent = _extent(mention)
        if not _overlaps_any(taken, extent.start, extent.end):
            chosen.append(mention)
            taken.insert(bisect_left(taken, (extent.start, extent.end)), (extent.start, extent.end))
    return sorted(chosen, key=lambda m: m.span.start)


def _overlaps_any(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of ``taken``: sorted ``(start, end)`` ranges that do
    not overlap each other, so their ends rise too and only the last range starting before
    ``end`` can reach past ``start``."""
    before = bisect_left(taken, (end, -1))
    return before > 0 and taken[before - 1][1] > start and taken[before - 1][0] < end


def _extent(mention: Mention) -> Span:
    """The tokens a mention covers, attached proclitics included."""
    return mention.attached or mention.span


# -- bare institutions: a ministry written without its country ---------------------------------
#
# ``وزارة الخارجية`` alone names the ministry of the country the sentence is about: after
# ``أعلن وزير الخارجية الإيراني ...`` a ``وقالت وزارة الخارجية`` is Iran's. The country comes from
# the gentilics, country names and country-marked bodies written before the head in its sentence,
# or, when there are none, in the sentence before; they must all name one country, else no
# mention is made (precision first). A head followed by its own complement (``في غزة``,
# ``التابعة للحوثيين``, ``بحكومة الوفاق``) belongs to that complement and is left alone.

BARE_HEAD_PREFIX = key("وزارة")  # the ministries among the institution heads of organizations.tsv
_OWNER_WORDS = frozenset(key(w) for w in ("في", "التابعة", "التابع", "لدى", "بحكومة", "بالحكومة"))


@cache
def bare_heads() -> dict[str, int]:
    """Keys of the ministry heads of ``organizations.tsv`` (``وزاره الخارجيه``) → their word count."""
    return {
        head: len(head.split()) for head in institution_heads() if head.startswith(BARE_HEAD_PREFIX + " ")
    }


BARE_LOOKBACK = 2  # sentences before the head searched for its country when its own names none


def bare_institutions(doc: Document, sentences: list[list[Token]], mentions: list[Mention]) -> list[Mention]:
    """Ministries written without a country, as ORG mentions of the one country their context
    names: ``وقالت وزارة الخارجية`` after ``وزير الخارجية الإيراني`` → Iran's."""
    found: list[Mention] = []
    taken = sorted((_extent(m).start, _extent(m).end) for m in mentions)
    earlier: list[set[str]] = []  # per sentence before, the countries of its gentilics and bodies
    for tokens in sentences:
        signals = _country_signals(doc, tokens, mentions)
        for mention in [*_bare_heads_in(doc, tokens, taken), *possessed_heads(doc, tokens, taken)]:
            if _quoted(doc.text, mention.span.start):
                continue
            owners = {country for start, _, country in signals if start < mention.span.start}
            # a pronoun's owner is in its own sentence: ``حكومتها`` of ميركل two sentences after
            # الرئيس الأمريكي is Germany's (ant:BB-middleEast-192-20180314)
            if mention.source == "bare":
                owners = owners or next((s for s in reversed(earlier[-BARE_LOOKBACK:]) if s), set())
            if len(owners) == 1:
                found.append(_with_country(mention, next(iter(owners))))
        earlier.append({country for _, named, country in signals if not named})
    return found


def _quoted(text: str, position: int) -> bool:
    """Whether ``position`` lies inside quotation marks opened in its paragraph. A quoted
    ``وزارة الخارجية`` is the speaker's (``قال بومبيو إن "... موظفي وزارة الخارجية"``), whose
    country the names around the quote do not tell."""
    before = text[text.rfind("\n", 0, position) + 1 : position]
    return (
        before.count('"') % 2 == 1
        or before.count("«") > before.count("»")
        or before.count("“") > before.count("”")
    )


def _country_signals(
    doc: Document, tokens: list[Token], mentions: list[Mention]
) -> list[tuple[int, bool, str]]:
    """``(start, is a country name, country)`` of the mentions in a sentence that tie it to one
    country: country names, government bodies (``الخارجية الروسية``, ``الكرملين``) and
    gentilics of an office (``الرئيس الإيراني``). A gentilic of a thing (``الرصاص الإسرائيلي``)
    or an outlet's country (``فرانس برس``) says nothing of whose ministry follows; a country
    name in an earlier sentence is as often the other party (``تقوض أميركا التزامها``), so only
    bodies and offices are looked up there."""
    if not tokens:
        return []
    first, last = tokens[0].span.start, tokens[-1].span.end
    countries = _country_name_keys()
    signals = []
    for mention in mentions:
        if not first <= mention.span.start < last or not mention.country_key:
            continue
        if mention.kind == "adjective":
            if _after_office(doc, tokens, mention):
                signals.append((mention.span.start, False, mention.country_key))
        elif mention.label == "ORG":
            if institution_country(mention.key) or mention.key in lexicons.seat_index():
                signals.append((mention.span.start, False, mention.country_key))
        elif mention.key in countries and _owner_name(doc, tokens, mention):
            signals.append((mention.span.start, True, mention.country_key))
    return signals


_PLACE_PREPOSITIONS = frozenset(key(w) for w in ("في", "من", "إلى", "داخل"))
_DATELINE_ENDS = ("—", "--", "(CNN)")


def _owner_name(doc: Document, tokens: list[Token], name: Mention) -> bool:
    """Whether a country name may own a ministry after it: not a place (``قاعدة في سوريا``,
    ``بالقاهرة``) nor a dateline (``دبي، الإمارات العربية المتحدة (CNN)--``)."""
    if name.attached is not None and "ب" in doc.text[name.attached.start : name.span.start]:
        return False
    before = [t for t in tokens if t.span.end <= (name.attached or name.span).start][-1:]
    if before and _word_key(doc.text[before[0].span.start : before[0].span.end]) in _PLACE_PREPOSITIONS:
        return False
    after = doc.text[name.span.end : name.span.end + 12]
    return not any(end in after for end in _DATELINE_ENDS)


OFFICE_WORDS = 3  # the longest title or institution head a gentilic may close


def _after_office(doc: Document, tokens: list[Token], adjective: Mention) -> bool:
    """Whether a gentilic closes a title or an institution head: ``الرئيس الإيراني``,
    ``وزير الخارجية الإيراني``, ``السفارة الأمريكية``."""
    before = [t for t in tokens if t.span.end <= adjective.span.start][-OFFICE_WORDS:]
    keys = [_word_key(doc.text[t.span.start : t.span.end]) for t in before]
    titles, heads = lexicons.title_index(), institution_heads()
    for n in range(1, len(keys) + 1):
        phrase = " ".join(keys[-n:])
        if phrase in titles or phrase in heads or phrase.removeprefix("و") in titles:
            return True
    return False


@cache
def _country_name_keys() -> frozenset[str]:
    return frozenset(key(name) for country in lexicons.countries() for name in country.names_ar)


def _bare_heads_in(doc: Document, tokens: list[Token], taken: list[tuple[int, int]]) -> list[Mention]:
    """The ministry heads of one sentence that no other mention covers and no complement follows."""
    heads = bare_heads()
    words = [doc.text[t.span.start : t.span.end] for t in tokens]
    keys = [_word_key(word) for word in words]
    found = []
    for i, word in enumerate(words):
        for prefix_len, stem, stem_key in keyed_splits(word):
            if stem_key != BARE_HEAD_PREFIX:
                continue
            n = next((n for n in (3, 2) if " ".join([stem_key, *keys[i + 1 : i + n]]) in heads), 0)
            if not n or i + n > len(tokens) or (i + n < len(keys) and _complement(keys[i + n])):
                continue
            start, end = tokens[i].span.start, tokens[i + n - 1].span.end
            if _overlaps_any(taken, start, end) or _owned_by_next(tokens, i + n, taken):
                continue
            surface = stem + doc.text[tokens[i].span.end : end]
            attached = Span(start, end) if prefix_len else None
            span = Span(start + prefix_len, end)
            found.append(
                Mention(doc.doc_id, span, surface, "ORG", "name", attached, key(surface), source="bare")
            )
    return found


# ``حكومته`` "his government", ``جيشها`` "its army": the government noun with a possessive
# pronoun, keyed as its institution head; the owner's country is found as for a bare ministry
# (``قدم رئيس الوزراء المصري شريف إسماعيل، الثلاثاء، استقالة حكومته``, ant:SK-middleEast-2174-20180605).
POSSESSED_STEMS = {key("حكومت"): key("الحكومة"), key("جيش"): key("الجيش")}
POSSESSIVE_SUFFIXES = ("ه", "ها", "هم")


def possessed_heads(doc: Document, tokens: list[Token], taken: list[tuple[int, int]]) -> list[Mention]:
    """Government nouns with a possessive pronoun (``بحكومته``) that no other mention covers."""
    found = []
    for token in tokens:
        word = doc.text[token.span.start : token.span.end]
        for prefix_len, stem, stem_key in keyed_splits(word):
            head = possessed_head(stem_key)
            if head and not _overlaps_any(taken, token.span.start, token.span.end):
                attached = token.span if prefix_len else None
                span = Span(token.span.start + prefix_len, token.span.end)
                found.append(
                    Mention(doc.doc_id, span, stem, "ORG", "name", attached, head, source="possessive")
                )
                break
    return found


def possessed_head(word_key: str) -> str:
    """The institution head of a possessed government noun: ``حكومته`` → ``الحكومه``, else ``""``."""
    for suffix in POSSESSIVE_SUFFIXES:
        head = POSSESSED_STEMS.get(word_key.removesuffix(suffix)) if word_key.endswith(suffix) else None
        if head:
            return head
    return ""


def _complement(word_key: str) -> bool:
    """A word that continues the head's name or names its owner: ``في``, ``التابعة``, and a
    coordinated second portfolio (``وزارة الثقافة والإعلام السعودية``)."""
    return word_key in _OWNER_WORDS or word_key.startswith("وال")


def _owned_by_next(tokens: list[Token], j: int, taken: list[tuple[int, int]]) -> bool:
    """Whether a mention starts right after the head: ``وزارة الصحة غزة``-like genitives."""
    return j < len(tokens) and _overlaps_any(taken, tokens[j].span.start, tokens[j].span.end)


def _with_country(mention: Mention, country: str) -> Mention:
    return replace(mention, country_key=country)


@dataclass(frozen=True)
class Options:
    """The NER backend: a name registered in :mod:`kg.registry` (``crf``, ``camel``, ``lexicon``)."""

    backend: str = "crf"


STAGE = Stage(NAME, REQUIRES, PROVIDES, DOCUMENT, run, Options)
