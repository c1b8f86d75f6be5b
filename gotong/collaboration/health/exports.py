"""The health report as PDF and XLSX for the city's slum working group (Pokja PKP) and the kelurahan: the same
figures as the page (read from the same `report.health`), the warnings and the definitions."""

from decimal import Decimal

from django.utils.text import slugify
from django.utils.translation import gettext as _

from gotong.collaboration.health.actors import LABELS as ACTOR_LABELS
from gotong.collaboration.health.definitions import STAGE_LABELS
from gotong.core.dates import short_date
from gotong.core.money import format_rupiah
from gotong.core.numbers import decimal_text
from gotong.core.pdf import ReportPDF, pdf_response
from gotong.core.tabular import xlsx_response


def _pct(value) -> str:
    return "—" if value is None else f"{decimal_text(value, 1)}%"


def _of(part, whole, rate) -> str:
    return f"{part}/{whole} ({_pct(rate)})"


def indicator_rows(context: dict) -> list[tuple[str, str, str]]:
    """(stage, indicator, value as the page words it) for every indicator."""
    m = context["measured"]
    d, t, c, u, s = (m[k] for k in ("dialogue", "trust", "commitment", "understanding", "small_wins"))
    rows = [
        ("dialogue", _("Pertemuan terlaksana / direncanakan"),
         f"{d['meetings_held']} / {'—' if d['meetings_planned'] is None else d['meetings_planned']}"),
        *[("dialogue", _("Kehadiran: %(type)s") % {"type": ACTOR_LABELS[row["type"]]},
           _of(row["present"], row["invited"], row["rate"])) for row in d["attendance"]],
        ("dialogue", _("Keputusan diambil"), str(d["decisions"])),
        ("trust", _("Komitmen ditepati tepat waktu (semua pelaku)"),
         _of(t["kept_overall"]["kept"], t["kept_overall"]["counted"], t["kept_overall"]["rate"])),
        *[("trust", _("Ditepati tepat waktu: %(actor)s") % {"actor": row["actor"].name}, _pct(row["rate"]))
          for row in t["kept_by_actor"]],
        ("trust", _("Data dibagikan"),
         _("%(n)s catatan, %(p)s pemberi → %(r)s penerima") % {
             "n": t["data_shared"]["count"], "p": t["data_shared"]["providers"], "r": t["data_shared"]["recipients"]}),
        *[("trust", _("Data: %(dataset)s") % {"dataset": row.dataset},
           f"{row.provider.name} → {row.recipient.name}, {short_date(row.shared_on)}")
          for row in t["data_shared"]["rows"]],
        ("trust", _("Bantuan mitra diterima kas komunitas"),
         _("%(n)s catatan dari %(p)s mitra: uang %(money)s, barang %(goods)s") % {
             "n": t["reciprocity"]["entries"], "p": t["reciprocity"]["partners"],
             "money": format_rupiah(t["reciprocity"]["money_rupiah"]),
             "goods": format_rupiah(t["reciprocity"]["in_kind_rupiah"])}),
        ("trust", _("Timbal balik komunitas ke mitra"),
         _("%(n)s catatan untuk %(p)s mitra, senilai %(value)s") % {
             "n": t["reciprocity"]["given_back_entries"], "p": t["reciprocity"]["given_back_partners"],
             "value": format_rupiah(t["reciprocity"]["given_back_rupiah"])}),
        ("commitment", _("Kesepakatan ditandatangani"), str(c["agreements_signed"])),
        ("commitment", _("Komitmen dibuat"), str(c["commitments_made"])),
        ("commitment", _("Pelaku yang berhenti hadir"),
         ", ".join(org.name for org in c["stopped_attending"]) or "0"),
        ("commitment", _("Komitmen terbengkalai"), str(len(c["lapsed"]))),
        ("understanding", _("Sasaran disepakati forum"),
         _of(u["targets_agreed"]["agreed"], u["targets_agreed"]["total"], u["targets_agreed"]["rate"])),
        ("understanding", _("Aktivitas rencana tindak dengan penanggung jawab"),
         _of(u["plans_with_owners"]["owned"], u["plans_with_owners"]["total"], u["plans_with_owners"]["rate"])),
        ("understanding", _("Anggota forum yang ikut menetapkan sasaran"),
         _of(u["actors_in_setting"]["took_part"], u["actors_in_setting"]["total"], u["actors_in_setting"]["rate"])),
        ("small_wins", _("Kegiatan selesai"), str(s["projects"]["count"])),
        *[("small_wins", _("Anggaran %(source)s") % {"source": source.label}, format_rupiah(amount))
          for source, amount in s["projects"]["by_source"]],
        ("small_wins", _("Luas kumuh berkurang / tersisa (ha)"),
         f"{decimal_text(s['slum']['reduced_ha'], 2)} / {decimal_text(s['slum']['left_ha'], 2)}"),
        *[("small_wins", _("Sasaran: %(title)s") % {"title": row["target"].title},
           _("%(label)s: capaian %(done)s, diharapkan %(expected)s") % {
               "label": row["label"], "done": _pct(row["percent"]), "expected": _pct(row["expected"])})
          for row in s["targets"]],
    ]  # fmt: skip
    return [(str(STAGE_LABELS[stage]), label, value) for stage, label, value in rows]


