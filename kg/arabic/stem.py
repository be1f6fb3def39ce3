"""A light Arabic stemmer on normalized keys (see :func:`kg.arabic.normalize.key`).

Strips one proclitic cluster (conjunction, preposition, article: ``وبال``، ``لل``), up to two
suffixes (pronouns, sound plurals and duals, nisba, tanween alif) and reduces Form X verbs,
participles and verbal nouns (``استعد``، ``مستعد``) to their radicals. It is deliberately
crude: it groups inflections of one word for matching, it does not find roots.
"""

from __future__ import annotations

PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "وب", "ول", "و", "ف", "ب", "ل")
# On normalized keys (ة is folded to ه): pronoun suffixes, plural/dual endings, nisba, tanween alif.
SUFFIXES = (
    *("تهم", "تها", "تنا", "هما", "كما"),
    *("هم", "ها", "نا", "كم", "ات", "ون", "ين", "ان", "يه"),
    *("ه", "ي", "ا"),
)
FORM_TEN = ("است", "مست", "يست", "تست")  # Form X: verb, participle, imperfect, verbal noun
FORM_TEN_MARK = "ست:"


def strip_prefix(word: str) -> str:
    """One proclitic cluster off: ``والمحادثات`` → ``محادثات``; ``ولد`` stays (too short after ``و``)."""
    for prefix in PREFIXES:
        least = 2 if prefix.endswith(("ال", "لل")) else 3  # السد → سد, but ولد stays
        if word.startswith(prefix) and len(word) - len(prefix) >= least:
            return word[len(prefix) :]
    return word


def strip_suffix(word: str) -> str:
    """One suffix off when at least three letters remain: ``محادثات`` → ``محادث``."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _radicals(word: str) -> str:
    """Long alef out and a final doubled letter collapsed: ``عداد`` → ``عد``, ``عد`` → ``عد``."""
    word = word.replace("ا", "")
    if len(word) >= 2 and word[-1] == word[-2]:
        word = word[:-1]
    return word


def stem(word: str) -> str:
    """A light stem of a normalized word: proclitics and suffixes off, Form X reduced to its radicals.

    >>> stem("والمحادثات")
    'محادث'
    >>> stem("استعداده") == stem("مستعده") == "ست:عد"
    True
    """
    word = strip_suffix(strip_suffix(strip_prefix(word)))
    for prefix in FORM_TEN:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 2:
            return FORM_TEN_MARK + _radicals(rest)
    return word
