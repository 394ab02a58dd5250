"""HTML to copy: block scopes, attributes that are copy, and what is never copy."""

from __future__ import annotations

from brandlint.document.reader import parse_document

PAGE = """<!doctype html>
<html lang="hu-HU">
<head>
  <title>Kestrel &amp; you</title>
  <meta name="description" content="Sell everywhere">
  <style>p { color: #f0f; }</style>
  <script>var leverage = 1;</script>
</head>
<body>
  <h2>Hello   <em>world</em></h2>
  <p>We <a href="https://x.test/leverage">ship</a> daily.<br>Next&nbsp;day.
     <img src="a.png" alt="Image of a &quot;parcel&quot;" title="Parcel"></p>
  <ul><li>One</li><li>Two</li></ul>
  <pre><code>leverage()</code></pre>
  <table><tr><th>Plan</th><td>Pro</td></tr></table>
</body>
</html>
"""


def test_blocks_scopes_and_positions():
    document = parse_document("page.html", PAGE)
    found = []
    for block in document.blocks:
        span = document.source_span(block.start, block.end)
        found.append((sorted(block.scopes), document.block_text(block), span.line, span.column))
    assert found == [
        (["meta.title", "title"], "Kestrel & you", 4, 10),
        (["meta.description"], "Sell everywhere", 5, 37),
        (["heading", "heading.h2"], "Hello world", 10, 7),
        (["alt"], 'Image of a "parcel"', 12, 28),
        (["title"], "Parcel", 12, 66),
        (["paragraph"], "We ship daily. Next\xa0day.", 11, 6),
        (["list"], "One", 13, 11),
        (["list"], "Two", 13, 23),
        (["table", "table.header"], "Plan", 15, 18),
        (["table", "table.cell"], "Pro", 15, 31),
    ]
    assert document.lang == "hu-HU"
    assert "leverage" not in document.text


def test_character_references_map_to_their_source():
    document = parse_document("page.html", "<p>Fish &amp; chips &#8212; now</p>")
    assert document.text == "Fish & chips \u2014 now"
    dash = document.text.index("\u2014")
    span = document.source_span(dash, dash + 1)
    assert (span.column, span.end_column) == (21, 28)


def test_comments_become_suppressions_with_lines():
    document = parse_document(
        "page.html", "<p>a</p>\n<!-- brandlint-disable-next-line x.y -->\n<p>b</p>\n"
    )
    (suppression,) = document.suppressions
    assert (suppression.rules, suppression.line, suppression.end_line) == (("x.y",), 3, 3)
