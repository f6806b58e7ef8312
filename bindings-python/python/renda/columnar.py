"""The columnar suggestion log: a country's suggestion lifecycle as flat columns, loaded in
bulk from Arrow data or Parquet (the layout of ``docs/national-data.md``) and replayed into
the same figures :meth:`renda.Ledger.figures` gives, in core, with the GIL released.

>>> import renda
>>> district = renda.demo_district(seed=7, years=1)
>>> log = renda.SuggestionLog.from_ledger(district.ledger)
>>> log.figures("2024-12-31") == district.ledger.figures("2024-12-31")
True
>>> tables = log.to_arrow(year=2024)
>>> sorted(tables)
['calendar', 'congresses', 'deadlines', 'events', 'suggestions', 'units']
>>> import pyarrow
>>> back = renda.SuggestionLog.from_arrow(*(tables[n] for n in ("congresses", "units", "suggestions", "events")))
>>> len(back) == len(log) == pyarrow.table(tables["events"]).num_rows
True
"""

from __future__ import annotations

import json as _json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from . import _native
from . import DateLike, JsonObject, Ledger, RulesSpec, _call, _date_arg, _dumps, _rules_arg, _str_arg

__all__ = ["SuggestionLog", "ArrowTable", "combine_figures", "NATIONAL_TABLES", "NationalDataSet",
           "national_dataset", "DeputyLog", "DeputyFigures", "DEPUTY_TABLES"]

#: The tables of the national data set, in order; the first four are what a log is read from.
NATIONAL_TABLES = ("congresses", "units", "suggestions", "events", "calendar", "deadlines")

#: The tables of a deputy log (``docs/national-data.md``), in order.
DEPUTY_TABLES = ("deputy_congresses", "deputies", "deputy_spans", "stations", "deputy_log")

#: One table of the national data set: any reader of the Arrow PyCapsule interface takes it
#: (``pyarrow.table(t)``, ``polars.DataFrame(t)``).
ArrowTable = _native.ArrowTable


def _write_parquet(tables: Dict[str, ArrowTable], directory: str | os.PathLike[str]) -> Path:
    """Writes each table as ``<name>.parquet`` into ``directory`` (created if missing) with
    pyarrow; returns the directory."""
    import pyarrow as pa  # type: ignore[import-untyped,unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]

    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        pq.write_table(pa.table(table), d / f"{name}.parquet")
    return d


def _read_parquet(directory: str | os.PathLike[str], names: Sequence[str]) -> List[Any]:
    """The tables ``<name>.parquet`` of ``directory``, read with pyarrow, in the order named."""
    import pyarrow.parquet as pq  # type: ignore[import-untyped,unused-ignore]

    d = Path(directory)
    return [pq.read_table(d / f"{name}.parquet") for name in names]


def _filter_json(congress: Optional[str], submitted_from: Optional[DateLike],
                 submitted_to: Optional[DateLike]) -> Optional[str]:
    """The figure filter as JSON, or ``None`` when no limit is set."""
    flt: Dict[str, str] = {}
    if congress is not None:
        flt["congress"] = _str_arg(congress, "congress")
    if submitted_from is not None:
        flt["submitted_from"] = _date_arg(submitted_from, "submitted_from")
    if submitted_to is not None:
        flt["submitted_to"] = _date_arg(submitted_to, "submitted_to")
    return _dumps(flt) if flt else None


