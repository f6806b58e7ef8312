"""The Python boundary of renda's columnar log, measured on a national Parquet directory:

1. bulk load rate: event rows per second from pyarrow tables already in memory into
   ``renda.SuggestionLog.from_arrow`` (conversion and checks in core);
2. the GIL is released: a Python thread counting in a loop keeps counting while
   ``from_arrow`` and ``figures`` run (the count during each call is printed, next to the
   count over the same time with the main thread idle);
3. the per-call cost of the Python API in µs (``len(log)``, ``Ledger.figures`` on a tiny
   ledger, ``SuggestionLog.figures`` on a one-congress part).

Not a test: prints figures, asserts nothing about time.

    python bindings-python/bench/python_boundary.py DIR
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable, Dict, List

import pyarrow.parquet as pq

import renda

sys.path.insert(0, str(Path(__file__).resolve().parent))
import national_fixture  # noqa: E402
import national_renda  # noqa: E402

TABLES = ("congresses", "units", "suggestions", "events")


class Counter:
    """A Python thread counting in a loop while ``with`` holds."""

    def __init__(self) -> None:
        self.n = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.n += 1

    def __enter__(self) -> "Counter":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self._thread.join()


def during(f: Callable[[], Any]) -> tuple[Any, float, int]:
    """Runs ``f`` while a thread counts; returns its value, seconds and the count."""
    with Counter() as c:
        time.sleep(0.01)  # let the thread start
        start_n, t = c.n, time.perf_counter()
        v = f()
        dt, n = time.perf_counter() - t, c.n - start_n
    return v, dt, n


def per_call(f: Callable[[], Any], min_seconds: float = 0.3) -> float:
    """Mean µs per call of ``f`` over at least ``min_seconds``."""
    n, t = 0, time.perf_counter()
    while True:
        for _ in range(100):
            f()
        n += 100
        dt = time.perf_counter() - t
        if dt >= min_seconds:
            return dt / n * 1e6


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("directory", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    tables: Dict[str, Any] = {n: pq.read_table(a.directory / f"{n}.parquet") for n in TABLES}
    n_events = tables["events"].num_rows
    rules = national_renda.rules_spec(a.directory)

    print(f"1. bulk load: {n_events:,} events, {tables['suggestions'].num_rows:,} suggestions")
    best = float("inf")
    for _ in range(a.repeat):
        t = time.perf_counter()
        log = renda.SuggestionLog.from_arrow(*(tables[n] for n in TABLES))
        best = min(best, time.perf_counter() - t)
    print(f"   from_arrow: {best:.3f} s best of {a.repeat} = {n_events / best / 1e6:.1f} M event rows/s "
          f"(suggestion ids included)")

    print("2. GIL released: a Python thread's loop count while the main thread ...")
    _, dt, idle = during(lambda: time.sleep(0.5))
    print(f"   sleeps (GIL free)      {dt:6.3f} s  count {idle:>12,}  ({idle / dt / 1e6:.1f} M/s)")
    _, dt, n = during(lambda: renda.SuggestionLog.from_arrow(*(tables[k] for k in TABLES)))
    print(f"   runs from_arrow        {dt:6.3f} s  count {n:>12,}  ({n / dt / 1e6:.1f} M/s)")
    _, dt, n = during(lambda: log.figures(national_fixture.AS_OF, rules=rules))
    print(f"   runs figures           {dt:6.3f} s  count {n:>12,}  ({n / dt / 1e6:.1f} M/s)")
    _, dt, n = during(lambda: sum(range(10_000_000)))
    print(f"   runs a Python loop     {dt:6.3f} s  count {n:>12,}  ({n / dt / 1e6:.1f} M/s; GIL held)")

    print("3. per call (µs)")
    tiny = renda.Ledger()
    part = log.partition(max(1, tables["congresses"].num_rows))[0]
    for label, f in [
        ("len(log)", lambda: len(log)),
        ("Ledger().figures(day) (empty ledger)", lambda: tiny.figures("2024-12-31")),
        (f"SuggestionLog.figures, one congress ({len(part)} events)",
         lambda: part.figures(national_fixture.AS_OF, rules=rules)),
    ]:
        print(f"   {label:48} {per_call(f):10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
