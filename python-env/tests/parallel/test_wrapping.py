from __future__ import annotations

import torch

from ltx2_character.parallel.wrapping import has_trainable_parameters, prepare_if_trainable


class RecordingAccelerator:
    def __init__(self) -> None:
        self.prepared: list = []

    def prepare(self, module):
        self.prepared.append(module)
        return ("wrapped", module)


def frozen() -> torch.nn.Module:
    module = torch.nn.Linear(2, 2)
    module.requires_grad_(False)
    return module


def test_a_frozen_module_is_returned_as_it_is():
    accelerator, module = RecordingAccelerator(), frozen()
    assert prepare_if_trainable(accelerator, module) is module
    assert accelerator.prepared == []


def test_a_module_with_one_trainable_parameter_is_prepared():
    accelerator, module = RecordingAccelerator(), frozen()
    module.bias.requires_grad_(True)
    assert prepare_if_trainable(accelerator, module) == ("wrapped", module)
    assert has_trainable_parameters(module)


def test_none_and_parameterless_objects_pass_through():
    accelerator = RecordingAccelerator()
    assert prepare_if_trainable(accelerator, None) is None
    assert prepare_if_trainable(accelerator, torch.nn.ReLU()) is not None
    assert accelerator.prepared == []
