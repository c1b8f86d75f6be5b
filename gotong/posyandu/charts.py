"""The weight-for-age growth chart of one child: WHO's −3/−2/0/+2/+3 curves and the child's weighings."""

from django.utils.translation import gettext as _

from gotong.core.charts import GREEN, figure_png, new_figure
from gotong.posyandu import growth

CURVES = ((3, "#dc3545", "+3"), (2, "#fd7e14", "+2"), (0, GREEN, "0"), (-2, "#fd7e14", "−2"), (-3, "#dc3545", "−3"))


def weight_for_age_png(child, weighings) -> bytes:
    sex = child.sex_code
    points = [(w.age_days / growth.DAYS_PER_MONTH, float(w.weight_kg)) for w in weighings]
    last_month = max([m for m, _kg in points] + [12])
    until_days = min(1826, int((last_month + 6) * growth.DAYS_PER_MONTH))
    figure = new_figure(6.0, 3.6)
    axes = figure.add_subplot()
    for z, colour, label in CURVES:
        months, kilos = growth.curve(sex, z, until_days=until_days)
        axes.plot(
            months, kilos, color=colour, linewidth=1.6 if z == 0 else 1.0, linestyle="-" if z in (0, -3, 3) else "--"
        )
        axes.annotate(
            label, (months[-1], kilos[-1]), fontsize=7, color=colour, xytext=(2, 0), textcoords="offset points"
        )
    if points:
        axes.plot([m for m, _ in points], [kg for _, kg in points], color="#0d6efd", marker="o", markersize=4)
    axes.set_xlabel(_("Umur (bulan)"))
    axes.set_ylabel(_("Berat badan (kg)"))
    title = _("BB/U laki-laki") if sex == "M" else _("BB/U perempuan")
    axes.set_title(f"{title} — WHO 2006", fontsize=9)
    axes.grid(alpha=0.3)
    axes.set_xlim(0, until_days / growth.DAYS_PER_MONTH + 1)
    return figure_png(figure)
