"""Checks that read as sentences: a lesson makes a claim, and a check confirms it aloud.

Each check prints one plain sentence when the claim holds, and raises ``CheckFailed``
(an ``AssertionError``) with a sentence that says what was expected, what was found and by
how much they differ when it does not. A lesson uses them where it states a number::

    check_close("L", L.data, -8.0)                 # ✓ L is -8.0000, as expected
    check_grads_agree(f, [2.0, -3.0, 10.0, -2.0], names="abcf")
    # ✓ backward() agrees with nudging on all 4 inputs (a, b, c, f)
"""

from numbers import Real

from micrograd.numeric import check_grads

PASS, FAIL = "✓", "✗"


class CheckFailed(AssertionError):
    """A claim a lesson made does not hold; the message says how."""


def check_close(what, actual, expected, *, tol=1e-9, digits=4):
    """Check that the number ``actual`` is ``expected``, to within ``tol``.

    Args:
        what: what the number is, as the sentence should name it ("L", "the slope at x = 3").
        actual: the number computed.
        expected: the number it should be.
        tol: the largest difference still counted as equal: |actual - expected| <= tol.
        digits: digits after the decimal point in the sentence.
    """
    _check_number(actual, what)
    _check_number(expected, "expected")
    difference = abs(actual - expected)
    if difference <= tol:  # False for NaN, so a NaN never passes
        print(f"{PASS} {what} is {actual:.{digits}f}, as expected")
        return
    raise CheckFailed(f"{FAIL} {what} is {actual:.{digits}f}, but it should be "
                      f"{expected:.{digits}f} (they differ by {difference:.2g}, more than "
                      f"the {tol:g} allowed)")


def check_true(sentence, condition, why_not=""):
    """Check a claim that is true or false; ``sentence`` states it as true.

    ``why_not`` is added to the failure message, to say what to look at.
    """
    if not isinstance(condition, bool):
        raise TypeError(f"check_true expects the condition as True or False, got "
                        f"{type(condition).__name__} {condition!r}")
    if condition:
        print(f"{PASS} {sentence}")
        return
    raise CheckFailed(f"{FAIL} Not so: {sentence}" + (f" ({why_not})" if why_not else ""))


def check_grads_agree(f, inputs, names=None, **tolerances):
    """Check that ``backward()`` gives the same gradients as nudging each input.

    ``f`` takes one Value per input and returns a Value; ``inputs`` are numbers; ``names``
    label the inputs in the messages. The comparison is ``micrograd.check_grads`` (central
    differences); ``tolerances`` (h, rtol, atol) go to it.
    """
    names = list(names) if names is not None else [f"input {i}" for i in range(len(inputs))]
    if len(names) != len(inputs):
        raise ValueError(f"check_grads_agree got {len(inputs)} inputs but {len(names)} names")
    try:
        check_grads(f, inputs, **tolerances)
    except AssertionError as error:
        message = str(error).removeprefix("gradients disagree at ")
        for i, name in enumerate(names):
            message = message.replace(f"input {i}:", f"{name}:")
        raise CheckFailed(f"{FAIL} backward() and nudging disagree at {message}") from None
    count = "the input" if len(inputs) == 1 else f"all {len(inputs)} inputs"
    print(f"{PASS} backward() agrees with nudging on {count} ({', '.join(names)})")


def check_same_values(ours, theirs, names, *, tol=1e-9, against="the package"):
    """Check that two sets of values hold the same data and grad, pair by pair.

    For a lesson's own ``Value`` (or network) against the package's, built the same way:
    ``ours`` and ``theirs`` are lists of objects with ``.data`` and ``.grad``. ``against``
    names what ``theirs`` are, as the sentence says it ("the package", "the pass by hand").
    """
    if not len(ours) == len(theirs) == len(names):
        raise ValueError(f"check_same_values needs as many of ours ({len(ours)}) as of "
                         f"theirs ({len(theirs)}) and names ({len(names)})")
    for mine, package, name in zip(ours, theirs, names):
        for field in ("data", "grad"):
            a, b = getattr(mine, field), getattr(package, field)
            if not abs(a - b) <= tol:
                raise CheckFailed(f"{FAIL} {name}.{field} is {a:.6g} here but {b:.6g} in "
                                  f"{against} (they differ by {abs(a - b):.2g})")
    listed = f" ({', '.join(names)})" if len(names) <= 8 else ""
    count = "the value" if len(names) == 1 else f"all {len(names)} values"
    print(f"{PASS} data and grad match {against} for {count}{listed}")


def _check_number(x, what):
    if isinstance(x, bool) or not isinstance(x, Real):
        raise TypeError(f"check_close expects {what} to be a number, got "
                        f"{type(x).__name__} {x!r}")
