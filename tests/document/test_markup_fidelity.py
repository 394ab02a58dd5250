"""Markup fidelity: the copy rules see is exactly what a reader reads, at exact positions.

Front matter in YAML, TOML and JSON; code and inline HTML; bare URLs, e-mail addresses and
paths; LF, CRLF and CR-only files, tabs and special spaces; MDX; alert spans that never
start or end inside markup.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from brandlint.core.document import Document, LineIndex
from brandlint.document.reader import parse_document
from brandlint.workspace import Settings, Workspace
from tests.conftest import row


def blocks(document: Document) -> list[tuple[list[str], str, tuple[int, int, int, int]]]:
    """(scopes, copy, (line, column, end line, end column)) of each block."""
    out = []
    for block in document.blocks:
        span = document.source_span(block.start, block.end)
        out.append(
            (
                sorted(block.scopes),
                document.block_text(block),
                (span.line, span.column, span.end_line, span.end_column),
            )
        )
    return out


def cut(document: Document, word: str, nth: int = 0) -> str:
    """The source text the nth `word` of the copy maps to."""
    at = [m.start() for m in re.finditer(re.escape(word), document.text)][nth]
    span = document.source_span(at, at + len(word))
    return document.source[span.offset : span.end_offset]


def position(document: Document, word: str) -> tuple[int, int, int, int]:
    at = document.text.index(word)
    span = document.source_span(at, at + len(word))
    return span.line, span.column, span.end_line, span.end_column


# --- 1. Front matter --------------------------------------------------------------------

HUGO_POST = """\
+++
title = "Spring sale: one \\"stock count\\" everywhere"
date = 2026-03-01
draft = false
tags = ["retail", "omnichannel"]
description = \"\"\"
Kestrel keeps your web shop,
your stores and your marketplaces in sync.\"\"\"
summary = 'Literal C:\\path stays as written'

