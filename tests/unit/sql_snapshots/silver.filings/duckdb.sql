SELECT
  "t4"."doc_id",
  "t4"."year",
  UPPER(
    NULLIF(
      TRIM(REGEXP_REPLACE("t4"."filing_type", '\s+', ' ', 'g'), ' 	
'),
      ''
    )
  ) AS "filing_type",
  CASE UPPER(
      NULLIF(
        TRIM(REGEXP_REPLACE("t4"."filing_type", '\s+', ' ', 'g'), ' 	
'),
        ''
      )
    )
    WHEN 'P'
    THEN 'Periodic Transaction Report'
    WHEN 'C'
    THEN 'Candidate Report'
    WHEN 'A'
    THEN 'Amendment Report'
    WHEN 'T'
    THEN 'Terminated Filer Report'
    WHEN 'H'
    THEN 'New Filer Report'
    WHEN 'O'
    THEN 'Paper Financial Disclosure Report'
    WHEN 'X'
    THEN 'Extension Request'
    WHEN 'D'
    THEN 'Candidate Notification (under $5,000 threshold)'
    WHEN 'W'
    THEN 'Candidate Withdrawal Notice'
    WHEN 'E'
    THEN 'Terminated Employee Filing Exemption'
    WHEN 'G'
    THEN 'Gift Disclosure Waiver Request'
    WHEN 'B'
    THEN 'Qualified Blind Trust Correspondence'
    ELSE CAST(NULL AS TEXT)
  END AS "filing_type_name",
  CASE
    WHEN REGEXP_MATCHES(
      NULLIF(
        TRIM(REGEXP_REPLACE("t4"."filing_date_raw", '\s+', ' ', 'g'), ' 	
'),
        ''
      ),
      '^(\d{1,2}/\d{1,2}/\d{4})\b'
    )
    THEN CAST(TRY_STRPTIME(
      REGEXP_EXTRACT(
        NULLIF(
          TRIM(REGEXP_REPLACE("t4"."filing_date_raw", '\s+', ' ', 'g'), ' 	
'),
          ''
        ),
        '^(\d{1,2}/\d{1,2}/\d{4})\b',
        1
      ),
      '%m/%d/%Y'
    ) AS DATE)
    WHEN REGEXP_MATCHES(
      NULLIF(
        TRIM(REGEXP_REPLACE("t4"."filing_date_raw", '\s+', ' ', 'g'), ' 	
'),
        ''
      ),
      '^(\d{1,2}/\d{1,2}/\d{2})\b'
    )
    THEN CAST(TRY_STRPTIME(
      REGEXP_EXTRACT(
        NULLIF(
          TRIM(REGEXP_REPLACE("t4"."filing_date_raw", '\s+', ' ', 'g'), ' 	
'),
          ''
        ),
        '^(\d{1,2}/\d{1,2}/\d{2})\b',
        1
      ),
      '%m/%d/%y'
    ) AS DATE)
    WHEN REGEXP_MATCHES(
      NULLIF(
        TRIM(REGEXP_REPLACE("t4"."filing_date_raw", '\s+', ' ', 'g'), ' 	
'),
        ''
      ),
      '^(\d{4}-\d{2}-\d{2})\b'
    )
    THEN CAST(TRY_STRPTIME(
      REGEXP_EXTRACT(
        NULLIF(
          TRIM(REGEXP_REPLACE("t4"."filing_date_raw", '\s+', ' ', 'g'), ' 	
'),
          ''
        ),
        '^(\d{4}-\d{2}-\d{2})\b',
        1
      ),
      '%Y-%m-%d'
    ) AS DATE)
    ELSE CAST(NULL AS DATE)
  END AS "filing_date",
  NULLIF(TRIM(REGEXP_REPLACE("t4"."prefix", '\s+', ' ', 'g'), ' 	
'), '') AS "prefix",
  NULLIF(TRIM(REGEXP_REPLACE("t4"."first", '\s+', ' ', 'g'), ' 	
'), '') AS "first_name",
  NULLIF(TRIM(REGEXP_REPLACE("t4"."last", '\s+', ' ', 'g'), ' 	
'), '') AS "last_name",
  CASE NULLIF(TRIM(REGEXP_REPLACE("t4"."suffix", '\s+', ' ', 'g'), ' 	
'), '')
    WHEN 'Jr'
    THEN 'Jr.'
    WHEN 'Sr'
    THEN 'Sr.'
    WHEN 'JR'
    THEN 'Jr.'
    WHEN 'SR'
    THEN 'Sr.'
    ELSE NULLIF(TRIM(REGEXP_REPLACE("t4"."suffix", '\s+', ' ', 'g'), ' 	
'), '')
  END AS "suffix",
  NULLIF(
    TRIM(
      REGEXP_REPLACE(
        CONCAT_WS(
          ' ',
          COALESCE(
            NULLIF(TRIM(REGEXP_REPLACE("t4"."first", '\s+', ' ', 'g'), ' 	
'), ''),
            ''
          ),
          COALESCE(
            NULLIF(TRIM(REGEXP_REPLACE("t4"."last", '\s+', ' ', 'g'), ' 	
'), ''),
            ''
          ),
          COALESCE(
            CASE NULLIF(TRIM(REGEXP_REPLACE("t4"."suffix", '\s+', ' ', 'g'), ' 	
'), '')
              WHEN 'Jr'
              THEN 'Jr.'
              WHEN 'Sr'
              THEN 'Sr.'
              WHEN 'JR'
              THEN 'Jr.'
              WHEN 'SR'
              THEN 'Sr.'
              ELSE NULLIF(TRIM(REGEXP_REPLACE("t4"."suffix", '\s+', ' ', 'g'), ' 	
'), '')
            END,
            ''
          )
        ),
        '\s+',
        ' ',
        'g'
      ),
      ' 	
'
    ),
    ''
  ) AS "filer_name",
  UPPER(
    NULLIF(
      TRIM(REGEXP_REPLACE("t4"."state_dst", '\s+', ' ', 'g'), ' 	
'),
      ''
    )
  ) AS "state_district",
  CASE
    WHEN COALESCE(
      REGEXP_MATCHES(
        REGEXP_REPLACE(
          UPPER(
            NULLIF(
              TRIM(REGEXP_REPLACE("t4"."state_dst", '\s+', ' ', 'g'), ' 	
'),
              ''
            )
          ),
          '[^A-Z0-9]',
          '',
          'g'
        ),
        '^[A-Z]{2}\d{2}$'
      ),
      FALSE
    )
    THEN CASE SUBSTRING(
        REGEXP_REPLACE(
          UPPER(
            NULLIF(
              TRIM(REGEXP_REPLACE("t4"."state_dst", '\s+', ' ', 'g'), ' 	
'),
              ''
            )
          ),
          '[^A-Z0-9]',
          '',
          'g'
        ),
        CASE
          WHEN (
            0 + 1
          ) >= 1
          THEN 0 + 1
          ELSE 0 + 1 + LENGTH(
            REGEXP_REPLACE(
              UPPER(
                NULLIF(
                  TRIM(REGEXP_REPLACE("t4"."state_dst", '\s+', ' ', 'g'), ' 	
'),
                  ''
                )
              ),
              '[^A-Z0-9]',
              '',
              'g'
            )
          )
        END,
        2
      )
      WHEN 'AQ'
      THEN 'AS'
      WHEN 'GQ'
      THEN 'GU'
      WHEN 'RQ'
      THEN 'PR'
      WHEN 'VQ'
      THEN 'VI'
      WHEN 'CQ'
      THEN 'MP'
      ELSE SUBSTRING(
        REGEXP_REPLACE(
          UPPER(
            NULLIF(
              TRIM(REGEXP_REPLACE("t4"."state_dst", '\s+', ' ', 'g'), ' 	
'),
              ''
            )
          ),
          '[^A-Z0-9]',
          '',
          'g'
        ),
        CASE
          WHEN (
            0 + 1
          ) >= 1
          THEN 0 + 1
          ELSE 0 + 1 + LENGTH(
            REGEXP_REPLACE(
              UPPER(
                NULLIF(
                  TRIM(REGEXP_REPLACE("t4"."state_dst", '\s+', ' ', 'g'), ' 	
'),
                  ''
                )
              ),
              '[^A-Z0-9]',
              '',
              'g'
            )
          )
        END,
        2
      )
    END
    ELSE CAST(NULL AS TEXT)
  END AS "state",
  CASE
    WHEN CASE
      WHEN COALESCE(
        REGEXP_MATCHES(
          REGEXP_REPLACE(
            UPPER(
              NULLIF(
                TRIM(REGEXP_REPLACE("t4"."state_dst", '\s+', ' ', 'g'), ' 	
'),
                ''
              )
            ),
            '[^A-Z0-9]',
            '',
            'g'
          ),
          '^[A-Z]{2}\d{2}$'
        ),
        FALSE
      )
      THEN CAST(SUBSTRING(
        REGEXP_REPLACE(
          UPPER(
            NULLIF(
              TRIM(REGEXP_REPLACE("t4"."state_dst", '\s+', ' ', 'g'), ' 	
'),
              ''
            )
          ),
          '[^A-Z0-9]',
          '',
          'g'
        ),
        CASE
          WHEN (
            2 + 1
          ) >= 1
          THEN 2 + 1
          ELSE 2 + 1 + LENGTH(
            REGEXP_REPLACE(
              UPPER(
                NULLIF(
                  TRIM(REGEXP_REPLACE("t4"."state_dst", '\s+', ' ', 'g'), ' 	
'),
                  ''
                )
              ),
              '[^A-Z0-9]',
              '',
              'g'
            )
          )
        END,
        2
      ) AS INT)
      ELSE CAST(NULL AS INT)
    END = 0
    THEN CAST(NULL AS INT)
    ELSE CASE
      WHEN COALESCE(
        REGEXP_MATCHES(
          REGEXP_REPLACE(
            UPPER(
              NULLIF(
                TRIM(REGEXP_REPLACE("t4"."state_dst", '\s+', ' ', 'g'), ' 	
'),
                ''
              )
            ),
            '[^A-Z0-9]',
            '',
            'g'
          ),
          '^[A-Z]{2}\d{2}$'
        ),
        FALSE
      )
      THEN CAST(SUBSTRING(
        REGEXP_REPLACE(
          UPPER(
            NULLIF(
              TRIM(REGEXP_REPLACE("t4"."state_dst", '\s+', ' ', 'g'), ' 	
'),
              ''
            )
          ),
          '[^A-Z0-9]',
          '',
          'g'
        ),
        CASE
          WHEN (
            2 + 1
          ) >= 1
          THEN 2 + 1
          ELSE 2 + 1 + LENGTH(
            REGEXP_REPLACE(
              UPPER(
                NULLIF(
                  TRIM(REGEXP_REPLACE("t4"."state_dst", '\s+', ' ', 'g'), ' 	
'),
                  ''
                )
              ),
              '[^A-Z0-9]',
              '',
              'g'
            )
          )
        END,
        2
      ) AS INT)
      ELSE CAST(NULL AS INT)
    END
  END AS "district",
  CASE
    WHEN COALESCE(
      REGEXP_MATCHES(
        REGEXP_REPLACE(
          UPPER(
            NULLIF(
              TRIM(REGEXP_REPLACE("t4"."state_dst", '\s+', ' ', 'g'), ' 	
'),
              ''
            )
          ),
          '[^A-Z0-9]',
          '',
          'g'
        ),
        '^[A-Z]{2}\d{2}$'
      ),
      FALSE
    )
    THEN CASE
      WHEN COALESCE(
        REGEXP_MATCHES(
          REGEXP_REPLACE(
            UPPER(
              NULLIF(
                TRIM(REGEXP_REPLACE("t4"."state_dst", '\s+', ' ', 'g'), ' 	
'),
                ''
              )
            ),
            '[^A-Z0-9]',
            '',
            'g'
          ),
          '^[A-Z]{2}\d{2}$'
        ),
        FALSE
      )
      THEN CAST(SUBSTRING(
        REGEXP_REPLACE(
          UPPER(
            NULLIF(
              TRIM(REGEXP_REPLACE("t4"."state_dst", '\s+', ' ', 'g'), ' 	
'),
              ''
            )
          ),
          '[^A-Z0-9]',
          '',
          'g'
        ),
        CASE
          WHEN (
            2 + 1
          ) >= 1
          THEN 2 + 1
          ELSE 2 + 1 + LENGTH(
            REGEXP_REPLACE(
              UPPER(
                NULLIF(
                  TRIM(REGEXP_REPLACE("t4"."state_dst", '\s+', ' ', 'g'), ' 	
'),
                  ''
                )
              ),
              '[^A-Z0-9]',
              '',
              'g'
            )
          )
        END,
        2
      ) AS INT)
      ELSE CAST(NULL AS INT)
    END = 0
    ELSE CAST(NULL AS BOOLEAN)
  END AS "is_at_large",
  CASE
    WHEN REGEXP_MATCHES("t4"."doc_id", '^2\d{7}$')
    THEN TRUE
    WHEN REGEXP_MATCHES("t4"."doc_id", '^1\d{7}$')
    THEN TRUE
    WHEN REGEXP_MATCHES("t4"."doc_id", '^3\d{7}$')
    THEN TRUE
    WHEN REGEXP_MATCHES("t4"."doc_id", '^4\d{7}$')
    THEN TRUE
    WHEN REGEXP_MATCHES("t4"."doc_id", '^5\d{7}$')
    THEN TRUE
    WHEN REGEXP_MATCHES("t4"."doc_id", '^\d{8}$')
    THEN TRUE
    WHEN REGEXP_MATCHES("t4"."doc_id", '^\d{4}$')
    THEN TRUE
    WHEN REGEXP_MATCHES("t4"."doc_id", '^\d{7}$')
    THEN FALSE
    ELSE CAST(NULL AS BOOLEAN)
  END AS "is_efiled",
  CASE
    WHEN REGEXP_MATCHES("t4"."doc_id", '^2\d{7}$')
    THEN 'ptr_efiled'
    WHEN REGEXP_MATCHES("t4"."doc_id", '^1\d{7}$')
    THEN 'fd_efiled'
    WHEN REGEXP_MATCHES("t4"."doc_id", '^3\d{7}$')
    THEN 'extension_efiled'
    WHEN REGEXP_MATCHES("t4"."doc_id", '^4\d{7}$')
    THEN 'notice_efiled'
    WHEN REGEXP_MATCHES("t4"."doc_id", '^5\d{7}$')
    THEN 'waiver_efiled'
    WHEN REGEXP_MATCHES("t4"."doc_id", '^\d{8}$')
    THEN 'efiled_other'
    WHEN REGEXP_MATCHES("t4"."doc_id", '^\d{4}$')
    THEN 'withdrawal_efiled'
    WHEN REGEXP_MATCHES("t4"."doc_id", '^\d{7}$')
    THEN 'paper'
    ELSE 'unknown'
  END AS "doc_id_family",
  'https://disclosures-clerk.house.gov/public_disc/' || CASE
    WHEN UPPER(
      NULLIF(
        TRIM(REGEXP_REPLACE("t4"."filing_type", '\s+', ' ', 'g'), ' 	
'),
        ''
      )
    ) = 'P'
    THEN 'ptr-pdfs'
    ELSE 'financial-pdfs'
  END || '/' || CAST("t4"."year" AS TEXT) || '/' || "t4"."doc_id" || '.pdf' AS "pdf_url",
  UPPER(
    NULLIF(
      TRIM(REGEXP_REPLACE("t4"."filing_type", '\s+', ' ', 'g'), ' 	
'),
      ''
    )
  ) = 'A' AS "is_amendment",
  "t4"."index_record_count",
  "t4"."source_url",
  "t4"."ingested_at",
  NULLIF(
    TRIM(REGEXP_REPLACE("t4"."filing_date_raw", '\s+', ' ', 'g'), ' 	
'),
    ''
  ) AS "filing_date_raw",
  NULLIF(TRIM(REGEXP_REPLACE("t4"."year_raw", '\s+', ' ', 'g'), ' 	
'), '') AS "year_raw"
FROM (
  SELECT
    *
  FROM (
    SELECT
      "t2"."year",
      "t2"."doc_id",
      "t2"."prefix",
      "t2"."last",
      "t2"."first",
      "t2"."suffix",
      "t2"."filing_type",
      "t2"."state_dst",
      "t2"."year_raw",
      "t2"."filing_date_raw",
      "t2"."record_no",
      "t2"."index_format",
      "t2"."source_url",
      "t2"."source_sha256",
      "t2"."http_etag",
      "t2"."http_last_modified",
      "t2"."ingested_at",
      "t2"."run_id",
      "t2"."_latest",
      ROW_NUMBER() OVER (
        PARTITION BY "t2"."doc_id"
        ORDER BY "t2"."record_no" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1 AS "_n",
      CAST(COUNT(*) OVER (
        PARTITION BY "t2"."doc_id"
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) AS INT) AS "index_record_count"
    FROM (
      SELECT
        "t1"."year",
        NULLIF(TRIM(REGEXP_REPLACE("t1"."doc_id", '\s+', ' ', 'g'), ' 	
'), '') AS "doc_id",
        "t1"."prefix",
        "t1"."last",
        "t1"."first",
        "t1"."suffix",
        "t1"."filing_type",
        "t1"."state_dst",
        "t1"."year_raw",
        "t1"."filing_date_raw",
        "t1"."record_no",
        "t1"."index_format",
        "t1"."source_url",
        "t1"."source_sha256",
        "t1"."http_etag",
        "t1"."http_last_modified",
        "t1"."ingested_at",
        "t1"."run_id",
        "t1"."_latest"
      FROM (
        SELECT
          "t0"."year",
          "t0"."doc_id",
          "t0"."prefix",
          "t0"."last",
          "t0"."first",
          "t0"."suffix",
          "t0"."filing_type",
          "t0"."state_dst",
          "t0"."year_raw",
          "t0"."filing_date_raw",
          "t0"."record_no",
          "t0"."index_format",
          "t0"."source_url",
          "t0"."source_sha256",
          "t0"."http_etag",
          "t0"."http_last_modified",
          "t0"."ingested_at",
          "t0"."run_id",
          MAX("t0"."ingested_at") OVER (PARTITION BY "t0"."year" ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "_latest"
        FROM "bronze_house_fd_index" AS "t0"
      ) AS "t1"
      WHERE
        "t1"."ingested_at" = "t1"."_latest"
        AND NULLIF(TRIM(REGEXP_REPLACE("t1"."doc_id", '\s+', ' ', 'g'), ' 	
'), '') IS NOT NULL
    ) AS "t2"
  ) AS "t3"
  WHERE
    "t3"."_n" = 0
) AS "t4"
