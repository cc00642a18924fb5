"""The services tab: the dependency graph as a tree, and how far each e-tjänst has come.

Per e-tjänst the table counts the hälsocentraler where it is done (in MVG, no longer in
1177), running in parallel (in both), still in 1177 only, or blocked (the plan cannot
schedule it there). Moving in the tree moves the table to the same service.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from planner.tui import figures, words
from planner.tui.data import Model
from planner.tui.messages import OpenService
from planner.tui.panes.base import LazyPane
from planner.tui.widgets.rowtable import Column, Row, RowTable

COLUMNS = tuple(
    Column(label.casefold(), label, width, flex=i == 0)
    for i, (label, width) in enumerate(zip(words.SERVICE_COLUMNS, (30, 10, 5, 8, 9, 7), strict=True))
)
PLACEHOLDER = "…"


def _count(value: int, style: str) -> Text:
    return Text(str(value), style=style if value else "dim")


class ServicesPane(LazyPane):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._children: dict[str, list[str]] = {}

    def compose(self) -> ComposeResult:
        with Horizontal(id="services-body"):
            tree: Tree[str | None] = Tree(words.TREE_ROOT, id="service-tree")
            tree.border_title = words.TREE_TITLE
            tree.show_root = True
            yield tree
            with Vertical(id="service-side"):
                table = RowTable(COLUMNS, id="service-table")
                table.border_title = words.SERVICE_TABLE_TITLE
                yield table
                yield Static(id="service-detail")

    def draw(self, model: Model) -> None:
        self._children = figures.dependents(model)
        tree: Tree[str | None] = self.query_one("#service-tree", Tree)
        tree.clear()
        tree.root.expand()
        for service_id in figures.roots(model):
            self._add_node(tree.root, service_id)
        pending = model.plan_state == "pending"
        rows = []
        for row in figures.service_rows(model):
            name = Text(row.name)
            if not row.migrate:
                name.append(words.NOT_MIGRATED, style="dim")
            blocked = (
                _count(row.blocked, "bold red")
                if row.blocked is not None
                else Text(words.PENDING if pending else words.NONE, style="dim")
            )
            rows.append(
                Row(
                    row.id,
                    (
                        name,
                        row.mvg_ready.isoformat() if row.mvg_ready else Text(words.NOT_READY, style="red"),
                        _count(row.done, "green"),
                        _count(row.parallel, "yellow"),
                        _count(row.legacy_only, ""),
                        blocked,
                    ),
                )
            )
        self.query_one("#service-table", RowTable).set_rows(rows)

    def _add_node(self, parent: TreeNode[str | None], service_id: str) -> None:
        assert self.model is not None
        service = self.model.catalog.service_by_id.get(service_id)
        label = Text(service.name if service else service_id)
        label.append(f" ({service_id})", style="dim")
        has_children = bool(self._children.get(service_id))
        # Children are added when a node is opened: the graph is a DAG, and spelling out
        # every path up front could take thousands of nodes on a national catalogue.
        node = parent.add(label, data=service_id, allow_expand=has_children)
        if has_children:
            node.add_leaf(PLACEHOLDER, data=None)

    @on(Tree.NodeExpanded, "#service-tree")
    def _expanded(self, event: Tree.NodeExpanded[str | None]) -> None:
        node = event.node
        if node.data is None:
            return
        children = list(node.children)
        if len(children) == 1 and children[0].data is None:
            node.remove_children()
            for child in self._children.get(node.data, ()):
                self._add_node(node, child)

    @on(Tree.NodeHighlighted, "#service-tree")
    def _highlighted(self, event: Tree.NodeHighlighted[str | None]) -> None:
        if event.node.data is not None:
            self.query_one("#service-table", RowTable).move_to(event.node.data)

    @on(RowTable.RowHighlighted, "#service-table")
    def _row_highlighted(self, event: RowTable.RowHighlighted) -> None:
        detail = self.query_one("#service-detail", Static)
        service = self.model.catalog.service_by_id.get(event.key or "") if self.model else None
        if service is None:
            detail.update("")
            return
        detail.update(
            words.SERVICE_DETAIL.format(
                name=service.name,
                id=service.id,
                category=service.category or words.NONE,
                priority=service.priority,
                depends=", ".join(service.depends_on) or words.NONE,
            )
        )

    @on(RowTable.RowSelected, "#service-table")
    def _row_selected(self, event: RowTable.RowSelected) -> None:
        self.post_message(OpenService(event.key, in_plan=True))

    def show_service(self, service_id: str) -> None:
        """Bring one service into view: its row in the table and, when it is a root, its node."""
        self.draw_if_needed()
        table = self.query_one("#service-table", RowTable)
        table.move_to(service_id)
        tree: Tree[str | None] = self.query_one("#service-tree", Tree)
        for node in tree.root.children:
            if node.data == service_id:
                tree.move_cursor(node)
                break
        table.focus()
