WITH "t27" AS (
  SELECT
    "t24"."doc_id",
    "t24"."line_no",
    "t24"."year",
    "t24"."owner",
    "t24"."asset_name",
    "t24"."ticker",
    "t24"."asset_type",
    "t24"."transaction_type",
    "t24"."transaction_date",
    "t24"."notification_date",
    "t24"."amount_range",
    "t24"."amount_low",
    "t24"."amount_high",
    "t24"."cap_gains_over_200",
    "t24"."filing_status",
    "t24"."subholding_of",
    "t24"."description",
    "t24"."comment",
    "t24"."page",
    "t24"."row_checks_failed",
    "t24"."extraction_method",
    "t24"."extractor_version",
    "t24"."pdf_sha256",
    "t24"."extracted_at",
    "t24"."location",
    "t24"."row_id",
    "t24"."reviewed_by",
    "t24"."reviewed_at",
    "t18"."f_doc",
    "t18"."filing_date",
    "t18"."filer_name",
    "t18"."state_district",
    "t18"."pdf_url",
    "t19"."m_doc",
    "t19"."bioguide_id"
  FROM (
    SELECT
      *
    FROM "silver_ptr_transactions" AS "t4"
    WHERE
      COALESCE("t4"."row_checks_failed", '') = ''
  ) AS "t24"
  INNER JOIN (
    SELECT
      "t5"."doc_id" AS "f_doc",
      "t5"."filing_date",
      "t5"."filer_name",
      "t5"."state_district",
      "t5"."pdf_url"
    FROM "silver_filings" AS "t5"
  ) AS "t18"
    ON "t24"."doc_id" = "t18"."f_doc"
  LEFT OUTER JOIN (
    SELECT
      "t6"."doc_id" AS "m_doc",
      "t6"."bioguide_id"
    FROM "silver_filer_matches" AS "t6"
  ) AS "t19"
    ON "t24"."doc_id" = "t19"."m_doc"
)
SELECT
  "t39"."key_base" + CASE
    WHEN "t39"."key_base" < 0
    THEN -(
      CAST("t39"."line_no" AS BIGINT)
    )
    ELSE CAST("t39"."line_no" AS BIGINT)
  END AS "transaction_key",
  "t39"."doc_id",
  "t39"."line_no",
  "t39"."year",
  "t39"."bioguide_id",
  "t39"."member_key",
  "t39"."filer_name",
  "t13"."party",
  "t13"."state",
  "t13"."district",
  "t39"."filed_with" AS "chamber",
  "t39"."owner",
  "t39"."ticker",
  "t39"."asset_name",
  "t39"."asset_type",
  "t39"."asset_key",
  "t39"."transaction_type",
  "t39"."transaction_date",
  "t39"."notification_date",
  "t39"."filing_date",
  "t39"."amount_range",
  "t39"."amount_low",
  "t39"."amount_high",
  CASE
    WHEN "t39"."amount_high" IS NULL
    THEN CAST("t39"."amount_low" AS DOUBLE)
    ELSE CAST("t39"."amount_low" + "t39"."amount_high" AS DOUBLE) / 2
  END AS "amount_midpoint",
  CAST(DATE_DIFF('DAY', "t39"."transaction_date", "t39"."notification_date") AS INT) AS "days_to_notification",
  CAST(DATE_DIFF('DAY', "t39"."transaction_date", "t39"."filing_date") AS INT) AS "days_to_filing",
  CASE
    WHEN "t39"."notification_date" IS NULL
    THEN "t39"."transaction_date" + INTERVAL '45' DAY
    ELSE LEAST(
      "t39"."transaction_date" + INTERVAL '45' DAY,
      "t39"."notification_date" + INTERVAL '30' DAY
    )
  END AS "due_date",
  "t39"."filing_date" > CASE
    WHEN "t39"."notification_date" IS NULL
    THEN "t39"."transaction_date" + INTERVAL '45' DAY
    ELSE LEAST(
      "t39"."transaction_date" + INTERVAL '45' DAY,
      "t39"."notification_date" + INTERVAL '30' DAY
    )
  END AS "is_late",
  "t39"."cap_gains_over_200",
  "t39"."description",
  "t39"."subholding_of",
  "t39"."pdf_url",
  "t39"."extraction_method",
  "t39"."extractor_version"
