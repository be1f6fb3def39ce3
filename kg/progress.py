"""The phases of ``kg build``, reported as one sequence to one progress callback.

A build runs the pipeline stages, then fills the claim index and the store, writes each export,
the charts, the state and the report. :class:`Phases` holds that ordered list, so the progress
callback gets ``(label, index, total)`` with ``index`` counted over all of them: a bar over the
whole build, not over the pipeline stages only. A label is a phase name, or ``"phase: detail"``
with what the phase is working on (``"claims: 812 statements"``, ``"ner: 3/10 chunks"``).
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.pipeline import Progress

# Phases that follow the stages, in the order kg.build.write_outputs runs them.
INDEX, STORE, CHARTS, STATE, REPORT = "index", "store", "charts", "state", "report"


def export_phase(fmt: str) -> str:
    """The phase name of writing export format ``fmt``."""
    return f"export {fmt}"


def phase_of(label: str) -> str:
    """The phase a progress label is about: the text before its first colon."""
    return label.split(":", 1)[0]


class Phases:
    """An ordered list of phase names and the callback that hears about them.

    Args:
        names: every phase of the build, in the order they run.
        progress: called as ``progress(label, index, total)``; ``None`` to report nothing.
    """

    def __init__(self, names: Sequence[str], progress: Progress | None) -> None:
        self.names = tuple(names)
        self._progress = progress
        self._index = 0

    def start(self, name: str, detail: str = "") -> None:
        """Report that phase ``name`` starts (or advances: ``detail`` says how far)."""
        if self._progress is None:
            return
        if name in self.names:
            self._index = self.names.index(name)
        self._progress(f"{name}: {detail}" if detail else name, self._index, len(self.names))

    def callback(self) -> Progress | None:
        """A progress callback for :func:`kg.pipeline.run`, whose ``(label, index, total)`` count
        only its own stages, that reports them as phases of the whole build."""
        if self._progress is None:
            return None

        def report(label: str, index: int, total: int) -> None:
            name = phase_of(label)
            self.start(name, label[len(name) + 1 :].strip())

        return report
