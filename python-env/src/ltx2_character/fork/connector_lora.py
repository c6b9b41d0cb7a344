"""LoRA on the text connectors (SOP item F).

The SOP's recipe (connectors outside ``torch.no_grad()`` plus ``LTX2TextConnectors`` in
``target_lora_modules``) creates no LoRA module at all: ai-toolkit only walks the model
returned by ``get_model_to_train()``, the transformer. With ``train.train_connectors`` the
connectors become a child module of the transformer named ``connectors``, so the same LoRA
network covers their attention and feed-forward linears (inside ``transformer_blocks``, as
ai-toolkit's transformer-only filter requires), the transformer's gradient checkpointing
reaches them, and they run with gradients in the training pass. Their own weights stay
frozen (item H).

Saved keys use the original LTX-2 names, as the rest of the LoRA does:
``diffusion_model.video_embeddings_connector.transformer_1d_blocks.N.attn1.to_q.lora_A.weight``
(the naming of the original checkpoint and of the musubi LTX-2 fork's ComfyUI export).
"""
from __future__ import annotations

from typing import Any, Mapping

from ltx2_character.fork.ltx2_audio import configured_options, options_of

CHILD_NAME = "connectors"
_TO_ORIGINAL = (("video_connector.", "video_embeddings_connector."),
                ("audio_connector.", "audio_embeddings_connector."),
                (".transformer_blocks.", ".transformer_1d_blocks."))
DIFFUSERS_PREFIX = f"diffusion_model.{CHILD_NAME}."
ORIGINAL_MARKERS = ("diffusion_model.video_embeddings_connector.", "diffusion_model.audio_embeddings_connector.")


def attach_for_training(model: Any, pipeline: Any) -> bool:
    """Make the connectors part of the trained model when the option is on."""
    options = configured_options(model)
    # a model loaded outside a training job (generate, inspection) trains nothing
    if options is None or not options.train_connectors:
        return False
    transformer = pipeline.transformer
    if getattr(transformer, CHILD_NAME, None) is not pipeline.connectors:
        transformer.add_module(CHILD_NAME, pipeline.connectors)
    return True


def need_grad(model: Any, grad_requested: bool) -> bool:
    return grad_requested and options_of(model).train_connectors


def keys_to_original(state_dict: Mapping[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in state_dict.items():
        if key.startswith(DIFFUSERS_PREFIX):
            rest = key[len(DIFFUSERS_PREFIX):]
            for diffusers_name, original_name in _TO_ORIGINAL:
                rest = rest.replace(diffusers_name, original_name)
            key = "diffusion_model." + rest
        out[key] = value
    return out


def keys_from_original(state_dict: Mapping[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in state_dict.items():
        if key.startswith(ORIGINAL_MARKERS):
            rest = key[len("diffusion_model."):]
            for diffusers_name, original_name in _TO_ORIGINAL:
                rest = rest.replace(original_name, diffusers_name)
            key = DIFFUSERS_PREFIX + rest
        out[key] = value
    return out
