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
    WHEN (
      "t35"."i_state" IS NULL
    )
    AND COALESCE("t35"."filing_type" IN ('C', 'D', 'W'), FALSE)
    THEN 'the index gives no valid state and district, and a candidate''s filing is matched by its seat'
    WHEN "t35"."i_state" IS NULL
    THEN CONCAT(
      CONCAT(
        CONCAT(
          CONCAT(
            'the index gives no valid state and district, and no Member named ',
            COALESCE("t35"."last_name", '?')
          ),
          ' with a compatible first name served on '
        ),
        CAST("t35"."filing_date" AS VARCHAR)
      ),
      ' or in the 400 days before'
    )
    WHEN COALESCE("t35"."filing_type" IN ('C', 'D', 'W'), FALSE)
    AND (
      "t35"."near" IS NOT NULL
    )
    THEN CONCAT(
      CONCAT(
        CONCAT(
          CONCAT(
            CONCAT(
              CONCAT(
                CONCAT(
                  CONCAT(
                    CONCAT(
                      CONCAT(CONCAT('a candidate''s filing (type ', "t35"."filing_type"), '): no Member named '),
                      COALESCE("t35"."last_name", '?')
                    ),
                    ' with a compatible first name held the seat '
                  ),
                  COALESCE("t35"."state_district", '?')
                ),
                ' on '
              ),
              CAST("t35"."filing_date" AS VARCHAR)
            ),
            ' or left Congress in the 400 days before; Members of that last name in '
          ),
          "t35"."i_state"
        ),
        ' then: '
      ),
      "t35"."near"
    )
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
      "t28"."listed",
      "t33"."n_doc",
      "t33"."near"
    FROM (
      SELECT
        "t25"."doc_id",
        "t25"."year",
        "t25"."bioguide_id",
        "t25"."match_status",
        "t25"."match_rule",
        "t25"."candidates",
        "t25"."filer_name",
        "t25"."state_district",
        "t25"."filing_date",
        "t25"."filing_type",
        "t25"."last_name",
        "t25"."first_name",
        "t25"."i_state",
        "t25"."listed"
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
          "t24"."a_doc",
          "t24"."listed"
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
            "t20"."a_doc",
            ARRAY_JOIN(
              NULLIF(
                ARRAY_SORT(
                  ARRAY_AGG(CONCAT(CONCAT(CONCAT("t20"."w_name", ' ('), "t20"."w_id"), ')')) FILTER(WHERE
                    CONCAT(CONCAT(CONCAT("t20"."w_name", ' ('), "t20"."w_id"), ')') IS NOT NULL)
                ),
                ARRAY[]
              ),
              ', '
            ) AS "listed"
          FROM (
            SELECT
              "t15"."a_doc",
              "t15"."a_ids",
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
            ) AS "t15"
            INNER JOIN (
              SELECT
                "t0"."bioguide_id" AS "w_id",
                COALESCE(
                  "t0"."official_full_name",
                  CONCAT(CONCAT(COALESCE("t0"."first_name", ''), ' '), COALESCE("t0"."last_name", ''))
                ) AS "w_name"
              FROM "silver_members" AS "t0"
            ) AS "t10"
              ON STRPOS(CONCAT(CONCAT(',', "t15"."a_ids"), ','), CONCAT(CONCAT(',', "t10"."w_id"), ',')) > 0
          ) AS "t20"
          GROUP BY
            1
        ) AS "t24"
          ON "t13"."doc_id" = "t24"."a_doc"
      ) AS "t25"
    ) AS "t28"
    LEFT OUTER JOIN (
      SELECT
        "t31"."n_doc",
        ARRAY_JOIN(
          NULLIF(
            ARRAY_SORT(
              ARRAY_AGG(CONCAT(CONCAT(CONCAT("t31"."w_name", ' ('), "t31"."n_id"), ')')) FILTER(WHERE
                CONCAT(CONCAT(CONCAT("t31"."w_name", ' ('), "t31"."n_id"), ')') IS NOT NULL)
            ),
            ARRAY[]
          ),
          ', '
        ) AS "near"
      FROM (
        SELECT
          "t30"."n_doc",
          "t30"."n_id",
          "t10"."w_id",
          "t10"."w_name"
        FROM (
          SELECT DISTINCT
            *
          FROM (
            SELECT
              "t19"."n_doc",
              "t22"."n_id"
            FROM (
              SELECT
                "t2"."doc_id" AS "n_doc",
                "t2"."filing_date" AS "n_date",
                "t2"."state" AS "n_state",
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
                ) AS "n_last",
                REPLACE(
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
                  ),
                  ' ',
                  ''
                ) AS "n_last_sq",
                IF(
                  (
                    STRPOS(
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
                      ),
                      ' '
                    ) > 0
                  )
                  AND NOT (
                    REGEXP_LIKE(
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
                      ),
                      '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                    )
                  ),
                  NULLIF(
                    REGEXP_EXTRACT(
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
                      ),
                      '^([a-z]+)',
                      1
                    ),
                    ''
                  ),
                  CAST(NULL AS VARCHAR)
                ) AS "n_last_w1",
                IF(
                  (
                    STRPOS(
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
                      ),
                      ' '
                    ) > 0
                  )
                  AND NOT (
                    REGEXP_LIKE(
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
                      ),
                      '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                    )
                  ),
                  NULLIF(
                    REGEXP_EXTRACT(
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
                      ),
                      '([a-z]+)$',
                      1
                    ),
                    ''
                  ),
                  CAST(NULL AS VARCHAR)
                ) AS "n_last_wn"
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
                "t18"."n_id",
                "t18"."n_mlast",
                "t18"."n_mlast_sq",
                "t18"."n_mlast_w1",
                "t18"."n_mlast_wn"
              FROM "silver_member_terms" AS "t4"
              INNER JOIN (
                SELECT
                  "t0"."bioguide_id" AS "n_id",
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
                  ) AS "n_mlast",
                  REPLACE(
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
                    ),
                    ' ',
                    ''
                  ) AS "n_mlast_sq",
                  IF(
                    (
                      STRPOS(
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
                        ),
                        ' '
                      ) > 0
                    )
                    AND NOT (
                      REGEXP_LIKE(
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
                        ),
                        '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                      )
                    ),
                    NULLIF(
                      REGEXP_EXTRACT(
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
                        ),
                        '^([a-z]+)',
                        1
                      ),
                      ''
                    ),
                    CAST(NULL AS VARCHAR)
                  ) AS "n_mlast_w1",
                  IF(
                    (
                      STRPOS(
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
                        ),
                        ' '
                      ) > 0
                    )
                    AND NOT (
                      REGEXP_LIKE(
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
                        ),
                        '\b(da|das|de|del|della|den|der|des|di|do|dos|du|la|le|mac|san|santa|st|saint|ten|ter|van|von)\b'
                      )
                    ),
                    NULLIF(
                      REGEXP_EXTRACT(
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
                        ),
                        '([a-z]+)$',
                        1
                      ),
                      ''
                    ),
                    CAST(NULL AS VARCHAR)
                  ) AS "n_mlast_wn"
                FROM "silver_members" AS "t0"
              ) AS "t18"
                ON "t4"."bioguide_id" = "t18"."n_id"
            ) AS "t22"
              ON "t22"."state" = "t19"."n_state"
              AND COALESCE(
                (
                  "t19"."n_last" = "t22"."n_mlast"
                )
                OR (
                  "t19"."n_last_sq" = "t22"."n_mlast_sq"
                )
                OR (
                  "t19"."n_last" = "t22"."n_mlast_w1"
                )
                OR (
                  "t19"."n_last" = "t22"."n_mlast_wn"
                )
                OR (
                  "t22"."n_mlast" = "t19"."n_last_w1"
                )
                OR (
                  "t22"."n_mlast" = "t19"."n_last_wn"
                ),
                FALSE
              )
              AND "t22"."start_date" <= "t19"."n_date"
              AND "t22"."end_date" > (
                "t19"."n_date" - INTERVAL '400' DAY
              )
          ) AS "t26"
        ) AS "t30"
        INNER JOIN (
          SELECT
            "t0"."bioguide_id" AS "w_id",
            COALESCE(
              "t0"."official_full_name",
              CONCAT(CONCAT(COALESCE("t0"."first_name", ''), ' '), COALESCE("t0"."last_name", ''))
            ) AS "w_name"
          FROM "silver_members" AS "t0"
        ) AS "t10"
          ON "t30"."n_id" = "t10"."w_id"
      ) AS "t31"
      GROUP BY
        1
    ) AS "t33"
      ON "t28"."doc_id" = "t33"."n_doc"
  ) AS "t34"
) AS "t35"
