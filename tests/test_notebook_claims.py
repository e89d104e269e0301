"""No number typed into a lesson's prose: each one is printed or computed beside it.

A student believes a sentence because the cell under it printed the evidence. So every
number in a markdown cell must also appear in the same section (a ``## `` heading and
the cells up to the next one): in a text output (printed text, a result's text/plain
or text/html, an error's message) or in the code. Numbers are compared by value, so
"1,000", "1000" and "1_000" match, "212" matches "212.0" and "10⁻⁶" matches "1e-6";
"2.5" does not match a printed "2.47": a rounded number in the prose must be printed
rounded.

What is not a claim and is left out, each rule with its reason:

- section and list numbering ("## 3. ...", "1. "): the lesson's own structure;
- references to lessons and sections ("lesson 08", "lessons 08–10", "§2", "notebook
  03", "02_bad_seeds", a zero-padded "02 · Bad seeds"): names, not quantities;
- years (1900–2099) and the link targets of markdown links and images: citations;
- LaTeX exponents and indices ("x^2", "x_1"): notation, not quantities;
- ``ALLOWED``: a short list of single numbers, each with its reason.
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

#: (notebook name or "*", number as written) -> why it needs no output beside it
ALLOWED = {
    ("*", "0"): "zero as a word ('below 0', 'from 0'), a bound rather than a measurement",
    ("*", "1"): "one as a word ('one center', 'the first'), not a measured quantity",
    ("*", "2"): "two as a word and as the square in 'squared distance', not a measurement",
}

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_NUMBER = re.compile(
    r"(?<![\w.])"                       # not inside a word or a longer number
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:(?P<sup>[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|[eE](?P<exp>[-+−]?\d+))?"
    r"(?![\w.]?\d)"
)
_VERSION = re.compile(r"(?<![\w.])\d+\.\d+\.\d+(?:\.\d+)*(?![\w.]?\d)")
_SKIP_PROSE = [
    re.compile(r"^\s{0,3}#+\s*\d+\s*[.·:]", re.M),                    # "## 3. Title"
    re.compile(r"^\s*\d+[.)]\s", re.M),                               # "1. item"
    re.compile(r"\]\([^)]*\)"),                                       # link targets
    re.compile(r"<[^>]+>"),                                           # HTML tags
    re.compile(r"\b\d\d_\w+"),                                        # 02_bad_seeds
    re.compile(r"(?<![\w.,])0\d(?![\w.,]?\d)"),                          # "Next: 02 · ..."
    re.compile(r"(?i)\b(?:lessons?|notebooks?|sections?|§)\s*\d+"
               r"(?:\s*(?:–|-|to|and|or|,)\s*\d+)*"),               # lesson 08, §2
    re.compile(r"\b(?:19|20)\d\d\b"),                                 # years
    re.compile(r"[\^_]\{?-?\d+\}?"),                                  # LaTeX x^2, x_1
]


def _value(match):
    text = match.group("num").replace(",", "")
    value = float(text)
    if match.group("sup"):
        value = value ** float(match.group("sup").translate(_SUPERSCRIPT))
    elif match.group("exp"):
        value = value * 10 ** float(match.group("exp").replace("−", "-"))
    return value


def numbers_in(text):
    """Every (as written, value) pair in ``text``: versions are kept as strings."""
    found = [(v, v) for v in _VERSION.findall(text)]
    text = _VERSION.sub(" ", text)
    text = re.sub(r"(?<=\d)_(?=\d)", "", text)                        # 1_000 in code
    text = re.sub(r"\b10\s*\*\*\s*(-?\d+)", lambda m: f"1e{m.group(1)}", text)
    for match in _NUMBER.finditer(text):
        found.append((match.group(0), _value(match)))
    return found


def prose_numbers(markdown):
    for rule in _SKIP_PROSE:
        markdown = rule.sub(" ", markdown)
    return numbers_in(markdown)


def _output_text(output):
    if output.get("output_type") == "stream":
        return "".join(output.get("text", ""))
    if output.get("output_type") == "error":
        return f"{output.get('ename', '')}: {output.get('evalue', '')}"
    data = output.get("data", {})
    parts = [data.get(kind, "") for kind in ("text/plain", "text/html", "text/markdown")]
    return "\n".join("".join(p) if isinstance(p, list) else p for p in parts)


def sections(nb):
    """The cells grouped by ``## `` headings (the title cell starts the first group)."""
    groups = [[]]
    for cell in nb["cells"]:
        source = "".join(cell.get("source", ""))
        if cell["cell_type"] == "markdown" and re.match(r"\s*##\s", source) and groups[-1]:
            groups.append([])
        groups[-1].append(cell)
    return groups


