from django.http import HttpResponse


def _todo(request, **kwargs):
    return HttpResponse(status=501)


person_create = person_edit = _todo
