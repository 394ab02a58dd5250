from brandlint.cli.main import run

raise SystemExit(run())
