"""A per-user message throttle (sliding window), so one user's flood cannot starve the others."""

from __future__ import annotations

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
