from deskwfm.cli.main import main

raise SystemExit(main())
