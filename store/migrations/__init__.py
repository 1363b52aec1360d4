"""Alembic migrations of the review store (run by ``store.open_store``)."""
