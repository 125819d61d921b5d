SELECT
  `t4`.`doc_id`,
  `t4`.`year`,
  `t4`.`filing_type`,
  `t4`.`filing_type_name`,
  `t4`.`filing_date`,
  `t4`.`filer_name`,
  `t4`.`prefix`,
  `t4`.`first_name`,
  `t4`.`last_name`,
  `t4`.`suffix`,
  `t4`.`state_district`,
  `t4`.`state`,
  `t4`.`district`,
  `t4`.`is_efiled`,
  `t4`.`is_amendment`,
  `t4`.`pdf_url`,
  `t10`.`document_sha256` IS NOT NULL AS `document_in_bronze`,
  `t10`.`document_sha256`,
  `t10`.`document_size_bytes`,
  `t8`.`bioguide_id`,
  `t9`.`member_key`,
  `t4`.`quality_issues`,
  `t9`.`party`
FROM `silver_filings` AS `t4`
LEFT OUTER JOIN (
  SELECT
    `t1`.`doc_id`,
    FIRST(`t1`.`sha256`) IGNORE NULLS AS `document_sha256`,
    MAX(`t1`.`size_bytes`) AS `document_size_bytes`
  FROM `bronze_house_documents` AS `t1`
  GROUP BY
    1
) AS `t10`
  ON `t4`.`doc_id` = `t10`.`doc_id`
LEFT OUTER JOIN (
  SELECT
    *
  FROM `silver_filer_matches` AS `t2`
) AS `t8`
  ON `t4`.`doc_id` = `t8`.`doc_id`
LEFT OUTER JOIN (
  SELECT
    `t3`.`bioguide_id`,
    `t3`.`member_key`,
    `t3`.`party`,
    `t3`.`valid_from`,
    `t3`.`valid_to`
  FROM `gold_dim_members` AS `t3`
) AS `t9`
  ON `t8`.`bioguide_id` = `t9`.`bioguide_id`
  AND `t4`.`filing_date` >= `t9`.`valid_from`
  AND `t4`.`filing_date` < `t9`.`valid_to`
