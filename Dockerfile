# One image for the API and the worker.
FROM python:3.11-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_PYTHON_DOWNLOADS=never UV_COMPILE_BYTECODE=1
RUN pip install --no-cache-dir uv
WORKDIR /app
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project
COPY santa_core santa_core
COPY santa_server santa_server
COPY santa_cli santa_cli
COPY santa_sdk santa_sdk
COPY migrations migrations
RUN uv sync --frozen --no-dev
ENV PATH="/app/.venv/bin:$PATH" SANTA_ENVIRONMENT=production
EXPOSE 8000
CMD ["santa", "serve", "--host", "0.0.0.0", "--port", "8000", "--no-jobs", "--workers", "2"]
