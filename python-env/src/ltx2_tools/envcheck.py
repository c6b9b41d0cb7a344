"""The versions that matter to the trainer, as one mapping of text (``orchestrator env check``, through
``python -m ltx2_tools envcheck``).

Also proves that the pinned diffusers release provides every LTX-2 class ai-toolkit imports.
"""
from __future__ import annotations

import importlib
import platform
from importlib import metadata

LTX2_CLASSES = (
    ("diffusers", "LTX2Pipeline"),
    ("diffusers", "LTX2ImageToVideoPipeline"),
    ("diffusers.models.autoencoders", "AutoencoderKLLTX2Audio"),
    ("diffusers.models.autoencoders", "AutoencoderKLLTX2Video"),
    ("diffusers.models.transformers", "LTX2VideoTransformer3DModel"),
    ("diffusers.pipelines.ltx2.vocoder", "LTX2Vocoder"),
    ("diffusers.pipelines.ltx2.vocoder", "LTX2VocoderWithBWE"),
    ("diffusers.pipelines.ltx2.connectors", "LTX2TextConnectors"),
    ("diffusers.pipelines.ltx2.export_utils", "encode_video"),
)


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "missing"


def ltx2_class_status() -> str:
    missing = []
    for module, name in LTX2_CLASSES:
        try:
            getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError) as exc:
            missing.append(f"{module}.{name} ({exc.__class__.__name__})")
    return "ok" if not missing else "missing: " + ", ".join(missing)


def report() -> dict[str, str]:
    import torch

    cuda = torch.cuda.is_available()
    return {
        "python": platform.python_version(),
        "torch": torch.__version__,
        "torch_cuda_build": str(torch.version.cuda),
        "cuda_available": str(cuda).lower(),
        "gpu": torch.cuda.get_device_name(0) if cuda else "none",
        "diffusers": _version("diffusers"),
        "transformers": _version("transformers"),
        "torchaudio": _version("torchaudio"),
        "torchcodec": _version("torchcodec"),
        "jep": _version("jep"),
        "ltx2_classes": ltx2_class_status(),
    }
