"""The engine layer: the types every other layer shares.

Alerts and spans, problems and errors, the document model, rule specifications, the rule
interface and the option declarations live here. Nothing in `brandlint.core` imports from a
layer above it (checked by import-linter, see pyproject.toml), so a rule kind, a parser or a
reporter can depend on these types without pulling in the rest of the engine.
"""
