"""Actor coding tables (data only; see README.md)."""
