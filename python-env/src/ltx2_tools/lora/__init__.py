"""LoRA files for LTX-2: key naming, per-stream classification and synthetic test files.

The Java side (``orchestrator lora inspect|strip``) owns the key names: :mod:`.key_names` is
generated from it; the stream rules are data both read, and the shared fixture
``tests/fixtures/lora_stream_keys.json`` proves both classify alike.
"""
