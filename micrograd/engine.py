"""The autograd engine: a scalar ``Value`` that remembers how it was made.

Every operation does two things at once, side by side in its code:

* the forward pass: it computes the output number, ``out.data``;
* the local derivatives: for each input ``x`` it stores d(out)/d(x), computed right now
  while the numbers are at hand.

``backward()`` then needs only one rule, the chain rule, applied node by node from the
output back to the inputs::

    input.grad += (local derivative) * (output.grad)

Where the speed comes from (``bench/bench.py`` measures it against micrograd 0.1.0):

1. Storing numbers instead of a closure per node (as micrograd 0.1.0 does) keeps the graph
   free of reference cycles, so Python frees it as soon as the last reference goes,
   without waiting for the cyclic garbage collector. That is most of it.
2. Bigger nodes: a neuron's weighted sum is one node (``dot``), and a ReLU neuron is one
   node with its activation (``dot_relu``): fewer values to make, walk and free.
3. The zero skip: ``backward()`` does not walk an edge whose local derivative is 0, so a
   ReLU that is off (or a margin already met) cuts off everything behind it.
4. Less work per number: the multiply-adds of a neuron run inside ``sum(map(mul, ...))``,
   a layer reads its inputs' numbers once for all its neurons, and the operations make
   their Value with plain positional arguments.

A NaN (not a number) stays NaN through every operation, so a model whose numbers have
gone wrong shows it instead of looking healthy.
"""

