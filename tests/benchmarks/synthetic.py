"""Seeded synthetic trajectories of N gemeenten, written in the real input format (YAML), for benchmarks.

Up to 342 gemeenten the real reference data is used (gemeenten by code, in file order). Above that, a
separate data dir is written: a copy of ``data/reference`` and ``data/praktijk`` with clearly fictional
gemeenten appended (codes GM5000 and up, which no real gemeente has; names ``Synthetisch 0001``; a
fictional province PV99). Each copies the shape of a real gemeente drawn at random (seeded): its number of
kernen (woonplaatsen), wijken and buurten, so the proportions are the real ones (on average about 7 kernen,
10 wijken and 43 buurten per gemeente). Fictional kernen get codes ``F00000`` and up: BAG woonplaatscodes
have four digits, too few for thousands of fictional kernen that must not clash with real ones.

>>> a = records(10, lessons=2, seed=1); b = records(10, lessons=2, seed=1)
>>> a == b, len(a["deelname"]), len(a["les"])
(True, 10, 20)
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import shutil
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
REAL_DATA = ROOT / "data"
REAL_COUNT = 342
FIRST_SYNTHETIC = 5000  # real gemeentecodes stay below 2000
THEMES = ["draagvlak", "aanspreekpunt", "dorpsplannen", "budgetverdeling", "vertrouwen", "erkenning"]
INSTRUMENTS = ["dorpsbudget", "dorpsraad", "kernwethouder", "dorpsvisie", "kernenfonds"]
SOORTEN = ["regionale-uitwisseling", "werkbezoek", "startbijeenkomst"]


def real_codes(data_dir: Path = REAL_DATA) -> list[str]:
    """The gemeentecodes of the reference table, in file order."""
    with (data_dir / "reference" / "gemeenten.csv").open(encoding="utf-8") as fh:
        return [row["gemeentecode"] for row in csv.DictReader(fh)]


def codes(n: int, *, data_dir: Path = REAL_DATA) -> list[str]:
    """``n`` gemeentecodes: the real ones first, then synthetic GM5000, GM5001, ...

    >>> codes(344)[-3:]
    ['GM1992', 'GM5000', 'GM5001']
    """
    real = real_codes(data_dir)[:n]
    return real + [f"GM{FIRST_SYNTHETIC + i}" for i in range(n - len(real))]


def records(n: int, *, lessons: int = 5, seed: int = 1, traject: str = "synthetisch") -> dict[str, list[dict]]:
    """A trajectory of ``n`` gemeenten: deelname, project, vraagstuk and actie per gemeente, one meeting per
    ten gemeenten with attendance, and ``lessons`` lessons per gemeente."""
    rnd = random.Random(seed)
    gm = codes(n)
    out: dict[str, list[dict]] = {"traject": [{"id": traject, "naam": f"Synthetisch traject {n} (fictief)",
                                               "fictief": True}]}
    out["deelname"] = [{"gemeente": c, "contact_rol": "beleidsmedewerker", "aantal_kernen": rnd.randint(1, 40)}
                       for c in gm]
    out["project"] = [{"id": f"p{i}", "gemeente": c, "titel": f"Project {i} (fictief)",
                       "themas": rnd.sample(THEMES, 2)} for i, c in enumerate(gm)]
    out["vraagstuk"] = [{"id": f"v{i}", "gemeente": c, "titel": f"Vraag {i}", "project": f"p{i}",
                         "instrumenten": rnd.sample(INSTRUMENTS, 2)} for i, c in enumerate(gm)]
    out["actie"] = [{"id": f"a{i}", "vraagstuk": f"v{i}", "titel": "Actie", "status": "bezig",
                     "deadline": dt.date(2025, 1 + i % 12, 1)} for i in range(n)]
    out["bijeenkomst"], out["aanwezigheid"] = _meetings(rnd, gm)
    out["les"] = [_les(rnd, gm, i, j, len(out["bijeenkomst"])) for i in range(n) for j in range(lessons)]
    return out


def _meetings(rnd: random.Random, gm: list[str]) -> tuple[list[dict], list[dict]]:
    meetings, present = [], []
    for m in range(max(1, len(gm) // 10)):
        host = gm[m * 10 % len(gm)]
        meetings.append({"id": f"b{m}", "soort": SOORTEN[m % 3], "datum": dt.date(2025, 1 + m % 12, 1 + m % 28),
                         "volgnummer": m + 1, "gastgemeente": host})
        who = sorted(set(rnd.sample(gm, min(len(gm), 8))) | {host})
        present += [{"bijeenkomst": f"b{m}", "gemeente": c} for c in who]
    return meetings, present


def _les(rnd: random.Random, gm: list[str], i: int, j: int, meetings: int) -> dict:
    others = rnd.sample(gm, min(len(gm), 2))
    return {"id": f"l{i}-{j}", "titel": f"Les {i}.{j} (fictief)", "tekst": "Fictieve les. " * 10,
            "themas": rnd.sample(THEMES, 2), "instrumenten": rnd.sample(INSTRUMENTS, 1),
            "gemeenten": sorted({gm[i], *others}), "bijeenkomst": f"b{rnd.randrange(meetings)}"}


def write_trajectory(path: Path, n: int, *, lessons: int = 5, seed: int = 1, traject: str = "synthetisch") -> Path:
    """``records(n)`` as a YAML file at ``path`` (the same format a user may hand in)."""
    path.write_text(yaml.safe_dump(records(n, lessons=lessons, seed=seed, traject=traject), allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def data_dir(n: int, target: Path, *, seed: int = 1) -> Path:
    """The real data dir for ``n <= 342``; otherwise ``target``: a copy with synthetic gemeenten appended."""
    if n <= REAL_COUNT:
        return REAL_DATA
    for part in ("reference", "praktijk"):
        shutil.copytree(REAL_DATA / part, target / part, dirs_exist_ok=True)
    rnd = random.Random(seed)
    shapes = real_shapes()
    extra = codes(n)[REAL_COUNT:]
    rows: dict[str, list[dict]] = {name: [] for name in ("gemeenten", "woonplaatsen_2024", "wijken_2024", "buurten_2024")}
    for k, code in enumerate(extra):
        _synthetic_gemeente(rnd, code, k, rnd.choice(shapes), rows, len(extra))
    for name, new in rows.items():
        _append(target / "reference" / f"{name}.csv", new)
    _append(target / "reference" / "provincies.csv",
            [{"provinciecode": "PV99", "provincienaam_cbs": "Synthetisch (fictief)", "aantal_gemeenten_2026": len(extra),
              "wikidata_qid": "Q0", "tooi_uri": "https://identifier.overheid.nl/tooi/id/provincie/pv99"}])
    return target


def real_shapes(data_dir: Path = REAL_DATA) -> list[tuple[int, list[int]]]:
    """Per real gemeente: (number of kernen, number of buurten in each wijk).

    >>> shapes = real_shapes(); len(shapes), sum(k for k, _ in shapes), sum(len(w) for _, w in shapes)
    (342, 2501, 3393)
    """
    reference = data_dir / "reference"
    kernen = Counter(row["gemeentecode_gm"] for row in _read(reference / "woonplaatsen_2024.csv"))
    buurten = Counter(row["wijkcode"] for row in _read(reference / "buurten_2024.csv"))
    wijken: dict[str, list[int]] = {}
    for row in _read(reference / "wijken_2024.csv"):
        wijken.setdefault(row["gemeentecode"], []).append(buurten[row["wijkcode"]])
    return [(kernen[code], wijken.get(code, [])) for code in real_codes(data_dir)]


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _synthetic_gemeente(rnd: random.Random, code: str, k: int, shape: tuple[int, list[int]],
                        rows: dict[str, list[dict]], total: int) -> None:
    """One fictional gemeente shaped like a real one: its kernen, wijken and buurten counts."""
    kernen, buurten = shape
    inwoners = rnd.randint(5_000, 120_000)
    name = f"Synthetisch {k + 1:04d}"
    rows["gemeenten"].append({
        "gemeentecode": code, "gemeentecode_4": code[2:], "gemeentenaam": name,
        "provinciecode": "PV99", "provincienaam": "Synthetisch (fictief)", "inwoners_2024": inwoners,
        "oppervlakte_land_ha_2024": rnd.randint(1000, 30000), "oppervlakte_water_ha_2024": rnd.randint(0, 3000),
        "huishoudens_2024": inwoners // 2, "bevolkingsdichtheid_2024": rnd.randint(50, 2000),
        "wikidata_qid": "Q0", "tooi_uri": f"https://identifier.overheid.nl/tooi/id/gemeente/{code.lower()}", "mate_van_stedelijkheid_2024": rnd.randint(1, 5),
        "centroid_lat": round(50.8 + 2.6 * k / total, 5), "centroid_lon": round(3.4 + 3.6 * rnd.random(), 5),
        "aantal_woonplaatsen_2024": kernen, "aantal_wijken_2024": len(buurten), "aantal_buurten_2024": sum(buurten)})
    first = len(rows["woonplaatsen_2024"])
    rows["woonplaatsen_2024"] += [{"woonplaatscode": f"F{first + j:05d}", "woonplaatsnaam": f"Kern {k + 1}.{j + 1} (fictief)",
                                   "gemeentecode": code[2:], "gemeentecode_gm": code, "gemeentenaam_cbs": name,
                                   "corop_code": 99, "corop_naam": "Synthetisch (fictief)"}
                                  for j in range(kernen)]
    digits = code[2:]
    share = inwoners // max(1, len(buurten))
    for w, nb in enumerate(buurten):
        wijk = f"WK{digits}{_base36(w)}"
        rows["wijken_2024"].append({"wijkcode": wijk, "wijknaam": f"Wijk {w + 1}", "gemeentecode": code,
                                    "inwoners": share, "huishoudens": share // 2, "oppervlakte_land_ha": 500})
        rows["buurten_2024"] += [{"buurtcode": f"BU{digits}{_base36(w)}{b:02d}", "buurtnaam": f"Buurt {w + 1}.{b + 1}",
                                  "wijkcode": wijk, "gemeentecode": code, "inwoners": share // nb,
                                  "huishoudens": share // nb // 2, "oppervlakte_land_ha": 50}
                                 for b in range(nb)]


def _base36(number: int) -> str:
    """Two characters 0-9A-Z, as CBS numbers wijken beyond 99 (Amsterdam: WK0363AA).

    >>> _base36(7), _base36(109)
    ('07', '31')
    """
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return digits[number // 36] + digits[number % 36]


def _append(path: Path, rows: list[dict]) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    with path.open("a", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, extrasaction="ignore")
        writer.writerows(rows)
