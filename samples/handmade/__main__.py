"""Rebuild the hand-made samples: ``python -m samples.handmade [OUTDIR]``.

Each document has its own script under ``src/`` with its own layout and wording; the gold
files beside the documents are written by hand, not generated.
"""

from __future__ import annotations

import sys
from pathlib import Path

from samples.handmade.src import (
    consulting_two_column,
    contract_amendment_docx,
    council_resolution,
    design_build_agreement_pdf,
    electrical_subcontract_pdf,
    email_quote_pdf,
    esigned_services,
    eu_joinery_quote_pdf,
    hvac_maintenance_pdf,
    landscape_proposal_docx,
    long_remodel_proposal_pdf,
    painting_estimate_docx,
    roofing_quote,
    scanned_fence_proposal,
    tm_restoration_pdf,
    tracked_subcontract,
    uk_rewire_quote,
    unit_price_bid_docx,
)

BUILDERS = (
    roofing_quote,
    consulting_two_column,
    council_resolution,
    esigned_services,
    uk_rewire_quote,
    tracked_subcontract,
    painting_estimate_docx,
    hvac_maintenance_pdf,
    electrical_subcontract_pdf,
    eu_joinery_quote_pdf,
    landscape_proposal_docx,
    design_build_agreement_pdf,
    email_quote_pdf,
    contract_amendment_docx,
    tm_restoration_pdf,
    unit_price_bid_docx,
    long_remodel_proposal_pdf,
    scanned_fence_proposal,
)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path(__file__).parent
    out.mkdir(parents=True, exist_ok=True)
    for module in BUILDERS:
        print(module.build(out), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