class SuggestionLog:
    """The suggestion lifecycle events of many congresses as columns (``renda::columnar``).

    Build one with :meth:`from_arrow`, :meth:`from_parquet` or :meth:`from_ledger`. Loading
    and figures run in core with the GIL released, so other Python threads keep running.

    >>> import renda
    >>> log = renda.SuggestionLog.from_ledger(renda.Ledger())
    >>> len(log), log.figures("2024-12-31")["counts"]["submitted"]
    (0, 0)
    """

    __slots__ = ("_inner",)
    _inner: _native.SuggestionLog

    def __init__(self) -> None:
        raise TypeError("use SuggestionLog.from_arrow, from_parquet or from_ledger")

    @classmethod
    def _wrap(cls, native: _native.SuggestionLog) -> "SuggestionLog":
        log = cls.__new__(cls)
        log._inner = native
        return log

    @classmethod
    def from_arrow(cls, congresses: Any, units: Any, suggestions: Any, events: Any) -> "SuggestionLog":
        """A log from the tables of the national data set (``docs/national-data.md``), each
        any object with ``__arrow_c_stream__`` (a pyarrow Table, a polars DataFrame, a table
        of :meth:`to_arrow`). Columns are found by name; ints may be int32, int64 or uint32,
        text utf8, large or view utf8 or a dictionary. A missing column or a wrong type raises
        :class:`renda.InputError` naming ``table.column``; a bad value ``table[row].column``.

        >>> import pyarrow as pa, renda
        >>> empty = renda.SuggestionLog.from_ledger(renda.Ledger()).to_arrow(year=2024)
        >>> units = pa.table({"unit": pa.array([0], pa.int32()), "name": ["edu"]})
        >>> renda.SuggestionLog.from_arrow(empty["congresses"], units, empty["suggestions"], empty["events"])
        Traceback (most recent call last):
        ...
        renda.InputError: missing field `units.id`
        """
        return cls._wrap(_call(_native.SuggestionLog.from_arrow, congresses, units, suggestions, events))

    @classmethod
    def from_parquet(cls, directory: str | os.PathLike[str]) -> "SuggestionLog":
        """A log from the Parquet files ``congresses``, ``units``, ``suggestions`` and
        ``events`` in ``directory`` (read with pyarrow, then :meth:`from_arrow`).

        >>> import renda, tempfile
        >>> log = renda.SuggestionLog.from_ledger(renda.demo_district(seed=3, years=1).ledger)
        >>> with tempfile.TemporaryDirectory() as d:
        ...     _ = log.to_parquet(d, year=2024)
        ...     len(renda.SuggestionLog.from_parquet(d)) == len(log)
        True
        """
        return cls.from_arrow(*_read_parquet(directory, NATIONAL_TABLES[:4]))

    @classmethod
    def from_ledger(cls, ledger: Ledger) -> "SuggestionLog":
        """The suggestion lifecycle of a ledger's log: its figures equal the ledger's own."""
        if not isinstance(ledger, Ledger):
            raise TypeError(f"ledger must be a renda.Ledger, not {type(ledger).__name__}")
        return cls._wrap(_call(_native.SuggestionLog.from_ledger, ledger._inner))

    def __len__(self) -> int:
        """Number of events."""
        return len(self._inner)

    @property
    def suggestion_count(self) -> int:
        """Number of suggestions in the log's suggestion table."""
        return self._inner.suggestion_count

    def figures(self, as_of: DateLike, *, congress: Optional[str] = None,
                submitted_from: Optional[DateLike] = None, submitted_to: Optional[DateLike] = None,
                rules: RulesSpec = None) -> JsonObject:
        """The suggestion-handling figures as of the end of ``as_of``, as the same dict
        :meth:`renda.Ledger.figures` returns, for the suggestions of ``congress`` submitted
        between ``submitted_from`` and ``submitted_to`` (each ``None``: no limit), with due
        dates under ``rules`` (a rule-book spec as :class:`renda.Ledger` takes; ``None``: the
        national preset) and the China working-day calendar.

        >>> import renda
        >>> d = renda.demo_district(seed=7, years=1)
        >>> log = renda.SuggestionLog.from_ledger(d.ledger)
        >>> f = log.figures("2024-12-31", congress=d.congress, submitted_to="2024-06-30")
        >>> f == d.ledger.figures("2024-12-31", {"congress": d.congress, "submitted_to": "2024-06-30"})
        True
        """
        text = _call(self._inner.figures_json, _date_arg(as_of),
                     _filter_json(congress, submitted_from, submitted_to), _rules_arg(rules))
        result: JsonObject = _json.loads(text)
        return result

    def figures_with_unit_table(self, as_of: DateLike, *, congress: Optional[str] = None,
                                submitted_from: Optional[DateLike] = None,
                                submitted_to: Optional[DateLike] = None,
                                rules: RulesSpec = None) -> "tuple[JsonObject, ArrowTable]":
        """:meth:`figures` with the per-unit figures apart, as an Arrow table (``unit`` and one
        count column per figure: ``assigned``, ``replied``, ``replied_on_time``, ``overdue``,
        ``closed``, ``A``…``D``, ``satisfied``, ``basically_satisfied``, ``dissatisfied``), and
        the dict's ``units`` list empty: the form for national figures, whose 650,000 units
        make the dict hundreds of megabytes.

        >>> import renda, pyarrow
        >>> d = renda.demo_district(seed=7, years=1)
        >>> log = renda.SuggestionLog.from_ledger(d.ledger)
        >>> totals, units = log.figures_with_unit_table("2024-12-31")
        >>> whole = log.figures("2024-12-31")
        >>> totals["counts"] == whole["counts"] and totals["units"] == []
        True
        >>> pyarrow.table(units).column("assigned").to_pylist() == [u["assigned"] for u in whole["units"]]
        True
        """
        text, units = _call(self._inner.figures_split, _date_arg(as_of),
                            _filter_json(congress, submitted_from, submitted_to), _rules_arg(rules))
        totals: JsonObject = _json.loads(text)
        return totals, units

    def partition(self, n: int) -> List["SuggestionLog"]:
        """The log split into at most ``n`` logs, each holding whole congresses; their
        figures :func:`combine <renda.combine_figures>` into the figures of the whole.

        >>> import renda
        >>> log = renda.SuggestionLog.from_ledger(renda.demo_district(seed=7, years=1).ledger)
        >>> parts = log.partition(3)
        >>> sum(len(p) for p in parts) == len(log)
        True
        >>> renda.combine_figures([p.figures("2024-12-31") for p in parts]) == log.figures("2024-12-31")
        True
        """
        if isinstance(n, bool) or not isinstance(n, int):
            raise TypeError(f"n must be int, not {type(n).__name__}")
        if n < 1:
            raise ValueError("n must be at least 1")
        return [SuggestionLog._wrap(p) for p in _call(self._inner.partition, n)]

    def to_arrow(self, year: int, rules: RulesSpec = None) -> Dict[str, ArrowTable]:
        """The six tables of the national data set (``docs/national-data.md``) by name, each
        with ``__arrow_c_stream__`` (``pyarrow.table(t)`` or ``polars.DataFrame(t)`` reads
        it): the log's four, the working-day calendar of ``year`` and ``year + 1``, and the
        deadlines per level in force on 1 January of ``year`` under ``rules``."""
        if isinstance(year, bool) or not isinstance(year, int):
            raise TypeError(f"year must be int, not {type(year).__name__}")
        return dict(_call(self._inner.to_arrow, year, _rules_arg(rules)))

    def to_parquet(self, directory: str | os.PathLike[str], year: int, rules: RulesSpec = None) -> Path:
        """Writes the tables of :meth:`to_arrow` as ``<name>.parquet`` into ``directory``
        (created if missing) with pyarrow; returns the directory."""
        return _write_parquet(self.to_arrow(year, rules), directory)

    def to_file(self, path: str | os.PathLike[str]) -> Path:
        """Writes the log in renda's columnar file format (``.rcl``: the columns, sealed with a
        SHA-256 digest, ``docs/national-data.md``); returns the path.

        >>> import renda, tempfile, os
        >>> log = renda.SuggestionLog.from_ledger(renda.demo_district(seed=3, years=1).ledger)
        >>> with tempfile.TemporaryDirectory() as d:
        ...     p = log.to_file(os.path.join(d, "log.rcl"))
        ...     renda.SuggestionLog.from_file(p).figures("2024-12-31") == log.figures("2024-12-31")
        True
        """
        p = Path(path)
        p.write_bytes(_call(self._inner.to_bytes))
        return p

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> "SuggestionLog":
        """A log read from a file written by :meth:`to_file`; a damaged or altered file raises
        :class:`renda.InputError` (field ``log``), a bad row names it (``events[row].kind``)."""
        data = Path(path).read_bytes()
        return cls._wrap(_call(_native.SuggestionLog.from_bytes, data))

    def __repr__(self) -> str:
        return f"<renda.SuggestionLog events={len(self)} suggestions={self.suggestion_count}>"


