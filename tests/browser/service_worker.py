"""Waiting for the field app's service worker to control a page, with a deadline.

page.evaluate, not wait_for_function: the latter evals its predicate inside the page, which the site's
Content-Security-Policy (no 'unsafe-eval') rightly refuses. page.evaluate itself has no timeout, so the promise
carries its own: a worker that never takes control (its install failed, e.g. a form page answered 500) fails the
test with that message instead of hanging the run.
"""

WAIT_FOR_CONTROLLER = """(ms) => navigator.serviceWorker.controller !== null || Promise.race([
    new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", () => resolve(true))),
    new Promise((resolve, reject) => setTimeout(
        () => reject(new Error("the service worker took no control within " + ms + " ms")), ms)),
])"""


def wait_for_service_worker(page, seconds: int = 60) -> None:
    page.evaluate(WAIT_FOR_CONTROLLER, seconds * 1000)
