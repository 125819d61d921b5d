WITH `t21` AS (
  SELECT
    *
  FROM (
    SELECT
      `t7`.`doc_id`,
      `t7`.`year`,
      `t7`.`filing_type`,
      `t7`.`filing_type_name`,
      `t7`.`filing_date`,
      `t7`.`filer_name`,
      `t7`.`prefix`,
      `t7`.`first_name`,
      `t7`.`last_name`,
      `t7`.`suffix`,
      `t7`.`state_district`,
      `t7`.`state`,
      `t7`.`district`,
      `t7`.`is_efiled`,
      `t7`.`is_amendment`,
      `t7`.`pdf_url`,
      `t7`.`quality_issues`,
      `t17`.`document_sha256`,
      `t17`.`document_size_bytes`,
      `t13`.`bioguide_id`,
      'house' AS `chamber`
    FROM `silver_filings` AS `t7`
    LEFT OUTER JOIN (
      SELECT
        `t2`.`doc_id`,
        FIRST(`t2`.`sha256`) IGNORE NULLS AS `document_sha256`,
        MAX(`t2`.`size_bytes`) AS `document_size_bytes`
      FROM `bronze_house_documents` AS `t2`
      GROUP BY
        1
    ) AS `t17`
      ON `t7`.`doc_id` = `t17`.`doc_id`
    LEFT OUTER JOIN (
      SELECT
        *
      FROM `silver_filer_matches` AS `t3`
    ) AS `t13`
      ON `t7`.`doc_id` = `t13`.`doc_id`
  ) AS `t19`
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      `t8`.`report_id` AS `doc_id`,
      `t8`.`year`,
      'P' AS `filing_type`,
      'Periodic Transaction Report' AS `filing_type_name`,
      `t8`.`filed_date` AS `filing_date`,
      TRIM(' \t\n\r\v\f' FROM CONCAT(
        CONCAT(
          CONCAT(CONCAT(COALESCE(`t8`.`first_name`, ''), ' '), COALESCE(`t8`.`last_name`, '')),
          ' '
        ),
        COALESCE(`t8`.`suffix`, '')
      )) AS `filer_name`,
      CAST(NULL AS STRING) AS `prefix`,
      `t8`.`first_name`,
      `t8`.`last_name`,
      `t8`.`suffix`,
      CAST(NULL AS STRING) AS `state_district`,
      `t15`.`state`,
      CAST(NULL AS INT) AS `district`,
      `t8`.`report_kind` = 'ptr' AS `is_efiled`,
      `t8`.`is_amendment`,
      `t8`.`report_url` AS `pdf_url`,
      ARRAY() AS `quality_issues`,
      `t18`.`document_sha256`,
      `t18`.`document_size_bytes`,
      `t15`.`bioguide_id`,
      'senate' AS `chamber`
    FROM `silver_senate_filings` AS `t8`
    LEFT OUTER JOIN (
      SELECT
        `t4`.`report_id`,
        FIRST(`t4`.`sha256`) IGNORE NULLS AS `document_sha256`,
        MAX(`t4`.`size_bytes`) AS `document_size_bytes`
      FROM `bronze_senate_reports` AS `t4`
      GROUP BY
        1
    ) AS `t18`
      ON `t8`.`report_id` = `t18`.`report_id`
    LEFT OUTER JOIN (
      SELECT
        `t5`.`report_id` AS `m_report`,
        `t5`.`bioguide_id`,
        `t5`.`state`
      FROM `silver_senate_filer_matches` AS `t5`
    ) AS `t15`
      ON `t8`.`report_id` = `t15`.`m_report`
  ) AS `t20`
)
SELECT
  `t23`.`doc_id`,
  `t23`.`year`,
  `t23`.`filing_type`,
  `t23`.`filing_type_name`,
  `t23`.`filing_date`,
  `t23`.`filer_name`,
  `t23`.`prefix`,
  `t23`.`first_name`,
  `t23`.`last_name`,
  `t23`.`suffix`,
  `t23`.`state_district`,
  `t23`.`state`,
  `t23`.`district`,
  `t23`.`is_efiled`,
  `t23`.`is_amendment`,
  `t23`.`pdf_url`,
  `t23`.`document_sha256` IS NOT NULL AS `document_in_bronze`,
  `t23`.`document_sha256`,
  `t23`.`document_size_bytes`,
  `t23`.`bioguide_id`,
  `t29`.`member_key`,
  `t23`.`quality_issues`,
  `t29`.`party`,
  `t23`.`chamber`
FROM `t21` AS `t23`
LEFT OUTER JOIN (
  SELECT
    `t27`.`doc_id`,
    `t27`.`member_key`,
    `t27`.`party`
  FROM (
    SELECT
      `t26`.`doc_id`,
      `t26`.`bioguide_id`,
      `t26`.`filing_date`,
      `t26`.`v_bioguide`,
      `t26`.`member_key`,
      `t26`.`party`,
      `t26`.`valid_from`,
      `t26`.`valid_to`,
      ROW_NUMBER() OVER (
        PARTITION BY `t26`.`doc_id`
        ORDER BY CASE
          WHEN (
            `t26`.`filing_date` >= `t26`.`valid_from`
          )
          AND (
            `t26`.`filing_date` < `t26`.`valid_to`
          )
          THEN 0
          WHEN `t26`.`valid_from` <= `t26`.`filing_date`
          THEN 1
          ELSE 2
        END ASC NULLS LAST, IF(
          CASE
            WHEN (
              `t26`.`filing_date` >= `t26`.`valid_from`
            )
            AND (
              `t26`.`filing_date` < `t26`.`valid_to`
            )
            THEN 0
            WHEN `t26`.`valid_from` <= `t26`.`filing_date`
            THEN 1
            ELSE 2
          END = 1,
          `t26`.`valid_from`,
          CAST(NULL AS DATE)
        ) DESC, `t26`.`valid_from` ASC NULLS LAST
      ) - 1 AS `_n`
    FROM (
      SELECT
        `t25`.`doc_id`,
        `t25`.`bioguide_id`,
        `t25`.`filing_date`,
        `t16`.`v_bioguide`,
        `t16`.`member_key`,
        `t16`.`party`,
        `t16`.`valid_from`,
        `t16`.`valid_to`
      FROM (
        SELECT
          `t22`.`doc_id`,
          `t22`.`bioguide_id`,
          `t22`.`filing_date`
        FROM `t21` AS `t22`
        WHERE
          `t22`.`bioguide_id` IS NOT NULL AND `t22`.`filing_date` IS NOT NULL
      ) AS `t25`
      INNER JOIN (
        SELECT
          `t6`.`bioguide_id` AS `v_bioguide`,
          `t6`.`member_key`,
          `t6`.`party`,
          `t6`.`valid_from`,
          `t6`.`valid_to`
        FROM `gold_dim_members` AS `t6`
      ) AS `t16`
        ON `t25`.`bioguide_id` = `t16`.`v_bioguide`
    ) AS `t26`
  ) AS `t27`
  WHERE
    `t27`.`_n` = 0
) AS `t29`
  ON `t23`.`doc_id` = `t29`.`doc_id`
