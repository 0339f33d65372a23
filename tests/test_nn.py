"""The neural-network API: shapes, parameters, activations, seeds, training."""

import random

import pytest

import micrograd
from micrograd import MLP, Layer, Neuron, Value, tiny_dataset
from micrograd.engine import topological_order


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


def test_one_neuron_is_two_nodes():
    out = Neuron(16, rng=0)([Value(1.0)] * 16)
    assert out._op == "ReLU" and out._prev[0]._op == "w*x+b"
    assert len(topological_order(out)) == 1 + 1 + 16 + 1 + 1  # relu, dot, w's, x, b


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