@dataclass(frozen=True)
class DeputyFigures:
    """The deputy figures of a :class:`DeputyLog`: points over a period (W6, R-D2) and duty
    compliance as of a date (R-D1, R-D8), counted in core by the ledger's own rules."""

    #: ``period``, ``as_of``, ``totals`` (deputies in office, points, activities, suggestions
    #: led and co-signed, below the interview threshold, duties due / met / open) and
    #: ``duty_rate`` (percent text, or ``None`` when nothing was due).
    summary: JsonObject
    #: One row per deputy: ``deputy``, ``congress``, ``points``, ``activities``,
    #: ``suggestions_led``, ``suggestions_cosigned``, ``days_in_office``, ``duties_due``,
    #: ``duties_met``, ``duties_open``.
    deputies: ArrowTable
    #: One row per congress: ``congress``, ``level``, ``rule_set``, ``interview_below``, the
    #: sums, and ``duty_rate``.
    congresses: ArrowTable

    @property
    def totals(self) -> JsonObject:
        """The sums over the whole log."""
        totals: JsonObject = self.summary["totals"]
        return totals


class DeputyLog:
    """What every deputy did (activities taken part in, suggestions led and co-signed) as
    columns, with their days in office (``renda::columnar::deputies``). Points and duty
    compliance over millions of deputies are counted in core with the GIL released.

    >>> import renda
    >>> district = renda.demo_district(seed=7, years=1)
    >>> log = renda.DeputyLog.from_ledger(district.ledger)
    >>> f = log.figures("2024", "2024-12-31", rules=district.ledger.rules)
    >>> f.totals["duties_due"] > 0, f.deputies.name
    (True, 'deputy_figures')
    """

    __slots__ = ("_inner",)
    _inner: _native.DeputyLog

    def __init__(self) -> None:
        raise TypeError("use DeputyLog.from_arrow, from_parquet or from_ledger")

    @classmethod
    def _wrap(cls, native: _native.DeputyLog) -> "DeputyLog":
        log = cls.__new__(cls)
        log._inner = native
        return log

    @classmethod
    def from_arrow(cls, congresses: Any, deputies: Any, spans: Any, stations: Any, log: Any) -> "DeputyLog":
        """A log from its five tables (:data:`DEPUTY_TABLES`), each any object with
        ``__arrow_c_stream__``; a bad value raises :class:`renda.InputError` naming
        ``table[row].column``."""
        return cls._wrap(_call(_native.DeputyLog.from_arrow, congresses, deputies, spans, stations, log))

    @classmethod
    def from_parquet(cls, directory: str | os.PathLike[str]) -> "DeputyLog":
        """A log from the Parquet files of :data:`DEPUTY_TABLES` in ``directory``.

        >>> import renda, tempfile
        >>> log = renda.DeputyLog.from_ledger(renda.demo_district(seed=3, years=1).ledger)
        >>> with tempfile.TemporaryDirectory() as d:
        ...     _ = log.to_parquet(d)
        ...     len(renda.DeputyLog.from_parquet(d)) == len(log)
        True
        """
        return cls.from_arrow(*_read_parquet(directory, DEPUTY_TABLES))

    @classmethod
    def from_ledger(cls, ledger: Ledger) -> "DeputyLog":
        """The deputy log of a ledger: its points and compliance equal the ledger's own."""
        if not isinstance(ledger, Ledger):
            raise TypeError(f"ledger must be a renda.Ledger, not {type(ledger).__name__}")
        return cls._wrap(_call(_native.DeputyLog.from_ledger, ledger._inner))

    def __len__(self) -> int:
        """Number of rows."""
        return len(self._inner)

    @property
    def deputy_count(self) -> int:
        """Number of deputies in the log's deputy table."""
        return self._inner.deputy_count

    def figures(self, period: str | int, as_of: DateLike, rules: RulesSpec = None) -> DeputyFigures:
        """Points over ``period`` (``"2024"``, ``"2024-Q1"``, ``"2024-03"``) under the point
        table in force on its last day, and duty compliance as of ``as_of``, under ``rules``
        (default: the national preset, which has no point table: pass the rules that have
        one). Raises :class:`renda.RuleViolation` (``no_point_table``) or
        :class:`renda.InputError` for a bad period or date."""
        if isinstance(period, bool) or not isinstance(period, (str, int)):
            raise TypeError(f"period must be str or int, not {type(period).__name__}")
        summary, deputies, congresses = _call(
            self._inner.figures_split, str(period), _date_arg(as_of, "as_of"), _rules_arg(rules))
        return DeputyFigures(_json.loads(summary), deputies, congresses)

    def to_arrow(self) -> Dict[str, ArrowTable]:
        """The five tables of the log (:data:`DEPUTY_TABLES`) by name."""
        return dict(_call(self._inner.to_arrow))

    def to_parquet(self, directory: str | os.PathLike[str]) -> Path:
        """Writes the tables of :meth:`to_arrow` as ``<name>.parquet`` into ``directory``;
        returns the directory."""
        return _write_parquet(self.to_arrow(), directory)

    def __repr__(self) -> str:
        return f"<renda.DeputyLog rows={len(self)} deputies={self.deputy_count}>"


