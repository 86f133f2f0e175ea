"""Processed updates keyed by bot, with the replies not yet confirmed sent (an outbox).

Why: keyed by `update_id` alone, a new bot token, two bots on one database, or Telegram's restart of
update ids after a week without updates made the bot skip real messages as "already processed".
The replies of an update are stored with it when the state is committed and cleared once sent, so a
process killed between the commit and the send sends them when the update is delivered again.
Rows of the old table name no bot: they are dropped (Telegram redelivers an update only until it is
confirmed, within seconds of processing, so none of them can matter after the upgrade).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "advisor_telegram_updates",
        sa.Column("bot_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("update_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("processed_at", sa.Float, nullable=False),
        sa.Column("chat_id", sa.BigInteger, nullable=True),
        sa.Column("replies", sa.Text, nullable=True),  # JSON of the replies still to send; NULL once sent
    )
    op.create_index("advisor_telegram_updates_age", "advisor_telegram_updates", ["processed_at"])
    op.drop_table("advisor_processed_updates")


def downgrade() -> None:
    op.create_table(
        "advisor_processed_updates",
        sa.Column("update_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("processed_at", sa.Float, nullable=False),
    )
    op.drop_index("advisor_telegram_updates_age", "advisor_telegram_updates")
    op.drop_table("advisor_telegram_updates")
