"""Gotong settings: one module, configured by environment variables with safe development defaults."""

import os
from pathlib import Path

import bootstrap_wrapper
import dj_database_url
import xstatic.pkg.leaflet
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from gotong.core.env import env_bool, env_int, env_list, env_secret, stored_secret_key
from gotong.core.maptiles import OPENSTREETMAP, OPENSTREETMAP_ATTRIBUTION, tile_source

BASE_DIR = Path(__file__).resolve().parent
# Runtime data (SQLite database, uploads) lives beside the checkout, never inside the package.
DATA_DIR = Path(os.environ.get("GOTONG_DATA_DIR", BASE_DIR.parent / "var"))


# Off unless asked for: a server nobody configured runs in production mode (see README, "Configuration").
DEBUG = env_bool("DEBUG", False)
# From SECRET_KEY or SECRET_KEY_FILE; otherwise one made for this install on first start and kept in the data folder,
# so a fresh machine (and `make demo`) runs without configuration and no two installs share a key.
SECRET_KEY = env_secret("SECRET_KEY") or stored_secret_key(DATA_DIR / "secret_key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "django_htmx",
    "axes",
    "auditlog",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "gotong.core",
    "gotong.accounts",
    "gotong.areas",
    "gotong.registry",
    "gotong.organizations",
    "gotong.slums",
    "gotong.collaboration",
    "gotong.ledger",
    "gotong.wastebank",
    "gotong.treasury",
    "gotong.posyandu",
    "gotong.activities",
    "gotong.programs",
    "gotong.casework",
    "gotong.socialcapital",
    "gotong.participation",
    "gotong.dashboards",
    "gotong.portal",
    "gotong.exports",
    "gotong.api",
    "gotong.field",
    "gotong.odk",
    "gotong.bench",
]

MIDDLEWARE = [
    # Outermost: a HEAD answer loses its body after everything else has run (waitress would send it).
    "gotong.core.middleware.HeadWithoutBodyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Static files leave WhiteNoise precompressed (.gz/.br made by collectstatic) before the gzip middleware.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages and JSON go out gzipped: on a cadre's slow link the attendance data shrink from ~50 KB to ~4 KB.
    # Django's GZipMiddleware, for text-like types only (gotong/core/compression.py). Since Django 4.2 it pads
    # each gzip stream with random bytes ("Heal The Breach"), a BREACH mitigation on top of CSRF token masking:
    # docs.djangoproject.com/en/5.2/ref/middleware/#module-django.middleware.gzip and the 4.2 release notes.
    # Before every middleware that reads or writes the body, so compression comes last; it weakens ETags (W/"…"),
    # which If-None-Match still matches (weak comparison).
    "gotong.core.compression.TextGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "gotong.core.middleware.IndonesianFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # After an officer's password reset: choose your own password first (gotong.accounts.middleware).
    "gotong.accounts.middleware.PasswordChangeRequiredMiddleware",
    # Last, as django-axes asks, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gotong.urls"
WSGI_APPLICATION = "gotong.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gotong.core.policy.context.may",
                "gotong.core.context.csp_nonce",
            ],
        },
    }
]

