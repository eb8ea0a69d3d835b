"""Real protocol peers on loopback, for tests that must not mock our own code."""
