"""Slider apps: ipywidgets composites that show a precomputed run and update in place."""

from .base import SliderApp
from .moons_explorer import MoonsExplorer
from .progress import progress
from .step_through import StepThrough

__all__ = ["SliderApp", "StepThrough", "progress"]
__all__ += ["MoonsExplorer"]
