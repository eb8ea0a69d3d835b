"""santa_core."""
