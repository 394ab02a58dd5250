"""`python -m brandlint.lsp`: the language server, as `brandlint lsp` starts it."""

from .server import main

raise SystemExit(main())
