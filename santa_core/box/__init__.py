"""Boxes: one gift exchange each, its members and its rules."""
