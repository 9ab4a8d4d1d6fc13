// Replaced by the clinical pipeline sources.
