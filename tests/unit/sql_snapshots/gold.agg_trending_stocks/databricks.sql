WITH `t3` AS (
  SELECT
    *
  FROM (
    SELECT
      `t0`.`ticker`,
      `t0`.`asset_name`,
      `t0`.`bioguide_id`,
      `t0`.`filer_name`,
      `t0`.`party`,
      `t0`.`transaction_type`,
      `t0`.`transaction_date`,
      `t0`.`filing_date`,
      `t0`.`amount_midpoint`,
      COALESCE(`t0`.`bioguide_id`, CONCAT('filer:', COALESCE(`t0`.`filer_name`, ''))) AS `_member`,
      'disclosure' AS `basis`,
      `t0`.`filing_date` AS `event_date`
    FROM `gold_fact_transactions` AS `t0`
    WHERE
      `t0`.`ticker` IS NOT NULL
  ) AS `t1`
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      `t0`.`ticker`,
      `t0`.`asset_name`,
      `t0`.`bioguide_id`,
      `t0`.`filer_name`,
      `t0`.`party`,
      `t0`.`transaction_type`,
      `t0`.`transaction_date`,
      `t0`.`filing_date`,
      `t0`.`amount_midpoint`,
      COALESCE(`t0`.`bioguide_id`, CONCAT('filer:', COALESCE(`t0`.`filer_name`, ''))) AS `_member`,
      'trade' AS `basis`,
      `t0`.`transaction_date` AS `event_date`
    FROM `gold_fact_transactions` AS `t0`
    WHERE
      `t0`.`ticker` IS NOT NULL
  ) AS `t2`
)
SELECT
  `t19`.`as_of_date`,
  `t19`.`window_days`,
  `t19`.`basis`,
  `t19`.`ticker`,
  `t19`.`asset_name`,
  `t19`.`trades`,
  `t19`.`members`,
  `t19`.`buying_members`,
  `t19`.`selling_members`,
  `t19`.`buy_volume`,
  `t19`.`sell_volume`,
  `t19`.`buy_volume` - `t19`.`sell_volume` AS `net_volume`,
  `t19`.`dem_trades`,
  `t19`.`rep_trades`,
  `t19`.`other_trades`,
  CAST((
    ROW_NUMBER() OVER (
      PARTITION BY `t19`.`as_of_date`, `t19`.`window_days`, `t19`.`basis`
      ORDER BY `t19`.`trades` DESC, `t19`.`members` DESC, `t19`.`ticker` ASC NULLS LAST
    ) - 1
  ) + 1 AS INT) AS `rank`
