SELECT
  "t3"."doc_id",
  "t3"."year",
  CASE WHEN COALESCE("t21"."n", 0) = 1 THEN "t21"."only" ELSE CAST(NULL AS TEXT) END AS "bioguide_id",
  CASE
    WHEN COALESCE("t21"."n", 0) = 1
    THEN 'matched'
    WHEN COALESCE("t21"."n", 0) > 1
    THEN 'ambiguous'
    ELSE 'not_a_member'
  END AS "match_status",
  CASE "t21"."rule_no"
    WHEN 0
    THEN 'seat_last_name'
    WHEN 1
    THEN 'state_last_first_name'
    WHEN 2
    THEN 'former_member'
    ELSE CAST(NULL AS TEXT)
  END AS "match_rule",
  "t21"."ids" AS "candidates",
  "t3"."filer_name",
  "t3"."state_district",
  "t3"."filing_date"
FROM "silver_filings" AS "t3"
LEFT OUTER JOIN (
  SELECT
    "t19"."doc_id" AS "d_doc",
    "t19"."rule_no",
    "t19"."n",
    "t19"."only",
    "t19"."ids"
  FROM (
    SELECT
      "t18"."doc_id",
      MIN("t18"."rule_no") AS "rule_no",
      COUNT(DISTINCT "t18"."bioguide_id") AS "n",
      MAX("t18"."bioguide_id") AS "only",
      ARRAY_TO_STRING(
        LIST_SORT(
          ARRAY_AGG(DISTINCT "t18"."bioguide_id") FILTER(WHERE
            "t18"."bioguide_id" IS NOT NULL)
        ),
        ','
      ) AS "ids"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t16"."doc_id",
          "t16"."bioguide_id",
          MIN("t16"."rule_no") AS "rule_no"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t14"."doc_id",
              "t14"."bioguide_id",
              CASE
                WHEN "t14"."seat"
                AND "t14"."active"
                AND (
                  "t14"."fits" OR NOT (
                    "t14"."_predecessor"
                  )
                )
                THEN 0
                WHEN "t14"."active" AND "t14"."fits"
                THEN 1
                WHEN NOT (
                  "t14"."active"
                ) AND "t14"."fits"
                THEN 2
                ELSE CAST(NULL AS TINYINT)
              END AS "rule_no"
            FROM (
              SELECT
                "t13"."doc_id",
                "t13"."bioguide_id",
                "t13"."seat",
                "t13"."active",
                "t13"."fits",
                MAX(CAST("t13"."seat" AND NOT (
                  "t13"."active"
                ) AND "t13"."fits" AS TINYINT)) OVER (
                  PARTITION BY "t13"."doc_id"
                  ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                ) = 1 AS "_predecessor"
              FROM (
                SELECT
                  "t8"."f_doc" AS "doc_id",
                  "t12"."m_id" AS "bioguide_id",
                  COALESCE(
                    (
                      "t12"."chamber" = 'house'
                    ) AND (
                      "t12"."district" = "t8"."f_district"
                    ),
                    FALSE
                  ) AS "seat",
                  "t8"."f_date" < "t12"."end_date" AS "active",
                  COALESCE(
                    (
                      ARRAY_LENGTH(
                        LIST_FILTER(
                          "t8"."f_keys",
                          x -> ARRAY_CONTAINS(
                            CASE
                              WHEN "t12"."m_first_keys" IS NULL OR "t12"."m_middle_keys" IS NULL
                              THEN NULL
                              ELSE LIST_CONCAT("t12"."m_first_keys", "t12"."m_middle_keys")
                            END,
                            x
                          )
                        )
                      ) > 0
                    )
                    OR (
                      ARRAY_LENGTH(LIST_FILTER("t8"."f_middle_keys", x -> ARRAY_CONTAINS("t12"."m_first_keys", x))) > 0
                    )
                    OR (
                      (
                        "t8"."f_initial" = "t12"."m_initial"
                      )
                      AND (
                        "t8"."f_middle" = "t12"."m_middle"
                      )
                    ),
                    FALSE
                  ) AS "fits"
                FROM (
                  SELECT
                    "t5"."f_doc",
                    "t5"."f_date",
                    "t5"."f_state",
                    "t5"."f_district",
                    "t5"."f_last",
                    FLATTEN(
                      LIST_APPLY(
                        LIST_FILTER(
                          CAST([
                            NULLIF(REGEXP_EXTRACT("t5"."_plain", '^([a-z]+)', 1), ''),
                            NULLIF(REGEXP_EXTRACT("t5"."_plain", '^[a-z] ([a-z]+)', 1), ''),
                            NULLIF(REGEXP_EXTRACT("t5"."_quoted", '^([a-z]+)', 1), '')
                          ] AS TEXT[]),
                          __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                        ),
                        __ibis_param_name__ -> CASE
                          WHEN __ibis_param_name__ IS NULL
                          THEN []
                          ELSE CASE __ibis_param_name__
                            WHEN 'alex'
                            THEN ['alex', 'alexander']
                            WHEN 'andy'
                            THEN ['andy', 'andrew']
                            WHEN 'ben'
                            THEN ['ben', 'benjamin']
                            WHEN 'beth'
                            THEN ['beth', 'elizabeth']
                            WHEN 'bill'
                            THEN ['bill', 'william']
                            WHEN 'billy'
                            THEN ['billy', 'william']
                            WHEN 'bob'
                            THEN ['bob', 'robert']
                            WHEN 'bobby'
                            THEN ['bobby', 'robert']
                            WHEN 'brad'
                            THEN ['brad', 'bradley']
                            WHEN 'charlie'
                            THEN ['charlie', 'charles']
                            WHEN 'chris'
                            THEN ['chris', 'christopher']
                            WHEN 'chuck'
                            THEN ['chuck', 'charles']
                            WHEN 'cindy'
                            THEN ['cindy', 'cynthia']
                            WHEN 'cliff'
                            THEN ['cliff', 'clifford']
                            WHEN 'dan'
                            THEN ['dan', 'daniel']
                            WHEN 'danny'
                            THEN ['danny', 'daniel']
                            WHEN 'dave'
                            THEN ['dave', 'david']
                            WHEN 'deb'
                            THEN ['deb', 'deborah']
                            WHEN 'debbie'
                            THEN ['debbie', 'deborah']
                            WHEN 'dick'
                            THEN ['dick', 'richard']
                            WHEN 'don'
                            THEN ['don', 'donald']
                            WHEN 'doug'
                            THEN ['doug', 'douglas']
                            WHEN 'drew'
                            THEN ['drew', 'andrew']
                            WHEN 'ed'
                            THEN ['ed', 'edward']
                            WHEN 'fred'
                            THEN ['fred', 'frederick']
                            WHEN 'greg'
                            THEN ['greg', 'gregory']
                            WHEN 'gus'
                            THEN ['gus', 'gustavus', 'augustus']
                            WHEN 'hal'
                            THEN ['hal', 'harold']
                            WHEN 'jake'
                            THEN ['jake', 'jacob']
                            WHEN 'jamie'
                            THEN ['jamie', 'james']
                            WHEN 'jeff'
                            THEN ['jeff', 'jeffrey']
                            WHEN 'jerry'
                            THEN ['jerry', 'gerald']
                            WHEN 'jim'
                            THEN ['jim', 'james']
                            WHEN 'jimmy'
                            THEN ['jimmy', 'james']
                            WHEN 'joe'
                            THEN ['joe', 'joseph']
                            WHEN 'jon'
                            THEN ['jon', 'jonathan']
                            WHEN 'josh'
                            THEN ['josh', 'joshua']
                            WHEN 'kathy'
                            THEN ['kathy', 'kathleen', 'katherine']
                            WHEN 'katie'
                            THEN ['katie', 'katherine']
                            WHEN 'ken'
                            THEN ['ken', 'kenneth']
                            WHEN 'larry'
                            THEN ['larry', 'lawrence']
                            WHEN 'liz'
                            THEN ['liz', 'elizabeth']
                            WHEN 'matt'
                            THEN ['matt', 'matthew']
                            WHEN 'mike'
                            THEN ['mike', 'michael']
                            WHEN 'nick'
                            THEN ['nick', 'nicholas']
                            WHEN 'pat'
                            THEN ['pat', 'patrick']
                            WHEN 'pete'
                            THEN ['pete', 'peter']
                            WHEN 'rich'
                            THEN ['rich', 'richard']
                            WHEN 'rick'
                            THEN ['rick', 'richard']
                            WHEN 'rob'
                            THEN ['rob', 'robert']
                            WHEN 'ron'
                            THEN ['ron', 'ronald']
                            WHEN 'rudy'
                            THEN ['rudy', 'rudolph']
                            WHEN 'sam'
                            THEN ['sam', 'samuel']
                            WHEN 'steve'
                            THEN ['steve', 'stephen', 'steven']
                            WHEN 'sue'
                            THEN ['sue', 'susan']
                            WHEN 'susie'
                            THEN ['susie', 'susan']
                            WHEN 'ted'
                            THEN ['ted', 'edward', 'theodore']
                            WHEN 'tim'
                            THEN ['tim', 'timothy']
                            WHEN 'tom'
                            THEN ['tom', 'thomas']
                            WHEN 'tommy'
                            THEN ['tommy', 'thomas']
                            WHEN 'tony'
                            THEN ['tony', 'anthony']
                            WHEN 'val'
                            THEN ['val', 'valerie']
                            WHEN 'will'
                            THEN ['will', 'william']
                            ELSE CAST([__ibis_param_name__] AS TEXT[])
                          END
                        END
                      )
                    ) AS "f_keys",
                    CASE
                      WHEN NULLIF(REGEXP_EXTRACT("t5"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '') IS NULL
                      THEN []
                      ELSE CASE NULLIF(REGEXP_EXTRACT("t5"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '')
                        WHEN 'alex'
                        THEN ['alex', 'alexander']
                        WHEN 'andy'
                        THEN ['andy', 'andrew']
                        WHEN 'ben'
                        THEN ['ben', 'benjamin']
                        WHEN 'beth'
                        THEN ['beth', 'elizabeth']
                        WHEN 'bill'
                        THEN ['bill', 'william']
                        WHEN 'billy'
                        THEN ['billy', 'william']
                        WHEN 'bob'
                        THEN ['bob', 'robert']
                        WHEN 'bobby'
                        THEN ['bobby', 'robert']
                        WHEN 'brad'
                        THEN ['brad', 'bradley']
                        WHEN 'charlie'
                        THEN ['charlie', 'charles']
                        WHEN 'chris'
                        THEN ['chris', 'christopher']
                        WHEN 'chuck'
                        THEN ['chuck', 'charles']
                        WHEN 'cindy'
                        THEN ['cindy', 'cynthia']
                        WHEN 'cliff'
                        THEN ['cliff', 'clifford']
                        WHEN 'dan'
                        THEN ['dan', 'daniel']
                        WHEN 'danny'
                        THEN ['danny', 'daniel']
                        WHEN 'dave'
                        THEN ['dave', 'david']
                        WHEN 'deb'
                        THEN ['deb', 'deborah']
                        WHEN 'debbie'
                        THEN ['debbie', 'deborah']
                        WHEN 'dick'
                        THEN ['dick', 'richard']
                        WHEN 'don'
                        THEN ['don', 'donald']
                        WHEN 'doug'
                        THEN ['doug', 'douglas']
                        WHEN 'drew'
                        THEN ['drew', 'andrew']
                        WHEN 'ed'
                        THEN ['ed', 'edward']
                        WHEN 'fred'
                        THEN ['fred', 'frederick']
                        WHEN 'greg'
                        THEN ['greg', 'gregory']
                        WHEN 'gus'
                        THEN ['gus', 'gustavus', 'augustus']
                        WHEN 'hal'
                        THEN ['hal', 'harold']
                        WHEN 'jake'
                        THEN ['jake', 'jacob']
                        WHEN 'jamie'
                        THEN ['jamie', 'james']
                        WHEN 'jeff'
                        THEN ['jeff', 'jeffrey']
                        WHEN 'jerry'
                        THEN ['jerry', 'gerald']
                        WHEN 'jim'
                        THEN ['jim', 'james']
                        WHEN 'jimmy'
                        THEN ['jimmy', 'james']
                        WHEN 'joe'
                        THEN ['joe', 'joseph']
                        WHEN 'jon'
                        THEN ['jon', 'jonathan']
                        WHEN 'josh'
                        THEN ['josh', 'joshua']
                        WHEN 'kathy'
                        THEN ['kathy', 'kathleen', 'katherine']
                        WHEN 'katie'
                        THEN ['katie', 'katherine']
                        WHEN 'ken'
                        THEN ['ken', 'kenneth']
                        WHEN 'larry'
                        THEN ['larry', 'lawrence']
                        WHEN 'liz'
                        THEN ['liz', 'elizabeth']
                        WHEN 'matt'
                        THEN ['matt', 'matthew']
                        WHEN 'mike'
                        THEN ['mike', 'michael']
                        WHEN 'nick'
                        THEN ['nick', 'nicholas']
                        WHEN 'pat'
                        THEN ['pat', 'patrick']
                        WHEN 'pete'
                        THEN ['pete', 'peter']
                        WHEN 'rich'
                        THEN ['rich', 'richard']
                        WHEN 'rick'
                        THEN ['rick', 'richard']
                        WHEN 'rob'
                        THEN ['rob', 'robert']
                        WHEN 'ron'
                        THEN ['ron', 'ronald']
                        WHEN 'rudy'
                        THEN ['rudy', 'rudolph']
                        WHEN 'sam'
                        THEN ['sam', 'samuel']
                        WHEN 'steve'
                        THEN ['steve', 'stephen', 'steven']
                        WHEN 'sue'
                        THEN ['sue', 'susan']
                        WHEN 'susie'
                        THEN ['susie', 'susan']
                        WHEN 'ted'
                        THEN ['ted', 'edward', 'theodore']
                        WHEN 'tim'
                        THEN ['tim', 'timothy']
                        WHEN 'tom'
                        THEN ['tom', 'thomas']
                        WHEN 'tommy'
                        THEN ['tommy', 'thomas']
                        WHEN 'tony'
                        THEN ['tony', 'anthony']
                        WHEN 'val'
                        THEN ['val', 'valerie']
                        WHEN 'will'
                        THEN ['will', 'william']
                        ELSE CAST([NULLIF(REGEXP_EXTRACT("t5"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '')] AS TEXT[])
                      END
                    END AS "f_middle_keys",
                    SUBSTRING(
                      "t5"."_plain",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t5"."_plain") END,
                      1
                    ) AS "f_initial",
                    NULLIF(REGEXP_EXTRACT("t5"."_plain", '^[a-z]+ ([a-z]{2,})', 1), '') AS "f_middle"
                  FROM (
                    SELECT
                      "t0"."doc_id" AS "f_doc",
                      "t0"."filing_date" AS "f_date",
                      "t0"."state" AS "f_state",
                      CASE WHEN "t0"."is_at_large" THEN 0 ELSE "t0"."district" END AS "f_district",
                      NULLIF(
                        TRIM(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              TRIM(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(LOWER(STRIP_ACCENTS("t0"."last_name")), '[-/.‐–—]', ' ', 'g'),
                                    '[^a-z ]',
                                    '',
                                    'g'
                                  ),
                                  '\s+',
                                  ' ',
                                  'g'
                                ),
                                ' 	
'
                              ),
                              '\b(jr|sr|ii|iii|iv)\b',
                              ' ',
                              'g'
                            ),
                            '\s+',
                            ' ',
                            'g'
                          ),
                          ' 	
'
                        ),
                        ''
                      ) AS "f_last",
                      NULLIF(
                        TRIM(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              TRIM(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      LOWER(
                                        STRIP_ACCENTS(
                                          REGEXP_REPLACE("t0"."first_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', ' ', 'g')
                                        )
                                      ),
                                      '[-/.‐–—]',
                                      ' ',
                                      'g'
                                    ),
                                    '[^a-z ]',
                                    '',
                                    'g'
                                  ),
                                  '\s+',
                                  ' ',
                                  'g'
                                ),
                                ' 	
'
                              ),
                              '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                              ' ',
                              'g'
                            ),
                            '\s+',
                            ' ',
                            'g'
                          ),
                          ' 	
'
                        ),
                        ''
                      ) AS "_plain",
                      NULLIF(
                        TRIM(
                          REGEXP_REPLACE(
                            REGEXP_REPLACE(
                              TRIM(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      LOWER(
                                        STRIP_ACCENTS(REGEXP_EXTRACT("t0"."first_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', 1))
                                      ),
                                      '[-/.‐–—]',
                                      ' ',
                                      'g'
                                    ),
                                    '[^a-z ]',
                                    '',
                                    'g'
                                  ),
                                  '\s+',
                                  ' ',
                                  'g'
                                ),
                                ' 	
'
                              ),
                              '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                              ' ',
                              'g'
                            ),
                            '\s+',
                            ' ',
                            'g'
                          ),
                          ' 	
'
                        ),
                        ''
                      ) AS "_quoted"
                    FROM "silver_filings" AS "t0"
                  ) AS "t5"
                ) AS "t8"
                INNER JOIN (
                  SELECT
                    "t4"."bioguide_id",
                    "t4"."term_no",
                    "t4"."chamber",
                    "t4"."state",
                    "t4"."district",
                    "t4"."party",
                    "t4"."start_date",
                    "t4"."end_date",
                    "t4"."end_is_scheduled",
                    "t10"."m_id",
                    "t10"."m_last",
                    "t10"."m_first_keys",
                    "t10"."m_middle_keys",
                    "t10"."m_initial",
                    "t10"."m_middle"
                  FROM "silver_member_terms" AS "t4"
                  INNER JOIN (
                    SELECT
                      "t6"."m_id",
                      "t6"."m_last",
                      FLATTEN(
                        LIST_APPLY(
                          LIST_FILTER(
                            CAST([
                              NULLIF(REGEXP_EXTRACT("t6"."_first", '^([a-z]+)', 1), ''),
                              NULLIF(REGEXP_EXTRACT("t6"."_first", '^[a-z] ([a-z]+)', 1), ''),
                              NULLIF(REGEXP_EXTRACT("t6"."_quoted", '^([a-z]+)', 1), ''),
                              NULLIF(REGEXP_EXTRACT("t6"."_nick", '^([a-z]+)', 1), '')
                            ] AS TEXT[]),
                            __ibis_param_n__ -> __ibis_param_n__ IS NOT NULL
                          ),
                          __ibis_param_name__ -> CASE
                            WHEN __ibis_param_name__ IS NULL
                            THEN []
                            ELSE CASE __ibis_param_name__
                              WHEN 'alex'
                              THEN ['alex', 'alexander']
                              WHEN 'andy'
                              THEN ['andy', 'andrew']
                              WHEN 'ben'
                              THEN ['ben', 'benjamin']
                              WHEN 'beth'
                              THEN ['beth', 'elizabeth']
                              WHEN 'bill'
                              THEN ['bill', 'william']
                              WHEN 'billy'
                              THEN ['billy', 'william']
                              WHEN 'bob'
                              THEN ['bob', 'robert']
                              WHEN 'bobby'
                              THEN ['bobby', 'robert']
                              WHEN 'brad'
                              THEN ['brad', 'bradley']
                              WHEN 'charlie'
                              THEN ['charlie', 'charles']
                              WHEN 'chris'
                              THEN ['chris', 'christopher']
                              WHEN 'chuck'
                              THEN ['chuck', 'charles']
                              WHEN 'cindy'
                              THEN ['cindy', 'cynthia']
                              WHEN 'cliff'
                              THEN ['cliff', 'clifford']
                              WHEN 'dan'
                              THEN ['dan', 'daniel']
                              WHEN 'danny'
                              THEN ['danny', 'daniel']
                              WHEN 'dave'
                              THEN ['dave', 'david']
                              WHEN 'deb'
                              THEN ['deb', 'deborah']
                              WHEN 'debbie'
                              THEN ['debbie', 'deborah']
                              WHEN 'dick'
                              THEN ['dick', 'richard']
                              WHEN 'don'
                              THEN ['don', 'donald']
                              WHEN 'doug'
                              THEN ['doug', 'douglas']
                              WHEN 'drew'
                              THEN ['drew', 'andrew']
                              WHEN 'ed'
                              THEN ['ed', 'edward']
                              WHEN 'fred'
                              THEN ['fred', 'frederick']
                              WHEN 'greg'
                              THEN ['greg', 'gregory']
                              WHEN 'gus'
                              THEN ['gus', 'gustavus', 'augustus']
                              WHEN 'hal'
                              THEN ['hal', 'harold']
                              WHEN 'jake'
                              THEN ['jake', 'jacob']
                              WHEN 'jamie'
                              THEN ['jamie', 'james']
                              WHEN 'jeff'
                              THEN ['jeff', 'jeffrey']
                              WHEN 'jerry'
                              THEN ['jerry', 'gerald']
                              WHEN 'jim'
                              THEN ['jim', 'james']
                              WHEN 'jimmy'
                              THEN ['jimmy', 'james']
                              WHEN 'joe'
                              THEN ['joe', 'joseph']
                              WHEN 'jon'
                              THEN ['jon', 'jonathan']
                              WHEN 'josh'
                              THEN ['josh', 'joshua']
                              WHEN 'kathy'
                              THEN ['kathy', 'kathleen', 'katherine']
                              WHEN 'katie'
                              THEN ['katie', 'katherine']
                              WHEN 'ken'
                              THEN ['ken', 'kenneth']
                              WHEN 'larry'
                              THEN ['larry', 'lawrence']
                              WHEN 'liz'
                              THEN ['liz', 'elizabeth']
                              WHEN 'matt'
                              THEN ['matt', 'matthew']
                              WHEN 'mike'
                              THEN ['mike', 'michael']
                              WHEN 'nick'
                              THEN ['nick', 'nicholas']
                              WHEN 'pat'
                              THEN ['pat', 'patrick']
                              WHEN 'pete'
                              THEN ['pete', 'peter']
                              WHEN 'rich'
                              THEN ['rich', 'richard']
                              WHEN 'rick'
                              THEN ['rick', 'richard']
                              WHEN 'rob'
                              THEN ['rob', 'robert']
                              WHEN 'ron'
                              THEN ['ron', 'ronald']
                              WHEN 'rudy'
                              THEN ['rudy', 'rudolph']
                              WHEN 'sam'
                              THEN ['sam', 'samuel']
                              WHEN 'steve'
                              THEN ['steve', 'stephen', 'steven']
                              WHEN 'sue'
                              THEN ['sue', 'susan']
                              WHEN 'susie'
                              THEN ['susie', 'susan']
                              WHEN 'ted'
                              THEN ['ted', 'edward', 'theodore']
                              WHEN 'tim'
                              THEN ['tim', 'timothy']
                              WHEN 'tom'
                              THEN ['tom', 'thomas']
                              WHEN 'tommy'
                              THEN ['tommy', 'thomas']
                              WHEN 'tony'
                              THEN ['tony', 'anthony']
                              WHEN 'val'
                              THEN ['val', 'valerie']
                              WHEN 'will'
                              THEN ['will', 'william']
                              ELSE CAST([__ibis_param_name__] AS TEXT[])
                            END
                          END
                        )
                      ) AS "m_first_keys",
                      CASE
                        WHEN "t6"."_middle" IS NULL
                        THEN []
                        ELSE CASE "t6"."_middle"
                          WHEN 'alex'
                          THEN ['alex', 'alexander']
                          WHEN 'andy'
                          THEN ['andy', 'andrew']
                          WHEN 'ben'
                          THEN ['ben', 'benjamin']
                          WHEN 'beth'
                          THEN ['beth', 'elizabeth']
                          WHEN 'bill'
                          THEN ['bill', 'william']
                          WHEN 'billy'
                          THEN ['billy', 'william']
                          WHEN 'bob'
                          THEN ['bob', 'robert']
                          WHEN 'bobby'
                          THEN ['bobby', 'robert']
                          WHEN 'brad'
                          THEN ['brad', 'bradley']
                          WHEN 'charlie'
                          THEN ['charlie', 'charles']
                          WHEN 'chris'
                          THEN ['chris', 'christopher']
                          WHEN 'chuck'
                          THEN ['chuck', 'charles']
                          WHEN 'cindy'
                          THEN ['cindy', 'cynthia']
                          WHEN 'cliff'
                          THEN ['cliff', 'clifford']
                          WHEN 'dan'
                          THEN ['dan', 'daniel']
                          WHEN 'danny'
                          THEN ['danny', 'daniel']
                          WHEN 'dave'
                          THEN ['dave', 'david']
                          WHEN 'deb'
                          THEN ['deb', 'deborah']
                          WHEN 'debbie'
                          THEN ['debbie', 'deborah']
                          WHEN 'dick'
                          THEN ['dick', 'richard']
                          WHEN 'don'
                          THEN ['don', 'donald']
                          WHEN 'doug'
                          THEN ['doug', 'douglas']
                          WHEN 'drew'
                          THEN ['drew', 'andrew']
                          WHEN 'ed'
                          THEN ['ed', 'edward']
                          WHEN 'fred'
                          THEN ['fred', 'frederick']
                          WHEN 'greg'
                          THEN ['greg', 'gregory']
                          WHEN 'gus'
                          THEN ['gus', 'gustavus', 'augustus']
                          WHEN 'hal'
                          THEN ['hal', 'harold']
                          WHEN 'jake'
                          THEN ['jake', 'jacob']
                          WHEN 'jamie'
                          THEN ['jamie', 'james']
                          WHEN 'jeff'
                          THEN ['jeff', 'jeffrey']
                          WHEN 'jerry'
                          THEN ['jerry', 'gerald']
                          WHEN 'jim'
                          THEN ['jim', 'james']
                          WHEN 'jimmy'
                          THEN ['jimmy', 'james']
                          WHEN 'joe'
                          THEN ['joe', 'joseph']
                          WHEN 'jon'
                          THEN ['jon', 'jonathan']
                          WHEN 'josh'
                          THEN ['josh', 'joshua']
                          WHEN 'kathy'
                          THEN ['kathy', 'kathleen', 'katherine']
                          WHEN 'katie'
                          THEN ['katie', 'katherine']
                          WHEN 'ken'
                          THEN ['ken', 'kenneth']
                          WHEN 'larry'
                          THEN ['larry', 'lawrence']
                          WHEN 'liz'
                          THEN ['liz', 'elizabeth']
                          WHEN 'matt'
                          THEN ['matt', 'matthew']
                          WHEN 'mike'
                          THEN ['mike', 'michael']
                          WHEN 'nick'
                          THEN ['nick', 'nicholas']
                          WHEN 'pat'
                          THEN ['pat', 'patrick']
                          WHEN 'pete'
                          THEN ['pete', 'peter']
                          WHEN 'rich'
                          THEN ['rich', 'richard']
                          WHEN 'rick'
                          THEN ['rick', 'richard']
                          WHEN 'rob'
                          THEN ['rob', 'robert']
                          WHEN 'ron'
                          THEN ['ron', 'ronald']
                          WHEN 'rudy'
                          THEN ['rudy', 'rudolph']
                          WHEN 'sam'
                          THEN ['sam', 'samuel']
                          WHEN 'steve'
                          THEN ['steve', 'stephen', 'steven']
                          WHEN 'sue'
                          THEN ['sue', 'susan']
                          WHEN 'susie'
                          THEN ['susie', 'susan']
                          WHEN 'ted'
                          THEN ['ted', 'edward', 'theodore']
                          WHEN 'tim'
                          THEN ['tim', 'timothy']
                          WHEN 'tom'
                          THEN ['tom', 'thomas']
                          WHEN 'tommy'
                          THEN ['tommy', 'thomas']
                          WHEN 'tony'
                          THEN ['tony', 'anthony']
                          WHEN 'val'
                          THEN ['val', 'valerie']
                          WHEN 'will'
                          THEN ['will', 'william']
                          ELSE CAST(["t6"."_middle"] AS TEXT[])
                        END
                      END AS "m_middle_keys",
                      SUBSTRING(
                        "t6"."_first",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t6"."_first") END,
                        1
                      ) AS "m_initial",
                      "t6"."_middle" AS "m_middle"
                    FROM (
                      SELECT
                        "t2"."bioguide_id" AS "m_id",
                        NULLIF(
                          TRIM(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                TRIM(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE(LOWER(STRIP_ACCENTS("t2"."last_name")), '[-/.‐–—]', ' ', 'g'),
                                      '[^a-z ]',
                                      '',
                                      'g'
                                    ),
                                    '\s+',
                                    ' ',
                                    'g'
                                  ),
                                  ' 	
'
                                ),
                                '\b(jr|sr|ii|iii|iv)\b',
                                ' ',
                                'g'
                              ),
                              '\s+',
                              ' ',
                              'g'
                            ),
                            ' 	
'
                          ),
                          ''
                        ) AS "m_last",
                        NULLIF(
                          TRIM(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                TRIM(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE(
                                        LOWER(
                                          STRIP_ACCENTS(
                                            REGEXP_REPLACE("t2"."first_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', ' ', 'g')
                                          )
                                        ),
                                        '[-/.‐–—]',
                                        ' ',
                                        'g'
                                      ),
                                      '[^a-z ]',
                                      '',
                                      'g'
                                    ),
                                    '\s+',
                                    ' ',
                                    'g'
                                  ),
                                  ' 	
'
                                ),
                                '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                ' ',
                                'g'
                              ),
                              '\s+',
                              ' ',
                              'g'
                            ),
                            ' 	
