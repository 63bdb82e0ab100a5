"""The personal-data check on every free-text field: located problems, or redaction on request.

A :class:`PersonalCheck` says what to do with personal data found in free text (see
:mod:`graph.ingest.personal`): by default each hit is an error at its cell ("persoonsgegeven in
les.tekst: telefoonnummer; verwijder het of zet het in contact_telefoon"); with ``redact=True`` the
hit is replaced by ``[verwijderd: telefoonnummer]`` and counted per kind.

>>> from graph.ingest.models import Deelname, Les
>>> records = {"deelname": [(2, Deelname(gemeente="GM1900", contact_naam="Anna Voorbeeld"))],
...            "les": [(3, Les(id="l1", titel="Bel Anna Voorbeeld", tekst="via 06-12345678"))]}
>>> for p in check_records(records, files={"les": "t.xlsx"}): print(p)
t.xlsx:les:3:titel: persoonsgegeven in les.titel: naam; verwijder het of zet het in contact_naam
t.xlsx:les:3:tekst: persoonsgegeven in les.tekst: telefoonnummer; verwijder het of zet het in contact_telefoon
>>> check = PersonalCheck(redact=True)
>>> redact_records(records, check)["les"][0][1].tekst, dict(check.redacted)
('via [verwijderd: telefoonnummer]', {'naam': 1, 'telefoon': 1})
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from graph.errors import Problem
from graph.ingest.personal import Detector, Hit, label
from graph.ingest.rows import Located
from graph.messages import LANGS, t

# Record kind -> its free-text fields: every field a person types text into that reaches the public
# graph. The contact person's own fields (contact_naam, contact_email, contact_telefoon) go to the
# private graph and are not in this list.
FREE_TEXT: dict[str, tuple[str, ...]] = {
    "traject": ("naam", "omschrijving"),
    "deelname": ("contact_rol", "leergroep"),
    "project": ("titel", "omschrijving"),
    "vraagstuk": ("titel", "omschrijving"),
    "actie": ("titel", "eigenaar_rol"),
    "bijeenkomst": ("titel", "plaats"),
    "aanwezigheid": ("rol",),
    "les": ("titel", "tekst"),
    "uitkomst": ("omschrijving",),
    "toepassing": ("lokale_naam", "omschrijving", "bedrag_toelichting", "zeggenschap_over"),
    "thema": ("label", "definitie"),
}
# Practice data file -> its free-text columns (codes, years, amounts and URLs are not free text).
PRAKTIJK_TEXT: dict[str, tuple[str, ...]] = {
    "toepassingen.csv": ("lokale_naam", "omschrijving_nl", "bedrag_toelichting", "zeggenschap_over", "bewijs_citaat"),
    "kerntellingen.csv": ("wat_geteld", "bewijs_citaat"),
    "lessen.csv": ("titel_nl", "toelichting_nl", "bewijs_citaat"),
    "organisaties.csv": ("naam", "leden_of_bereik", "omschrijving_nl", "bewijs_citaat"),
    "ondersteuning.csv": ("naam_in_bron", "omschrijving_nl", "bewijs_citaat"),
    "instrumenten.csv": ("label_nl", "label_en", "synoniemen_nl", "definitie_nl", "definitie_en"),
    "participatieladder.csv": ("label_nl", "label_en", "toelichting_nl"),
}
CONTACT_COLUMN = {"email": "contact_email", "telefoon": "contact_telefoon", "naam": "contact_naam"}

@dataclass
class PersonalCheck:
    """What to do with personal data in free text, and what was redacted (kind -> count)."""

    redact: bool = False
    lang: str = "nl"
    redacted: Counter = field(default_factory=Counter)

    def summary(self, lang: str | None = None) -> str:
        """The number redacted, then per kind (most first).

        >>> PersonalCheck(redacted=Counter(telefoon=2, email=1, naam=2)).summary()
        '5 (naam 2, telefoonnummer 2, e-mailadres 1)'
        """
        counts = sorted((-n, label(k, lang or self.lang)) for k, n in self.redacted.items())
        kinds = ", ".join(f"{name} {-n}" for n, name in counts)
        return f"{sum(self.redacted.values())}" + (f" ({kinds})" if kinds else "")


def messages(kind: str, field_name: str, hits: list[Hit], lang: str = "nl", *,
             contact: bool = True) -> list[tuple[str, str]]:
    """(message, suggestion) per kind of personal data in one field; ``contact``: the input has
    contact_* columns to move it to.

    >>> for m in messages("les", "tekst", [Hit("telefoon", 0, 1, "x"), Hit("telefoon", 2, 3, "y"),
    ...                                   Hit("iban", 4, 5, "z")], "en"): print(m)
    ('personal data in les.tekst: telephone number (2 times)', 'remove it or put it in contact_telefoon')
    ('personal data in les.tekst: IBAN', 'remove it')
    """
    lang = lang if lang in LANGS else "nl"
    out = []
    for k, n in Counter(h.kind for h in hits).items():
        what = label(k, lang) if n == 1 else t("personal.times", lang, label=label(k, lang), n=n)
        move = contact and k in CONTACT_COLUMN
        hint = t("personal.move", lang, column=CONTACT_COLUMN[k]) if move else t("personal.remove", lang)
        out.append((t("personal.found", lang, field=f"{kind}.{field_name}", kinds=what), hint))
    return out


def is_personal(problem: Problem) -> bool:
    """True for a problem made by this check (in either language)."""
    return any(problem.message.startswith(t("personal.found", lang).split("{")[0]) for lang in LANGS)


def detector_for(records: dict[str, list[Located]]) -> Detector:
    """The detector with the names of this trajectory's contact persons."""
    return Detector(getattr(r, "contact_naam", None) for _, r in records.get("deelname", []))


