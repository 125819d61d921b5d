SELECT
  (
    (
      (
        LOCATE(
          SUBSTRING(
            `t8`.`bioguide_id`,
            IF((
              0 + 1
            ) >= 1, 0 + 1, 0 + 1 + LENGTH(`t8`.`bioguide_id`)),
            1
          ),
          'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
        ) - 1
      ) + 1
    ) * 1000000000
  ) + (
    CAST(SUBSTRING(
      `t8`.`bioguide_id`,
      IF((
        1 + 1
      ) >= 1, 1 + 1, 1 + 1 + LENGTH(`t8`.`bioguide_id`)),
      6
    ) AS BIGINT) * 1000
  ) + CAST(`t8`.`version` AS BIGINT) AS `member_key`,
  `t8`.`bioguide_id`,
  `t2`.`first_name`,
  `t2`.`last_name`,
  COALESCE(
    `t2`.`official_full_name`,
    CONCAT(CONCAT(`t2`.`first_name`, ' '), `t2`.`last_name`)
  ) AS `full_name`,
  `t8`.`party`,
  `t8`.`chamber`,
  `t8`.`state`,
  `t8`.`district`,
  `t8`.`valid_from`,
  `t8`.`valid_to`,
  `t8`.`is_current`,
  `t8`.`version`
FROM (
  SELECT
    `t6`.`bioguide_id`,
    `t6`.`version`,
    `t6`.`party`,
    `t6`.`chamber`,
    `t6`.`state`,
    `t6`.`district`,
    `t6`.`valid_from`,
    `t6`.`_last_end`,
    COALESCE(
      LEAD(`t6`.`valid_from`) OVER (PARTITION BY `t6`.`bioguide_id` ORDER BY `t6`.`version` ASC NULLS LAST),
      `t6`.`_last_end`
    ) AS `valid_to`,
    `t6`.`version` = MAX(`t6`.`version`) OVER (
      PARTITION BY `t6`.`bioguide_id`
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS `is_current`
  FROM (
    SELECT
      `t5`.`bioguide_id`,
      `t5`.`version`,
      FIRST(`t5`.`party`) IGNORE NULLS AS `party`,
      FIRST(`t5`.`chamber`) IGNORE NULLS AS `chamber`,
      FIRST(`t5`.`state`) IGNORE NULLS AS `state`,
      FIRST(`t5`.`district`) IGNORE NULLS AS `district`,
      MIN(`t5`.`start_date`) AS `valid_from`,
      MAX(`t5`.`end_date`) AS `_last_end`
    FROM (
      SELECT
        `t4`.`bioguide_id`,
        `t4`.`term_no`,
        `t4`.`chamber`,
        `t4`.`state`,
        `t4`.`district`,
        `t4`.`party`,
        `t4`.`start_date`,
        `t4`.`end_date`,
        `t4`.`end_is_scheduled`,
        `t4`.`_seat`,
        `t4`.`_new`,
        CAST(SUM(`t4`.`_new`) OVER (
          PARTITION BY `t4`.`bioguide_id`
          ORDER BY `t4`.`start_date` ASC NULLS LAST, `t4`.`term_no` ASC NULLS LAST
          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS INT) AS `version`
      FROM (
        SELECT
          `t3`.`bioguide_id`,
          `t3`.`term_no`,
          `t3`.`chamber`,
          `t3`.`state`,
          `t3`.`district`,
          `t3`.`party`,
          `t3`.`start_date`,
          `t3`.`end_date`,
          `t3`.`end_is_scheduled`,
          `t3`.`_seat`,
          CAST(COALESCE(
            `t3`.`_seat` <> LAG(`t3`.`_seat`) OVER (
              PARTITION BY `t3`.`bioguide_id`
              ORDER BY `t3`.`start_date` ASC NULLS LAST, `t3`.`term_no` ASC NULLS LAST
            ),
            TRUE
          ) AS INT) AS `_new`
        FROM (
          SELECT
            `t1`.`bioguide_id`,
            `t1`.`term_no`,
            `t1`.`chamber`,
            `t1`.`state`,
            `t1`.`district`,
            `t1`.`party`,
            `t1`.`start_date`,
            `t1`.`end_date`,
            `t1`.`end_is_scheduled`,
            CONCAT(
              CONCAT(
                CONCAT(
                  CONCAT(CONCAT(CONCAT(COALESCE(`t1`.`party`, ''), '|'), `t1`.`chamber`), '|'),
                  `t1`.`state`
                ),
                '|'
              ),
              COALESCE(CAST(`t1`.`district` AS STRING), '')
            ) AS `_seat`
          FROM `silver_member_terms` AS `t1`
        ) AS `t3`
      ) AS `t4`
    ) AS `t5`
    GROUP BY
      1,
      2
  ) AS `t6`
) AS `t8`
LEFT OUTER JOIN `silver_members` AS `t2`
  ON `t8`.`bioguide_id` = `t2`.`bioguide_id`
