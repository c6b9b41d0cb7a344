"""A tiny, randomly initialised LTX-2: diffusers folders (2.0, 2.3) or LTX-2.5's split files.

The dimensions satisfy every coupling that ai-toolkit's LTX-2 loader and training step
rely on (docs/tiny-model.md): real 32x spatial / 8x temporal video compression, 4x audio
compression in time and mel, connector heads x head_dim == caption channels, registers
dividing the padded prompt length 1024, audio VAE packed width == transformer audio
channels == ``audio_vae.base_channels``. Building takes about a second on a CPU.

Configs for the ``ltx2.3`` tiny model set ``model.te_name_or_path: <dir>/text_encoder``.

LTX-2.5 ships no diffusers folders: ai-toolkit's ``LTX25Model`` reads ComfyUI-style single files
(``LTX25_FILES``) in the original LTX-2 key naming, which it converts to diffusers itself. The
``ltx2.5`` tiny model is written in that layout (``build_ltx25``); configs point at its files with
``model.model_kwargs.{dit,text_encoder,video_vae,audio_vae}_path`` (``ltx25_model_kwargs``).
"""
from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ARCHES = ("ltx2", "ltx2.3", "ltx2.5")

# Where LTX-2.5's files lie under a models folder: the pin's COMFY_LTX25_FILES (ltx2.py), which
# resolves each of them at exactly this path under MODELS_PATH (tests/fork check the two agree).
LTX25_FILES = {
    "dit": "diffusion_models/ltx-2.5-22b-dev-transformer-comfy-int8-convrot.safetensors",
    "text_encoder": "text_encoders/gemma4-12b-with-proj-ltx-2.5-comfy-int8-convrot.safetensors",
    "video_vae": "vae/ltx-2.5-video-vae-conv-bf16.safetensors",
    "audio_vae": "vae/ltx-2.5-audio-vae-bf16.safetensors",
}

# Text encoder width; equals the connectors' and transformer's caption channels.
CAPTION_CHANNELS = 32
TEXT_LAYERS = 2
VOCAB_SIZE = 512
VIDEO_LATENT_CHANNELS = 8
AUDIO_LATENT_CHANNELS = 4
MEL_BINS = 16
# Packed audio token width: latent channels x (mel bins / 4).
AUDIO_TOKEN_CHANNELS = AUDIO_LATENT_CHANNELS * MEL_BINS // 4
VIDEO_HEADS, VIDEO_HEAD_DIM = 2, 8
AUDIO_HEADS, AUDIO_HEAD_DIM = 2, 4


@dataclass(frozen=True)
class TinyModelSpec:
    arch: str = "ltx2"
    seed: int = 0

    def __post_init__(self) -> None:
        if self.arch not in ARCHES:
            raise ValueError(f"arch must be one of {ARCHES}, got {self.arch!r}")

    @property
    def is_v23(self) -> bool:
        """The 2.3 transformer, connectors and vocoder: LTX-2.5 keeps them (checkpoint-level deltas aside)."""
        return self.arch in ("ltx2.3", "ltx2.5")

    @property
    def is_split_files(self) -> bool:
        return self.arch == "ltx2.5"


def transformer_config(spec: TinyModelSpec) -> dict:
    return {
        "in_channels": VIDEO_LATENT_CHANNELS,
        "out_channels": VIDEO_LATENT_CHANNELS,
        "num_attention_heads": VIDEO_HEADS,
        "attention_head_dim": VIDEO_HEAD_DIM,
        "cross_attention_dim": VIDEO_HEADS * VIDEO_HEAD_DIM,
        "audio_in_channels": AUDIO_TOKEN_CHANNELS,
        "audio_out_channels": AUDIO_TOKEN_CHANNELS,
        "audio_num_attention_heads": AUDIO_HEADS,
        "audio_attention_head_dim": AUDIO_HEAD_DIM,
        "audio_cross_attention_dim": AUDIO_HEADS * AUDIO_HEAD_DIM,
        "num_layers": 2,
        "caption_channels": CAPTION_CHANNELS,
        "rope_type": "split",
        "rope_double_precision": False,
        # LTX-2.3 differences, as in ai-toolkit's convert_ltx2_to_diffusers "2.3" config.
        "gated_attn": spec.is_v23,
        "cross_attn_mod": spec.is_v23,
        "audio_gated_attn": spec.is_v23,
        "audio_cross_attn_mod": spec.is_v23,
        "use_prompt_embeddings": not spec.is_v23,
        "perturbed_attn": spec.is_v23,
    }


