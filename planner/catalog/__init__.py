"""The catalogue: its model, its YAML reader with positions, and its loader."""
