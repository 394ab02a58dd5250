"""Copy decks in YAML and JSON: fields per piece, positions inside the deck."""

from __future__ import annotations

from brandlint.document.reader import format_of, parse_document

DECK = """\
# brandlint-disable-next-line t.*
channel: push
lang: en
pieces:
  - id: p1
    title: "Your order is ready 🎉"
    body: Pick it up at the counter today.
  - id: p2
    headlines: [Sell everywhere, One stock count]
    url: https://example.com/never-copy
"""


def fields(document):
    out = []
    for block in document.blocks:
        span = document.source_span(block.start, block.end)
        out.append((sorted(block.scopes), document.block_text(block), span.line, span.column))
    return out


def test_yaml_deck_fields_pieces_and_settings():
    document = parse_document("push/orders.copy.yaml", DECK)
    assert document.format == "deck"
    assert document.meta == {"channel": "push", "lang": "en"}
    assert fields(document) == [
        (["field.title", "piece.0"], "Your order is ready 🎉", 6, 13),
        (["field.body", "piece.0"], "Pick it up at the counter today.", 7, 11),
        (["field.headline", "piece.1"], "Sell everywhere", 9, 17),
        (["field.headline", "piece.1"], "One stock count", 9, 34),
    ]
    (suppression,) = document.suppressions
    assert (suppression.rules, suppression.line) == (("t.*",), 2)


def test_json_deck_and_escapes_map_as_a_whole():
    source = '{"channel": "email", "subject": "Caf\\u00e9 news", "preheader": "Fresh beans"}'
    document = parse_document("mail.copy.json", source)
    assert fields(document) == [
        (["field.subject", "piece.0"], "Café news", 1, 34),
        (["field.preheader", "piece.0"], "Fresh beans", 1, 65),
    ]
    subject = document.blocks[0]
    span = document.source_span(subject.start, subject.end)
    assert source[span.offset : span.end_offset] == "Caf\\u00e9 news"


def test_i18n_string_files_walk_nested_keys():
    source = '{"home": {"title": "Sell everywhere", "cta": {"label": "Start now"}}}'
    document = parse_document("en.copy.json", source)
    assert [(sorted(b.scopes), document.block_text(b)) for b in document.blocks] == [
        (["field.title", "piece.0"], "Sell everywhere"),
        (["field.label", "piece.0"], "Start now"),
    ]


def test_deck_file_names():
    assert [
        format_of(n)
        for n in ("a.copy.yaml", "a.copy.yml", "b.copy.json", "brandlint.yaml", "data.json")
    ] == ["deck", "deck", "deck", None, None]


def test_broken_deck_is_one_error_notice():
    document = parse_document("bad.copy.yaml", "pieces: [unclosed\n")
    (notice,) = document.notices
    assert notice.rule == "brandlint.deck" and notice.level == "error"
