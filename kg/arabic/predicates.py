"""Event and stance predicates: which proposition a statement's content asserts.

The lexicon (``kg/resources/claims/predicates.tsv``) maps verbs and their verbal nouns to a
predicate class (``withdraw``, ``remain``, ``sanction`` ...). :func:`main_predicate` gives the
classes of the first predicate word of a text, so ``وأنها ملتزمة بدعم التحالف``
(saudinewsnet:2015-07-23:1269) is a ``remain`` proposition and ``فإيران ستنسحب من الاتفاق``
(saudinewsnet:2015-08-06:2107) a ``withdraw`` one, even where two such contents share
their topic words. Verb and verbal noun of one entry share the class (يلتقي/لقاء، سيجتمع/اجتماع).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.arabic.cues import CueEntry, generate_forms
from kg.arabic.lexicons import RESOURCES
from kg.arabic.normalize import key
from kg.errors import Errors, LexiconError

PREDICATES_PATH = RESOURCES / "claims" / "predicates.tsv"
# Proclitics a predicate word may carry: conjunction, preposition, article, future س.
_PROCLITICS = ("وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "وس", "فس", "و", "ف", "ب", "ل", "س")
_SUFFIXES = ("ه", "ها", "هم", "هما", "ي", "نا", "كم")
# Classes that govern another predicate (مستعدة لاستئناف المفاوضات، تستعد لتجميد الاتفاقية):
# the governed predicate names the proposition when there is one.
GOVERNING = frozenset({"ready"})
# words opening a condition (إذا، لو، طالما): 1,067 of 243,680 statements of 50k news-bench
# articles had their first predicate word after one
CONDITIONALS = frozenset(key(w) for w in ("إذا", "وإذا", "لو", "ولو", "طالما"))


_UNLESS = (key("ما"), key("لم"))


def opens_condition(words: list[str], index: int) -> bool:
    """``words[index]`` (normalized) opens a condition: a conditional (:data:`CONDITIONALS`,
    ``إذا``) or ``ما لم`` ("unless")."""
    return words[index] in CONDITIONALS or tuple(words[index : index + 2]) == _UNLESS


class PredicateLexiconError(LexiconError):
    """The predicate lexicon file is malformed (E082, E083)."""


@dataclass(frozen=True, slots=True)
class Predicate:
    """One lexicon row: a verb (or a noun alone) and its predicate class."""

    cls: str
    lemma: str
    present: str
    participle: str
    masdar: str


def read_predicates(path: Path = PREDICATES_PATH) -> tuple[Predicate, ...]:
    """The rows of the predicate lexicon (comments and the header skipped)."""
    rows = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith(("#", "class\t")):
            continue
        fields = line.split("\t")
        if len(fields) != 7:
            raise PredicateLexiconError(
                Errors.E082.format(path=path, line=number, expected=7, found=len(fields))
            )
        cls, lemma, present, participle, masdar = (field if field != "-" else "" for field in fields[:5])
        if not cls or not (lemma or masdar):
            problem = "a row needs a class and a lemma or a masdar"
            raise PredicateLexiconError(Errors.E083.format(path=path, line=number, problem=problem))
        rows.append(Predicate(cls, lemma, present, participle, masdar))
    return tuple(rows)


def _noun_forms(noun: str) -> list[str]:
    """A verbal noun bare, with ال, with pronoun suffixes and in the feminine plural."""
    if not noun:
        return []
    bound = noun[:-1] + "ت" if noun.endswith("ة") else noun
    forms = [noun, "ال" + noun, *(bound + suffix for suffix in _SUFFIXES)]
    if noun.endswith("ة"):
        forms += [noun[:-1] + "ات"]
    return forms


def predicate_forms(row: Predicate) -> list[str]:
    """Every surface form (without proclitics) of a row: finite verb, participles, verbal noun."""
    forms = _noun_forms(row.masdar)
    if row.lemma:
        entry = CueEntry(lemma=row.lemma, type="verb", present=row.present, participle=row.participle)
        verbs = [form.form for form in generate_forms(entry)]
        # the plural after لم/لن/أن loses its ن (إذا لم يفرجوا، لن ينسحبوا)
        forms += verbs + [form[:-1] + "ا" for form in verbs if form.endswith("ون") and form[:1] in "يت"]
    if row.participle:  # the participle as an adjective: ملتزمة، ملتزمون
        forms += [row.participle + ending for ending in ("", "ة", "ون", "ين", "ان")]
    return forms


def _listed_forms(path: Path) -> Iterator[tuple[str, Predicate]]:
    """Each normalized surface form of each lexicon row, with its row."""
    for row in read_predicates(path):
        for form in predicate_forms(row):
            yield key(form), row


@cache
def predicate_index(path: Path = PREDICATES_PATH) -> dict[str, frozenset[str]]:
    """Normalized form → the classes it belongs to."""
    index: dict[str, set[str]] = {}
    for form, row in _listed_forms(path):
        index.setdefault(form, set()).add(row.cls)
    return {form: frozenset(classes) for form, classes in index.items()}


@cache
def predicate_lemmas(path: Path = PREDICATES_PATH) -> dict[str, str]:
    """Normalized form → the lemma (or the verbal noun of a noun-only row) of its first row:
    ``ستنسحب``، ``الانسحاب``، ``منسحبون`` → ``انسحب``."""
    lemmas: dict[str, str] = {}
    for form, row in _listed_forms(path):
        lemmas.setdefault(form, key(row.lemma or row.masdar))
    return lemmas


def predicate_lemma(word: str) -> str | None:
    """The lemma of a normalized word that is a listed predicate form (after at most one proclitic
    cluster): the verb and its verbal noun are one word for comparing contents."""
    lemmas = predicate_lemmas()
    form = listed_form(word, lemmas)
    return lemmas[form] if form is not None else None


def listed_form(word: str, forms: Container[str]) -> str | None:
    """``word`` or what is left of it after one proclitic cluster, whichever is in ``forms``."""
    if word in forms:
        return word
    for proclitic in _PROCLITICS:
        rest = word[len(proclitic) :]
        if word.startswith(proclitic) and len(rest) >= 3 and rest in forms:
            return rest
    return None


def word_predicates(word: str, index: dict[str, frozenset[str]] | None = None) -> frozenset[str]:
    """The predicate classes of one normalized word, after at most one proclitic cluster."""
    index = predicate_index() if index is None else index
    form = listed_form(word, index)
    return index[form] if form is not None else frozenset()


def main_predicate(text: str, index: dict[str, frozenset[str]] | None = None) -> frozenset[str]:
    """The classes of the first predicate word of ``text`` (empty when it has none), with those
    of a predicate coordinated to it by أو (:func:`coordinated_predicate`); a governing
    predicate (:data:`GOVERNING`, ``تستعد لتجميد``) gives way to the one it governs. The words
    from a conditional (:data:`CONDITIONALS`) on state a condition, not the proposition: in
    ``ستحصل على إعفاء ... إذا تمكنت من معالجة التهديد`` the threat is no predicate."""
    governing: frozenset[str] = frozenset()
    words = key(text).split()
    for position, word in enumerate(words):
        if opens_condition(words, position):
            break
        classes = word_predicates(word, index)
        if classes and not classes <= GOVERNING:
            return classes | coordinated_predicate(words[position + 1 : position + 3], index)
        governing = governing or classes
    return governing


def coordinated_predicate(after: list[str], index: dict[str, frozenset[str]] | None = None) -> frozenset[str]:
    """The classes of a predicate joined by أو right after another: ``اعتقال أو قتل`` is an arrest
    and a killing (news-bench has 78 pairs of predicates of two classes in "X أو Y", e.g.
    ``أعلنت قيادة أركان الجيش الفرنسي "مقتل أو اعتقال" 20 متطرفا``,
    ant:AL-internationalNews-338-20180303)."""
    if len(after) == 2 and after[0] == "او":
        return word_predicates(after[1], index)
    return frozenset()


def count_forms(texts: Iterable[str], path: Path = PREDICATES_PATH) -> dict[tuple[str, str], int]:
    """How often each row's forms occur in ``texts``, by ``(class, lemma or masdar)``."""
    rows = read_predicates(path)
    owner: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        for form in predicate_forms(row):
            owner.setdefault(key(form), []).append((row.cls, row.lemma or row.masdar))
    counts = {(row.cls, row.lemma or row.masdar): 0 for row in rows}
    for text in texts:
        for word in key(text).split():
            listed = listed_form(word, owner)
            for name in set(owner.get(listed, ())) if listed is not None else ():
                counts[name] += 1
    return counts
