"""An editor's Markdown inline cache (`brandlint.document.inline_cache`): after any edit,
the tokens are those of a plain parse, for Markdown and MDX alike; a page with link
reference definitions is read whole."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.document.inline_cache import EDITING, InlineCache
from brandlint.document.markdown import _parser, markdown_drafts
from brandlint.document.suppressions import SuppressionCollector

PAGE = """\
# Spring *launch* at [Kestrel](https://kestrel.example)

Kestrel Pay takes **card payments** in one place, with `kestrel pay` on the till.

```sh
kestrel sync --all

kestrel pay
```

| plan | price |
| --- | --- |
| *Basic* | 10 € |

> Big news 🎉 for shops: the app now sells in store.
> <b>Refunds</b> take one tap.

- Receipts go out by e-mail or SMS.
- Refunds take one tap\\*.

<div class="note">

A note in **HTML** with [a link][docs].

</div>
"""

# pieces an editor types: markup that opens and closes blocks and inline elements
PIECES = [
    "\n\n",
    "\n",
    "```\n",
    "~~~",
    "*",
    "**",
    "`",
    "[",
    "](/x)",
    "<b>",
    "</b>",
    "<!-- ",
    " -->",
    "> ",
    "- ",
    "1. ",
    "    ",
    "| a |",
    "\n[docs]: https://kestrel.example/docs\n",
    "é🎉",
    "word ",
    "",
]

edits = st.lists(
    st.tuples(st.integers(0, len(PAGE)), st.integers(0, 12), st.sampled_from(PIECES)),
    min_size=1,
    max_size=8,
)


def parsed(text: str, mdx: bool, cache: InlineCache | None) -> tuple[list, dict]:
    env: dict = {}
    if cache is None:
        return _parser(mdx).parse(text, env), env
    cache.start()
    editing = EDITING.set(cache)
    try:
        return _parser(mdx).parse(text, env), env
    finally:
        EDITING.reset(editing)
        cache.sweep()


@settings(max_examples=150, deadline=None)
@given(changes=edits, mdx=st.booleans())
def test_every_version_parses_as_a_plain_parse(changes, mdx: bool) -> None:
    cache = InlineCache()
    text = PAGE
    assert parsed(text, mdx, cache) == parsed(text, mdx, None)
    for at, removed, piece in changes:
        at = min(at, len(text))
        text = text[:at] + piece + text[at + removed :]
        assert parsed(text, mdx, cache) == parsed(text, mdx, None)


def test_an_edit_reads_only_the_paragraph_it_changed() -> None:
    cache = InlineCache()
    parsed(PAGE, False, cache)
    first = cache.read
    edited = PAGE.replace("in one place", "in one single place")
    assert parsed(edited, False, cache) == parsed(edited, False, None)
    assert (cache.read, cache.reused) == (1, first - 1)


def test_a_page_with_reference_definitions_is_read_whole() -> None:
    cache = InlineCache()
    page = PAGE + "\n[docs]: https://kestrel.example/docs\n"
    parsed(page, False, cache)
    assert (cache.read, cache.reused) == (0, 0)
    tokens, env = parsed(page, False, cache)
    assert (tokens, env) == parsed(page, False, None)
    assert list(env["references"]) == ["DOCS"]


def test_the_drafts_of_an_edited_page_are_those_of_a_plain_read() -> None:
    cache = InlineCache()
    parsed(PAGE, False, cache)
    edited = PAGE.replace("Big news", "Great news")
    cache.start()
    editing = EDITING.set(cache)
    try:
        kept = markdown_drafts(edited, SuppressionCollector())
    finally:
        EDITING.reset(editing)
    assert cache.reused > 0
    assert kept == markdown_drafts(edited, SuppressionCollector())
