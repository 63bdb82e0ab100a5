"""A validated trajectory -> pyoxigraph quads: public ones in ``graph/traject/<slug>``, personal data
in the private graph.

Contact names, e-mail addresses and telephone numbers become a ``kd:Persoon`` in ``G_PRIVATE``
only; the public graph says no more than the contact's role (``kd:contactRol``).

>>> from graph.ingest.models import Traject, Trajectory, Deelname
>>> t = Trajectory(traject=Traject(id="demo", naam="Demo", fictief=True),
...                deelname=(Deelname(gemeente="GM1900", contact_rol="beleidsmedewerker",
...                                   contact_naam="Jan Voorbeeld"),))
>>> public, private = trajectory_quads(t)
>>> sorted({q.graph_name.value.rsplit("/", 2)[-2] for q in public}), len(private)
(['traject'], 3)
>>> any("Jan Voorbeeld" in str(q) for q in public)
False
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pyoxigraph import NamedNode, Quad
from rdflib.namespace import DCTERMS, RDFS, SKOS

from graph.ingest import PersonalCheck, load_trajectory
from graph.ingest.models import Trajectory
from graph.namespace import G_PRIVATE, KD, SCHEMA, graph_iri, iri
from graph.sources.terms import A, Quads, content_key, node, year

SKOS_CONCEPT = node(SKOS.Concept)  # a trajectory's own themes are concepts, not records

# Input codes of meeting kinds -> slugs of the bijeenkomstsoort concepts (bijeenkomstsoort/<slug>).
SOORT_SLUGS = {"intake": "intake", "startbijeenkomst": "start", "regionale-uitwisseling": "regionaal",
               "werkbezoek": "werkbezoek", "slotbijeenkomst": "slot"}
SOORT_LABELS = {"intake": "Intake", "startbijeenkomst": "Startbijeenkomst",
                "regionale-uitwisseling": "Regionale uitwisseling", "werkbezoek": "Werkbezoek",
                "slotbijeenkomst": "Slotbijeenkomst"}
EUR = "EUR"


def _gemeente(code: str) -> NamedNode:
    return node(iri("gemeente", code))


def _concepts(q: Quads, subject: NamedNode, predicate, kind: str, keys: list[str],
              own: dict[str, str] | None = None) -> None:
    """Links to concepts; ``own`` maps the trajectory's own theme slugs to their keys."""
    for key in keys:
        q.add(subject, predicate, node(iri(kind, (own or {}).get(key, key))))


def own_theme_key(slug: str, theme: str) -> str:
    """The key of a trajectory's own theme: ``<traject>-<slug>``, apart from the national themes.

    >>> own_theme_key("jaar", "jongeren")
    'jaar-jongeren'
    """
    return f"{slug}-{theme}"


def _own(tr: Trajectory) -> dict[str, str]:
    return {t.slug: own_theme_key(tr.slug, t.slug) for t in tr.thema}


def _eigen_themas(q: Quads, tr: Trajectory, t: NamedNode) -> None:
    """The trajectory's own themes: SKOS concepts of its own scheme, under national themes."""
    if not tr.thema:
        return
    scheme = node(iri("scheme", f"themas-{tr.slug}"))
    q.typed(scheme, SKOS.ConceptScheme)
    q.add(scheme, SKOS.prefLabel, f"Eigen thema's van {tr.traject.naam}", lang="nl")
    q.add(scheme, RDFS.label, f"Eigen thema's van {tr.traject.naam}", lang="nl")
    q.add(scheme, KD.traject, t)
    for theme in tr.thema:
        s = node(iri("thema", own_theme_key(tr.slug, theme.slug)))
        q.typed(s, KD.Thema, SKOS.Concept)
        q.add(s, SKOS.prefLabel, theme.label, lang="nl")
        q.add(s, SKOS.definition, theme.definitie, lang="nl")
        q.add(s, SKOS.inScheme, scheme)
        q.add(s, SKOS.broader, node(iri("thema", theme.breder)) if theme.breder else None)


def trajectory_quads(trajectory: Trajectory) -> tuple[list[Quad], list[Quad]]:
    """(public quads in the trajectory's graph, private quads in ``G_PRIVATE``)."""
    q, private = Quads(graph_iri("traject", trajectory.slug)), Quads(G_PRIVATE)
    t = _traject(q, trajectory)
    for add in (_eigen_themas, _deelnames, _projecten, _vraagstukken, _acties, _bijeenkomsten, _aanwezigheden,
                _lessen, _uitkomsten, _toepassingen):
        add(q, trajectory, t)
    _mark_fictief(q, trajectory, t)
    _personen(private, trajectory)
    return q.items, private.items


