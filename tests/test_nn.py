"""The neural-network API: shapes, parameters, activations, seeds, training."""

import random

import numpy as np
import pytest

import micrograd
from micrograd import MLP, Layer, Neuron, Value, tiny_dataset
from micrograd.engine import dot, topological_order


def test_parameter_counts_of_the_lessons():
    assert len(MLP(3, [4, 4, 1]).parameters()) == 41
    assert len(MLP(2, [16, 16, 1]).parameters()) == 337


def test_parameters_come_in_a_stable_order():
    model = MLP(2, [3, 1], rng=0)
    expected = []
    for layer in model.layers:
        for neuron in layer.neurons:
            expected += neuron.w + [neuron.b]
    assert model.parameters() == expected
    assert model.parameters() == model.parameters()


def test_a_seed_or_a_random_gives_the_same_weights():
    weights = [p.data for p in MLP(3, [4, 4, 1], rng=42).parameters()]
    assert weights == [p.data for p in MLP(3, [4, 4, 1], rng=random.Random(42)).parameters()]
    assert weights != [p.data for p in MLP(3, [4, 4, 1], rng=43).parameters()]
    random.seed(7)  # rng=None uses the random module, as micrograd 0.1.0 does
    first = [p.data for p in MLP(3, [4, 1]).parameters()]
    random.seed(7)
    assert first == [p.data for p in MLP(3, [4, 1]).parameters()]


def test_initialisation_matches_micrograd_0_1_0():
    rng = random.Random(1)
    neuron = Neuron(3, rng=random.Random(1))
    assert [w.data for w in neuron.w] == [rng.uniform(-1, 1) for _ in range(3)]
    assert neuron.b.data == 0.0


@pytest.mark.parametrize("activation, z_to_out", [
    ("tanh", lambda z: Value(z).tanh().data),
    ("relu", lambda z: max(0.0, z)),
    ("sigmoid", lambda z: Value(z).sigmoid().data),
    ("linear", lambda z: z),
])
def test_a_neuron_is_its_activation_of_w_dot_x_plus_b(activation, z_to_out):
    neuron = Neuron(3, activation=activation, rng=3)
    neuron.b.data = 0.25
    x = [1.0, -2.0, 0.5]
    z = 0.25 + sum(w.data * xi for w, xi in zip(neuron.w, x))
    assert neuron(x).data == pytest.approx(z_to_out(z), rel=1e-12)


def test_micrograd_0_1_0_defaults():
    assert repr(Neuron(2)) == "ReLUNeuron(2)"
    assert repr(Neuron(2, nonlin=False)) == "LinearNeuron(2)"
    model = MLP(2, [3, 1])
    assert [n.activation for n in model.layers[0].neurons] == ["relu"] * 3
    assert model.layers[-1].neurons[0].activation == "linear"
    assert repr(Layer(1, 2, nonlin=False)) == "Layer of [LinearNeuron(1), LinearNeuron(1)]"


def test_a_layer_returns_a_list_or_one_value():
    assert len(Layer(2, 3, rng=0)([1.0, 2.0])) == 3
    assert isinstance(Layer(2, 1, rng=0)([1.0, 2.0]), Value)


def test_an_inner_layer_of_one_neuron_works():
    model = MLP(2, [16, 1, 1], rng=0)
    out = model([0.5, -1.0])
    assert isinstance(out, Value)
    out.backward()


def test_inputs_may_be_numbers_values_or_a_tuple():
    model = MLP(2, [3, 1], rng=0)
    expected = model([1.0, 2.0]).data
    assert model((1, 2)).data == expected
    assert model([Value(1.0), Value(2.0)]).data == expected
    assert Neuron(1, rng=0)(3.0).data == Neuron(1, rng=0)([3.0]).data


def test_gradients_reach_every_parameter_and_zero_grad_resets_them():
    model = MLP(3, [4, 4, 1], activation="tanh", output_activation="tanh", rng=1)
    out = model([2.0, 3.0, -1.0])
    out.backward()
    assert all(p.grad != 0.0 for p in model.parameters())
    model.zero_grad()
    assert all(p.grad == 0.0 for p in model.parameters())


