"""`mvgplan report`: the feedback report per huvudman and the overview for the nämnd (SPEC §9).

How the parts fit:

- `providers` says which huvudman runs a unit, and the file name (slug) of its page;
- `facts` gathers, per unit, everything the reports may show of it (conformance, plan steps,
  warnings, stages) from the whole region's results, once;
- `privacy` holds the rules for what may leave the team: small counts as `<min_count`, no
  share from a small denominator, region figures only as aggregates over ≥ 5 units;
- `region` computes those aggregates, and `pages` builds each page's view from one
  provider's facts plus the aggregates (privacy by construction: a provider's page is built
  from nothing else);
- `charts` draws SVG with matplotlib (line charts on a prepared frame, byte-identical to a
  whole drawing), `html` fills the Jinja2 templates, and `texts` holds every word the
  reports say, so a translation is one file away;
- `files` says which pages of an earlier run a full run removes (those of huvudmän gone).
"""
