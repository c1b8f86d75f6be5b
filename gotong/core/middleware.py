"""Request middleware of our own."""


class IndonesianFirstMiddleware:
    """Serve Bahasa Indonesia unless the user chose English with the language switch.

    Many phones in Indonesia are set to English; their Accept-Language header must not decide the language of a
    platform whose users work in Indonesian. The choice made on the page (Django's language cookie) still wins.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
