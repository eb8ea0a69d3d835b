"""The signed-in person's profile and settings."""
