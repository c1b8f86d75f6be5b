"""Each open case's overdue visits on one day, kept by `gotong.casework.tallies` so dashboards sum rows instead of
replaying thousands of visit schedules on every request."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gotong.core.province_code import ProvinceCodeField


class OverdueTally(models.Model):
    """How many of an open case's due visits were overdue on `counted_on` (a row per open case).

    "Overdue" moves with the calendar, so a row holds for its own day only: readers count live any case whose
    row is for another day, and `gotong dashboards extend` recounts every row each morning.
    """

    province_code = ProvinceCodeField()

    case = models.OneToOneField(
        "casework.Case", primary_key=True, on_delete=models.CASCADE, related_name="overdue_tally"
    )
    counted_on = models.DateField(_("dihitung untuk tanggal"))
    overdue_visits = models.PositiveIntegerField(_("kunjungan terlambat"), default=0)

    class Meta:
        verbose_name = _("rekap kunjungan terlambat")
        verbose_name_plural = _("rekap kunjungan terlambat")

    def __str__(self) -> str:
        return f"{self.case_id} @ {self.counted_on}: {self.overdue_visits}"
