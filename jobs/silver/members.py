"""silver.filer_matches and silver.member_match_issues: which Member (bioguide id) filed each filing.

Matching is exact and rule-based; nothing is guessed. Five rules form a cascade, and the first
rule that finds any candidate decides:

1. ``seat_last_name``: a House term active on the filing date (``start <= date < end``) for the
   filing's state and district (an at-large filing, district '00', is term district 0; so is '01'
   in a state or territory that has a single seat: 'ND01', 'GU01' are written too), whose
   Member's last name matches the filer's. First names are not compared ('Rohit' files for Ro
   Khanna), except to keep a departed Member's late filing off a same-name successor
   (see :func:`candidates`), and for candidates' filings (below).
2. ``state_last_first_name``: a House or Senate term active on the filing date in the filing's
   state, with a matching last name and a compatible first name (a Member who moved district, or a
   filer who gave the old one after redistricting).
3. ``previous_seat_last_name``: the filing's seat was held within :data:`FORMER_MEMBER_DAYS` days
   before the filing date by a Member of that last name who, on the filing date, serves the same
   state in another seat. Redistricting renumbers seats (2013, 2023) and Members keep writing the old
   number for a while; the seat they held identifies them whatever first name they give.
4. ``former_member``: as rule 2, but a term that ended within :data:`FORMER_MEMBER_DAYS` days
   before the filing date (termination reports and late PTRs are filed after leaving).
5. ``no_state_last_first_name``: the index gives no readable state and district; a House or Senate
   term anywhere, active on the filing date or ended within the window, with a matching last name
   and a compatible first name.

Candidates' filings (:data:`CANDIDATE_FILING_TYPES`: candidate reports, candidate notices,
withdrawals) are filed by people running for a seat, who often share the incumbent's last name
(Andy Levin ran for his father Sander's MI09 in 2018; a Sarah Smith ran in Adam Smith's WA09). For
them rule 1 also needs a compatible first name, and rules 2, 3 and 5 do not apply (a sitting
Member does not file a candidate report for another seat: Rob Menendez's 2022 NJ08 report is not
the Senator's). Rule 4 does: former Members run again.

One candidate is ``matched``; several are ``ambiguous``; none is ``not_a_member`` (candidates,
officers and staff file too, so that is not a failure). silver.member_match_issues lists every
filing that is not matched, with the candidates and the reason.

Names are compared after :func:`normalise_name` (accents stripped, lower case, hyphens, slashes and
periods as spaces, other punctuation dropped), with generational suffixes (Jr, Sr, II …) removed and
titles ('Dr', 'MD', 'Facs', 'Mr' …) ignored, in first and last names ('Dunn MD, FACS'). Last names
match when

* they are equal, also with the spaces removed ('DesJarlais' and 'Des Jarlais');
* or one is a single word equal to the other's last word ('Greene' and 'Taylor Greene', 'Delaney'
  and 'McClain Delaney') or first word (a maiden name kept before the married one: 'Hinson
  Arenholz' is Ashley Hinson), unless the other begins with a particle (:data:`PARTICLES`: 'Cruz'
  is not 'De La Cruz').

First names are compatible when

* one of the filer's given names (first word, the word after a leading initial, a quoted nickname
  such as '"Chuck"') equals, or forms a :data:`NICKNAMES` pair with, one of the Member's (first
  name, the word after a leading initial such as 'C. Scott', nickname, middle name);
* or one of those given names is a truncation of the other side's (the shorter at least
  :data:`MIN_TRUNCATION` letters: 'Rod' for Rodney Blum, 'Jeff' for Jefferson Van Drew);
* or the filer's middle name is the Member's first name or nickname ('Stella Yvette' Herrell files
  as Yvette Herrell);
* or the first initials and the middle names agree ('Anderson Drew' Ferguson is A. Drew Ferguson).

A middle initial alone is not compared with a Member's first initial: 'John D.' Dingell would then
be Debbie Dingell. So 'Nicholas V.' Taylor's termination report (Van Taylor, recorded without his
legal first name) stays an issue, with Van Taylor named in its reason.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from jobs.spec import Input, JobSpec, ReadMode, Scope, WriteMode

FORMER_MEMBER_DAYS = 400
"""How long after a term ends a filing can still be matched to that (former) Member."""

#: Rule names, in cascade order.
RULES: tuple[str, ...] = ("seat_last_name", "state_last_first_name", "previous_seat_last_name",
                          "former_member", "no_state_last_first_name")

#: Filing types only candidates file: Candidate Report, candidate notification letter, withdrawal.
CANDIDATE_FILING_TYPES: tuple[str, ...] = ("C", "D", "W")

#: Generational suffixes, dropped from names before comparing.
SUFFIXES: tuple[str, ...] = ("jr", "sr", "ii", "iii", "iv")

#: Titles and degrees that the index puts into names ('Mark Dr', 'Neal Patrick MD, Facs', last name
#: 'Dunn MD, FACS').
TITLES: tuple[str, ...] = ("dr", "mr", "mrs", "ms", "miss", "hon", "rev", "md", "facs", "phd", "dds", "esq")

#: Words that begin a surname rather than being one ('De La Cruz', 'Van Drew', 'San Nicolas').
PARTICLES: tuple[str, ...] = ("da", "das", "de", "del", "della", "den", "der", "des", "di", "do", "dos",
                              "du", "la", "le", "mac", "san", "santa", "st", "saint", "ten", "ter", "van",
                              "von")

MIN_TRUNCATION = 3
"""A given name this long or longer matches the names it begins ('Rod' ~ 'Rodney'); 'Al' does not."""

_MAX_TRUNCATION = 12
"""Truncations are compared up to this length (a longer short form is not a short form)."""

#: Common English diminutives that are not truncations (nickname, formal name): 'Rob', 'Chris' or
#: 'Jeff' need no pair, being the first letters of the formal name. Deliberately small: a pair only
#: widens the first-name test, which always comes with the state, the last name and a term that is
#: active or just ended.
NICKNAMES: tuple[tuple[str, str], ...] = (
    ("mike", "michael"), ("bill", "william"), ("billy", "william"), ("jim", "james"),
    ("jimmy", "james"), ("jamie", "james"), ("bob", "robert"), ("bobby", "robert"), ("tom", "thomas"),
    ("tommy", "thomas"), ("chuck", "charles"), ("charlie", "charles"), ("rick", "richard"),
    ("dick", "richard"), ("danny", "daniel"), ("joe", "joseph"), ("ted", "edward"), ("ted", "theodore"),
    ("ed", "edward"), ("gus", "augustus"), ("steve", "stephen"), ("dave", "david"), ("tony", "anthony"),
    ("andy", "andrew"), ("drew", "andrew"), ("jerry", "gerald"), ("larry", "lawrence"), ("hal", "harold"),
    ("hank", "henry"), ("jack", "john"), ("jake", "jacob"), ("rudy", "rudolph"), ("randy", "randall"),
    ("al", "albert"), ("al", "alfred"), ("lou", "luis"), ("kathy", "kathleen"),
    ("kathy", "katherine"), ("katie", "katherine"), ("cindy", "cynthia"), ("liz", "elizabeth"),
    ("lizzie", "elizabeth"), ("beth", "elizabeth"), ("betsy", "elizabeth"), ("sue", "susan"),
    ("susie", "susan"), ("debbie", "deborah"), ("angie", "angela"), ("lucy", "lucia"),
    ("peggy", "margaret"), ("maggie", "margaret"), ("patty", "patricia"), ("becky", "rebecca"),
    ("jenny", "jennifer"),
)

_QUOTED = r"""["“”‘’'(]([^"“”‘’'()]+)["“”‘’')]"""
_STRINGS = "array<string>"


def _expansions() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for nick, formal in NICKNAMES:
        out.setdefault(nick, [nick]).append(formal)
    return dict(sorted(out.items()))


_EXPANSIONS = _expansions()


@ibis.udf.scalar.builtin(name="strip_accents")
def _strip_accents(value: str) -> str:
    """DuckDB's strip_accents: 'Sánchez' -> 'Sanchez'."""


