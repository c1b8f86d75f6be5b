"""Template context of our own."""


def csp_nonce(request):
    """`csp_nonce`: the name django-htmx's `{% htmx_script %}` and our inline `<script nonce=…>` read.

    Lazy: only a page that uses it makes django-csp put a nonce in that response's header.
    """
    return {"csp_nonce": getattr(request, "csp_nonce", "")}
