"""The cadre's form: the doses a child got at one posyandu day, ticked together (the rules are in services)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gotong.core.forms import DateInput, StyledFormMixin
from gotong.posyandu.immunisation import schedule
from gotong.posyandu.models import ImmunisationPlace


def dose_value(dose: schedule.Dose) -> str:
    return f"{dose.vaccine}:{dose.number}"


class ImmunisationForm(StyledFormMixin, forms.Form):
    doses = forms.MultipleChoiceField(
        label=_("Imunisasi yang diberikan"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Pilih minimal satu imunisasi yang diberikan.")},
    )
    given_on = forms.DateField(label=_("Tanggal imunisasi"), widget=DateInput())
    place = forms.ChoiceField(
        label=_("Tempat"),
        choices=ImmunisationPlace.choices,
        widget=forms.RadioSelect,
        initial=ImmunisationPlace.POSYANDU,
    )
    batch = forms.CharField(
        label=_("Nomor batch vaksin (opsional)"),
        required=False,
        max_length=40,
        help_text=_("Dari label vial, bila dicatat."),
    )

    def __init__(self, *args, status: schedule.ChildStatus, **kwargs):
        super().__init__(*args, **kwargs)
        # Doses the child can get now first, then those not yet due (a dose given elsewhere is entered late).
        order = {schedule.DUE: 0, schedule.OVERDUE: 0, schedule.CATCH_UP: 0, schedule.NOT_YET: 1, schedule.WAITING: 2}
        rows = sorted(
            (row for row in status.rows if row[1] in order),
            key=lambda row: (order[row[1]], schedule.SCHEDULE.index(row[0])),
        )
        self.fields["doses"].choices = [
            (dose_value(dose), f"{schedule.dose_label(*dose.key)} — {schedule.STATE_LABELS[state]}")
            for dose, state, _on in rows
        ]

    def chosen(self) -> list[tuple[str, int]]:
        pairs = []
        for value in self.cleaned_data["doses"]:
            vaccine, number = value.split(":")
            pairs.append((vaccine, int(number)))
        return pairs
