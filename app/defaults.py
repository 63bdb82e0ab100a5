"""The options the pages' readers get on a page's first view, before a visitor changes anything;
:mod:`app.warm` computes those results once per store build."""

from graph.views.netselect import NODE_KINDS

THREADS_K = 3  # Rode draden: threads shared by at least this many gemeenten (the slider's start)
GROUP_SIZE = (4, 6)  # Rode draden: smallest and largest learning group (the number inputs' start)
SEARCH_K = 2  # Zoeken and Overzicht: threads shared by at least this many gemeenten
SIMILAR_TOP = 5  # Gemeente: similar gemeenten shown
COMPARE_TOP = 50  # Vergelijk: similar gemeenten looked through for the pair
NETWORK_PRESETS = {  # Netwerk: preset -> (node kinds, colour by); the first is the page's first view
    "instrumenten": (["gemeente", "instrument"], "kind"),
    "rode_draden": (["gemeente", "thema", "instrument", "les"], "community"),
    "leergroepen": (["gemeente"], "leergroep"),
    "alles": (list(NODE_KINDS), "kind"),
}
