"""Following a box live as a member: who may follow it, and what a reconnecting client missed.

The events themselves are written by :mod:`santa_core.events` (a low layer every
domain can publish through); this package reads them as a member sees them.
"""
