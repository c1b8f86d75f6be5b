"""Registry API writes: households and persons created or changed by devices and scripts.

The same door as the pages: the module's forms check formats, `registry.services` asks the access policy, saves and
audits (and places a household and its new RT in one transaction). A masked NIK or KK number sent back unchanged
(as the lists show them) keeps the stored number.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.forms.models import model_to_dict
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, serializers

from gotong.registry import choices
from gotong.registry.forms import HouseholdForm, PersonForm
from gotong.registry.models import Household
from gotong.registry.services import place_household, save_person


class HouseholdWriteSerializer(serializers.Serializer):
    """What a device sends to add or change a household (PATCH: only the fields that change)."""

    family_card_number = serializers.CharField(max_length=16, help_text=gettext_lazy("Nomor KK, 16 digit."))
    address = serializers.CharField(max_length=255)
    village_code = serializers.CharField(max_length=13, help_text="21.72.03.1005")
    rw = serializers.IntegerField(min_value=1, max_value=999)
    rt = serializers.IntegerField(min_value=1, max_value=999)
    welfare_decile = serializers.IntegerField(min_value=1, max_value=10, required=False, allow_null=True)
    pkh_recipient = serializers.BooleanField(required=False, default=False)
    bpnt_recipient = serializers.BooleanField(required=False, default=False)
    consent_given_on = serializers.DateField(required=False, allow_null=True)


class PersonWriteSerializer(serializers.Serializer):
    household = serializers.UUIDField(help_text=gettext_lazy("id rumah tangga (wajib saat menambah)."))
    nik = serializers.CharField(
        max_length=16,
        required=False,
        allow_null=True,
        allow_blank=True,
        help_text=gettext_lazy("16 digit; kosong hanya bila nik_pending."),
    )
    nik_pending = serializers.BooleanField(
        required=False, default=False, help_text=gettext_lazy("NIK belum ada (anak): nik kosong, dilengkapi nanti.")
    )
    name = serializers.CharField(max_length=150)
    sex = serializers.ChoiceField(choices=choices.Sex.choices)
    birth_date = serializers.DateField()
    relationship = serializers.ChoiceField(choices=choices.Relationship.choices)
    education = serializers.ChoiceField(choices=choices.Education.choices, required=False, allow_blank=True, default="")
    occupation = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    disability = serializers.ChoiceField(
        choices=choices.Disability.choices, required=False, default=choices.Disability.NONE
    )


def _form_errors(form) -> exceptions.ValidationError:
    errors = {("non_field_errors" if k == "__all__" else k): [str(m) for m in v] for k, v in form.errors.items()}
    return exceptions.ValidationError(errors)


# A service's field → the API's field (the RT it refused is the household's `rt`).
_API_FIELD = {"area": "rt", "__all__": "non_field_errors"}


def _service_errors(error: DjangoValidationError) -> exceptions.ValidationError:
    if hasattr(error, "error_dict"):
        return exceptions.ValidationError(
            {_API_FIELD.get(k, k): [str(m) for m in v] for k, v in error.message_dict.items()}
        )
    return exceptions.ValidationError({"non_field_errors": [str(m) for m in error.messages]})


def write_household(user, data: dict, instance: Household | None = None) -> Household:
    """Create (instance None) or change a household; fields missing from `data` keep their saved value.

    Decile, PKH and BPNT need `registry.welfare` where the household lives (the service answers 403 otherwise)."""
    current = {}
    if instance is not None:
        current = {**model_to_dict(instance), **HouseholdForm(instance=instance, user=user).initial}
    form = HouseholdForm(data={**current, **data}, instance=instance, user=user)
    if not form.is_valid():
        raise _form_errors(form)
    household = form.save(commit=False)
    cleaned = form.cleaned_data
    try:
        return place_household(household, cleaned["village_code"], cleaned["rw"], cleaned["rt"], acting_user=user)
    except DjangoValidationError as error:
        raise _service_errors(error) from None


def write_person(user, data: dict, *, household: Household | None = None, instance=None):
    """Create a person in `household` or change `instance`; returns (person, warnings)."""
    current = model_to_dict(instance) if instance is not None else {}
    form = PersonForm(data={**current, **data}, instance=instance)
    if not form.is_valid():
        raise _form_errors(form)
    person = form.save(commit=False)
    if household is not None:
        person.household = household
    try:
        return person, save_person(person, acting_user=user)
    except DjangoValidationError as error:
        raise _service_errors(error) from None
