"""Settings, read from ``SANTA_*`` environment variables.

Nothing here runs at import time: entry points (server, CLI, worker, tests) call
:func:`get_settings` or build :class:`Settings` themselves and pass it down.
"""

from __future__ import annotations

import enum
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

import platformdirs
from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from santa_core.crypto import split_key_spec
from santa_core.errors import ConfigurationError

#: Values that must never reach production. Development uses them so that a
#: fresh clone runs with no configuration at all.
DEV_SECRET_KEY = "dev-insecure-secret-key-change-me"  # noqa: S105
DEV_ENCRYPTION_KEY = "dev-insecure-encryption-key-change-me"

#: SQLAlchemy drivers the app ships with (``postgresql://`` means psycopg 3).
SUPPORTED_DRIVERS = frozenset({"postgresql", "postgresql+psycopg", "sqlite", "sqlite+pysqlite"})
LOG_LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")
LOG_FORMATS = ("text", "json")
#: Who may read ``/metrics`` by default: loopback and private networks (a Prometheus
#: next to the app), never the internet.
DEFAULT_METRICS_NETWORKS = (
    "127.0.0.0/8",
    "::1/128",
    "10.0.0.0/8",
    "172.16.0.0/12",
    "192.168.0.0/16",
    "fc00::/7",
)


class Environment(enum.StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


class EmailBackend(enum.StrEnum):
    FILE = "file"
    CONSOLE = "console"
    SMTP = "smtp"
    SENDGRID = "sendgrid"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("santa", appauthor=False))


