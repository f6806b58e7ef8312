"""The national figures written in pandas and in polars (bench/national_pandas.py,
bench/national_polars.py, the baselines of the benchmarks against renda) give the figures worked
out by hand for the fixture (bench/national_fixture.py), and agree with each other on other
days. Pure Python: needs neither renda nor its native extension."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import national_fixture  # noqa: E402
import national_pandas  # noqa: E402
import national_polars  # noqa: E402

IMPLEMENTATIONS = {"pandas": national_pandas, "polars": national_polars}


@pytest.fixture(scope="module")
def directory(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return national_fixture.write_fixture(tmp_path_factory.mktemp("national"))


def leaves(d: Any) -> list[Any]:
    return [x for v in d.values() for x in leaves(v)] if isinstance(d, dict) else [d]


@pytest.mark.parametrize("name", IMPLEMENTATIONS)
def test_figures_are_the_hand_computed_ones(directory: Path, name: str) -> None:
    got = IMPLEMENTATIONS[name].figures(directory, national_fixture.AS_OF)
    assert got == national_fixture.EXPECTED
    assert all(type(x) is int for x in leaves(got)), "plain Python ints"


@pytest.mark.parametrize("name", IMPLEMENTATIONS)
def test_figures_from_frames_read_beforehand_are_the_same(directory: Path, name: str) -> None:
    module = IMPLEMENTATIONS[name]
    frames = module.read_frames(directory)
    assert module.figures_from_frames(frames, national_fixture.AS_OF) == national_fixture.EXPECTED


def test_pandas_and_polars_agree_through_the_year(directory: Path) -> None:
    start = datetime.date(2024, 2, 28)
    for day in [start + datetime.timedelta(days=k) for k in range(0, 420, 10)]:
        pandas = national_pandas.figures(directory, day)
        assert national_polars.figures(directory, day) == pandas, day


@pytest.mark.parametrize("name", IMPLEMENTATIONS)
def test_nothing_is_counted_before_the_first_submission(directory: Path, name: str) -> None:
    got = IMPLEMENTATIONS[name].figures(directory, datetime.date(2024, 2, 29))
    assert set(leaves(got)) == {0}
    assert got["units"] == {}
