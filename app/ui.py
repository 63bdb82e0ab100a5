"""Small building blocks the pages share: safe text, tables with downloads, the example-data banner.

Text from data is never HTML: tables render cell text as text, and text put into markdown is
escaped with :func:`md` first (so ``<img src=x onerror=...>`` and ``![](http://...)`` stay text).

>>> md("<img src=x onerror=alert(1)> *x* [a](http://b)")
'\\\\<img src=x onerror=alert\\\\(1\\\\)\\\\> \\\\*x\\\\* \\\\[a\\\\]\\\\(http\\\\://b\\\\)'
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict, is_dataclass
from typing import Any, Callable, Iterable, Mapping, Sequence

import streamlit as st

from app.i18n import column, t
from graph.export.formats import DOCUMENT_FORMATS

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")  # ":" too: Streamlit's :red[...] and :icon: syntax
# Bidirectional controls (embeddings, overrides, isolates, marks): "exe.tnemucod" + U+202E must not
# show as "document.exe", so they are removed from every displayed text.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Streamlit reads ":material/x:", ":smile:" and ":red[...]" in widget labels and headings too; a colon
# followed by a zero-width joiner is no longer a shortcode and looks the same.
_SHORTCODE = re.compile(r":(?=[A-Za-z_/-]+(?::|\[))")


def plain(text: object) -> str:
    """Text for a label that Streamlit may read as markdown or shortcodes (options, metrics, tabs):
    bidi controls removed, shortcodes broken.

    >>> plain(":material/warning: Les \\u202eexe.tnemucod") == ":\\u2060material/warning: Les exe.tnemucod"
    True
    """
    return _SHORTCODE.sub(":\u2060", _BIDI.sub("", str(text if text is not None else "")))


def md(text: object) -> str:
    """``text`` escaped for Streamlit markdown: every markdown/HTML special character is literal and
    bidi controls are removed."""
    return _MD_SPECIAL.sub(r"\\\1", _BIDI.sub("", str(text if text is not None else "")))


def link(label: object, url: str) -> str:
    """A markdown link to an app URL (a path with query parameters we made), the label escaped.

    >>> link("Het *Hogeland*", "gemeente?gemeente=GM1966")
    '[Het \\\\*Hogeland\\\\*](gemeente?gemeente=GM1966)'
    """
    target = str(url).replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    return f"[{md(label)}]({target})"


def records(items: Iterable[Any]) -> list[dict]:
    """Dataclasses or pydantic models as plain dicts (tuples joined with '; ').

    >>> from app.ui import records
    >>> records([{"a": (1, 2)}])
    [{'a': '1; 2'}]
    """
    out = []
    for item in items:
        row = asdict(item) if is_dataclass(item) else (item.model_dump() if hasattr(item, "model_dump") else dict(item))
        out.append({k: "; ".join(map(str, v)) if isinstance(v, (tuple, list)) else v for k, v in row.items()})
    return out


def to_csv(rows: Sequence[Mapping[str, Any]]) -> bytes:
    """CSV bytes (UTF-8 with BOM so spreadsheet programs read the accents); cells starting with a formula
    character are prefixed with a quote so a spreadsheet never runs them.

    >>> to_csv([{"a": "=1+1", "b": 2}]).decode("utf-8-sig").splitlines()
    ['a,b', "'=1+1,2"]
    """
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue().encode("utf-8-sig")


def _cell(value: Any) -> Any:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def table(rows: Sequence[Mapping[str, Any]], *, lang: str, name: str, columns: Mapping[str, str] | None = None,
          downloads: bool = True, key: str | None = None, shown: bool = True) -> None:
    """A sortable table (text only) with CSV/JSON downloads; ``columns`` renames and orders columns;
    ``shown=False`` gives the downloads only (the page shows the rows in another form).

    The files are made when a download button is clicked, not on every run of the page."""
    if not rows:
        st.caption(t("common.empty", lang))
        return
    names = columns or {k: column(k, lang) for k in rows[0]}
    data = [{names[k]: r.get(k) for k in names} for r in rows]
    if shown:
        st.dataframe(data, hide_index=True, width="stretch", key=key, placeholder="–")
    if downloads:
        left, right = st.columns(2)
        left.download_button(t("common.download_csv", lang), lambda: to_csv(data), file_name=f"{name}.csv",
                             mime="text/csv", key=f"{key or name}-csv", on_click="ignore")
        right.download_button(t("common.download_json", lang), lambda: to_json(data), file_name=f"{name}.json",
                              mime="application/json", key=f"{key or name}-json", on_click="ignore")


def to_json(rows: Sequence[Mapping[str, Any]]) -> bytes:
    """JSON bytes of table rows (values that are not JSON types as text).

    >>> to_json([{"a": 1, "b": None}])
    b'[\\n {\\n  "a": 1,\\n  "b": null\\n }\\n]'
    """
    return json.dumps(list(rows), ensure_ascii=False, indent=1, default=str).encode("utf-8")


def fictief_banner(trajecten: Iterable[Any], *, lang: str, shown: str | None = None) -> bool:
    """Show the "voorbeelddata (fictief)" banner when a shown trajectory is fictitious; return whether shown."""
    fictief = [tr for tr in trajecten if tr.fictief and (shown is None or tr.slug == shown)]
    if fictief:
        st.warning(t("banner.fictief", lang) + " (" + ", ".join(md(tr.label) for tr in fictief) + ")")
    return bool(fictief)


def unavailable(what: str, *, lang: str) -> None:
    """Say that a library part is missing (it lands in another change) instead of failing the page."""
    st.info(t("common.unavailable", lang, what=md(what)))


def links(urls: Iterable[str]) -> str:
    """Markdown links for source URLs (http/https only), the visible text escaped.

    >>> links(["https://a.nl/x_y", "javascript:alert(1)"])
    '[a\\\\.nl/x\\\\_y](https://a.nl/x_y)'

    A valid address with parentheses is kept (they are percent-encoded in the target); one with a bidi
    control is dropped:

    >>> links(["https://nl.wikipedia.org/wiki/Kern_(plaats)"]).split("](")[1]
    'https://nl.wikipedia.org/wiki/Kern_%28plaats%29)'
    >>> links(["https://a.nl/\u202eexe.txt"])
    ''
    """
    out = []
    for url in urls:
        text = str(url)
        if re.match(r"^https?://[^\s<>\[\]\"'`\\]+$", text) and not _BIDI.search(text):
            target = text.replace("(", "%28").replace(")", "%29")  # same address; keeps the markdown link whole
            out.append(f"[{md(text.split('://', 1)[1])}]({target})")
    return " · ".join(out)


REPORT_FORMATS = DOCUMENT_FORMATS


def report_buttons(make: Callable[[], Any], *, lang: str, name: str, key: str) -> None:
    """Download buttons for a facilitator report (Markdown, HTML, DOCX); ``make()`` builds the summary
    only when a button is clicked (it runs outside the page script, so it must not call Streamlit)."""
    from graph.export.reports import FORMATS, render

    def rendered(fmt: str) -> Callable[[], bytes]:
        return lambda: render(make(), format=fmt)

    for col, fmt in zip(st.columns(len(REPORT_FORMATS)), REPORT_FORMATS):
        col.download_button(t("common.report", lang, fmt=fmt.upper()), rendered(fmt), file_name=f"{name}{FORMATS[fmt].suffix}",
                            mime=FORMATS[fmt].media_type.split(";")[0], key=f"{key}-{fmt}", on_click="ignore")
