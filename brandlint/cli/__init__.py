"""The command line: a thin shell over `brandlint.workspace`."""
