"""Alembic migrations (run programmatically by ``deskwfm.store.migrate``; no alembic.ini)."""
