"""Locust users for `gotong bench load` (run by that command; needs the `bench` extra).

BENCH_TARGET=trivial hits only /healthz; BENCH_TARGET=app walks the API and list paths of a city officer, with
the session cookie and API token the runner prepared (BENCH_SESSION, BENCH_TOKEN), beside waste banks' field
workers (BENCH_FIELD, `gotong.bench.load.field`: one manager per bank, each field user takes the next one), who
open the field forms, download their reference data and book deposits both through the field app's sync API and
as ODK Collect submissions, each under a fresh key.

BENCH_CLIENT=fast (the default) sends with locust's FastHttpUser (geventhttpclient), =requests with HttpUser. Locust
runs on the same cores as the server: the requests-based client spends about a millisecond of CPU per request, so
at /healthz's rate it took a core from the server it was measuring; the fast client spends a fraction of that.
"""

import itertools
import json
import os
import random
from datetime import date

from locust import FastHttpUser, HttpUser, constant, task

from gotong.bench.load import payloads

TARGET = os.environ.get("BENCH_TARGET", "trivial")
SESSION = os.environ.get("BENCH_SESSION", "")
TOKEN = os.environ.get("BENCH_TOKEN", "")
FIELDS = json.loads(os.environ.get("BENCH_FIELD") or "[]")
_next_field = itertools.count()
User = HttpUser if os.environ.get("BENCH_CLIENT") == "requests" else FastHttpUser


def with_session(session: str, headers: dict | None = None) -> dict:
    """The login cookie as a header: both clients send it the same way (their cookie jars differ)."""
    return {**(headers or {}), "Cookie": f"sessionid={session}"}


class TrivialUser(User):
    wait_time = constant(0)
    weight = 1 if TARGET == "trivial" else 0

    @task
    def healthz(self):
        self.client.get("/healthz", name="/healthz")


class OfficerUser(User):
    wait_time = constant(0)
    weight = 3 if TARGET == "app" else 0

    def on_start(self):
        self.page = with_session(SESSION)
        self.api = {"Authorization": f"Token {TOKEN}"}

    @task(3)
    def api_households(self):
        self.client.get("/api/v1/rumah-tangga/", headers=self.api, name="/api/v1/rumah-tangga/")

    @task(3)
    def api_persons(self):
        self.client.get("/api/v1/penduduk/", headers=self.api, name="/api/v1/penduduk/")

    @task(2)
    def household_list(self):
        self.client.get("/registrasi/", headers=self.page, name="/registrasi/ (daftar KK)")

    @task(2)
    def field_home(self):
        self.client.get("/lapangan/", headers=self.page, name="/lapangan/")

    @task(1)
    def household_search(self):
        self.client.get("/registrasi/?q=Siti", headers=self.page, name="/registrasi/?q=")


class FieldUser(User):
    """A waste bank's manager with a phone: forms and their data often, a deposit now and then (sync or ODK)."""

    wait_time = constant(0)
    weight = 1 if TARGET == "app" and FIELDS else 0

    def on_start(self):
        self.field = FIELDS[next(_next_field) % len(FIELDS)]
        self.page = with_session(self.field["session"])
        self.api = {"Authorization": f"Token {self.field['token']}"}
        self.odk = {"X-OpenRosa-Version": "1.0"}

    @task(2)
    def field_form(self):
        self.client.get("/lapangan/setoran/", headers=self.page, name="/lapangan/setoran/")

    @task(3)
    def reference_data(self):
        self.client.get("/api/v1/lapangan/data/deposit/", headers=self.api, name="/api/v1/lapangan/data/deposit/")

    @task(2)
    def sync_deposit(self):
        body = payloads.sync_deposit(self.field, random, date.today())
        self.client.post("/api/v1/lapangan/kiriman/", json=body, headers=self.api, name="/api/v1/lapangan/kiriman/")

    @task(1)
    def odk_form_list(self):
        self.client.get(f"/odk/key/{self.field['odk_token']}/formList", headers=self.odk, name="/odk/…/formList")

    @task(2)
    def odk_deposit(self):
        xml = payloads.odk_deposit(self.field, random, date.today())
        files = {"xml_submission_file": ("submission.xml", xml, "text/xml")}
        self.client.post(f"/odk/key/{self.field['odk_token']}/submission", files=files, headers=self.odk,
                         name="/odk/…/submission")  # fmt: skip
