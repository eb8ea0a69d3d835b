"""santa_cli."""
