"""Use cases: validated edits with undo, updates, import, export, reports, snapshots."""
