"""kt.hint: hints on request, weakest first; the stubs hold no code; the hints are enough."""

import ast
import json
from pathlib import Path

import numpy as np
import pytest
from scipy.special import logsumexp
from scipy.stats import multivariate_normal

import kmeans_teach as kt
from kmeans_teach.exercises import hints

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def fresh_counts(monkeypatch):
    monkeypatch.setattr(hints, "_ASKED", {})


def test_each_call_gives_the_next_hint_then_the_last_again():
    texts = hints.HINTS["e_step"][1]
    got = [kt.hint("e_step") for _ in range(len(texts) + 1)]
    assert [h.level for h in got] == [*range(1, len(texts) + 1), len(texts)]
    assert [h.text for h in got[:-1]] == list(texts)
    assert repr(got[0]).startswith(f"Hint 1 of {len(texts)} for e_step: ")
    assert "ask again" in repr(got[0]) and "the last one" in repr(got[-1])
    # the counts are per exercise
    assert kt.hint("inertia").level == 1


def test_a_level_asked_for_is_given_and_the_next_call_goes_on_from_it():
    assert kt.hint("d2_step", level=2).level == 2
    assert kt.hint("d2_step").level == 3


@pytest.mark.parametrize(("args", "match"), [
    (("e-step",), r"exercise must be one of \['d2_step', 'e_step'.*got 'e-step'"),
    (("inertia", 4), r"level must be an int from 1 to 3 for 'inertia'.*got 4"),
    (("inertia", 0), r"level must be an int from 1 to 3"),
    (("inertia", True), r"level must be an int"),
])
def test_a_bad_name_or_level_is_refused_by_name(args, match):
    with pytest.raises(ValueError, match=match):
        kt.hint(*args)


def _notebook(lesson):
    (path,) = ROOT.glob(f"notebooks/{lesson}_*.ipynb")
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


@pytest.mark.parametrize("name", sorted(hints.HINTS))
def test_the_lesson_offers_the_hint_and_its_stub_holds_no_code_of_the_answer(name):
    lesson, _ = hints.HINTS[name]
    cells = _notebook(lesson)
    text = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    assert any(f'`kt.hint("{name}")`' in t for t in text), f"lesson {lesson} never offers kt.hint({name!r})"
    # the stub: the code cell that defines the function and calls its checker without assert
    func_name = {"inertia": "my_inertia", "loglog_slope": "slope"}.get(name, name)
    sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    stubs = [ast.parse(s) for s in sources if f"def {func_name}(" in s and "assert kt.check_" not in s]
    assert len(stubs) == 1, f"lesson {lesson}: {len(stubs)} stub cells"
    (func,) = [node for node in stubs[0].body if isinstance(node, ast.FunctionDef) and node.name == func_name]
    body = [node for node in func.body
            if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))]  # docstring
    assert len(body) == 1 and isinstance(body[0], ast.Return), ast.unparse(func)
    # the placeholder it returns calls nothing but an array maker
    calls = {ast.unparse(n.func) for n in ast.walk(body[0]) if isinstance(n, ast.Call)}
    assert calls <= {"np.zeros", "np.full", "len"}, calls


# What each exercise's hints name (in their stronger layers). The solutions below are written
# with these, and the checkers accept them. The names must stay in the hints (a hint that
# drops one fails below) and out of the exercise's text and stub (the answer on request only).
NAMED = {
    "e_step": ["np.argmin"],
    "d2_step": ["np.cumsum", "np.searchsorted", "side='right'", "divided by its last value"],
    "inertia": ["centers[labels]"],
    "knn_affinity": ["np.argsort", "axis=1", "np.arange(len(X))[:, None]"],
    "loglog_slope": ["np.polyfit", "deg=1"],
    "gmm_e_step": ["logpdf", "logsumexp", "keepdims=True"],
}


