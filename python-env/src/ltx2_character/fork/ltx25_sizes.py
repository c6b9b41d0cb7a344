"""LTX-2.5 module sizes read from the checkpoint, not from the pin's fixed 22B table.

The pin's 2.5 converters (``convert_ltx2_to_diffusers.convert_ltx2_*``) build every module from
``get_ltx2_*_config("2.5")``, a table written for the 22B release: any other checkpoint in the
same layout (a distilled or pruned one, the tiny model of the tests and the demo) fails at the
strict load with size mismatches. Patch ``0020-infra-ltx-2.5-module-sizes-from-the-checkpoint``
calls :func:`sized` in each converter: the size entries of the table (layer and block counts,
widths, heads, kernel sizes) are replaced by what the checkpoint's tensors say; the layout flags
(gated attention, causality, activation functions, rope) stay the table's.

Everything here reads key names and ``.shape`` only, so it works on real tensors, on meta ones and
on shape-only stand-ins (the 22B test builds one from the table itself). Keys are in the
checkpoint's original naming (what the converters receive). Widths come from output dimensions
and biases, never from an input dimension of a linear that may be stored quantized (nvfp4 packs
two values per byte), except where the input width has no other witness (``patchify_proj``,
``cross_attention_dim``), where a ``comfy_quant`` marker of the layer is honoured.

Entries no tensor carries are derived by rules that the 22B table satisfies (tested): a
vocoder upsampler's stride is half its kernel (``k // 2``), a resnet's dilations keep the table's
pattern. Sample rates, hop lengths and ``resolution`` shape no tensor and stay the table's.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

COMPONENTS = ("transformer", "connectors", "video_vae", "audio_vae", "vocoder")


SIZED_VERSION = "2.5"  # the release whose converters take the table's sizes; 2.0/2.3 load diffusers folders


def for_version(version: str, component: str, config: dict, state_dict: Mapping[str, Any],
                text_encoder_state_dict: Mapping[str, Any] | None = None) -> dict:
    """What a converter of patch 0020 calls: for 2.5, ``sized``; for any other version the table's
    ``config`` as it is (the same object)."""
    if version != SIZED_VERSION:
        return config
    return sized(component, config, state_dict, text_encoder_state_dict)


def sized(component: str, config: dict, state_dict: Mapping[str, Any],
          text_encoder_state_dict: Mapping[str, Any] | None = None) -> dict:
    """``config`` (a ``get_ltx2_*_config`` entry, with ``diffusers_config``) with the sizes of
    ``state_dict``; the input is not modified. ``text_encoder_state_dict`` (the text encoder
    file, ``model.``-prefixed Gemma keys) sizes the connectors' input: hidden width and layers."""
    if component not in COMPONENTS:
        raise ValueError(f"component must be one of {COMPONENTS}, got {component!r}")
    base = config["diffusers_config"]
    if component == "transformer":
        sizes = transformer_sizes(state_dict)
    elif component == "connectors":
        sizes = connectors_sizes(state_dict, text_encoder_state_dict, base)
    elif component == "video_vae":
        sizes = video_vae_sizes(state_dict)
    elif component == "audio_vae":
        sizes = audio_vae_sizes(state_dict)
    else:
        sizes = vocoder_sizes(state_dict, base)
    sizes = {k: _like(base[k], v) if k in base else v for k, v in sizes.items()}
    return {**config, "diffusers_config": {**base, **sizes}}


# --- helpers over names and shapes -------------------------------------------------------------

def _shape(state_dict: Mapping[str, Any], key: str) -> tuple[int, ...]:
    if key not in state_dict:
        raise KeyError(f"the LTX-2.5 checkpoint has no {key!r}, which sizes the module")
    return tuple(int(n) for n in state_dict[key].shape)


def _count(state_dict: Mapping[str, Any], prefix: str) -> int:
    """How many ``<prefix><i>.`` groups there are (``i`` from 0, contiguous)."""
    pattern = re.compile(re.escape(prefix) + r"(\d+)\.")
    found = {int(m.group(1)) for k in state_dict if (m := pattern.match(k))}
    if found != set(range(len(found))):
        raise ValueError(f"the LTX-2.5 checkpoint numbers {prefix}* with gaps: {sorted(found)}")
    return len(found)


def _in_features(state_dict: Mapping[str, Any], module: str) -> int:
    """The input width of a linear, honouring a ComfyUI ``comfy_quant`` marker (nvfp4 stores
    two values per byte; int8 keeps the shape)."""
    width = _shape(state_dict, f"{module}.weight")[1]
    marker = state_dict.get(f"{module}.comfy_quant")
    if marker is not None and hasattr(marker, "tolist"):
        try:
            conf = json.loads(bytes(marker.tolist()).decode("utf-8"))
        except (ValueError, TypeError):
            conf = {}
        if conf.get("format") == "nvfp4":
            width *= 2
    return width


