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
      `t0`.`chamber`,
      `t0`.`transaction_type`,
      `t0`.`transaction_date`,
      `t0`.`filing_date`,
      `t0`.`amount_midpoint`,
      COALESCE(`t0`.`bioguide_id`, CONCAT('filer:', COALESCE(`t0`.`filer_name`, ''))) AS `_member`,
      'both' AS `scope`
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
      `t0`.`chamber`,
      `t0`.`transaction_type`,
      `t0`.`transaction_date`,
      `t0`.`filing_date`,
      `t0`.`amount_midpoint`,
      COALESCE(`t0`.`bioguide_id`, CONCAT('filer:', COALESCE(`t0`.`filer_name`, ''))) AS `_member`,
      CAST(`t0`.`chamber` AS STRING) AS `scope`
    FROM `gold_fact_transactions` AS `t0`
    WHERE
      `t0`.`ticker` IS NOT NULL AND `t0`.`chamber` IN ('house', 'senate')
  ) AS `t2`
), `t7` AS (
  SELECT
    *
  FROM (
    SELECT
      `t4`.`ticker`,
      `t4`.`asset_name`,
      `t4`.`bioguide_id`,
      `t4`.`filer_name`,
      `t4`.`party`,
      `t4`.`chamber`,
      `t4`.`transaction_type`,
      `t4`.`transaction_date`,
      `t4`.`filing_date`,
      `t4`.`amount_midpoint`,
      `t4`.`_member`,
      `t4`.`scope`,
      'disclosure' AS `basis`,
      `t4`.`filing_date` AS `event_date`
    FROM `t3` AS `t4`
  ) AS `t5`
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      `t4`.`ticker`,
      `t4`.`asset_name`,
      `t4`.`bioguide_id`,
      `t4`.`filer_name`,
      `t4`.`party`,
      `t4`.`chamber`,
      `t4`.`transaction_type`,
      `t4`.`transaction_date`,
      `t4`.`filing_date`,
      `t4`.`amount_midpoint`,
      `t4`.`_member`,
      `t4`.`scope`,
      'trade' AS `basis`,
      `t4`.`transaction_date` AS `event_date`
    FROM `t3` AS `t4`
  ) AS `t6`
)
SELECT
  `t23`.`as_of_date`,
  `t23`.`window_days`,
  `t23`.`basis`,
  `t23`.`ticker`,
  `t23`.`asset_name`,
  `t23`.`trades`,
  `t23`.`members`,
  `t23`.`buying_members`,
  `t23`.`selling_members`,
  `t23`.`buy_volume`,
  `t23`.`sell_volume`,
  `t23`.`buy_volume` - `t23`.`sell_volume` AS `net_volume`,
  `t23`.`dem_trades`,
  `t23`.`rep_trades`,
  `t23`.`other_trades`,
  CAST((
    ROW_NUMBER() OVER (
      PARTITION BY `t23`.`as_of_date`, `t23`.`window_days`, `t23`.`scope`, `t23`.`basis`
      ORDER BY `t23`.`trades` DESC, `t23`.`members` DESC, `t23`.`ticker` ASC NULLS LAST
    ) - 1
  ) + 1 AS INT) AS `rank`,
  `t23`.`scope` AS `chamber`
