"""The PM's brief of an approved package: "What we sold", as HTML, Markdown, a foreman sheet
(the same without prices) and an iCalendar file of the dated milestones.

Every text in a package came from a document a stranger wrote: the HTML goes through Jinja2
autoescaping, the Markdown escapes every character Markdown gives meaning to (so no raw HTML,
links or images survive), and the calendar escapes per RFC 5545.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, timedelta
from pathlib import Path
from typing import Literal

from jinja2 import Environment, FileSystemLoader, select_autoescape

from models.handoff import Field, Handoff, Money, Party, ScopeItem

__all__ = ["FORMATS", "Brief", "build_brief", "render", "render_html", "render_ics",
           "render_markdown"]

Format = Literal["html", "md", "foreman", "ics"]
FORMATS: tuple[str, ...] = ("html", "md", "foreman", "ics")
TEMPLATES = Path(__file__).resolve().parent / "templates"
_ENV = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                   autoescape=select_autoescape(["html"], default=True))


@dataclass
class Line:
    """One row of a section: a label, its text, and an amount shown only in the PM's brief."""

    text: str
    label: str = ""
    amount: str = ""
    note: str = ""


@dataclass
class Brief:
    title: str
    file_name: str
    status: str
    client: str
    contractor: str
    project: str
    site: str
    total: str
    sections: dict[str, list[Line]] = field(default_factory=dict)
    money_sections: tuple[str, ...] = ("Money and payment schedule", "Open flags on the price")
    events: list[tuple[date, str]] = field(default_factory=list)


def _v(f: Field[str]) -> str:
    return str(f.value) if f.found and f.value is not None else ""


def _money(m: Money | None) -> str:
    return str(m) if m is not None else ""


def _mfield(f: Field[Money]) -> str:
    return _money(f.value) if f.found else ""


def _full_date(text: str | None) -> date | None:
    if not text or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _items(items: list[ScopeItem]) -> list[Line]:
    out = []
    for i in items:
        qty = f"{i.quantity} {i.unit or ''}".strip() if i.quantity is not None else ""
        out.append(Line(text=i.text, note=qty))
    return out


def _contact(role: str, p: Party) -> Line | None:
    bits = [x for x in (_v(p.contact), _v(p.email), _v(p.phone), _v(p.address)) if x]
    name = _v(p.name)
    if not name and not bits:
        return None
    return Line(label=role, text=name or "(name not found)", note=" · ".join(bits))


def build_brief(h: Handoff) -> Brief:
    """Gather what the PM needs from a package, in reading order."""
    project = _v(h.parties.project_name)
    client = _v(h.parties.client.name)
    b = Brief(
        title=project or client or h.document.file_name,
        file_name=h.document.file_name,
        status=h.review.status.value,
        client=client,
        contractor=_v(h.parties.contractor.name),
        project=project,
        site=_v(h.parties.site_address),
        total=_mfield(h.price.total),
    )
    s = b.sections
    s["Scope: what we do"] = _items(h.scope.inclusions)
    s["What is NOT included"] = _items(h.scope.exclusions)
    s["Assumptions and clarifications"] = _items(h.scope.assumptions)
    s["Owner / client responsibilities"] = _items(h.scope.owner_responsibilities)
    allow = [Line(label="Allowance", text=a.description, amount=_money(a.amount))
             for a in h.price.allowances]
    allow += [Line(label="Alternate", text=a.description, amount=_money(a.amount),
                   note=f"accepted: {a.accepted}") for a in h.price.alternates]
    s["Allowances and alternates"] = allow
    money: list[Line] = []
    for label, f in (("Total", h.price.total), ("Subtotal", h.price.subtotal),
                     ("Tax", h.price.tax), ("Deposit", h.price.deposit)):
        if f.found:
            money.append(Line(label=label, text="", amount=_mfield(f)))
    if h.price.retainage_percent.found:
        money.append(Line(label="Retainage", text=f"{h.price.retainage_percent.value} %"))
    if h.price.payment_terms.found:
        money.append(Line(label="Payment terms", text=_v(h.price.payment_terms)))
    if h.price.price_validity.found and h.price.price_validity.value:
        money.append(Line(label="Price valid for", text=h.price.price_validity.value.text))
    for li in h.price.line_items:
        money.append(Line(label="Line item", text=li.description, amount=_money(li.amount)))
    for pm in h.price.payment_schedule:
        pct = f"{pm.percent} %" if pm.percent is not None else ""
        money.append(Line(label="Payment", text=pm.milestone, amount=_money(pm.amount),
                          note=" · ".join(x for x in (pct, pm.due or "") if x)))
    s["Money and payment schedule"] = money
    dates: list[Line] = []
    for label, df in (("Proposal date", h.dates.proposal_date),
                      ("Valid until", h.dates.valid_until), ("Start", h.dates.start),
                      ("Substantial completion", h.dates.substantial_completion),
                      ("Completion", h.dates.completion)):
        if df.found:
            dates.append(Line(label=label, text=_v(df)))
            d = _full_date(_v(df))
            if d and label != "Proposal date":
                b.events.append((d, label))
    if h.dates.duration.found and h.dates.duration.value:
        dates.append(Line(label="Duration", text=h.dates.duration.value.text))
    for m in h.dates.milestones:
        dates.append(Line(label="Milestone", text=m.name, note=m.date or m.relative or ""))
        d = _full_date(m.date)
        if d:
            b.events.append((d, m.name))
    for pm in h.price.payment_schedule:
        d = _full_date(pm.due)
        if d:
            b.events.append((d, f"Payment due: {pm.milestone}"))
    for rt in h.dates.relative_terms:
        dates.append(Line(label=f"Relative ({rt.role})", text=rt.text,
                          note=f"resolved: {rt.resolved}" if rt.resolved else "not yet resolved"))
        d = _full_date(rt.resolved)
        if d:
            b.events.append((d, f"{rt.role.replace('_', ' ').title()} ({rt.text})"))
    s["Key dates"] = dates
    t = h.terms
    obligations = []
    if t.warranty.found and t.warranty.value:
        obligations.append(Line(label="Warranty", text=t.warranty.value.text))
    for label, tf in (("Permits", t.permits), ("Change orders", t.change_orders),
                      ("Insurance", t.insurance), ("Liquidated damages", t.liquidated_damages),
                      ("Termination", t.termination), ("Governing law", t.governing_law)):
        if tf.found:
            obligations.append(Line(label=label, text=_v(tf)))
    s["Obligations"] = obligations
    contacts = [c for c in (_contact("Client", h.parties.client),
                            _contact("Contractor", h.parties.contractor)) if c]
    for sig in h.signatures:
        contacts.append(Line(label=f"Signature ({sig.party})",
                             text=sig.signer_name or ("signed" if sig.signed else "not signed"),
                             note=" · ".join(x for x in (sig.title or "", sig.date or "",
                                                         "" if sig.signed else "NOT SIGNED") if x)))
    s["Contacts and signatures"] = contacts
    # Flags on the price quote amounts: they go with the money, which the foreman never sees.
    on_price = [any(p.startswith("price.") for p in f.fields) for f in h.review.flags]
    s["Open flags"] = [Line(label=f.severity.value, text=f.message, note=f.code)
                       for f, money in zip(h.review.flags, on_price, strict=True) if not money]
    s["Open flags on the price"] = [
        Line(label=f.severity.value, text=f.message, note=f.code)
        for f, money in zip(h.review.flags, on_price, strict=True) if money]
    b.events.sort()
    return b


