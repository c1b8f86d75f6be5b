from django.http import HttpResponse


def _todo(request, **kwargs):
    return HttpResponse(status=501)


browse = search = detail = _todo
