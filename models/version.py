"""Version of the package and of the extraction rules, recorded in every handoff."""

__version__ = "0.1.0"
# Bump the rules part whenever patterns or extractors change what they return.
PIPELINE_VERSION = f"handoff-{__version__}/rules-2"

__all__ = ["PIPELINE_VERSION", "__version__"]