[params]
subject = "Not a top-level field"
+++
Our spring release is here.
"""


def test_hugo_toml_front_matter_values_are_copy_at_their_place_and_keys_are_not():
    document = parse_document("content/post.md", HUGO_POST)
    assert blocks(document) == [
        (["meta", "meta.title"], 'Spring sale: one "stock count" everywhere', (2, 10, 2, 53)),
        (
            ["meta", "meta.description"],
            "Kestrel keeps your web shop,\nyour stores and your marketplaces in sync.",
            (7, 1, 8, 43),
        ),
        (["meta", "meta.summary"], "Literal C:\\path stays as written", (9, 12, 9, 44)),
        (["paragraph"], "Our spring release is here.", (14, 1, 14, 28)),
    ]
    assert document.meta["tags"] == ["retail", "omnichannel"]
    assert document.meta["params"] == {"subject": "Not a top-level field"}
    assert cut(document, "stock count") == "stock count"
    assert position(document, '"') == (2, 28, 2, 29)  # the quote itself, not its escape
    assert position(document, "your stores") == (8, 1, 8, 12)


def test_invalid_toml_front_matter_is_a_notice_at_its_line():
    document = parse_document("post.md", '+++\ntitle = "Spring\ndraft = true\n+++\nBody.\n')
    (notice,) = document.notices
    assert notice.rule == "brandlint.front-matter"
    assert notice.message.startswith("Front matter is not valid TOML")
    assert document.lines.position(notice.source_start)[0] == 2
    assert [document.block_text(b) for b in document.blocks] == ["Body."]


def test_hugo_json_front_matter():
    source = (
        '{\n  "title": "Caf\\u00e9 opening \\u2014 everywhere",\n'
        '  "description": "Stock in sync",\n  "weight": 3\n}\nBody copy.\n'
    )
    document = parse_document("post.md", source)
    assert blocks(document) == [
        (["meta", "meta.title"], "Café opening — everywhere", (2, 13, 2, 48)),
        (["meta", "meta.description"], "Stock in sync", (3, 19, 3, 32)),
        (["paragraph"], "Body copy.", (6, 1, 6, 11)),
    ]
    assert document.meta["weight"] == 3
    assert cut(document, "é") == "\\u00e9"
    assert cut(document, "opening") == "opening"


def test_an_opening_brace_that_is_not_json_is_copy():
    document = parse_document("post.md", "{Kestrel} keeps stock in sync.\n")
    assert document.text == "{Kestrel} keeps stock in sync."


def test_yaml_block_scalars_map_each_line():
    source = (
        "---\n"
        "description: |\n"
        "  Kestrel keeps stock\n"
        "  in sync everywhere.\n"
        "summary: >-\n"
        "  One count for\n"
        "  every channel.\n"
        "title: Spring\n"
        "  sale\n"
        "---\n"
        "Body.\n"
    )
    document = parse_document("post.md", source)
    assert blocks(document) == [
        (
            ["meta", "meta.description"],
            "Kestrel keeps stock\nin sync everywhere.\n",
            (3, 3, 5, 1),
        ),
        (["meta", "meta.summary"], "One count for every channel.", (6, 3, 7, 17)),
        (["meta", "meta.title"], "Spring sale", (8, 8, 9, 7)),
        (["paragraph"], "Body.", (11, 1, 11, 6)),
    ]
    assert position(document, "in sync") == (4, 3, 4, 10)
    assert position(document, "every channel") == (7, 3, 7, 16)
    assert position(document, "sale") == (9, 3, 9, 7)
    # a folded line break reads as a space and stands for the break and the indentation
    space = document.text.index("for every") + 3
    assert cut(document, document.text[space : space + 1], 0) in (" ", "\n  ")


def test_yaml_front_matter_in_a_cr_only_file():
    source = "---\rtitle: Spring sale\rchannel: web\r---\rBody copy.\r"
    document = parse_document("post.md", source)
    assert blocks(document) == [
        (["meta", "meta.title"], "Spring sale", (2, 8, 2, 19)),
        (["paragraph"], "Body copy.", (5, 1, 5, 11)),
    ]
    assert document.meta["channel"] == "web"


# --- 2. Code and inline HTML ------------------------------------------------------------


def test_inline_code_never_joins_the_words_around_it():
    document = parse_document(
        "post.md", "Use<code>sync()</code>now, or``--all``today, or `x` then <kbd>Ctrl</kbd>.\n"
    )
    assert document.text == "Use now, or today, or  then ."
    assert cut(document, " ", 0) == "<code>sync()</code>"  # the mask maps to the code
    assert cut(document, "today") == "today"


@pytest.mark.parametrize("tag", ["code", "kbd", "samp", "var", "pre"])
def test_every_inline_code_element_is_masked(tag):
    document = parse_document("post.md", f"Press<{tag}>SECRET <b>x</b></{tag}>here.\n")
    assert document.text == "Press here."
    column = len(f"Press<{tag}>SECRET <b>x</b></{tag}>") + 1
    assert position(document, "here") == (1, column, 1, column + 4)


def test_inline_code_in_an_html_block_never_joins_words_either():
    document = parse_document("page.html", "<p>Run<code>sync</code>today <b>now</b>.</p>\n")
    assert document.text == "Run today now."
    assert position(document, "today") == (1, 24, 1, 29)


def test_phrasing_tags_keep_their_text_and_lose_their_tags():
    source = (
        'We <b>sell</b> in <a href="/stores">every <span class="x">store</span></a>.'
        "<br>Kes<i>trel</i> too.\n"
    )
    document = parse_document("post.md", source)
    (block,) = document.blocks
    assert document.text == "We sell in every store. Kestrel too."
    assert position(document, "sell") == (1, 7, 1, 11)
    assert position(document, "store") == (1, 59, 1, 64)
    assert cut(document, "Kestrel") == "Kes<i>trel"
    assert [(scope, document.text[s:e]) for scope, s, e in block.inline] == [
        ("link", "every store")
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<div>\r\n<p>Hello <b>there</b></p>\r\n</div>\r\n", (2, 4, 2, 18)),
        ("> <p>Hello <b>there</b></p>\n", (1, 6, 1, 20)),
        ("- item\n\n  <p>Hello <b>there</b></p>\n", (3, 6, 3, 20)),
    ],
)
def test_html_blocks_keep_their_columns_with_crlf_in_quotes_and_lists(source, expected):
    document = parse_document("post.md", source)
    assert position(document, "Hello there") == expected


def test_block_tags_inside_a_paragraph_part_words():
    document = parse_document("post.md", "One<div>two</div>three\n")
    assert document.text == "One two three"


# --- 3. Bare URLs, e-mail addresses and paths --------------------------------------------

PARAGRAPH = (
    "Use<code>sync()</code>now: see https://example.com/leverage-guide, mail "
    "leverage@kestrel.io or run /usr/local/bin/leverage on ./docs/leverage.md, "
    "C:\\Tools\\leverage.exe or ~/.config/leverage. We leverage www.kestrel.io/leverage too.\n"
)


def test_urls_emails_and_paths_are_masked_in_place():
    document = parse_document("post.md", PARAGRAPH)
    assert document.text == (
        "Use now: see https://**************************, mail ******************* "
        "or run *********************** on ******************, ********************* "
        "or ******************. We leverage www.******************* too."
    )
    assert cut(document, "https://") == "https://example.com/leverage-guide"
    mail = document.text.index("mail ") + 5
    span = document.source_span(mail, mail + 19)
    assert document.source[span.offset : span.end_offset] == "leverage@kestrel.io"
    assert cut(document, "www.") == "www.kestrel.io/leverage"
    assert position(document, "leverage") == (1, 195, 1, 203)


def test_names_with_dots_and_slashes_in_prose_are_not_paths():
    copy = "ASP.NET, Booking.com and readme.md, 24/7 and and/or, km/h, 1/2/2026, /pricing."
    assert parse_document("post.md", copy + "\n").text == copy


def test_plain_text_and_front_matter_keep_their_links():
    # in an SMS or a meta description every character of a link counts to the limit
    text = "Order at https://k.example/go today.\n"
    assert parse_document("sms.txt", text).text == text.strip()
    document = parse_document("post.md", "---\ndescription: See https://k.example\n---\n")
    assert document.text == "See https://k.example"


@pytest.fixture
def workspace(guide_file):
    path = guide_file(
        """
        name: t
        terms:
          - avoid: [leverage]
            suggest: [use]
        rules:
          t.use-now:
            extends: existence
            message: "'%s'"
            level: warning
            ignorecase: true
            tokens: [use now, usenow]
        """
    )
    return Workspace(Settings(guide=str(path)))


def test_alerts_never_come_from_code_urls_emails_or_paths(workspace):
    alerts = workspace.lint_text(PARAGRAPH, "post.md")
    # "Use<code>sync()</code>now" reads "Use now" but the code stands between: no phrase
    assert [row(a)[:6] for a in alerts] == [("t.terms.leverage", 1, 195, 1, 203, "leverage")]
    assert alerts[0].fixable and alerts[0].replacements == ("use",)


# --- 4. Line endings and special spaces --------------------------------------------------


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_line_endings_give_the_same_lines_and_columns(eol, workspace):
    source = eol.join(
        [
            "# Spring sale",
            "",
            "We\tleverage\u00a0one\u200bcount,",
            "and leverage it <!-- brandlint-disable-line -->",
            "",
            "> Quote: we *leverage*",
            "> everything.",
            "",
        ]
    )
    document = parse_document("post.md", source)
    assert [(b[1], b[2]) for b in blocks(document)] == [
        ("Spring sale", (1, 3, 1, 14)),
        ("We\tleverage\u00a0one\u200bcount, and leverage it ", (3, 1, 4, 17)),
        ("Quote: we leverage everything.", (6, 3, 7, 14)),
    ]
    assert document.lines.line_text(3) == "We\tleverage\u00a0one\u200bcount,"
    alerts = workspace.lint_text(source, "post.md")
    assert [row(a)[:6] for a in alerts] == [
        ("t.terms.leverage", 3, 4, 3, 12, "leverage"),
        ("t.terms.leverage", 6, 14, 6, 22, "leverage"),
    ]


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_plain_text_paragraphs_with_any_line_ending(eol):
    document = parse_document("sms.txt", eol.join(["Flash sale", "today only.", "", "Reply STOP."]))
    assert [(b[1], b[2]) for b in blocks(document)] == [
        ("Flash sale today only.", (1, 1, 2, 12)),
        ("Reply STOP.", (4, 1, 4, 12)),
    ]


def test_suppression_comments_in_html_count_cr_only_lines():
    source = "<div>\r<!-- brandlint-disable t.x -->\r<p>Hi</p>\r<!-- brandlint-enable -->\r</div>\r"
    (suppression,) = parse_document("post.md", source).suppressions
    assert (suppression.rules, suppression.line, suppression.end_line) == (("t.x",), 2, 4)


def test_line_index_reads_lf_crlf_and_lone_cr_as_breaks():
    lines = LineIndex("a\rb\r\nc\nd")
    assert lines.starts == [0, 2, 5, 7]
    assert [lines.line_text(n) for n in (1, 2, 3, 4)] == ["a", "b", "c", "d"]
    assert lines.position(5) == (3, 1)


# --- 5. MDX -----------------------------------------------------------------------------

MDX_PAGE = """\
---
title: Sell everywhere
---
import { Callout } from '../components/Callout'
import Chart from './chart.js'

