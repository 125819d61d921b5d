WITH "t5" AS (
  SELECT
    "t0"."doc_id" AS "f_doc",
    "t0"."filing_date" AS "f_date",
    "t0"."state" AS "f_state",
    IF("t0"."is_at_large", 0, "t0"."district") AS "f_district",
    COALESCE(
      NULLIF(
        TRIM(' 	
' FROM REGEXP_REPLACE(
          REGEXP_REPLACE(
            TRIM(' 	
' FROM REGEXP_REPLACE(
              REGEXP_REPLACE(
                REGEXP_REPLACE(LOWER(STRIP_ACCENTS("t0"."last_name")), '[-/.‐–—]', ' '),
                '[^a-z ]',
                ''
              ),
              '\s+',
              ' '
            )),
            '\b(jr|sr|ii|iii|iv|dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq)\b',
            ' '
          ),
          '\s+',
          ' '
        )),
        ''
      ),
      NULLIF(
        TRIM(' 	
' FROM REGEXP_REPLACE(
          REGEXP_REPLACE(
            REGEXP_REPLACE(LOWER(STRIP_ACCENTS("t0"."last_name")), '[-/.‐–—]', ' '),
            '[^a-z ]',
            ''
          ),
          '\s+',
          ' '
        )),
        ''
      )
    ) AS "_last",
    COALESCE("t0"."filing_type" IN ('C', 'D', 'W'), FALSE) AS "f_candidate",
    NULLIF(
      TRIM(' 	
' FROM REGEXP_REPLACE(
        REGEXP_REPLACE(
          TRIM(' 	
' FROM REGEXP_REPLACE(
            REGEXP_REPLACE(
              REGEXP_REPLACE(
                LOWER(
                  STRIP_ACCENTS(REGEXP_REPLACE("t0"."first_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', ' '))
                ),
                '[-/.‐–—]',
                ' '
              ),
              '[^a-z ]',
              ''
            ),
            '\s+',
            ' '
          )),
          '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
          ' '
        ),
        '\s+',
        ' '
      )),
      ''
    ) AS "_plain",
    NULLIF(
      TRIM(' 	
' FROM REGEXP_REPLACE(
        REGEXP_REPLACE(
          TRIM(' 	
' FROM REGEXP_REPLACE(
            REGEXP_REPLACE(
              REGEXP_REPLACE(
                LOWER(
                  STRIP_ACCENTS(REGEXP_EXTRACT("t0"."first_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', 1))
                ),
                '[-/.‐–—]',
                ' '
              ),
              '[^a-z ]',
              ''
            ),
            '\s+',
            ' '
          )),
          '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
          ' '
        ),
        '\s+',
        ' '
      )),
      ''
    ) AS "_quoted"
  FROM "silver_filings" AS "t0"
)
SELECT
  "t3"."doc_id",
  "t3"."year",
  IF(COALESCE("t27"."n", 0) = 1, "t27"."only", CAST(NULL AS VARCHAR)) AS "bioguide_id",
  CASE
    WHEN COALESCE("t27"."n", 0) = 1
    THEN 'matched'
    WHEN COALESCE("t27"."n", 0) > 1
    THEN 'ambiguous'
    ELSE 'not_a_member'
  END AS "match_status",
  CASE "t27"."rule_no"
    WHEN 0
    THEN 'seat_last_name'
    WHEN 1
    THEN 'state_last_first_name'
    WHEN 2
    THEN 'previous_seat_last_name'
    WHEN 3
    THEN 'former_member'
    WHEN 4
    THEN 'no_state_last_first_name'
    ELSE CAST(NULL AS VARCHAR)
  END AS "match_rule",
  "t27"."ids" AS "candidates",
  "t3"."filer_name",
  "t3"."state_district",
  "t3"."filing_date"
