"""General training math the fork fixes for LTX-2 (SOP items M, S, T, V)."""
