"""`brandlint rules` lists what each `locales:` entry changes, and where each change is from."""

from __future__ import annotations

from brandlint.cli.main import main

GUIDE = """\
name: acme
lang: en-US
terms:
  - id: color
    use: color
    instead_of: [colour]
rules:
  acme.long-sentences: {extends: sentence-length, max: 25}
  acme.shouting: {extends: caps, level: warning}
locales:
  en_GB:
    terms:
      - id: color          # same id: replaces the guide's term in British copy
        use: colour
        instead_of: [color]
  "no":
    terms:
      - avoid: [omni-kanal]
        suggest: [omnikanal]
  nb:
    terms:
      - use: ikke
        instead_of: [ikkje]
    rules:
      acme.long-sentences: {max: 20}
      acme.shouting: off
  nn: {}
  de: {}
"""


def test_rules_lists_each_locale_s_changes_with_the_entry_they_come_from(tmp_path, capsys):
    guide = tmp_path / "brandlint.yaml"
    guide.write_text(GUIDE, encoding="utf-8")
    assert main(["rules", "--guide", str(guide)]) == 0
    out = capsys.readouterr().out
    g = str(guide)
    assert out.splitlines() == [
        f"guide: {g}",
        f"acme.terms.color                                 term           warning    {g}",
        f"acme.long-sentences                              sentence-length warning    {g}",
        f"acme.shouting                                    caps           warning    {g}",
        "locale en-GB:",
        f"  acme.terms.color                               term           warning    "
        f"{g}:13:9 (locales: en-GB)",
        "locale no:",
        f"  acme.terms.omni-kanal                          term           warning    "
        f"{g}:18:9 (locales: no)",
        # nb builds on no: the omni-kanal term is no's, the rest nb's own; in the locale's
        # rule order (the guide's, then those the entries add), then the rules turned off
        "locale nb, over no:",
        f"  acme.long-sentences                            sentence-length warning    "
        f"{g}, settings from locales: nb",
        f"  acme.terms.omni-kanal                          term           warning    "
        f"{g}:18:9 (locales: no)",
        f"  acme.terms.ikke                                term           warning    "
        f"{g}:22:9 (locales: nb)",
        "  acme.shouting                                  off in locales: nb",
        # nn takes no's entry; its own is empty
        "locale nn, over no:",
        f"  acme.terms.omni-kanal                          term           warning    "
        f"{g}:18:9 (locales: no)",
        "locale de: as the guide",
    ]
