"""The lessons' Value, as the lecture writes it: each operation makes its output and a
``_backward`` closure that passes the output's gradient back to its inputs::

    input.grad += (local derivative) * out.grad

This is the reference a "your turn" cell falls back on; it shows the lines of the idea and
no error handling. ``micrograd.engine.Value`` is the package's robust version.
"""

import math


class Value:
    """A number that remembers how it was made, and passes gradients back to its inputs."""

    def __init__(self, data, _children=(), _op='', label=''):
        self.data = data
        self.grad = 0.0                  # dL/d(this value), filled in by backward()
        self._backward = lambda: None    # a leaf has nothing to pass back
        self._prev = tuple(_children)    # the values it was made from, in order
        self._op = _op                   # the operation that made it; '' for a leaf
        self.label = label

    def __repr__(self):
        return f"Value(data={self.data})"

    def __add__(self, other):
        """out = self + other.   d(out)/d(self) = 1,  d(out)/d(other) = 1."""
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), '+')

        def _backward():
            self.grad += 1.0 * out.grad
            other.grad += 1.0 * out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        """out = self * other.   d(out)/d(self) = other,  d(out)/d(other) = self."""
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), '*')

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def __pow__(self, k):
        """out = self ** k, for a plain number k.   d(out)/d(self) = k * self ** (k - 1)."""
        out = Value(self.data ** k, (self,), f'**{k}')

        def _backward():
            self.grad += k * self.data ** (k - 1) * out.grad
        out._backward = _backward
        return out

    def tanh(self):
        """out = tanh(self).   d(out)/d(self) = 1 - out ** 2."""
        t = math.tanh(self.data)
        out = Value(t, (self,), 'tanh')

        def _backward():
            self.grad += (1 - t ** 2) * out.grad
        out._backward = _backward
        return out

    def exp(self):
        """out = e ** self.   d(out)/d(self) = out."""
        out = Value(math.exp(self.data), (self,), 'exp')

        def _backward():
            self.grad += out.data * out.grad
        out._backward = _backward
        return out

    def relu(self):
        """out = max(0, self).   d(out)/d(self) = 1 if self > 0, else 0."""
        out = Value(0.0 if self.data < 0 else self.data, (self,), 'relu')  # NaN stays NaN

        def _backward():
            self.grad += (1.0 if out.data > 0 else 0.0) * out.grad
        out._backward = _backward
        return out

    # Everything else is built from the operations above.
    def __neg__(self):              # -self
        return self * -1

    def __sub__(self, other):       # self - other
        return self + (-other)

    def __truediv__(self, other):   # self / other
        return self * other ** -1

    def __radd__(self, other):      # other + self, when other is a plain number
        return self + other

    def __rmul__(self, other):      # other * self
        return self * other

    def __rsub__(self, other):      # other - self
        return other + (-self)

    def __rtruediv__(self, other):  # other / self
        return other * self ** -1

    def backward(self):
        """Fill in d(self)/d(node) in every node's grad, from self back to the leaves."""
        self.grad = 1.0
        for node in reversed(build_topo(self)):
            node._backward()


def build_topo(root):
    """Every node of root's graph once, each after all the nodes it was made from.

    The lecture's version is recursive; this one keeps its own stack, so that a graph of any
    depth works, and gives the same order: children in the order they were used.
    """
    topo, visited = [], set()
    stack = [(root, iter(root._prev))]
    visited.add(root)
    while stack:
        node, children = stack[-1]
        for child in children:
            if child not in visited:
                visited.add(child)
                stack.append((child, iter(child._prev)))
                break
        else:                     # every child is done: the node itself comes next
            stack.pop()
            topo.append(node)
    return topo
