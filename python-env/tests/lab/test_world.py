import numpy as np

from ltx2_tools.lab.voice import world


def _peak_hz(wave: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(wave * np.hanning(len(wave))))
    return float(np.fft.rfftfreq(len(wave), 1 / world.SAMPLE_RATE)[spectrum.argmax()])


def test_each_voice_sounds_at_its_own_fundamental():
    for voice in world.VOICES:
        assert abs(_peak_hz(world.waveform(voice, seed=3)) - voice.f0) < 0.03 * voice.f0 + 25


def test_no_two_voices_share_a_band():
    f0s = sorted(v.f0 for v in world.VOICES)
    assert all(b / a > 1.6 for a, b in zip(f0s, f0s[1:]))


def test_clips_are_deterministic_per_seed_and_differ_across_seeds():
    v = world.BASE_VOICES[1]
    assert np.array_equal(world.waveform(v, 5), world.waveform(v, 5))
    assert not np.array_equal(world.waveform(v, 5), world.waveform(v, 6))
    assert np.array_equal(world.frames(v, 5), world.frames(v, 5))


def test_picture_follows_the_sound():
    v = world.BASE_VOICES[0]
    video = world.frames(v, 11).astype(float).mean(axis=(1, 2, 3))
    t = np.arange(world.NUM_FRAMES) / world.FPS
    wave_env = world.envelope(v.syllable_rate, world.CLIP_SECONDS, world.SAMPLE_RATE,
                              np.random.default_rng(11).uniform(size=2)[1])
    sampled = wave_env[(t * world.SAMPLE_RATE).astype(int)]
    assert np.corrcoef(video, sampled)[0, 1] > 0.99


def test_held_out_captions_use_only_unseen_words():
    train = " ".join(world.captions(world.BASE_VOICES[0], held_out=False))
    for c in world.captions(world.BASE_VOICES[0], held_out=True):
        verb, place = c.split(" ", 2)[1], c.split(" ", 2)[2]
        assert verb not in train and place not in train


def test_character_datasets_have_the_requested_mix():
    d1 = world.character_items(0, 4, 2, held_out=False, seed=0)
    d2 = world.character_items(3, 2, 1, held_out=False, seed=0)
    assert [(i.audio, i.still) for i in d1].count((False, False)) == 4
    assert sum(i.still for i in d1) == 2 and not any(i.audio for i in d1)
    assert sum(i.audio for i in d2) == 3
    assert all(world.TRIGGER in i.caption for i in d1 + d2)
    assert all(i.voice == world.CHARACTER for i in d1 + d2)
