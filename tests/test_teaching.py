"""micrograd.teaching, the lessons' reference code, agrees with the package: the network's
outputs and gradients, the loss, and training step by step."""

import random

import pytest

import micrograd
from micrograd import teaching


def package_mlp(seed, nin=3, nouts=(4, 4, 1)):
    return micrograd.MLP(nin, list(nouts), activation="tanh", output_activation="tanh", rng=seed)


def same_numbers(ours, theirs, tol=1e-12):
    return all(abs(a.data - b.data) <= tol and abs(a.grad - b.grad) <= tol
               for a, b in zip(ours, theirs, strict=True))


@pytest.mark.parametrize("nin, nouts, seed", [(3, (4, 4, 1), 1337), (2, (3, 1), 7), (4, (5,), 0)])
def test_the_mlp_gives_the_packages_outputs_and_gradients(nin, nouts, seed):
    theirs = package_mlp(seed, nin, nouts)
    ours = teaching.copy_parameters(theirs, teaching.MLP(nin, list(nouts)))
    assert len(ours.parameters()) == len(theirs.parameters())
    x = [0.5 * (i + 1) * (-1) ** i for i in range(nin)]
    out_ours, out_theirs = ours(x), theirs(x)
    outs_ours = out_ours if isinstance(out_ours, list) else [out_ours]
    outs_theirs = out_theirs if isinstance(out_theirs, list) else [out_theirs]
    assert same_numbers(outs_ours, outs_theirs)
    sum(outs_ours[1:], outs_ours[0]).backward()
    sum(outs_theirs[1:], outs_theirs[0]).backward()
    assert same_numbers(ours.parameters(), theirs.parameters())


def test_the_lecture_mlp_has_41_parameters_and_a_single_output():
    random.seed(0)
    model = teaching.MLP(3, [4, 4, 1])
    assert len(model.parameters()) == 41
    assert len({id(p) for p in model.parameters()}) == 41
    assert isinstance(model([2.0, 3.0, -1.0]), teaching.Value)


def test_a_neuron_is_tanh_of_w_dot_x_plus_b_with_random_weights_first():
    random.seed(3)
    draws = [random.uniform(-1, 1) for _ in range(3)]
    random.seed(3)
    neuron = teaching.Neuron(2)
    assert [p.data for p in neuron.parameters()] == draws  # w1, w2, then b
    theirs = micrograd.Neuron(2, activation="tanh")
    teaching.copy_parameters(theirs, neuron)
    out, expected = neuron([1.5, -2.0]), theirs([1.5, -2.0])
    out.backward()
    expected.backward()
    assert same_numbers([out] + neuron.parameters(), [expected] + theirs.parameters())


def test_a_layer_of_one_neuron_returns_its_output_itself():
    assert isinstance(teaching.Layer(3, 1)([1.0, 2.0, 3.0]), teaching.Value)
    assert len(teaching.Layer(3, 2)([1.0, 2.0, 3.0])) == 2


def test_copy_parameters_needs_networks_of_the_same_size():
    with pytest.raises(ValueError, match="41 and 13"):
        teaching.copy_parameters(package_mlp(1), teaching.MLP(2, [3, 1]))


def test_zero_grad_resets_every_parameter():
    model = teaching.MLP(3, [4, 4, 1])
    model([1.0, 2.0, 3.0]).backward()
    assert any(p.grad != 0 for p in model.parameters())
    model.zero_grad()
    assert all(p.grad == 0 for p in model.parameters())


def test_the_squared_error_and_its_gradients_match_the_package():
    xs, ys = micrograd.tiny_dataset()
    theirs = package_mlp(1337)
    ours = teaching.copy_parameters(theirs, teaching.MLP(3, [4, 4, 1]))
    preds_ours, preds_theirs = [ours(x) for x in xs], [theirs(x) for x in xs]
    loss_ours = teaching.squared_error(preds_ours, ys)
    loss_theirs = sum((p - y) ** 2 for p, y in zip(preds_theirs, ys))
    assert loss_ours.data == pytest.approx(3.1407, abs=1e-4)
    loss_ours.backward()
    loss_theirs.backward()
    assert same_numbers(preds_ours + [loss_ours], preds_theirs + [loss_theirs])
    assert same_numbers(ours.parameters(), theirs.parameters())


@pytest.mark.parametrize("seed, learning_rate", [(1337, 0.1), (7, 0.05)])
def test_training_steps_match_the_packages_step_by_step(seed, learning_rate):
    xs, ys = micrograd.tiny_dataset()
    theirs = package_mlp(seed)
    ours = teaching.copy_parameters(theirs, teaching.MLP(3, [4, 4, 1]))
    losses = []
    for _ in range(5):
        loss_ours = teaching.train_step(ours, xs, ys, learning_rate)
        loss_theirs = sum((theirs(x) - y) ** 2 for x, y in zip(xs, ys))  # the package's loop
        theirs.zero_grad()
        loss_theirs.backward()
        for p in theirs.parameters():
            p.data -= learning_rate * p.grad
        assert abs(loss_ours.data - loss_theirs.data) <= 1e-12
        assert same_numbers(ours.parameters(), theirs.parameters())
        losses.append(loss_ours.data)
    assert all(later < earlier for earlier, later in zip(losses, losses[1:]))
