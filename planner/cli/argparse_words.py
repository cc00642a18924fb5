"""argparse's own words, listed so that Babel extracts them into our catalogue.

argparse asks gettext for these exact strings (Python 3.11–3.13); `planner.i18n.use` points
argparse's lookups at our catalogue, where they are translated. Never imported: this file is
read by the extractor only. A string a newer Python adds stays English until it is listed
here.
"""

from planner.i18n import N_, ngettext

ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("%(prog)s: error: %(message)s\n"),
)

ARGPARSE_PLURALS = (ngettext("expected %s argument", "expected %s arguments", 1),)
