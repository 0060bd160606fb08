from tui_reader.cli.main import main

raise SystemExit(main())
