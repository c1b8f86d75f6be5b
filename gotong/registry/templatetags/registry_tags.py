from django import template

from gotong.registry.nik import mask_family_card_number, mask_nik

register = template.Library()


@register.filter
def masked_nik(value: str) -> str:
    return mask_nik(value)


@register.filter
def masked_kk(value: str) -> str:
    return mask_family_card_number(value)


@register.simple_tag(takes_context=True)
def nik_for_viewer(context, value: str) -> str:
    """The full NIK for roles allowed to see it (detail pages only), masked for everyone else."""
    user = context["request"].user
    return value if user.can_see_full_nik() else mask_nik(value)
