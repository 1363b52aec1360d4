"""Coverage-guided fuzzing of the readers and the normalisers (atheris, i.e. libFuzzer).

    python -m tests.fuzz --runs 20000                      # every target in turn (make fuzz)
    python -m tests.fuzz --runs 20000 --target readers     # mutated PDF/DOCX bytes
    python -m tests.fuzz --runs 5000 --target docx-xml     # raw XML spliced into a DOCX body
    python -m tests.fuzz --runs 50000 --target normalize   # money, dates, durations, percents

Targets (checks in ``tests/hostile/fuzzkit.py``):

    readers    bytes -> ``read_document``; anything but a ``HandoffError`` is a finding
    docx-xml   text -> WordprocessingML in the seed DOCX -> ``read_document``; same rule
    normalize  text -> parse_money / parse_date / parse_duration / parse_percent; any exception
               or a broken contract (negative money, a non-ISO date …) is a finding

The seed corpus (a generated proposal PDF and DOCX) is written to ``--corpus`` (default: a
temporary folder); interesting inputs found by libFuzzer are added there, so a later run with the
same ``--corpus`` resumes. A finding stops the run with a non-zero exit and leaves the input as
``crash-<sha1>`` in ``--artifacts``. Replay one with ``python -m tests.fuzz --replay FILE --target T``.

When atheris is not installed, the same checks run under a bounded hypothesis runner instead
(random mutations, not coverage-guided), with the same ``--runs``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TARGETS = ("readers", "docx-xml", "normalize")


DICTIONARIES: dict[str, tuple[str, ...]] = {
    "docx-xml": ("<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "<w:tbl>", "</w:tbl>",
                 "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>", "<w:pPr>", "</w:pPr>", "<w:rPr>",
                 "</w:rPr>", '<w:pStyle w:val="Heading1"/>', "<w:numPr>", "</w:numPr>",
                 '<w:numId w:val="1"/>', '<w:ilvl w:val="0"/>', '<w:gridSpan w:val="2"/>',
                 '<w:vMerge w:val="restart"/>', "<w:vMerge/>", "<w:br/>", "<w:tab/>",
                 '<w:vanish/>', '<w:color w:val="FFFFFF"/>', '<w:sz w:val="1"/>',
                 '<w:hyperlink r:id="rId1">', "</w:hyperlink>", "<w:sdt>", "<w:sdtContent>",
                 "</w:sdtContent>", "</w:sdt>", "$12,500.00", "Total", "&amp;", "&#0;"),
    "normalize": ("$", "USD", "EUR", "€", ",", ".", "/100", "percent", "%", "days", "business",
                  "calendar", "weeks", "months", "thousand", "hundred", "and", "January",
                  "2026", "31", "12", "/"),
}


def _dict_entry(token: str) -> str:
    """One libFuzzer dictionary line: the token's UTF-8 bytes, quoted, non-ASCII as \\xNN."""
    body = "".join(chr(b) if 32 <= b < 127 and chr(b) not in '"\\' else f"\\x{b:02x}"
                   for b in token.encode("utf-8"))
    return f'"{body}"'


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20_000, help="inputs to try (bounded run)")
    parser.add_argument("--target", choices=(*TARGETS, "all"), default="all",
                        help="what to fuzz; 'all' runs each target in turn (default)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="seed/working corpus folder (kept between runs)")
    parser.add_argument("--artifacts", type=Path, default=Path("fuzz-findings"),
                        help="folder for inputs that triggered a finding")
    parser.add_argument("--max-len", type=int, default=64 * 1024, help="largest input in bytes")
    parser.add_argument("--timeout", type=int, default=30, help="seconds per input (libFuzzer)")
    parser.add_argument("--rss-limit-mb", type=int, default=3072, help="memory cap (libFuzzer)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (0: libFuzzer picks)")
    parser.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    parser.add_argument("--replay", type=Path, default=None, help="run one saved input and exit")
    return parser


def _one_input(target: str, work: Path) -> tuple[Callable[[bytes], object], dict[str, bytes]]:
    """The check for ``target`` (taking raw fuzz bytes) and its seed inputs."""
    from fuzzkit import NormalizeTarget, ReaderTarget

    if target == "normalize":
        norm = NormalizeTarget()
        seeds = {f"n{i}": s.encode() for i, s in enumerate((
            "$12,500.00", "Twelve thousand five hundred and 00/100 dollars", "1.234,56 EUR",
            "March 3, 2026", "03/04/2026", "2026-13-45", "45 calendar days",
            "ten (10) business days", "10%", "ten percent (10%)", "USD 99,999,999.00"))}
        return norm.check_bytes, seeds
    reader = ReaderTarget(work / "reader")
    if target == "docx-xml":
        seeds = {"p": b"<w:p><w:r><w:t>Total $12,500.00</w:t></w:r></w:p>",
                 "t": b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>"
                      b"</w:tbl>"}
        return lambda data: reader.check_docx_body(data.decode("utf-8", "replace")), seeds
    return reader.check, reader.seeds()


def _write_seeds(corpus: Path, seeds: dict[str, bytes]) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    for name, data in seeds.items():
        if not (corpus / name).exists():
            (corpus / name).write_bytes(data)


def _import_readers() -> None:
    import pkgutil

    import extractors.readers

    for info in pkgutil.iter_modules(extractors.readers.__path__, "extractors.readers."):
        if not info.name.endswith("_bench"):
            importlib.import_module(info.name)


def run_atheris(args: argparse.Namespace, work: Path) -> int:
    import atheris  # type: ignore[import-untyped]  # no stubs; optional dev tool

    sys.path.insert(0, str(HERE / "hostile"))
    with atheris.instrument_imports(include=["extractors", "models", "fuzzkit"]):
        _import_readers()  # the readers import their modules lazily: instrument them now
        check, seeds = _one_input(args.target, work)
    corpus = args.corpus or work / "corpus"
    _write_seeds(corpus, seeds)
    args.artifacts.mkdir(parents=True, exist_ok=True)
    flags = [f"-runs={args.runs}", f"-max_len={args.max_len}", f"-timeout={args.timeout}",
             f"-rss_limit_mb={args.rss_limit_mb}", f"-artifact_prefix={args.artifacts}{os.sep}",
             "-print_final_stats=1"]
    tokens = DICTIONARIES.get(args.target)
    if tokens:  # libFuzzer splices these in whole: random bytes seldom make well-formed XML
        dictionary = work / f"{args.target}.dict"
        dictionary.write_text("".join(f"{_dict_entry(t)}\n" for t in tokens))
        flags.append(f"-dict={dictionary}")
    if args.seed:
        flags.append(f"-seed={args.seed}")

    def test_one_input(data: bytes) -> None:
        check(data)

    atheris.Setup([sys.argv[0], *flags, str(corpus)], test_one_input)
    atheris.Fuzz()  # exits the process: 0 after --runs, non-zero on a finding
    return 0


def run_hypothesis(args: argparse.Namespace, work: Path) -> int:
    """Fallback without atheris: random mutations of the seeds, ``--runs`` examples."""
    from hypothesis import HealthCheck, given, seed, settings
    from hypothesis import strategies as st

    sys.path.insert(0, str(HERE / "hostile"))
    from fuzzkit import mutate

    check, seeds = _one_input(args.target, work)
    pool = list(seeds.values())
    limit = max(len(s) for s in pool)
    mutated = st.builds(mutate, st.sampled_from(pool),
                        st.lists(st.tuples(st.integers(0, limit), st.integers(0, 255)),
                                 max_size=40),
                        st.integers(1, limit))
    inputs = st.one_of(mutated, st.binary(max_size=min(args.max_len, 4096)))

    @seed(args.seed)
    @settings(max_examples=args.runs, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(inputs)
    def fuzz(data: bytes) -> None:
        check(data)

    fuzz()
    print(f"tests.fuzz: {args.runs} hypothesis examples on {args.target}: no finding",
          file=sys.stderr)
    return 0


def _run_all(argv: list[str]) -> int:
    """Each target in its own process (libFuzzer exits when done); stop at the first finding."""
    import subprocess

    for target in TARGETS:
        print(f"tests.fuzz: target {target}", file=sys.stderr, flush=True)
        code = subprocess.call([sys.executable, "-m", "tests.fuzz", *argv, "--target", target],
                               cwd=HERE.parent)
        if code != 0:
            return code
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="handoff-fuzz-"))
    if args.replay is not None and args.target != "all":
        sys.path.insert(0, str(HERE / "hostile"))
        check, _ = _one_input(args.target, work)
        result: Any = check(args.replay.read_bytes())
        print(f"tests.fuzz: {args.replay}: {result if result is not None else 'ok'}")
        return 0
    if args.target == "all":
        return _run_all(argv if argv is not None else sys.argv[1:])
    engine = args.engine
    if engine == "auto":
        engine = "atheris" if importlib.util.find_spec("atheris") is not None else "hypothesis"
        if engine == "hypothesis":
            print("tests.fuzz: atheris is not installed; running the hypothesis fallback",
                  file=sys.stderr)
    return run_atheris(args, work) if engine == "atheris" else run_hypothesis(args, work)


if __name__ == "__main__":
    raise SystemExit(main())
