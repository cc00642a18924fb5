"""Progress against the baseline (SPEC §7): which approved steps were carried out, and when.

`compute.progress` is a pure function from the baseline plan, the catalogue and the current
plan to a `Progress`; `render/` turns that into text, json, markdown or csv.
"""
