"""A small hand-built national data set (the Parquet layout of docs/national-data.md) and its
figures.

Three congresses at three levels, each with its own deadline units:

- ``nat`` (national): reply 3 calendar months, extended 6 months, re-handling 3 months;
- ``prov`` (provincial): reply 15 working days, extended 30, re-handling 10, over a calendar
  with weekends off, public holidays on 2025-01-01 and 2025-01-28..02-04 and make-up working
  days on Sunday 2025-01-26 and Saturday 2025-02-08;
- ``cty`` (county): reply 2 calendar months, extended 3 months, re-handling 30 calendar days.

``EXPECTED`` is worked out by hand for ``AS_OF`` (a Saturday), from the comment on each
suggestion in ``SUGGESTIONS`` (``[facts as of AS_OF]``).
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pyarrow as pa
import pyarrow.parquet as pq

D = datetime.date
AS_OF = D(2025, 3, 1)

CONGRESSES = [("nat", "national", None), ("prov", "provincial", 0), ("cty", "county", 1)]
UNITS = ["nat-edu", "prov-fin", "cty-road", "idle"]  # idle: never assigned
DEADLINES = [
    ("national", 3, "calendar_months", 6, "calendar_months", 3, "calendar_months"),
    ("provincial", 15, "working_days", 30, "working_days", 10, "working_days"),
    ("county", 2, "calendar_months", 3, "calendar_months", 30, "calendar_days"),
]
HOLIDAYS = {D(2025, 1, 1)} | {D(2025, 1, 28) + datetime.timedelta(i) for i in range(8)}
MAKEUP = {D(2025, 1, 26), D(2025, 2, 8)}

# Event shorthands: (day, kind, extra columns).
Event = Tuple[datetime.date, str, Dict[str, Any]]


def sub(d: datetime.date) -> Event:
    return (d, "suggestion_submitted", {})


def acc(d: datetime.date) -> Event:
    return (d, "suggestion_accepted", {})


def asg(d: datetime.date, unit: int) -> Event:
    return (d, "suggestion_assigned", {"unit": unit})


def rep(d: datetime.date, result: str, in_plan: bool = False) -> Event:
    return (d, "suggestion_replied", {"result": result, "in_plan": in_plan})


def fb(d: datetime.date, rating: str, by_lead: bool = True) -> Event:
    return (d, "feedback_given", {"rating": rating, "by_lead": by_lead})


def ev(d: datetime.date, kind: str) -> Event:
    return (d, kind, {})


# (id, congress, during, events in log order). Congress 0 = nat, 1 = prov, 2 = cty.
SUGGESTIONS: List[Tuple[str, int, str, List[Event]]] = [
    # S0 [closed, on time, A, lead satisfied]: the plain lifecycle; due 2024-06-10.
    ("S0", 0, "session", [sub(D(2024, 3, 1)), acc(D(2024, 3, 5)), asg(D(2024, 3, 10), 0),
                          rep(D(2024, 5, 10), "A"), fb(D(2024, 5, 20), "satisfied"),
                          ev(D(2024, 5, 25), "suggestion_closed")]),
    # S1 [closed, late, C, basically satisfied]: returned and revised before acceptance; first
    # reply 07-01 after its due 06-12 (late); the lead's dissatisfied rating starts re-handling;
    # the latest reply (C) is the result; a non-lead rating after the lead's does not count.
    ("S1", 0, "session", [sub(D(2024, 3, 1)), ev(D(2024, 3, 3), "suggestion_returned"),
                          ev(D(2024, 3, 6), "suggestion_revised"), acc(D(2024, 3, 8)),
                          asg(D(2024, 3, 12), 0), rep(D(2024, 7, 1), "B"),
                          fb(D(2024, 7, 5), "satisfied", by_lead=False),
                          fb(D(2024, 7, 6), "dissatisfied"), ev(D(2024, 7, 10), "rehandling_started"),
                          rep(D(2024, 9, 1), "C"), fb(D(2024, 9, 10), "basically_satisfied"),
                          fb(D(2024, 9, 12), "dissatisfied", by_lead=False),
                          ev(D(2024, 9, 15), "suggestion_closed")]),
    # S2 [rejected, recess, never accepted].
    ("S2", 0, "recess", [sub(D(2024, 4, 1)), ev(D(2024, 4, 3), "suggestion_rejected")]),
    # S3 [withdrawn before assignment; accepted counts].
    ("S3", 0, "session", [sub(D(2024, 4, 1)), acc(D(2024, 4, 2)),
                          ev(D(2024, 4, 5), "suggestion_withdrawn")]),
    # S4 [withdrawn after assignment: not handled, not in unit nat-edu's figures].
    ("S4", 0, "session", [sub(D(2024, 4, 1)), acc(D(2024, 4, 2)), asg(D(2024, 4, 10), 0),
                          ev(D(2024, 5, 1), "suggestion_withdrawn")]),
    # S5 [assigned, overdue by 1 day]: month-end clamp, 2024-11-30 + 3 months = 2025-02-28;
    # its reply on 03-10 comes after AS_OF.
    ("S5", 0, "session", [sub(D(2024, 11, 20)), acc(D(2024, 11, 25)), asg(D(2024, 11, 30), 0),
                          rep(D(2025, 3, 10), "A")]),
    # S6 [replied, on time, A]: due 2024-11-30, extended on 11-20 to 08-31 + 6 months =
    # 2025-02-28 (clamped, counted from assignment), so the 12-15 reply is on time.
    ("S6", 0, "session", [sub(D(2024, 8, 20)), acc(D(2024, 8, 25)), asg(D(2024, 8, 31), 0),
                          ev(D(2024, 11, 20), "reply_deadline_extended"), rep(D(2024, 12, 15), "A")]),
    # S7 [assigned, not overdue]: due 2025-01-15, extended on 01-10 to 2025-04-15.
    ("S7", 0, "session", [sub(D(2024, 10, 1)), acc(D(2024, 10, 8)), asg(D(2024, 10, 15), 0),
                          ev(D(2025, 1, 10), "reply_deadline_extended")]),
    # S8 [closed, on time, A, satisfied; plan entered, second reply A: solved]: first reply B
    # in the plan on 05-01 (due 06-05), placed in the plan 05-02, second reply A on 10-01.
    ("S8", 0, "session", [sub(D(2024, 3, 1)), acc(D(2024, 3, 2)), asg(D(2024, 3, 5), 0),
                          rep(D(2024, 5, 1), "B", in_plan=True), ev(D(2024, 5, 2), "placed_in_plan"),
                          rep(D(2024, 10, 1), "A"), fb(D(2024, 10, 5), "satisfied"),
                          ev(D(2024, 10, 10), "suggestion_closed")]),
    # S9 [replied, on time, C; plan entered the day of the reply, second reply C: not solved].
    ("S9", 0, "session", [sub(D(2024, 3, 1)), acc(D(2024, 3, 2)), asg(D(2024, 3, 5), 0),
                          rep(D(2024, 5, 1), "B", in_plan=True), ev(D(2024, 5, 1), "placed_in_plan"),
                          rep(D(2024, 12, 1), "C")]),
    # S10 [in plan, on time, B; plan open]: its second reply (2025-04-01) comes after AS_OF.
    ("S10", 0, "session", [sub(D(2024, 3, 1)), acc(D(2024, 3, 2)), asg(D(2024, 3, 5), 0),
                           rep(D(2024, 5, 1), "B", in_plan=True), ev(D(2024, 5, 3), "placed_in_plan"),
                           rep(D(2025, 4, 1), "A")]),
    # S11 [replied, on time, B, basically satisfied]: 15 working days from Monday 2025-01-20
    # across the Spring Festival holiday and both make-up days = 02-14, the reply's day
    # (ignoring the holidays would make it late).
    ("S11", 1, "session", [sub(D(2025, 1, 10)), acc(D(2025, 1, 15)), asg(D(2025, 1, 20), 1),
                           rep(D(2025, 2, 14), "B"), fb(D(2025, 2, 20), "basically_satisfied")]),
    # S12 [re-handling, late, D, dissatisfied, not overdue]: same due 02-14, replied 02-17
    # (ignoring the make-up days would put the due on 02-18); re-handling from 02-18 is due
    # 10 working days later, 03-04.
    ("S12", 1, "session", [sub(D(2025, 1, 10)), acc(D(2025, 1, 15)), asg(D(2025, 1, 20), 1),
                           rep(D(2025, 2, 17), "D"), fb(D(2025, 2, 18), "dissatisfied"),
                           ev(D(2025, 2, 18), "rehandling_started")]),
    # S13 [re-handling twice, on time, C, dissatisfied, overdue]: due 2024-12-23, replied
    # 12-20; re-handling 12-24 (due 2025-01-08 over New Year's Day), replied 01-08;
    # re-handling 01-10, due 01-24, no reply since.
    ("S13", 1, "session", [sub(D(2024, 11, 20)), acc(D(2024, 11, 25)), asg(D(2024, 12, 2), 1),
                           rep(D(2024, 12, 20), "C"), fb(D(2024, 12, 23), "dissatisfied"),
                           ev(D(2024, 12, 24), "rehandling_started"), rep(D(2025, 1, 8), "C"),
                           fb(D(2025, 1, 9), "dissatisfied"), ev(D(2025, 1, 10), "rehandling_started")]),
    # S14 [re-handling, on time, D, dissatisfied, not overdue]: the re-handling segment from
    # 02-24 (due 03-10) is in force, not the assignment's (due 01-23).
    ("S14", 1, "session", [sub(D(2024, 12, 20)), acc(D(2024, 12, 25)), asg(D(2025, 1, 2), 1),
                           rep(D(2025, 1, 10), "D"), fb(D(2025, 1, 15), "dissatisfied"),
                           ev(D(2025, 2, 24), "rehandling_started")]),
    # S15 [assigned, overdue]: extended on 01-20 to 30 working days from ASSIGNMENT (01-02) =
    # 02-19 (from the extension's day it would be 03-07, not overdue).
    ("S15", 1, "session", [sub(D(2024, 12, 20)), acc(D(2024, 12, 25)), asg(D(2025, 1, 2), 1),
                           ev(D(2025, 1, 20), "reply_deadline_extended")]),
    # S16 [replied, on time, A, recess, no rating]: only a non-lead rating by AS_OF; the
    # lead's comes after it.
    ("S16", 1, "recess", [sub(D(2024, 12, 20)), acc(D(2024, 12, 25)), asg(D(2025, 1, 6), 1),
                          rep(D(2025, 1, 15), "A"), fb(D(2025, 1, 20), "satisfied", by_lead=False),
                          fb(D(2025, 3, 5), "satisfied")]),
    # S17 [assigned, not overdue]: due 2025-01-01 + 2 months = AS_OF itself (due < day fails).
    ("S17", 2, "session", [sub(D(2024, 12, 20)), acc(D(2024, 12, 25)), asg(D(2025, 1, 1), 2)]),
    # S18 [re-handling, on time, B, dissatisfied, overdue]: re-handling from 2025-01-20 due
    # 30 calendar days later, 02-19.
    ("S18", 2, "session", [sub(D(2024, 9, 20)), acc(D(2024, 9, 25)), asg(D(2024, 10, 1), 2),
                           rep(D(2024, 11, 15), "B"), fb(D(2024, 11, 20), "dissatisfied"),
                           ev(D(2025, 1, 20), "rehandling_started")]),
    # S19 [assigned, overdue, not replied]: due 2025-02-15; replied after AS_OF.
    ("S19", 2, "session", [sub(D(2024, 12, 1)), acc(D(2024, 12, 10)), asg(D(2024, 12, 15), 2),
                           rep(D(2025, 3, 2), "B")]),
    # S20 [skipped]: submitted after AS_OF.
    ("S20", 2, "session", [sub(D(2025, 3, 5))]),
    # S21 [awaiting vetting]: returned for revision.
    ("S21", 2, "session", [sub(D(2025, 2, 1)), ev(D(2025, 2, 5), "suggestion_returned")]),
    # S22 [awaiting vetting, recess]: just submitted.
    ("S22", 2, "recess", [sub(D(2025, 2, 20))]),
    # S23 [accepted, not handled]: assigned after AS_OF.
    ("S23", 2, "session", [sub(D(2025, 2, 10)), acc(D(2025, 2, 20)), asg(D(2025, 3, 3), 2)]),
]

EXPECTED: Dict[str, Any] = {
    "counts": {
        "submitted": 23,  # all but S20
        "during_session": 20,
        "during_recess": 3,  # S2, S16, S22
        "accepted": 20,  # all but S2, S20, S21, S22
        "awaiting_vetting": 2,  # S21, S22
        "rejected": 1,
        "withdrawn": 2,  # S3, S4
        "rehandling": 4,  # S12, S13, S14, S18
        "in_plan": 1,  # S10
        "closed": 3,  # S0, S1, S8
        "assigned": 17,  # S0, S1, S5..S19
        "replied": 12,  # the handled ones but S5, S7, S15, S17, S19
        "replied_on_time": 10,  # the replied ones but S1, S12
        "overdue": 5,  # S5, S13, S15, S18, S19
    },
    "results": {"A": 4, "B": 3, "C": 3, "D": 2},
    "ratings": {"satisfied": 2, "basically_satisfied": 2, "dissatisfied": 4},
    "plan_ledger": {"entered": 3, "open": 1, "second_replied": 2, "solved": 1},
    "units": {
        "nat-edu": {"assigned": 8, "replied": 6, "replied_on_time": 5, "overdue": 1, "closed": 3},
        "prov-fin": {"assigned": 6, "replied": 5, "replied_on_time": 4, "overdue": 2, "closed": 0},
        "cty-road": {"assigned": 3, "replied": 1, "replied_on_time": 1, "overdue": 2, "closed": 0},
    },
}


def _calendar() -> pa.Table:
    days = [D(2024, 1, 1) + datetime.timedelta(i) for i in range((D(2026, 1, 1) - D(2024, 1, 1)).days)]
    working = [d in MAKEUP or (d.weekday() < 5 and d not in HOLIDAYS) for d in days]
    return pa.table({"day": pa.array(days, pa.date32()), "working": pa.array(working, pa.bool_())})


def _events() -> pa.Table:
    rows = [
        (day, k, kind, extra)
        for k, (_, _, _, events) in enumerate(SUGGESTIONS)
        for day, kind, extra in events
    ]
    for _, _, _, events in SUGGESTIONS:
        assert all(a[0] <= b[0] for a, b in zip(events, events[1:])), "days run forward"
    rows.sort(key=lambda r: r[0])  # stable: the log order keeps each suggestion's order

    def col(name: str, typ: pa.DataType) -> pa.Array:
        values: List[Optional[Any]] = [r[3].get(name) for r in rows]
        return pa.array(values, typ)

    return pa.table({
        "suggestion": pa.array([r[1] for r in rows], pa.int32()),
        "day": pa.array([r[0] for r in rows], pa.date32()),
        "kind": pa.array([r[2] for r in rows], pa.string()).dictionary_encode(),
        "unit": col("unit", pa.int32()),
        "result": col("result", pa.string()),
        "in_plan": col("in_plan", pa.bool_()),
        "rating": col("rating", pa.string()),
        "by_lead": col("by_lead", pa.bool_()),
    })


def write_fixture(directory: str | os.PathLike) -> Path:
    """Writes the data set's Parquet files into ``directory`` (created if missing)."""
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    i32 = pa.int32()
    tables = {
        "congresses": pa.table({
            "congress": pa.array(range(len(CONGRESSES)), i32),
            "id": [c[0] for c in CONGRESSES],
            "level": [c[1] for c in CONGRESSES],
            "parent": pa.array([c[2] for c in CONGRESSES], i32),
        }),
        "units": pa.table({
            "unit": pa.array(range(len(UNITS)), i32),
            "id": UNITS,
        }),
        "suggestions": pa.table({
            "suggestion": pa.array(range(len(SUGGESTIONS)), i32),
            "id": [s[0] for s in SUGGESTIONS],
            "congress": pa.array([s[1] for s in SUGGESTIONS], i32),
            "during": [s[2] for s in SUGGESTIONS],
        }),
        "events": _events(),
        "calendar": _calendar(),
        "deadlines": pa.table({
            name: pa.array([row[k] for row in DEADLINES], i32 if name.endswith("amount") else pa.string())
            for k, name in enumerate(["level", "reply_amount", "reply_unit", "extended_amount",
                                      "extended_unit", "rehandle_amount", "rehandle_unit"])
        }),
    }
    for name, table in tables.items():
        pq.write_table(table, d / f"{name}.parquet")
    return d
