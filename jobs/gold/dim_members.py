"""gold.dim_members: Members as a type-2 slowly changing dimension over their terms."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from jobs.spec import Input, JobSpec, WriteMode

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def member_key(bioguide_id: ir.StringValue, version: ir.IntegerValue) -> ir.IntegerValue:
    """Deterministic, portable key: 'P000197' v2 -> 16 * 1e9 + 197 * 1000 + 2."""
    letter = ibis.literal(_LETTERS).find(bioguide_id.substr(0, 1)).cast("int64") + 1
    digits = bioguide_id.substr(1, 6).cast("int64")
    return letter * 1_000_000_000 + digits * 1000 + version.cast("int64")


def transform(members: ir.Table, terms: ir.Table) -> ir.Table:
    """One version per run of consecutive terms with the same party, chamber, state and district.

    Versions of a member tile time without gaps or overlaps: each ends (exclusive) where the next
    begins; the last ends with the member's last term.
    """
    seat = terms.party.fill_null("") + "|" + terms.chamber + "|" + terms.state + "|" + terms.district.cast("string").fill_null("")
    w = ibis.window(group_by="bioguide_id", order_by=["start_date", "term_no"])
    t = terms.mutate(_seat=seat)
    t = t.mutate(_new=(t._seat != t._seat.lag().over(w)).fill_null(True).cast("int32"))
    t = t.mutate(version=t._new.cumsum().over(w).cast("int32"))
    versions = t.group_by(["bioguide_id", "version"]).agg(
        party=t.party.arbitrary(),
        chamber=t.chamber.arbitrary(),
        state=t.state.arbitrary(),
        district=t.district.arbitrary(),
        valid_from=t.start_date.min(),
        _last_end=t.end_date.max(),
    )
    vw = ibis.window(group_by="bioguide_id", order_by="version")
    versions = versions.mutate(
        valid_to=versions.valid_from.lead().over(vw).fill_null(versions._last_end),
        is_current=versions.version == versions.version.max().over(ibis.window(group_by="bioguide_id")),
    )
    joined = versions.left_join(members, "bioguide_id")
    return joined.select(
        member_key=member_key(joined.bioguide_id, joined.version),
        bioguide_id=joined.bioguide_id,
        first_name=joined.first_name,
        last_name=joined.last_name,
        full_name=joined.official_full_name.fill_null(joined.first_name + " " + joined.last_name),
        party=joined.party,
        chamber=joined.chamber,
        state=joined.state,
        district=joined.district,
        valid_from=joined.valid_from,
        valid_to=joined.valid_to,
        is_current=joined.is_current,
        version=joined.version,
    )


JOB = JobSpec(
    name="gold.dim_members",
    output="gold.dim_members",
    inputs={"members": Input("silver.members"), "terms": Input("silver.member_terms")},
    transform=transform,
    write=WriteMode.REPLACE,
)
