SELECT
  "t3"."report_id",
  "t3"."year",
  CASE WHEN COALESCE("t25"."n", 0) = 1 THEN "t25"."only" ELSE CAST(NULL AS TEXT) END AS "bioguide_id",
  CASE
    WHEN COALESCE("t25"."n", 0) = 1
    THEN 'matched'
    WHEN COALESCE("t25"."n", 0) > 1
    THEN 'ambiguous'
    ELSE 'not_a_member'
  END AS "match_status",
  CASE "t25"."rule_no"
    WHEN 0
    THEN 'senate_last_first_name'
    WHEN 1
    THEN 'former_senator_last_first_name'
    WHEN 2
    THEN 'senate_last_name'
    WHEN 3
    THEN 'former_senator_last_name'
    ELSE CAST(NULL AS TEXT)
  END AS "match_rule",
  "t25"."ids" AS "candidates",
  NULLIF(
    REGEXP_REPLACE(
      TRIM(
        COALESCE("t3"."first_name", '') || ' ' || COALESCE("t3"."last_name", '') || ' ' || COALESCE("t3"."suffix", ''),
        ' 	
'
      ),
      '\s+',
      ' ',
      'g'
    ),
    ''
  ) AS "filer_name",
  CASE
    WHEN COALESCE("t25"."n", 0) = 1
    THEN "t25"."only_state"
    ELSE CAST(NULL AS TEXT)
  END AS "state",
  "t3"."filed_date"
