"""The national suggestion figures computed with Apache Spark, renda running inside each task.

The figures partition by congress and combine exactly (issue 7, "Scale-out"): every
suggestion belongs to one congress, so the events of disjoint sets of congresses give
disjoint figures, and :func:`renda.combine_figures` adds them into the figures of the whole
(counts summed, rates recomputed, units merged). This example does that with Spark in local
mode and checks the result equals the single-machine one.

How it works, for a national data set directory ``DIR`` (``docs/national-data.md``):

1. The driver reads ``events.parquet`` with Spark and keeps each event's row in the file as
   ``seq`` (Spark's ``_metadata.row_index``): the order of one suggestion's events is their
   order in the file, and a shuffle does not keep it.
2. It joins the events with ``suggestions.parquet`` for their ``congress``, repartitions them
   by congress into N partitions (each holds whole congresses) and sorts each partition by
   ``seq``, which restores the log order.
3. ``mapInArrow`` runs one Python function per partition in Spark's Python workers. It takes
   the partition's Arrow record batches as they come, reads the three dimension tables
   (congresses, units, suggestions: small next to the events) from the same Parquet
   directory, builds a ``renda.SuggestionLog`` with ``from_arrow`` and returns one row: the
   partition's figures as JSON, with its event count and seconds. Suggestions of other
   partitions have no events there and are not counted (a suggestion counts from its
   submission).
4. The driver collects the N rows and combines the figures with ``renda.combine_figures``.

Then it computes the same figures on one machine, ``renda.SuggestionLog.from_parquet(DIR)``
and ``figures``, prints both timings and ``equal: True``, and exits 1 if they differ. The
due dates in both come from the rule book of the data set's ``deadlines.parquet``
(``bindings-python/bench/national_renda.py``).

Run (after ``scripts/setup.sh python spark`` and ``scripts/build-python.sh``)::

    .venv/bin/python examples/spark/national_figures.py DIR [--as-of YYYY-MM-DD] [--partitions N]

``--as-of`` defaults to the last event day, ``--partitions`` to the local cores
(``--master local[*]``). Spark's Python workers must import the same renda: the example sets
``spark.pyspark.python`` to this interpreter. In local mode the workers read the dimension
tables from ``DIR``; on a cluster ``DIR`` would be on storage every node reads.

Limit: ``renda.combine_figures`` parses each part's JSON on its own, under renda's 64 MiB
document limit; the per-unit figures take ~490 bytes a unit, so a part may hold about 130,000
units with suggestions: the whole country (654,340 units) needs ``--partitions 8`` or more.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Sequence, Tuple, TypeVar

import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
import pyarrow.compute as pc  # type: ignore[import-untyped,unused-ignore]
import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]

import renda

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bindings-python" / "bench"))
import national_renda  # noqa: E402  (the rule book of deadlines.parquet)

#: The columns of events.parquet that renda reads (docs/national-data.md).
EVENT_COLUMNS = ("suggestion", "day", "kind", "unit", "result", "in_plan", "rating", "by_lead")
#: The dimension tables a log is built with, besides the events.
DIMENSIONS = ("congresses", "units", "suggestions")
#: What each Spark task returns: one row per non-empty partition.
PART_SCHEMA = "part int, congresses int, events long, seconds double, figures string"

T = TypeVar("T")


def timed(f: Callable[[], T]) -> Tuple[T, float]:
    t = time.perf_counter()
    v = f()
    return v, time.perf_counter() - t


Batches = Iterator[pa.RecordBatch]


def partition_figures(directory: str, as_of: str, rules: Any) -> Callable[[Batches], Batches]:
    """The function ``mapInArrow`` runs on each partition (in a Spark Python worker): the
    partition's events, in log order, with the dimension tables of ``directory`` make a
    ``renda.SuggestionLog``; it yields one batch of :data:`PART_SCHEMA` with its figures."""

    def run(batches: Batches) -> Batches:
        from pyspark import TaskContext

        events = pa.Table.from_batches(list(batches))
        if events.num_rows == 0:
            return
        t = time.perf_counter()
        congresses, units, suggestions = (pq.read_table(Path(directory) / f"{name}.parquet")
                                          for name in DIMENSIONS)
        log = renda.SuggestionLog.from_arrow(congresses, units, suggestions,
                                             events.select(list(EVENT_COLUMNS)))
        figures = log.figures(as_of, rules=rules)
        ctx = TaskContext.get()
        yield pa.RecordBatch.from_pydict({
            "part": [ctx.partitionId() if ctx else -1],
            "congresses": [len(pc.unique(events.column("congress")))],
            "events": [events.num_rows],
            "seconds": [time.perf_counter() - t],
            "figures": [json.dumps(figures)],
        }, schema=pa.schema([("part", pa.int32()), ("congresses", pa.int32()), ("events", pa.int64()),
                             ("seconds", pa.float64()), ("figures", pa.string())]))

    return run


def spark_session(master: str, driver_memory: str) -> Any:
    """A local Spark session whose Python workers run this interpreter (and so this renda)."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # local mode: no network address needed
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master(master).appName("renda national figures")
             .config("spark.pyspark.python", sys.executable)
             .config("spark.driver.memory", driver_memory)
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.execution.arrow.maxRecordsPerBatch", "100000")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def spark_figures(spark: Any, directory: Path, as_of: str, rules: Any,
                  partitions: int) -> Tuple[Dict[str, Any], List[Any]]:
    """The figures of the data set in ``directory`` computed in ``partitions`` Spark tasks
    holding whole congresses, combined on the driver; and the per-task rows."""
    from pyspark.sql import functions as F

    spark.conf.set("spark.sql.shuffle.partitions", str(partitions))
    events = (spark.read.parquet(str(directory / "events.parquet"))
              .select(*EVENT_COLUMNS, F.col("_metadata.row_index").alias("seq")))
    congress_of = spark.read.parquet(str(directory / "suggestions.parquet")).select("suggestion", "congress")
    by_congress = (events.join(F.broadcast(congress_of), "suggestion")
                   .repartition(partitions, "congress")
                   .sortWithinPartitions("seq"))
    rows = by_congress.mapInArrow(partition_figures(str(directory), as_of, rules), PART_SCHEMA).collect()
    if not rows:
        raise SystemExit(f"{directory / 'events.parquet'} has no events")
    combined = renda.combine_figures([r["figures"] for r in rows])
    return combined, sorted(rows, key=lambda r: r["part"])