def connectors_config(spec: TinyModelSpec) -> dict:
    config = {
        "caption_channels": CAPTION_CHANNELS,
        "text_proj_in_factor": TEXT_LAYERS + 1,
        # heads x head_dim must equal caption_channels (register merge).
        "video_connector_num_attention_heads": 2,
        "video_connector_attention_head_dim": CAPTION_CHANNELS // 2,
        "video_connector_num_layers": 1,
        "video_connector_num_learnable_registers": 128,
        "audio_connector_num_attention_heads": 2,
        "audio_connector_attention_head_dim": CAPTION_CHANNELS // 2,
        "audio_connector_num_layers": 1,
        "audio_connector_num_learnable_registers": 128,
        "connector_rope_base_seq_len": 1024,
        "rope_type": "split",
        "rope_double_precision": False,
        "causal_temporal_positioning": False,
    }
    if spec.is_v23:
        # 2.3 projects per modality before the connectors, so each connector's width is
        # its transformer stream's width (as 4096 / 2048 at full size), not the caption's.
        config.update(
            video_connector_num_attention_heads=VIDEO_HEADS,
            video_connector_attention_head_dim=VIDEO_HEAD_DIM,
            audio_connector_num_attention_heads=AUDIO_HEADS,
            audio_connector_attention_head_dim=AUDIO_HEAD_DIM,
            video_gated_attn=True,
            audio_gated_attn=True,
            per_modality_projections=True,
            video_hidden_dim=VIDEO_HEADS * VIDEO_HEAD_DIM,
            audio_hidden_dim=AUDIO_HEADS * AUDIO_HEAD_DIM,
            proj_bias=True,
        )
    return config


def video_vae_config(spec: TinyModelSpec = TinyModelSpec()) -> dict:
    if spec.is_split_files:
        # 2.5's conv VAE is 2.3's: a fourth decoder block and no residual upsamplers. The layout
        # flags are those of the pin's 2.3/2.5 table (convert_ltx2_to_diffusers); its block and
        # channel counts shrink here with the width ratios kept (encoder 1:2:4:4, decoder 1:2:2:4).
        return {
            "latent_channels": VIDEO_LATENT_CHANNELS,
            "block_out_channels": (8, 16, 32, 32),
            "decoder_block_out_channels": (8, 16, 16, 32),
            "layers_per_block": (1, 1, 1, 1, 1),
            "decoder_layers_per_block": (1, 1, 1, 1, 1),
            "spatio_temporal_scaling": (True, True, True, True),
            "decoder_spatio_temporal_scaling": (True, True, True, True),
            "decoder_inject_noise": (False, False, False, False, False),
            "downsample_type": ("spatial", "temporal", "spatiotemporal", "spatiotemporal"),
            "upsample_type": ("spatiotemporal", "spatiotemporal", "temporal", "spatial"),
            "upsample_residual": (False, False, False, False),
            "upsample_factor": (2, 2, 1, 2),
            "decoder_causal": False,
            "decoder_spatial_padding_mode": "zeros",
        }
    return {
        "latent_channels": VIDEO_LATENT_CHANNELS,
        "block_out_channels": (8, 16, 16, 32),
        "decoder_block_out_channels": (8, 16, 32),
        "layers_per_block": (1, 1, 1, 1, 1),
        "decoder_layers_per_block": (1, 1, 1, 1),
    }


