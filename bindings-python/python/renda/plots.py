"""Plots of the handling figures with matplotlib (optional: ``pip install matplotlib``).

Each function draws on ``ax`` (a new figure's axes if ``None``) and returns the axes; the
data come from the ledger's tables and figures, computed in core — the plots only draw.
Labels are Chinese (``lang="zh"``, the default) or English (``lang="en"``); for Chinese a
CJK font is picked when one is installed (Noto Sans CJK, Source Han Sans, WenQuanYi…),
otherwise the plot is still drawn (with matplotlib's missing-glyph boxes).

>>> import matplotlib; matplotlib.use("Agg")
>>> import renda, renda.plots
>>> ax = renda.plots.handling_funnel(renda.Ledger(), "2024-12-31", lang="en")
>>> [float(p.get_width()) for p in ax.patches]
[0.0, 0.0, 0.0, 0.0, 0.0]
"""

from __future__ import annotations

import calendar as _calendar
import contextlib as _contextlib
import datetime as _dt
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from . import Ledger, Table, labels
from . import DateLike, JsonObject

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["handling_funnel", "unit_league_table", "overdue_heatmap", "points_distribution"]

#: CJK fonts tried in order for Chinese labels.
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
             "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei",
             "PingFang SC", "Heiti SC")

_TITLES: Dict[str, Dict[str, str]] = {
    "funnel": {"zh": "建议办理情况", "en": "Suggestion handling"},
    "league": {"zh": "承办单位排名", "en": "Handling units ranked"},
    "overdue": {"zh": "逾期未答复件数", "en": "Overdue suggestions"},
    "points": {"zh": "代表履职积分分布", "en": "Distribution of deputies' points"},
    "count": {"zh": "件数", "en": "Suggestions"},
    "deputies": {"zh": "代表人数", "en": "Deputies"},
    "month": {"zh": "月份", "en": "Month"},
}


def _matplotlib() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("renda.plots needs the optional package `matplotlib` "
                          "(pip install matplotlib)") from e
    return plt


def _lang(lang: str) -> str:
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    return lang


