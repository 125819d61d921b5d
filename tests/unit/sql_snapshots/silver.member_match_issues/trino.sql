SELECT
  "t35"."doc_id",
  "t35"."year",
  "t35"."filing_type",
  "t35"."match_status",
  COALESCE("t35"."candidates", '') AS "candidates",
  CASE
    WHEN "t35"."match_status" = 'ambiguous'
    THEN CONCAT(
      CONCAT(
        CONCAT(CONCAT('several Members fit rule ', COALESCE("t35"."match_rule", '?')), ': '),
        COALESCE("t35"."listed", COALESCE("t35"."candidates", ''))
      ),
      '; resolve by hand'
    )
    WHEN "t35"."filing_date" IS NULL
    THEN 'the index gives no filing date, so no term can be checked'
    WHEN "t35"."i_state" IS NULL
    THEN 'the index gives no valid state and district'
    WHEN "t35"."near" IS NOT NULL
    THEN CONCAT(
      CONCAT(
        CONCAT(
          CONCAT(
            CONCAT(
              CONCAT(
                CONCAT(
                  CONCAT(
                    CONCAT(
                      CONCAT(
                        CONCAT(CONCAT('no Member named ', COALESCE("t35"."last_name", '?')), ' held the seat '),
                        COALESCE("t35"."state_district", '?')
                      ),
                      ' or served '
                    ),
                    COALESCE("t35"."i_state", '?')
                  ),
                  ' on '
                ),
                COALESCE(CAST("t35"."filing_date" AS VARCHAR), '?')
              ),
              ' or in the 400 days before'
            ),
            ' with a compatible first name; same last name but first name '''
          ),
          COALESCE("t35"."first_name", '')
        ),
        ''' does not fit: '
      ),
      "t35"."near"
    )
    ELSE CONCAT(
      CONCAT(
        CONCAT(
          CONCAT(
            CONCAT(
              CONCAT(
                CONCAT(
                  CONCAT(CONCAT('no Member named ', COALESCE("t35"."last_name", '?')), ' held the seat '),
                  COALESCE("t35"."state_district", '?')
                ),
                ' or served '
              ),
              COALESCE("t35"."i_state", '?')
            ),
            ' on '
          ),
          COALESCE(CAST("t35"."filing_date" AS VARCHAR), '?')
        ),
        ' or in the 400 days before'
      ),
      ' (candidates, officers and staff file too)'
    )
  END AS "reason",
  "t35"."filer_name",
  "t35"."state_district",
  "t35"."filing_date"
FROM (
  SELECT
    "t34"."doc_id",
    "t34"."year",
    "t34"."bioguide_id",
    "t34"."match_status",
    "t34"."match_rule",
    "t34"."candidates",
    "t34"."filer_name",
    "t34"."state_district",
    "t34"."filing_date",
    "t34"."filing_type",
    "t34"."last_name",
    "t34"."first_name",
    "t34"."i_state",
    "t34"."listed",
    "t34"."near"
  FROM (
    SELECT
      "t31"."doc_id",
      "t31"."year",
      "t31"."bioguide_id",
      "t31"."match_status",
      "t31"."match_rule",
      "t31"."candidates",
      "t31"."filer_name",
      "t31"."state_district",
      "t31"."filing_date",
      "t31"."filing_type",
      "t31"."last_name",
      "t31"."first_name",
      "t31"."i_state",
      "t31"."listed",
      "t33"."n_doc",
      "t33"."near"
    FROM (
      SELECT
        "t28"."doc_id",
        "t28"."year",
        "t28"."bioguide_id",
        "t28"."match_status",
        "t28"."match_rule",
        "t28"."candidates",
        "t28"."filer_name",
        "t28"."state_district",
        "t28"."filing_date",
        "t28"."filing_type",
        "t28"."last_name",
        "t28"."first_name",
        "t28"."i_state",
        "t28"."listed"
      FROM (
        SELECT
          "t13"."doc_id",
          "t13"."year",
          "t13"."bioguide_id",
          "t13"."match_status",
          "t13"."match_rule",
          "t13"."candidates",
          "t13"."filer_name",
          "t13"."state_district",
          "t13"."filing_date",
          "t13"."filing_type",
          "t13"."last_name",
          "t13"."first_name",
          "t13"."i_state",
          "t25"."a_doc",
          "t25"."listed"
        FROM (
          SELECT
            "t11"."doc_id",
            "t11"."year",
            "t11"."bioguide_id",
            "t11"."match_status",
            "t11"."match_rule",
            "t11"."candidates",
            "t11"."filer_name",
            "t11"."state_district",
            "t11"."filing_date",
            "t11"."filing_type",
            "t11"."last_name",
            "t11"."first_name",
            "t11"."i_state"
          FROM (
            SELECT
              "t8"."doc_id",
              "t8"."year",
              "t8"."bioguide_id",
              "t8"."match_status",
              "t8"."match_rule",
              "t8"."candidates",
              "t8"."filer_name",
              "t8"."state_district",
              "t8"."filing_date",
              "t7"."i_doc",
              "t7"."filing_type",
              "t7"."last_name",
              "t7"."first_name",
              "t7"."i_state"
            FROM (
              SELECT
                *
              FROM "silver_filer_matches" AS "t1"
              WHERE
                "t1"."match_status" <> 'matched'
            ) AS "t8"
            LEFT OUTER JOIN (
              SELECT
                "t2"."doc_id" AS "i_doc",
                "t2"."filing_type",
                "t2"."last_name",
                "t2"."first_name",
                "t2"."state" AS "i_state"
              FROM "silver_filings" AS "t2"
            ) AS "t7"
              ON "t8"."doc_id" = "t7"."i_doc"
          ) AS "t11"
        ) AS "t13"
        LEFT OUTER JOIN (
          SELECT
            "t22"."a_doc",
            ARRAY_JOIN(
              NULLIF(
                ARRAY_SORT(
                  ARRAY_AGG(CONCAT(CONCAT(CONCAT("t22"."w_name", ' ('), "t22"."w_id"), ')')) FILTER(WHERE
                    CONCAT(CONCAT(CONCAT("t22"."w_name", ' ('), "t22"."w_id"), ')') IS NOT NULL)
                ),
                ARRAY[]
              ),
              ', '
            ) AS "listed"
          FROM (
            SELECT
              "t18"."a_doc",
              "t18"."a_ids",
              "t10"."w_id",
              "t10"."w_name"
            FROM (
              SELECT
                "t12"."doc_id" AS "a_doc",
                "t12"."candidates" AS "a_ids"
              FROM (
                SELECT
                  "t11"."doc_id",
                  "t11"."year",
                  "t11"."bioguide_id",
                  "t11"."match_status",
                  "t11"."match_rule",
                  "t11"."candidates",
                  "t11"."filer_name",
                  "t11"."state_district",
                  "t11"."filing_date",
                  "t11"."filing_type",
                  "t11"."last_name",
                  "t11"."first_name",
                  "t11"."i_state"
                FROM (
                  SELECT
                    "t8"."doc_id",
                    "t8"."year",
                    "t8"."bioguide_id",
                    "t8"."match_status",
                    "t8"."match_rule",
                    "t8"."candidates",
                    "t8"."filer_name",
                    "t8"."state_district",
                    "t8"."filing_date",
                    "t7"."i_doc",
                    "t7"."filing_type",
                    "t7"."last_name",
                    "t7"."first_name",
                    "t7"."i_state"
                  FROM (
                    SELECT
                      *
                    FROM "silver_filer_matches" AS "t1"
                    WHERE
                      "t1"."match_status" <> 'matched'
                  ) AS "t8"
                  LEFT OUTER JOIN (
                    SELECT
                      "t2"."doc_id" AS "i_doc",
                      "t2"."filing_type",
                      "t2"."last_name",
                      "t2"."first_name",
                      "t2"."state" AS "i_state"
                    FROM "silver_filings" AS "t2"
                  ) AS "t7"
                    ON "t8"."doc_id" = "t7"."i_doc"
                ) AS "t11"
              ) AS "t12"
              WHERE
                "t12"."match_status" = 'ambiguous'
            ) AS "t18"
            INNER JOIN (
              SELECT
                "t0"."bioguide_id" AS "w_id",
                COALESCE(
                  "t0"."official_full_name",
                  CONCAT(CONCAT(COALESCE("t0"."first_name", ''), ' '), COALESCE("t0"."last_name", ''))
                ) AS "w_name"
              FROM "silver_members" AS "t0"
            ) AS "t10"
              ON STRPOS(CONCAT(CONCAT(',', "t18"."a_ids"), ','), CONCAT(CONCAT(',', "t10"."w_id"), ',')) > 0
          ) AS "t22"
          GROUP BY
            1
        ) AS "t25"
          ON "t13"."doc_id" = "t25"."a_doc"
      ) AS "t28"
    ) AS "t31"
    LEFT OUTER JOIN (
      SELECT
        "t30"."n_doc",
        ARRAY_JOIN(
          NULLIF(
            ARRAY_SORT(
              ARRAY_AGG(CONCAT(CONCAT(CONCAT("t30"."w_name", ' ('), "t30"."n_id"), ')')) FILTER(WHERE
                CONCAT(CONCAT(CONCAT("t30"."w_name", ' ('), "t30"."n_id"), ')') IS NOT NULL)
            ),
            ARRAY[]
          ),
          ', '
        ) AS "near"
      FROM (
        SELECT
          "t27"."n_doc",
          "t27"."n_id",
          "t10"."w_id",
          "t10"."w_name"
        FROM (
          SELECT DISTINCT
            *
          FROM (
            SELECT
              "t19"."n_doc",
              "t21"."n_id"
            FROM (
              SELECT
                "t2"."doc_id" AS "n_doc",
                "t2"."filing_date" AS "n_date",
                "t2"."state" AS "n_state",
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
                      '\b(jr|sr|ii|iii|iv)\b',
                      ' '
                    ),
                    '\s+',
                    ' '
                  )),
                  ''
                ) AS "n_last"
              FROM "silver_filings" AS "t2"
            ) AS "t19"
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
                "t17"."n_id",
                "t17"."n_member_last"
              FROM "silver_member_terms" AS "t4"
              INNER JOIN (
                SELECT
                  "t0"."bioguide_id" AS "n_id",
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
                        '\b(jr|sr|ii|iii|iv)\b',
                        ' '
                      ),
                      '\s+',
                      ' '
                    )),
                    ''
                  ) AS "n_member_last"
                FROM "silver_members" AS "t0"
              ) AS "t17"
                ON "t4"."bioguide_id" = "t17"."n_id"
            ) AS "t21"
              ON "t21"."state" = "t19"."n_state"
              AND COALESCE(
                (
                  "t19"."n_last" = "t21"."n_member_last"
                )
                OR (
                  "t19"."n_last" = NULLIF(REGEXP_EXTRACT("t21"."n_member_last", '([a-z]+)$', 1), '')
                )
                OR (
                  NULLIF(REGEXP_EXTRACT("t19"."n_last", '([a-z]+)$', 1), '') = "t21"."n_member_last"
                ),
                FALSE
              )
              AND "t21"."start_date" <= "t19"."n_date"
              AND "t21"."end_date" > (
                "t19"."n_date" - INTERVAL '400' DAY
              )
          ) AS "t23"
        ) AS "t27"
        INNER JOIN (
          SELECT
            "t0"."bioguide_id" AS "w_id",
            COALESCE(
              "t0"."official_full_name",
              CONCAT(CONCAT(COALESCE("t0"."first_name", ''), ' '), COALESCE("t0"."last_name", ''))
            ) AS "w_name"
          FROM "silver_members" AS "t0"
        ) AS "t10"
          ON "t27"."n_id" = "t10"."w_id"
      ) AS "t30"
      GROUP BY
        1
    ) AS "t33"
      ON "t31"."doc_id" = "t33"."n_doc"
  ) AS "t34"
) AS "t35"
