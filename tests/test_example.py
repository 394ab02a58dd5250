"""The bundled Kestrel example: section 1 of the guide, flagged where the copy breaks it."""

from __future__ import annotations

from tests.conftest import REPO, row

CONTENT = REPO / "examples" / "kestrel" / "content"


def lint(kestrel, relative):
    return [row(a) for a in kestrel.lint_file(CONTENT / relative) if a.rule.startswith("kestrel.")]


def test_web_page(kestrel):
    assert lint(kestrel, "web/spring-launch.md") == [
        ("kestrel.terms.product-names.kestrel-pay", 8, 1, 8, 12, "Kestrel Pay", ("Kestrel Pay®",)),
        ("kestrel.terms.leverage", 8, 78, 8, 86, "leverage", ("use",)),
        (
            "kestrel.terms.product-names.kestrel-cloud",
            9,
            1,
            9,
            14,
            "Kestrel cloud",
            ("Kestrel Cloud",),
        ),
        ("kestrel.terms.sign-in", 13, 14, 13, 20, "log in", ("sign in",)),
        (
            "kestrel.terms.product-names.kestrel-cloud",
            14,
            3,
            14,
            15,
            "KestrelCloud",
            ("Kestrel Cloud",),
        ),
        ("kestrel.terms.email", 14, 34, 14, 40, "e-mail", ("email",)),
        (
            "kestrel.terms.product-names.kestrel-pay",
            15,
            3,
            15,
            15,
            "Kestrel Pay®",
            ("Kestrel Pay",),
        ),
        ("kestrel.terms.omnichannel", 17, 5, 17, 17, "omni-channel", ("omnichannel",)),
        ("kestrel.terms.empty-superlatives", 18, 24, 18, 35, "world-class", ()),
        ("kestrel.terms.guaranteed", 18, 65, 18, 75, "guaranteed", ()),
        ("kestrel.terms.click-here", 22, 32, 22, 42, "Click here", ()),
        ("kestrel.terms.check-out-verb", 23, 17, 23, 25, "checkout", ("check out",)),
        ("kestrel.terms.company-name", 28, 38, 28, 45, "KESTREL", ("Kestrel",)),
    ]


def test_sms(kestrel):
    assert lint(kestrel, "sms/flash-sale.txt") == [
        ("kestrel.terms.company-name", 1, 1, 1, 8, "KESTREL", ("Kestrel",)),
        ("kestrel.terms.product-names.kestrel-go", 1, 18, 1, 28, "Kestrel go", ("Kestrel Go",)),
        ("kestrel.terms.sign-in", 1, 48, 1, 57, "Logged in", ("Signed in",)),
        ("kestrel.terms.check-out-verb", 1, 68, 1, 76, "checkout", ("check out",)),
    ]


def test_email_html(kestrel):
    assert lint(kestrel, "email/welcome.html") == [
        ("kestrel.terms.guys", 8, 23, 8, 27, "guys", ("everyone", "folks")),
        ("kestrel.terms.sign-in", 9, 50, 9, 56, "log in", ("sign in",)),
        ("kestrel.terms.email", 9, 66, 9, 72, "e-mail", ("email",)),
        ("kestrel.terms.email", 13, 31, 13, 37, "e-mail", ("email",)),
        ("kestrel.terms.company-suffix", 13, 59, 13, 71, "Kestrel Inc.", ("Kestrel",)),
    ]


def test_social_post_mixes_spellings(kestrel):
    assert lint(kestrel, "social/launch-post.md") == [
        ("kestrel.terms.omnichannel", 1, 1, 1, 13, "Omni-channel", ("Omnichannel",)),
        ("kestrel.consistency.e-commerce", 2, 12, 2, 21, "ecommerce", ("e-commerce",)),
    ]


def test_hungarian_and_norwegian_pages(kestrel):
    assert lint(kestrel, "hu/omnichannel.md") == [
        ("kestrel.terms.omnichannel", 7, 4, 7, 16, "omni-channel", ("omnichannel",)),
    ]
    assert lint(kestrel, "nb/omnikanal.md") == [
        ("kestrel.terms.omnichannel", 7, 8, 7, 20, "omni-channel", ("omnichannel",)),
        (
            "kestrel.terms.product-names.kestrel-cloud",
            8,
            1,
            8,
            14,
            "Kestrel cloud",
            ("Kestrel Cloud",),
        ),
    ]


def all_rows(kestrel, relative):
    return [row(a) for a in kestrel.lint_file(CONTENT / relative)]


