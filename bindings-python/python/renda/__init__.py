"""renda: the rules of a people's congress's work, as an event-sourced ledger.

A thin Python layer over the Rust core: every method converts its arguments to JSON, calls
the native module (``renda._native``, which calls core's JSON facade) and parses the result.
All domain logic -- rules, permissions, deadlines, figures, error messages -- lives in core.

>>> from renda import Ledger
>>> ledger = Ledger({"preset": "beijing-district"})
>>> events = ledger.execute({
...     "at": "2024-01-02", "actor": {"role": "admin", "id": "admin"},
...     "command": {"type": "register_unit", "unit": "edu", "name": "区教委"}})
>>> events[0]["event"]["type"], ledger.seq
('unit_registered', 1)

A rejected command raises a subclass of :class:`RendaError` and changes nothing.
"""

from __future__ import annotations

import datetime as _dt
import json as _json
from typing import Any, Callable, Dict, List, Mapping, NamedTuple, Optional, Sequence, TypeVar, Union

from . import _native

__all__ = [
    "Ledger",
    "DemoDistrict",
    "demo_district",
    "Table",
    "table_names",
    "SuggestionLog",
    "DeputyLog",
    "DeputyFigures",
    "DEPUTY_TABLES",
    "ArrowTable",
    "combine_figures",
    "NationalDataSet",
    "national_dataset",
    "Store",
    "rule_set_preset",
    "labels",
    "queries",
    "check_figure",
    "is_reproducible",
    "verify_log",
    "popolo_import",
    "popolo_check",
    "candidate_groups",
    "RendaError",
    "InputError",
    "SheetError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "RuleViolationError",
    "CalendarError",
    "RuleSetError",
    "IntegrityError",
    "StorageError",
    "InternalError",
    "JsonObject",
    "LabelCatalog",
    "RulesSpec",
    "Command",
    "DateLike",
    "__version__",
]

__version__: str = _native.__version__

#: A JSON object as parsed by :mod:`json`.
JsonObject = Dict[str, Any]
#: A rule-book spec: ``None`` (the national preset), one spec such as
#: ``{"preset": "beijing-district", "overrides": {...}}`` or a full rule set, a list of
#: such, or the same as JSON text.
RulesSpec = Union[None, str, Mapping[str, Any], Sequence[Mapping[str, Any]]]
#: A command envelope ``{"at", "actor", "command"}``, as a mapping or as JSON text.
Command = Union[str, Mapping[str, Any]]
#: A date: ``datetime.date`` or ``"YYYY-MM-DD"``.
DateLike = Union[str, _dt.date]


# ---------------------------------------------------------------------------- errors


class RendaError(Exception):
    """A command or query rejected by renda (nothing changed).

    Attributes mirror the wire form of errors (``docs/wire-format.md``):
    ``code`` (stable snake_case, e.g. ``"missing_field"``), ``kind`` (the broad class,
    which picks the subclass), ``message``, ``field`` (dotted path, e.g.
    ``"command.title"``), ``value``, ``rule`` (R-.../L-... id) and ``info`` (the whole dict).
    """

    code: str
    kind: str
    message: str
    field: Optional[str]
    value: Optional[str]
    rule: Optional[str]
    info: JsonObject

    def __init__(self, info: Mapping[str, Any]) -> None:
        info = dict(info)
        self.info = info
        self.code = str(info.get("code", ""))
        self.kind = str(info.get("kind", ""))
        self.message = str(info.get("message", ""))
        self.field = info.get("field")
        self.value = info.get("value")
        self.rule = info.get("rule")
        super().__init__(self.message)

    def __reduce__(self) -> Any:
        return (type(self), (self.info,))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, field={self.field!r}, message={self.message!r})"


class InputError(RendaError):
    """Malformed input: bad JSON, unknown command, missing or invalid field (kind ``input``)."""


class SheetError(InputError):
    """A spreadsheet that cannot be imported (code ``invalid_sheet``, kind ``input``); nothing
    changed. ``errors`` lists every problem found, as dicts ``{"row", "column", "value",
    "reason", "code"}``: ``row`` as the spreadsheet shows it (the header is usually row 1; 0
    means the file as a whole), ``column`` the header text."""

    errors: List[JsonObject]

    def __init__(self, info: Mapping[str, Any]) -> None:
        super().__init__(info)
        self.errors = [dict(e) for e in info.get("errors") or []]


class PermissionDeniedError(RendaError):
    """The actor's role may not issue this command, or not on this item (kind ``permission``)."""


class NotFoundError(RendaError):
    """A referenced entity does not exist (kind ``not_found``)."""


class ConflictError(RendaError):
    """The entity exists already, or the command is out of time order (kind ``conflict``)."""


class RuleViolationError(RendaError):
    """A rule of the lifecycle forbids the command now (kind ``rule``)."""


class CalendarError(RendaError):
    """A date falls outside the working-day calendar data (kind ``calendar``)."""


class RuleSetError(RendaError):
    """A rule set is invalid or none is in force (kind ``rule_set``)."""


class IntegrityError(RendaError):
    """A log or snapshot fails its integrity check: an event was edited, deleted, inserted or
    moved (kind ``integrity``, code ``chain_broken``)."""


class InternalError(RendaError):
    """A bug in renda (kind ``internal``); please report it."""


