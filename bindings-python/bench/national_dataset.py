"""Generates the national data set (``renda.national_dataset``) and writes it as the six
Parquet tables of docs/national-data.md and as renda's columnar log (``national-<year>.rcl``),
printing the time of each step against the issue's budget (60 s here). Not a test.

    python bindings-python/bench/national_dataset.py DIR [--scale S] [--seed N] [--year Y]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import List

import renda


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("directory", type=Path)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--year", type=int, default=2024)
    a = ap.parse_args(argv)

    t0 = time.perf_counter()
    data = renda.national_dataset(seed=a.seed, scale=a.scale, year=a.year)
    t1 = time.perf_counter()
    data.log.to_parquet(a.directory, data.year, data.rules)
    t2 = time.perf_counter()
    rcl = data.log.to_file(a.directory / f"national-{data.year}.rcl")
    t3 = time.perf_counter()
    data.deputies.to_parquet(a.directory)
    t4 = time.perf_counter()
    deputy_size = sum((a.directory / f"{n}.parquet").stat().st_size for n in renda.DEPUTY_TABLES)
    s = data.summary
    print(f"national data set (seed {a.seed}, scale {a.scale}, {a.year}): "
          f"{sum(s['congresses_by_level']):,} congresses {s['congresses_by_level']}, "
          f"{s['deputies']:,} deputies, {s['units']:,} units, {s['suggestions']:,} suggestions, "
          f"{s['events']:,} events, {s['stations']:,} homes and stations, "
          f"{s['deputy_rows']:,} deputy-log rows")
    size = sum(p.stat().st_size for p in a.directory.glob("*.parquet")) - deputy_size
    print(f"generate {t1 - t0:.2f} s; suggestion Parquet {t2 - t1:.2f} s ({size / 1e6:.0f} MB); "
          f"columnar log {t3 - t2:.2f} s ({rcl.stat().st_size / 1e6:.0f} MB); "
          f"deputy Parquet {t4 - t3:.2f} s ({deputy_size / 1e6:.0f} MB); "
          f"total {t4 - t0:.2f} s (budget 60 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
