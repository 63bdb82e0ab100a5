"""Help texts of the ``kernen`` command line: key -> (nl, en)."""

from __future__ import annotations

CLI: dict[str, tuple[str, str]] = {
    "cli.version": ("Toon de versie en stop.", "Show the version and exit."),
    "cli.remove": ("Haal dit traject uit de store (herhaalbaar); andere trajecten die niet in INPUT staan "
                   "blijven.", "Drop this trajectory from the store (repeatable); others not in INPUT are kept."),
    "cli.propose_groups": ("Stel tafels voor op wat gemeenten delen, zonder de kolom leergroep te volgen.",
                           "Propose tables by what gemeenten share, ignoring the leergroep column."),
    "cli.with_names": ("Met de namen van contactpersonen (persoonsgegevens!).",
                       "Include contact persons' names (personal data!)."),
    "cli.validate_store": ("Store om mee te vergelijken (env KERNEN_STORE).",
                           "Store to compare with (env KERNEN_STORE)."),
    "cli.validate_lang": ("Taal van de meldingen (standaard nl; env KERNEN_LANG).",
                          "Language of the messages (default nl; env KERNEN_LANG)."),
    "cli.pooled": ("let op: {n} trajecten samen geanalyseerd ({slugs}); kies er een met --traject",
                   "note: {n} trajectories analysed together ({slugs}); choose one with --traject"),
    "cli.valid": ("geldig: {n} invoer, 0 fouten, {warnings} waarschuwing(en)",
                  "valid: {n} input(s), 0 errors, {warnings} warning(s)"),
    "cli.invalid": ("ongeldig: {errors} fout(en), {warnings} waarschuwing(en) in {n} invoer",
                    "invalid: {errors} error(s), {warnings} warning(s) in {n} input(s)"),
    "store.copy_unused": ("{path} niet gebruikt, de store op schijf antwoordt: {why}",
                          "{path} not used, the store on disk answers: {why}"),
    "store.copy_no_sum": ("geen controlesom van de build (bouw de store opnieuw)",
                          "no checksum from the build (build the store again)"),
    "store.copy_size": ("het bestand is {found} bytes, de build schreef er {written}",
                        "the file is {found} bytes, the build wrote {written}"),
    "store.copy_sha": ("de SHA-256 verschilt van wat de build schreef",
                       "the SHA-256 differs from what the build wrote"),
}
