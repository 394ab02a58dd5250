"""Carrying the case of what a writer typed over to a replacement."""

from __future__ import annotations


def follow_case(source: str, replacement: str) -> str:
    """'Leverage' → 'Use'; 'LEVERAGE' → 'USE'; otherwise the replacement as written.

    Replacements that carry their own capitals (product names) are never changed.
    """
    if not replacement or not source or replacement != replacement.lower():
        return replacement
    if source.isupper() and len(source) > 1:
        return replacement.upper()
    if source[0].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement
