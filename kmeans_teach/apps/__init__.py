"""Slider apps: ipywidgets composites that show a precomputed result and update in place."""

from .base import SliderApp
from .progress import progress
from .step_through import StepThrough
from .cluster_browser import ClusterBrowser
from .color_explorer import ColorExplorer
from .k_explorer import KExplorer
from .moons_explorer import MoonsExplorer
from .plusplus_explorer import PlusPlusExplorer
from .seed_explorer import SeedExplorer
from .playground import Playground
from .label_budget_explorer import LabelBudgetExplorer
from .segmentation_explorer import SegmentationExplorer
from .gmm_step_through import GMMStepThrough
from .sigma_explorer import SigmaExplorer

__all__ = [
    "SliderApp",
    "progress",
    "StepThrough",
    "ClusterBrowser",
    "ColorExplorer",
    "KExplorer",
    "MoonsExplorer",
    "PlusPlusExplorer",
    "SeedExplorer",
    "Playground",
    "LabelBudgetExplorer",
    "SegmentationExplorer",
    "GMMStepThrough",
    "SigmaExplorer",
]