def render_html(h: Handoff, *, foreman: bool = False) -> str:
    """A standalone, printable HTML page; the foreman sheet leaves out every amount."""
    brief = build_brief(h)
    sections = {k: v for k, v in brief.sections.items()
                if not (foreman and k in brief.money_sections)}
    return _ENV.get_template("brief.html").render(brief=brief, sections=sections, foreman=foreman)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>!|~&])")


def md_escape(text: str) -> str:
    """Text that Markdown shows literally: no HTML, links, images or emphasis."""
    text = _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    # What would start a heading, list or block at the beginning of a line.
    text = re.sub(r"^([#+\-=>])", r"\\\1", text)
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", text)


def render_markdown(h: Handoff, *, foreman: bool = False) -> str:
    brief = build_brief(h)
    e = md_escape
    out = [f"# What we sold: {e(brief.title)}", ""]
    for label, value in (("Client", brief.client), ("Contractor", brief.contractor),
                         ("Site", brief.site), ("Source", brief.file_name),
                         ("Status", brief.status)):
        if value:
            out.append(f"- **{label}:** {e(value)}")
    if brief.total and not foreman:
        out.append(f"- **Total:** {e(brief.total)}")
    out.append("")
    for title, lines in brief.sections.items():
        if foreman and title in brief.money_sections:
            continue
        out += [f"## {e(title)}", ""]
        if not lines:
            out += ["_None stated._", ""]
            continue
        for ln in lines:
            parts = []
            if ln.label:
                parts.append(f"**{e(ln.label)}:**")
            if ln.text:
                parts.append(e(ln.text))
            if ln.amount and not foreman:
                parts.append(f"— {e(ln.amount)}" if ln.text else e(ln.amount))
            if ln.note:
                parts.append(f"({e(ln.note)})")
            out.append("- " + " ".join(parts))
        out.append("")
    return "\n".join(out)


def _ics_text(text: str) -> str:
    text = " ".join(text.split())
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,"))


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 §3.1) without splitting a character."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts, cur, limit = [], b"", 75
    for ch in line:
        b = ch.encode("utf-8")
        if len(cur) + len(b) > limit:
            parts.append(cur.decode("utf-8"))
            cur, limit = b"", 74
        cur += b
    parts.append(cur.decode("utf-8"))
    return "\r\n ".join(parts)


def render_ics(h: Handoff) -> str:
    """An iCalendar file with one all-day event per dated milestone of the package."""
    brief = build_brief(h)
    stamp = h.document.processed_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//handoff//review brief//EN",
             "CALSCALE:GREGORIAN"]
    for n, (day, name) in enumerate(brief.events, 1):
        summary = f"{brief.title}: {name}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{h.document.id[:32]}-{n}@handoff",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_ics_text(summary)}",
            f"DESCRIPTION:{_ics_text('From ' + brief.file_name)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(ln) for ln in lines) + "\r\n"


def render(h: Handoff, fmt: str) -> str:
    """The brief of ``h`` in one of ``FORMATS``."""
    if fmt == "html":
        return render_html(h)
    if fmt == "foreman":
        return render_html(h, foreman=True)
    if fmt == "md":
        return render_markdown(h)
    if fmt == "ics":
        return render_ics(h)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")

