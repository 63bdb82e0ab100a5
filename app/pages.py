"""The app's pages: their stable ids, in menu order (also the ``screens/<id>.py`` file and the URL path).

``invoer`` (upload and build) is only in the menu when the operator turned uploading on."""

PAGES = ("overzicht", "zoeken", "gemeenten", "gemeente", "vergelijk", "instrumenten", "lessen", "rode_draden",
         "netwerk", "sparql", "invoer")
OPERATOR_PAGES = ("invoer",)
