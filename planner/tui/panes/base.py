"""What every tab shares: it is told about each new model, and draws it only when shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static

from planner.tui.data import Model

T = TypeVar("T")


class LazyPane(Vertical):
    """A tab's content. Drawing a national plan costs time; a hidden tab waits until shown."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.model: Model | None = None
        self._drawn: Model | None = None
        self.active = False

    def show_model(self, model: Model) -> None:
        self.model = model
        if self.active:
            self.draw_if_needed()

    def activate(self) -> None:
        self.active = True
        self.draw_if_needed()

    def deactivate(self) -> None:
        self.active = False

    def draw_if_needed(self) -> None:
        if self.model is not None and self.model is not self._drawn:
            self._drawn = self.model
            self.draw(self.model)

    def draw(self, model: Model) -> None:
        raise NotImplementedError


def show_row(detail: Static, rows: Sequence[T], index: int, describe: Callable[[T], Text]) -> None:
    """The detail line under a table: the highlighted row described, or empty when none is."""
    detail.update(describe(rows[index]) if 0 <= index < len(rows) else "")
