"""The text connectors keep a left-padded prompt's tokens in order (diffusers #13564 regression).

ai-toolkit left-pads every prompt with zeros to 1024 tokens (LTX2Model.pad_embeds) and the LTX-2
text connectors (diffusers ``LTX2TextConnectors``) replace the padding with learnable registers.
The correct replacement, as the original LTX implementation
(``_replace_padded_with_learnable_registers``) and diffusers 0.39.0 (#13931) do it: the n valid
tokens move to positions 0..n-1 in their original order, and positions n..L-1 hold the registers
indexed by absolute position (``registers[n:]``, the register table tiled over L); the attention
mask then becomes all-valid. diffusers #13564, in ai-toolkit's pinned git diffusers c943837,
put the valid tokens at the front in reverse order.

The reference below builds that layout by hand from the tensors entering each connector and runs
the connector's own blocks on it, so the only thing under test is the register replacement. The
buggy ordering is simulated on the same module to show that the comparison catches it.
"""
from __future__ import annotations

import pytest
import torch

from ltx2_tools.demo.tiny_model import CAPTION_CHANNELS, TEXT_LAYERS, TinyModelSpec, connectors_config

from .harness import ARCHES

SEQ_LEN = 1024  # ai-toolkit's padded prompt length (ltx2.py, pad_embeds)
VALID = [5, 37]  # two prompts of different lengths in one batch
ATOL = 1e-5
# A reversed prompt must move the connector output by far more than ATOL (it moves it by O(1)).
MIN_BUGGY_DIFF = 1e-2


def _connectors(arch: str):
    from diffusers.pipelines.ltx2.connectors import LTX2TextConnectors

    torch.manual_seed(0)  # seeded random weights, as the tiny model's build()
    return LTX2TextConnectors(**connectors_config(TinyModelSpec(arch))).eval()


def _left_padded_prompts(batch: int = len(VALID)) -> tuple[torch.Tensor, torch.Tensor]:
    """Packed text-encoder states [B, L, C * layers] and a 0/1 mask, zero-padded on the left."""
    generator = torch.Generator().manual_seed(1)
    embeds = torch.zeros(batch, SEQ_LEN, CAPTION_CHANNELS * (TEXT_LAYERS + 1))
    mask = torch.zeros(batch, SEQ_LEN)
    for i, n in enumerate(VALID[:batch]):
        embeds[i, SEQ_LEN - n:] = torch.randn(n, embeds.shape[-1], generator=generator)
        mask[i, SEQ_LEN - n:] = 1.0
    return embeds, mask


def _capture_connector_inputs(connectors) -> dict:
    """The hidden states (after the text projection) that enter each connector transformer."""
    seen = {}
    for name in ("video_connector", "audio_connector"):
        def hook(_module, args, _name=name):
            seen[_name] = args[0].detach().clone()
        getattr(connectors, name).register_forward_pre_hook(hook)
    return seen


