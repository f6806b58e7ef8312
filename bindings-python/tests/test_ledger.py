"""The Python API end to end: lifecycle, typed errors, replay, snapshots, figures."""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
import threading
from typing import Any, Callable, Dict, Type

import pytest

import renda
from renda import (
    CalendarError,
    ConflictError,
    InputError,
    Ledger,
    NotFoundError,
    PermissionDeniedError,
    RendaError,
    RuleSetError,
    RuleViolationError,
)

from conftest import (
    ACCEPT,
    ADMIN,
    OPINION,
    ASSIGN,
    LIFECYCLE,
    OFFICE,
    REGISTRY,
    REPLY,
    SUBMIT,
    cmd,
    deputy,
)


def test_lifecycle_end_to_end() -> None:
    ledger = Ledger({"preset": "national"})
    types = [[e["event"]["type"] for e in ledger.execute(c)] for c in LIFECYCLE]
    assert types[-7:] == [
        ["suggestion_submitted"],
        ["suggestion_accepted"],
        ["suggestion_assigned"],
        ["co_unit_opinion_submitted"],
        ["suggestion_replied"],
        ["feedback_given"],
        ["feedback_given", "suggestion_closed"],
    ]
    assert ledger.seq == 13 and len(ledger) == 13
    events = ledger.events()
    assert [e["seq"] for e in events] == list(range(1, 14))
    assert events[0]["at"] == "2024-01-02T09:00:00+08:00"
    assert events[0]["event"]["name"] == "北京市海淀区第十七届人民代表大会"
    [s] = ledger.suggestions()
    assert s["id"] == "2024-001"
    assert set(ledger.state()) >= {"congresses", "deputies", "units", "suggestions"}
    view = ledger.suggestion_view("2024-001", "2024-03-01")
    assert (view["status"], view["due"], view["overdue_days"], view["lead_unit"]) == (
        "assigned",
        "2024-04-15",
        None,
        "edu",
    )
    assert ledger.suggestion_view("2024-001", "2024-12-31")["status"] == "closed"
    fig = ledger.figures("2024-12-31")
    assert fig["counts"]["submitted"] == 1 and fig["counts"]["closed"] == 1
    assert fig["reply_rate"] == {"numerator": 1, "denominator": 1, "percent": "100.0"}
    assert fig["results"] == {"A": 1, "B": 0, "C": 0, "D": 0}
    assert repr(ledger) == "<renda.Ledger seq=13 events=13>"


def test_command_as_json_text_and_dates_in_commands() -> None:
    ledger = Ledger()
    text = json.dumps(REGISTRY[0], ensure_ascii=False)
    assert ledger.execute(text)[0]["event"]["type"] == "congress_registered"
    c = cmd(dt.date(2024, 1, 3), ADMIN, type_="register_unit", unit="edu", name="区教委")  # type: ignore[arg-type]
    assert ledger.execute(c)[0]["at"] == "2024-01-03T00:00:00+08:00"
    tz = dt.timezone(dt.timedelta(hours=8))
    c = cmd(dt.datetime(2024, 1, 3, 9, 30, tzinfo=tz), ADMIN, type_="register_unit", unit="fin", name="财政局")  # type: ignore[arg-type]
    assert ledger.execute(c)[0]["at"] == "2024-01-03T09:30:00+08:00"


def test_decide_does_not_change_anything(registered: Ledger) -> None:
    before = registered.snapshot()
    [event] = registered.decide(SUBMIT)
    assert event["type"] == "suggestion_submitted" and event["suggestion"] == "2024-001"
    assert registered.snapshot() == before and registered.seq == 5
    with pytest.raises(NotFoundError):
        registered.decide(REPLY)


def reply_before_assignment(ledger: Ledger) -> None:
    ledger.execute(SUBMIT)
    ledger.execute(REPLY)