import math
from numbers import Real
from operator import mul


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

    # numpy: let `array + value` call Value's own operators (and their clear errors), as
    # `value + array` does, instead of numpy applying + to every element.
    __array_ufunc__ = None

    def __init__(self, data, _children=(), _op="", _local_grads=(), label=""):
        self.data = data if type(data) is float else _to_float(data)
        self.grad = 0.0
        self.label = label
        self._prev = _children  # tuples, made by the operations below; never changed
        self._op = _op
        self._local_grads = _local_grads

    def __repr__(self):
        label = f", label={self.label!r}" if self.label else ""
        return f"Value(data={self.data!r}, grad={self.grad!r}{label})"

    # ----- operations: each computes its output and its local derivatives ------------------
    # Value(output, children, op, local derivatives): one local derivative per child.

    def __add__(self, other):
        """out = self + other.   d(out)/d(self) = 1,  d(out)/d(other) = 1."""
        other = as_value(other, "+")
        return Value(self.data + other.data, (self, other), "+", (1.0, 1.0))

    def __mul__(self, other):
        """out = self * other.   d(out)/d(self) = other,  d(out)/d(other) = self."""
        other = as_value(other, "*")
        return Value(self.data * other.data, (self, other), "*", (other.data, self.data))

    def __pow__(self, exponent):
        """out = self ** k.

        For a number k:   d(out)/d(self) = k * self**(k-1).
        For a Value k:    also d(out)/d(k) = out * log(self), which needs self > 0.
        """
        if isinstance(exponent, Value):
            return _pow_value(self, exponent)
        if isinstance(exponent, bool) or not isinstance(exponent, Real):
            raise TypeError(f"** expects an int, a float or a Value as the exponent; "
                            f"got {_describe(exponent)}")
        k = float(exponent)
        x = self.data
        if x == 0.0 and k < 0:
            raise ZeroDivisionError(f"0 cannot be raised to a negative power (here {exponent})")
        if x < 0 and k % 1 > 0:  # k has a fractional part (a NaN k is not caught: it stays NaN)
            raise ValueError(f"a negative number to a fractional power is not a real number: "
                             f"({x}) ** {exponent}")
        out = _float_power(x, k)
        if x == 0.0 and k < 1:  # x**(k-1) would divide by zero: the slope at 0 is 0 or infinite
            local_grad = 0.0 if k == 0 else math.inf
        else:
            local_grad = k * _float_power(x, k - 1)
        return Value(out, (self,), f"**{exponent}", (local_grad,))

    def exp(self):
        """out = e**self.   d(out)/d(self) = e**self = out."""
        try:
            out = math.exp(self.data)
        except OverflowError:
            raise OverflowError(f"exp({self.data}) is too large for a float") from None
        return Value(out, (self,), "exp", (out,))

    def log(self):
        """out = ln(self), the natural logarithm.   d(out)/d(self) = 1 / self."""
        if self.data <= 0:
            raise ValueError(f"log needs a positive number; got {self.data}")
        return Value(math.log(self.data), (self,), "log", (1.0 / self.data,))

    def tanh(self):
        """out = tanh(self) = (e**2x - 1) / (e**2x + 1).   d(out)/d(self) = 1 - out**2.

        math.tanh stays finite for any input: tanh(1000) is 1.0.
        """
        t = math.tanh(self.data)
        return Value(t, (self,), "tanh", (1.0 - t * t,))

    def sigmoid(self):
        """out = 1 / (1 + e**-self).   d(out)/d(self) = out * (1 - out)."""
        x = self.data
        if x >= 0:  # two forms, so that e**(large) is never computed
            s = 1.0 / (1.0 + math.exp(-x))
        else:
            e = math.exp(x)
            s = e / (1.0 + e)
        return Value(s, (self,), "sigmoid", (s * (1.0 - s),))

    def relu(self):
        """out = max(0, self).   d(out)/d(self) = 1 if self > 0 else 0.   NaN stays NaN."""
        x = self.data
        if x > 0:
            return Value(x, (self,), "ReLU", (1.0,))
        if x <= 0:
            return Value(0.0, (self,), "ReLU", (0.0,))
        return Value(x, (self,), "ReLU", (x,))  # NaN is neither > 0 nor <= 0

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

        Interior nodes (made by an operation) start again from 0, so calling ``backward()``
        twice on the same graph gives the same gradients twice. Leaves (values made by
        hand, such as a model's parameters) keep what they had and add to it, as in
        PyTorch: that is why a training loop calls ``zero_grad()`` before each backward.

        A shortcut: an edge whose local derivative is 0 passes nothing on (0 times anything
        is 0), so the walk does not follow it. Behind a ReLU that is off, a whole neuron is
        skipped; a node reached only through such edges keeps the gradient it had.
        """
        order = _backward_order(self)
        for node in order:
            node.grad = 0.0  # interior nodes only; leaves accumulate
        self.grad = 1.0
        for node in order:
            node._backward()


def _backward_order(root):
    """The interior nodes a gradient from ``root`` reaches, each before its children.

    The reverse of ``topological_order``, except that it follows an edge only when its
    local derivative is not 0, and it leaves out the leaves, which have nothing to pass on.
    """
    order, visited = [], {root}
    stack = [(root, zip(root._prev, root._local_grads))]
    while stack:
        node, edges = stack[-1]
        for child, local_grad in edges:
            if local_grad != 0.0 and child._prev and child not in visited:
                visited.add(child)
                stack.append((child, zip(child._prev, child._local_grads)))
                break  # go deeper first; node's other edges wait on the stack
        else:  # every child that needs node's gradient is in order already
            stack.pop()
            order.append(node)
    order.reverse()
    return order


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


def dot(weights, inputs, bias, x_data=None):
    """One node for a neuron's weighted sum: out = bias + sum_i w_i * x_i.

    Local derivatives: d(out)/d(w_i) = x_i,  d(out)/d(x_i) = w_i,  d(out)/d(bias) = 1.
    It computes the same number as building the sum from + and * nodes (in the same
    order; from Python 3.12 on, ``sum`` rounds less, so the last digit may differ), with
    one node instead of 2n (n products and n sums): a node can be as big as we like, as
    long as its forward and backward agree. ``weights`` and ``inputs`` are lists of
    Values; ``x_data``, the inputs' numbers, may be given by a caller that has read them
    already (a layer reads them once for all its neurons).
    """
    w_data = [w.data for w in weights]
    if x_data is None:
        x_data = [x.data for x in inputs]
    total = sum(map(mul, w_data, x_data), bias.data)  # b + w_1*x_1 + w_2*x_2 + ..., in C
    return Value(total, (*weights, *inputs, bias), "w*x+b", (*x_data, *w_data, 1.0))


def dot_relu(weights, inputs, bias, x_data=None):
    """A whole ReLU neuron as one node: out = max(0, z) with z = bias + sum_i w_i * x_i.

    Local derivatives: dot's, times ReLU's slope. Where z > 0 they are x_i, w_i and 1;
    where z <= 0 the neuron is off, out is 0 and every local derivative is 0, so
    ``backward()`` does not walk into it at all. One node instead of two (the sum, then
    the ReLU): half as many values to create, walk and free for every neuron.
    """
    w_data = [w.data for w in weights]
    if x_data is None:
        x_data = [x.data for x in inputs]
    z = sum(map(mul, w_data, x_data), bias.data)
    children = (*weights, *inputs, bias)
    if z > 0:
        return Value(z, children, "ReLU(w*x+b)", (*x_data, *w_data, 1.0))
    if z <= 0:
        return Value(0.0, children, "ReLU(w*x+b)", (0.0,) * len(children))
    return Value(z, children, "ReLU(w*x+b)", (z,) * len(children))  # NaN stays NaN


def _pow_value(base, exponent):
    """out = base ** exponent, both Values.  d/d(base) = k * base**(k-1),  d/dk = out * ln(base)."""
    x, k = base.data, exponent.data
    if x <= 0:
        raise ValueError(f"a Value exponent needs a positive base, since d(out)/d(exponent) "
                         f"= out * log(base); got base {x}")
    out = _float_power(x, k)
    return Value(out, (base, exponent), "**", (k * _float_power(x, k - 1), out * math.log(x)))


def _float_power(x, k):
    """x ** k as a float, with a plain-words error where it is too large for one."""
    try:
        return x ** k
    except OverflowError:
        raise OverflowError(f"({x}) ** {k:g} is too large for a float") from None


def _to_float(data):
    """The number inside a new Value, as a float; a clear error for anything else."""
    if isinstance(data, Real) and not isinstance(data, bool):
        try:
            return float(data)
        except OverflowError:  # an int beyond the largest float, about 1.8e308
            digits = int(data.bit_length() * math.log10(2))
            raise OverflowError(f"Value() expects a number a float can hold (at most about "
                                f"1.8e308); got an int of about 10**{digits}") from None
    if isinstance(data, Value):
        raise TypeError(f"Value() expects a number, got a Value ({data!r}); use it directly")
    raise TypeError(f"Value() expects a real number (int or float), got {_describe(data)}")


def as_value(other, op):
    """``other`` as a Value, so that plain numbers work on either side of an operator."""
    if isinstance(other, Value):
        return other
    if isinstance(other, Real) and not isinstance(other, bool):
        return Value(other)
    raise TypeError(f"unsupported operand for {op}: expected a Value or a number, "
                    f"got {_describe(other)}")


def _describe(x):
    """What ``x`` is, for an error message: its type and a short repr."""
    shape = getattr(x, "shape", None)
    if isinstance(shape, tuple):  # a numpy array: its shape says more than its repr
        hint = "; take its number out with x.item()" if shape == () else ""
        return f"an array ({type(x).__name__}) of shape {shape}{hint}"
    text = repr(x)
    return f"{type(x).__name__} {text if len(text) <= 60 else text[:57] + '...'}"
