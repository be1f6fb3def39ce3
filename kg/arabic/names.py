"""Word lists and tests about names shared by the NER and entity-resolution stages (which do not
import each other): institution names made of a head and a gentilic, and words a name never
ends with."""

from __future__ import annotations

from functools import cache

from kg.arabic import lexicons
from kg.arabic.normalize import key

# function words that start a clause after a title, never a name (ما يعني أن، وكان يتمنى أن)
NOT_NAMES = frozenset(
    key(w)
    for w in (
        "ما",
        "كان",
        "وكان",
        "قد",
        "وقد",
        "لا",
        "لم",
        "لن",
        "هو",
        "هي",
        "وهو",
        "وهي",
        "هذا",
        "هذه",
        "ذلك",
    )
)
NAME_ENDS = frozenset(
    key(w) for w in ("إن", "أن", "بأن", "في", "خلال", "على", "إلى", "من", "عن", "مع", "الذي")
)


def function_words() -> frozenset[str]:
    """Keys of the function words that start a clause or a phrase after a name (هو، كان، في،
    على، إن): no name is run on over one."""
    return NOT_NAMES | NAME_ENDS


def institution_country(phrase_key: str) -> str:
    """The country of a ``head + gentilic`` institution name (``الخارجيه الروسيه`` → RU), or ``""``.

    The adjective must agree in gender with the head: ``الخارجية الروسية`` is the Russian
    foreign ministry, but in ``وزير الخارجية الروسي`` the masculine adjective qualifies
    ``وزير``, so ``الخارجية الروسي`` is no institution name.
    """
    words = phrase_key.split()
    if len(words) < 2:
        return ""
    head, adjective = " ".join(words[:-1]), words[-1]
    if head not in institution_heads() or _is_feminine(head.split()[-1]) != _is_feminine(adjective):
        return ""
    return lexicons.gentilic_index().get(adjective, "")


def _is_feminine(word_key: str) -> bool:
    """Feminine by form, on a normalized key: teh marbuta (folded to ه) or a sound plural in ات."""
    return word_key.endswith(("ه", "ات", "تان", "تين"))


def institution_heads() -> dict:
    return lexicons.institution_index()


@cache
def not_name_words() -> frozenset[str]:
    """Adverbs and time words that a tagged name never ends with (``هاتفيا``, ``أمس``)."""
    return lexicons.word_list("not_name_words.tsv")