'
                          ),
                          ''
                        ) AS "_first",
                        NULLIF(
                          TRIM(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                TRIM(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE(
                                        LOWER(
                                          STRIP_ACCENTS(REGEXP_EXTRACT("t2"."first_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', 1))
                                        ),
                                        '[-/.‐–—]',
                                        ' ',
                                        'g'
                                      ),
                                      '[^a-z ]',
                                      '',
                                      'g'
                                    ),
                                    '\s+',
                                    ' ',
                                    'g'
                                  ),
                                  ' 	
'
                                ),
                                '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                ' ',
                                'g'
                              ),
                              '\s+',
                              ' ',
                              'g'
                            ),
                            ' 	
'
                          ),
                          ''
                        ) AS "_quoted",
                        NULLIF(
                          TRIM(
                            REGEXP_REPLACE(
                              REGEXP_REPLACE(
                                TRIM(
                                  REGEXP_REPLACE(
                                    REGEXP_REPLACE(
                                      REGEXP_REPLACE(
                                        LOWER(
                                          STRIP_ACCENTS(REGEXP_REPLACE("t2"."nickname", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', ' ', 'g'))
                                        ),
                                        '[-/.‐–—]',
                                        ' ',
                                        'g'
                                      ),
                                      '[^a-z ]',
                                      '',
                                      'g'
                                    ),
                                    '\s+',
                                    ' ',
                                    'g'
                                  ),
                                  ' 	
'
                                ),
                                '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                ' ',
                                'g'
                              ),
                              '\s+',
                              ' ',
                              'g'
                            ),
                            ' 	
'
                          ),
                          ''
                        ) AS "_nick",
                        NULLIF(
                          REGEXP_EXTRACT(
                            NULLIF(
                              TRIM(
                                REGEXP_REPLACE(
                                  REGEXP_REPLACE(
                                    TRIM(
                                      REGEXP_REPLACE(
                                        REGEXP_REPLACE(
                                          REGEXP_REPLACE(
                                            LOWER(
                                              STRIP_ACCENTS(
                                                REGEXP_REPLACE("t2"."middle_name", '["“”‘’''(]([^"“”‘’''()]+)["“”‘’'')]', ' ', 'g')
                                              )
                                            ),
                                            '[-/.‐–—]',
                                            ' ',
                                            'g'
                                          ),
                                          '[^a-z ]',
                                          '',
                                          'g'
                                        ),
                                        '\s+',
                                        ' ',
                                        'g'
                                      ),
                                      ' 	
'
                                    ),
                                    '\b(dr|mr|mrs|ms|miss|hon|rev|md|facs|phd|dds|esq|jr|sr|ii|iii|iv)\b',
                                    ' ',
                                    'g'
                                  ),
                                  '\s+',
                                  ' ',
                                  'g'
                                ),
                                ' 	
'
                              ),
                              ''
                            ),
                            '^([a-z]+)',
                            1
                          ),
                          ''
                        ) AS "_middle"
                      FROM "silver_members" AS "t2"
                    ) AS "t6"
                  ) AS "t10"
                    ON "t4"."bioguide_id" = "t10"."m_id"
                ) AS "t12"
                  ON "t12"."state" = "t8"."f_state"
                  AND COALESCE(
                    (
                      "t8"."f_last" = "t12"."m_last"
                    )
                    OR (
                      "t8"."f_last" = NULLIF(REGEXP_EXTRACT("t12"."m_last", '([a-z]+)$', 1), '')
                    )
                    OR (
                      NULLIF(REGEXP_EXTRACT("t8"."f_last", '([a-z]+)$', 1), '') = "t12"."m_last"
                    ),
                    FALSE
                  )
                  AND "t12"."start_date" <= "t8"."f_date"
                  AND "t12"."end_date" > (
                    "t8"."f_date" - INTERVAL '400' DAY
                  )
              ) AS "t13"
            ) AS "t14"
          ) AS "t15"
          WHERE
            "t15"."rule_no" IS NOT NULL
        ) AS "t16"
        GROUP BY
          1,
          2
      ) AS "t17"
      QUALIFY
        "t17"."rule_no" = MIN("t17"."rule_no") OVER (
          PARTITION BY "t17"."doc_id"
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        )
    ) AS "t18"
    GROUP BY
      1
  ) AS "t19"
) AS "t21"
  ON "t3"."doc_id" = "t21"."d_doc"
