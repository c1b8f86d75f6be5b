"""Meeting, participant, attendance and decision forms."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.core.forms import DateInput, StyledFormMixin
from gotong.core.pickers.fields import PickerField


class MeetingForm(StyledFormMixin, forms.Form):
    held_on = forms.DateField(label=_("Tanggal"), initial=timezone.localdate, widget=DateInput())
    place = forms.CharField(label=_("Tempat"), max_length=200)
    agenda = forms.CharField(label=_("Agenda"), widget=forms.Textarea(attrs={"rows": 3}))
    minutes = forms.CharField(label=_("Notulen"), required=False, widget=forms.Textarea(attrs={"rows": 6}))


class ParticipantForm(StyledFormMixin, forms.Form):
    organization = forms.ModelChoiceField(label=_("Organisasi"), queryset=None, required=False)
    person = PickerField(
        label=_("Penduduk terdaftar"),
        source="collaboration.participant",
        required=False,
        help_text=_("Warga di wilayah forum."),
    )
    name = forms.CharField(
        label=_("Nama (bila tidak terdaftar)"), max_length=150, required=False, help_text=_("Mis. Lurah Kampung Bugis")
    )

    def __init__(self, *args, organizations, user, area_code, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        # Residents of the forum's area, found by name, RT or NIK (the list shows only the NIK's last digits).
        self.fields["person"].bind(user, area=area_code)


class AttendanceForm(forms.Form):
    """One hadir / tidak hadir choice per participant (field name `p_<id>`)."""

    CHOICES = [("1", _("Hadir")), ("0", _("Tidak hadir"))]

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.participants = list(participants)
        for participant in self.participants:
            initial = {True: "1", False: "0"}.get(participant.attended)
            self.fields[f"p_{participant.pk}"] = forms.ChoiceField(
                label=participant.display_name,
                choices=self.CHOICES,
                required=False,
                initial=initial,
                widget=forms.RadioSelect,
            )

    def rows(self):
        return [(participant, self[f"p_{participant.pk}"]) for participant in self.participants]

    def attendance(self) -> dict:
        result = {}
        for participant in self.participants:
            value = self.cleaned_data.get(f"p_{participant.pk}")
            if value in ("1", "0"):
                result[participant.pk] = value == "1"
        return result


class DecisionForm(StyledFormMixin, forms.Form):
    text = forms.CharField(label=_("Keputusan"), widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.ModelChoiceField(label=_("Penanggung jawab"), queryset=None, required=False)
    due_on = forms.DateField(label=_("Tenggat"), required=False, widget=DateInput())

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = organizations


class DecisionCommitmentForm(StyledFormMixin, forms.Form):
    agreement = forms.ModelChoiceField(label=_("Jadikan komitmen dalam kesepakatan"), queryset=None)

    def __init__(self, *args, agreements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreement"].queryset = agreements