FROM "silver_filings" AS "t3"
LEFT OUTER JOIN (
  SELECT
    "t25"."doc_id" AS "d_doc",
    "t25"."rule_no",
    "t25"."n",
    "t25"."only",
    "t25"."ids"
  FROM (
    SELECT
      "t24"."doc_id",
      MIN("t24"."rule_no") AS "rule_no",
      COUNT(DISTINCT "t24"."bioguide_id") AS "n",
      MAX("t24"."bioguide_id") AS "only",
      ARRAY_JOIN(
        NULLIF(
          ARRAY_SORT(
            ARRAY_AGG(DISTINCT "t24"."bioguide_id") FILTER(WHERE
              "t24"."bioguide_id" IS NOT NULL)
          ),
          ARRAY[]
        ),
        ','
      ) AS "ids"
    FROM (
      SELECT
        "doc_id",
        "bioguide_id",
        "rule_no"
      FROM (
        SELECT
          "t23"."doc_id",
          "t23"."bioguide_id",
          "t23"."rule_no",
          MIN("t23"."rule_no") OVER (
            PARTITION BY "t23"."doc_id"
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS _w
        FROM (
          SELECT
            "t22"."doc_id",
            "t22"."bioguide_id",
            MIN("t22"."rule_no") AS "rule_no"
          FROM (
            SELECT
              *
            FROM (
              SELECT
                "t20"."doc_id",
                "t20"."bioguide_id",
                CASE
                  WHEN "t20"."seat"
                  AND "t20"."active"
                  AND (
                    "t20"."fits"
                    OR (
                      NOT (
                        "t20"."candidate"
                      ) AND NOT (
                        "t20"."_predecessor"
                      )
                    )
                  )
                  THEN 0
                  WHEN NOT (
                    "t20"."candidate"
                  )
                  AND "t20"."has_state"
                  AND "t20"."active"
                  AND "t20"."fits"
                  THEN 1
                  WHEN NOT (
                    "t20"."candidate"
                  )
                  AND "t20"."seat"
                  AND NOT (
                    "t20"."active"
                  )
                  AND "t20"."_serving"
                  THEN 2
                  WHEN "t20"."has_state" AND NOT (
                    "t20"."_serving"
                  ) AND "t20"."fits"
                  THEN 3
                  WHEN NOT (
                    "t20"."has_state"
                  ) AND "t20"."fits"
                  THEN 4
                  ELSE CAST(NULL AS TINYINT)
                END AS "rule_no"
              FROM (
                SELECT
                  "t19"."doc_id",
                  "t19"."bioguide_id",
                  "t19"."candidate",
                  "t19"."has_state",
                  "t19"."seat",
                  "t19"."active",
                  "t19"."fits",
                  MAX(CAST("t19"."seat" AND NOT (
                    "t19"."active"
                  ) AND "t19"."fits" AS TINYINT)) OVER (
                    PARTITION BY "t19"."doc_id"
                    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                  ) = 1 AS "_predecessor",
                  MAX(CAST("t19"."active" AS TINYINT)) OVER (
                    PARTITION BY "t19"."doc_id", "t19"."bioguide_id"
                    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                  ) = 1 AS "_serving"
                FROM (
                  SELECT
                    "t18"."f_doc" AS "doc_id",
                    "t18"."m_id" AS "bioguide_id",
                    "t18"."f_candidate" AS "candidate",
                    "t18"."f_state" IS NOT NULL AS "has_state",
                    COALESCE(
                      (
                        "t18"."chamber" = 'house'
                      )
                      AND (
                        (
                          "t18"."district" = "t18"."f_district"
                        )
                        OR (
                          (
                            "t18"."district" = 0
                          ) AND (
                            "t18"."f_district" = 1
                          )
                        )
                      ),
                      FALSE
                    ) AS "seat",
                    "t18"."f_date" < "t18"."end_date" AS "active",
                    COALESCE(
                      (
                        CARDINALITY(
                          ARRAY_INTERSECT("t18"."f_keys", CONCAT("t18"."m_first_keys", "t18"."m_middle_keys"))
                        ) > 0
                      )
                      OR (
                        CARDINALITY(ARRAY_INTERSECT("t18"."f_keys", "t18"."m_first_truncs")) > 0
                      )
                      OR (
                        CARDINALITY(
                          ARRAY_INTERSECT("t18"."f_truncs", CONCAT("t18"."m_first_keys", "t18"."m_middle_keys"))
                        ) > 0
                      )
                      OR (
                        CARDINALITY(ARRAY_INTERSECT("t18"."f_middle_keys", "t18"."m_first_keys")) > 0
                      )
                      OR (
                        (
                          "t18"."f_initial" = "t18"."m_initial"
                        )
                        AND (
                          "t18"."f_middle" = "t18"."m_middle"
                        )
                      ),
                      FALSE
                    ) AS "fits"
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        "t10"."f_doc",
                        "t10"."f_date",
                        "t10"."f_state",
                        "t10"."f_district",
                        "t10"."f_candidate",
                        "t10"."f_last",
                        "t10"."f_last_sq",
                        "t10"."f_last_w1",
                        "t10"."f_last_wn",
                        "t10"."f_keys",
                        "t10"."f_truncs",
                        "t10"."f_middle_keys",
                        "t10"."f_initial",
                        "t10"."f_middle",
                        "t15"."bioguide_id",
                        "t15"."term_no",
                        "t15"."chamber",
                        "t15"."state",
                        "t15"."district",
                        "t15"."party",
                        "t15"."start_date",
                        "t15"."end_date",
                        "t15"."end_is_scheduled",
                        "t15"."m_id",
                        "t15"."m_last",
                        "t15"."m_last_sq",
                        "t15"."m_last_w1",
                        "t15"."m_last_wn",
                        "t15"."m_first_keys",
                        "t15"."m_first_truncs",
                        "t15"."m_middle_keys",
                        "t15"."m_initial",
                        "t15"."m_middle"
                      FROM (
                        SELECT
                          "t6"."f_doc",
                          "t6"."f_date",
                          "t6"."f_state",
                          "t6"."f_district",
                          "t6"."f_candidate",
                          "t6"."_last" AS "f_last",
                          REPLACE("t6"."_last", ' ', '') AS "f_last_sq",
                          IF(
                            (
                              STRPOS("t6"."_last", ' ') > 0
                            )
                            AND NOT (
                              REGEXP_LIKE(
                                "t6"."_last",
                                '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                              )
                            ),
                            NULLIF(REGEXP_EXTRACT("t6"."_last", '^([a-z]+)', 1), ''),
                            CAST(NULL AS VARCHAR)
                          ) AS "f_last_w1",
                          IF(
                            (
                              STRPOS("t6"."_last", ' ') > 0
                            )
                            AND NOT (
                              REGEXP_LIKE(
                                "t6"."_last",
                                '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                              )
                            ),
                            NULLIF(REGEXP_EXTRACT("t6"."_last", '([a-z]+)$', 1), ''),
                            CAST(NULL AS VARCHAR)
                          ) AS "f_last_wn",
                          FLATTEN(
                            TRANSFORM(
                              FILTER(
                                ARRAY[NULLIF(REGEXP_EXTRACT("t6"."_plain", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z] ([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t6"."_quoted", '^([a-z]+)', 1), '')],
                                __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                              ),
                              __ibis_param_name__ -> IF(
                                __ibis_param_name__ IS NULL,
                                ARRAY[],
                                CASE __ibis_param_name__
                                  WHEN 'al'
                                  THEN ARRAY['al', 'albert', 'alfred']
                                  WHEN 'andy'
                                  THEN ARRAY['andy', 'andrew']
                                  WHEN 'angie'
                                  THEN ARRAY['angie', 'angela']
                                  WHEN 'becky'
                                  THEN ARRAY['becky', 'rebecca']
                                  WHEN 'beth'
                                  THEN ARRAY['beth', 'elizabeth']
                                  WHEN 'betsy'
                                  THEN ARRAY['betsy', 'elizabeth']
                                  WHEN 'bill'
                                  THEN ARRAY['bill', 'william']
                                  WHEN 'billy'
                                  THEN ARRAY['billy', 'william']
                                  WHEN 'bob'
                                  THEN ARRAY['bob', 'robert']
                                  WHEN 'bobby'
                                  THEN ARRAY['bobby', 'robert']
                                  WHEN 'charlie'
                                  THEN ARRAY['charlie', 'charles']
                                  WHEN 'chuck'
                                  THEN ARRAY['chuck', 'charles']
                                  WHEN 'cindy'
                                  THEN ARRAY['cindy', 'cynthia']
                                  WHEN 'danny'
                                  THEN ARRAY['danny', 'daniel']
                                  WHEN 'dave'
                                  THEN ARRAY['dave', 'david']
                                  WHEN 'debbie'
                                  THEN ARRAY['debbie', 'deborah']
                                  WHEN 'dick'
                                  THEN ARRAY['dick', 'richard']
                                  WHEN 'drew'
                                  THEN ARRAY['drew', 'andrew']
                                  WHEN 'ed'
                                  THEN ARRAY['ed', 'edward']
                                  WHEN 'gus'
                                  THEN ARRAY['gus', 'augustus']
                                  WHEN 'hal'
                                  THEN ARRAY['hal', 'harold']
                                  WHEN 'hank'
                                  THEN ARRAY['hank', 'henry']
                                  WHEN 'jack'
                                  THEN ARRAY['jack', 'john']
                                  WHEN 'jake'
                                  THEN ARRAY['jake', 'jacob']
                                  WHEN 'jamie'
                                  THEN ARRAY['jamie', 'james']
                                  WHEN 'jenny'
                                  THEN ARRAY['jenny', 'jennifer']
                                  WHEN 'jerry'
                                  THEN ARRAY['jerry', 'gerald']
                                  WHEN 'jim'
                                  THEN ARRAY['jim', 'james']
                                  WHEN 'jimmy'
                                  THEN ARRAY['jimmy', 'james']
                                  WHEN 'joe'
                                  THEN ARRAY['joe', 'joseph']
                                  WHEN 'kathy'
                                  THEN ARRAY['kathy', 'kathleen', 'katherine']
                                  WHEN 'katie'
                                  THEN ARRAY['katie', 'katherine']
                                  WHEN 'larry'
                                  THEN ARRAY['larry', 'lawrence']
                                  WHEN 'liz'
                                  THEN ARRAY['liz', 'elizabeth']
                                  WHEN 'lizzie'
                                  THEN ARRAY['lizzie', 'elizabeth']
                                  WHEN 'lou'
                                  THEN ARRAY['lou', 'luis']
                                  WHEN 'lucy'
                                  THEN ARRAY['lucy', 'lucia']
                                  WHEN 'maggie'
                                  THEN ARRAY['maggie', 'margaret']
                                  WHEN 'mike'
                                  THEN ARRAY['mike', 'michael']
                                  WHEN 'patty'
                                  THEN ARRAY['patty', 'patricia']
                                  WHEN 'peggy'
                                  THEN ARRAY['peggy', 'margaret']
                                  WHEN 'randy'
                                  THEN ARRAY['randy', 'randall']
                                  WHEN 'rick'
                                  THEN ARRAY['rick', 'richard']
                                  WHEN 'rudy'
                                  THEN ARRAY['rudy', 'rudolph']
                                  WHEN 'steve'
                                  THEN ARRAY['steve', 'stephen']
                                  WHEN 'sue'
                                  THEN ARRAY['sue', 'susan']
                                  WHEN 'susie'
                                  THEN ARRAY['susie', 'susan']
                                  WHEN 'ted'
                                  THEN ARRAY['ted', 'edward', 'theodore']
                                  WHEN 'tom'
                                  THEN ARRAY['tom', 'thomas']
                                  WHEN 'tommy'
                                  THEN ARRAY['tommy', 'thomas']
                                  WHEN 'tony'
                                  THEN ARRAY['tony', 'anthony']
                                  ELSE ARRAY[__ibis_param_name__]
                                END
                              )
                            )
                          ) AS "f_keys",
                          FILTER(
                            FLATTEN(
                              TRANSFORM(
                                FILTER(
                                  ARRAY[NULLIF(REGEXP_EXTRACT("t6"."_plain", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z] ([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t6"."_quoted", '^([a-z]+)', 1), '')],
                                  __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                                ),
                                __ibis_param_name__ -> ARRAY[__ibis_param_name__, IF(
                                  LENGTH(__ibis_param_name__) > 3,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    3
                                  ),
                                  CAST(NULL AS VARCHAR)
                                ), IF(
                                  LENGTH(__ibis_param_name__) > 4,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    4
                                  ),
                                  CAST(NULL AS VARCHAR)
                                ), IF(
                                  LENGTH(__ibis_param_name__) > 5,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    5
                                  ),
                                  CAST(NULL AS VARCHAR)
                                ), IF(
                                  LENGTH(__ibis_param_name__) > 6,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    6
                                  ),
                                  CAST(NULL AS VARCHAR)
                                ), IF(
                                  LENGTH(__ibis_param_name__) > 7,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    7
                                  ),
                                  CAST(NULL AS VARCHAR)
                                ), IF(
                                  LENGTH(__ibis_param_name__) > 8,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    8
                                  ),
                                  CAST(NULL AS VARCHAR)
                                ), IF(
                                  LENGTH(__ibis_param_name__) > 9,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    9
                                  ),
                                  CAST(NULL AS VARCHAR)
                                ), IF(
                                  LENGTH(__ibis_param_name__) > 10,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    10
                                  ),
                                  CAST(NULL AS VARCHAR)
                                ), IF(
                                  LENGTH(__ibis_param_name__) > 11,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    11
                                  ),
                                  CAST(NULL AS VARCHAR)
                                ), IF(
                                  LENGTH(__ibis_param_name__) > 12,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    12
                                  ),
                                  CAST(NULL AS VARCHAR)
                                )]
                              )
                            ),
                            __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                          ) AS "f_truncs",
                          IF(
                            NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '') IS NULL,
                            ARRAY[],
                            CASE NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '')
                              WHEN 'al'
                              THEN ARRAY['al', 'albert', 'alfred']
                              WHEN 'andy'
                              THEN ARRAY['andy', 'andrew']
                              WHEN 'angie'
                              THEN ARRAY['angie', 'angela']
                              WHEN 'becky'
                              THEN ARRAY['becky', 'rebecca']
                              WHEN 'beth'
                              THEN ARRAY['beth', 'elizabeth']
                              WHEN 'betsy'
                              THEN ARRAY['betsy', 'elizabeth']
                              WHEN 'bill'
                              THEN ARRAY['bill', 'william']
                              WHEN 'billy'
                              THEN ARRAY['billy', 'william']
                              WHEN 'bob'
                              THEN ARRAY['bob', 'robert']
                              WHEN 'bobby'
                              THEN ARRAY['bobby', 'robert']
                              WHEN 'charlie'
                              THEN ARRAY['charlie', 'charles']
                              WHEN 'chuck'
                              THEN ARRAY['chuck', 'charles']
                              WHEN 'cindy'
                              THEN ARRAY['cindy', 'cynthia']
                              WHEN 'danny'
                              THEN ARRAY['danny', 'daniel']
                              WHEN 'dave'
                              THEN ARRAY['dave', 'david']
                              WHEN 'debbie'
                              THEN ARRAY['debbie', 'deborah']
                              WHEN 'dick'
                              THEN ARRAY['dick', 'richard']
                              WHEN 'drew'
                              THEN ARRAY['drew', 'andrew']
                              WHEN 'ed'
                              THEN ARRAY['ed', 'edward']
                              WHEN 'gus'
                              THEN ARRAY['gus', 'augustus']
                              WHEN 'hal'
                              THEN ARRAY['hal', 'harold']
                              WHEN 'hank'
                              THEN ARRAY['hank', 'henry']
                              WHEN 'jack'
                              THEN ARRAY['jack', 'john']
                              WHEN 'jake'
                              THEN ARRAY['jake', 'jacob']
                              WHEN 'jamie'
                              THEN ARRAY['jamie', 'james']
                              WHEN 'jenny'
                              THEN ARRAY['jenny', 'jennifer']
                              WHEN 'jerry'
                              THEN ARRAY['jerry', 'gerald']
                              WHEN 'jim'
                              THEN ARRAY['jim', 'james']
                              WHEN 'jimmy'
                              THEN ARRAY['jimmy', 'james']
                              WHEN 'joe'
                              THEN ARRAY['joe', 'joseph']
                              WHEN 'kathy'
                              THEN ARRAY['kathy', 'kathleen', 'katherine']
                              WHEN 'katie'
                              THEN ARRAY['katie', 'katherine']
                              WHEN 'larry'
                              THEN ARRAY['larry', 'lawrence']
                              WHEN 'liz'
                              THEN ARRAY['liz', 'elizabeth']
                              WHEN 'lizzie'
                              THEN ARRAY['lizzie', 'elizabeth']
                              WHEN 'lou'
                              THEN ARRAY['lou', 'luis']
                              WHEN 'lucy'
                              THEN ARRAY['lucy', 'lucia']
                              WHEN 'maggie'
                              THEN ARRAY['maggie', 'margaret']
                              WHEN 'mike'
                              THEN ARRAY['mike', 'michael']
                              WHEN 'patty'
                              THEN ARRAY['patty', 'patricia']
                              WHEN 'peggy'
                              THEN ARRAY['peggy', 'margaret']
                              WHEN 'randy'
                              THEN ARRAY['randy', 'randall']
                              WHEN 'rick'
                              THEN ARRAY['rick', 'richard']
                              WHEN 'rudy'
                              THEN ARRAY['rudy', 'rudolph']
                              WHEN 'steve'
                              THEN ARRAY['steve', 'stephen']
                              WHEN 'sue'
                              THEN ARRAY['sue', 'susan']
                              WHEN 'susie'
                              THEN ARRAY['susie', 'susan']
                              WHEN 'ted'
                              THEN ARRAY['ted', 'edward', 'theodore']
                              WHEN 'tom'
                              THEN ARRAY['tom', 'thomas']
                              WHEN 'tommy'
                              THEN ARRAY['tommy', 'thomas']
                              WHEN 'tony'
                              THEN ARRAY['tony', 'anthony']
                              ELSE ARRAY[NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '')]
                            END
                          ) AS "f_middle_keys",
                          SUBSTR("t6"."_plain", IF((
                            0 + 1
                          ) >= 1, 0 + 1, 0 + 1 + LENGTH("t6"."_plain")), 1) AS "f_initial",
                          NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '') AS "f_middle"
                        FROM "t5" AS "t6"
                      ) AS "t10"
                      INNER JOIN (
                        SELECT
                          "t4"."bioguide_id",
                          "t4"."term_no",
                          "t4"."chamber",
                          "t4"."state",
                          "t4"."district",
                          "t4"."party",
                          "t4"."start_date",
                          "t4"."end_date",
                          "t4"."end_is_scheduled",
                          "t13"."m_id",
                          "t13"."m_last",
                          "t13"."m_last_sq",
                          "t13"."m_last_w1",
                          "t13"."m_last_wn",
                          "t13"."m_first_keys",
                          "t13"."m_first_truncs",
                          "t13"."m_middle_keys",
                          "t13"."m_initial",
                          "t13"."m_middle"
                        FROM "silver_member_terms" AS "t4"
                        INNER JOIN (
                          SELECT
                            "t7"."m_id",
                            "t7"."_last" AS "m_last",
                            REPLACE("t7"."_last", ' ', '') AS "m_last_sq",
                            IF(
                              (
                                STRPOS("t7"."_last", ' ') > 0
                              )
                              AND NOT (
                                REGEXP_LIKE(
                                  "t7"."_last",
                                  '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                                )
                              ),
                              NULLIF(REGEXP_EXTRACT("t7"."_last", '^([a-z]+)', 1), ''),
                              CAST(NULL AS VARCHAR)
                            ) AS "m_last_w1",
                            IF(
                              (
                                STRPOS("t7"."_last", ' ') > 0
                              )
                              AND NOT (
                                REGEXP_LIKE(
                                  "t7"."_last",
                                  '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                                )
                              ),
                              NULLIF(REGEXP_EXTRACT("t7"."_last", '([a-z]+)$', 1), ''),
                              CAST(NULL AS VARCHAR)
                            ) AS "m_last_wn",
                            FLATTEN(
                              TRANSFORM(
                                FILTER(
                                  ARRAY[NULLIF(REGEXP_EXTRACT("t7"."_first", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_first", '^[a-z] ([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_quoted", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_nick", '^([a-z]+)', 1), '')],
                                  __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                                ),
                                __ibis_param_name__ -> IF(
                                  __ibis_param_name__ IS NULL,
                                  ARRAY[],
                                  CASE __ibis_param_name__
                                    WHEN 'al'
                                    THEN ARRAY['al', 'albert', 'alfred']
                                    WHEN 'andy'
                                    THEN ARRAY['andy', 'andrew']
                                    WHEN 'angie'
                                    THEN ARRAY['angie', 'angela']
                                    WHEN 'becky'
                                    THEN ARRAY['becky', 'rebecca']
                                    WHEN 'beth'
                                    THEN ARRAY['beth', 'elizabeth']
                                    WHEN 'betsy'
                                    THEN ARRAY['betsy', 'elizabeth']
                                    WHEN 'bill'
                                    THEN ARRAY['bill', 'william']
                                    WHEN 'billy'
                                    THEN ARRAY['billy', 'william']
                                    WHEN 'bob'
                                    THEN ARRAY['bob', 'robert']
                                    WHEN 'bobby'
                                    THEN ARRAY['bobby', 'robert']
                                    WHEN 'charlie'
                                    THEN ARRAY['charlie', 'charles']
                                    WHEN 'chuck'
                                    THEN ARRAY['chuck', 'charles']
                                    WHEN 'cindy'
                                    THEN ARRAY['cindy', 'cynthia']
                                    WHEN 'danny'
                                    THEN ARRAY['danny', 'daniel']
                                    WHEN 'dave'
                                    THEN ARRAY['dave', 'david']
                                    WHEN 'debbie'
                                    THEN ARRAY['debbie', 'deborah']
                                    WHEN 'dick'
                                    THEN ARRAY['dick', 'richard']
                                    WHEN 'drew'
                                    THEN ARRAY['drew', 'andrew']
                                    WHEN 'ed'
                                    THEN ARRAY['ed', 'edward']
                                    WHEN 'gus'
                                    THEN ARRAY['gus', 'augustus']
                                    WHEN 'hal'
                                    THEN ARRAY['hal', 'harold']
                                    WHEN 'hank'
                                    THEN ARRAY['hank', 'henry']
                                    WHEN 'jack'
                                    THEN ARRAY['jack', 'john']
                                    WHEN 'jake'
                                    THEN ARRAY['jake', 'jacob']
                                    WHEN 'jamie'
                                    THEN ARRAY['jamie', 'james']
                                    WHEN 'jenny'
                                    THEN ARRAY['jenny', 'jennifer']
                                    WHEN 'jerry'
                                    THEN ARRAY['jerry', 'gerald']
                                    WHEN 'jim'
                                    THEN ARRAY['jim', 'james']
                                    WHEN 'jimmy'
                                    THEN ARRAY['jimmy', 'james']
                                    WHEN 'joe'
                                    THEN ARRAY['joe', 'joseph']
                                    WHEN 'kathy'
                                    THEN ARRAY['kathy', 'kathleen', 'katherine']
                                    WHEN 'katie'
                                    THEN ARRAY['katie', 'katherine']
                                    WHEN 'larry'
                                    THEN ARRAY['larry', 'lawrence']
                                    WHEN 'liz'
                                    THEN ARRAY['liz', 'elizabeth']
                                    WHEN 'lizzie'
                                    THEN ARRAY['lizzie', 'elizabeth']
                                    WHEN 'lou'
                                    THEN ARRAY['lou', 'luis']
                                    WHEN 'lucy'
                                    THEN ARRAY['lucy', 'lucia']
                                    WHEN 'maggie'
                                    THEN ARRAY['maggie', 'margaret']
                                    WHEN 'mike'
                                    THEN ARRAY['mike', 'michael']
                                    WHEN 'patty'
                                    THEN ARRAY['patty', 'patricia']
                                    WHEN 'peggy'
                                    THEN ARRAY['peggy', 'margaret']
                                    WHEN 'randy'
                                    THEN ARRAY['randy', 'randall']
                                    WHEN 'rick'
                                    THEN ARRAY['rick', 'richard']
                                    WHEN 'rudy'
                                    THEN ARRAY['rudy', 'rudolph']
                                    WHEN 'steve'
                                    THEN ARRAY['steve', 'stephen']
                                    WHEN 'sue'
                                    THEN ARRAY['sue', 'susan']
                                    WHEN 'susie'
                                    THEN ARRAY['susie', 'susan']
                                    WHEN 'ted'
                                    THEN ARRAY['ted', 'edward', 'theodore']
                                    WHEN 'tom'
                                    THEN ARRAY['tom', 'thomas']
                                    WHEN 'tommy'
                                    THEN ARRAY['tommy', 'thomas']
                                    WHEN 'tony'
                                    THEN ARRAY['tony', 'anthony']
                                    ELSE ARRAY[__ibis_param_name__]
                                  END
                                )
                              )
                            ) AS "m_first_keys",
                            FILTER(
                              FLATTEN(
                                TRANSFORM(
                                  FILTER(
                                    ARRAY[NULLIF(REGEXP_EXTRACT("t7"."_first", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_first", '^[a-z] ([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_quoted", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_nick", '^([a-z]+)', 1), '')],
                                    __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                                  ),
                                  __ibis_param_name__ -> ARRAY[__ibis_param_name__, IF(
                                    LENGTH(__ibis_param_name__) > 3,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      3
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  ), IF(
                                    LENGTH(__ibis_param_name__) > 4,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      4
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  ), IF(
                                    LENGTH(__ibis_param_name__) > 5,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      5
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  ), IF(
                                    LENGTH(__ibis_param_name__) > 6,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      6
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  ), IF(
                                    LENGTH(__ibis_param_name__) > 7,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      7
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  ), IF(
                                    LENGTH(__ibis_param_name__) > 8,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      8
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  ), IF(
                                    LENGTH(__ibis_param_name__) > 9,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      9
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  ), IF(
                                    LENGTH(__ibis_param_name__) > 10,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      10
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  ), IF(
                                    LENGTH(__ibis_param_name__) > 11,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      11
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  ), IF(
                                    LENGTH(__ibis_param_name__) > 12,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      12
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  )]
                                )
                              ),
                              __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                            ) AS "m_first_truncs",
                            IF(
                              "t7"."_middle" IS NULL,
                              ARRAY[],
                              CASE "t7"."_middle"
                                WHEN 'al'
                                THEN ARRAY['al', 'albert', 'alfred']
                                WHEN 'andy'
                                THEN ARRAY['andy', 'andrew']
                                WHEN 'angie'
                                THEN ARRAY['angie', 'angela']
                                WHEN 'becky'
                                THEN ARRAY['becky', 'rebecca']
                                WHEN 'beth'
                                THEN ARRAY['beth', 'elizabeth']
                                WHEN 'betsy'
                                THEN ARRAY['betsy', 'elizabeth']
                                WHEN 'bill'
                                THEN ARRAY['bill', 'william']
                                WHEN 'billy'
                                THEN ARRAY['billy', 'william']
                                WHEN 'bob'
                                THEN ARRAY['bob', 'robert']
                                WHEN 'bobby'
                                THEN ARRAY['bobby', 'robert']
                                WHEN 'charlie'
                                THEN ARRAY['charlie', 'charles']
                                WHEN 'chuck'
                                THEN ARRAY['chuck', 'charles']
                                WHEN 'cindy'
                                THEN ARRAY['cindy', 'cynthia']
                                WHEN 'danny'
                                THEN ARRAY['danny', 'daniel']
                                WHEN 'dave'
                                THEN ARRAY['dave', 'david']
                                WHEN 'debbie'
                                THEN ARRAY['debbie', 'deborah']
                                WHEN 'dick'
                                THEN ARRAY['dick', 'richard']
                                WHEN 'drew'
                                THEN ARRAY['drew', 'andrew']
                                WHEN 'ed'
                                THEN ARRAY['ed', 'edward']
                                WHEN 'gus'
                                THEN ARRAY['gus', 'augustus']
                                WHEN 'hal'
                                THEN ARRAY['hal', 'harold']
                                WHEN 'hank'
                                THEN ARRAY['hank', 'henry']
                                WHEN 'jack'
                                THEN ARRAY['jack', 'john']
                                WHEN 'jake'
                                THEN ARRAY['jake', 'jacob']
                                WHEN 'jamie'
                                THEN ARRAY['jamie', 'james']
                                WHEN 'jenny'
                                THEN ARRAY['jenny', 'jennifer']
                                WHEN 'jerry'
                                THEN ARRAY['jerry', 'gerald']
                                WHEN 'jim'
                                THEN ARRAY['jim', 'james']
                                WHEN 'jimmy'
                                THEN ARRAY['jimmy', 'james']
                                WHEN 'joe'
                                THEN ARRAY['joe', 'joseph']
                                WHEN 'kathy'
                                THEN ARRAY['kathy', 'kathleen', 'katherine']
                                WHEN 'katie'
                                THEN ARRAY['katie', 'katherine']
                                WHEN 'larry'
                                THEN ARRAY['larry', 'lawrence']
                                WHEN 'liz'
                                THEN ARRAY['liz', 'elizabeth']
                                WHEN 'lizzie'
                                THEN ARRAY['lizzie', 'elizabeth']
                                WHEN 'lou'
                                THEN ARRAY['lou', 'luis']
                                WHEN 'lucy'
                                THEN ARRAY['lucy', 'lucia']
                                WHEN 'maggie'
                                THEN ARRAY['maggie', 'margaret']
                                WHEN 'mike'
                                THEN ARRAY['mike', 'michael']
                                WHEN 'patty'
                                THEN ARRAY['patty', 'patricia']
                                WHEN 'peggy'
                                THEN ARRAY['peggy', 'margaret']
                                WHEN 'randy'
                                THEN ARRAY['randy', 'randall']
                                WHEN 'rick'
                                THEN ARRAY['rick', 'richard']
                                WHEN 'rudy'
                                THEN ARRAY['rudy', 'rudolph']
                                WHEN 'steve'
                                THEN ARRAY['steve', 'stephen']
                                WHEN 'sue'
                                THEN ARRAY['sue', 'susan']
                                WHEN 'susie'
                                THEN ARRAY['susie', 'susan']
                                WHEN 'ted'
                                THEN ARRAY['ted', 'edward', 'theodore']
                                WHEN 'tom'
                                THEN ARRAY['tom', 'thomas']
                                WHEN 'tommy'
                                THEN ARRAY['tommy', 'thomas']
                                WHEN 'tony'
                                THEN ARRAY['tony', 'anthony']
                                ELSE ARRAY["t7"."_middle"]
                              END
                            ) AS "m_middle_keys",
                            SUBSTR("t7"."_first", IF((
                              0 + 1
                            ) >= 1, 0 + 1, 0 + 1 + LENGTH("t7"."_first")), 1) AS "m_initial",
                            "t7"."_middle" AS "m_middle"
                          FROM (
                            SELECT
                              "t2"."bioguide_id" AS "m_id",
                              COALESCE(
                                NULLIF(
                                  TRIM(' 	
' FROM REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      TRIM(' 	
' FROM REGEXP_REPLACE(
                                        REGEXP_REPLACE(
                                          REGEXP_REPLACE(LOWER(STRIP_ACCENTS("t2"."last_name")), '[-/.‐–—]', ' '),
                                          '[^a-z ]',
                                          ''
                                        ),
                                        '\s+',
                                        ' '
                                      )),
                                      '\b(jr|sr|ii|iii|iv|dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq)\b',
                                      ' '
                                    ),
                                    '\s+',
                                    ' '
                                  )),
                                  ''
                                ),
                                NULLIF(
                                  TRIM(' 	
' FROM REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE(LOWER(STRIP_ACCENTS("t2"."last_name")), '[-/.‐–—]', ' '),
                                      '[^a-z ]',
                                      ''
                                    ),
                                    '\s+',
                                    ' '
                                  )),
                                  ''
                                )
                              ) AS "_last",
                              NULLIF(
                                TRIM(' 	
' FROM REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    TRIM(' 	
' FROM REGEXP_REPLACE(
                                      REGEXP_REPLACE(
                                        REGEXP_REPLACE(
                                          LOWER(
                                            STRIP_ACCENTS(REGEXP_REPLACE("t2"."first_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', ' '))
                                          ),
                                          '[-/.‐–—]',
                                          ' '
                                        ),
                                        '[^a-z ]',
                                        ''
                                      ),
                                      '\s+',
                                      ' '
                                    )),
                                    '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                    ' '
                                  ),
                                  '\s+',
                                  ' '
                                )),
                                ''
                              ) AS "_first",
                              NULLIF(
                                TRIM(' 	
' FROM REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    TRIM(' 	
' FROM REGEXP_REPLACE(
                                      REGEXP_REPLACE(
                                        REGEXP_REPLACE(
                                          LOWER(
                                            STRIP_ACCENTS(REGEXP_EXTRACT("t2"."first_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', 1))
                                          ),
                                          '[-/.‐–—]',
                                          ' '
                                        ),
                                        '[^a-z ]',
                                        ''
                                      ),
                                      '\s+',
                                      ' '
                                    )),
                                    '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                    ' '
                                  ),
                                  '\s+',
                                  ' '
                                )),
                                ''
                              ) AS "_quoted",
                              NULLIF(
                                TRIM(' 	
' FROM REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    TRIM(' 	
' FROM REGEXP_REPLACE(
                                      REGEXP_REPLACE(
                                        REGEXP_REPLACE(
                                          LOWER(
                                            STRIP_ACCENTS(REGEXP_REPLACE("t2"."nickname", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', ' '))
                                          ),
                                          '[-/.‐–—]',
                                          ' '
                                        ),
                                        '[^a-z ]',
                                        ''
                                      ),
                                      '\s+',
                                      ' '
                                    )),
                                    '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                    ' '
                                  ),
                                  '\s+',
                                  ' '
                                )),
                                ''
                              ) AS "_nick",
                              NULLIF(
                                REGEXP_EXTRACT(
                                  NULLIF(
                                    TRIM(' 	
' FROM REGEXP_REPLACE(
                                      REGEXP_REPLACE(
                                        TRIM(' 	
' FROM REGEXP_REPLACE(
                                          REGEXP_REPLACE(
                                            REGEXP_REPLACE(
                                              LOWER(
                                                STRIP_ACCENTS(REGEXP_REPLACE("t2"."middle_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', ' '))
                                              ),
                                              '[-/.‐–—]',
                                              ' '
                                            ),
                                            '[^a-z ]',
                                            ''
                                          ),
                                          '\s+',
                                          ' '
                                        )),
                                        '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                        ' '
                                      ),
                                      '\s+',
                                      ' '
                                    )),
                                    ''
                                  ),
                                  '^([a-z]+)',
                                  1
                                ),
                                ''
                              ) AS "_middle"
                            FROM "silver_members" AS "t2"
                          ) AS "t7"
                        ) AS "t13"
                          ON "t4"."bioguide_id" = "t13"."m_id"
                      ) AS "t15"
                        ON "t15"."state" = "t10"."f_state"
                        AND COALESCE(
                          (
                            "t10"."f_last" = "t15"."m_last"
                          )
                          OR (
                            "t10"."f_last_sq" = "t15"."m_last_sq"
                          )
                          OR (
                            "t10"."f_last" = "t15"."m_last_w1"
                          )
                          OR (
                            "t10"."f_last" = "t15"."m_last_wn"
                          )
                          OR (
                            "t15"."m_last" = "t10"."f_last_w1"
                          )
                          OR (
                            "t15"."m_last" = "t10"."f_last_wn"
                          ),
                          FALSE
                        )
                        AND "t15"."start_date" <= "t10"."f_date"
                        AND "t15"."end_date" > (
                          "t10"."f_date" - INTERVAL '400' DAY
                        )
                    ) AS "t16"
                    UNION ALL
                    SELECT
                      *
                    FROM (
                      SELECT
                        "t11"."f_doc",
                        "t11"."f_date",
                        "t11"."f_state",
                        "t11"."f_district",
                        "t11"."f_candidate",
                        "t11"."f_last",
                        "t11"."f_last_sq",
                        "t11"."f_last_w1",
                        "t11"."f_last_wn",
                        "t11"."f_keys",
                        "t11"."f_truncs",
                        "t11"."f_middle_keys",
                        "t11"."f_initial",
                        "t11"."f_middle",
                        "t15"."bioguide_id",
                        "t15"."term_no",
                        "t15"."chamber",
                        "t15"."state",
                        "t15"."district",
                        "t15"."party",
                        "t15"."start_date",
                        "t15"."end_date",
                        "t15"."end_is_scheduled",
                        "t15"."m_id",
                        "t15"."m_last",
                        "t15"."m_last_sq",
                        "t15"."m_last_w1",
                        "t15"."m_last_wn",
                        "t15"."m_first_keys",
                        "t15"."m_first_truncs",
                        "t15"."m_middle_keys",
                        "t15"."m_initial",
                        "t15"."m_middle"
                      FROM (
                        SELECT
                          "t6"."f_doc",
                          "t6"."f_date",
                          "t6"."f_state",
                          "t6"."f_district",
                          "t6"."f_candidate",
                          "t6"."_last" AS "f_last",
                          REPLACE("t6"."_last", ' ', '') AS "f_last_sq",
                          IF(
                            (
                              STRPOS("t6"."_last", ' ') > 0
                            )
                            AND NOT (
                              REGEXP_LIKE(
                                "t6"."_last",
                                '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                              )
                            ),
                            NULLIF(REGEXP_EXTRACT("t6"."_last", '^([a-z]+)', 1), ''),
                            CAST(NULL AS VARCHAR)
                          ) AS "f_last_w1",
                          IF(
                            (
                              STRPOS("t6"."_last", ' ') > 0
                            )
                            AND NOT (
                              REGEXP_LIKE(
                                "t6"."_last",
                                '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                              )
                            ),
                            NULLIF(REGEXP_EXTRACT("t6"."_last", '([a-z]+)$', 1), ''),
                            CAST(NULL AS VARCHAR)
                          ) AS "f_last_wn",
                          FLATTEN(
                            TRANSFORM(
                              FILTER(
                                ARRAY[NULLIF(REGEXP_EXTRACT("t6"."_plain", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z] ([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t6"."_quoted", '^([a-z]+)', 1), '')],
                                __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                              ),
                              __ibis_param_name__ -> IF(
                                __ibis_param_name__ IS NULL,
                                ARRAY[],
                                CASE __ibis_param_name__
                                  WHEN 'al'
                                  THEN ARRAY['al', 'albert', 'alfred']
                                  WHEN 'andy'
                                  THEN ARRAY['andy', 'andrew']
                                  WHEN 'angie'
                                  THEN ARRAY['angie', 'angela']
                                  WHEN 'becky'
                                  THEN ARRAY['becky', 'rebecca']
                                  WHEN 'beth'
                                  THEN ARRAY['beth', 'elizabeth']
                                  WHEN 'betsy'
                                  THEN ARRAY['betsy', 'elizabeth']
                                  WHEN 'bill'
                                  THEN ARRAY['bill', 'william']
                                  WHEN 'billy'
                                  THEN ARRAY['billy', 'william']
                                  WHEN 'bob'
                                  THEN ARRAY['bob', 'robert']
                                  WHEN 'bobby'
                                  THEN ARRAY['bobby', 'robert']
                                  WHEN 'charlie'
                                  THEN ARRAY['charlie', 'charles']
                                  WHEN 'chuck'
                                  THEN ARRAY['chuck', 'charles']
                                  WHEN 'cindy'
                                  THEN ARRAY['cindy', 'cynthia']
                                  WHEN 'danny'
                                  THEN ARRAY['danny', 'daniel']
                                  WHEN 'dave'
                                  THEN ARRAY['dave', 'david']
                                  WHEN 'debbie'
                                  THEN ARRAY['debbie', 'deborah']
                                  WHEN 'dick'
                                  THEN ARRAY['dick', 'richard']
                                  WHEN 'drew'
                                  THEN ARRAY['drew', 'andrew']
                                  WHEN 'ed'
                                  THEN ARRAY['ed', 'edward']
                                  WHEN 'gus'
                                  THEN ARRAY['gus', 'augustus']
                                  WHEN 'hal'
                                  THEN ARRAY['hal', 'harold']
                                  WHEN 'hank'
                                  THEN ARRAY['hank', 'henry']
                                  WHEN 'jack'
                                  THEN ARRAY['jack', 'john']
                                  WHEN 'jake'
                                  THEN ARRAY['jake', 'jacob']
                                  WHEN 'jamie'
                                  THEN ARRAY['jamie', 'james']
                                  WHEN 'jenny'
                                  THEN ARRAY['jenny', 'jennifer']
                                  WHEN 'jerry'
                                  THEN ARRAY['jerry', 'gerald']
                                  WHEN 'jim'
                                  THEN ARRAY['jim', 'james']
                                  WHEN 'jimmy'
                                  THEN ARRAY['jimmy', 'james']
                                  WHEN 'joe'
                                  THEN ARRAY['joe', 'joseph']
                                  WHEN 'kathy'
                                  THEN ARRAY['kathy', 'kathleen', 'katherine']
                                  WHEN 'katie'
                                  THEN ARRAY['katie', 'katherine']
                                  WHEN 'larry'
                                  THEN ARRAY['larry', 'lawrence']
                                  WHEN 'liz'
                                  THEN ARRAY['liz', 'elizabeth']
                                  WHEN 'lizzie'
                                  THEN ARRAY['lizzie', 'elizabeth']
                                  WHEN 'lou'
                                  THEN ARRAY['lou', 'luis']
                                  WHEN 'lucy'
                                  THEN ARRAY['lucy', 'lucia']
                                  WHEN 'maggie'
                                  THEN ARRAY['maggie', 'margaret']
                                  WHEN 'mike'
                                  THEN ARRAY['mike', 'michael']
                                  WHEN 'patty'
                                  THEN ARRAY['patty', 'patricia']
                                  WHEN 'peggy'
                                  THEN ARRAY['peggy', 'margaret']
                                  WHEN 'randy'
                                  THEN ARRAY['randy', 'randall']
                                  WHEN 'rick'
                                  THEN ARRAY['rick', 'richard']
                                  WHEN 'rudy'
                                  THEN ARRAY['rudy', 'rudolph']
                                  WHEN 'steve'
                                  THEN ARRAY['steve', 'stephen']
                                  WHEN 'sue'
                                  THEN ARRAY['sue', 'susan']
                                  WHEN 'susie'
                                  THEN ARRAY['susie', 'susan']
                                  WHEN 'ted'
                                  THEN ARRAY['ted', 'edward', 'theodore']
                                  WHEN 'tom'
                                  THEN ARRAY['tom', 'thomas']
                                  WHEN 'tommy'
                                  THEN ARRAY['tommy', 'thomas']
                                  WHEN 'tony'
                                  THEN ARRAY['tony', 'anthony']
                                  ELSE ARRAY[__ibis_param_name__]
                                END
                              )
                            )
                          ) AS "f_keys",
                          FILTER(
                            FLATTEN(
                              TRANSFORM(
                                FILTER(
                                  ARRAY[NULLIF(REGEXP_EXTRACT("t6"."_plain", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z] ([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t6"."_quoted", '^([a-z]+)', 1), '')],
                                  __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                                ),
                                __ibis_param_name__ -> ARRAY[__ibis_param_name__, IF(
                                  LENGTH(__ibis_param_name__) > 3,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    3
                                  ),
                                  CAST(NULL AS VARCHAR)
                                ), IF(
                                  LENGTH(__ibis_param_name__) > 4,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    4
                                  ),
                                  CAST(NULL AS VARCHAR)
                                ), IF(
                                  LENGTH(__ibis_param_name__) > 5,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    5
                                  ),
                                  CAST(NULL AS VARCHAR)
                                ), IF(
                                  LENGTH(__ibis_param_name__) > 6,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    6
                                  ),
                                  CAST(NULL AS VARCHAR)
                                ), IF(
                                  LENGTH(__ibis_param_name__) > 7,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    7
                                  ),
                                  CAST(NULL AS VARCHAR)
                                ), IF(
                                  LENGTH(__ibis_param_name__) > 8,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    8
                                  ),
                                  CAST(NULL AS VARCHAR)
                                ), IF(
                                  LENGTH(__ibis_param_name__) > 9,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    9
                                  ),
                                  CAST(NULL AS VARCHAR)
                                ), IF(
                                  LENGTH(__ibis_param_name__) > 10,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    10
                                  ),
                                  CAST(NULL AS VARCHAR)
                                ), IF(
                                  LENGTH(__ibis_param_name__) > 11,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    11
                                  ),
                                  CAST(NULL AS VARCHAR)
                                ), IF(
                                  LENGTH(__ibis_param_name__) > 12,
                                  SUBSTR(
                                    __ibis_param_name__,
                                    IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                    12
                                  ),
                                  CAST(NULL AS VARCHAR)
                                )]
                              )
                            ),
                            __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                          ) AS "f_truncs",
                          IF(
                            NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '') IS NULL,
                            ARRAY[],
                            CASE NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '')
                              WHEN 'al'
                              THEN ARRAY['al', 'albert', 'alfred']
                              WHEN 'andy'
                              THEN ARRAY['andy', 'andrew']
                              WHEN 'angie'
                              THEN ARRAY['angie', 'angela']
                              WHEN 'becky'
                              THEN ARRAY['becky', 'rebecca']
                              WHEN 'beth'
                              THEN ARRAY['beth', 'elizabeth']
                              WHEN 'betsy'
                              THEN ARRAY['betsy', 'elizabeth']
                              WHEN 'bill'
                              THEN ARRAY['bill', 'william']
                              WHEN 'billy'
                              THEN ARRAY['billy', 'william']
                              WHEN 'bob'
                              THEN ARRAY['bob', 'robert']
                              WHEN 'bobby'
                              THEN ARRAY['bobby', 'robert']
                              WHEN 'charlie'
                              THEN ARRAY['charlie', 'charles']
                              WHEN 'chuck'
                              THEN ARRAY['chuck', 'charles']
                              WHEN 'cindy'
                              THEN ARRAY['cindy', 'cynthia']
                              WHEN 'danny'
                              THEN ARRAY['danny', 'daniel']
                              WHEN 'dave'
                              THEN ARRAY['dave', 'david']
                              WHEN 'debbie'
                              THEN ARRAY['debbie', 'deborah']
                              WHEN 'dick'
                              THEN ARRAY['dick', 'richard']
                              WHEN 'drew'
                              THEN ARRAY['drew', 'andrew']
                              WHEN 'ed'
                              THEN ARRAY['ed', 'edward']
                              WHEN 'gus'
                              THEN ARRAY['gus', 'augustus']
                              WHEN 'hal'
                              THEN ARRAY['hal', 'harold']
                              WHEN 'hank'
                              THEN ARRAY['hank', 'henry']
                              WHEN 'jack'
                              THEN ARRAY['jack', 'john']
                              WHEN 'jake'
                              THEN ARRAY['jake', 'jacob']
                              WHEN 'jamie'
                              THEN ARRAY['jamie', 'james']
                              WHEN 'jenny'
                              THEN ARRAY['jenny', 'jennifer']
                              WHEN 'jerry'
                              THEN ARRAY['jerry', 'gerald']
                              WHEN 'jim'
                              THEN ARRAY['jim', 'james']
                              WHEN 'jimmy'
                              THEN ARRAY['jimmy', 'james']
                              WHEN 'joe'
                              THEN ARRAY['joe', 'joseph']
                              WHEN 'kathy'
                              THEN ARRAY['kathy', 'kathleen', 'katherine']
                              WHEN 'katie'
                              THEN ARRAY['katie', 'katherine']
                              WHEN 'larry'
                              THEN ARRAY['larry', 'lawrence']
                              WHEN 'liz'
                              THEN ARRAY['liz', 'elizabeth']
                              WHEN 'lizzie'
                              THEN ARRAY['lizzie', 'elizabeth']
                              WHEN 'lou'
                              THEN ARRAY['lou', 'luis']
                              WHEN 'lucy'
                              THEN ARRAY['lucy', 'lucia']
                              WHEN 'maggie'
                              THEN ARRAY['maggie', 'margaret']
                              WHEN 'mike'
                              THEN ARRAY['mike', 'michael']
                              WHEN 'patty'
                              THEN ARRAY['patty', 'patricia']
                              WHEN 'peggy'
                              THEN ARRAY['peggy', 'margaret']
                              WHEN 'randy'
                              THEN ARRAY['randy', 'randall']
                              WHEN 'rick'
                              THEN ARRAY['rick', 'richard']
                              WHEN 'rudy'
                              THEN ARRAY['rudy', 'rudolph']
                              WHEN 'steve'
                              THEN ARRAY['steve', 'stephen']
                              WHEN 'sue'
                              THEN ARRAY['sue', 'susan']
                              WHEN 'susie'
                              THEN ARRAY['susie', 'susan']
                              WHEN 'ted'
                              THEN ARRAY['ted', 'edward', 'theodore']
                              WHEN 'tom'
                              THEN ARRAY['tom', 'thomas']
                              WHEN 'tommy'
                              THEN ARRAY['tommy', 'thomas']
                              WHEN 'tony'
                              THEN ARRAY['tony', 'anthony']
                              ELSE ARRAY[NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '')]
                            END
                          ) AS "f_middle_keys",
                          SUBSTR("t6"."_plain", IF((
                            0 + 1
                          ) >= 1, 0 + 1, 0 + 1 + LENGTH("t6"."_plain")), 1) AS "f_initial",
                          NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '') AS "f_middle"
                        FROM "t5" AS "t6"
                        WHERE
                          "t6"."f_state" IS NULL
                          AND "t6"."f_date" IS NOT NULL
                          AND NOT (
                            "t6"."f_candidate"
                          )
                      ) AS "t11"
                      INNER JOIN (
                        SELECT
                          "t4"."bioguide_id",
                          "t4"."term_no",
                          "t4"."chamber",
                          "t4"."state",
                          "t4"."district",
                          "t4"."party",
                          "t4"."start_date",
                          "t4"."end_date",
                          "t4"."end_is_scheduled",
                          "t13"."m_id",
                          "t13"."m_last",
                          "t13"."m_last_sq",
                          "t13"."m_last_w1",
                          "t13"."m_last_wn",
                          "t13"."m_first_keys",
                          "t13"."m_first_truncs",
                          "t13"."m_middle_keys",
                          "t13"."m_initial",
                          "t13"."m_middle"
                        FROM "silver_member_terms" AS "t4"
                        INNER JOIN (
                          SELECT
                            "t7"."m_id",
                            "t7"."_last" AS "m_last",
                            REPLACE("t7"."_last", ' ', '') AS "m_last_sq",
                            IF(
                              (
                                STRPOS("t7"."_last", ' ') > 0
                              )
                              AND NOT (
                                REGEXP_LIKE(
                                  "t7"."_last",
                                  '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                                )
                              ),
                              NULLIF(REGEXP_EXTRACT("t7"."_last", '^([a-z]+)', 1), ''),
                              CAST(NULL AS VARCHAR)
                            ) AS "m_last_w1",
                            IF(
                              (
                                STRPOS("t7"."_last", ' ') > 0
                              )
                              AND NOT (
                                REGEXP_LIKE(
                                  "t7"."_last",
                                  '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                                )
                              ),
                              NULLIF(REGEXP_EXTRACT("t7"."_last", '([a-z]+)$', 1), ''),
                              CAST(NULL AS VARCHAR)
                            ) AS "m_last_wn",
                            FLATTEN(
                              TRANSFORM(
                                FILTER(
                                  ARRAY[NULLIF(REGEXP_EXTRACT("t7"."_first", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_first", '^[a-z] ([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_quoted", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_nick", '^([a-z]+)', 1), '')],
                                  __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                                ),
                                __ibis_param_name__ -> IF(
                                  __ibis_param_name__ IS NULL,
                                  ARRAY[],
                                  CASE __ibis_param_name__
                                    WHEN 'al'
                                    THEN ARRAY['al', 'albert', 'alfred']
                                    WHEN 'andy'
                                    THEN ARRAY['andy', 'andrew']
                                    WHEN 'angie'
                                    THEN ARRAY['angie', 'angela']
                                    WHEN 'becky'
                                    THEN ARRAY['becky', 'rebecca']
                                    WHEN 'beth'
                                    THEN ARRAY['beth', 'elizabeth']
                                    WHEN 'betsy'
                                    THEN ARRAY['betsy', 'elizabeth']
                                    WHEN 'bill'
                                    THEN ARRAY['bill', 'william']
                                    WHEN 'billy'
                                    THEN ARRAY['billy', 'william']
                                    WHEN 'bob'
                                    THEN ARRAY['bob', 'robert']
                                    WHEN 'bobby'
                                    THEN ARRAY['bobby', 'robert']
                                    WHEN 'charlie'
                                    THEN ARRAY['charlie', 'charles']
                                    WHEN 'chuck'
                                    THEN ARRAY['chuck', 'charles']
                                    WHEN 'cindy'
                                    THEN ARRAY['cindy', 'cynthia']
                                    WHEN 'danny'
                                    THEN ARRAY['danny', 'daniel']
                                    WHEN 'dave'
                                    THEN ARRAY['dave', 'david']
                                    WHEN 'debbie'
                                    THEN ARRAY['debbie', 'deborah']
                                    WHEN 'dick'
                                    THEN ARRAY['dick', 'richard']
                                    WHEN 'drew'
                                    THEN ARRAY['drew', 'andrew']
                                    WHEN 'ed'
                                    THEN ARRAY['ed', 'edward']
                                    WHEN 'gus'
                                    THEN ARRAY['gus', 'augustus']
                                    WHEN 'hal'
                                    THEN ARRAY['hal', 'harold']
                                    WHEN 'hank'
                                    THEN ARRAY['hank', 'henry']
                                    WHEN 'jack'
                                    THEN ARRAY['jack', 'john']
                                    WHEN 'jake'
                                    THEN ARRAY['jake', 'jacob']
                                    WHEN 'jamie'
                                    THEN ARRAY['jamie', 'james']
                                    WHEN 'jenny'
                                    THEN ARRAY['jenny', 'jennifer']
                                    WHEN 'jerry'
                                    THEN ARRAY['jerry', 'gerald']
                                    WHEN 'jim'
                                    THEN ARRAY['jim', 'james']
                                    WHEN 'jimmy'
                                    THEN ARRAY['jimmy', 'james']
                                    WHEN 'joe'
                                    THEN ARRAY['joe', 'joseph']
                                    WHEN 'kathy'
                                    THEN ARRAY['kathy', 'kathleen', 'katherine']
                                    WHEN 'katie'
                                    THEN ARRAY['katie', 'katherine']
                                    WHEN 'larry'
                                    THEN ARRAY['larry', 'lawrence']
                                    WHEN 'liz'
                                    THEN ARRAY['liz', 'elizabeth']
                                    WHEN 'lizzie'
                                    THEN ARRAY['lizzie', 'elizabeth']
                                    WHEN 'lou'
                                    THEN ARRAY['lou', 'luis']
                                    WHEN 'lucy'
                                    THEN ARRAY['lucy', 'lucia']
                                    WHEN 'maggie'
                                    THEN ARRAY['maggie', 'margaret']
                                    WHEN 'mike'
                                    THEN ARRAY['mike', 'michael']
                                    WHEN 'patty'
                                    THEN ARRAY['patty', 'patricia']
                                    WHEN 'peggy'
                                    THEN ARRAY['peggy', 'margaret']
                                    WHEN 'randy'
                                    THEN ARRAY['randy', 'randall']
                                    WHEN 'rick'
                                    THEN ARRAY['rick', 'richard']
                                    WHEN 'rudy'
                                    THEN ARRAY['rudy', 'rudolph']
                                    WHEN 'steve'
                                    THEN ARRAY['steve', 'stephen']
                                    WHEN 'sue'
                                    THEN ARRAY['sue', 'susan']
                                    WHEN 'susie'
                                    THEN ARRAY['susie', 'susan']
                                    WHEN 'ted'
                                    THEN ARRAY['ted', 'edward', 'theodore']
                                    WHEN 'tom'
                                    THEN ARRAY['tom', 'thomas']
                                    WHEN 'tommy'
                                    THEN ARRAY['tommy', 'thomas']
                                    WHEN 'tony'
                                    THEN ARRAY['tony', 'anthony']
                                    ELSE ARRAY[__ibis_param_name__]
                                  END
                                )
                              )
                            ) AS "m_first_keys",
                            FILTER(
                              FLATTEN(
                                TRANSFORM(
                                  FILTER(
                                    ARRAY[NULLIF(REGEXP_EXTRACT("t7"."_first", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_first", '^[a-z] ([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_quoted", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_nick", '^([a-z]+)', 1), '')],
                                    __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                                  ),
                                  __ibis_param_name__ -> ARRAY[__ibis_param_name__, IF(
                                    LENGTH(__ibis_param_name__) > 3,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      3
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  ), IF(
                                    LENGTH(__ibis_param_name__) > 4,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      4
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  ), IF(
                                    LENGTH(__ibis_param_name__) > 5,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      5
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  ), IF(
                                    LENGTH(__ibis_param_name__) > 6,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      6
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  ), IF(
                                    LENGTH(__ibis_param_name__) > 7,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      7
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  ), IF(
                                    LENGTH(__ibis_param_name__) > 8,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      8
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  ), IF(
                                    LENGTH(__ibis_param_name__) > 9,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      9
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  ), IF(
                                    LENGTH(__ibis_param_name__) > 10,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      10
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  ), IF(
                                    LENGTH(__ibis_param_name__) > 11,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      11
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  ), IF(
                                    LENGTH(__ibis_param_name__) > 12,
                                    SUBSTR(
                                      __ibis_param_name__,
                                      IF((
                                        0 + 1
                                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_name__)),
                                      12
                                    ),
                                    CAST(NULL AS VARCHAR)
                                  )]
                                )
                              ),
                              __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                            ) AS "m_first_truncs",
                            IF(
                              "t7"."_middle" IS NULL,
                              ARRAY[],
                              CASE "t7"."_middle"
                                WHEN 'al'
                                THEN ARRAY['al', 'albert', 'alfred']
                                WHEN 'andy'
                                THEN ARRAY['andy', 'andrew']
                                WHEN 'angie'
                                THEN ARRAY['angie', 'angela']
                                WHEN 'becky'
                                THEN ARRAY['becky', 'rebecca']
                                WHEN 'beth'
                                THEN ARRAY['beth', 'elizabeth']
                                WHEN 'betsy'
                                THEN ARRAY['betsy', 'elizabeth']
                                WHEN 'bill'
                                THEN ARRAY['bill', 'william']
                                WHEN 'billy'
                                THEN ARRAY['billy', 'william']
                                WHEN 'bob'
                                THEN ARRAY['bob', 'robert']
                                WHEN 'bobby'
                                THEN ARRAY['bobby', 'robert']
                                WHEN 'charlie'
                                THEN ARRAY['charlie', 'charles']
                                WHEN 'chuck'
                                THEN ARRAY['chuck', 'charles']
                                WHEN 'cindy'
                                THEN ARRAY['cindy', 'cynthia']
                                WHEN 'danny'
                                THEN ARRAY['danny', 'daniel']
                                WHEN 'dave'
                                THEN ARRAY['dave', 'david']
                                WHEN 'debbie'
                                THEN ARRAY['debbie', 'deborah']
                                WHEN 'dick'
                                THEN ARRAY['dick', 'richard']
                                WHEN 'drew'
                                THEN ARRAY['drew', 'andrew']
                                WHEN 'ed'
                                THEN ARRAY['ed', 'edward']
                                WHEN 'gus'
                                THEN ARRAY['gus', 'augustus']
                                WHEN 'hal'
                                THEN ARRAY['hal', 'harold']
                                WHEN 'hank'
                                THEN ARRAY['hank', 'henry']
                                WHEN 'jack'
                                THEN ARRAY['jack', 'john']
                                WHEN 'jake'
                                THEN ARRAY['jake', 'jacob']
                                WHEN 'jamie'
                                THEN ARRAY['jamie', 'james']
                                WHEN 'jenny'
                                THEN ARRAY['jenny', 'jennifer']
                                WHEN 'jerry'
                                THEN ARRAY['jerry', 'gerald']
                                WHEN 'jim'
                                THEN ARRAY['jim', 'james']
                                WHEN 'jimmy'
                                THEN ARRAY['jimmy', 'james']
                                WHEN 'joe'
                                THEN ARRAY['joe', 'joseph']
                                WHEN 'kathy'
                                THEN ARRAY['kathy', 'kathleen', 'katherine']
                                WHEN 'katie'
                                THEN ARRAY['katie', 'katherine']
                                WHEN 'larry'
                                THEN ARRAY['larry', 'lawrence']
                                WHEN 'liz'
                                THEN ARRAY['liz', 'elizabeth']
                                WHEN 'lizzie'
                                THEN ARRAY['lizzie', 'elizabeth']
                                WHEN 'lou'
                                THEN ARRAY['lou', 'luis']
                                WHEN 'lucy'
                                THEN ARRAY['lucy', 'lucia']
                                WHEN 'maggie'
                                THEN ARRAY['maggie', 'margaret']
                                WHEN 'mike'
                                THEN ARRAY['mike', 'michael']
                                WHEN 'patty'
                                THEN ARRAY['patty', 'patricia']
                                WHEN 'peggy'
                                THEN ARRAY['peggy', 'margaret']
                                WHEN 'randy'
                                THEN ARRAY['randy', 'randall']
                                WHEN 'rick'
                                THEN ARRAY['rick', 'richard']
                                WHEN 'rudy'
                                THEN ARRAY['rudy', 'rudolph']
                                WHEN 'steve'
                                THEN ARRAY['steve', 'stephen']
                                WHEN 'sue'
                                THEN ARRAY['sue', 'susan']
                                WHEN 'susie'
                                THEN ARRAY['susie', 'susan']
                                WHEN 'ted'
                                THEN ARRAY['ted', 'edward', 'theodore']
                                WHEN 'tom'
                                THEN ARRAY['tom', 'thomas']
                                WHEN 'tommy'
                                THEN ARRAY['tommy', 'thomas']
                                WHEN 'tony'
                                THEN ARRAY['tony', 'anthony']
                                ELSE ARRAY["t7"."_middle"]
                              END
                            ) AS "m_middle_keys",
                            SUBSTR("t7"."_first", IF((
                              0 + 1
                            ) >= 1, 0 + 1, 0 + 1 + LENGTH("t7"."_first")), 1) AS "m_initial",
                            "t7"."_middle" AS "m_middle"
                          FROM (
                            SELECT
                              "t2"."bioguide_id" AS "m_id",
                              COALESCE(
                                NULLIF(
                                  TRIM(' 	
' FROM REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      TRIM(' 	
' FROM REGEXP_REPLACE(
                                        REGEXP_REPLACE(
                                          REGEXP_REPLACE(LOWER(STRIP_ACCENTS("t2"."last_name")), '[-/.‐–—]', ' '),
                                          '[^a-z ]',
                                          ''
                                        ),
                                        '\s+',
                                        ' '
                                      )),
                                      '\b(jr|sr|ii|iii|iv|dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq)\b',
                                      ' '
                                    ),
                                    '\s+',
                                    ' '
                                  )),
                                  ''
                                ),
                                NULLIF(
                                  TRIM(' 	
' FROM REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE(LOWER(STRIP_ACCENTS("t2"."last_name")), '[-/.‐–—]', ' '),
                                      '[^a-z ]',
                                      ''
                                    ),
                                    '\s+',
                                    ' '
                                  )),
                                  ''
                                )
                              ) AS "_last",
                              NULLIF(
                                TRIM(' 	
' FROM REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    TRIM(' 	
' FROM REGEXP_REPLACE(
                                      REGEXP_REPLACE(
                                        REGEXP_REPLACE(
                                          LOWER(
                                            STRIP_ACCENTS(REGEXP_REPLACE("t2"."first_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', ' '))
                                          ),
                                          '[-/.‐–—]',
                                          ' '
                                        ),
                                        '[^a-z ]',
                                        ''
                                      ),
                                      '\s+',
                                      ' '
                                    )),
                                    '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                    ' '
                                  ),
                                  '\s+',
                                  ' '
                                )),
                                ''
                              ) AS "_first",
                              NULLIF(
                                TRIM(' 	
' FROM REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    TRIM(' 	
' FROM REGEXP_REPLACE(
                                      REGEXP_REPLACE(
                                        REGEXP_REPLACE(
                                          LOWER(
                                            STRIP_ACCENTS(REGEXP_EXTRACT("t2"."first_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', 1))
                                          ),
                                          '[-/.‐–—]',
                                          ' '
                                        ),
                                        '[^a-z ]',
                                        ''
                                      ),
                                      '\s+',
                                      ' '
                                    )),
                                    '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                    ' '
                                  ),
                                  '\s+',
                                  ' '
                                )),
                                ''
                              ) AS "_quoted",
                              NULLIF(
                                TRIM(' 	
' FROM REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    TRIM(' 	
' FROM REGEXP_REPLACE(
                                      REGEXP_REPLACE(
                                        REGEXP_REPLACE(
                                          LOWER(
                                            STRIP_ACCENTS(REGEXP_REPLACE("t2"."nickname", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', ' '))
                                          ),
                                          '[-/.‐–—]',
                                          ' '
                                        ),
                                        '[^a-z ]',
                                        ''
                                      ),
                                      '\s+',
                                      ' '
                                    )),
                                    '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                    ' '
                                  ),
                                  '\s+',
                                  ' '
                                )),
                                ''
                              ) AS "_nick",
                              NULLIF(
                                REGEXP_EXTRACT(
                                  NULLIF(
                                    TRIM(' 	
' FROM REGEXP_REPLACE(
                                      REGEXP_REPLACE(
                                        TRIM(' 	
' FROM REGEXP_REPLACE(
                                          REGEXP_REPLACE(
                                            REGEXP_REPLACE(
                                              LOWER(
                                                STRIP_ACCENTS(REGEXP_REPLACE("t2"."middle_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', ' '))
                                              ),
                                              '[-/.‐–—]',
                                              ' '
                                            ),
                                            '[^a-z ]',
                                            ''
                                          ),
                                          '\s+',
                                          ' '
                                        )),
                                        '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                        ' '
                                      ),
                                      '\s+',
                                      ' '
                                    )),
                                    ''
                                  ),
                                  '^([a-z]+)',
                                  1
                                ),
                                ''
                              ) AS "_middle"
                            FROM "silver_members" AS "t2"
                          ) AS "t7"
                        ) AS "t13"
                          ON "t4"."bioguide_id" = "t13"."m_id"
                      ) AS "t15"
                        ON COALESCE(
                          (
                            "t11"."f_last" = "t15"."m_last"
                          )
                          OR (
                            "t11"."f_last_sq" = "t15"."m_last_sq"
                          )
                          OR (
                            "t11"."f_last" = "t15"."m_last_w1"
                          )
                          OR (
                            "t11"."f_last" = "t15"."m_last_wn"
                          )
                          OR (
                            "t15"."m_last" = "t11"."f_last_w1"
                          )
                          OR (
                            "t15"."m_last" = "t11"."f_last_wn"
                          ),
                          FALSE
                        )
                        AND "t15"."start_date" <= "t11"."f_date"
                        AND "t15"."end_date" > (
                          "t11"."f_date" - INTERVAL '400' DAY
                        )
                    ) AS "t17"
                  ) AS "t18"
                ) AS "t19"
              ) AS "t20"
            ) AS "t21"
            WHERE
              "t21"."rule_no" IS NOT NULL
          ) AS "t22"
          GROUP BY
            1,
            2
        ) AS "t23"
      ) AS _t
      WHERE
        "t23"."rule_no" = _w
    ) AS "t24"
    GROUP BY
      1
  ) AS "t25"
) AS "t27"
  ON "t3"."doc_id" = "t27"."d_doc"
