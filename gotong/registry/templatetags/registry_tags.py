from django import template

from gotong.core.policy import can
from gotong.registry.models import Household, Person
from gotong.registry.nik import mask_family_card_number, mask_nik

register = template.Library()


@register.filter
def masked_nik(value: str) -> str:
    return mask_nik(value)


@register.filter
def masked_kk(value: str) -> str:
    return mask_family_card_number(value)


@register.simple_tag(takes_context=True)
def nik_for_viewer(context, record) -> str:
    """A person's NIK (or a household's KK number) in full where `registry.see_nik` reaches the record, masked
    everywhere else: `{% nik_for_viewer case.person %}`. A bare number cannot be placed, so it is always masked."""
    user = context["request"].user
    if isinstance(record, Person):
        shown = record.nik and can(user, "registry.see_nik", record)
        return record.nik if shown else mask_nik(record.nik)  # no NIK yet: "NIK belum ada"
    if isinstance(record, Household):
        number = record.family_card_number
        return number if can(user, "registry.see_nik", record) else mask_family_card_number(number)
    return mask_nik(record)