def _mark_fictief(q: Quads, tr: Trajectory, t: NamedNode) -> None:
    """``kd:fictief`` (the trajectory's own value) on every record, so no query mixes fiction with fact unmarked."""
    typed = {quad.subject for quad in q.items if quad.predicate == A}
    concepts = {quad.subject for quad in q.items if quad.predicate == A and quad.object == SKOS_CONCEPT}
    for subject in sorted(typed - concepts - {t}, key=str):
        q.add(subject, KD.fictief, tr.traject.fictief)


def build_trajectory_quads(path: Path, *, data_dir: Path,
                           personal: PersonalCheck | None = None) -> tuple[list[Quad], list[Quad], str]:
    """Read, validate and convert the trajectory at ``path``: (public, private, slug).

    Raises :class:`graph.errors.InputError` with every problem when the input is not valid (personal
    data in free text too, unless ``personal.redact``).
    """
    trajectory, _warnings = load_trajectory(path, data_dir=data_dir, personal=personal)
    public, private = trajectory_quads(trajectory)
    return public, private, trajectory.slug


def _traject(q: Quads, tr: Trajectory) -> NamedNode:
    t = node(iri("traject", tr.slug))
    q.typed(t, KD.Traject)
    q.add(t, RDFS.label, tr.traject.naam)
    q.add(t, KD.fictief, tr.traject.fictief)
    q.add(t, DCTERMS.description, tr.traject.omschrijving)
    q.add(t, KD.begindatum, tr.traject.begindatum)
    q.add(t, KD.einddatum, tr.traject.einddatum)
    return t


def _deelname(tr: Trajectory, code: str) -> NamedNode:
    return node(iri("deelname", tr.slug, code))


def _deelnames(q: Quads, tr: Trajectory, t: NamedNode) -> None:
    for d in tr.deelname:
        s = _deelname(tr, d.gemeente)
        q.typed(s, KD.Deelname)
        q.add(s, KD.traject, t)
        q.add(s, KD.gemeente, _gemeente(d.gemeente))
        q.add(s, KD.heringedeeld, d.heringedeeld)
        q.add(s, KD.aantalKernenEigenTelling, d.aantal_kernen)
        q.add(s, KD.contactRol, d.contact_rol)
        q.add(s, KD.leergroep, d.leergroep)


def person_key(slug: str, gemeente: str, *identity: str | None) -> str:
    """The key of a contact person: a hash, so the IRI itself shows no name."""
    text = "\x1f".join([slug, gemeente, *(v or "" for v in identity)])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _personen(private: Quads, tr: Trajectory) -> None:
    for d in tr.deelname:
        if not (d.contact_naam or d.contact_email or d.contact_telefoon):
            continue
        p = node(iri("persoon", person_key(tr.slug, d.gemeente, d.contact_naam, d.contact_email)))
        private.add(_deelname(tr, d.gemeente), KD.contactpersoon, p)
        private.typed(p, KD.Persoon)
        private.add(p, SCHEMA.name, d.contact_naam)
        private.add(p, SCHEMA.email, d.contact_email)
        private.add(p, SCHEMA.telephone, d.contact_telefoon)


def _work(q: Quads, tr: Trajectory, t: NamedNode, kind: str, record, cls) -> NamedNode:
    """The common part of a project or vraagstuk."""
    s = node(iri(kind, tr.slug, record.id))
    q.typed(s, cls)
    q.add(s, KD.traject, t)
    q.add(s, KD.deelname, _deelname(tr, record.gemeente))
    q.add(s, KD.gemeente, _gemeente(record.gemeente))
    q.add(s, DCTERMS.title, record.titel)
    q.add(s, DCTERMS.description, record.omschrijving)
    _concepts(q, s, KD.thema, "thema", record.themas, _own(tr))
    _concepts(q, s, KD.instrument, "instrument", record.instrumenten)
    return s


def _projecten(q: Quads, tr: Trajectory, t: NamedNode) -> None:
    for p in tr.project:
        _work(q, tr, t, "project", p, KD.Project)


def _vraagstukken(q: Quads, tr: Trajectory, t: NamedNode) -> None:
    for v in tr.vraagstuk:
        s = _work(q, tr, t, "vraagstuk", v, KD.Vraagstuk)
        q.add(s, KD.project, node(iri("project", tr.slug, v.project)) if v.project else None)
        q.add(s, KD.ambitie, node(iri("ladder", v.ambitie)) if v.ambitie else None)


def _acties(q: Quads, tr: Trajectory, t: NamedNode) -> None:
    for a in tr.actie:
        s = node(iri("actie", tr.slug, a.id))
        q.typed(s, KD.Actie)
        q.add(s, KD.traject, t)
        q.add(s, KD.vraagstuk, node(iri("vraagstuk", tr.slug, a.vraagstuk)))
        q.add(s, DCTERMS.title, a.titel)
        q.add(s, KD.eigenaarRol, a.eigenaar_rol)
        q.add(s, KD.deadline, a.deadline)
        q.add(s, KD.status, a.status)
        q.add(s, KD.afgerond, a.afgerond)


