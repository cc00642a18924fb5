"""Messages the panes send up to the app: open this unit, show that service."""

from __future__ import annotations

from textual.message import Message

Highlight = tuple[str, str, str]
"""What to point at on a unit screen: (kind, service, code or channel), for example
`("warning", "receptfornyelse", "parallel_overdue")` or `("deviation", "kontakta-mig", "mvg")`."""


class OpenUnit(Message):
    """Show one hälsocentral's detail screen, optionally with one warning or deviation highlighted."""

    def __init__(self, unit_id: str, *, highlight: Highlight | None = None) -> None:
        super().__init__()
        self.unit_id = unit_id
        self.highlight = highlight


class RecordStep(Message):
    """Mark a step done: the confirmation dialog of `mvgplan record` for this unit, service, action."""

    def __init__(self, unit_id: str, service_id: str, action: str) -> None:
        super().__init__()
        self.unit_id = unit_id
        self.service_id = service_id
        self.action = action


class OpenService(Message):
    """Show one e-tjänst: in the Services tab, or its row of the plan's timeline."""

    def __init__(self, service_id: str, *, in_plan: bool = False) -> None:
        super().__init__()
        self.service_id = service_id
        self.in_plan = in_plan