class Settings(BaseSettings):
    """Every setting of the app. See the configuration table in the README."""

    model_config = SettingsConfigDict(
        env_prefix="SANTA_", env_file=None, extra="ignore", validate_default=True
    )

    environment: Environment = Environment.DEVELOPMENT
    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str | None = None
    redis_url: str | None = None

    secret_key: SecretStr = SecretStr(DEV_SECRET_KEY)
    #: Comma-separated keys for encrypting personal data at rest; the first one
    #: encrypts, all of them decrypt (key rotation).
    encryption_keys: Annotated[list[SecretStr], NoDecode] = Field(
        default_factory=lambda: [SecretStr(DEV_ENCRYPTION_KEY)]
    )

    #: Comma-separated ``id:secret`` keys for hashing stored codes and tokens; the first
    #: hashes, all are tried on lookup. Unset: derived from the encryption keys (legacy).
    hash_keys: Annotated[list[SecretStr], NoDecode] = Field(default_factory=list)

    public_base_url: str = "http://127.0.0.1:8000"
    default_language: Literal["en", "ru"] = "en"

    access_token_ttl_seconds: int = 15 * 60
    refresh_token_ttl_seconds: int = 30 * 24 * 3600
    jwt_issuer: str = "santa"
    jwt_audience: str = "santa-api"

    # --- accounts and authentication (santa_core.auth) ---
    #: None: ``Secure`` cookies exactly when running in production.
    cookie_secure: bool | None = None
    #: Login is refused until the email address is verified.
    require_email_verification: bool = False
    email_verification_ttl_seconds: int = 48 * 3600
    password_reset_ttl_seconds: int = 3600
    #: argon2id cost; the defaults are argon2-cffi's (RFC 9106 low-memory profile).
    argon2_time_cost: int = 3
    argon2_memory_cost_kib: int = 65536
    argon2_parallelism: int = 4
    #: Rate limits live in Redis when ``redis_url`` is set, in process otherwise.
    rate_limit_enabled: bool = True
    rate_limit_namespace: str = "santa:ratelimit"
    #: Wrong passwords for one account from one address (the 21st attempt is refused).
    login_max_failures_per_ip: int = 20
    #: Wrong passwords from one address over all accounts (password spraying).
    login_max_failures_per_ip_total: int = 100
    #: Wrong passwords for one account from all addresses (a distributed attack).
    login_max_failures_per_account: int = 50
    login_failure_window_seconds: int = Field(default=900, ge=1)
    #: Redis socket timeouts of the limiter; past them it falls back to in-process limits.
    rate_limit_redis_timeout_seconds: float = Field(default=0.25, gt=0)
    #: How long the limiter stays on its in-process fallback before trying Redis again.
    rate_limit_redis_retry_seconds: float = Field(default=5.0, ge=0)
    #: Sign-ups (password accounts) from one address; a valid invite/join code lifts it.
    signup_max_per_address: int = Field(default=10, ge=1)
    #: Sign-ups from one address into one box with a valid invitation or join code.
    signup_max_per_address_with_code: int = Field(default=500, ge=1)
    signup_window_seconds: int = Field(default=3600, ge=1)
    #: Sign-up answers take at least this long, so a new address and a taken one
    #: (whose owner is emailed instead) answer in the same time.
    signup_answer_seconds: float = Field(default=0.5, ge=0, le=10)
    #: Password-reset and verification requests per address / per account.
    reset_max_per_address: int = Field(default=10, ge=1)
    reset_max_per_account: int = Field(default=3, ge=1)
    reset_window_seconds: int = Field(default=3600, ge=1)
    #: Uses of emailed links (verify, reset confirm) per address.
    link_max_per_address: int = Field(default=30, ge=1)
    link_window_seconds: int = Field(default=900, ge=1)
    #: Refreshes per minute, per address and per session.
    refresh_max_per_address: int = Field(default=120, ge=1)
    refresh_max_per_session: int = Field(default=30, ge=1)
    #: OAuth/Telegram sign-in starts and callbacks per minute per address.
    oauth_max_per_address: int = Field(default=30, ge=1)
    #: Wrong secrets (invite/join codes, calendar and unsubscribe tokens) per caller.
    secret_max_misses: int = Field(default=30, ge=1)
    secret_miss_window_seconds: int = Field(default=600, ge=1)
    #: Invitation emails one organizer may send per hour (invites, imports, resends).
    invite_send_max_per_hour: int = Field(default=500, ge=1)
    #: Messages one account may send per hour (santa-giftee messages).
    message_send_max_per_hour: int = Field(default=60, ge=1)
    #: Largest request body in bytes (413 past it); import routes have their own limit.
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024)
    max_import_body_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    #: Comma-separated origins allowed to call the API from a browser (CORS); empty: none.
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    #: Comma-separated proxy addresses/networks whose X-Forwarded-For is believed.
    trusted_proxies: Annotated[list[str], NoDecode] = Field(default_factory=list)
    google_client_id: str | None = None
    google_client_secret: SecretStr | None = None
    google_discovery_url: str = "https://accounts.google.com/.well-known/openid-configuration"
    vk_client_id: str | None = None
    vk_client_secret: SecretStr | None = None
    vk_authorize_url: str = "https://id.vk.com/authorize"
    vk_token_url: str = "https://id.vk.com/oauth2/auth"  # noqa: S105
    vk_user_info_url: str = "https://id.vk.com/oauth2/user_info"
    telegram_bot_token: SecretStr | None = None
    telegram_bot_username: str | None = None
    telegram_auth_max_age_seconds: int = 3600

    email_backend: EmailBackend = EmailBackend.FILE
    email_from: str = "Santa <santa@localhost>"
    outbox_dir: Path | None = None
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 1025
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = False
    sendgrid_api_key: SecretStr | None = None
    sendgrid_host: str = "https://api.sendgrid.com"

    # --- background jobs and notifications (santa_core.jobs, santa_core.notify) ---
    #: Queue name: the Redis key prefix, or the queue inside ``<data dir>/jobs.db``.
    queue_name: str = "santa"
    #: Outbox rows one worker claims at a time, and how long its claim lasts.
    outbox_batch_size: int = Field(default=50, ge=1, le=1000)
    outbox_lease_seconds: int = Field(default=120, ge=2)
    #: Tries before a row lands in the dead letter (``failed``); waits grow from the base.
    outbox_max_attempts: int = Field(default=8, ge=1)
    outbox_retry_base_seconds: int = Field(default=30, ge=1)
    #: How often a consumer looks for due rows (signals are lost when Redis is down).
    outbox_sweep_seconds: int = Field(default=5, ge=1)
    #: Delivered rows (they hold links and names) are deleted after this many days.
    outbox_retention_days: int = Field(default=30, ge=1)
    #: A draw with more santas than this answers before writing their emails; the job
    #: queue writes them right after (``santa_core.draw.fanout``).
    draw_inline_notify_max: int = Field(default=500, ge=0)
    sendgrid_batch_size: int = Field(default=1000, ge=1, le=1000)
    smtp_timeout_seconds: float = 30.0
    telegram_api_base: str = "https://api.telegram.org"
    vk_token: SecretStr | None = None
    vk_api_base: str = "https://api.vk.com"
    vk_api_version: str = "5.199"
    #: Reminders go out this long before a signup/shipping deadline or the event.
    reminder_lead_hours: int = Field(default=24, ge=1)
    #: "Fill in your wishes" / "open your assignment" nudges after this long.
    nudge_after_hours: int = Field(default=48, ge=1)

    #: Embedded mode runs the job consumer inside ``santa serve``.
    run_jobs_in_process: bool = True
    worker_count: int = Field(default=2, ge=1)

    # --- after the draw: messages and live events (santa_core.message, santa_server.ws) ---
    #: A sender may edit a message for this long after sending it.
    message_edit_seconds: int = Field(default=300, ge=0)
    #: Extra origins allowed to open the WebSocket with cookies (the public base URL always is).
    ws_allowed_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    #: Seconds between heartbeats on an idle WebSocket.
    ws_heartbeat_seconds: float = Field(default=20.0, gt=0)
    #: Events queued for one WebSocket before it counts as too slow and is dropped.
    ws_queue_size: int = Field(default=256, ge=1)
    # --- request path under load (santa_core.db, santa_server.admission) ---
    #: Pooled database connections per process; the admission gate never lets more
    #: requests in at once, so a request can always get a connection.
    db_pool_size: int = Field(default=20, ge=1, le=500)
    #: Extra connections for jobs and health checks that run beside requests.
    db_max_overflow: int = Field(default=5, ge=0, le=500)
    #: Seconds to wait for a pooled connection before answering 503.
    db_pool_timeout_seconds: float = Field(default=5.0, gt=0)
    #: Seconds to wait for the database server to accept a connection.
    db_connect_timeout_seconds: int = Field(default=2, ge=1)
    #: A statement running longer is cancelled (PostgreSQL), answered 503.
    db_statement_timeout_ms: int = Field(default=10_000, ge=0)
    #: Ping each connection on checkout (one more round trip per request). Off: a
    #: connection that died with the server fails one request with 503, and the
    #: pool then drops every connection older than the failure.
    db_pool_pre_ping: bool = False
    #: How long an SQLite writer waits for the write lock.
    sqlite_busy_timeout_ms: int = Field(default=5_000, ge=0)
    #: Worker threads running sync endpoints (AnyIO's limit).
    threadpool_size: int = Field(default=40, ge=1, le=1000)
    #: Requests served at once per process; default min(pool size, thread limit).
    max_concurrent_requests: int | None = Field(default=None, ge=1)
    #: Requests waiting for a slot beyond which new ones get 503 at once.
    request_queue_depth: int = Field(default=1000, ge=0)
    #: Seconds a request may wait for a slot before it gets 503.
    request_queue_timeout_seconds: float = Field(default=10.0, gt=0)
    #: ``Retry-After`` sent with 503 answers (overload, database or Redis outage).
    retry_after_seconds: int = Field(default=1, ge=1)

    gdpr_grace_days: int = 30
    invite_ttl_days: int = 30

    log_level: str = "INFO"
    #: ``text`` for people, ``json`` (one object per line) for log collectors.
    log_format: str = "text"

    # --- operations (santa_server.observability, santa_server.launch) ---
    #: Prometheus metrics at ``/metrics``.
    metrics_enabled: bool = True
    #: When set, ``/metrics`` also wants ``Authorization: Bearer <token>``.
    metrics_token: SecretStr | None = None
    #: Client networks allowed to read ``/metrics`` (others get 404).
    metrics_allowed_networks: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(DEFAULT_METRICS_NETWORKS)
    )
    #: Gunicorn: worker processes (unset: one per CPU, at least 2).
    web_workers: int | None = Field(default=None, ge=1)
    #: Gunicorn: seconds a stopping worker gets to finish its requests.
    graceful_timeout_seconds: int = Field(default=30, ge=1)
    #: Gunicorn: a worker is replaced after this many requests (0: never), +- jitter.
    max_requests: int = Field(default=10000, ge=0)
    max_requests_jitter: int = Field(default=1000, ge=0)

    @field_validator("encryption_keys", "hash_keys", mode="before")
    @classmethod
    def _split_keys(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("cors_origins", "ws_allowed_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            value = [part.strip().rstrip("/") for part in value.split(",") if part.strip()]
        if isinstance(value, list):
            for item in value:
                parts = urlsplit(str(item))
                if parts.scheme not in {"http", "https"} or not parts.netloc or parts.path:
                    raise ValueError(
                        f"SANTA_CORS_ORIGINS: {item!r} is not an origin (e.g. https://santa.example.org)"
                    )
        return value

    @field_validator("trusted_proxies", "metrics_allowed_networks", mode="before")
    @classmethod
    def _split_proxies(cls, value: object) -> object:
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, list):
            import ipaddress

            for item in value:
                try:
                    ipaddress.ip_network(str(item), strict=False)
                except ValueError:
                    raise ValueError(f"{item!r} is not an IP address or network") from None
        return value

    @property
    def secure_cookies(self) -> bool:
        return self.is_production if self.cookie_secure is None else self.cookie_secure

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        try:
            url = make_url(value)
        except ArgumentError:
            raise ValueError(
                "SANTA_DATABASE_URL is not a database URL "
                "(expected e.g. postgresql+psycopg://user@host/db or sqlite:///path.db)"
            ) from None
        if url.get_backend_name() not in {"sqlite", "postgresql"}:
            raise ValueError(
                f"SANTA_DATABASE_URL uses unsupported database {url.get_backend_name()!r} "
                "(supported: sqlite, postgresql)"
            )
        if url.drivername not in SUPPORTED_DRIVERS:
            raise ValueError(
                f"SANTA_DATABASE_URL uses unsupported driver {url.drivername!r} "
                "(use postgresql+psycopg:// or sqlite:///)"
            )
        return value

    @field_validator("redis_url")
    @classmethod
    def _check_redis_url(cls, value: str | None) -> str | None:
        if value is None or value.strip() == "":
            return None
        if urlsplit(value).scheme not in {"redis", "rediss", "unix"}:
            raise ValueError(
                "SANTA_REDIS_URL is not a Redis URL (expected redis://host:6379/0, "
                "rediss://... or unix:///path/redis.sock)"
            )
        return value

    @field_validator("public_base_url")
    @classmethod
    def _check_public_base_url(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise ValueError(
                "SANTA_PUBLIC_BASE_URL must be an http:// or https:// URL "
                "(e.g. https://santa.example.org), it is used in links in emails"
            )
        return value

    @field_validator("log_level")
    @classmethod
    def _check_log_level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in LOG_LEVELS:
            raise ValueError(f"SANTA_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}")
        return level

    @field_validator("log_format")
    @classmethod
    def _check_log_format(cls, value: str) -> str:
        log_format = value.strip().lower()
        if log_format not in LOG_FORMATS:
            raise ValueError(f"SANTA_LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}")
        return log_format

    @model_validator(mode="after")
    def _refuse_insecure_production(self) -> Settings:
        if self.environment is not Environment.PRODUCTION:
            return self
        secret = self.secret_key.get_secret_value()
        if secret == DEV_SECRET_KEY or len(secret) < 32:
            raise ValueError(
                "SANTA_SECRET_KEY must be set to a random value of at least 32 characters "
                "in production"
            )
        keys = [split_key_spec(k.get_secret_value())[1] for k in self.encryption_keys]
        if not keys or DEV_ENCRYPTION_KEY in keys or any(len(k) < 32 for k in keys):
            raise ValueError(
                "SANTA_ENCRYPTION_KEYS must be set to random values of at least 32 characters "
                "in production"
            )
        hashes = [split_key_spec(k.get_secret_value())[1] for k in self.hash_keys]
        if not hashes or any(len(k) < 32 for k in hashes) or set(hashes) & set(keys):
            raise ValueError(
                "SANTA_HASH_KEYS must be set to random values of at least 32 characters, "
                "different from the encryption keys, in production"
            )
        return self

    @property
    def is_production(self) -> bool:
        return self.environment is Environment.PRODUCTION

    @cached_property
    def database_url_obj(self) -> URL:
        if self.database_url:
            url = make_url(self.database_url)
            if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
                url = url.set(drivername="postgresql+psycopg")
            return url
        return make_url(f"sqlite:///{self.data_dir / 'santa.db'}")

    @property
    def outbox_path(self) -> Path:
        return self.outbox_dir or self.data_dir / "outbox"

    @property
    def request_concurrency(self) -> int:
        """Requests in flight at once: never more than connections or threads."""
        limit = min(self.db_pool_size, self.threadpool_size)
        if self.max_concurrent_requests is None:
            return limit
        return min(self.max_concurrent_requests, limit)

    @property
    def embedded(self) -> bool:
        """No Redis: jobs run in-process or from a SQLite queue."""
        return not self.redis_url


def listen_url(host: str, port: int) -> str:
    """The address a browser on this machine reaches ``santa serve --host H --port N`` at."""
    if host in {"", "0.0.0.0", "::"}:  # noqa: S104 - every interface: loopback is one of them
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def for_listener(settings: Settings, host: str, port: int) -> Settings:
    """``settings`` whose email links point at the server listening on ``host:port``,
    unless ``SANTA_PUBLIC_BASE_URL`` was given (a proxy or real domain in front)."""
    if "public_base_url" in settings.model_fields_set:
        return settings
    return settings.model_copy(update={"public_base_url": listen_url(host, port)})


def get_settings(**overrides: object) -> Settings:
    """Build settings from the environment, turning validation errors into one line."""
    from pydantic import ValidationError

    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")
        name = f"SANTA_{loc.upper()}" if loc else "configuration"
        if message.startswith("SANTA_"):
            raise ConfigurationError(message) from None
        raise ConfigurationError(f"{name}: {message}") from None
