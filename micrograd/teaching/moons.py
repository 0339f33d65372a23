"""Lesson 10's references: the loss and one training step of micrograd's moons demo.

The "your turn" cells of lesson 10 fall back on these until the student's code passes. They
are the demo's lines: a max-margin (SVM) loss with L2 regularization and the accuracy, from
one forward pass; then zero_grad, backward and an update with a learning rate that shrinks
from 1.0 towards 0.1.
"""


def loss_and_accuracy(model, inputs, targets, alpha=1e-4):
    """The loss L (a Value) and the accuracy (a number from 0 to 1) on the points.

    L = mean over the points of max(0, 1 - y·s), plus alpha times the sum of p² over the
    model's parameters, where s = model(x) is a point's score and y = ±1 its target. The
    accuracy is the fraction of points whose score has the sign of their target.
    """
    scores = [model(x) for x in inputs]
    margins = [(1 - t * s).relu() for t, s in zip(targets, scores)]
    data_loss = sum(margins) * (1.0 / len(margins))
    reg_loss = alpha * sum(p * p for p in model.parameters())
    right = [(s.data > 0) == (t > 0) for t, s in zip(targets, scores)]
    return data_loss + reg_loss, sum(right) / len(right)


def train_step(model, inputs, targets, k, steps):
    """Step k of a run of ``steps`` steps: forward, zero_grad, backward, update.

    The learning rate is 1.0 - 0.9·k/steps. Returns the loss and the accuracy of the
    forward pass, that is, from before the update.
    """
    total_loss, accuracy = loss_and_accuracy(model, inputs, targets)
    model.zero_grad()
    total_loss.backward()
    learning_rate = 1.0 - 0.9 * k / steps
    for p in model.parameters():
        p.data -= learning_rate * p.grad
    return total_loss, accuracy
