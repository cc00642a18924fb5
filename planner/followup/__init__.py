"""Follow-up of usage (SPEC §8): did patients move to the target channel?

`compute.follow_up(catalog, usage, options)` is a pure function from a validated catalogue and
its usage data to a `model.FollowUp`; `render/` turns one into text, json, csv or markdown.
"""
