"""Small lookups the treasury templates need."""

from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key, 0)
