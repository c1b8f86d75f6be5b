"""Choosing a meeting participant on a 360 px phone by typing part of her name and her RT, among many namesakes."""

import datetime

from gotong.collaboration.models import Participant
from gotong.collaboration.services.forums import create_forum, create_meeting
from gotong.organizations.services import create_organization
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from tests.browser.conftest import log_in

BUGIS = "21.72.03.1005"


def test_choose_a_participant_by_typing_on_a_phone(phone, live_server, areas, facilitator, city_officer):
    village = areas[BUGIS]
    bkm = create_organization(name="BKM Kampung Bugis", kind="bkm", area=village, acting_user=city_officer)
    forum = create_forum(name="Forum Kampung Bugis", kind="routine", area=village, members=[bkm],
                         acting_user=city_officer)  # fmt: skip
    meeting = create_meeting(forum, held_on=datetime.date(2026, 7, 10), place="Sekretariat BKM",
                             agenda="Jalan lingkungan", acting_user=city_officer)  # fmt: skip
    for rt in (1, 1, 3, 4):
        PersonFactory(household=HouseholdFactory(area=rt_in(BUGIS, 1, rt)), name="Aisyah", sex="P")
    wanted = PersonFactory(household=HouseholdFactory(area=rt_in(BUGIS, 1, 2)), name="Aisyah", sex="P")

    page = phone
    log_in(page, live_server, "budi")
    page.goto(f"{live_server.url}/kolaborasi/pertemuan/{meeting.pk}/peserta/baru/")
    box = page.get_by_label("Penduduk terdaftar")
    box.press_sequentially("aisyah rt 2", delay=30)
    option = page.get_by_role("button", name="Pilih Aisyah").filter(has_text="RT 002/RW 001")
    option.wait_for()
    assert page.get_by_role("button", name="Pilih Aisyah").count() == 1
    # From the keyboard: ArrowDown to the result, Enter to choose it.
    box.press("ArrowDown")
    assert page.evaluate("document.activeElement.dataset.value") == str(wanted.public_id)
    page.keyboard.press("Enter")
    assert page.get_by_role("button", name="Ganti pilihan Aisyah").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scrolling
    page.screenshot(path="test-results/picker-participant-phone.png", full_page=True)
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(f"**/kolaborasi/pertemuan/{meeting.pk}/")
    assert Participant.objects.get(meeting=meeting, person__isnull=False).person == wanted


def test_filter_the_children_list_by_typing_a_posyandu_on_a_phone(phone, live_server, areas, city_officer):
    """Tanjungpinang's officer sees every posyandu of the city: she types part of one's name instead of scrolling a
    list of them all, chooses it from the keyboard, and the list shows its children only (as `?posyandu=<id>`)."""
    import datetime

    from gotong.organizations.models import Organization
    from gotong.posyandu.models import Child

    born = datetime.date.today() - datetime.timedelta(days=400)
    kept = {}
    for name, child in (("Posyandu Kenanga", "Nabila Putri"), ("Posyandu Kenari", "Rizky Pratama"),
                        ("Posyandu Dahlia", "Ani Lubis")):  # fmt: skip
        posyandu = Organization.objects.create(name=name, kind="posyandu", area=areas[BUGIS])
        person = PersonFactory(household=HouseholdFactory(area=rt_in(BUGIS, 1, 1)), name=child, birth_date=born)
        Child.objects.create(posyandu=posyandu, person=person, registered_on=born)
        kept[name] = posyandu

    page = phone
    log_in(page, live_server, "siti")
    page.goto(f"{live_server.url}/posyandu/balita/")
    box = page.get_by_label("Posyandu", exact=True)
    box.press_sequentially("kena", delay=30)
    page.get_by_role("button", name="Pilih Posyandu Kenanga").wait_for()
    assert page.get_by_role("button", name="Pilih Posyandu Kena").count() == 2
    box.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.get_by_role("button", name="Ganti pilihan Posyandu Kenanga").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scrolling
    page.get_by_role("button", name="Tampilkan").click()
    page.wait_for_url(f"**/posyandu/balita/?*posyandu={kept['Posyandu Kenanga'].pk}*")
    assert page.get_by_text("Nabila Putri").is_visible()
    assert page.get_by_text("Rizky Pratama").count() == 0 and page.get_by_text("Ani Lubis").count() == 0
    page.screenshot(path="test-results/picker-posyandu-filter-phone.png", full_page=True)
