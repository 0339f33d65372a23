"""requirements.txt pins every package the environment needs, and the environment matches it."""

import re
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = (ROOT / "requirements.txt").read_text(encoding="utf-8")
SHORT_LIST = (ROOT / "requirements.in").read_text(encoding="utf-8")
PROJECT = "micrograd-notebooks"


def requirements(text):
    lines = (line.split("#")[0].strip() for line in text.splitlines())
    return [Requirement(line) for line in lines if line and not line.startswith("-")]


def pins_for_this_machine():
    """{name: version} of the pins whose platform markers hold here."""
    pins = {}
    for req in requirements(LOCK):
        if req.marker is None or req.marker.evaluate():
            (spec,) = req.specifier
            assert spec.operator == "==", f"{req} is not an exact pin"
            pins[canonicalize_name(req.name)] = spec.version
    return pins


def left_out_on_purpose():
    """Packages the lock omits deliberately (uv pip compile --no-emit-package NAME)."""
    return {canonicalize_name(n) for n in re.findall(r"--no-emit-package (\S+)", LOCK)}


def test_every_line_of_the_lock_is_an_exact_pin():
    for req in requirements(LOCK):
        assert [s.operator for s in req.specifier] == ["=="], str(req)


def test_the_short_list_and_the_lock_agree():
    pins = {canonicalize_name(r.name): str(r.specifier) for r in requirements(LOCK)}
    for req in requirements(SHORT_LIST):
        assert pins.get(canonicalize_name(req.name)) == str(req.specifier), str(req)


def test_graphviz_pure_is_only_asked_for_where_it_has_wheels():
    (line,) = [r for r in requirements(LOCK) if r.name == "graphviz-pure"]
    where = {"x86_64": True, "AMD64": True, "aarch64": True, "arm64": True, "armv7l": False,
             "i686": False, "ppc64le": False}
    for machine, expected in where.items():
        environment = dict(default_environment(), platform_machine=machine)
        assert line.marker.evaluate(environment) == expected, machine


def test_every_installed_package_is_at_its_pinned_version():
    pins = pins_for_this_machine()
    wrong = []
    for dist in metadata.distributions():
        name = canonicalize_name(dist.metadata["Name"])
        if name in pins and dist.version != pins[name]:
            wrong.append(f"{name} {dist.version} (pinned {pins[name]})")
    assert not wrong, ("the environment does not match requirements.txt; set it up again "
                       "with `python3 tools/tasks.py setup`: " + ", ".join(wrong))


def test_what_the_pinned_packages_need_is_pinned_too():
    """The lock is closed: installing it with --no-deps leaves nothing missing."""
    pins = pins_for_this_machine()
    pins[canonicalize_name(PROJECT)] = None
    missing = set()
    for name in pins:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            missing.add(f"{name} (pinned, not installed)")
            continue
        for line in dist.requires or []:
            req = Requirement(line)
            if req.marker is not None and not req.marker.evaluate({"extra": ""}):
                continue  # needed only on another platform, or only for an extra
            if canonicalize_name(req.name) not in pins:
                missing.add(f"{req.name} (needed by {name})")
    assert not missing - left_out_on_purpose(), sorted(missing)
