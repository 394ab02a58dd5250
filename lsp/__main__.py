"""`python -m brandlint.lsp`: the language server, as `brandlint lsp` starts it."""

from .worker import start_engine

worker = start_engine()  # before the server's imports, to run beside them

from .server import main  # noqa: E402

raise SystemExit(main(worker=worker))
