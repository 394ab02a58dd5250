"""The reports' JSON writer: json's own layout at any indent, byte for byte, written faster,
iterators streamed as arrays."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.reporters import indented_json

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and ±Infinity included: json writes them with its defaults
    | st.text()  # any code point: quotes, controls, lone surrogates, U+2028
)
KEYS = st.text() | st.integers() | st.floats() | st.booleans() | st.none()
VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=80)  # past the size at which containers stream
        | st.tuples(children, children)
        | st.dictionaries(KEYS, children, max_size=80)
    ),
    max_leaves=400,
)


def streamed(value: object, draw_iterator: st.DrawFn) -> object:
    """`value` with some of its lists, at any depth, replaced by iterators over them."""
    if isinstance(value, dict):
        return {key: streamed(item, draw_iterator) for key, item in value.items()}
    if isinstance(value, list):
        items = [streamed(item, draw_iterator) for item in value]
        return iter(items) if draw_iterator(st.booleans()) else items
    if isinstance(value, tuple):
        return tuple(streamed(item, draw_iterator) for item in value)
    return value


@st.composite
def with_iterators(draw: st.DrawFn) -> tuple[object, object]:
    """A value and the same with iterators in place of some of its lists."""
    value = draw(VALUES)
    return value, streamed(value, draw)


def written(value: object, indent: int | None = 2) -> str:
    out = io.StringIO()
    indented_json.dump(value, out.write, indent)
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_the_text_is_jsons_with_indent_2(value):
    assert written(value) == json.dumps(value, ensure_ascii=False, indent=2)


@settings(max_examples=300, deadline=None)
@given(with_iterators(), st.sampled_from([None, 0, 1, 4]))
def test_the_text_is_jsons_at_any_indent_with_iterators_as_arrays(values, indent):
    """The audit's JSON report (indent 1) and its HTML page's data (one line) are written
    with their alerts as an iterator over the spool."""
    value, streaming = values
    assert written(streaming, indent) == json.dumps(value, ensure_ascii=False, indent=indent)


def test_a_long_list_of_records_is_written_record_by_record():
    """A report's records are each one write, not one per string, number and bracket;
    the list around them is written as it goes, not built whole."""
    records = [{"rule": "brandlint.hype", "line": n, "replacements": ["use"]} for n in range(200)]
    writes: list[str] = []
    indented_json.dump(records, writes.append)
    assert "".join(writes) == json.dumps(records, ensure_ascii=False, indent=2)
    assert writes[1] == "\n  "
    assert writes[2] == (
        '{\n    "rule": "brandlint.hype",\n    "line": 0,\n    "replacements": [\n'
        '      "use"\n    ]\n  }'
    )
    assert len(writes) == 2 * len(records) + 2


def test_an_iterator_is_read_an_item_at_a_time_as_it_is_written():
    """The audit's alerts are read from its spool while the report is written, never all
    held: each item is written before the next is read."""
    read: list[int] = []
    writes: list[str] = []

    def alerts():
        for n in range(3):
            read.append(n)
            yield {"rule": "brandlint.hype", "line": n}

    def write(text: str) -> None:
        writes.append(f"{len(read)}:{text}")

    indented_json.dump({"summary": {"files": 3}, "alerts": alerts()}, write, indent=None)
    assert writes == [
        "0:{",
        '0:"summary": ',
        '0:{"files": 3}',
        '0:, "alerts": ',
        "0:[",
        '1:{"rule": "brandlint.hype", "line": 0}',
        "2:, ",
        '2:{"rule": "brandlint.hype", "line": 1}',
        "3:, ",
        '3:{"rule": "brandlint.hype", "line": 2}',
        "3:]",
        "3:}",
    ]


def test_what_json_cannot_write_is_refused_as_json_refuses_it():
    with pytest.raises(TypeError, match="Object of type set is not JSON serializable"):
        written({"a": {1, 2}})
    with pytest.raises(TypeError, match="keys must be str, int, float, bool or None"):
        written({(1, 2): "a"})
