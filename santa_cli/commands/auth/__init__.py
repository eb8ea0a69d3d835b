"""Signing in: ``santa signup|login|logout|whoami`` (top-level commands)."""
