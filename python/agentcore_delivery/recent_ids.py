"""The ids of the last messages a session accepted, to drop the client's resends."""

from __future__ import annotations

from collections import OrderedDict

#: The protocol's floor on how many accepted ids an agent remembers.
MIN_REMEMBERED_IDS = 1024


class RecentIds:
    """A set of the last ``capacity`` ids added, forgetting the oldest first."""

    def __init__(self, capacity: int = MIN_REMEMBERED_IDS) -> None:
        if capacity < MIN_REMEMBERED_IDS:
            raise ValueError(f"capacity must be at least {MIN_REMEMBERED_IDS}")
        self._capacity = capacity
        self._ids: OrderedDict[str, None] = OrderedDict()

    def __contains__(self, message_id: object) -> bool:
        return message_id in self._ids

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, message_id: str) -> bool:
        """Adds ``message_id``; ``False`` when it was already there (a duplicate)."""
        if message_id in self._ids:
            return False
        self._ids[message_id] = None
        if len(self._ids) > self._capacity:
            self._ids.popitem(last=False)
        return True
