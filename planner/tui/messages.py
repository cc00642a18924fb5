"""Messages the panes send up to the app: open this unit, show that service."""

from __future__ import annotations

from textual.message import Message


class OpenUnit(Message):
    """Show one hälsocentral's detail screen."""

    def __init__(self, unit_id: str) -> None:
        super().__init__()
        self.unit_id = unit_id


class OpenService(Message):
    """Show one e-tjänst: in the Services tab, or its row of the plan's timeline."""

    def __init__(self, service_id: str, *, in_plan: bool = False) -> None:
        super().__init__()
        self.service_id = service_id
        self.in_plan = in_plan
