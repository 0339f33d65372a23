"""The autograd engine: a scalar ``Value`` that remembers how it was made.

Every operation does two things at once, side by side in its code:

* the forward pass: it computes the output number, ``out.data``;
* the local derivatives: for each input ``x`` it stores d(out)/d(x), computed right now
  while the numbers are at hand.

``backward()`` then needs only one rule, the chain rule, applied node by node from the
output back to the inputs::

    input.grad += (local derivative) * (output.grad)

Storing numbers instead of a closure per node (as micrograd 0.1.0 does) keeps the graph
free of reference cycles, so Python frees it as soon as the last reference goes, without
waiting for the cyclic garbage collector. That is most of why this engine is fast.
"""

import math
from numbers import Real


class Value:
    """A scalar that remembers how it was made.

    Attributes:
        data: the number itself, a float.
        grad: dL/d(this value) for the L that ``backward()`` was last called on; 0.0 until then.
        label: an optional name, used when printing and drawing.
        _prev: the values this one was made from, in order (empty for a leaf).
        _op: the operation that made it, such as ``'+'`` or ``'tanh'`` (empty for a leaf).
        _local_grads: d(this value)/d(child) for each child in ``_prev``, in the same order.
    """

    __slots__ = ("data", "grad", "label", "_prev", "_op", "_local_grads")

    def __init__(self, data, _children=(), _op="", label="", _local_grads=()):
        self.data = data if type(data) is float else _to_float(data)
        self.grad = 0.0
        self.label = label
        self._prev = tuple(_children)
        self._op = _op
        self._local_grads = tuple(_local_grads)

    def __repr__(self):
        label = f", label={self.label!r}" if self.label else ""
        return f"Value(data={self.data!r}, grad={self.grad!r}{label})"

    # ----- operations: each computes its output and its local derivatives ------------------

    def __add__(self, other):
        """out = self + other.   d(out)/d(self) = 1,  d(out)/d(other) = 1."""
        other = as_value(other, "+")
        return Value(self.data + other.data, (self, other), "+", _local_grads=(1.0, 1.0))

    def __mul__(self, other):
        """out = self * other.   d(out)/d(self) = other,  d(out)/d(other) = self."""
        other = as_value(other, "*")
        return Value(self.data * other.data, (self, other), "*",
                     _local_grads=(other.data, self.data))

    def __pow__(self, exponent):
        """out = self ** k.

        For a number k:   d(out)/d(self) = k * self**(k-1).
        For a Value k:    also d(out)/d(k) = out * log(self), which needs self > 0.
        """
        if isinstance(exponent, Value):
            return _pow_value(self, exponent)
        if isinstance(exponent, bool) or not isinstance(exponent, Real):
            raise TypeError(f"** expects an int, a float or a Value as the exponent; "
                            f"got {type(exponent).__name__} {exponent!r}")
        k = float(exponent)
        x = self.data
        if x == 0.0 and k < 0:
            raise ZeroDivisionError(f"0 cannot be raised to a negative power (here {exponent})")
        if x < 0 and not k.is_integer():
            raise ValueError(f"a negative number to a fractional power is not a real number: "
                             f"({x}) ** {exponent}")
        out = _float_power(x, k)
        if x == 0.0 and k < 1:  # x**(k-1) would divide by zero: the slope at 0 is 0 or infinite
            local_grad = 0.0 if k == 0 else math.inf
        else:
            local_grad = k * x ** (k - 1)
        return Value(out, (self,), f"**{exponent}", _local_grads=(local_grad,))

    def exp(self):
        """out = e**self.   d(out)/d(self) = e**self = out."""
        try:
            out = math.exp(self.data)
        except OverflowError:
            raise OverflowError(f"exp({self.data}) is too large for a float") from None
        return Value(out, (self,), "exp", _local_grads=(out,))

    def log(self):
        """out = ln(self), the natural logarithm.   d(out)/d(self) = 1 / self."""
        if self.data <= 0:
            raise ValueError(f"log needs a positive number; got {self.data}")
        return Value(math.log(self.data), (self,), "log", _local_grads=(1.0 / self.data,))

    def tanh(self):
        """out = tanh(self) = (e**2x - 1) / (e**2x + 1).   d(out)/d(self) = 1 - out**2.

        math.tanh stays finite for any input: tanh(1000) is 1.0.
        """
        t = math.tanh(self.data)
        return Value(t, (self,), "tanh", _local_grads=(1.0 - t * t,))

    def sigmoid(self):
        """out = 1 / (1 + e**-self).   d(out)/d(self) = out * (1 - out)."""
        x = self.data
        if x >= 0:  # two forms, so that e**(large) is never computed
            s = 1.0 / (1.0 + math.exp(-x))
        else:
            e = math.exp(x)
            s = e / (1.0 + e)
        return Value(s, (self,), "sigmoid", _local_grads=(s * (1.0 - s),))

    def relu(self):
        """out = max(0, self).   d(out)/d(self) = 1 if self > 0 else 0."""
        if self.data > 0:
            return Value(self.data, (self,), "ReLU", _local_grads=(1.0,))
        return Value(0.0, (self,), "ReLU", _local_grads=(0.0,))

    # ----- operations built from the ones above ---------------------------------------------

    def __neg__(self):  # -self
        return self * -1

    def __sub__(self, other):  # self - other
        return self + (-as_value(other, "-"))

    def __truediv__(self, other):  # self / other = self * other**-1
        other = as_value(other, "/")
        if other.data == 0:
            raise ZeroDivisionError(f"division by zero: {self.data} / 0")
        return self * other ** -1

    def __radd__(self, other):  # other + self
        return self + other

    def __rsub__(self, other):  # other - self
        return as_value(other, "-") + (-self)

    def __rmul__(self, other):  # other * self
        return self * other

    def __rtruediv__(self, other):  # other / self
        return as_value(other, "/") / self

    def __rpow__(self, other):  # other ** self
        return as_value(other, "**") ** self

    # ----- backpropagation --------------------------------------------------------------------

    def _backward(self):
        """Pass this value's gradient to its children: the chain rule at one node."""
        grad = self.grad
        if grad == 0.0:
            return  # nothing to pass on: every child would get local_grad * 0
        for child, local_grad in zip(self._prev, self._local_grads):
            child.grad += local_grad * grad

    def backward(self):
        """Fill in ``grad`` of every value this one was made from: d(self)/d(value).

        The base case is d(self)/d(self) = 1. Then each node, taken after every node that
        uses it (reverse topological order), passes its gradient down to its children.
        Gradients accumulate with +=, so a value used twice gets both contributions; call
        ``zero_grad()`` (or set ``grad = 0``) before a second backward pass.
        """
        self.grad = 1.0
        for node in reversed(topological_order(self)):
            node._backward()


