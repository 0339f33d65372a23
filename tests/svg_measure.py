"""How wide an SVG shows in a browser, and how tall its smallest text is, in CSS pixels.

Read from the SVG itself: the outer width (pt are 4/3 px) and viewBox, every nested
<svg> (its width against its viewBox) and every scale() transform on the way down to each
<text>, and that text's font-size.
"""

import re
import xml.etree.ElementTree as ET

PX_PER_UNIT = {"pt": 4 / 3, "px": 1.0, "": 1.0}


def _length(text):
    number, unit = re.fullmatch(r"([\d.]+)\s*(pt|px|)", text.strip()).groups()
    return float(number), unit


def _scale_of(element):
    """The factor an element applies to the lengths inside it."""
    tag = element.tag.rsplit("}", 1)[-1]
    factor = 1.0
    if tag == "svg" and element.get("viewBox"):
        width, _ = _length(element.get("width"))
        factor *= width / float(element.get("viewBox").split()[2])
    transform = element.get("transform", "")
    match = re.search(r"scale\(\s*([\d.eE+-]+)", transform)
    if match:
        factor *= float(match.group(1))
    return factor


def measure(svg):
    """(width in px, smallest text in px) of an SVG document as a browser shows it."""
    root = ET.fromstring(svg.encode("utf-8") if isinstance(svg, str) else svg)
    width, unit = _length(root.get("width"))
    smallest = float("inf")
    stack = [(root, PX_PER_UNIT[unit] * _scale_of(root))]
    while stack:
        element, factor = stack.pop()
        size = element.get("font-size")
        if size is not None and (element.text or "").strip():
            smallest = min(smallest, float(size) * factor)
        for child in element:
            stack.append((child, factor * _scale_of(child)))
    return width * PX_PER_UNIT[unit], smallest