def audio_vae_config() -> dict:
    return {
        "base_channels": AUDIO_TOKEN_CHANNELS,
        "ch_mult": (1, 2, 4),
        "num_res_blocks": 1,
        "latent_channels": AUDIO_LATENT_CHANNELS,
        "mel_bins": MEL_BINS,
        "resolution": 64,
        "sample_rate": 16000,
        "mel_hop_length": 160,
    }


def vocoder_config(spec: TinyModelSpec) -> dict:
    base = {
        "in_channels": 2 * MEL_BINS,
        "hidden_channels": 32,
        "out_channels": 2,
        "upsample_kernel_sizes": [4, 4],
        "upsample_factors": [2, 2],
        "resnet_kernel_sizes": [3],
        "resnet_dilations": [[1, 3, 5]],
    }
    if spec.is_v23:
        base.update(
            bwe_in_channels=2 * MEL_BINS,
            bwe_hidden_channels=32,
            bwe_upsample_kernel_sizes=[4, 4],
            bwe_upsample_factors=[2, 2],
            bwe_resnet_kernel_sizes=[3],
            bwe_resnet_dilations=[[1, 3, 5]],
            num_mel_channels=MEL_BINS,
            input_sampling_rate=16000,
            output_sampling_rate=32000,
        )
        if spec.is_split_files:
            # 2.5's sample rates and the BWE stage's hop are in no tensor, so the fork takes them
            # from the pin's table (16 -> 48 kHz, hop 80). The BWE stage must then turn each mel
            # frame into hop x rate ratio = 240 samples, or the sampler's residual and skip paths
            # differ in length: the table's factors, and its kernels (the fork reads each stride as
            # half its kernel, rounded down; an even kernel for the odd factor 5 adds a sample).
            base.update(bwe_upsample_kernel_sizes=[12, 11, 4, 4, 4], bwe_upsample_factors=[6, 5, 2, 2, 2],
                        output_sampling_rate=48000, filter_length=128, hop_length=80, window_length=128)
    else:
        base["output_sampling_rate"] = 16000
    return base


def text_encoder_config() -> dict:
    return {
        "text_config": {
            "vocab_size": VOCAB_SIZE,
            "hidden_size": CAPTION_CHANNELS,
            "intermediate_size": 64,
            "num_hidden_layers": TEXT_LAYERS,
            "num_attention_heads": 2,
            "num_key_value_heads": 1,
            "head_dim": 16,
            "max_position_embeddings": 2048,
            "sliding_window": 64,
        },
        # ai-toolkit deletes the vision tower after loading, but the class needs one.
        "vision_config": {
            "hidden_size": 16,
            "intermediate_size": 32,
            "num_hidden_layers": 1,
            "num_attention_heads": 2,
            "image_size": 28,
            "patch_size": 14,
        },
        "mm_tokens_per_image": 4,
    }


