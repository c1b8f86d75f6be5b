"""`{{ amount|rupiah }}` → "Rp1.250.000" (see `gotong.core.money`)."""

from django import template

from gotong.core.money import format_rupiah

register = template.Library()
register.filter("rupiah", format_rupiah)
