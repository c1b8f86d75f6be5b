"""The household import page and its downloadable templates; the work is done by registry.importing."""

from pathlib import Path

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from gotong.core.forms import StyledFormMixin
from gotong.core.policy.routes import route
from gotong.registry.importing import import_households, summary_lines
from gotong.registry.importing.columns import OPTIONAL_COLUMNS, REQUIRED_COLUMNS
from gotong.registry.importing.report import report_text
from gotong.registry.importing.samples import template_csv, template_xlsx

# The last report, for the download button. It holds values as written (NIK too), like the console's --report,
# and only for this user's session; a new import replaces it.
REPORT_SESSION_KEY = "registry_import_report"
MAX_REPORT_CHARS = 1_000_000
MAX_ISSUES_SHOWN = 200
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportForm(StyledFormMixin, forms.Form):
    file = forms.FileField(
        label=_("File CSV atau XLSX"),
        help_text=_("Baris pertama berisi judul kolom. CSV boleh dipisah koma atau titik koma."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx"}),
    )
    dry_run = forms.BooleanField(label=_("Periksa saja (dry run)"), required=False)
    skip_invalid = forms.BooleanField(
        label=_("Simpan baris yang valid"),
        required=False,
        help_text=_("Tanpa centang ini, tidak ada yang disimpan bila ada satu baris salah."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in (".csv", ".txt", ".xlsx"):
            raise forms.ValidationError(_("Pilih file .csv atau .xlsx."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("File terlalu besar (paling besar 20 MB). Bagi menjadi beberapa file."))
        return upload


@route("registry.import", post="registry.import")
def import_upload(request):
    if request.method == "GET" and request.GET.get("laporan"):
        return _report_download(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "required_columns": REQUIRED_COLUMNS, "optional_columns": OPTIONAL_COLUMNS}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = import_households(
            upload,
            filename=upload.name,
            acting_user=request.user,
            dry_run=form.cleaned_data["dry_run"],
            skip_invalid=form.cleaned_data["skip_invalid"],
        )
        report = report_text(result)
        request.session.pop(REPORT_SESSION_KEY, None)
        if result.issues and len(report) <= MAX_REPORT_CHARS:
            request.session[REPORT_SESSION_KEY] = report
        issues = result.sorted_issues()
        context.update(
            result=result,
            summary=summary_lines(result),
            issues=issues[:MAX_ISSUES_SHOWN],
            hidden_issues=max(0, len(issues) - MAX_ISSUES_SHOWN),
            report_available=REPORT_SESSION_KEY in request.session,
        )
    return render(request, "registry/import.html", context)


def _report_download(request) -> HttpResponse:
    report = request.session.get(REPORT_SESSION_KEY)
    if report is None:
        raise Http404
    response = HttpResponse(report, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="laporan-impor-kk.csv"'
    return response


@route("registry.import")
def import_template(request, fmt):
    if fmt == "csv":
        response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(template_xlsx(), content_type=XLSX_TYPE)
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="templat-impor-kk.{fmt}"'
    return response
