"""The flow the first collaboration issue named, by a facilitator on a 360 px phone: a forum meeting with its
participants, an agreement, a meeting decision made a commitment by an actor, the commitment kept before its due
date, and that actor's kept-on-time rate moving on the agreement page (where the rate is shown)."""

import datetime

from django.utils import timezone

from gotong.collaboration.models import Agreement, Commitment, Meeting
from gotong.collaboration.services.forums import create_forum
from gotong.organizations.services import create_organization
from tests.browser.conftest import log_in

BUGIS = "21.72.03.1005"


def _no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def _rate_of(page, actor_name):
    row = page.locator("[data-rates] tbody tr", has_text=actor_name)
    return row.locator("td").nth(1).inner_text().strip()


def test_meeting_commitment_kept_changes_the_rate(phone, live_server, areas, facilitator, city_officer):
    village = areas[BUGIS]
    bkm = create_organization(name="BKM Kampung Bugis", kind="bkm", area=village, acting_user=city_officer)
    ksm = create_organization(name="KSM Jalan Lingkungan", kind="ksm", area=village, acting_user=city_officer)
    forum = create_forum(name="Forum KOTAKU Kampung Bugis", kind="routine", area=village, members=[bkm, ksm],
                         acting_user=city_officer)  # fmt: skip
    today = timezone.localdate()
    page = phone
    log_in(page, live_server, "budi")

    # A meeting of the forum: its members are invited; a guest is added; attendance is taken.
    page.goto(f"{live_server.url}/kolaborasi/forum/")
    page.get_by_role("link", name="Forum KOTAKU Kampung Bugis").first.click()
    page.get_by_role("link", name="Pertemuan baru").click()
    page.get_by_label("Tanggal").fill(today.isoformat())
    page.get_by_label("Tempat").fill("Sekretariat BKM")
    page.get_by_label("Agenda").fill("Pembagian tugas jalan lingkungan RT 002 RW 006")
    _no_sideways_scroll(page)
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url("**/kolaborasi/pertemuan/*/")
    meeting = Meeting.objects.get(forum=forum)
    page.get_by_role("link", name="Tambah peserta").click()
    page.get_by_label("Nama (bila tidak terdaftar)").fill("Lurah Kampung Bugis")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(f"**/kolaborasi/pertemuan/{meeting.pk}/")
    page.get_by_role("link", name="Catat kehadiran").click()
    for participant in meeting.participants.all():
        page.locator(f'[data-participant="{participant.pk}"]').get_by_text("Hadir", exact=True).click()
    page.get_by_role("button", name="Simpan kehadiran").click()
    page.wait_for_url(f"**/kolaborasi/pertemuan/{meeting.pk}/")
    assert page.get_by_text("Peserta (3 hadir dari 3)").is_visible()

    # The agreement both organisations sign.
    page.goto(f"{live_server.url}/kolaborasi/kesepakatan/baru/")
    page.get_by_label("Judul").fill("Kesepakatan jalan lingkungan 2018")
    page.get_by_label("Jenis").select_option("mou")
    page.get_by_label("Tanggal ditandatangani").fill((today - datetime.timedelta(days=7)).isoformat())
    page.get_by_label("Wilayah").select_option(str(village.pk))
    page.get_by_label("Para pihak").select_option([str(bkm.pk), str(ksm.pk)])
    _no_sideways_scroll(page)
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url("**/kolaborasi/kesepakatan/*/")
    agreement = Agreement.objects.get(title="Kesepakatan jalan lingkungan 2018")
    assert _rate_of(page, "KSM Jalan Lingkungan") == "Belum ada yang jatuh tempo"
    # An earlier commitment of the KSM that lapsed three days ago: its rate is 0 %.
    page.get_by_role("link", name="Tambah komitmen").click()
    page.get_by_label("Pelaku").select_option(str(ksm.pk))
    page.get_by_label("Komitmen").fill("Menyerahkan daftar tenaga kerja")
    page.get_by_label("Tenggat").fill((today - datetime.timedelta(days=3)).isoformat())
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(f"**/kolaborasi/kesepakatan/{agreement.pk}/")
    before = _rate_of(page, "KSM Jalan Lingkungan")
    assert before.startswith("0")

    # A decision of the meeting, owned by the KSM, made a commitment in the agreement.
    page.goto(f"{live_server.url}/kolaborasi/pertemuan/{meeting.pk}/")
    page.get_by_text("Tambah keputusan").click()
    page.get_by_label("Keputusan").fill("KSM membangun jalan beton RT 002 RW 006")
    page.get_by_label("Penanggung jawab").select_option(str(ksm.pk))
    page.get_by_label("Tenggat").fill((today + datetime.timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Simpan keputusan").click()
    page.wait_for_url(f"**/kolaborasi/pertemuan/{meeting.pk}/")
    page.get_by_role("link", name="Jadikan komitmen").click()
    page.get_by_label("Jadikan komitmen dalam kesepakatan").select_option(str(agreement.pk))
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(f"**/kolaborasi/kesepakatan/{agreement.pk}/")
    commitment = Commitment.objects.get(decision__meeting=meeting)
    assert (commitment.actor, commitment.agreement) == (ksm, agreement)
    assert _rate_of(page, "KSM Jalan Lingkungan") == before  # not due yet: it does not count

    # Kept: done today, before the due date. One of the two counted commitments was kept on time: 50 %.
    page.locator(f'a[href="/kolaborasi/komitmen/{commitment.pk}/status/"]').click()
    page.get_by_label("Status").select_option("done")
    page.get_by_label("Tanggal selesai").fill(today.isoformat())
    page.get_by_label("Bukti").fill("BAST jalan beton")
    _no_sideways_scroll(page)
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(f"**/kolaborasi/kesepakatan/{agreement.pk}/")
    after = _rate_of(page, "KSM Jalan Lingkungan")
    assert after.startswith("50") and after != before
    assert _rate_of(page, "BKM Kampung Bugis") == "Belum ada yang jatuh tempo"
    _no_sideways_scroll(page)
    page.screenshot(path="test-results/commitment-kept-phone.png", full_page=True)
    commitment.refresh_from_db()
    assert (commitment.status, commitment.done_on) == ("done", today)

    # The forum page now shows its actors' network (the meeting tied BKM and KSM), readable on the phone.
    page.goto(f"{live_server.url}/kolaborasi/forum/{forum.pk}/")
    network = page.locator("[data-network-table]")
    assert network.get_by_text("BKM Kampung Bugis").is_visible()
    assert network.get_by_text("KSM Jalan Lingkungan").is_visible()
    _no_sideways_scroll(page)
    page.screenshot(path="test-results/forum-network-phone.png", full_page=True)
