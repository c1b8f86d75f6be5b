from django.http import HttpResponse


def import_upload(request):  # replaced by the import implementation
    return HttpResponse(status=501)


def import_template(request, fmt):
    return HttpResponse(status=501)