def expected_layout(connector, hidden: torch.Tensor, valid: list[int], reverse: bool = False) -> torch.Tensor:
    """Valid tokens first (original order, or reversed to model #13564), then registers[n:]."""
    registers = connector.learnable_registers.detach()
    tiled = registers.repeat(SEQ_LEN // registers.shape[0], 1)  # register of absolute position p: p % 128
    rows = []
    for i, n in enumerate(valid):
        tokens = hidden[i, SEQ_LEN - n:]
        if reverse:
            tokens = tokens.flip(0)
        rows.append(torch.cat([tokens, tiled[n:]]))
    return torch.stack(rows)


def run_blocks(connector, layout: torch.Tensor) -> torch.Tensor:
    """The connector after its register step: RoPE over 0..L-1, every block with no mask, norm."""
    batch = layout.shape[0]
    rotary = connector.rope(batch, SEQ_LEN, device=layout.device)
    no_mask = torch.zeros(batch, 1, 1, SEQ_LEN, dtype=layout.dtype)
    h = layout
    for block in connector.transformer_blocks:
        h = block(h, attention_mask=no_mask, rotary_emb=rotary)
    return connector.norm_out(h)


def _run(connectors):
    embeds, mask = _left_padded_prompts()
    seen = _capture_connector_inputs(connectors)
    with torch.no_grad():
        video, audio, out_mask = connectors(embeds, mask, padding_side="left")
    return seen, video, audio, out_mask


def assert_prompt_order_kept(connectors) -> None:
    seen, video, audio, out_mask = _run(connectors)
    assert out_mask.shape == (len(VALID), SEQ_LEN) and bool(out_mask.all()), "registers make every position valid"
    with torch.no_grad():
        for name, out in (("video_connector", video), ("audio_connector", audio)):
            connector = getattr(connectors, name)
            right = run_blocks(connector, expected_layout(connector, seen[name], VALID))
            wrong = run_blocks(connector, expected_layout(connector, seen[name], VALID, reverse=True))
            # the check can tell the two orders apart on this model ...
            assert (right - wrong).abs().max() > MIN_BUGGY_DIFF, name
            # ... and the connectors produce the correct one
            diff = (out - right).abs().max().item()
            assert diff <= ATOL, f"{name}: prompt tokens reordered (max |diff| {diff:.3g} from the in-order layout)"


def _reverse_valid_tokens(monkeypatch) -> None:
    """Simulates #13564 on the installed connectors: valid tokens first, in reverse order."""
    from diffusers.pipelines.ltx2 import connectors as module

    original = module.LTX2ConnectorTransformer1d.forward

    def buggy(self, hidden_states, attention_mask=None, attn_mask_binarize_threshold=-9000.0):
        batch, seq_len, _ = hidden_states.shape
        valid = (attention_mask >= attn_mask_binarize_threshold).reshape(batch, seq_len)
        registers = self.learnable_registers.repeat(seq_len // self.num_learnable_registers, 1)
        # flipping a left-padded sequence puts its valid tokens first, last token first
        front = (torch.arange(seq_len) < valid.sum(dim=1, keepdim=True)).unsqueeze(-1)
        layout = torch.where(front, hidden_states.flip(1), registers.unsqueeze(0).to(hidden_states.dtype))
        # with an all-valid mask the installed register step leaves the layout as it is
        return original(self, layout, torch.zeros_like(attention_mask))

    monkeypatch.setattr(module.LTX2ConnectorTransformer1d, "forward", buggy)


@pytest.mark.parametrize("arch", ARCHES)
def test_left_padded_prompt_keeps_its_token_order(arch):
    import diffusers

    assert tuple(int(p) for p in diffusers.__version__.split(".")[:2]) >= (0, 39), diffusers.__version__
    assert_prompt_order_kept(_connectors(arch))


@pytest.mark.parametrize("arch", ARCHES)
def test_the_check_fails_on_the_reversed_order_of_13564(arch, monkeypatch):
    connectors = _connectors(arch)
    _reverse_valid_tokens(monkeypatch)
    with pytest.raises(AssertionError, match="prompt tokens reordered"):
        assert_prompt_order_kept(connectors)


@pytest.mark.parametrize("arch", ARCHES)
def test_an_all_valid_prompt_is_left_as_it_is(arch):
    """No padding: no register enters, so the output is the blocks on the prompt itself."""
    connectors = _connectors(arch)
    embeds = torch.randn(1, SEQ_LEN, CAPTION_CHANNELS * (TEXT_LAYERS + 1), generator=torch.Generator().manual_seed(2))
    seen = _capture_connector_inputs(connectors)
    with torch.no_grad():
        _, audio, _ = connectors(embeds, torch.ones(1, SEQ_LEN), padding_side="left")
        expected = run_blocks(connectors.audio_connector, seen["audio_connector"])
    assert (audio - expected).abs().max() <= ATOL


@pytest.mark.fork
@pytest.mark.parametrize("arch", ARCHES)
def test_ai_toolkit_pads_prompts_on_the_left_as_the_connectors_expect(arch, fork):
    """The premise: ai-toolkit's pad_embeds left-pads to 1024, and the padded prompt keeps its order."""
    from extensions_built_in.diffusion_models.ltx2.ltx2 import LTX2Model
    from toolkit.prompt_utils import PromptEmbeds

    n = VALID[1]
    tokens = torch.randn(1, n, CAPTION_CHANNELS * (TEXT_LAYERS + 1), generator=torch.Generator().manual_seed(3))
    embeds = PromptEmbeds([tokens.clone(), None], attention_mask=torch.ones(1, n, dtype=torch.long))
    padded = LTX2Model.pad_embeds(None, embeds)
    assert padded.text_embeds.shape[1] == SEQ_LEN
    assert torch.equal(padded.text_embeds[0, SEQ_LEN - n:], tokens[0])
    assert padded.attention_mask[0].tolist() == [0] * (SEQ_LEN - n) + [1] * n

    connectors = _connectors(arch)
    seen = _capture_connector_inputs(connectors)
    with torch.no_grad():
        video, _, _ = connectors(padded.text_embeds, padded.attention_mask.float(), padding_side="left")
        expected = run_blocks(connectors.video_connector,
                              expected_layout(connectors.video_connector, seen["video_connector"], [n]))
    assert (video - expected).abs().max() <= ATOL
