"""Tables: the ledger's records as typed columns (``docs/tables.md``).

A :class:`Table` holds its columns natively and hands them to Arrow-aware tools in bulk
through the Arrow PyCapsule interface: ``pyarrow.table(t)``, ``polars.DataFrame(t)``,
``duckdb`` and others read it directly; :meth:`Table.to_arrow`, :meth:`Table.to_pandas` and
:meth:`Table.to_polars` do it for you. pyarrow, pandas and polars are optional: each method
says which package it needs when it is missing.

>>> import renda
>>> ledger = renda.Ledger()
>>> t = ledger.table("units", as_of="2024-12-31")
>>> len(t), t.column_names[:2]
(0, ['unit', 'name'])
"""

from __future__ import annotations

import datetime as _dt
import html as _html
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Union

from . import _native

if TYPE_CHECKING:  # pragma: no cover
    import pandas  # type: ignore[import-untyped,unused-ignore]
    import polars
    import pyarrow  # type: ignore[import-untyped,unused-ignore]

__all__ = ["Table", "table_names"]

#: A cell value: ``None``, ``int``, ``float``, ``bool``, ``str`` or ``datetime.date``.
Value = Union[None, int, float, bool, str, _dt.date]


def table_names() -> List[str]:
    """The names of the tables a ledger offers, in order.

    >>> import renda
    >>> renda.table_names()[:3]
    ['suggestions', 'motions', 'units']
    """
    return _native.table_names()


def _need(package: str, what: str) -> Any:
    try:
        return __import__(package)
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            f"renda.Table.{what}() needs the optional package `{package}` (pip install {package})"
        ) from e


class Table:
    """A table of a ledger (from :meth:`renda.Ledger.table`): equally long typed columns
    (``int64``, ``float64``, ``bool``, ``date``, ``utf8``, ``category``) with labels in
    Chinese and English. Implements the Arrow PyCapsule interface."""

    __slots__ = ("_inner",)

    def __init__(self, native: _native.Table) -> None:
        self._inner = native

    @property
    def name(self) -> str:
        """The table's name, e.g. ``"suggestions"``."""
        return self._inner.name

    @property
    def as_of(self) -> _dt.date:
        """The date the derived columns are as of (end of day, China time)."""
        return _dt.date.fromisoformat(self._inner.as_of)

    @property
    def column_names(self) -> List[str]:
        """The columns' names, in order."""
        return self._inner.column_names

    @property
    def column_types(self) -> Dict[str, str]:
        """Each column's type: ``int64``, ``float64``, ``bool``, ``date``, ``utf8`` or
        ``category`` (wire values of an enumeration, dictionary-encoded in Arrow)."""
        return dict(zip(self._inner.column_names, self._inner.column_types))

    def labels(self, lang: str = "zh") -> Dict[str, str]:
        """Each column's label in ``lang`` (``"zh"`` or ``"en"``)."""
        from . import _call

        return dict(zip(self._inner.column_names, _call(self._inner.labels, lang)))

    def column(self, name: str) -> List[Value]:
        """The values of column ``name`` (dates as ``datetime.date``, missing as ``None``)."""
        from . import _call

        values: List[Value] = list(_call(self._inner.column, name))
        if self.column_types.get(name) == "date":
            values = [None if v is None else _dt.date.fromisoformat(str(v)) for v in values]
        return values

    def to_pydict(self) -> Dict[str, List[Value]]:
        """Every column as a list, by name (no optional package needed)."""
        return {n: self.column(n) for n in self.column_names}

    def __len__(self) -> int:
        return len(self._inner)

    def __arrow_c_schema__(self) -> object:
        """The Arrow schema as a PyCapsule (Arrow PyCapsule interface); field metadata holds
        the labels (``label_zh``, ``label_en``)."""
        return self._inner.__arrow_c_schema__()

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """The rows as an Arrow C stream in a PyCapsule (Arrow PyCapsule interface)."""
        return self._inner.__arrow_c_stream__(requested_schema)

    def to_arrow(self) -> "pyarrow.Table":
        """The table as a :class:`pyarrow.Table` (needs pyarrow)."""
        pa = _need("pyarrow", "to_arrow")
        result: "pyarrow.Table" = pa.table(self)
        return result

    def to_pandas(self) -> "pandas.DataFrame":
        """The table as a :class:`pandas.DataFrame` (needs pyarrow and pandas): dates as
        ``datetime64``, enumerations as ``Categorical``, integer columns with missing values
        as pandas' nullable ``Int64``."""
        _need("pandas", "to_pandas")
        pd = __import__("pandas")
        frame: "pandas.DataFrame" = self.to_arrow().to_pandas(
            date_as_object=False,
            types_mapper={
                __import__("pyarrow").int64(): pd.Int64Dtype(),
                __import__("pyarrow").bool_(): pd.BooleanDtype(),
            }.get,
        )
        return frame

    def to_polars(self) -> "polars.DataFrame":
        """The table as a :class:`polars.DataFrame` (needs polars), read through the Arrow
        PyCapsule interface."""
        pl = _need("polars", "to_polars")
        frame: "polars.DataFrame" = pl.DataFrame(self)
        return frame

    def __repr__(self) -> str:
        return (f"<renda.Table {self.name} as of {self.as_of}: {len(self)} rows × "
                f"{len(self.column_names)} columns>")

    def _repr_html_(self, rows: int = 10) -> str:
        """The first ``rows`` rows as an HTML table headed by the Chinese labels (Jupyter)."""
        names = self.column_names
        zh = self.labels("zh")
        head = [self._inner.column(n)[:rows] for n in names]
        esc = _html.escape
        out = [f"<div><p><b>{esc(self.name)}</b> as of {self.as_of}: {len(self)} rows</p>",
               "<table><thead><tr>"]
        out += [f'<th title="{esc(n)}">{esc(zh[n])}</th>' for n in names]
        out.append("</tr></thead><tbody>")
        for i in range(min(rows, len(self))):
            cells = ("" if col[i] is None else esc(str(col[i])) for col in head)
            out.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        out.append("</tbody></table>")
        if len(self) > rows:
            out.append(f"<p>… {len(self) - rows} more rows</p>")
        out.append("</div>")
        return "".join(out)
