"""JSON files: every string, key or value, is copy at its place in the file."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.document.json_copy import NOT_JSON
from brandlint.document.reader import parse_document
from tests.conftest import row

GUIDE = """
name: s
terms:
  - avoid: [synergy]
"""

MOVIES = """\
{
    "1927": {
        "title": "Synergy \\u0026 wings",
        "synergy": 19,
        "tags": ["synergy\\nplan", true, null, 4.5]
    }
}
"""


def test_keys_and_values_are_blocks_in_file_order():
    document = parse_document("movies.json", MOVIES)
    assert [document.block_text(b) for b in document.blocks] == [
        "1927",
        "title",
        "Synergy & wings",
        "synergy",
        "tags",
        "synergy\nplan",
    ]


def test_alerts_sit_in_the_file_escapes_included(lint_with):
    alerts = lint_with(GUIDE)(MOVIES, name="movies.json")
    assert [row(a) for a in alerts] == [
        ("s.terms.synergy", 3, 19, 3, 26, "Synergy", ()),
        ("s.terms.synergy", 4, 10, 4, 17, "synergy", ()),
        ("s.terms.synergy", 5, 19, 5, 26, "synergy", ()),
    ]
    assert [a.message for a in alerts] == [
        "Avoid 'Synergy'.",
        "Avoid 'synergy'.",
        "Avoid 'synergy'.",
    ]


def test_broken_json_is_read_as_text_with_a_warning(lint_with):
    alerts = lint_with(GUIDE)('{"a": "synergy",\n', name="broken.json")
    assert [(a.rule, a.span.line, a.span.column, str(a.level)) for a in alerts] == [
        ("s.terms.synergy", 1, 8, "warning"),
        (NOT_JSON, 2, 1, "warning"),
    ]
    assert alerts[1].message == (
        "This is not valid JSON (expected a string here); brandlint read it as plain text."
    )


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
    max_leaves=12,
)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in [key, *_strings(item)]]
    return []


@settings(max_examples=200)
@given(VALUES, st.booleans(), st.sampled_from([None, 2]))
def test_every_string_maps_back_to_the_file(value, ascii_only, indent):
    source = json.dumps(value, ensure_ascii=ascii_only, indent=indent)
    document = parse_document("data.json", source)
    wanted = [s for s in _strings(value) if s.strip()]
    texts = [document.block_text(b) for b in document.blocks]
    # blocks are the strings with blank edges trimmed, as every reader trims them
    assert [t.strip() for t in texts] == [s.strip() for s in wanted]
    for segment in document.position_map.segments:
        copy = document.text[segment.text_start : segment.text_end]
        written = source[segment.source_start : segment.source_end]
        if segment.verbatim:
            assert written == copy
        else:  # an escape: its characters decode to the copy
            assert json.loads(f'"{written}"') == copy