_BY_KIND: Dict[str, type] = {
    "input": InputError,
    "permission": PermissionDeniedError,
    "not_found": NotFoundError,
    "conflict": ConflictError,
    "rule": RuleViolationError,
    "calendar": CalendarError,
    "rule_set": RuleSetError,
    "integrity": IntegrityError,
    "internal": InternalError,
}


def _error(native: _native.NativeError) -> RendaError:
    info = _json.loads(native.args[0])
    cls = _BY_KIND.get(info.get("kind"), RendaError)
    if "errors" in info:
        cls = SheetError
    err: RendaError = cls(info)
    return err


_T = TypeVar("_T")


def _call(fn: Callable[..., _T], *args: Any) -> _T:
    try:
        return fn(*args)
    except _native.NativeError as e:
        raise _error(e) from None


# ---------------------------------------------------------------------------- conversions


def _json_default(o: object) -> Any:
    # Dates in commands may be given as datetime.date / datetime.datetime; core parses the
    # ISO text (a naive datetime is rejected by core: times need an offset).
    if isinstance(o, (_dt.date, _dt.datetime)):
        return o.isoformat()
    raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")


def _dumps(value: Any) -> str:
    try:
        return _json.dumps(value, ensure_ascii=False, allow_nan=False, default=_json_default)
    except RecursionError as e:
        # Nesting deeper than Python's recursion limit: the error core gives for such JSON
        # text, instead of a RecursionError escaping ``except RendaError``. (NaN, infinity and
        # cycles stay ValueError, as json.dumps reports them.)
        raise InputError({
            "code": "invalid_json", "kind": "input", "field": None, "value": None, "rule": None,
            "message": f"invalid JSON: the value cannot be written as JSON ({e})",
        }) from None


