from django import template

from gotong.core.home.menu import menu_for

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """`{% main_menu as menu %}`: the user's menu (`gotong.core.home.menu`)."""
    return menu_for(context["user"])