FROM (
  SELECT
    *
  FROM (
    SELECT
      `t12`.`as_of_date`,
      `t12`.`basis`,
      `t12`.`ticker`,
      `t12`.`asset_name`,
      `t12`.`trades`,
      `t12`.`members`,
      `t12`.`buying_members`,
      `t12`.`selling_members`,
      `t12`.`buy_volume`,
      `t12`.`sell_volume`,
      `t12`.`dem_trades`,
      `t12`.`rep_trades`,
      `t12`.`other_trades`,
      90 AS `window_days`
    FROM (
      SELECT
        `t9`.`as_of_date`,
        `t9`.`basis`,
        `t9`.`ticker`,
        MAX(`t9`.`asset_name`) AS `asset_name`,
        COUNT(*) AS `trades`,
        COUNT(DISTINCT `t9`.`_member`) AS `members`,
        COUNT(DISTINCT IF(`t9`.`transaction_type` IN ('purchase'), `t9`.`_member`, NULL)) AS `buying_members`,
        COUNT(
          DISTINCT IF(`t9`.`transaction_type` IN ('sale', 'partial_sale'), `t9`.`_member`, NULL)
        ) AS `selling_members`,
        COALESCE(SUM(IF(`t9`.`transaction_type` IN ('purchase'), `t9`.`amount_midpoint`, NULL)), 0) AS `buy_volume`,
        COALESCE(
          SUM(
            IF(`t9`.`transaction_type` IN ('sale', 'partial_sale'), `t9`.`amount_midpoint`, NULL)
          ),
          0
        ) AS `sell_volume`,
        SUM(CAST(`t9`.`party` = 'Democrat' AS BIGINT)) AS `dem_trades`,
        SUM(CAST(`t9`.`party` = 'Republican' AS BIGINT)) AS `rep_trades`,
        SUM(
          CAST(NOT (
            COALESCE(`t9`.`party` IN ('Democrat', 'Republican'), FALSE)
          ) AS BIGINT)
        ) AS `other_trades`
      FROM (
        SELECT
          `t7`.`ticker`,
          `t7`.`asset_name`,
          `t7`.`bioguide_id`,
          `t7`.`filer_name`,
          `t7`.`party`,
          `t7`.`transaction_type`,
          `t7`.`transaction_date`,
          `t7`.`filing_date`,
          `t7`.`amount_midpoint`,
          `t7`.`_member`,
          `t7`.`basis`,
          `t7`.`event_date`,
          `t8`.`a_basis`,
          `t8`.`as_of_date`
        FROM (
          SELECT
            *
          FROM `t3` AS `t4`
          WHERE
            `t4`.`event_date` IS NOT NULL
        ) AS `t7`
        INNER JOIN (
          SELECT DISTINCT
            `t4`.`basis` AS `a_basis`,
            `t4`.`event_date` AS `as_of_date`
          FROM `t3` AS `t4`
          WHERE
            `t4`.`event_date` IS NOT NULL
        ) AS `t8`
          ON `t7`.`basis` = `t8`.`a_basis`
          AND `t7`.`event_date` <= `t8`.`as_of_date`
          AND `t7`.`event_date` > (
            `t8`.`as_of_date` - INTERVAL '90' DAY
          )
      ) AS `t9`
      GROUP BY
        1,
        2,
        3
    ) AS `t12`
  ) AS `t15`
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        `t13`.`as_of_date`,
        `t13`.`basis`,
        `t13`.`ticker`,
        `t13`.`asset_name`,
        `t13`.`trades`,
        `t13`.`members`,
        `t13`.`buying_members`,
        `t13`.`selling_members`,
        `t13`.`buy_volume`,
        `t13`.`sell_volume`,
        `t13`.`dem_trades`,
        `t13`.`rep_trades`,
        `t13`.`other_trades`,
        7 AS `window_days`
      FROM (
        SELECT
          `t10`.`as_of_date`,
          `t10`.`basis`,
          `t10`.`ticker`,
          MAX(`t10`.`asset_name`) AS `asset_name`,
          COUNT(*) AS `trades`,
          COUNT(DISTINCT `t10`.`_member`) AS `members`,
          COUNT(DISTINCT IF(`t10`.`transaction_type` IN ('purchase'), `t10`.`_member`, NULL)) AS `buying_members`,
          COUNT(
            DISTINCT IF(`t10`.`transaction_type` IN ('sale', 'partial_sale'), `t10`.`_member`, NULL)
          ) AS `selling_members`,
          COALESCE(
            SUM(IF(`t10`.`transaction_type` IN ('purchase'), `t10`.`amount_midpoint`, NULL)),
            0
          ) AS `buy_volume`,
          COALESCE(
            SUM(
              IF(`t10`.`transaction_type` IN ('sale', 'partial_sale'), `t10`.`amount_midpoint`, NULL)
            ),
            0
          ) AS `sell_volume`,
          SUM(CAST(`t10`.`party` = 'Democrat' AS BIGINT)) AS `dem_trades`,
          SUM(CAST(`t10`.`party` = 'Republican' AS BIGINT)) AS `rep_trades`,
          SUM(
            CAST(NOT (
              COALESCE(`t10`.`party` IN ('Democrat', 'Republican'), FALSE)
            ) AS BIGINT)
          ) AS `other_trades`
        FROM (
          SELECT
            `t7`.`ticker`,
            `t7`.`asset_name`,
            `t7`.`bioguide_id`,
            `t7`.`filer_name`,
            `t7`.`party`,
            `t7`.`transaction_type`,
            `t7`.`transaction_date`,
            `t7`.`filing_date`,
            `t7`.`amount_midpoint`,
            `t7`.`_member`,
            `t7`.`basis`,
            `t7`.`event_date`,
            `t8`.`a_basis`,
            `t8`.`as_of_date`
          FROM (
            SELECT
              *
            FROM `t3` AS `t4`
            WHERE
              `t4`.`event_date` IS NOT NULL
          ) AS `t7`
          INNER JOIN (
            SELECT DISTINCT
              `t4`.`basis` AS `a_basis`,
              `t4`.`event_date` AS `as_of_date`
            FROM `t3` AS `t4`
            WHERE
              `t4`.`event_date` IS NOT NULL
          ) AS `t8`
            ON `t7`.`basis` = `t8`.`a_basis`
            AND `t7`.`event_date` <= `t8`.`as_of_date`
            AND `t7`.`event_date` > (
              `t8`.`as_of_date` - INTERVAL '7' DAY
            )
        ) AS `t10`
        GROUP BY
          1,
          2,
          3
      ) AS `t13`
    ) AS `t16`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        `t14`.`as_of_date`,
        `t14`.`basis`,
        `t14`.`ticker`,
        `t14`.`asset_name`,
        `t14`.`trades`,
        `t14`.`members`,
        `t14`.`buying_members`,
        `t14`.`selling_members`,
        `t14`.`buy_volume`,
        `t14`.`sell_volume`,
        `t14`.`dem_trades`,
        `t14`.`rep_trades`,
        `t14`.`other_trades`,
        30 AS `window_days`
      FROM (
        SELECT
          `t11`.`as_of_date`,
          `t11`.`basis`,
          `t11`.`ticker`,
          MAX(`t11`.`asset_name`) AS `asset_name`,
          COUNT(*) AS `trades`,
          COUNT(DISTINCT `t11`.`_member`) AS `members`,
          COUNT(DISTINCT IF(`t11`.`transaction_type` IN ('purchase'), `t11`.`_member`, NULL)) AS `buying_members`,
          COUNT(
            DISTINCT IF(`t11`.`transaction_type` IN ('sale', 'partial_sale'), `t11`.`_member`, NULL)
          ) AS `selling_members`,
          COALESCE(
            SUM(IF(`t11`.`transaction_type` IN ('purchase'), `t11`.`amount_midpoint`, NULL)),
            0
          ) AS `buy_volume`,
          COALESCE(
            SUM(
              IF(`t11`.`transaction_type` IN ('sale', 'partial_sale'), `t11`.`amount_midpoint`, NULL)
            ),
            0
          ) AS `sell_volume`,
          SUM(CAST(`t11`.`party` = 'Democrat' AS BIGINT)) AS `dem_trades`,
          SUM(CAST(`t11`.`party` = 'Republican' AS BIGINT)) AS `rep_trades`,
          SUM(
            CAST(NOT (
              COALESCE(`t11`.`party` IN ('Democrat', 'Republican'), FALSE)
            ) AS BIGINT)
          ) AS `other_trades`
        FROM (
          SELECT
            `t7`.`ticker`,
            `t7`.`asset_name`,
            `t7`.`bioguide_id`,
            `t7`.`filer_name`,
            `t7`.`party`,
            `t7`.`transaction_type`,
            `t7`.`transaction_date`,
            `t7`.`filing_date`,
            `t7`.`amount_midpoint`,
            `t7`.`_member`,
            `t7`.`basis`,
            `t7`.`event_date`,
            `t8`.`a_basis`,
            `t8`.`as_of_date`
          FROM (
            SELECT
              *
            FROM `t3` AS `t4`
            WHERE
              `t4`.`event_date` IS NOT NULL
          ) AS `t7`
          INNER JOIN (
            SELECT DISTINCT
              `t4`.`basis` AS `a_basis`,
              `t4`.`event_date` AS `as_of_date`
            FROM `t3` AS `t4`
            WHERE
              `t4`.`event_date` IS NOT NULL
          ) AS `t8`
            ON `t7`.`basis` = `t8`.`a_basis`
            AND `t7`.`event_date` <= `t8`.`as_of_date`
            AND `t7`.`event_date` > (
              `t8`.`as_of_date` - INTERVAL '30' DAY
            )
        ) AS `t11`
        GROUP BY
          1,
          2,
          3
      ) AS `t14`
    ) AS `t17`
  ) AS `t18`
) AS `t19`
