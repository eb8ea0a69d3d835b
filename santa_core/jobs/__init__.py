"""Background jobs: the Huey queue, the outbox relay, reminders and maintenance.

Entry points build everything from settings with :func:`build_jobs`; see
:mod:`santa_core.jobs.app` for the tasks and their schedule.
"""

from santa_core.jobs.app import Jobs, build_jobs, make_huey

__all__ = ["Jobs", "build_jobs", "make_huey"]