FROM (
  SELECT
    "t37"."key_base",
    "t37"."doc_id",
    "t37"."line_no",
    "t37"."year",
    "t37"."bioguide_id",
    "t37"."filer_name",
    "t37"."owner",
    "t37"."ticker",
    "t37"."asset_name",
    "t37"."asset_type",
    "t37"."asset_key",
    "t37"."transaction_type",
    "t37"."transaction_date",
    "t37"."notification_date",
    "t37"."filing_date",
    "t37"."amount_range",
    "t37"."amount_low",
    "t37"."amount_high",
    "t37"."cap_gains_over_200",
    "t37"."description",
    "t37"."subholding_of",
    "t37"."pdf_url",
    "t37"."extraction_method",
    "t37"."extractor_version",
    "t37"."filed_with",
    "t37"."k1",
    "t37"."b1",
    "t37"."f1",
    "t37"."t1",
    "t37"."k2",
    "t37"."b2",
    "t37"."f2",
    "t37"."t2",
    COALESCE("t37"."k1", "t37"."k2") AS "member_key"
  FROM (
    SELECT
      "t36"."key_base",
      "t36"."doc_id",
      "t36"."line_no",
      "t36"."year",
      "t36"."bioguide_id",
      "t36"."filer_name",
      "t36"."owner",
      "t36"."ticker",
      "t36"."asset_name",
      "t36"."asset_type",
      "t36"."asset_key",
      "t36"."transaction_type",
      "t36"."transaction_date",
      "t36"."notification_date",
      "t36"."filing_date",
      "t36"."amount_range",
      "t36"."amount_low",
      "t36"."amount_high",
      "t36"."cap_gains_over_200",
      "t36"."description",
      "t36"."subholding_of",
      "t36"."pdf_url",
      "t36"."extraction_method",
      "t36"."extractor_version",
      "t36"."filed_with",
      "t14"."k1",
      "t14"."b1",
      "t14"."f1",
      "t14"."t1",
      "t15"."k2",
      "t15"."b2",
      "t15"."f2",
      "t15"."t2"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          CAST("t32"."doc_id" AS BIGINT) * 10000 AS "key_base",
          "t32"."doc_id",
          "t32"."line_no",
          "t32"."year",
          "t32"."bioguide_id",
          "t32"."filer_name",
          "t32"."owner",
          "t32"."ticker",
          "t32"."asset_name",
          "t32"."asset_type",
          "t32"."asset_key",
          "t32"."transaction_type",
          "t32"."transaction_date",
          "t32"."notification_date",
          "t32"."filing_date",
          "t32"."amount_range",
          "t32"."amount_low",
          "t32"."amount_high",
          "t32"."cap_gains_over_200",
          "t32"."description",
          "t32"."subholding_of",
          "t32"."pdf_url",
          "t32"."extraction_method",
          "t32"."extractor_version",
          'house' AS "filed_with"
        FROM (
          SELECT
            "t28"."doc_id",
            "t28"."line_no",
            "t28"."year",
            "t28"."owner",
            "t28"."asset_name",
            "t28"."ticker",
            "t28"."asset_type",
            "t28"."transaction_type",
            "t28"."transaction_date",
            "t28"."notification_date",
            "t28"."amount_range",
            "t28"."amount_low",
            "t28"."amount_high",
            "t28"."cap_gains_over_200",
            "t28"."filing_status",
            "t28"."subholding_of",
            "t28"."description",
            "t28"."comment",
            "t28"."page",
            "t28"."row_checks_failed",
            "t28"."extraction_method",
            "t28"."extractor_version",
            "t28"."pdf_sha256",
            "t28"."extracted_at",
            "t28"."location",
            "t28"."row_id",
            "t28"."reviewed_by",
            "t28"."reviewed_at",
            "t28"."f_doc",
            "t28"."filing_date",
            "t28"."filer_name",
            "t28"."state_district",
            "t28"."pdf_url",
            "t28"."m_doc",
            "t28"."bioguide_id",
            COALESCE(
              "t28"."bioguide_id",
              COALESCE("t28"."filer_name", '') || '|' || COALESCE("t28"."state_district", '')
            ) AS "filer_key",
            CASE
              WHEN "t28"."ticker" IS NOT NULL
              THEN 'T:' || "t28"."ticker"
              ELSE 'N:' || UPPER(
                TRIM(REGEXP_REPLACE("t28"."asset_name", '\s+', ' ', 'g'), ' 	
')
              )
            END AS "asset_key"
          FROM "t27" AS "t28"
        ) AS "t32"
        ANTI JOIN (
          SELECT
            COALESCE(
              "t28"."bioguide_id",
              COALESCE("t28"."filer_name", '') || '|' || COALESCE("t28"."state_district", '')
            ) AS "a_filer",
            CASE
              WHEN "t28"."ticker" IS NOT NULL
              THEN 'T:' || "t28"."ticker"
              ELSE 'N:' || UPPER(
                TRIM(REGEXP_REPLACE("t28"."asset_name", '\s+', ' ', 'g'), ' 	
')
              )
            END AS "a_asset",
            "t28"."transaction_date" AS "a_date",
            COALESCE("t28"."owner", '') AS "a_owner",
            "t28"."filing_date" AS "a_filed",
            "t28"."doc_id" AS "a_doc"
          FROM "t27" AS "t28"
          WHERE
            COALESCE(STARTS_WITH(LOWER("t28"."filing_status"), 'amend'), FALSE)
        ) AS "t33"
          ON "t32"."filer_key" = "t33"."a_filer"
          AND "t32"."asset_key" = "t33"."a_asset"
          AND "t32"."transaction_date" = "t33"."a_date"
          AND COALESCE("t32"."owner", '') = "t33"."a_owner"
          AND "t32"."doc_id" <> "t33"."a_doc"
          AND "t32"."filing_date" < "t33"."a_filed"
      ) AS "t34"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          (
            MD5_NUMBER_UPPER("t23"."report_id") % 100000000000000
          ) * -10000 AS "key_base",
          "t23"."report_id" AS "doc_id",
          "t23"."line_no",
          "t23"."year",
          "t17"."bioguide_id",
          "t26"."filer_name",
          "t23"."owner",
          "t23"."ticker",
          "t23"."asset_name",
          CASE "t23"."asset_type"
            WHEN 'Stock'
            THEN 'ST'
            WHEN 'Stock Option'
            THEN 'OP'
            WHEN 'Corporate Bond'
            THEN 'CS'
            WHEN 'Municipal Security'
            THEN 'GS'
            WHEN 'Non-Public Stock'
            THEN 'PS'
            WHEN 'Other Securities'
            THEN 'OT'
            WHEN 'Cryptocurrency'
            THEN 'CT'
            WHEN 'Mutual Fund'
            THEN 'MF'
            WHEN 'Exchange Traded Fund'
            THEN 'EF'
            ELSE CASE WHEN "t23"."asset_type" IS NULL THEN CAST(NULL AS TEXT) ELSE 'OT' END
          END AS "asset_type",
          CASE
            WHEN "t23"."ticker" IS NOT NULL
            THEN 'T:' || "t23"."ticker"
            ELSE 'N:' || UPPER(
              TRIM(REGEXP_REPLACE("t23"."asset_name", '\s+', ' ', 'g'), ' 	
')
            )
          END AS "asset_key",
          "t23"."transaction_type",
          "t23"."transaction_date",
          CAST(NULL AS DATE) AS "notification_date",
          "t26"."filing_date",
          "t23"."amount_range",
          "t23"."amount_low",
          "t23"."amount_high",
          CAST(NULL AS BOOLEAN) AS "cap_gains_over_200",
          "t23"."description",
          CAST(NULL AS TEXT) AS "subholding_of",
          "t26"."report_url" AS "pdf_url",
          "t23"."extraction_method",
          "t23"."parser_version" AS "extractor_version",
          'senate' AS "filed_with"
        FROM (
          SELECT
            *
          FROM "silver_senate_transactions" AS "t1"
          WHERE
            COALESCE("t1"."row_checks_failed", '') = ''
        ) AS "t23"
        INNER JOIN (
          SELECT
            "t2"."report_id" AS "f_report",
            "t2"."filed_date" AS "filing_date",
            "t2"."report_url",
            TRIM(
              COALESCE("t2"."first_name", '') || ' ' || COALESCE("t2"."last_name", '') || ' ' || COALESCE("t2"."suffix", ''),
              ' 	
'
            ) AS "filer_name"
          FROM "silver_senate_filings" AS "t2"
        ) AS "t26"
          ON "t23"."report_id" = "t26"."f_report"
        ANTI JOIN (
          SELECT
            "t2"."amends_report_id" AS "s_id"
          FROM "silver_senate_filings" AS "t2"
          WHERE
            "t2"."amends_report_id" IS NOT NULL
        ) AS "t21"
          ON "t23"."report_id" = "t21"."s_id"
        LEFT OUTER JOIN (
          SELECT
            "t3"."report_id" AS "m_report",
            "t3"."bioguide_id"
          FROM "silver_senate_filer_matches" AS "t3"
        ) AS "t17"
          ON "t23"."report_id" = "t17"."m_report"
      ) AS "t29"
    ) AS "t36"
    LEFT OUTER JOIN (
      SELECT
        "t0"."member_key" AS "k1",
        "t0"."bioguide_id" AS "b1",
        "t0"."valid_from" AS "f1",
        "t0"."valid_to" AS "t1"
      FROM "gold_dim_members" AS "t0"
    ) AS "t14"
      ON "t36"."bioguide_id" = "t14"."b1"
      AND COALESCE("t36"."transaction_date", "t36"."filing_date") >= "t14"."f1"
      AND COALESCE("t36"."transaction_date", "t36"."filing_date") < "t14"."t1"
    LEFT OUTER JOIN (
      SELECT
        "t0"."member_key" AS "k2",
        "t0"."bioguide_id" AS "b2",
        "t0"."valid_from" AS "f2",
        "t0"."valid_to" AS "t2"
      FROM "gold_dim_members" AS "t0"
    ) AS "t15"
      ON "t36"."bioguide_id" = "t15"."b2"
      AND "t36"."filing_date" >= "t15"."f2"
      AND "t36"."filing_date" < "t15"."t2"
  ) AS "t37"
) AS "t39"
LEFT OUTER JOIN (
  SELECT
    "t0"."member_key" AS "mk",
    "t0"."party",
    "t0"."state",
    "t0"."district"
  FROM "gold_dim_members" AS "t0"
) AS "t13"
  ON "t39"."member_key" = "t13"."mk"
