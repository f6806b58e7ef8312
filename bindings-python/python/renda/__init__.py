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
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, TypeVar, Union

from . import _native

__all__ = [
    "Ledger",
    "rule_set_preset",
    "labels",
    "check_figure",
    "is_reproducible",
    "verify_log",
    "RendaError",
    "InputError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "RuleViolationError",
    "CalendarError",
    "RuleSetError",
    "IntegrityError",
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
    return _json.dumps(value, ensure_ascii=False, allow_nan=False, default=_json_default)


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

    def events(self) -> List[JsonObject]:
        """The event log (since creation, or since the snapshot it was restored from)."""
        result: List[JsonObject] = _json.loads(_call(self._inner.events_json))
        return result

    def snapshot(self) -> JsonObject:
        """The state after :attr:`seq` events, restorable with :meth:`restore`."""
        result: JsonObject = _json.loads(_call(self._inner.snapshot_json))
        return result

    def state(self) -> JsonObject:
        """The current state (congresses, deputies, units, suggestions)."""
        result: JsonObject = _json.loads(_call(self._inner.state_json))
        return result

    def suggestions(self) -> List[JsonObject]:
        """All suggestions (state records), ordered by id."""
        result: List[JsonObject] = _json.loads(_call(self._inner.suggestions_json))
        return result

    def figures(self, as_of: DateLike, filter: Union[None, str, Mapping[str, Any]] = None) -> JsonObject:
        """The suggestion-handling figures as of the end of ``as_of`` (China time), for the
        suggestions that pass ``filter`` (a mapping or JSON text; ``None``: all)."""
        flt = None if filter is None else _json_arg(filter, "filter")
        result: JsonObject = _json.loads(_call(self._inner.figures_json, _date_arg(as_of), flt))
        return result

    def suggestion_view(self, suggestion_id: str, as_of: DateLike) -> JsonObject:
        """A suggestion with its derived facts (status, due date, overdue days, ...) as of
        ``as_of``."""
        if not isinstance(suggestion_id, str):
            raise TypeError(f"suggestion_id must be str, not {type(suggestion_id).__name__}")
        result: JsonObject = _json.loads(
            _call(self._inner.suggestion_view_json, suggestion_id, _date_arg(as_of))
        )
        return result

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


def labels() -> LabelCatalog:
    """The label catalog: for each group (``role``, ``level``, ``suggestion_status``,
    ``result_category``, ``satisfaction``, ``submission_period``, ``command``, ``event``,
    ``error_code``, ``error_kind``, ``day_kind``, ``duration_unit``, ``count_unit``), the wire
    name of each value mapped to ``{"zh": ..., "en": ...}``. Read once, then cached; a fresh
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
