WITH `t15` AS (
  SELECT
    `t4`.`doc_id`,
    `t4`.`line_no`,
    `t4`.`year`,
    `t4`.`owner`,
    `t4`.`asset_name`,
    `t4`.`ticker`,
    `t4`.`asset_type`,
    `t4`.`transaction_type`,
    `t4`.`transaction_date`,
    `t4`.`notification_date`,
    `t4`.`amount_range`,
    `t4`.`amount_low`,
    `t4`.`amount_high`,
    `t4`.`cap_gains_over_200`,
    `t4`.`filing_status`,
    `t4`.`subholding_of`,
    `t4`.`description`,
    `t4`.`comment`,
    `t4`.`page`,
    `t4`.`row_checks_failed`,
    `t4`.`extraction_method`,
    `t4`.`extractor_version`,
    `t4`.`pdf_sha256`,
    `t4`.`extracted_at`,
    `t13`.`f_doc`,
    `t13`.`filing_date`,
    `t13`.`filer_name`,
    `t13`.`state_district`,
    `t13`.`pdf_url`,
    `t14`.`m_doc`,
    `t14`.`bioguide_id`
  FROM `silver_ptr_transactions` AS `t4`
  LEFT OUTER JOIN (
    SELECT
      `t2`.`doc_id` AS `f_doc`,
      `t2`.`filing_date`,
      `t2`.`filer_name`,
      `t2`.`state_district`,
      `t2`.`pdf_url`
    FROM `silver_filings` AS `t2`
  ) AS `t13`
    ON `t4`.`doc_id` = `t13`.`f_doc`
  LEFT OUTER JOIN (
    SELECT
      `t3`.`doc_id` AS `m_doc`,
      `t3`.`bioguide_id`
    FROM `silver_filer_matches` AS `t3`
  ) AS `t14`
    ON `t4`.`doc_id` = `t14`.`m_doc`
)
SELECT
  (
    CAST(`t23`.`doc_id` AS BIGINT) * 10000
  ) + CAST(`t23`.`line_no` AS BIGINT) AS `transaction_key`,
  `t23`.`doc_id`,
  `t23`.`line_no`,
  `t23`.`year`,
  `t23`.`bioguide_id`,
  `t23`.`member_key`,
  `t23`.`filer_name`,
  `t10`.`party`,
  `t10`.`state`,
  `t10`.`district`,
  `t10`.`chamber`,
  `t23`.`owner`,
  `t23`.`ticker`,
  `t23`.`asset_name`,
  `t23`.`asset_type`,
  `t23`.`asset_key`,
  `t23`.`transaction_type`,
  `t23`.`transaction_date`,
  `t23`.`notification_date`,
  `t23`.`filing_date`,
  `t23`.`amount_range`,
  `t23`.`amount_low`,
  `t23`.`amount_high`,
  IF(
    `t23`.`amount_high` IS NULL,
    CAST(`t23`.`amount_low` AS DOUBLE),
    TRY_DIVIDE(CAST(`t23`.`amount_low` + `t23`.`amount_high` AS DOUBLE), 2)
  ) AS `amount_midpoint`,
  CAST(DATEDIFF(DAY, `t23`.`transaction_date`, `t23`.`notification_date`) AS INT) AS `days_to_notification`,
  CAST(DATEDIFF(DAY, `t23`.`transaction_date`, `t23`.`filing_date`) AS INT) AS `days_to_filing`,
  IF(
    `t23`.`notification_date` IS NULL,
    `t23`.`transaction_date` + INTERVAL '45' DAY,
    LEAST(
      `t23`.`transaction_date` + INTERVAL '45' DAY,
      `t23`.`notification_date` + INTERVAL '30' DAY
    )
  ) AS `due_date`,
  `t23`.`filing_date` > IF(
    `t23`.`notification_date` IS NULL,
    `t23`.`transaction_date` + INTERVAL '45' DAY,
    LEAST(
      `t23`.`transaction_date` + INTERVAL '45' DAY,
      `t23`.`notification_date` + INTERVAL '30' DAY
    )
  ) AS `is_late`,
  `t23`.`cap_gains_over_200`,
  `t23`.`description`,
  `t23`.`subholding_of`,
  `t23`.`pdf_url`,
  `t23`.`extraction_method`,
  `t23`.`extractor_version`