def last_event_day(directory: Path) -> datetime.date:
    days = pq.read_table(directory / "events.parquet", columns=["day"]).column("day")
    last: datetime.date = pc.max(days).as_py()
    return last


def main(argv: Sequence[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("directory", type=Path, help="national data set (Parquet directory)")
    ap.add_argument("--as-of", type=datetime.date.fromisoformat, help="default: the last event day")
    ap.add_argument("--partitions", type=int, help="Spark partitions (default: the master's cores)")
    ap.add_argument("--master", default="local[*]", help="Spark master (default local[*])")
    ap.add_argument("--driver-memory", default="2g", help="Spark driver memory (default 2g)")
    a = ap.parse_args(argv)
    d: Path = a.directory.resolve()
    if not (d / "events.parquet").is_file():
        ap.error(f"{d} has no events.parquet (see docs/national-data.md)")
    as_of = (a.as_of or last_event_day(d)).isoformat()
    rules = national_renda.rules_spec(d)

    spark, start = timed(lambda: spark_session(a.master, a.driver_memory))
    try:
        partitions = a.partitions or spark.sparkContext.defaultParallelism
        (distributed, rows), spark_s = timed(lambda: spark_figures(spark, d, as_of, rules, partitions))
    finally:
        spark.stop()

    log, read_s = timed(lambda: renda.SuggestionLog.from_parquet(d))
    single, figures_s = timed(lambda: log.figures(as_of, rules=rules))

    print(f"{len(log):,} events, {log.suggestion_count:,} suggestions, as of {as_of}")
    print(f"spark ({a.master}, {partitions} partitions by congress): {spark_s:.3f} s "
          f"(session start {start:.1f} s not counted)")
    for r in rows:
        print(f"  part {r['part']}: {r['congresses']:,} congresses, {r['events']:,} events, "
              f"renda in the task {r['seconds']:.3f} s")
    print(f"single machine: {read_s + figures_s:.3f} s (read {read_s:.3f} s, figures {figures_s:.3f} s)")
    c = single["counts"]
    same = distributed == single
    print(f"submitted {c['submitted']:,}, assigned {c['assigned']:,}, replied {c['replied']:,}, "
          f"overdue {c['overdue']:,}")
    print(f"equal: {same}")
    if not same:
        for k in single:
            if distributed.get(k) != single[k]:
                print(f"  spark differs in {k}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