def normalise_name(value: ir.StringValue) -> ir.StringValue:
    """ASCII lower-case words: accents stripped; hyphens, slashes and periods as spaces ('G.K.' -> 'g k');
    other punctuation dropped ("O'Rourke" -> 'orourke')."""
    v = _strip_accents(value).lower()
    v = v.re_replace(r"[-/.‐–—]", " ").re_replace(r"[^a-z ]", "")
    return v.re_replace(r"\s+", " ").strip()


def _drop_words(value: ir.StringValue, words: tuple[str, ...]) -> ir.StringValue:
    pattern = r"\b(" + "|".join(words) + r")\b"
    return value.re_replace(pattern, " ").re_replace(r"\s+", " ").strip().nullif("")


def last_name_key(last: ir.StringValue) -> ir.StringValue:
    """The comparable last name: normalised, suffixes and titles dropped ('Beyer Jr.' -> 'beyer',
    'Dunn, MD, FACS' -> 'dunn'); a name that is nothing but such words is kept as it is."""
    plain = normalise_name(last)
    return _drop_words(plain, SUFFIXES + TITLES).fill_null(plain.nullif(""))


def last_word(key: ir.StringValue) -> ir.StringValue:
    """The last word of a name key (a surname), null when none."""
    return key.re_extract(r"([a-z]+)$", 1).nullif("")


