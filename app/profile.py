"""Parts of a gemeente's page that the Vergelijk page shows too: the key figures and the instruments
in use, with amounts written out and names linked."""

from __future__ import annotations

from typing import Any, Sequence

import streamlit as st

from app import formats, links, ui
from app.i18n import t

ID_NAMES = {"wikidata.org": "Wikidata", "identifier.overheid.nl": "Overheid.nl (TOOI)"}


def figures(profile: Any, *, lang: str, columns: int = 4) -> None:
    """Province, inhabitants, kernen and wijken as metrics."""
    values = [(t("gemeente.provincie", lang), ui.plain(profile.provincie or formats.NONE)),
              (t("gemeente.inwoners", lang), formats.number(profile.inwoners, lang)),
              (t("gemeente.kernen", lang), formats.number(profile.kernen, lang)),
              (t("gemeente.wijken", lang), formats.number(profile.wijken, lang))]
    for box, (label, value) in zip(st.columns(columns) * (4 // columns), values):
        box.metric(label, value)


def identifiers(urls: Sequence[str], *, lang: str) -> str:
    """The Wikidata and TOOI records as named links (the raw identifiers are for machines).

    >>> identifiers(["https://www.wikidata.org/entity/Q1", "https://identifier.overheid.nl/tooi/id/gemeente/gm1"], lang="nl")
    '[Wikidata](https://www.wikidata.org/entity/Q1) · [Overheid.nl (TOOI)](https://identifier.overheid.nl/tooi/id/gemeente/gm1)'
    """
    out = []
    for url in urls:
        name = next((label for host, label in ID_NAMES.items() if host in str(url)), None)
        if name and str(url).startswith(("http://", "https://")):
            out.append(f"[{name}]({ui.links([url]).split('](', 1)[1][:-1]})")
    return " · ".join(out)


def use_rows(uses: Sequence[Any], *, lang: str, ladder: Any = None) -> list[dict]:
    """Instruments in use as table rows: the instrument as a link, the amount written out."""
    rows = []
    for u in uses:
        amount = formats.amount(u.bedrag, u.eenheid, lang) if u.bedrag is not None else ""
        if amount and u.peiljaar:
            amount += f" ({u.peiljaar})"
        rows.append({"instrument": links.instrument(u.instrument, lang) + "#" + ui.plain(u.instrument_label),
                     "naam": ui.plain(u.lokale_naam), **({"ladder": ladder(u.instrument)} if ladder else {}),
                     "sinds": u.sinds, "bedrag": amount, "toelichting": ui.plain(u.toelichting),
                     "beslisrecht": ui.plain(u.beslisrecht), "omschrijving": ui.plain(u.omschrijving),
                     "bronnen": " | ".join(u.bronnen)})
    return rows


def link_table(rows: Sequence[dict], *, lang: str, name: str, key: str, link_column: str,
               hide_empty: bool = True) -> None:
    """A table whose ``link_column`` holds ``address#label`` (shown as a link with the label), with
    CSV/JSON downloads of the plain text; columns that are empty in every row are left out."""
    if not rows:
        st.caption(t("common.empty", lang))
        return
    keys = [k for k in rows[0] if not hide_empty or any(r.get(k) not in (None, "") for r in rows)]
    names = {k: ui.plain(_column(k, lang)) for k in keys}
    shown = [{k: r[k] for k in keys} for r in rows]
    config = {k: names[k] for k in keys}
    config[link_column] = st.column_config.LinkColumn(names[link_column], display_text=r"#(.*)$")
    st.dataframe(shown, hide_index=True, width="stretch", key=key, column_config=config, placeholder="–")
    plain_rows = [{names[k]: (str(r[k]).split("#", 1)[-1] if k == link_column else r[k]) for k in keys} for r in rows]
    left, right = st.columns(2)
    left.download_button(t("common.download_csv", lang), lambda: ui.to_csv(plain_rows), file_name=f"{name}.csv",
                         mime="text/csv", key=f"{key}-csv", on_click="ignore")
    right.download_button(t("common.download_json", lang), lambda: ui.to_json(plain_rows),
                          file_name=f"{name}.json", mime="application/json", key=f"{key}-json", on_click="ignore")


def _column(key: str, lang: str) -> str:
    from app.i18n import column

    return column(key, lang)
