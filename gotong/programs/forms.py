from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from gotong.activities.access import area_choices, organization_choices
from gotong.activities.forms import _area_label
from gotong.collaboration.access import organization_choices as collaboration_organizations
from gotong.core.forms import DateInput, RupiahField, StyledFormMixin
from gotong.core.pickers.fields import PickerField
from gotong.programs.models import Cohort, Enrolment, Program, Session


class ProgramForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Program
        fields = ["name", "kind", "organization", "partners", "area", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organization_choices(user, "programs.manage")
        # Partners may work from outside the manager's areas (a city bank, a Dinas): the organisations a
        # collaboration record may name.
        self.fields["partners"].queryset = collaboration_organizations(user, "programs.manage").order_by("name")
        self.fields["partners"].help_text = _("Organisasi yang ikut menjalankan program (boleh kosong).")
        self.fields["area"].queryset = area_choices(user, "programs.manage")
        self.fields["area"].label_from_instance = _area_label


class CohortForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Cohort
        fields = ["name", "starts_on", "ends_on", "capacity"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}


class SessionForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Session
        fields = ["held_on", "topic", "hours"]
        widgets = {"held_on": DateInput(), "hours": forms.NumberInput(attrs={"step": "0.5"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].initial = timezone.localdate


class EnrolForm(StyledFormMixin, forms.Form):
    enrol = PickerField(label=_("Peserta baru"), source="programs.enrol")

    def __init__(self, *args, user, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        # Residents the user may see who are not yet in this cohort.
        self.fields["enrol"].bind(user, cohort=str(cohort.public_id))


class OutcomeForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Enrolment
        fields = ["status", "certified", "started_business", "income_before", "income_after", "outcome_note"]
        field_classes = {"income_before": RupiahField, "income_after": RupiahField}
        widgets = {"outcome_note": forms.Textarea(attrs={"rows": 2})}


def decile_range_label(top: int):
    """ "Desil 1–3" for deciles 1 to 3; just "Desil 1" when the range is the first decile alone."""
    if top == 1:
        return _("Desil 1")
    # Lazy, so the choice reads in the viewer's language rather than the one active at import.
    return lazy(lambda: gettext("Desil 1–%(n)s") % {"n": top}, str)()


class LeftOutFilter(StyledFormMixin, forms.Form):
    area = forms.CharField(label=_("Kode wilayah"), required=False, help_text=_("mis. 16.71.11.1005 atau kosong"))
    max_decile = forms.TypedChoiceField(
        label=_("Desil kesejahteraan"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Semua"))] + [(n, decile_range_label(n)) for n in range(1, 11)],
    )
