"""Items already upstream at the pin, proven on tiny LTX-2 2.0 and 2.3: P (gradient checkpointing),
Q (SDPA attention), R (torch.compile of the transformer blocks), W (caption dropout),
X (differential output preservation, with its audio term)."""
from __future__ import annotations

import pytest
import torch

from . import harness
from .audio_capture import audio_calls  # noqa: F401
from .harness import ARCHES

pytestmark = pytest.mark.fork


@pytest.mark.parametrize("checkpointing", [True, False])
@pytest.mark.parametrize("arch", ARCHES)
def test_p_gradient_checkpointing_is_active_on_the_ltx2_transformer(arch, checkpointing, fork, model_dirs, datasets,
                                                                    tmp_path, monkeypatch):
    """One training step: with checkpointing every transformer block of the training forward runs
    through diffusers' _gradient_checkpointing_func and torch.utils.checkpoint; without, none."""
    import torch.utils.checkpoint as ckpt
    from toolkit import lora_special

    calls = {"hook": 0, "torch": 0}
    seen, grad_forwards = {}, []
    init = lora_special.LoRASpecialNetwork.__init__

    def spy(self, *args, **kwargs):
        init(self, *args, **kwargs)
        transformer = seen["transformer"] = kwargs["unet"]
        forward = transformer.forward

        def recording_forward(*a, **k):
            grad_forwards.append(torch.is_grad_enabled())
            return forward(*a, **k)

        transformer.forward = recording_forward
        hook = getattr(transformer, "_gradient_checkpointing_func", None)
        if hook is not None:  # set by enable_gradient_checkpointing (BaseSDTrainProcess.py:1863-1869)
            def counting_hook(block, *a):
                calls["hook"] += 1
                return hook(block, *a)

            transformer._gradient_checkpointing_func = counting_hook

    real = ckpt.checkpoint

    def counting_checkpoint(*a, **k):
        calls["torch"] += 1
        return real(*a, **k)

    monkeypatch.setattr(lora_special.LoRASpecialNetwork, "__init__", spy)
    monkeypatch.setattr(ckpt, "checkpoint", counting_checkpoint)
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["talking"])}], tmp_path / "out", arch=arch,
                         steps=1, train={"gradient_checkpointing": checkpointing})
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    transformer = seen["transformer"]
    assert transformer.gradient_checkpointing is checkpointing
    # one step, one transformer forward with gradients (talking clips: no prior pass), two tiny blocks
    assert grad_forwards == [True]
    blocks = len(transformer.transformer_blocks)
    assert blocks == 2
    expected = blocks if checkpointing else 0
    assert calls["hook"] == expected, calls
    assert calls["torch"] == expected, calls


@pytest.mark.parametrize("arch", ARCHES)
def test_q_attention_runs_through_torch_sdpa(arch, fork, model_dirs, datasets, tmp_path, monkeypatch):
    calls = {"n": 0}
    real = torch.nn.functional.scaled_dot_product_attention

    def counting(*a, **k):
        calls["n"] += 1
        return real(*a, **k)

    monkeypatch.setattr(torch.nn.functional, "scaled_dot_product_attention", counting)
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["talking"])}], tmp_path / "out", arch=arch,
                         steps=1, train={"sdp": True, "attention_backend": "native"})
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    assert calls["n"] > 0
    assert torch.backends.cuda.flash_sdp_enabled() and torch.backends.cuda.mem_efficient_sdp_enabled()


@pytest.mark.parametrize("arch", ARCHES)
def test_r_block_compile_runs_without_recompiling_every_step(arch, fork, model_dirs, datasets, tmp_path, monkeypatch):
    from torch._dynamo.utils import counters

    from ltx2_character.fork import trainer_audio

    graphs_per_step = []
    real = trainer_audio.after_batch

    def record(trainer, batch):
        real(trainer, batch)
        graphs_per_step.append(counters["stats"]["unique_graphs"])

    monkeypatch.setattr(trainer_audio, "after_batch", record)
    counters.clear()
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["talking"])}], tmp_path / "out", arch=arch,
                         steps=4, train={"gradient_checkpointing": False})
    config["config"]["process"][0]["model"].update(compile=True, block_compile=True)
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    assert len(graphs_per_step) == 4
    assert graphs_per_step[0] > 0, "the blocks were compiled"
    assert graphs_per_step[-1] == graphs_per_step[1], f"recompiled after step 2: {graphs_per_step}"


@pytest.mark.parametrize("rate, dropped", [(1.0, True), (0.0, False)])
@pytest.mark.parametrize("arch", ARCHES)
def test_w_caption_dropout_on_ltx2(arch, rate, dropped, fork, model_dirs, datasets, tmp_path, monkeypatch):
    from ltx2_character.fork import trainer_audio

    captions = []
    real = trainer_audio.add_audio_loss

    def record(trainer, batch, video_loss):
        captions.extend(batch.get_caption_list())
        return real(trainer, batch, video_loss)

    monkeypatch.setattr(trainer_audio, "add_audio_loss", record)
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["talking"]), "caption_dropout_rate": rate}],
                         tmp_path / "out", arch=arch, steps=2)
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    assert len(captions) == 2, "one caption per step"
    assert all((c == "") is dropped for c in captions)


@pytest.mark.parametrize("arch", ARCHES)
def test_x_dop_preserves_video_and_audio_with_the_balanced_multiplier(arch, fork, model_dirs, datasets, tmp_path,
                                                                     audio_calls):
    train = {"diff_output_preservation": True, "diff_output_preservation_class": "person",
             "diff_output_preservation_multiplier": 1.0, "auto_balance_audio_loss": True}
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["mixed"])}], tmp_path / "out", arch=arch,
                         steps=3, train=train)
    config["config"]["process"][0]["trigger_word"] = "ohwx"
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    steps = sink.of("step")
    assert len(steps) == 3 and len(audio_calls) == 3
    assert all("loss/preservation" in s["losses"] for s in steps)
    audio_steps = [s for s in steps if "loss/preservation_audio" in s["losses"]]
    assert audio_steps, "DOP's audio term ran"
    # DOP already holds the audio to the base model, so the base voice term stays off
    assert not any("loss/voice_preservation" in c.logs for c in audio_calls)
