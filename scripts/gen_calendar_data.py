#!/usr/bin/env python3
"""Generate core/data/cn_calendar.json: China (mainland) statutory holidays
and makeup working days (调休上班), 2015..=2026.

Data source: the PyPI package `chinese-calendar` 1.11.0 (import name
`chinese_calendar`), which encodes the State Council's annual holiday notices.

Usage (throwaway venv):
    python3 -m venv /tmp/cc
    /tmp/cc/bin/pip install chinese-calendar==1.11.0
    /tmp/cc/bin/python scripts/gen_calendar_data.py
"""

import datetime
import json
import os
import sys

import chinese_calendar
from chinese_calendar import constants

FIRST_YEAR = 2015
LAST_YEAR = 2026
EXPECTED_VERSION = "1.11.0"

OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "core", "data", "cn_calendar.json"
)


def holiday_name(value):
    """The English name of a Holiday enum member (or of its value)."""
    if isinstance(value, constants.Holiday):
        return value.value
    names = {h.value for h in constants.Holiday}
    if value not in names:
        sys.exit(f"unknown holiday name {value!r}")
    return value


def collect(table):
    out = {}
    for day in sorted(table):
        if FIRST_YEAR <= day.year <= LAST_YEAR:
            out[day.isoformat()] = holiday_name(table[day])
    return out


def main():
    version = getattr(chinese_calendar, "__version__", None)
    if version != EXPECTED_VERSION:
        sys.exit(f"expected chinese-calendar {EXPECTED_VERSION}, found {version}")

    holidays = collect(constants.holidays)
    workdays = collect(constants.workdays)

    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        if not any(d.startswith(f"{year}-") for d in holidays):
            sys.exit(f"chinese-calendar {version} has no holiday data for {year}")
    both = set(holidays) & set(workdays)
    if both:
        sys.exit(f"dates both holiday and makeup workday: {sorted(both)}")
    for d in workdays:
        if datetime.date.fromisoformat(d).weekday() < 5:
            sys.exit(f"makeup workday {d} is not a Saturday/Sunday")

    data = {
        "name": "China (mainland) statutory holidays",
        "source": f"State Council annual holiday notices, via PyPI chinese-calendar {version}",
        "first_year": FIRST_YEAR,
        "last_year": LAST_YEAR,
        "holidays": holidays,
        "makeup_workdays": workdays,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {len(holidays)} holidays and {len(workdays)} makeup workdays to {OUT}")


if __name__ == "__main__":
    main()
