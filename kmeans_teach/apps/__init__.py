"""Slider apps: ipywidgets composites that show a precomputed run and update in place."""

from .base import SliderApp
from .progress import progress
from .step_through import StepThrough
from .seed_explorer import SeedExplorer
from .plusplus_explorer import PlusPlusExplorer
from .color_explorer import ColorExplorer

__all__ = ["SliderApp", "StepThrough", "progress"]
__all__ += ["SeedExplorer", "PlusPlusExplorer"]
__all__ += ["ColorExplorer"]
