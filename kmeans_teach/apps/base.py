"""The base of every slider app: a matplotlib figure shown as a PNG in an Image widget.

Why not ``ipywidgets.interact`` with an inline figure? Because that re-creates
the figure on every move (slow) and sends it through an Output widget, which
strict nbval sees as an extra cell output. Here the app owns one figure,
updates its artists in place, renders it with Agg and puts the PNG bytes into
an ``ipywidgets.Image``. Callbacks print nothing, so the notebook's stored
outputs stay the same from run to run.
"""

from __future__ import annotations

import io
from collections import OrderedDict

import ipywidgets as widgets
import numpy as np
import traitlets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image as PILImage

__all__ = ["SliderApp"]


class _Image(widgets.Image):
    """An Image widget whose tooltip works in the browser.

    ipywidgets 8's front end reads ``description.length`` when it sets a
    tooltip, and Image has no ``description``: with a tooltip, the image view
    fails to render at all in JupyterLab ("Cannot read properties of undefined
    (reading 'length')", found by tests/browser). An empty description fixes
    that, and the tooltip then becomes the <img>'s title, its accessible name.
    """

    description = traitlets.Unicode("").tag(sync=True)


class SliderApp(widgets.VBox):
    """A figure, its controls and a status line, updated in place.

    Subclasses build their controls and artists, then implement:

    * ``_state_key()``: a hashable description of what the controls show;
      frames are cached under it, so revisiting a slider value costs nothing;
    * ``_draw()``: update the artists for the current state (never rebuild
      the figure when a plain slider moves);
    * ``_status()``: one line of text describing what is shown.

    and call ``self._watch(*controls)`` so that a change redraws.

    Speed: drawing the axes, ticks and labels is most of the cost of a frame,
    and they do not change when a slider moves. A subclass lists the artists
    that do change with ``self._animate(artists)``; the rest of the figure is
    then drawn once, kept as a background bitmap, and each new frame only
    pastes the background and draws those artists on top ("blitting").
    """

    #: rendered frames kept in memory (a frame is a PNG of a few tens of kB)
    cache_size = 256
    #: "png" is exact, for plots; an app that shows photographs sets "jpeg", whose
    #: frames are a fifth of the size (the notebook stores the first frame)
    frame_format = "png"

    def __init__(self, controls, *, figsize=(10, 4.2), dpi=80, alt=""):
        self.figure = Figure(figsize=figsize, dpi=dpi)
        FigureCanvasAgg(self.figure)
        width = int(figsize[0] * dpi)
        self.image = _Image(
            format=self.frame_format,
            layout=widgets.Layout(width="100%", max_width=f"{width}px", height="auto"),
            tooltip=alt or None,
        )
        self.status = widgets.Label(layout=widgets.Layout(width="100%"))
        self._frames = OrderedDict()
        self._frozen = False
        self._animated = []
        self._background = None
        super().__init__([*controls, self.status, self.image])

    # --- subclasses fill these in ------------------------------------------------
    def _state_key(self):
        raise NotImplementedError

    def _draw(self):
        raise NotImplementedError

    def _status(self):
        raise NotImplementedError

    # --- machinery --------------------------------------------------------------
    def _watch(self, *controls):
        for control in controls:
            control.observe(self._on_change, names="value")

    def _on_change(self, _change=None):
        if not self._frozen:
            self.refresh()

    def _animate(self, artists):
        """Redraw only these artists on a slider move (see the class docstring)."""
        self._animated = sorted((a for a in artists if a is not None), key=lambda a: a.get_zorder())
        for artist in self._animated:
            artist.set_animated(True)
        self._background = None  # the static part must be drawn again

    def render_png(self):
        """Draw the figure with Agg and return it as PNG (or JPEG) bytes."""
        canvas = self.figure.canvas
        if self._background is None:
            # everything except the animated artists. Matplotlib draws an AxesImage
            # even when it is animated (for image compositing), which would bake the
            # current Voronoi regions into the background, so hide them meanwhile.
            shown = [a for a in self._animated if a.get_visible()]
            for artist in shown:
                artist.set_visible(False)
            canvas.draw()
            for artist in shown:
                artist.set_visible(True)
            if self._animated:
                self._background = canvas.copy_from_bbox(self.figure.bbox)
        else:
            canvas.restore_region(self._background)
        for artist in self._animated:
            artist.axes.draw_artist(artist)
        rgb = np.asarray(canvas.buffer_rgba())[..., :3]
        buffer = io.BytesIO()
        if self.frame_format == "jpeg":
            PILImage.fromarray(rgb).save(buffer, format="jpeg", quality=85)
        else:
            # compress_level=1: the PNG is a little bigger but encodes ~5x faster
            PILImage.fromarray(rgb).save(buffer, format="png", compress_level=1)
        return buffer.getvalue()

    def refresh(self):
        """Show the current state: from the frame cache, or draw and render it."""
        key = self._state_key()
        frame = self._frames.get(key)
        if frame is None:
            self._draw()
            frame = self.render_png()
            self._frames[key] = frame
            if len(self._frames) > self.cache_size:
                self._frames.popitem(last=False)
        else:
            self._frames.move_to_end(key)
        self.image.value = frame
        self.status.value = self._status()

    def clear_cache(self):
        """Forget the rendered frames (after the figure's content changed)."""
        self._frames.clear()
