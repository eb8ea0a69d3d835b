# syntax=docker/dockerfile:1
# santa: one image for the API (Gunicorn + Uvicorn workers) and the worker (`santa worker`).
#
#   docker build -t santa .
#   docker run -e SANTA_ENVIRONMENT=production -e SANTA_SECRET_KEY=... santa            # API
#   docker run ... santa santa worker                                                  # jobs
#
# Stages: `build` installs the locked dependencies and the code into /app (uv, no compiler
# needed: every dependency ships wheels); `runtime` is a slim Python with /app and nothing
# else (no uv, no pip cache), running as the unprivileged user `santa` (uid 10001).
#
# The web UI: its bundle is built from frontend/ and committed under
# santa_server/webui/dist/ (see santa_server/webui), so `COPY santa_server` below brings it
# in and no Node stage is needed. Should the bundle ever stop being committed, build it in
# a stage `FROM node:20.20-bookworm-slim AS web` (npm ci && npm run build in frontend/)
# and `COPY --from=web /web/dist santa_server/webui/dist` in the runtime stage.

ARG PYTHON_IMAGE=python:3.11.14-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PYTHONDONTWRITEBYTECODE=1 \
    UV_PYTHON_DOWNLOADS=never \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PROJECT_ENVIRONMENT=/app/.venv
RUN pip install --no-cache-dir uv==0.13.9
WORKDIR /app
# Dependencies first: this layer is reused until uv.lock changes.
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project
COPY santa_core santa_core
COPY santa_server santa_server
COPY santa_cli santa_cli
COPY santa_sdk santa_sdk
COPY migrations migrations
# The project itself installs editable: santa_core finds migrations/ beside it in /app.
RUN uv sync --frozen --no-dev

FROM ${PYTHON_IMAGE} AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH="/app/.venv/bin:$PATH" \
    SANTA_ENVIRONMENT=production \
    SANTA_DATA_DIR=/var/lib/santa \
    SANTA_LOG_FORMAT=json \
    SANTA_BIND=0.0.0.0:8000 \
    PROMETHEUS_MULTIPROC_DIR=/tmp/santa-metrics
RUN groupadd --system --gid 10001 santa \
    && useradd --system --uid 10001 --gid santa --home-dir /app --shell /usr/sbin/nologin santa \
    && install -d -o santa -g santa /var/lib/santa /tmp/santa-metrics
WORKDIR /app
# Code and venv owned by root, read-only for the app user; it writes only its data dir.
COPY --from=build --chown=root:root /app /app
USER santa:santa
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/api/v1/health/live', timeout=4)"]
# SIGTERM (docker stop, Kubernetes): Gunicorn finishes in-flight requests, then exits 0.
STOPSIGNAL SIGTERM
CMD ["gunicorn", "--config", "python:santa_server.gunicorn_conf", "santa_server.asgi:app_from_env()"]
