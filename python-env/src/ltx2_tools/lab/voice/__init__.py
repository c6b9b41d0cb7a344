"""The voice lab (docs/voice-lab.md): a synthetic audio-visual world in which a tiny LTX-2 base
model *has* voices, and LoRA trainings that show whether a trainer keeps the base voices and
learns the character's.

Modules, one job each: ``world`` (voices, captions, clips), ``readout`` (latent → voice label),
``stats`` (paired bootstrap), ``model`` (load, encode, predict, sample, merge a LoRA file),
``pretrain`` (the gated base model), ``arms`` (the trainings compared), ``evaluate`` (metrics of
one LoRA), ``plots``, ``run`` (the whole experiment)."""
