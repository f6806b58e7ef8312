"""The national suggestion figures in idiomatic pandas, for the benchmarks against renda.

The semantics are those of the national spec (renda's ``projection.rs`` ``facts`` and
``figures`` and ``suggestion.rs`` ``due_segments``): the figures as of the end of a day,
computed from the suggestion lifecycle event log alone.

The approach, as an analyst would write it, with no Python loop over rows:

1. ``events`` gets a ``seq`` column (the log order); the status history is the events mapped
   to statuses, cut at the day; "latest" is ``drop_duplicates(keep="last")`` in log order and
   "first" ``keep="first"``.
2. Due dates are one vectorised ``due_date`` over a frame of due segments (assignment,
   extensions, re-handlings, each with its rank in the segment list): calendar days by
   adding a timedelta, calendar months through monthly periods clamped to the month's length,
   working days through the calendar's running count of working days and its inverse.
3. ``due_on`` (the last segment in list order starting on or before a day) is a merge with the
   day asked about, a filter and a keep-last after sorting by (rank, seq).
4. The per-suggestion facts are columns of one frame indexed by suggestion; the figures are
   sums of its boolean columns and a ``groupby`` by lead unit.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any, Dict, Tuple

import numpy as np
import pandas as pd

from national_layout import STATUS, TABLES


def read_frames(directory: str | os.PathLike) -> Dict[str, pd.DataFrame]:
    """The data set's tables, dates as ``datetime64`` rather than Python ``date`` objects."""
    d = Path(directory)
    return {
        name: pd.read_parquet(d / f"{name}.parquet", to_pandas_kwargs={"date_as_object": False})
        for name in TABLES
    }


def figures(directory: str | os.PathLike, as_of: datetime.date) -> Dict[str, Any]:
    """The figures of the data set in ``directory`` as of the end of ``as_of``."""
    return figures_from_frames(read_frames(directory), as_of)


def due_dates(seg: pd.DataFrame, calendar: pd.DataFrame) -> pd.Series:
    """``WorkCalendar::due_date(start, amount unit)`` for every row of ``seg``."""
    start, n = seg["start"], seg["amount"]
    days = start + pd.to_timedelta(n, unit="D")
    month = start.dt.to_period("M") + n
    months = month.dt.start_time + pd.to_timedelta(
        np.minimum(start.dt.day, month.dt.days_in_month) - 1, unit="D"
    )
    cal = calendar.sort_values("day")
    worked = pd.Series(cal["working"].cumsum().to_numpy(), index=cal["day"])
    working = cal.loc[cal["working"], "day"].reset_index(drop=True)
    working.index += 1  # the working day of each 1-based ordinal
    work = (start.map(worked) + n).map(working).where(n > 0, start)
    unit = seg["unit"]
    return days.where(unit == "calendar_days", months.where(unit == "calendar_months", work))


def due_on(seg: pd.DataFrame, when: pd.Series | pd.Timestamp) -> pd.Series:
    """The due date in force on ``when`` (per suggestion, or one day for all), by suggestion."""
    if isinstance(when, pd.Series):
        seg = seg.merge(when.rename("when"), left_on="suggestion", right_index=True)
        when = seg["when"]
    seg = seg[seg["from"] <= when].sort_values(["rank", "seq"])
    return seg.drop_duplicates("suggestion", keep="last").set_index("suggestion")["due"]


