"""LoRA files for LTX-2: key naming, per-stream classification and synthetic test files.

The Java side (``orchestrator lora inspect|strip``) mirrors :mod:`.streams`; the shared
fixture ``tests/fixtures/lora_stream_keys.json`` proves both agree.
"""
