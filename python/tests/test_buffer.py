"""The replay buffer's bounds: payload bytes and age, oldest evicted first."""

from agentcore_delivery.buffer import ReplayBuffer
from fakes import FakeClock


def fill(buffer, count, payload="x" * 10):
    for seq in range(1, count + 1):
        buffer.append(seq, f"{seq}:{payload}", len(payload))


def test_byte_bound_evicts_the_oldest_first():
    buffer = ReplayBuffer(FakeClock(), max_bytes=35)
    fill(buffer, 5)
    assert buffer.oldest_seq() == 3
    assert buffer.payload_bytes == 30
    assert list(buffer.frames_after(0)) == ["3:" + "x" * 10, "4:" + "x" * 10, "5:" + "x" * 10]


def test_age_bound_evicts_what_is_older_than_the_maximum():
    clock = FakeClock()
    buffer = ReplayBuffer(clock, max_age_s=300)
    buffer.append(1, "1:a", 1)
    clock.now += 200
    buffer.append(2, "2:b", 1)
    clock.now += 100
    buffer.evict()
    assert buffer.oldest_seq() == 1  # exactly 300 s old is still kept
    clock.now += 0.001
    buffer.evict()
    assert buffer.oldest_seq() == 2
    clock.now += 200
    buffer.evict()
    assert len(buffer) == 0 and buffer.payload_bytes == 0


def test_drop_through_removes_what_the_client_has():
    buffer = ReplayBuffer(FakeClock())
    fill(buffer, 4)
    buffer.drop_through(2)
    assert buffer.oldest_seq() == 3
    buffer.drop_through(10)
    assert buffer.oldest_seq() is None
