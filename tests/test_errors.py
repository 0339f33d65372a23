"""Bad input gets a clear error that says what was expected and what was given."""

import random

import pytest

from micrograd import MLP, Layer, Neuron, Value, draw_dot


@pytest.mark.parametrize("bad, named", [("abc", "str"), (None, "NoneType"), ([1], "list"),
                                        (True, "bool"), (1 + 2j, "complex")])
def test_value_of_a_non_number_is_a_type_error_naming_it(bad, named):
    with pytest.raises(TypeError, match=f"expects a real number.*got {named}"):
        Value(bad)


def test_value_of_a_value_says_to_use_it_directly():
    with pytest.raises(TypeError, match="use it directly"):
        Value(Value(1.0))


def test_operators_with_a_non_number_name_it():
    with pytest.raises(TypeError, match=r"unsupported operand for \+.*got str"):
        Value(1.0) + "2"
    with pytest.raises(TypeError, match=r"unsupported operand for \*.*got list"):
        [2] * Value(1.0)
    with pytest.raises(TypeError, match="exponent"):
        Value(2.0) ** "2"


@pytest.mark.parametrize("x", [0.0, -1.0])
def test_log_of_a_non_positive_number(x):
    with pytest.raises(ValueError, match=f"log needs a positive number; got {x}"):
        Value(x).log()


def test_zero_to_a_negative_power():
    with pytest.raises(ZeroDivisionError, match="0 cannot be raised to a negative power"):
        Value(0.0) ** -1


def test_division_by_zero():
    with pytest.raises(ZeroDivisionError, match="division by zero"):
        Value(1.0) / 0
    with pytest.raises(ZeroDivisionError, match="division by zero"):
        1.0 / Value(0.0)


def test_negative_number_to_a_fractional_power():
    with pytest.raises(ValueError, match="not a real number"):
        Value(-8.0) ** 0.5


def test_value_exponent_needs_a_positive_base():
    with pytest.raises(ValueError, match="positive base"):
        Value(-2.0) ** Value(2.0)


def test_overflow_says_so():
    with pytest.raises(OverflowError, match=r"exp\(1000.0\) is too large"):
        Value(1000.0).exp()
    with pytest.raises(OverflowError, match=r"\(1e\+200\) \*\* 2 is too large"):
        Value(1e200) ** 2


def test_mlp_with_the_wrong_number_of_inputs():
    model = MLP(3, [4, 4, 1], rng=0)
    with pytest.raises(ValueError, match=r"MLP\(3, \[4, 4, 1\]\) expects 3 inputs, got 2"):
        model([1.0, 2.0])


def test_neuron_and_layer_with_the_wrong_number_of_inputs():
    with pytest.raises(ValueError, match=r"ReLUNeuron\(2\) expects 2 inputs, got 3"):
        Neuron(2, rng=0)([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match=r"Layer\(2, 3\) expects 2 inputs, got 1"):
        Layer(2, 3, rng=0)([1.0])


def test_module_input_that_is_not_a_list():
    with pytest.raises(TypeError, match="expects a list of 2 numbers or Values; got str"):
        Neuron(2, rng=0)("ab")
    with pytest.raises(TypeError, match="expects a list of 2 numbers or Values; got dict"):
        MLP(2, [1], rng=0)({"a": 1})
    with pytest.raises(TypeError, match="expects numbers or Values as inputs; got str"):
        MLP(2, [1], rng=0)(["a", "b"])


def test_bad_module_arguments():
    with pytest.raises(ValueError, match="activation must be one of"):
        Neuron(2, activation="softmax")
    with pytest.raises(ValueError, match="nin must be a positive whole number; got 0"):
        Neuron(0)
    with pytest.raises(TypeError, match="nouts must be a list of layer sizes"):
        MLP(2, 3)
    with pytest.raises(TypeError, match="rng must be None, an int seed or a random.Random"):
        MLP(2, [1], rng="seed")
    assert MLP(2, [1], rng=random.Random(0))  # the accepted kinds work


@pytest.mark.parametrize("bad", [1.0, None, [Value(1.0)], "L"])
def test_draw_dot_of_something_that_is_not_a_value(bad):
    with pytest.raises(TypeError, match="draw_dot expects a Value, got"):
        draw_dot(bad)


def test_a_value_power_too_large_says_so():
    with pytest.raises(OverflowError, match=r"\(10.0\) \*\* 1000 is too large"):
        Value(10.0) ** Value(1000.0)
