"""A synthetic Senate eFD mirror: fictional Senators' periodic transaction reports in the site's real layout.

The demo must show the Senate beside the House on a machine with no real data, and real public records
must never be copied into the repository, so the pages are generated from a seed. The layout is the
one :class:`jobs.bronze.senate_efd.MirrorClient` reads (the site's own paths under one root)::

    search/report/data/index.json        the list of saved search answers below
    search/report/data/ptr_<from>_<to>_000000.json
                                         a saved answer of POST /search/report/data/: DataTables JSON
                                         {draw, recordsTotal, recordsFiltered, data: [[first, last, office,
                                         '<a href="/search/view/ptr|paper/<uuid>/" ...>title</a>', 'MM/DD/YYYY']],
                                         result}, rows oldest first as the client asks for them
    search/view/ptr/<uuid>/index.html    e-filed report pages, the 2026 markup: h1 title, h2.filedReport
                                         name, "Filed MM/DD/YYYY @ H:MM AM", the declared counts list and
                                         the transactions table ('#', Transaction Date, Owner, Ticker, Asset
                                         Name, Asset Type, Type, Amount, Comment)
    search/view/paper/<uuid>/index.html  a paper report's carousel of <img class="filingImage"> pages on
                                         https://efd-media-public.senate.gov/media/...
    media/<path>.gif                     the scanned pages: small black-and-white GIFs

What is copied from the real pages (shared/data/senate/efd_raw_2026, efd_ptr_html_2014_2020): the search
row's cells (a paper row's given name in capitals with a trailing space and office ``Senator``), the
title ``Periodic Transaction Report for MM/DD/YYYY (Amendment N)``, the cell texts (``Sale (Partial)``,
``$1,001 - $15,000``, ``--`` for no ticker or comment, a ticker linked to finance.yahoo.com, a bond's
``Rate/Coupon``/``Matures`` sub-lines) and the paper page's carousel. The people are invented: every
Senator's last name is an obvious fake, every report id is in the reserved range
``00000000-5e4a-4000-8000-…`` (no real eFD id starts with eight zeros), and each page says
:data:`SENATE_LABEL` in its footer and the GIFs in their pixels.

One Senator files an original and then an amendment restating it (one amount corrected), so gold counts
the amendment's rows only; another files one report on paper (scanned pages, no rows until reviewed).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import io
import json
import pathlib
import random

from synthetic.filings import _ASSETS, AMOUNT_BUCKETS

SENATE_LABEL = "SYNTHETIC TEST DATA - fictional Senator, not a Senate record"
MEDIA_BASE_URL = "https://efd-media-public.senate.gov"
"""Where the site links paper reports' scanned pages; the mirror holds them under ``media/``."""
REPORT_ID_PREFIX = "00000000-5e4a-4000-8000-"
"""Synthetic report ids: real UUID shape, a prefix no real eFD id has."""

#: The fictional Senators: (first, last, state, party). Names no Member has had.
SENATORS: tuple[tuple[str, str, str, str], ...] = (
    ("Avery", "Testmoreland", "WY", "Republican"),
    ("Blair", "Fakehurst", "VT", "Independent"),
    ("Corin", "Mockford", "NM", "Democrat"),
    ("Dale", "Sampleby", "ME", "Republican"),
)
FIRST_BIOGUIDE = 995001
"""Senators' bioguide ids are ``Z995001``…, beside the synthetic House Members' ``Z990001``…"""

#: Bonds as eFD prints them: (asset name, Rate/Coupon, Matures, Asset Type). The issuers are invented.
_BONDS = (
    ("PLACEHOLDER CNTY OH GO BOND", "4.0%", "2031-06-01", "Municipal Security"),
    ("TESTVILLE WTR AUTH REV BOND", "3.25%", "2029-12-01", "Municipal Security"),
    ("SAMPLETON MFG CORP SR NOTE", "5.125%", "2030-03-15", "Corporate Bond"),
)
_OWNERS = (("Self", 5), ("Spouse", 3), ("Joint", 3), ("Child", 1))
_TYPES = (("Purchase", 5), ("Sale (Full)", 2), ("Sale (Partial)", 3), ("Exchange", 1))
_AMOUNT_WEIGHTS = (60, 20, 10, 6, 4)