def test_sms_with_a_unicode_character_a_price_and_no_opt_out(kestrel):
    assert all_rows(kestrel, "sms/easter-offer.txt") == [
        ("brandlint.channels.sms-segments", 1, 11, 1, 12, "’", ()),
        ("brandlint.channels.terms-apply", 1, 63, 1, 65, "£9", ()),
        ("brandlint.channels.sms-opt-out", 1, 124, 1, 124, "", (" Reply STOP to opt out.",)),
    ]


def test_social_post_with_urls_emoji_and_hashtags(kestrel):
    rows = all_rows(kestrel, "social/spring-thread.md")
    assert [r[:5] for r in rows] == [
        ("brandlint.tone.sentence-length", 4, 1, 4, 195),
        # a URL's dots no longer end sentences for the formula: 2 sentences, grade 10.4
        ("brandlint.readability.grade", 4, 1, 4, 382),
        ("brandlint.tone.contractions", 4, 137, 4, 144),
        ("brandlint.channels.social-emoji", 4, 247, 4, 248),
        ("brandlint.channels.social-length", 4, 272, 4, 382),
        ("brandlint.channels.social-hashtags", 4, 374, 4, 382),
    ]
    assert rows[4][5].startswith("https://example.com/blog/2026/")  # the link is not cut


def test_push_and_ads_copy_decks(kestrel):
    assert all_rows(kestrel, "push/order-ready.copy.yaml") == [
        ("brandlint.channels.push-title", 6, 52, 6, 68, "p at the counter", ()),
        (
            "brandlint.tone.sentence-length",
            7,
            51,
            7,
            145,
            "Show this message at the counter and a member of the team will hand it over in "
            "under a minute.",
            (),
        ),
        ("brandlint.channels.push-body", 7, 131, 7, 145, "nder a minute.", ()),
    ]
    assert all_rows(kestrel, "ads/spring.copy.json") == [
        ("brandlint.channels.ads-headline", 6, 84, 6, 85, "e", ()),
        ("brandlint.channels.ads-description", 8, 100, 8, 108, "etplace.", ()),
    ]


def test_email_subject_offer_and_unsubscribe(kestrel):
    assert all_rows(kestrel, "email/spring-sale.md") == [
        ("brandlint.channels.email-subject-caps", 3, 11, 3, 15, "HUGE", ()),
        ("brandlint.channels.email-subject-emoji", 3, 70, 3, 71, "🎉", ("",)),
        ("brandlint.channels.terms-apply", 10, 34, 10, 37, "£29", ()),
        ("brandlint.tone.contractions", 10, 64, 10, 71, "You are", ("You're",)),
        ("brandlint.tone.passive", 13, 8, 13, 21, "are processed", ()),
        ("brandlint.channels.email-unsubscribe", 13, 94, 13, 94, "", ()),
    ]


def test_web_pricing_page(kestrel):
    assert [r[:3] for r in all_rows(kestrel, "web/pricing.md")] == [
        ("brandlint.channels.web-meta-description", 3, 169),
        ("brandlint.readability.grade", 6, 3),
        ("brandlint.tone.heading-case", 6, 3),
        ("brandlint.channels.terms-apply", 8, 25),
        ("brandlint.tone.exclamation", 8, 36),
        ("kestrel.terms.product-names.kestrel-pay", 8, 59),
        ("brandlint.channels.web-emoji", 9, 38),
        ("brandlint.channels.web-h1", 11, 3),
        ("kestrel.tone.person", 13, 1),
        ("brandlint.tone.sentence-length", 13, 1),
        ("brandlint.tone.passive", 13, 69),
    ]


def test_help_grade_nine_and_legal_exempt_from_readability_and_contractions(kestrel):
    help_rules = [r[0] for r in all_rows(kestrel, "help/setup.md")]
    assert help_rules == [
        "brandlint.readability.grade",
        "brandlint.tone.sentence-length",
        "brandlint.tone.passive",
    ]
    (grade,) = [
        a
        for a in kestrel.lint_file(CONTENT / "help/setup.md")
        if a.rule == "brandlint.readability.grade"
    ]
    assert "above the target of 9 for help copy" in grade.message
    assert [r[0] for r in all_rows(kestrel, "legal/terms.md")] == [
        "brandlint.tone.sentence-length",
        "kestrel.tone.person",
    ]


def test_print_flyer_may_carry_emoji_but_not_web_phrases(kestrel):
    # guide 2.7 bans emoji on the web, not in print; "click here" is banned everywhere (1.6)
    assert all_rows(kestrel, "print/store-flyer.md") == [
        ("kestrel.terms.click-here", 3, 49, 3, 59, "Click here", ()),
    ]


