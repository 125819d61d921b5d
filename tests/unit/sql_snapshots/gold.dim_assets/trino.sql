SELECT
  "t7"."asset_key",
  "t7"."ticker",
  "t14"."asset_name",
  "t15"."asset_type",
  "t6"."company_name",
  "t6"."sector",
  "t7"."first_traded",
  "t7"."last_traded",
  "t7"."trade_count"
FROM (
  SELECT
    "t0"."asset_key",
    MAX("t0"."ticker") AS "ticker",
    MIN("t0"."transaction_date") AS "first_traded",
    MAX("t0"."transaction_date") AS "last_traded",
    COUNT(*) AS "trade_count"
  FROM "gold_fact_transactions" AS "t0"
  GROUP BY
    1
) AS "t7"
LEFT OUTER JOIN (
  SELECT
    "t10"."asset_key",
    "t10"."asset_name"
  FROM (
    SELECT
      "t8"."asset_key",
      "t8"."asset_name",
      "t8"."_n",
      ROW_NUMBER() OVER (PARTITION BY "t8"."asset_key" ORDER BY "t8"."_n" DESC, "t8"."asset_name" ASC) - 1 AS "_r"
    FROM (
      SELECT
        "t4"."asset_key",
        "t4"."asset_name",
        COUNT(*) AS "_n"
      FROM (
        SELECT
          *
        FROM "gold_fact_transactions" AS "t0"
        WHERE
          "t0"."asset_name" IS NOT NULL
      ) AS "t4"
      GROUP BY
        1,
        2
    ) AS "t8"
  ) AS "t10"
  WHERE
    "t10"."_r" = 0
) AS "t14"
  ON "t7"."asset_key" = "t14"."asset_key"
LEFT OUTER JOIN (
  SELECT
    "t11"."asset_key",
    "t11"."asset_type"
  FROM (
    SELECT
      "t9"."asset_key",
      "t9"."asset_type",
      "t9"."_n",
      ROW_NUMBER() OVER (PARTITION BY "t9"."asset_key" ORDER BY "t9"."_n" DESC, "t9"."asset_type" ASC) - 1 AS "_r"
    FROM (
      SELECT
        "t5"."asset_key",
        "t5"."asset_type",
        COUNT(*) AS "_n"
      FROM (
        SELECT
          *
        FROM "gold_fact_transactions" AS "t0"
        WHERE
          "t0"."asset_type" IS NOT NULL
      ) AS "t5"
      GROUP BY
        1,
        2
    ) AS "t9"
  ) AS "t11"
  WHERE
    "t11"."_r" = 0
) AS "t15"
  ON "t7"."asset_key" = "t15"."asset_key"
LEFT OUTER JOIN (
  SELECT
    "t1"."ticker" AS "s_ticker",
    "t1"."company_name",
    "t1"."sector"
  FROM "silver_securities" AS "t1"
) AS "t6"
  ON "t7"."ticker" = "t6"."s_ticker"
