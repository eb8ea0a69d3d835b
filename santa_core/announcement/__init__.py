"""Announcements: plain text (links are shown as links) from the organizers to the whole box."""
