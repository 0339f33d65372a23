"""Bad input gets a clear error that says what was expected and what was given."""

import random

import numpy as np
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


def test_an_int_too_large_for_a_float_says_so():
    with pytest.raises(OverflowError, match=r"a float can hold .*got an int of about 10\*\*400"):
        Value(10**400)


def test_a_numpy_array_fails_the_same_way_on_either_side_of_an_operator():
    zero_d = np.array(2.0)
    for make in (lambda: Value(3.0) + zero_d, lambda: zero_d + Value(3.0),
                 lambda: Value(3.0) * zero_d, lambda: zero_d * Value(3.0),
                 lambda: zero_d - Value(3.0), lambda: zero_d / Value(3.0)):
        with pytest.raises(TypeError, match=r"expected a Value or a number, got an array "
                                            r"\(ndarray\) of shape \(\); take its number out"):
            make()
    with pytest.raises(TypeError, match=r"got an array \(ndarray\) of shape \(2,\)"):
        np.array([1.0, 2.0]) * Value(3.0)


def test_numpy_numbers_work_on_either_side_of_an_operator():
    for number in (np.float64(2.0), np.int64(2), np.float32(2.0)):
        assert (Value(3.0) * number).data == (number * Value(3.0)).data == 6.0
        assert isinstance(number + Value(3.0), Value) and isinstance(Value(3.0) - number, Value)


def test_nonlin_must_be_a_bool():
    with pytest.raises(TypeError, match="nonlin must be True .* or False .*got 'tanh' "
                                        r"\(for that, use activation='tanh'\)"):
        Neuron(2, nonlin="tanh")
    with pytest.raises(TypeError, match="nonlin must be True .* or False .*got None"):
        Neuron(2, nonlin=None)
    with pytest.raises(TypeError, match="nonlin must be"):
        Layer(2, 3, nonlin="relu")


@pytest.mark.parametrize("nouts, given", [(None, "NoneType None"), (3, "int 3"),
                                          ("16", "str '16'"), ({16, 1}, "set"),
                                          (np.array(3), r"an array \(ndarray\) of shape \(\)")])
def test_mlp_sizes_that_are_not_a_list_of_sizes(nouts, given):
    with pytest.raises(TypeError, match=f"nouts must be a list of layer sizes.*got {given}"):
        MLP(2, nouts)


def test_mlp_sizes_that_are_not_whole_numbers():
    with pytest.raises(TypeError, match="each size in nouts must be a positive whole number; "
                                        "got float 2.5"):
        MLP(2, [16, 2.5])
    with pytest.raises(ValueError, match="each size in nouts must be a positive whole number; "
                                         "got 0"):
        MLP(2, [16, 0])
    with pytest.raises(TypeError, match="nin must be a positive whole number; got float 2.0"):
        MLP(2.0, [1])
    with pytest.raises(ValueError, match="nouts must name at least one layer"):
        MLP(2, iter([]))


def test_module_input_that_has_no_order_or_no_items():
    model = MLP(2, [1], rng=0)
    with pytest.raises(TypeError, match=r"expects a list of 2 numbers or Values; got set"):
        model({1.0, 2.0})
    with pytest.raises(TypeError, match=r"expects a list of 2 numbers or Values; got an array "
                                        r"\(ndarray\) of shape \(\)"):
        model(np.array(1.0))
    with pytest.raises(TypeError, match=r"expects numbers or Values as inputs; got an array"):
        model([np.array(1.0), np.array(2.0)])
