"""Training, as the lecture writes it: the squared-error loss and one step of gradient
descent on all the examples (forward → zero_grad → backward → update).

They work on any network with ``parameters()`` and ``zero_grad()`` whose outputs are Values:
the lessons' own ``micrograd.teaching.MLP`` and the package's ``micrograd.MLP`` alike.
"""


def squared_error(predictions, targets):
    """L = sum_i (prediction_i - target_i) ** 2, as a Value that backward() can start from.

    d L / d prediction_i = 2 (prediction_i - target_i).
    """
    return sum((p - y) ** 2 for p, y in zip(predictions, targets))


def train_step(model, xs, ys, learning_rate):
    """One step of gradient descent on all the examples; returns the loss before the step.

    p <- p - learning_rate * dL/dp, for every parameter p.
    """
    loss = squared_error([model(x) for x in xs], ys)  # 1. forward
    model.zero_grad()                                 # 2. zero_grad: backward() adds to grad
    loss.backward()                                   # 3. backward
    for p in model.parameters():                      # 4. update, against the gradient
        p.data -= learning_rate * p.grad
    return loss