def test_a_relu_neuron_is_one_node_and_a_tanh_neuron_two():
    out = Neuron(16, rng=0)([Value(1.0)] * 16)
    assert out._op == "ReLU(w*x+b)"
    assert len(topological_order(out)) == 1 + 16 + 1 + 1  # the neuron, w's, x, b
    out = Neuron(16, activation="tanh", rng=0)([Value(1.0)] * 16)
    assert out._op == "tanh" and out._prev[0]._op == "w*x+b"
    assert len(topological_order(out)) == 1 + 1 + 16 + 1 + 1  # tanh, dot, w's, x, b


def test_a_relu_neuron_node_matches_dot_then_relu():
    for b in (0.5, -5.0):  # on, then off
        neuron = Neuron(3, rng=2)
        neuron.b.data = b
        x = [Value(1.0), Value(-2.0), Value(0.5)]
        fused = neuron(x)
        fused.backward()
        fused_grads = [v.grad for v in neuron.parameters() + x]
        for v in neuron.parameters() + x:
            v.grad = 0.0
        separate = dot(neuron.w, x, neuron.b).relu()
        separate.backward()
        assert fused.data == separate.data
        assert fused_grads == [v.grad for v in neuron.parameters() + x]


def test_none_as_an_mlp_activation_means_linear():
    model = MLP(2, [3, 1], output_activation=None, rng=0)
    assert model.layers[-1].neurons[0].activation == "linear"
    model = MLP(2, [3, 1], activation=None, output_activation="tanh", rng=0)
    assert [n.activation for n in model.layers[0].neurons] == ["linear"] * 3
    assert model.layers[-1].neurons[0].activation == "tanh"


def test_sizes_may_be_numpy_integers_an_iterator_or_an_array():
    expected = [p.data for p in MLP(2, [3, 1], rng=5).parameters()]
    for nin, nouts in [(np.int64(2), [np.int64(3), np.int32(1)]), (2, iter([3, 1])),
                       (2, (n for n in [3, 1])), (2, np.array([3, 1])), (2, range(3, 0, -2))]:
        model = MLP(nin, nouts, rng=5)
        assert [p.data for p in model.parameters()] == expected
        assert model.nin == 2 and type(model.nin) is int
    assert len(Layer(np.int64(2), np.int64(4), rng=np.int64(0)).neurons) == 4


def test_a_numpy_row_is_an_input():
    model = MLP(2, [3, 1], rng=0)
    X = np.array([[1.0, 2.0]])
    assert model(X[0]).data == model([1.0, 2.0]).data
    assert model([np.float64(1.0), np.int64(2)]).data == model([1.0, 2.0]).data


def test_parameters_of_a_trained_model_accumulate_without_zero_grad():
    """Leaves (the parameters) add up across backward passes; zero_grad starts them over."""
    model = MLP(2, [3, 1], rng=0)
    model([1.0, 2.0]).backward()
    once = [p.grad for p in model.parameters()]
    model([1.0, 2.0]).backward()
    assert [p.grad for p in model.parameters()] == [2 * g for g in once]
    model.zero_grad()
    model([1.0, 2.0]).backward()
    assert [p.grad for p in model.parameters()] == once


def test_training_the_lecture_network_reduces_the_loss():
    xs, ys = tiny_dataset()
    model = MLP(3, [4, 4, 1], activation="tanh", output_activation="tanh", rng=1337)

    def loss():
        return sum((model(x) - y) ** 2 for x, y in zip(xs, ys))

    first = loss().data
    for _ in range(30):
        total = loss()
        model.zero_grad()
        total.backward()
        for p in model.parameters():
            p.data -= 0.05 * p.grad
    assert loss().data < 0.1 * first
    assert all((model(x).data > 0) == (y > 0) for x, y in zip(xs, ys))


def test_common_names_import_from_the_package():
    for name in ["Value", "Module", "Neuron", "Layer", "MLP", "draw_dot", "check_grads"]:
        assert hasattr(micrograd, name)
    from micrograd.engine import Value as EngineValue
    from micrograd.nn import MLP as NnMLP
    assert EngineValue is Value and NnMLP is MLP


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid", "linear"])
def test_a_layer_gives_what_its_neurons_give_one_by_one(activation):
    layer = Layer(3, 4, activation=activation, rng=11)
    x = [Value(0.5), Value(-1.5), Value(2.0)]
    assert [v.data for v in layer(x)] == [n(x).data for n in layer.neurons]
