"""Locust users for `gotong bench load` (run by that command; needs the `bench` extra).

BENCH_TARGET=trivial hits only /healthz; BENCH_TARGET=app walks the field and API paths of a city officer, with
the session cookie and API token the runner prepared (BENCH_SESSION, BENCH_TOKEN).
"""

import os

from locust import HttpUser, constant, task

TARGET = os.environ.get("BENCH_TARGET", "trivial")
SESSION = os.environ.get("BENCH_SESSION", "")
TOKEN = os.environ.get("BENCH_TOKEN", "")


class TrivialUser(HttpUser):
    wait_time = constant(0)
    weight = 1 if TARGET == "trivial" else 0

    @task
    def healthz(self):
        self.client.get("/healthz", name="/healthz")


class OfficerUser(HttpUser):
    wait_time = constant(0)
    weight = 1 if TARGET == "app" else 0

    def on_start(self):
        self.client.cookies.set("sessionid", SESSION)
        self.api = {"Authorization": f"Token {TOKEN}"}

    @task(3)
    def api_households(self):
        self.client.get("/api/v1/rumah-tangga/", headers=self.api, name="/api/v1/rumah-tangga/")

    @task(3)
    def api_persons(self):
        self.client.get("/api/v1/penduduk/", headers=self.api, name="/api/v1/penduduk/")

    @task(2)
    def household_list(self):
        self.client.get("/registrasi/", name="/registrasi/ (daftar KK)")

    @task(2)
    def field_home(self):
        self.client.get("/lapangan/", name="/lapangan/")

    @task(1)
    def household_search(self):
        self.client.get("/registrasi/?q=Siti", name="/registrasi/?q=")
