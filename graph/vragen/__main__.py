"""``python -m graph.vragen --store DIR``: write docs/vragen.md from a store."""

from graph.vragen import main

raise SystemExit(main())
