"""Gunicorn configuration for santa's API (production).

Use it directly::

    gunicorn -c python:santa_server.gunicorn_conf 'santa_server.asgi:app_from_env()'

or let ``santa serve --workers N`` (or any ``santa serve`` with
``SANTA_ENVIRONMENT=production``) apply the same options after its start-up
checks. Command-line flags (``--bind``, ``--workers``, ...) override what is
here. Values come from santa's settings (``SANTA_*``, see the README):

=======================  =====================================================
option                   value
=======================  =====================================================
bind                     ``SANTA_BIND`` or ``0.0.0.0:8000`` (a container's port)
workers                  ``SANTA_WEB_WORKERS``, default one per CPU (at least 2)
worker_class             ``santa_server.launch.SantaUvicornWorker`` (Uvicorn,
                         ``X-Forwarded-For`` left to ``SANTA_TRUSTED_PROXIES``)
graceful_timeout         ``SANTA_GRACEFUL_TIMEOUT_SECONDS`` (30): after SIGTERM a
                         worker stops accepting and finishes its requests
timeout                  60 s (or graceful + 10): a worker whose event loop stops
                         answering the heartbeat is restarted
max_requests (+jitter)   ``SANTA_MAX_REQUESTS`` 10000 + random 0..``SANTA_MAX_REQUESTS_JITTER``
                         1000: workers are renewed one at a time (leaks bounded)
worker_tmp_dir           ``/dev/shm`` (heartbeat files never wait for a disk)
keepalive                5 s
preload_app              off: each worker opens its own database pool after the fork
on_starting              SQLite (the embedded default) is created and migrated
                         once, before any worker starts (the app never migrates)
logconfig_dict           santa's logging (``SANTA_LOG_LEVEL``, ``SANTA_LOG_FORMAT``,
                         request ids, secrets redacted) for Gunicorn's loggers too
=======================  =====================================================

Prometheus: ``PROMETHEUS_MULTIPROC_DIR`` is created here (a fresh temporary folder,
or yours emptied of the previous run's files) before any worker starts, so
``/metrics`` on any worker reports the sum of all of them.
"""

from __future__ import annotations

import os

from santa_core.config import get_settings
from santa_server import launch

_settings = get_settings()
_options = launch.gunicorn_options(
    _settings,
    bind=os.environ.get("SANTA_BIND", "0.0.0.0:8000"),
)
launch.prepare_metrics_dir()

bind = _options["bind"]
workers = _options["workers"]
worker_class = _options["worker_class"]
graceful_timeout = _options["graceful_timeout"]
timeout = _options["timeout"]
keepalive = _options["keepalive"]
max_requests = _options["max_requests"]
max_requests_jitter = _options["max_requests_jitter"]
worker_tmp_dir = _options["worker_tmp_dir"]
preload_app = _options["preload_app"]
logconfig_dict = _options["logconfig_dict"]
loglevel = _options["loglevel"]
accesslog = _options["accesslog"]
proc_name = _options["proc_name"]
child_exit = _options["child_exit"]
on_exit = _options["on_exit"]
on_starting = _options["on_starting"]
control_socket_disable = _options["control_socket_disable"]