@dataclasses.dataclass(frozen=True)
class SyntheticSenator:
    """A fictional Senator: the names the search and the pages print, and the Member entry's facts."""

    first: str
    last: str
    state: str
    party: str
    bioguide_id: str

    @property
    def office(self) -> str:
        """The search row's office column for an e-filed report: ``Last, First (Senator)``."""
        return f"{self.last}, {self.first} (Senator)"


@dataclasses.dataclass(frozen=True)
class SenateTransaction:
    """One row as the page prints it."""

    line_no: int
    date: dt.date
    owner: str
    ticker: str | None
    asset_name: str
    asset_type: str
    sub_lines: tuple[tuple[str, str], ...]
    type_text: str
    amount: str


@dataclasses.dataclass(frozen=True)
class SyntheticSenateReport:
    """One report of the mirror, with the ground truth of its rows."""

    report_id: str
    kind: str
    """``ptr`` (e-filed) or ``paper`` (scanned pages)."""
    senator: SyntheticSenator
    report_for: dt.date
    filed_at: dt.datetime
    amendment: int | None = None
    amends: str | None = None
    """The report an amendment restates (the page does not say; silver finds it)."""
    transactions: tuple[SenateTransaction, ...] = ()
    paper_pages: tuple[str, ...] = ()
    """Media paths of a paper report's scanned pages (``media/...gif``)."""

    @property
    def title(self) -> str:
        amended = f" (Amendment {self.amendment})" if self.amendment else ""
        return f"Periodic Transaction Report for {self.report_for:%m/%d/%Y}{amended}"

    @property
    def link(self) -> str:
        return f"/search/view/{self.kind}/{self.report_id}/"


@dataclasses.dataclass(frozen=True)
class SenateManifest:
    """What :func:`build_senate_mirror` wrote, and what silver and gold should make of it."""

    root: pathlib.Path
    senators: tuple[SyntheticSenator, ...]
    reports: tuple[SyntheticSenateReport, ...]
    start: dt.date
    end: dt.date
    """The dates received of the first and last report: the range to ingest."""

    @property
    def efiled(self) -> tuple[SyntheticSenateReport, ...]:
        return tuple(r for r in self.reports if r.kind == "ptr")

    @property
    def paper(self) -> tuple[SyntheticSenateReport, ...]:
        return tuple(r for r in self.reports if r.kind == "paper")

    @property
    def paper_page_count(self) -> int:
        return sum(len(r.paper_pages) for r in self.reports)

    @property
    def rows(self) -> int:
        """Transaction rows on all e-filed pages (silver.senate_transactions)."""
        return sum(len(r.transactions) for r in self.reports)

    @property
    def gold_rows(self) -> int:
        """Rows gold counts: every e-filed report's, except those of a report an amendment restates."""
        restated = {r.amends for r in self.reports if r.amends}
        return sum(len(r.transactions) for r in self.reports if r.report_id not in restated)


def make_senators() -> tuple[SyntheticSenator, ...]:
    """The fictional Senators of :data:`SENATORS`, with their bioguide ids."""
    return tuple(SyntheticSenator(first, last, state, party, f"Z{FIRST_BIOGUIDE + n}")
                 for n, (first, last, state, party) in enumerate(SENATORS))


def make_senate_reports(year: int = 2025, *, seed: int = 11) -> tuple[SyntheticSenateReport, ...]:
    """Eight reports: two per Senator; the first Senator's second is an amendment of the first, and the
    last Senator's first is a paper report. Dates received fall from February to November of ``year``."""
    rng = random.Random(seed)
    senators = make_senators()
    reports: list[SyntheticSenateReport] = []
    number = 0

    def next_id() -> str:
        nonlocal number
        number += 1
        return f"{REPORT_ID_PREFIX}{number:012d}"

    for index, senator in enumerate(senators):
        for second in (False, True):
            filed_on = dt.date(year, 2 + 4 * second + index, rng.randint(1, 28))
            filed_at = dt.datetime(filed_on.year, filed_on.month, filed_on.day, rng.randint(8, 17), rng.randint(0, 59))
            if index == 0 and second:  # the amendment: the first report again, one amount corrected
                original = reports[-1]
                filed_at = original.filed_at + dt.timedelta(days=3, minutes=12)
                rows = list(original.transactions)
                fix = rng.randrange(len(rows))
                bucket = AMOUNT_BUCKETS[(AMOUNT_BUCKETS.index(rows[fix].amount) + 1) % 5]
                rows[fix] = dataclasses.replace(rows[fix], amount=bucket)
                reports.append(dataclasses.replace(original, report_id=next_id(), filed_at=filed_at, amendment=1,
                                                   amends=original.report_id, transactions=tuple(rows)))
                continue
            report_for = filed_at.date() - dt.timedelta(days=rng.choice((0, 0, 0, 1)))
            if index == len(senators) - 1 and not second:
                report_id = next_id()
                pages = tuple(f"media/{year}/2/999/999/{report_id[-6:]}{p:03d}.gif" for p in (1, 2))
                reports.append(SyntheticSenateReport(report_id, "paper", senator, report_for, filed_at,
                                                     paper_pages=pages))
                continue
            rows = tuple(_transaction(rng, line, filed_at.date()) for line in range(1, rng.randint(2, 6) + 1))
            reports.append(SyntheticSenateReport(next_id(), "ptr", senator, report_for, filed_at, transactions=rows))
    return tuple(sorted(reports, key=lambda r: (r.filed_at, r.report_id)))


