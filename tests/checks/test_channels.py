"""Channel limits and required wording, each at its exact place."""

from __future__ import annotations

import pytest

from tests.conftest import row

GUIDE = """
name: t
channels:
  "sms/**": sms
  "social/**": social
  "push/**": push
  "email/**": email
  "ads/**": search-ads
  "web/**": web
rules:
  t.sms: {extends: sms, level: error, channels: [sms], max_segments: 1}
  t.stop: {extends: required, level: error, channels: [sms], text: Reply STOP to opt out., at: end}
  t.social: {extends: length, level: error, channels: [social], field: body, count: x, max: 280}
  t.tags: {extends: hashtags, level: warning, channels: [social], max: 2}
  t.push-title: {extends: length, level: error, channels: [push], field: title, max: 40}
  t.push-body: {extends: length, level: error, channels: [push], field: body, max: 120}
  t.subject: {extends: length, level: error, channels: [email], field: subject, max: 60}
  t.unsubscribe: {extends: required, level: error, channels: [email], text: Unsubscribe}
  t.headline: {extends: length, level: error, channels: [search-ads], field: headline, max: 30}
  t.h1: {extends: headings, level: error, channels: [web], h1: 1}
  t.meta: {extends: length, level: warning, channels: [web], field: description, max: 155}
  t.terms: {extends: required, level: error, text: Terms apply., when: '[$€£]\\s?\\d+|free trial'}
"""


@pytest.fixture
def lint(lint_with):
    return lint_with(GUIDE)


def test_gsm7_message_over_160_characters_needs_two_segments(lint):
    text = (
        "Flash sale: 20% off Kestrel Go in every store this weekend only, while stocks last. "
        "Show this text at the till and save more on card readers. Reply STOP to opt out."
    )
    (alert,) = lint(text + "\n", name="sms/flash.txt")
    assert row(alert) == ("t.sms", 1, 161, 1, 165, "out.", ())
    assert alert.message == (
        "This SMS needs 2 segments: 164 GSM-7 characters, and 1 segment holds 160."
    )


def test_extension_characters_count_twice(lint):
    text = (
        "Save 20€ on every order this weekend [online and in store]. Use code {SPRING} at "
        "the till ~ ends Sunday at six, so bring a friend along. Reply STOP to opt out."
    )
    assert len(text) == 159
    (alert,) = lint(text + "\n", name="sms/ext.txt")
    assert row(alert) == ("t.sms", 1, 155, 1, 160, " out.", ())
    assert alert.message.startswith("This SMS needs 2 segments: 165 GSM-7 characters")


def test_one_curly_apostrophe_forces_unicode_and_is_named(lint):
    text = "Kestrel Go’s spring offer starts today in every store near you. Reply STOP to opt out."
    (alert,) = lint(text + "\n", name="sms/unicode.txt")
    assert row(alert) == ("t.sms", 1, 11, 1, 12, "’", ())
    assert alert.message == (
        "This SMS needs 2 segments: 86 UCS-2 code units, and 1 segment "
        "holds 70. '’' is not in the GSM-7 alphabet and forces Unicode."
    )


def test_an_emoji_takes_two_ucs2_units(lint):
    fits = "Your Kestrel Go order is ready 🎉 Collect it at the counter, love Kest"
    assert lint(fits + "\n\nReply STOP to opt out.\n", name="sms/a.txt")[0].rule == "t.sms"
    assert [a.rule for a in lint(fits + "\n", name="sms/b.txt")] == ["t.stop"]
    (alert, _) = lint(fits + "e\n", name="sms/c.txt")
    assert row(alert) == ("t.sms", 1, 32, 1, 33, "🎉", ())


def test_sms_must_end_with_the_opt_out(lint):
    (alert,) = lint("Flash sale today only.\n", name="sms/x.txt")
    assert row(alert) == ("t.stop", 1, 23, 1, 23, "", (" Reply STOP to opt out.",))
    assert alert.message == "This piece must end with 'Reply STOP to opt out.' for sms copy."
    (alert,) = lint("Reply STOP to opt out. Flash sale today only.\n", name="sms/y.txt")
    assert row(alert) == ("t.stop", 1, 1, 1, 23, "Reply STOP to opt out.", ())
    assert alert.message == "'Reply STOP to opt out.' must come last for sms copy."


