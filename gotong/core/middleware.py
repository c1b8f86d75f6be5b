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


class HeadWithoutBodyMiddleware:
    """Answer HEAD with the headers a GET would get (Content-Length included) and no body.

    Django's development server drops the body itself; WSGI servers such as waitress send what the application
    returns, and a body after a HEAD answer is read by a kept-alive client as the start of its next response.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD":
            if response.streaming:
                close = getattr(response, "close", None)
                response.streaming_content = []
                if close:
                    close()
            else:
                length = response.get("Content-Length", str(len(response.content)))
                response.content = b""
                response["Content-Length"] = length
        return response
