"""silver.senate_filer_matches: which Senator (bioguide id) filed each Senate eFD report.

The eFD search and the report page print no state, so a filer is found by name and date only,
among Members' Senate terms (House terms are not looked at: a report there is a Senator's, a former
Senator's or a candidate's). Four rules form a cascade; the first rule that finds any candidate decides, and
several candidates at that rule make the report ``ambiguous``:

1. ``senate_last_first_name``: a Senate term active on the filed date (``start <= date < end``),
   whose Member's last name matches the filer's and whose given names fit the filer's (the first
   name, the word after a leading initial, a quoted nickname, or the given name in the office
   column: 'A. Mitchell' and 'McConnell, A. Mitchell Jr.' are Mitch McConnell; 'Rafael Edward
   (Ted)' is Ted Cruz). This separates two Senators of one last name serving together
   (Tim and Rick Scott since 2019, Ron and Tim Johnson, Tom and Mark Udall to 2015, Tina Smith and
   Cindy Hyde-Smith since 2018).
2. ``former_senator_last_first_name``: as rule 1, for a Member not serving in the Senate on the
   filed date whose last Senate term ended within :data:`FORMER_SENATOR_DAYS` days before it. A
   Senator who leaves still owes the reports of his last weeks in office: PTRs are due up to 45 days
   after a trade (30 days after he learns of it), the termination report within 30 days of leaving,
   and late or amended reports come later still (an amendment restates a report months after it).
   It comes before the name-only rules, so 'Mark Udall' filing after January 2015 is Mark, not the
   Tom Udall still serving.
3. ``senate_last_name``: a Senate term active on the filed date with a matching last name, the
   given name written in a form the tables do not know but starting like one of the Senator's
   names ('JACKLYN S' for Jacky Rosen on a paper row; 'Rick' Scott in 2014 is not Tim Scott), or
   no given name at all. Among several, a last name equal to the filer's outranks one that merely
   shares a word with it ('Hyde Smith' is not Tina Smith).
4. ``former_senator_last_name``: as rule 3, for the former Senators of rule 2.

A filer the search lists as 'Former Senator' (office ``'Udall, Mark (Former Senator)'``) is not
serving: for them rules 2 and 4 come before rules 1 and 3 (term end dates can be a few days off, see
shared/data/members/SOURCE.md, so serving Senators are not excluded outright). A filer listed as a
candidate is matched to no one: a candidate for a seat is not its Senator, whatever the name.

One candidate is ``matched``; several are ``ambiguous``; none is ``not_a_member``. Names are
compared with the House matcher's keys (:mod:`jobs.silver.members`): accents, case, punctuation,
suffixes ('McConnell, Jr.', 'Hagerty, IV') and titles dropped; hyphens and spaces alike.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from jobs.silver.members import (
    FORMER_MEMBER_DAYS,
    after_initial,
    all_keys,
    all_truncations,
    first_word,
    given_names_fit,
    last_name_key,
    last_name_parts,
    member_names,
    name_keys,
    parts_match,
    plain_given,
    quoted_given,
    second_word,
    shares_key,
)
from jobs.spec import Input, JobSpec, ReadMode, Scope, WriteMode

FORMER_SENATOR_DAYS = FORMER_MEMBER_DAYS
"""How long after a Senator's last Senate term ends a report can still be his (the House window:
the final PTRs, due 45 days after a trade, the termination report and late amendments)."""

#: Rule names, in cascade order (for a filer listed as a Former Senator: 2, 1, 4, 3).
RULES: tuple[str, ...] = ("senate_last_first_name", "former_senator_last_first_name", "senate_last_name",
                          "former_senator_last_name")

#: The cascade position of each rule for a filer the search lists as a Former Senator.
_FORMER_ORDER: dict[int, int] = {0: 1, 1: 0, 2: 3, 3: 2}

_OFFICE_NAME = r"^([^,(]+),([^()]*)"
"""The office column names the filer 'Last, Given (Senator)'; paper rows give only 'Senator'."""


def filer_names(filings: ir.Table) -> ir.Table:
    """Per report: its date, how the search lists the filer, and comparable names (``f_*`` columns).

    ``f_keys`` holds the keys of the given names (first word, the word after a leading initial, a
    quoted nickname, and the same of the office column's given name), ``f_truncs`` their
    truncations, ``f_middle_keys`` the keys of a written-out middle name ('Ladda Tammy').
    """
    office = filings.office.strip().lower()
    office_last = filings.office.re_extract(_OFFICE_NAME, 1).nullif("")
    s = filings.select(
        f_id=filings.report_id,
        f_date=filings.filed_date,
        # eFD filer types: Senator, Former Senator, Candidate.
        f_former=office.contains("former").fill_null(False),
        f_candidate=office.contains("candidate").fill_null(False),
        _last=last_name_key(filings.last_name.strip().nullif("").fill_null(office_last)),
        _plain=plain_given(filings.first_name),
        _quoted=quoted_given(filings.first_name),
        _office=plain_given(filings.office.re_extract(_OFFICE_NAME, 2).nullif("")),
    )
    given = ibis.array([first_word(s._plain), after_initial(s._plain), first_word(s._quoted),
                        first_word(s._office), after_initial(s._office)])
    middle = second_word(s._plain)
    return s.select(
        "f_id", "f_date", "f_former", "f_candidate",
        **last_name_parts(s._last, "f_last"),
        f_keys=all_keys(given),
        f_truncs=all_truncations(given),
        f_middle_keys=name_keys(middle),
        f_initial=s._plain.substr(0, 1),
        f_middle=middle,
    )


def candidates(filings: ir.Table, members: ir.Table, terms: ir.Table) -> ir.Table:
    """(report_id, bioguide_id, state, rule_no) for each Senator some rule finds for a report, with
    the first rule in the filer's cascade order (0 to 3 = :data:`RULES`).

    One join finds every Senate term whose Member's last name matches and that was active on the
    filed date or ended within the window; flags on each row then say which rules it satisfies.
    """
    f = filer_names(filings)
    f = f.filter(f.f_date.notnull() & ~f.f_candidate)
    m = member_names(members)
    senate = terms.filter(terms.chamber == "senate")
    t = senate.join(m, senate.bioguide_id == m.m_id)
    j = f.join(t, parts_match(f, "f_last", t, "m_last") & (t.start_date <= f.f_date)
               & (t.end_date > f.f_date - ibis.interval(days=FORMER_SENATOR_DAYS)))
    # The same fit test as the House matcher: a given name, nickname or short form in common; the
    # filer's middle name as the Member's first ('Ladda Tammy' Duckworth); or initial and middle
    # name both equal. A lone middle initial is never compared with a first initial.
    fits = (given_names_fit(j.f_keys, j.f_truncs, j.m_first_keys.concat(j.m_middle_keys), j.m_first_truncs)
            | shares_key(j.f_middle_keys, j.m_first_keys)
            | ((j.f_initial == j.m_initial) & (j.f_middle == j.m_middle)))
    # A name the tables do not know still starts like one of the Member's ('Jacklyn' / Jacky Rosen,
    # 'Bernardo' / Bernie Moreno); 'Rick' is not Tim Scott, 'Roy' not Lisa Blunt Rochester.
    m_initials = j.m_first_keys.concat(j.m_middle_keys).map(lambda k: k.substr(0, 1))
    initials_agree = (j.f_keys.length() == 0) | shares_key(j.f_keys.map(lambda k: k.substr(0, 1)), m_initials)
    c = j.select(
        report_id=j.f_id,
        bioguide_id=j.m_id,
        state=j.state,
        end_date=j.end_date,
        former_office=j.f_former,
        active=j.f_date < j.end_date,
        fits=fits.fill_null(False),
        initials_agree=initials_agree.fill_null(False),
        # The filer wrote the Member's whole last name, not one word of a compound one.
        exact=((j.f_last == j.m_last) | (j.f_last_sq == j.m_last_sq)).fill_null(False),
    )
    # A Member with a term active on the date is serving; his earlier terms are not "former" ones.
    c = c.mutate(_serving=c.active.cast("int8").max().over(group_by=["report_id", "bioguide_id"]) == 1)
    c = c.filter(c.active | ~c._serving)
    any_exact = c.exact.cast("int8").max().over(group_by=["report_id", "active"]) == 1
    rule_no = ibis.cases(
        (c.active & c.fits, ibis.literal(0, "int8")),
        (~c.active & c.fits, ibis.literal(1, "int8")),
        (c.active & c.initials_agree & (c.exact | ~any_exact), ibis.literal(2, "int8")),
        (~c.active & c.initials_agree & (c.exact | ~any_exact), ibis.literal(3, "int8")),
        else_=ibis.null("int8"),
    )
    c = c.mutate(rule_no=rule_no)
    c = c.filter(c.rule_no.notnull())
    order = ibis.ifelse(c.former_office, c.rule_no.substitute(_FORMER_ORDER), c.rule_no)
    # A former Senator's last term ending before the date is the one his state comes from.
    c = c.mutate(order=order, _latest=c.end_date == c.end_date.max().over(group_by=["report_id", "bioguide_id"]))
    c = c.filter(c._latest)
    return c.group_by(["report_id", "bioguide_id"]).agg(rule_no=c.rule_no.min(), order=c.order.min(),
                                                        state=c.state.max())


def filer_display_name(reports: ir.Table) -> ir.StringValue:
    """'First Last Suffix' of a Senate report's filer, as the search lists them (gold and the matches show it)."""
    return (reports.first_name.fill_null("") + " " + reports.last_name.fill_null("") + " "
            + reports.suffix.fill_null("")).strip()


def transform(filings: ir.Table, members: ir.Table, terms: ir.Table) -> ir.Table:
    """One row per report: the matched Senator, or why there is none (see the module docstring)."""
    found = candidates(filings, members, terms)
    found = found.filter(found.order == found.order.min().over(group_by="report_id"))
    decided = found.group_by("report_id").agg(
        rule_no=found.rule_no.min(),
        n=found.bioguide_id.nunique(),
        only=found.bioguide_id.max(),
        only_state=found.state.max(),
        ids=found.bioguide_id.collect(distinct=True).sort().join(","),
    )
    decided = decided.select(d_id="report_id", rule_no="rule_no", n="n", only="only", only_state="only_state",
                             ids="ids")
    j = filings.left_join(decided, filings.report_id == decided.d_id)
    n = j.n.fill_null(0)
    filer = filer_display_name(j)
    return j.select(
        report_id=j.report_id,
        year=j.year,
        bioguide_id=ibis.ifelse(n == 1, j.only, ibis.null("string")),
        match_status=ibis.cases((n == 1, "matched"), (n > 1, "ambiguous"), else_="not_a_member"),
        match_rule=j.rule_no.substitute(dict(enumerate(RULES)), else_=ibis.null("string")),
        candidates=j.ids,
        filer_name=filer.re_replace(r"\s+", " ").nullif(""),
        state=ibis.ifelse(n == 1, j.only_state, ibis.null("string")),
        filed_date=j.filed_date,
    )


# Page facts and lineage (title, counts, extracted_at …) change with every re-read; only the names,
# the office and the date decide a match.
_FILING_COLUMNS = ("report_id", "year", "first_name", "last_name", "suffix", "office", "filed_date")

JOB = JobSpec(
    name="silver.senate_filer_matches",
    output="silver.senate_filer_matches",
    inputs={
        "filings": Input("silver.senate_filings", ReadMode.SNAPSHOT, columns=_FILING_COLUMNS),
        "members": Input("silver.members", ReadMode.SNAPSHOT),
        "terms": Input("silver.member_terms", ReadMode.SNAPSHOT),
    },
    transform=transform,
    write=WriteMode.MERGE,
    # New or changed reports are matched alone; a change to members or terms re-matches everything.
    scope=Scope(key="report_id", feeds={"filings": "report_id"}),
)
