"""Checked by mypy --strict in test_typing.py (not run as a test): the public API as a
typed program would use it."""

from __future__ import annotations

import datetime as dt
from typing import Any, Dict, List

import renda
from renda import JsonObject, Ledger, RendaError


def use() -> None:
    ledger = Ledger({"preset": "beijing-district"})
    ledger2 = Ledger([{"preset": "national"}, {"preset": "beijing-district"}])
    ledger3 = Ledger('{"preset": "national"}')
    events: List[JsonObject] = ledger.execute({"at": "2024-01-02", "actor": {"role": "admin", "id": "a"},
                                               "command": {"type": "register_unit", "unit": "u", "name": "n"}})
    decided: List[JsonObject] = ledger2.decide('{"at": "2024-01-02"}')
    seq: int = ledger.seq
    n: int = len(ledger3)
    snap: Dict[str, Any] = ledger.snapshot()
    restored: Ledger = Ledger.restore(snap, rules={"preset": "beijing-district"})
    replayed: Ledger = Ledger.replay(ledger.events())
    figures: JsonObject = restored.figures(dt.date(2025, 1, 1), {"congress": "hd-17"})
    view: JsonObject = replayed.suggestion_view("S1", "2025-01-01")
    state: JsonObject = ledger.state()
    suggestions: List[JsonObject] = ledger.suggestions()
    preset: JsonObject = renda.rule_set_preset("national")
    try:
        ledger.execute("{")
    except renda.InputError as e:
        code: str = e.code
        field: str | None = e.field
        info: JsonObject = e.info
    except RendaError as e:
        kind: str = e.kind
    # Issue 4: motions, key suggestions, evaluation, class cases, breakdowns, Popolo, iCalendar.
    unit = {"role": "handling_unit", "id": "edu"}
    motions: List[JsonObject] = ledger.motions()
    sessions: List[JsonObject] = ledger.sessions()
    motion_figures: JsonObject = ledger.motion_figures("hd-17", dt.date(2024, 12, 31))
    key_figures: JsonObject = ledger.key_figures("hd-17", "2024-12-31")
    assessment: JsonObject = ledger.key_assessment("S1", "2024-12-31", reader=unit)
    monitor: List[JsonObject] = ledger.supervision_monitor("hd-17", "2024-06-30")
    evaluations: List[JsonObject] = ledger.evaluations(reader={"role": "third_party_evaluator", "id": "ev"})
    sample: List[JsonObject] = ledger.evaluation_sample("EV1", "2024-12-31")
    as_unit: JsonObject = ledger.suggestion_view("S1", "2024-06-30", reader=unit)
    cases: List[JsonObject] = ledger.class_cases()
    report: JsonObject = ledger.class_case_report("2024-12-31", congress="hd-17")
    candidates: List[JsonObject] = ledger.class_case_candidates("hd-17", 0.3)
    free: List[JsonObject] = renda.candidate_groups([{"suggestion": "S1", "title": "关于增加幼儿园学位的建议"}],
                                                    {"min_score": 0.4})
    scores: List[JsonObject] = ledger.unit_scores("2024-12-31", {"congress": "hd-17"}, reader=unit)
    by_unit: List[JsonObject] = ledger.figures_by(dt.date(2024, 12, 31), "unit")
    plan: JsonObject = ledger.plan_ledger("hd-17", "2024-12-31")
    popolo: JsonObject = ledger.to_popolo("hd-17", "2024-12-31")
    imported: JsonObject = renda.popolo_import(popolo, {"level": "county"})
    findings: List[JsonObject] = renda.popolo_check(popolo)
    ics: str = ledger.to_ical("2024-02-01", {"unit": "edu"})
    table: renda.Table = ledger.table("units", dt.date(2024, 12, 31), reader=unit)
    names: List[str] = renda.Ledger.tables()
    zh: Dict[str, str] = table.labels("zh")
    columns: Dict[str, List[Any]] = table.to_pydict()
    print(len(table), table.as_of.isoformat(), table.column_types, names, zh, columns, table._repr_html_())
    print(events, decided, seq, n, figures, view, state, suggestions, preset)
    print(motions, sessions, motion_figures, key_figures, assessment, monitor, evaluations, sample, as_unit,
          cases, report, candidates, free, scores, by_unit, plan, imported, findings, ics.splitlines())
