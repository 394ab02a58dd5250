"""Growing a guide from what the linter found: accept a spelling, make a spelling the
preferred one, ban a term. Each takes the guide's text and returns its new text.

The guide is a file people write and comment by hand, so it is edited with a round-trip
YAML library (ruamel.yaml): comments, key order, quoting and layout outside the edited
entry stay as they were, and the editor shows a small diff. ruamel is imported on the
first edit, not when the engine loads.
"""

from __future__ import annotations

import io
import re
from typing import Any

from brandlint.core.errors import UsageError


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long message
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _load(text: str) -> Any:
    from ruamel.yaml.comments import CommentedMap

    guide = _yaml().load(text) if text.strip() else CommentedMap()
    if not isinstance(guide, CommentedMap):
        raise UsageError("the guide is not a mapping of keys; fix it before editing it")
    return guide


def _dump(guide: Any) -> str:
    out = io.StringIO()
    _yaml().dump(guide, out)
    # the blank line that ended a removed section would otherwise end the file
    return out.getvalue().rstrip("\n") + "\n"


def _section(guide: Any, key: str, empty: Any) -> Any:
    """The guide's `key` (a list or a mapping), created at the end when missing."""
    if guide.get(key) is None:
        guide[key] = empty
    found = guide[key]
    if not isinstance(found, type(empty)):
        raise UsageError(f"the guide's `{key}` is not a {type(empty).__name__}")
    return found


def _same(a: object, b: str) -> bool:
    return isinstance(a, str) and a.casefold() == b.casefold()


def _term_using(guide: Any, preferred: str) -> Any:
    """The `terms` entry whose preferred spelling is `preferred` (None if none)."""
    for entry in guide.get("terms") or ():
        if hasattr(entry, "get") and _same(entry.get("use"), preferred):
            return entry
    return None


def _seq(items: list[str]) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(items)
    seq.fa.set_flow_style()  # `[a, b]`, as guides write short lists
    return seq


def _after_last(owner: Any, new_key: Any) -> None:
    """Move what follows `owner`'s last item (a blank line, a comment before the next
    section) after `new_key`, added last: ruamel keeps it on the item it followed, which
    would put the blank line between the old item and the new one."""
    keys = list(owner) if hasattr(owner, "keys") else list(range(len(owner)))
    if len(keys) < 2 or not hasattr(owner, "ca"):
        return
    comment = owner.ca.items.pop(keys[-2], None)
    if comment is not None:
        owner.ca.items[new_key] = comment


def _add_term(terms: Any, entry: Any) -> None:
    """Append a term to the `terms` list, keeping the space after the list after it."""
    last = terms[-1] if len(terms) else None
    terms.append(entry)
    if last is not None and hasattr(last, "ca") and hasattr(last, "keys") and len(last):
        comment = last.ca.items.pop(list(last)[-1], None)
        if comment is not None:
            entry.ca.items[list(entry)[-1]] = comment


def _append(entry: Any, key: str, word: str) -> None:
    found = entry.get(key)
    if found is None:
        entry[key] = _seq([word])
        _after_last(entry, key)
    elif isinstance(found, str):
        entry[key] = _seq([found, word])
    elif not any(_same(w, word) for w in found):
        found.append(word)


def accept_spelling(text: str, rule: str, kind: str, word: str, preferred: str = "") -> str:
    """Stop `rule` flagging `word`: a spelling rule's `exceptions` (under `rules:`), or
    the `exceptions` of the term whose preferred spelling is `preferred`."""
    from ruamel.yaml.comments import CommentedMap

    guide = _load(text)
    if kind == "term":
        entry = _term_using(guide, preferred)
        if entry is None:
            raise UsageError(f"no term in the guide uses '{preferred}'")
        _append(entry, "exceptions", word)
        return _dump(guide)
    rules = _section(guide, "rules", CommentedMap())
    settings = rules.get(rule)
    if not hasattr(settings, "get"):  # absent, a level or `off`: keep it as `level`
        settings = CommentedMap() if settings is None else CommentedMap(level=settings)
        rules[rule] = settings
    # exceptions are regexes: a word with `.` or `+` in it stands for itself
    _append(settings, "exceptions", re.escape(word) if re.escape(word) != word else word)
    return _dump(guide)


def prefer(text: str, word: str, others: list[str]) -> str:
    """Make `word` the preferred spelling over `others`: the term that preferred one of
    them now prefers `word` (the old one joins its variants), or a new term; a consistency
    group holding `word` is replaced by the term, since one spelling now wins."""
    from ruamel.yaml.comments import CommentedMap

    guide = _load(text)
    groups = guide.get("consistency") or []
    found_group = False
    for n, group in enumerate(groups):
        spellings = group.get("either", []) if hasattr(group, "get") else group
        if any(_same(s, word) for s in spellings):
            others = [*others, *(s for s in spellings if not _same(s, word))]
            found_group = True
            del groups[n]
            if not groups:
                del guide["consistency"]
            break
    terms = _section(guide, "terms", [])
    entry = next((e for o in others if (e := _term_using(guide, o)) is not None), None)
    added = entry is None
    if entry is None and not found_group and others:
        raise UsageError(f"no term or consistency group in the guide holds '{word}'")
    if entry is None:
        entry = CommentedMap(use=word)
    else:
        others = [*others, entry["use"]]
        entry["use"] = word
    variants = entry.get("instead_of") or []
    variants = [variants] if isinstance(variants, str) else list(variants)
    for other in others:
        if not any(_same(v, other) for v in variants) and not _same(other, word):
            variants.append(other)
    variants = [v for v in variants if not _same(v, word)]
    if variants:
        entry["instead_of"] = _seq(variants)
    if added:
        _add_term(terms, entry)
    return _dump(guide)


def ban(text: str, word: str) -> str:
    """Add `word` to the guide's terms to avoid."""
    from ruamel.yaml.comments import CommentedMap

    guide = _load(text)
    terms = _section(guide, "terms", [])
    if not any(hasattr(e, "get") and _same(e.get("avoid"), word) for e in terms):
        _add_term(terms, CommentedMap(avoid=word))
    return _dump(guide)