def _like(table_value: Any, value: Any) -> Any:
    """The table's container type (tuple or list) for a sequence entry."""
    if isinstance(value, list) and isinstance(table_value, tuple):
        return tuple(value)
    return value


def _attention(state_dict: Mapping[str, Any], prefix: str) -> tuple[int, int]:
    """(heads, head_dim) of a gated LTX-2 attention: ``to_gate_logits`` has one row per head."""
    inner = _shape(state_dict, f"{prefix}.to_q.bias")[0]
    heads = _shape(state_dict, f"{prefix}.to_gate_logits.bias")[0]
    if inner % heads:
        raise ValueError(f"{prefix}: width {inner} is not a multiple of its {heads} heads")
    return heads, inner // heads


# --- per component -----------------------------------------------------------------------------

def transformer_sizes(state_dict: Mapping[str, Any]) -> dict[str, Any]:
    """The DiT in the original naming (``patchify_proj``, ``transformer_blocks.<i>.attn1`` …)."""
    heads, head_dim = _attention(state_dict, "transformer_blocks.0.attn1")
    audio_heads, audio_head_dim = _attention(state_dict, "transformer_blocks.0.audio_attn1")
    sizes = {
        "num_layers": _count(state_dict, "transformer_blocks."),
        "in_channels": _in_features(state_dict, "patchify_proj"),
        "out_channels": _shape(state_dict, "proj_out.bias")[0],
        "num_attention_heads": heads,
        "attention_head_dim": head_dim,
        "cross_attention_dim": _in_features(state_dict, "transformer_blocks.0.attn2.to_k"),
        "audio_in_channels": _in_features(state_dict, "audio_patchify_proj"),
        "audio_out_channels": _shape(state_dict, "audio_proj_out.bias")[0],
        "audio_num_attention_heads": audio_heads,
        "audio_attention_head_dim": audio_head_dim,
        "audio_cross_attention_dim": _in_features(state_dict, "transformer_blocks.0.audio_attn2.to_k"),
    }
    if "caption_projection.linear_1.bias" in state_dict:  # only with use_prompt_embeddings
        sizes["caption_channels"] = _in_features(state_dict, "caption_projection.linear_1")
    return sizes


def text_encoder_sizes(text_encoder_state_dict: Mapping[str, Any]) -> tuple[int, int]:
    """(hidden width, decoder layers) of the Gemma stack in the text encoder file."""
    hidden = _shape(text_encoder_state_dict, "model.norm.weight")[0]
    return hidden, _count(text_encoder_state_dict, "model.layers.")


def connectors_sizes(state_dict: Mapping[str, Any], text_encoder_state_dict: Mapping[str, Any] | None,
                     table: Mapping[str, Any]) -> dict[str, Any]:
    """The embedding connectors (in the DiT file) and the per-modality projections
    (``text_embedding_projection.*``, from the text encoder file). The projections' input is the
    text encoder's hidden states of every layer and the embeddings, stacked: width x (layers + 1).
    Without the text encoder, the split is the table's when it fits, else an error."""
    sizes: dict[str, Any] = {}
    for stream in ("video", "audio"):
        connector = f"{stream}_embeddings_connector"
        heads, head_dim = _attention(state_dict, f"{connector}.transformer_1d_blocks.0.attn1")
        sizes[f"{stream}_connector_num_attention_heads"] = heads
        sizes[f"{stream}_connector_attention_head_dim"] = head_dim
        sizes[f"{stream}_connector_num_layers"] = _count(state_dict, f"{connector}.transformer_1d_blocks.")
        registers = state_dict.get(f"{connector}.learnable_registers")
        sizes[f"{stream}_connector_num_learnable_registers"] = (
            None if registers is None else int(registers.shape[0]))
        sizes[f"{stream}_hidden_dim"] = _shape(state_dict, f"text_embedding_projection.{stream}_aggregate_embed.bias")[0]
    stacked = _in_features(state_dict, "text_embedding_projection.video_aggregate_embed")
    if text_encoder_state_dict is not None:
        hidden, layers = text_encoder_sizes(text_encoder_state_dict)
        caption, factor = hidden, layers + 1
    else:
        caption, factor = table["caption_channels"], table["text_proj_in_factor"]
    if caption * factor != stacked:
        raise ValueError(f"the text projections take {stacked} inputs, not {caption} x {factor} "
                         "(text encoder width x (layers + 1))")
    sizes["caption_channels"] = caption
    sizes["text_proj_in_factor"] = factor
    return sizes


