"""Stage ``segment``: documents → sentences and tokens.

Proclitics are split later, by the stages that know which stems are names (``ner``).

Reads ``corpus.documents``; writes ``corpus.sentences`` and ``corpus.tokens`` (a
:class:`~kg.model.TokenTable`). Offsets point into the original document text.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.arabic.tokens import sentence_spans, token_spans
from kg.contract import CORPUS, Stage
from kg.model import Corpus, Document, Sentence, Span, Token, TokenTable

NAME = "segment"
REQUIRES = ("documents",)
PROVIDES = ("sentences", "tokens")


def run(corpus: Corpus) -> Corpus:
    """Sentences and tokens of every document; the token offsets go straight into a table."""
    sentences: list[Sentence] = []
    tokens = TokenTable()
    for doc in corpus.documents:
        for index, span, spans in _split(doc):
            sentences.append(Sentence(doc.doc_id, index, span))
            tokens.add(doc.doc_id, index, spans)
    return corpus.replace(sentences=tuple(sentences), tokens=tokens)


def process_doc(doc: Document) -> tuple[list[Sentence], list[Token]]:
    """Split one document into sentences and tokens."""
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    for index, span, spans in _split(doc):
        sentences.append(Sentence(doc.doc_id, index, span))
        tokens.extend(Token(doc.doc_id, Span(start, end), index) for start, end in spans)
    return sentences, tokens


def _split(doc: Document) -> Iterator[tuple[int, Span, Iterator[tuple[int, int]]]]:
    """Each sentence of ``doc``: its number, its span and the ``(start, end)`` of its tokens."""
    for index, (start, end) in enumerate(sentence_spans(doc.text)):
        yield index, Span(start, end), token_spans(doc.text, start, end)


# A corpus stage though it works document by document: it fills one TokenTable for the corpus.
STAGE = Stage(NAME, REQUIRES, PROVIDES, CORPUS, run)
