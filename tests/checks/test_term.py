"""Guide terms: preferred terms, banned words, exact names, inflections, context, marks."""

from __future__ import annotations

import pytest

from tests.conftest import row

GUIDE = """
name: acme
terms:
  - id: names.acme-cloud
    use: Acme Cloud
    case: exact
    instead_of: [ACloud]
    level: error
  - use: sign in
    instead_of: [log in, login]
  - avoid: leverage
    suggest: use
    reason: Jargon.
  - avoid: [click here]
    message: "Say where the link goes instead of '%s'."
  - use: check out
    instead_of: [checkout]
    preceded_by: [to, please]
    followed_by: [your, the]
    inflect: false
  - use: Acme Pay
    case: exact
    first_mention:
      text: Acme Pay®
      channels: [web]
  - use: email
    instead_of: [e-mail]
    lang: en
"""


@pytest.fixture
def lint(lint_with):
    return lint_with(GUIDE)


def test_exact_name_flags_wrong_case_joined_and_hyphenated_forms(lint):
    alerts = lint("Try Acme cloud, AcmeCloud, Acme-Cloud or ACloud. Acme Cloud is fine.\n")
    assert [row(a) for a in alerts] == [
        ("acme.terms.names.acme-cloud", 1, 5, 1, 15, "Acme cloud", ("Acme Cloud",)),
        ("acme.terms.names.acme-cloud", 1, 17, 1, 26, "AcmeCloud", ("Acme Cloud",)),
        ("acme.terms.names.acme-cloud", 1, 28, 1, 38, "Acme-Cloud", ("Acme Cloud",)),
        ("acme.terms.names.acme-cloud", 1, 42, 1, 48, "ACloud", ("Acme Cloud",)),
    ]
    assert alerts[0].message == "Write 'Acme Cloud', not 'Acme cloud'."
    assert str(alerts[0].level) == "error"


def test_preferred_term_fix_is_inflected_like_the_match(lint):
    alerts = lint("Staff logged in early. Logging in takes a second. Log in now.\n")
    assert [(a.match, a.replacements, a.message) for a in alerts] == [
        ("logged in", ("signed in",), "Use 'signed in' instead of 'logged in'."),
        ("Logging in", ("Signing in",), "Use 'Signing in' instead of 'Logging in'."),
        ("Log in", ("Sign in",), "Use 'Sign in' instead of 'Log in'."),
    ]


def test_banned_word_matches_every_inflection_and_keeps_sentence_case(lint):
    alerts = lint("Leveraging data is easy. We leveraged it. Teams leverage reports.\n")
    assert [(a.span.column, a.match, a.replacements) for a in alerts] == [
        (1, "Leveraging", ("Using",)),
        (29, "leveraged", ("used",)),
        (49, "leverage", ("use",)),
    ]
    assert alerts[2].message == "Avoid 'leverage'; use 'use'."
    assert alerts[2].reason == "Jargon."


def test_custom_message_fills_in_the_match(lint):
    (alert,) = lint("[Click here](https://example.com) to start.\n")
    assert row(alert) == ("acme.terms.click-here", 1, 2, 1, 12, "Click here", ())
    assert alert.message == "Say where the link goes instead of 'Click here'."


def test_context_words_limit_a_term_to_verb_uses(lint):
    alerts = lint("Please checkout your basket. The checkout is fast. Go to checkout.\n")
    assert [row(a) for a in alerts] == [
        ("acme.terms.check-out", 1, 8, 1, 16, "checkout", ("check out",)),
        ("acme.terms.check-out", 1, 58, 1, 66, "checkout", ("check out",)),
    ]


def test_first_mention_needs_the_mark_and_later_mentions_drop_it(lint):
    copy = "---\nchannel: web\n---\nAcme Pay is here.\n\nPay with Acme Pay® today.\n"
    alerts = lint(copy)
    assert [row(a) for a in alerts] == [
        ("acme.terms.acme-pay", 4, 1, 4, 9, "Acme Pay", ("Acme Pay®",)),
        ("acme.terms.acme-pay", 6, 10, 6, 19, "Acme Pay®", ("Acme Pay",)),
    ]
    assert alerts[1].message == "Only the first mention carries '®'; write 'Acme Pay'."


def test_first_mention_rule_only_applies_on_its_channels(lint):
    assert lint("---\nchannel: email\n---\nAcme Pay is here. Acme Pay® too.\n") == []


def test_language_limited_term_skips_other_languages(lint):
    assert lint("---\nlang: hu\n---\nKüldje e-mail-ben.\n\nAz e-mail gyors.\n") == []
    (alert,) = lint("Send an e-mail.\n")
    assert row(alert) == ("acme.terms.email", 1, 9, 1, 15, "e-mail", ("email",))


def test_longest_overlapping_term_wins(lint_with):
    lint = lint_with("""
        name: acme
        terms:
          - use: Acme
            case: exact
          - use: Acme Cloud
            case: exact
    """)
    alerts = lint("Meet ACME CLOUD today.\n")
    assert [row(a) for a in alerts] == [
        ("acme.terms.acme-cloud", 1, 6, 1, 16, "ACME CLOUD", ("Acme Cloud",)),
    ]


def test_term_exceptions_keep_listed_phrases(lint_with):
    lint = lint_with("""
        name: acme
        terms:
          - avoid: [free]
            exceptions: [Free Trial]
    """)
    alerts = lint("Start your Free Trial. It is free.\n")
    assert [row(a) for a in alerts] == [("acme.terms.free", 1, 30, 1, 34, "free", ())]
