"""The app's pages: their stable ids, in menu order (also the ``screens/<id>.py`` file and the URL path).

``invoer`` (upload and build) is only in the menu, and only served, when the operator turned
uploading on.

>>> "invoer" in menu(allow_upload=False), "invoer" in menu(allow_upload=True)
(False, True)
"""

PAGES = ("overzicht", "zoeken", "gemeenten", "gemeente", "vergelijk", "instrumenten", "lessen", "rode_draden",
         "netwerk", "sparql", "invoer")
OPERATOR_PAGES = ("invoer",)


def menu(*, allow_upload: bool) -> tuple[str, ...]:
    """The pages a visitor can open."""
    return tuple(name for name in PAGES if allow_upload or name not in OPERATOR_PAGES)
