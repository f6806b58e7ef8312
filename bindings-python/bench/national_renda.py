"""The national suggestion figures with renda, in the dict shape of national_pandas.py and
national_polars.py (the fields those have), for the tests and benchmarks comparing them.

renda reads the four log tables (``renda.SuggestionLog.from_parquet``); its due dates come
from a rule book and the China working-day calendar. The rule book is built here from the
data set's ``deadlines.parquet`` (one national-preset rule set per level with that level's
deadlines), so the three implementations work from the same deadlines.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pyarrow.parquet as pq

import renda


def rules_spec(directory: str | os.PathLike[str]) -> List[Dict[str, Any]]:
    """A rule-book spec with the deadlines of ``deadlines.parquet``, one rule set per level."""
    specs = []
    for row in pq.read_table(Path(directory) / "deadlines.parquet").to_pylist():
        level = row["level"]
        limit = {k: {"amount": row[f"{k}_amount"], "unit": row[f"{k}_unit"]}
                 for k in ("reply", "extended", "rehandle")}
        specs.append({"preset": "national", "overrides": {
            "id": f"deadlines-{level}".replace("_", "-"),
            "jurisdiction": {"name": level, "level": level},
            "suggestion": {"reply_deadline": limit["reply"],
                           "extended_reply_deadline": limit["extended"],
                           "rehandle_deadline": limit["rehandle"]},
        }})
    return specs


def read(directory: str | os.PathLike[str]) -> Tuple[renda.SuggestionLog, List[Dict[str, Any]]]:
    """The data set's log and rule book."""
    return renda.SuggestionLog.from_parquet(directory), rules_spec(directory)


_UNIT_FIELDS = ("assigned", "replied", "replied_on_time", "overdue", "closed")


def as_frame_dict(f: Dict[str, Any]) -> Dict[str, Any]:
    """renda's figures in the shape of the pandas/polars versions' dicts."""
    return {
        "counts": dict(f["counts"]),
        "results": dict(f["results"]),
        "ratings": dict(f["ratings"]),
        "plan_ledger": dict(f["plan_ledger"]),
        "units": {u["unit"]: {k: u[k] for k in _UNIT_FIELDS} for u in f["units"]},
    }


def figures_tables(log: renda.SuggestionLog, rules: Any, as_of: datetime.date) -> Tuple[Dict[str, Any], Any]:
    """The figures of ``log`` as of ``as_of``: the totals in the pandas/polars shape, and the
    per-unit figures as the Arrow table of ``figures_with_unit_table`` (what the benchmark
    times; no JSON for 650,000 units)."""
    totals, table = log.figures_with_unit_table(as_of, rules=rules)
    out = as_frame_dict(totals)
    del out["units"]
    return out, table


def units_dict(table: Any) -> Dict[str, Dict[str, int]]:
    """The per-unit table of :func:`figures_tables` as ``{unit: {field: count}}``."""
    import pyarrow as pa

    cols = pa.table(table).select(["unit", *_UNIT_FIELDS]).to_pydict()
    values = [cols[k] for k in _UNIT_FIELDS]
    return {u: dict(zip(_UNIT_FIELDS, row)) for u, *row in zip(cols["unit"], *values)}


def figures_from_log(log: renda.SuggestionLog, rules: Any, as_of: datetime.date) -> Dict[str, Any]:
    """The figures of ``log`` as of ``as_of`` in the pandas/polars shape, as one dict."""
    totals, table = figures_tables(log, rules, as_of)
    return {**totals, "units": units_dict(table)}


def figures(directory: str | os.PathLike[str], as_of: datetime.date) -> Dict[str, Any]:
    """The figures of the data set in ``directory`` as of the end of ``as_of``."""
    log, rules = read(directory)
    return figures_from_log(log, rules, as_of)
