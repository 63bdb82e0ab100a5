"""The input workbook template: comments, dropdowns, hidden lists, Dutch instructions; filled, it builds."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.ingest import load_trajectory
from graph.ingest.models import KINDS, columns
from graph.settings import DEFAULT_DATA
from graph.ingest.template import LIST_SHEET, workbook, workbook_bytes
from graph.sources.trajectory import build_trajectory_quads

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))
import voorbeeld_data  # noqa: E402


@pytest.fixture(scope="module")
def saved() -> openpyxl.Workbook:
    """The template as a user opens it: saved and read back."""
    return openpyxl.load_workbook(io.BytesIO(workbook_bytes(data_dir=DEFAULT_DATA)))


def test_sheets(saved):
    assert saved.sheetnames == ["instructies", *KINDS, LIST_SHEET]
    assert saved[LIST_SHEET].sheet_state == "hidden"
    assert all(saved[kind].sheet_state == "visible" for kind in KINDS)


@pytest.mark.parametrize("kind", list(KINDS))
def test_header_and_comment_per_column(saved, kind):
    ws = saved[kind]
    header = [c.value for c in ws[1]]
    assert header == columns(kind)
    assert all(c.comment is not None and c.comment.text.strip() for c in ws[1])
    assert ws.freeze_panes == "A2"


def _rules(ws) -> dict[str, tuple[str, bool]]:
    """Column letter -> (list formula, refuses other values) of each dropdown."""
    return {str(rule.sqref).split(":")[0].rstrip("0123456789"): (rule.formula1, bool(rule.showErrorMessage))
            for rule in ws.data_validations.dataValidation}


def _letter(kind: str, column: str) -> str:
    return openpyxl.utils.get_column_letter(columns(kind).index(column) + 1)


@pytest.mark.parametrize("kind, column, values, strict", [
    ("bijeenkomst", "soort", ["intake", "startbijeenkomst", "regionale-uitwisseling", "werkbezoek", "slotbijeenkomst"], True),
    ("actie", "status", ["gepland", "bezig", "gereed", "vervallen"], True),
    ("toepassing", "beslisrecht", ["geen", "advies", "zwaarwegend-advies", "bindend", "gedelegeerd"], True),
    ("vraagstuk", "ambitie", ["informeren", "raadplegen", "adviseren", "coproduceren", "meebeslissen", "zelfbeheer"], True),
    ("toepassing", "instrument", None, False),
    ("les", "themas", None, False),
    ("deelname", "gemeente", None, False),
])
def test_dropdowns(saved, kind, column, values, strict):
    formula, refuses = _rules(saved[kind])[_letter(kind, column)]
    sheet, cells = formula.lstrip("=").split("!")
    assert sheet == LIST_SHEET and refuses is strict
    first, last = cells.replace("$", "").split(":")
    listed = [c.value for row in saved[LIST_SHEET][first:last] for c in row]
    if values is not None:
        assert listed == values
    elif column == "gemeente":
        assert "Súdwest-Fryslân" in listed and len(listed) == 342
    elif column == "instrument":
        assert "dorpsbudget" in listed and len(listed) == 29
    else:
        assert "draagvlak" in listed


def test_instructions_in_dutch(saved):
    text = " ".join(str(c.value) for row in saved["instructies"] for c in row if c.value)
    assert "puntkomma" in text and "kernen validate" in text and "besloten graaf" in text


def test_filled_template_validates_and_builds(tmp_path):
    path = tmp_path / "ingevuld.xlsx"
    workbook(data_dir=DEFAULT_DATA, records=voorbeeld_data.records()).save(path)
    trajectory, warnings = load_trajectory(path, data_dir=DEFAULT_DATA)
    assert (trajectory.slug, len(trajectory.les), warnings) == ("voorbeeld", len(voorbeeld_data.LESSONS), [])
    public, private, slug = build_trajectory_quads(path, data_dir=DEFAULT_DATA)
    assert slug == "voorbeeld" and len(public) > 1000 and private


def test_fill_refuses_unknown_columns():
    with pytest.raises(ValueError, match="unknown columns"):
        workbook(data_dir=DEFAULT_DATA, records={"les": [{"id": "l1", "titel": "T", "kleur": "rood"}]})


def test_cli_template(tmp_path):
    out = tmp_path / "leeg.xlsx"
    runner = CliRunner()
    result = runner.invoke(cli, ["template", "--out", str(out)])
    assert result.exit_code == 0 and out.is_file(), result.output
    assert openpyxl.load_workbook(out).sheetnames[1] == "traject"
    again = runner.invoke(cli, ["template", "--out", str(out)])
    assert again.exit_code != 0 and "--force" in again.output
    assert runner.invoke(cli, ["template", "--out", str(out), "--force"]).exit_code == 0
    assert runner.invoke(cli, ["template", "--out", str(tmp_path / "x.csv")]).exit_code != 0


def test_commands_have_help():
    for command in ("validate", "template"):
        result = CliRunner().invoke(cli, [command, "--help"])
        assert result.exit_code == 0 and "Gebruik:" in result.output


CALC = Path("/usr/lib/libreoffice/program/libsclo.so")


def test_libreoffice_opens_it_with_dropdowns_and_data(tmp_path):
    """LibreOffice Calc reads the filled template and saves it again with dropdowns, comments and data intact."""
    import os
    import subprocess

    from conftest import require_tool

    soffice = require_tool("soffice")
    if not CALC.exists() and os.environ.get("KERNEN_REQUIRE_TOOLS") != "1":
        pytest.skip("LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui)")
    source = Path(__file__).resolve().parent / "data" / "valid" / "compleet" / "compleet.xlsx"
    out = tmp_path / "out"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    saved = openpyxl.load_workbook(out / "compleet.xlsx")
    assert saved[LIST_SHEET].sheet_state == "hidden"
    formulas = {rule.formula1.lstrip("=") for rule in saved["bijeenkomst"].data_validations.dataValidation}
    assert formulas == {f"{LIST_SHEET}!$E$2:$E$6", f"{LIST_SHEET}!$A$2:$A$343"}  # soort, gastgemeente
    assert all(c.comment is not None for c in saved["les"][1])
    ours, theirs = (build_trajectory_quads(p, data_dir=DEFAULT_DATA) for p in (source, out / "compleet.xlsx"))
    assert sorted(map(str, ours[0])) == sorted(map(str, theirs[0]))


def test_every_column_has_its_own_help_text():
    from graph.ingest.template import HELP

    assert {c for kind in KINDS for c in columns(kind)} <= set(HELP)
