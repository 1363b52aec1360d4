"""The benchmark behind ``handoff bench``: throughput and memory of every stage, with the bare
libraries measured on the same files in the same run so the figures compare as ratios.

Figures are medians over repetitions, with min and max; the machine is shared and noisy, so
only ratios measured in one run are meaningful.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from models.settings import Settings

__all__ = ["BenchReport", "Measure", "run_bench"]

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "generated"


class Measure(BaseModel):
    """One figure: a rate (units per second) over repetitions."""

    name: str
    unit: str
    median: float
    min: float
    max: float
    reps: int
    note: str | None = None


class BenchReport(BaseModel):
    machine: dict[str, Any]
    corpus: dict[str, Any]
    stages: list[Measure] = Field(default_factory=list)
    references: list[Measure] = Field(default_factory=list)
    ratios: dict[str, float] = Field(default_factory=dict)
    batch: dict[str, float] = Field(default_factory=dict)
    memory_mib: dict[str, float] = Field(default_factory=dict)
    cold_start_s: dict[str, float] = Field(default_factory=dict)
    watch_latency_s: dict[str, float] = Field(default_factory=dict)
    ocr: list[dict[str, float]] = Field(default_factory=list)
    targets: dict[str, bool] = Field(default_factory=dict)


def _log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def _times(fn: Callable[[], object], reps: int,
           setup: Callable[[], None] | None = None) -> list[float]:
    """Wall time of ``fn`` per repetition; ``setup`` runs untimed before each."""
    out: list[float] = []
    for _ in range(reps):
        if setup is not None:
            setup()
        gc.collect()
        t0 = time.perf_counter()
        fn()
        out.append(max(time.perf_counter() - t0, 1e-9))
    return out


def _rate(name: str, unit: str, amount: float, times: list[float], note: str | None = None) -> Measure:
    rates = [amount / t for t in times]
    return Measure(name=name, unit=unit, median=round(statistics.median(rates), 2),
                   min=round(min(rates), 2), max=round(max(rates), 2), reps=len(times), note=note)


def _measure(name: str, unit: str, amount: float, fn: Callable[[], object], reps: int,
             note: str | None = None) -> Measure:
    return _rate(name, unit, amount, _times(fn, reps), note)


def _machine() -> dict[str, Any]:
    import platform

    import psutil

    return {"cpus": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            "processor": platform.processor() or platform.machine()}


def _pages(path: Path) -> int:
    if path.suffix.lower() == ".pdf":
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(path))
        try:
            return len(pdf)
        finally:
            pdf.close()
    return 1


# --- stages -----------------------------------------------------------------------------------
def _stage_measures(files: list[Path], settings: Settings, reps: int, label: str) -> list[Measure]:
    from extractors.context import Context
    from extractors.pipeline import analyse, check, extract_fields, process_path, read

    documents = [read(f, settings) for f in files]
    pages = sum(d.page_count for d in documents)
    contexts = [analyse(d, settings) for d in documents]
    handoffs = [extract_fields(c) for c in contexts]
    out: list[Measure] = []
    read_times = _times(lambda: [read(f, settings) for f in files], reps)
    out.append(_rate(f"{label}: read", "pages/s", pages, read_times))
    out.append(_rate(f"{label}: read", "documents/s", len(files), read_times))
    out.append(_measure(f"{label}: nlp", "pages/s", pages, lambda: [analyse(d, settings) for d in documents], reps))
    # Fresh contexts for every repetition: a Context caches what the rules look up, and a
    # second pass over the same ones would time the cache.
    fresh: list[Any] = []

    def new_contexts() -> None:
        fresh[:] = [Context(c.document, c.doc, settings) for c in contexts]

    out.append(_rate(f"{label}: fields", "pages/s", pages,
                     _times(lambda: [extract_fields(c) for c in fresh], reps, new_contexts)))
    out.append(_measure(f"{label}: checks", "pages/s", pages, lambda: [check(h, settings) for h in handoffs], reps))
    out.append(_measure(f"{label}: write", "pages/s", pages, lambda: [h.model_dump_json() for h in handoffs], reps))

    def end_to_end() -> None:
        for f in files:
            process_path(f, settings).model_dump_json()

    times = _times(end_to_end, reps)
    note = f"{len(files)} documents, {pages} pages; verify_amounts={settings.verify_amounts}"
    out.append(_rate(f"{label}: end to end", "pages/s", pages, times, note))
    out.append(_rate(f"{label}: end to end", "documents/s", len(files), times, note))
    return out


# --- bare libraries ---------------------------------------------------------------------------
def _bare_pdfplumber(files: Iterable[Path]) -> None:
    import pdfplumber

    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_words()
                page.close()


def _bare_pdfium(files: Iterable[Path]) -> None:
    import pypdfium2

    for f in files:
        pdf = pypdfium2.PdfDocument(str(f))
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            for c in range(textpage.count_chars()):
                textpage.get_charbox(c)
            textpage.close()
            page.close()
        pdf.close()


def _bare_docx(files: Iterable[Path]) -> None:
    import docx

    for f in files:
        document = docx.Document(str(f))
        for p in document.paragraphs:
            _ = p.text
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    _ = cell.text


# --- subprocess figures -----------------------------------------------------------------------
_RSS_SCRIPT = """
import resource, sys
from pathlib import Path
from extractors.pipeline import process_path
from models.settings import Settings
process_path(Path(sys.argv[1]), Settings())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak_rss_mib(path: Path) -> float:
    out = subprocess.run([sys.executable, "-c", _RSS_SCRIPT, str(path)], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    return round(int(out.stdout.strip().splitlines()[-1]) / 1024, 1)


def _time_commands(commands: list[list[str]], reps: int) -> list[float]:
    """Median wall time of each command, run in turn (A, B, C, A, B, C …) so that a slow
    moment of a shared machine falls on all of them alike; one unmeasured round first warms
    the file cache."""
    times: list[list[float]] = [[] for _ in commands]
    for rep in range(reps + 1):
        for argv, bucket in zip(commands, times, strict=True):
            t0 = time.perf_counter()
            subprocess.run(argv, capture_output=True, check=False, cwd=ROOT)
            if rep:
                bucket.append(time.perf_counter() - t0)
    return [round(statistics.median(t), 3) for t in times]


def _handoff_exe() -> list[str]:
    exe = Path(sys.executable).with_name("handoff")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "handoff"]


