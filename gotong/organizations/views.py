from django.http import HttpResponse


def _todo(request, **kwargs):
    return HttpResponse(status=501)


organization_list = organization_detail = _todo
