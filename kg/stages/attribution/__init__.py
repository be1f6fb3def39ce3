"""The rules of the ``attribute`` stage (:mod:`kg.stages.attribute`), one module per section.

Each module imports only the ones listed before it in :data:`MODULES` (checked by
``tests/test_attribution_layers.py``), so a section can be read knowing only those below it.
"""

MODULES = (
    "common",
    "cues",
    "content",
    "subjects",
    "speakers",
    "verb_subjects",
    "verbs",
    "nouns",
    "headlines",
    "frames",
)