def compound(key: ir.StringValue) -> ir.BooleanValue:
    """A last name of several surnames ('taylor greene', 'hinson arenholz'), not one surname with a
    particle ('de la cruz', 'van drew', 'san nicolas'): each of its words may stand for it."""
    return key.contains(" ") & ~key.re_search(r"\b(" + "|".join(PARTICLES) + r")\b")


def last_name_parts(key: ir.StringValue, prefix: str) -> dict[str, ir.StringValue]:
    """Columns ``prefix``, ``prefix_sq`` (no spaces) and, for a :func:`compound` name, ``prefix_w1`` and
    ``prefix_wn`` (its first and last words): computed once per row, compared by :func:`parts_match`."""
    is_compound = compound(key)
    return {prefix: key, f"{prefix}_sq": key.replace(" ", ""),
            f"{prefix}_w1": ibis.ifelse(is_compound, first_word(key), ibis.null("string")),
            f"{prefix}_wn": ibis.ifelse(is_compound, last_word(key), ibis.null("string"))}


def parts_match(a: ir.Table, a_prefix: str, b: ir.Table, b_prefix: str) -> ir.BooleanValue:
    """:func:`last_names_match` on the :func:`last_name_parts` columns of two tables."""
    ka, kb = a[a_prefix], b[b_prefix]
    return ((ka == kb) | (a[f"{a_prefix}_sq"] == b[f"{b_prefix}_sq"])
            | (ka == b[f"{b_prefix}_w1"]) | (ka == b[f"{b_prefix}_wn"])
            | (kb == a[f"{a_prefix}_w1"]) | (kb == a[f"{a_prefix}_wn"])).fill_null(False)


def last_names_match(a: ir.StringValue, b: ir.StringValue) -> ir.BooleanValue:
    """Equal keys (also without spaces: 'desjarlais' ~ 'des jarlais'), or one key is a single word equal
    to the other's last word ('greene' ~ 'taylor greene') or first word ('hinson' ~ 'hinson arenholz')
    when the other is a :func:`compound` name ('cruz' is not 'de la cruz')."""
    def part_of(x: ir.StringValue, y: ir.StringValue) -> ir.BooleanValue:
        return compound(y) & ((x == last_word(y)) | (x == first_word(y)))

    squeezed = a.replace(" ", "") == b.replace(" ", "")
    return ((a == b) | squeezed | part_of(a, b) | part_of(b, a)).fill_null(False)


def plain_given(first: ir.StringValue) -> ir.StringValue:
    """First names less quoted nickname, titles, suffixes ('Neal Patrick MD, Facs' -> 'neal patrick')."""
    return _drop_words(normalise_name(first.re_replace(_QUOTED, " ")), TITLES + SUFFIXES)


def quoted_given(first: ir.StringValue) -> ir.StringValue:
    """The nickname in quotes or parentheses: 'Charles J. "Chuck"' and 'Charles (Chuck)' -> 'chuck'."""
    return _drop_words(normalise_name(first.re_extract(_QUOTED, 1)), TITLES + SUFFIXES)


