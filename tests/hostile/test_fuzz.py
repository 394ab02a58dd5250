"""Property-based fuzzing (hypothesis) of what reads untrusted text: the guide's YAML
reader, the document readers (Markdown, HTML, front matter), the long-copy chunker, and the
language server's framing. Whatever the input: no exception but the documented one, and
positions that stay inside the source. Time stays bounded by the structure of each test
(small inputs, a fixed number of examples), never by a timing assertion.

The seed is fixed (`derandomize`), so CI runs the same examples every time; for a longer
local hunt run: pytest tests/hostile/test_fuzz.py --hypothesis-profile=hunt
"""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brandlint.core.errors import Problem
from brandlint.core.located_yaml import YamlSyntaxError, load_located_yaml
from brandlint.document.reader import parse_document
from brandlint.nlp.chunks import pieces, tokenize_long

settings.register_profile("hunt", max_examples=5000, derandomize=False, deadline=None)
FUZZ = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# YAML-ish text: the characters that make YAML's structure, plus words
_YAML_ALPHABET = st.sampled_from([*"&*!:-[]{},'\"|>#%@` \n\t\\", "a", "key", "<<", "x"])
yaml_text = st.lists(_YAML_ALPHABET, max_size=60).map("".join)
_MARKUP = st.sampled_from(
    [
        *list("<>/=\"'#*_`[]()!-+>|\n "),
        "---\n",
        "+++\n",
        "{",
        "}",
        "<p>",
        "</div>",
        "&amp;",
        "a",
        "é",
        "🎉",
    ]
)
markup_text = st.lists(_MARKUP, max_size=80).map("".join)


@FUZZ
@given(yaml_text, st.booleans())
def test_the_yaml_reader_either_reads_or_names_a_place(text: str, lenient: bool):
    try:
        doc = load_located_yaml(text, "g.yaml", lenient=lenient)
    except YamlSyntaxError as exc:
        assert isinstance(exc.problem, Problem)
        assert exc.problem.line >= 1 and exc.problem.column >= 1
        assert 0 <= exc.offset <= len(text) + 1
        return
    lines = text.count("\n") + 1
    for line, column in [*doc.positions.values(), *doc.key_positions.values()]:
        assert 1 <= line <= lines + 1 and column >= 1


@FUZZ
@given(markup_text, st.sampled_from(["page.md", "page.html", "page.txt", "deck.copy.yaml"]))
def test_document_readers_map_every_block_inside_the_source(text: str, path: str):
    document = parse_document(path, text)
    for block in document.blocks:
        span = document.source_span(block.start, block.end)
        assert 0 <= span.offset <= span.end_offset <= len(text)
    for notice in document.notices:
        assert 0 <= notice.source_start <= notice.source_end <= len(text) + 1


@FUZZ
@given(st.text(alphabet=st.sampled_from("ab .!\n\t"), max_size=400), st.integers(4, 60))
def test_pieces_join_back_into_the_text_each_within_the_size(text: str, size: int):
    parts = pieces(text, size)
    assert "".join(parts) == text
    assert all(len(part) <= size for part in parts)
    assert all(parts[:-1])


@pytest.fixture(scope="module")
def english():
    from brandlint.nlp.pipelines import Pipelines

    return Pipelines().get("en").nlp


@FUZZ
@given(
    words=st.lists(
        st.sampled_from(["Orders", "are", "shipped", ".", "!", " ", "\n\n"]), max_size=120
    )
)
def test_long_copy_tokenized_in_pieces_keeps_every_token_offset(english, words: list[str]):
    text = "".join(words)
    (joined,) = tokenize_long([text], english, size=25)
    assert joined.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in joined)


@FUZZ
@given(
    words=st.lists(
        st.sampled_from(
            ["Orders", "ship", "'s", '"', "(", ")", ".", "😀", "é", "e\u0301", " ", "  ", "\n\n"]
        ),
        max_size=80,
    )
)
def test_long_runs_made_opaque_keep_every_other_token_as_one_pass_makes_it(
    english, words: list[str]
):
    text = "".join(words)
    (guarded,) = tokenize_long([text], english, run=6)
    runs = [(m.start(), m.end()) for m in re.finditer(r"\S{7,}", text)]

    def outside(doc):
        return [
            (t.idx, t.text, t.whitespace_)
            for t in doc
            if not any(start <= t.idx < end for start, end in runs)
        ]

    assert guarded.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in guarded)
    assert outside(guarded) == outside(english(text))


_FRAME = st.sampled_from(
    [
        b"Content-Length: 2\r\n\r\n{}",
        b"Content-Length: 99999999999999999999999\r\n\r\n",
        b"Content-Length: -1\r\n\r\n",
        b"\r\n",
        b"garbage",
        b'Content-Length: 5\r\n\r\n{"a"',
        b'Content-Length: 17\r\n\r\n{"jsonrpc":"2.0"}',
        b"\xff\xfe",
        b"Content-Type: x\r\n",
    ]
)


@FUZZ
@given(st.lists(_FRAME, max_size=12))
def test_framing_yields_only_whole_json_bodies_and_ends(frames: list[bytes]):
    import json

    from lsp.framing import FramedInput, MessageOutput

    written = io.BytesIO()
    framed = FramedInput(io.BytesIO(b"".join(frames)), MessageOutput(written), max_message=1000)
    for _ in range(len(frames) + 2):  # each message takes at least one frame
        header = framed.readline()
        if header == b"":
            break
        assert header.startswith(b"Content-Length: ")
        assert framed.readline() == b"\r\n"
        body = framed.read()
        assert len(body) == int(header.split(b":")[1])
        json.loads(body)
    else:
        raise AssertionError("the framing never reached the end of its input")
