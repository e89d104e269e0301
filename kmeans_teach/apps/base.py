"""The base of every slider app: a matplotlib figure shown as a PNG in an Image widget.

Why not ``ipywidgets.interact`` with an inline figure? Because that re-creates
the figure on every move (slow) and sends it through an Output widget, which
strict nbval sees as an extra cell output. Here the app owns one figure,
updates its artists in place, renders it with Agg and puts the PNG bytes into
an ``ipywidgets.Image``. Callbacks print nothing, so the notebook's stored
outputs stay the same from run to run.

What is shown is what the figure holds: every frame equals a full redraw of
the figure (``app.full_redraw()``), pixel for pixel; tests/test_app_frames.py
checks it over random sequences of moves.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import ipywidgets as widgets
import numpy as np
import traitlets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image as PILImage

__all__ = ["SliderApp", "png_bytes"]

#: CSS pixels per inch of figure: a 10-inch figure is shown 800 px wide
DISPLAY_DPI = 80
#: rendered pixels per CSS pixel: 2 is sharp on today's HiDPI screens and projectors
PIXEL_RATIO = 2
#: the smallest text, in points as the reader sees it (a CSS inch is 96 px)
MIN_SHOWN_PT = 10
#: ... which is this many points in the figure, since it is shown at 80 px per inch
MIN_FIGURE_PT = MIN_SHOWN_PT * 96 / DISPLAY_DPI


def png_bytes(pixels):
    """Encode an (height, width, 3 or 4) uint8 array (RGB, or Agg's RGBA) as PNG, fast.

    Plain zlib level 1 with no row filter, on the canvas's own RGBA bytes
    (dropping the alpha channel costs a slow strided copy): several times
    faster than Pillow's encoder for plots, for frames a little larger.
    PNG is lossless, so the pixels stay exact.
    """
    height, width, channels = pixels.shape
    rows = np.empty((height, 1 + channels * width), dtype=np.uint8)
    rows[:, 0] = 0  # filter type 0 ("none") for every row
    rows[:, 1:] = pixels.reshape(height, -1)

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    colour_type = {3: 2, 4: 6}[channels]  # 8-bit RGB or RGBA
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", _deflate_in_two(rows)) + chunk(b"IEND", b""))


_POOL = ThreadPoolExecutor(max_workers=2)


def _deflate_in_two(rows):
    """zlib.compress(rows, 1), with the two halves compressed on two threads at once.

    zlib lets go of Python's lock while it works, and a deflate stream may be
    cut at a byte boundary (a "sync flush"): the second half just does not
    look back into the first. This is what pigz does. Half the time on 2 cores.
    """
    data = memoryview(rows).cast("B")
    middle = len(data) // 2

    def deflate(part, last):
        compressor = zlib.compressobj(1, zlib.DEFLATED, -15)  # raw deflate, no header
        return compressor.compress(part) + compressor.flush(
            zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH)

    first = _POOL.submit(deflate, data[:middle], False)
    second = deflate(data[middle:], True)
    return (b"\x78\x01" + first.result() + second
            + struct.pack(">I", zlib.adler32(data) & 0xFFFFFFFF))


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

    and call ``self._watch(*controls)`` so that a change redraws (or
    ``self._watch(control, handler=...)`` for a handler of their own).

    Speed: drawing the axes, ticks and labels is most of the cost of a frame,
    and they do not change when a slider moves. A subclass lists the artists
    that do change with ``self._animate(artists)``; the rest of the figure is
    then drawn once, kept as a background bitmap, and each new frame only
    pastes the background and draws those artists on top ("blitting").
    An Axes whose static part changes now and then (new limits, other bars)
    is named with ``self._animate(..., axes_that_change=[ax])``, and
    ``_background_key()`` says which version of it the state needs: each
    version is drawn once (that Axes only, not the figure) and kept.

    Errors: an exception inside a callback is shown in the status line (what
    failed and what to try), kept in ``last_error``, and the app goes on.

    Parameters
    ----------
    controls : sequence of ipywidgets.Widget
        The controls, shown above the status line and the figure.
    figsize : (float, float), default=(10, 4.2)
        Size of the figure in inches (shown at twice as many pixels, for sharp
        screens).
    alt : str, default=""
        A text alternative for the figure, shown as the image's tooltip.

    Attributes
    ----------
    figure : matplotlib Figure
        The figure the app draws on (no pyplot: it belongs to the app alone).
    image : ipywidgets.Image
        The rendered frame.
    status : ipywidgets.Label
        The one line of text under the controls.
    last_error : Exception or None
        The last exception raised inside a callback (None if all went well).
    """

    #: rendered frames kept in memory (a frame is a PNG of some tens of kB)
    cache_size = 256
    #: "png" is exact, for plots; an app that shows photographs sets "jpeg", whose
    #: frames are a fifth of the size (the notebook stores the first frame)
    frame_format = "png"

    def __init__(self, controls, *, figsize=(10, 4.2), alt=""):
        self.figure = Figure(figsize=figsize, dpi=DISPLAY_DPI * PIXEL_RATIO)
        FigureCanvasAgg(self.figure)
        width = int(figsize[0] * DISPLAY_DPI)  # CSS pixels: the frame has twice as many
        self.image = _Image(
            format=self.frame_format,
            layout=widgets.Layout(width="100%", max_width=f"{width}px", height="auto"),
            tooltip=alt or None,
        )
        self.status = widgets.Label(layout=widgets.Layout(width="100%"))
        #: the last exception raised inside a callback (None if all went well)
        self.last_error = None
        self._frames = OrderedDict()
        self._frozen = False
        self._animated = []       # drawn on every frame, in full-draw order
        self._changing_axes = []  # Axes drawn again when their static part changes
        self._base = None         # bitmap: the figure without animated artists or changing Axes
        self._backgrounds = {}    # background key -> bitmap: the base plus the changing Axes
        self._titles_placed = {}  # background key -> Axes whose titles are placed
        super().__init__([*controls, self.status, self.image])

    # --- subclasses fill these in ------------------------------------------------
    def _state_key(self):
        raise NotImplementedError

    def _draw(self):
        raise NotImplementedError

    def _status(self):
        raise NotImplementedError

    # --- callbacks: every one goes through _guarded, so errors show -------------
    def _watch(self, *controls, handler=None):
        """Call ``handler`` (default: redraw) when one of the controls changes."""
        handler = handler or self._on_change
        for control in controls:
            control.observe(lambda change, h=handler: self._guarded(h, change), names="value")

    def _guarded(self, handler, change):
        try:
            handler(change)
        except Exception as error:  # noqa: BLE001 - shown to the user, and kept
            self.last_error = error
            # the figure may be half-updated: forget its bitmaps and frames
            self._base = None
            self._frames.clear()
            name = getattr(change.get("owner"), "description", "") or change.get("name", "")
            what = " ".join(str(error).split())  # one line, however long the message
            self.status.value = (
                f"⚠ Could not show {name} = {change.get('new')!r}: "
                f"{type(error).__name__}: {what}. Try another value; "
                f"app.last_error has the details.")
        else:
            self.last_error = None

    def _on_change(self, _change=None):
        if not self._frozen:
            self.refresh()

    @contextmanager
    def _frozen_controls(self):
        """Set several controls with no redraw per change (the caller redraws once).

        The app answers moves again when the block ends, even if it raised:
        otherwise one error would leave it ignoring every later move.
        """
        before = self._frozen
        self._frozen = True
        try:
            yield
        finally:
            self._frozen = before

    # --- what is drawn on every frame -------------------------------------------
    def _background_key(self):
        """Which version of the changing Axes' static part the state shows."""
        return None

    def _animate(self, artists, *, axes_that_change=(), keep_background=False):
        """Redraw only these artists on a slider move (see the class docstring).

        In a full draw each Axes draws its children in zorder; a static artist
        above an animated one would be covered by blitting. So every visible
        artist of the same Axes above the lowest animated one is drawn on each
        frame too, in the same order. The axis lines, ticks and spines stay in
        the background: they are put below everything else in their Axes.

        ``keep_background=True`` says the static part is unchanged (new
        artists replace animated ones), so nothing needs drawing again.
        """
        for artist in self._animated:
            artist.set_animated(False)
        chosen = {id(a) for a in artists if a is not None}
        ordered = []
        for ax in self.figure.axes:
            for part in (ax.xaxis, ax.yaxis, *ax.spines.values()):
                part.set_zorder(-1)
            children = sorted(ax.get_children(), key=lambda a: a.get_zorder())  # stable
            lowest = next((i for i, a in enumerate(children) if id(a) in chosen), None)
            if lowest is not None:
                # (the titles sit above the Axes, over nothing: they can stay)
                titles = {id(ax.title), id(ax._left_title), id(ax._right_title)}
                ordered += [a for a in children[lowest:] if id(a) in chosen or (
                    a is not ax.patch and a.get_visible() and id(a) not in titles)]
        # figure-level artists (a suptitle, say) are drawn after all Axes
        ordered += [a for a in artists if a is not None and a.axes is None]
        self._animated = ordered
        for artist in self._animated:
            artist.set_animated(True)
        if not keep_background:
            self._base = None  # the static part must be drawn again
        self._changing_axes = list(axes_that_change)

    def _floor_fonts(self):
        """No text smaller than MIN_SHOWN_PT as shown (ticks included)."""
        for ax in self.figure.axes:
            for axis in (ax.xaxis, ax.yaxis):
                ticks = axis.get_major_ticks()[:1]
                if ticks and ticks[0].label1.get_fontsize() < MIN_FIGURE_PT:
                    axis.set_tick_params(labelsize=MIN_FIGURE_PT)
        for text in self.figure.findobj(Text):
            if text.get_fontsize() < MIN_FIGURE_PT:
                text.set_fontsize(MIN_FIGURE_PT)

    # --- rendering --------------------------------------------------------------
    def _draw_without(self, hidden):
        """A full draw of the figure with these artists hidden; returns the bitmap."""
        shown = [a for a in hidden if a.get_visible()]
        for artist in shown:
            artist.set_visible(False)
        try:
            self.figure.canvas.draw()
        finally:
            for artist in shown:
                artist.set_visible(True)
        return self.figure.canvas.copy_from_bbox(self.figure.bbox)

    def _draw_background(self):
        """The base, with the changing Axes' static part drawn on top of it."""
        canvas = self.figure.canvas
        if not self._changing_axes:
            return self._base
        canvas.restore_region(self._base)
        renderer = canvas.get_renderer()
        hidden = [a for a in self._animated if a.get_visible()]
        for artist in hidden:  # as for the base: hide, do not only skip
            artist.set_visible(False)
        try:
            for ax in self._changing_axes:
                ax.apply_aspect()
                ax.draw(renderer)
        finally:
            for artist in hidden:
                artist.set_visible(True)
        return canvas.copy_from_bbox(self.figure.bbox)

    def render_rgba(self):
        """Draw the current state (blitting).

        Returns
        -------
        pixels : ndarray of shape (height, width, 4), dtype uint8
            A view of the canvas's RGBA buffer (the next draw changes it).
        """
        canvas = self.figure.canvas
        if self._base is None:
            self._floor_fonts()
            # Matplotlib draws an animated AxesImage anyway (for image compositing),
            # so the animated artists are hidden, not only marked animated.
            self._base = self._draw_without(self._animated + self._changing_axes)
            self._backgrounds.clear()
            self._titles_placed.clear()
        key = self._background_key()
        if key not in self._backgrounds:
            self._backgrounds[key] = self._draw_background()
        canvas.restore_region(self._backgrounds[key])
        renderer = canvas.get_renderer()
        # A full draw places an Axes' titles above its tick labels first; the place
        # depends on the static part only, so it is worked out once per background.
        placed = self._titles_placed.setdefault(key, [])
        for ax in {id(a.axes): a.axes for a in self._animated if a.axes is not None}.values():
            titles = (ax.title, ax._left_title, ax._right_title)
            if ax not in placed and any(t.get_text() for t in titles):
                ax._update_title_position(renderer)
                placed.append(ax)
        for artist in self._animated:
            if artist.axes is None:
                artist.draw(renderer)
            else:
                artist.axes.draw_artist(artist)
        return np.asarray(canvas.buffer_rgba())

    def _precompute_backgrounds(self, keys, show_static):
        """Draw the background for every key now, at build, not on the first visit.

        ``show_static(key)`` puts the changing Axes' static part in the state
        of ``key``; the state of the controls is put back afterwards.
        """
        current = self._background_key()
        show_static(current)
        self._backgrounds.clear()
        self.render_rgba()  # the base, and the background of the state shown
        for key in keys:
            if key not in self._backgrounds:
                show_static(key)
                self._backgrounds[key] = self._draw_background()
        show_static(current)

    def _prerender(self, states):
        """Render the frame of every state now, at build (for apps with few states).

        ``states`` is a list of {control: value}; the controls are put back after.
        """
        start = {control: control.value for state in states for control in state}
        with self._frozen_controls():
            for state in states:
                for control, value in state.items():
                    control.value = value
                self._draw()
                self._frames.setdefault(self._state_key(), self.render_png())
            for control, value in start.items():
                control.value = value

    def full_redraw(self):
        """Draw the whole figure with no blitting and return its RGB pixels.

        The reference every frame must equal; it leaves the app as it was.

        Returns
        -------
        pixels : ndarray of shape (height, width, 3), dtype uint8
            A copy of the canvas's pixels.
        """
        for artist in self._animated:
            artist.set_animated(False)
        try:
            self._floor_fonts()
            self.figure.canvas.draw()
            return np.asarray(self.figure.canvas.buffer_rgba())[..., :3].copy()
        finally:
            for artist in self._animated:
                artist.set_animated(True)

    def encode(self, pixels, *, small=False):
        """The frame's bytes, from RGB or RGBA pixels: PNG, or JPEG for photographs.

        Parameters
        ----------
        pixels : ndarray of shape (height, width, 3) or (height, width, 4), dtype uint8
            The frame (an alpha channel is dropped).
        small : bool, default=False
            Make a PNG about a quarter smaller, with the same pixels, ten times
            slower: for the first frame, the one a saved notebook keeps.

        Returns
        -------
        data : bytes
            The image file, in the app's ``frame_format``.
        """
        if self.frame_format == "png" and not small:
            return png_bytes(pixels)
        height, width, channels = pixels.shape
        if channels == 4:  # Pillow drops the alpha channel 5x faster than NumPy's copy
            image = PILImage.frombuffer("RGBA", (width, height), np.ascontiguousarray(pixels),
                                        "raw", "RGBA", 0, 1).convert("RGB")
        else:
            image = PILImage.fromarray(pixels)
        buffer = io.BytesIO()
        if self.frame_format == "jpeg":
            image.save(buffer, format="jpeg", quality=85)
        else:
            image.save(buffer, format="png", compress_level=9)
        return buffer.getvalue()

    def render_png(self, *, small=False):
        """The current state as the bytes the Image widget shows.

        Parameters
        ----------
        small : bool, default=False
            Compress harder, as in :meth:`encode`.

        Returns
        -------
        data : bytes
            The frame, in the app's ``frame_format`` (PNG unless the app says JPEG).
        """
        return self.encode(self.render_rgba(), small=small)

    def refresh(self):
        """Show the current state: from the frame cache, or draw and render it.

        The artists are updated either way (it is cheap), so the figure always
        holds what the frame shows; only rendering is saved by the cache.
        """
        key = self._state_key()
        self._draw()
        frame = self._frames.get(key)
        if frame is None:
            # the first frame is the one a saved notebook stores: make it small
            frame = self.render_png(small=not self.image.value)
            self._frames[key] = frame
            if len(self._frames) > self.cache_size:
                self._frames.popitem(last=False)
        else:
            self._frames.move_to_end(key)
        self.image.value = frame
        self.status.value = self._status()

    def _describe(self, summary, **shown):
        """The one repr style of every app: ``Name(control=value, ...: what is shown)``."""
        controls = ", ".join(f"{name}={value!r}" for name, value in shown.items())
        return f"{type(self).__name__}({controls}: {summary})"

    def clear_cache(self):
        """Forget the rendered frames (after the figure's content changed)."""
        self._frames.clear()
