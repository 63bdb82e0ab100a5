"""Write slotbijeenkomst.docx (a FICTIONAL meeting report for the tests of `kernen verslag`) and its key.

    python tests/data/verslagen/make_slot.py
"""

from __future__ import annotations

import json
from pathlib import Path

from docx import Document

HERE = Path(__file__).resolve().parent
BLOCKS = [
    ("Title", "Verslag slotbijeenkomst leertraject kernendemocratie (FICTIEF)"),
    ("Normal", "Dit verslag is verzonnen voor de tests van kernen verslag. Het beschrijft geen echte bijeenkomst "
               "en doet geen uitspraak over de genoemde gemeenten."),
    ("Normal", "Datum: 25 november 2025. Plaats: provinciehuis (fictief). Notulist: Piet Voorbeeld "
               "(piet.voorbeeld@example.org, 020-1234567)."),
    ("Heading 1", "Welkom"),
    ("Normal", "De gedeputeerde opende de bijeenkomst en bedankte alle deelnemers voor anderhalf jaar inzet. "
               "Daarna gaf de procesbegeleider een overzicht van de bijeenkomsten en werkbezoeken."),
    ("Heading 1", "Terugblik per gemeente"),
    ("Normal", "Eemsdelta vertelde dat de dorpen in het oude Delfzijl nog steeds anders naar de gemeente kijken "
               "dan de dorpen in het buitengebied. Een les voor Eemsdelta is dat je de geschiedenis van elke "
               "voormalige gemeente serieus moet nemen in het kernenbeleid."),
    ("Normal", "Voorne aan Zee heeft het afgelopen jaar een burgerberaad gehouden over de toekomst van de "
               "voorzieningen. Wat werkte goed: de loting zorgde voor een gevarieerde groep deelnemers, ook "
               "jongeren uit Brielle en Hellevoetsluis."),
    ("Normal", "Noardeast-Fryslân (waar onder meer Dongeradeel in opging) gaf aan dat de erkenning van "
               "dorpsbelangen via een convenant goed is bevallen. Valkuil is wel dat het convenant een papieren "
               "afspraak blijft als niemand het jaarlijks bespreekt."),
    ("Normal", "Molenlanden sprak over de bezuinigingen op de dorpsbudgetten. De dorpen hoorden het te laat en "
               "voelden zich overvallen. Aanbeveling van de groep: betrek de dorpen vroeg bij keuzes over hun "
               "eigen budget, ook als het om minder geld gaat."),
    ("Heading 1", "Gezamenlijke lessen"),
    ("List Bullet", "Zichtbare resultaten in het eerste jaar zijn belangrijker dan een perfect plan."),
    ("List Bullet", "Een dorpsplan zonder gereserveerd geld voor uitvoering leidt tot teleurstelling."),
    ("List Bullet", "Adviezen van dorpsraden verdienen altijd een schriftelijke reactie van het college."),
    ("Heading 1", "Afsluiting"),
    ("Normal", "De procesbegeleider kondigde aan dat de lessenbundel in januari verschijnt. Na afloop was er een "
               "borrel. Iedereen kreeg een boekje mee met de foto's van de werkbezoeken."),
]
KEY = {"fictief": True, "bijeenkomst": "slot", "lessen": [
    {"fragment": "geschiedenis van elke voormalige gemeente", "gemeenten": ["GM1979"]},
    {"fragment": "loting zorgde voor een gevarieerde groep", "gemeenten": ["GM1992"]},
    {"fragment": "papieren afspraak blijft", "gemeenten": ["GM1970"]},
    {"fragment": "betrek de dorpen vroeg bij keuzes", "gemeenten": ["GM1978"]},
    {"fragment": "Zichtbare resultaten in het eerste jaar", "gemeenten": []},
    {"fragment": "zonder gereserveerd geld voor uitvoering", "gemeenten": []},
    {"fragment": "schriftelijke reactie van het college", "gemeenten": []},
]}


def main() -> None:
    doc = Document()
    for style, text in BLOCKS:
        doc.add_paragraph(text, style=style)
    doc.core_properties.author = "kernen tests (fictief)"
    doc.core_properties.created = __import__("datetime").datetime(2025, 11, 25)
    doc.save(HERE / "slotbijeenkomst.docx")
    (HERE / "slotbijeenkomst.json").write_text(json.dumps(KEY, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