def typed_numbers(nb, name):
    """The numbers of the markdown cells that no output or code of their section holds."""
    missing = []
    for group in sections(nb):
        evidence_text = []
        for cell in group:
            if cell["cell_type"] == "code":
                evidence_text.append("".join(cell.get("source", "")))
                evidence_text.extend(_output_text(o) for o in cell.get("outputs", []))
        evidence = numbers_in("\n".join(evidence_text))
        strings = {s for s, v in evidence if isinstance(v, str)}
        values = [v for _, v in evidence if not isinstance(v, str)]
        heading = "".join(group[0].get("source", "")).strip().splitlines()[0][:60]
        for cell in group:
            if cell["cell_type"] != "markdown":
                continue
            for written, value in prose_numbers("".join(cell.get("source", ""))):
                plain = written.replace(",", "")
                if ("*", plain) in ALLOWED or (name, plain) in ALLOWED:
                    continue
                if isinstance(value, str):
                    if value in strings:
                        continue
                elif any(v == value or abs(v - value) <= 1e-12 * abs(value) for v in values):
                    continue
                missing.append(f"{heading!r}: {written}")
    return missing


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_number_in_the_prose_is_printed_or_computed_in_its_section(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    missing = typed_numbers(nb, path.name)
    assert not missing, (
        f"{path.name}: numbers typed into the prose with no output or code of their "
        "section holding them (print them beside the sentence, or allow-list them in "
        "tests/test_notebook_claims.py with the reason):\n  " + "\n  ".join(missing))


def _nb(markdown, code, output):
    return {"cells": [
        {"cell_type": "markdown", "source": "# 99 · A lesson"},
        {"cell_type": "markdown", "source": "## 1. A section\n\n" + markdown},
        {"cell_type": "code", "source": code,
         "outputs": [{"output_type": "stream", "name": "stdout", "text": output}]},
        {"cell_type": "markdown", "source": "## 2. Next\n\nThe inertia was 212.4."},
        {"cell_type": "code", "source": "print(inertia)", "outputs": []},
    ]}


def test_a_number_typed_into_the_prose_fails():
    nb = _nb("The inertia falls to 212.4, over 1,000 points.",
             "X = make(1_000)\nprint(round(inertia, 1))", "212.4\n")
    # section 1 prints 212.4 and its code holds 1_000; section 2 repeats 212.4 with
    # nothing printed in its own section: that is the typed-in number
    assert typed_numbers(nb, "99.ipynb") == ["'## 2. Next': 212.4"]


def test_a_rounded_number_must_be_printed_rounded():
    nb = _nb("It is about 2.5 times larger.", "print(ratio)", "2.47\n")
    assert "'## 1. A section': 2.5" in typed_numbers(nb, "99.ipynb")


def test_equal_values_in_other_spellings_match():
    nb = _nb("From 10⁻⁶ to 1,000, with 30 % kept and version 1.9.1.",
             "sig = [1e-6, 10**3]\nprint(sklearn.__version__)", "1.9.1\n30%\n")
    assert typed_numbers(nb, "99.ipynb") == ["'## 2. Next': 212.4"]


def test_structure_years_and_references_are_not_claims():
    nb = _nb("1. First, as in lesson 08 and lessons 03–05 (Arthur, 2007), "
             "see [here](https://x.org/a/99.5) and $x_3^4$, in 02_bad_seeds.",
             "pass", "")
    assert typed_numbers(nb, "99.ipynb") == ["'## 2. Next': 212.4"]