def segments(ev: pd.DataFrame, assigned: pd.DataFrame, t: Dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every suggestion's due segments (suggestion.rs ``due_segments``) with their due dates:
    from assignment, from each extension (counted from assignment), from each re-handling;
    ``rank`` and ``seq`` give their order in the list."""
    asg = assigned.reset_index()[["suggestion", "day", "seq"]]
    ext = ev.loc[ev["kind"] == "reply_deadline_extended", ["suggestion", "day", "seq"]]
    reh = ev.loc[ev["kind"] == "rehandling_started", ["suggestion", "day", "seq"]]
    seg = pd.concat([
        asg.assign(rank=0, deadline="reply", start=asg["day"]),
        ext.merge(asg[["suggestion", "day"]].rename(columns={"day": "start"}))
        .assign(rank=1, deadline="extended"),
        reh.assign(rank=2, deadline="rehandle", start=reh["day"]),
    ], ignore_index=True).rename(columns={"day": "from"})
    # One row per (level, deadline): amount and unit of the reply, extended and rehandle limits.
    limits = pd.concat([
        t["deadlines"][["level", f"{k}_amount", f"{k}_unit"]]
        .set_axis(["level", "amount", "unit"], axis=1).assign(deadline=k)
        for k in ("reply", "extended", "rehandle")
    ])
    seg = (
        seg.merge(t["suggestions"][["suggestion", "congress"]])
        .merge(t["congresses"][["congress", "level"]])
        .merge(limits, on=["level", "deadline"])
    )
    return seg.assign(due=due_dates(seg, t["calendar"]))


def per_suggestion(frame: pd.DataFrame, column: str, keep: str = "last") -> pd.Series:
    """``column`` of each suggestion's last (or first) row of ``frame``, in log order."""
    return frame.drop_duplicates("suggestion", keep=keep).set_index("suggestion")[column]


def facts(t: Dict[str, pd.DataFrame], as_of: datetime.date) -> pd.DataFrame:
    """One row per suggestion submitted by ``as_of`` (projection.rs ``facts``)."""
    day = pd.Timestamp(as_of)
    ev = t["events"].assign(seq=np.arange(len(t["events"])))
    hist = ev.assign(status=ev["kind"].map(STATUS)).dropna(subset=["status"])
    upto = hist[hist["day"] <= day]
    assigned = ev[ev["kind"] == "suggestion_assigned"].drop_duplicates("suggestion", keep="last")
    assigned = assigned.set_index("suggestion")
    seg = segments(ev, assigned, t)
    replies = ev[(ev["kind"] == "suggestion_replied") & (ev["day"] <= day)]
    first = per_suggestion(replies, "day", keep="first")
    rated = ev[(ev["kind"] == "feedback_given") & ev["by_lead"].fillna(False).astype(bool)
               & (ev["day"] <= day)]
    # Plan ledger: entered on the first in_plan status; the second reply is a later one not
    # itself in the plan, and solves it when (the latest such) is category A.
    entered = upto[upto["status"] == "in_plan"].drop_duplicates("suggestion")
    second = replies.merge(entered[["suggestion", "day"]], on="suggestion", suffixes=("", "_p"))
    second = second[(second["day"] >= second["day_p"]) & ~second["in_plan"].fillna(False).astype(bool)]

    s = t["suggestions"].set_index("suggestion").join([
        per_suggestion(upto, "status"),
        assigned["day"].rename("assigned_on"),
        assigned["unit"].rename("lead_unit"),
        first.rename("first_reply"),
        per_suggestion(replies, "result"),
        per_suggestion(rated, "rating"),
        per_suggestion(second, "result").rename("second_result"),
        due_on(seg, first).rename("due_first"),
        due_on(seg, day).rename("due_now"),
    ])
    s = s[s["status"].notna()]  # submitted by the day: has a status then
    return s.assign(
        accepted=s.index.isin(upto.loc[upto["status"] == "accepted", "suggestion"]),
        handled=(s["assigned_on"] <= day) & (s["status"] != "withdrawn"),
        replied=s["first_reply"].notna(),
        on_time=s["first_reply"] <= s["due_first"],
        plan=s.index.isin(entered["suggestion"]),
        second_replied=s["second_result"].notna(),
        solved=s["second_result"] == "A",
        overdue=s["status"].isin(["assigned", "rehandling"]) & (s["due_now"] < day)
        & s["lead_unit"].notna(),
    )


def figures_tables(t: Dict[str, pd.DataFrame], as_of: datetime.date) -> Tuple[Dict[str, Any], pd.DataFrame]:
    """The figures (projection.rs ``figures``) from the tables read by :func:`read_frames`: the
    totals as a dict, and the per-unit figures as a frame indexed by unit id (what an analyst
    works with; the benchmark times this)."""
    s = facts(t, as_of)
    h = s[s["handled"]]
    replied = h[h["replied"]]
    status = s["status"].value_counts()
    counts = {
        "submitted": len(s),
        "during_session": int((s["during"] == "session").sum()),
        "during_recess": int((s["during"] == "recess").sum()),
        "accepted": int(s["accepted"].sum()),
        "awaiting_vetting": int(status.get("submitted", 0) + status.get("returned_for_revision", 0)),
        **{k: int(status.get(k, 0)) for k in ("rejected", "withdrawn", "rehandling", "in_plan", "closed")},
        "assigned": len(h),
        "replied": len(replied),
        "replied_on_time": int(replied["on_time"].sum()),
        "overdue": int(h["overdue"].sum()),
    }
    results = replied["result"].value_counts()
    ratings = h["rating"].value_counts()
    plan = h[h["plan"]]
    by_unit = (
        h[h["lead_unit"].notna()]
        .assign(
            replied_on_time=lambda f: f["replied"] & f["on_time"],
            closed=lambda f: f["status"] == "closed",
            unit_id=lambda f: f["lead_unit"].map(t["units"].set_index("unit")["id"]),
        )
        .groupby("unit_id")
        .agg(assigned=("handled", "size"), replied=("replied", "sum"),
             replied_on_time=("replied_on_time", "sum"), overdue=("overdue", "sum"),
             closed=("closed", "sum"))
    )
    totals = {
        "counts": counts,
        "results": {k: int(results.get(k, 0)) for k in "ABCD"},
        "ratings": {k: int(ratings.get(k, 0)) for k in ("satisfied", "basically_satisfied", "dissatisfied")},
        "plan_ledger": {
            "entered": len(plan),
            "open": int((plan["status"] == "in_plan").sum()),
            "second_replied": int(plan["second_replied"].sum()),
            "solved": int(plan["solved"].sum()),
        },
    }
    return totals, by_unit


def units_dict(by_unit: pd.DataFrame) -> Dict[str, Dict[str, int]]:
    """The per-unit frame of :func:`figures_tables` as ``{unit: {field: count}}``."""
    return {str(u): {k: int(v) for k, v in row.items()} for u, row in by_unit.to_dict("index").items()}


def figures_from_frames(t: Dict[str, pd.DataFrame], as_of: datetime.date) -> Dict[str, Any]:
    """The figures as one dict, the per-unit figures under ``units``."""
    totals, by_unit = figures_tables(t, as_of)
    return {**totals, "units": units_dict(by_unit)}