def first_word(value: ir.StringValue) -> ir.StringValue:
    """The first word of a name key (a given name), null when none."""
    return value.re_extract(r"^([a-z]+)", 1).nullif("")


def after_initial(value: ir.StringValue) -> ir.StringValue:
    """The word after a leading initial: 'c scott' -> 'scott', 'w gregory' -> 'gregory'; else null."""
    return value.re_extract(r"^[a-z] ([a-z]+)", 1).nullif("")


def second_word(value: ir.StringValue) -> ir.StringValue:
    """A middle name written out: 'anderson drew' -> 'drew'; null for none or an initial ('michael a')."""
    return value.re_extract(r"^[a-z]+ ([a-z]{2,})", 1).nullif("")


def name_keys(name: ir.StringValue) -> ir.ArrayValue:
    """The names a given name may stand for, itself included: 'mike' -> ['mike', 'michael'],
    'ted' -> ['ted', 'edward', 'theodore'], 'michael' -> ['michael'], null -> []."""
    expanded = name.cases(*((nick, ibis.literal(keys, type=_STRINGS)) for nick, keys in _EXPANSIONS.items()),
                          else_=ibis.array([name]))
    return ibis.ifelse(name.isnull(), ibis.literal([], type=_STRINGS), expanded)


def all_keys(names: ir.ArrayValue) -> ir.ArrayValue:
    """The keys of every name in ``names`` (nulls skipped), in one array."""
    return names.filter(lambda n: n.notnull()).map(name_keys).flatten()


def truncations(name: ir.StringValue) -> ir.ArrayValue:
    """The name and its beginnings of at least :data:`MIN_TRUNCATION` letters:
    'rodney' -> ['rodney', 'rod', 'rodn', 'rodne'], 'al' -> ['al'], null -> [null]."""
    return ibis.array([name] + [ibis.ifelse(name.length() > k, name.substr(0, k), ibis.null("string"))
                                for k in range(MIN_TRUNCATION, _MAX_TRUNCATION + 1)])


def all_truncations(names: ir.ArrayValue) -> ir.ArrayValue:
    """The :func:`truncations` of every name in ``names``, in one array (nulls skipped)."""
    return names.filter(lambda n: n.notnull()).map(truncations).flatten().filter(lambda n: n.notnull())


def shares_key(a: ir.ArrayValue, b: ir.ArrayValue) -> ir.BooleanValue:
    """Whether two lists of name keys have one in common."""
    return a.intersect(b).length() > 0


def given_names_fit(a_keys: ir.ArrayValue, a_truncs: ir.ArrayValue, b_keys: ir.ArrayValue,
                    b_truncs: ir.ArrayValue) -> ir.BooleanValue:
    """Some name of one side is a name of the other, a nickname of it, or its beginning ('rod' ~ 'rodney')."""
    return shares_key(a_keys, b_keys) | shares_key(a_keys, b_truncs) | shares_key(a_truncs, b_keys)


def names_compatible(a: ir.StringValue, b: ir.StringValue) -> ir.BooleanValue:
    """Two given names are the same, nickname and formal name ('mike' ~ 'michael'), or one begins the
    other ('rod' ~ 'rodney')."""
    return given_names_fit(name_keys(a), truncations(a), name_keys(b), truncations(b)).fill_null(False)


def filer_names(filings: ir.Table) -> ir.Table:
    """Per filing: its place, date, kind and comparable names (``f_*`` columns).

    ``f_keys`` holds the keys of the given names (first word, the word after a leading initial, a
    quoted nickname), ``f_truncs`` their :func:`truncations`, ``f_middle_keys`` the keys of a
    written-out middle name; ``f_candidate`` is true for :data:`CANDIDATE_FILING_TYPES`.
    """
    s = filings.select(
        f_doc=filings.doc_id,
        f_date=filings.filing_date,
        f_state=filings.state,
        f_district=ibis.ifelse(filings.is_at_large, 0, filings.district),
        _last=last_name_key(filings.last_name),
        f_candidate=filings.filing_type.isin(CANDIDATE_FILING_TYPES).fill_null(False),
        _plain=plain_given(filings.first_name),
        _quoted=quoted_given(filings.first_name),
    )
    middle = second_word(s._plain)
    given = ibis.array([first_word(s._plain), after_initial(s._plain), first_word(s._quoted)])
    return s.select(
        "f_doc", "f_date", "f_state", "f_district", "f_candidate",
        **last_name_parts(s._last, "f_last"),
        f_keys=all_keys(given),
        f_truncs=all_truncations(given),
        f_middle_keys=name_keys(middle),
        f_initial=s._plain.substr(0, 1),
        f_middle=middle,
    )


