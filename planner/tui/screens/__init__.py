"""Screens pushed over the tabs: a hälsocentral, what-if, help."""
