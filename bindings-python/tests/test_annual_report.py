"""The annual work report (issue 6 item 2) through Python, on the Haidian 2024 data set
(tests/reports/haidian-2024.json): the figures of S001-1, S001-13, S001-15, S001-16 and the
office's S001-19/S001-20 in the typed report and in the Markdown and HTML texts; bad requests.
Same cases as bindings-wasm/tests/report.test.mjs and core/tests/annual_report.rs."""

from __future__ import annotations

import json
import pathlib

import pytest

import renda

DATA = pathlib.Path(__file__).resolve().parents[2] / "tests" / "reports" / "haidian-2024.json"

OFFICE = [
    {"zh": "40岁以下工作人员", "en": "Staff under 40",
     "figure": {"numerator": 16, "numerator_unit": "persons", "denominator": 49,
                "denominator_unit": "persons", "stated_percent": "32.7"}},
    {"zh": "参加活动", "en": "Participation",
     "figure": {"numerator": 357, "numerator_unit": "person_times", "denominator": 433,
                "denominator_unit": "persons", "stated_percent": "82.4"}},
]


@pytest.fixture(scope="module")
def haidian() -> renda.Ledger:
    ledger = renda.Ledger({"preset": "national"})
    for c in json.loads(DATA.read_text("utf-8")):
        ledger.execute(c)
    return ledger


def test_typed_report_reproduces_s001(haidian: renda.Ledger) -> None:
    r = haidian.annual_report({"congress": "hd-17", "year": 2024, "office": OFFICE})
    o = r["overview"]
    assert (o["congress_sessions"], o["standing_committee_meetings"], o["director_meetings"]) == (1, 7, 17)
    assert o["meets_l5"] is True
    s = r["suggestions"]
    assert (s["during_session"], s["during_recess"], s["replied"]) == (203, 3, 206)
    assert s["solved_or_progressing_rate"] == {"numerator": 126, "denominator": 206, "percent": "61.2"}
    assert (s["key"]["designated"], s["key"]["solved"], s["key"]["major_progress"]) == (5, 3, 2)
    assert (s["plan_ledger"]["entered"], s["plan_ledger"]["solved"]) == (29, 13)
    checks = [c["check"] for c in r["office"]]
    assert checks[0]["reproducible"] is True
    # S000-8: arithmetic right, units mixed.
    assert checks[1]["reproducible"] is True
    assert [w["code"] for w in checks[1]["warnings"]] == ["unit_mismatch"]


def test_markdown_and_html_in_both_languages(haidian: renda.Ledger) -> None:
    req = {"congress": "hd-17", "year": 2024}
    zh = haidian.annual_report(req, format="markdown", lang="zh")
    assert zh.startswith("# 北京市海淀区第十七届人民代表大会常委会2024年工作报告")
    assert "常委会会议7次、主任会议17次" in zh
    assert "占建议办理总数的61.2%" in zh
    en = haidian.annual_report(json.dumps(req), format="markdown", lang="en")
    assert "The issues of 126 were solved or are progressing, 61.2% of those handled" in en
    html = haidian.annual_report(req, format="html", lang="en")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    assert "<h2>Suggestions</h2>" in html


@pytest.mark.parametrize("req, field", [
    ({"congress": "hd-17"}, "report.year"),
    ({"congress": "hd-17", "from": "2024-05-01", "to": "2024-01-01"}, "report.from"),
    ({"congress": "hd-17", "year": 2024, "colour": "red"}, "report"),
    ({"congress": "nope", "year": 2024}, "congress"),
])
def test_bad_requests_name_the_field(haidian: renda.Ledger, req: dict, field: str) -> None:
    with pytest.raises(renda.RendaError) as e:
        haidian.annual_report(req)
    assert e.value.field is not None and e.value.field.startswith(field)


def test_bad_format_and_language(haidian: renda.Ledger) -> None:
    with pytest.raises(renda.InputError) as e:
        haidian.annual_report({"congress": "hd-17", "year": 2024}, format="pdf")
    assert e.value.field == "format"
    with pytest.raises(renda.InputError) as e:
        haidian.annual_report({"congress": "hd-17", "year": 2024}, format="html", lang="fr")
    assert e.value.field == "lang"
