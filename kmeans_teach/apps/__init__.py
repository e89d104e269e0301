"""Slider apps: ipywidgets composites that show a precomputed run and update in place."""

from .base import SliderApp
from .color_explorer import ColorExplorer
from .progress import progress
from .step_through import StepThrough

__all__ = ["SliderApp", "StepThrough", "progress"]
__all__ += ["ColorExplorer"]