export const meta = {
  author: 'Kestrel',
}

# One stock count for {props.channel}

{/* brandlint-disable t.terms.leverage */}
We leverage a single count.
{/* brandlint-enable */}

<Callout type="warning" title={"leverage"}>
  Stock syncs every **five** minutes across <b>all</b> stores.
</Callout>

<Chart data={[1, 2, 3]} />

Press <kbd>Ctrl</kbd>+<kbd>S</kbd> to save{/* leverage */}, or run `leverage --all`.

$$
leverage = mc^2
$$

    Indented text is copy in MDX, and we leverage it.

<Tabs>
  <Tab label="leverage">Text in tab one.</Tab>
</Tabs>
"""


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_mdx_jsx_expressions_and_esm_are_not_copy(eol):
    document = parse_document("docs/page.mdx", MDX_PAGE.replace("\n", eol))
    assert document.format == "mdx"
    assert blocks(document) == [
        (["meta", "meta.title"], "Sell everywhere", (2, 8, 2, 23)),
        (["heading", "heading.h1"], "One stock count for", (11, 3, 11, 22)),
        (["paragraph"], "We leverage a single count.", (14, 1, 14, 28)),
        (
            ["paragraph"],
            "Stock syncs every five minutes across all stores.",
            (18, 3, 18, 63),
        ),
        (["paragraph"], "Press + to save, or run .", (23, 1, 23, 85)),
        (["paragraph"], "Indented text is copy in MDX, and we leverage it.", (29, 5, 29, 54)),
        (["paragraph"], "Text in tab one.", (32, 25, 32, 41)),
    ]
    assert position(document, "all stores") == (18, 48, 18, 62)


def test_mdx_comments_are_suppression_comments(workspace):
    alerts = workspace.lint_text(MDX_PAGE, "docs/page.mdx")
    assert [row(a)[:6] for a in alerts] == [
        ("t.terms.leverage", 29, 42, 29, 50, "leverage"),
    ]


def test_mdx_html_comments_work_too():
    document = parse_document("a.mdx", "<!-- brandlint-disable-next-line x -->\nText.\n")
    assert document.text == "Text."
    assert [(s.rules, s.line) for s in document.suppressions] == [(("x",), 2)]


def test_display_math_is_not_copy_in_markdown():
    source = "Energy is $$E = mc^2$$ here.\n\n$$\n\\frac{a}{b}\n$$\n\nCosts $5 or $$$, `$$x$$`.\n"
    document = parse_document("post.md", source)
    assert document.text == "Energy is  here.\n\nCosts $5 or $$$, ."


# --- 6. Alert spans never start or end inside markup --------------------------------------


def test_a_span_starting_on_a_line_break_starts_on_the_copy():
    document = parse_document("post.md", "We sell\n**everywhere**<br>today.\n")
    assert document.text == "We sell everywhere today."
    at = document.text.index(" everywhere")
    span = document.source_span(at, at + len(" everywhere "))
    assert document.source[span.offset : span.end_offset] == "everywhere"


words = st.sampled_from(["Kestrel", "stock", "naïve", "ọjà", "sale", "it's", "e-mail", "99"])
phrase = st.lists(words, min_size=1, max_size=5).map(" ".join)
# Markup that may sit inside a word (`Kes*trel*`) is kept between words here, so each word
# of the copy is one run of source; code, breaks, entities and escapes may touch words.
inline = st.one_of(
    phrase,
    phrase.map(lambda p: f" *{p}* "),
    phrase.map(lambda p: f" **{p}** "),
    phrase.map(lambda p: f" ~~{p}~~ "),
    phrase.map(lambda p: f" [{p}](https://example.com/CODEWORD) "),
    phrase.map(lambda p: f" <b>{p}</b> "),
    phrase.map(lambda p: f' <a href="/x">{p}</a> '),
    st.sampled_from(
        [
            "`CODEWORD x` ",
            "``CODEWORD ` x`` ",
            "<code>CODEWORD</code>",
            "<kbd>CODEWORD</kbd>",
            " https://example.com/CODEWORD ",
            " CODEWORD@example.com ",
            " /usr/CODEWORD/bin ",
            "$$CODEWORD$$ ",
            "&amp;",
            "\\*",
            "<br>",
        ]
    ),
)
joiner = st.sampled_from([" ", "", "\n"])
paragraph = st.lists(st.tuples(inline, joiner), min_size=1, max_size=6).map(
    lambda parts: "".join(a + b for a, b in parts).strip()
)
markdown = st.lists(
    st.one_of(
        paragraph,
        paragraph.map(lambda p: "# " + p.replace("\n", " ")),
        paragraph.map(lambda p: "- " + p),
        paragraph.map(lambda p: "> " + p),
        st.just("$$\nCODEWORD = mc^2\n$$"),
    ),
    min_size=1,
    max_size=4,
).map(lambda b: "\n\n".join(b) + "\n")
eol = st.sampled_from(["\n", "\r\n", "\r"])


def check_words(document: Document) -> None:
    """Each word of each block maps to exactly that word in the source (a masked link's
    scheme, `https://***`, is not a word of the copy: it maps to the whole link)."""
    for block in document.blocks:
        for found in re.finditer(r"\w+", document.block_text(block)):
            start, end = block.start + found.start(), block.start + found.end()
            if document.text[end : end + 4] == "://*":
                continue
            span = document.source_span(start, end)
            assert document.source[span.offset : span.end_offset] == found.group()
            assert document.lines.span(span.offset, span.end_offset) == span


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(markdown, eol)
def test_every_word_maps_to_itself_in_the_source(source, newline):
    document = parse_document("doc.md", source.replace("\n", newline))
    assert "CODEWORD" not in document.text
    check_words(document)
    for segment in document.position_map.segments:
        assert segment.source_start < segment.source_end


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(markdown, eol)
def test_every_word_maps_to_itself_in_mdx(source, newline):
    mdx = source.replace("$$CODEWORD$$", "{props.CODEWORD}").replace(
        "<br>", '<Badge label="CODEWORD" />'
    )
    document = parse_document(
        "doc.mdx", ("import X from 'CODEWORD'\n\n" + mdx).replace("\n", newline)
    )
    assert "CODEWORD" not in document.text
    check_words(document)


@settings(max_examples=200)
@given(st.lists(st.tuples(st.text(alphabet="ab \t\u00a0", max_size=5), eol), max_size=8))
def test_line_index_positions_round_trip(lines):
    source = "".join(text + newline for text, newline in lines)
    assume(source.count("\r\n") == sum(newline == "\r\n" for _, newline in lines))
    index = LineIndex(source)
    assert len(index.starts) == len(lines) + 1
    for number, (text, _) in enumerate(lines, start=1):
        assert index.line_text(number) == text
        for column in range(1, len(text) + 2):
            offset = index.offset(number, column)
            assert index.position(offset) == (number, column)
