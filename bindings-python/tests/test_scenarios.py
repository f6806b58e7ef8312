"""The shared scenarios through the Python runner (``python -m renda.scenario``): every file
passes, and the output is byte-identical to the Rust runner's (when cargo is available; set
RENDA_SKIP_RUST_RUNNER=1 to skip that comparison)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any, List, Tuple

import pytest

from renda import scenario
from conftest import rust_example

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted((ROOT / "tests" / "scenarios").glob("*.json"))


def run_python(path: Path) -> Tuple[int, bytes]:
    buf = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with redirect_stdout(buf):
        code = scenario.main([str(path)])
    buf.flush()
    return code, buf.buffer.getvalue()  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def rust_runner() -> Path:
    if os.environ.get("RENDA_SKIP_RUST_RUNNER"):
        pytest.skip("RENDA_SKIP_RUST_RUNNER set")
    return rust_example("scenario")


def run_rust(runner: Path, path: Path) -> Tuple[int, bytes]:
    p = subprocess.run([str(runner), str(path)], capture_output=True)
    return p.returncode, p.stdout


def test_scenarios_exist() -> None:
    assert SCENARIOS, "no tests/scenarios/*.json"


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario_passes(path: Path) -> None:
    code, out = run_python(path)
    result = json.loads(out)
    assert result["mismatches"] == [] and code == 0, result


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_same_bytes_as_rust_runner(rust_runner: Path, path: Path) -> None:
    assert run_python(path) == run_rust(rust_runner, path)


BASE_FILE = ROOT / "tests" / "scenarios" / "w1_full_lifecycle_satisfied.json"
BASE = json.loads(BASE_FILE.read_text("utf-8")) if BASE_FILE.exists() else {"name": "base", "steps": []}


def _with(**changes: Any) -> str:
    s = dict(BASE)
    for k, v in changes.items():
        if v is None:
            s.pop(k, None)
        else:
            s[k] = v
    return json.dumps(s, ensure_ascii=False)


STEP = {"at": "2024-01-02", "actor": {"role": "admin", "id": "a"},
        "command": {"type": "register_congress", "congress": "c", "name": "n", "level": "county", "term": 1,
                    "term_start": "2021-01-01", "term_end": "2022-01-01"}}
CRAFTED: List[Tuple[str, str]] = [
    ("bad_figures_and_views", _with(
        figures=[{"as_of": "2024-13-01"}, {"as_of": 5}, {}, 7, {"as_of": "2024-12-31", "filter": None},
                 {"as_of": "2024-12-31", "filter": {"bogus": 1}}, {"as_of": "1990-01-01"},
                 {"as_of": "2024-12-31", "expect": {"counts": {"submitted": 1.0}}},
                 {"as_of": "2024-12-31", "expect": {"counts": {"submitted": True}}},
                 {"as_of": "2024-12-31", "expect": {"counts": {"submitted": 1}, "absent": None}}],
        views=[{"suggestion": "nope", "as_of": "2024-03-01"}, {"suggestion": "", "as_of": ""}, "x",
               {"suggestion": "2024-001", "as_of": "bad"}, {"suggestion": 3}])),
    ("unknown_preset", _with(rules={"preset": "mars"})),
    ("rules_as_string", _with(rules="national")),
    ("rules_empty_list", _with(rules=[])),
    ("rules_null", _with(rules=[None])),
    ("rules_bad_override", _with(rules={"preset": "national", "overrides": {"suggestion": {"color": 1}}})),
    ("rules_float_amount", _with(rules={"preset": "national", "overrides": {
        "suggestion": {"reply_deadline": {"amount": 1.5, "unit": "calendar_months"}}}})),
    ("no_rules_key", _with(rules=None)),
    ("not_an_object", "[1, 2, 3]"),
    ("null", "null"),
    ("weird_steps", json.dumps({"name": {"z": 1, "a": ["\u0000\u001f\u007f\u2028\"\\/é😀"]}, "steps": [
        5, "x", None, [], {"expect": {"ok": []}}, {**STEP, "command": {**STEP["command"], "term": 1.0}},
        {**STEP, "command": {**STEP["command"], "name": "n\n\t\"é😀\u0001"}},
        {"at": "x" * 200, "actor": {"role": "king", "id": "a"}, "command": {"type": 5}}]}, ensure_ascii=False)),
    ("numbers", '{"name": [1e-298, 123456789012345678901234567890, -9223372036854775809, -0, 0.1e1, 1e-5,'
                ' 1e-7, 1e16, 1e15, 18446744073709551615, 1844674407370955161.0, 2.5E-10, 1e-400], "steps": ['
                + json.dumps({**STEP, "command": {**STEP["command"], "term": "TERM"}}).replace('"TERM"', "1e-298")
                + "," + json.dumps({**STEP, "command": {**STEP["command"], "term": "TERM"}}).replace(
                    '"TERM"', "123456789012345678901234567890") + "]}"),
    ("duplicate_keys", '{"name": "a", "name": "b", "steps": []}'),
    ("too_deep", '{"name": ' + "[" * 127 + "]" * 127 + "}"),
    ("deep_ok", '{"name": ' + "[" * 126 + "]" * 126 + "}"),
    ("nan", '{"name": NaN}'),
    ("out_of_range", '{"name": 1e400}'),
    ("lone_surrogate", '{"name": "\\ud800"}'),
    ("bom", '\ufeff{"name": 1}'),
    ("trailing", '{"name": 1} x'),
    ("empty", ""),
]


@pytest.mark.parametrize("name, text", CRAFTED, ids=[c[0] for c in CRAFTED])
def test_crafted_same_as_rust_runner(rust_runner: Path, tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / f"{name}.json"
    path.write_bytes(text.encode("utf-8"))
    py = run_python(path)
    assert py == run_rust(rust_runner, path)
    if py[0] != 2:
        assert py[1].endswith(b"\n") and isinstance(json.loads(py[1]), dict)


def test_cli(tmp_path: Path) -> None:
    def cli(*args: str) -> "subprocess.CompletedProcess[bytes]":
        return subprocess.run([sys.executable, "-m", "renda.scenario", *args], capture_output=True)

    assert cli().returncode == 2
    assert cli(str(tmp_path / "missing.json")).returncode == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{", "utf-8")
    assert cli(str(bad)).returncode == 2
    failing = tmp_path / "failing.json"
    failing.write_text(json.dumps({"name": "f", "steps": [{"expect": {"ok": []}}]}), "utf-8")
    p = cli(str(failing))
    assert p.returncode == 1 and json.loads(p.stdout)["mismatches"] == ["steps[0]"]
    if SCENARIOS:
        p = cli(str(SCENARIOS[0]))
        assert p.returncode == 0 and p.stdout.endswith(b"}\n")


def test_matches_semantics() -> None:
    m = scenario.matches
    assert m(None, {"anything": 1})
    assert m({"a": None}, {"a": 5}) and not m({"a": None}, {})
    assert m({"a": 1}, {"a": 1, "b": 2}) and not m({"a": 1}, {"a": 2})
    assert m([1, {"x": None}], [1, {"x": 0}]) and not m([1], [1, 2])
    assert not m(1, 1.0) and not m(True, 1) and not m(1, True) and not m("1", 1)
    assert m(1.5, 1.5) and not m({}, []) and not m([], {})
    assert scenario.canonical({"b": [1.0, -0.0, 1e-7, 1e16], "a": "é\u0001"}) == \
        '{"a":"é\\u0001","b":[1.0,-0.0,1e-7,1e+16]}'


def test_load_mimics_serde_json() -> None:
    load = scenario.load
    assert load("-0") == 0.0 and str(load("-0")) == "-0.0"
    assert type(load("18446744073709551615")) is int
    assert isinstance(load("18446744073709551616"), float)
    assert type(load("-9223372036854775808")) is int
    assert isinstance(load("-9223372036854775809"), float)
    for bad in ("NaN", "Infinity", "1e400", '"\\udc00"', "[" * 128 + "]" * 128):
        with pytest.raises(ValueError):
            load(bad)
