"""Reporting cues: the lexicon of Arabic verbs, nouns and prepositions that introduce speech.

Reads ``kg/resources/reporting_cues.tsv`` (base forms only) and
``kg/resources/reporting_frames.json`` (closed-class words around cues). The loader
*generates* the inflected forms a news text uses instead of listing them:

* past: 3ms قال، 3fs قالت، 3mp قالوا، 3md قالا، 3fd قالتا، 3fp قلن، 1st قلت/قلنا (hollow
  verbs shorten the stem: قال → قلت; defective verbs drop the final letter: نفى → نفت، نفوا؛
  دعا → دعت، دعوا);
* present: يقول، تقول، يقولون، يقولان، أقول، نقول;
* active participle used adverbially: قائلا، قائلة؛ defective ناف → نافيا;
* verbal noun with pronoun suffixes: قول، القول، قوله، قولها;
* each with the proclitics و، ف، ل (and ب، ال for nouns): وقالت، فأضاف، بالقول.

Matching is on normalized keys (:func:`kg.arabic.normalize.key`), so أكد/اكد and
قائلاً/قائلا meet.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from kg.arabic.normalize import key
from kg.errors import Errors, LexiconError

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
CUES_PATH = RESOURCES / "reporting_cues.tsv"
FRAMES_PATH = RESOURCES / "reporting_frames.json"

CueType = Literal["verb", "noun", "claimnoun", "prep", "colon"]
FormKind = Literal["past", "present", "participle", "masdar", "noun", "prep", "colon"]
_TYPES = ("verb", "noun", "claimnoun", "prep", "colon")
_ADDRESSEE = ("no", "obj", "li", "min", "ila")
_VERB_PREFIXES = ("", "و", "ف", "ول", "فل", "ل")
_NOUN_PREFIXES = ("", "و", "ف", "ب", "ل", "وب", "فب", "ول", "فل", "ك")
_PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما", "هن")


class CueLexiconError(LexiconError):
    """The cue lexicon file is malformed (E082, E083, E086)."""


@dataclass(frozen=True, slots=True)
class CueEntry:
    """One lexicon row: a reporting lemma and how it is used."""

    lemma: str
    type: CueType
    polarity: str = "assert"
    addressee: str = "no"
    content: str = "clause"
    present: str = ""
    participle: str = ""
    masdar: str = ""
    particle: str = ""
    particle_required: bool = False
    gloss: str = ""


@dataclass(frozen=True, slots=True)
class CueForm:
    """One generated surface form of an entry (without proclitics)."""

    entry: CueEntry
    form: str
    kind: FormKind
    gender: str = ""  # "m", "f" or "" (unknown / first person)
    number: str = "sg"  # "sg", "du", "pl"
    object_pronoun: bool = False  # وصفه، اتهموها: the verb's object is a suffixed pronoun


@dataclass(frozen=True)
class Frames:
    """Closed-class word lists from ``reporting_frames.json``, as normalized keys."""

    complementizers: frozenset[str]
    complementizer_stems: frozenset[str]
    pronoun_suffixes: tuple[str, ...]
    channel_nouns: frozenset[str]
    speech_event_nouns: frozenset[str]
    generic_speakers: frozenset[str]
    spokesperson_words: frozenset[str]
    deny_objects: frozenset[str]
    deny_predicates: tuple[str, ...]
    female_titles: frozenset[str]
    subject_titles: frozenset[str] = frozenset()
    title_stops: frozenset[str] = frozenset()
    subordinators: frozenset[str] = frozenset()
    impersonal_predicates: frozenset[str] = frozenset()
    postposed_speaker_heads: frozenset[str] = frozenset()
    narrator_glosses: tuple[tuple[str, ...], ...] = ()  # word keys of each phrase
    clause_conjunctions: tuple[tuple[str, ...], ...] = ()
    masdar_homographs: frozenset[str] = frozenset()
    actor_subject_cues: frozenset[str] = frozenset()
    circumstance_nouns: frozenset[str] = frozenset()
    trailing_attributions: frozenset[str] = frozenset()
    describing_cues: frozenset[str] = frozenset()
    stance_cues: frozenset[str] = frozenset()
    object_circumstances: frozenset[str] = frozenset()
    kinship_nouns: frozenset[str] = frozenset()
    relay_cues: frozenset[str] = frozenset()
    ala_cues: frozenset[str] = frozenset()
    object_denial_cues: frozenset[str] = frozenset()
    naming_cues: frozenset[str] = frozenset()
    own_words_nouns: frozenset[str] = frozenset()
    source_modifiers: frozenset[str] = frozenset()
    falsity_adjectives: frozenset[str] = frozenset()
    fronted_circumstances: frozenset[str] = frozenset()
    # written word -> its complementizer kind, filled by complementizer_kind (not part of the lists)
    kinds: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)


@dataclass
class CueLexicon:
    """All entries and a lookup from normalized (prefixed) word keys to generated forms."""

    entries: tuple[CueEntry, ...]
    # homographs, only when the shadda is written: word key -> (proclitic letters, form)
    marked_forms: dict[str, tuple[str, CueForm]] = field(default_factory=dict)
    # word key -> every (proclitic, form) written so, in generation order: keys fold the hamza,
    # so اعتقد (he believed) and أعتقد (I believe) share one
    spellings: dict[str, list[tuple[str, CueForm]]] = field(default_factory=dict)
    _memo: dict[str, tuple[str, CueForm] | None] = field(default_factory=dict, repr=False)  # word -> match
    _cue_keys: frozenset[str] = field(default=frozenset(), repr=False)

    def lookup(self, word: str) -> CueForm | None:
        """The cue form a written word is, or None.

        >>> load_cues().lookup("وقالت").entry.lemma
        'قال'
        >>> load_cues().lookup("أعتقد").gender  # first person, not اعتقد "he believed"
        ''
        """
        found = self._memo.get(word, _UNSEEN)
        if found is _UNSEEN:
            found = self._match(word)
        return found[1] if found else None  # type: ignore[index]

    def may_be_cue(self, word_key: str) -> bool:
        """Whether a word with this key can be a cue at all (a cheap test before :meth:`lookup`)."""
        return word_key in self.cue_keys()

    def cue_keys(self) -> frozenset[str]:
        """Every key a cue can have (made once)."""
        if not self._cue_keys:
            self._cue_keys = frozenset(self.spellings) | frozenset(self.marked_forms)
        return self._cue_keys

    def prefix_of(self, word: str) -> str:
        """The proclitic letters a cue word carries (``وقالت`` → ``و``)."""
        found = self._match(word)
        return found[0] if found else ""

    def _match(self, word: str) -> tuple[str, CueForm] | None:
        try:
            return self._memo[word]
        except KeyError:
            found = self._match_written(word)
            if len(self._memo) < _MEMO_SIZE:
                self._memo[word] = found
            return found

    def _match_written(self, word: str) -> tuple[str, CueForm] | None:
        word_key = key(word)
        if "\u0651" in word and word_key in self.marked_forms:
            return self.marked_forms[word_key]
        candidates = self.spellings.get(word_key)
        if not candidates:
            return None
        return written_hamza_match(word, candidates)

    def by_lemma(self, lemma: str) -> CueEntry:
        for entry in self.entries:
            if entry.lemma == lemma:
                return entry
        raise KeyError(lemma)


_UNSEEN = ("", None)  # a memo miss (no real match is this object)
_MEMO_SIZE = 200_000  # written words whose look-up is kept (every token of every document is looked up)
_HAMZAS = "أإآؤئ"
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")


def written_hamza_match(word: str, candidates: list[tuple[str, CueForm]]) -> tuple[str, CueForm] | None:
    """The candidate whose hamzas are written as in ``word``: ``أعتقد`` is the first person, not
    ``اعتقد``; ``اقرأ``/``إقرأ`` (read!) is no form of أقرّ (``أقرا``). News often drops hamzas and
    puts one on an initial hamzat wasl (``إعتبر``): a bare alef in the word, or an initial hamza
    where the form has a bare alef, is no mismatch."""
    written = _MARKS.sub("", word)
    for tolerant in (False, True):
        for prefix, form in candidates:
            stem = written[len(prefix) :] if written.startswith(prefix) else written
            if _hamzas_agree(stem, form.form, tolerant=tolerant) and not _teh_marbuta_for_pronoun(stem, form):
                return prefix, form
    return None


def _teh_marbuta_for_pronoun(stem: str, form: CueForm) -> bool:
    """A written ة is no object pronoun ه: ``طلبة`` is "students", not ``طلبه`` "he asked him"
    (keys fold ة to ه; news-bench writes طلبة without the article 320 times)."""
    return form.object_pronoun and stem.endswith("ة")


def _hamzas_agree(stem: str, form: str, *, tolerant: bool) -> bool:
    for position, (letter, expected) in enumerate(zip(stem, form, strict=False)):
        if letter not in _HAMZAS or letter == expected:
            continue
        if not (tolerant and position == 0 and expected == "ا"):
            return False
    return True


def parse_entry(fields: list[str], line_no: int, path: Path = CUES_PATH) -> CueEntry:
    """Turn one TSV row (line ``line_no`` of ``path``) into a :class:`CueEntry`, validating the
    closed columns."""
    if len(fields) != 10:
        raise CueLexiconError(Errors.E082.format(path=path, line=line_no, expected=10, found=len(fields)))
    lemma, cue_type, polarity, addressee, content, present, participle, masdar, particle, gloss = fields
    closed = (
        ("type", cue_type, _TYPES),
        ("polarity", polarity, ("assert", "deny")),
        ("addressee", addressee, _ADDRESSEE),
        ("content", content, ("clause", "np")),
    )
    for column, cell, allowed in closed:
        if cell not in allowed:
            problem = f"{column} {cell!r} is not one of {list(allowed)}"
            raise CueLexiconError(Errors.E083.format(path=path, line=line_no, problem=problem))

    def value(text: str) -> str:
        return "" if text == "-" else text

    return CueEntry(
        lemma=lemma,
        type=cue_type,  # type: ignore[arg-type]
        polarity=polarity,
        addressee=addressee,
        content=content,
        present=value(present),
        participle=value(participle),
        masdar=value(masdar),
        particle=value(particle).lstrip("!"),
        particle_required=particle.startswith("!"),
        gloss=gloss,
    )


def _is_defective(lemma: str) -> bool:
    return lemma.endswith(("ى", "ا")) and len(lemma) >= 3


def _is_hollow(lemma: str) -> bool:
    return len(lemma) >= 3 and lemma[-2] == "ا" and not _is_defective(lemma)


def past_forms(entry: CueEntry) -> list[CueForm]:
    """Past-tense forms of a verb: 3rd person in all genders and numbers, and 1st person."""
    stem = entry.lemma
    rows: list[tuple[str, str, str]] = [(stem, "m", "sg")]
    if _is_defective(stem):
        base = stem[:-1]
        glide = "و" if stem.endswith("ا") else "ي"
        rows += [(base + "ت", "f", "sg"), (base + "وا", "m", "pl"), (base + "تا", "f", "du")]
        rows += [(base + glide + "ا", "m", "du"), (base + glide + "ن", "f", "pl")]
        rows += [(base + glide + "ت", "", "sg"), (base + glide + "نا", "", "pl")]
    else:
        short = stem[:-2] + stem[-1] if _is_hollow(stem) else stem
        rows += [(stem + "ت", "f", "sg"), (stem + "وا", "m", "pl"), (stem + "ا", "m", "du")]
        rows += [(stem + "تا", "f", "du"), (short + "ن", "f", "pl"), (short + "نا", "", "pl")]
        if short != stem:
            rows.append((short + "ت", "", "sg"))
    return [CueForm(entry, form, "past", gender, number) for form, gender, number in rows]


def present_forms(entry: CueEntry) -> list[CueForm]:
    """Imperfect forms built from the listed 3ms present (يقول → تقول، يقولون، أقول ...)."""
    verb = entry.present
    if not verb:
        return []
    rest = verb[1:]
    plural = verb[:-1] + "ون" if verb.endswith(("ي", "و", "ى")) else verb + "ون"
    dual = verb[:-1] + "يان" if verb.endswith("ى") else verb + "ان"
    rows = [(verb, "m", "sg"), ("ت" + rest, "f", "sg"), (plural, "m", "pl"), (dual, "m", "du")]
    rows += [("أ" + rest, "", "sg"), ("ن" + rest, "", "pl")]
    return [CueForm(entry, form, "present", gender, number) for form, gender, number in rows]


def participle_forms(entry: CueEntry) -> list[CueForm]:
    """Adverbial (accusative) participles: قائلا، قائلة، قائلين; defective ناف → نافيا."""
    part = entry.participle
    if not part:
        return []
    if _is_defective(entry.lemma):
        rows = [(part + "يا", "m", "sg"), (part + "ية", "f", "sg"), (part + "ين", "m", "pl")]
    else:
        rows = [(part + "ا", "m", "sg"), (part + "ة", "f", "sg"), (part + "ين", "m", "pl")]
    return [CueForm(entry, form, "participle", gender, number) for form, gender, number in rows]


def masdar_forms(entry: CueEntry) -> list[CueForm]:
    """The verbal noun bare, with ال and with pronoun suffixes (قوله، دعوته)."""
    noun = entry.masdar
    if not noun:
        return []
    bound = noun[:-1] + "ت" if noun.endswith("ة") else noun
    forms = [noun, "ال" + noun] + [bound + suffix for suffix in _PRONOUN_SUFFIXES]
    return [CueForm(entry, form, "masdar") for form in forms]


def noun_forms(entry: CueEntry) -> list[CueForm]:
    """A reporting noun bare, with ال and with pronoun suffixes (بيانها، تصريحاته)."""
    noun = entry.lemma
    bound = noun[:-1] + "ت" if noun.endswith("ة") else noun
    forms = [noun, "ال" + noun] + [bound + suffix for suffix in _PRONOUN_SUFFIXES]
    return [CueForm(entry, form, "noun") for form in forms]


def object_pronoun_forms(entry: CueEntry, verbs: list[CueForm]) -> list[CueForm]:
    """Finite forms with an object pronoun (وصفه، اعتبرته، اتهموه، نفاه، يصفونها) of a verb that
    takes an object (an object-phrase content or an addressee object): the pronoun is the thing
    or person spoken of or to, and what follows completes it (يصفونه بأنه تاريخي)."""
    if entry.content != "np" and entry.addressee != "obj":
        return []
    out: list[CueForm] = []
    for verb in verbs:
        if verb.kind not in ("past", "present") or not verb.gender:
            continue  # first person: أعتبره is rare in news and clashes with nouns
        stem = verb.form
        if stem.endswith("وا"):
            stem = stem[:-1]  # اتهموا → اتهموه
        elif stem.endswith("ى"):
            stem = stem[:-1] + "ا"  # نفى → نفاه
        out += [replace(verb, form=stem + suffix, object_pronoun=True) for suffix in _PRONOUN_SUFFIXES]
    return out


def generate_forms(entry: CueEntry) -> list[CueForm]:
    """Every surface form (without proclitics) an entry can take in news text."""
    if entry.type == "verb":
        finite = past_forms(entry) + present_forms(entry)
        nouns = participle_forms(entry) + masdar_forms(entry)
        return finite + nouns + object_pronoun_forms(entry, finite)
    if entry.type in ("noun", "claimnoun"):
        return noun_forms(entry)
    if entry.type == "prep":
        return [CueForm(entry, entry.lemma, "prep")]
    return [CueForm(entry, entry.lemma, "colon")]


def _attach(prefix: str, form: str) -> str:
    """Attach a proclitic; ل + ال fuses to لل (ل + البيان → للبيان)."""
    if prefix.endswith("ل") and form.startswith("ال"):
        return prefix + form[1:]
    return prefix + form


# Generated forms that are far more often another word: بين "between" is only بيّن "made
# clear" when the shadda is written (وبيّن). ذكر "mention" is kept: the content test filters it.
_HOMOGRAPHS = frozenset({key("بين"), key("وبين"), key("فبين"), key("لبين"), key("حسبنا")})


def build_lexicon(entries: tuple[CueEntry, ...]) -> CueLexicon:
    """Index every generated form under every allowed proclitic; earlier entries win clashes."""
    lexicon = CueLexicon(entries)
    order = {"prep": 0, "colon": 0, "claimnoun": 1, "verb": 2, "noun": 3}
    for entry in sorted(entries, key=lambda e: order[e.type]):
        for form in generate_forms(entry):
            prefixes: tuple[str, ...] = (
                _VERB_PREFIXES if form.kind in ("past", "present", "participle") else _NOUN_PREFIXES
            )
            if form.kind in ("prep", "colon"):
                prefixes = ("", "و") if form.kind == "prep" else ("",)
            for prefix in prefixes:
                word_key = key(_attach(prefix, form.form)) or form.form
                if word_key in _HOMOGRAPHS:
                    lexicon.marked_forms.setdefault(word_key, (prefix, form))
                    continue
                lexicon.spellings.setdefault(word_key, []).append((prefix, form))
    return lexicon


def read_entries(path: Path = CUES_PATH) -> tuple[CueEntry, ...]:
    """Read the TSV, skipping ``#`` comments and the header row."""
    entries: list[CueEntry] = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        entries.append(parse_entry(line.split("\t"), line_no, path))
    if not entries:
        raise CueLexiconError(Errors.E086.format(path=path, what="cue rows"))
    return tuple(entries)


