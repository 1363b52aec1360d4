"""Boilerplate terms and conditions, carrying decoy amounts and dates on purpose.

Real proposals bury insurance limits, late fees, hourly rates, licence expiry dates and
"valid for 30 days" in their fine print. An extractor that takes the first money or date it
sees picks one of these; the gold never does.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Decoys", "terms_paragraphs"]


@dataclass(frozen=True)
class Decoys:
    """Pre-formatted decoy values (the caller formats them in the document's style)."""

    hourly: str  # "$95.00 per hour"
    occurrence: str  # "$1,000,000"
    aggregate: str  # "$2,000,000"
    auto_limit: str  # "$1,000,000"
    late_fee: str  # "$50.00"
    late_percent: str  # "1.5%"
    license_expiry: str  # a date string
    revision_date: str  # a date string
    days_to_pay: int
    trade_word: str  # "roofing", "electrical"…


_CLAUSES: tuple[tuple[str, str], ...] = (
    (
        "Changes in the Work",
        "Any alteration or deviation from the specifications involving extra cost will be executed "
        "only upon a written change order signed by both parties, and will become an extra charge "
        "over and above the contract price. Extra work without a fixed price will be billed at "
        "{hourly} plus materials at cost plus fifteen percent.",
    ),
    (
        "Insurance",
        "Contractor shall maintain commercial general liability insurance with limits of not less "
        "than {occurrence} per occurrence and {aggregate} in the aggregate, automobile liability of "
        "{auto_limit} combined single limit, and workers' compensation as required by law. "
        "Certificates of insurance will be provided on request.",
    ),
    (
        "Late Payment",
        "Invoices not paid within {days_to_pay} days of the invoice date bear interest at {late_percent} "
        "per month, and a late fee of {late_fee} applies to each late invoice. Contractor may stop "
        "work while any undisputed amount remains unpaid for more than 10 days.",
    ),
    (
        "Licensing",
        "Contractor holds the licences required for {trade_word} work in the jurisdiction of the "
        "project. Contractor's state licence expires on {license_expiry} and will be renewed in the "
        "ordinary course.",
    ),
    (
        "Concealed Conditions",
        "Contractor is not responsible for conditions that could not reasonably be observed before "
        "the work began, including rot, mould, hazardous materials and code violations hidden in "
        "walls, floors or ceilings. Work to correct such conditions is extra work.",
    ),
    (
        "Permits and Inspections",
        "Unless stated otherwise, Contractor will apply for the permits required for the work and "
        "schedule the inspections. Delays caused by the permitting authority extend the time for "
        "completion by the length of the delay.",
    ),
    (
        "Delays",
        "Contractor is not liable for delays caused by weather, labour disputes, shortages of "
        "material, acts of the owner or the owner's separate contractors, or any cause beyond its "
        "reasonable control. The schedule is extended by the period of such delay.",
    ),
    (
        "Site Access",
        "Owner shall provide reasonable access to the site, water and electricity during working "
        "hours, and a place to stage material. Owner is responsible for removing personal property "
        "from the work areas before work begins.",
    ),
    (
        "Cleanup",
        "Contractor will keep the site reasonably free of debris and, at completion, remove its "
        "tools, equipment and surplus material and leave the work areas broom clean.",
    ),
    (
        "Dispute Resolution",
        "The parties shall first attempt in good faith to resolve any dispute by negotiation. Any "
        "dispute not so resolved within 30 days may be submitted to mediation before either party "
        "starts litigation. The prevailing party is entitled to reasonable attorney fees.",
    ),
    (
        "Termination",
        "Either party may terminate this agreement for a material breach that remains uncured ten "
        "days after written notice. On termination, Owner shall pay for work performed and materials "
        "delivered through the date of termination.",
    ),
    (
        "Indemnity",
        "To the fullest extent permitted by law, each party shall indemnify the other against claims "
        "for bodily injury and property damage to the extent caused by its negligent acts or "
        "omissions, or those of anyone for whom it is responsible.",
    ),
    (
        "Limitation of Liability",
        "Neither party is liable for consequential, incidental or indirect damages, including loss "
        "of use or lost profits. Contractor's total liability shall not exceed the amounts paid "
        "under this agreement.",
    ),
    (
        "Materials",
        "All material is guaranteed to be as specified. Title to material passes to Owner upon "
        "payment. Special-order items are non-returnable and are billed even if the order is "
        "cancelled after the supplier has accepted it.",
    ),
    (
        "Governing Law",
        "This agreement is governed by the laws of the state or country in which the project is "
        "located, without regard to its conflict of laws rules.",
    ),
    (
        "Notices",
        "Notices under this agreement shall be in writing and delivered by hand, by courier or by "
        "email with confirmation of receipt to the addresses stated in this agreement.",
    ),
    (
        "Entire Agreement",
        "This document, with its attachments, is the entire agreement of the parties and supersedes "
        "all prior proposals, negotiations and representations, written or oral.",
    ),
    (
        "Safety",
        "Contractor is responsible for the safety of its workers and for compliance with applicable "
        "safety regulations. Owner shall keep children and pets away from the work areas.",
    ),
    (
        "Hazardous Materials",
        "If asbestos, lead or other hazardous material is found, Contractor will stop work in the "
        "affected area and notify Owner. Testing and abatement are Owner's responsibility.",
    ),
    (
        "Photographs",
        "Contractor may photograph the work for its records and marketing, without showing the "
        "occupants or their belongings, unless Owner objects in writing.",
    ),
    (
        "Assignment",
        "Neither party may assign this agreement without the written consent of the other, which "
        "shall not be unreasonably withheld.",
    ),
    (
        "Severability",
        "If any provision of this agreement is held invalid, the remaining provisions remain in full "
        "force and effect.",
    ),
    (
        "Form Revision",
        "These standard terms were last revised on {revision_date} and apply to every proposal "
        "issued after that date.",
    ),
)

_FILLER: tuple[str, ...] = (
    "Nothing in this section limits any other right or remedy available to either party.",
    "Headings are for convenience only and do not affect the interpretation of these terms.",
    "A waiver of any breach is not a waiver of any later breach.",
    "Each party has had the opportunity to review these terms with counsel of its choosing.",
    "The obligations in this section survive completion or termination of the work.",
    "References to days mean calendar days unless business days are stated.",
    "Where this section conflicts with the scope of work, the scope of work governs.",
    "Contractor may use subcontractors of its choosing for portions of the work.",
    "Owner shall not directly hire Contractor's employees during the work and for six months after.",
    "Any warranty is void for work altered or repaired by others.",
)


def terms_paragraphs(rng: random.Random, count: int, decoys: Decoys) -> list[tuple[str, str]]:
    """``count`` titled paragraphs of terms; the first few always carry the decoys."""
    fmt: Callable[[str], str] = lambda text: text.format(**decoys.__dict__)  # noqa: E731
    core = list(_CLAUSES[:4])
    rest = list(_CLAUSES[4:])
    rng.shuffle(rest)
    chosen = core + rest
    out: list[tuple[str, str]] = []
    i = 0
    while len(out) < count:
        title, text = chosen[i % len(chosen)]
        if i >= len(chosen):
            title = f"{title} (continued)"
        extra = rng.sample(_FILLER, k=rng.randint(0, 3 if i < len(chosen) else 5))
        out.append((title, " ".join([fmt(text), *extra])))
        i += 1
    rng.shuffle(out)
    return out
