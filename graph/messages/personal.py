"""Messages of the personal-data check (graph.ingest.personal, graph.ingest.privacy, graph.build.privacy):
key -> (nl, en). ``personal.kind.*`` names a kind of personal data as the user reads it."""

from __future__ import annotations

PERSONAL: dict[str, tuple[str, str]] = {
    "personal.kind.email": ("e-mailadres", "e-mail address"),
    "personal.kind.telefoon": ("telefoonnummer", "telephone number"),
    "personal.kind.iban": ("IBAN", "IBAN"),
    "personal.kind.bsn": ("BSN", "citizen service number (BSN)"),
    "personal.kind.adres": ("postcode met huisnummer", "postcode with house number"),
    "personal.kind.naam": ("naam", "name"),
    "personal.found": ("persoonsgegeven in {field}: {kinds}", "personal data in {field}: {kinds}"),
    "personal.move": ("verwijder het of zet het in {column}", "remove it or put it in {column}"),
    "personal.remove": ("verwijder het", "remove it"),
    "personal.times": ("{label} ({n}x)", "{label} ({n} times)"),
    "personal.build_hint": ("kernen build --redact vervangt het, --remove {slug} laat het traject weg",
                            "kernen build --redact replaces it, --remove {slug} leaves the trajectory out"),
}
