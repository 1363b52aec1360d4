"""Words the generator draws from: trades, scope items, names, places, boilerplate.

Plain data. Scope, exclusion and line-item wording is written per trade so a roofing quote reads
like a roofing quote; amounts are ranges the builder draws from.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TRADES", "Trade"]


@dataclass(frozen=True)
class Trade:
    key: str
    company_words: tuple[str, ...]
    projects: tuple[str, ...]  # "{client}" is replaced by the client's short name
    inclusions: tuple[str, ...]
    exclusions: tuple[str, ...]
    assumptions: tuple[str, ...]
    line_items: tuple[tuple[str, int, int], ...]  # description, low, high (whole currency units)
    alternates: tuple[tuple[str, int, int], ...]
    allowances: tuple[tuple[str, str, int, int], ...]  # description, unit, low, high
    warranty_months: tuple[int, ...]
    hourly_rate: tuple[int, int]
    owner_items: tuple[str, ...] = ()


TRADES: dict[str, Trade] = {
    "remodel": Trade(
        key="remodel",
        company_words=("Remodeling", "Renovations", "Builders", "Home Improvement", "Design Build"),
        projects=(
            "{client} Kitchen Remodel",
            "{client} Residence Bathroom Renovation",
            "{client} Basement Finish",
            "Primary Suite Addition",
        ),
        inclusions=(
            "Remove existing kitchen cabinets, countertops and flooring",
            "Frame new pantry wall and relocate doorway per plan",
            "Install owner-selected cabinets and hardware",
            "Furnish and install quartz countertops with undermount sink cutout",
            "Install luxury vinyl plank flooring in kitchen and dining area",
            "Patch and paint walls and ceilings in work areas, two coats",
            "Rough and finish plumbing for sink, dishwasher and ice maker",
            "Install six LED recessed lights on a new dimmer circuit",
            "Tile backsplash with owner-selected 3x6 subway tile",
            "Daily cleanup and final construction clean",
            "Protect adjacent finished floors with floor protection",
            "Install new interior doors and casing to match existing",
        ),
        exclusions=(
            "Appliances and appliance installation",
            "Asbestos or lead paint testing and abatement",
            "Structural engineering and stamped drawings",
            "Relocation of gas lines",
            "Window treatments and furniture moving",
            "Repairs to concealed conditions discovered during demolition",
            "Landscaping or exterior work of any kind",
            "Permit fees beyond the building permit",
        ),
        assumptions=(
            "Existing subfloor is sound and level within 3/16 inch in 10 feet",
            "Owner will select all finishes before the start date",
            "Work hours are 7:30 am to 4:30 pm, Monday through Friday",
            "Electrical panel has capacity for the new circuits",
        ),
        line_items=(
            ("Demolition and haul-away", 2200, 5800),
            ("Framing and drywall", 3400, 9600),
            ("Cabinet installation", 4100, 12500),
            ("Quartz countertops", 5200, 11800),
            ("Plumbing rough and finish", 3100, 7400),
            ("Electrical and lighting", 2800, 6900),
            ("Flooring", 3900, 8800),
            ("Painting", 1900, 4700),
            ("Tile backsplash", 1600, 3900),
        ),
        alternates=(
            ("Upgrade to soft-close drawer glides throughout", 850, 1900),
            ("Add under-cabinet LED lighting", 1200, 2600),
            ("Heated floor system in bathroom", 2100, 3800),
        ),
        allowances=(
            ("Tile material", "sq ft", 1200, 3400),
            ("Plumbing fixtures", "fixture", 1800, 4200),
            ("Cabinet hardware", "piece", 400, 1100),
        ),
        warranty_months=(12, 24),
        hourly_rate=(75, 115),
        owner_items=(
            "Owner to select and purchase all tile, fixtures and appliances",
            "Owner to remove personal belongings from the kitchen before demolition",
            "Owner to provide parking for one work vehicle in the driveway",
        ),
    ),
    "roofing": Trade(
        key="roofing",
        company_words=("Roofing", "Roofing & Exteriors", "Roof Systems", "Exteriors"),
        projects=(
            "{client} Roof Replacement",
            "Reroof - Building B",
            "{client} Residence Reroof",
            "Low-Slope Roof Replacement",
        ),
        inclusions=(
            "Tear off existing roofing down to the deck and dispose of debris",
            "Inspect roof deck and replace up to 3 sheets of damaged plywood",
            "Install synthetic underlayment over the entire roof deck",
            "Install ice and water shield at eaves, valleys and penetrations",
            "Install 30-year architectural asphalt shingles",
            "Install new drip edge and step flashing",
            "Replace pipe boots and flash all penetrations",
            "Install ridge vent along the full length of the ridge",
            "Magnetic sweep of driveway and yard for nails",
            "Install new 6-inch seamless aluminum gutters and downspouts",
        ),
        exclusions=(
            "Replacement of rotted fascia or soffit beyond 20 linear feet",
            "Skylight replacement",
            "Chimney rebuilding or masonry repairs",
            "Solar panel removal and reinstallation",
            "Interior drywall or paint repairs",
            "Gutter guards",
        ),
        assumptions=(
            "Price is based on one layer of existing shingles",
            "Dumpster can be placed in the driveway",
            "Roof pitch does not exceed 8/12",
        ),
        line_items=(
            ("Tear-off and disposal", 2400, 6200),
            ("Underlayment and ice and water shield", 1800, 4300),
            ("Architectural shingles, installed", 7800, 18600),
            ("Flashing and ridge vent", 900, 2600),
            ("Gutters and downspouts", 1400, 3600),
            ("Plywood deck replacement", 600, 1800),
        ),
        alternates=(
            ("Upgrade to designer shingles", 2100, 4900),
            ("Replace skylight with new flashing kit", 1250, 2600),
            ("Add gutter guards", 950, 2200),
        ),
        allowances=(("Additional plywood sheathing", "sheet", 300, 900),),
        warranty_months=(60, 120, 24),
        hourly_rate=(65, 95),
        owner_items=(
            "Owner to move vehicles out of the driveway on tear-off days",
            "Owner to remove fragile items from attic storage",
            "Owner to provide access to exterior electrical outlets",
        ),
    ),
    "hvac": Trade(
        key="hvac",
        company_words=("Heating & Air", "Mechanical", "HVAC Services", "Comfort Systems"),
        projects=(
            "{client} HVAC Replacement",
            "RTU Replacement - Units 1 to 3",
            "{client} Heat Pump Installation",
            "Boiler Replacement",
        ),
        inclusions=(
            "Remove and dispose of the existing furnace and condensing unit",
            "Furnish and install a 3-ton 16 SEER2 heat pump",
            "Furnish and install a variable-speed air handler",
            "Install new refrigerant line set and condensate pump",
            "Install new programmable thermostat",
            "Modify supply and return plenums to fit the new equipment",
            "Start-up, commissioning and refrigerant charge verification",
            "Crane service to set rooftop units",
            "Provide test and balance report for new units",
        ),
        exclusions=(
            "Ductwork replacement beyond the plenum connections",
            "Electrical service upgrades",
            "Roof curb adapters unless listed",
            "Overtime or after-hours labor",
            "Fire alarm or duct detector wiring",
        ),
        assumptions=(
            "Existing electrical circuits are adequate for the new equipment",
            "Existing ductwork is in serviceable condition",
            "Work will be performed during normal business hours",
        ),
        line_items=(
            ("Heat pump and air handler equipment", 6200, 14800),
            ("Installation labor", 3200, 7800),
            ("Line set, pad and accessories", 700, 1900),
            ("Crane service", 1200, 3200),
            ("Thermostat and controls", 350, 1200),
            ("Start-up and commissioning", 450, 1300),
        ),
        alternates=(
            ("Add whole-house air purifier", 1100, 2400),
            ("Upgrade to 20 SEER2 variable-speed system", 2800, 5200),
        ),
        allowances=(("Duct repairs", "hour", 800, 2000),),
        warranty_months=(12, 60, 120),
        hourly_rate=(95, 145),
        owner_items=(
            "Owner to provide clear access to the mechanical room and roof hatch",
            "Owner to arrange building shutdown notices to tenants",
        ),
    ),
    "electrical": Trade(
        key="electrical",
        company_words=(
            "Electric",
            "Electrical Contractors",
            "Power & Light",
            "Electrical Services",
        ),
        projects=(
            "{client} Service Upgrade",
            "Panel Replacement and EV Charger",
            "Warehouse Lighting Retrofit",
            "{client} Tenant Electrical",
        ),
        inclusions=(
            "Upgrade electrical service from 100 A to 200 A",
            "Replace main panel with new 40-circuit panel",
            "Install Level 2 EV charger circuit in the garage",
            "Replace 48 high-bay fixtures with LED fixtures",
            "Install new occupancy sensors in offices and restrooms",
            "Provide arc-fault and ground-fault protection as required by code",
            "Coordinate utility disconnect and reconnect",
            "Label all circuits and provide a typed panel schedule",
        ),
        exclusions=(
            "Utility company fees",
            "Patching and painting of walls",
            "Trenching through rock or concrete",
            "Low-voltage, data and security wiring",
            "Fire alarm system work",
        ),
        assumptions=(
            "Existing wiring is copper and in good condition",
            "Utility will schedule the disconnect within two weeks of request",
        ),
        line_items=(
            ("200 A service upgrade", 2600, 5200),
            ("Panel replacement", 1800, 3900),
            ("EV charger circuit", 700, 1800),
            ("LED fixtures, furnished and installed", 6400, 22000),
            ("Lighting controls", 1200, 4200),
            ("Permit and inspection coordination", 300, 900),
        ),
        alternates=(
            ("Add whole-house surge protector", 350, 900),
            ("Add generator inlet and interlock", 900, 2100),
        ),
        allowances=(("Additional outlets", "each", 600, 1500),),
        warranty_months=(12, 24),
        hourly_rate=(85, 130),
        owner_items=(
            "Owner to coordinate the power outage with tenants",
            "Owner to provide the utility account number",
        ),
    ),
    "landscaping": Trade(
        key="landscaping",
        company_words=("Landscaping", "Landscape & Design", "Outdoor Living", "Grounds"),
        projects=(
            "{client} Backyard Renovation",
            "Front Entry Landscape",
            "Paver Patio and Planting",
            "Campus Grounds Improvements",
        ),
        inclusions=(
            "Remove existing sod and haul away",
            "Install 650 square feet of concrete paver patio on compacted base",
            "Install drip irrigation to all new planting beds",
            "Plant 14 shrubs and 3 ornamental trees per the planting plan",
            "Install steel edging along all planting beds",
            "Spread 3 inches of shredded hardwood mulch",
            "Install low-voltage path lighting with 8 fixtures",
            "Fine grade and seed disturbed lawn areas",
        ),
        exclusions=(
            "Tree removal",
            "Irrigation controller replacement",
            "Ongoing maintenance after installation",
            "Utility locates for private lines",
            "Replacement of plants damaged by deer or drought",
        ),
        assumptions=(
            "Site has truck access through the side gate",
            "Soil is suitable for planting without amendment",
        ),
        line_items=(
            ("Demolition and sod removal", 900, 2600),
            ("Paver patio", 7800, 19500),
            ("Irrigation", 1900, 4800),
            ("Plant material and installation", 2400, 7600),
            ("Landscape lighting", 1500, 4200),
            ("Mulch and edging", 800, 2100),
        ),
        alternates=(("Add seat wall", 2400, 5200), ("Add fire pit kit", 1300, 2800)),
        allowances=(("Boulders", "ton", 600, 1400), ("Plant material", "plant", 1500, 3000)),
        warranty_months=(12, 6),
        hourly_rate=(55, 85),
        owner_items=(
            "Owner to mark private irrigation and lighting lines before excavation",
            "Owner to water new plantings after installation",
        ),
    ),
    "fitout": Trade(
        key="fitout",
        company_words=("Builders", "Construction", "Interiors", "Contracting", "Constructors"),
        projects=(
            "Suite 300 Tenant Improvement",
            "{client} Office Fit-Out",
            "Level 2 Interior Fit-Out",
            "Retail Unit 4 Build-Out",
        ),
        inclusions=(
            "Demolish existing partitions and ceiling in the suite",
            "Frame and finish new partitions per drawings A-101 and A-102",
            "Install new acoustic ceiling tile and grid",
            "Install carpet tile and resilient base throughout",
            "Paint all walls with two coats of eggshell finish",
            "Furnish and install new doors, frames and hardware",
            "Modify sprinkler heads for the new ceiling layout",
            "Extend HVAC supply and return to new rooms",
            "Install power and data rough-in for 42 workstations",
            "Provide general conditions, supervision and final clean",
        ),
        exclusions=(
            "Furniture, fixtures and equipment",
            "Data cabling and IT equipment",
            "Building permit fees",
            "After-hours work required by the landlord",
            "Signage",
            "Hazardous material abatement",
        ),
        assumptions=(
            "Building standard materials unless noted",
            "Freight elevator available during working hours at no cost",
            "Drawings dated January 15, 2026 are the basis of this price",
        ),
        line_items=(
            ("General conditions", 8200, 24000),
            ("Demolition", 4100, 12000),
            ("Framing and drywall", 18000, 52000),
            ("Acoustic ceilings", 7400, 21000),
            ("Flooring", 9600, 31000),
            ("Doors, frames and hardware", 6200, 18500),
            ("Painting", 4300, 12800),
            ("Fire protection", 3100, 9800),
            ("Mechanical", 8800, 26000),
            ("Electrical", 12000, 38000),
        ),
        alternates=(
            ("Glass sidelites at private offices", 4800, 11200),
            ("Upgrade to LVT in break room", 1900, 4600),
            ("Add millwork reception desk", 6500, 14000),
        ),
        allowances=(
            ("Millwork", "lump sum", 5000, 15000),
            ("Lighting fixtures", "fixture", 6000, 18000),
        ),
        warranty_months=(12,),
        hourly_rate=(85, 125),
        owner_items=(
            "Landlord to provide building standard sprinkler and fire alarm drawings",
            "Tenant to provide furniture layout and data outlet locations",
            "Owner to pay the building permit fee directly",
        ),
    ),
    "managed_it": Trade(
        key="managed_it",
        company_words=(
            "Technology Partners",
            "IT Solutions",
            "Managed Services",
            "Networks",
            "Consulting Group",
        ),
        projects=(
            "{client} Managed IT Services",
            "Microsoft 365 Migration",
            "Network Refresh and Managed Services",
            "Cybersecurity Assessment",
        ),
        inclusions=(
            "24x7 monitoring of servers, firewalls and network devices",
            "Help desk support for up to 45 users during business hours",
            "Monthly patching of Windows servers and workstations",
            "Nightly backup of file servers with monthly restore tests",
            "Migrate 45 mailboxes from on-premises Exchange to Microsoft 365",
            "Deploy endpoint detection and response on all workstations",
            "Quarterly business review with written recommendations",
            "Document the network, accounts and recovery procedures",
        ),
        exclusions=(
            "Hardware and software purchases",
            "Support of personal devices",
            "On-site visits outside the metro area",
            "Development of custom software",
            "Recovery from incidents caused by unsupported systems",
        ),
        assumptions=(
            "Client will provide administrative access to all systems",
            "Existing licences remain in force during the term",
            "Client names a single point of contact for approvals",
        ),
        line_items=(
            ("Onboarding and documentation", 2500, 7500),
            ("Microsoft 365 migration", 4800, 14000),
            ("Managed services, 12 months", 18000, 62000),
            ("Endpoint security licences, 12 months", 2400, 7800),
            ("Project management", 1500, 5200),
        ),
        alternates=(
            ("Add security awareness training", 1800, 4200),
            ("Add after-hours help desk", 3600, 9000),
        ),
        allowances=(("Travel expenses", "trip", 500, 2000),),
        warranty_months=(3, 6),
        hourly_rate=(125, 195),
        owner_items=(
            "Client to provide remote access through its firewall",
            "Client to supply a named contact for change approvals",
            "Client to maintain vendor support contracts for line-of-business software",
        ),
    ),
}

FIRST_NAMES = (
    "Dana",
    "Marcus",
    "Priya",
    "Elena",
    "Tom",
    "Grace",
    "Luis",
    "Aisha",
    "Owen",
    "Hannah",
    "Victor",
    "Mei",
    "Samuel",
    "Rosa",
    "Karim",
    "Claire",
    "Jonah",
    "Nadia",
    "Peter",
    "Ingrid",
)
LAST_NAMES = (
    "Reyes",
    "Whitfield",
    "Okafor",
    "Lindqvist",
    "Brennan",
    "Castillo",
    "Nakamura",
    "Hale",
    "Moreau",
    "Abernathy",
    "Kowalski",
    "Singh",
    "Delgado",
    "Fitzgerald",
    "Yamamoto",
    "Osei",
)
COMPANY_STEMS = (
    "Harbor Point",
    "Summit Ridge",
    "Blue Heron",
    "Ironwood",
    "Cedar Valley",
    "Northstar",
    "Keystone",
    "Granite State",
    "Red Oak",
    "Silver Creek",
    "Bayside",
    "Pinnacle",
    "Lakeshore",
    "Timberline",
    "Cornerstone",
    "Evergreen",
)
SUFFIXES = ("LLC", "Inc.", "Co.", "Corp.", "Ltd.")
CLIENT_ORGS = (
    "Northgate Properties",
    "Maple Street Dental Group",
    "Riverside Holdings",
    "Westbrook Medical Partners",
    "Falcon Logistics",
    "Hillcrest Community Church",
    "Brightwater Capital",
    "Oakmont Senior Living",
    "Copperline Brewing Company",
    "Alder & Finch Law Offices",
)
AGENCIES = (
    "City of Millbrook",
    "Town of Fairhaven",
    "Lakeview Unified School District",
    "County of San Benito Public Works",
    "Village of Oak Terrace",
    "Port Ashford Housing Authority",
)
US_STREETS = (
    "Maple Avenue",
    "Industrial Parkway",
    "Elm Street",
    "Commerce Drive",
    "Lakeview Road",
    "Harrison Boulevard",
    "Birch Lane",
    "Union Street",
    "Old Mill Road",
    "Pioneer Way",
)
US_CITIES = (
    ("Springfield", "IL", "62704"),
    ("Madison", "WI", "53703"),
    ("Boise", "ID", "83702"),
    ("Raleigh", "NC", "27601"),
    ("Tacoma", "WA", "98402"),
    ("Lancaster", "PA", "17602"),
    ("Fort Collins", "CO", "80521"),
    ("Chattanooga", "TN", "37402"),
)
UK_ADDRESSES = (
    ("Kingsway", "Bristol", "BS1 4DJ"),
    ("Station Road", "Leeds", "LS1 5AB"),
    ("High Street", "Guildford", "GU1 3DN"),
    ("Mill Lane", "Cambridge", "CB2 1RX"),
)
EU_ADDRESSES = (
    ("Keizersgracht", "Amsterdam", "1015 CJ", "Netherlands"),
    ("Lindenstraße", "Berlin", "10969", "Germany"),
    ("Rue de la Loi", "Brussels", "1040", "Belgium"),
)
CA_ADDRESSES = (
    ("Bay Street", "Toronto", "ON", "M5J 2T3"),
    ("Rue Sainte-Catherine", "Montreal", "QC", "H3B 1A7"),
    ("West Georgia Street", "Vancouver", "BC", "V6B 4N7"),
)

# A commercial schedule of values (CSI MasterFormat sections): long enough to run across a
# page break, so readers must stitch the table and drop the repeated header row.
SCHEDULE_OF_VALUES: tuple[tuple[str, int, int], ...] = (
    ("01 10 00 General Requirements and Supervision", 9000, 26000),
    ("01 50 00 Temporary Facilities and Controls", 2500, 7800),
    ("01 74 00 Cleaning and Waste Management", 1800, 5200),
    ("02 41 19 Selective Demolition", 4200, 14500),
    ("03 54 00 Floor Leveling Underlayment", 2100, 6900),
    ("05 40 00 Cold-Formed Metal Framing", 6800, 21000),
    ("05 50 00 Miscellaneous Metals", 1500, 4800),
    ("06 10 00 Rough Carpentry and Blocking", 1900, 5600),
    ("06 41 00 Architectural Casework", 8200, 26000),
    ("07 21 00 Acoustical Insulation", 2600, 7400),
    ("07 84 00 Firestopping", 1200, 3900),
    ("07 92 00 Joint Sealants", 800, 2400),
    ("08 11 13 Hollow Metal Doors and Frames", 3800, 11200),
    ("08 14 16 Flush Wood Doors", 4100, 12600),
    ("08 71 00 Door Hardware", 5200, 15800),
    ("08 80 00 Glazing and Interior Storefront", 7400, 24000),
    ("09 21 16 Gypsum Board Assemblies", 14000, 42000),
    ("09 51 13 Acoustical Panel Ceilings", 6900, 19500),
    ("09 65 13 Resilient Base", 900, 2800),
    ("09 65 19 Resilient Tile Flooring", 3900, 11800),
    ("09 68 13 Tile Carpeting", 8800, 26500),
    ("09 91 23 Interior Painting", 4600, 13900),
    ("10 14 00 Signage", 700, 2600),
    ("10 28 13 Toilet Accessories", 1100, 3400),
    ("12 24 13 Roller Window Shades", 2300, 7100),
    ("21 13 13 Wet-Pipe Sprinkler Modifications", 4100, 12800),
    ("22 40 00 Plumbing Fixtures", 3600, 10900),
    ("23 31 00 HVAC Ducts and Diffusers", 7800, 23500),
    ("23 09 00 Controls and Balancing", 2400, 7200),
    ("26 05 00 Electrical Power Distribution", 9200, 28000),
    ("26 51 00 Interior Lighting", 8100, 24500),
    ("27 10 00 Structured Cabling Rough-In", 2900, 8700),
    ("28 31 00 Fire Alarm Devices", 2700, 8100),
)
