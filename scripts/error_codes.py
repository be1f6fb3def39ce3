"""Print the error-code list of the README's troubleshooting section, or write it there (--write)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from kg.errors import catalogue

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"(<!-- error-codes:start -->\n)(.*?)(<!-- error-codes:end -->)", re.S)


def readme_block(text: str) -> str:
    """The generated part of the README's troubleshooting section."""
    found = BLOCK.search(text)
    return found.group(2) if found else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="rewrite the list in README.md")
    args = parser.parse_args()
    if not args.write:
        print(catalogue(), end="")
        return
    text = README.read_text(encoding="utf-8")
    README.write_text(BLOCK.sub(lambda m: m.group(1) + catalogue() + m.group(3), text), encoding="utf-8")


if __name__ == "__main__":
    main()
