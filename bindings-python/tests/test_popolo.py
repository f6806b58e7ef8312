"""Popolo export and import (issue 6 item 6; docs/popolo.md), validated against the Popolo JSON
Schemas in shared/fixtures/popolo/schemas (draft-03) with jsonschema's Draft3Validator and a
local referencing.Registry: the schemas' absolute $refs to popoloproject.com resolve offline.

Two parts: a pure-JSON part that validates the EveryPolitician fixture and the export printed by
`cargo run -p renda --example popolo_export` (no binding needed), and a part that goes through
the binding (`renda.Ledger.to_popolo`, `renda.popolo_import`).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import pytest

import renda
from conftest import rust_example

jsonschema = pytest.importorskip("jsonschema")
referencing = pytest.importorskip("referencing")
from referencing.jsonschema import DRAFT3  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
POPOLO = REPO.parent / "shared" / "fixtures" / "popolo"
SCHEMAS = POPOLO / "schemas"
EVERYPOLITICIAN = POPOLO / "everypolitician" / "burundi-ep-popolo-v1.0.json"

# Collection of a Popolo document → schema of its records.
COLLECTIONS = {
    "persons": "person",
    "organizations": "organization",
    "memberships": "membership",
    "posts": "post",
    "areas": "area",
    "events": "event",
    "vote_events": "vote_event",
    "motions": "motion",
}


def _registry() -> Any:
    resources = []
    for path in sorted(SCHEMAS.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["id"], referencing.Resource(contents=schema, specification=DRAFT3)))
    return referencing.Registry().with_resources(resources)


@pytest.fixture(scope="module")
def validators() -> Dict[str, Any]:
    if not SCHEMAS.is_dir():
        pytest.skip(f"Popolo schemas not found at {SCHEMAS}")
    registry = _registry()
    out = {}
    for kind in set(COLLECTIONS.values()):
        schema = json.loads((SCHEMAS / f"{kind}.json").read_text(encoding="utf-8"))
        out[kind] = jsonschema.Draft3Validator(
            schema, registry=registry, format_checker=jsonschema.Draft3Validator.FORMAT_CHECKER
        )
    return out


def schema_errors(doc: Dict[str, Any], validators: Dict[str, Any]) -> List[Tuple[str, int, str]]:
    """Every schema error of every record of the document's collections."""
    errors = []
    for collection, kind in COLLECTIONS.items():
        for i, record in enumerate(doc.get(collection, [])):
            for e in validators[kind].iter_errors(record):
                errors.append((collection, i, f"{list(e.absolute_path)}: {e.message}"))
    return errors


def as_json(value: Any) -> Any:
    """The bindings may return JSON text or parsed values."""
    return json.loads(value) if isinstance(value, (str, bytes)) else value


def cargo_example(*args: str) -> str:
    """What the popolo_export example prints for ``args``."""
    out = subprocess.run(
        [str(rust_example("popolo_export")), *args],
        cwd=REPO, check=True, capture_output=True, timeout=900,
    )
    # Bytes, decoded by hand: text mode would turn the calendar's CRLF into LF.
    return out.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def example_export() -> Dict[str, Any]:
    return json.loads(cargo_example())


# --- Pure JSON -------------------------------------------------------------------------------


def test_the_validator_is_strict(validators: Dict[str, Any]) -> None:
    """A draft-03 validator with the local registry catches pattern, type and required errors,
    through $refs."""
    bad = {
        "persons": [{"id": "p", "birth_date": "1 May 1980"}],
        "memberships": [{"person_id": 7}],
        "vote_events": [{"counts": [{"option": "yes"}]}],
        "organizations": [{"identifiers": [{"scheme": "x"}]}],
    }
    found = {(c, msg.split(":")[0]) for c, _, msg in schema_errors(bad, validators)}
    assert found == {
        ("persons", "['birth_date']"),
        ("memberships", "['person_id']"),
        ("vote_events", "['counts', 0, 'value']"),  # draft-03 "required" names the property
        ("organizations", "['identifiers', 0, 'identifier']"),
    }


def test_the_everypolitician_fixture_validates(validators: Dict[str, Any]) -> None:
    doc = json.loads(EVERYPOLITICIAN.read_text(encoding="utf-8"))
    assert len(doc["persons"]) == 227
    assert schema_errors(doc, validators) == []