@dataclass(frozen=True)
class NationalDataSet:
    """One year of suggestion handling and of deputies' work in every congress of the country
    (``renda::national``): the suggestion log, the deputy log, the rule book (working-day
    deadlines at county and township level, the R-D1 duties and a point table) as a rules
    spec, and what was generated."""

    log: SuggestionLog
    #: The deputies' activities, suggestions led and co-signed, and days in office.
    deputies: DeputyLog
    #: The rule book as a rules spec (JSON text), for :meth:`SuggestionLog.figures`.
    rules: str
    #: Congresses by level, deputies, units, suggestions, events.
    summary: JsonObject
    year: int

    @property
    def year_end(self) -> str:
        """The date of the annual figures (``YYYY-12-31``)."""
        return f"{self.year}-12-31"

    def figures(self, as_of: Optional[DateLike] = None, **filters: Any) -> JsonObject:
        """The figures under the data set's rules, as of ``as_of`` (default: the year end)."""
        return self.log.figures(as_of or self.year_end, rules=self.rules, **filters)

    def deputy_figures(self, as_of: Optional[DateLike] = None) -> DeputyFigures:
        """The deputies' points of the year and duty compliance as of ``as_of`` (default: the
        year end), under the data set's rules."""
        return self.deputies.figures(str(self.year), as_of or self.year_end, self.rules)

    def write(self, directory: str | os.PathLike[str]) -> Path:
        """Writes the data set into ``directory``: the six Parquet tables of the suggestion
        log and the five of the deputy log (``docs/national-data.md``), and the suggestion log
        as ``national-<year>.rcl``; returns the directory."""
        d = self.log.to_parquet(directory, self.year, self.rules)
        self.deputies.to_parquet(d)
        self.log.to_file(d / f"national-{self.year}.rcl")
        return d


