"""Tone rules: length, punctuation, capitals, emoji, voice, contractions, person, headings."""

from __future__ import annotations

import pytest

from tests.conftest import row

GUIDE = """
name: t
channels:
  "sms/**": sms
  "social/**": social
  "web/**": web
terms:
  - use: Kestrel Cloud
    case: exact
rules:
  t.sentences:
    extends: sentence-length
    max: 12
    per_channel: {sms: {max: 6}}
  t.paragraphs: {extends: paragraph-length, max_sentences: 3}
  t.bangs: {extends: exclamation, max: 1, forbid: ["!!", "?!"]}
  t.caps: {extends: caps, min_length: 4, exceptions: [HTML]}
  t.emoji: {extends: emoji, channels: [social, web], per_channel: {social: {max: 1}, web: {max: 0}}}
  t.passive: {extends: passive, level: suggestion}
  t.contractions: {extends: contractions, prefer: contracted, types: [~legal]}
  t.formal: {extends: contractions, prefer: expanded, types: [legal]}
  t.person: {extends: person, reader: [the customer, users], brand: [the company]}
  t.headings: {extends: capitalization, match: $sentence, threshold: 1, scope: heading}
"""


@pytest.fixture
def lint(lint_with):
    return lint_with(GUIDE)


def only(alerts, rule):
    return [row(a) for a in alerts if a.rule == rule]


def test_sentence_length_with_a_tighter_limit_per_channel(lint):
    text = "Our stores and web shop share one stock count today. Sell more.\n"
    assert only(lint(text, name="misc/a.md"), "t.sentences") == []
    (alert,) = [a for a in lint(text, name="sms/a.txt") if a.rule == "t.sentences"]
    assert row(alert) == (
        "t.sentences",
        1,
        1,
        1,
        53,
        "Our stores and web shop share one stock count today.",
        (),
    )
    assert alert.message == (
        "This sentence has 10 words; keep sentences to 6 or fewer for sms copy."
    )


def test_paragraph_with_too_many_sentences(lint):
    alerts = lint("One. Two. Three. Four.\n\nFine. Short.\n")
    (alert,) = [a for a in alerts if a.rule == "t.paragraphs"]
    assert row(alert) == ("t.paragraphs", 1, 1, 1, 23, "One. Two. Three. Four.", ())
    assert alert.message == "This paragraph has 4 sentences (at most 3); split it."


def test_exclamation_runs_and_more_than_one_per_paragraph(lint):
    alerts = [
        a for a in lint("New stores!! Open today?! Come by!\n\nOne more!\n") if a.rule == "t.bangs"
    ]
    assert [(row(a), a.message) for a in alerts] == [
        (("t.bangs", 1, 11, 1, 13, "!!", ("!",)), "Use one punctuation mark, not '!!'."),
        (("t.bangs", 1, 24, 1, 26, "?!", ("?",)), "Use one punctuation mark, not '?!'."),
        (
            ("t.bangs", 1, 34, 1, 35, "!", (".",)),
            "More than 1 exclamation mark in this paragraph; let the words carry the energy.",
        ),
    ]


def test_capitals_shout_but_acronyms_and_exceptions_do_not(lint):
    alerts = lint("Our BIGGEST sale: SMS and HTML receipts, FREE for all.\n")
    assert only(alerts, "t.caps") == [
        ("t.caps", 1, 5, 1, 12, "BIGGEST", ()),
        ("t.caps", 1, 42, 1, 46, "FREE", ()),
    ]


def test_emoji_limits_per_channel(lint):
    post = "Spring is here 🌷 and our stores are open 👩🏽‍💻 all weekend 🇳🇴\n"
    assert only(lint(post, name="social/p.md"), "t.emoji") == [
        ("t.emoji", 1, 42, 1, 46, "👩🏽‍💻", ("",)),  # one emoji of four code points
        ("t.emoji", 1, 59, 1, 61, "🇳🇴", ("",)),
    ]
    (alert,) = [a for a in lint("# Hello 🌷\n", name="web/p.md") if a.rule == "t.emoji"]
    assert alert.message == "No emoji for web copy: '🌷'."
    assert only(lint(post, name="misc/p.md"), "t.emoji") == []


def test_passive_voice_with_regular_and_irregular_participles(lint):
    alerts = lint("Orders are processed by Kestrel. Your refund was sent. We ship fast.\n")
    assert only(alerts, "t.passive") == [
        ("t.passive", 1, 8, 1, 21, "are processed", ()),
        ("t.passive", 1, 46, 1, 54, "was sent", ()),
    ]


def test_contractions_preferred_except_in_legal_copy_where_they_are_spelled_out(lint):
    alerts = lint("You are all set and we will email you. Yes, it is.\n")
    assert [(a.match, a.replacements) for a in alerts if a.rule == "t.contractions"] == [
        ("You are", ("You're",)),
        ("we will", ("we'll",)),
    ]
    legal = "---\ntype: legal\n---\nYou’re responsible for your account and you are liable.\n"
    alerts = lint(legal)
    assert [
        row(a)
        for a in alerts
        if (a.rule.startswith("t.") and "contraction" in a.rule) or a.rule == "t.formal"
    ] == [("t.formal", 4, 1, 4, 7, "You’re", ("You are",))]


def test_person_talks_to_the_reader_as_you(lint):
    alerts = lint("The customer picks a plan. Users get receipts. The company ships.\n")
    assert [(row(a), a.message) for a in alerts if a.rule == "t.person"] == [
        (
            ("t.person", 1, 1, 1, 13, "The customer", ("You",)),
            "Talk to the reader as 'you', not 'The customer'.",
        ),
        (
            ("t.person", 1, 28, 1, 33, "Users", ("You",)),
            "Talk to the reader as 'you', not 'Users'.",
        ),
        (
            ("t.person", 1, 48, 1, 59, "The company", ("We",)),
            "Talk to the brand as 'we', not 'The company'.",
        ),
    ]


def test_heading_case_keeps_product_names_from_the_guide(lint):
    alerts = lint("# Sell everywhere with Kestrel Cloud\n\n## Sell Everywhere With Kestrel Cloud\n")
    assert only(alerts, "t.headings") == [
        (
            "t.headings",
            3,
            4,
            3,
            38,
            "Sell Everywhere With Kestrel Cloud",
            ("Sell everywhere with Kestrel Cloud",),
        ),
    ]


def test_emoji_allowed_only_in_some_scopes(lint_with):
    lint = lint_with("""
        name: t
        rules:
          t.emoji: {extends: emoji, allowed_scopes: [list]}
    """)
    alerts = lint("# Launch 🚀\n\n- Free delivery 🎉\n")
    assert [(row(a), a.message) for a in alerts] == [
        (("t.emoji", 1, 10, 1, 11, "🚀", ("",)), "No emoji here: '🚀'.")
    ]
