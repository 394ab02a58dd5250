"""The compatibility suite's data folder holds Vale's fixtures (some named test*.py): never
collect them as tests."""

collect_ignore = ["data"]
