"""The small guide the audit tests share: one exact-case term and one consistency group."""

GUIDE = """name: acme
terms:
  - use: Acme Cloud
    case: exact
    level: error
consistency:
  - [omnichannel, omni-channel]
"""
