"""The command line's exit codes (docs/cli.md): what CI scripts branch on."""

EXIT_CLEAN = 0  # nothing at the fail level
EXIT_ALERTS = 1  # alerts at or above --fail-level
EXIT_USAGE = 2  # a usage or guide error: the command line or the guide needs changing
EXIT_BUG = 3  # an internal error: please report it
