"""The migration planner: tasks, dependency graph, scheduler, warnings and renderers."""
