"""A tiny, randomly initialised LTX-2 in diffusers folder layout.

The dimensions satisfy every coupling that ai-toolkit's LTX-2 loader and training step
rely on (docs/tiny-model.md): real 32x spatial / 8x temporal video compression, 4x audio
compression in time and mel, connector heads x head_dim == caption channels, registers
dividing the padded prompt length 1024, audio VAE packed width == transformer audio
channels == ``audio_vae.base_channels``. Building takes about a second on a CPU.

Configs for the ``ltx2.3`` tiny model set ``model.te_name_or_path: <dir>/text_encoder``.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

ARCHES = ("ltx2", "ltx2.3")

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
        return self.arch == "ltx2.3"


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


def video_vae_config() -> dict:
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