def _bijeenkomsten(q: Quads, tr: Trajectory, t: NamedNode) -> None:
    for b in tr.bijeenkomst:
        s = node(iri("bijeenkomst", tr.slug, b.id))
        q.typed(s, KD.Bijeenkomst)
        q.add(s, KD.traject, t)
        q.add(s, KD.soort, node(iri("bijeenkomstsoort", SOORT_SLUGS[b.soort])))
        q.add(s, RDFS.label, b.titel or f"{SOORT_LABELS[b.soort]} {b.datum:%d-%m-%Y}")
        q.add(s, DCTERMS.title, b.titel)
        q.add(s, KD.datum, b.datum)
        q.add(s, KD.volgnummer, b.volgnummer)
        q.add(s, KD.plaats, b.plaats)
        q.add(s, KD.gastgemeente, _gemeente(b.gastgemeente) if b.gastgemeente else None)


def _aanwezigheden(q: Quads, tr: Trajectory, t: NamedNode) -> None:
    for a in tr.aanwezigheid:
        s = node(iri("aanwezigheid", tr.slug, a.bijeenkomst, a.gemeente))
        q.typed(s, KD.Aanwezigheid)
        q.add(s, KD.traject, t)
        q.add(s, KD.bijeenkomst, node(iri("bijeenkomst", tr.slug, a.bijeenkomst)))
        q.add(s, KD.gemeente, _gemeente(a.gemeente))
        q.add(s, KD.rol, a.rol)


def _lessen(q: Quads, tr: Trajectory, t: NamedNode) -> None:
    for les in tr.les:
        s = node(iri("les", tr.slug, les.id))
        q.typed(s, KD.Les)
        q.add(s, KD.traject, t)
        q.add(s, DCTERMS.title, les.titel)
        q.add(s, KD.tekst, les.tekst)
        _concepts(q, s, KD.thema, "thema", les.themas, _own(tr))
        _concepts(q, s, KD.instrument, "instrument", les.instrumenten)
        _concepts(q, s, KD.bewijs, "gemeente", les.gemeenten)
        q.add(s, KD.bijeenkomst, node(iri("bijeenkomst", tr.slug, les.bijeenkomst)) if les.bijeenkomst else None)
        if les.bron_url:
            q.bronnen(s, [les.bron_url])


def _uitkomsten(q: Quads, tr: Trajectory, t: NamedNode) -> None:
    for u in tr.uitkomst:
        s = node(iri("uitkomst", tr.slug, u.id))
        q.typed(s, KD.Uitkomst)
        q.add(s, KD.traject, t)
        q.add(s, KD.gemeente, _gemeente(u.gemeente))
        q.add(s, DCTERMS.description, u.omschrijving)
        q.add(s, KD.project, node(iri("project", tr.slug, u.project)) if u.project else None)
        q.add(s, KD.les, node(iri("les", tr.slug, u.les)) if u.les else None)
        q.add(s, KD.datum, u.datum)


def _toepassingen(q: Quads, tr: Trajectory, t: NamedNode) -> None:
    for a in tr.toepassing:
        key = f"{a.gemeente}-{a.instrument}-{content_key(tr.slug, *a.model_dump().values())}"
        s = node(iri("toepassing", key))
        q.typed(s, KD.Toepassing)
        q.add(s, KD.traject, t)
        q.add(s, KD.gemeente, _gemeente(a.gemeente))
        q.add(s, KD.instrument, node(iri("instrument", a.instrument)))
        q.add(s, KD.lokaleNaam, a.lokale_naam)
        q.add(s, DCTERMS.description, a.omschrijving)
        q.add(s, KD.sinds, year(a.sinds) if a.sinds else None)
        q.add(s, KD.tot, year(a.tot) if a.tot else None)
        q.add(s, KD.beslisrecht, node(iri("beslisrecht", a.beslisrecht)) if a.beslisrecht else None)
        q.add(s, KD.zeggenschapOver, a.zeggenschap_over)
        if a.bedrag is not None:
            _bedrag(q, s, key, a)


def _bedrag(q: Quads, toepassing: NamedNode, key: str, a) -> None:
    """The amount of a toepassing as a kd:Bedrag with unit (EUR), year and note."""
    b = node(iri("bedrag", key))
    q.add(toepassing, KD.bedrag, b)
    q.typed(b, KD.Bedrag)
    q.add(b, KD.waarde, a.bedrag)
    q.add(b, KD.eenheid, EUR)
    q.add(b, KD.peiljaar, year(a.bedrag_peiljaar) if a.bedrag_peiljaar else None)
    q.add(b, KD.toelichting, a.bedrag_toelichting)
