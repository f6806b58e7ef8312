"""Durable storage: a ledger's event log in one SQLite file (the Rust crate ``renda-store``).

>>> import tempfile, os
>>> from renda import Store
>>> path = os.path.join(tempfile.mkdtemp(), "office.renda")
>>> with Store(path) as store:
...     events = store.execute({
...         "at": "2024-01-02T09:00:00+08:00", "actor": {"role": "admin", "id": "admin"},
...         "command": {"type": "register_unit", "unit": "edu", "name": "区教委"}})
>>> Store(path).version
1

Any number of :class:`Store` objects, in threads or processes, may share a file. Pass
``expected_version`` to :meth:`Store.execute` for optimistic concurrency: if another writer
appended events since, it raises :class:`~renda.ConflictError` with code
``version_conflict`` and writes nothing; the store has caught up, so decide again and retry.
"""

from __future__ import annotations

import json as _json
import os
from types import TracebackType
from typing import Any, List, Mapping, Optional, Sequence, Type, Union

from . import (
    _BY_KIND,
    Command,
    InputError,
    JsonObject,
    Ledger,
    RendaError,
    RulesSpec,
    _call,
    _json_arg,
    _native,
    _rules_arg,
)

__all__ = ["Store", "StorageError"]


class StorageError(RendaError):
    """The store's file cannot be opened, read or written, or is not a renda store (kind
    ``storage``; codes ``store_format``, ``store_busy``, ``store_io``, ``store_closed``).

    A damaged or tampered log is an :class:`~renda.IntegrityError` (code ``store_corrupt``);
    a version conflict a :class:`~renda.ConflictError` (code ``version_conflict``)."""


# Store errors take the same path as the core's: the native error's kind picks the class.
_BY_KIND.setdefault("storage", StorageError)


def _version_arg(value: Any, what: str = "expected_version") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be int, not {type(value).__name__}")
    if value < 0 or value >= 2**64:
        raise InputError({
            "code": "invalid_field", "kind": "input", "field": what,
            "value": str(value), "rule": None,
            "message": f"invalid value for `{what}`: must be from 0 to 2**64 - 1 (got {value!r})",
        })
    return value


class Store:
    """A ledger kept in a SQLite file: every command is checked by the core and its events
    are written in one transaction before :meth:`execute` returns.

    ``path`` is a ``str`` or ``os.PathLike``; the file (not its directory) is created if
    missing. ``rules`` is a rule-book spec as for :class:`~renda.Ledger`. A file that is not a
    renda store raises :class:`StorageError`; a damaged or tampered log raises
    :class:`~renda.IntegrityError`.

    Thread-safe: calls on one store are serialised and release the GIL while they do I/O.
    Use it as a context manager, or call :meth:`close`.
    """

    __slots__ = ("_inner",)
    _inner: _native.Store

    def __init__(self, path: Union[str, "os.PathLike[str]"], rules: RulesSpec = None) -> None:
        p = os.fspath(path)
        if not isinstance(p, str):
            raise TypeError("path must be str or os.PathLike[str], not bytes")
        self._inner = _call(_native.Store, p, _rules_arg(rules))

    def execute(self, command: Command, expected_version: Optional[int] = None) -> List[JsonObject]:
        """Executes a command ``{"at", "actor", "command"}`` and writes its events; returns
        them. A rejected command raises like :meth:`renda.Ledger.execute` and changes
        nothing, in the file or in memory.

        With ``expected_version`` (the :attr:`version` you decided at), raises
        :class:`~renda.ConflictError` (code ``version_conflict``) if the file is at another
        version; nothing is written, and the store catches up so you can decide again."""
        version = None if expected_version is None else _version_arg(expected_version)
        result: List[JsonObject] = _json.loads(
            _call(self._inner.execute_json, _json_arg(command, "command"), version)
        )
        return result

    def append(self, events: Union[str, Sequence[Mapping[str, Any]]], expected_version: int) -> int:
        """Imports already-recorded events (e.g. :meth:`renda.Ledger.events` of another
        ledger) after ``expected_version``; returns the new version. The core checks them
        first; invalid events raise and change nothing."""
        result: int = _call(
            self._inner.append_json, _json_arg(events, "events"), _version_arg(expected_version)
        )
        return result

    @property
    def version(self) -> int:
        """Sequence number of the last event this store object knows (others may have
        written since: see :meth:`refresh`)."""
        result: int = _call(lambda: self._inner.version)
        return result

    def refresh(self) -> int:
        """Reads the events other writers appended; returns the new :attr:`version`."""
        result: int = _call(self._inner.refresh)
        return result

    def events(self) -> List[JsonObject]:
        """The event log up to :attr:`version`."""
        result: List[JsonObject] = _json.loads(_call(self._inner.events_json))
        return result

    def verify(self) -> JsonObject:
        """Re-reads the whole file and checks it (every event present and unedited, the hash
        chain intact to the recorded head, the log replayable); returns the head
        ``{"seq", "hash"}``. Raises :class:`~renda.IntegrityError` if the file was damaged or
        tampered with."""
        result: JsonObject = _json.loads(_call(self._inner.verify_json))
        return result

    def ledger(self) -> Ledger:
        """A copy of the ledger as of :attr:`version`, for queries (figures, views, ...);
        executing on the copy does not write to the file."""
        return Ledger._wrap(_call(self._inner.ledger))

    def close(self) -> None:
        """Closes the file; later calls raise :class:`StorageError` (code
        ``store_closed``). Closing twice is harmless."""
        _call(self._inner.close)

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` has been called."""
        result: bool = _call(lambda: self._inner.closed)
        return result

    @property
    def path(self) -> str:
        """The path the store was opened with."""
        return self._inner.path

    def __enter__(self) -> "Store":
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        if self.closed:
            return f"<renda.Store {self.path!r} closed>"
        return f"<renda.Store {self.path!r} version={self.version}>"
