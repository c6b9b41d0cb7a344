"""Audio-side training logic for LTX-2 (SOP items B, C, D, E, J, L, Y and the placeholder fix)."""
