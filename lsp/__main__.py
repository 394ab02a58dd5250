"""`python -m brandlint.lsp`: the language server, as `brandlint lsp` starts it."""

import sys

from .start import run

raise SystemExit(run(sys.argv[1:]))
