"""Replicates the hand-built national fixture (national_fixture.py) ``copies`` times into a
bigger data set with the same layout, for rough timings until a national generator is used:
copy k's congresses, units and suggestions get ids suffixed ``-k`` and rows offset by k times
the fixture's counts; the events of all copies are merged in day order (a stable sort, so each
suggestion keeps its own order). Every copy has the fixture's figures, so the whole has
``copies`` times each count.

    python bindings-python/bench/replicate_fixture.py OUT_DIR [--copies 20000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))
import national_fixture  # noqa: E402


def _ids(ids: pa.Array, copies: int) -> pa.Array:
    base = np.array(ids.to_pylist(), dtype=object)
    return pa.array([f"{i}-{k}" for k in range(copies) for i in base], pa.string())


def _rows(n: int, copies: int) -> pa.Array:
    return pa.array(np.arange(n * copies, dtype=np.int32))


def replicate(out: str | os.PathLike[str], copies: int) -> Path:
    """Writes the fixture replicated ``copies`` times into ``out``; returns it."""
    with tempfile.TemporaryDirectory() as tmp:
        src = national_fixture.write_fixture(tmp)
        t = {p.stem: pq.read_table(p) for p in src.glob("*.parquet")}
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        nc, nu, ns = t["congresses"].num_rows, t["units"].num_rows, t["suggestions"].num_rows
        k = np.repeat(np.arange(copies, dtype=np.int64), 1)
        c = t["congresses"]
        parent = np.array([-1 if p is None else p for p in c.column("parent").to_pylist()])
        parents = (parent[None, :] + (k[:, None] * nc)).ravel()
        tables = {
            "congresses": pa.table({
                "congress": _rows(nc, copies),
                "id": _ids(c.column("id"), copies),
                "level": pa.array(c.column("level").to_pylist() * copies),
                "parent": pa.array(np.where(np.tile(parent, copies) < 0, 0, parents).astype(np.int32),
                                   mask=np.tile(parent, copies) < 0),
            }),
            "units": pa.table({"unit": _rows(nu, copies), "id": _ids(t["units"].column("id"), copies)}),
            "suggestions": pa.table({
                "suggestion": _rows(ns, copies),
                "id": _ids(t["suggestions"].column("id"), copies),
                "congress": pa.array((np.tile(t["suggestions"].column("congress").to_numpy(), copies)
                                      + np.repeat(k * nc, ns)).astype(np.int32)),
                "during": pa.array(t["suggestions"].column("during").to_pylist() * copies),
            }),
        }
        ev = t["events"]
        n = ev.num_rows
        offset = np.repeat(k, n)
        days = np.tile(ev.column("day").cast(pa.int32()).to_numpy(), copies)
        order = np.argsort(days, kind="stable")  # copy-major input: each copy keeps its order
        unit = ev.column("unit").to_numpy(zero_copy_only=False)
        unit_valid = ~np.isnan(unit)
        units = np.where(unit_valid, np.nan_to_num(unit), 0).astype(np.int64)
        big = pa.table({
            "suggestion": pa.array((np.tile(ev.column("suggestion").to_numpy(), copies)
                                    + offset * ns).astype(np.int32)),
            "day": pa.array(days, pa.int32()).cast(pa.date32()),
            "kind": pa.concat_arrays([ev.column("kind").combine_chunks()] * copies),
            "unit": pa.array((np.tile(units, copies) + offset * nu).astype(np.int32),
                             mask=~np.tile(unit_valid, copies)),
            **{name: pa.concat_arrays([ev.column(name).combine_chunks()] * copies)
               for name in ("result", "in_plan", "rating", "by_lead")},
        })
        tables["events"] = big.take(pa.array(order))
        for name, table in tables.items():
            pq.write_table(table, out / f"{name}.parquet")
        for name in ("calendar", "deadlines"):
            shutil.copy(src / f"{name}.parquet", out / f"{name}.parquet")
        assert pc.all(pc.greater_equal(tables["events"].column("day").slice(1),
                                       tables["events"].column("day").slice(0, tables["events"].num_rows - 1))).as_py() \
            if tables["events"].num_rows > 1 else True
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--copies", type=int, default=20_000)
    a = ap.parse_args()
    d = replicate(a.out, a.copies)
    print(f"replicate_fixture: {a.copies} copies, "
          f"{pq.read_metadata(d / 'events.parquet').num_rows:,} events in {d}")
