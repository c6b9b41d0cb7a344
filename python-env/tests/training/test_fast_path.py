"""Which parts of the fast path a job gets, the key, and the optimizer arguments."""
from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest
import torch

from ltx2_character.fork_keys import TRAIN
from ltx2_character.key_values import KeyValueError
from ltx2_character.training import fast_path
from ltx2_character.training.fast_path import plan

LTX2_CUDA = dict(enabled=True, arch="ltx2", device_type="cuda", optimizer="adamw", network_type="lora")


def test_default_ltx2_job_on_cuda_gets_everything():
    p = plan(**LTX2_CUDA)
    assert (p.compile_blocks, p.compute_dtype_lora, p.fused_adamw) == (True, True, True)
    assert p.off == ()


@pytest.mark.parametrize("change, reason", [
    (dict(enabled=False), "train.fast_path: false"),
    (dict(arch="wan21"), "for LTX-2"),
    (dict(device_type="cpu"), "needs CUDA"),
])
def test_everything_off(change, reason):
    p = plan(**{**LTX2_CUDA, **change})
    assert not p.any and reason in p.describe()


def test_ltx23_is_covered():
    assert plan(**{**LTX2_CUDA, "arch": "ltx2.3"}).compile_blocks


@pytest.mark.parametrize("change, reason", [
    (dict(user_compile=True), "model.compile is set"),
    (dict(layer_offloading=True), "layer offloading"),
    (dict(quantized=True), "quantized"),
])
def test_block_compile_yields(change, reason):
    p = plan(**{**LTX2_CUDA, **change})
    assert not p.compile_blocks and p.compute_dtype_lora and reason in p.describe()


def test_layer_offloading_keeps_the_lora_path_and_drops_fused_adamw():
    p = plan(**{**LTX2_CUDA, "layer_offloading": True})
    assert p.compute_dtype_lora and not p.fused_adamw


@pytest.mark.parametrize("network", ["lokr", "dora", "fullrank"])
def test_other_networks_keep_upstreams_forward(network):
    p = plan(**{**LTX2_CUDA, "network_type": network})
    assert not p.compute_dtype_lora and p.compile_blocks


@pytest.mark.parametrize("optimizer", ["adamw8bit", "prodigy", "adafactor"])
def test_fused_only_for_torch_adamw(optimizer):
    assert not plan(**{**LTX2_CUDA, "optimizer": optimizer}).fused_adamw


def test_key_is_read_through_the_generated_table(monkeypatch):
    assert fast_path.read_key({}) is TRAIN["fast_path"].default
    assert fast_path.read_key({"fast_path": None}) is TRAIN["fast_path"].default
    assert fast_path.read_key({"fast_path": False}) is False
    # the default is the table's, not a second copy here
    monkeypatch.setitem(TRAIN, "fast_path", replace(TRAIN["fast_path"], default=False))
    assert fast_path.read_key({}) is False
    with pytest.raises(KeyValueError, match="train.fast_path = 'no': must be true or false"):
        fast_path.read_key({"fast_path": "no"})


def test_adamw_params():
    on = plan(**LTX2_CUDA)
    assert fast_path.adamw_params({"weight_decay": 0.01}, on) == {"weight_decay": 0.01, "fused": True}
    assert fast_path.adamw_params({"foreach": True}, on) == {"foreach": True}  # the job's choice wins
    assert fast_path.adamw_params(None, plan(**{**LTX2_CUDA, "enabled": False})) == {}


def _process(**model):
    return SimpleNamespace(model_config=SimpleNamespace(arch="ltx2", compile=False, **model),
                           train_config=SimpleNamespace(fast_path=True, optimizer="AdamW"),
                           network_config=SimpleNamespace(type="lora"), device_torch=torch.device("cuda"))


def test_optimizer_params_from_a_process():
    process = _process()
    assert fast_path.optimizer_params(process, "AdamW", {}) == {"fused": True}
    assert fast_path.optimizer_params(process, "prodigy", {"d0": 1e-6}) == {"d0": 1e-6}
    assert process.ltx2_fast_path.fused_adamw


def test_a_train_config_without_the_key_gets_the_tables_default(monkeypatch):
    monkeypatch.setitem(TRAIN, "fast_path", replace(TRAIN["fast_path"], default=False))
    process = _process()
    del process.train_config.fast_path
    assert fast_path.plan_for_process(process).off == ("train.fast_path: false",)


def test_apply_compiles_the_blocks_in_place_and_turns_on_the_lora_path(monkeypatch):
    from ltx2_character.training import block_compile

    blocks = torch.nn.ModuleList([torch.nn.Linear(4, 4) for _ in range(3)])
    network = SimpleNamespace()
    process = _process()
    process.network, process.sd = network, SimpleNamespace(unet=SimpleNamespace(transformer_blocks=blocks))
    calls = []
    monkeypatch.setattr(block_compile, "compile_blocks", lambda b: calls.append(list(b)) or len(calls[-1]))
    logs = []
    fast_path.apply_before_train_loop(process, log=logs.append)
    assert calls == [list(blocks)] and network.ltx2_compute_dtype_lora is True
    assert "compiled 3 transformer blocks" in logs[0] and "train.fast_path: false" in logs[-1]
