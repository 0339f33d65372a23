"""Reference versions of what lesson 11 has the student write.

* ``nudged_gradients``: the gradient of a loss by nudging one parameter at a time, with the
  forward difference: one forward pass for L(p), then one per parameter.
* ``make_batches``: a shuffled order of the data points, cut into mini-batches.

Import them as ``from micrograd.teaching.efficiency import nudged_gradients, make_batches``.
"""

__all__ = ["make_batches", "nudged_gradients"]


def nudged_gradients(loss, parameters, h=1e-6):
    """dL/dp for each p in ``parameters``, by the forward difference (L(p + h) - L(p)) / h.

    ``loss()`` runs a forward pass and returns the loss as a number. It is called once for
    L(p), which is the same for every parameter, then once for each parameter with only that
    one nudged: ``len(parameters) + 1`` forward passes in all. Each parameter's ``data`` is
    put back exactly as it was before the next one is nudged.
    """
    loss_before = loss()
    grads = []
    for p in parameters:
        original = p.data
        p.data = original + h
        grads.append((loss() - loss_before) / h)
        p.data = original
    return grads


def make_batches(order, batch_size):
    """The indices ``order`` cut into consecutive batches of ``batch_size``, as lists.

    The last batch is shorter when ``batch_size`` does not divide the number of points; every
    index of ``order`` is in exactly one batch, in the order of ``order``.
    """
    order = list(order)
    return [order[start:start + batch_size] for start in range(0, len(order), batch_size)]
