"""``kernen serve``, ``export data``, ``publish`` and ``app``: serving the graph."""

from __future__ import annotations

import sys

import click

from graph.cli.base import cli, export, friendly_errors, store_option
from graph.cli.localized import option
from graph.export.formats import DATA_FORMATS
from graph.messages import current_lang, t
from graph.settings import load_settings


LOOPBACK = {"127.0.0.1", "localhost", "::1"}




@cli.command("serve", help="cmd.serve")
@store_option
@option("--host", default=None, help="opt.serve_host")
@option("--port", type=int, default=None, help="opt.serve_port")
@option("--timeout", type=float, default=None, help="opt.serve_timeout")
@option("--max-rows", type=int, default=None, help="opt.serve_max_rows")
@option("--cors", default=None, metavar="ORIGINS", help="opt.cors")
@option("--dumps", type=click.Path(file_okay=False), default=None,
        help="opt.dumps")
@friendly_errors
def serve_command(store, host, port, timeout, max_rows, cors, dumps) -> None:
    """SPARQL 1.1 endpoint at /sparql and a landing page at / (read-only, time limit, row cap)."""
    from pathlib import Path

    from graph.endpoint import EndpointConfig, serve
    from graph.store import open_store

    settings = load_settings(store=store, endpoint_host=host, endpoint_port=port, query_timeout=timeout,
                             max_rows=max_rows, cors_origins=cors)
    config = EndpointConfig.from_settings(settings, dumps=Path(dumps) if dumps else None)
    open_store(settings.store).graphs()  # fail now, with the reason, rather than on the first request
    if settings.endpoint_host not in LOOPBACK:
        click.echo(t("cli.endpoint_open", host=settings.endpoint_host), err=True)
    click.echo(t("cli.endpoint_at", url=f"http://{settings.endpoint_host}:{settings.endpoint_port}/sparql",
                 store=settings.store), err=True)
    serve(config, host=settings.endpoint_host, port=settings.endpoint_port)


@export.command("data", help="cmd.export_data")
@store_option
@option("--out", type=click.Path(file_okay=False), default=None,
        help="opt.data_out")
@option("--format", "formats", multiple=True, type=click.Choice(DATA_FORMATS),
        help="opt.data_formats")
@friendly_errors
def export_data_command(store, out, formats) -> None:
    """Data dumps of the public graphs (Turtle, N-Triples, TriG, JSON-LD, GraphML, GEXF, CSV) + manifest."""
    import time
    from pathlib import Path

    from graph.export.data import FORMATS, export_data
    from graph.store import open_store

    settings = load_settings(store=store)
    target = Path(out) if out else Path(settings.data) / "build" / "dumps"
    start = time.perf_counter()
    manifest = export_data(open_store(settings.store), target, formats=formats or FORMATS)
    for f in manifest["files"]:
        counts = ", ".join(f"{f[k]:,} {k}" for k in ("triples", "rows", "nodes", "edges") if k in f)
        click.echo(f"{target / f['name']}  {f['bytes']:,} bytes  {counts}")
    click.echo(f"{len(manifest['files'])} bestanden + manifest.json in {time.perf_counter() - start:.1f} s", err=True)


@cli.command("publish", help="cmd.publish")
@store_option
@option("--endpoint", required=True, metavar="URL", help="opt.endpoint")
@option("--graph-store", default=None, metavar="URL",
        help="opt.graph_store")
@option("--user", envvar="KERNEN_PUBLISH_USER", default=None, help="opt.user")
@option("--password", envvar="KERNEN_PUBLISH_PASSWORD", default=None,
        help="opt.password")
@option("--include-private", is_flag=True, help="opt.include_private")
@friendly_errors
def publish_command(store, endpoint, graph_store, user, password, include_private) -> None:
    """Load the graph (every named graph) into a SPARQL 1.1 store with the Graph Store Protocol."""
    import time

    from graph.store.publish import publish
    from graph.store import open_store

    if user and password is None:
        password = click.prompt(f"wachtwoord voor {user}", hide_input=True)
    start = time.perf_counter()
    counts = publish(open_store(load_settings(store=store).store), endpoint, graph_store=graph_store,
                     user=user, password=password, include_private=include_private)
    for graph, n in counts.items():
        click.echo(f"{graph}  {n:,} triples")
    click.echo(f"{sum(counts.values()):,} triples naar {endpoint} in {time.perf_counter() - start:.1f} s", err=True)


@cli.command("app", help="cmd.app")
@store_option
@option("--host", default="127.0.0.1", show_default=True, help="opt.app_host")
@option("--port", default=8501, show_default=True, type=int, help="opt.app_port")
def app_command(store, host, port) -> None:
    """Open the Streamlit app for participants on the current store (read-only unless the operator allows upload)."""
    import os
    from pathlib import Path

    from graph.settings import ROOT

    settings = load_settings(store=store)
    location = settings.store if settings.is_remote else str(Path(settings.store).absolute())
    env = {**os.environ, "KERNEN_STORE": location}
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app" / "main.py"),
               "--server.address", host, "--server.port", str(port), "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--client.toolbarMode", "viewer"]
    os.chdir(ROOT)  # .streamlit/config.toml is read from the working directory
    warm_app(location)
    click.echo(t("cli.app_at", url=f"http://{host}:{port}", store=env["KERNEN_STORE"]), err=True)
    os.execve(sys.executable, command, env)  # become Streamlit: signals reach the server itself


def warm_app(location: str) -> None:
    """Compute the app pages' first views for the store's current build (``app.warm``; quick when they
    are on disk already): before the server takes visitors, and after a build of a store the app serves."""
    try:
        from app import disk_cache
        from app.warm import warm

        if disk_cache.folder(location) is not None:
            click.echo(t("cli.warm_start"), err=True)
        done = warm(location)
    except Exception as exc:  # the app still starts; its pages then compute on the first visit
        click.echo(t("cli.warm_failed", error=f"{type(exc).__name__}: {exc}"), err=True)
        return
    if done.computed or done.present:
        from graph.export.layout import number

        click.echo(t("cli.warm_done", computed=done.computed, present=done.present,
                     seconds=number(done.seconds, current_lang(), digits=1)), err=True)
