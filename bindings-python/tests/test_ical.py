"""iCalendar export of reply due dates (issue 6 item 7; docs/ical.md), parsed back with the
`icalendar` package: the file printed by `cargo run -p renda --example popolo_export -- --ical`
(no binding needed) and `renda.Ledger.to_ical`."""

from __future__ import annotations

import datetime as dt
from typing import Any, List

import pytest

import renda

from test_popolo import cargo_example

icalendar = pytest.importorskip("icalendar")


def parse(text: str) -> List[Any]:
    assert "\n" not in text.replace("\r\n", "")  # CRLF only
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    cal = icalendar.Calendar.from_ical(text)
    assert str(cal["VERSION"]) == "2.0"
    return list(cal.walk("VEVENT"))


def test_the_example_calendar_parses() -> None:
    events = parse(cargo_example("--ical", '{"congress":"hd-17"}'))
    # As of 2024-06-30 every reply due on 2024-04-15 is overdue; S3 was replied.
    assert [str(e["UID"]) for e in events] == ["suggestion-S1-reply-1@renda", "suggestion-S2-reply-1@renda"]
    first = events[0]
    assert first.decoded("DTSTART") == dt.date(2024, 4, 15)
    assert first.decoded("DTEND") == dt.date(2024, 4, 16)
    assert str(first["SUMMARY"]) == "建议答复截止 / Reply due: 关于增加幼儿园学位的建议"
    assert "已逾期 76 天" in str(first["DESCRIPTION"])
    # The comma in the title survives escaping and folding.
    assert str(events[1]["SUMMARY"]) == "建议答复截止 / Reply due: 关于优化公交线路, 方便群众出行的建议"
    unit = parse(cargo_example("--ical", '{"unit":"edu"}'))
    assert [str(e["UID"]) for e in unit] == ["suggestion-S1-reply-1@renda"]


def test_the_binding_calendar_parses() -> None:
    office = {"role": "deputy_affairs_office", "id": "office"}
    ledger = renda.Ledger({"preset": "national"})
    for at, actor, command in [
        ("2024-01-02", {"role": "admin", "id": "admin"}, {"type": "register_congress", "congress": "hd", "name": "海淀区人大",
                                                          "level": "county", "term": 17, "term_start": "2021-11-01",
                                                          "term_end": "2026-10-31"}),
        ("2024-01-02", office, {"type": "register_unit", "unit": "edu", "name": "区教委"}),
        ("2024-01-02", office, {"type": "register_deputy", "deputy": "D1", "congress": "hd", "name": "王丽"}),
        ("2024-01-08", {"role": "deputy", "id": "D1"}, {"type": "submit_suggestion", "suggestion": "S1", "congress": "hd",
                                                        "title": "关于增加幼儿园学位的建议", "lead": "D1", "during": "session"}),
        ("2024-01-10", office, {"type": "accept_suggestion", "suggestion": "S1"}),
        ("2024-01-15", office, {"type": "assign_suggestion", "suggestion": "S1", "lead_unit": "edu"}),
    ]:
        ledger.execute({"at": at, "actor": actor, "command": command})
    events = parse(ledger.to_ical("2024-02-01", {"deputy": "D1"}))
    assert [e.decoded("DTSTART") for e in events] == [dt.date(2024, 4, 15)]
