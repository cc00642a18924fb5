"""The terminal explorer (`mvgplan explore`). The only package that imports Textual."""