def national_dataset(*, seed: int = 2024, scale: float = 1.0, year: int = 2024) -> NationalDataSet:
    """Generates the national data set (``renda::national``): ``scale`` 1.0 is the whole
    country (43,999 congresses at five levels, 2.5 million suggestions, 18.5 million events,
    2.76 million deputies and 52.8 million rows of their work);
    congresses keep their sizes at smaller scales. Deterministic for a seed; generated with
    the GIL released.

    >>> import renda
    >>> d = renda.national_dataset(scale=0.001)
    >>> d.summary["suggestions"] == d.log.suggestion_count == d.figures()["counts"]["submitted"]
    True
    >>> renda.national_dataset(scale=0.001).log.figures("2024-06-30") == d.log.figures("2024-06-30")
    True
    >>> d.deputy_figures().totals["deputies"] == d.summary["deputies"] == d.deputies.deputy_count
    True
    """
    for name, value in (("seed", seed), ("year", year)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be int, not {type(value).__name__}")
    if isinstance(scale, bool) or not isinstance(scale, (int, float)):
        raise TypeError(f"scale must be a number, not {type(scale).__name__}")
    config = _dumps({"seed": seed, "scale": float(scale), "year": year})
    native, deputies, rules, summary = _call(_native.national_dataset_json, config)
    return NationalDataSet(SuggestionLog._wrap(native), DeputyLog._wrap(deputies), rules,
                           _json.loads(summary), year)


def combine_figures(parts: Sequence[JsonObject | str]) -> JsonObject:
    """The figures of disjoint parts (such as the parts of :meth:`SuggestionLog.partition`),
    all as of one date, added into the figures of the whole: counts summed, rates recomputed,
    units merged. Each part is a figures dict or its JSON text (what a worker process sends
    back), parsed on its own, so each must be within the 64 MiB document limit. Raises :class:`renda.InputError` for no parts or different dates.

    >>> import renda
    >>> f = renda.Ledger().figures("2024-12-31")
    >>> renda.combine_figures([f, f]) == f
    True
    """
    docs = [p if isinstance(p, str) else _dumps(p) for p in parts]
    result: JsonObject = _json.loads(_call(_native.combine_figures_json, docs))
    return result
