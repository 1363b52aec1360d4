"""handoff: signed proposals in, a reviewed handoff package for the project manager out."""

from models.version import PIPELINE_VERSION, __version__

__all__ = ["PIPELINE_VERSION", "__version__"]