def _trend_rows(context: dict) -> list[list[str]]:
    def text(value):
        if value is None:
            return "—"
        return decimal_text(value, 1) if isinstance(value, Decimal) else str(value)

    return [
        [str(label), text(context["headlines"][key]), text(context["previous"][key]), text(context["trend"][key])]
        for key, label in context["stages"]
    ]


def _title(context) -> str:
    return _("Kesehatan kolaborasi: %(name)s") % {"name": context["collab"].name}


def _filename(context, ext) -> str:
    return f"kesehatan-kolaborasi-{slugify(context['collab'].name)}-{context['period'].end:%Y-%m}.{ext}"


TREND_HEADERS = (_("Tahap"), _("Periode ini"), _("Periode sebelumnya"), _("Perubahan"))


def health_pdf(context: dict):
    subtitle = _("Periode %(period)s · untuk Pokja PKP kota dan kelurahan") % {"period": context["period"]}
    pdf = ReportPDF(_title(context), subtitle)
    pdf.heading(_("Ringkasan per tahap"))
    pdf.data_table([str(h) for h in TREND_HEADERS], _trend_rows(context), col_widths=(70, 35, 40, 30),
                   align_right={1, 2, 3})  # fmt: skip
    pdf.heading(_("Indikator"))
    pdf.data_table([_("Tahap"), _("Indikator"), _("Nilai")], [list(r) for r in indicator_rows(context)],
                   col_widths=(40, 75, 75))  # fmt: skip
    pdf.heading(_("Peringatan"))
    if context["warnings"]:
        for warning in context["warnings"]:
            pdf.paragraph(f"• {warning.message}")
    else:
        pdf.paragraph(_("Tidak ada peringatan."))
    pdf.heading(_("Definisi"))
    for stage in context["definitions"]:
        for _stage, _key, name, definition, source in stage["indicators"]:
            pdf.paragraph(f"{name}: {definition} ({source})")
    return pdf_response(pdf, _filename(context, "pdf"))


def health_xlsx(context: dict):
    definitions = [
        [str(stage["label"]), str(name), str(definition), source]
        for stage in context["definitions"]
        for _stage, _key, name, definition, source in stage["indicators"]
    ]
    sheets = [
        (_("Ringkasan"), [str(h) for h in TREND_HEADERS], _trend_rows(context)),
        (_("Indikator"), [_("Tahap"), _("Indikator"), _("Nilai")], [list(r) for r in indicator_rows(context)]),
        (_("Peringatan"), [_("Peringatan")], [[w.message] for w in context["warnings"]]),
        (_("Definisi"), [_("Tahap"), _("Indikator"), _("Definisi"), _("Sumber")], definitions),
    ]
    return xlsx_response(_filename(context, "xlsx"), sheets)
