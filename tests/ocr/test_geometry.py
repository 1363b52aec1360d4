"""Boxes read on a turned image map back to where the ink is on the page (Pillow as the oracle)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from extractors.readers.ocr import _estimate_skew, _turn, _Unrotate


@settings(max_examples=30, deadline=None)
@given(
    width=st.integers(60, 240),
    height=st.integers(60, 240),
    quarter=st.sampled_from([0, 90, 180, 270]),
    tilt=st.floats(-3.0, 3.0),
    fx=st.floats(0.2, 0.8),
    fy=st.floats(0.2, 0.8),
)
def test_point_maps_back_through_any_turn(
    width: int, height: int, quarter: int, tilt: float, fx: float, fy: float
) -> None:
    x, y = int(width * fx), int(height * fy)
    image = Image.new("L", (width, height), 255)
    image.paste(0, (x, y, x + 3, y + 3))  # a 3x3 dot; its centre is at (x + 1.5, y + 1.5)
    angle = -quarter - tilt
    turned = _turn(image, angle)
    ink = np.argwhere(np.asarray(turned) < 128)
    cy, cx = ink.mean(axis=0) + 0.5
    back = _Unrotate(angle, image.size, turned.size, scale=1.0, page_px=image.size)
    bx, by = back.point(float(cx), float(cy))
    assert abs(bx - (x + 1.5)) <= 1.5 and abs(by - (y + 1.5)) <= 1.5


def _lines(width: int = 900, height: int = 1100) -> Image.Image:
    image = Image.new("L", (width, height), 255)
    for top in range(100, height - 100, 40):
        for left in range(80, width - 120, 60):
            image.paste(0, (left, top, left + 44, top + 14))  # words on a line
    return image


def test_skew_is_measured_counter_clockwise_positive() -> None:
    page = _lines()
    assert _estimate_skew(page) == 0.0
    for tilt in (1.5, -2.0, 0.7):
        measured = _estimate_skew(_turn(page, tilt))
        assert abs(measured - tilt) <= 0.15, (tilt, measured)


def test_blank_page_has_no_skew() -> None:
    assert _estimate_skew(Image.new("L", (500, 700), 255)) == 0.0
    assert _estimate_skew(Image.new("L", (0, 0), 255)) == 0.0
