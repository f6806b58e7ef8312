"""Runs examples/notebooks/annual_report.ipynb top to bottom (issue 6 item 4): the notebook's
own assertions compare pandas, polars and Arrow with the annual report, so a cell that fails or
a figure that disagrees fails this test."""

from __future__ import annotations

import pathlib

import nbclient
import nbformat

NOTEBOOK = pathlib.Path(__file__).resolve().parents[2] / "examples" / "notebooks" / "annual_report.ipynb"


def test_annual_report_notebook_runs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    # The plots rendered as images, the report as HTML.
    assert sum("image/png" in o.get("data", {}) for o in outputs) >= 4
    assert any("<h2>代表建议</h2>" in o.get("data", {}).get("text/html", "") for o in outputs)
