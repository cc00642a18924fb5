"""Textual's footer, rebuilt only when the keys it shows change.

Textual's `Footer` throws its keys away and makes, styles and lays out new ones every time the
bindings may have changed: twice for each change of focus (`/`, escape, a tab, a screen), and
the second time nothing changed. On a national catalogue each rebuild costs a key press some
20–40 ms of the UI thread. This footer notes what it shows when it composes and skips a rebuild
that would show the same.

It reads Textual's private `_bindings_ready`; should a later Textual lack it, or `_keys` fail,
the footer simply rebuilds every time, as Textual's own does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.app import ComposeResult

Shown = tuple[object, ...]


class KeysFooter(Footer):
    """A `Footer` that recomposes only when its keys (or their state) differ from the last compose."""

    _shown: Shown | None = None
    """What the last compose showed; None before the bindings were ready."""

    def _keys(self) -> Shown:
        """Everything `Footer.compose` reads: each shown binding with how its key is displayed,
        whether it is enabled and its tooltip, and the command palette's binding."""
        app = self.app
        active = self.screen.active_bindings
        shown = tuple(
            (binding, app.get_key_display(binding), enabled, tooltip)
            for (_node, binding, enabled, tooltip) in active.values()
            if binding.show
        )
        palette: tuple[object, ...] = ()
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, tooltip = active[app.COMMAND_PALETTE_BINDING]
            palette = (binding, app.get_key_display(binding), enabled, tooltip)
        return (shown, palette, self.combine_groups)

    def _ready_keys(self) -> Shown | None:
        """`_keys` once the bindings are ready; None before, or when Textual has changed."""
        if not getattr(self, "_bindings_ready", False):
            return None
        try:
            return self._keys()
        except Exception:  # a speed-up must never break the footer: rebuild instead
            return None

    def compose(self) -> ComposeResult:
        # Noted as the footer composes: what it shows is exactly this.
        self._shown = self._ready_keys()
        yield from super().compose()

    async def recompose(self) -> None:
        if self._shown is not None and self.is_attached and self._ready_keys() == self._shown:
            return  # it would show the same keys again
        await super().recompose()
