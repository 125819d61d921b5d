WITH "t5" AS (
  SELECT
    "t0"."doc_id" AS "f_doc",
    "t0"."filing_date" AS "f_date",
    "t0"."state" AS "f_state",
    CASE WHEN "t0"."is_at_large" THEN 0 ELSE "t0"."district" END AS "f_district",
    COALESCE(
      NULLIF(
        TRIM(
          REGEXP_REPLACE(
            REGEXP_REPLACE(
              TRIM(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    REGEXP_REPLACE(LOWER(STRIP_ACCENTS("t0"."last_name")), '[-/.‐–—]', ' ', 'g'),
                    '[^a-z ]',
                    '',
                    'g'
                  ),
                  '\s+',
                  ' ',
                  'g'
                ),
                ' 	
'
              ),
              '\b(jr|sr|ii|iii|iv|dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq)\b',
              ' ',
              'g'
            ),
            '\s+',
            ' ',
            'g'
          ),
          ' 	
'
        ),
        ''
      ),
      NULLIF(
        TRIM(
          REGEXP_REPLACE(
            REGEXP_REPLACE(
              REGEXP_REPLACE(LOWER(STRIP_ACCENTS("t0"."last_name")), '[-/.‐–—]', ' ', 'g'),
              '[^a-z ]',
              '',
              'g'
            ),
            '\s+',
            ' ',
            'g'
          ),
          ' 	
'
        ),
        ''
      )
    ) AS "_last",
    COALESCE("t0"."filing_type" IN ('C', 'D', 'W'), FALSE) AS "f_candidate",
    NULLIF(
      TRIM(
        REGEXP_REPLACE(
          REGEXP_REPLACE(
            TRIM(
              REGEXP_REPLACE(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    LOWER(
                      STRIP_ACCENTS(
                        REGEXP_REPLACE("t0"."first_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', ' ', 'g')
                      )
                    ),
                    '[-/.‐–—]',
                    ' ',
                    'g'
                  ),
                  '[^a-z ]',
                  '',
                  'g'
                ),
                '\s+',
                ' ',
                'g'
              ),
              ' 	
'
            ),
            '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
            ' ',
            'g'
          ),
          '\s+',
          ' ',
          'g'
        ),
        ' 	
'
      ),
      ''
    ) AS "_plain",
    NULLIF(
      TRIM(
        REGEXP_REPLACE(
          REGEXP_REPLACE(
            TRIM(
              REGEXP_REPLACE(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    LOWER(
                      STRIP_ACCENTS(REGEXP_EXTRACT("t0"."first_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', 1))
                    ),
                    '[-/.‐–—]',
                    ' ',
                    'g'
                  ),
                  '[^a-z ]',
                  '',
                  'g'
                ),
                '\s+',
                ' ',
                'g'
              ),
              ' 	
'
            ),
            '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
            ' ',
            'g'
          ),
          '\s+',
          ' ',
          'g'
        ),
        ' 	
'
      ),
      ''
    ) AS "_quoted"
  FROM "silver_filings" AS "t0"
)
SELECT
  "t3"."doc_id",
  "t3"."year",
  CASE WHEN COALESCE("t27"."n", 0) = 1 THEN "t27"."only" ELSE CAST(NULL AS TEXT) END AS "bioguide_id",
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
    ELSE CAST(NULL AS TEXT)
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
      ARRAY_TO_STRING(
        LIST_SORT(
          ARRAY_AGG(DISTINCT "t24"."bioguide_id") FILTER(WHERE
            "t24"."bioguide_id" IS NOT NULL)
        ),
        ','
      ) AS "ids"
    FROM (
      SELECT
        *
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
                      ARRAY_LENGTH(
                        LIST_FILTER(
                          "t18"."f_keys",
                          x -> ARRAY_CONTAINS(
                            CASE
                              WHEN "t18"."m_first_keys" IS NULL OR "t18"."m_middle_keys" IS NULL
                              THEN NULL
                              ELSE LIST_CONCAT("t18"."m_first_keys", "t18"."m_middle_keys")
                            END,
                            x
                          )
                        )
                      ) > 0
                    )
                    OR (
                      ARRAY_LENGTH(LIST_FILTER("t18"."f_keys", x -> ARRAY_CONTAINS("t18"."m_first_truncs", x))) > 0
                    )
                    OR (
                      ARRAY_LENGTH(
                        LIST_FILTER(
                          "t18"."f_truncs",
                          x -> ARRAY_CONTAINS(
                            CASE
                              WHEN "t18"."m_first_keys" IS NULL OR "t18"."m_middle_keys" IS NULL
                              THEN NULL
                              ELSE LIST_CONCAT("t18"."m_first_keys", "t18"."m_middle_keys")
                            END,
                            x
                          )
                        )
                      ) > 0
                    )
                    OR (
                      ARRAY_LENGTH(LIST_FILTER("t18"."f_middle_keys", x -> ARRAY_CONTAINS("t18"."m_first_keys", x))) > 0
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
                        CASE
                          WHEN CONTAINS("t6"."_last", ' ')
                          AND NOT (
                            REGEXP_MATCHES(
                              "t6"."_last",
                              '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                            )
                          )
                          THEN NULLIF(REGEXP_EXTRACT("t6"."_last", '^([a-z]+)', 1), '')
                          ELSE CAST(NULL AS TEXT)
                        END AS "f_last_w1",
                        CASE
                          WHEN CONTAINS("t6"."_last", ' ')
                          AND NOT (
                            REGEXP_MATCHES(
                              "t6"."_last",
                              '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                            )
                          )
                          THEN NULLIF(REGEXP_EXTRACT("t6"."_last", '([a-z]+)$', 1), '')
                          ELSE CAST(NULL AS TEXT)
                        END AS "f_last_wn",
                        FLATTEN(
                          LIST_APPLY(
                            LIST_FILTER(
                              CAST([
                                NULLIF(REGEXP_EXTRACT("t6"."_plain", '^([a-z]+)', 1), ''),
                                NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z] ([a-z]+)', 1), ''),
                                NULLIF(REGEXP_EXTRACT("t6"."_quoted", '^([a-z]+)', 1), '')
                              ] AS TEXT[]),
                              __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                            ),
                            __ibis_param_name__ -> CASE
                              WHEN __ibis_param_name__ IS NULL
                              THEN []
                              ELSE CASE __ibis_param_name__
                                WHEN 'al'
                                THEN ['al', 'albert', 'alfred']
                                WHEN 'andy'
                                THEN ['andy', 'andrew']
                                WHEN 'angie'
                                THEN ['angie', 'angela']
                                WHEN 'becky'
                                THEN ['becky', 'rebecca']
                                WHEN 'beth'
                                THEN ['beth', 'elizabeth']
                                WHEN 'betsy'
                                THEN ['betsy', 'elizabeth']
                                WHEN 'bill'
                                THEN ['bill', 'william']
                                WHEN 'billy'
                                THEN ['billy', 'william']
                                WHEN 'bob'
                                THEN ['bob', 'robert']
                                WHEN 'bobby'
                                THEN ['bobby', 'robert']
                                WHEN 'charlie'
                                THEN ['charlie', 'charles']
                                WHEN 'chuck'
                                THEN ['chuck', 'charles']
                                WHEN 'cindy'
                                THEN ['cindy', 'cynthia']
                                WHEN 'danny'
                                THEN ['danny', 'daniel']
                                WHEN 'dave'
                                THEN ['dave', 'david']
                                WHEN 'debbie'
                                THEN ['debbie', 'deborah']
                                WHEN 'dick'
                                THEN ['dick', 'richard']
                                WHEN 'drew'
                                THEN ['drew', 'andrew']
                                WHEN 'ed'
                                THEN ['ed', 'edward']
                                WHEN 'gus'
                                THEN ['gus', 'augustus']
                                WHEN 'hal'
                                THEN ['hal', 'harold']
                                WHEN 'hank'
                                THEN ['hank', 'henry']
                                WHEN 'jack'
                                THEN ['jack', 'john']
                                WHEN 'jake'
                                THEN ['jake', 'jacob']
                                WHEN 'jamie'
                                THEN ['jamie', 'james']
                                WHEN 'jenny'
                                THEN ['jenny', 'jennifer']
                                WHEN 'jerry'
                                THEN ['jerry', 'gerald']
                                WHEN 'jim'
                                THEN ['jim', 'james']
                                WHEN 'jimmy'
                                THEN ['jimmy', 'james']
                                WHEN 'joe'
                                THEN ['joe', 'joseph']
                                WHEN 'kathy'
                                THEN ['kathy', 'kathleen', 'katherine']
                                WHEN 'katie'
                                THEN ['katie', 'katherine']
                                WHEN 'larry'
                                THEN ['larry', 'lawrence']
                                WHEN 'liz'
                                THEN ['liz', 'elizabeth']
                                WHEN 'lizzie'
                                THEN ['lizzie', 'elizabeth']
                                WHEN 'lou'
                                THEN ['lou', 'luis']
                                WHEN 'lucy'
                                THEN ['lucy', 'lucia']
                                WHEN 'maggie'
                                THEN ['maggie', 'margaret']
                                WHEN 'mike'
                                THEN ['mike', 'michael']
                                WHEN 'patty'
                                THEN ['patty', 'patricia']
                                WHEN 'peggy'
                                THEN ['peggy', 'margaret']
                                WHEN 'randy'
                                THEN ['randy', 'randall']
                                WHEN 'rick'
                                THEN ['rick', 'richard']
                                WHEN 'rudy'
                                THEN ['rudy', 'rudolph']
                                WHEN 'steve'
                                THEN ['steve', 'stephen']
                                WHEN 'sue'
                                THEN ['sue', 'susan']
                                WHEN 'susie'
                                THEN ['susie', 'susan']
                                WHEN 'ted'
                                THEN ['ted', 'edward', 'theodore']
                                WHEN 'tom'
                                THEN ['tom', 'thomas']
                                WHEN 'tommy'
                                THEN ['tommy', 'thomas']
                                WHEN 'tony'
                                THEN ['tony', 'anthony']
                                ELSE CAST([__ibis_param_name__] AS TEXT[])
                              END
                            END
                          )
                        ) AS "f_keys",
                        LIST_FILTER(
                          FLATTEN(
                            LIST_APPLY(
                              LIST_FILTER(
                                CAST([
                                  NULLIF(REGEXP_EXTRACT("t6"."_plain", '^([a-z]+)', 1), ''),
                                  NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z] ([a-z]+)', 1), ''),
                                  NULLIF(REGEXP_EXTRACT("t6"."_quoted", '^([a-z]+)', 1), '')
                                ] AS TEXT[]),
                                __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                              ),
                              __ibis_param_name__ -> CAST([
                                __ibis_param_name__,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 3
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    3
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 4
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    4
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 5
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    5
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 6
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    6
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 7
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    7
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 8
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    8
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 9
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    9
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 10
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    10
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 11
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    11
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 12
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    12
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END
                              ] AS TEXT[])
                            )
                          ),
                          __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                        ) AS "f_truncs",
                        CASE
                          WHEN NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '') IS NULL
                          THEN []
                          ELSE CASE NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '')
                            WHEN 'al'
                            THEN ['al', 'albert', 'alfred']
                            WHEN 'andy'
                            THEN ['andy', 'andrew']
                            WHEN 'angie'
                            THEN ['angie', 'angela']
                            WHEN 'becky'
                            THEN ['becky', 'rebecca']
                            WHEN 'beth'
                            THEN ['beth', 'elizabeth']
                            WHEN 'betsy'
                            THEN ['betsy', 'elizabeth']
                            WHEN 'bill'
                            THEN ['bill', 'william']
                            WHEN 'billy'
                            THEN ['billy', 'william']
                            WHEN 'bob'
                            THEN ['bob', 'robert']
                            WHEN 'bobby'
                            THEN ['bobby', 'robert']
                            WHEN 'charlie'
                            THEN ['charlie', 'charles']
                            WHEN 'chuck'
                            THEN ['chuck', 'charles']
                            WHEN 'cindy'
                            THEN ['cindy', 'cynthia']
                            WHEN 'danny'
                            THEN ['danny', 'daniel']
                            WHEN 'dave'
                            THEN ['dave', 'david']
                            WHEN 'debbie'
                            THEN ['debbie', 'deborah']
                            WHEN 'dick'
                            THEN ['dick', 'richard']
                            WHEN 'drew'
                            THEN ['drew', 'andrew']
                            WHEN 'ed'
                            THEN ['ed', 'edward']
                            WHEN 'gus'
                            THEN ['gus', 'augustus']
                            WHEN 'hal'
                            THEN ['hal', 'harold']
                            WHEN 'hank'
                            THEN ['hank', 'henry']
                            WHEN 'jack'
                            THEN ['jack', 'john']
                            WHEN 'jake'
                            THEN ['jake', 'jacob']
                            WHEN 'jamie'
                            THEN ['jamie', 'james']
                            WHEN 'jenny'
                            THEN ['jenny', 'jennifer']
                            WHEN 'jerry'
                            THEN ['jerry', 'gerald']
                            WHEN 'jim'
                            THEN ['jim', 'james']
                            WHEN 'jimmy'
                            THEN ['jimmy', 'james']
                            WHEN 'joe'
                            THEN ['joe', 'joseph']
                            WHEN 'kathy'
                            THEN ['kathy', 'kathleen', 'katherine']
                            WHEN 'katie'
                            THEN ['katie', 'katherine']
                            WHEN 'larry'
                            THEN ['larry', 'lawrence']
                            WHEN 'liz'
                            THEN ['liz', 'elizabeth']
                            WHEN 'lizzie'
                            THEN ['lizzie', 'elizabeth']
                            WHEN 'lou'
                            THEN ['lou', 'luis']
                            WHEN 'lucy'
                            THEN ['lucy', 'lucia']
                            WHEN 'maggie'
                            THEN ['maggie', 'margaret']
                            WHEN 'mike'
                            THEN ['mike', 'michael']
                            WHEN 'patty'
                            THEN ['patty', 'patricia']
                            WHEN 'peggy'
                            THEN ['peggy', 'margaret']
                            WHEN 'randy'
                            THEN ['randy', 'randall']
                            WHEN 'rick'
                            THEN ['rick', 'richard']
                            WHEN 'rudy'
                            THEN ['rudy', 'rudolph']
                            WHEN 'steve'
                            THEN ['steve', 'stephen']
                            WHEN 'sue'
                            THEN ['sue', 'susan']
                            WHEN 'susie'
                            THEN ['susie', 'susan']
                            WHEN 'ted'
                            THEN ['ted', 'edward', 'theodore']
                            WHEN 'tom'
                            THEN ['tom', 'thomas']
                            WHEN 'tommy'
                            THEN ['tommy', 'thomas']
                            WHEN 'tony'
                            THEN ['tony', 'anthony']
                            ELSE CAST([NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '')] AS TEXT[])
                          END
                        END AS "f_middle_keys",
                        SUBSTRING(
                          "t6"."_plain",
                          CASE WHEN (
                            0 + 1
                          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t6"."_plain") END,
                          1
                        ) AS "f_initial",
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
                          CASE
                            WHEN CONTAINS("t7"."_last", ' ')
                            AND NOT (
                              REGEXP_MATCHES(
                                "t7"."_last",
                                '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                              )
                            )
                            THEN NULLIF(REGEXP_EXTRACT("t7"."_last", '^([a-z]+)', 1), '')
                            ELSE CAST(NULL AS TEXT)
                          END AS "m_last_w1",
                          CASE
                            WHEN CONTAINS("t7"."_last", ' ')
                            AND NOT (
                              REGEXP_MATCHES(
                                "t7"."_last",
                                '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                              )
                            )
                            THEN NULLIF(REGEXP_EXTRACT("t7"."_last", '([a-z]+)$', 1), '')
                            ELSE CAST(NULL AS TEXT)
                          END AS "m_last_wn",
                          FLATTEN(
                            LIST_APPLY(
                              LIST_FILTER(
                                CAST([
                                  NULLIF(REGEXP_EXTRACT("t7"."_first", '^([a-z]+)', 1), ''),
                                  NULLIF(REGEXP_EXTRACT("t7"."_first", '^[a-z] ([a-z]+)', 1), ''),
                                  NULLIF(REGEXP_EXTRACT("t7"."_quoted", '^([a-z]+)', 1), ''),
                                  NULLIF(REGEXP_EXTRACT("t7"."_nick", '^([a-z]+)', 1), '')
                                ] AS TEXT[]),
                                __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                              ),
                              __ibis_param_name__ -> CASE
                                WHEN __ibis_param_name__ IS NULL
                                THEN []
                                ELSE CASE __ibis_param_name__
                                  WHEN 'al'
                                  THEN ['al', 'albert', 'alfred']
                                  WHEN 'andy'
                                  THEN ['andy', 'andrew']
                                  WHEN 'angie'
                                  THEN ['angie', 'angela']
                                  WHEN 'becky'
                                  THEN ['becky', 'rebecca']
                                  WHEN 'beth'
                                  THEN ['beth', 'elizabeth']
                                  WHEN 'betsy'
                                  THEN ['betsy', 'elizabeth']
                                  WHEN 'bill'
                                  THEN ['bill', 'william']
                                  WHEN 'billy'
                                  THEN ['billy', 'william']
                                  WHEN 'bob'
                                  THEN ['bob', 'robert']
                                  WHEN 'bobby'
                                  THEN ['bobby', 'robert']
                                  WHEN 'charlie'
                                  THEN ['charlie', 'charles']
                                  WHEN 'chuck'
                                  THEN ['chuck', 'charles']
                                  WHEN 'cindy'
                                  THEN ['cindy', 'cynthia']
                                  WHEN 'danny'
                                  THEN ['danny', 'daniel']
                                  WHEN 'dave'
                                  THEN ['dave', 'david']
                                  WHEN 'debbie'
                                  THEN ['debbie', 'deborah']
                                  WHEN 'dick'
                                  THEN ['dick', 'richard']
                                  WHEN 'drew'
                                  THEN ['drew', 'andrew']
                                  WHEN 'ed'
                                  THEN ['ed', 'edward']
                                  WHEN 'gus'
                                  THEN ['gus', 'augustus']
                                  WHEN 'hal'
                                  THEN ['hal', 'harold']
                                  WHEN 'hank'
                                  THEN ['hank', 'henry']
                                  WHEN 'jack'
                                  THEN ['jack', 'john']
                                  WHEN 'jake'
                                  THEN ['jake', 'jacob']
                                  WHEN 'jamie'
                                  THEN ['jamie', 'james']
                                  WHEN 'jenny'
                                  THEN ['jenny', 'jennifer']
                                  WHEN 'jerry'
                                  THEN ['jerry', 'gerald']
                                  WHEN 'jim'
                                  THEN ['jim', 'james']
                                  WHEN 'jimmy'
                                  THEN ['jimmy', 'james']
                                  WHEN 'joe'
                                  THEN ['joe', 'joseph']
                                  WHEN 'kathy'
                                  THEN ['kathy', 'kathleen', 'katherine']
                                  WHEN 'katie'
                                  THEN ['katie', 'katherine']
                                  WHEN 'larry'
                                  THEN ['larry', 'lawrence']
                                  WHEN 'liz'
                                  THEN ['liz', 'elizabeth']
                                  WHEN 'lizzie'
                                  THEN ['lizzie', 'elizabeth']
                                  WHEN 'lou'
                                  THEN ['lou', 'luis']
                                  WHEN 'lucy'
                                  THEN ['lucy', 'lucia']
                                  WHEN 'maggie'
                                  THEN ['maggie', 'margaret']
                                  WHEN 'mike'
                                  THEN ['mike', 'michael']
                                  WHEN 'patty'
                                  THEN ['patty', 'patricia']
                                  WHEN 'peggy'
                                  THEN ['peggy', 'margaret']
                                  WHEN 'randy'
                                  THEN ['randy', 'randall']
                                  WHEN 'rick'
                                  THEN ['rick', 'richard']
                                  WHEN 'rudy'
                                  THEN ['rudy', 'rudolph']
                                  WHEN 'steve'
                                  THEN ['steve', 'stephen']
                                  WHEN 'sue'
                                  THEN ['sue', 'susan']
                                  WHEN 'susie'
                                  THEN ['susie', 'susan']
                                  WHEN 'ted'
                                  THEN ['ted', 'edward', 'theodore']
                                  WHEN 'tom'
                                  THEN ['tom', 'thomas']
                                  WHEN 'tommy'
                                  THEN ['tommy', 'thomas']
                                  WHEN 'tony'
                                  THEN ['tony', 'anthony']
                                  ELSE CAST([__ibis_param_name__] AS TEXT[])
                                END
                              END
                            )
                          ) AS "m_first_keys",
                          LIST_FILTER(
                            FLATTEN(
                              LIST_APPLY(
                                LIST_FILTER(
                                  CAST([
                                    NULLIF(REGEXP_EXTRACT("t7"."_first", '^([a-z]+)', 1), ''),
                                    NULLIF(REGEXP_EXTRACT("t7"."_first", '^[a-z] ([a-z]+)', 1), ''),
                                    NULLIF(REGEXP_EXTRACT("t7"."_quoted", '^([a-z]+)', 1), ''),
                                    NULLIF(REGEXP_EXTRACT("t7"."_nick", '^([a-z]+)', 1), '')
                                  ] AS TEXT[]),
                                  __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                                ),
                                __ibis_param_name__ -> CAST([
                                  __ibis_param_name__,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 3
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      3
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 4
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      4
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 5
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      5
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 6
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      6
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 7
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      7
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 8
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      8
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 9
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      9
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 10
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      10
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 11
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      11
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 12
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      12
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END
                                ] AS TEXT[])
                              )
                            ),
                            __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                          ) AS "m_first_truncs",
                          CASE
                            WHEN "t7"."_middle" IS NULL
                            THEN []
                            ELSE CASE "t7"."_middle"
                              WHEN 'al'
                              THEN ['al', 'albert', 'alfred']
                              WHEN 'andy'
                              THEN ['andy', 'andrew']
                              WHEN 'angie'
                              THEN ['angie', 'angela']
                              WHEN 'becky'
                              THEN ['becky', 'rebecca']
                              WHEN 'beth'
                              THEN ['beth', 'elizabeth']
                              WHEN 'betsy'
                              THEN ['betsy', 'elizabeth']
                              WHEN 'bill'
                              THEN ['bill', 'william']
                              WHEN 'billy'
                              THEN ['billy', 'william']
                              WHEN 'bob'
                              THEN ['bob', 'robert']
                              WHEN 'bobby'
                              THEN ['bobby', 'robert']
                              WHEN 'charlie'
                              THEN ['charlie', 'charles']
                              WHEN 'chuck'
                              THEN ['chuck', 'charles']
                              WHEN 'cindy'
                              THEN ['cindy', 'cynthia']
                              WHEN 'danny'
                              THEN ['danny', 'daniel']
                              WHEN 'dave'
                              THEN ['dave', 'david']
                              WHEN 'debbie'
                              THEN ['debbie', 'deborah']
                              WHEN 'dick'
                              THEN ['dick', 'richard']
                              WHEN 'drew'
                              THEN ['drew', 'andrew']
                              WHEN 'ed'
                              THEN ['ed', 'edward']
                              WHEN 'gus'
                              THEN ['gus', 'augustus']
                              WHEN 'hal'
                              THEN ['hal', 'harold']
                              WHEN 'hank'
                              THEN ['hank', 'henry']
                              WHEN 'jack'
                              THEN ['jack', 'john']
                              WHEN 'jake'
                              THEN ['jake', 'jacob']
                              WHEN 'jamie'
                              THEN ['jamie', 'james']
                              WHEN 'jenny'
                              THEN ['jenny', 'jennifer']
                              WHEN 'jerry'
                              THEN ['jerry', 'gerald']
                              WHEN 'jim'
                              THEN ['jim', 'james']
                              WHEN 'jimmy'
                              THEN ['jimmy', 'james']
                              WHEN 'joe'
                              THEN ['joe', 'joseph']
                              WHEN 'kathy'
                              THEN ['kathy', 'kathleen', 'katherine']
                              WHEN 'katie'
                              THEN ['katie', 'katherine']
                              WHEN 'larry'
                              THEN ['larry', 'lawrence']
                              WHEN 'liz'
                              THEN ['liz', 'elizabeth']
                              WHEN 'lizzie'
                              THEN ['lizzie', 'elizabeth']
                              WHEN 'lou'
                              THEN ['lou', 'luis']
                              WHEN 'lucy'
                              THEN ['lucy', 'lucia']
                              WHEN 'maggie'
                              THEN ['maggie', 'margaret']
                              WHEN 'mike'
                              THEN ['mike', 'michael']
                              WHEN 'patty'
                              THEN ['patty', 'patricia']
                              WHEN 'peggy'
                              THEN ['peggy', 'margaret']
                              WHEN 'randy'
                              THEN ['randy', 'randall']
                              WHEN 'rick'
                              THEN ['rick', 'richard']
                              WHEN 'rudy'
                              THEN ['rudy', 'rudolph']
                              WHEN 'steve'
                              THEN ['steve', 'stephen']
                              WHEN 'sue'
                              THEN ['sue', 'susan']
                              WHEN 'susie'
                              THEN ['susie', 'susan']
                              WHEN 'ted'
                              THEN ['ted', 'edward', 'theodore']
                              WHEN 'tom'
                              THEN ['tom', 'thomas']
                              WHEN 'tommy'
                              THEN ['tommy', 'thomas']
                              WHEN 'tony'
                              THEN ['tony', 'anthony']
                              ELSE CAST(["t7"."_middle"] AS TEXT[])
                            END
                          END AS "m_middle_keys",
                          SUBSTRING(
                            "t7"."_first",
                            CASE WHEN (
                              0 + 1
                            ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t7"."_first") END,
                            1
                          ) AS "m_initial",
                          "t7"."_middle" AS "m_middle"
                        FROM (
                          SELECT
                            "t2"."bioguide_id" AS "m_id",
                            COALESCE(
                              NULLIF(
                                TRIM(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      TRIM(
                                        REGEXP_REPLACE(
                                          REGEXP_REPLACE(
                                            REGEXP_REPLACE(LOWER(STRIP_ACCENTS("t2"."last_name")), '[-/.‐–—]', ' ', 'g'),
                                            '[^a-z ]',
                                            '',
                                            'g'
                                          ),
                                          '\s+',
                                          ' ',
                                          'g'
                                        ),
                                        ' 	
'
                                      ),
                                      '\b(jr|sr|ii|iii|iv|dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq)\b',
                                      ' ',
                                      'g'
                                    ),
                                    '\s+',
                                    ' ',
                                    'g'
                                  ),
                                  ' 	
'
                                ),
                                ''
                              ),
                              NULLIF(
                                TRIM(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE(LOWER(STRIP_ACCENTS("t2"."last_name")), '[-/.‐–—]', ' ', 'g'),
                                      '[^a-z ]',
                                      '',
                                      'g'
                                    ),
                                    '\s+',
                                    ' ',
                                    'g'
                                  ),
                                  ' 	
'
                                ),
                                ''
                              )
                            ) AS "_last",
                            NULLIF(
                              TRIM(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    TRIM(
                                      REGEXP_REPLACE(
                                        REGEXP_REPLACE(
                                          REGEXP_REPLACE(
                                            LOWER(
                                              STRIP_ACCENTS(
                                                REGEXP_REPLACE("t2"."first_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', ' ', 'g')
                                              )
                                            ),
                                            '[-/.‐–—]',
                                            ' ',
                                            'g'
                                          ),
                                          '[^a-z ]',
                                          '',
                                          'g'
                                        ),
                                        '\s+',
                                        ' ',
                                        'g'
                                      ),
                                      ' 	
'
                                    ),
                                    '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                    ' ',
                                    'g'
                                  ),
                                  '\s+',
                                  ' ',
                                  'g'
                                ),
                                ' 	
'
                              ),
                              ''
                            ) AS "_first",
                            NULLIF(
                              TRIM(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    TRIM(
                                      REGEXP_REPLACE(
                                        REGEXP_REPLACE(
                                          REGEXP_REPLACE(
                                            LOWER(
                                              STRIP_ACCENTS(REGEXP_EXTRACT("t2"."first_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', 1))
                                            ),
                                            '[-/.‐–—]',
                                            ' ',
                                            'g'
                                          ),
                                          '[^a-z ]',
                                          '',
                                          'g'
                                        ),
                                        '\s+',
                                        ' ',
                                        'g'
                                      ),
                                      ' 	
'
                                    ),
                                    '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                    ' ',
                                    'g'
                                  ),
                                  '\s+',
                                  ' ',
                                  'g'
                                ),
                                ' 	
'
                              ),
                              ''
                            ) AS "_quoted",
                            NULLIF(
                              TRIM(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    TRIM(
                                      REGEXP_REPLACE(
                                        REGEXP_REPLACE(
                                          REGEXP_REPLACE(
                                            LOWER(
                                              STRIP_ACCENTS(REGEXP_REPLACE("t2"."nickname", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', ' ', 'g'))
                                            ),
                                            '[-/.‐–—]',
                                            ' ',
                                            'g'
                                          ),
                                          '[^a-z ]',
                                          '',
                                          'g'
                                        ),
                                        '\s+',
                                        ' ',
                                        'g'
                                      ),
                                      ' 	
'
                                    ),
                                    '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                    ' ',
                                    'g'
                                  ),
                                  '\s+',
                                  ' ',
                                  'g'
                                ),
                                ' 	
'
                              ),
                              ''
                            ) AS "_nick",
                            NULLIF(
                              REGEXP_EXTRACT(
                                NULLIF(
                                  TRIM(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE(
                                        TRIM(
                                          REGEXP_REPLACE(
                                            REGEXP_REPLACE(
                                              REGEXP_REPLACE(
                                                LOWER(
                                                  STRIP_ACCENTS(
                                                    REGEXP_REPLACE("t2"."middle_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', ' ', 'g')
                                                  )
                                                ),
                                                '[-/.‐–—]',
                                                ' ',
                                                'g'
                                              ),
                                              '[^a-z ]',
                                              '',
                                              'g'
                                            ),
                                            '\s+',
                                            ' ',
                                            'g'
                                          ),
                                          ' 	
'
                                        ),
                                        '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                        ' ',
                                        'g'
                                      ),
                                      '\s+',
                                      ' ',
                                      'g'
                                    ),
                                    ' 	
'
                                  ),
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
                        CASE
                          WHEN CONTAINS("t6"."_last", ' ')
                          AND NOT (
                            REGEXP_MATCHES(
                              "t6"."_last",
                              '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                            )
                          )
                          THEN NULLIF(REGEXP_EXTRACT("t6"."_last", '^([a-z]+)', 1), '')
                          ELSE CAST(NULL AS TEXT)
                        END AS "f_last_w1",
                        CASE
                          WHEN CONTAINS("t6"."_last", ' ')
                          AND NOT (
                            REGEXP_MATCHES(
                              "t6"."_last",
                              '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                            )
                          )
                          THEN NULLIF(REGEXP_EXTRACT("t6"."_last", '([a-z]+)$', 1), '')
                          ELSE CAST(NULL AS TEXT)
                        END AS "f_last_wn",
                        FLATTEN(
                          LIST_APPLY(
                            LIST_FILTER(
                              CAST([
                                NULLIF(REGEXP_EXTRACT("t6"."_plain", '^([a-z]+)', 1), ''),
                                NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z] ([a-z]+)', 1), ''),
                                NULLIF(REGEXP_EXTRACT("t6"."_quoted", '^([a-z]+)', 1), '')
                              ] AS TEXT[]),
                              __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                            ),
                            __ibis_param_name__ -> CASE
                              WHEN __ibis_param_name__ IS NULL
                              THEN []
                              ELSE CASE __ibis_param_name__
                                WHEN 'al'
                                THEN ['al', 'albert', 'alfred']
                                WHEN 'andy'
                                THEN ['andy', 'andrew']
                                WHEN 'angie'
                                THEN ['angie', 'angela']
                                WHEN 'becky'
                                THEN ['becky', 'rebecca']
                                WHEN 'beth'
                                THEN ['beth', 'elizabeth']
                                WHEN 'betsy'
                                THEN ['betsy', 'elizabeth']
                                WHEN 'bill'
                                THEN ['bill', 'william']
                                WHEN 'billy'
                                THEN ['billy', 'william']
                                WHEN 'bob'
                                THEN ['bob', 'robert']
                                WHEN 'bobby'
                                THEN ['bobby', 'robert']
                                WHEN 'charlie'
                                THEN ['charlie', 'charles']
                                WHEN 'chuck'
                                THEN ['chuck', 'charles']
                                WHEN 'cindy'
                                THEN ['cindy', 'cynthia']
                                WHEN 'danny'
                                THEN ['danny', 'daniel']
                                WHEN 'dave'
                                THEN ['dave', 'david']
                                WHEN 'debbie'
                                THEN ['debbie', 'deborah']
                                WHEN 'dick'
                                THEN ['dick', 'richard']
                                WHEN 'drew'
                                THEN ['drew', 'andrew']
                                WHEN 'ed'
                                THEN ['ed', 'edward']
                                WHEN 'gus'
                                THEN ['gus', 'augustus']
                                WHEN 'hal'
                                THEN ['hal', 'harold']
                                WHEN 'hank'
                                THEN ['hank', 'henry']
                                WHEN 'jack'
                                THEN ['jack', 'john']
                                WHEN 'jake'
                                THEN ['jake', 'jacob']
                                WHEN 'jamie'
                                THEN ['jamie', 'james']
                                WHEN 'jenny'
                                THEN ['jenny', 'jennifer']
                                WHEN 'jerry'
                                THEN ['jerry', 'gerald']
                                WHEN 'jim'
                                THEN ['jim', 'james']
                                WHEN 'jimmy'
                                THEN ['jimmy', 'james']
                                WHEN 'joe'
                                THEN ['joe', 'joseph']
                                WHEN 'kathy'
                                THEN ['kathy', 'kathleen', 'katherine']
                                WHEN 'katie'
                                THEN ['katie', 'katherine']
                                WHEN 'larry'
                                THEN ['larry', 'lawrence']
                                WHEN 'liz'
                                THEN ['liz', 'elizabeth']
                                WHEN 'lizzie'
                                THEN ['lizzie', 'elizabeth']
                                WHEN 'lou'
                                THEN ['lou', 'luis']
                                WHEN 'lucy'
                                THEN ['lucy', 'lucia']
                                WHEN 'maggie'
                                THEN ['maggie', 'margaret']
                                WHEN 'mike'
                                THEN ['mike', 'michael']
                                WHEN 'patty'
                                THEN ['patty', 'patricia']
                                WHEN 'peggy'
                                THEN ['peggy', 'margaret']
                                WHEN 'randy'
                                THEN ['randy', 'randall']
                                WHEN 'rick'
                                THEN ['rick', 'richard']
                                WHEN 'rudy'
                                THEN ['rudy', 'rudolph']
                                WHEN 'steve'
                                THEN ['steve', 'stephen']
                                WHEN 'sue'
                                THEN ['sue', 'susan']
                                WHEN 'susie'
                                THEN ['susie', 'susan']
                                WHEN 'ted'
                                THEN ['ted', 'edward', 'theodore']
                                WHEN 'tom'
                                THEN ['tom', 'thomas']
                                WHEN 'tommy'
                                THEN ['tommy', 'thomas']
                                WHEN 'tony'
                                THEN ['tony', 'anthony']
                                ELSE CAST([__ibis_param_name__] AS TEXT[])
                              END
                            END
                          )
                        ) AS "f_keys",
                        LIST_FILTER(
                          FLATTEN(
                            LIST_APPLY(
                              LIST_FILTER(
                                CAST([
                                  NULLIF(REGEXP_EXTRACT("t6"."_plain", '^([a-z]+)', 1), ''),
                                  NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z] ([a-z]+)', 1), ''),
                                  NULLIF(REGEXP_EXTRACT("t6"."_quoted", '^([a-z]+)', 1), '')
                                ] AS TEXT[]),
                                __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                              ),
                              __ibis_param_name__ -> CAST([
                                __ibis_param_name__,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 3
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    3
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 4
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    4
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 5
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    5
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 6
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    6
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 7
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    7
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 8
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    8
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 9
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    9
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 10
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    10
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 11
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    11
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END,
                                CASE
                                  WHEN LENGTH(__ibis_param_name__) > 12
                                  THEN SUBSTRING(
                                    __ibis_param_name__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                    12
                                  )
                                  ELSE CAST(NULL AS TEXT)
                                END
                              ] AS TEXT[])
                            )
                          ),
                          __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                        ) AS "f_truncs",
                        CASE
                          WHEN NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '') IS NULL
                          THEN []
                          ELSE CASE NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '')
                            WHEN 'al'
                            THEN ['al', 'albert', 'alfred']
                            WHEN 'andy'
                            THEN ['andy', 'andrew']
                            WHEN 'angie'
                            THEN ['angie', 'angela']
                            WHEN 'becky'
                            THEN ['becky', 'rebecca']
                            WHEN 'beth'
                            THEN ['beth', 'elizabeth']
                            WHEN 'betsy'
                            THEN ['betsy', 'elizabeth']
                            WHEN 'bill'
                            THEN ['bill', 'william']
                            WHEN 'billy'
                            THEN ['billy', 'william']
                            WHEN 'bob'
                            THEN ['bob', 'robert']
                            WHEN 'bobby'
                            THEN ['bobby', 'robert']
                            WHEN 'charlie'
                            THEN ['charlie', 'charles']
                            WHEN 'chuck'
                            THEN ['chuck', 'charles']
                            WHEN 'cindy'
                            THEN ['cindy', 'cynthia']
                            WHEN 'danny'
                            THEN ['danny', 'daniel']
                            WHEN 'dave'
                            THEN ['dave', 'david']
                            WHEN 'debbie'
                            THEN ['debbie', 'deborah']
                            WHEN 'dick'
                            THEN ['dick', 'richard']
                            WHEN 'drew'
                            THEN ['drew', 'andrew']
                            WHEN 'ed'
                            THEN ['ed', 'edward']
                            WHEN 'gus'
                            THEN ['gus', 'augustus']
                            WHEN 'hal'
                            THEN ['hal', 'harold']
                            WHEN 'hank'
                            THEN ['hank', 'henry']
                            WHEN 'jack'
                            THEN ['jack', 'john']
                            WHEN 'jake'
                            THEN ['jake', 'jacob']
                            WHEN 'jamie'
                            THEN ['jamie', 'james']
                            WHEN 'jenny'
                            THEN ['jenny', 'jennifer']
                            WHEN 'jerry'
                            THEN ['jerry', 'gerald']
                            WHEN 'jim'
                            THEN ['jim', 'james']
                            WHEN 'jimmy'
                            THEN ['jimmy', 'james']
                            WHEN 'joe'
                            THEN ['joe', 'joseph']
                            WHEN 'kathy'
                            THEN ['kathy', 'kathleen', 'katherine']
                            WHEN 'katie'
                            THEN ['katie', 'katherine']
                            WHEN 'larry'
                            THEN ['larry', 'lawrence']
                            WHEN 'liz'
                            THEN ['liz', 'elizabeth']
                            WHEN 'lizzie'
                            THEN ['lizzie', 'elizabeth']
                            WHEN 'lou'
                            THEN ['lou', 'luis']
                            WHEN 'lucy'
                            THEN ['lucy', 'lucia']
                            WHEN 'maggie'
                            THEN ['maggie', 'margaret']
                            WHEN 'mike'
                            THEN ['mike', 'michael']
                            WHEN 'patty'
                            THEN ['patty', 'patricia']
                            WHEN 'peggy'
                            THEN ['peggy', 'margaret']
                            WHEN 'randy'
                            THEN ['randy', 'randall']
                            WHEN 'rick'
                            THEN ['rick', 'richard']
                            WHEN 'rudy'
                            THEN ['rudy', 'rudolph']
                            WHEN 'steve'
                            THEN ['steve', 'stephen']
                            WHEN 'sue'
                            THEN ['sue', 'susan']
                            WHEN 'susie'
                            THEN ['susie', 'susan']
                            WHEN 'ted'
                            THEN ['ted', 'edward', 'theodore']
                            WHEN 'tom'
                            THEN ['tom', 'thomas']
                            WHEN 'tommy'
                            THEN ['tommy', 'thomas']
                            WHEN 'tony'
                            THEN ['tony', 'anthony']
                            ELSE CAST([NULLIF(REGEXP_EXTRACT("t6"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '')] AS TEXT[])
                          END
                        END AS "f_middle_keys",
                        SUBSTRING(
                          "t6"."_plain",
                          CASE WHEN (
                            0 + 1
                          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t6"."_plain") END,
                          1
                        ) AS "f_initial",
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
                          CASE
                            WHEN CONTAINS("t7"."_last", ' ')
                            AND NOT (
                              REGEXP_MATCHES(
                                "t7"."_last",
                                '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                              )
                            )
                            THEN NULLIF(REGEXP_EXTRACT("t7"."_last", '^([a-z]+)', 1), '')
                            ELSE CAST(NULL AS TEXT)
                          END AS "m_last_w1",
                          CASE
                            WHEN CONTAINS("t7"."_last", ' ')
                            AND NOT (
                              REGEXP_MATCHES(
                                "t7"."_last",
                                '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                              )
                            )
                            THEN NULLIF(REGEXP_EXTRACT("t7"."_last", '([a-z]+)$', 1), '')
                            ELSE CAST(NULL AS TEXT)
                          END AS "m_last_wn",
                          FLATTEN(
                            LIST_APPLY(
                              LIST_FILTER(
                                CAST([
                                  NULLIF(REGEXP_EXTRACT("t7"."_first", '^([a-z]+)', 1), ''),
                                  NULLIF(REGEXP_EXTRACT("t7"."_first", '^[a-z] ([a-z]+)', 1), ''),
                                  NULLIF(REGEXP_EXTRACT("t7"."_quoted", '^([a-z]+)', 1), ''),
                                  NULLIF(REGEXP_EXTRACT("t7"."_nick", '^([a-z]+)', 1), '')
                                ] AS TEXT[]),
                                __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                              ),
                              __ibis_param_name__ -> CASE
                                WHEN __ibis_param_name__ IS NULL
                                THEN []
                                ELSE CASE __ibis_param_name__
                                  WHEN 'al'
                                  THEN ['al', 'albert', 'alfred']
                                  WHEN 'andy'
                                  THEN ['andy', 'andrew']
                                  WHEN 'angie'
                                  THEN ['angie', 'angela']
                                  WHEN 'becky'
                                  THEN ['becky', 'rebecca']
                                  WHEN 'beth'
                                  THEN ['beth', 'elizabeth']
                                  WHEN 'betsy'
                                  THEN ['betsy', 'elizabeth']
                                  WHEN 'bill'
                                  THEN ['bill', 'william']
                                  WHEN 'billy'
                                  THEN ['billy', 'william']
                                  WHEN 'bob'
                                  THEN ['bob', 'robert']
                                  WHEN 'bobby'
                                  THEN ['bobby', 'robert']
                                  WHEN 'charlie'
                                  THEN ['charlie', 'charles']
                                  WHEN 'chuck'
                                  THEN ['chuck', 'charles']
                                  WHEN 'cindy'
                                  THEN ['cindy', 'cynthia']
                                  WHEN 'danny'
                                  THEN ['danny', 'daniel']
                                  WHEN 'dave'
                                  THEN ['dave', 'david']
                                  WHEN 'debbie'
                                  THEN ['debbie', 'deborah']
                                  WHEN 'dick'
                                  THEN ['dick', 'richard']
                                  WHEN 'drew'
                                  THEN ['drew', 'andrew']
                                  WHEN 'ed'
                                  THEN ['ed', 'edward']
                                  WHEN 'gus'
                                  THEN ['gus', 'augustus']
                                  WHEN 'hal'
                                  THEN ['hal', 'harold']
                                  WHEN 'hank'
                                  THEN ['hank', 'henry']
                                  WHEN 'jack'
                                  THEN ['jack', 'john']
                                  WHEN 'jake'
                                  THEN ['jake', 'jacob']
                                  WHEN 'jamie'
                                  THEN ['jamie', 'james']
                                  WHEN 'jenny'
                                  THEN ['jenny', 'jennifer']
                                  WHEN 'jerry'
                                  THEN ['jerry', 'gerald']
                                  WHEN 'jim'
                                  THEN ['jim', 'james']
                                  WHEN 'jimmy'
                                  THEN ['jimmy', 'james']
                                  WHEN 'joe'
                                  THEN ['joe', 'joseph']
                                  WHEN 'kathy'
                                  THEN ['kathy', 'kathleen', 'katherine']
                                  WHEN 'katie'
                                  THEN ['katie', 'katherine']
                                  WHEN 'larry'
                                  THEN ['larry', 'lawrence']
                                  WHEN 'liz'
                                  THEN ['liz', 'elizabeth']
                                  WHEN 'lizzie'
                                  THEN ['lizzie', 'elizabeth']
                                  WHEN 'lou'
                                  THEN ['lou', 'luis']
                                  WHEN 'lucy'
                                  THEN ['lucy', 'lucia']
                                  WHEN 'maggie'
                                  THEN ['maggie', 'margaret']
                                  WHEN 'mike'
                                  THEN ['mike', 'michael']
                                  WHEN 'patty'
                                  THEN ['patty', 'patricia']
                                  WHEN 'peggy'
                                  THEN ['peggy', 'margaret']
                                  WHEN 'randy'
                                  THEN ['randy', 'randall']
                                  WHEN 'rick'
                                  THEN ['rick', 'richard']
                                  WHEN 'rudy'
                                  THEN ['rudy', 'rudolph']
                                  WHEN 'steve'
                                  THEN ['steve', 'stephen']
                                  WHEN 'sue'
                                  THEN ['sue', 'susan']
                                  WHEN 'susie'
                                  THEN ['susie', 'susan']
                                  WHEN 'ted'
                                  THEN ['ted', 'edward', 'theodore']
                                  WHEN 'tom'
                                  THEN ['tom', 'thomas']
                                  WHEN 'tommy'
                                  THEN ['tommy', 'thomas']
                                  WHEN 'tony'
                                  THEN ['tony', 'anthony']
                                  ELSE CAST([__ibis_param_name__] AS TEXT[])
                                END
                              END
                            )
                          ) AS "m_first_keys",
                          LIST_FILTER(
                            FLATTEN(
                              LIST_APPLY(
                                LIST_FILTER(
                                  CAST([
                                    NULLIF(REGEXP_EXTRACT("t7"."_first", '^([a-z]+)', 1), ''),
                                    NULLIF(REGEXP_EXTRACT("t7"."_first", '^[a-z] ([a-z]+)', 1), ''),
                                    NULLIF(REGEXP_EXTRACT("t7"."_quoted", '^([a-z]+)', 1), ''),
                                    NULLIF(REGEXP_EXTRACT("t7"."_nick", '^([a-z]+)', 1), '')
                                  ] AS TEXT[]),
                                  __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                                ),
                                __ibis_param_name__ -> CAST([
                                  __ibis_param_name__,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 3
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      3
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 4
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      4
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 5
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      5
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 6
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      6
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 7
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      7
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 8
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      8
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 9
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      9
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 10
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      10
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 11
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      11
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END,
                                  CASE
                                    WHEN LENGTH(__ibis_param_name__) > 12
                                    THEN SUBSTRING(
                                      __ibis_param_name__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_name__) END,
                                      12
                                    )
                                    ELSE CAST(NULL AS TEXT)
                                  END
                                ] AS TEXT[])
                              )
                            ),
                            __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                          ) AS "m_first_truncs",
                          CASE
                            WHEN "t7"."_middle" IS NULL
                            THEN []
                            ELSE CASE "t7"."_middle"
                              WHEN 'al'
                              THEN ['al', 'albert', 'alfred']
                              WHEN 'andy'
                              THEN ['andy', 'andrew']
                              WHEN 'angie'
                              THEN ['angie', 'angela']
                              WHEN 'becky'
                              THEN ['becky', 'rebecca']
                              WHEN 'beth'
                              THEN ['beth', 'elizabeth']
                              WHEN 'betsy'
                              THEN ['betsy', 'elizabeth']
                              WHEN 'bill'
                              THEN ['bill', 'william']
                              WHEN 'billy'
                              THEN ['billy', 'william']
                              WHEN 'bob'
                              THEN ['bob', 'robert']
                              WHEN 'bobby'
                              THEN ['bobby', 'robert']
                              WHEN 'charlie'
                              THEN ['charlie', 'charles']
                              WHEN 'chuck'
                              THEN ['chuck', 'charles']
                              WHEN 'cindy'
                              THEN ['cindy', 'cynthia']
                              WHEN 'danny'
                              THEN ['danny', 'daniel']
                              WHEN 'dave'
                              THEN ['dave', 'david']
                              WHEN 'debbie'
                              THEN ['debbie', 'deborah']
                              WHEN 'dick'
                              THEN ['dick', 'richard']
                              WHEN 'drew'
                              THEN ['drew', 'andrew']
                              WHEN 'ed'
                              THEN ['ed', 'edward']
                              WHEN 'gus'
                              THEN ['gus', 'augustus']
                              WHEN 'hal'
                              THEN ['hal', 'harold']
                              WHEN 'hank'
                              THEN ['hank', 'henry']
                              WHEN 'jack'
                              THEN ['jack', 'john']
                              WHEN 'jake'
                              THEN ['jake', 'jacob']
                              WHEN 'jamie'
                              THEN ['jamie', 'james']
                              WHEN 'jenny'
                              THEN ['jenny', 'jennifer']
                              WHEN 'jerry'
                              THEN ['jerry', 'gerald']
                              WHEN 'jim'
                              THEN ['jim', 'james']
                              WHEN 'jimmy'
                              THEN ['jimmy', 'james']
                              WHEN 'joe'
                              THEN ['joe', 'joseph']
                              WHEN 'kathy'
                              THEN ['kathy', 'kathleen', 'katherine']
                              WHEN 'katie'
                              THEN ['katie', 'katherine']
                              WHEN 'larry'
                              THEN ['larry', 'lawrence']
                              WHEN 'liz'
                              THEN ['liz', 'elizabeth']
                              WHEN 'lizzie'
                              THEN ['lizzie', 'elizabeth']
                              WHEN 'lou'
                              THEN ['lou', 'luis']
                              WHEN 'lucy'
                              THEN ['lucy', 'lucia']
                              WHEN 'maggie'
                              THEN ['maggie', 'margaret']
                              WHEN 'mike'
                              THEN ['mike', 'michael']
                              WHEN 'patty'
                              THEN ['patty', 'patricia']
                              WHEN 'peggy'
                              THEN ['peggy', 'margaret']
                              WHEN 'randy'
                              THEN ['randy', 'randall']
                              WHEN 'rick'
                              THEN ['rick', 'richard']
                              WHEN 'rudy'
                              THEN ['rudy', 'rudolph']
                              WHEN 'steve'
                              THEN ['steve', 'stephen']
                              WHEN 'sue'
                              THEN ['sue', 'susan']
                              WHEN 'susie'
                              THEN ['susie', 'susan']
                              WHEN 'ted'
                              THEN ['ted', 'edward', 'theodore']
                              WHEN 'tom'
                              THEN ['tom', 'thomas']
                              WHEN 'tommy'
                              THEN ['tommy', 'thomas']
                              WHEN 'tony'
                              THEN ['tony', 'anthony']
                              ELSE CAST(["t7"."_middle"] AS TEXT[])
                            END
                          END AS "m_middle_keys",
                          SUBSTRING(
                            "t7"."_first",
                            CASE WHEN (
                              0 + 1
                            ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t7"."_first") END,
                            1
                          ) AS "m_initial",
                          "t7"."_middle" AS "m_middle"
                        FROM (
                          SELECT
                            "t2"."bioguide_id" AS "m_id",
                            COALESCE(
                              NULLIF(
                                TRIM(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      TRIM(
                                        REGEXP_REPLACE(
                                          REGEXP_REPLACE(
                                            REGEXP_REPLACE(LOWER(STRIP_ACCENTS("t2"."last_name")), '[-/.‐–—]', ' ', 'g'),
                                            '[^a-z ]',
                                            '',
                                            'g'
                                          ),
                                          '\s+',
                                          ' ',
                                          'g'
                                        ),
                                        ' 	
'
                                      ),
                                      '\b(jr|sr|ii|iii|iv|dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq)\b',
                                      ' ',
                                      'g'
                                    ),
                                    '\s+',
                                    ' ',
                                    'g'
                                  ),
                                  ' 	
'
                                ),
                                ''
                              ),
                              NULLIF(
                                TRIM(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE(LOWER(STRIP_ACCENTS("t2"."last_name")), '[-/.‐–—]', ' ', 'g'),
                                      '[^a-z ]',
                                      '',
                                      'g'
                                    ),
                                    '\s+',
                                    ' ',
                                    'g'
                                  ),
                                  ' 	
'
                                ),
                                ''
                              )
                            ) AS "_last",
                            NULLIF(
                              TRIM(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    TRIM(
                                      REGEXP_REPLACE(
                                        REGEXP_REPLACE(
                                          REGEXP_REPLACE(
                                            LOWER(
                                              STRIP_ACCENTS(
                                                REGEXP_REPLACE("t2"."first_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', ' ', 'g')
                                              )
                                            ),
                                            '[-/.‐–—]',
                                            ' ',
                                            'g'
                                          ),
                                          '[^a-z ]',
                                          '',
                                          'g'
                                        ),
                                        '\s+',
                                        ' ',
                                        'g'
                                      ),
                                      ' 	
'
                                    ),
                                    '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                    ' ',
                                    'g'
                                  ),
                                  '\s+',
                                  ' ',
                                  'g'
                                ),
                                ' 	
'
                              ),
                              ''
                            ) AS "_first",
                            NULLIF(
                              TRIM(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    TRIM(
                                      REGEXP_REPLACE(
                                        REGEXP_REPLACE(
                                          REGEXP_REPLACE(
                                            LOWER(
                                              STRIP_ACCENTS(REGEXP_EXTRACT("t2"."first_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', 1))
                                            ),
                                            '[-/.‐–—]',
                                            ' ',
                                            'g'
                                          ),
                                          '[^a-z ]',
                                          '',
                                          'g'
                                        ),
                                        '\s+',
                                        ' ',
                                        'g'
                                      ),
                                      ' 	
'
                                    ),
                                    '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                    ' ',
                                    'g'
                                  ),
                                  '\s+',
                                  ' ',
                                  'g'
                                ),
                                ' 	
'
                              ),
                              ''
                            ) AS "_quoted",
                            NULLIF(
                              TRIM(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    TRIM(
                                      REGEXP_REPLACE(
                                        REGEXP_REPLACE(
                                          REGEXP_REPLACE(
                                            LOWER(
                                              STRIP_ACCENTS(REGEXP_REPLACE("t2"."nickname", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', ' ', 'g'))
                                            ),
                                            '[-/.‐–—]',
                                            ' ',
                                            'g'
                                          ),
                                          '[^a-z ]',
                                          '',
                                          'g'
                                        ),
                                        '\s+',
                                        ' ',
                                        'g'
                                      ),
                                      ' 	
'
                                    ),
                                    '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                    ' ',
                                    'g'
                                  ),
                                  '\s+',
                                  ' ',
                                  'g'
                                ),
                                ' 	
'
                              ),
                              ''
                            ) AS "_nick",
                            NULLIF(
                              REGEXP_EXTRACT(
                                NULLIF(
                                  TRIM(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE(
                                        TRIM(
                                          REGEXP_REPLACE(
                                            REGEXP_REPLACE(
                                              REGEXP_REPLACE(
                                                LOWER(
                                                  STRIP_ACCENTS(
                                                    REGEXP_REPLACE("t2"."middle_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', ' ', 'g')
                                                  )
                                                ),
                                                '[-/.‐–—]',
                                                ' ',
                                                'g'
                                              ),
                                              '[^a-z ]',
                                              '',
                                              'g'
                                            ),
                                            '\s+',
                                            ' ',
                                            'g'
                                          ),
                                          ' 	
'
                                        ),
                                        '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                        ' ',
                                        'g'
                                      ),
                                      '\s+',
                                      ' ',
                                      'g'
                                    ),
                                    ' 	
'
                                  ),
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
      QUALIFY
        "t23"."rule_no" = MIN("t23"."rule_no") OVER (
          PARTITION BY "t23"."doc_id"
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        )
    ) AS "t24"
    GROUP BY
      1
  ) AS "t25"
) AS "t27"
  ON "t3"."doc_id" = "t27"."d_doc"
