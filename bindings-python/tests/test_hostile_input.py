"""Hostile input through the Python binding: huge strings, deep nesting, long logs, text that
is not valid Unicode, NUL and bidi characters, dates and numbers far out of range.

Every case ends in a typed :class:`renda.RendaError` naming the code (and the field where
there is one) with the ledger unchanged, or is accepted and kept exactly. No timings are
asserted; the sizes make quadratic behaviour or unbounded recursion hang or crash instead.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Callable, Dict, List, Optional, Tuple, Type

import pytest

import renda
from renda import InputError, Ledger, RendaError

from conftest import ADMIN, OFFICE, cmd, deputy

MB = 1024 * 1024


def observe(ledger: Ledger) -> Tuple[int, str, str]:
    return ledger.seq, json.dumps(ledger.events()), json.dumps(ledger.snapshot())


def refused(ledger: Ledger, command: Any, code: str, field: Optional[str],
            cls: Type[RendaError] = InputError) -> RendaError:
    """Executes a command that must fail with ``code`` / ``field``; nothing may change."""
    before = observe(ledger)
    with pytest.raises(cls) as info:
        ledger.execute(command)
    err = info.value
    assert (err.code, err.field) == (code, field), repr(err)
    assert observe(ledger) == before, "a refused command changes nothing"
    assert len(err.message) < 1000, "the error stays small"
    assert err.value is None or len(err.value) <= 81, "the value is shortened"
    with pytest.raises(cls):
        ledger.decide(command)
    return err


def deep_list(depth: int) -> Any:
    x: Any = []
    for _ in range(depth):
        x = [x]
    return x


# ---------------------------------------------------------------------------- huge strings


def test_ten_megabyte_strings_name_their_field(assigned: Ledger) -> None:
    big = "长" * (10 * MB // 3)
    refused(assigned, cmd("2024-02-01", deputy("D001"), type_="submit_suggestion", suggestion="S2",
                          congress="hd-17", title=big, lead="D001", during="recess"),
            "invalid_field", "command.title")
    refused(assigned, cmd("2024-02-01", ADMIN, type_="register_unit", unit="u", name=big),
            "invalid_field", "command.name")
    huge_id = "x" * (10 * MB)
    err = refused(assigned, cmd("2024-02-01", ADMIN, type_="register_unit", unit=huge_id, name="区卫健委"),
                  "invalid_field", "command.unit")
    assert err.message == f'invalid value for `command.unit`: must be at most 64 characters (got "{"x" * 80}…")'
    refused(assigned, cmd("2024-02-01", {"role": "deputy_affairs_office", "id": huge_id},
                          type_="accept_suggestion", suggestion="2024-001"),
            "invalid_field", "actor.id")
    # The same as JSON text.
    text = json.dumps(cmd("2024-02-01", ADMIN, type_="register_unit", unit="u", name=big), ensure_ascii=False)
    refused(assigned, text, "invalid_field", "command.name")


@pytest.mark.parametrize("field,command", [
    ("command.unit", {"type": "register_unit", "unit": "y" * 65, "name": "区卫健委"}),
    ("command.deputy", {"type": "register_deputy", "deputy": "y" * 65, "congress": "hd-17", "name": "张三"}),
    ("command.suggestion", {"type": "accept_suggestion", "suggestion": "y" * 65}),
    ("command.lead_unit", {"type": "assign_suggestion", "suggestion": "2024-001", "lead_unit": "y" * 65}),
])
def test_ids_over_64_characters(assigned: Ledger, field: str, command: Dict[str, Any]) -> None:
    err = refused(assigned, {"at": "2024-02-01", "actor": OFFICE, "command": command}, "invalid_field", field)
    assert "must be at most 64 characters" in err.message


def test_documents_over_64_mib_are_refused(assigned: Ledger) -> None:
    doc = '["' + "z" * (70 * MB) + '"]'
    err = refused(assigned, doc, "invalid_json", None)
    assert "exceeds the limit" in err.message
    calls: List[Callable[[], Any]] = [lambda: Ledger.replay(doc), lambda: Ledger.restore(doc), lambda: Ledger(doc)]
    for call in calls:
        with pytest.raises(InputError) as info:
            call()
        assert info.value.code == "invalid_json"


# ---------------------------------------------------------------------------- deep nesting


def test_nesting_100_000_deep_as_text_is_invalid_json(assigned: Ledger) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    deep_obj = '{"a":' * 100_000 + "0" + "}" * 100_000
    for text in (deep, deep_obj):
        err = refused(assigned, text, "invalid_json", None)
        assert "recursion limit exceeded" in err.message
        inside = ('{"at":"2024-02-01","actor":{"role":"admin","id":"a"},'
                  '"command":{"type":"register_unit","unit":"u","name":' + text + "}}")
        refused(assigned, inside, "invalid_json", None)
        for call in (
            lambda: Ledger.replay(text),
            lambda: Ledger.restore(text),
            lambda: Ledger(text),
            lambda: assigned.figures("2024-05-01", text),
            lambda: renda.check_figure(text),
        ):
            with pytest.raises(InputError) as info:
                call()
            assert info.value.code == "invalid_json"
            assert "recursion limit exceeded" in info.value.message


def test_nesting_100_000_deep_as_python_objects_is_invalid_json(assigned: Ledger) -> None:
    # json.dumps gives up with RecursionError; the binding reports it like core would.
    deep = deep_list(100_000)
    refused(assigned, deep, "invalid_json", None)
    refused(assigned, cmd("2024-02-01", ADMIN, type_="register_unit", unit="u", name=deep), "invalid_json", None)
    for call in (
        lambda: Ledger.replay(deep),
        lambda: Ledger.restore({"schema": 2, "seq": 0, "state": deep}),
        lambda: Ledger({"preset": "national", "overrides": deep}),
        lambda: assigned.figures("2024-05-01", {"congress": deep}),
        lambda: renda.check_figure(deep),
    ):
        with pytest.raises(InputError) as info:
            call()
        assert info.value.code == "invalid_json"


# ---------------------------------------------------------------------------- many rows


def unit_event(i: int, **change: Any) -> Dict[str, Any]:
    e: Dict[str, Any] = {"seq": i + 1, "schema": 1, "at": "2024-01-02T09:00:00+08:00",
                         "actor": {"role": "admin", "id": "admin"},
                         "event": {"type": "unit_registered", "unit": f"u{i}", "name": "承办单位"}}
    e.update(change)
    return e


def test_a_long_log_replays_and_one_bad_event_rejects_it_whole() -> None:
    n = 200_000
    log = [unit_event(i) for i in range(n)]
    ledger = Ledger.replay(log)
    assert ledger.seq == n and len(ledger.state()["units"]) == n

    bad = list(log)
    bad[100_000] = unit_event(100_000, actor={"role": "emperor", "id": "admin"})
    with pytest.raises(InputError) as info:
        Ledger.replay(bad)
    assert (info.value.code, info.value.field, info.value.value) == (
        "invalid_field", "events[100000].actor.role", "emperor")

    bad[100_000] = unit_event(100_000, event={"type": "unit_registered", "unit": "", "name": "n"})
    with pytest.raises(InputError) as info:
        Ledger.replay(bad)
    assert (info.value.code, info.value.field) == ("invalid_field", "events[100000].event.unit")


# ---------------------------------------------------------------------------- text


def test_lone_surrogates_are_typed_errors(assigned: Ledger) -> None:
    for name in ("\ud800", "a\udc00b"):
        # In a dict, and in JSON text (raw, and as a JSON escape).
        refused(assigned, cmd("2024-02-01", ADMIN, type_="register_unit", unit="u", name=name), "invalid_json", None)
        refused(assigned, json.dumps(cmd("2024-02-01", ADMIN, type_="register_unit", unit="u", name=name),
                                     ensure_ascii=False), "invalid_json", None)
        refused(assigned, json.dumps(cmd("2024-02-01", ADMIN, type_="register_unit", unit="u", name=name)),
                "invalid_json", None)
    with pytest.raises(InputError) as info:
        assigned.figures("2024-05-01\ud800")
    assert (info.value.code, info.value.field) == ("invalid_field", "as_of")
    with pytest.raises(InputError) as info:
        assigned.suggestion_view("2024-001\ud800", "2024-05-01")
    assert (info.value.code, info.value.field) == ("invalid_field", "suggestion")
    with pytest.raises(InputError) as info:
        renda.is_reproducible("5\ud800", 3)
    assert (info.value.code, info.value.field) == ("invalid_field", "stated_percent")
    with pytest.raises(InputError):
        Ledger({"preset": "national\ud800"})


@pytest.mark.parametrize("bad_id,reason", [
    ("u\x001", "control characters"),
    ("u\x1b[31m", "control characters"),
    ("D\u202e100", "invisible formatting"),
    ("\u200fD001", "invisible formatting"),
    ("D\u200b001", "invisible formatting"),
])
def test_nul_control_and_bidi_characters_in_ids(assigned: Ledger, bad_id: str, reason: str) -> None:
    err = refused(assigned, cmd("2024-02-01", ADMIN, type_="register_unit", unit=bad_id, name="单位"),
                  "invalid_field", "command.unit")
    assert reason in err.message
    refused(assigned, cmd("2024-02-01", deputy(bad_id), type_="give_feedback", suggestion="2024-001",
                          rating="satisfied"), "invalid_field", "actor.id")
    with pytest.raises(InputError) as info:
        assigned.suggestion_view(bad_id, "2024-05-01")
    assert (info.value.code, info.value.field) == ("invalid_field", "suggestion")


def test_names_with_nul_control_and_rtl_characters_are_refused_or_kept_exactly(assigned: Ledger) -> None:
    names = ["a\x00b", "esc\x1b[2J", "\u202eevil", "שלום \u200fעולם", "مرحبا\u061c"]
    for i, name in enumerate(names):
        try:
            assigned.execute(cmd("2024-02-01", ADMIN, type_="register_unit", unit=f"t{i}", name=name))
        except InputError as e:
            assert (e.code, e.field) == ("invalid_field", "command.name")
    replayed = Ledger.replay(assigned.events())
    restored = Ledger.restore(assigned.snapshot())
    for i, name in enumerate(names):
        unit = assigned.state()["units"].get(f"t{i}")
        if unit is not None:
            assert unit["name"] == name
            assert replayed.state()["units"][f"t{i}"]["name"] == name
            assert restored.state()["units"][f"t{i}"]["name"] == name
    assert replayed.state() == assigned.state() == restored.state()


# ---------------------------------------------------------------------------- dates and numbers


@pytest.mark.parametrize("at", [
    "-0001-01-01", "+10000-01-01", "10000-01-01", "2024-02-30", "2024-01-01T00:00:00+25:00", "2024-1-5", "",
])
def test_timestamps_out_of_range(at: str) -> None:
    refused(Ledger(), cmd(at, ADMIN, type_="register_unit", unit="u", name="单位"), "invalid_field", "at")


@pytest.mark.parametrize("at", ["0000-01-01", "9999-12-31T23:59:59+08:00", "9999-12-31T23:59:59-12:00"])
def test_timestamps_at_the_edges_replay(at: str) -> None:
    ledger = Ledger()
    ledger.execute(cmd(at, ADMIN, type_="register_unit", unit="u", name="单位"))
    assert Ledger.replay(ledger.events()).state() == ledger.state()
    assert Ledger.restore(ledger.snapshot()).snapshot() == ledger.snapshot()


def test_as_of_far_in_the_past_and_future(assigned: Ledger) -> None:
    old = assigned.suggestion_view("2024-001", dt.date(1900, 1, 1))
    assert old["status"] is None
    assert assigned.figures("1900-01-01")["counts"]["overdue"] == 0
    late = assigned.suggestion_view("2024-001", dt.date(9999, 12, 31))
    assert (late["status"], late["due"]) == ("assigned", "2024-04-15")
    assert late["overdue_days"] == (dt.date(9999, 12, 31) - dt.date(2024, 4, 15)).days
    assert assigned.figures(dt.date.max)["counts"]["overdue"] == 1
    assert assigned.figures(dt.date.min)["counts"]["submitted"] == 0
    for bad in ("10000-01-01", "+10000-01-01", "-0001-01-01", "2024-02-30", "1e309", ""):
        calls: List[Callable[[], Any]] = [
            lambda: assigned.figures(bad), lambda: assigned.suggestion_view("2024-001", bad)]
        for call in calls:
            with pytest.raises(InputError) as info:
                call()
            assert (info.value.code, info.value.field) == ("invalid_field", "as_of"), bad


def congress(term: Any) -> Dict[str, Any]:
    return cmd("2024-02-01", ADMIN, type_="register_congress", congress="c2", name="人大", level="county",
               term=term, term_start="2021-01-01", term_end="2026-01-01")


@pytest.mark.parametrize("term", [2**64, 2**32, -1, -0.0, 1.5, True, "1"])
def test_numbers_out_of_range_name_the_field(assigned: Ledger, term: Any) -> None:
    refused(assigned, congress(term), "invalid_field", "command.term")


@pytest.mark.parametrize("term", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_numbers_are_a_value_error_before_core(assigned: Ledger, term: float) -> None:
    # Not JSON: json.dumps(allow_nan=False) refuses them, as the binding documents.
    before = observe(assigned)
    with pytest.raises(ValueError, match="not JSON compliant"):
        assigned.execute(congress(term))
    assert observe(assigned) == before


def test_numbers_out_of_range_in_json_text(assigned: Ledger) -> None:
    text = json.dumps(congress(17))
    refused(assigned, text.replace('"term": 17', '"term": 1e309'), "invalid_json", None)
    refused(assigned, text.replace('"term": 17', '"term": -0'), "invalid_field", "command.term")
    refused(assigned, text.replace('"term": 17', '"term": 18446744073709551616'), "invalid_field", "command.term")
    snapshot = assigned.snapshot()
    for seq in (2**53, 2**64 - 1, 2**64, -1):
        with pytest.raises(InputError) as info:
            Ledger.restore({**snapshot, "seq": seq})
        assert (info.value.code, info.value.field) == ("invalid_field", "snapshot.seq"), seq
    assert renda.is_reproducible("50.0", 2**64 - 1) is True
    for denominator in (2**64, -1):
        with pytest.raises(InputError) as info:
            renda.is_reproducible("50.0", denominator)
        assert info.value.field == "denominator"
