"""The Playground steps with the keys a presenter's remote sends as well as the arrows."""

import pytest

import kmeans_teach as kt


@pytest.mark.parametrize(("forward", "back"), [("ArrowRight", "ArrowLeft"), ("PageDown", "PageUp")])
def test_forward_and_back_keys_step_and_go_back(forward, back):
    app = kt.Playground()
    try:
        app.place([(-2.0, 3.0), (2.0, 1.0)])
        app.handle_event({"type": "keydown", "key": forward})
        app.handle_event({"type": "keydown", "key": forward})
        assert app.index == 2 and app.status.value.startswith("Iteration 1 · update (M-step)")
        app.handle_event({"type": "keydown", "key": back})
        assert app.index == 1 and "assign (E-step)" in app.status.value
        app.handle_event({"type": "keydown", "key": "Home"})  # any other key: nothing moves
        assert app.index == 1
    finally:
        app.close()