def topological_order(root):
    """Every value that ``root`` depends on, ``root`` included, each after its children.

    A depth-first search with an explicit stack instead of recursion, so that a chain of a
    million values does not hit Python's recursion limit. Each stack entry is a node and
    an iterator over the children it has still to visit.
    """
    order, visited = [], {root}
    stack = [(root, iter(root._prev))]
    while stack:
        node, children = stack[-1]
        for child in children:
            if child not in visited:
                visited.add(child)
                stack.append((child, iter(child._prev)))
                break  # go deeper first; node's other children wait on the stack
        else:  # every child of node is in order already, so node can follow them
            stack.pop()
            order.append(node)
    return order


def dot(weights, inputs, bias):
    """One node for a neuron's weighted sum: out = bias + sum_i w_i * x_i.

    Local derivatives: d(out)/d(w_i) = x_i,  d(out)/d(x_i) = w_i,  d(out)/d(bias) = 1.
    It computes the same number as building the sum from + and * nodes (in the same
    order), with one node instead of 2n + 1: a node can be as big as we like, as long as
    its forward and backward agree. ``weights`` and ``inputs`` are lists of Values.
    """
    w_data = [w.data for w in weights]
    x_data = [x.data for x in inputs]
    total = bias.data
    for w, x in zip(w_data, x_data):
        total += w * x
    return Value(total, (*weights, *inputs, bias), "w*x+b", _local_grads=(*x_data, *w_data, 1.0))


def _pow_value(base, exponent):
    """out = base ** exponent, both Values.  d/d(base) = k * base**(k-1),  d/dk = out * ln(base)."""
    x, k = base.data, exponent.data
    if x <= 0:
        raise ValueError(f"a Value exponent needs a positive base, since d(out)/d(exponent) "
                         f"= out * log(base); got base {x}")
    out = _float_power(x, k)
    return Value(out, (base, exponent), "**", _local_grads=(k * x ** (k - 1), out * math.log(x)))


def _float_power(x, k):
    """x ** k as a float, with a plain-words error where it is too large for one."""
    try:
        return x ** k
    except OverflowError:
        raise OverflowError(f"({x}) ** {k:g} is too large for a float") from None


def _to_float(data):
    """The number inside a new Value, as a float; a clear TypeError for anything else."""
    if isinstance(data, Real) and not isinstance(data, bool):
        return float(data)
    if isinstance(data, Value):
        raise TypeError(f"Value() expects a number, got a Value ({data!r}); use it directly")
    raise TypeError(f"Value() expects a real number (int or float), got "
                    f"{type(data).__name__} {data!r}")


def as_value(other, op):
    """``other`` as a Value, so that plain numbers work on either side of an operator."""
    if isinstance(other, Value):
        return other
    if isinstance(other, Real) and not isinstance(other, bool):
        return Value(other)
    raise TypeError(f"unsupported operand for {op}: expected a Value or a number, "
                    f"got {type(other).__name__} {other!r}")