def test_the_example_export_validates(example_export: Dict[str, Any], validators: Dict[str, Any]) -> None:
    doc = example_export
    assert schema_errors(doc, validators) == []
    assert doc["meta"] == {"generator": "renda", "congress": "hd-17", "as_of": "2024-06-30"}
    kinds = {o["id"]: o["classification"] for o in doc["organizations"]}
    assert kinds["hd-17"] == "legislature"
    assert kinds["hd-17/standing_committee"] == "committee"
    assert kinds["party/cpc"] == "party"
    persons = {p["id"]: p for p in doc["persons"]}
    assert persons["person/P-wangli"]["identifiers"] == [
        {"identifier": "P-wangli", "scheme": "renda_person"},
        {"identifier": "D001", "scheme": "renda_deputy"},
    ]
    memberships = {m["id"]: m for m in doc["memberships"]}
    assert memberships["D005"]["end_date"] == "2024-04-25"  # L-9: resignation accepted
    assert memberships["D004"]["label"] == "补选代表"
    refused, accepted = doc["vote_events"]
    assert (refused["result"], accepted["result"]) == ("fail", "pass")
    assert accepted["counts"] == [
        {"option": "yes", "value": 3}, {"option": "no", "value": 0},
        {"option": "abstain", "value": 0}, {"option": "absent", "value": 0},
    ]
    # Every reference resolves within the document.
    ids = {c: {r.get("id") for r in doc[c]} for c in ("persons", "organizations", "posts", "areas", "events")}
    for m in doc["memberships"]:
        assert m["person_id"] in ids["persons"]
        assert m["organization_id"] in ids["organizations"]
        assert m.get("on_behalf_of_id", "party/cpc") in ids["organizations"]
        assert m.get("post_id", next(iter(ids["posts"]))) in ids["posts"]
        assert m.get("area_id", next(iter(ids["areas"]))) in ids["areas"]
        assert m["legislative_period_id"] in ids["events"]


# --- Through the binding ---------------------------------------------------------------------

def _ledger() -> renda.Ledger:
    admin = {"role": "admin", "id": "admin"}
    office = {"role": "deputy_affairs_office", "id": "office"}
    ledger = renda.Ledger({"preset": "national"})
    for at, actor, command in [
        ("2024-01-02", admin, {"type": "register_congress", "congress": "hd-17", "name": "北京市海淀区第十七届人民代表大会",
                               "level": "county", "term": 17, "term_start": "2021-11-01", "term_end": "2026-10-31"}),
        ("2024-01-02", office, {"type": "register_deputy", "deputy": "D001", "congress": "hd-17", "name": "王丽",
                                "contact": {"phone": "13800000000"},
                                "profile": {"gender": "female", "party": "cpc", "ethnicity": "汉族",
                                            "elected_by": {"constituency": "第12选区"}, "groups": ["教育"]}}),
        ("2024-01-02", office, {"type": "register_deputy", "deputy": "D002", "congress": "hd-17", "name": "李强",
                                "elected_on": "2023-06-01", "mandate": "by_election"}),
        ("2024-01-03", office, {"type": "join_standing_committee", "deputy": "D001", "post": "director"}),
    ]:
        ledger.execute({"at": at, "actor": actor, "command": command})
    return ledger


def test_the_binding_export_validates_and_round_trips(validators: Dict[str, Any]) -> None:
    ledger = _ledger()
    doc = as_json(ledger.to_popolo("hd-17", "2024-06-30"))
    assert schema_errors(doc, validators) == []
    assert "13800000000" not in json.dumps(doc, ensure_ascii=False)
    assert [p["id"] for p in doc["persons"]] == ["deputy/D001", "deputy/D002"]
    imported = as_json(renda.popolo_import(json.dumps(doc), {"level": "county"}))
    copy = renda.Ledger({"preset": "national"})
    for command in imported["commands"]:
        copy.execute(command)
    assert as_json(copy.to_popolo("hd-17", "2024-06-30")) == doc
    assert [e["path"] for e in imported["report"]["entries"]] == ["meta"]


def test_the_binding_imports_everypolitician(validators: Dict[str, Any]) -> None:
    text = EVERYPOLITICIAN.read_text(encoding="utf-8")
    imported = as_json(renda.popolo_import(text, {"level": "national", "id_prefix": "bi:"}))
    ledger = renda.Ledger({"preset": "national"})
    for command in imported["commands"]:
        ledger.execute(command)
    types = [c["command"]["type"] for c in imported["commands"]]
    assert types.count("register_congress") == 2
    assert types.count("register_deputy") == 227
    entries = {(e["kind"], e["path"]): e["count"] for e in imported["report"]["entries"]}
    assert entries[("not_held", "persons[].sources")] == 106
    assert entries[("unmatched", "memberships[].on_behalf_of_id")] == 227
    assert entries[("adjusted", "events[].start_date")] == 1
    doc = as_json(ledger.to_popolo("bi:term/2015", "2016-01-01"))
    assert len(doc["persons"]) == 121
    assert schema_errors(doc, validators) == []


def test_satisfaction_votes_validate(validators: Dict[str, Any]) -> None:
    """The W5 satisfaction votes of Haidian 2024 export as vote events that validate."""
    data = Path(__file__).resolve().parents[2] / "tests" / "reports" / "haidian-2024.json"
    ledger = renda.Ledger({"preset": "national"})
    for command in json.loads(data.read_text("utf-8")):
        ledger.execute(command)
    doc = as_json(ledger.to_popolo("hd-17", "2024-12-31"))
    votes = [v for v in doc["vote_events"] if v.get("classification") == "satisfaction"]
    assert len(votes) == 7
    assert all(v["organization_id"] == "hd-17/standing_committee" and v["result"] == "pass" for v in votes)
    assert all(sum(c["value"] for c in v["counts"]) > 0 for v in votes)
    assert schema_errors(doc, validators) == []