def assign_beyond_calendar(_: Ledger) -> None:
    # 15 working days after an assignment late in 2026 fall in 2027, beyond the holiday data.
    ledger = Ledger(
        {"preset": "national", "overrides": {"suggestion": {"reply_deadline": {"amount": 15, "unit": "working_days"}}}}
    )
    ledger.execute(
        cmd("2026-11-02", ADMIN, type_="register_congress", congress="hd-18", name="第十八届", level="county",
            term=18, term_start="2026-11-01", term_end="2031-10-31")
    )
    ledger.execute(cmd("2026-11-02", OFFICE, type_="register_deputy", deputy="D1", congress="hd-18", name="王丽"))
    ledger.execute(cmd("2026-11-02", OFFICE, type_="register_unit", unit="edu", name="区教委"))
    ledger.execute(cmd("2026-12-01", deputy("D1"), type_="submit_suggestion", suggestion="S1", congress="hd-18",
                       title="关于S1的建议", lead="D1", during="session"))
    ledger.execute(cmd("2026-12-02", OFFICE, type_="accept_suggestion", suggestion="S1"))
    before = ledger.snapshot()
    try:
        ledger.execute(cmd("2026-12-20", OFFICE, type_="assign_suggestion", suggestion="S1", lead_unit="edu"))
    finally:
        assert ledger.snapshot() == before


def submit_without_rule_set(_: Ledger) -> None:
    ledger = Ledger({"preset": "beijing-district"})  # in force from 2025 only
    for c in REGISTRY:
        ledger.execute(c)
    ledger.execute(SUBMIT)


