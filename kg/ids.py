"""Identifiers and IRIs: the only place where they are minted.

IDs are deterministic: the same input gives the same IDs run after run. Entity IDs are a
readable slug of the canonical name plus a short hash of the matching key, so that two
referents with the same transliterated slug never collide.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from urllib.parse import quote

DEFAULT_BASE_IRI = "https://w3id.org/arabic-news-kg/resource/"
_UNSAFE = re.compile(r"[^0-9A-Za-z_\-\u0600-\u06ff]+")
# Characters that XML 1.0 cannot carry even escaped (C0 controls other than tab, LF and CR; lone
# surrogates; U+FFFE and U+FFFF), and that no UTF-8 file can hold in the surrogates' case.
_UNCARRIABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"


def stable_hash(*parts: object, length: int = 12) -> str:
    """A short hex digest of ``parts`` serialized as sorted JSON.

    >>> stable_hash("a", 1) == stable_hash("a", 1)
    True
    """
    payload = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(payload.encode("utf-8", errors="surrogatepass")).hexdigest()[:length]


def clean_text(text: str) -> str:
    """``text`` with every character some output format cannot carry replaced by U+FFFD.

    This is the one place where such characters are dealt with: the RDF mapping passes every
    literal through it and :func:`iri` every local name, so Turtle, N-Triples, JSON-LD, RDF/XML,
    GraphML, CSV and Cypher all carry the same text. The replacement is one for one, so a literal
    keeps the length of the span it came from.

    >>> clean_text("a\\x00b\\ud800c")
    'a\ufffdb\ufffdc'
    """
    return _UNCARRIABLE.sub(REPLACEMENT, text)


def slug(text: str, *, max_length: int = 40) -> str:
    """A readable IRI-safe slug; Arabic letters are kept, everything else becomes ``_``."""
    cleaned = _UNSAFE.sub("_", text).strip("_")
    return cleaned[:max_length] or "x"


def entity_id(label: str, match_key: str) -> str:
    """The ID of an entity of type ``label`` whose matching key is ``match_key``:
    ``{kind}_{slug of the key}_{hash}``, the kind being ``label`` in lower case.

    A key that starts with the kind itself (``person:…`` of a PERSON, ``org:…`` of an ORG) is
    slugged without it, so the kind is not doubled; the hash still covers the whole key.

    >>> entity_id("PERSON", "person:جون كيري")
    'person_جون_كيري_7b106570'
    >>> entity_id("GPE", "country:RU")
    'gpe_country_RU_e9d4f750'
    """
    kind = label.lower()
    name = match_key.removeprefix(f"{kind}:")
    return f"{kind}_{slug(name.replace(' ', '_'))}_{stable_hash(label, match_key, length=8)}"


ENTITY_KINDS = ("person", "org", "gpe", "loc")  # the kinds of entity_id, each a folder of IRIs


def entity_iri(base: str, local_id: str) -> str:
    """The IRI of entity ``local_id``: ``{base}{kind}/{rest}`` for an id made by :func:`entity_id`
    (``person_جون_كيري_7b106570`` → ``{base}person/جون_كيري_7b106570``, percent-encoded as by
    :func:`iri`); ``{base}entity/{id}`` for any other id.

    >>> entity_iri("b/", "gpe_country_RU_e9d4f750")
    'b/gpe/country_RU_e9d4f750'
    >>> entity_iri("b/", "e1")
    'b/entity/e1'
    """
    kind, _, rest = local_id.partition("_")
    if kind in ENTITY_KINDS and rest:
        return iri(base, kind, rest)
    return iri(base, "entity", local_id)


def claim_id(statement_ids: tuple[str, ...] | list[str]) -> str:
    return "c" + stable_hash(*sorted(statement_ids))


def iri(base: str, kind: str, local_id: str) -> str:
    """The IRI of a resource: ``{base}{kind}/{percent-encoded id}``.

    Any ``local_id`` gives a valid IRI: it is cleaned with :func:`clean_text` and everything but
    ASCII letters, digits and ``-._~`` is percent-encoded as UTF-8.
    """
    return f"{base}{kind}/{quoted(local_id)}"


@functools.lru_cache(maxsize=1 << 16)
def quoted(local_id: str) -> str:
    """``local_id`` as it appears in an IRI (see :func:`iri`); cached, as ids recur in many triples."""
    return quote(clean_text(local_id), safe="")


def mention_iri(base: str, doc_id: str, start: int, end: int) -> str:
    """:func:`iri` of the mention ``{doc_id}:{start}-{end}``, without quoting the offsets again.

    >>> mention_iri("b/", "خبر 1", 3, 9) == iri("b/", "mention", "خبر 1:3-9")
    True
    """
    return f"{base}mention/{quoted(doc_id)}%3A{start}-{end}"
