"""Stage ``segment``: documents → sentences and tokens.

Proclitics are split later, by the stages that know which stems are names (``ner``).

Reads ``corpus.documents``; writes ``corpus.sentences`` and ``corpus.tokens``. Offsets point
into the original document text.
"""

from __future__ import annotations

from kg.arabic.tokens import sentence_spans, token_spans
from kg.model import Corpus, Document, Sentence, Span, Token

NAME = "segment"
REQUIRES = ("documents",)
PROVIDES = ("sentences", "tokens")


def run(corpus: Corpus) -> Corpus:
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    for doc in corpus.documents:
        doc_sentences, doc_tokens = process_doc(doc)
        sentences.extend(doc_sentences)
        tokens.extend(doc_tokens)
    return corpus.replace(sentences=tuple(sentences), tokens=tuple(tokens))


def process_doc(doc: Document) -> tuple[list[Sentence], list[Token]]:
    """Split one document into sentences and tokens."""
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    for index, (start, end) in enumerate(sentence_spans(doc.text)):
        sentences.append(Sentence(doc.doc_id, index, Span(start, end)))
        for tok_start, tok_end in token_spans(doc.text, start, end):
            tokens.append(Token(doc.doc_id, Span(tok_start, tok_end), index))
    return sentences, tokens