def assets(kestrel, relative):
    return [
        (*row(a), a.level.name)
        for a in kestrel.lint_file(CONTENT / relative)
        if a.rule.startswith(
            ("kestrel.palette", "kestrel.fonts", "kestrel.logos", "kestrel.images")
        )
        or a.rule == "brandlint.assets.alt-text"
    ]


def test_email_template_breaks_every_asset_rule_of_section_4(kestrel):
    logo = '<img src="images/kestrel-logo.png" alt="Kestrel" width="100">'
    hero = (
        '<img src="images/spring-hero.png" class="hero" '
        'alt="Tulips on a shop counter beside a card reader">'
    )
    broken = '<img src="images/store-hero.jpg" alt="A Kestrel store front in the morning">'
    old_logo = '<img src="images/kestrel-logo-2019.svg" alt="Kestrel" width="120">'
    assert assets(kestrel, "email/spring-newsletter.html") == [
        ("kestrel.palette", 7, 33, 7, 40, "#0B5FFE", ("#0B5FFF",), "WARNING"),
        ("kestrel.palette", 8, 20, 8, 26, "tomato", (), "ERROR"),
        ("kestrel.fonts", 9, 23, 9, 39, '"Helvetica Neue"', ('"Inter"',), "ERROR"),
        ("kestrel.logos", 15, 7, 15, 68, logo, (), "ERROR"),
        ("kestrel.images.hero", 18, 7, 18, 106, hero, (), "WARNING"),
        ("kestrel.images.hero", 20, 7, 20, 83, broken, (), "WARNING"),
        ("kestrel.palette", 23, 22, 23, 26, "#000", ("#101820",), "WARNING"),
        ("kestrel.fonts", 26, 30, 26, 37, "Georgia", ("Inter",), "ERROR"),
        (
            "brandlint.assets.alt-text",
            29,
            39,
            29,
            72,
            "Image of the Kestrel support team",
            ("The Kestrel support team",),
            "ERROR",
        ),
        ("kestrel.fonts", 32, 25, 32, 38, "Comic Sans MS", ("Inter",), "ERROR"),
        ("kestrel.palette", 32, 47, 32, 54, "#1A66FF", ("#0B5FFF",), "WARNING"),
        ("kestrel.logos", 34, 13, 34, 79, old_logo, (), "ERROR"),
    ]
    alerts = kestrel.lint_file(CONTENT / "email/spring-newsletter.html")
    assert [a.message for a in alerts if a.rule == "kestrel.logos"] == [
        "Logo 'kestrel-logo.png' is a PNG; the guide allows SVG only; use kestrel-logo.svg. "
        "Logo 'kestrel-logo.png' is 100 px wide (from its width and the file); never show it "
        "narrower than 120 px.",
        "Logo 'kestrel-logo-2019.svg' is not the logo file; use kestrel-logo.svg.",
    ]
    # alt text is copy: the guide's terms apply to it
    assert [row(a) for a in alerts if a.rule == "kestrel.terms.sign-in"] == [
        ("kestrel.terms.sign-in", 19, 92, 19, 98, "log in", ("sign in",))
    ]


def test_stylesheet_and_svgs_of_the_email(kestrel):
    assert assets(kestrel, "email/styles/newsletter.css") == [
        ("kestrel.palette", 14, 15, 14, 32, "hsl(220 100% 52%)", ("#0B5FFF",), "WARNING"),
        ("kestrel.fonts", 18, 18, 18, 25, "Verdana", ("Inter",), "ERROR"),
        ("kestrel.palette", 19, 10, 19, 14, "#333", (), "ERROR"),
        ("kestrel.palette", 28, 47, 28, 54, "#FF6A00", (), "ERROR"),
    ]
    assert assets(kestrel, "email/images/spring-badge.svg") == [
        ("kestrel.palette", 3, 43, 3, 50, "#0C5FFF", ("#0B5FFF",), "WARNING"),
        ("kestrel.fonts", 4, 59, 4, 70, "Arial Black", ("Inter",), "ERROR"),
    ]
    # the real logo is on-brand, and as an asset it is no email piece (no "Unsubscribe")
    assert kestrel.lint_file(CONTENT / "email/kestrel-logo.svg") == []


def test_social_images_are_checked_against_both_sizes(kestrel):
    square = "![Three shelves of summer hats in a Kestrel store](images/summer-square.png)"
    assert assets(kestrel, "social/summer-teaser.md") == [
        ("kestrel.images.social", 5, 1, 5, 77, square, (), "WARNING"),
    ]
