"""The command palette (ctrl+p) finds hälsocentraler and e-tjänster by name or id and opens them."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from planner.tui import words
from planner.tui.figures import fold

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.style import Style

    from planner.tui.app import ExploreApp

DISCOVER_LIMIT = 30  # what the palette lists before anything is typed
SUBSTRING_BONUS = 1000.0  # above any fuzzy score the matcher gives


class CatalogueSearch(Provider):
    """Units and services of the model on screen: `Gävle`, `hc-bollnas`, `recept` all match."""

    def __init__(self, screen: Screen[Any], match_style: Style | None = None) -> None:
        super().__init__(screen, match_style)
        self._items: list[tuple[str, str, str, object]] = []
        """(text shown, text folded for matching, help, command) per unit and service."""

    def _candidates(self) -> list[tuple[str, str, str, object]]:
        app: ExploreApp = self.app  # type: ignore[assignment]
        model = app.model
        if model is None:
            return []
        found: list[tuple[str, str, str, object]] = []
        for unit in model.catalog.units:
            text = f"{unit.name} ({unit.id}) · {words.SEARCH_UNIT}"
            help_text = words.SEARCH_UNIT_HELP.format(
                name=unit.name, id=unit.id, regi=unit.regi, area=unit.area or words.NO_AREA
            )
            found.append((text, fold(text), help_text, partial(app.open_unit, unit.id)))
        for service in model.catalog.services:
            text = f"{service.name} ({service.id}) · {words.SEARCH_SERVICE}"
            help_text = words.SEARCH_SERVICE_HELP.format(name=service.name, id=service.id)
            found.append((text, fold(text), help_text, partial(app.open_service, service.id)))
        return found

    async def startup(self) -> None:
        self._items = self._candidates()

    async def discover(self) -> Hits:
        for text, _, help_text, command in self._items[:DISCOVER_LIMIT]:
            yield DiscoveryHit(text, command, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        folded = self.matcher(fold(query))  # `gavle` finds Gävle
        needle = fold(query).strip()
        for text, plain, help_text, command in self._items:
            score = folded.match(plain)
            if score <= 0:
                continue
            if needle and needle in plain:
                # Part of a name or an id typed as is ranks above a scattered fuzzy match.
                score += SUBSTRING_BONUS
            yield Hit(score, matcher.highlight(text), command, text=text, help=help_text)  # type: ignore[arg-type]
