"""Tables (``Ledger.table``, ``renda.Table``) and plots (``renda.plots``) through Python on the
Haidian 2024 data (seed [001]): pyarrow, pandas, polars and the plain lists agree with each
other and with ``Ledger.figures``; the Arrow PyCapsule interface is read by pyarrow and polars
directly. The same tables are checked in core/tests/tables.rs and the JS typed arrays in
bindings-wasm/tests/tables.test.mjs."""

from __future__ import annotations

import datetime as dt
import io
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict

import pytest

import renda
from renda import InputError, Ledger, PermissionDeniedError

SCENARIOS = Path(__file__).resolve().parents[2] / "tests" / "scenarios"
AS_OF = "2024-12-31"


@lru_cache(maxsize=None)
def scenario(name: str) -> Ledger:
    ledger = Ledger(json.loads((SCENARIOS / name).read_text(encoding="utf-8"))["rules"])
    for step in json.loads((SCENARIOS / name).read_text(encoding="utf-8"))["steps"]:
        if "ok" in step["expect"]:
            ledger.execute({"at": step["at"], "actor": step["actor"], "command": step["command"]})
    return ledger


def haidian() -> Ledger:
    return scenario("c_s001_haidian_2024.json")


def test_every_table_is_listed_and_builds() -> None:
    assert Ledger.tables() == renda.table_names()
    assert renda.table_names() == ["suggestions", "motions", "units", "deputies", "activities",
                                   "points", "supervision_items", "evaluations"]
    ledger = haidian()
    for name in Ledger.tables():
        t = ledger.table(name, AS_OF)
        assert t.name == name and t.as_of == dt.date(2024, 12, 31)
        assert set(t.labels("zh")) == set(t.column_names) == set(t.labels("en"))
        assert all(len(v) == len(t) for v in t.to_pydict().values())


def test_suggestions_agree_with_the_figures_in_every_form() -> None:
    pa = pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    ledger = haidian()
    figures: Dict[str, Any] = ledger.figures(AS_OF)
    t = ledger.table("suggestions", AS_OF)
    assert len(t) == figures["counts"]["submitted"] == len(ledger.suggestions())

    # The PyCapsule interface, read by pyarrow and polars without renda's help.
    arrow = pa.table(t)
    polars = pl.DataFrame(t)
    frame = t.to_pandas()
    plain = t.to_pydict()
    assert arrow.num_rows == polars.height == len(frame) == len(t)
    assert arrow.column_names == polars.columns == list(frame.columns) == t.column_names

    results = figures["results"]
    for cat in "ABCD":
        assert arrow.column("result").to_pylist().count(cat) == results[cat]
        assert polars.filter(pl.col("result") == cat).height == results[cat]
        assert int((frame["result"] == cat).sum()) == results[cat]
        assert plain["result"].count(cat) == results[cat]
    assert int(frame["on_time"].sum()) == figures["counts"]["replied_on_time"]
    assert int(frame["replied_on"].notna().sum()) == figures["counts"]["replied"]
    assert polars["overdue"].sum() == figures["counts"]["overdue"]

    # Types: dates as dates, enumerations as categories, labels in the field metadata.
    assert str(arrow.schema.field("submitted_on").type) == "date32[day]"
    assert pa.types.is_dictionary(arrow.schema.field("status").type)
    assert arrow.schema.field("lead_unit").metadata[b"label_zh"].decode() == "主办单位"
    assert str(frame["submitted_on"].dtype).startswith("datetime64")
    assert isinstance(frame["status"].dtype, pd.CategoricalDtype)
    assert polars.schema["submitted_on"] == pl.Date
    assert plain["submitted_on"][0] == dt.date.fromisoformat(ledger.suggestions()[0]["history"][0][0])
    assert t.to_arrow().equals(arrow)
    assert t.to_polars().equals(polars)