FROM (
  SELECT
    `t21`.`doc_id`,
    `t21`.`line_no`,
    `t21`.`year`,
    `t21`.`owner`,
    `t21`.`asset_name`,
    `t21`.`ticker`,
    `t21`.`asset_type`,
    `t21`.`transaction_type`,
    `t21`.`transaction_date`,
    `t21`.`notification_date`,
    `t21`.`amount_range`,
    `t21`.`amount_low`,
    `t21`.`amount_high`,
    `t21`.`cap_gains_over_200`,
    `t21`.`filing_status`,
    `t21`.`subholding_of`,
    `t21`.`description`,
    `t21`.`comment`,
    `t21`.`page`,
    `t21`.`row_checks_failed`,
    `t21`.`extraction_method`,
    `t21`.`extractor_version`,
    `t21`.`pdf_sha256`,
    `t21`.`extracted_at`,
    `t21`.`f_doc`,
    `t21`.`filing_date`,
    `t21`.`filer_name`,
    `t21`.`state_district`,
    `t21`.`pdf_url`,
    `t21`.`m_doc`,
    `t21`.`bioguide_id`,
    `t21`.`filer_key`,
    `t21`.`asset_key`,
    `t21`.`k1`,
    `t21`.`b1`,
    `t21`.`f1`,
    `t21`.`t1`,
    `t21`.`k2`,
    `t21`.`b2`,
    `t21`.`f2`,
    `t21`.`t2`,
    COALESCE(`t21`.`k1`, `t21`.`k2`) AS `member_key`
  FROM (
    SELECT
      `t19`.`doc_id`,
      `t19`.`line_no`,
      `t19`.`year`,
      `t19`.`owner`,
      `t19`.`asset_name`,
      `t19`.`ticker`,
      `t19`.`asset_type`,
      `t19`.`transaction_type`,
      `t19`.`transaction_date`,
      `t19`.`notification_date`,
      `t19`.`amount_range`,
      `t19`.`amount_low`,
      `t19`.`amount_high`,
      `t19`.`cap_gains_over_200`,
      `t19`.`filing_status`,
      `t19`.`subholding_of`,
      `t19`.`description`,
      `t19`.`comment`,
      `t19`.`page`,
      `t19`.`row_checks_failed`,
      `t19`.`extraction_method`,
      `t19`.`extractor_version`,
      `t19`.`pdf_sha256`,
      `t19`.`extracted_at`,
      `t19`.`f_doc`,
      `t19`.`filing_date`,
      `t19`.`filer_name`,
      `t19`.`state_district`,
      `t19`.`pdf_url`,
      `t19`.`m_doc`,
      `t19`.`bioguide_id`,
      `t19`.`filer_key`,
      `t19`.`asset_key`,
      `t11`.`k1`,
      `t11`.`b1`,
      `t11`.`f1`,
      `t11`.`t1`,
      `t12`.`k2`,
      `t12`.`b2`,
      `t12`.`f2`,
      `t12`.`t2`
    FROM (
      SELECT
        `t16`.`doc_id`,
        `t16`.`line_no`,
        `t16`.`year`,
        `t16`.`owner`,
        `t16`.`asset_name`,
        `t16`.`ticker`,
        `t16`.`asset_type`,
        `t16`.`transaction_type`,
        `t16`.`transaction_date`,
        `t16`.`notification_date`,
        `t16`.`amount_range`,
        `t16`.`amount_low`,
        `t16`.`amount_high`,
        `t16`.`cap_gains_over_200`,
        `t16`.`filing_status`,
        `t16`.`subholding_of`,
        `t16`.`description`,
        `t16`.`comment`,
        `t16`.`page`,
        `t16`.`row_checks_failed`,
        `t16`.`extraction_method`,
        `t16`.`extractor_version`,
        `t16`.`pdf_sha256`,
        `t16`.`extracted_at`,
        `t16`.`f_doc`,
        `t16`.`filing_date`,
        `t16`.`filer_name`,
        `t16`.`state_district`,
        `t16`.`pdf_url`,
        `t16`.`m_doc`,
        `t16`.`bioguide_id`,
        COALESCE(
          `t16`.`bioguide_id`,
          CONCAT(
            CONCAT(COALESCE(`t16`.`filer_name`, ''), '|'),
            COALESCE(`t16`.`state_district`, '')
          )
        ) AS `filer_key`,
        IF(
          `t16`.`ticker` IS NOT NULL,
          CONCAT('T:', `t16`.`ticker`),
          CONCAT(
            'N:',
            UPPER(TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(`t16`.`asset_name`, '\\s+', ' ')))
          )
        ) AS `asset_key`
      FROM `t15` AS `t16`
    ) AS `t19`
    LEFT ANTI JOIN (
      SELECT
        COALESCE(
          `t16`.`bioguide_id`,
          CONCAT(
            CONCAT(COALESCE(`t16`.`filer_name`, ''), '|'),
            COALESCE(`t16`.`state_district`, '')
          )
        ) AS `a_filer`,
        IF(
          `t16`.`ticker` IS NOT NULL,
          CONCAT('T:', `t16`.`ticker`),
          CONCAT(
            'N:',
            UPPER(TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(`t16`.`asset_name`, '\\s+', ' ')))
          )
        ) AS `a_asset`,
        `t16`.`transaction_date` AS `a_date`,
        COALESCE(`t16`.`owner`, '') AS `a_owner`,
        `t16`.`filing_date` AS `a_filed`,
        `t16`.`doc_id` AS `a_doc`
      FROM `t15` AS `t16`
      WHERE
        COALESCE(STARTSWITH(LOWER(`t16`.`filing_status`), 'amend'), FALSE)
    ) AS `t20`
      ON `t19`.`filer_key` = `t20`.`a_filer`
      AND `t19`.`asset_key` = `t20`.`a_asset`
      AND `t19`.`transaction_date` = `t20`.`a_date`
      AND COALESCE(`t19`.`owner`, '') = `t20`.`a_owner`
      AND `t19`.`doc_id` <> `t20`.`a_doc`
      AND `t19`.`filing_date` < `t20`.`a_filed`
    LEFT OUTER JOIN (
      SELECT
        `t0`.`member_key` AS `k1`,
        `t0`.`bioguide_id` AS `b1`,
        `t0`.`valid_from` AS `f1`,
        `t0`.`valid_to` AS `t1`
      FROM `gold_dim_members` AS `t0`
    ) AS `t11`
      ON `t19`.`bioguide_id` = `t11`.`b1`
      AND COALESCE(`t19`.`transaction_date`, `t19`.`filing_date`) >= `t11`.`f1`
      AND COALESCE(`t19`.`transaction_date`, `t19`.`filing_date`) < `t11`.`t1`
    LEFT OUTER JOIN (
      SELECT
        `t0`.`member_key` AS `k2`,
        `t0`.`bioguide_id` AS `b2`,
        `t0`.`valid_from` AS `f2`,
        `t0`.`valid_to` AS `t2`
      FROM `gold_dim_members` AS `t0`
    ) AS `t12`
      ON `t19`.`bioguide_id` = `t12`.`b2`
      AND `t19`.`filing_date` >= `t12`.`f2`
      AND `t19`.`filing_date` < `t12`.`t2`
  ) AS `t21`
) AS `t23`
LEFT OUTER JOIN (
  SELECT
    `t0`.`member_key` AS `mk`,
    `t0`.`party`,
    `t0`.`state`,
    `t0`.`district`,
    `t0`.`chamber`
  FROM `gold_dim_members` AS `t0`
) AS `t10`
  ON `t23`.`member_key` = `t10`.`mk`
