"""Tests for gcnn_teach.timing: candidates take turns, blocks of calls, threads restored."""

from __future__ import annotations

import pytest
import torch

from gcnn_teach.timing import Timing, time_calls, torch_threads


def test_candidates_take_turns_in_alternating_order():
    order = []
    timings = time_calls({"a": lambda: order.append("a"), "b": lambda: order.append("b")}, repeats=3, warmup=1)
    # warm-up round, then three timed rounds; the order is reversed every other round
    assert order == ["a", "b", "b", "a", "a", "b", "b", "a"]
    assert set(timings) == {"a", "b"} and all(len(t.seconds) == 3 for t in timings.values())


def test_blocks_of_calls_give_seconds_per_call():
    ticks = iter(range(1000))
    calls = []
    timings = time_calls({"a": lambda: calls.append(1)}, repeats=2, warmup=0, number=4,
                         clock=lambda: float(next(ticks) * 8))  # every block lasts 8 "seconds"
    assert len(calls) == 8
    assert timings["a"].seconds == (2.0, 2.0)  # 8 seconds / 4 calls


def test_sync_ends_every_block_and_grad_is_optional():
    synced, grad = [], []
    time_calls({"a": lambda: grad.append(torch.is_grad_enabled())}, repeats=2, warmup=1, sync=lambda: synced.append(1))
    assert len(synced) == 3 and grad == [False] * 3
    grad.clear()
    time_calls({"a": lambda: grad.append(torch.is_grad_enabled())}, repeats=1, warmup=0, no_grad=False)
    assert grad == [True]


def test_threads_are_set_and_restored_even_on_error():
    before = torch.get_num_threads()
    seen = []
    time_calls({"a": lambda: seen.append(torch.get_num_threads())}, repeats=1, warmup=0, threads=1)
    assert seen == [1] and torch.get_num_threads() == before
    with pytest.raises(RuntimeError, match="boom"):
        with torch_threads(1):
            raise RuntimeError("boom")
    assert torch.get_num_threads() == before
    with torch_threads(None):
        assert torch.get_num_threads() == before


def test_timing_summary():
    timing = Timing((0.003, 0.001, 0.002))
    assert timing.best == 0.001 and timing.median == 0.002
    assert str(timing) == "median 2.00 ms (best 1.00 ms, 3 runs)"
