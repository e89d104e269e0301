"""The package's layers and public names: the engine never draws, plotting never builds
apps, exercises use the engine alone, and every public name is importable from the top."""

import ast
import importlib
import inspect
from pathlib import Path

import ipywidgets as widgets
import pytest

import kmeans_teach as kt
import kmeans_teach.apps

PACKAGE = Path(kt.__file__).parent
ENGINE_MODULES = sorted(p for p in PACKAGE.glob("*.py") if p.name != "__init__.py")
DRAWING = ("matplotlib", "ipywidgets", "IPython", "seaborn")


def imported_modules(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield ("." * node.level) + (node.module or "")


@pytest.mark.parametrize("path", ENGINE_MODULES, ids=lambda p: p.name)
def test_engine_modules_never_draw(path):
    drawing = [m for m in imported_modules(path) if m.split(".")[0] in DRAWING
               or m.startswith((".plotting", ".apps"))]
    assert not drawing, f"{path.name} is engine code but imports {drawing}"


@pytest.mark.parametrize("path", sorted((PACKAGE / "plotting").glob("*.py")), ids=lambda p: p.name)
def test_plotting_never_uses_pyplot_or_apps(path):
    bad = [m for m in imported_modules(path) if m in ("matplotlib.pyplot", "ipywidgets")
           or m.startswith(("..apps",))]
    assert not bad, f"plotting/{path.name} imports {bad}"
    code = path.read_text().split('"""', 2)[-1]  # the code, after the module docstring
    assert "plt.show" not in code and "savefig(" not in code


EXERCISE_MODULES = sorted((PACKAGE / "exercises").glob("*.py"))
ENGINE_NAMES = {p.stem for p in ENGINE_MODULES}


@pytest.mark.parametrize("path", EXERCISE_MODULES, ids=lambda p: p.name)
def test_exercises_use_only_the_engine(path):
    # checkers answer in a sentence: they never draw, never build an app, and
    # (imported with the package) must not pull in widgets or matplotlib
    modules = list(imported_modules(path))
    drawing = [m for m in modules if m.split(".")[0] in DRAWING]
    assert not drawing, f"exercises/{path.name} imports {drawing}"
    upward = [m for m in modules if m.startswith("..")]
    outside = [m for m in upward if m[2:].split(".")[0] not in ENGINE_NAMES]
    assert not outside, f"exercises/{path.name} imports {outside}, which are not engine modules"


def test_every_public_name_is_importable_from_the_top():
    for name in kt.__all__:
        assert getattr(kt, name) is not None
    for sub in ("plotting", "apps", "exercises"):
        module = importlib.import_module(f"kmeans_teach.{sub}")
        for name in module.__all__:
            assert hasattr(module, name), f"kmeans_teach.{sub}.{name} is listed but missing"


APPS = [obj for name, obj in vars(kmeans_teach.apps).items()
        if inspect.isclass(obj) and issubclass(obj, kt.apps.SliderApp) and obj is not kt.apps.SliderApp]


def test_every_app_is_exported_at_the_top():
    assert len(APPS) >= 1
    for app in APPS:
        assert getattr(kt, app.__name__) is app


@pytest.mark.parametrize("app_class", APPS, ids=lambda c: c.__name__)
def test_every_app_builds_with_no_arguments_and_says_what_it_shows(app_class):
    kwargs = {"show_progress": False} if "show_progress" in inspect.signature(app_class).parameters else {}
    app = app_class(**kwargs)
    assert isinstance(app, widgets.Box)
    signature = {"png": b"\x89PNG", "jpeg": b"\xff\xd8\xff"}[app.frame_format]
    assert app.image.format == app.frame_format
    assert bytes(app.image.value[:len(signature)]) == signature
    text = repr(app)
    assert text.startswith(app_class.__name__ + "(") and "object at 0x" not in text
    assert app.status.value


def test_importing_the_package_loads_no_drawing_or_widget_library():
    # the apps and plotting are imported on first use (PEP 562), scikit-learn
    # (which imports pandas) when a function first needs it
    import subprocess
    import sys

    code = ("import kmeans_teach, sys; print([m for m in ('ipywidgets', 'IPython', 'seaborn', "
            "'pandas', 'matplotlib.pyplot', 'matplotlib') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=PACKAGE.parent)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_the_lazy_names_still_work():
    import subprocess
    import sys

    code = ("import kmeans_teach as kt\n"
            "from kmeans_teach import StepThrough\n"
            "assert kt.StepThrough is StepThrough and 'StepThrough' in dir(kt)\n"
            "assert set(kt.__all__) <= set(dir(kt)) and 'plotting' in dir(kt)\n"
            "assert callable(kt.plotting.plot_step) and kt.apps.SliderApp\n"
            "try:\n    kt.NoSuchThing\nexcept AttributeError as e:\n    print(e)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=PACKAGE.parent)
    assert "has no attribute 'NoSuchThing'" in out.stdout, out.stderr