@lru_cache(maxsize=4)
def load_cues(path: Path = CUES_PATH) -> CueLexicon:
    """The cue lexicon with all generated forms (cached).

    Args:
        path: the TSV file; defaults to ``kg/resources/reporting_cues.tsv``.

    Returns:
        A :class:`CueLexicon` whose :meth:`CueLexicon.lookup` accepts written words.
    """
    return build_lexicon(read_entries(path))


def _keys(words: list[str]) -> frozenset[str]:
    return frozenset(key(word) for word in words)


@lru_cache(maxsize=2)
def load_frames(path: Path = FRAMES_PATH) -> Frames:
    """Closed-class word lists around cues, as normalized keys (cached)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Frames(
        complementizers=_keys(data["complementizers"]),
        complementizer_stems=_keys(data["complementizer_pronoun_stems"]),
        pronoun_suffixes=tuple(key(s) for s in data["pronoun_suffixes"]),
        channel_nouns=_keys(data["channel_nouns"]),
        speech_event_nouns=_keys(data["speech_event_nouns"]),
        generic_speakers=_keys(data["generic_speakers"]),
        spokesperson_words=_keys(data["spokesperson_words"]),
        deny_objects=_keys(data["deny_objects"]),
        deny_predicates=tuple(key(s) for s in data["deny_predicates"]),
        female_titles=_keys(data["female_titles"]),
        **_optional_lists(data),
    )


def _optional_lists(data: dict[str, Any]) -> dict[str, Any]:
    """The word sets and phrase lists a frames file may leave out, as :class:`Frames` fields."""
    return {
        **{name: _keys(data.get(name, [])) for name in _OPTIONAL_WORD_SETS},
        **{name: _phrases(data.get(name, [])) for name in _OPTIONAL_PHRASE_LISTS},
    }


# the lists a reporting_frames.json may leave out: word sets, and lists of several-word phrases
_OPTIONAL_WORD_SETS = (
    "falsity_adjectives",
    "subject_titles",
    "title_stops",
    "subordinators",
    "impersonal_predicates",
    "postposed_speaker_heads",
    "masdar_homographs",
    "actor_subject_cues",
    "circumstance_nouns",
    "trailing_attributions",
    "describing_cues",
    "stance_cues",
    "object_circumstances",
    "kinship_nouns",
    "relay_cues",
    "ala_cues",
    "object_denial_cues",
    "naming_cues",
    "own_words_nouns",
    "source_modifiers",
    "fronted_circumstances",
)
_OPTIONAL_PHRASE_LISTS = ("narrator_glosses", "clause_conjunctions")


def _phrases(phrases: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(key(word) for word in phrase.split()) for phrase in phrases)


KINDS_KEPT = 50_000  # written words whose complementizer kind is remembered


def complementizer_kind(word: str, frames: Frames | None = None) -> str:
    """Classify a word as a complementizer: ``"bare"`` (إن، أن، بأن), ``"pronoun"`` (إنها، بأنه) or ``""``.

    >>> complementizer_kind("بأنها")
    'pronoun'
    """
    frames = frames or load_frames()
    found = frames.kinds.get(word)
    if found is None:
        if len(frames.kinds) >= KINDS_KEPT:
            frames.kinds.clear()  # a bounded memo: an archive has millions of distinct words
        found = frames.kinds[word] = _complementizer_kind(key(word), frames)
    return found


def _complementizer_kind(word_key: str, frames: Frames) -> str:
    if word_key in frames.complementizers:
        return "bare"
    for prefix in ("", "ب", "و", "ف", "وب", "ل"):
        if not word_key.startswith(prefix):
            continue
        rest = word_key[len(prefix) :]
        for stem in frames.complementizer_stems:
            if rest.startswith(stem) and rest[len(stem) :] in frames.pronoun_suffixes:
                return "pronoun"
    return ""


def is_subordinated(previous: str, frames: Frames | None = None) -> bool:
    """Whether a complementizer after the word ``previous`` opens an adverbial, modal or impersonal
    clause (``بعد أن``، ``في حين أن``، ``من المتوقع أن``) rather than the content of a reporting cue.

    >>> is_subordinated("رغم")
    True
    """
    frames = frames or load_frames()
    word_key = key(previous)
    bare = word_key[1:] if word_key[:1] in ("و", "ف") and len(word_key) > 2 else word_key
    words = frames.subordinators | frames.impersonal_predicates
    return word_key in words or bare in words
