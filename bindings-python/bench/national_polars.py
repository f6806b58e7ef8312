"""The national suggestion figures in idiomatic (lazy) polars, for the benchmarks against renda.

The semantics are those of the national spec (renda's ``projection.rs`` ``facts`` and
``figures`` and ``suggestion.rs`` ``due_segments``): the figures as of the end of a day,
computed from the suggestion lifecycle event log alone.

The approach, one lazy query with no Python loop over rows:

1. One ``group_by("suggestion")`` over the events up to the day gives each suggestion's
   status (an ``Enum``), acceptance, first reply, latest result, latest lead rating and
   plan-ledger entry day with filtered aggregations (``pl.col(...).filter(...).first()/.last()``);
   polars keeps the rows of a group in log order, so first and last are the log's. The second
   replies of plan entries come from a join of the replies with the entry days.
2. The due segments (assignment, extensions, re-handlings, ranked in that order) get their due
   dates in one pass: ``pl.duration`` for calendar days, ``dt.offset_by("{n}mo")`` (clamped to
   the month's end) for calendar months, and for working days two joins with the calendar, on
   the start day (its running count of working days) and on the target ordinal.
3. ``due_on`` (the last segment in list order starting on or before a day) is a filtered
   ``last()`` over the segments sorted by (rank, log order), for the first reply's day and
   for the day of the figures.
4. The figures are sums of boolean expressions and a ``group_by`` by lead unit, collected
   together with ``pl.collect_all``.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any, Dict, Mapping, Tuple, Union

import polars as pl

from national_layout import STATUS, TABLES

Frame = Union[pl.DataFrame, pl.LazyFrame]
STATUSES = sorted(set(STATUS.values()))
RATINGS = ("satisfied", "basically_satisfied", "dissatisfied")


def read_frames(directory: str | os.PathLike) -> Dict[str, pl.DataFrame]:
    """The data set's tables, read eagerly (to time the figures without the read)."""
    return {name: pl.read_parquet(Path(directory) / f"{name}.parquet") for name in TABLES}


def scan_frames(directory: str | os.PathLike) -> Dict[str, pl.LazyFrame]:
    """The data set's tables, scanned lazily."""
    return {name: pl.scan_parquet(Path(directory) / f"{name}.parquet") for name in TABLES}


def figures(directory: str | os.PathLike, as_of: datetime.date) -> Dict[str, Any]:
    """The figures of the data set in ``directory`` as of the end of ``as_of``."""
    return figures_from_frames(scan_frames(directory), as_of)


def due_dates(seg: pl.LazyFrame, calendar: pl.LazyFrame) -> pl.LazyFrame:
    """Adds ``due`` = ``WorkCalendar::due_date(start, amount unit)`` to every segment."""
    cal = calendar.sort("day").with_columns(worked=pl.col("working").cum_sum().cast(pl.Int64))
    by_ordinal = cal.filter("working").select(work_due="day", ordinal="worked")
    start, n, unit = pl.col("start"), pl.col("amount"), pl.col("unit")
    return (
        seg.join(cal.select(start="day", worked="worked"), on="start", how="left")
        .with_columns(ordinal=pl.col("worked") + n)
        .join(by_ordinal, on="ordinal", how="left")
        .with_columns(
            due=pl.when(unit == "calendar_days").then(start + pl.duration(days=n))
            .when(unit == "calendar_months").then(start.dt.offset_by(pl.format("{}mo", n)))
            .when(n == 0).then(start)
            .otherwise(pl.col("work_due"))
        )
        .drop("worked", "ordinal", "work_due")
    )


def segments(ev: pl.LazyFrame, assigned: pl.LazyFrame, t: Dict[str, pl.LazyFrame]) -> pl.LazyFrame:
    """Every suggestion's due segments (suggestion.rs ``due_segments``) with their due dates:
    from assignment, from each extension (counted from assignment), from each re-handling;
    ``rank`` and ``seq`` give their order in the list."""
    kind, day = pl.col("kind"), pl.col("day")
    cols = ["suggestion", "seq", "from", "start", "rank", "deadline"]
    parts = [
        assigned.with_columns(pl.col("a").alias("from"), start="a", rank=0, deadline=pl.lit("reply")),
        ev.filter(kind == "reply_deadline_extended")
        .join(assigned.select("suggestion", start="a"), on="suggestion")
        .with_columns(day.alias("from"), rank=1, deadline=pl.lit("extended")),
        ev.filter(kind == "rehandling_started")
        .with_columns(day.alias("from"), start=day, rank=2, deadline=pl.lit("rehandle")),
    ]
    # One row per (level, deadline): amount and unit of the reply, extended and rehandle limits.
    limits = pl.concat([
        t["deadlines"].select("level", pl.lit(k).alias("deadline"),
                              amount=pl.col(f"{k}_amount").cast(pl.Int64), unit=f"{k}_unit")
        for k in ("reply", "extended", "rehandle")
    ])
    seg = (
        pl.concat([p.select(cols) for p in parts])
        .join(t["suggestions"].select("suggestion", "congress"), on="suggestion")
        .join(t["congresses"].select("congress", "level"), on="congress")
        .join(limits, on=["level", "deadline"])
    )
    return due_dates(seg, t["calendar"])


