from brandlint.cli.main import main

raise SystemExit(main())
