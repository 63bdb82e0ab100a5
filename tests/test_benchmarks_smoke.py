"""Smoke test of the scale benchmark: a deterministic generator whose output validates; run.py starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent / "benchmarks"
sys.path.insert(0, str(BENCH))

import synthetic  # noqa: E402


def test_generator_is_deterministic_for_a_seed(tmp_path):
    a = synthetic.write_trajectory(tmp_path / "a.yaml", 10, lessons=2, seed=7)
    b = synthetic.write_trajectory(tmp_path / "b.yaml", 10, lessons=2, seed=7)
    assert a.read_bytes() == b.read_bytes()
    assert synthetic.records(10, lessons=2, seed=7) != synthetic.records(10, lessons=2, seed=8)


def test_ten_gemeenten_validate_through_ingest(tmp_path):
    from graph.ingest import errors_in, load_trajectory

    path = synthetic.write_trajectory(tmp_path / "t.yaml", 10, lessons=2)
    trajectory, problems = load_trajectory(path, data_dir=synthetic.REAL_DATA)
    assert errors_in(problems) == []
    assert len(trajectory.les) == 20


def test_synthetic_codes_never_clash_with_real_ones():
    real = set(synthetic.real_codes())
    extra = synthetic.codes(1000)[len(real):]
    assert len(extra) == 1000 - len(real) and not real & set(extra)


def test_run_help():
    done = subprocess.run([sys.executable, str(BENCH / "run.py"), "--help"], capture_output=True, text=True,
                          timeout=20)
    assert done.returncode == 0 and "--sizes" in done.stdout
