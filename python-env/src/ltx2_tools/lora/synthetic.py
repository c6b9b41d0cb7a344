"""Synthetic LoRA files with real LTX-2 shapes, for benchmarks and tests.

Written tensor by tensor, so a 1 GB file needs only one tensor's worth of memory:

    python -m ltx2_tools.lora.synthetic OUT.safetensors --blocks 48 --rank 32

LTX-2 (19B): 48 blocks, video width 4096, audio width 2048, feed-forward x4; the
cross-modal attentions run at the audio width (docs/lora-format.md, "Shapes").
"""
from __future__ import annotations

import argparse
import json
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DTYPES = {"F32": np.float32, "F16": np.float16, "BF16": None}


@dataclass(frozen=True)
class Ltx2Dims:
    blocks: int = 48
    video: int = 4096
    audio: int = 2048
    ff_mult: int = 4


def linear_shapes(dims: Ltx2Dims) -> Iterator[tuple[str, int, int]]:
    """(module path, in features, out features) of every linear ai-toolkit adapts."""
    v, a = dims.video, dims.audio
    attn = {
        "attn1": (v, v, v, v),  # q-in, kv-in, inner, out
        "attn2": (v, v, v, v),
        "audio_attn1": (a, a, a, a),
        "audio_attn2": (a, a, a, a),
        "audio_to_video_attn": (v, a, a, v),  # queries video, keys/values audio
        "video_to_audio_attn": (a, v, a, a),  # queries audio, keys/values video
    }
    for block in range(dims.blocks):
        base = f"transformer_blocks.{block}"
        for name, (q_in, kv_in, inner, out) in attn.items():
            yield f"{base}.{name}.to_q", q_in, inner
            yield f"{base}.{name}.to_k", kv_in, inner
            yield f"{base}.{name}.to_v", kv_in, inner
            yield f"{base}.{name}.to_out.0", inner, out
        for name, width in (("ff", v), ("audio_ff", a)):
            yield f"{base}.{name}.net.0.proj", width, width * dims.ff_mult
            yield f"{base}.{name}.net.2", width * dims.ff_mult, width


def lora_tensors(dims: Ltx2Dims, rank: int) -> Iterator[tuple[str, tuple[int, ...]]]:
    for module, fan_in, fan_out in linear_shapes(dims):
        yield f"diffusion_model.{module}.lora_A.weight", (rank, fan_in)
        yield f"diffusion_model.{module}.lora_B.weight", (fan_out, rank)


def _encode(values: np.ndarray, dtype: str) -> bytes:
    if dtype == "BF16":  # numpy has no bfloat16: keep the high half of each float32
        return (values.astype(np.float32).view(np.uint32) >> 16).astype("<u2").tobytes()
    return values.astype(np.dtype(DTYPES[dtype]).newbyteorder("<")).tobytes()


def write(
    path: Path,
    shapes: list[tuple[str, tuple[int, ...]]],
    dtype: str = "F32",
    metadata: dict[str, str] | None = None,
    seed: int = 0,
) -> int:
    """Write random tensors of the given shapes; returns the file size in bytes."""
    width = 4 if dtype == "F32" else 2
    header: dict[str, object] = {"__metadata__": metadata} if metadata else {}
    offset = 0
    for name, shape in shapes:
        size = int(np.prod(shape)) * width
        header[name] = {"dtype": dtype, "shape": list(shape), "data_offsets": [offset, offset + size]}
        offset += size
    raw = json.dumps(header, separators=(",", ":")).encode()
    raw += b" " * (-len(raw) % 8)  # safetensors pads the header to 8 bytes
    rng = np.random.default_rng(seed)
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(raw)))
        out.write(raw)
        for name, shape in shapes:
            # Trained LoRAs have small up-projections; the scale only matters for realism.
            scale = 1e-3 if ".lora_B." in name else 1e-2
            out.write(_encode(rng.standard_normal(shape, dtype=np.float32) * scale, dtype))
    return 8 + len(raw) + offset


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic LTX-2-shaped LoRA.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--blocks", type=int, default=48)
    parser.add_argument("--rank", type=int, default=32)
    parser.add_argument("--video-dim", type=int, default=4096)
    parser.add_argument("--audio-dim", type=int, default=2048)
    parser.add_argument("--dtype", choices=sorted(DTYPES), default="F32")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    dims = Ltx2Dims(blocks=args.blocks, video=args.video_dim, audio=args.audio_dim)
    size = write(args.out, list(lora_tensors(dims, args.rank)), args.dtype,
                 {"software": json.dumps({"name": "ltx2_tools.lora.synthetic"})}, args.seed)
    print(f"{args.out}: {size / 1e9:.2f} GB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
