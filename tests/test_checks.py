"""micrograd.checks: a sentence when a claim holds, a clear failure when it does not."""

import math

import pytest

from micrograd import Value
from micrograd.checks import (
    CheckFailed,
    check_close,
    check_grads_agree,
    check_same_values,
    check_true,
)


def test_check_close_says_so_when_it_holds(capsys):
    check_close("L", -8.0000000001, -8.0)
    assert capsys.readouterr().out == "✓ L is -8.0000, as expected\n"


def test_check_close_explains_a_wrong_number():
    with pytest.raises(CheckFailed, match=r"L is -7\.0000, but it should be -8\.0000 "
                                          r"\(they differ by 1"):
        check_close("L", -7.0, -8.0)


def test_check_close_with_a_tolerance_and_digits(capsys):
    check_close("the slope at x = 3", 14.00300000000243, 14.003, tol=1e-9, digits=3)
    assert capsys.readouterr().out == "✓ the slope at x = 3 is 14.003, as expected\n"
    with pytest.raises(CheckFailed):
        check_close("the slope", 14.003, 14.0, tol=1e-3)


def test_a_nan_never_passes():
    with pytest.raises(CheckFailed, match="nan"):
        check_close("the loss", math.nan, 0.0, tol=math.inf)


@pytest.mark.parametrize("bad", ["8", None, [8.0], True])
def test_check_close_refuses_what_is_not_a_number(bad):
    with pytest.raises(TypeError, match="expects L to be a number"):
        check_close("L", bad, 8.0)


def test_check_true(capsys):
    check_true("a.grad is 2: both uses count", 2.0 == 2.0)
    assert capsys.readouterr().out == "✓ a.grad is 2: both uses count\n"
    with pytest.raises(CheckFailed, match=r"Not so: a.grad is 2 \(it is 1: use \+=\)"):
        check_true("a.grad is 2", False, "it is 1: use +=")
    with pytest.raises(TypeError, match="True or False"):
        check_true("a claim", 1)


def test_check_grads_agree_names_the_inputs(capsys):
    check_grads_agree(lambda a, b, c, f: (a * b + c) * f, [2.0, -3.0, 10.0, -2.0],
                      names="abcf")
    assert capsys.readouterr().out == (
        "✓ backward() agrees with nudging on all 4 inputs (a, b, c, f)\n")


def test_check_grads_agree_says_which_input_disagrees():
    # x.data is a plain number: the graph forgets that it came from x, so backward()
    # misses one path from x to the output, while nudging x still moves the output
    def f(x, y):
        return x * y + x.data

    with pytest.raises(CheckFailed, match=r"disagree at x: backward 3\.0"):
        check_grads_agree(f, [2.0, 3.0], names=["x", "y"])


def test_check_same_values(capsys):
    ours = [Value(1.0), Value(2.0)]
    theirs = [Value(1.0), Value(2.0)]
    check_same_values(ours, theirs, ["a", "b"])
    assert capsys.readouterr().out == "✓ data and grad match the package for all 2 values (a, b)\n"
    theirs[1].grad = 0.5
    with pytest.raises(CheckFailed, match=r"b.grad is 0 here but 0.5 in the package"):
        check_same_values(ours, theirs, ["a", "b"])


def test_check_same_values_names_what_it_compared_with(capsys):
    by_hand, again = [Value(1.0)], [Value(1.0)]
    check_same_values(again, by_hand, ["a"], against="the pass by hand")
    assert capsys.readouterr().out == "✓ data and grad match the pass by hand for the value (a)\n"
    by_hand[0].grad = 2.0
    with pytest.raises(CheckFailed, match=r"a.grad is 0 here but 2 in the pass by hand"):
        check_same_values(again, by_hand, ["a"], against="the pass by hand")
