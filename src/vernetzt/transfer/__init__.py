"""Getting a network in and out: imports with preview and undo, duplicates and merge, exports, backups."""