def check_records(records: dict[str, list[Located]], *, files: dict[str, str],
                  lang: str = "nl") -> list[Problem]:
    """One error per free-text cell that holds personal data, at its file:sheet:row:column."""
    detector, problems = detector_for(records), []
    for kind, located in records.items():
        for row, record in located:
            for name in FREE_TEXT.get(kind, ()):
                hits = detector.find(getattr(record, name) or "")
                problems += [Problem(files.get(kind, ""), kind, row, name, found, hint)
                             for found, hint in messages(kind, name, hits, lang)]
    return problems


def redact_records(records: dict[str, list[Located]], check: PersonalCheck) -> dict[str, list[Located]]:
    """The records with personal data in their free text replaced; ``check.redacted`` counts it."""
    detector = detector_for(records)
    out: dict[str, list[Located]] = {}
    for kind, located in records.items():
        out[kind] = [(row, _redacted(record, FREE_TEXT.get(kind, ()), detector, check)) for row, record in located]
    return out


def _redacted(record, names: Iterable[str], detector: Detector, check: PersonalCheck):
    update = {}
    for name in names:
        text, hits = detector.redact(getattr(record, name) or "")
        if hits:
            update[name] = text
            check.redacted.update(h.kind for h in hits)
    return record.model_copy(update=update) if update else record


def check_rows(rows: Iterable, columns: Iterable[str], check: PersonalCheck | None,
               *, detector: Detector | None = None) -> None:
    """Practice data: each free-text cell of ``rows`` (:class:`graph.ingest.tables.Row`) checked.

    A hit is a problem on the row, or (``check.redact``) replaced in ``row.values`` and counted.
    """
    check = check or PersonalCheck()
    detector = detector or Detector()
    columns = tuple(columns)
    for row in rows:
        for column in columns:
            text = row.values.get(column) or ""
            new, hits = detector.redact(text) if check.redact else (text, detector.find(text))
            if hits and check.redact:
                row.values[column] = new
                check.redacted.update(h.kind for h in hits)
            elif hits:
                sheet = row.file.rsplit("/", 1)[-1].removesuffix(".csv")
                for found, hint in messages(sheet, column, hits, check.lang, contact=False):
                    row.problem(column, found, suggestion=hint)


__all__ = ["FREE_TEXT", "PRAKTIJK_TEXT", "PersonalCheck", "check_records", "is_personal", "redact_records", "check_rows",
           "messages"]