FROM "silver_senate_filings" AS "t3"
LEFT OUTER JOIN (
  SELECT
    "t23"."report_id" AS "d_id",
    "t23"."rule_no",
    "t23"."n",
    "t23"."only",
    "t23"."only_state",
    "t23"."ids"
  FROM (
    SELECT
      "t22"."report_id",
      MIN("t22"."rule_no") AS "rule_no",
      COUNT(DISTINCT "t22"."bioguide_id") AS "n",
      MAX("t22"."bioguide_id") AS "only",
      MAX("t22"."state") AS "only_state",
      ARRAY_TO_STRING(
        LIST_SORT(
          ARRAY_AGG(DISTINCT "t22"."bioguide_id") FILTER(WHERE
            "t22"."bioguide_id" IS NOT NULL)
        ),
        ','
      ) AS "ids"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t20"."report_id",
          "t20"."bioguide_id",
          MIN("t20"."rule_no") AS "rule_no",
          MIN("t20"."order") AS "order",
          MAX("t20"."state") AS "state"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t18"."report_id",
              "t18"."bioguide_id",
              "t18"."state",
              "t18"."end_date",
              "t18"."former_office",
              "t18"."active",
              "t18"."fits",
              "t18"."initials_agree",
              "t18"."exact",
              "t18"."_serving",
              "t18"."rule_no",
              CASE
                WHEN "t18"."former_office"
                THEN CASE "t18"."rule_no"
                  WHEN 0
                  THEN 1
                  WHEN 1
                  THEN 0
                  WHEN 2
                  THEN 3
                  WHEN 3
                  THEN 2
                  ELSE "t18"."rule_no"
                END
                ELSE "t18"."rule_no"
              END AS "order",
              "t18"."end_date" = MAX("t18"."end_date") OVER (
                PARTITION BY "t18"."report_id", "t18"."bioguide_id"
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
              ) AS "_latest"
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t16"."report_id",
                  "t16"."bioguide_id",
                  "t16"."state",
                  "t16"."end_date",
                  "t16"."former_office",
                  "t16"."active",
                  "t16"."fits",
                  "t16"."initials_agree",
                  "t16"."exact",
                  "t16"."_serving",
                  CASE
                    WHEN "t16"."active" AND "t16"."fits"
                    THEN 0
                    WHEN NOT (
                      "t16"."active"
                    ) AND "t16"."fits"
                    THEN 1
                    WHEN "t16"."active"
                    AND "t16"."initials_agree"
                    AND (
                      "t16"."exact"
                      OR NOT (
                        MAX(CAST("t16"."exact" AS TINYINT)) OVER (
                          PARTITION BY "t16"."report_id", "t16"."active"
                          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                        ) = 1
                      )
                    )
                    THEN 2
                    WHEN NOT (
                      "t16"."active"
                    )
                    AND "t16"."initials_agree"
                    AND (
                      "t16"."exact"
                      OR NOT (
                        MAX(CAST("t16"."exact" AS TINYINT)) OVER (
                          PARTITION BY "t16"."report_id", "t16"."active"
                          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                        ) = 1
                      )
                    )
                    THEN 3
                    ELSE CAST(NULL AS TINYINT)
                  END AS "rule_no"
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      "t14"."report_id",
                      "t14"."bioguide_id",
                      "t14"."state",
                      "t14"."end_date",
                      "t14"."former_office",
                      "t14"."active",
                      "t14"."fits",
                      "t14"."initials_agree",
                      "t14"."exact",
                      MAX(CAST("t14"."active" AS TINYINT)) OVER (
                        PARTITION BY "t14"."report_id", "t14"."bioguide_id"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                      ) = 1 AS "_serving"
                    FROM (
                      SELECT
                        "t11"."f_id" AS "report_id",
                        "t13"."m_id" AS "bioguide_id",
                        "t13"."state",
                        "t13"."end_date",
                        "t11"."f_former" AS "former_office",
                        "t11"."f_date" < "t13"."end_date" AS "active",
                        COALESCE(
                          (
                            ARRAY_LENGTH(
                              LIST_FILTER(
                                "t11"."f_keys",
                                x -> ARRAY_CONTAINS(
                                  CASE
                                    WHEN "t13"."m_first_keys" IS NULL OR "t13"."m_middle_keys" IS NULL
                                    THEN NULL
                                    ELSE LIST_CONCAT("t13"."m_first_keys", "t13"."m_middle_keys")
                                  END,
                                  x
                                )
                              )
                            ) > 0
                          )
                          OR (
                            ARRAY_LENGTH(LIST_FILTER("t11"."f_keys", x -> ARRAY_CONTAINS("t13"."m_first_truncs", x))) > 0
                          )
                          OR (
                            ARRAY_LENGTH(
                              LIST_FILTER(
                                "t11"."f_truncs",
                                x -> ARRAY_CONTAINS(
                                  CASE
                                    WHEN "t13"."m_first_keys" IS NULL OR "t13"."m_middle_keys" IS NULL
                                    THEN NULL
                                    ELSE LIST_CONCAT("t13"."m_first_keys", "t13"."m_middle_keys")
                                  END,
                                  x
                                )
                              )
                            ) > 0
                          )
                          OR (
                            ARRAY_LENGTH(LIST_FILTER("t11"."f_middle_keys", x -> ARRAY_CONTAINS("t13"."m_first_keys", x))) > 0
                          )
                          OR (
                            (
                              "t11"."f_initial" = "t13"."m_initial"
                            )
                            AND (
                              "t11"."f_middle" = "t13"."m_middle"
                            )
                          ),
                          FALSE
                        ) AS "fits",
                        COALESCE(
                          (
                            ARRAY_LENGTH("t11"."f_keys") = 0
                          )
                          OR (
                            ARRAY_LENGTH(
                              LIST_FILTER(
                                LIST_APPLY(
                                  "t11"."f_keys",
                                  __ibis_param_k__ -> SUBSTRING(
                                    __ibis_param_k__,
                                    CASE WHEN (
                                      0 + 1
                                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_k__) END,
                                    1
                                  )
                                ),
                                x -> ARRAY_CONTAINS(
                                  LIST_APPLY(
                                    CASE
                                      WHEN "t13"."m_first_keys" IS NULL OR "t13"."m_middle_keys" IS NULL
                                      THEN NULL
                                      ELSE LIST_CONCAT("t13"."m_first_keys", "t13"."m_middle_keys")
                                    END,
                                    __ibis_param_k__ -> SUBSTRING(
                                      __ibis_param_k__,
                                      CASE WHEN (
                                        0 + 1
                                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH(__ibis_param_k__) END,
                                      1
                                    )
                                  ),
                                  x
                                )
                              )
                            ) > 0
                          ),
                          FALSE
                        ) AS "initials_agree",
                        COALESCE(
                          (
                            "t11"."f_last" = "t13"."m_last"
                          )
                          OR (
                            "t11"."f_last_sq" = "t13"."m_last_sq"
                          ),
                          FALSE
                        ) AS "exact"
                      FROM (
                        SELECT
                          "t7"."f_id",
                          "t7"."f_date",
                          "t7"."f_former",
                          "t7"."f_candidate",
                          "t7"."_last" AS "f_last",
                          REPLACE("t7"."_last", ' ', '') AS "f_last_sq",
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
                          END AS "f_last_w1",
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
                          END AS "f_last_wn",
                          FLATTEN(
                            LIST_APPLY(
                              LIST_FILTER(
                                CAST([
                                  NULLIF(REGEXP_EXTRACT("t7"."_plain", '^([a-z]+)', 1), ''),
                                  NULLIF(REGEXP_EXTRACT("t7"."_plain", '^[a-z] ([a-z]+)', 1), ''),
                                  NULLIF(REGEXP_EXTRACT("t7"."_quoted", '^([a-z]+)', 1), ''),
                                  NULLIF(REGEXP_EXTRACT("t7"."_office", '^([a-z]+)', 1), ''),
                                  NULLIF(REGEXP_EXTRACT("t7"."_office", '^[a-z] ([a-z]+)', 1), '')
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
                                    NULLIF(REGEXP_EXTRACT("t7"."_plain", '^([a-z]+)', 1), ''),
                                    NULLIF(REGEXP_EXTRACT("t7"."_plain", '^[a-z] ([a-z]+)', 1), ''),
                                    NULLIF(REGEXP_EXTRACT("t7"."_quoted", '^([a-z]+)', 1), ''),
                                    NULLIF(REGEXP_EXTRACT("t7"."_office", '^([a-z]+)', 1), ''),
                                    NULLIF(REGEXP_EXTRACT("t7"."_office", '^[a-z] ([a-z]+)', 1), '')
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
                            WHEN NULLIF(REGEXP_EXTRACT("t7"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '') IS NULL
                            THEN []
                            ELSE CASE NULLIF(REGEXP_EXTRACT("t7"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '')
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
                              ELSE CAST([NULLIF(REGEXP_EXTRACT("t7"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '')] AS TEXT[])
                            END
                          END AS "f_middle_keys",
                          SUBSTRING(
                            "t7"."_plain",
                            CASE WHEN (
                              0 + 1
                            ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t7"."_plain") END,
                            1
                          ) AS "f_initial",
                          NULLIF(REGEXP_EXTRACT("t7"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '') AS "f_middle"
                        FROM (
                          SELECT
                            "t0"."report_id" AS "f_id",
                            "t0"."filed_date" AS "f_date",
                            COALESCE(CONTAINS(LOWER(TRIM("t0"."office", ' 	
')), 'former'), FALSE) AS "f_former",
                            COALESCE(CONTAINS(LOWER(TRIM("t0"."office", ' 	
')), 'candidate'), FALSE) AS "f_candidate",
                            COALESCE(
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
                                                  COALESCE(
                                                    NULLIF(TRIM("t0"."last_name", ' 	
'), ''),
                                                    NULLIF(REGEXP_EXTRACT("t0"."office", '^([^,(]+),([^()]*)', 1), '')
                                                  )
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
                                      REGEXP_REPLACE(
                                        LOWER(
                                          STRIP_ACCENTS(
                                            COALESCE(
                                              NULLIF(TRIM("t0"."last_name", ' 	
'), ''),
                                              NULLIF(REGEXP_EXTRACT("t0"."office", '^([^,(]+),([^()]*)', 1), '')
                                            )
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
                                              STRIP_ACCENTS(
                                                REGEXP_REPLACE(
                                                  NULLIF(REGEXP_EXTRACT("t0"."office", '^([^,(]+),([^()]*)', 2), ''),
                                                  '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]',
                                                  ' ',
                                                  'g'
                                                )
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
                            ) AS "_office"
                          FROM "silver_senate_filings" AS "t0"
                        ) AS "t7"
                        WHERE
                          "t7"."f_date" IS NOT NULL AND NOT (
                            "t7"."f_candidate"
                          )
                      ) AS "t11"
                      INNER JOIN (
                        SELECT
                          "t5"."bioguide_id",
                          "t5"."term_no",
                          "t5"."chamber",
                          "t5"."state",
                          "t5"."district",
                          "t5"."party",
                          "t5"."start_date",
                          "t5"."end_date",
                          "t5"."end_is_scheduled",
                          "t10"."m_id",
                          "t10"."m_last",
                          "t10"."m_last_sq",
                          "t10"."m_last_w1",
                          "t10"."m_last_wn",
                          "t10"."m_first_keys",
                          "t10"."m_first_truncs",
                          "t10"."m_middle_keys",
                          "t10"."m_initial",
                          "t10"."m_middle"
                        FROM (
                          SELECT
                            *
                          FROM "silver_member_terms" AS "t1"
                          WHERE
                            "t1"."chamber" = 'senate'
                        ) AS "t5"
                        INNER JOIN (
                          SELECT
                            "t6"."m_id",
                            "t6"."_last" AS "m_last",
                            REPLACE("t6"."_last", ' ', '') AS "m_last_sq",
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
                            END AS "m_last_w1",
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
                            END AS "m_last_wn",
                            FLATTEN(
                              LIST_APPLY(
                                LIST_FILTER(
                                  CAST([
                                    NULLIF(REGEXP_EXTRACT("t6"."_first", '^([a-z]+)', 1), ''),
                                    NULLIF(REGEXP_EXTRACT("t6"."_first", '^[a-z] ([a-z]+)', 1), ''),
                                    NULLIF(REGEXP_EXTRACT("t6"."_quoted", '^([a-z]+)', 1), ''),
                                    NULLIF(REGEXP_EXTRACT("t6"."_nick", '^([a-z]+)', 1), '')
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
                                      NULLIF(REGEXP_EXTRACT("t6"."_first", '^([a-z]+)', 1), ''),
                                      NULLIF(REGEXP_EXTRACT("t6"."_first", '^[a-z] ([a-z]+)', 1), ''),
                                      NULLIF(REGEXP_EXTRACT("t6"."_quoted", '^([a-z]+)', 1), ''),
                                      NULLIF(REGEXP_EXTRACT("t6"."_nick", '^([a-z]+)', 1), '')
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
                              WHEN "t6"."_middle" IS NULL
                              THEN []
                              ELSE CASE "t6"."_middle"
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
                                ELSE CAST(["t6"."_middle"] AS TEXT[])
                              END
                            END AS "m_middle_keys",
                            SUBSTRING(
                              "t6"."_first",
                              CASE WHEN (
                                0 + 1
                              ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t6"."_first") END,
                              1
                            ) AS "m_initial",
                            "t6"."_middle" AS "m_middle"
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
                          ) AS "t6"
                        ) AS "t10"
                          ON "t5"."bioguide_id" = "t10"."m_id"
                      ) AS "t13"
                        ON COALESCE(
                          (
                            "t11"."f_last" = "t13"."m_last"
                          )
                          OR (
                            "t11"."f_last_sq" = "t13"."m_last_sq"
                          )
                          OR (
                            "t11"."f_last" = "t13"."m_last_w1"
                          )
                          OR (
                            "t11"."f_last" = "t13"."m_last_wn"
                          )
                          OR (
                            "t13"."m_last" = "t11"."f_last_w1"
                          )
                          OR (
                            "t13"."m_last" = "t11"."f_last_wn"
                          ),
                          FALSE
                        )
                        AND "t13"."start_date" <= "t11"."f_date"
                        AND "t13"."end_date" > (
                          "t11"."f_date" - INTERVAL '400' DAY
                        )
                    ) AS "t14"
                  ) AS "t15"
                  WHERE
                    "t15"."active" OR NOT (
                      "t15"."_serving"
                    )
                ) AS "t16"
              ) AS "t17"
              WHERE
                "t17"."rule_no" IS NOT NULL
            ) AS "t18"
          ) AS "t19"
          WHERE
            "t19"."_latest"
        ) AS "t20"
        GROUP BY
          1,
          2
      ) AS "t21"
      QUALIFY
        "t21"."order" = MIN("t21"."order") OVER (
          PARTITION BY "t21"."report_id"
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        )
    ) AS "t22"
    GROUP BY
      1
  ) AS "t23"
) AS "t25"
  ON "t3"."report_id" = "t25"."d_id"
