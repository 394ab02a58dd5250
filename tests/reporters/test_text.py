"""The text report's building blocks: control characters escaped, and the columns its
carets are placed by (two for wide characters, none for marks, one for the rest). ASCII
copy takes shortcuts in both, which must give what the general path gives."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from brandlint.reporters.text import display_width, terminal_safe


def _columns(char: str) -> int:
    if unicodedata.combining(char) or char in "\u200d\ufe0f":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


@given(st.text())
def test_the_width_is_the_sum_of_each_characters_columns(text: str) -> None:
    assert display_width(text) == sum(_columns(char) for char in text)


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_ascii_takes_one_column_a_character(text: str) -> None:
    assert display_width(text) == len(text)


def test_wide_characters_marks_and_joiners() -> None:
    assert display_width("Kestrel 店舗") == 12
    assert display_width("cafe\u0301") == 4
    assert display_width("👩\u200d💻 launch") == 11


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_in_ascii_exactly_the_c0_controls_and_del_are_escaped(text: str) -> None:
    expected = "".join(f"\\x{ord(c):02x}" if ord(c) < 0x20 or c == "\x7f" else c for c in text)
    assert terminal_safe(text) == expected
