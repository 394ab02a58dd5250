"""The Markdown parser's shortcut for link destinations gives markdown-it's own result."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markdown_it.common.normalize_url import normalizeLink

from brandlint.document.markdown import normalized_link
from brandlint.document.reader import parse_document

# characters that change what markdown-it's URL parse does: scheme and port colons,
# user info, escapes, host separators, brackets, white space, non-ASCII, a long label
_TRICKY = st.sampled_from(
    [":", "@", "%", "%2F", "//", ".", "..", "[", "]", " ", "\t", "é", "ü.de", "xn--", "-", "a" * 64]
)
_PLAIN = st.text(alphabet="aZ09/?#&=+$,_.!~*'();-", max_size=12)
_SCHEMES = st.sampled_from(["", "http://", "https://", "HTTPS://", "mailto:", "ftp://", "//"])


@given(st.lists(st.one_of(_PLAIN, _TRICKY), max_size=6), _SCHEMES)
def test_a_destination_normalizes_as_markdown_it_does(parts: list[str], scheme: str) -> None:
    url = scheme + "".join(parts)
    assert normalized_link(url) == normalizeLink(url)


@given(st.text(max_size=40))
def test_any_text_normalizes_as_markdown_it_does(url: str) -> None:
    assert normalized_link(url) == normalizeLink(url)


def test_an_image_source_is_percent_encoded_as_markdown_it_does() -> None:
    document = parse_document(
        "post.md", "![Kestrel logo](</img/kestrel logo.png>) and ![Map](https://ex.com/a%zz)\n"
    )
    assert [(image.src, image.alt) for image in document.images] == [
        ("/img/kestrel%20logo.png", "Kestrel logo"),
        ("https://ex.com/a%25zz", "Map"),
    ]


def test_a_script_link_stays_text_as_markdown_it_reads_it() -> None:
    # markdown-it refuses a `javascript:` destination, so the brackets are copy
    document = parse_document("post.md", "Read [the guide](javascript:alert(1)) first.\n")
    assert document.text == "Read [the guide](javascript:alert(1)) first."
