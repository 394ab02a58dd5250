"""Org mode files: which lines are copy, in which scope, at which exact place."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brandlint.document.reader import parse_document
from tests.conftest import row

GUIDE = """
name: s
terms:
  - avoid: [synergy]
"""

NOTES = """\
#+title:  Synergy plan
#+author: Synergy team

* TODO Synergy review :work:
  SCHEDULED: <2026-01-05 Mon>
  :PROPERTIES:
  :owner: synergy
  :END:

The /synergy/ of *teams* is [[https://example.com/synergy][real synergy]].
See [[https://example.com/synergy]] and =synergy= and ~synergy~.

- one synergy item
  continued synergy
- [X] done

#+begin_src python
synergy = 1
#+end_src

#+begin_quote
A quoted synergy.
#+end_quote

: fixed synergy

| Name    | Note    |
|---------+---------|
| synergy | synergy |

[fn:1] A synergy note.
"""


def test_copy_blocks_and_scopes():
    document = parse_document("notes.org", NOTES)
    blocks = [(sorted(b.scopes), document.block_text(b)) for b in document.blocks]
    assert blocks == [
        (["heading", "heading.h1"], "TODO Synergy review :work:"),
        (["paragraph"], "The synergy of teams is real synergy. See  and  and ."),
        (["list"], "one synergy item continued synergy"),
        (["list"], "done"),
        (["blockquote"], "A quoted synergy."),
        (["table", "table.header"], "Name"),
        (["table", "table.header"], "Note"),
        (["table", "table.cell"], "synergy"),
        (["table", "table.cell"], "synergy"),
        (["paragraph"], "A synergy note."),
    ]


def test_alerts_sit_at_their_place_in_the_file(lint_with):
    alerts = lint_with(GUIDE)(NOTES, name="notes.org")
    assert [row(a)[:5] for a in alerts] == [
        ("s.terms.synergy", 4, 8, 4, 15),
        ("s.terms.synergy", 10, 6, 10, 13),
        ("s.terms.synergy", 10, 65, 10, 72),
        ("s.terms.synergy", 13, 7, 13, 14),
        ("s.terms.synergy", 14, 13, 14, 20),
        ("s.terms.synergy", 22, 10, 22, 17),
        ("s.terms.synergy", 29, 3, 29, 10),
        ("s.terms.synergy", 29, 13, 29, 20),
        ("s.terms.synergy", 31, 10, 31, 17),
    ]
    assert {a.match.lower() for a in alerts} == {"synergy"}
    assert alerts[0].message == "Avoid 'Synergy'."


def test_a_comment_line_carries_switches(lint_with):
    alerts = lint_with(GUIDE)(
        "# brandlint-disable s.terms.synergy\nsynergy\n\n# brandlint-enable\n\nsynergy\n",
        name="notes.org",
    )
    assert [row(a)[:3] for a in alerts] == [("s.terms.synergy", 6, 1)]


WORDS = st.sampled_from(["synergy", "naïve", "🎉", "plan", "a+b", "x=y", "it's", "*", "/", ":"])
PHRASE = st.lists(WORDS, min_size=1, max_size=5).map(" ".join)
INLINE = st.one_of(
    PHRASE,
    PHRASE.map(lambda p: f"*{p}*"),
    PHRASE.map(lambda p: f"/{p}/"),
    PHRASE.map(lambda p: f"={p}="),
    PHRASE.map(lambda p: f"[[https://example.com][{p}]]"),
    st.just("[[https://example.com/a]]"),
)
TEXT = st.lists(INLINE, min_size=1, max_size=4).map(" ".join)
LINE = st.one_of(
    TEXT,
    TEXT.map(lambda t: "** " + t),
    TEXT.map(lambda t: "- " + t),
    TEXT.map(lambda t: "  " + t),
    TEXT.map(lambda t: f"| {t} | {t} |"),
    st.just("|---+---|"),
    TEXT.map(lambda t: "# " + t),
    TEXT.map(lambda t: "#+title: " + t),
    st.just("#+begin_quote"),
    st.just("#+end_quote"),
    st.just("#+begin_src"),
    st.just(":PROPERTIES:"),
    st.just(":END:"),
    st.just(""),
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE, max_size=12), st.sampled_from(["\n", "\r\n"]))
def test_verbatim_copy_maps_onto_the_same_characters(lines, newline):
    source = newline.join(lines) + newline
    document = parse_document("notes.org", source)
    for segment in document.position_map.segments:
        if segment.verbatim:
            copy = document.text[segment.text_start : segment.text_end]
            assert source[segment.source_start : segment.source_end] == copy
    for block in document.blocks:
        start, end = document.position_map.to_source(block.start, block.end)
        assert 0 <= start <= end <= len(source)
