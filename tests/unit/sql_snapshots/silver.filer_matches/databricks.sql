SELECT
  `t3`.`doc_id`,
  `t3`.`year`,
  IF(COALESCE(`t21`.`n`, 0) = 1, `t21`.`only`, CAST(NULL AS STRING)) AS `bioguide_id`,
  CASE
    WHEN COALESCE(`t21`.`n`, 0) = 1
    THEN 'matched'
    WHEN COALESCE(`t21`.`n`, 0) > 1
    THEN 'ambiguous'
    ELSE 'not_a_member'
  END AS `match_status`,
  CASE `t21`.`rule_no`
    WHEN 0
    THEN 'seat_last_name'
    WHEN 1
    THEN 'state_last_first_name'
    WHEN 2
    THEN 'former_member'
    ELSE CAST(NULL AS STRING)
  END AS `match_rule`,
  `t21`.`ids` AS `candidates`,
  `t3`.`filer_name`,
  `t3`.`state_district`,
  `t3`.`filing_date`
FROM `silver_filings` AS `t3`
LEFT OUTER JOIN (
  SELECT
    `t19`.`doc_id` AS `d_doc`,
    `t19`.`rule_no`,
    `t19`.`n`,
    `t19`.`only`,
    `t19`.`ids`
  FROM (
    SELECT
      `t18`.`doc_id`,
      MIN(`t18`.`rule_no`) AS `rule_no`,
      COUNT(DISTINCT `t18`.`bioguide_id`) AS `n`,
      MAX(`t18`.`bioguide_id`) AS `only`,
      IF(
        SIZE(ARRAY_SORT(COLLECT_LIST(DISTINCT `t18`.`bioguide_id`))) > 0,
        CONCAT_WS(',', ARRAY_SORT(COLLECT_LIST(DISTINCT `t18`.`bioguide_id`))),
        NULL
      ) AS `ids`
    FROM (
      SELECT
        `t17`.`doc_id`,
        `t17`.`bioguide_id`,
        `t17`.`rule_no`
      FROM (
        SELECT
          `t16`.`doc_id`,
          `t16`.`bioguide_id`,
          MIN(`t16`.`rule_no`) AS `rule_no`
        FROM (
          SELECT
            *
          FROM (
            SELECT
              `t14`.`doc_id`,
              `t14`.`bioguide_id`,
              CASE
                WHEN `t14`.`seat`
                AND `t14`.`active`
                AND (
                  `t14`.`fits` OR NOT (
                    `t14`.`_predecessor`
                  )
                )
                THEN 0
                WHEN `t14`.`active` AND `t14`.`fits`
                THEN 1
                WHEN NOT (
                  `t14`.`active`
                ) AND `t14`.`fits`
                THEN 2
                ELSE CAST(NULL AS TINYINT)
              END AS `rule_no`
            FROM (
              SELECT
                `t13`.`doc_id`,
                `t13`.`bioguide_id`,
                `t13`.`seat`,
                `t13`.`active`,
                `t13`.`fits`,
                MAX(CAST(`t13`.`seat` AND NOT (
                  `t13`.`active`
                ) AND `t13`.`fits` AS TINYINT)) OVER (
                  PARTITION BY `t13`.`doc_id`
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) = 1 AS `_predecessor`
              FROM (
                SELECT
                  `t8`.`f_doc` AS `doc_id`,
                  `t12`.`m_id` AS `bioguide_id`,
                  COALESCE(
                    (
                      `t12`.`chamber` = 'house'
                    ) AND (
                      `t12`.`district` = `t8`.`f_district`
                    ),
                    FALSE
                  ) AS `seat`,
                  `t8`.`f_date` < `t12`.`end_date` AS `active`,
                  COALESCE(
                    (
                      SIZE(
                        ARRAY_INTERSECT(`t8`.`f_keys`, CONCAT(`t12`.`m_first_keys`, `t12`.`m_middle_keys`))
                      ) > 0
                    )
                    OR (
                      SIZE(ARRAY_INTERSECT(`t8`.`f_middle_keys`, `t12`.`m_first_keys`)) > 0
                    )
                    OR (
                      (
                        `t8`.`f_initial` = `t12`.`m_initial`
                      )
                      AND (
                        `t8`.`f_middle` = `t12`.`m_middle`
                      )
                    ),
                    FALSE
                  ) AS `fits`
                FROM (
                  SELECT
                    `t5`.`f_doc`,
                    `t5`.`f_date`,
                    `t5`.`f_state`,
                    `t5`.`f_district`,
                    `t5`.`f_last`,
                    FLATTEN(
                      TRANSFORM(
                        FILTER(
                          ARRAY(
                            NULLIF(REGEXP_EXTRACT(`t5`.`_plain`, '^([a-z]+)'), ''),
                            NULLIF(REGEXP_EXTRACT(`t5`.`_plain`, '^[a-z] ([a-z]+)'), ''),
                            NULLIF(REGEXP_EXTRACT(`t5`.`_quoted`, '^([a-z]+)'), '')
                          ),
                          __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                        ),
                        __ibis_param_name__ -> IF(
                          __ibis_param_name__ IS NULL,
                          ARRAY(),
                          CASE __ibis_param_name__
                            WHEN 'alex'
                            THEN ARRAY('alex', 'alexander')
                            WHEN 'andy'
                            THEN ARRAY('andy', 'andrew')
                            WHEN 'ben'
                            THEN ARRAY('ben', 'benjamin')
                            WHEN 'beth'
                            THEN ARRAY('beth', 'elizabeth')
                            WHEN 'bill'
                            THEN ARRAY('bill', 'william')
                            WHEN 'billy'
                            THEN ARRAY('billy', 'william')
                            WHEN 'bob'
                            THEN ARRAY('bob', 'robert')
                            WHEN 'bobby'
                            THEN ARRAY('bobby', 'robert')
                            WHEN 'brad'
                            THEN ARRAY('brad', 'bradley')
                            WHEN 'charlie'
                            THEN ARRAY('charlie', 'charles')
                            WHEN 'chris'
                            THEN ARRAY('chris', 'christopher')
                            WHEN 'chuck'
                            THEN ARRAY('chuck', 'charles')
                            WHEN 'cindy'
                            THEN ARRAY('cindy', 'cynthia')
                            WHEN 'cliff'
                            THEN ARRAY('cliff', 'clifford')
                            WHEN 'dan'
                            THEN ARRAY('dan', 'daniel')
                            WHEN 'danny'
                            THEN ARRAY('danny', 'daniel')
                            WHEN 'dave'
                            THEN ARRAY('dave', 'david')
                            WHEN 'deb'
                            THEN ARRAY('deb', 'deborah')
                            WHEN 'debbie'
                            THEN ARRAY('debbie', 'deborah')
                            WHEN 'dick'
                            THEN ARRAY('dick', 'richard')
                            WHEN 'don'
                            THEN ARRAY('don', 'donald')
                            WHEN 'doug'
                            THEN ARRAY('doug', 'douglas')
                            WHEN 'drew'
                            THEN ARRAY('drew', 'andrew')
                            WHEN 'ed'
                            THEN ARRAY('ed', 'edward')
                            WHEN 'fred'
                            THEN ARRAY('fred', 'frederick')
                            WHEN 'greg'
                            THEN ARRAY('greg', 'gregory')
                            WHEN 'gus'
                            THEN ARRAY('gus', 'gustavus', 'augustus')
                            WHEN 'hal'
                            THEN ARRAY('hal', 'harold')
                            WHEN 'jake'
                            THEN ARRAY('jake', 'jacob')
                            WHEN 'jamie'
                            THEN ARRAY('jamie', 'james')
                            WHEN 'jeff'
                            THEN ARRAY('jeff', 'jeffrey')
                            WHEN 'jerry'
                            THEN ARRAY('jerry', 'gerald')
                            WHEN 'jim'
                            THEN ARRAY('jim', 'james')
                            WHEN 'jimmy'
                            THEN ARRAY('jimmy', 'james')
                            WHEN 'joe'
                            THEN ARRAY('joe', 'joseph')
                            WHEN 'jon'
                            THEN ARRAY('jon', 'jonathan')
                            WHEN 'josh'
                            THEN ARRAY('josh', 'joshua')
                            WHEN 'kathy'
                            THEN ARRAY('kathy', 'kathleen', 'katherine')
                            WHEN 'katie'
                            THEN ARRAY('katie', 'katherine')
                            WHEN 'ken'
                            THEN ARRAY('ken', 'kenneth')
                            WHEN 'larry'
                            THEN ARRAY('larry', 'lawrence')
                            WHEN 'liz'
                            THEN ARRAY('liz', 'elizabeth')
                            WHEN 'matt'
                            THEN ARRAY('matt', 'matthew')
                            WHEN 'mike'
                            THEN ARRAY('mike', 'michael')
                            WHEN 'nick'
                            THEN ARRAY('nick', 'nicholas')
                            WHEN 'pat'
                            THEN ARRAY('pat', 'patrick')
                            WHEN 'pete'
                            THEN ARRAY('pete', 'peter')
                            WHEN 'rich'
                            THEN ARRAY('rich', 'richard')
                            WHEN 'rick'
                            THEN ARRAY('rick', 'richard')
                            WHEN 'rob'
                            THEN ARRAY('rob', 'robert')
                            WHEN 'ron'
                            THEN ARRAY('ron', 'ronald')
                            WHEN 'rudy'
                            THEN ARRAY('rudy', 'rudolph')
                            WHEN 'sam'
                            THEN ARRAY('sam', 'samuel')
                            WHEN 'steve'
                            THEN ARRAY('steve', 'stephen', 'steven')
                            WHEN 'sue'
                            THEN ARRAY('sue', 'susan')
                            WHEN 'susie'
                            THEN ARRAY('susie', 'susan')
                            WHEN 'ted'
                            THEN ARRAY('ted', 'edward', 'theodore')
                            WHEN 'tim'
                            THEN ARRAY('tim', 'timothy')
                            WHEN 'tom'
                            THEN ARRAY('tom', 'thomas')
                            WHEN 'tommy'
                            THEN ARRAY('tommy', 'thomas')
                            WHEN 'tony'
                            THEN ARRAY('tony', 'anthony')
                            WHEN 'val'
                            THEN ARRAY('val', 'valerie')
                            WHEN 'will'
                            THEN ARRAY('will', 'william')
                            ELSE ARRAY(__ibis_param_name__)
                          END
                        )
                      )
                    ) AS `f_keys`,
                    IF(
                      NULLIF(REGEXP_EXTRACT(`t5`.`_plain`, '^[a-z]+ ([a-z]{2,})'), '') IS NULL,
                      ARRAY(),
                      CASE NULLIF(REGEXP_EXTRACT(`t5`.`_plain`, '^[a-z]+ ([a-z]{2,})'), '')
                        WHEN 'alex'
                        THEN ARRAY('alex', 'alexander')
                        WHEN 'andy'
                        THEN ARRAY('andy', 'andrew')
                        WHEN 'ben'
                        THEN ARRAY('ben', 'benjamin')
                        WHEN 'beth'
                        THEN ARRAY('beth', 'elizabeth')
                        WHEN 'bill'
                        THEN ARRAY('bill', 'william')
                        WHEN 'billy'
                        THEN ARRAY('billy', 'william')
                        WHEN 'bob'
                        THEN ARRAY('bob', 'robert')
                        WHEN 'bobby'
                        THEN ARRAY('bobby', 'robert')
                        WHEN 'brad'
                        THEN ARRAY('brad', 'bradley')
                        WHEN 'charlie'
                        THEN ARRAY('charlie', 'charles')
                        WHEN 'chris'
                        THEN ARRAY('chris', 'christopher')
                        WHEN 'chuck'
                        THEN ARRAY('chuck', 'charles')
                        WHEN 'cindy'
                        THEN ARRAY('cindy', 'cynthia')
                        WHEN 'cliff'
                        THEN ARRAY('cliff', 'clifford')
                        WHEN 'dan'
                        THEN ARRAY('dan', 'daniel')
                        WHEN 'danny'
                        THEN ARRAY('danny', 'daniel')
                        WHEN 'dave'
                        THEN ARRAY('dave', 'david')
                        WHEN 'deb'
                        THEN ARRAY('deb', 'deborah')
                        WHEN 'debbie'
                        THEN ARRAY('debbie', 'deborah')
                        WHEN 'dick'
                        THEN ARRAY('dick', 'richard')
                        WHEN 'don'
                        THEN ARRAY('don', 'donald')
                        WHEN 'doug'
                        THEN ARRAY('doug', 'douglas')
                        WHEN 'drew'
                        THEN ARRAY('drew', 'andrew')
                        WHEN 'ed'
                        THEN ARRAY('ed', 'edward')
                        WHEN 'fred'
                        THEN ARRAY('fred', 'frederick')
                        WHEN 'greg'
                        THEN ARRAY('greg', 'gregory')
                        WHEN 'gus'
                        THEN ARRAY('gus', 'gustavus', 'augustus')
                        WHEN 'hal'
                        THEN ARRAY('hal', 'harold')
                        WHEN 'jake'
                        THEN ARRAY('jake', 'jacob')
                        WHEN 'jamie'
                        THEN ARRAY('jamie', 'james')
                        WHEN 'jeff'
                        THEN ARRAY('jeff', 'jeffrey')
                        WHEN 'jerry'
                        THEN ARRAY('jerry', 'gerald')
                        WHEN 'jim'
                        THEN ARRAY('jim', 'james')
                        WHEN 'jimmy'
                        THEN ARRAY('jimmy', 'james')
                        WHEN 'joe'
                        THEN ARRAY('joe', 'joseph')
                        WHEN 'jon'
                        THEN ARRAY('jon', 'jonathan')
                        WHEN 'josh'
                        THEN ARRAY('josh', 'joshua')
                        WHEN 'kathy'
                        THEN ARRAY('kathy', 'kathleen', 'katherine')
                        WHEN 'katie'
                        THEN ARRAY('katie', 'katherine')
                        WHEN 'ken'
                        THEN ARRAY('ken', 'kenneth')
                        WHEN 'larry'
                        THEN ARRAY('larry', 'lawrence')
                        WHEN 'liz'
                        THEN ARRAY('liz', 'elizabeth')
                        WHEN 'matt'
                        THEN ARRAY('matt', 'matthew')
                        WHEN 'mike'
                        THEN ARRAY('mike', 'michael')
                        WHEN 'nick'
                        THEN ARRAY('nick', 'nicholas')
                        WHEN 'pat'
                        THEN ARRAY('pat', 'patrick')
                        WHEN 'pete'
                        THEN ARRAY('pete', 'peter')
                        WHEN 'rich'
                        THEN ARRAY('rich', 'richard')
                        WHEN 'rick'
                        THEN ARRAY('rick', 'richard')
                        WHEN 'rob'
                        THEN ARRAY('rob', 'robert')
                        WHEN 'ron'
                        THEN ARRAY('ron', 'ronald')
                        WHEN 'rudy'
                        THEN ARRAY('rudy', 'rudolph')
                        WHEN 'sam'
                        THEN ARRAY('sam', 'samuel')
                        WHEN 'steve'
                        THEN ARRAY('steve', 'stephen', 'steven')
                        WHEN 'sue'
                        THEN ARRAY('sue', 'susan')
                        WHEN 'susie'
                        THEN ARRAY('susie', 'susan')
                        WHEN 'ted'
                        THEN ARRAY('ted', 'edward', 'theodore')
                        WHEN 'tim'
                        THEN ARRAY('tim', 'timothy')
                        WHEN 'tom'
                        THEN ARRAY('tom', 'thomas')
                        WHEN 'tommy'
                        THEN ARRAY('tommy', 'thomas')
                        WHEN 'tony'
                        THEN ARRAY('tony', 'anthony')
                        WHEN 'val'
                        THEN ARRAY('val', 'valerie')
                        WHEN 'will'
                        THEN ARRAY('will', 'william')
                        ELSE ARRAY(NULLIF(REGEXP_EXTRACT(`t5`.`_plain`, '^[a-z]+ ([a-z]{2,})'), ''))
                      END
                    ) AS `f_middle_keys`,
                    SUBSTRING(`t5`.`_plain`, IF((
                      0 + 1
                    ) >= 1, 0 + 1, 0 + 1 + LENGTH(`t5`.`_plain`)), 1) AS `f_initial`,
                    NULLIF(REGEXP_EXTRACT(`t5`.`_plain`, '^[a-z]+ ([a-z]{2,})'), '') AS `f_middle`
                  FROM (
                    SELECT
                      `t0`.`doc_id` AS `f_doc`,
                      `t0`.`filing_date` AS `f_date`,
                      `t0`.`state` AS `f_state`,
                      IF(`t0`.`is_at_large`, 0, `t0`.`district`) AS `f_district`,
                      NULLIF(
                        TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(
                          REGEXP_REPLACE(
                            TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(LOWER(STRIP_ACCENTS(`t0`.`last_name`)), '[-/.‐–—]', ' '),
                                '[^a-z ]',
                                ''
                              ),
                              '\\s+',
                              ' '
                            )),
                            '\\b(jr|sr|ii|iii|iv)\\b',
                            ' '
                          ),
                          '\\s+',
                          ' '
                        )),
                        ''
                      ) AS `f_last`,
                      NULLIF(
                        TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(
                          REGEXP_REPLACE(
                            TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  LOWER(
                                    STRIP_ACCENTS(REGEXP_REPLACE(`t0`.`first_name`, '["“”‘’\'(]([^"“”‘’\'()]+)["“”‘’\')]', ' '))
                                  ),
                                  '[-/.‐–—]',
                                  ' '
                                ),
                                '[^a-z ]',
                                ''
                              ),
                              '\\s+',
                              ' '
                            )),
                            '\\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\\b',
                            ' '
                          ),
                          '\\s+',
                          ' '
                        )),
                        ''
                      ) AS `_plain`,
                      NULLIF(
                        TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(
                          REGEXP_REPLACE(
                            TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  LOWER(
                                    STRIP_ACCENTS(REGEXP_EXTRACT(`t0`.`first_name`, '["“”‘’\'(]([^"“”‘’\'()]+)["“”‘’\')]'))
                                  ),
                                  '[-/.‐–—]',
                                  ' '
                                ),
                                '[^a-z ]',
                                ''
                              ),
                              '\\s+',
                              ' '
                            )),
                            '\\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\\b',
                            ' '
                          ),
                          '\\s+',
                          ' '
                        )),
                        ''
                      ) AS `_quoted`
                    FROM `silver_filings` AS `t0`
                  ) AS `t5`
                ) AS `t8`
                INNER JOIN (
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
                    `t10`.`m_id`,
                    `t10`.`m_last`,
                    `t10`.`m_first_keys`,
                    `t10`.`m_middle_keys`,
                    `t10`.`m_initial`,
                    `t10`.`m_middle`
                  FROM `silver_member_terms` AS `t4`
                  INNER JOIN (
                    SELECT
                      `t6`.`m_id`,
                      `t6`.`m_last`,
                      FLATTEN(
                        TRANSFORM(
                          FILTER(
                            ARRAY(
                              NULLIF(REGEXP_EXTRACT(`t6`.`_first`, '^([a-z]+)'), ''),
                              NULLIF(REGEXP_EXTRACT(`t6`.`_first`, '^[a-z] ([a-z]+)'), ''),
                              NULLIF(REGEXP_EXTRACT(`t6`.`_quoted`, '^([a-z]+)'), ''),
                              NULLIF(REGEXP_EXTRACT(`t6`.`_nick`, '^([a-z]+)'), '')
                            ),
                            __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                          ),
                          __ibis_param_name__ -> IF(
                            __ibis_param_name__ IS NULL,
                            ARRAY(),
                            CASE __ibis_param_name__
                              WHEN 'alex'
                              THEN ARRAY('alex', 'alexander')
                              WHEN 'andy'
                              THEN ARRAY('andy', 'andrew')
                              WHEN 'ben'
                              THEN ARRAY('ben', 'benjamin')
                              WHEN 'beth'
                              THEN ARRAY('beth', 'elizabeth')
                              WHEN 'bill'
                              THEN ARRAY('bill', 'william')
                              WHEN 'billy'
                              THEN ARRAY('billy', 'william')
                              WHEN 'bob'
                              THEN ARRAY('bob', 'robert')
                              WHEN 'bobby'
                              THEN ARRAY('bobby', 'robert')
                              WHEN 'brad'
                              THEN ARRAY('brad', 'bradley')
                              WHEN 'charlie'
                              THEN ARRAY('charlie', 'charles')
                              WHEN 'chris'
                              THEN ARRAY('chris', 'christopher')
                              WHEN 'chuck'
                              THEN ARRAY('chuck', 'charles')
                              WHEN 'cindy'
                              THEN ARRAY('cindy', 'cynthia')
                              WHEN 'cliff'
                              THEN ARRAY('cliff', 'clifford')
                              WHEN 'dan'
                              THEN ARRAY('dan', 'daniel')
                              WHEN 'danny'
                              THEN ARRAY('danny', 'daniel')
                              WHEN 'dave'
                              THEN ARRAY('dave', 'david')
                              WHEN 'deb'
                              THEN ARRAY('deb', 'deborah')
                              WHEN 'debbie'
                              THEN ARRAY('debbie', 'deborah')
                              WHEN 'dick'
                              THEN ARRAY('dick', 'richard')
                              WHEN 'don'
                              THEN ARRAY('don', 'donald')
                              WHEN 'doug'
                              THEN ARRAY('doug', 'douglas')
                              WHEN 'drew'
                              THEN ARRAY('drew', 'andrew')
                              WHEN 'ed'
                              THEN ARRAY('ed', 'edward')
                              WHEN 'fred'
                              THEN ARRAY('fred', 'frederick')
                              WHEN 'greg'
                              THEN ARRAY('greg', 'gregory')
                              WHEN 'gus'
                              THEN ARRAY('gus', 'gustavus', 'augustus')
                              WHEN 'hal'
                              THEN ARRAY('hal', 'harold')
                              WHEN 'jake'
                              THEN ARRAY('jake', 'jacob')
                              WHEN 'jamie'
                              THEN ARRAY('jamie', 'james')
                              WHEN 'jeff'
                              THEN ARRAY('jeff', 'jeffrey')
                              WHEN 'jerry'
                              THEN ARRAY('jerry', 'gerald')
                              WHEN 'jim'
                              THEN ARRAY('jim', 'james')
                              WHEN 'jimmy'
                              THEN ARRAY('jimmy', 'james')
                              WHEN 'joe'
                              THEN ARRAY('joe', 'joseph')
                              WHEN 'jon'
                              THEN ARRAY('jon', 'jonathan')
                              WHEN 'josh'
                              THEN ARRAY('josh', 'joshua')
                              WHEN 'kathy'
                              THEN ARRAY('kathy', 'kathleen', 'katherine')
                              WHEN 'katie'
                              THEN ARRAY('katie', 'katherine')
                              WHEN 'ken'
                              THEN ARRAY('ken', 'kenneth')
                              WHEN 'larry'
                              THEN ARRAY('larry', 'lawrence')
                              WHEN 'liz'
                              THEN ARRAY('liz', 'elizabeth')
                              WHEN 'matt'
                              THEN ARRAY('matt', 'matthew')
                              WHEN 'mike'
                              THEN ARRAY('mike', 'michael')
                              WHEN 'nick'
                              THEN ARRAY('nick', 'nicholas')
                              WHEN 'pat'
                              THEN ARRAY('pat', 'patrick')
                              WHEN 'pete'
                              THEN ARRAY('pete', 'peter')
                              WHEN 'rich'
                              THEN ARRAY('rich', 'richard')
                              WHEN 'rick'
                              THEN ARRAY('rick', 'richard')
                              WHEN 'rob'
                              THEN ARRAY('rob', 'robert')
                              WHEN 'ron'
                              THEN ARRAY('ron', 'ronald')
                              WHEN 'rudy'
                              THEN ARRAY('rudy', 'rudolph')
                              WHEN 'sam'
                              THEN ARRAY('sam', 'samuel')
                              WHEN 'steve'
                              THEN ARRAY('steve', 'stephen', 'steven')
                              WHEN 'sue'
                              THEN ARRAY('sue', 'susan')
                              WHEN 'susie'
                              THEN ARRAY('susie', 'susan')
                              WHEN 'ted'
                              THEN ARRAY('ted', 'edward', 'theodore')
                              WHEN 'tim'
                              THEN ARRAY('tim', 'timothy')
                              WHEN 'tom'
                              THEN ARRAY('tom', 'thomas')
                              WHEN 'tommy'
                              THEN ARRAY('tommy', 'thomas')
                              WHEN 'tony'
                              THEN ARRAY('tony', 'anthony')
                              WHEN 'val'
                              THEN ARRAY('val', 'valerie')
                              WHEN 'will'
                              THEN ARRAY('will', 'william')
                              ELSE ARRAY(__ibis_param_name__)
                            END
                          )
                        )
                      ) AS `m_first_keys`,
                      IF(
                        `t6`.`_middle` IS NULL,
                        ARRAY(),
                        CASE `t6`.`_middle`
                          WHEN 'alex'
                          THEN ARRAY('alex', 'alexander')
                          WHEN 'andy'
                          THEN ARRAY('andy', 'andrew')
                          WHEN 'ben'
                          THEN ARRAY('ben', 'benjamin')
                          WHEN 'beth'
                          THEN ARRAY('beth', 'elizabeth')
                          WHEN 'bill'
                          THEN ARRAY('bill', 'william')
                          WHEN 'billy'
                          THEN ARRAY('billy', 'william')
                          WHEN 'bob'
                          THEN ARRAY('bob', 'robert')
                          WHEN 'bobby'
                          THEN ARRAY('bobby', 'robert')
                          WHEN 'brad'
                          THEN ARRAY('brad', 'bradley')
                          WHEN 'charlie'
                          THEN ARRAY('charlie', 'charles')
                          WHEN 'chris'
                          THEN ARRAY('chris', 'christopher')
                          WHEN 'chuck'
                          THEN ARRAY('chuck', 'charles')
                          WHEN 'cindy'
                          THEN ARRAY('cindy', 'cynthia')
                          WHEN 'cliff'
                          THEN ARRAY('cliff', 'clifford')
                          WHEN 'dan'
                          THEN ARRAY('dan', 'daniel')
                          WHEN 'danny'
                          THEN ARRAY('danny', 'daniel')
                          WHEN 'dave'
                          THEN ARRAY('dave', 'david')
                          WHEN 'deb'
                          THEN ARRAY('deb', 'deborah')
                          WHEN 'debbie'
                          THEN ARRAY('debbie', 'deborah')
                          WHEN 'dick'
                          THEN ARRAY('dick', 'richard')
                          WHEN 'don'
                          THEN ARRAY('don', 'donald')
                          WHEN 'doug'
                          THEN ARRAY('doug', 'douglas')
                          WHEN 'drew'
                          THEN ARRAY('drew', 'andrew')
                          WHEN 'ed'
                          THEN ARRAY('ed', 'edward')
                          WHEN 'fred'
                          THEN ARRAY('fred', 'frederick')
                          WHEN 'greg'
                          THEN ARRAY('greg', 'gregory')
                          WHEN 'gus'
                          THEN ARRAY('gus', 'gustavus', 'augustus')
                          WHEN 'hal'
                          THEN ARRAY('hal', 'harold')
                          WHEN 'jake'
                          THEN ARRAY('jake', 'jacob')
                          WHEN 'jamie'
                          THEN ARRAY('jamie', 'james')
                          WHEN 'jeff'
                          THEN ARRAY('jeff', 'jeffrey')
                          WHEN 'jerry'
                          THEN ARRAY('jerry', 'gerald')
                          WHEN 'jim'
                          THEN ARRAY('jim', 'james')
                          WHEN 'jimmy'
                          THEN ARRAY('jimmy', 'james')
                          WHEN 'joe'
                          THEN ARRAY('joe', 'joseph')
                          WHEN 'jon'
                          THEN ARRAY('jon', 'jonathan')
                          WHEN 'josh'
                          THEN ARRAY('josh', 'joshua')
                          WHEN 'kathy'
                          THEN ARRAY('kathy', 'kathleen', 'katherine')
                          WHEN 'katie'
                          THEN ARRAY('katie', 'katherine')
                          WHEN 'ken'
                          THEN ARRAY('ken', 'kenneth')
                          WHEN 'larry'
                          THEN ARRAY('larry', 'lawrence')
                          WHEN 'liz'
                          THEN ARRAY('liz', 'elizabeth')
                          WHEN 'matt'
                          THEN ARRAY('matt', 'matthew')
                          WHEN 'mike'
                          THEN ARRAY('mike', 'michael')
                          WHEN 'nick'
                          THEN ARRAY('nick', 'nicholas')
                          WHEN 'pat'
                          THEN ARRAY('pat', 'patrick')
                          WHEN 'pete'
                          THEN ARRAY('pete', 'peter')
                          WHEN 'rich'
                          THEN ARRAY('rich', 'richard')
                          WHEN 'rick'
                          THEN ARRAY('rick', 'richard')
                          WHEN 'rob'
                          THEN ARRAY('rob', 'robert')
                          WHEN 'ron'
                          THEN ARRAY('ron', 'ronald')
                          WHEN 'rudy'
                          THEN ARRAY('rudy', 'rudolph')
                          WHEN 'sam'
                          THEN ARRAY('sam', 'samuel')
                          WHEN 'steve'
                          THEN ARRAY('steve', 'stephen', 'steven')
                          WHEN 'sue'
                          THEN ARRAY('sue', 'susan')
                          WHEN 'susie'
                          THEN ARRAY('susie', 'susan')
                          WHEN 'ted'
                          THEN ARRAY('ted', 'edward', 'theodore')
                          WHEN 'tim'
                          THEN ARRAY('tim', 'timothy')
                          WHEN 'tom'
                          THEN ARRAY('tom', 'thomas')
                          WHEN 'tommy'
                          THEN ARRAY('tommy', 'thomas')
                          WHEN 'tony'
                          THEN ARRAY('tony', 'anthony')
                          WHEN 'val'
                          THEN ARRAY('val', 'valerie')
                          WHEN 'will'
                          THEN ARRAY('will', 'william')
                          ELSE ARRAY(`t6`.`_middle`)
                        END
                      ) AS `m_middle_keys`,
                      SUBSTRING(`t6`.`_first`, IF((
                        0 + 1
                      ) >= 1, 0 + 1, 0 + 1 + LENGTH(`t6`.`_first`)), 1) AS `m_initial`,
                      `t6`.`_middle` AS `m_middle`
                    FROM (
                      SELECT
                        `t2`.`bioguide_id` AS `m_id`,
                        NULLIF(
                          TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(LOWER(STRIP_ACCENTS(`t2`.`last_name`)), '[-/.‐–—]', ' '),
                                  '[^a-z ]',
                                  ''
                                ),
                                '\\s+',
                                ' '
                              )),
                              '\\b(jr|sr|ii|iii|iv)\\b',
                              ' '
                            ),
                            '\\s+',
                            ' '
                          )),
                          ''
                        ) AS `m_last`,
                        NULLIF(
                          TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    LOWER(
                                      STRIP_ACCENTS(REGEXP_REPLACE(`t2`.`first_name`, '["“”‘’\'(]([^"“”‘’\'()]+)["“”‘’\')]', ' '))
                                    ),
                                    '[-/.‐–—]',
                                    ' '
                                  ),
                                  '[^a-z ]',
                                  ''
                                ),
                                '\\s+',
                                ' '
                              )),
                              '\\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\\b',
                              ' '
                            ),
                            '\\s+',
                            ' '
                          )),
                          ''
                        ) AS `_first`,
                        NULLIF(
                          TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    LOWER(
                                      STRIP_ACCENTS(REGEXP_EXTRACT(`t2`.`first_name`, '["“”‘’\'(]([^"“”‘’\'()]+)["“”‘’\')]'))
                                    ),
                                    '[-/.‐–—]',
                                    ' '
                                  ),
                                  '[^a-z ]',
                                  ''
                                ),
                                '\\s+',
                                ' '
                              )),
                              '\\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\\b',
                              ' '
                            ),
                            '\\s+',
                            ' '
                          )),
                          ''
                        ) AS `_quoted`,
                        NULLIF(
                          TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    LOWER(
                                      STRIP_ACCENTS(REGEXP_REPLACE(`t2`.`nickname`, '["“”‘’\'(]([^"“”‘’\'()]+)["“”‘’\')]', ' '))
                                    ),
                                    '[-/.‐–—]',
                                    ' '
                                  ),
                                  '[^a-z ]',
                                  ''
                                ),
                                '\\s+',
                                ' '
                              )),
                              '\\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\\b',
                              ' '
                            ),
                            '\\s+',
                            ' '
                          )),
                          ''
                        ) AS `_nick`,
                        NULLIF(
                          REGEXP_EXTRACT(
                            NULLIF(
                              TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(
                                REGEXP_REPLACE(
                                  TRIM(' \t\n\r\v\f' FROM REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE(
                                        LOWER(
                                          STRIP_ACCENTS(REGEXP_REPLACE(`t2`.`middle_name`, '["“”‘’\'(]([^"“”‘’\'()]+)["“”‘’\')]', ' '))
                                        ),
                                        '[-/.‐–—]',
                                        ' '
                                      ),
                                      '[^a-z ]',
                                      ''
                                    ),
                                    '\\s+',
                                    ' '
                                  )),
                                  '\\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\\b',
                                  ' '
                                ),
                                '\\s+',
                                ' '
                              )),
                              ''
                            ),
                            '^([a-z]+)'
                          ),
                          ''
                        ) AS `_middle`
                      FROM `silver_members` AS `t2`
                    ) AS `t6`
                  ) AS `t10`
                    ON `t4`.`bioguide_id` = `t10`.`m_id`
                ) AS `t12`
                  ON `t12`.`state` = `t8`.`f_state`
                  AND COALESCE(
                    (
                      `t8`.`f_last` = `t12`.`m_last`
                    )
                    OR (
                      `t8`.`f_last` = NULLIF(REGEXP_EXTRACT(`t12`.`m_last`, '([a-z]+)$'), '')
                    )
                    OR (
                      NULLIF(REGEXP_EXTRACT(`t8`.`f_last`, '([a-z]+)$'), '') = `t12`.`m_last`
                    ),
                    FALSE
                  )
                  AND `t12`.`start_date` <= `t8`.`f_date`
                  AND `t12`.`end_date` > (
                    `t8`.`f_date` - INTERVAL '400' DAY
                  )
              ) AS `t13`
            ) AS `t14`
          ) AS `t15`
          WHERE
            `t15`.`rule_no` IS NOT NULL
        ) AS `t16`
        GROUP BY
          1,
          2
      ) AS `t17`
      QUALIFY
        `t17`.`rule_no` = MIN(`t17`.`rule_no`) OVER (
          PARTITION BY `t17`.`doc_id`
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        )
    ) AS `t18`
    GROUP BY
      1
  ) AS `t19`
) AS `t21`
  ON `t3`.`doc_id` = `t21`.`d_doc`
