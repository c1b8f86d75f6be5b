from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.areas.models import Area
from gotong.core.forms import DateInput, StyledFormMixin
from gotong.core.pickers.fields import PickerField
from gotong.core.policy import can
from gotong.organizations.choices import MemberRole, OrganizationKind
from gotong.organizations.models import Organization


class OrganizationFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Jenis"), required=False, choices=[("", _("Semua jenis"))] + OrganizationKind.choices
    )


class OrganizationForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Nama"), max_length=200)
    kind = forms.ChoiceField(label=_("Jenis"), choices=OrganizationKind.choices)
    area = forms.CharField(
        label=_("Kode wilayah kerja"),
        max_length=40,
        help_text=_("Kode kota, kecamatan, kelurahan/desa, RW atau RT. Contoh: 21.72.03.1005 (Kampung Bugis)"),
    )
    parent = forms.ModelChoiceField(label=_("Induk organisasi"), queryset=Organization.objects.none(), required=False)
    description = forms.CharField(label=_("Keterangan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    address = forms.CharField(label=_("Alamat"), max_length=255, required=False)
    phone = forms.CharField(label=_("Telepon"), max_length=30, required=False)

    def __init__(self, *args, user, instance: Organization | None = None, **kwargs):
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {
                    "name": instance.name,
                    "kind": instance.kind,
                    "area": instance.area_code,
                    "parent": instance.parent_id,
                    "description": instance.description,
                    "address": instance.address,
                    "phone": instance.phone,
                },
            )
        super().__init__(*args, **kwargs)
        self.user = user
        self.instance = instance
        parents = Organization.objects.visible_to(user)
        self.fields["parent"].queryset = parents.exclude(pk=instance.pk) if instance else parents
        self.fields["area"].widget.attrs.update(autocomplete="off", inputmode="decimal")
        self.fields["phone"].widget.attrs.update(inputmode="tel")

    def clean_area(self) -> Area:
        code = self.cleaned_data["area"].strip()
        area = Area.objects.filter(code=code).first()
        if area is None:
            raise forms.ValidationError(_("Kode wilayah %(code)s tidak dikenal.") % {"code": code})
        unchanged = self.instance is not None and area.code == self.instance.area_code
        # Registering an organisation somewhere (or moving one there) is for those who may register it there.
        if not unchanged and not can(self.user, "organizations.create", area):
            raise forms.ValidationError(
                _("%(name)s (%(code)s) di luar wilayah kerja Anda.") % {"name": area.name, "code": area.code}
            )
        return area


class MembershipForm(StyledFormMixin, forms.Form):
    """A member is a registered person (found by name, RT or NIK), a platform account, or just a name."""

    person = PickerField(
        label=_("Penduduk terdaftar"),
        source="organizations.person",
        required=False,
        help_text=_("Hanya penduduk dalam wilayah Anda yang bisa ditemukan."),
    )
    account = PickerField(
        label=_("Akun pengguna Gotong"),
        source="organizations.account",
        required=False,
        # One answer for "not there" and "exists elsewhere", so the form cannot be used to learn whether an account
        # exists in another city: only accounts this manager may add are ever listed or accepted.
        error_messages={"invalid_choice": _("Tidak ada akun yang dapat Anda tambahkan ke organisasi ini.")},
    )
    name = forms.CharField(label=_("Nama (bila bukan penduduk terdaftar)"), required=False, max_length=150)
    role = forms.ChoiceField(label=_("Peran"), choices=MemberRole.choices, initial=MemberRole.MEMBER)
    started_on = forms.DateField(label=_("Mulai"), widget=DateInput(), initial=timezone.localdate)

    def __init__(self, *args, user, organization: Organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.organization = organization
        self.fields["person"].bind(user, organization=organization.pk)
        self.fields["account"].bind(user, organization=organization.pk)

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "person": data["person"],
            "user": data["account"],
            "name": data["name"],
            "role": data["role"],
            "started_on": data["started_on"],
        }


class EndMembershipForm(StyledFormMixin, forms.Form):
    ended_on = forms.DateField(label=_("Tanggal berakhir"), widget=DateInput(), initial=timezone.localdate)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
