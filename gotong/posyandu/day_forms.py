"""Forms of the posyandu day's meja 4 and 5; the rules live in `day_services`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gotong.core.forms import DateInput, StyledFormMixin
from gotong.posyandu.models import FeedingKind


class CounsellingForm(StyledFormMixin, forms.Form):
    note = forms.CharField(
        label=_("Catatan penyuluhan"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class FeedingForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Jenis PMT"), choices=FeedingKind.choices)
    days = forms.IntegerField(label=_("Jumlah hari/porsi"), min_value=1, max_value=120, initial=1)
    given_on = forms.DateField(label=_("Tanggal diberikan"), widget=DateInput())


class GivenOnForm(StyledFormMixin, forms.Form):
    given_on = forms.DateField(label=_("Tanggal diberikan"), widget=DateInput())