def member_names(members: ir.Table) -> ir.Table:
    """Per Member: comparable names (``m_*`` columns).

    ``m_first_keys`` holds the keys of the first word of the first name, the word after a leading
    initial ('W. Gregory'), a nickname quoted within the first name (older records: 'Charles
    (Chuck)') and the nickname, ``m_first_truncs`` their :func:`truncations`; ``m_middle_keys``
    the keys of the middle name.
    """
    s = members.select(
        m_id=members.bioguide_id,
        _last=last_name_key(members.last_name),
        _first=plain_given(members.first_name),
        _quoted=quoted_given(members.first_name),
        _nick=plain_given(members.nickname),
        _middle=first_word(plain_given(members.middle_name)),
    )
    given = ibis.array([first_word(s._first), after_initial(s._first), first_word(s._quoted),
                        first_word(s._nick)])
    return s.select(
        "m_id",
        **last_name_parts(s._last, "m_last"),
        m_first_keys=all_keys(given),
        m_first_truncs=all_truncations(given),
        m_middle_keys=name_keys(s._middle),
        m_initial=s._first.substr(0, 1),
        m_middle=s._middle,
    )


def candidates(filings: ir.Table, members: ir.Table, terms: ir.Table) -> ir.Table:
    """(doc_id, bioguide_id, rule_no) for each Member some rule finds for a filing, with the first
    such rule (0 to 4 = :data:`RULES`).

    One join finds every term in the filing's state (any state for a filing without one, see rule 5)
    whose Member's last name matches and that was active on the filing date or ended within the
    window; flags on each row then say which rules it satisfies. Rule 1 has one guard: a seat holder
    whose first name does not fit the filer is dropped when a Member of the same last name whose
    first name fits left that seat within the window. That is a relative who succeeded a relative
    (John -> Debbie Dingell in MI12, Michael -> Gus Bilirakis in FL09): the predecessor's termination
    report names the seat the successor holds.
    """
    f = filer_names(filings)
    m = member_names(members)
    t = terms.join(m, terms.bioguide_id == m.m_id)

    def near(f: ir.Table, t: ir.Table) -> ir.BooleanValue:
        return (parts_match(f, "f_last", t, "m_last") & (t.start_date <= f.f_date)
                & (t.end_date > f.f_date - ibis.interval(days=FORMER_MEMBER_DAYS)))

    in_state = f.join(t, (t.state == f.f_state) & near(f, t))
    # Rule 5's filings are few (the index almost always gives a state): a join without an equality
    # key, over those filings only.
    stateless = f.filter(f.f_state.isnull() & f.f_date.notnull() & ~f.f_candidate)
    j = in_state.union(stateless.join(t, near(stateless, t)))
    fits = (given_names_fit(j.f_keys, j.f_truncs, j.m_first_keys.concat(j.m_middle_keys), j.m_first_truncs)
            | shares_key(j.f_middle_keys, j.m_first_keys)
            | ((j.f_initial == j.m_initial) & (j.f_middle == j.m_middle)))
    c = j.select(
        doc_id=j.f_doc,
        bioguide_id=j.m_id,
        candidate=j.f_candidate,
        has_state=j.f_state.notnull(),
        # A state or territory with one seat has district 0 in the terms; filers sometimes number it 1.
        seat=((j.chamber == "house")
              & ((j.district == j.f_district) | ((j.district == 0) & (j.f_district == 1)))).fill_null(False),
        active=j.f_date < j.end_date,
        fits=fits.fill_null(False),
    )
    c = c.mutate(
        _predecessor=(c.seat & ~c.active & c.fits).cast("int8").max().over(group_by="doc_id") == 1,
        _serving=c.active.cast("int8").max().over(group_by=["doc_id", "bioguide_id"]) == 1,
    )
    member_filing = ~c.candidate
    rule_no = ibis.cases(
        (c.seat & c.active & (c.fits | (member_filing & ~c._predecessor)), ibis.literal(0, "int8")),
        (member_filing & c.has_state & c.active & c.fits, ibis.literal(1, "int8")),
        (member_filing & c.seat & ~c.active & c._serving, ibis.literal(2, "int8")),
        (c.has_state & ~c._serving & c.fits, ibis.literal(3, "int8")),
        (~c.has_state & c.fits, ibis.literal(4, "int8")),
        else_=ibis.null("int8"),
    )
    c = c.select("doc_id", "bioguide_id", rule_no=rule_no)
    c = c.filter(c.rule_no.notnull())
    return c.group_by(["doc_id", "bioguide_id"]).agg(rule_no=c.rule_no.min())


