"""renda, pandas and polars on the same national Parquet directory (docs/national-data.md),
timed in one run: read, figures (the totals and the per-unit table in each library's own
frame), total; checks the three give EQUAL figures (exit status 1 if not; the unit tables are
turned into dicts for that, untimed) and prints seconds and the ratio to renda. Not a test: no
assertion on time.

    python bindings-python/bench/side_by_side.py DIR [--as-of YYYY-MM-DD]

DIR from replicate_fixture.py (default date: the fixture's AS_OF) or a national data set.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
import national_fixture  # noqa: E402
import national_pandas  # noqa: E402
import national_polars  # noqa: E402
import national_renda  # noqa: E402


def timed(f: Callable[[], Any]) -> Tuple[Any, float]:
    t = time.perf_counter()
    v = f()
    return v, time.perf_counter() - t


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("directory", type=Path)
    ap.add_argument("--as-of", type=datetime.date.fromisoformat, default=national_fixture.AS_OF)
    a = ap.parse_args(argv)
    d, day = a.directory, a.as_of

    rows: Dict[str, Tuple[float, float]] = {}
    results: Dict[str, Any] = {}
    # Timed: the read, then the figures as each library gives them (the totals and the
    # per-unit table in its own frame: Arrow, pandas, polars). Not timed: turning the 650,000
    # unit rows into dicts to check that the three agree.
    (log, rules), read = timed(lambda: national_renda.read(d))
    (totals, units), compute = timed(lambda: national_renda.figures_tables(log, rules, day))
    results["renda"] = {**totals, "units": national_renda.units_dict(units)}
    rows["renda"] = (read, compute)
    for name, module in (("pandas", national_pandas), ("polars", national_polars)):
        frames, read = timed(lambda: module.read_frames(d))  # type: ignore[attr-defined]
        (totals, units), compute = timed(lambda: module.figures_tables(frames, day))  # type: ignore[attr-defined]
        results[name] = {**totals, "units": module.units_dict(units)}  # type: ignore[attr-defined]
        rows[name] = (read, compute)

    print(f"{len(log):,} events, {log.suggestion_count:,} suggestions, as of {day}")
    base_figures, base = rows["renda"][1], sum(rows["renda"])
    print(f"{'':8} {'read s':>9} {'figures s':>10} {'total s':>9} {'× renda (figures, total)':>26}")
    for name, (read, compute) in rows.items():
        ratios = f"{compute / base_figures:.1f}, {(read + compute) / base:.1f}"
        print(f"{name:8} {read:9.3f} {compute:10.3f} {read + compute:9.3f} {ratios:>26}")
    same = results["renda"] == results["pandas"] == results["polars"]
    c = results["renda"]["counts"]
    print(f"figures equal: {same}  (submitted {c['submitted']:,}, assigned {c['assigned']:,}, "
          f"overdue {c['overdue']:,})")
    if not same:
        for name in ("pandas", "polars"):
            for k in results["renda"]:
                if results[name][k] != results["renda"][k]:
                    print(f"  {name} differs in {k}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
