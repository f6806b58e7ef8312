"""The columnar deputy log from Python (``renda.DeputyLog``): the points (W6, R-D2) and duty
compliance (R-D1, R-D8) of a ledger's deputy log equal the ledger's own; the tables round-trip
through Arrow and Parquet; bad tables and arguments are clear errors; the national data set
carries its deputies."""

import pyarrow as pa
import pytest

import renda

POINT_FIELDS = ("deputy", "points", "activities", "suggestions_led", "suggestions_cosigned",
                "days_in_office")


@pytest.fixture(scope="module")
def district():
    return renda.demo_district(seed=11, years=2)


def test_points_and_duties_equal_the_ledgers(district):
    ledger = district.ledger
    log = renda.DeputyLog.from_ledger(ledger)
    assert len(log) > 0 and log.deputy_count > 0
    year = district.first_year
    compared = 0
    for as_of in (f"{year}-06-30", f"{year}-12-31", f"{year + 1}-03-31"):
        period = as_of[:4]
        f = log.figures(period, as_of, rules=ledger.rules)
        rows = pa.table(f.deputies).to_pylist()
        by_id = {r["deputy"]: r for r in rows}
        for c in pa.table(f.congresses).column("congress").to_pylist():
            want = [tuple(r[k] for k in POINT_FIELDS) for r in ledger.points(c, period)]
            got = sorted(tuple(r[k] for k in POINT_FIELDS) for r in rows
                         if r["congress"] == c and r["days_in_office"] > 0)
            assert got == want, (c, as_of)
            for d in ledger.compliance(c, as_of)["deputies"]:
                r = by_id[d["deputy"]]
                assert (r["duties_due"], r["duties_met"], r["duties_open"]) == (d["due"], d["met"], d["open"])
                compared += 1
        assert f.totals["duties_due"] == sum(r["duties_due"] for r in rows)
        assert f.totals["points"] == sum(r["points"] for r in rows if r["days_in_office"] > 0)
        assert f.summary["period"] == period and f.summary["as_of"] == as_of
    assert compared > 100


def test_tables_round_trip_through_parquet(district, tmp_path):
    log = renda.DeputyLog.from_ledger(district.ledger)
    assert sorted(log.to_arrow()) == sorted(renda.DEPUTY_TABLES)
    back = renda.DeputyLog.from_parquet(log.to_parquet(tmp_path))
    day = f"{district.first_year}-12-31"
    rules = district.ledger.rules
    a, b = log.figures(day[:4], day, rules), back.figures(day[:4], day, rules)
    assert a.summary == b.summary
    assert pa.table(a.deputies).equals(pa.table(b.deputies))


def test_bad_tables_and_arguments_are_clear_errors(district):
    log = renda.DeputyLog.from_ledger(district.ledger)
    tables = {name: pa.table(t) for name, t in log.to_arrow().items()}
    rows = tables["deputy_log"]
    works = rows.column("work").to_pylist()
    works[2] = "dancing"
    bad = rows.set_column(rows.schema.get_field_index("work"), "work", pa.array(works))
    with pytest.raises(renda.InputError) as e:
        renda.DeputyLog.from_arrow(*(bad if n == "deputy_log" else tables[n] for n in renda.DEPUTY_TABLES))
    assert e.value.field == "deputy_log[2].work"
    with pytest.raises(renda.InputError) as e:
        renda.DeputyLog.from_arrow(*(tables[n] for n in renda.DEPUTY_TABLES[:4]), "not a table")
    assert e.value.field == "deputy_log"
    # The national preset has no point table (W6): the figures say so.
    with pytest.raises(renda.RuleViolationError) as e:
        log.figures("2025", "2025-12-31")
    assert e.value.code == "no_point_table"
    with pytest.raises(renda.InputError) as e:
        log.figures("2025-13", "2025-12-31", rules=district.ledger.rules)
    assert e.value.field == "period"
    with pytest.raises(TypeError):
        log.figures(2025.0, "2025-12-31")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        renda.DeputyLog()


def test_the_national_data_set_carries_its_deputies(tmp_path):
    data = renda.national_dataset(scale=0.001)
    f = data.deputy_figures()
    assert f.totals["deputies"] == data.summary["deputies"] == data.deputies.deputy_count
    assert len(data.deputies) == data.summary["deputy_rows"]
    assert 0 < f.totals["duties_met"] < f.totals["duties_due"]
    congresses = pa.table(f.congresses)
    assert congresses.num_rows == sum(data.summary["congresses_by_level"])
    assert sum(congresses.column("points").to_pylist()) == f.totals["points"]
    d = data.write(tmp_path)
    back = renda.DeputyLog.from_parquet(d)
    again = back.figures(str(data.year), data.year_end, data.rules)
    assert again.summary == f.summary
