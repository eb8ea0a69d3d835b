"""Per-user iCalendar feeds of their boxes' deadlines and event days."""
