"""Every graph stored in a lesson fits an 840 px column, with no text under 11 px.

Measured from the stored SVG itself (see svg_measure.py), as a browser would show it.
"""

import json
from pathlib import Path

import pytest
from svg_measure import measure

from micrograd.draw import COLUMN_PX, MIN_TEXT_PX

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def stored_graphs():
    for path in NOTEBOOKS:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            if cell["cell_type"] != "code":
                continue
            for output in cell.get("outputs", []):
                svg = output.get("data", {}).get("image/svg+xml")
                if svg is not None:
                    name = f"{path.name[:2]}-cell{cell['execution_count']}"
                    yield pytest.param("".join(svg), id=name)


GRAPHS = list(stored_graphs())


def test_the_lessons_store_graphs():
    assert len(GRAPHS) >= 20


@pytest.mark.parametrize("svg", GRAPHS)
def test_a_stored_graph_fits_the_column_and_its_text_is_readable(svg):
    width, smallest_text = measure(svg)
    assert width <= COLUMN_PX + 0.5, f"{width:.0f} px wide"
    assert smallest_text >= MIN_TEXT_PX - 0.05, f"text {smallest_text:.1f} px tall"