def transform(filings: ir.Table, members: ir.Table, terms: ir.Table) -> ir.Table:
    """One row per filing: the matched Member, or why there is none (see the module docstring)."""
    found = candidates(filings, members, terms)
    found = found.filter(found.rule_no == found.rule_no.min().over(group_by="doc_id"))
    decided = found.group_by("doc_id").agg(
        rule_no=found.rule_no.min(),
        n=found.bioguide_id.nunique(),
        only=found.bioguide_id.max(),
        ids=found.bioguide_id.collect(distinct=True).sort().join(","),
    )
    decided = decided.select(d_doc="doc_id", rule_no="rule_no", n="n", only="only", ids="ids")
    j = filings.left_join(decided, filings.doc_id == decided.d_doc)
    n = j.n.fill_null(0)
    return j.select(
        doc_id=j.doc_id,
        year=j.year,
        bioguide_id=ibis.ifelse(n == 1, j.only, ibis.null("string")),
        match_status=ibis.cases((n == 1, "matched"), (n > 1, "ambiguous"), else_="not_a_member"),
        match_rule=j.rule_no.substitute(dict(enumerate(RULES)), else_=ibis.null("string")),
        candidates=j.ids,
        filer_name=j.filer_name,
        state_district=j.state_district,
        filing_date=j.filing_date,
    )