def facts(t: Dict[str, pl.LazyFrame], as_of: datetime.date) -> pl.LazyFrame:
    """One row per suggestion submitted by ``as_of`` (projection.rs ``facts``)."""
    day, kind, status = pl.col("day"), pl.col("kind"), pl.col("status")
    ev = t["events"].with_row_index("seq").with_columns(
        status=kind.replace_strict(STATUS, default=None, return_dtype=pl.String)
    )
    assigned = (
        ev.filter(kind == "suggestion_assigned")
        .group_by("suggestion")
        .agg(pl.col("seq").last(), a=day.last(), lead_unit=pl.col("unit").last())
    )
    replied = kind == "suggestion_replied"
    by_day = (
        ev.filter(day <= as_of)
        .group_by("suggestion")
        .agg(
            status=status.last(ignore_nulls=True),
            accepted=(status == "accepted").any(),
            first_reply=day.filter(replied).first(),
            result=pl.col("result").filter(replied).last(),
            rating=pl.col("rating").filter((kind == "feedback_given") & pl.col("by_lead")).last(),
            entered=day.filter(status == "in_plan").first(),
        )
    )
    # Plan ledger: the second reply is a later reply not itself in the plan; the latest such
    # solves the entry when it is category A.
    second = (
        ev.filter(day <= as_of, replied, ~pl.col("in_plan").fill_null(False))
        .join(by_day.select("suggestion", "entered").drop_nulls(), on="suggestion",
              maintain_order="left")
        .filter(day >= pl.col("entered"))
        .group_by("suggestion")
        .agg(second_result=pl.col("result").last())
    )
    due = (
        segments(ev, assigned.drop("lead_unit"), t)
        .join(by_day.select("suggestion", "first_reply"), on="suggestion", how="left")
        .sort("suggestion", "rank", "seq")
        .group_by("suggestion")
        .agg(
            due_first=pl.col("due").filter(pl.col("from") <= pl.col("first_reply")).last(),
            due_now=pl.col("due").filter(pl.col("from") <= as_of).last(),
        )
    )
    return (
        t["suggestions"]
        .join(by_day, on="suggestion")  # submitted by the day: has an event by then
        .join(assigned.select("suggestion", "a", "lead_unit"), on="suggestion", how="left")
        .join(due, on="suggestion", how="left")
        .join(second, on="suggestion", how="left")
        .with_columns(
            plan=pl.col("entered").is_not_null(),
            handled=(pl.col("a") <= as_of).fill_null(False) & (status != "withdrawn"),
            replied=pl.col("first_reply").is_not_null(),
            on_time=(pl.col("first_reply") <= pl.col("due_first")).fill_null(False),
            second_replied=pl.col("second_result").is_not_null(),
            solved=(pl.col("second_result") == "A").fill_null(False),
            overdue=(
                status.is_in(["assigned", "rehandling"])
                & (pl.col("due_now") < as_of)
                & pl.col("lead_unit").is_not_null()
            ).fill_null(False),
        )
    )


def figures_tables(t: Mapping[str, Frame], as_of: datetime.date) -> Tuple[Dict[str, Any], pl.DataFrame]:
    """The figures (projection.rs ``figures``) from the tables (eager or lazy): the totals as a
    dict, and the per-unit figures as a frame (``unit_id`` and the counts; what an analyst
    works with; the benchmark times this)."""
    f = facts({k: v.lazy() for k, v in t.items()}, as_of)
    status, handled = pl.col("status"), pl.col("handled")
    h = f.filter(handled)
    replied = pl.col("replied")
    plan = pl.col("plan")
    totals = f.select(
        submitted=pl.len(),
        during_session=(pl.col("during") == "session").sum(),
        during_recess=(pl.col("during") == "recess").sum(),
        accepted=pl.col("accepted").sum(),
        awaiting_vetting=status.is_in(["submitted", "returned_for_revision"]).sum(),
        **{k: (status == k).sum() for k in ("rejected", "withdrawn", "rehandling", "in_plan", "closed")},
        assigned=handled.sum(),
        replied=(handled & replied).sum(),
        replied_on_time=(handled & replied & pl.col("on_time")).sum(),
        overdue=(handled & pl.col("overdue")).sum(),
        **{f"result_{k}": (handled & replied & (pl.col("result") == k)).sum() for k in "ABCD"},
        **{f"rating_{k}": (handled & (pl.col("rating") == k)).sum() for k in RATINGS},
        plan_entered=(handled & plan).sum(),
        plan_open=(handled & plan & (status == "in_plan")).sum(),
        plan_second_replied=(handled & plan & pl.col("second_replied")).sum(),
        plan_solved=(handled & plan & pl.col("solved")).sum(),
    )
    by_unit = (
        h.filter(pl.col("lead_unit").is_not_null())
        .join(t["units"].lazy().select(lead_unit="unit", unit_id="id"), on="lead_unit")
        .group_by("unit_id")
        .agg(
            assigned=pl.len(),
            replied=replied.sum(),
            replied_on_time=(replied & pl.col("on_time")).sum(),
            overdue=pl.col("overdue").sum(),
            closed=(status == "closed").sum(),
        )
    )
    totals_df, units_df = pl.collect_all([totals, by_unit])
    row = {k: int(v) for k, v in totals_df.row(0, named=True).items()}

    def part(prefix: str) -> Dict[str, int]:
        return {k[len(prefix):]: v for k, v in row.items() if k.startswith(prefix)}

    totals = {
        "counts": {k: v for k, v in row.items() if not k.startswith(("result_", "rating_", "plan_"))},
        "results": part("result_"),
        "ratings": part("rating_"),
        "plan_ledger": part("plan_"),
    }
    return totals, units_df


def units_dict(units: pl.DataFrame) -> Dict[str, Dict[str, int]]:
    """The per-unit frame of :func:`figures_tables` as ``{unit: {field: count}}``."""
    return {r.pop("unit_id"): {k: int(v) for k, v in r.items()} for r in units.iter_rows(named=True)}


def figures_from_frames(t: Mapping[str, Frame], as_of: datetime.date) -> Dict[str, Any]:
    """The figures as one dict, the per-unit figures under ``units``."""
    totals, units = figures_tables(t, as_of)
    return {**totals, "units": units_dict(units)}
