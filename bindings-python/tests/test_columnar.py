"""renda.SuggestionLog (the columnar suggestion log): its figures equal the ledger's, it
round-trips through Arrow and Parquet, it gives the same figures as the pandas and polars
versions of the national figures on the hand-built fixture through the year, its parts
combine into the whole, it reads polars data, and bad input names the table and column."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import Any, Dict, Tuple

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import renda

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import national_fixture  # noqa: E402
import national_pandas  # noqa: E402
import national_polars  # noqa: E402
import national_renda  # noqa: E402

LOG_TABLES = ("congresses", "units", "suggestions", "events")


@pytest.fixture(scope="module")
def directory(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return national_fixture.write_fixture(tmp_path_factory.mktemp("national"))


@pytest.fixture(scope="module")
def demo() -> Tuple[renda.DemoDistrict, renda.SuggestionLog]:
    district = renda.demo_district(seed=11, years=2, districts=2)
    return district, renda.SuggestionLog.from_ledger(district.ledger)


def days(start: datetime.date, end: datetime.date, step: int) -> list[datetime.date]:
    return [start + datetime.timedelta(k) for k in range(0, (end - start).days + 1, step)]


def test_figures_from_a_ledger_are_the_ledgers(demo: Tuple[renda.DemoDistrict, renda.SuggestionLog]) -> None:
    district, log = demo
    ledger = district.ledger
    assert len(log) > 500
    first = datetime.date(district.first_year, 1, 1)
    for day in days(first, first + datetime.timedelta(800), 61):
        assert log.figures(day) == ledger.figures(day), day
        flt = {"congress": district.congresses[-1], "submitted_from": first + datetime.timedelta(90)}
        assert log.figures(day, congress=flt["congress"], submitted_from=flt["submitted_from"]) == \
            ledger.figures(day, flt), day


def test_arrow_and_parquet_round_trips(demo: Tuple[renda.DemoDistrict, renda.SuggestionLog],
                                       tmp_path: Path) -> None:
    district, log = demo
    day = datetime.date(district.first_year, 12, 31)
    tables = log.to_arrow(year=district.first_year)
    assert list(tables) == list(renda.columnar.NATIONAL_TABLES)
    events = pa.table(tables["events"])
    assert events.num_rows == len(log)
    assert pa.types.is_dictionary(events.schema.field("kind").type)
    y = district.first_year
    assert pa.table(tables["calendar"]).num_rows == (datetime.date(y + 2, 1, 1) - datetime.date(y, 1, 1)).days
    back = renda.SuggestionLog.from_arrow(*(pa.table(tables[n]) for n in LOG_TABLES))
    assert len(back) == len(log) and back.figures(day) == log.figures(day)
    log.to_parquet(tmp_path, year=district.first_year)
    assert sorted(p.stem for p in tmp_path.glob("*.parquet")) == sorted(tables)
    from_disk = renda.SuggestionLog.from_parquet(tmp_path)
    assert from_disk.figures(day) == district.ledger.figures(day)


def test_renda_pandas_and_polars_agree_on_the_fixture_through_the_year(directory: Path) -> None:
    log, rules = national_renda.read(directory)
    frames = {"pandas": national_pandas.read_frames(directory),
              "polars": national_polars.read_frames(directory)}
    at_as_of = national_renda.figures_from_log(log, rules, national_fixture.AS_OF)
    assert at_as_of == national_fixture.EXPECTED
    for day in days(datetime.date(2024, 2, 28), datetime.date(2025, 4, 30), 10) + [national_fixture.AS_OF]:
        got = national_renda.figures_from_log(log, rules, day)
        assert national_pandas.figures_from_frames(frames["pandas"], day) == got, day
        assert national_polars.figures_from_frames(frames["polars"], day) == got, day


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_parts_combine_into_the_whole(directory: Path, demo: Tuple[renda.DemoDistrict, renda.SuggestionLog],
                                      n: int) -> None:
    fixture_log, rules = national_renda.read(directory)
    for log, day, r in [(fixture_log, national_fixture.AS_OF, rules),
                        (demo[1], datetime.date(demo[0].first_year, 9, 30), None)]:
        parts = log.partition(n)
        assert len(parts) == n and sum(len(p) for p in parts) == len(log)
        assert renda.combine_figures([p.figures(day, rules=r) for p in parts]) == log.figures(day, rules=r)


def test_combining_nothing_or_different_dates_is_an_error(demo: Tuple[renda.DemoDistrict, renda.SuggestionLog]) -> None:
    _, log = demo
    with pytest.raises(renda.InputError) as e:
        renda.combine_figures([])
    assert e.value.field == "parts"
    with pytest.raises(renda.InputError) as e:
        renda.combine_figures([log.figures("2024-06-30"), log.figures("2024-07-01")])
    assert e.value.field == "parts.as_of"


def test_polars_frames_are_read(directory: Path) -> None:
    import polars as pl

    frames = {n: pl.read_parquet(directory / f"{n}.parquet") for n in LOG_TABLES}
    # polars hands text over as utf8_view and a categorical kind as a dictionary.
    frames["events"] = frames["events"].with_columns(pl.col("kind").cast(pl.Categorical))
    log = renda.SuggestionLog.from_arrow(*(frames[n] for n in LOG_TABLES))
    _, rules = national_renda.read(directory)
    assert national_renda.figures_from_log(log, rules, national_fixture.AS_OF) == national_fixture.EXPECTED


def read_tables(directory: Path) -> Dict[str, pa.Table]:
    return {n: pq.read_table(directory / f"{n}.parquet") for n in LOG_TABLES}


def test_bad_input_names_the_table_and_column(directory: Path) -> None:
    t = read_tables(directory)

    def load(**changed: Any) -> renda.RendaError:
        args = {**t, **changed}
        with pytest.raises(renda.InputError) as e:
            renda.SuggestionLog.from_arrow(*(args[n] for n in LOG_TABLES))
        return e.value

    e = load(events=t["events"].drop_columns(["rating"]))
    assert (e.code, e.field) == ("missing_field", "events.rating")
    e = load(events=t["events"].set_column(1, "day", pa.array(range(t["events"].num_rows), pa.int32())))
    assert (e.code, e.field) == ("invalid_field", "events.day")
    assert "date32" in str(e)
    e = load(suggestions=t["suggestions"].set_column(3, "during", pa.array([1] * t["suggestions"].num_rows)))
    assert e.field == "suggestions.during"
    kinds = t["events"].column("kind").to_pylist()
    kinds[7] = "lost"
    e = load(events=t["events"].set_column(2, "kind", pa.array(kinds)))
    assert e.field == "events[7].kind" and "lost" in str(e)
    e = load(units=[{"unit": 0}])
    assert e.field == "units" and "__arrow_c_stream__" in str(e)
    # The row checks of the log: an event before its suggestion's submission.
    ev = t["events"]
    e = load(events=pa.concat_tables([ev.slice(1), ev.slice(0, 1)]))
    assert e.field is not None and e.field.startswith("events[")
