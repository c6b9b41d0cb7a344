"""Measurements behind the fork's defaults; each prints its results as JSON."""
