"""Charts drawn on the server with matplotlib's object API (no pyplot: no global state, safe in threads).

The same PNG goes into the page (as a data URI) and into the PDF, so both show one picture.
"""

import base64
from io import BytesIO

from matplotlib.figure import Figure

GREEN = "#198754"


def new_figure(width_in: float = 6.0, height_in: float = 3.2) -> Figure:
    figure = Figure(figsize=(width_in, height_in), dpi=110, layout="constrained")
    return figure


def figure_png(figure: Figure) -> bytes:
    buffer = BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def png_data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
