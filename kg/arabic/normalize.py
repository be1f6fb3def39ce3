"""Orthographic normalization for matching keys, one rule per function.

Normalized text is never shown or stored as content: it exists to make spelling variants
meet (سورية/سوريا, الأميركية/الأمريكية). :func:`normalize_with_map` keeps an offset map back
to the original text because some rules delete characters (diacritics, tatweel).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Arabic diacritics (harakat, tanween, shadda, sukun, superscript alef, Quranic marks)
# and tatweel: deleted for matching.
_DELETE = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
_YEH = str.maketrans({"ى": "ي", "ی": "ي", "ئ": "ي"})
_TEH_MARBUTA = str.maketrans({"ة": "ه"})
_WAW_HAMZA = str.maketrans({"ؤ": "و"})
_PERSIAN = str.maketrans({"ک": "ك", "ی": "ي", "ۀ": "ه", "ھ": "ه"})


def delete_marks(text: str) -> str:
    """Remove diacritics, tatweel and invisible format characters: ``سُورِيَّة`` → ``سورية``."""
    return _DELETE.sub("", text)


def normalize_alef(text: str) -> str:
    """Fold hamzated and madda alef forms to bare alef: ``أميركا`` → ``اميركا``."""
    return text.translate(_ALEF)


def normalize_yeh(text: str) -> str:
    """Fold alef maksura and yeh with hamza to yeh: ``مصطفى`` → ``مصطفي``."""
    return text.translate(_YEH)


def normalize_teh_marbuta(text: str) -> str:
    """Fold teh marbuta to heh: ``سورية`` → ``سوريه``."""
    return text.translate(_TEH_MARBUTA)


def normalize_waw_hamza(text: str) -> str:
    """Fold waw with hamza to waw: ``مسؤول`` → ``مسوول``."""
    return text.translate(_WAW_HAMZA)


def normalize_persian(text: str) -> str:
    """Fold Persian/Urdu letter shapes to their Arabic equivalents: ``ک`` → ``ك``."""
    return text.translate(_PERSIAN)


# The letter rules above as one table, applied in one pass (they do not chain).
_ALL_LETTERS = {**_PERSIAN, **_ALEF, **_YEH, **_TEH_MARBUTA, **_WAW_HAMZA}


def normalize(text: str) -> str:
    """All matching rules: marks deleted, then every letter rule; idempotent."""
    return delete_marks(text).translate(_ALL_LETTERS)


def normalize_with_map(text: str) -> tuple[str, tuple[int, ...]]:
    """Normalize ``text`` and map each output position back to its original position.

    Returns:
        The normalized text and ``to_orig`` where ``to_orig[i]`` is the index in ``text`` of
        normalized character ``i``; ``to_orig[len(normalized)] == len(text)``.
    """
    out: list[str] = []
    to_orig: list[int] = []
    for index, char in enumerate(text):
        if _DELETE.fullmatch(char):
            continue
        out.append(normalize(char))
        to_orig.append(index)
    to_orig.append(len(text))
    return "".join(out), tuple(to_orig)


_NON_WORD = re.compile(r"[^\w\s]|_")  # hashtags join words with _: #شي_جينبينغ


@lru_cache(maxsize=200_000)
def key(text: str) -> str:
    """A matching key: normalized, punctuation removed, whitespace collapsed.

    >>> key("الولايات المتّحدة الأميركية")
    'الولايات المتحده الاميركيه'
    """
    text = _NON_WORD.sub(" ", normalize(text))
    return " ".join(text.split())
