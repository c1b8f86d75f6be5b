"""From an ODK form instance to the payload of `gotong.field.services.apply_submission` (schemas documented there).

Field names are those of the XLSForms in `xlsforms/`; values stay text (decimals and ISO dates are what the
field service parses), so the web forms and ODK go through exactly the same validation.
"""

from collections.abc import Callable

from gotong.odk.instance import Instance


def _optional(value: str) -> str | None:
    return value or None


def _yes_no(value: str) -> bool | str | None:
    """The yes_no list as JSON true/false; empty is absent (the field service's default). Anything else stays as
    sent, so it is refused (`gotong.odk.rules`, `gotong.field.rules.yes_no`), never bent into yes or no."""
    return {"yes": True, "no": False, "": None}.get(value, value)


def weighing_payload(instance: Instance) -> dict:
    length = instance.text("length_cm")
    return {
        "child": instance.text("child"),
        "measured_on": instance.text("measured_on"),
        "weight_kg": instance.text("weight_kg"),
        "length_cm": _optional(length),
        "measure": instance.text("measure") if length else "",
        "muac_cm": _optional(instance.text("muac_cm")),
        "oedema": _yes_no(instance.text("oedema")),
        "growth_card": _yes_no(instance.text("growth_card")),
    }


def anc_visit_payload(instance: Instance) -> dict:
    payload = {"pregnancy": instance.text("pregnancy"), "visited_on": instance.text("visited_on")}
    payload["place"] = instance.text("place")
    for name in ("provider", "notes"):
        payload[name] = instance.text(name)
    for name in ("weight_kg", "muac_cm", "hb_g_dl", "systolic", "diastolic", "iron_tablets"):
        payload[name] = _optional(instance.text(name))
    return payload


def immunisation_payload(instance: Instance) -> dict:
    # select_multiple answers are space-separated names ("polio:2 dpt_hb_hib:1"); the field service splits them.
    return {
        "child": instance.text("child"),
        "given_on": instance.text("given_on"),
        "doses": instance.text("doses"),
        "place": instance.text("place"),
        "batch": instance.text("batch"),
    }


def deposit_payload(instance: Instance) -> dict:
    lines = []
    for line in instance.repeats("line"):
        category, kg = instance.text("category", line), instance.text("weight_kg", line)
        if category or kg:  # an empty repeat Collect leaves behind is not a line
            lines.append({"category": category, "kg": kg})
    return {"member": instance.text("member"), "occurred_on": instance.text("occurred_on"), "lines": lines}


def visit_payload(instance: Instance) -> dict:
    payload = {"case": instance.text("case"), "visited_on": instance.text("visited_on")}
    for name in ("met_with", "condition", "adherence", "issues", "next_step"):
        payload[name] = instance.text(name)
    return payload


def attendance_payload(instance: Instance) -> dict:
    hours = _optional(instance.text("hours"))
    guests = instance.text("guests") or "0"
    return {
        "event": instance.text("event"),
        "present": [{"person": person, "hours": hours} for person in instance.text("present").split()],
        "guests": int(guests) if guests.isdigit() else guests,  # anything else is refused by the field service
        "guest_hours": instance.text("guest_hours") or "0",
    }


MAPPERS: dict[str, Callable[[Instance], dict]] = {
    "gotong_penimbangan": weighing_payload,
    "gotong_periksa_hamil": anc_visit_payload,
    "gotong_imunisasi": immunisation_payload,
    "gotong_setoran_sampah": deposit_payload,
    "gotong_kunjungan": visit_payload,
    "gotong_kehadiran": attendance_payload,
}
