"""Static charts as PNG bytes (matplotlib, Agg backend: no display, no browser).

- :func:`network_png`: the network of a meeting, gemeenten (left) linked to the themes and instruments
  of their lessons (right); a two-column layout reads well on paper and is the same on every run.
- :func:`ladder_png`: instruments as bars over the rungs of the participatieladder.
- :func:`support_png`: the support of the rode draden as horizontal bars.

>>> from graph.summaries.models import Network, NetworkEdge
>>> png = network_png(Network(gemeenten=["A"], topics=["t"], edges=[NetworkEdge(source="A", target="t")]))
>>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
True
"""

from __future__ import annotations

import io

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from graph.export.layout import MAX_BARS
from graph.summaries.models import InstrumentIndexItem, Network, Thread

DPI = 150
WIDTH_IN = 7.0  # 16 cm text width on A4
RED, BLUE, GREY = "#7a1414", "#14407a", "#9a9a9a"
LABEL_CHARS = 48


def _axes(width: float, height: float):
    """A figure with one set of axes, drawn by Agg; no pyplot (its import and figure manager cost
    half a second in a command that draws two pictures)."""
    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    return buf.getvalue()


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    """A label cut to ``limit`` characters.

    >>> _short("abcdef", 4)
    'abc…'
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _positions(names: list[str]) -> dict[str, float]:
    n = max(len(names), 1)
    return {name: 1.0 - (i + 0.5) / n for i, name in enumerate(names)}


def network_png(network: Network, *, empty_text: str = "—") -> bytes:
    """The meeting's network: gemeenten left, topics right, line width by number of lessons."""
    rows = max(len(network.gemeenten), len(network.topics), 1)
    fig, ax = _axes(WIDTH_IN, max(2.0, 0.38 * rows + 0.6))
    left, right = _positions(network.gemeenten), _positions(network.topics)
    for e in network.edges:
        if e.source in left and e.target in right:
            ax.add_line(Line2D([0.0, 1.0], [left[e.source], right[e.target]], color=GREY,
                               linewidth=0.8 + 1.2 * (e.weight - 1), alpha=0.7, zorder=1))
    ax.scatter([0.0] * len(left), list(left.values()), s=90, color=RED, zorder=2)
    ax.scatter([1.0] * len(right), list(right.values()), s=90, color=BLUE, marker="s", zorder=2)
    for name, y in left.items():
        ax.text(-0.04, y, _short(name, 32), ha="right", va="center", fontsize=8.5)
    for name, y in right.items():
        ax.text(1.04, y, _short(name, 36), ha="left", va="center", fontsize=8.5)
    if not network.edges:
        ax.text(0.5, 0.5, empty_text, ha="center", va="center", fontsize=9, color=GREY)
    ax.set_xlim(-0.9, 1.9)
    ax.set_ylim(0, 1)
    ax.axis("off")
    return _png(fig)


def ladder_png(items: list[InstrumentIndexItem], rungs: list[str], *, lessons_label: tuple[str, str]) -> bytes:
    """Instruments as bars from their lowest to their highest rung; the trajectory's in colour.

    ``lessons_label``: the word for one lesson and for several, as ``("les", "lessen")``.
    """
    items = [i for i in items if i.ladder_min is not None and i.ladder_max is not None]
    items.sort(key=lambda i: (-i.ladder_max, -i.ladder_min, i.instrument))
    fig, ax = _axes(WIDTH_IN, max(2.2, 0.26 * len(items) + 1.2))
    for y, item in enumerate(items):
        colour = RED if item.lessons else GREY
        ax.barh(y, item.ladder_max - item.ladder_min + 0.8, left=item.ladder_min - 0.4,
                height=0.6, color=colour)
        if item.lessons:
            word = lessons_label[0] if item.lessons == 1 else lessons_label[1]
            ax.text(item.ladder_max + 0.5, y, f"{item.lessons} {word}", va="center", fontsize=7)
    ax.set_yticks(range(len(items)), [_short(i.instrument, 40) for i in items], fontsize=7.5)
    ax.invert_yaxis()
    ax.set_xticks(range(1, len(rungs) + 1), [f"{n}. {r}" for n, r in enumerate(rungs, 1)],
                  fontsize=7.5, rotation=20, ha="right")
    ax.set_xlim(0.4, len(rungs) + 1.6)
    ax.grid(axis="x", color="#ddd")
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return _png(fig)


def support_png(threads: list[Thread], *, population: int | None, axis_label: str) -> bytes:
    """The support of the threads (number of gemeenten), strongest first."""
    shown = threads[:MAX_BARS]
    fig, ax = _axes(WIDTH_IN, max(1.8, 0.3 * len(shown) + 1.0))
    ax.barh(range(len(shown)), [t.support for t in shown], color=RED, height=0.6)
    ax.set_yticks(range(len(shown)), [_short(t.label) for t in shown], fontsize=7.5)
    ax.invert_yaxis()
    for y, t in enumerate(shown):
        ax.text(t.support + 0.1, y, str(t.support), va="center", fontsize=7)
    top = max([t.support for t in shown] + [population or 0, 1])
    ax.set_xlim(0, top + 1)
    ax.set_xlabel(axis_label, fontsize=8)
    ax.xaxis.get_major_locator().set_params(integer=True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return _png(fig)
