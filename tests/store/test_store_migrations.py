"""The Alembic migrations build exactly the tables the models declare, and go down again."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from store import open_store
from store.db import alembic_config
from store.schema import Base


def test_migrations_match_the_models(store_url: str) -> None:
    store = open_store(store_url)
    with store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diffs == []
        assert MigrationContext.configure(conn).get_current_heads() == ("0001",)
    store.close()


def test_downgrade_and_upgrade_again(store_url: str) -> None:
    store = open_store(store_url)
    cfg = alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert set(inspect(store.engine).get_table_names()) <= {"alembic_version"}
    store.close()
    store = open_store(store_url)
    assert {"documents", "extractions", "edits", "failures"} <= set(
        inspect(store.engine).get_table_names())
    store.close()
