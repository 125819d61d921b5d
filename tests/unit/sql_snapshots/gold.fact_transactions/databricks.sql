WITH `t16` AS (
  SELECT
    `t15`.`doc_id`,
    `t15`.`line_no`,
    `t15`.`year`,
    `t15`.`owner`,
    `t15`.`asset_name`,
    `t15`.`ticker`,
    `t15`.`asset_type`,
    `t15`.`transaction_type`,
    `t15`.`transaction_date`,
    `t15`.`notification_date`,
    `t15`.`amount_range`,
    `t15`.`amount_low`,
    `t15`.`amount_high`,
    `t15`.`cap_gains_over_200`,
    `t15`.`filing_status`,
    `t15`.`subholding_of`,
    `t15`.`description`,
    `t15`.`comment`,
    `t15`.`page`,
    `t15`.`row_checks_failed`,
    `t15`.`extraction_method`,
    `t15`.`extractor_version`,
    `t15`.`pdf_sha256`,
    `t15`.`extracted_at`,
    `t15`.`location`,
    `t15`.`row_id`,
    `t15`.`reviewed_by`,
    `t15`.`reviewed_at`,
    `t12`.`f_doc`,
    `t12`.`filing_date`,
    `t12`.`filer_name`,
    `t12`.`state_district`,
    `t12`.`pdf_url`,
    `t13`.`m_doc`,
    `t13`.`bioguide_id`
  FROM (
    SELECT
      *
    FROM `silver_ptr_transactions` AS `t1`
    WHERE
      COALESCE(`t1`.`row_checks_failed`, '') = ''
  ) AS `t15`
  INNER JOIN (
    SELECT
      `t2`.`doc_id` AS `f_doc`,
      `t2`.`filing_date`,
      `t2`.`filer_name`,
      `t2`.`state_district`,
      `t2`.`pdf_url`
    FROM `silver_filings` AS `t2`
  ) AS `t12`
    ON `t15`.`doc_id` = `t12`.`f_doc`
  LEFT OUTER JOIN (
    SELECT
      `t3`.`doc_id` AS `m_doc`,
      `t3`.`bioguide_id`
    FROM `silver_filer_matches` AS `t3`
  ) AS `t13`
    ON `t15`.`doc_id` = `t13`.`m_doc`
)
SELECT
  (
    CAST(`t24`.`doc_id` AS BIGINT) * 10000
  ) + CAST(`t24`.`line_no` AS BIGINT) AS `transaction_key`,
  `t24`.`doc_id`,
  `t24`.`line_no`,
  `t24`.`year`,
  `t24`.`bioguide_id`,
  `t24`.`member_key`,
  `t24`.`filer_name`,
  `t9`.`party`,
  `t9`.`state`,
  `t9`.`district`,
  `t9`.`chamber`,
  `t24`.`owner`,
  `t24`.`ticker`,
  `t24`.`asset_name`,
  `t24`.`asset_type`,
  `t24`.`asset_key`,
  `t24`.`transaction_type`,
  `t24`.`transaction_date`,
  `t24`.`notification_date`,
  `t24`.`filing_date`,
  `t24`.`amount_range`,
  `t24`.`amount_low`,
  `t24`.`amount_high`,
  IF(
    `t24`.`amount_high` IS NULL,
    CAST(`t24`.`amount_low` AS DOUBLE),
    TRY_DIVIDE(CAST(`t24`.`amount_low` + `t24`.`amount_high` AS DOUBLE), 2)
  ) AS `amount_midpoint`,
  CAST(DATEDIFF(DAY, `t24`.`transaction_date`, `t24`.`notification_date`) AS INT) AS `days_to_notification`,
  CAST(DATEDIFF(DAY, `t24`.`transaction_date`, `t24`.`filing_date`) AS INT) AS `days_to_filing`,
  IF(
    `t24`.`notification_date` IS NULL,
    `t24`.`transaction_date` + INTERVAL '45' DAY,
    LEAST(
      `t24`.`transaction_date` + INTERVAL '45' DAY,
      `t24`.`notification_date` + INTERVAL '30' DAY
    )
  ) AS `due_date`,
  `t24`.`filing_date` > IF(
    `t24`.`notification_date` IS NULL,
    `t24`.`transaction_date` + INTERVAL '45' DAY,
    LEAST(
      `t24`.`transaction_date` + INTERVAL '45' DAY,
      `t24`.`notification_date` + INTERVAL '30' DAY
    )
  ) AS `is_late`,
  `t24`.`cap_gains_over_200`,
  `t24`.`description`,
  `t24`.`subholding_of`,
  `t24`.`pdf_url`,
  `t24`.`extraction_method`,
  `t24`.`extractor_version`
