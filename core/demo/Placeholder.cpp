// Replaced by the demo server sources.
