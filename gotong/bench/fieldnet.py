"""Field forms over the wire, measured in Chromium: bytes and time to a usable form, first open and repeat.

Counted is what crosses the network (CDP `Network.loadingFinished.encodedDataLength`: headers and the compressed
body) for the page *and* its service worker (the worker's install downloads the other form shells; it is reached
through the page's CDP session, auto-attached and paused until it is watched and, when asked, throttled too).
The browser's cache is emptied after logging in, so the first open pays for Bootstrap and field.js as a phone
that never opened Gotong would. Used by `gotong bench field-network` and tests/browser/production/.
"""

import json
import time
from dataclasses import dataclass, field

# The demo persona who fills each form in (`gotong demo`), and its address under /lapangan/.
FORMS = (
    ("weighing", "timbang", "kader"),
    ("deposit", "setoran", "banksampah"),
    ("visit", "kunjungan", "pendamping"),
    ("attendance", "kehadiran", "pendamping"),
    ("aspiration", "aspirasi", "warga"),
)
DEMO_PASSWORD = "gotong-demo"
# Slow 3G as issue 19 defines it: 400 kbit/s each way, 400 ms round trip (CDP takes bytes per second).
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@dataclass
class Traffic:
    """Every finished request of the page and of the targets it auto-attached (its service worker)."""

    cdp: object
    conditions: dict | None = None
    urls: dict = field(default_factory=dict)
    sizes: dict = field(default_factory=dict)
    targets: dict = field(default_factory=dict)
    _ids: int = 1000

    def start(self) -> None:
        self.cdp.on("Network.responseReceived", lambda e: self._url("page", e))
        self.cdp.on("Network.loadingFinished", lambda e: self._size("page", e))
        self.cdp.on("Target.attachedToTarget", self._attached)
        self.cdp.on("Target.receivedMessageFromTarget", self._from_target)
        self.cdp.send("Network.enable")
        if self.conditions:
            self.cdp.send("Network.emulateNetworkConditions", self.conditions)
        # Not flattened: Playwright's CDP session cannot address child sessions, so their messages are wrapped.
        self.cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": False})

    def reset(self) -> None:
        self.urls.clear()
        self.sizes.clear()

    def total(self) -> int:
        return int(sum(self.sizes.values()))

    def rows(self) -> list[dict]:
        rows = [
            {"by": who, "url": self.urls.get((who, rid), "?"), "bytes": int(size)}
            for (who, rid), size in sorted(self.sizes.items(), key=lambda item: -item[1])
        ]
        return [row for row in rows if not row["url"].startswith("data:")]  # Bootstrap's inline SVGs: no network

    def _url(self, who, event):
        self.urls[(who, event["requestId"])] = event["response"]["url"]

    def _size(self, who, event):
        self.sizes[(who, event["requestId"])] = event["encodedDataLength"]

    def _send(self, session: str, method: str, params: dict | None = None) -> None:
        self._ids += 1
        message = json.dumps({"id": self._ids, "method": method, "params": params or {}})
        self.cdp.send("Target.sendMessageToTarget", {"sessionId": session, "message": message})

    def _attached(self, event):
        session = event["sessionId"]
        self.targets[session] = event["targetInfo"]["type"]
        self._send(session, "Network.enable")
        if self.conditions:
            self._send(session, "Network.emulateNetworkConditions", self.conditions)
        self._send(session, "Runtime.runIfWaitingForDebugger")

    def _from_target(self, event):
        message = json.loads(event["message"])
        who = self.targets.get(event["sessionId"], "worker")
        if message.get("method") == "Network.responseReceived":
            self._url(who, message["params"])
        elif message.get("method") == "Network.loadingFinished":
            self._size(who, message["params"])


def log_in(page, base_url: str, username: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(f"{base_url}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base_url}/")


def wait_for_worker(page) -> None:
    # page.evaluate, not wait_for_function: the CSP (no 'unsafe-eval') refuses a predicate evaluated in the page.
    page.evaluate(
        """() => navigator.serviceWorker.ready.then((r) => r.active.state === "activated" || new Promise((resolve) =>
            r.active.addEventListener("statechange", () => r.active.state === "activated" && resolve(true))))"""
    )


def open_form(page, url: str, timeout_ms: int) -> tuple[float, bool]:
    """Seconds from asking for the form until it can be filled in (its data shown, the form no longer hidden), or
    until it says it has nothing for this user (then the second value is False)."""
    started = time.monotonic()
    page.goto(url, wait_until="commit", timeout=timeout_ms)
    page.locator("#entry:visible, #no-data:visible").first.wait_for(state="visible", timeout=timeout_ms)
    return time.monotonic() - started, page.locator("#entry").is_visible()


def settle(page, traffic: Traffic, quiet: float = 1.0, limit: float = 60.0) -> None:
    """Wait until nothing new finished for `quiet` seconds (the worker's install may still be downloading)."""
    deadline = time.monotonic() + limit
    seen, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        count = len(traffic.sizes)
        if count != seen:
            seen, since = count, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        page.wait_for_timeout(200)


def measure_form(browser, base_url: str, kind: str, slug: str, username: str, conditions=None) -> dict:
    """One form, a fresh phone: first open (empty cache, worker installing) and a repeat open online."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
    try:
        page = context.new_page()
        timeout_ms = 120_000 if conditions else 30_000
        page.set_default_timeout(timeout_ms)
        log_in(page, base_url, username)
        traffic = Traffic(context.new_cdp_session(page), conditions)
        traffic.start()
        traffic.cdp.send("Network.clearBrowserCache")
        traffic.reset()
        url = f"{base_url}/lapangan/{slug}/"
        first_s, usable = open_form(page, url, timeout_ms)
        wait_for_worker(page)
        settle(page, traffic)
        first = (traffic.total(), traffic.rows())
        traffic.reset()
        repeat_s, _usable = open_form(page, url, timeout_ms)
        settle(page, traffic)
        return {
            "kind": kind,
            "url": f"/lapangan/{slug}/",
            "user": username,
            "usable": usable,
            "first_bytes": first[0],
            "first_seconds": round(first_s, 2),
            "repeat_bytes": traffic.total(),
            "repeat_seconds": round(repeat_s, 2),
            "first_requests": first[1],
            "repeat_requests": traffic.rows(),
        }
    finally:
        context.close()
