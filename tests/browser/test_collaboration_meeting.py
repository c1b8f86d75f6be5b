"""A facilitator records who came to a forum meeting on a 360 px phone."""

import datetime

from gotong.collaboration.models import Participant
from gotong.collaboration.services.forums import add_participant, create_forum, create_meeting
from gotong.organizations.services import create_organization
from tests.browser.conftest import log_in


def test_record_attendance_on_phone(phone, live_server, areas, facilitator, city_officer):
    village = areas["21.72.03.1005"]
    bkm = create_organization(name="BKM Kampung Bugis", kind="bkm", area=village, acting_user=city_officer)
    ksm = create_organization(name="KSM Jalan Lingkungan", kind="ksm", area=village, acting_user=city_officer)
    forum = create_forum(name="Forum KOTAKU Kampung Bugis", kind="routine", area=village, members=[bkm, ksm],
                         acting_user=city_officer)  # fmt: skip
    meeting = create_meeting(forum, held_on=datetime.date(2018, 7, 10), place="Sekretariat BKM",
                             agenda="Pemantauan jalan beton", acting_user=city_officer)  # fmt: skip
    lurah = add_participant(meeting, name="Lurah Kampung Bugis", acting_user=city_officer)

    page = phone
    log_in(page, live_server, "budi")
    page.goto(f"{live_server.url}/kolaborasi/pertemuan/{meeting.pk}/")
    page.get_by_role("link", name="Catat kehadiran").click()
    by_org = {p.organization_id: p for p in meeting.participants.exclude(organization=None)}
    page.locator(f'[data-participant="{by_org[bkm.pk].pk}"]').get_by_text("Hadir", exact=True).click()
    page.locator(f'[data-participant="{by_org[ksm.pk].pk}"]').get_by_text("Tidak hadir", exact=True).click()
    page.locator(f'[data-participant="{lurah.pk}"]').get_by_text("Hadir", exact=True).click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scrolling
    page.screenshot(path="test-results/meeting-attendance-phone.png", full_page=True)
    page.get_by_role("button", name="Simpan kehadiran").click()
    page.wait_for_url(f"**/kolaborasi/pertemuan/{meeting.pk}/")
    assert page.get_by_text("Kehadiran tersimpan: 2 hadir.").is_visible()
    assert page.get_by_text("Peserta (2 hadir dari 3)").is_visible()
    states = dict(Participant.objects.values_list("pk", "attended"))
    assert states == {by_org[bkm.pk].pk: True, by_org[ksm.pk].pk: False, lurah.pk: True}