DATABASES = {
    # DATABASE_URL, or DATABASE_URL_FILE (the URL holds the password); the embedded SQLite file otherwise.
    "default": dj_database_url.parse(
        env_secret("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'gotong.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60, minimum=0),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded default must work on a fresh checkout: create the folder the database file lives in.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers work while a writer commits; the timeout waits out short write locks. IMMEDIATE makes a
    # transaction take the write lock when it begins, so two withdrawals cannot both read the old balance.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )
    # Covering indexes (INCLUDE) serve PostgreSQL; on SQLite the same index simply holds its key columns only.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# Mail (password reset by e-mail is offered only when EMAIL_HOST is set: gotong.accounts.mail).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Gotong <noreply@localhost>")
# Device tokens (API, ODK) expire this many days after they are made (gotong.api.tokens).
GOTONG_TOKEN_LIFETIME_DAYS = env_int("GOTONG_TOKEN_LIFETIME_DAYS", 180, minimum=1)

# Throttle guessing, in two limits an office understands (README, "Configuration"):
# - one account from one address: AXES_FAILURE_LIMIT wrong passwords lock that pair for AXES_COOLOFF_MINUTES. Behind
#   the office's proxy or NAT everyone shares one address, so one person's typos lock only their own account there;
# - one address across all accounts: AXES_ADDRESS_FAILURE_LIMIT failures (many usernames tried from one place) lock
#   the address. Axes compares every parameter set with one limit, so gotong.core.throttle weighs the two.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_ADDRESS_FAILURE_LIMIT = env_int("AXES_ADDRESS_FAILURE_LIMIT", 30, minimum=1)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15, minimum=1) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], ["ip_address"]]
AXES_HANDLER = "gotong.core.throttle.TwoLimitHandler"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
# Dates as people write them ("18 Mar 2022"), not ISO: see gotong/formats/.
FORMAT_MODULE_PATH = ["gotong.formats"]

# Uploaded files (project photos, evidence) are served only through views that check the viewer's scope.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
MEDIA_URL = "/media/"

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", DATA_DIR / "static"))
WHITENOISE_USE_FINDERS = DEBUG
STATICFILES_DIRS = [
    ("bootstrap", bootstrap_wrapper.get_bootstrap_dir()),
    ("leaflet", xstatic.pkg.leaflet.BASE_DIR),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Security by environment (README, "Configuration" and "Running in production") --------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
X_FRAME_OPTIONS = "DENY"
# HSTS is only ever sent over HTTPS, so a year by default is safe also for a demo on plain HTTP.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Reverse proxies in front of `gotong serve` (nginx, Caddy: usually 1). With N > 0 the proxy's X-Forwarded-Proto says
# whether the visitor used HTTPS, and the login throttle takes the visitor's address from X-Forwarded-For, counting N
# addresses from the right (the ones our proxies appended), so a visitor cannot choose an address by sending the header.
# Leave 0 when nothing is in front: then both headers are ignored, as anyone could send them.
GOTONG_TRUSTED_PROXIES = env_int("GOTONG_TRUSTED_PROXIES", 0, minimum=0, maximum=10)
if GOTONG_TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# ipware's proxy count reads the header differently from "N proxies in front" (one nginx: no address at all), so
# the throttle takes the address from our own function of GOTONG_TRUSTED_PROXIES.
AXES_CLIENT_IP_CALLABLE = "gotong.core.throttle.client_address"

# The maps' background tiles (README, "Configuration"): a Leaflet URL template; empty = no tiles, a plain background.
GOTONG_MAP_TILES = os.environ.get("GOTONG_MAP_TILES", OPENSTREETMAP).strip()
GOTONG_MAP_TILES_ATTRIBUTION = os.environ.get(
    "GOTONG_MAP_TILES_ATTRIBUTION", OPENSTREETMAP_ATTRIBUTION if GOTONG_MAP_TILES == OPENSTREETMAP else ""
)
_TILE_SOURCE = tile_source(GOTONG_MAP_TILES)

# Content-Security-Policy (django-csp): scripts only from this site or carrying this response's nonce (the few inline
# scripts use `nonce="{{ csp_nonce }}"`), no plugins, no framing, forms only to this site. Styles allow inline
# `style=""` attributes (layout widths in templates, Leaflet's positioning): style cannot run code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        # The maps' background tiles come from the configured tile host alone (none when tiles are off or local).
        "img-src": [SELF, "data:", "blob:", *([_TILE_SOURCE] if _TILE_SOURCE else [])],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "worker-src": [SELF, "blob:"],  # Redoc (API docs) runs its search in a blob: worker
        "manifest-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Permissions-Policy (django-permissions-policy): no page asks for sensors, camera (photos come through a file input,
# which needs no permission), microphone, location or payment, so all are off; fullscreen for this site only.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "fullscreen": ["self"],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}

AUDITLOG_INCLUDE_ALL_MODELS = False

# Logs never carry NIK or health data: we log events and ids, not record contents.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

GOTONG_PAGE_SIZE = 25


# --- REST API (gotong.api owns this block) ---------------------------------------------------------------------
REST_FRAMEWORK = {
    # Token first: its WWW-Authenticate header turns "not signed in" into a 401, not a 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "gotong.api.authentication.DeviceTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["gotong.api.filters.ScopeFilterBackend"],
    # Page links without COUNT(*), so large tables page as fast as small ones.
    "DEFAULT_PAGINATION_CLASS": "gotong.api.pagination.NoCountPagination",
    # One error body for every 4xx: {"error": {"code", "message", "fields"}}.
    "EXCEPTION_HANDLER": "gotong.api.errors.api_exception_handler",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": [
        "gotong.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Gotong API",
    "DESCRIPTION": "Data Gotong per modul, dengan aturan wilayah yang sama seperti halaman. "
    "Token: POST /api/v1/token/.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several modules have fields called "kind" or "status": name the enums that would otherwise collide.
    "ENUM_NAME_OVERRIDES": {
        "AspirationStatusEnum": "gotong.participation.models.aspiration.AspirationStatus",
        "FieldSubmissionKindEnum": "gotong.field.models.SubmissionKind",
        "ImmunisationPlaceEnum": "gotong.posyandu.models.immunisation.ImmunisationPlace",
        "ImmunisationVaccineEnum": "gotong.posyandu.models.immunisation.Vaccine",
        "OrganizationKindEnum": "gotong.organizations.choices.OrganizationKind",
        "PregnancyOutcomeEnum": "gotong.posyandu.models.pregnancy.Outcome",
        "AncVisitPlaceEnum": "gotong.posyandu.models.pregnancy.VisitPlace",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "gotong.api.schema.add_error_responses",
    ],
    # Swagger UI and Redoc from the drf-spectacular-sidecar package: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- Background tasks (gotong.exports owns this block) -----------------------------------------------------------
# Django's Tasks API (backport) with the database backend: no Redis or broker needed, also on a laptop's SQLite.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Exports up to this many rows download at once; larger ones become a background job with a progress page.
GOTONG_EXPORT_MAX_DIRECT_ROWS = env_int("GOTONG_EXPORT_MAX_DIRECT_ROWS", 5000, minimum=1)
GOTONG_EXPORT_PROGRESS_EVERY = 1000  # rows between progress updates of a background export
GOTONG_EXPORT_KEEP_HOURS = 24  # `gotong exports prune` removes older export files

# --- Cache (gotong.dashboards owns this block) -------------------------------------------------------------------
# Holds rendered dashboard charts keyed by a digest of their data, so an entry is never stale. Process memory by
# default (no Redis needed); set CACHE_DIR to share the entries between server processes through files.
if os.environ.get("CACHE_DIR"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ["CACHE_DIR"],
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 1000}}}