def _watch_latency(sample: Path, timeout: float = 120.0) -> float | None:
    """Drop a file into a running watcher's inbox and time until its JSON appears in out/."""
    with tempfile.TemporaryDirectory(prefix="handoff-bench-watch-") as tmp:
        root = Path(tmp)
        env = dict(os.environ, HANDOFF_DATA_DIR=str(root / "data"), HANDOFF_STABLE_SECONDS="0.2",
                   HANDOFF_WORKERS="1")
        proc = subprocess.Popen([*_handoff_exe(), "watch", str(root)], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + timeout
            while not (root / "inbox").is_dir() and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(3.0)  # let the watcher finish its start-up scan and warm its worker
            staged = root / f".{sample.name}"
            shutil.copyfile(sample, staged)
            t0 = time.perf_counter()
            staged.rename(root / "inbox" / sample.name)
            while time.monotonic() < deadline:
                if any((root / "out").glob("*.json")):
                    return round(time.perf_counter() - t0, 3)
                if proc.poll() is not None:
                    return None
                time.sleep(0.02)
            return None
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


def _ocr_figures(work: Path, settings: Settings) -> list[dict[str, float]]:
    from dataclasses import asdict

    from extractors.readers.ocr import ocr_available
    from extractors.readers.ocr_bench import make_scanned_pdf, measure_dpi, sample_proposal_pdf

    if not ocr_available(settings.ocr_language):
        _log("Tesseract is not installed: OCR figures skipped")
        return []
    text_pdf = work / "ocr-text.pdf"
    text_pdf.write_bytes(sample_proposal_pdf(4))
    scan = make_scanned_pdf(text_pdf, work / "ocr-scan.pdf", dpi=300, rotate=1.5, noise=0.05)
    rows: list[dict[str, float]] = []
    for workers in sorted({1, os.cpu_count() or 1}):
        for m in measure_dpi(text_pdf, scan, settings, (200, 300), workers=workers):
            rows.append({k: float(v) for k, v in asdict(m).items()})
    return rows


def _batch_rate(files: list[Path], workers: int, settings: Settings) -> float | None:
    """Documents per second through the product's isolated worker pool."""
    try:
        from extractors.sandbox import run_many
    except ImportError:
        return None
    local = settings.model_copy(update={"workers": workers})
    t0 = time.perf_counter()
    results = list(run_many(files, local))
    elapsed = time.perf_counter() - t0
    return round(len(results) / elapsed, 3)


# --- the run ----------------------------------------------------------------------------------
def run_bench(*, reps: int = 5, long_pdf_pages: int = 300, long_docx_pages: int = 100,
              samples: Path = SAMPLES, skip: set[str] | None = None) -> BenchReport:
    """Build the corpus, measure everything, return the report."""
    skip = skip or set()
    settings = Settings()
    with tempfile.TemporaryDirectory(prefix="handoff-bench-") as tmp:
        work = Path(tmp)
        from handoff.bench_corpus import make_long_docx, make_long_pdf

        # Text PDFs only: scanned samples measure OCR, which is reported on its own.
        pdfs = [p for p in sorted(samples.glob("*.pdf")) if "scan" not in p.stem][:20]
        docxs = sorted(samples.glob("*.docx"))[:20]
        _log(f"corpus: {len(pdfs)} sample PDFs, {len(docxs)} sample DOCX from {samples}")
        long_pdf = make_long_pdf(work / "long.pdf", long_pdf_pages)
        ten_pdf = make_long_pdf(work / "ten.pdf", 10)
        five_pdf = make_long_pdf(work / "five.pdf", 5)
        one_pdf = make_long_pdf(work / "one.pdf", 1)
        long_docx = make_long_docx(work / "long.docx", long_docx_pages)
        report = BenchReport(machine=_machine(), corpus={
            "sample_pdfs": len(pdfs), "sample_docx": len(docxs),
            "sample_pdf_pages": sum(_pages(p) for p in pdfs),
            "long_pdf_pages": long_pdf_pages, "long_docx_pages_approx": long_docx_pages, "reps": reps})

        pdf_set = pdfs + [long_pdf]
        pdf_pages = sum(_pages(p) for p in pdf_set)
        _log(f"stages on {len(pdf_set)} PDFs ({pdf_pages} pages) …")
        report.stages += _stage_measures(pdf_set, settings, reps, "pdf")
        if docxs or long_docx:
            _log("stages on DOCX …")
            report.stages += _stage_measures(docxs + [long_docx], settings, reps, "docx")

        _log("bare libraries on the same files …")
        plumber_reps = max(1, min(reps, 2))
        report.references.append(_measure("pdfplumber extract_words", "pages/s", pdf_pages,
                                          lambda: _bare_pdfplumber(pdf_set), plumber_reps))
        report.references.append(_measure("pypdfium2 text + char boxes", "pages/s", pdf_pages,
                                          lambda: _bare_pdfium(pdf_set), reps))
        docx_set = docxs + [long_docx]
        report.references.append(_measure("python-docx read", "documents/s", len(docx_set),
                                          lambda: _bare_docx(docx_set), reps))
        # The floor spaCy sets: its tokenizer alone on the texts we read from the same files.
        import spacy

        from extractors.pipeline import read

        docx_texts = [read(f, settings).text for f in docx_set]
        tokenizer = spacy.blank("en").tokenizer
        report.references.append(_measure(
            "spaCy tokenizer alone (DOCX texts)", "documents/s", len(docx_set),
            lambda: [tokenizer(t) for t in docx_texts], reps))

        def median(name: str, unit: str, pool: list[Measure]) -> float:
            return next(m.median for m in pool if m.name == name and m.unit == unit)

        pdf_e2e = median("pdf: end to end", "pages/s", report.stages)
        report.ratios["pdf_e2e_vs_pdfplumber_words"] = round(
            pdf_e2e / median("pdfplumber extract_words", "pages/s", report.references), 2)
        report.ratios["pdf_e2e_vs_pypdfium2_text"] = round(
            pdf_e2e / median("pypdfium2 text + char boxes", "pages/s", report.references), 3)
        report.ratios["docx_e2e_vs_python_docx_read"] = round(
            median("docx: end to end", "documents/s", report.stages)
            / median("python-docx read", "documents/s", report.references), 2)
        report.ratios["docx_read_vs_python_docx_read"] = round(
            median("docx: read", "documents/s", report.stages)
            / median("python-docx read", "documents/s", report.references), 2)
        report.ratios["spacy_tokenizer_vs_python_docx_read"] = round(
            median("spaCy tokenizer alone (DOCX texts)", "documents/s", report.references)
            / median("python-docx read", "documents/s", report.references), 2)

        if "batch" not in skip:
            batch_files = (pdfs + docxs) * 2 or [ten_pdf] * 8
            _log(f"batch on {len(batch_files)} documents, 1 worker vs {os.cpu_count()} …")
            one = _batch_rate(batch_files, 1, settings)
            many = _batch_rate(batch_files, os.cpu_count() or 1, settings)
            if one and many:
                report.batch = {"docs_per_s_1_worker": one, f"docs_per_s_{os.cpu_count()}_workers": many,
                                "speedup": round(many / one, 2)}

        _log("peak RSS …")
        report.memory_mib["peak_rss_10_pages"] = _peak_rss_mib(ten_pdf)
        report.memory_mib[f"peak_rss_{long_pdf_pages}_pages"] = _peak_rss_mib(long_pdf)
        report.ratios["rss_long_vs_10_pages"] = round(
            report.memory_mib[f"peak_rss_{long_pdf_pages}_pages"] / report.memory_mib["peak_rss_10_pages"], 2)

        _log("cold start …")
        cold_reps = max(5, reps)
        spacy_s, blank_s, extract_s = _time_commands(
            [[sys.executable, "-c", "import spacy"],
             [sys.executable, "-c", "import spacy; spacy.blank('en')"],
             [*_handoff_exe(), "extract", str(one_pdf)]], cold_reps)
        report.cold_start_s["import_spacy"] = spacy_s
        report.cold_start_s["import_spacy_and_blank_en"] = blank_s
        report.cold_start_s["handoff_extract_1_page"] = extract_s
        report.ratios["cold_start_vs_import_spacy"] = round(
            report.cold_start_s["handoff_extract_1_page"] / report.cold_start_s["import_spacy"], 2)

        if "ocr" not in skip:
            _log("OCR of a scanned 4-page proposal at 200 and 300 dpi, 1 worker vs all …")
            report.ocr = _ocr_figures(work, settings)

        if "watch" not in skip:
            _log("watch latency …")
            latency = _watch_latency(five_pdf)
            if latency is not None:
                report.watch_latency_s["drop_to_json_5_pages"] = latency

        r = report.ratios
        report.targets = {
            "pdf_e2e >= 5x pdfplumber extract_words": r["pdf_e2e_vs_pdfplumber_words"] >= 5,
            "docx_e2e >= 0.5x python-docx read": r["docx_e2e_vs_python_docx_read"] >= 0.5,
            "rss 300 pages <= 1.5x 10 pages": r["rss_long_vs_10_pages"] <= 1.5,
            "cold start <= 1.3x import spacy": r["cold_start_vs_import_spacy"] <= 1.3,
        }
        if report.batch:
            report.targets["batch speed-up >= 1.8x on 2 cores"] = report.batch["speedup"] >= 1.8
    return report


def render_table(report: BenchReport) -> str:
    """A plain-text table of the report for people."""
    lines = [f"{'measure':44} {'unit':12} {'median':>10} {'min':>10} {'max':>10}"]
    for m in report.stages + report.references:
        lines.append(f"{m.name:44} {m.unit:12} {m.median:10.2f} {m.min:10.2f} {m.max:10.2f}")
    lines.append("")
    for group in ("ratios", "batch", "memory_mib", "cold_start_s", "watch_latency_s", "targets"):
        for key, value in getattr(report, group).items():
            lines.append(f"{group}.{key:50} {value}")
    for row in report.ocr:
        lines.append(f"ocr: {row['dpi']:.0f} dpi, {row['workers']:.0f} worker(s): "
                     f"{row['pages_per_second']:.2f} pages/s, {row['cpu_seconds_per_page']:.2f} CPU s/page, "
                     f"word recall {row['word_recall']:.3f}")
    return "\n".join(lines)


def dump(report: BenchReport) -> str:
    return json.dumps(report.model_dump(mode="json"), indent=2)
