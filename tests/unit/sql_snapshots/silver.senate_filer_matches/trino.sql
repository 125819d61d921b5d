SELECT
  "t3"."report_id",
  "t3"."year",
  IF(COALESCE("t25"."n", 0) = 1, "t25"."only", CAST(NULL AS VARCHAR)) AS "bioguide_id",
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
    ELSE CAST(NULL AS VARCHAR)
  END AS "match_rule",
  "t25"."ids" AS "candidates",
  NULLIF(
    REGEXP_REPLACE(
      TRIM(' 	
' FROM CONCAT(
        CONCAT(
          CONCAT(CONCAT(COALESCE("t3"."first_name", ''), ' '), COALESCE("t3"."last_name", '')),
          ' '
        ),
        COALESCE("t3"."suffix", '')
      )),
      '\s+',
      ' '
    ),
    ''
  ) AS "filer_name",
  IF(COALESCE("t25"."n", 0) = 1, "t25"."only_state", CAST(NULL AS VARCHAR)) AS "state",
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
      ARRAY_JOIN(
        NULLIF(
          ARRAY_SORT(
            ARRAY_AGG(DISTINCT "t22"."bioguide_id") FILTER(WHERE
              "t22"."bioguide_id" IS NOT NULL)
          ),
          ARRAY[]
        ),
        ','
      ) AS "ids"
    FROM (
      SELECT
        "report_id",
        "bioguide_id",
        "rule_no",
        "order",
        "state"
      FROM (
        SELECT
          "t21"."report_id",
          "t21"."bioguide_id",
          "t21"."rule_no",
          "t21"."order",
          "t21"."state",
          MIN("t21"."order") OVER (
            PARTITION BY "t21"."report_id"
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS _w
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
                IF(
                  "t18"."former_office",
                  CASE "t18"."rule_no"
                    WHEN 0
                    THEN 1
                    WHEN 1
                    THEN 0
                    WHEN 2
                    THEN 3
                    WHEN 3
                    THEN 2
                    ELSE "t18"."rule_no"
                  END,
                  "t18"."rule_no"
                ) AS "order",
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
                              CARDINALITY(
                                ARRAY_INTERSECT("t11"."f_keys", CONCAT("t13"."m_first_keys", "t13"."m_middle_keys"))
                              ) > 0
                            )
                            OR (
                              CARDINALITY(ARRAY_INTERSECT("t11"."f_keys", "t13"."m_first_truncs")) > 0
                            )
                            OR (
                              CARDINALITY(
                                ARRAY_INTERSECT("t11"."f_truncs", CONCAT("t13"."m_first_keys", "t13"."m_middle_keys"))
                              ) > 0
                            )
                            OR (
                              CARDINALITY(ARRAY_INTERSECT("t11"."f_middle_keys", "t13"."m_first_keys")) > 0
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
                              CARDINALITY("t11"."f_keys") = 0
                            )
                            OR (
                              CARDINALITY(
                                ARRAY_INTERSECT(
                                  TRANSFORM(
                                    "t11"."f_keys",
                                    __ibis_param_k__ -> SUBSTR(__ibis_param_k__, IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_k__)), 1)
                                  ),
                                  TRANSFORM(
                                    CONCAT("t13"."m_first_keys", "t13"."m_middle_keys"),
                                    __ibis_param_k__ -> SUBSTR(__ibis_param_k__, IF((
                                      0 + 1
                                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(__ibis_param_k__)), 1)
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
                            ) AS "f_last_w1",
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
                            ) AS "f_last_wn",
                            FLATTEN(
                              TRANSFORM(
                                FILTER(
                                  ARRAY[NULLIF(REGEXP_EXTRACT("t7"."_plain", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_plain", '^[a-z] ([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_quoted", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_office", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_office", '^[a-z] ([a-z]+)', 1), '')],
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
                                    ARRAY[NULLIF(REGEXP_EXTRACT("t7"."_plain", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_plain", '^[a-z] ([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_quoted", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_office", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t7"."_office", '^[a-z] ([a-z]+)', 1), '')],
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
                              NULLIF(REGEXP_EXTRACT("t7"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '') IS NULL,
                              ARRAY[],
                              CASE NULLIF(REGEXP_EXTRACT("t7"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '')
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
                                ELSE ARRAY[NULLIF(REGEXP_EXTRACT("t7"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '')]
                              END
                            ) AS "f_middle_keys",
                            SUBSTR("t7"."_plain", IF((
                              0 + 1
                            ) >= 1, 0 + 1, 0 + 1 + LENGTH("t7"."_plain")), 1) AS "f_initial",
                            NULLIF(REGEXP_EXTRACT("t7"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '') AS "f_middle"
                          FROM (
                            SELECT
                              "t0"."report_id" AS "f_id",
                              "t0"."filed_date" AS "f_date",
                              COALESCE(
                                STRPOS(LOWER(TRIM(' 	
' FROM "t0"."office")), 'former') > 0,
                                FALSE
                              ) AS "f_former",
                              COALESCE(
                                STRPOS(LOWER(TRIM(' 	
' FROM "t0"."office")), 'candidate') > 0,
                                FALSE
                              ) AS "f_candidate",
                              COALESCE(
                                NULLIF(
                                  TRIM(' 	
' FROM REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      TRIM(' 	
' FROM REGEXP_REPLACE(
                                        REGEXP_REPLACE(
                                          REGEXP_REPLACE(
                                            LOWER(
                                              STRIP_ACCENTS(
                                                COALESCE(
                                                  NULLIF(TRIM(' 	
' FROM "t0"."last_name"), ''),
                                                  NULLIF(REGEXP_EXTRACT("t0"."office", '^([^,(]+),([^()]*)', 1), '')
                                                )
                                              )
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
                                      REGEXP_REPLACE(
                                        LOWER(
                                          STRIP_ACCENTS(
                                            COALESCE(
                                              NULLIF(TRIM(' 	
' FROM "t0"."last_name"), ''),
                                              NULLIF(REGEXP_EXTRACT("t0"."office", '^([^,(]+),([^()]*)', 1), '')
                                            )
                                          )
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
                                            STRIP_ACCENTS(
                                              REGEXP_REPLACE(
                                                NULLIF(REGEXP_EXTRACT("t0"."office", '^([^,(]+),([^()]*)', 2), ''),
                                                '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]',
                                                ' '
                                              )
                                            )
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
                              ) AS "m_last_w1",
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
                              ) AS "m_last_wn",
                              FLATTEN(
                                TRANSFORM(
                                  FILTER(
                                    ARRAY[NULLIF(REGEXP_EXTRACT("t6"."_first", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t6"."_first", '^[a-z] ([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t6"."_quoted", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t6"."_nick", '^([a-z]+)', 1), '')],
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
                                      ARRAY[NULLIF(REGEXP_EXTRACT("t6"."_first", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t6"."_first", '^[a-z] ([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t6"."_quoted", '^([a-z]+)', 1), ''), NULLIF(REGEXP_EXTRACT("t6"."_nick", '^([a-z]+)', 1), '')],
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
                                "t6"."_middle" IS NULL,
                                ARRAY[],
                                CASE "t6"."_middle"
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
                                  ELSE ARRAY["t6"."_middle"]
                                END
                              ) AS "m_middle_keys",
                              SUBSTR("t6"."_first", IF((
                                0 + 1
                              ) >= 1, 0 + 1, 0 + 1 + LENGTH("t6"."_first")), 1) AS "m_initial",
                              "t6"."_middle" AS "m_middle"
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
      ) AS _t
      WHERE
        "t21"."order" = _w
    ) AS "t22"
    GROUP BY
      1
  ) AS "t23"
) AS "t25"
  ON "t3"."report_id" = "t25"."d_id"
