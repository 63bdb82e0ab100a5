"""Names of people nobody told us about: found by their form, not from a list of contact persons.

Reports and quotes name people ("Jan de Vries van Dorpsbelang Makkum vertelde", "wethouder Tim Voorbeeld",
"mevr. R. van Voorbeeldhoven"). A name is taken for one when it has the form of a Dutch personal name:

- a common first name (Dutch, Frisian, Turkish, Moroccan, international), then a surname (capitalised,
  after any tussenvoegsels);
- a title or form of address (dhr., mevr., mevrouw, de heer, dr., ...), then initials and a surname;
- initials, then a surname ("J. de Vries", "J.P. Jansen").

Not names: a street, buurt or polder named after someone ("Frans Halsbuurt", "M.H. Tromplaan"), names
after "Sint" or "Prins" ("Sint Anna ter Muiden"), a word after one capital letter and a full stop that
starts a sentence ("plan B. Daarna"), and every place name of the bundled reference data that has the
form of a name (Anna Paulowna, Maria Hoop): those are read from the woonplaatsen, gemeenten (also former
ones), wijken and buurten once, when the first candidate turns up. A first name that is also an ordinary
word (Ben, Wil, Roos, Peer, Lot, Hoop) is not in the list; a name with a first name outside the list, and without
a title or initials, is not found.

>>> [m.text for m in find_names("Jan de Vries en mevr. R. van Voorbeeldhoven spraken met wethouder Tim Voorbeeld.")]
['Jan de Vries', 'mevr. R. van Voorbeeldhoven', 'Tim Voorbeeld']
>>> find_names("In de Frans Halsbuurt en Anna Paulowna; plan B. Daarna sprak de dorpsraad.")
[]
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from graph.settings import DEFAULT_DATA

FIRST_NAMES = frozenset("""
Aad Aafke Aagje Ad Adri Adriaan Afke Agnes Albert Alex Alexander Ali Anja Anke Anna Anne Anne-Marie Anneke Annelies
Annemarie Annet Annette Ans Anton Antoon Arend Arie Arjan Arjen Arnold Astrid Auke Bart Bas Bastiaan Baukje Bea
Bernadette Bernard Bert Bertus Betty Bianca Bob Bram Brenda Carin Carla Carolien Cees Chantal Charlotte Chris
Christiaan Cor Cora Corrie Daan Danny Dennis Diana Dick Dirk Dolf Douwe Durk Eddy Edith Edwin Eelco Eline Elise Ellen
Els Elly Emile Emma Erik Erwin Ester Esther Eva Evert Femke Fenna Floor Fokke Folkert Frank Frans Fred Freddy Freek
Frits Gea Geert Geertje Geke Gerard Gerben Gerda Gerlof Gerrit Gert Gijs Gijsbert Gonny Greet Grietje Guus Hanneke
Hans Harm Harry Hein Hendrik Henk Hennie Henny Herman Hester Hetty Hidde Hilda Hilde Hiltje Hugo Hylke Ida Ilse Ineke
Inge Ingrid Irene Iris Jaap Jacob Jacqueline Jacques Jan Jan-Willem Janneke Jannie Jans Jasper Jeanette Jelle Jelmer
Jenny Jeroen Jesse Jildou Johan Johannes Joke Jolanda Jolien Joost Jop Jorien Joris Jos José Josée Joyce Judith Julia
Karel Karin Kees Kim Kirsten Klaas Klaasje Koen Lambert Lars Laura Leo Leon Lianne Lidwien Lieke Liesbeth Linda Lisa
Loes Lotte Louis Lucas Lucie Luuk Maarten Madelon Manon Marcel Marco Margreet Margriet Maria Marian Marianne Marieke
Marijke Mariska Marius Marjan Marjolein Mark Marloes Marten Martijn Martin Mathijs Maurice Max Meike Melle Menno Merel
Michiel Mieke Mirjam Monique Nel Nelleke Nicole Niek Niels Nienke Nina Noor Olga Patrick Paul Paula Pauline Pepijn
Peter Petra Piet Pieter Pieternel Pim Quirine Ralph Ramon Reinder Reinier Rein Remco Renate René Rens Ria Rianne
Richard Rick Riet Rik Rinus Rinze Rita Rob Robert Robin Roel Roelof Rolf Ronald Ruben Rutger Ruud Sabine Sander Sandra
Sanne Sarah Saskia Sem Sietse Sietske Silvia Simone Sjaak Sjef Sjoerd Sjoukje Sophie Stan Stefan Stijn Susan Suzanne
Sven Sybren Sytse Tamara Teun Theo Thijs Thomas Tijs Tim Tineke Tjalling Tjeerd Tjitske Tom Ton Tonny Trijntje Truus
Tryntsje Ursula Vera Victor Vincent Wendy Wesley Wiebe Wietske Willeke Willem Wilma Wim Wouter Wytze Yke Ymkje Yvette
Yvonne Zoë
Adrianus Ahmed Antonius Ayşe Catharina Cornelia Cornelis Daniel David Elisabeth Emre Fatima Finn Franciscus
Gerardus Hamid Hassan Hatice Hendrika Hendrikus Ibrahim Jacoba Johanna John Karim Kevin Khadija Levi Liam Mehmet
Michael Mike Mila Milan Mohamed Mohammed Murat Mustafa Nadia Naima Noah Nora Omar Petrus Rachid Saar Samira Sara
Tess Theodorus Wilhelmina Wilhelmus Yara Youssef Yusuf Zeynep
""".split())
_TUSSEN = r"(?:(?i:van|de|der|den|het|'t|ter|ten|te|in|op|d')\s+){0,3}"
_SURNAME = r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?"
_INITIALS = r"(?:[A-Z]\.\s?)"
TITLES = ("dhr", "mevr", "mw", "mr", "drs", "dr", "ir", "ing", "meneer", "mevrouw", "de heer")  # forms of address
TITLE = rf"(?i:{'|'.join(TITLES)})\.?\s+"  # one before a name, in any case
_FIRST = "|".join(re.escape(n) for n in sorted(FIRST_NAMES, key=len, reverse=True))
_NAME = re.compile(
    rf"(?<![\w.'’-])(?:(?P<first>{_FIRST})\s+{_TUSSEN}{_SURNAME}"
    rf"|(?P<title>{TITLE}){_INITIALS}*{_TUSSEN}{_SURNAME}"
    rf"|(?P<initials>{_INITIALS}{{1,4}}){_TUSSEN}{_SURNAME})(?![\w'’-])")
# a name in the name of a street, buurt or building is the name of the place
_PLACE_ENDS = ("straat", "straatje", "laan", "plein", "weg", "kade", "gracht", "singel", "steeg", "dreef", "plantsoen",
               "park", "markt", "buurt", "wijk", "polder", "plaats", "kwartier", "kanaal", "school", "stichting")
_BEFORE = re.compile(r"(?<![\w.])(?i:sint|sancta|st\.?|prins|prinses|koning|koningin)\s+$")
# after one capital and a full stop a sentence may start: these first words are no surname
_SENTENCE_START = frozenset("""
Aan Al Als Alle Bij Dan Daar Daarna Daarom Dat De Deze Die Dit Door Een En Er Het Hier Hij Hoe Ik In Je Maar Met Na
Naar Niet Nog Nu Of Om Ook Op Over Te Toen Tot Uit Van Voor Wat We Wel Wie Wij Zo Ze Zij Zonder
""".split())


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    text: str


# cheap tests first: most texts hold no first name of the list, no title and no initial
_TITLE_OR_INITIAL = re.compile(rf"(?<![\w.])(?:[A-Z]\.|(?i:{'|'.join(TITLES)})\b)")
_CAPITALISED = re.compile(r"(?<![\w.'’-])[A-Z][\w'’-]*")


def find_names(text: str) -> list[Found]:
    """The names of people in ``text`` (see the module docstring), in order."""
    if not _TITLE_OR_INITIAL.search(text) and FIRST_NAMES.isdisjoint(_CAPITALISED.findall(text)):
        return []
    out = []
    for m in _NAME.finditer(text):
        if _is_name(m, text) and not _in_place_name(text, m.start(), m.end()):
            out.append(Found(m.start(), m.end(), m.group()))
    return out


def _is_name(m: re.Match[str], text: str) -> bool:
    last = m.group().split()[-1].split(".")[-1].lower()
    if last.endswith(_PLACE_ENDS) and last not in _PLACE_ENDS:
        return False
    if _BEFORE.search(text, 0, m.start()):
        return False
    return not (m.group("initials") and m.group().split()[-1] in _SENTENCE_START)


def _in_place_name(text: str, start: int, end: int) -> bool:
    """True when a place name that looks like a person's covers ``text[start:end]``."""
    for place in _places_like_names():
        at = text.find(place, max(0, end - len(place)), start + len(place))  # the first that could cover it
        if at != -1 and at <= start:
            return True
    return False


# the reference files and their name columns whose names are read for the place check
_PLACE_FILES = {"woonplaatsen_2024.csv": "woonplaatsnaam", "gemeenten.csv": "gemeentenaam",
                "wijken_2024.csv": "wijknaam",
                "buurten_2024.csv": "buurtnaam", "gemeentelijke_indeling_1990_2025_nlextract.csv": "gemeentenaam"}


def reference_places() -> Iterator[tuple[str, str]]:
    """(file, name) of every woonplaats, gemeente (also former), wijk and buurt of the bundled reference data."""
    for file, column in _PLACE_FILES.items():
        path = DEFAULT_DATA / "reference" / file
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                yield from ((file, name) for row in csv.DictReader(fh) if (name := (row.get(column) or "").strip()))


@functools.lru_cache(maxsize=1)
def _places_like_names() -> tuple[str, ...]:
    """The place names of the reference data in which the name pattern finds a name (read once)."""
    found = {name for _, name in reference_places() if any(_is_name(m, name) for m in _NAME.finditer(name))}
    return tuple(sorted(found, key=len, reverse=True))


__all__ = ["FIRST_NAMES", "Found", "TITLE", "TITLES", "find_names", "reference_places"]