@pytest.mark.parametrize("name", sorted(hints.HINTS))
def test_the_hints_name_what_the_solution_uses_and_the_exercise_text_does_not(name):
    lesson, texts = hints.HINTS[name]
    assert all(word in " ".join(texts) for word in NAMED[name]), (name, NAMED[name])
    cells = _notebook(lesson)
    (task,) = ["".join(c["source"]) for c in cells
               if c["cell_type"] == "markdown" and f'`kt.hint("{name}")`' in "".join(c["source"])]
    func_name = {"inertia": "my_inertia", "loglog_slope": "slope"}.get(name, name)
    (stub,) = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"
               and f"def {func_name}(" in "".join(c["source"]) and "assert kt.check_" not in "".join(c["source"])]
    for word in NAMED[name]:
        bare = word.removeprefix("np.").split("(")[0]
        for text in (task, stub):
            assert bare not in text.replace('"', "'"), (name, bare)


# Solutions written with the functions the hints name (NAMED above).

def e_step(X, centers):
    table = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
    return np.argmin(table, axis=1)


def d2_step(X, centers, u):
    running = np.cumsum(((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2).min(axis=1))
    return int(np.searchsorted(running / running[-1], u, side="right"))


def inertia(X, labels, centers):
    return float(np.sum((X - centers[labels]) ** 2))


def knn_affinity(X, n_neighbors):
    n = len(X)
    table = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
    keep = np.argsort(table, axis=1)[:, :n_neighbors]
    C = np.zeros((n, n))
    C[np.arange(n)[:, None], keep] = 1
    return (C + C.T) / 2


def loglog_slope(x, y):
    return np.polyfit(np.log10(x), np.log10(y), deg=1)[0]


def gmm_e_step(X, weights, means, covariances):
    logs = np.column_stack([np.log(w) + multivariate_normal(m, c).logpdf(X)
                            for w, m, c in zip(weights, means, covariances)])
    return np.exp(logs - logsumexp(logs, axis=1, keepdims=True))


FOLLOWED = {
    "e_step": (e_step, kt.check_e_step),
    "d2_step": (d2_step, kt.check_d2_step),
    "inertia": (inertia, kt.check_inertia),
    "knn_affinity": (knn_affinity, kt.check_knn_affinity),
    "loglog_slope": (loglog_slope, kt.check_loglog_slope),
    "gmm_e_step": (gmm_e_step, kt.check_gmm_e_step),
}


def test_every_hinted_exercise_has_a_solution_from_its_hints():
    assert set(FOLLOWED) == set(hints.HINTS)


@pytest.mark.parametrize("name", sorted(FOLLOWED))
def test_a_solution_from_the_hints_passes_the_checker(name):
    func, check = FOLLOWED[name]
    feedback = check(func)
    assert feedback, repr(feedback)


@pytest.mark.parametrize(("check", "stub", "name"), [
    (kt.check_inertia, lambda X, labels, centers: 0.0, "inertia"),
    (kt.check_loglog_slope, lambda x, y: 0.0, "loglog_slope"),
    (kt.check_loglog_slope, lambda x, y: 2.5, "loglog_slope"),
])
def test_the_stub_s_reply_points_to_the_hint_not_to_the_code(check, stub, name):
    message = repr(check(stub))
    assert message.startswith("Not yet") and f'kt.hint("{name}")' in message
    assert "polyfit" not in message and "centers[labels]" not in message


def _first_array_index(args):
    return next(i for i, a in enumerate(args) if isinstance(a, np.ndarray) and a.size > 1)


@pytest.mark.parametrize("name", sorted(FOLLOWED))
def test_a_right_answer_that_overwrites_its_input_is_rejected(name):
    func, check = FOLLOWED[name]

    def overwrites(*args):
        result = func(*args)
        args[_first_array_index(args)][...] = 0  # after computing the right answer
        return result

    feedback = check(overwrites)
    assert not feedback and "changed its input" in repr(feedback), repr(feedback)


@pytest.mark.parametrize("name", sorted(FOLLOWED))
def test_an_answer_right_only_on_the_first_case_is_rejected_at_the_second(name):
    func, check = FOLLOWED[name]
    first = []

    def remembers(*args):
        if not first:
            first.append(func(*args))
        return first[0]

    feedback = check(remembers)
    # d2_step's first case already has several draws u: it fails there
    assert not feedback and ("case 1 of" if name == "d2_step" else "case 2 of") in repr(feedback), repr(feedback)
