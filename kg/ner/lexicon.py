"""The lexicon-only NER backend: it tags nothing, so the ner stage finds names by its gazetteers
and rules alone (``kg build --ner lexicon``)."""

from __future__ import annotations


class LexiconBackend:
    """A backend whose tags are all ``O``."""

    name = "lexicon"

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """One ``O`` per token of each sentence."""
        return [["O"] * len(words) for words in sentences]
