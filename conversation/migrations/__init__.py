"""Schema migrations of the dialogue-state database (Alembic), applied by `StateStore` on start."""
