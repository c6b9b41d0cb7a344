"""The voice report: is the character's voice being learned, is the base voice being kept.

Computed inside a real training run at its checkpoints, from the same network with the LoRA
switched on and off (docs/voice-report.md). Pure modules (``options``, ``metrics``,
``warnings``, ``holdout``, ``table``) hold the math, the rules and the files' formats; only
``measure``, ``items`` and ``reporter`` touch torch and ai-toolkit, and ``plot`` matplotlib.
"""
