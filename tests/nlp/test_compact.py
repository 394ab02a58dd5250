"""The compact table behind the lemma tables and CMUdict's syllables: a dict's answers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.nlp.compact import CompactTable

TEXT = st.text(st.characters(blacklist_characters="\0\1"), max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(TEXT, TEXT, max_size=300), st.lists(TEXT, max_size=20))
def test_answers_as_the_dict_it_is_built_from(expected, others):
    """Every key once, keys that are prefixes or suffixes of others kept apart (the empty
    key too), absent keys answered with the default."""
    table = CompactTable(expected.items())
    assert len(table) == len(expected)
    assert sorted(table) == sorted(expected)
    for key in [*expected, *others]:
        assert table.get(key, "<none>") == expected.get(key, "<none>")
        assert (key in table) == (key in expected)


def test_english_lemmas_read_as_a_dict():
    table = CompactTable(
        {"leveraging": "leverage", "best": "good", "leveraged": "leverage"}.items()
    )
    assert table.get("leveraging", "leveraging") == "leverage"
    assert table.get("leverage", "leverage") == "leverage"
    assert table.get("leveraged", "") == "leverage"
    assert "best" in table and "bes" not in table and 3 not in table


def test_a_separator_inside_an_entry_is_refused():
    with pytest.raises(ValueError, match=r"a table entry holds \\0 or \\1"):
        CompactTable([("a", "b"), ("a\0b", "c")])
    with pytest.raises(ValueError, match=r"a table entry holds \\0 or \\1"):
        CompactTable([("a", "b\1")])
