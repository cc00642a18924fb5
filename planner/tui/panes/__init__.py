"""The contents of the four tabs."""
