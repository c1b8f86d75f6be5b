from django.http import HttpResponse


def _todo(request, **kwargs):
    return HttpResponse(status=501)


household_list = household_create = household_detail = household_edit = dwelling_edit = _todo
