"""Localisation files through translate-toolkit: translations in the target language."""

from __future__ import annotations

import shutil
from pathlib import Path

from brandlint.document.reader import format_of, parse_document
from brandlint.workspace import Workspace

FIXTURES = Path(__file__).parent.parent / "fixtures" / "formats"


def read(name: str):
    path = FIXTURES / name
    return parse_document(str(path), path.read_text(encoding="utf-8"))


def blocks(document):
    out = []
    for block in document.blocks:
        span = document.source_span(block.start, block.end)
        where = (span.line, span.column, span.end_line, span.end_column)
        out.append((sorted(block.scopes), document.block_text(block), where))
    return out


def test_po_translations_in_the_target_language():
    document = read("checkout.de.po")
    assert format_of("de/checkout.po") == document.format == "po"
    assert document.lang == "de"
    # the header, msgids, the context and the obsolete entry are not copy; each plural form
    # is a block; joined strings read as one, `\"` as `"`
    assert blocks(document) == [
        (["target"], "Jetzt bezahlen", (12, 9, 12, 23)),
        (
            ["target"],
            "Ihre Bestellung wird in %(days)s Tagen versandt. Wir nutzen Synergien, um "
            '"schnell" zu liefern.',
            (18, 2, 19, 28),
        ),
        (["target"], "Ein Artikel", (24, 12, 24, 23)),
        (["target"], "%d Artikel", (25, 12, 25, 22)),
        (["target"], "Synergien", (29, 9, 29, 18)),
    ]
    quoted = document.text.index('"schnell"')
    span = document.source_span(quoted, quoted + len('"schnell"'))
    assert (span.line, span.column, document.source[span.offset : span.end_offset]) == (
        19,
        5,
        '\\"schnell\\"',
    )
    # `# brandlint-disable-next-line` covers the whole entry under it
    assert [(s.rules, s.line, s.end_line) for s in document.suppressions] == [((), 28, 29)]


def test_a_template_lints_its_source_strings():
    document = read("checkout.pot")
    assert document.lang is None  # a PO file names no source language: the guide's
    assert blocks(document) == [
        (["source"], "Pay now", (7, 8, 7, 15)),
        (["source"], "We leverage our network so your order ships fast.", (11, 8, 11, 57)),
    ]


def test_xliff_1_2_targets():
    document = read("app.fr.xlf")
    assert format_of("app.fr.xlf") == document.format == "xliff"
    assert document.lang == "fr"
    # a placeholder is a mask, `&amp;` reads `&`, `<g>` stands for nothing; alt-trans and
    # notes are not copy
    assert blocks(document) == [
        (["target"], "Payer maintenant", (7, 17, 7, 33)),
        (
            ["target"],
            "Votre commande part sous  jours & arrive vite, nous tirons parti de la synergie.",
            (11, 17, 12, 46),
        ),
        (["target"], "Synergie", (19, 62, 19, 70)),
    ]
    assert [(s.line, s.end_line) for s in document.suppressions] == [(19, 19)]


def test_xliff_2_0_targets():
    document = read("app.de.xliff")
    assert document.lang == "de"
    assert blocks(document) == [
        (["target"], "Willkommen bei Kestrel, !", (8, 17, 8, 68)),
        (["target"], "Wir nutzen Ihre Daten, um den Bestand abzugleichen.", (12, 17, 12, 84)),
    ]


def test_an_untranslated_xliff_lints_its_sources_in_the_source_language():
    source = (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en-GB">\n'
        ' <file id="f"><unit id="u"><segment>\n'
        "  <source>We leverage synergy.</source>\n"
        " </segment></unit></file>\n</xliff>\n"
    )
    document = parse_document("new.xliff", source)
    assert document.lang == "en-GB"
    assert blocks(document) == [(["source"], "We leverage synergy.", (3, 11, 3, 31))]


def test_alerts_on_translations_are_in_the_file(tmp_path):
    (tmp_path / "brandlint.yaml").write_text(
        "name: t\nlang: en\nterms:\n  - avoid: [Synergien]\n    lang: de\n"
    )
    path = tmp_path / "checkout.de.po"
    shutil.copy(FIXTURES / "checkout.de.po", path)
    alerts = Workspace().lint_file(path)
    # line 29's is under a directive; line 18's is linted in German
    assert [(a.span.line, a.span.column, a.match, a.lang) for a in alerts] == [
        (18, 62, "Synergien", "de")
    ]
