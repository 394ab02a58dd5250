"""Glossaries (CSV, XLSX) and other tools' word lists (Vale, cspell, prh, textlint) read
as termbases, and the rules they give."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandlint.guide.termbases import load_termbase
from brandlint.guide.termbases.exchange import term_sets, write_csv
from brandlint.guide.termbases.model import Concept, Designation, LangSection, TermbaseError
from brandlint.guide.termbases.rules import RuleEntry, termbase_entries
from brandlint.guide.termbases.tables import parse_role

FIXTURES = Path(__file__).parent.parent / "fixtures" / "termbases"
NO_PREFERRED = "'%s' is deprecated in en, and the termbase gives no preferred term to use."


def entries(name: str, **kwargs: object) -> list[RuleEntry]:
    return termbase_entries(load_termbase(FIXTURES / name, **kwargs), "en")  # type: ignore[arg-type]


def test_crowdin_layout_groups_rows_by_concept_and_reads_statuses():
    assert entries("crowdin-glossary.csv") == [
        RuleEntry(
            "en.1",
            "term",
            {
                "use": "checkout",
                "instead_of": ["check-out"],
                "lang": ["en"],
                "reason": "Hyphenate only the verb phrase.",
            },
            3,
        ),
        RuleEntry(
            "en.2",
            "term",
            {
                "use": "top up",
                "instead_of": ["recharge"],
                "lang": ["en"],
                "reason": "Adding money to a Kestrel balance.",
            },
            5,
        ),
    ]


def test_lokalise_layout_reads_case_sensitive_and_forbidden_per_row():
    termbase = load_termbase(FIXTURES / "lokalise-glossary.csv")
    assert termbase.notes == ((1, "column 'translatable' is not read (map it under 'columns:')"),)
    assert [(e.key, e.data) for e in termbase_entries(termbase, "en")] == [
        (
            "en.kestrel-pay",
            {
                "use": "Kestrel Pay",
                "case": "exact",
                "lang": ["en"],
                "reason": "Our payment service",
            },
        ),
        (
            "nb.kestrel-pay",
            {
                "use": "Kestrel Pay",
                "case": "exact",
                "lang": ["nb", "no"],
                "reason": "Our payment service",
            },
        ),
        (
            "en.cheap",
            {
                "avoid": ["cheap"],
                "message": NO_PREFERRED,
                "lang": ["en"],
                "reason": "Sounds low quality",
            },
        ),
        (
            "nb.cheap",
            {
                "avoid": ["billig"],
                "message": NO_PREFERRED.replace(" en,", " nb,"),
                "lang": ["nb", "no"],
                "reason": "Høres lav kvalitet ut",
            },
        ),
    ]


def test_columns_mapping_reads_any_layout():
    columns = {
        "English": parse_role("term:en"),
        "Magyar": parse_role("term:hu"),
        "Usage": parse_role("status"),
        "Comment": parse_role("note"),
    }
    assert [(e.key, e.data) for e in entries("acme-sheet.csv", columns=columns)] == [
        (
            "en.sign-up",
            {
                "avoid": ["sign-up"],
                "message": NO_PREFERRED,
                "lang": ["en"],
                "reason": 'Note: Use "sign up" as the verb',
            },
        ),
        (
            "hu.sign-up",
            {
                "avoid": ["regisztráció"],
                "message": NO_PREFERRED.replace(" en,", " hu,"),
                "lang": ["hu"],
                "reason": 'Note: Use "sign up" as the verb',
            },
        ),
    ]


def test_columns_mapping_naming_a_missing_header_is_an_error_at_the_header_row():
    with pytest.raises(TermbaseError) as caught:
        load_termbase(FIXTURES / "acme-sheet.csv", columns={"Deutsch": parse_role("term:de")})
    assert (caught.value.line, caught.value.message.split(" in ")[0]) == (
        1,
        "no column named 'Deutsch'",
    )


def test_unknown_status_names_row_and_column(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("en,status\nwallet,preferred\ne-purse,retired\n", encoding="utf-8")
    with pytest.raises(TermbaseError) as caught:
        load_termbase(path)
    assert (caught.value.line, caught.value.column) == (3, 2)
    assert caught.value.message.startswith("status 'retired' is not one brandlint knows")


def test_xlsx_glossary_reads_like_its_csv(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in (
        ("Concept ID", "Term [en]", "Status [en]", "Term [nb]", "Status [nb]"),
        ("7", "sign in", "preferred", "logg inn", "preferred"),
        ("7", "logon", "obsolete", "pålogging", "not recommended"),
    ):
        sheet.append(row)
    book.save(tmp_path / "glossary.xlsx")
    assert [
        (e.key, e.data, e.line)
        for e in termbase_entries(load_termbase(tmp_path / "glossary.xlsx"), "en")
    ] == [
        ("en.7", {"use": "sign in", "instead_of": ["logon"], "lang": ["en"]}, 3),
        ("nb.7", {"use": "logg inn", "instead_of": ["pålogging"], "lang": ["nb", "no"]}, 3),
    ]


def test_vale_accept_words_are_exact_names_and_patterns_are_noted():
    termbase = load_termbase(FIXTURES / "accept.txt")
    assert [(e.key, e.data) for e in termbase_entries(termbase, "en")] == [
        ("en.kestrel", {"use": "Kestrel", "case": "exact", "lang": ["en"]}),
        ("en.kestrel-cloud", {"use": "Kestrel Cloud", "case": "exact", "lang": ["en"]}),
    ]
    assert [line for line, _ in termbase.notes] == [3]


def test_vale_reject_words_are_banned_and_patterns_become_existence_rules():
    assert [(e.key, e.kind, e.data) for e in entries("reject.txt")] == [
        ("en.synergy", "term", {"avoid": ["synergy"], "message": NO_PREFERRED, "lang": ["en"]}),
        ("en.leverage", "term", {"avoid": ["leverage"], "message": NO_PREFERRED, "lang": ["en"]}),
        (
            "ban.best-in-class",
            "existence",
            {"tokens": ["best[- ]in[- ]class"], "message": "Avoid '%s'.", "lang": ["en"]},
        ),
    ]


def test_cspell_flag_words_with_suggestions():
    assert [(e.key, e.data, e.line) for e in entries("cspell.json")] == [
        ("en.hte", {"avoid": ["hte"], "message": NO_PREFERRED, "lang": ["en"]}, 6),
        ("en.e-mail", {"use": "email", "instead_of": ["e-mail"], "lang": ["en"]}, 7),
        (
            "en.whitelist",
            {"avoid": ["whitelist"], "suggest": ["allowlist", "allow list"], "lang": ["en"]},
            8,
        ),
    ]


def test_prh_rules_become_swaps_with_their_specs_as_examples():
    assert [(e.key, e.kind, e.data) for e in entries("prh.yml")] == [
        (
            "swap.kestrel-cloud",
            "substitution",
            {
                "swap": {"Kestrel\\ Cloud": "Kestrel Cloud"},
                "lang": ["en"],
                "ignorecase": True,
                "examples": {"flag": ["kestrel cloud"]},
            },
        ),
        (
            "swap.sign-in-page",
            "substitution",
            {
                "swap": {"sign[ -]?on page": "sign-in page"},
                "lang": ["en"],
                "ignorecase": False,
                "examples": {"flag": ["Open the signon page."], "pass": ["Open the sign-in page."]},
            },
        ),
    ]


def test_a_failing_prh_spec_is_an_error_at_its_line(tmp_path):
    path = tmp_path / "prh.yml"
    path.write_text(
        "version: 1\nrules:\n  - expected: JavaScript\n    pattern: /java script/\n"
        "    specs:\n      - from: Javascript\n        to: JavaScript\n",
        encoding="utf-8",
    )
    with pytest.raises(TermbaseError) as caught:
        load_termbase(path)
    assert (caught.value.line, caught.value.message) == (
        6,
        "spec failed: 'Javascript' becomes 'Javascript', not 'JavaScript'; "
        "fix the rule or the spec",
    )


def test_textlint_terminology_terms_and_pairs():
    assert [(e.key, e.kind, e.data) for e in entries("terminology.json")] == [
        ("en.kestrel-pay", "term", {"use": "Kestrel Pay", "case": "exact", "lang": ["en"]}),
        (
            "swap.wallet",
            "substitution",
            {"swap": {"e[- ]?wallets?": "wallet"}, "lang": ["en"], "ignorecase": True},
        ),
    ]


_words = st.text(st.characters(categories=("L",)), min_size=1, max_size=12)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["en", "hu", "nb", "en-GB"]),
            _words,
            st.lists(_words, max_size=3),
            st.booleans(),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_csv_export_reads_back_as_the_same_terms(tmp_path_factory, rows):
    concepts = [
        Concept(
            f"c{n}",
            (
                LangSection(
                    tag,
                    (
                        Designation(use, "preferred", exact=exact),
                        *(Designation(w, "deprecated") for w in dict.fromkeys(bad) if w != use),
                    ),
                ),
            ),
        )
        for n, (tag, use, bad, exact) in enumerate(rows)
    ]
    path = tmp_path_factory.mktemp("csv") / "export.csv"
    path.write_text(write_csv(concepts), encoding="utf-8")
    assert term_sets(load_termbase(path).concepts, "en") == term_sets(concepts, "en")