def video_vae_sizes(state_dict: Mapping[str, Any]) -> dict[str, Any]:
    """The conv video VAE, blocks numbered flat as in the checkpoint: encoder ``down_blocks.2i``
    holds block i's resnets, ``2i+1`` its downsampler, ``2n`` the mid block; decoder
    ``up_blocks.0`` is the mid block and ``2j+2`` up block j's resnets."""
    def res(side: str, block: int) -> tuple[int, int]:
        prefix = f"{side}.{'down' if side == 'encoder' else 'up'}_blocks.{block}.res_blocks."
        return _count(state_dict, prefix), _shape(state_dict, f"{prefix}0.conv1.conv.bias")[0]

    n = 0
    while f"encoder.down_blocks.{2 * n + 1}.conv.conv.weight" in state_dict:
        n += 1
    encoder = [res("encoder", 2 * i) for i in range(n + 1)]  # the last is the mid block
    decoder = [res("decoder", 0)] + [res("decoder", 2 * j + 2) for j in range(n)]
    return {
        "latent_channels": _shape(state_dict, "per_channel_statistics.mean-of-means")[0],
        # block i ends at the width the next block (or the mid block) runs at
        "block_out_channels": [channels for _, channels in encoder[1:]],
        "layers_per_block": [count for count, _ in encoder],
        # the decoder's lists run from the last up block to the mid block
        "decoder_block_out_channels": [channels for _, channels in decoder[:-1]][::-1],
        "decoder_layers_per_block": [count for count, _ in decoder][::-1],
    }


def audio_vae_sizes(state_dict: Mapping[str, Any]) -> dict[str, Any]:
    """The audio VAE (``audio_vae.`` stripped)."""
    base = _shape(state_dict, "encoder.conv_in.conv.bias")[0]
    levels = _count(state_dict, "encoder.down.")
    mult = [_shape(state_dict, f"encoder.down.{i}.block.0.conv1.conv.bias")[0] // base for i in range(levels)]
    latent = _shape(state_dict, "decoder.conv_in.conv.weight")[1]
    # the statistics cover the packed latent: channels x the mel bins left after 2^(levels-1)
    packed = _shape(state_dict, "per_channel_statistics.mean-of-means")[0]
    return {
        "base_channels": base,
        "ch_mult": mult,
        "num_res_blocks": _count(state_dict, "encoder.down.0.block."),
        "latent_channels": latent,
        "mel_bins": packed // latent * 2 ** (levels - 1),
    }


def _generator_sizes(state_dict: Mapping[str, Any], prefix: str, table_dilations: list) -> dict[str, Any]:
    upsamplers = _count(state_dict, f"{prefix}.ups.")
    kernels = [_shape(state_dict, f"{prefix}.ups.{i}.weight")[2] for i in range(upsamplers)]
    per_level = _count(state_dict, f"{prefix}.resblocks.") // upsamplers
    resnet_kernels = [_shape(state_dict, f"{prefix}.resblocks.{j}.convs1.0.weight")[2] for j in range(per_level)]
    convs = _count(state_dict, f"{prefix}.resblocks.0.convs1.")
    pattern = list(table_dilations[0]) if table_dilations and len(table_dilations[0]) == convs else [
        2 * i + 1 for i in range(convs)]
    return {
        "in_channels": _shape(state_dict, f"{prefix}.conv_pre.weight")[1],
        "hidden_channels": _shape(state_dict, f"{prefix}.conv_pre.weight")[0],
        "upsample_kernel_sizes": kernels,
        # no tensor holds a stride; the releases use half the kernel (11 -> 5, 12 -> 6, 4 -> 2)
        "upsample_factors": [k // 2 for k in kernels],
        "resnet_kernel_sizes": resnet_kernels,
        "resnet_dilations": [list(pattern) for _ in resnet_kernels],
    }


def vocoder_sizes(state_dict: Mapping[str, Any], table: Mapping[str, Any]) -> dict[str, Any]:
    """The vocoder with its bandwidth-extension stage (``vocoder.`` stripped: ``vocoder.*``,
    ``bwe_generator.*``, ``mel_stft.*``)."""
    sizes = _generator_sizes(state_dict, "vocoder", table.get("resnet_dilations") or [])
    if "bwe_generator.conv_pre.weight" in state_dict:
        bwe = _generator_sizes(state_dict, "bwe_generator", table.get("bwe_resnet_dilations") or [])
        sizes.update({f"bwe_{k}": v for k, v in bwe.items()})
        mel_bins, _ = _shape(state_dict, "mel_stft.mel_basis")
        filter_length = _shape(state_dict, "mel_stft.stft_fn.forward_basis")[2]
        sizes.update(num_mel_channels=mel_bins, filter_length=filter_length, window_length=filter_length)
    return sizes
