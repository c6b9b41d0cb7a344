"""Fixtures for the LoRA tests: the orchestrator CLI, a LoRA from the demo training, and a
tiny LTX-2 pipeline to load LoRAs into."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
LAUNCHER = REPO / "bin" / "orchestrator"
DEMO_CONFIG = REPO / "examples" / "demo" / "character.yaml"
DEMO_LORA_ENV = "LTX2_DEMO_LORA"


@pytest.fixture(scope="session")
def orchestrator() -> Callable[..., subprocess.CompletedProcess]:
    """Runs ``bin/orchestrator``; the launcher builds the jar when it is stale."""
    if shutil.which("java") is None:
        pytest.skip("needs java to run bin/orchestrator")

    def run(*args: str, cwd: Path | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
        return subprocess.run([str(LAUNCHER), *args], cwd=cwd, capture_output=True, text=True, timeout=timeout)

    return run


@pytest.fixture(scope="session")
def inspect_json(orchestrator) -> Callable[[Path], dict]:
    def inspect(path: Path) -> dict:
        done = orchestrator("lora", "inspect", "--json", str(path))
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    return inspect


@pytest.fixture(scope="session")
def demo_lora(orchestrator, tmp_path_factory) -> Path:
    """The LoRA of the demo job, trained here (about 30 s on a CPU) from a scratch working
    directory, so only that directory's ./output is written; $LTX2_DEMO_LORA skips training."""
    given = os.environ.get(DEMO_LORA_ENV)
    if given:
        return Path(given)
    asked = orchestrator("paths", "--json")
    assert asked.returncode == 0, asked.stderr
    paths = {name: Path(value) for name, value in json.loads(asked.stdout).items()}
    if not paths["venv_python"].exists() or not (paths["fork"] / "toolkit").is_dir():
        pytest.skip(f"needs the orchestrator's venv and fork in {paths['cache']} (run `bin/orchestrator env create` and "
                    f"`bin/orchestrator fork apply`) or ${DEMO_LORA_ENV}")
    work = tmp_path_factory.mktemp("demo-train")
    done = orchestrator("train", str(DEMO_CONFIG), cwd=work, timeout=1800)
    lora = work / "output" / "demo_character" / "demo_character.safetensors"
    if done.returncode != 0 or not lora.exists():
        pytest.fail(f"demo training failed (exit {done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return lora


@pytest.fixture(scope="session")
def tiny_pipeline(tiny_ltx2) -> Callable[[], object]:
    """A fresh LTX2Pipeline from the tiny model's components (it has no model_index.json)."""
    from diffusers import (AutoencoderKLLTX2Audio, AutoencoderKLLTX2Video, FlowMatchEulerDiscreteScheduler,
                           LTX2Pipeline, LTX2VideoTransformer3DModel)
    from diffusers.pipelines.ltx2.connectors import LTX2TextConnectors
    from diffusers.pipelines.ltx2.vocoder import LTX2Vocoder
    from transformers import Gemma3ForConditionalGeneration, GemmaTokenizerFast

    def build() -> LTX2Pipeline:
        d = tiny_ltx2
        return LTX2Pipeline(
            scheduler=FlowMatchEulerDiscreteScheduler(),
            vae=AutoencoderKLLTX2Video.from_pretrained(d / "vae"),
            audio_vae=AutoencoderKLLTX2Audio.from_pretrained(d / "audio_vae"),
            text_encoder=Gemma3ForConditionalGeneration.from_pretrained(d / "text_encoder"),
            tokenizer=GemmaTokenizerFast.from_pretrained(d / "tokenizer"),
            connectors=LTX2TextConnectors.from_pretrained(d / "connectors"),
            transformer=LTX2VideoTransformer3DModel.from_pretrained(d / "transformer"),
            vocoder=LTX2Vocoder.from_pretrained(d / "vocoder"),
        )

    return build
