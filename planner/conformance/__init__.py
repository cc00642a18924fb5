"""Basutbud conformance: which units deviate from the required service set, and where."""
