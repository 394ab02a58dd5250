"""Property tests: the position map never lies, whatever the markup."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brandlint.core.document import Document
from brandlint.document.reader import parse_document

WORDS = [
    "Kestrel",
    "leverage",
    "omnichannel",
    "ọjà",
    "piac",
    "🎉",
    "naïve",
    "e-mail",
    "şirkət",
    "butikk",
    "sale",
    "&amp;",
    "\\*",
    "it's",
]
word = st.sampled_from(WORDS)
phrase = st.lists(word, min_size=1, max_size=6).map(" ".join)
inline = st.one_of(
    phrase,
    phrase.map(lambda p: f"*{p}*"),
    phrase.map(lambda p: f"**{p}**"),
    st.just("`CODEWORD x`"),
    phrase.map(lambda p: f"[{p}](https://example.com/URLPART)"),
    phrase.map(lambda p: f"![{p}](img/URLPART.png)"),
)
line = st.lists(inline, min_size=1, max_size=4).map(" ".join)
block = st.one_of(
    line,
    line.map(lambda s: "# " + s),
    line.map(lambda s: "- " + s),
    line.map(lambda s: "> " + s),
    st.tuples(line, line).map(lambda t: f"{t[0]}\n{t[1]}"),
    st.just("```\nCODEWORD fenced\n```"),
    st.tuples(phrase, phrase).map(lambda t: f"| {t[0]} | b |\n|---|---|\n| {t[1]} | c |"),
    phrase.map(lambda p: f"<p>{p} <b>URLPART</b></p>".replace("URLPART", "bold")),
)
markdown = st.lists(block, min_size=1, max_size=6).map(lambda b: "\n\n".join(b) + "\n")
newline = st.sampled_from(["\n", "\r\n"])


def check_map(document: Document) -> None:
    for segment in document.position_map.segments:
        copy = document.text[segment.text_start : segment.text_end]
        source = document.source[segment.source_start : segment.source_end]
        if segment.verbatim:
            assert copy == source
        else:
            assert source  # a decoded entity or a line break stands for real source text


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(markdown, newline)
def test_markdown_copy_maps_back_to_its_source(source, eol):
    document = parse_document("doc.md", source.replace("\n", eol))
    check_map(document)
    assert "CODEWORD" not in document.text and "URLPART" not in document.text


@settings(max_examples=100)
@given(st.lists(phrase, min_size=1, max_size=5))
def test_html_copy_maps_back_to_its_source(paragraphs):
    source = "".join(f'<p title="{p}">{p}</p>\n' for p in paragraphs)
    check_map(parse_document("doc.html", source))


@settings(max_examples=60, deadline=None)
@given(markdown)
def test_every_alert_span_cut_from_the_source_is_the_flagged_word(source):
    from brandlint.workspace import Settings, Workspace
    from tests.conftest import EXAMPLE_GUIDE

    workspace = _workspace(Workspace, Settings, str(EXAMPLE_GUIDE))
    for alert in workspace.lint_text(source, "doc.md"):
        cut = source[alert.span.offset : alert.span.end_offset]
        assert cut == alert.match
        if alert.rule == "kestrel.terms.leverage":
            assert cut.lower() == "leverage"


_CACHE: dict[str, object] = {}


def _workspace(workspace_type, settings_type, guide):  # one workspace across examples
    if guide not in _CACHE:
        _CACHE[guide] = workspace_type(settings_type(guide=guide))
    return _CACHE[guide]
