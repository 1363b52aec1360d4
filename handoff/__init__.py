"""handoff: signed proposals in, a reviewed handoff package for the project manager out."""

__version__ = "0.1.0"
PIPELINE_VERSION = f"handoff-{__version__}/rules-1"

__all__ = ["PIPELINE_VERSION", "__version__"]