FROM (
  SELECT
    `t22`.`doc_id`,
    `t22`.`line_no`,
    `t22`.`year`,
    `t22`.`owner`,
    `t22`.`asset_name`,
    `t22`.`ticker`,
    `t22`.`asset_type`,
    `t22`.`transaction_type`,
    `t22`.`transaction_date`,
    `t22`.`notification_date`,
    `t22`.`amount_range`,
    `t22`.`amount_low`,
    `t22`.`amount_high`,
    `t22`.`cap_gains_over_200`,
    `t22`.`filing_status`,
    `t22`.`subholding_of`,
    `t22`.`description`,
    `t22`.`comment`,
    `t22`.`page`,
    `t22`.`row_checks_failed`,
    `t22`.`extraction_method`,
    `t22`.`extractor_version`,
    `t22`.`pdf_sha256`,
    `t22`.`extracted_at`,
    `t22`.`location`,
    `t22`.`row_id`,
    `t22`.`reviewed_by`,
    `t22`.`reviewed_at`,
    `t22`.`f_doc`,
    `t22`.`filing_date`,
    `t22`.`filer_name`,
    `t22`.`state_district`,
    `t22`.`pdf_url`,
    `t22`.`m_doc`,
    `t22`.`bioguide_id`,
    `t22`.`filer_key`,
    `t22`.`asset_key`,
    `t22`.`k1`,
    `t22`.`b1`,
    `t22`.`f1`,
    `t22`.`t1`,
    `t22`.`k2`,
    `t22`.`b2`,
    `t22`.`f2`,
    `t22`.`t2`,
    COALESCE(`t22`.`k1`, `t22`.`k2`) AS `member_key`
  FROM (
    SELECT
      `t20`.`doc_id`,
      `t20`.`line_no`,
      `t20`.`year`,
      `t20`.`owner`,
      `t20`.`asset_name`,
      `t20`.`ticker`,
      `t20`.`asset_type`,
      `t20`.`transaction_type`,
      `t20`.`transaction_date`,
      `t20`.`notification_date`,
      `t20`.`amount_range`,
      `t20`.`amount_low`,
      `t20`.`amount_high`,
      `t20`.`cap_gains_over_200`,
      `t20`.`filing_status`,
      `t20`.`subholding_of`,
      `t20`.`description`,
      `t20`.`comment`,
      `t20`.`page`,
      `t20`.`row_checks_failed`,
      `t20`.`extraction_method`,
      `t20`.`extractor_version`,
      `t20`.`pdf_sha256`,
      `t20`.`extracted_at`,
      `t20`.`location`,
      `t20`.`row_id`,
      `t20`.`reviewed_by`,
      `t20`.`reviewed_at`,
      `t20`.`f_doc`,
      `t20`.`filing_date`,
      `t20`.`filer_name`,
      `t20`.`state_district`,
      `t20`.`pdf_url`,
      `t20`.`m_doc`,
      `t20`.`bioguide_id`,
      `t20`.`filer_key`,
      `t20`.`asset_key`,
      `t10`.`k1`,
      `t10`.`b1`,
      `t10`.`f1`,
      `t10`.`t1`,
      `t11`.`k2`,
      `t11`.`b2`,
      `t11`.`f2`,
      `t11`.`t2`
    FROM (
      SELECT
        `t17`.`doc_id`,
        `t17`.`line_no`,
        `t17`.`year`,
        `t17`.`owner`,
        `t17`.`asset_name`,
        `t17`.`ticker`,
        `t17`.`asset_type`,
        `t17`.`transaction_type`,
        `t17`.`transaction_date`,
        `t17`.`notification_date`,
        `t17`.`amount_range`,
        `t17`.`amount_low`,
        `t17`.`amount_high`,
        `t17`.`cap_gains_over_200`,
        `t17`.`filing_status`,
        `t17`.`subholding_of`,
        `t17`.`description`,
        `t17`.`comment`,
        `t17`.`page`,
        `t17`.`row_checks_failed`,
        `t17`.`extraction_method`,
        `t17`.`extractor_version`,
        `t17`.`pdf_sha256`,
        `t17`.`extracted_at`,
        `t17`.`location`,
        `t17`.`row_id`,
        `t17`.`reviewed_by`,
        `t17`.`reviewed_at`,
        `t17`.`f_doc`,
        `t17`.`filing_date`,
        `t17`.`filer_name`,
        `t17`.`state_district`,
        `t17`.`pdf_url`,
        `t17`.`m_doc`,
        `t17`.`bioguide_id`,
        COALESCE(
          `t17`.`bioguide_id`,
          CONCAT(
            CONCAT(COALESCE(`t17`.`filer_name`, ''), '|'),
            COALESCE(`t17`.`state_district`, '')
          )
        ) AS `filer_key`,
        IF(
          `t17`.`ticker` IS NOT NULL,
          CONCAT('T:', `t17`.`ticker`),
          CONCAT(
            'N:',
            UPPER(TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(`t17`.`asset_name`, '\\s+', ' ')))
          )
        ) AS `asset_key`
      FROM `t16` AS `t17`
    ) AS `t20`
    LEFT ANTI JOIN (
      SELECT
        COALESCE(
          `t17`.`bioguide_id`,
          CONCAT(
            CONCAT(COALESCE(`t17`.`filer_name`, ''), '|'),
            COALESCE(`t17`.`state_district`, '')
          )
        ) AS `a_filer`,
        IF(
          `t17`.`ticker` IS NOT NULL,
          CONCAT('T:', `t17`.`ticker`),
          CONCAT(
            'N:',
            UPPER(TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(`t17`.`asset_name`, '\\s+', ' ')))
          )
        ) AS `a_asset`,
        `t17`.`transaction_date` AS `a_date`,
        COALESCE(`t17`.`owner`, '') AS `a_owner`,
        `t17`.`filing_date` AS `a_filed`,
        `t17`.`doc_id` AS `a_doc`
      FROM `t16` AS `t17`
      WHERE
        COALESCE(STARTSWITH(LOWER(`t17`.`filing_status`), 'amend'), FALSE)
    ) AS `t21`
      ON `t20`.`filer_key` = `t21`.`a_filer`
      AND `t20`.`asset_key` = `t21`.`a_asset`
      AND `t20`.`transaction_date` = `t21`.`a_date`
      AND COALESCE(`t20`.`owner`, '') = `t21`.`a_owner`
      AND `t20`.`doc_id` <> `t21`.`a_doc`
      AND `t20`.`filing_date` < `t21`.`a_filed`
    LEFT OUTER JOIN (
      SELECT
        `t0`.`member_key` AS `k1`,
        `t0`.`bioguide_id` AS `b1`,
        `t0`.`valid_from` AS `f1`,
        `t0`.`valid_to` AS `t1`
      FROM `gold_dim_members` AS `t0`
    ) AS `t10`
      ON `t20`.`bioguide_id` = `t10`.`b1`
      AND COALESCE(`t20`.`transaction_date`, `t20`.`filing_date`) >= `t10`.`f1`
      AND COALESCE(`t20`.`transaction_date`, `t20`.`filing_date`) < `t10`.`t1`
    LEFT OUTER JOIN (
      SELECT
        `t0`.`member_key` AS `k2`,
        `t0`.`bioguide_id` AS `b2`,
        `t0`.`valid_from` AS `f2`,
        `t0`.`valid_to` AS `t2`
      FROM `gold_dim_members` AS `t0`
    ) AS `t11`
      ON `t20`.`bioguide_id` = `t11`.`b2`
      AND `t20`.`filing_date` >= `t11`.`f2`
      AND `t20`.`filing_date` < `t11`.`t2`
  ) AS `t22`
) AS `t24`
LEFT OUTER JOIN (
  SELECT
    `t0`.`member_key` AS `mk`,
    `t0`.`party`,
    `t0`.`state`,
    `t0`.`district`,
    `t0`.`chamber`
  FROM `gold_dim_members` AS `t0`
) AS `t9`
  ON `t24`.`member_key` = `t9`.`mk`