FROM (
  SELECT
    *
  FROM (
    SELECT
      `t16`.`as_of_date`,
      `t16`.`scope`,
      `t16`.`basis`,
      `t16`.`ticker`,
      `t16`.`asset_name`,
      `t16`.`trades`,
      `t16`.`members`,
      `t16`.`buying_members`,
      `t16`.`selling_members`,
      `t16`.`buy_volume`,
      `t16`.`sell_volume`,
      `t16`.`dem_trades`,
      `t16`.`rep_trades`,
      `t16`.`other_trades`,
      90 AS `window_days`
    FROM (
      SELECT
        `t13`.`as_of_date`,
        `t13`.`scope`,
        `t13`.`basis`,
        `t13`.`ticker`,
        MAX(`t13`.`asset_name`) AS `asset_name`,
        COUNT(*) AS `trades`,
        COUNT(DISTINCT `t13`.`_member`) AS `members`,
        COUNT(DISTINCT IF(`t13`.`transaction_type` IN ('purchase'), `t13`.`_member`, NULL)) AS `buying_members`,
        COUNT(
          DISTINCT IF(`t13`.`transaction_type` IN ('sale', 'partial_sale'), `t13`.`_member`, NULL)
        ) AS `selling_members`,
        COALESCE(
          SUM(IF(`t13`.`transaction_type` IN ('purchase'), `t13`.`amount_midpoint`, NULL)),
          0
        ) AS `buy_volume`,
        COALESCE(
          SUM(
            IF(`t13`.`transaction_type` IN ('sale', 'partial_sale'), `t13`.`amount_midpoint`, NULL)
          ),
          0
        ) AS `sell_volume`,
        SUM(CAST(`t13`.`party` = 'Democrat' AS BIGINT)) AS `dem_trades`,
        SUM(CAST(`t13`.`party` = 'Republican' AS BIGINT)) AS `rep_trades`,
        SUM(
          CAST(NOT (
            COALESCE(`t13`.`party` IN ('Democrat', 'Republican'), FALSE)
          ) AS BIGINT)
        ) AS `other_trades`
      FROM (
        SELECT
          `t11`.`ticker`,
          `t11`.`asset_name`,
          `t11`.`bioguide_id`,
          `t11`.`filer_name`,
          `t11`.`party`,
          `t11`.`chamber`,
          `t11`.`transaction_type`,
          `t11`.`transaction_date`,
          `t11`.`filing_date`,
          `t11`.`amount_midpoint`,
          `t11`.`_member`,
          `t11`.`scope`,
          `t11`.`basis`,
          `t11`.`event_date`,
          `t12`.`a_scope`,
          `t12`.`a_basis`,
          `t12`.`as_of_date`
        FROM (
          SELECT
            *
          FROM `t7` AS `t8`
          WHERE
            `t8`.`event_date` IS NOT NULL
        ) AS `t11`
        INNER JOIN (
          SELECT DISTINCT
            `t8`.`scope` AS `a_scope`,
            `t8`.`basis` AS `a_basis`,
            `t8`.`event_date` AS `as_of_date`
          FROM `t7` AS `t8`
          WHERE
            `t8`.`event_date` IS NOT NULL
        ) AS `t12`
          ON `t11`.`scope` = `t12`.`a_scope`
          AND `t11`.`basis` = `t12`.`a_basis`
          AND `t11`.`event_date` <= `t12`.`as_of_date`
          AND `t11`.`event_date` > (
            `t12`.`as_of_date` - INTERVAL '90' DAY
          )
      ) AS `t13`
      GROUP BY
        1,
        2,
        3,
        4
    ) AS `t16`
  ) AS `t19`
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        `t17`.`as_of_date`,
        `t17`.`scope`,
        `t17`.`basis`,
        `t17`.`ticker`,
        `t17`.`asset_name`,
        `t17`.`trades`,
        `t17`.`members`,
        `t17`.`buying_members`,
        `t17`.`selling_members`,
        `t17`.`buy_volume`,
        `t17`.`sell_volume`,
        `t17`.`dem_trades`,
        `t17`.`rep_trades`,
        `t17`.`other_trades`,
        7 AS `window_days`
      FROM (
        SELECT
          `t14`.`as_of_date`,
          `t14`.`scope`,
          `t14`.`basis`,
          `t14`.`ticker`,
          MAX(`t14`.`asset_name`) AS `asset_name`,
          COUNT(*) AS `trades`,
          COUNT(DISTINCT `t14`.`_member`) AS `members`,
          COUNT(DISTINCT IF(`t14`.`transaction_type` IN ('purchase'), `t14`.`_member`, NULL)) AS `buying_members`,
          COUNT(
            DISTINCT IF(`t14`.`transaction_type` IN ('sale', 'partial_sale'), `t14`.`_member`, NULL)
          ) AS `selling_members`,
          COALESCE(
            SUM(IF(`t14`.`transaction_type` IN ('purchase'), `t14`.`amount_midpoint`, NULL)),
            0
          ) AS `buy_volume`,
          COALESCE(
            SUM(
              IF(`t14`.`transaction_type` IN ('sale', 'partial_sale'), `t14`.`amount_midpoint`, NULL)
            ),
            0
          ) AS `sell_volume`,
          SUM(CAST(`t14`.`party` = 'Democrat' AS BIGINT)) AS `dem_trades`,
          SUM(CAST(`t14`.`party` = 'Republican' AS BIGINT)) AS `rep_trades`,
          SUM(
            CAST(NOT (
              COALESCE(`t14`.`party` IN ('Democrat', 'Republican'), FALSE)
            ) AS BIGINT)
          ) AS `other_trades`
        FROM (
          SELECT
            `t11`.`ticker`,
            `t11`.`asset_name`,
            `t11`.`bioguide_id`,
            `t11`.`filer_name`,
            `t11`.`party`,
            `t11`.`chamber`,
            `t11`.`transaction_type`,
            `t11`.`transaction_date`,
            `t11`.`filing_date`,
            `t11`.`amount_midpoint`,
            `t11`.`_member`,
            `t11`.`scope`,
            `t11`.`basis`,
            `t11`.`event_date`,
            `t12`.`a_scope`,
            `t12`.`a_basis`,
            `t12`.`as_of_date`
          FROM (
            SELECT
              *
            FROM `t7` AS `t8`
            WHERE
              `t8`.`event_date` IS NOT NULL
          ) AS `t11`
          INNER JOIN (
            SELECT DISTINCT
              `t8`.`scope` AS `a_scope`,
              `t8`.`basis` AS `a_basis`,
              `t8`.`event_date` AS `as_of_date`
            FROM `t7` AS `t8`
            WHERE
              `t8`.`event_date` IS NOT NULL
          ) AS `t12`
            ON `t11`.`scope` = `t12`.`a_scope`
            AND `t11`.`basis` = `t12`.`a_basis`
            AND `t11`.`event_date` <= `t12`.`as_of_date`
            AND `t11`.`event_date` > (
              `t12`.`as_of_date` - INTERVAL '7' DAY
            )
        ) AS `t14`
        GROUP BY
          1,
          2,
          3,
          4
      ) AS `t17`
    ) AS `t20`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        `t18`.`as_of_date`,
        `t18`.`scope`,
        `t18`.`basis`,
        `t18`.`ticker`,
        `t18`.`asset_name`,
        `t18`.`trades`,
        `t18`.`members`,
        `t18`.`buying_members`,
        `t18`.`selling_members`,
        `t18`.`buy_volume`,
        `t18`.`sell_volume`,
        `t18`.`dem_trades`,
        `t18`.`rep_trades`,
        `t18`.`other_trades`,
        30 AS `window_days`
      FROM (
        SELECT
          `t15`.`as_of_date`,
          `t15`.`scope`,
          `t15`.`basis`,
          `t15`.`ticker`,
          MAX(`t15`.`asset_name`) AS `asset_name`,
          COUNT(*) AS `trades`,
          COUNT(DISTINCT `t15`.`_member`) AS `members`,
          COUNT(DISTINCT IF(`t15`.`transaction_type` IN ('purchase'), `t15`.`_member`, NULL)) AS `buying_members`,
          COUNT(
            DISTINCT IF(`t15`.`transaction_type` IN ('sale', 'partial_sale'), `t15`.`_member`, NULL)
          ) AS `selling_members`,
          COALESCE(
            SUM(IF(`t15`.`transaction_type` IN ('purchase'), `t15`.`amount_midpoint`, NULL)),
            0
          ) AS `buy_volume`,
          COALESCE(
            SUM(
              IF(`t15`.`transaction_type` IN ('sale', 'partial_sale'), `t15`.`amount_midpoint`, NULL)
            ),
            0
          ) AS `sell_volume`,
          SUM(CAST(`t15`.`party` = 'Democrat' AS BIGINT)) AS `dem_trades`,
          SUM(CAST(`t15`.`party` = 'Republican' AS BIGINT)) AS `rep_trades`,
          SUM(
            CAST(NOT (
              COALESCE(`t15`.`party` IN ('Democrat', 'Republican'), FALSE)
            ) AS BIGINT)
          ) AS `other_trades`
        FROM (
          SELECT
            `t11`.`ticker`,
            `t11`.`asset_name`,
            `t11`.`bioguide_id`,
            `t11`.`filer_name`,
            `t11`.`party`,
            `t11`.`chamber`,
            `t11`.`transaction_type`,
            `t11`.`transaction_date`,
            `t11`.`filing_date`,
            `t11`.`amount_midpoint`,
            `t11`.`_member`,
            `t11`.`scope`,
            `t11`.`basis`,
            `t11`.`event_date`,
            `t12`.`a_scope`,
            `t12`.`a_basis`,
            `t12`.`as_of_date`
          FROM (
            SELECT
              *
            FROM `t7` AS `t8`
            WHERE
              `t8`.`event_date` IS NOT NULL
          ) AS `t11`
          INNER JOIN (
            SELECT DISTINCT
              `t8`.`scope` AS `a_scope`,
              `t8`.`basis` AS `a_basis`,
              `t8`.`event_date` AS `as_of_date`
            FROM `t7` AS `t8`
            WHERE
              `t8`.`event_date` IS NOT NULL
          ) AS `t12`
            ON `t11`.`scope` = `t12`.`a_scope`
            AND `t11`.`basis` = `t12`.`a_basis`
            AND `t11`.`event_date` <= `t12`.`as_of_date`
            AND `t11`.`event_date` > (
              `t12`.`as_of_date` - INTERVAL '30' DAY
            )
        ) AS `t15`
        GROUP BY
          1,
          2,
          3,
          4
      ) AS `t18`
    ) AS `t21`
  ) AS `t22`
) AS `t23`
