"""Atomic writes: a file or folder is written beside its target and moved into place whole.

Every output kg writes goes through here, so an interrupted or failed write leaves the previous
file or folder as it was and a reader never sees half of one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path`` and move it into place only on success."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        if temp.is_file():
            temp.chmod(0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual permissions
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


@contextmanager
def atomic_folder(folder: str | Path) -> Iterator[Path]:
    """Yield a new temporary folder beside ``folder``; on success it replaces ``folder`` whole."""
    target = Path(folder).absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        yield temp
        temp.chmod(0o777 & ~_umask())  # mkdtemp makes 0700; give the folder the usual permissions
        replace_folder(temp, target)
    finally:
        shutil.rmtree(temp, ignore_errors=True)


@contextmanager
def staging_folder(parent: Path, *, prefix: str) -> Iterator[Path]:
    """Yield a new hidden folder inside ``parent`` to write several outputs into before
    :func:`publish` moves each into place; whatever is left in it is removed at the end."""
    temp = Path(tempfile.mkdtemp(prefix=prefix, suffix=".tmp", dir=parent))
    try:
        yield temp
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def publish(staged: Path, target: Path, *, whole: bool = True) -> None:
    """Move a staged file or folder into place: a file in one rename; a folder whole (see
    :func:`replace_folder`) or, with ``whole=False``, file by file into ``target``."""
    if staged.is_file():
        os.replace(staged, target)
    elif staged.is_dir() and whole:
        replace_folder(staged, target)
    elif staged.is_dir():
        target.mkdir(exist_ok=True)
        for file in staged.iterdir():
            os.replace(file, target / file.name)


def replace_folder(new: Path, target: Path) -> None:
    """Move folder ``new`` to ``target``, replacing a folder already there.

    The old folder is renamed aside first and deleted only after ``new`` is in place; if the
    second rename fails the old folder is put back. Between the two renames (microseconds)
    ``target`` does not exist; it is never half-written.
    """
    if not target.exists():
        os.replace(new, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
    os.replace(target, old)  # an empty directory is replaced by the rename
    try:
        os.replace(new, target)
    except BaseException:
        os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
