"""renda.Store: the durable SQLite store through the Python binding."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sqlite3
import threading
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

import renda
from conftest import ADMIN, OFFICE, cmd, deputy

BASE = dt.datetime(2024, 1, 2, 9, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))

REGISTRY = [
    cmd(BASE.isoformat(), ADMIN, type_="register_congress", congress="hd-17",
        name="北京市海淀区第十七届人民代表大会", level="county", term=17,
        term_start="2021-11-01", term_end="2026-10-31"),
    cmd(BASE.isoformat(), OFFICE, type_="register_deputy", deputy="D001", congress="hd-17", name="王丽"),
    cmd(BASE.isoformat(), OFFICE, type_="register_unit", unit="edu", name="区教委"),
]


def submit(sid: str, version: int) -> Dict[str, Any]:
    """Deputy D001 submits ``sid``, timed after the event at ``version`` (times must not go
    backwards, so each command's time follows from the version it is decided at)."""
    at = (BASE + dt.timedelta(seconds=version + 1)).isoformat()
    return cmd(at, deputy("D001"), type_="submit_suggestion", suggestion=sid, congress="hd-17",
               title=f"关于{sid}的建议", lead="D001", during="session")


def submit_with_retry(store: renda.Store, sid: str, first_version: Optional[int] = None) -> int:
    """Submits with optimistic concurrency; returns the number of conflicts met."""
    conflicts = 0
    version = store.version if first_version is None else first_version
    while True:
        try:
            store.execute(submit(sid, version), expected_version=version)
            return conflicts
        except renda.ConflictError as e:
            assert e.code == "version_conflict"
            assert e.field == "expected_version"
            conflicts += 1
            version = store.refresh()


def _append_worker(path: str, name: str, count: int, first_version: int) -> int:
    """Runs in a child process: ``count`` submissions, the first decided at a stale version."""
    with renda.Store(path) as store:
        return sum(
            submit_with_retry(store, f"{name}-{k}", first_version if k == 0 else None)
            for k in range(count)
        )


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "office.renda"


@pytest.fixture
def registered(path: Path) -> renda.Store:
    store = renda.Store(path)
    for c in REGISTRY:
        store.execute(c)
    return store


def submitted_ids(events: List[Dict[str, Any]]) -> List[str]:
    return [e["event"]["suggestion"] for e in events if e["event"]["type"] == "suggestion_submitted"]


def table(path: Path) -> List[Tuple[int, str]]:
    with sqlite3.connect(path) as conn:
        return list(conn.execute("SELECT seq, json FROM events ORDER BY seq"))


def test_reopen_gives_the_same_events_and_state(path: Path, registered: renda.Store) -> None:
    events = registered.execute(submit("S1", registered.version))
    assert [e["seq"] for e in events] == [4]
    before = registered.events()
    state = registered.ledger().state()
    head = registered.verify()
    registered.close()
    with renda.Store(str(path), {"preset": "national"}) as again:
        assert again.version == 4
        assert again.events() == before
        assert again.ledger().state() == state
        assert again.verify() == head
    assert head["seq"] == 4 and len(head["hash"]) == 64
    assert [seq for seq, _ in table(path)] == [1, 2, 3, 4]


def test_a_rejected_command_changes_nothing(path: Path, registered: renda.Store) -> None:
    before = (registered.events(), table(path))
    with pytest.raises(renda.PermissionDeniedError) as denied:
        registered.execute(cmd(BASE.isoformat(), deputy("D001"), type_="register_unit", unit="fin", name="区财政局"))
    assert denied.value.code == "permission_denied"
    with pytest.raises(renda.ConflictError) as late:
        registered.execute(submit("S1", -10))
    assert late.value.code == "out_of_order"
    with pytest.raises(renda.InputError):
        registered.execute("{not json")
    assert (registered.events(), table(path)) == before
    assert registered.version == 3


def test_a_conflict_is_a_conflict_error_and_the_store_catches_up(path: Path, registered: renda.Store) -> None:
    other = renda.Store(path)
    other.execute(submit("S1", 3), expected_version=3)
    with pytest.raises(renda.ConflictError) as conflict:
        registered.execute(submit("S2", 3), expected_version=3)
    e = conflict.value
    assert (e.code, e.kind, e.field, e.value) == ("version_conflict", "conflict", "expected_version", "3")
    assert isinstance(e, renda.RendaError)
    # Nothing written; the failing store has caught up, so a retry at its version works.
    assert registered.version == 4
    assert submitted_ids(registered.events()) == ["S1"]
    registered.execute(submit("S2", 4), expected_version=4)
    assert other.refresh() == 5
    assert submitted_ids(other.events()) == ["S1", "S2"]
    with pytest.raises(TypeError):
        registered.execute(submit("S3", 5), expected_version="5")  # type: ignore[arg-type]
    with pytest.raises(renda.InputError):
        registered.execute(submit("S3", 5), expected_version=-1)


def test_append_imports_a_log(tmp_path: Path) -> None:
    source = renda.Ledger()
    for c in REGISTRY:
        source.execute(c)
    with renda.Store(tmp_path / "import.renda") as store:
        bad = source.events()[1:]
        with pytest.raises(renda.RendaError):
            store.append(bad, 0)
        assert store.version == 0
        assert store.append(source.events(), 0) == 3
        assert store.events() == source.events()


def test_tampering_and_foreign_files_raise_typed_errors(path: Path, registered: renda.Store, tmp_path: Path) -> None:
    registered.execute(submit("S1", 3))
    registered.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE events SET json = replace(json, '王丽', '李强') WHERE seq = 2")
    with pytest.raises(renda.IntegrityError) as broken:
        renda.Store(path)
    assert broken.value.code == "store_corrupt"
    assert broken.value.value == "2"

    not_a_store = tmp_path / "notes.txt"
    not_a_store.write_text("hello" * 1000)
    with pytest.raises(renda.StorageError) as foreign:
        renda.Store(not_a_store)
    assert foreign.value.code == "store_format"
    with pytest.raises(TypeError):
        renda.Store(b"/tmp/x.renda")  # type: ignore[arg-type]


def test_closed_store_raises_storage_error(path: Path) -> None:
    with renda.Store(path) as store:
        assert not store.closed
        assert repr(store).startswith("<renda.Store ")
    assert store.closed
    store.close()  # harmless twice
    with pytest.raises(renda.StorageError) as closed:
        store.execute(REGISTRY[0])
    assert closed.value.code == "store_closed"
    assert "closed" in repr(store)


def test_the_ledger_copy_is_independent(registered: renda.Store) -> None:
    copy = registered.ledger()
    copy.execute(submit("S1", 3))
    assert copy.seq == 4
    assert registered.version == 3
    assert registered.refresh() == 3


def test_threads_appending_with_retries_lose_nothing(path: Path, registered: renda.Store) -> None:
    threads_n, per_thread = 4, 10
    v0 = registered.version
    conflicts: List[int] = []
    errors: List[BaseException] = []

    def work(t: int) -> None:
        try:
            with renda.Store(path) as store:
                total = 0
                for k in range(per_thread):
                    # Every first command is decided at v0: only one can be written.
                    total += submit_with_retry(store, f"T{t}-{k}", v0 if k == 0 else None)
                conflicts.append(total)
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(threads_n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors, errors
    assert sum(conflicts) >= threads_n - 1
    registered.refresh()
    ids = submitted_ids(registered.events())
    assert sorted(ids) == sorted(f"T{t}-{k}" for t in range(threads_n) for k in range(per_thread))
    assert registered.verify()["seq"] == v0 + threads_n * per_thread


def test_processes_appending_with_retries_lose_nothing(path: Path, registered: renda.Store) -> None:
    processes, per_process = 3, 10
    v0 = registered.version
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(processes) as pool:
        conflicts = pool.starmap(
            _append_worker, [(str(path), f"P{p}", per_process, v0) for p in range(processes)]
        )
    assert sum(conflicts) >= processes - 1
    registered.refresh()
    ids = submitted_ids(registered.events())
    assert sorted(ids) == sorted(f"P{p}-{k}" for p in range(processes) for k in range(per_process))
    assert registered.verify()["seq"] == v0 + processes * per_process
    assert len(table(path)) == registered.version
