SELECT
  "t4"."doc_id",
  "t4"."year",
  "t4"."filing_type",
  "t4"."filing_type_name",
  "t4"."filing_date",
  "t4"."filer_name",
  "t4"."prefix",
  "t4"."first_name",
  "t4"."last_name",
  "t4"."suffix",
  "t4"."state_district",
  "t4"."state",
  "t4"."district",
  "t4"."is_efiled",
  "t4"."is_amendment",
  "t4"."pdf_url",
  "t10"."document_sha256" IS NOT NULL AS "document_in_bronze",
  "t10"."document_sha256",
  "t10"."document_size_bytes",
  "t8"."bioguide_id",
  "t17"."member_key",
  "t4"."quality_issues",
  "t17"."party"
FROM "silver_filings" AS "t4"
LEFT OUTER JOIN (
  SELECT
    "t1"."doc_id",
    ARBITRARY("t1"."sha256") AS "document_sha256",
    MAX("t1"."size_bytes") AS "document_size_bytes"
  FROM "bronze_house_documents" AS "t1"
  GROUP BY
    1
) AS "t10"
  ON "t4"."doc_id" = "t10"."doc_id"
LEFT OUTER JOIN (
  SELECT
    *
  FROM "silver_filer_matches" AS "t2"
) AS "t8"
  ON "t4"."doc_id" = "t8"."doc_id"
LEFT OUTER JOIN (
  SELECT
    "t15"."doc_id",
    "t15"."member_key",
    "t15"."party"
  FROM (
    SELECT
      "t14"."doc_id",
      "t14"."bioguide_id",
      "t14"."filing_date",
      "t14"."v_bioguide",
      "t14"."member_key",
      "t14"."party",
      "t14"."valid_from",
      "t14"."valid_to",
      ROW_NUMBER() OVER (
        PARTITION BY "t14"."doc_id"
        ORDER BY CASE
          WHEN (
            "t14"."filing_date" >= "t14"."valid_from"
          )
          AND (
            "t14"."filing_date" < "t14"."valid_to"
          )
          THEN 0
          WHEN "t14"."valid_from" <= "t14"."filing_date"
          THEN 1
          ELSE 2
        END ASC, IF(
          CASE
            WHEN (
              "t14"."filing_date" >= "t14"."valid_from"
            )
            AND (
              "t14"."filing_date" < "t14"."valid_to"
            )
            THEN 0
            WHEN "t14"."valid_from" <= "t14"."filing_date"
            THEN 1
            ELSE 2
          END = 1,
          "t14"."valid_from",
          CAST(NULL AS DATE)
        ) DESC, "t14"."valid_from" ASC
      ) - 1 AS "_n"
    FROM (
      SELECT
        "t13"."doc_id",
        "t13"."bioguide_id",
        "t13"."filing_date",
        "t9"."v_bioguide",
        "t9"."member_key",
        "t9"."party",
        "t9"."valid_from",
        "t9"."valid_to"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t4"."doc_id",
            "t8"."bioguide_id",
            "t4"."filing_date"
          FROM "silver_filings" AS "t4"
          LEFT OUTER JOIN (
            SELECT
              "t1"."doc_id",
              ARBITRARY("t1"."sha256") AS "document_sha256",
              MAX("t1"."size_bytes") AS "document_size_bytes"
            FROM "bronze_house_documents" AS "t1"
            GROUP BY
              1
          ) AS "t10"
            ON "t4"."doc_id" = "t10"."doc_id"
          LEFT OUTER JOIN (
            SELECT
              *
            FROM "silver_filer_matches" AS "t2"
          ) AS "t8"
            ON "t4"."doc_id" = "t8"."doc_id"
        ) AS "t11"
        WHERE
          "t11"."bioguide_id" IS NOT NULL AND "t11"."filing_date" IS NOT NULL
      ) AS "t13"
      INNER JOIN (
        SELECT
          "t3"."bioguide_id" AS "v_bioguide",
          "t3"."member_key",
          "t3"."party",
          "t3"."valid_from",
          "t3"."valid_to"
        FROM "gold_dim_members" AS "t3"
      ) AS "t9"
        ON "t13"."bioguide_id" = "t9"."v_bioguide"
    ) AS "t14"
  ) AS "t15"
  WHERE
    "t15"."_n" = 0
) AS "t17"
  ON "t4"."doc_id" = "t17"."doc_id"