def _transaction(rng: random.Random, line_no: int, filed: dt.date) -> SenateTransaction:
    sub_lines: tuple[tuple[str, str], ...] = ()
    if rng.random() < 0.15:  # a bond: no ticker, coupon and maturity on sub-lines (the issuers are invented)
        name, coupon, matures, asset_type = rng.choice(_BONDS)
        ticker, sub_lines = None, (("Rate/Coupon", coupon), ("Matures", matures))
    else:
        name, ticker, code = rng.choice([a for a in _ASSETS if a[2] in ("ST", "EF")])
        asset_type = "Stock" if code == "ST" else "Other Securities"
    kind = _weighted(rng, _TYPES)
    if kind == "Exchange" and ticker is None:
        kind = "Purchase"
    return SenateTransaction(
        line_no=line_no, date=filed - dt.timedelta(days=rng.choice((3, 9, 17, 24, 38, 52))),
        owner=_weighted(rng, _OWNERS), ticker=ticker, asset_name=name, asset_type=asset_type,
        sub_lines=sub_lines, type_text=kind, amount=rng.choices(AMOUNT_BUCKETS[:5], _AMOUNT_WEIGHTS)[0])


def _weighted(rng: random.Random, choices: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([c for c, _ in choices], [w for _, w in choices])[0]


# -------------------------------------------------------------------------------------------- the pages

_HEAD = """<!DOCTYPE HTML>
    <html lang="en">
        <head>
            <title>{title}</title>
            <meta name="robots" content="noindex">
            <meta charset="utf-8">
            <meta content="IE=edge" http-equiv="X-UA-Compatible">
            <meta content="width=device-width, initial-scale=1" name="viewport">
            <meta name="description" content="{label}">
            <link type="text/css" rel="stylesheet" media="all" href="/static/css/main.css" />
            <link type="text/css" rel="stylesheet" media="all" href="/static/css/carousel.css" />
        </head>

        <body>
            <div class="container-wrap" id="top">
                <header class="container-fluid d-print-block txtLogo ">
                    <small>United States Senate</small><br />
                    Financial Disclosures
                </header>
                <main class="container-fluid pgContent" id="content">
                    <div class="row">
                        <div class="col-sm-12">
"""

_FOOT = """
                        </div>
                    </div>
                </main>

               <footer id="footer" class="footer d-print-none">
                    <p class="text-muted">{label}</p>
                </footer>
            </div><!-- end #wrap -->
        </body>
    </html>
"""


def render_ptr_page(report: SyntheticSenateReport) -> bytes:
    """The e-filed report's page (``/search/view/ptr/<uuid>/``) in the site's markup."""
    s = report.senator
    when = report.filed_at.strftime("%m/%d/%Y @ ") + f"{(report.filed_at.hour - 1) % 12 + 1}:" \
        f"{report.filed_at:%M} {'AM' if report.filed_at.hour < 12 else 'PM'}"
    amended = f" (Amendment {report.amendment})" if report.amendment else ""
    counts = {o: sum(t.owner == o for t in report.transactions) for o, _ in _OWNERS}
    total = len(report.transactions)
    out = [_HEAD.format(title="eFD: Print Periodic Transaction Report", label=SENATE_LABEL), f"""
    <strong class="d-print-none return-search">
        Return to the search tab to select another report.
    </strong>
    <div class="justify-content-between">
        <div>
            <h1 class="mb-2">
                Periodic Transaction Report
                
                    for {report.report_for:%m/%d/%Y}{amended}
                
            </h1>

            <h2 class="filedReport">
                The Honorable {html.escape(s.first)}
                {html.escape(s.last)}
                
                ({html.escape(s.last)}, {html.escape(s.first)})
            </h2>

            <p class="muted">
                <strong class="noWrap"><i class="fa fa-folder" aria-hidden="true" title="folder icon"></i> Filed  {when}</strong>
            </p>
        </div>
    </div>

    <hr>

    <section class="card">
        <div class="card-body">
            <h3 class="d-inline-block">
                 <i class="fa fa-list mr-1" aria-hidden="true" title="List icon"></i>Transactions
            </h3>
            <ul class="unstyled list-inline d-inline-block ml-2">
                <li class="list-inline-item">({total} transaction{'' if total == 1 else 's'} total)</li>
                <li class="list-inline-item">{counts['Self']} Self</li>
                <li class="list-inline-item">{counts['Joint']} Joint</li>
                <li class="list-inline-item">{counts['Spouse']} Spouse</li>
                <li class="list-inline-item">{counts['Child']} Dependent Child</li>
            </ul>
            <div class="table-responsive">
                <table class="table table-striped">
                    <caption class="sr-only">List of transactions added to this report</caption>
                    <thead>
                        <tr class="header">
                            <th scope="col">&#35;</th>
                            <th scope="col">Transaction Date</th>
                            <th scope="col">Owner</th>
                            <th scope="col">Ticker</th>
                            <th scope="col">Asset Name</th>
                            <th scope="col">Asset Type</th>
                            <th scope="col">Type</th>
                            <th scope="col">Amount</th>
                            <th scope="col">Comment</th>
                        </tr>
                    </thead>
                    <tbody>
"""]
    for t in report.transactions:
        ticker = (f'<a href="https://finance.yahoo.com/quote/{html.escape(t.ticker)}"\n'
                  f'                                               target="_blank">{html.escape(t.ticker)}</a>'
                  if t.ticker else "--")
        subs = ""
        if t.sub_lines:
            subs = ('<div class="text-muted">'
                    + "<br> ".join(f"<em>{html.escape(k)}:</em> {html.escape(v)}" for k, v in t.sub_lines) + "</div>")
        out.append(f"""                                <tr>
                                    <td>{t.line_no}</td>
                                    <td>
                                        {t.date:%m/%d/%Y}
                                    </td>
                                    <td>{t.owner}</td>
                                    <td>
                                        {ticker}
                                    </td>
                                    <td>
                                        {html.escape(t.asset_name)}
                                        {subs}
                                    </td>
                                    <td>{t.asset_type}</td>
                                    <td>{t.type_text}</td>

                                    <td>{t.amount}</td>
                                    <td>--</td>
                                </tr>
""")
    out.append("""                    </tbody>
                </table>
            </div>
        </div>
    </section>
""")
    out.append(_FOOT.format(label=SENATE_LABEL))
    return "".join(out).encode("utf-8")


def render_paper_page(report: SyntheticSenateReport) -> bytes:
    """A paper report's view page (``/search/view/paper/<uuid>/``): a carousel of its scanned pages."""
    n = len(report.paper_pages)
    items = []
    for number, path in enumerate(report.paper_pages, start=1):
        items.append(f"""
                            <div class="carousel-item{' active' if number == 1 else ''}">
                                <div class="img-wrap">
                                    <img style="margin-top: 110px;" class="filingImage"
                                         src="{MEDIA_BASE_URL}/{path}" alt="filing document" />
                                </div>
                                  <div class="carousel-caption">
                                    <div class="row">
                                        <div class="col-sm-4 text-left">
                                            <strong>Page {number} of {n}</strong>
                                        </div>
                                        <div class="col-sm-8">
                                            <div class="float-right">
                                                    <a href="/search/print/paper/{report.report_id}/"
                                                       class="btn btn-primary btn-sm ml-1" target="_blank">Printer-Friendly</a>
                                            </div>
                                        </div>
                                    </div>
                                </div>
                            </div>
""")
    pages = "".join(f'\n                            <li class="page-item{" active" if i == 1 else ""}"><a class="page-link" '
                    f'href="#{i}">{i}</a></li>' for i in range(1, n + 1))
    body = f"""
        <strong class="d-print-none return-search">
            Return to the search tab to select another report.
        </strong>
    <h1 class="sr-only d-print-none">Filing Document - Print View</h1>
        <div class="row pt-3">
            <div class="col-lg-12 text-left">
                <nav aria-label="Page Navigation">
                    <ul class="carousel-linked-nav pagination">{pages}
                    </ul>
                </nav>
            </div>
        </div>
        <div class="row">
            <div class="col-sm-12 carousel-tools">
                <div id="myCarousel" class="carousel slide" data-pause="true" data-interval="false">
                    <div class="carousel-inner" role="listbox">{''.join(items)}
                    </div>
                </div>
            </div>
        </div>
"""
    return (_HEAD.format(title="eFD: Print Filing", label=SENATE_LABEL) + body
            + _FOOT.format(label=SENATE_LABEL)).encode("utf-8")


def render_paper_gif(report: SyntheticSenateReport, page: int) -> bytes:
    """One scanned page: a small 1-bit GIF (a few KB) showing the form's heading, the filer and the label."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("1", (425, 550), 1)
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=12)
    s = report.senator
    lines = [SENATE_LABEL, "", "PERIODIC TRANSACTION REPORT", f"{s.first} {s.last} ({s.state})",
             f"Received {report.filed_at:%m/%d/%Y}", "", f"Page {page} of {len(report.paper_pages)}"]
    for i, line in enumerate(lines):
        draw.text((24, 30 + 22 * i), line, fill=0, font=font)
    draw.rectangle((16, 20, 408, 530), outline=0, width=2)
    buffer = io.BytesIO()
    img.save(buffer, format="GIF")
    return buffer.getvalue()


def search_row(report: SyntheticSenateReport) -> list[str]:
    """The report's row as the search answer sends it (a paper row: capitals, a trailing space, 'Senator')."""
    s = report.senator
    first, last, office = (s.first.upper() + " ", s.last.upper(), "Senator") if report.kind == "paper" else \
        (s.first, s.last, s.office)
    link = f'<a href="{report.link}" target="_blank">{html.escape(report.title)}</a>'
    return [first, last, office, link, f"{report.filed_at:%m/%d/%Y}"]


def build_senate_mirror(root: pathlib.Path, year: int = 2025, *, seed: int = 11) -> SenateManifest:
    """Write the synthetic eFD mirror under ``root`` (see the module docstring); bytes depend only on the
    arguments. Returns the manifest with the ground truth."""
    root = pathlib.Path(root)
    reports = make_senate_reports(year, seed=seed)
    start, end = reports[0].filed_at.date(), reports[-1].filed_at.date()
    data = root / "search" / "report" / "data"
    data.mkdir(parents=True, exist_ok=True)
    rows = [search_row(r) for r in reports]
    name = f"ptr_{start:%Y-%m-%d}_{end:%Y-%m-%d}_000000.json"
    answer = {"draw": 1, "recordsTotal": len(rows), "recordsFiltered": len(rows), "data": rows, "result": "ok"}
    (data / name).write_text(json.dumps(answer), encoding="utf-8")
    (data / "index.json").write_text(json.dumps([name], indent=1) + "\n", encoding="utf-8")
    for report in reports:
        page = root / "search" / "view" / report.kind / report.report_id / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_bytes(render_ptr_page(report) if report.kind == "ptr" else render_paper_page(report))
        for number, path in enumerate(report.paper_pages, start=1):
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(render_paper_gif(report, number))
    return SenateManifest(root, make_senators(), reports, start, end)


def senate_members(manifest: SenateManifest) -> list[dict]:
    """The fictional Senators as congress-legislators YAML entries (a Senate term spanning the reports)."""
    return [{
        "id": {"bioguide": s.bioguide_id},
        "name": {"first": s.first, "last": s.last, "official_full": f"{s.first} {s.last}"},
        "bio": {"birthday": "1965-01-01", "gender": "F" if n % 2 else "M"},
        "terms": [{"type": "sen", "start": "2021-01-03", "end": "2027-01-03", "state": s.state, "class": 2,
                   "party": s.party}],
    } for n, s in enumerate(manifest.senators)]