def _train_tokenizer(out_dir: Path) -> None:
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import GemmaTokenizerFast

    specials = ["<pad>", "<eos>", "<bos>", "<unk>"]
    tokenizer = Tokenizer(models.BPE(unk_token="<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    corpus = [
        "a woman with short red hair speaks to the camera in a bright kitchen",
        "the character smiles and says hello, nice to meet you",
        "close up portrait, soft light, the person talks calmly",
        "a still photo of the character outdoors",
    ]
    out_dir.mkdir(parents=True, exist_ok=True)
    trainer = trainers.BpeTrainer(
        vocab_size=VOCAB_SIZE,
        special_tokens=specials,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tokenizer.train_from_iterator(corpus * 8, trainer=trainer)
    # Like Gemma's own tokenizer, every sequence starts with <bos>, so even the empty
    # (unconditional) prompt encodes to one token.
    bos_id = tokenizer.token_to_id("<bos>")
    tokenizer.post_processor = processors.TemplateProcessing(
        single="<bos> $A", pair="<bos> $A <bos> $B", special_tokens=[("<bos>", bos_id)]
    )
    raw = out_dir / "tokenizer.raw.json"
    tokenizer.save(str(raw))
    fast = GemmaTokenizerFast(
        tokenizer_file=str(raw),
        pad_token="<pad>",
        eos_token="<eos>",
        bos_token="<bos>",
        unk_token="<unk>",
        padding_side="left",
    )
    fast.save_pretrained(str(out_dir))
    raw.unlink()


def build(out_dir: Path, spec: TinyModelSpec = TinyModelSpec()) -> Path:
    """Write the tiny model to ``out_dir`` (created) and return it."""
    if spec.is_split_files:
        return build_ltx25(out_dir, spec)
    import torch
    from diffusers import AutoencoderKLLTX2Audio, AutoencoderKLLTX2Video, LTX2VideoTransformer3DModel
    from diffusers.pipelines.ltx2.connectors import LTX2TextConnectors
    from diffusers.pipelines.ltx2.vocoder import LTX2Vocoder, LTX2VocoderWithBWE
    from transformers import Gemma3Config, Gemma3ForConditionalGeneration

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(spec.seed)

    LTX2VideoTransformer3DModel(**transformer_config(spec)).save_pretrained(out_dir / "transformer")
    AutoencoderKLLTX2Video(**video_vae_config()).save_pretrained(out_dir / "vae")
    AutoencoderKLLTX2Audio(**audio_vae_config()).save_pretrained(out_dir / "audio_vae")
    LTX2TextConnectors(**connectors_config(spec)).save_pretrained(out_dir / "connectors")
    vocoder_cls = LTX2VocoderWithBWE if spec.is_v23 else LTX2Vocoder
    vocoder_cls(**vocoder_config(spec)).save_pretrained(out_dir / "vocoder")
    text_encoder = Gemma3ForConditionalGeneration(Gemma3Config(**text_encoder_config()))
    text_encoder.save_pretrained(out_dir / "text_encoder")
    _train_tokenizer(out_dir / "tokenizer")
    # LTX-2.3 fetches its Gemma from the hub unless model.te_name_or_path names a local
    # folder holding both the weights and the tokenizer; text_encoder/ serves as one.
    for f in (out_dir / "tokenizer").iterdir():
        shutil.copy2(f, out_dir / "text_encoder" / f.name)
    (out_dir / "tiny_ltx2.json").write_text(
        json.dumps({"arch": spec.arch, "seed": spec.seed}, indent=2) + "\n"
    )
    return out_dir


# ---------------------------------------------------------------------------------------------
# LTX-2.5: ComfyUI-style split files in the original LTX-2 key naming
# ---------------------------------------------------------------------------------------------

# The config entries that size a module's tensors. Patch 0020 reads them from the files
# (ltx2_character.fork.ltx25_sizes; tests/fork/test_ltx25_sizes.py checks they read back as set
# here); every other entry (the layout flags) stays the pin's table's, and a flag of ours that
# disagreed with it would leave keys or shapes the pin's strict load rejects.
LTX25_DIMENSION_KEYS: dict[str, tuple[str, ...]] = {
    "transformer": (
        "in_channels", "out_channels", "num_attention_heads", "attention_head_dim", "cross_attention_dim",
        "audio_in_channels", "audio_out_channels", "audio_num_attention_heads", "audio_attention_head_dim",
        "audio_cross_attention_dim", "num_layers", "caption_channels",
    ),
    "connectors": (
        "caption_channels", "text_proj_in_factor", "video_connector_num_attention_heads",
        "video_connector_attention_head_dim", "video_connector_num_layers",
        "video_connector_num_learnable_registers", "audio_connector_num_attention_heads",
        "audio_connector_attention_head_dim", "audio_connector_num_layers",
        "audio_connector_num_learnable_registers", "video_hidden_dim", "audio_hidden_dim",
    ),
    "video_vae": (
        "latent_channels", "block_out_channels", "decoder_block_out_channels", "layers_per_block",
        "decoder_layers_per_block",
    ),
    "audio_vae": ("base_channels", "num_res_blocks", "latent_channels", "mel_bins", "resolution"),
    "vocoder": (
        "in_channels", "hidden_channels", "upsample_kernel_sizes", "upsample_factors", "resnet_kernel_sizes",
        "resnet_dilations", "bwe_in_channels", "bwe_hidden_channels", "bwe_upsample_kernel_sizes",
        "bwe_upsample_factors", "bwe_resnet_kernel_sizes", "bwe_resnet_dilations", "filter_length",
        "hop_length", "window_length", "num_mel_channels", "input_sampling_rate", "output_sampling_rate",
    ),
}


def ltx25_dimensions(spec: TinyModelSpec = TinyModelSpec("ltx2.5")) -> dict[str, dict[str, Any]]:
    """Per component, the tiny values of ``LTX25_DIMENSION_KEYS`` (all of them set explicitly)."""
    configs = {
        "transformer": transformer_config(spec),
        "connectors": connectors_config(spec),
        "video_vae": video_vae_config(spec),
        "audio_vae": audio_vae_config(),
        "vocoder": vocoder_config(spec),
    }
    return {name: {k: configs[name][k] for k in keys} for name, keys in LTX25_DIMENSION_KEYS.items()}


def gemma4_text_config() -> dict:
    """A two-layer Gemma-4 text stack: the Gemma-3 tiny text stack's sizes, plus Gemma-4's own keys."""
    return {
        **text_encoder_config()["text_config"],
        "vocab_size_per_layer_input": VOCAB_SIZE,
        "global_head_dim": 16,
        "hidden_size_per_layer_input": 0,
        "layer_types": ["sliding_attention", "full_attention"],
        # ai-toolkit drops "dtype" from the stored text_config; the real file carries it
        "dtype": "float32",
    }


def _swap_segments(key: str, names: dict[str, str]) -> str:
    return ".".join(names.get(part, part) for part in key.split("."))


# diffusers name -> LTX-2 checkpoint name, per dotted segment (the pin renames the other way)
_TRANSFORMER_SEGMENTS = {
    "proj_in": "patchify_proj",
    "audio_proj_in": "audio_patchify_proj",
    "av_cross_attn_video_scale_shift": "av_ca_video_scale_shift_adaln_single",
    "av_cross_attn_video_a2v_gate": "av_ca_a2v_gate_adaln_single",
    "av_cross_attn_audio_scale_shift": "av_ca_audio_scale_shift_adaln_single",
    "av_cross_attn_audio_v2a_gate": "av_ca_v2a_gate_adaln_single",
    "video_a2v_cross_attn_scale_shift_table": "scale_shift_table_a2v_ca_video",
    "audio_a2v_cross_attn_scale_shift_table": "scale_shift_table_a2v_ca_audio",
    "prompt_adaln": "prompt_adaln_single",
    "audio_prompt_adaln": "audio_prompt_adaln_single",
    "norm_q": "q_norm",
    "norm_k": "k_norm",
}
_TOP_LEVEL_EMBEDS = {"time_embed": "adaln_single", "audio_time_embed": "audio_adaln_single"}


def original_transformer_key(key: str) -> str:
    head, _, rest = key.partition(".")
    if head in _TOP_LEVEL_EMBEDS:
        return f"{_TOP_LEVEL_EMBEDS[head]}.{_swap_segments(rest, _TRANSFORMER_SEGMENTS)}"
    return _swap_segments(key, _TRANSFORMER_SEGMENTS)


def original_connectors_key(key: str) -> str:
    """Connector weights ride in the DiT file; the per-modality text projections in the text
    encoder file (``text_embedding_projection.*``), as in 2.5's checkpoints."""
    head, _, rest = key.partition(".")
    projections = {"video_text_proj_in": "video_aggregate_embed", "audio_text_proj_in": "audio_aggregate_embed"}
    if head in projections:
        return f"text_embedding_projection.{projections[head]}.{rest}"
    return _swap_segments(key, {
        "video_connector": "video_embeddings_connector",
        "audio_connector": "audio_embeddings_connector",
        "transformer_blocks": "transformer_1d_blocks",
        "norm_q": "q_norm",
        "norm_k": "k_norm",
    })


_LATENT_STATISTICS = {
    "latents_mean": "per_channel_statistics.mean-of-means",
    "latents_std": "per_channel_statistics.std-of-means",
}


def original_video_vae_key(key: str, num_down_blocks: int) -> str:
    """The checkpoint numbers a VAE's blocks flat: encoder ``down_blocks.2i`` are block i's
    resnets, ``2i+1`` its downsampler, ``2n`` the mid block; decoder ``up_blocks.0`` is the mid
    block, ``2i+1`` block i's upsampler and ``2i+2`` its resnets."""
    if key in _LATENT_STATISTICS:
        return _LATENT_STATISTICS[key]
    patterns = (
        (r"^encoder\.down_blocks\.(\d+)\.downsamplers\.0\.", lambda i: f"encoder.down_blocks.{2 * i + 1}."),
        (r"^encoder\.down_blocks\.(\d+)\.", lambda i: f"encoder.down_blocks.{2 * i}."),
        (r"^decoder\.up_blocks\.(\d+)\.upsamplers\.0\.", lambda i: f"decoder.up_blocks.{2 * i + 1}."),
        (r"^decoder\.up_blocks\.(\d+)\.", lambda i: f"decoder.up_blocks.{2 * i + 2}."),
    )
    for pattern, replacement in patterns:
        match = re.match(pattern, key)
        if match:
            key = replacement(int(match.group(1))) + key[match.end():]
            break
    else:
        key = re.sub(r"^encoder\.mid_block\.", f"encoder.down_blocks.{2 * num_down_blocks}.", key)
        key = re.sub(r"^decoder\.mid_block\.", "decoder.up_blocks.0.", key)
    return _swap_segments(key, {"resnets": "res_blocks"})


def original_audio_vae_key(key: str) -> str:
    return _LATENT_STATISTICS.get(key, key)


def original_vocoder_key(key: str) -> str:
    key = _swap_segments(key, {
        "resnets": "resblocks",
        "upsamplers": "ups",
        "conv_in": "conv_pre",
        "conv_out": "conv_post",
        "act_out": "act_post",
    })
    return key.replace(".downsample.", ".downsample.lowpass.")


def _drop_video_ff_biases(state_dict: dict) -> dict:
    """2.5 checkpoints have no biases in the video feedforward (the audio one keeps them)."""
    pattern = re.compile(r"^transformer_blocks\.\d+\.ff\.net\.(0\.proj|2)\.bias$")
    return {k: v for k, v in state_dict.items() if not pattern.match(k)}


def _chat_template() -> str:
    return ("{{ bos_token }}{% for message in messages %}<start_of_turn>{{ message['role'] }}\n"
            "{{ message['content'] }}<end_of_turn>\n{% endfor %}")


def _tokenizer_assets() -> dict[str, bytes]:
    """tokenizer.json (with the empty post-processor of 2.5's file: ComfyUI adds BOS itself),
    tokenizer_config.json and a chat template, as bytes."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _train_tokenizer(folder)
        tokenizer_json = json.loads((folder / "tokenizer.json").read_text())
        tokenizer_json["post_processor"] = None
        return {
            "tokenizer_json": json.dumps(tokenizer_json).encode(),
            "hf_asset__tokenizer_config.json": (folder / "tokenizer_config.json").read_bytes(),
            "hf_asset__chat_template.jinja": _chat_template().encode(),
        }


def ltx25_model_kwargs(model_dir: Path) -> dict[str, str]:
    """``model.model_kwargs`` naming each file of a tiny 2.5 (as examples/templates/ltx2.5-character.yaml)."""
    return {f"{component}_path": str(Path(model_dir) / rel) for component, rel in LTX25_FILES.items()}


def build_ltx25(out_dir: Path, spec: TinyModelSpec = TinyModelSpec("ltx2.5")) -> Path:
    """Write the four files of ``LTX25_FILES`` under ``out_dir`` (a ComfyUI models folder)."""
    import torch
    from diffusers import AutoencoderKLLTX2Audio, AutoencoderKLLTX2Video, LTX2VideoTransformer3DModel
    from diffusers.pipelines.ltx2.connectors import LTX2TextConnectors
    from diffusers.pipelines.ltx2.vocoder import LTX2VocoderWithBWE
    from safetensors.torch import save_file
    from transformers import Gemma4TextConfig
    from transformers.models.gemma4.modeling_gemma4 import Gemma4TextModel

    out_dir = Path(out_dir)
    torch.manual_seed(spec.seed)

    def contiguous(state_dict: dict) -> dict:
        return {k: v.detach().contiguous() for k, v in state_dict.items()}

    transformer = _drop_video_ff_biases(LTX2VideoTransformer3DModel(**transformer_config(spec)).state_dict())
    dit = {f"model.diffusion_model.{original_transformer_key(k)}": v for k, v in transformer.items()}
    width = VIDEO_HEADS * VIDEO_HEAD_DIM
    # learned marker for keyframe positions; the pin loads it frozen and never reads it in training
    dit["model.diffusion_model.keyframes_abs_pos_embedding"] = 0.02 * torch.randn(1, width)
    text_encoder_file: dict = {}
    for k, v in LTX2TextConnectors(**connectors_config(spec)).state_dict().items():
        key = original_connectors_key(k)
        if key.startswith("text_embedding_projection."):
            text_encoder_file[key] = v
        else:
            dit[f"model.diffusion_model.{key}"] = v

    text_config = gemma4_text_config()
    gemma = Gemma4TextModel(Gemma4TextConfig(**{k: v for k, v in text_config.items() if k != "dtype"}))
    text_encoder_file.update({f"model.{k}": v for k, v in gemma.state_dict().items()})
    for key, blob in _tokenizer_assets().items():
        text_encoder_file[key] = torch.frombuffer(bytearray(blob), dtype=torch.uint8)

    vae_config = video_vae_config(spec)
    video_vae = {
        original_video_vae_key(k, len(vae_config["block_out_channels"])): v
        for k, v in AutoencoderKLLTX2Video(**vae_config).state_dict().items()
    }
    audio_file = {f"audio_vae.{original_audio_vae_key(k)}": v
                  for k, v in AutoencoderKLLTX2Audio(**audio_vae_config()).state_dict().items()}
    audio_file.update({f"vocoder.{original_vocoder_key(k)}": v
                       for k, v in LTX2VocoderWithBWE(**vocoder_config(spec)).state_dict().items()})

    files = {
        "dit": (dit, {}),
        # the pin builds the Gemma stack from this metadata entry (LTX25Model._load_gemma4_text_encoder)
        "text_encoder": (text_encoder_file, {"gemma_config": json.dumps({"text_config": text_config})}),
        "video_vae": (video_vae, {}),
        "audio_vae": (audio_file, {}),
    }
    for component, (state_dict, metadata) in files.items():
        path = out_dir / LTX25_FILES[component]
        path.parent.mkdir(parents=True, exist_ok=True)
        save_file(contiguous(state_dict), str(path), metadata={"format": "pt", **metadata})
    (out_dir / "tiny_ltx2.json").write_text(json.dumps({"arch": spec.arch, "seed": spec.seed}, indent=2) + "\n")
    return out_dir
