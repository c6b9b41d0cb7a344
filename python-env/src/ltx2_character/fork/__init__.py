"""Glue the patch series calls: one function per hook point in ai-toolkit.

These functions take upstream objects (the LTX-2 model, the batch, the trainer) and keep
upstream's own code paths; the training math they use lives in ``ltx2_character.audio``
and ``ltx2_character.training``, which have no dependency on ai-toolkit.
"""