def cjk_font() -> Optional[str]:
    """The first installed font of :data:`CJK_FONTS`, or ``None``."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((f for f in CJK_FONTS if f in installed), None)


@_contextlib.contextmanager
def _style(lang: str) -> Iterator[None]:
    """Fonts for ``lang``: a CJK font first for Chinese (when installed), matplotlib's
    default after it as the fallback."""
    plt = _matplotlib()
    font = cjk_font() if lang == "zh" else None
    if font is None:
        yield
        return
    with plt.rc_context({"font.sans-serif": [font, *plt.rcParams["font.sans-serif"]],
                         "font.family": "sans-serif", "axes.unicode_minus": False}):
        yield


def _axes(ax: Optional["Axes"]) -> "Axes":
    if ax is not None:
        return ax
    _fig, new = _matplotlib().subplots()
    result: "Axes" = new
    return result


def _figures(source: Union[Ledger, Mapping[str, Any]], as_of: Optional[DateLike]) -> Mapping[str, Any]:
    if isinstance(source, Ledger):
        if as_of is None:
            raise TypeError("as_of is needed to compute the figures of a ledger")
        return source.figures(as_of)
    return source


def handling_funnel(source: Union[Ledger, Mapping[str, Any]], as_of: Optional[DateLike] = None, *,
                    lang: str = "zh", ax: Optional["Axes"] = None) -> "Axes":
    """The handling funnel: suggestions submitted, accepted, assigned, replied and closed by
    ``as_of``, as horizontal bars, widest on top. ``source``: a :class:`renda.Ledger` (with
    ``as_of``) or the figures it computed (:meth:`renda.Ledger.figures`)."""
    lang = _lang(lang)
    counts = _figures(source, as_of)["counts"]
    status = labels()["suggestion_status"]
    stages = ["submitted", "accepted", "assigned", "replied", "closed"]
    with _style(lang):
        ax = _axes(ax)
        y = list(range(len(stages)))[::-1]
        ax.barh(y, [counts[s] for s in stages], color="#b22222")
        ax.set_yticks(y, [status[s][lang] for s in stages])
        for yi, s in zip(y, stages):
            ax.annotate(str(counts[s]), (counts[s], yi), xytext=(3, 0),
                        textcoords="offset points", va="center")
        ax.set_xlabel(_TITLES["count"][lang])
        ax.set_title(_TITLES["funnel"][lang])
    return ax


def unit_league_table(source: Union[Ledger, Table], as_of: Optional[DateLike] = None, *,
                      metric: str = "score", lang: str = "zh", top: Optional[int] = None,
                      ax: Optional["Axes"] = None) -> "Axes":
    """The handling units ranked by ``metric`` (a numeric column of the ``units`` table:
    ``score``, ``reply_rate``, ``satisfaction_rate``, …), best on top, one bar per unit
    leading a suggestion assigned by ``as_of`` (the ``top`` best only, if given).
    ``source``: a :class:`renda.Ledger` or its ``units`` table."""
    lang = _lang(lang)
    table = source.table("units", as_of) if isinstance(source, Ledger) else source
    if table.name != "units":
        raise ValueError(f"unit_league_table needs the units table, not {table.name!r}")
    if metric not in table.column_names:
        raise ValueError(f"metric must be a column of the units table, not {metric!r}")
    data = table.to_pydict()
    rows: List[Tuple[str, float]] = [
        (str(name), float(v))  # type: ignore[arg-type]
        for name, n, v in zip(data["name"], data["assigned"], data[metric])
        if n and v is not None
    ]
    rows.sort(key=lambda r: -r[1])
    if top is not None:
        rows = rows[:top]
    with _style(lang):
        ax = _axes(ax)
        y = list(range(len(rows)))[::-1]
        ax.barh(y, [v for _, v in rows], color="#1f5f8b")
        ax.set_yticks(y, [n for n, _ in rows])
        ax.set_xlabel(table.labels(lang)[metric])
        ax.set_title(_TITLES["league"][lang])
    return ax


def _month_ends(start: DateLike, end: DateLike) -> List[_dt.date]:
    def as_date(d: DateLike) -> _dt.date:
        return d if isinstance(d, _dt.date) else _dt.date.fromisoformat(d)

    first, last = as_date(start), as_date(end)
    out: List[_dt.date] = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(_dt.date(y, m, _calendar.monthrange(y, m)[1]))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def overdue_heatmap(ledger: Ledger, start: DateLike, end: DateLike, *, lang: str = "zh",
                    ax: Optional["Axes"] = None) -> "Axes":
    """Overdue suggestions by lead unit (rows) and month (columns): the figures' overdue
    count of each unit at the end of each month from ``start`` to ``end``. Units never
    overdue in the range are left out."""
    lang = _lang(lang)
    months = _month_ends(start, end)
    per_month: List[Dict[str, int]] = []
    for d in months:
        figures: JsonObject = ledger.figures(d)
        per_month.append({u["unit"]: u["overdue"] for u in figures["units"]})
    names = dict(zip(*(ledger.table("units", end).column(c) for c in ("unit", "name"))))
    units = sorted({u for m in per_month for u, n in m.items() if n > 0})
    grid = [[m.get(u, 0) for m in per_month] for u in units]
    with _style(lang):
        ax = _axes(ax)
        # With no unit ever overdue, one blank row keeps the month axis.
        image = ax.imshow(grid or [[0] * len(months)], aspect="auto", cmap="Reds", vmin=0)
        ax.set_xticks(range(len(months)), [f"{d.year}-{d.month:02d}" for d in months],
                      rotation=90)
        ax.set_yticks(range(len(units)), [str(names.get(u, u)) for u in units])
        ax.set_xlabel(_TITLES["month"][lang])
        ax.set_title(_TITLES["overdue"][lang])
        ax.figure.colorbar(image, ax=ax)
    return ax


def points_distribution(source: Union[Ledger, Table], as_of: Optional[DateLike] = None, *,
                        bins: Union[int, Sequence[float]] = 10, lang: str = "zh",
                        ax: Optional["Axes"] = None) -> "Axes":
    """A histogram of the deputies' points of the year of ``as_of`` (the ``points`` table).
    ``source``: a :class:`renda.Ledger` or its ``points`` table."""
    lang = _lang(lang)
    table = source.table("points", as_of) if isinstance(source, Ledger) else source
    if table.name != "points":
        raise ValueError(f"points_distribution needs the points table, not {table.name!r}")
    points = [float(p) for p in table.column("points") if p is not None]  # type: ignore[arg-type]
    with _style(lang):
        ax = _axes(ax)
        ax.hist(points, bins=bins, color="#2e7d32", edgecolor="white")
        ax.set_xlabel(table.labels(lang)["points"])
        ax.set_ylabel(_TITLES["deputies"][lang])
        ax.set_title(_TITLES["points"][lang])
    return ax
