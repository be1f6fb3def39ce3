"""Sentences, tokens and proclitic segmentation with offsets into the original text.

Arabic attaches conjunctions and prepositions to the next word: ``ولافروف`` (and Lavrov),
``للولايات`` (to the States, ل + ال fused), ``بالحكمة``. Tokens keep their original spans;
:func:`proclitic_splits` and :func:`strip_proclitics` give the stems to match on, with the
number of letters stripped, so provenance keeps the exact original characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from kg.arabic.normalize import key

# A token is a run of letters/digits (Arabic or Latin, with marks and tatweel), or one
# punctuation character. Dots inside abbreviations (سي.إن.إن) are kept within the token. The
# underscore joins the words of a hashtag (#دونالد_ترمب) and # marks it: neither is a token, so
# a hashtag's words are read as the name they spell (وزارة #الخارجية_التركية is three words).
_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+(?:\.[\w]+)*|[^\w\s]", re.UNICODE)
_PIECES = re.compile(r"[^_]+")
# Sentence ends: . ! ? ؟ and newlines; a dot between letters (سي.إن.إن) is not an end.
_SENTENCE_END = re.compile(r"(?<!\w\.\w)[.!?؟]+(?=\s|$)|\n+")

PROCLITICS: tuple[str, ...] = (
    "وبال",
    "فبال",
    "وكال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each non-empty sentence; whitespace is trimmed off the ends."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if match.group().strip() else match.start()
        yield from _trimmed(text, start, end)
        start = match.end()
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def token_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each token of ``text[start:end]``, as offsets into ``text``."""
    stop = len(text) if end is None else end
    if "_" not in text[start:stop] and "#" not in text[start:stop]:
        return map(re.Match.span, _TOKEN.finditer(text, start, stop))  # a C loop: no hashtag here
    return _hashtag_token_spans(text, start, stop)


def _hashtag_token_spans(text: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    """:func:`token_spans` of a stretch with a ``#`` or an ``_``: a hashtag's words are tokens."""
    for match in _TOKEN.finditer(text, start, stop):
        first, last = match.span()
        if "_" in match.group():  # a hashtag's words: #دونالد_ترمب
            for piece in _PIECES.finditer(text, first, last):
                yield piece.span()
        elif text[first] == "#" and last < stop and text[last].isalnum():
            continue  # the # that marks a hashtag
        else:
            yield first, last


def strip_proclitics(
    word: str, is_known: Callable[[str], bool] | None = None, *, min_stem: int = 2
) -> tuple[str, str]:
    """Split ``word`` into ``(proclitics, stem)``.

    With ``is_known`` (a lookup on normalized keys) a prefix is stripped only when the rest is
    known, or when the word itself is unknown and the rest is; without it, the longest
    prefix leaving at least ``min_stem`` + 1 letters is stripped. ``ال`` of a fused ``لل`` is
    restored: ``للولايات`` → ``("ل", "الولايات")``.

    >>> strip_proclitics("ولافروف", lambda k: k == "لافروف")
    ('و', 'لافروف')
    """
    if is_known is not None and is_known(key(word)):
        return "", word
    for prefix in PROCLITICS:
        if not word.startswith(prefix) or len(word) - len(prefix) < min_stem:
            continue
        stem = word[len(prefix) :]
        if prefix.endswith("لل"):
            candidates = ["ال" + stem]
        elif prefix.endswith("ال"):
            candidates = ["ال" + stem, stem]
        else:
            candidates = [stem]
        for candidate in candidates:
            if is_known is None:
                if len(stem) > min_stem:
                    return prefix, candidate
            elif is_known(key(candidate)):
                return prefix, candidate
    return "", word


def proclitic_splits(word: str) -> Iterator[tuple[int, str]]:
    """``(letters of stripped proclitics, stem)`` for ``word`` itself and each proclitic split.

    The article of a fused ``لل`` is restored in the stem (``للأمم`` → ``(2, "الأمم")``); after
    ``وال``/``بال`` the stem keeps its article and the length counts only the letters before it
    (``وبالقاهرة`` → ``(2, "القاهرة")``).

    >>> list(proclitic_splits("ولبنان"))
    [(0, 'ولبنان'), (1, 'لبنان')]
    """
    yield 0, word
    for prefix in PROCLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            stem = word[len(prefix) :]
            if prefix.endswith("لل"):
                yield len(prefix), "ال" + stem
            elif prefix.endswith("ال"):
                yield len(prefix) - 2, "ال" + stem
            else:
                yield len(prefix), stem


_SPLITS_CACHE: dict[str, tuple[tuple[int, str, str], ...]] = {}
_SPLITS_CACHE_SIZE = 200_000


def keyed_splits(word: str) -> tuple[tuple[int, str, str], ...]:
    """:func:`proclitic_splits` of ``word`` with the matching key of each stem:
    ``(letters stripped, stem, key(stem))``, computed once per word form (news repeats words).

    >>> keyed_splits("ولبنان")
    ((0, 'ولبنان', 'ولبنان'), (1, 'لبنان', 'لبنان'))
    """
    found = _SPLITS_CACHE.get(word)
    if found is None:
        found = tuple((length, stem, key(stem)) for length, stem in proclitic_splits(word))
        if len(_SPLITS_CACHE) < _SPLITS_CACHE_SIZE:
            _SPLITS_CACHE[word] = found
    return found
