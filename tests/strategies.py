"""Hypothesis strategies shared by the tests; each feature keeps its own section."""

from __future__ import annotations

from hypothesis import strategies as st

# --------------------------------------------------------------------------- tables

#: One line of cell text mixing ASCII, CJK ideographs, full-width forms and punctuation.
cell_text = st.text(
    alphabet=st.sampled_from("abcXYZ019 -.%菏泽海关市商务局县区政府、管委会（一）“”：ＡＢ１２"),
    max_size=12,
).map(lambda s: " ".join(s.split()))

#: A table: a few rows of the same number of cells.
tables = st.integers(min_value=1, max_value=4).flatmap(
    lambda width: st.lists(st.lists(cell_text, min_size=width, max_size=width), max_size=6)
)
