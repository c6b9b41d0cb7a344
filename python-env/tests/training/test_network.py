from __future__ import annotations

import pytest

from ltx2_character.training.network import NetworkDropoutError, network_dropouts, without_dropouts


def test_top_level_keys():
    assert network_dropouts({"rank_dropout": 0.1}) == {"rank_dropout": 0.1, "module_dropout": None}


def test_legacy_network_kwargs_still_work():
    assert network_dropouts({"network_kwargs": {"module_dropout": 0.2}})["module_dropout"] == 0.2


def test_both_is_an_error():
    with pytest.raises(NetworkDropoutError, match="both set"):
        network_dropouts({"rank_dropout": 0.1, "network_kwargs": {"rank_dropout": 0.2}})


@pytest.mark.parametrize("value", [1.0, -0.1, "0.1", True])
def test_range_and_type(value):
    with pytest.raises(NetworkDropoutError):
        network_dropouts({"rank_dropout": value})


def test_stripped_copy():
    kwargs = {"rank_dropout": 0.1, "ignore_if_contains": ["x"]}
    assert without_dropouts(kwargs) == {"ignore_if_contains": ["x"]}
    assert "rank_dropout" in kwargs
