"""Facts about AWS that rules read: one table per subject, each fact with its source."""
