"""Invitations: by email (one per address, expiring, resendable) and by a shareable link.

Codes are random (256 bits) and stored only as keyed hashes. The plain code
exists in the invitation email alone: the outbox row carries the link sealed
(encrypted) under ``payload["sealed"]`` (see :mod:`.sealed`).
"""
