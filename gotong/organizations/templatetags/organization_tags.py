from django import template

from gotong.registry.nik import mask_nik

register = template.Library()


@register.filter
def masked_nik(value) -> str:
    """The only way a NIK appears on organisation pages."""
    return mask_nik(value)
