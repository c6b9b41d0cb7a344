"""A LoRA file is applied as a user's loader applies it: W + scale * B @ A on the module the
key names (after diffusers' LTX-2 key conversion), and restored exactly afterwards."""
from types import SimpleNamespace

import pytest
import torch

pytest.importorskip("diffusers")

from diffusers import LTX2VideoTransformer3DModel  # noqa: E402
from safetensors.torch import save_file  # noqa: E402

from ltx2_tools.demo.tiny_model import TinyModelSpec, transformer_config  # noqa: E402
from ltx2_tools.lab.voice import arms, model  # noqa: E402


@pytest.fixture(scope="module")
def sd():
    torch.manual_seed(0)
    return SimpleNamespace(transformer=LTX2VideoTransformer3DModel(**transformer_config(TinyModelSpec("ltx2"))))


def _lora(path, modules, rank=2, alpha=None):
    g = torch.Generator().manual_seed(1)
    tensors = {}
    for name, (out_f, in_f) in modules.items():
        tensors[f"diffusion_model.{name}.lora_A.weight"] = torch.randn(rank, in_f, generator=g)
        tensors[f"diffusion_model.{name}.lora_B.weight"] = torch.randn(out_f, rank, generator=g)
        if alpha is not None:
            tensors[f"diffusion_model.{name}.alpha"] = torch.tensor(float(alpha))
    save_file(tensors, str(path))
    return tensors


def test_merge_adds_scaled_BA_and_restores_exactly(sd, tmp_path):
    params = dict(sd.transformer.named_parameters())
    video, audio = "transformer_blocks.0.attn1.to_q", "transformer_blocks.1.audio_attn2.to_k"
    shapes = {m: tuple(params[f"{m}.weight"].shape) for m in (video, audio)}
    raw = _lora(tmp_path / "l.safetensors", shapes, alpha=1.0)
    before = {m: params[f"{m}.weight"].detach().clone() for m in shapes}
    deltas = model.lora_deltas(tmp_path / "l.safetensors", scale=0.5)
    assert set(deltas) == {f"{video}.weight", f"{audio}.weight"}
    with model.merged(sd, deltas):
        for m in shapes:
            expected = before[m] + 0.5 * (1.0 / 2) * raw[f"diffusion_model.{m}.lora_B.weight"] @ raw[
                f"diffusion_model.{m}.lora_A.weight"]
            assert torch.allclose(params[f"{m}.weight"], expected, atol=1e-6)
    for m in shapes:
        assert torch.equal(params[f"{m}.weight"], before[m])


def test_video_only_drops_audio_and_cross_modal_adapters(sd, tmp_path):
    params = dict(sd.transformer.named_parameters())
    names = ["transformer_blocks.0.attn1.to_q", "transformer_blocks.0.audio_attn1.to_q",
             "transformer_blocks.0.audio_to_video_attn.to_q", "transformer_blocks.0.video_to_audio_attn.to_q"]
    _lora(tmp_path / "l.safetensors", {n: tuple(params[f"{n}.weight"].shape) for n in names})
    kept = model.lora_deltas(tmp_path / "l.safetensors", drop_streams=arms.AUDIO_STREAMS)
    assert set(kept) == {"transformer_blocks.0.attn1.to_q.weight"}


def test_scale_zero_changes_nothing(sd, tmp_path):
    params = dict(sd.transformer.named_parameters())
    name = "transformer_blocks.0.ff.net.0.proj"
    _lora(tmp_path / "l.safetensors", {name: tuple(params[f"{name}.weight"].shape)})
    before = params[f"{name}.weight"].detach().clone()
    with model.merged(sd, model.lora_deltas(tmp_path / "l.safetensors", scale=0.0)):
        assert torch.equal(params[f"{name}.weight"], before)


def test_unknown_module_is_an_error_not_a_silent_skip(sd, tmp_path):
    _lora(tmp_path / "l.safetensors", {"transformer_blocks.9.attn1.to_q": (16, 16)})
    with pytest.raises(KeyError, match="not in the transformer"):
        with model.merged(sd, model.lora_deltas(tmp_path / "l.safetensors")):
            pass
