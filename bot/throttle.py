"""Per-user limits (a sliding window of messages and of taps, and a bounded queue of waiting updates), so
one user's flood cannot starve the others."""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict, deque


class UserThrottle:
    def __init__(self, per_minute: int, window_s: float = 60.0) -> None:
        self.per_minute, self.window_s = per_minute, window_s
        self.events: dict[int, deque[float]] = defaultdict(deque)
        self.warned: dict[int, float] = {}

    def allow(self, user_id: int, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        events = self.events[user_id]
        while events and events[0] <= now - self.window_s:
            events.popleft()
        if len(events) >= self.per_minute:
            return False
        events.append(now)
        return True

    def should_warn(self, user_id: int, now: float | None = None) -> bool:
        """Tell a throttled user once per window, not once per dropped message."""
        now = time.monotonic() if now is None else now
        if now - self.warned.get(user_id, -1e9) >= self.window_s:
            self.warned[user_id] = now
            return True
        return False


class UserQueue:
    """One user's updates in arrival order, and at most `depth` of them waiting at once.

    Why: python-telegram-bot runs a bounded number of updates at a time. Updates of one user that
    wait for each other in worker threads (or hold those slots) would starve everyone else during a
    flood of taps; here they wait on an asyncio lock, and beyond `depth` they are turned away at once.
    """

    def __init__(self, depth: int) -> None:
        self.depth = depth
        self.locks: dict[int, asyncio.Lock] = {}
        self.waiting: dict[int, int] = defaultdict(int)

    def admit(self, user_id: int) -> bool:
        if self.waiting[user_id] >= self.depth:
            return False
        self.waiting[user_id] += 1
        return True

    def lock(self, user_id: int) -> asyncio.Lock:
        return self.locks.setdefault(user_id, asyncio.Lock())

    def done(self, user_id: int) -> None:
        self.waiting[user_id] -= 1
        if self.waiting[user_id] <= 0:  # nobody of this user waits: forget the user
            self.waiting.pop(user_id, None)
            lock = self.locks.get(user_id)
            if lock is not None and not lock.locked():
                self.locks.pop(user_id, None)