def _str_arg(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be str, not {type(value).__name__}")
    return value


def _int_arg(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be int, not {type(value).__name__}")
    if not 0 <= value <= 6:
        raise ValueError(f"{name} must be between 0 and 6")
    return value


def _json_arg(value: Any, what: str) -> str:
    """JSON text as is; anything else (dict, list, ...) serialised."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        raise TypeError(f"{what} must be JSON text (str) or a JSON-serialisable object, not bytes")
    return _dumps(value)


def _rules_arg(rules: RulesSpec) -> Optional[str]:
    return None if rules is None else _json_arg(rules, "rules")


def _date_arg(value: DateLike, what: str = "as_of") -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, _dt.datetime):
        raise TypeError(f"{what} must be a datetime.date or 'YYYY-MM-DD', not datetime (use .date())")
    if isinstance(value, _dt.date):
        return value.isoformat()
    raise TypeError(f"{what} must be a datetime.date or 'YYYY-MM-DD', not {type(value).__name__}")


# ---------------------------------------------------------------------------- ledger


#: Spreadsheet bytes (``bytes``, ``bytearray`` or ``memoryview``); CSV may also be ``str``.
SheetData = Union[bytes, bytearray, memoryview, str]


def _sheet_data(data: SheetData, what: str, text_ok: bool) -> bytes:
    if isinstance(data, str) and text_ok:
        return data.encode("utf-8")
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    kinds = "bytes or str" if text_ok else "bytes"
    raise TypeError(f"{what} must be {kinds}, not {type(data).__name__}")


def _sheet_options(office_id: str, sheet: Optional[str], max_rows: Optional[int],
                   max_cell_chars: Optional[int]) -> str:
    opts: Dict[str, Any] = {"office_id": office_id}
    if sheet is not None:
        opts["sheet"] = sheet
    if max_rows is not None:
        opts["max_rows"] = max_rows
    if max_cell_chars is not None:
        opts["max_cell_chars"] = max_cell_chars
    return _dumps(opts)


class Ledger:
    """An event-sourced ledger: commands in, events out, state a pure function of the events.

    ``rules`` is the rule book: ``None`` (national preset), a spec dict such as
    ``{"preset": "beijing-district", "overrides": {...}}``, a list of specs, or JSON text.
    A bad spec raises :class:`RuleSetError` (:class:`InputError` for malformed JSON text).

    Thread-safe: calls on one ledger are serialised, and the GIL is released while core works.
    """

    __slots__ = ("_inner",)
    _inner: _native.Ledger

    def __init__(self, rules: RulesSpec = None) -> None:
        self._inner = _call(_native.Ledger, _rules_arg(rules))

    @classmethod
    def _wrap(cls, native: _native.Ledger) -> "Ledger":
        self = cls.__new__(cls)
        self._inner = native
        return self

    @classmethod
    def restore(cls, snapshot: Union[str, Mapping[str, Any]], rules: RulesSpec = None) -> "Ledger":
        """A ledger continuing from a snapshot (see :meth:`snapshot`); its :meth:`events`
        start empty and new events are numbered after the snapshot's ``seq``."""
        return cls._wrap(_call(_native.Ledger.restore_json, _json_arg(snapshot, "snapshot"), _rules_arg(rules)))

    @classmethod
    def replay(cls, events: Union[str, Sequence[Mapping[str, Any]]], rules: RulesSpec = None) -> "Ledger":
        """A ledger rebuilt from an event log (a list of events numbered 1, 2, 3, ...)."""
        return cls._wrap(_call(_native.Ledger.replay_json, _json_arg(events, "events"), _rules_arg(rules)))

    def execute(self, command: Command) -> List[JsonObject]:
        """Executes a command ``{"at", "actor", "command"}``; returns the events it recorded.

        On error raises a :class:`RendaError` subclass and changes nothing."""
        result: List[JsonObject] = _json.loads(_call(self._inner.execute_json, _json_arg(command, "command")))
        return result

    def decide(self, command: Command) -> List[JsonObject]:
        """Checks a command without executing it; returns the events (their ``event``
        parts) it would record, or raises like :meth:`execute`."""
        result: List[JsonObject] = _json.loads(_call(self._inner.decide_json, _json_arg(command, "command")))
        return result

    def events(self, reader: Optional[Mapping[str, str]] = None) -> List[JsonObject]:
        """The event log (since creation, or since the snapshot it was restored from).

        With ``reader`` (an actor ``{"role", "id"}``): the log as that reader may see it —
        ratings hidden in back-to-back mode and personal data left out (see the read
        permissions in ``docs/wire-format.md``). Without: everything (a trusted caller)."""
        if reader is None:
            result: List[JsonObject] = _json.loads(_call(self._inner.events_json))
        else:
            result = _json.loads(_call(self._inner.events_as_json, _json_arg(reader, "reader")))
        return result

    def snapshot(self) -> JsonObject:
        """The state after :attr:`seq` events, restorable with :meth:`restore`."""
        result: JsonObject = _json.loads(_call(self._inner.snapshot_json))
        return result

    def state(self, reader: Optional[Mapping[str, str]] = None) -> JsonObject:
        """The current state (congresses, deputies, units, suggestions); with ``reader``, as
        that actor may see it (see :meth:`events`)."""
        if reader is None:
            result: JsonObject = _json.loads(_call(self._inner.state_json))
        else:
            result = _json.loads(_call(self._inner.state_as_json, _json_arg(reader, "reader")))
        return result

    def suggestions(self, reader: Optional[Mapping[str, str]] = None) -> List[JsonObject]:
        """All suggestions (state records), ordered by id; with ``reader``, as that actor may
        see them."""
        if reader is None:
            result: List[JsonObject] = _json.loads(_call(self._inner.suggestions_json))
        else:
            result = _json.loads(_call(self._inner.suggestions_as_json, _json_arg(reader, "reader")))
        return result

    # ------------------------------------------------------------ deputies (issue 3)

    def deputies(self, as_of: DateLike) -> List[JsonObject]:
        """The deputies, one flat record each (profile attributes, status on ``as_of``, stations,
        standing-committee post), ordered by id. No personal data: load it straight into
        ``pandas.DataFrame(ledger.deputies("2024-12-31"))``."""
        result: List[JsonObject] = _json.loads(_call(self._inner.deputies_json, _date_arg(as_of)))
        return result

    def participations(self) -> List[JsonObject]:
        """One record per deputy and activity (long format: counting rows counts 人次)."""
        result: List[JsonObject] = _json.loads(_call(self._inner.participations_json))
        return result

    def voter_issues(self, reader: Optional[Mapping[str, str]] = None) -> List[JsonObject]:
        """One flat record per voter issue (W7), with its triage outcome and dates; with
        ``reader``, only those that actor may see (a deputy those they received, a department
        those forwarded to it, the public none)."""
        if reader is None:
            result: List[JsonObject] = _json.loads(_call(self._inner.voter_issues_json))
        else:
            result = _json.loads(_call(self._inner.voter_issues_as_json, _json_arg(reader, "reader")))
        return result

    def points(self, congress: str, period: str,
               scope: Union[None, str, Mapping[str, str]] = None,
               reader: Optional[Mapping[str, str]] = None) -> List[JsonObject]:
        """The points of ``period`` (``"2025"`` or ``"2025-Q1"``) as they stand now, one row per
        deputy in ``scope`` (``"congress"``, the default, or ``{"station": id}``, or JSON text of
        either). With ``reader``: the public only sees publications (:class:`PermissionDeniedError`
        ``not_published``), a deputy only their own row."""
        sc = None if scope is None else _json_arg(scope, "scope")
        if reader is None:
            result: List[JsonObject] = _json.loads(
                _call(self._inner.points_json, _str_arg(congress, "congress"), _str_arg(period, "period"), sc))
        else:
            result = _json.loads(_call(
                self._inner.points_as_json, _json_arg(reader, "reader"), _str_arg(congress, "congress"),
                _str_arg(period, "period"), sc))
        return result

    def interview_recommendations(self, congress: str) -> List[JsonObject]:
        """The deputies below the interview threshold (约谈, R-D2) in the latest annual points
        publication of ``congress``, with any interview held since (``interviewed_on``)."""
        result: List[JsonObject] = _json.loads(
            _call(self._inner.interview_recommendations_json, _str_arg(congress, "congress")))
        return result

    def points_publications(self) -> List[JsonObject]:
        """Every points publication, in the order published, with its rows frozen as published."""
        result: List[JsonObject] = _json.loads(_call(self._inner.points_publications_json))
        return result

    @property
    def rules(self) -> str:
        """The ledger's rule book as a rules spec (JSON text: its rule sets as a list), for any
        ``rules`` argument (``renda.DeputyLog.figures(..., rules=ledger.rules)``).

        >>> import json, renda
        >>> [r["id"] for r in json.loads(renda.Ledger().rules)]
        ['national']
        """
        return self._inner.rules_json()

    def compliance(self, congress: str, as_of: DateLike) -> JsonObject:
        """The duties of the rule set (R-D1: 月进站、季回家、年述职) checked for every deputy of
        ``congress`` as of ``as_of``: ``rows`` per deputy, duty and ended period, ``open``
        periods, summaries per ``deputies`` and per ``stations``."""
        result: JsonObject = _json.loads(
            _call(self._inner.compliance_json, _str_arg(congress, "congress"), _date_arg(as_of)))
        return result

    def composition(self, congress: str, as_of: DateLike, decimals: int = 2) -> JsonObject:
        """The composition of ``congress`` on ``as_of``: typed counts (persons) and shares with
        explicit rounding (education, re-election, resident-unit deputies, …; domain §4.1),
        each saying how many records lack the attribute."""
        result: JsonObject = _json.loads(_call(
            self._inner.composition_json, _str_arg(congress, "congress"), _date_arg(as_of),
            _int_arg(decimals, "decimals")))
        return result

    def participation(self, congress: str, start: DateLike, end: DateLike, decimals: int = 1) -> JsonObject:
        """Activity person-times from ``start`` to ``end`` over the deputies in office at the
        end: a share that carries a unit-mismatch warning (人次 over 人, S000-8)."""
        result: JsonObject = _json.loads(_call(
            self._inner.participation_json, _str_arg(congress, "congress"), _date_arg(start, "from"),
            _date_arg(end, "to"), _int_arg(decimals, "decimals")))
        return result

    def check_organisation(self, congress: str, as_of: DateLike) -> List[JsonObject]:
        """The organisation checks on ``as_of``: deputy quota (L-7), standing-committee size
        (L-6), members able to serve two terms (R-O1); each finding says whether it holds."""
        result: List[JsonObject] = _json.loads(_call(
            self._inner.check_organisation_json, _str_arg(congress, "congress"), _date_arg(as_of)))
        return result

    def archive(self, deputy: str, reader: Optional[Mapping[str, str]] = None) -> JsonObject:
        """The deputy's performance archive (履职档案): everything the records show they did;
        with ``reader``, without the voter issues and performance records (interviews,
        resignation advice) that actor may not see."""
        if reader is None:
            result: JsonObject = _json.loads(_call(self._inner.archive_json, _str_arg(deputy, "deputy")))
        else:
            result = _json.loads(_call(
                self._inner.archive_as_json, _json_arg(reader, "reader"), _str_arg(deputy, "deputy")))
        return result

    def figures(
        self,
        as_of: DateLike,
        filter: Union[None, str, Mapping[str, Any]] = None,
        reader: Optional[Mapping[str, str]] = None,
    ) -> JsonObject:
        """The suggestion-handling figures as of the end of ``as_of`` (China time), for the
        suggestions that pass ``filter`` (a mapping or JSON text; ``None``: all).

        With ``reader``: as that actor may see them — the public only up to the last
        publication (else :class:`PermissionDeniedError` ``not_published``), handling units
        without unpublished back-to-back ratings."""
        flt = None if filter is None else _json_arg(filter, "filter")
        if reader is None:
            result: JsonObject = _json.loads(_call(self._inner.figures_json, _date_arg(as_of), flt))
        else:
            result = _json.loads(
                _call(self._inner.figures_as_json, _json_arg(reader, "reader"), _date_arg(as_of), flt)
            )
        return result

    def suggestion_view(self, suggestion_id: str, as_of: DateLike,
                        reader: Optional[Mapping[str, str]] = None) -> JsonObject:
        """A suggestion with its derived facts (status, due date, overdue days, ...) as of
        ``as_of``. With ``reader``: as that actor may see it (a third-party evaluator sees only
        its sample: :class:`PermissionDeniedError` ``not_party`` otherwise)."""
        if not isinstance(suggestion_id, str):
            raise TypeError(f"suggestion_id must be str, not {type(suggestion_id).__name__}")
        if reader is not None:
            view: JsonObject = _json.loads(_call(
                self._inner.suggestion_view_as_json, _json_arg(reader, "reader"), suggestion_id,
                _date_arg(as_of)))
            return view
        result: JsonObject = _json.loads(
            _call(self._inner.suggestion_view_json, suggestion_id, _date_arg(as_of))
        )
        return result

    # ------------------------------------------------------------ tables (docs/tables.md)

    def table(self, name: str, as_of: Optional[DateLike] = None,
              reader: Optional[Mapping[str, str]] = None) -> "Table":
        """The table ``name`` (one of :meth:`tables`) as of the end of ``as_of`` (``None``:
        the day of the last event) as a :class:`Table`: typed columns with Chinese and English
        labels, for pandas (:meth:`Table.to_pandas`), polars (:meth:`Table.to_polars`) or any
        reader of the Arrow PyCapsule interface.

        With ``reader``: as that actor may see it — the public gets
        :class:`PermissionDeniedError` ``not_published`` for suggestions and units before
        publication, and for points; a deputy's points table holds their own row."""
        args: List[Optional[str]] = [
            _str_arg(name, "name"),
            None if as_of is None else _date_arg(as_of),
            None if reader is None else _json_arg(reader, "reader"),
        ]
        return Table(_call(_native.ledger_table, self._inner, *args))

    @staticmethod
    def tables() -> List[str]:
        """The names of the tables :meth:`table` offers."""
        return table_names()

    # ------------------------------------------------------------ motions (议案, W4)

    def motions(self) -> List[JsonObject]:
        """Every motion (议案) with its sponsors, review decision, handling years and status,
        ordered by id (``docs/motions.md``)."""
        result: List[JsonObject] = _json.loads(_call(self._inner.motions_json))
        return result

    def sessions(self) -> List[JsonObject]:
        """Every scheduled congress session with its motion submission window (L-2)."""
        result: List[JsonObject] = _json.loads(_call(self._inner.sessions_json))
        return result

    def motion_figures(self, congress: str, as_of: DateLike) -> JsonObject:
        """The motion figures of ``congress`` as of ``as_of``: 件 submitted, 项 listed, merged,
        handled as suggestions, in handling by phase (R-P2), completed, deputy participation."""
        result: JsonObject = _json.loads(_call(
            self._inner.motion_figures_json, _str_arg(congress, "congress"), _date_arg(as_of)))
        return result

    # ------------------------------------------------------------ key suggestions, supervision, evaluation

    def key_figures(self, congress: str, as_of: DateLike) -> JsonObject:
        """Key-suggestion figures (W2): recommended, designated, meetings by kind, outcomes
        (S001-15) and the published back-to-back assessment."""
        result: JsonObject = _json.loads(_call(
            self._inner.key_figures_json, _str_arg(congress, "congress"), _date_arg(as_of)))
        return result

    def key_assessment(self, suggestion: str, as_of: DateLike,
                       reader: Optional[Mapping[str, str]] = None) -> JsonObject:
        """A key suggestion's back-to-back quality assessment (R-S8) as of ``as_of``. With
        ``reader``: a handling unit, the government office or the public get
        :class:`PermissionDeniedError` ``not_published`` until the congress announces it."""
        s, d = _str_arg(suggestion, "suggestion"), _date_arg(as_of)
        if reader is None:
            result: JsonObject = _json.loads(_call(self._inner.key_assessment_json, s, d))
        else:
            result = _json.loads(_call(
                self._inner.key_assessment_as_json, _json_arg(reader, "reader"), s, d))
        return result

    def supervision_monitor(self, congress: str, as_of: DateLike) -> List[JsonObject]:
        """Every suggestion of ``congress`` under an active supervision overlay on ``as_of``
        (重点, 跟踪, 挂账, 对口, 统筹, 考核, …) with its leads, monitors, due date and overdue days."""
        result: List[JsonObject] = _json.loads(_call(
            self._inner.supervision_monitor_json, _str_arg(congress, "congress"), _date_arg(as_of)))
        return result

    def evaluations(self, reader: Optional[Mapping[str, str]] = None) -> List[JsonObject]:
        """Every third-party evaluation of suggestion handling (W3) with its sample, status and
        report distribution; with ``reader``, those that actor may see."""
        if reader is None:
            result: List[JsonObject] = _json.loads(_call(self._inner.evaluations_json))
        else:
            result = _json.loads(_call(self._inner.evaluations_as_json, _json_arg(reader, "reader")))
        return result

    def evaluation_sample(self, evaluation: str, as_of: DateLike,
                          reader: Optional[Mapping[str, str]] = None) -> List[JsonObject]:
        """The sampled suggestions of an evaluation as views as of ``as_of``. With ``reader``: a
        third-party evaluator sees only its own evaluation's sample (``not_party`` otherwise)."""
        e, d = _str_arg(evaluation, "evaluation"), _date_arg(as_of)
        if reader is None:
            result: List[JsonObject] = _json.loads(_call(self._inner.evaluation_sample_json, e, d))
        else:
            result = _json.loads(_call(
                self._inner.evaluation_sample_as_json, _json_arg(reader, "reader"), e, d))
        return result

    # ------------------------------------------------------------ class cases, unit scores, breakdowns

    def class_cases(self) -> List[JsonObject]:
        """Every class case (类案: similar suggestions merged under one lead unit), by id."""
        result: List[JsonObject] = _json.loads(_call(self._inner.class_cases_json))
        return result

    def class_case_report(self, as_of: DateLike, congress: Optional[str] = None) -> JsonObject:
        """The class cases as of ``as_of`` (of one congress, or all) with their figures: groups
        (项) and the suggestions (件) in them."""
        c = None if congress is None else _str_arg(congress, "congress")
        result: JsonObject = _json.loads(_call(self._inner.class_case_report_json, _date_arg(as_of), c))
        return result

    def class_case_candidates(self, congress: str, min_score: Union[float, str] = "0.15") -> List[JsonObject]:
        """Candidate class-case groups among the congress's ungrouped suggestions, ranked by
        Chinese text similarity (character bigrams, TF-IDF cosine). Never merges: a person
        decides with ``merge_suggestions`` (``docs/class-cases.md``)."""
        if isinstance(min_score, bool) or not isinstance(min_score, (int, float, str)):
            raise TypeError(f"min_score must be a number or str, not {type(min_score).__name__}")
        result: List[JsonObject] = _json.loads(_call(
            self._inner.class_case_candidates_json, _str_arg(congress, "congress"), str(min_score)))
        return result

    def unit_scores(self, as_of: DateLike, filter: Union[None, str, Mapping[str, Any]] = None,
                    reader: Optional[Mapping[str, str]] = None) -> List[JsonObject]:
        """The handling units ranked by a configurable score from timeliness, results and
        feedback (R-S6; weights in the rule set's ``unit_score``)."""
        flt = None if filter is None else _json_arg(filter, "filter")
        if reader is None:
            result: List[JsonObject] = _json.loads(_call(self._inner.unit_scores_json, _date_arg(as_of), flt))
        else:
            result = _json.loads(_call(
                self._inner.unit_scores_as_json, _json_arg(reader, "reader"), _date_arg(as_of), flt))
        return result

    def figures_by(self, as_of: DateLike, by: str, filter: Union[None, str, Mapping[str, Any]] = None,
                   reader: Optional[Mapping[str, str]] = None) -> List[JsonObject]:
        """The suggestion figures broken down ``by`` ``unit``, ``topic``, ``level``, ``year``,
        ``quarter`` or ``month``: counts and the 办结率, 办复率, 解决率 and 满意率 per row."""
        flt = None if filter is None else _json_arg(filter, "filter")
        b = _str_arg(by, "by")
        if reader is None:
            result: List[JsonObject] = _json.loads(_call(self._inner.figures_by_json, _date_arg(as_of), b, flt))
        else:
            result = _json.loads(_call(
                self._inner.figures_by_as_json, _json_arg(reader, "reader"), _date_arg(as_of), b, flt))
        return result

    def query(self, name: str, **args: Any) -> Any:
        """Runs the named query with its arguments (``renda.queries()`` lists them; the same
        names and arguments as the Rust ``Ledger::query_json`` and JS ``ledger.query``) and
        returns its answer parsed from JSON. Dates may be ``datetime.date``; years may be int.

        >>> import renda
        >>> renda.Ledger().query("motions")
        []
        """
        q: Dict[str, Any] = {"query": _str_arg(name, "name")}
        for k, v in args.items():
            if isinstance(v, int) and not isinstance(v, bool) and k == "year":
                v = str(v)
            q[k] = v
        return _json.loads(_call(self._inner.query_json, _dumps(q)))

    def plan_ledger(self, congress: str, as_of: DateLike) -> JsonObject:
        """The plan ledger (列入计划, R-S5) of ``congress`` per year and over the term as of
        ``as_of``: entered, second replies, solved and progressing (S001-16)."""
        result: JsonObject = _json.loads(_call(
            self._inner.plan_ledger_json, _str_arg(congress, "congress"), _date_arg(as_of)))
        return result

    # ------------------------------------------------------------ Popolo and iCalendar

    def to_popolo(self, congress: str, as_of: DateLike) -> JsonObject:
        """The deputies, organizations, memberships and vote events of ``congress`` as a Popolo
        document as of ``as_of`` (``docs/popolo.md``); contact data is never exported."""
        result: JsonObject = _json.loads(_call(
            self._inner.to_popolo_json, _str_arg(congress, "congress"), _date_arg(as_of)))
        return result

    def to_ical(self, as_of: DateLike, scope: Union[str, Mapping[str, str]]) -> str:
        """The reply due dates of ``scope`` (``{"unit": id}``, ``{"deputy": id}`` or
        ``{"congress": id}``) as an iCalendar (RFC 5545) file, as text (``docs/ical.md``)."""
        return _call(self._inner.to_ical, _date_arg(as_of), _json_arg(scope, "scope"))

    def annual_report(self, request: Union[str, Mapping[str, Any]], *, format: str = "json",
                      lang: str = "zh") -> Any:
        """The annual work report (年度工作报告, ``docs/annual-report.md``) for ``request``:
        ``{"congress": id, "year": 2024}`` or ``{"congress": id, "from": date, "to": date}``,
        optionally with ``"office"`` figures checked by the statistics validator.

        ``format="json"`` (the default) returns the typed report as a dict; ``"markdown"`` and
        ``"html"`` return text in ``lang`` (``"zh"`` or ``"en"``)."""
        text = _call(self._inner.annual_report, _json_arg(request, "report"),
                     _str_arg(format, "format"), _str_arg(lang, "lang"))
        return _json.loads(text) if format == "json" else text

    # ------------------------------------------------------------ spreadsheets

    def import_csv(self, data: SheetData, office_id: str = "office", *, max_rows: Optional[int] = None,
                   max_cell_chars: Optional[int] = None) -> JsonObject:
        """Imports the suggestion ledger (建议台账) from CSV (UTF-8, with or without BOM): the
        commands that bring the ledger to what the sheet says, executed all or nothing. The
        office ``office_id`` submits, accepts and assigns; lead units reply; lead deputies rate.
        Returns the plan executed, ``{"commands": [{"row", "column", "value", "command"}],
        "ignored_columns": [...]}``. A bad sheet raises :class:`SheetError` listing every row
        error, and changes nothing. The layout is in ``docs/wire-format.md`` ("Spreadsheets")."""
        opts = _sheet_options(office_id, None, max_rows, max_cell_chars)
        result: JsonObject = _json.loads(
            _call(_native.sheet_import_csv, self._inner, _sheet_data(data, "data", True), opts))
        return result

    def plan_import_csv(self, data: SheetData, office_id: str = "office", *, max_rows: Optional[int] = None,
                        max_cell_chars: Optional[int] = None) -> JsonObject:
        """The plan :meth:`import_csv` would execute, without executing it."""
        opts = _sheet_options(office_id, None, max_rows, max_cell_chars)
        result: JsonObject = _json.loads(
            _call(_native.sheet_plan_csv, self._inner, _sheet_data(data, "data", True), opts))
        return result

    def import_xlsx(self, data: SheetData, office_id: str = "office", *, sheet: Optional[str] = None,
                    max_rows: Optional[int] = None, max_cell_chars: Optional[int] = None) -> JsonObject:
        """Like :meth:`import_csv`, from an XLSX workbook: the worksheet named ``sheet``, or the
        first one."""
        opts = _sheet_options(office_id, sheet, max_rows, max_cell_chars)
        result: JsonObject = _json.loads(
            _call(_native.sheet_import_xlsx, self._inner, _sheet_data(data, "data", False), opts))
        return result

    def plan_import_xlsx(self, data: SheetData, office_id: str = "office", *, sheet: Optional[str] = None,
                         max_rows: Optional[int] = None, max_cell_chars: Optional[int] = None) -> JsonObject:
        """The plan :meth:`import_xlsx` would execute, without executing it."""
        opts = _sheet_options(office_id, sheet, max_rows, max_cell_chars)
        result: JsonObject = _json.loads(
            _call(_native.sheet_plan_xlsx, self._inner, _sheet_data(data, "data", False), opts))
        return result

    def export_csv(self, *, bom: bool = True, congress: Optional[str] = None) -> bytes:
        """The suggestion ledger as CSV bytes: one row per suggestion, Chinese headers, dates
        ``YYYY-MM-DD``, zh labels; a UTF-8 BOM (for Excel) unless ``bom=False``; only the
        suggestions to ``congress`` if given. :meth:`import_csv` reads it back."""
        opts = _dumps({"bom": bool(bom), "congress": congress})
        return _call(_native.sheet_export_csv, self._inner, opts)

    def export_xlsx(self, *, sheet_name: str = "建议台账", congress: Optional[str] = None) -> bytes:
        """The suggestion ledger as an XLSX workbook (bytes), laid out like :meth:`export_csv`
        with dates as date cells. :meth:`import_xlsx` reads it back."""
        opts = _dumps({"sheet_name": sheet_name, "congress": congress})
        return _call(_native.sheet_export_xlsx, self._inner, opts)

    @property
    def seq(self) -> int:
        """Sequence number of the last event (0 when empty)."""
        return _call(lambda: self._inner.seq)

    @property
    def head(self) -> JsonObject:
        """The head of the hash chain: ``{"seq": N, "hash": "<sha-256 hex>"}``. Keep or publish
        it to detect later truncation of the log."""
        result: JsonObject = _json.loads(_call(self._inner.head_json))
        return result

    def __len__(self) -> int:
        """Number of events in :meth:`events`."""
        return _call(self._inner.__len__)

    def __repr__(self) -> str:
        return f"<renda.Ledger seq={self.seq} events={len(self)}>"


class DemoDistrict(NamedTuple):
    """A generated demo district (:func:`demo_district`)."""

    ledger: Ledger
    """The ledger every generated command went through."""
    congress: str
    """The first district's congress."""
    congresses: List[str]
    """Every district's congress."""
    first_year: int
    """The first year of the term."""
    years: int
    """The years generated."""


def demo_district(config: Union[None, str, Mapping[str, Any]] = None, **fields: Any) -> DemoDistrict:
    """The demo district (``renda::demo``, ``docs/demo-district.md``): a fictional district
    congress over (up to) a five-year term, calibrated on the seeds and deterministic for a
    seed, generated by executing every command through the rules. ``config`` (or keyword
    fields such as ``seed=7, years=2``) may give any field of the configuration."""
    if config is not None and fields:
        raise TypeError("give either config or keyword fields, not both")
    text = _json_arg(fields if config is None else config, "config")
    summary = _json.loads(_call(_native.Ledger.demo_summary_json, text))
    ledger = Ledger._wrap(_call(_native.Ledger.demo_district_json, text))
    return DemoDistrict(ledger, summary["congresses"][0], summary["congresses"],
                        summary["first_year"], summary["years"])


def rule_set_preset(name: str) -> JsonObject:
    """A preset rule set (``"national"`` or ``"beijing-district"``) as a dict; an unknown
    name raises :class:`RuleSetError`."""
    if not isinstance(name, str):
        raise TypeError(f"name must be str, not {type(name).__name__}")
    result: JsonObject = _json.loads(_call(_native.rule_set_preset_json, name))
    return result


#: The label catalog: group -> wire name -> ``{"zh": ..., "en": ...}``.
LabelCatalog = Dict[str, Dict[str, Dict[str, str]]]

_LABELS: Optional[str] = None


def queries() -> List[JsonObject]:
    """Every named query with its required and optional arguments (``Ledger.query``).

    >>> import renda
    >>> any(q["name"] == "motions" for q in renda.queries())
    True
    """
    result: List[JsonObject] = _json.loads(_native.query_specs_json())
    return result


def labels() -> LabelCatalog:
    """The label catalog: for each group (``role``, ``level``, ``suggestion_status``,
    ``result_category``, ``satisfaction``, ``submission_period``, ``command``, ``event``,
    ``error_code``, ``error_kind``, ``day_kind``, ``duration_unit``, ``count_unit``,
    ``activity_kind``, ``deputy_status``, ``termination_reason``, ``education``,
    ``triage_outcome``, ``motion_status``, ``motion_kind``, ``handling_phase``, ``report_to``,
    ``year_outcome``, ``key_designator``, ``key_meeting_kind``, ``organ``, ``key_outcome``,
    ``supervision_mode``, ``sample_category``, ``evaluation_grade``, ``evaluation_use``,
    ``evaluation_status``), the wire name of each value mapped to ``{"zh": ..., "en": ...}``. Read once, then cached; a fresh
    copy is returned each time.

    >>> labels()["suggestion_status"]["in_plan"]["zh"]
    '列入计划'
    """
    global _LABELS
    if _LABELS is None:
        _LABELS = _call(_native.labels_json)
    result: LabelCatalog = _json.loads(_LABELS)
    return result


def check_figure(figure: Union[str, Mapping[str, Any]]) -> JsonObject:
    """Checks a published percentage ``{"numerator", "numerator_unit", "denominator",
    "denominator_unit", "stated_percent"}`` (a mapping or JSON text); returns
    ``{"reproducible", "decimals", "computed_percent", "warnings"}``. A malformed figure
    raises :class:`InputError` naming the field (e.g. ``stated_percent``).

    >>> check_figure({"numerator": 247, "numerator_unit": "persons", "denominator": 445,
    ...     "denominator_unit": "persons", "stated_percent": "57.75"})["computed_percent"]
    '55.51'
    """
    result: JsonObject = _json.loads(_call(_native.check_figure_json, _json_arg(figure, "figure")))
    return result


def is_reproducible(stated: str, denominator: int) -> bool:
    """Whether some whole numerator in ``0..=denominator`` gives the stated percentage
    (rounded half up at its own precision).

    >>> is_reproducible("62.8", 445), is_reproducible("62.8", 433)
    (False, True)
    """
    if not isinstance(stated, str):
        raise TypeError(f"stated must be str, not {type(stated).__name__}")
    if isinstance(denominator, bool) or not isinstance(denominator, int):
        raise TypeError(f"denominator must be int, not {type(denominator).__name__}")
    if denominator < 0 or denominator >= 2**64:
        raise InputError({
            "code": "invalid_field", "kind": "input", "field": "denominator",
            "value": str(denominator), "rule": None,
            "message": f"invalid value for `denominator`: must be from 0 to 2**64 - 1 (got {denominator!r})",
        })
    return _call(_native.is_reproducible, stated, denominator)


def verify_log(events: Union[str, Sequence[Mapping[str, Any]]]) -> JsonObject:
    """Verifies the SHA-256 hash chain of an event log (a list of events or JSON text).

    Returns ``{"ok": True, "events": N, "head": {"seq", "hash"}}``, or ``{"ok": False,
    "events": N, "break": {"index", "seq", "problem", "expected", "found"}}`` naming the first
    bad position (``problem``: ``sequence``, ``link``, ``hash`` or ``head``). Text that is not
    an event log raises :class:`InputError`.

    >>> verify_log([])["ok"]
    True
    """
    result: JsonObject = _json.loads(_call(_native.verify_log_json, _json_arg(events, "events")))
    return result


def popolo_import(document: Union[str, Mapping[str, Any]],
                  options: Union[str, Mapping[str, Any]]) -> JsonObject:
    """Reads a Popolo document (e.g. an EveryPolitician export) into renda commands:
    ``{"commands": [...], "report": {"entries": [...], "findings": [...]}}``; the report says
    what the model does not hold. ``options`` needs ``level`` (``docs/popolo.md``). Execute the
    commands on a ledger to load the roster."""
    result: JsonObject = _json.loads(_call(
        _native.popolo_import_json, _json_arg(document, "document"), _json_arg(options, "options")))
    return result


def popolo_check(document: Union[str, Mapping[str, Any]]) -> List[JsonObject]:
    """The semantic checks a Popolo schema misses (end before start, dangling references,
    duplicate ids, …), as a list of findings."""
    result: List[JsonObject] = _json.loads(_call(
        _native.popolo_check_json, _json_arg(document, "document")))
    return result


def candidate_groups(items: Union[str, Sequence[Mapping[str, str]]],
                     params: Union[None, str, Mapping[str, Any]] = None) -> List[JsonObject]:
    """Candidate class-case groups among free-standing items ``[{"suggestion", "title"}]``
    (e.g. rows of a spreadsheet not loaded into a ledger), ranked; ``params`` as in
    ``docs/class-cases.md``."""
    p = None if params is None else _json_arg(params, "params")
    result: List[JsonObject] = _json.loads(_call(_native.candidate_groups_json, _json_arg(items, "items"), p))
    return result


# Last: the store layer builds on the names above (see _store.py).
from ._store import StorageError, Store  # noqa: E402


from .table import Table, table_names  # noqa: E402  (uses _call from this module)
from .columnar import (  # noqa: E402  (uses the names above)
    DEPUTY_TABLES, ArrowTable, DeputyFigures, DeputyLog, NationalDataSet, SuggestionLog, combine_figures,
    national_dataset)
