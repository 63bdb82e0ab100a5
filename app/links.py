"""Addresses of the app's views, so every name can link to its own page.

Each view is ``<page>?<key>=<value>`` relative to the app's root (all pages sit at the root), with
``lang`` when it is not Dutch: a link copied from anywhere opens the same view.

>>> gemeente("GM1966", "en"), les("les/x y", "nl"), draad("thema/a+thema/b", "nl")
('gemeente?gemeente=GM1966&lang=en', 'lessen?les=les%2Fx+y', 'rode_draden?draad=thema%2Fa%2Bthema%2Fb')
"""

from __future__ import annotations

from urllib.parse import urlencode

from app import ui


def view(page: str, lang: str = "nl", /, **params: str) -> str:
    """The relative address of ``page`` with ``params`` (and ``lang`` unless Dutch)."""
    query = {k: v for k, v in params.items() if v not in (None, "")}
    if lang != "nl":
        query["lang"] = lang
    return page + ("?" + urlencode(query) if query else "")


def gemeente(code: str, lang: str = "nl") -> str:
    return view("gemeente", lang, gemeente=code)


def instrument(key: str, lang: str = "nl") -> str:
    return view("instrumenten", lang, instrument=key.split("/", 1)[-1])


def les(key: str, lang: str = "nl") -> str:
    return view("lessen", lang, les=key)


def draad(key: str, lang: str = "nl") -> str:
    return view("rode_draden", lang, draad=key)


def md(label: object, address: str) -> str:
    """A markdown link with an escaped label."""
    return ui.link(label, address)
