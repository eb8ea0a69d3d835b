"""Key management: re-encrypting stored personal data under the current encryption key."""
