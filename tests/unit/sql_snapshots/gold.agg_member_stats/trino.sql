WITH "t8" AS (
  SELECT
    *
  FROM (
    SELECT
      "t1"."bioguide_id",
      "t1"."transaction_type",
      "t1"."transaction_date",
      "t1"."amount_midpoint",
      "t1"."ticker",
      "t1"."is_late",
      "t1"."days_to_filing",
      CONCAT(
        CONCAT(CAST(EXTRACT(year FROM "t1"."transaction_date") AS VARCHAR), '-Q'),
        CAST(EXTRACT(quarter FROM "t1"."transaction_date") AS VARCHAR)
      ) AS "period",
      FROM_ISO8601_DATE(
        FORMAT(
          '%04d-%02d-%02d',
          EXTRACT(year FROM "t1"."transaction_date"),
          (
            (
              EXTRACT(quarter FROM "t1"."transaction_date") - 1
            ) * 3
          ) + 1,
          1
        )
      ) AS "period_start",
      (
        FROM_ISO8601_DATE(
          FORMAT(
            '%04d-%02d-%02d',
            EXTRACT(year FROM "t1"."transaction_date"),
            (
              (
                EXTRACT(quarter FROM "t1"."transaction_date") - 1
              ) * 3
            ) + 1,
            1
          )
        ) + INTERVAL '3' MONTH
      ) - INTERVAL '1' DAY AS "period_end"
    FROM "gold_fact_transactions" AS "t1"
    WHERE
      "t1"."bioguide_id" IS NOT NULL AND "t1"."transaction_date" IS NOT NULL
  ) AS "t7"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t1"."bioguide_id",
        "t1"."transaction_type",
        "t1"."transaction_date",
        "t1"."amount_midpoint",
        "t1"."ticker",
        "t1"."is_late",
        "t1"."days_to_filing",
        'all' AS "period",
        CAST(NULL AS DATE) AS "period_start",
        CAST(NULL AS DATE) AS "period_end"
      FROM "gold_fact_transactions" AS "t1"
      WHERE
        "t1"."bioguide_id" IS NOT NULL
    ) AS "t4"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t1"."bioguide_id",
        "t1"."transaction_type",
        "t1"."transaction_date",
        "t1"."amount_midpoint",
        "t1"."ticker",
        "t1"."is_late",
        "t1"."days_to_filing",
        CAST(EXTRACT(year FROM "t1"."transaction_date") AS VARCHAR) AS "period",
        FROM_ISO8601_DATE(FORMAT('%04d-%02d-%02d', EXTRACT(year FROM "t1"."transaction_date"), 1, 1)) AS "period_start",
        FROM_ISO8601_DATE(FORMAT('%04d-%02d-%02d', EXTRACT(year FROM "t1"."transaction_date"), 12, 31)) AS "period_end"
      FROM "gold_fact_transactions" AS "t1"
      WHERE
        "t1"."bioguide_id" IS NOT NULL AND "t1"."transaction_date" IS NOT NULL
    ) AS "t5"
  ) AS "t6"
)
SELECT
  "t12"."period",
  "t12"."period_start",
  "t12"."period_end",
  "t12"."bioguide_id",
  "t3"."member_key",
  "t3"."full_name",
  "t3"."party",
  "t3"."state",
  "t12"."trades",
  "t12"."est_volume",
  "t12"."buys",
  "t12"."sells",
  "t12"."distinct_tickers",
  "t12"."late_count",
  CAST("t12"."late_count" AS DOUBLE) / NULLIF("t12"."late_known", 0) AS "late_rate",
  "t16"."median_days_to_disclose",
  "t12"."first_trade",
  "t12"."last_trade",
  "t12"."late_known"
FROM (
  SELECT
    "t9"."period",
    "t9"."bioguide_id",
    MIN("t9"."period_start") AS "period_start",
    MAX("t9"."period_end") AS "period_end",
    COUNT(*) AS "trades",
    SUM("t9"."amount_midpoint") AS "est_volume",
    COUNT(*) FILTER(WHERE
      "t9"."transaction_type" = 'purchase') AS "buys",
    COUNT(*) FILTER(WHERE
      "t9"."transaction_type" IN ('sale', 'partial_sale')) AS "sells",
    COUNT(DISTINCT "t9"."ticker") AS "distinct_tickers",
    COUNT(*) FILTER(WHERE
      COALESCE("t9"."is_late", FALSE)) AS "late_count",
    COUNT(*) FILTER(WHERE
      "t9"."is_late" IS NOT NULL) AS "late_known",
    MIN("t9"."transaction_date") AS "first_trade",
    MAX("t9"."transaction_date") AS "last_trade"
  FROM "t8" AS "t9"
  GROUP BY
    1,
    2
) AS "t12"
LEFT OUTER JOIN (
  SELECT
    "t14"."period",
    "t14"."bioguide_id",
    AVG("t14"."days_to_filing") AS "median_days_to_disclose"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t10"."bioguide_id",
        "t10"."transaction_type",
        "t10"."transaction_date",
        "t10"."amount_midpoint",
        "t10"."ticker",
        "t10"."is_late",
        "t10"."days_to_filing",
        "t10"."period",
        "t10"."period_start",
        "t10"."period_end",
        ROW_NUMBER() OVER (
          PARTITION BY "t10"."period", "t10"."bioguide_id"
          ORDER BY "t10"."days_to_filing" ASC
        ) - 1 AS "_rn",
        COUNT(*) OVER (
          PARTITION BY "t10"."period", "t10"."bioguide_id"
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) AS "_n"
      FROM (
        SELECT
          *
        FROM "t8" AS "t9"
        WHERE
          "t9"."days_to_filing" IS NOT NULL
      ) AS "t10"
    ) AS "t13"
    WHERE
      (
        "t13"."_rn" = CAST(FLOOR(CAST((
          "t13"."_n" - 1
        ) AS DOUBLE) / (
          2
        )) AS BIGINT)
      )
      OR (
        "t13"."_rn" = CAST(FLOOR(CAST((
          "t13"."_n"
        ) AS DOUBLE) / (
          2
        )) AS BIGINT)
      )
  ) AS "t14"
  GROUP BY
    1,
    2
) AS "t16"
  ON "t12"."period" = "t16"."period" AND "t12"."bioguide_id" = "t16"."bioguide_id"
LEFT OUTER JOIN (
  SELECT
    "t0"."bioguide_id",
    "t0"."member_key",
    "t0"."full_name",
    "t0"."party",
    "t0"."state"
  FROM "gold_dim_members" AS "t0"
  WHERE
    "t0"."is_current"
) AS "t3"
  ON "t12"."bioguide_id" = "t3"."bioguide_id"
