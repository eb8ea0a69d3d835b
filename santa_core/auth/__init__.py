"""Accounts and authentication: passwords, tokens, OAuth sign-in."""
