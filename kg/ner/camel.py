"""The ``camel`` NER backend: CAMeL Tools' BERT ``NERecognizer`` for users who installed its data.

Reads a local model folder (``model_dir``) or the model that ``camel_data -i ner`` installs;
writes nothing, except a stub CAMeL Tools catalogue in a temporary folder when no catalogue
exists, because ``camel_tools.ner`` otherwise tries to download one at import time.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from kg.errors import Errors
from kg.ner import NERError

INSTALL_HINT = "pip install camel-tools && camel_data -i ner"
# CAMeL Tools' label names → ours; anything unknown becomes O.
_TYPES: dict[str, str] = {
    "PERS": "PERS",
    "PER": "PERS",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "MISC": "MISC",
}
_STUB_CATALOGUE = {"version": "1.6", "packages": {}, "components": {}}


class CamelBackend:
    """CAMeL Tools ``NERecognizer`` behind the kg backend interface.

    Args:
        model_dir: A local fine-tuned BERT token-classification folder; when ``None`` the
            model installed by ``camel_data -i ner`` is used.
        batch_size: Sentences per forward pass.

    Raises:
        NERError: camel-tools, torch or the model data is missing; the message gives the install command.
    """

    name = "camel"

    def __init__(self, model_dir: str | Path | None = None, *, batch_size: int = 32) -> None:
        recognizer_class = _import_recognizer()
        self.batch_size = batch_size
        try:
            if model_dir is not None:
                if not Path(model_dir).is_dir():
                    raise FileNotFoundError(model_dir)
                self._recognizer = recognizer_class(str(model_dir), use_gpu=False)
            else:
                self._recognizer = recognizer_class.pretrained(use_gpu=False)
        except (KeyError, OSError, ValueError) as error:
            where = f"model folder {model_dir}" if model_dir is not None else "CAMeL Tools NER data"
            raise NERError(Errors.E022.format(where=where, error=error, hint=INSTALL_HINT)) from error

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """Tag sentences with the BERT model.

        Args:
            sentences: Token lists.

        Returns:
            One BIO tag list (PERS/ORG/LOC/MISC) per sentence, aligned with its tokens.
        """
        if not sentences:
            return []
        tokenizer = self._recognizer.tokenizer
        # NERecognizer drops words that give no word pieces; tag the others and put O back.
        kept = [[word for word in words if tokenizer.tokenize(word)] for words in sentences]
        non_empty = [words for words in kept if words]
        predicted = iter(self._recognizer.predict(non_empty, batch_size=self.batch_size) if non_empty else [])
        results: list[list[str]] = []
        for words in sentences:
            labels = iter(next(predicted) if any(tokenizer.tokenize(word) for word in words) else [])
            tags = [_map_label(next(labels, "O")) if tokenizer.tokenize(word) else "O" for word in words]
            results.append(_repair(tags))
        return results


def _map_label(label: str) -> str:
    prefix, _, kind = label.partition("-")
    mapped = _TYPES.get(kind)
    return f"{prefix}-{mapped}" if prefix in ("B", "I") and mapped else "O"


def _repair(tags: list[str]) -> list[str]:
    """Keep chunks readable: an ``I-X`` after ``O`` or another type starts a chunk (conlleval)."""
    out: list[str] = []
    for tag in tags:
        if tag.startswith("I-") and (not out or out[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
    return out


def _import_recognizer() -> Any:
    """Import ``NERecognizer``, giving camel_tools a stub catalogue when it has none."""
    _ensure_catalogue()
    try:
        from camel_tools.ner import NERecognizer
    except ImportError as error:
        raise NERError(Errors.E020.format(error=error, hint=INSTALL_HINT)) from error
    except Exception as error:  # camel_tools raises DownloaderError/CatalogueError at import
        raise NERError(Errors.E021.format(error=error, hint=INSTALL_HINT)) from error
    return NERecognizer


def _ensure_catalogue() -> None:
    data_dir = os.environ.get("CAMELTOOLS_DATA")
    folder = Path(data_dir).expanduser() if data_dir else Path.home() / ".camel_tools"
    if (folder / "catalogue.json").is_file():
        return
    stub = Path(tempfile.mkdtemp(prefix="kg-camel-"))
    (stub / "catalogue.json").write_text(json.dumps(_STUB_CATALOGUE), encoding="utf-8")
    os.environ["CAMELTOOLS_DATA"] = str(stub)
