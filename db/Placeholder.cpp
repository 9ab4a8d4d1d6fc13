// Replaced by the driver sources.
