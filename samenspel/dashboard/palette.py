"""Colours and line styles that survive colour blindness, and the check for it.

Meaning never rests on red versus green alone: every line has its own dash pattern
and every kind of actor its own shape, and the colours are the Okabe-Ito palette
(Okabe & Ito 2008, "Color Universal Design"), chosen to stay apart under the common
forms of colour blindness. ``deuteranopia`` simulates the most common form (Machado,
Oliveira & Fernandes 2009, severity 1.0) and ``delta_e`` measures how far apart two
colours look (CIE76 in CIELAB); the tests use them on the colours the page shows.
"""

from __future__ import annotations

import numpy as np

BLACK = "#000000"
ORANGE = "#e69f00"
SKY = "#56b4e9"
GREEN = "#009e73"
YELLOW = "#f0e442"
BLUE = "#0072b2"
VERMILLION = "#d55e00"
PURPLE = "#cc79a7"
GREY = "#8c8c8c"

PALETTE = (BLUE, ORANGE, BLACK, PURPLE, GREEN, VERMILLION, SKY, GREY)
"""Scenario colours on the Compare page, in order (reference first)."""
DASHES = ("", "7 4", "2 3", "9 3 2 3", "4 4", "1 2")
"""Line dash patterns, in order (SVG ``stroke-dasharray``; empty is solid)."""

_MACHADO_DEUTERANOPIA = np.array(
    [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ]
)


def _rgb(colour: str) -> np.ndarray:
    text = colour.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    return np.array([int(text[i : i + 2], 16) for i in (0, 2, 4)], float) / 255.0


def _linear(c: np.ndarray) -> np.ndarray:
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _gamma(c: np.ndarray) -> np.ndarray:
    c = np.clip(c, 0.0, 1.0)
    return np.where(c <= 0.0031308, 12.92 * c, 1.055 * c ** (1 / 2.4) - 0.055)


def deuteranopia(colour: str) -> str:
    """How ``colour`` (``#rrggbb``) looks with deuteranopia, as ``#rrggbb``."""
    seen = _gamma(_MACHADO_DEUTERANOPIA @ _linear(_rgb(colour)))
    return "#" + "".join(f"{round(v * 255):02x}" for v in seen)


def lab(colour: str) -> np.ndarray:
    """CIELAB coordinates (D65) of ``colour``."""
    rgb = _linear(_rgb(colour))
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = m @ rgb / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def delta_e(a: str, b: str) -> float:
    """Perceived distance of two colours (CIE76 Delta E; 2 is just noticeable)."""
    return float(np.linalg.norm(lab(a) - lab(b)))
