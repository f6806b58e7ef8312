"""Spreadsheet import and export of the suggestion ledger (renda.sheet in core)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import renda

from conftest import LIFECYCLE, REGISTRY

FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "sheets" / "haidian-style-ledger.csv"

HEAD = "建议号,届次,标题,领衔代表,附议代表,提出时间,提出方式,类别,受理日期,交办日期,主办单位,协办单位\n"


def registered() -> renda.Ledger:
    ledger = renda.Ledger({"preset": "national"})
    for c in REGISTRY:
        ledger.execute(c)
    return ledger


def full() -> renda.Ledger:
    ledger = registered()
    for c in LIFECYCLE[len(REGISTRY):]:
        ledger.execute(c)
    return ledger


def test_export_csv_then_import_into_a_fresh_ledger() -> None:
    ledger = full()
    data = ledger.export_csv()
    assert isinstance(data, bytes)
    assert data.startswith("\ufeff建议号,届次,标题".encode())
    text = data.decode("utf-8-sig")
    assert "2024-001,hd-17,关于增加幼儿园学位的建议,D001,D002,2024-01-08,大会期间,教育,已办结" in text
    assert "fin（2024-03-01）：同意增加专项经费" in text
    fresh = registered()
    plan = fresh.import_csv(data)
    types = [c["command"]["command"]["type"] for c in plan["commands"]]
    assert types == ["submit_suggestion", "accept_suggestion", "assign_suggestion",
                     "submit_co_unit_opinion", "reply_suggestion", "give_feedback"]
    assert plan["commands"][0]["row"] == 2
    assert plan["commands"][0]["column"] == "提出时间"
    assert fresh.export_csv() == data
    # Importing the export into the ledger it came from changes nothing.
    seq = ledger.seq
    assert ledger.import_csv(data)["commands"] == []
    assert ledger.seq == seq
    assert ledger.export_csv(bom=False) == data[3:]


def test_xlsx_written_by_the_export_reads_back() -> None:
    ledger = full()
    book = ledger.export_xlsx(sheet_name="2024年")
    assert book[:2] == b"PK"
    fresh = registered()
    assert fresh.plan_import_xlsx(book, sheet="2024年")["commands"]
    assert fresh.seq == len(REGISTRY), "planning changes nothing"
    fresh.import_xlsx(book)
    assert fresh.export_csv() == ledger.export_csv()
    # Everything but the co-signer's rating, which the sheet (one rating per round: the lead
    # deputy's) does not carry.
    theirs, ours = ledger.suggestions()[0], fresh.suggestions()[0]
    assert [f["deputy"] for f in theirs["feedback"]] == ["D002", "D001"]
    assert [f["deputy"] for f in ours["feedback"]] == ["D001"]
    theirs.pop("feedback"), ours.pop("feedback")
    assert ours == theirs
    with pytest.raises(renda.SheetError) as e:
        fresh.import_xlsx(book, sheet="2023年")
    assert e.value.errors[0]["code"] == "invalid_file"


def test_a_bad_file_changes_nothing_and_names_row_column_value() -> None:
    ledger = registered()
    bad = HEAD + (
        "S1,hd-17,关于A的建议,王丽,,2024-13-01,大会期间,,,,,\n"
        "S2,hd-17,关于B的建议,D001,,2024-01-08,大会期间,,2024-01-10,2024-01-15,edu,,\n"
        "S3,hd-17,关于C的建议,无名氏,,2024-01-08,闭会期间,,,,,\n"
    )
    before = ledger.snapshot()
    with pytest.raises(renda.SheetError) as e:
        ledger.import_csv(bad)
    err = e.value
    assert isinstance(err, renda.InputError)
    assert err.code == "invalid_sheet"
    assert [(x["row"], x["column"], x["value"], x["code"]) for x in err.errors] == [
        (2, "提出时间", "2024-13-01", "invalid_value"),
        (4, "领衔代表", "无名氏", "unknown_reference"),
    ]
    assert "expected a date" in err.errors[0]["reason"]
    assert "row 2" in str(err)
    # The good row S2 was not imported either: all or nothing.
    assert ledger.snapshot() == before
    assert pickle.loads(pickle.dumps(err)).errors == err.errors
    with pytest.raises(renda.SheetError) as e:
        ledger.import_csv(b"\xbd\xa8\xd2\xe9\n")
    assert e.value.errors[0]["code"] == "invalid_encoding"
    with pytest.raises(renda.SheetError):
        ledger.import_xlsx(b"not a workbook")
    assert ledger.snapshot() == before


def test_reimport_adds_steps_and_refuses_contradictions() -> None:
    ledger = registered()
    ledger.import_csv(HEAD + "S1,hd-17,关于A的建议,王丽,李强,2024-01-08,大会期间,教育,2024-01-10,2024-01-15,区教委,\n")
    assert ledger.suggestions()[0]["status"] == "assigned"
    later = ("建议号,答复日期,办理结果,答复摘要,代表意见,反馈日期\n"
             "S1,2024-03-01,A,已解决,满意,2024-03-10\n")
    plan = ledger.plan_import_csv(later)
    assert [c["command"]["command"]["type"] for c in plan["commands"]] == ["reply_suggestion", "give_feedback"]
    assert plan["commands"][0]["command"]["actor"] == {"role": "handling_unit", "id": "edu"}
    assert plan["commands"][0]["command"]["at"] == "2024-03-01T09:00:00+08:00"
    ledger.import_csv(later, office_id="desk-7")
    assert ledger.suggestions()[0]["status"] == "closed"
    with pytest.raises(renda.SheetError) as e:
        ledger.import_csv("建议号,答复日期\nS1,2024-03-02\n")
    assert e.value.errors[0]["code"] == "conflicting_fact"
    assert e.value.errors[0]["column"] == "答复日期"


def test_fixture_and_options() -> None:
    ledger = renda.Ledger()
    plan_err = None
    try:
        ledger.plan_import_csv(FIXTURE.read_bytes(), max_rows=5)
    except renda.SheetError as e:
        plan_err = e
    assert plan_err is not None
    assert plan_err.errors[-1]["code"] == "too_many_rows"
    with pytest.raises(renda.InputError) as e2:
        ledger.import_csv(b"", office_id=" bad ")
    assert not isinstance(e2.value, renda.SheetError)
    assert e2.value.field == "options.office_id"
    with pytest.raises(TypeError):
        ledger.import_xlsx("text is not a workbook")
    with pytest.raises(TypeError):
        ledger.import_csv(42)  # type: ignore[arg-type]
    assert ledger.export_csv(bom=False).decode().startswith("建议号,")
