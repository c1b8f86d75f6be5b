"""The scores chart: one bar per dimension for an area, both rounds side by side, with 95 % CI whiskers."""

from django.utils.translation import gettext as _

from gotong.core.charts import GREEN, figure_png, new_figure


def dimension_chart_png(row: dict, survey_round, compare=None) -> bytes | None:
    cells = [*row["cells"], row["overall"]]
    labels = [str(cell["label"] or _("Rata-rata")) for cell in cells]
    series = [(survey_round.name, GREEN, [cell["summary"] for cell in cells])]
    if compare is not None and any(cell["before"] for cell in cells):
        series.insert(0, (compare.name, "#adb5bd", [cell["before"] for cell in cells]))
    figure = new_figure(6.0, 3.6)
    ax = figure.add_subplot()
    height = 0.8 / len(series)
    for index, (name, color, summaries) in enumerate(series):
        positions = [i + (index - (len(series) - 1) / 2) * height for i in range(len(cells))]
        means = [s.mean if s and s.mean is not None else 0 for s in summaries]
        errors = [
            [(s.mean - s.low) if s and s.has_interval else 0 for s in summaries],
            [(s.high - s.mean) if s and s.has_interval else 0 for s in summaries],
        ]
        ax.barh(positions, means, height=height, color=color, label=name, xerr=errors, capsize=2)
    ax.set_yticks(range(len(cells)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel(_("Skor 0–100 (garis: selang kepercayaan 95%)"), fontsize=8)
    ax.set_title(row["name"], fontsize=9)
    ax.legend(fontsize=7, loc="lower right")
    return figure_png(figure)
