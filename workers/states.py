"""The states an item goes through, the commands a running job takes, and what a pause did.

String-valued enums, so the journal stores them as plain text and ``ItemState.DONE == "done"``
holds for code (and custom tasks) that still compare with strings.
"""

from __future__ import annotations

import enum


class ItemState(enum.StrEnum):
    PENDING = "pending"  # planned, not started
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"

    @property
    def ended(self) -> bool:
        return self not in (ItemState.PENDING, ItemState.RUNNING)


class Control(enum.StrEnum):
    """What a front end may ask of a running job, from any thread."""

    PAUSE = "pause"  # no new item starts and running items are stopped where they are
    HOLD = "hold"  # no new item starts; running items go on
    RESUME = "resume"
    CANCEL = "cancel"  # running items finish, nothing new starts
    CANCEL_NOW = "cancel-now"  # running items are killed at once
