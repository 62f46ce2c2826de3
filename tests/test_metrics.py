import pytest

from extractors.evaluate.metrics import PRF, bcubed


def test_prf():
    m = PRF()
    m.add(3, 4, 6)
    assert (m.tp, m.fp, m.fn) == (3, 1, 3)
    assert m.p == pytest.approx(0.75) and m.r == pytest.approx(0.5) and m.f1 == pytest.approx(0.6)
    assert PRF().f1 == 0.0


@pytest.mark.parametrize(
    "gold, pred, expected",
    [
        ({1: "a", 2: "a", 3: "b"}, {1: "x", 2: "x", 3: "y"}, (1.0, 1.0, 1.0)),
        # everything in one cluster: precision falls
        ({1: "a", 2: "a", 3: "b", 4: "b"}, {1: "x", 2: "x", 3: "x", 4: "x"}, (0.5, 1.0, 2 / 3)),
        # all singletons: recall falls
        ({1: "a", 2: "a"}, {}, (1.0, 0.5, 2 / 3)),
    ],
)
def test_bcubed(gold, pred, expected):
    assert bcubed(gold, pred) == pytest.approx(expected)
