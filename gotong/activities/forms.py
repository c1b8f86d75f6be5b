from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.activities import access
from gotong.activities.models import Contribution, Event, Norm, NormWarning, WageRate
from gotong.core.forms import DateInput, RupiahField, StyledFormMixin
from gotong.core.pickers.fields import PickerField


def _area_label(area) -> str:
    parent = area.parent.name if area.parent else ""
    return f"{area.name} — {parent} ({area.code})" if area.level > 4 else f"{area.name} ({area.code})"


class EventForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Event
        fields = ["title", "kind", "held_on", "start_time", "default_hours", "area", "organization", "place",
                  "description"]  # fmt: skip
        widgets = {
            "held_on": DateInput(),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "description": forms.Textarea(attrs={"rows": 2}),
            "default_hours": forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = access.area_choices(user)
        self.fields["area"].label_from_instance = _area_label
        self.fields["organization"].queryset = access.organization_choices(user)
        self.fields["held_on"].initial = timezone.localdate


class ContributionForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Contribution
        fields = ["what", "quantity", "unit", "estimated_value", "given_by"]
        field_classes = {"estimated_value": RupiahField}


class NormForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Norm
        fields = ["text", "agreed_on", "area", "organization"]
        widgets = {"agreed_on": DateInput(), "text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = access.area_choices(user)
        self.fields["area"].label_from_instance = _area_label
        self.fields["organization"].queryset = access.organization_choices(user)


class WarningForm(StyledFormMixin, forms.ModelForm):
    person = PickerField(label=_("Warga"), source="activities.warned")

    class Meta:
        model = NormWarning
        fields = ["person", "given_on", "level", "note"]
        widgets = {"given_on": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, norm, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].bind(user, area=norm.area_code)
        self.fields["given_on"].initial = timezone.localdate


class WageRateForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = WageRate
        fields = ["city_code", "year", "monthly_wage", "labour_divisor", "source", "verified"]