def test_social_length_counts_urls_as_23_and_emoji_as_2(lint):
    url = "https://example.com/blog/2026/spring-stock-count-for-every-channel-kestrel-cloud"
    words = "Spring is here 🌷 and so is one stock count for every channel. " * 4
    text = f"{words}Read more at {url} #retail"
    # 4 × 63 + 1 per emoji, "Read more at " 13, URL 23, " #retail" 8
    assert len(words) == 4 * 62
    (alert,) = lint(text + "\n", name="social/post.md")
    assert alert.rule == "t.social"
    assert alert.message == (
        "The post is 296 weighted characters; the limit for social copy is 280."
    )
    assert alert.match == f"{url} #retail"  # the link is never cut in two


def test_more_than_two_hashtags(lint):
    (alert,) = lint("New stores open today #retail #kestrel #sale\n", name="social/p.md")
    assert row(alert) == ("t.tags", 1, 40, 1, 45, "#sale", ("",))


def test_push_title_and_body_limits_in_a_yaml_copy_deck(lint):
    deck = (
        "channel: push\n"
        "pieces:\n"
        "  - id: ready\n"
        "    title: Your Kestrel Go order is ready for pickup at the counter\n"
        "    body: Ready at the Leeds store. Show this message at the counter and a member of"
        " the team will hand it over in under a minute. Thanks!\n"
        "  - id: late\n"
        "    title: Your order is running late\n"
        "    body: Sorry, your order is running late.\n"
    )
    alerts = lint(deck, name="push/orders.copy.yaml")
    assert [row(a) for a in alerts] == [
        ("t.push-title", 4, 52, 4, 68, "p at the counter", ()),
        ("t.push-body", 5, 131, 5, 139, " Thanks!", ()),
    ]
    assert alerts[0].message == "The title is 56 characters; the limit for push copy is 40."
    assert alerts[1].message == "The text is 128 characters; the limit for push copy is 120."


def test_email_subject_from_front_matter_and_html_title(lint):
    md = (
        "---\nsubject: Your spring guide to selling everywhere with Kestrel Cloud and Pay\n---\n"
        "Hello. Unsubscribe here.\n"
    )
    (alert,) = lint(md, name="email/a.md")
    assert row(alert) == ("t.subject", 2, 70, 2, 76, "nd Pay", ())
    html = (
        "<html><head><title>Your spring guide to selling everywhere with Kestrel Cloud and "
        "Pay</title></head><body><p>Hi.</p></body></html>\n"
    )
    alerts = lint(html, name="email/b.html")
    assert [a.rule for a in alerts] == ["t.subject", "t.unsubscribe"]
    assert alerts[1].message == "This piece must include 'Unsubscribe' for email copy."


def test_search_ad_headlines_in_a_json_deck(lint):
    deck = (
        '{"channel": "search-ads", "headlines": ["Sell everywhere", '
        '"One stock count for every store"]}\n'
    )
    (alert,) = lint(deck, name="ads/a.copy.json")
    assert row(alert) == ("t.headline", 1, 91, 1, 92, "e", ())
    assert alert.message == "The headline is 31 characters; the limit for search-ads copy is 30."


def test_web_page_needs_one_h1_and_a_short_meta_description(lint):
    page = (
        "---\ndescription: " + "Kestrel keeps stock in sync. " * 6 + "\n---\n"
        "# Pricing\n\nText.\n\n# Plans\n\nMore.\n"
    )
    alerts = lint(page, name="web/pricing.md")
    assert [(a.rule, a.span.line, a.span.column) for a in alerts] == [
        ("t.meta", 2, 169),
        ("t.h1", 8, 3),
    ]
    assert alerts[1].message == "A page has 1 H1 heading; this is number 2. Make it an H2."
    (alert,) = lint("Just text.\n", name="web/none.md")
    assert alert.message == "This page has no H1 heading; it needs 1."


def test_a_price_or_free_trial_needs_terms(lint):
    (alert,) = lint("Card readers from £29 a month.\n", name="misc/offer.md")
    assert row(alert) == ("t.terms", 1, 19, 1, 22, "£29", ())
    assert alert.message == "'£29' needs 'Terms apply.' in the piece."
    assert lint("Start your free trial. Terms apply.\n", name="misc/ok.md") == []


def test_a_cut_on_the_break_between_paragraphs_starts_the_alert_at_the_next_one(lint):
    # 120 characters end the first paragraph exactly: the first character over the limit
    # is the paragraph break, which is in no line, so the alert starts on the second one
    first = "Kestrel Go is here: take card payments in store and online from one small reader."
    first += " Set up in minutes."
    first = first.ljust(120, "!")
    (alert,) = lint(f"{first}\n\nOrders sync to every till.\n", name="push/launch.md")
    assert row(alert) == ("t.push-body", 3, 1, 3, 27, "Orders sync to every till.", ())
    assert alert.message == "The text is 148 characters; the limit for push copy is 120."
