"""Running a check on the student's code safely: a time limit, a memory limit, and a watch
for calls to what the exercise asks the student to write themselves.

* **Limits.** A watchdog thread checks the clock and the process's memory every 50 ms. When
  the student's code runs too long or grows too big, it raises ``TimeLimit`` or
  ``MemoryLimit`` inside the running code (``PyThreadState_SetAsyncExc``, which works on
  every operating system), so the check stops with a plain verdict and the kernel lives on.
  The exception is a ``BaseException``, so an ``except Exception`` in the student's code does
  not swallow it. Code stuck in one long C call (``time.sleep(100)``) stops when that call
  returns.
* **Shortcuts.** While the check runs, a profile hook (``sys.setprofile``) notes every call
  that the student's own code makes to a forbidden function or method, such as the package's
  ``topological_order`` in the exercise that asks for one.
* **Whose error.** When something raises, ``whose_error`` says whether the student's code was
  running (a frame of their code is in the traceback) or only the check's own.
"""

import ctypes
import sys
import threading
import time
import types

try:  # on every platform the lock installs it for; without it there is no memory limit
    import psutil
except ImportError:  # pragma: no cover
    psutil = None

# Classes a student's class may inherit from without their methods counting as the student's:
# the package's, the lessons' references, Python's own. (A class defined in an exercise module,
# a wrong answer the tests feed in, counts as a student's.)
PACKAGE_CODE = ("micrograd.engine", "micrograd.nn", "micrograd.teaching", "builtins")

TIME_LIMIT = 5.0               # seconds a check may run the student's code
MEMORY_LIMIT = 1024 * 2 ** 20  # bytes the process may grow by while it does


class LimitReached(BaseException):
    """The student's code ran into a limit; raised inside it by the watchdog."""


class TimeLimit(LimitReached):
    pass


class MemoryLimit(LimitReached):
    pass


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)


def _memory_in_use():
    return psutil.Process().memory_info().rss if psutil else 0


class _Watchdog:
    """Raises TimeLimit or MemoryLimit in the thread that made it, once, unless disarmed."""

    def __init__(self, time_limit, memory_limit):
        self.target = threading.get_ident()
        self.time_limit, self.memory_limit = time_limit, memory_limit
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.fired = False
        self.thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self):
        start, base = time.monotonic(), _memory_in_use()
        while not self.done.wait(0.05):
            if time.monotonic() - start > self.time_limit:
                limit = TimeLimit
            elif psutil and _memory_in_use() - base > self.memory_limit:
                limit = MemoryLimit
            else:
                continue
            with self.lock:
                if not self.done.is_set():
                    self.fired = True
                    _set_async_exc(self.target, limit)
            return

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        with self.lock:
            self.done.set()
        self.thread.join()
        return False

    def land(self):
        """If the limit fired just as the code finished, its exception is still on its way
        (taking it back is not reliable): let it arrive here, as the limit it was."""
        if self.fired:
            for _ in range(10 ** 6):  # the interpreter delivers it between two bytecodes
                pass


def code_of(*answers):
    """The code objects of the student's answers: a function's code and the functions it
    defines inside itself; a class's methods (not those it inherits from the package)."""
    found = set()

    def add_code(code):
        if code not in found:
            found.add(code)
            for const in code.co_consts:
                if isinstance(const, types.CodeType):
                    add_code(const)

    def add(obj):
        if isinstance(obj, types.MethodType):
            obj = obj.__func__
        if isinstance(obj, (types.FunctionType, types.LambdaType)):
            add_code(obj.__code__)
        elif isinstance(obj, type):
            for klass in obj.__mro__:
                if klass.__module__.startswith(PACKAGE_CODE):  # what the student builds on
                    break
                for member in vars(klass).values():
                    if isinstance(member, (staticmethod, classmethod)):
                        member = member.__func__
                    if isinstance(member, property):
                        member = member.fget
                    if isinstance(member, types.FunctionType):
                        add_code(member.__code__)

    for answer in answers:
        add(answer)
    return found


def forbidden_code(items):
    """{code object: name} for forbidden functions, and every method of forbidden classes."""
    codes = {}
    for item in items:
        name = f"{item.__module__}.{item.__qualname__}"
        if isinstance(item, type):
            for attr, member in vars(item).items():
                if isinstance(member, (staticmethod, classmethod)):
                    member = member.__func__
                if isinstance(member, types.FunctionType):
                    codes[member.__code__] = name if attr == "__init__" else f"{name}.{attr}"
        else:
            codes[getattr(item, "__code__", None)] = name
    codes.pop(None, None)
    return codes


def run_checked(judge, answer, *, forbidden=(), time_limit=None, memory_limit=None):
    """Run ``judge(*answer)`` under the limits, watching for forbidden calls.

    Returns (result, shortcuts): the judge's result and the names of the forbidden functions
    the student's code called (empty when none). Raises TimeLimit or MemoryLimit when a limit
    is reached, and whatever the judge raises.
    """
    forbidden = forbidden_code(forbidden)
    students = code_of(*answer) if forbidden else set()
    used = []

    def watch(frame, event, arg):
        if event == "call" and frame.f_code in forbidden:
            caller = frame.f_back
            if caller is not None and caller.f_code in students:
                used.append(forbidden[frame.f_code])

    time_limit = TIME_LIMIT if time_limit is None else time_limit
    memory_limit = MEMORY_LIMIT if memory_limit is None else memory_limit
    before = sys.getprofile()
    watchdog = _Watchdog(time_limit, memory_limit)
    with watchdog:
        if forbidden:
            sys.setprofile(watch)
        try:
            result = judge(*answer)
        finally:
            sys.setprofile(before)
    watchdog.land()
    return result, sorted(set(used))


def whose_error(error, *answer):
    """(True, line) if the student's code was running when ``error`` was raised: the
    innermost line of theirs in the traceback, as "line N of name()"; else (False, None)."""
    students = code_of(*answer)
    line = None
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code in students:
            line = f"line {tb.tb_lineno - tb.tb_frame.f_code.co_firstlineno + 1} of " \
                   f"{tb.tb_frame.f_code.co_name}()"
        tb = tb.tb_next
    return line is not None, line