BAD: Dict[str, Any] = {
    "malformed_json": ('{"at": "2024-01-08", "actor": ', InputError, "invalid_json", None),
    "not_an_object": ("42", InputError, "invalid_field", "(root)"),
    "lone_surrogate": ('{"at": "\ud800"}', InputError, "invalid_json", None),
    "unknown_command": (
        cmd("2024-01-08", ADMIN, type_="fly", suggestion="x"),
        InputError,
        "unknown_command",
        "command.type",
    ),
    "missing_title": (
        {**SUBMIT, "command": {k: v for k, v in SUBMIT["command"].items() if k != "title"}},
        InputError,
        "missing_field",
        "command.title",
    ),
    "missing_at": ({k: v for k, v in SUBMIT.items() if k != "at"}, InputError, "missing_field", "at"),
    "bad_role": ({**SUBMIT, "actor": {"role": "king", "id": "x"}}, InputError, "invalid_field", "actor.role"),
    "unknown_field": (
        {**SUBMIT, "command": {**SUBMIT["command"], "colour": "red"}},
        InputError,
        "invalid_field",
        "command.colour",
    ),
    "wrong_role": ({**ACCEPT, "actor": deputy("D001")}, PermissionDeniedError, "permission_denied", "actor"),
    "not_found": (
        {**SUBMIT, "command": {**SUBMIT["command"], "lead": "D999"}},
        NotFoundError,
        "not_found",
        "command.lead",
    ),
    "already_exists": (REGISTRY[3], ConflictError, "already_exists", None),
    "out_of_order": ({**REGISTRY[3], "at": "2023-01-01"}, ConflictError, "out_of_order", "at"),
    "reply_before_assignment": (reply_before_assignment, RuleViolationError, "invalid_transition", "command.suggestion"),
    "date_outside_calendar": (assign_beyond_calendar, CalendarError, "date_outside_calendar", "at"),
    "no_rule_set": (submit_without_rule_set, RuleSetError, "no_rule_set", "at"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_input_raises_typed_error_and_changes_nothing(registered: Ledger, name: str) -> None:
    command, cls, code, field = BAD[name]
    before = (registered.snapshot(), registered.events(), registered.state(), registered.seq, len(registered))
    with pytest.raises(cls) as info:
        if callable(command):
            command(registered)
        else:
            registered.execute(command)
    err = info.value
    assert isinstance(err, RendaError) and isinstance(err, Exception)
    assert type(err) is cls
    assert err.code == code and err.field == field, err.info
    assert err.info["code"] == code and err.info["kind"] == err.kind
    assert err.message and str(err) == err.message
    assert set(err.info) == {"code", "kind", "message", "field", "value", "rule"}
    if not callable(command):
        after = (registered.snapshot(), registered.events(), registered.state(), registered.seq, len(registered))
        assert after == before
        with pytest.raises(cls):
            registered.decide(command)


def test_error_attributes_and_pickle(registered: Ledger) -> None:
    with pytest.raises(PermissionDeniedError) as info:
        registered.execute({**ACCEPT, "actor": deputy("D001")})
    e = info.value
    assert e.kind == "permission" and e.value == "deputy" and e.rule
    again = pickle.loads(pickle.dumps(e))
    assert type(again) is PermissionDeniedError and again.info == e.info
    assert "permission_denied" in repr(e)


def test_error_kinds_map_to_classes() -> None:
    classes = {
        "input": renda.InputError,
        "permission": renda.PermissionDeniedError,
        "not_found": renda.NotFoundError,
        "conflict": renda.ConflictError,
        "rule": renda.RuleViolationError,
        "calendar": renda.CalendarError,
        "rule_set": renda.RuleSetError,
        "internal": renda.InternalError,
        "something_new": renda.RendaError,
    }
    for kind, cls in classes.items():
        native = renda._native.NativeError(json.dumps({"code": "x", "kind": kind, "message": "m"}))
        err = renda._error(native)
        assert type(err) is cls and err.field is None


@pytest.mark.parametrize(
    "rules, cls, code, field",
    [
        ({"preset": "mars"}, RuleSetError, "invalid_rule_set", "preset"),
        ({"preset": "national", "overrides": {"suggestion": {"color": 1}}}, RuleSetError, "invalid_rule_set", None),
        ([], RuleSetError, "invalid_rule_set", "rules"),
        ([{"preset": "national"}, {"preset": "national"}], RuleSetError, "invalid_rule_set", "id"),
        ("{", InputError, "invalid_json", None),
    ],
)
def test_bad_rules(rules: Any, cls: Type[RendaError], code: str, field: Any) -> None:
    with pytest.raises(cls) as info:
        Ledger(rules)
    assert info.value.code == code
    if field is not None:
        assert info.value.field == field
    with pytest.raises(cls):
        Ledger.replay([], rules)
    with pytest.raises(cls):
        Ledger.restore(Ledger().snapshot(), rules)


def test_rules_forms_are_equivalent() -> None:
    spec = {"preset": "national", "overrides": {"suggestion": {"max_extensions": 2}}}
    for rules in (spec, [spec], json.dumps(spec), json.dumps([spec])):
        Ledger(rules)
    Ledger(None)
    Ledger("null")


def test_replay_equals_live() -> None:
    ledger = Ledger({"preset": "national"})
    for c in LIFECYCLE:
        ledger.execute(c)
    for events in (ledger.events(), json.dumps(ledger.events(), ensure_ascii=False)):
        again = Ledger.replay(events, {"preset": "national"})
        assert again.snapshot() == ledger.snapshot()
        assert again.state() == ledger.state()
        assert again.events() == ledger.events()
        assert again.figures("2024-12-31") == ledger.figures("2024-12-31")


def test_replay_rejects_bad_logs(assigned: Ledger) -> None:
    events = assigned.events()
    with pytest.raises(renda.IntegrityError) as info:
        Ledger.replay(events[1:])
    assert info.value.code == "chain_broken" and info.value.field == "events[0].seq"
    broken = copy.deepcopy(events)
    del broken[2]["event"]["type"]
    with pytest.raises(InputError):
        Ledger.replay(broken)
    with pytest.raises(InputError):
        Ledger.replay("not json")
    shuffled = copy.deepcopy(events)
    shuffled[-1]["at"] = "2020-01-01T00:00:00+08:00"
    # Editing a recorded event breaks its hash before its time is even looked at.
    with pytest.raises(renda.IntegrityError) as info:
        Ledger.replay(shuffled)
    assert info.value.field == f"events[{len(events) - 1}].hash"


def test_snapshot_restore_round_trip(assigned: Ledger) -> None:
    snap = assigned.snapshot()
    assert snap["seq"] == assigned.seq == 8
    for form in (snap, json.dumps(snap, ensure_ascii=False)):
        restored = Ledger.restore(form)
        assert restored.snapshot() == snap and restored.state() == assigned.state()
        assert restored.seq == 8 and len(restored) == 0 and restored.events() == []
        assert restored.figures("2024-05-01") == assigned.figures("2024-05-01")
    restored = Ledger.restore(snap)
    for c in (OPINION, REPLY):
        assert restored.execute(c) == assigned.execute(c)
    assert restored.events()[0]["seq"] == 9 and restored.seq == assigned.seq == 10
    assert restored.snapshot() == assigned.snapshot()
    with pytest.raises(InputError) as info:
        Ledger.restore({**snap, "schema": 99})
    assert info.value.field == "snapshot.schema"
    with pytest.raises(InputError):
        Ledger.restore({**snap, "extra": 1})


def test_figures_and_views_as_of_dates(assigned: Ledger) -> None:
    # Reply due three months after assignment (2024-01-15 -> 2024-04-15).
    assert assigned.figures("2024-04-15")["counts"]["overdue"] == 0
    assert assigned.figures("2024-05-01")["counts"]["overdue"] == 1
    assert assigned.figures("2024-01-09")["counts"]["assigned"] == 0
    assert assigned.figures("2024-01-15")["counts"]["assigned"] == 1
    assert assigned.suggestion_view("2024-001", "2024-05-01")["overdue_days"] == 16
    assert assigned.suggestion_view("2024-001", "2024-01-07")["status"] is None
    assert assigned.figures(dt.date(2024, 5, 1)) == assigned.figures("2024-05-01")
    assert assigned.suggestion_view("2024-001", dt.date(2024, 5, 1)) == assigned.suggestion_view(
        "2024-001", "2024-05-01"
    )
    flt = {"congress": "hd-17", "submitted_from": "2024-01-01"}
    assert assigned.figures("2024-05-01", flt) == assigned.figures("2024-05-01", json.dumps(flt))
    assert assigned.figures("2024-05-01", {"congress": "hd-17"})["counts"]["submitted"] == 1
    assert assigned.figures("2024-05-01", {"submitted_from": "2025-01-01"})["counts"]["submitted"] == 0


@pytest.mark.parametrize(
    "call, cls, code, field",
    [
        (lambda l: l.figures("2024-13-01"), InputError, "invalid_field", "as_of"),
        (lambda l: l.figures(""), InputError, "invalid_field", "as_of"),
        (lambda l: l.figures("2024-05-01", {"bogus": 1}), InputError, "invalid_field", None),
        (lambda l: l.figures("2024-05-01", "null"), InputError, "invalid_field", "filter"),
        (lambda l: l.figures("2024-05-01", "{"), InputError, "invalid_json", None),
        (lambda l: l.suggestion_view("nope", "2024-05-01"), NotFoundError, "not_found", None),
        (lambda l: l.suggestion_view("2024-001", "May 1"), InputError, "invalid_field", "as_of"),
        (lambda l: l.suggestion_view("", "2024-05-01"), InputError, "invalid_field", None),
        (lambda l: l.suggestion_view("2024-001", "\ud800"), InputError, "invalid_field", "as_of"),
    ],
)
def test_query_errors(
    assigned: Ledger, call: Callable[[Ledger], Any], cls: Type[RendaError], code: str, field: Any
) -> None:
    with pytest.raises(cls) as info:
        call(assigned)
    assert info.value.code == code
    if field is not None:
        assert info.value.field == field


def test_unknown_field_paths(assigned: Ledger) -> None:
    with pytest.raises(InputError) as info:
        assigned.figures("2024-05-01", {"bogus": 1})
    assert info.value.field == "filter.bogus"
    with pytest.raises(InputError) as info:
        Ledger.restore({**assigned.snapshot(), "extra": 1})
    assert info.value.field == "snapshot.extra"
    with pytest.raises(InputError) as info:
        assigned.execute({**SUBMIT, "actor": {"role": "deputy", "id": "D001", "x": 1}})
    assert info.value.field == "actor.x"


def test_python_type_errors(assigned: Ledger) -> None:
    with pytest.raises(TypeError):
        assigned.figures(dt.datetime(2024, 5, 1))
    with pytest.raises(TypeError):
        assigned.figures(20240501)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        assigned.suggestion_view(1, "2024-05-01")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        assigned.execute({"at": object()})
    with pytest.raises(TypeError):
        assigned.execute(b"{}")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        assigned.execute({"at": float("nan")})
    with pytest.raises(TypeError):
        renda.rule_set_preset(None)  # type: ignore[arg-type]
    assert assigned.seq == 8


def test_rule_set_preset() -> None:
    national = renda.rule_set_preset("national")
    assert national["suggestion"]["reply_deadline"] == {"amount": 3, "unit": "calendar_months"}
    bj = renda.rule_set_preset("beijing-district")
    assert bj["id"] == "beijing-district"
    # A preset as returned is itself a valid rule-set spec.
    Ledger([national, bj])
    with pytest.raises(RuleSetError) as info:
        renda.rule_set_preset("mars")
    assert info.value.code == "invalid_rule_set" and "mars" in info.value.message


def test_threads_share_a_ledger(assigned: Ledger) -> None:
    expected = assigned.figures("2024-05-01")
    errors = []

    def work() -> None:
        try:
            for _ in range(50):
                assert assigned.figures("2024-05-01") == expected
                assert assigned.seq == 8
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_public_api_surface() -> None:
    assert set(renda.__all__) <= set(dir(renda))
    assert renda.__version__
    assert renda._native.Ledger.__module__ == "renda._native"
    assert renda._native.NativeError.__module__ == "renda._native"
    assert issubclass(renda._native.NativeError, Exception)
