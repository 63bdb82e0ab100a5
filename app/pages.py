"""The app's pages: their stable ids, in menu order (also the ``screens/<id>.py`` file and the URL path)."""

PAGES = ("overzicht", "netwerk", "gemeente", "instrumenten", "rode_draden", "sparql", "invoer")