def test_units_agree_with_the_unit_figures_and_scores() -> None:
    ledger = haidian()
    figures = ledger.figures(AS_OF)
    scores = {s["unit"]: s for s in ledger.unit_scores(AS_OF)}
    t = ledger.table("units", AS_OF).to_pydict()
    assert len(t["unit"]) == len(ledger.state()["units"])
    by_unit = {u["unit"]: u for u in figures["units"]}
    for i, unit in enumerate(t["unit"]):
        assert t["assigned"][i] == by_unit.get(unit, {}).get("assigned", 0)
        if unit in scores:
            assert t["rank"][i] == scores[unit]["rank"]
            assert t["score"][i] == float(scores[unit]["score"])
    assert sum(t["replied"]) == figures["counts"]["replied"]  # type: ignore[arg-type]


def test_an_earlier_date_gives_the_rows_of_then() -> None:
    ledger = haidian()
    early = ledger.table("suggestions", dt.date(2024, 3, 31))
    assert len(early) == ledger.figures("2024-03-31")["counts"]["submitted"] < len(ledger.suggestions())
    assert len(ledger.table("suggestions")) == len(ledger.suggestions())  # default: last event


def test_readers_and_bad_arguments() -> None:
    ledger = scenario("d_rd2_points_live.json")
    with pytest.raises(PermissionDeniedError) as e:
        ledger.table("points", "2025-06-30", reader={"role": "public", "id": "p"})
    assert e.value.code == "not_published"
    own = ledger.table("points", "2025-06-30", reader={"role": "deputy", "id": "D001"})
    assert own.column("deputy") == ["D001"]
    with pytest.raises(InputError) as bad:
        ledger.table("suggestion")
    assert (bad.value.code, bad.value.field) == ("invalid_field", "table")
    with pytest.raises(InputError):
        ledger.table("units", "2024-13-01")
    with pytest.raises(InputError):
        ledger.table("units").labels("fr")
    with pytest.raises(InputError):
        ledger.table("units").column("nope")


def test_rich_display_shows_the_chinese_labels() -> None:
    t = haidian().table("units", AS_OF)
    html = t._repr_html_()
    assert "<table>" in html and "主办单位" not in html and "单位名称" in html
    assert html.count("<tr>") == 1 + min(10, len(t))
    assert "rows × " in repr(t)


def _png(ax: Any) -> bytes:
    buf = io.BytesIO()
    ax.figure.savefig(buf, format="png")
    return buf.getvalue()


@pytest.mark.filterwarnings("ignore:Glyph")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_plots_render_one_mark_per_record(lang: str) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from renda import plots

    ledger = haidian()
    figures = ledger.figures(AS_OF)

    ax = plots.handling_funnel(ledger, AS_OF, lang=lang)
    assert [p.get_width() for p in ax.patches] == [
        figures["counts"][s] for s in ("submitted", "accepted", "assigned", "replied", "closed")]
    assert _png(ax).startswith(b"\x89PNG")
    assert ax.get_yticklabels()[0].get_text() == renda.labels()["suggestion_status"]["submitted"][lang]

    ax = plots.unit_league_table(ledger, AS_OF, lang=lang)
    assert len(ax.patches) == len([u for u in figures["units"] if u["assigned"] > 0])
    widths = [p.get_width() for p in ax.patches]
    assert widths == sorted(widths, reverse=True)
    assert _png(ax).startswith(b"\x89PNG")

    ax = plots.overdue_heatmap(ledger, "2024-01-01", "2024-12-31", lang=lang)
    grid = ax.images[0].get_array()
    assert grid.shape[1] == 12
    assert int(grid[:, 2].sum()) == ledger.figures("2024-03-31")["counts"]["overdue"]
    assert _png(ax).startswith(b"\x89PNG")
    plt.close("all")


@pytest.mark.filterwarnings("ignore:Glyph")
def test_points_distribution_counts_every_deputy_with_points() -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from renda import plots

    ledger = scenario("d_rd2_points_live.json")
    table = ledger.table("points", "2025-06-30")
    ax = plots.points_distribution(ledger, "2025-06-30", bins=5)
    assert sum(p.get_height() for p in ax.patches) == len(table) > 0
    assert _png(ax).startswith(b"\x89PNG")
    with pytest.raises(ValueError):
        plots.points_distribution(ledger.table("units"))
    with pytest.raises(ValueError):
        plots.handling_funnel(ledger.figures("2025-06-30"), lang="fr")
