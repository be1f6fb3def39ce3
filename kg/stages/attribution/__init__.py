"""The rules of the ``attribute`` stage (:mod:`kg.stages.attribute`), one module per section.

Modules import only the ones listed before them: ``common``, ``cues``, ``content``,
``subjects``, ``speakers``, ``verbs``, ``nouns``, ``headlines``, ``frames``.
"""
