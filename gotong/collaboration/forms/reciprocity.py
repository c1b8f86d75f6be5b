"""The form a community's officer (or the area's worker) fills to record what the community gave back to a partner."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.collaboration.models import ReciprocityKind
from gotong.core.forms import PastDateInput, RupiahField, StyledFormMixin


class ReciprocityForm(StyledFormMixin, forms.Form):
    community = forms.ModelChoiceField(label=_("Komunitas"), queryset=None)
    partner = forms.ModelChoiceField(label=_("Mitra"), queryset=None)
    occurred_on = forms.DateField(label=_("Tanggal"), widget=PastDateInput(), initial=timezone.localdate)
    kind = forms.ChoiceField(label=_("Bentuk timbal balik"), choices=ReciprocityKind.choices)
    count = forms.IntegerField(
        label=_("Jumlah"),
        required=False,
        min_value=1,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=_("Mis. banyaknya rekening dibuka, pinjaman diambil, atau pengunjung acara."),
    )
    value_rupiah = RupiahField(
        label=_("Nilai (Rp)"), required=False, help_text=_("Mis. nilai sayur yang dipasok atau nilai pinjaman.")
    )
    description = forms.CharField(label=_("Uraian"), max_length=250)

    def __init__(self, *args, communities, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["community"].queryset = communities
        self.fields["partner"].queryset = partners