def issues_transform(matches: ir.Table, filings: ir.Table, members: ir.Table, terms: ir.Table) -> ir.Table:
    """Every filing not matched to exactly one Member, with its candidates and a reason.

    Ambiguous: the rule and the candidates' names. Not a member: what was looked for, plus any
    Member of the state with the same last name around the date whose first name did not fit (a
    missing nickname pair shows up here), or, for a candidate's filing, who served another seat.
    """
    open_ = matches.filter(matches.match_status != "matched")
    f = filings.select(i_doc="doc_id", filing_type="filing_type", last_name="last_name",
                       first_name="first_name", i_state="state")
    # Each join is closed with a projection (drop): in one chain of joins ibis would treat the
    # equal key columns as interchangeable and join the next table on a null-filled left-join key.
    j = open_.left_join(f, open_.doc_id == f.i_doc).drop("i_doc")
    who = members.select(w_id="bioguide_id", w_name=members.official_full_name.fill_null(
        members.first_name.fill_null("") + " " + members.last_name.fill_null("")))

    # Names of the candidates of ambiguous filings.
    amb = j.filter(j.match_status == "ambiguous").select(a_doc="doc_id", a_ids="candidates")
    amb = amb.join(who, ("," + amb.a_ids + ",").contains("," + who.w_id + ","))
    amb = amb.group_by("a_doc").agg(listed=(amb.w_name + " (" + amb.w_id + ")").collect().sort().join(", "))

    # Same last name, same state, active or recently ended, but an incompatible first name.
    fl = filings.select(n_doc="doc_id", n_date="filing_date", n_state="state",
                        **last_name_parts(last_name_key(filings.last_name), "n_last"))
    ml = members.select(n_id="bioguide_id", **last_name_parts(last_name_key(members.last_name), "n_mlast"))
    tl = terms.join(ml, terms.bioguide_id == ml.n_id)
    near = fl.join(tl, (tl.state == fl.n_state) & parts_match(fl, "n_last", tl, "n_mlast")
                   & (tl.start_date <= fl.n_date)
                   & (tl.end_date > fl.n_date - ibis.interval(days=FORMER_MEMBER_DAYS)))
    near = near.select("n_doc", "n_id").distinct()
    near = near.join(who, near.n_id == who.w_id)
    near = near.group_by("n_doc").agg(near=(near.w_name + " (" + near.n_id + ")").collect().sort().join(", "))

    j = j.left_join(amb, j.doc_id == amb.a_doc).drop("a_doc")
    j = j.left_join(near, j.doc_id == near.n_doc).drop("n_doc")
    looked = ("no Member named " + j.last_name.fill_null("?") + " held the seat "
              + j.state_district.fill_null("?") + " or served " + j.i_state.fill_null("?") + " on "
              + j.filing_date.cast("string").fill_null("?") + f" or in the {FORMER_MEMBER_DAYS} days before")
    candidate = j.filing_type.isin(CANDIDATE_FILING_TYPES).fill_null(False)
    reason = ibis.cases(
        (j.match_status == "ambiguous",
         "several Members fit rule " + j.match_rule.fill_null("?") + ": "
         + j.listed.fill_null(j.candidates.fill_null("")) + "; resolve by hand"),
        (j.filing_date.isnull(), "the index gives no filing date, so no term can be checked"),
        (j.i_state.isnull() & candidate,
         "the index gives no valid state and district, and a candidate's filing is matched by its seat"),
        (j.i_state.isnull(),
         "the index gives no valid state and district, and no Member named " + j.last_name.fill_null("?")
         + " with a compatible first name served on " + j.filing_date.cast("string")
         + f" or in the {FORMER_MEMBER_DAYS} days before"),
        (candidate & j.near.notnull(),
         "a candidate's filing (type " + j.filing_type + "): no Member named " + j.last_name.fill_null("?")
         + " with a compatible first name held the seat " + j.state_district.fill_null("?") + " on "
         + j.filing_date.cast("string") + f" or left Congress in the {FORMER_MEMBER_DAYS} days before; "
         "Members of that last name in " + j.i_state + " then: " + j.near),
        (j.near.notnull(),
         looked + " with a compatible first name; same last name but first name '"
         + j.first_name.fill_null("") + "' does not fit: " + j.near),
        else_=looked + " (candidates, officers and staff file too)",
    )
    return j.select(
        doc_id=j.doc_id,
        year=j.year,
        filing_type=j.filing_type,
        match_status=j.match_status,
        candidates=j.candidates.fill_null(""),
        reason=reason,
        filer_name=j.filer_name,
        state_district=j.state_district,
        filing_date=j.filing_date,
    )


# Lineage columns of silver.filings (source_url, ingested_at) change on every ingest; leave them out
# so only a real change to a filing marks it for re-matching.
_FILING_COLUMNS = ("doc_id", "year", "filing_type", "filing_date", "first_name", "last_name", "filer_name",
                   "state_district", "state", "district", "is_at_large")

MATCHES_JOB = JobSpec(
    name="silver.filer_matches",
    output="silver.filer_matches",
    inputs={
        "filings": Input("silver.filings", ReadMode.SNAPSHOT, columns=_FILING_COLUMNS),
        "members": Input("silver.members", ReadMode.SNAPSHOT),
        "terms": Input("silver.member_terms", ReadMode.SNAPSHOT),
    },
    transform=transform,
    write=WriteMode.MERGE,
    # New or changed filings are matched alone; a change to members or terms re-matches everything.
    scope=Scope(key="doc_id", feeds={"filings": "doc_id"}),
)

ISSUES_JOB = JobSpec(
    name="silver.member_match_issues",
    output="silver.member_match_issues",
    inputs={
        "matches": Input("silver.filer_matches", ReadMode.SNAPSHOT),
        "filings": Input("silver.filings", ReadMode.SNAPSHOT, columns=_FILING_COLUMNS),
        "members": Input("silver.members", ReadMode.SNAPSHOT),
        "terms": Input("silver.member_terms", ReadMode.SNAPSHOT),
    },
    transform=issues_transform,
    write=WriteMode.MERGE,
    scope=Scope(key="doc_id", feeds={"matches": "doc_id", "filings": "doc_id"}),
)
