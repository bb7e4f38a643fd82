"""Qt widgets only: the window, its panes, dialogs, printing."""
