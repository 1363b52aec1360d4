"""Scope rules found on hand-made documents unlike the generated ones."""

from extractors.lines import clean_item, is_amendment
from extractors.scope import extract_scope


def texts(items) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.text for i in items]


def test_work_package_headings_with_word_numbering(make_context) -> None:
    ctx = make_context([
        ("heading", "Landscape Proposal"),
        ("heading", "Spring Installation"),
        ("list_item", "1. Remove the dead boxwood hedge"),
        ("list_item", "2. Install 2,400 sq ft of Zoysia sod"),
        ("heading", "Seasonal Care Program"),
        ("list_item", "3. Weekly mowing and trimming"),
        ("list_item", "4. Shrub pruning twice a season"),
        ("heading", "Not Part of This Proposal"),
        ("list_item", "• Tree work above 15 feet"),
        ("list_item", "• Snow and ice removal"),
        ("heading", "Your Investment"),
        ("list_item", "• Installation $18,740.00"),
        ("list_item", "• Maintenance $11,520.00"),
    ])
    scope = extract_scope(ctx)
    assert texts(scope.inclusions) == [
        "Remove the dead boxwood hedge", "Install 2,400 sq ft of Zoysia sod",
        "Weekly mowing and trimming", "Shrub pruning twice a season"]
    assert texts(scope.exclusions) == ["Tree work above 15 feet", "Snow and ice removal"]


def test_unlabelled_lists_are_not_used_when_scope_has_a_heading(make_context) -> None:
    ctx = make_context([
        ("heading", "Scope of Work"), ("list_item", "1. Paint the fence"),
        ("heading", "Our Company"), ("list_item", "• Family owned"), ("list_item", "• Insured"),
    ])
    assert texts(extract_scope(ctx).inclusions) == ["Paint the fence"]


def test_section_mark_numbering_and_excluding_list_item(make_context) -> None:
    assert clean_item("§ 1.1.1 Architectural design") == "Architectural design"
    ctx = make_context([
        ("heading", "ARTICLE 1 THE WORK"),
        "§ 1.1.1 Architectural and engineering design",
        "§ 1.2 The Work does not include: furniture and shelving; telephone and data systems; "
        "and relocation of the collection.",
    ])
    scope = extract_scope(ctx)
    assert texts(scope.inclusions) == ["Architectural and engineering design"]
    assert texts(scope.exclusions) == ["furniture and shelving", "telephone and data systems",
                                       "relocation of the collection"]


def test_letter_work_with_would_and_inline_prices(make_context) -> None:
    ctx = make_context([
        "Hi Aisha,",
        "We would supply and install a frameless shower enclosure for $2,950, two vanity mirrors "
        "for $780, and replace the fogged sealed unit for $1,130.",
    ])
    assert texts(extract_scope(ctx).inclusions) == [
        "supply and install a frameless shower enclosure", "two vanity mirrors",
        "replace the fogged sealed unit"]


def test_would_without_a_work_verb_is_not_work(make_context) -> None:
    ctx = make_context(["We would appreciate your business.", "The parties agree to amend the "
                        "Contract as follows."])
    assert extract_scope(ctx).inclusions == []


def test_change_order_table_is_the_changed_work(make_context) -> None:
    ctx = make_context([
        "AMENDMENT NO. 2 TO CONSTRUCTION CONTRACT",
        "1. Changes in the Work. The Work is changed as described below:",
        [["Item", "Description", "Amount"],
         ["CO2-01", "Add card-access readers at the stair doors", "$14,380.00"],
         ["CO2-02", "Delete the acoustic ceiling cloud (credit)", "($6,200.00)"],
         ["", "Net change by this Amendment", "$8,180.00"]],
    ])
    scope = extract_scope(ctx)
    assert texts(scope.inclusions) == ["Add card-access readers at the stair doors"]
    assert texts(scope.exclusions) == ["Delete the acoustic ceiling cloud (credit)"]


def test_amendment_title_is_a_short_line() -> None:
    assert is_amendment("AMENDMENT NO. 2 TO CONSTRUCTION CONTRACT\n(Change Order No. 2)")
    assert is_amendment("Change Order #3\nProject: Elm Street")
    assert not is_amendment("PROPOSAL\nAny amendment to this proposal must be in writing.")
