"""The reporters' indented JSON writer: json's own layout, byte for byte, written faster."""

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


def written(value: object) -> str:
    out = io.StringIO()
    indented_json.dump(value, out.write)
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_the_text_is_jsons_with_indent_2(value):
    assert written(value) == json.dumps(value, ensure_ascii=False, indent=2)


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


def test_what_json_cannot_write_is_refused_as_json_refuses_it():
    with pytest.raises(TypeError, match="Object of type set is not JSON serializable"):
        written({"a": {1, 2}})
    with pytest.raises(TypeError, match="keys must be str, int, float, bool or None"):
        written({(1, 2): "a"})
