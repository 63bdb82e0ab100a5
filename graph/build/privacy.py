"""The personal-data check on quads a build carries over from the store instead of reading input.

A trajectory kept from the current store (:mod:`graph.build.cohorts`) is not read from its input again,
so the check at the edge (:mod:`graph.ingest.privacy`) never sees it. A store made before that
check existed may hold a phone number in a lesson's text; this check makes sure the next build does
not carry it on: every text literal of the public trajectory graphs is searched (with the names of
the trajectory's contact persons from the private graph) and a hit refuses the build, or with
``redact`` is replaced like any other.

>>> from graph.namespace import graph_iri, KD
>>> g, s = ox.NamedNode(str(graph_iri("traject", "oud"))), ox.NamedNode("https://example.org/les/1")
>>> quads = [ox.Quad(s, ox.NamedNode(str(KD.tekst)), ox.Literal("bel 06-12345678", language="nl"), g)]
>>> check = PersonalCheck(redact=True)
>>> screen_quads(quads, check, where="store")[0].object, dict(check.redacted)
(<Literal value=bel [verwijderd: telefoonnummer] language=nl>, {'telefoon': 1})
>>> screen_quads(quads, PersonalCheck(), where="store")
Traceback (most recent call last):
graph.errors.InputError: store:oud::tekst: persoonsgegeven in oud.tekst: telefoonnummer; kernen build --redact vervangt het, --remove oud laat het traject weg
"""

from __future__ import annotations

import pyoxigraph as ox

from graph.errors import InputError, Problem
from graph.ingest.personal import Detector
from graph.ingest.privacy import PersonalCheck, messages
from graph.messages import LANGS, t
from graph.namespace import G_PRIVATE, SCHEMA

_PRIVATE = ox.NamedNode(str(G_PRIVATE))
_NAME = ox.NamedNode(str(SCHEMA.name))
_TEXT_TYPES = {"http://www.w3.org/2001/XMLSchema#string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}


def screen_quads(quads: list[ox.Quad], check: PersonalCheck, *, where: str) -> list[ox.Quad]:
    """``quads`` with personal data in public text literals redacted (``check.redact``); otherwise
    :class:`InputError` naming each trajectory and predicate (``where``: the store it came from)."""
    from graph.build.cohorts import slug_of

    detector = Detector(q.object.value for q in quads if q.graph_name == _PRIVATE and q.predicate == _NAME)
    out, problems = [], []
    for quad in quads:
        text = _text(quad)
        hits = detector.find(text) if text and quad.graph_name != _PRIVATE else []
        if hits and check.redact:
            check.redacted.update(h.kind for h in hits)
            quad = ox.Quad(quad.subject, quad.predicate, _like(quad.object, detector.redact(text)[0]), quad.graph_name)
        elif hits:
            slug, field = slug_of(quad.graph_name) or "", quad.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            hint = t("personal.build_hint", check.lang if check.lang in LANGS else "nl", slug=slug)
            problems += [Problem(where, slug, None, field, found, hint)
                         for found, _ in messages(slug, field, hits, check.lang, contact=False)]
        out.append(quad)
    if problems:
        raise InputError(sorted(set(problems), key=str))
    return out


def _text(quad: ox.Quad) -> str:
    value = quad.object
    return value.value if isinstance(value, ox.Literal) and value.datatype.value in _TEXT_TYPES else ""


def _like(literal: ox.Literal, text: str) -> ox.Literal:
    """A literal with ``text`` and the language (or datatype) of ``literal``."""
    if literal.language:
        return ox.Literal(text, language=literal.language)
    return ox.Literal(text, datatype=literal.datatype)


__all__ = ["screen_quads"]
