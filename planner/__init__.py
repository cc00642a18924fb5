"""mvgplan: plan and police the move of e-tjänster from 1177 to Min vård Gävleborg."""

__version__ = "0.1.0"
