"""Usage data: the monthly exports in the catalogue's `usage/` folder (SPEC §8).

`data` holds the parsed figures (light: the loader imports it on every run), `months` the
month arithmetic, `reader` turns `usage/*.csv` and `usage/*.xlsx` into data plus problems.
"""
