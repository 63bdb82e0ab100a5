"""Invoer: upload a trajectory (workbook, CSV files or YAML), see every located problem, and build it
into the store on confirmation. Off unless the operator turns it on (KERNEN_ALLOW_UPLOAD=1) and the
operator's secret is given (Streamlit secrets ``admin_secret`` or KERNEN_ADMIN_SECRET)."""

from __future__ import annotations

import hmac
import re
import tempfile
import time
from pathlib import Path

import streamlit as st

from app import cache, state, text_panels, ui
from app.i18n import t
from graph.settings import load_settings

MAX_FILE_MB = 2
WRONG_SECRET_DELAY_S = 1.0  # slows guessing
TYPES = ["xlsx", "csv", "yaml", "yml"]
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")

lang = state.lang()
st.title(t("invoer.title", lang))
settings = load_settings()


def _secret() -> str:
    try:
        from_secrets = str(st.secrets.get("admin_secret", ""))
    except Exception:  # no secrets file: Streamlit raises when st.secrets is read
        from_secrets = ""
    return from_secrets or settings.admin_secret


secret = _secret()
if not (settings.allow_upload and secret):
    st.info(t("invoer.off", lang))  # reached only by a typed address: the menu hides this page
    st.stop()

files = st.file_uploader(t("invoer.upload", lang), type=TYPES, accept_multiple_files=True)
if not files:
    st.stop()
too_big = [f.name for f in files if f.size > MAX_FILE_MB * 1024 * 1024]
if too_big:
    st.error(t("invoer.too_big", lang, mb=MAX_FILE_MB) + " " + ui.md(", ".join(too_big)))
    st.stop()

with tempfile.TemporaryDirectory(prefix="kernen-upload-") as tmp:
    folder = Path(tmp) / "traject"
    folder.mkdir()
    for f in files:
        (folder / (_SAFE_NAME.sub("_", Path(f.name).name) or "invoer")).write_bytes(f.getvalue())
    target = folder if len(files) > 1 or files[0].name.lower().endswith(".csv") else next(folder.iterdir())
    from graph.ingest import errors_in, validate_paths

    problems = validate_paths([target], data_dir=settings.data_dir)
    errors = errors_in(problems)
    if problems:
        st.subheader(t("invoer.problems", lang, n=len(problems)))
        ui.table([{"bestand": Path(p.file).name, "blad": p.sheet, "rij": p.row, "kolom": p.column,
                   "melding": p.message, "suggestie": p.suggestion, "ernst": p.severity} for p in problems],
                 lang=lang, name="problemen", key="problems")
    text_panels.lesson_hints(target, data_dir=settings.data_dir, lang=lang)
    if errors:
        st.stop()
    st.success(t("invoer.valid", lang))
    given = st.text_input(t("invoer.secret", lang), type="password", max_chars=200)
    if not st.button(t("invoer.build", lang), type="primary"):
        st.stop()
    if not hmac.compare_digest(given.encode(), secret.encode()):
        time.sleep(WRONG_SECRET_DELAY_S)
        st.error(t("invoer.wrong_secret", lang))
        st.stop()
    from graph.build import build, default_inputs
    from graph.ingest import read_trajectory

    def slug(path: Path) -> str | None:
        trajectory, _ = read_trajectory(path, data_dir=settings.data_dir)
        return trajectory.slug if trajectory else None

    # The upload replaces a bundled trajectory with the same id instead of doubling it.
    mine = slug(target)
    others = [p for p in default_inputs(settings.data_dir) if slug(p) != mine]
    with st.spinner("…"):
        report = build([*others, target], store_dir=cache.location())
        from app.warm import warm

        warm(cache.location())  # the pages' first views of the new build, before a visitor opens them
    st.success(t("invoer.built", lang, summary=f"{report.triples:,} triples, {report.total_seconds:.1f} s"))
    st.cache_data.clear()
