SELECT
  "t4"."doc_id",
  "t4"."year",
  UPPER(
    NULLIF(
      TRIM(' 	
' FROM REGEXP_REPLACE("t4"."filing_type", '\s+', ' ')),
      ''
    )
  ) AS "filing_type",
  CASE UPPER(
      NULLIF(
        TRIM(' 	
' FROM REGEXP_REPLACE("t4"."filing_type", '\s+', ' ')),
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
    ELSE CAST(NULL AS VARCHAR)
  END AS "filing_type_name",
  CASE
    WHEN REGEXP_LIKE(
      NULLIF(
        TRIM(' 	
' FROM REGEXP_REPLACE("t4"."filing_date_raw", '\s+', ' ')),
        ''
      ),
      '^(\d{1,2}/\d{1,2}/\d{4})\b'
    )
    THEN DATE(
      TRY_STRPTIME(
        REGEXP_EXTRACT(
          NULLIF(
            TRIM(' 	
' FROM REGEXP_REPLACE("t4"."filing_date_raw", '\s+', ' ')),
            ''
          ),
          '^(\d{1,2}/\d{1,2}/\d{4})\b',
          1
        ),
        '%m/%d/%Y'
      )
    )
    WHEN REGEXP_LIKE(
      NULLIF(
        TRIM(' 	
' FROM REGEXP_REPLACE("t4"."filing_date_raw", '\s+', ' ')),
        ''
      ),
      '^(\d{1,2}/\d{1,2}/\d{2})\b'
    )
    THEN DATE(
      TRY_STRPTIME(
        REGEXP_EXTRACT(
          NULLIF(
            TRIM(' 	
' FROM REGEXP_REPLACE("t4"."filing_date_raw", '\s+', ' ')),
            ''
          ),
          '^(\d{1,2}/\d{1,2}/\d{2})\b',
          1
        ),
        '%m/%d/%y'
      )
    )
    WHEN REGEXP_LIKE(
      NULLIF(
        TRIM(' 	
' FROM REGEXP_REPLACE("t4"."filing_date_raw", '\s+', ' ')),
        ''
      ),
      '^(\d{4}-\d{2}-\d{2})\b'
    )
    THEN DATE(
      TRY_STRPTIME(
        REGEXP_EXTRACT(
          NULLIF(
            TRIM(' 	
' FROM REGEXP_REPLACE("t4"."filing_date_raw", '\s+', ' ')),
            ''
          ),
          '^(\d{4}-\d{2}-\d{2})\b',
          1
        ),
        '%Y-%m-%d'
      )
    )
    ELSE CAST(NULL AS DATE)
  END AS "filing_date",
  NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."prefix", '\s+', ' ')), '') AS "prefix",
  NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."first", '\s+', ' ')), '') AS "first_name",
  NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."last", '\s+', ' ')), '') AS "last_name",
  CASE NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."suffix", '\s+', ' ')), '')
    WHEN 'Jr'
    THEN 'Jr.'
    WHEN 'Sr'
    THEN 'Sr.'
    WHEN 'JR'
    THEN 'Jr.'
    WHEN 'SR'
    THEN 'Sr.'
    ELSE NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."suffix", '\s+', ' ')), '')
  END AS "suffix",
  NULLIF(
    TRIM(' 	
' FROM REGEXP_REPLACE(
      CONCAT_WS(
        ' ',
        COALESCE(
          NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."first", '\s+', ' ')), ''),
          ''
        ),
        COALESCE(
          NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."last", '\s+', ' ')), ''),
          ''
        ),
        COALESCE(
          CASE NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."suffix", '\s+', ' ')), '')
            WHEN 'Jr'
            THEN 'Jr.'
            WHEN 'Sr'
            THEN 'Sr.'
            WHEN 'JR'
            THEN 'Jr.'
            WHEN 'SR'
            THEN 'Sr.'
            ELSE NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."suffix", '\s+', ' ')), '')
          END,
          ''
        )
      ),
      '\s+',
      ' '
    )),
    ''
  ) AS "filer_name",
  UPPER(
    NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."state_dst", '\s+', ' ')), '')
  ) AS "state_district",
  IF(
    COALESCE(
      REGEXP_LIKE(
        REGEXP_REPLACE(
          UPPER(
            NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."state_dst", '\s+', ' ')), '')
          ),
          '[^A-Z0-9]',
          ''
        ),
        '^[A-Z]{2}\d{2}$'
      ),
      FALSE
    ),
    CASE SUBSTR(
        REGEXP_REPLACE(
          UPPER(
            NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."state_dst", '\s+', ' ')), '')
          ),
          '[^A-Z0-9]',
          ''
        ),
        IF(
          (
            0 + 1
          ) >= 1,
          0 + 1,
          0 + 1 + LENGTH(
            REGEXP_REPLACE(
              UPPER(
                NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."state_dst", '\s+', ' ')), '')
              ),
              '[^A-Z0-9]',
              ''
            )
          )
        ),
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
      ELSE SUBSTR(
        REGEXP_REPLACE(
          UPPER(
            NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."state_dst", '\s+', ' ')), '')
          ),
          '[^A-Z0-9]',
          ''
        ),
        IF(
          (
            0 + 1
          ) >= 1,
          0 + 1,
          0 + 1 + LENGTH(
            REGEXP_REPLACE(
              UPPER(
                NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."state_dst", '\s+', ' ')), '')
              ),
              '[^A-Z0-9]',
              ''
            )
          )
        ),
        2
      )
    END,
    CAST(NULL AS VARCHAR)
  ) AS "state",
  IF(
    IF(
      COALESCE(
        REGEXP_LIKE(
          REGEXP_REPLACE(
            UPPER(
              NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."state_dst", '\s+', ' ')), '')
            ),
            '[^A-Z0-9]',
            ''
          ),
          '^[A-Z]{2}\d{2}$'
        ),
        FALSE
      ),
      CAST(SUBSTR(
        REGEXP_REPLACE(
          UPPER(
            NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."state_dst", '\s+', ' ')), '')
          ),
          '[^A-Z0-9]',
          ''
        ),
        IF(
          (
            2 + 1
          ) >= 1,
          2 + 1,
          2 + 1 + LENGTH(
            REGEXP_REPLACE(
              UPPER(
                NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."state_dst", '\s+', ' ')), '')
              ),
              '[^A-Z0-9]',
              ''
            )
          )
        ),
        2
      ) AS INTEGER),
      CAST(NULL AS INTEGER)
    ) = 0,
    CAST(NULL AS INTEGER),
    IF(
      COALESCE(
        REGEXP_LIKE(
          REGEXP_REPLACE(
            UPPER(
              NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."state_dst", '\s+', ' ')), '')
            ),
            '[^A-Z0-9]',
            ''
          ),
          '^[A-Z]{2}\d{2}$'
        ),
        FALSE
      ),
      CAST(SUBSTR(
        REGEXP_REPLACE(
          UPPER(
            NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."state_dst", '\s+', ' ')), '')
          ),
          '[^A-Z0-9]',
          ''
        ),
        IF(
          (
            2 + 1
          ) >= 1,
          2 + 1,
          2 + 1 + LENGTH(
            REGEXP_REPLACE(
              UPPER(
                NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."state_dst", '\s+', ' ')), '')
              ),
              '[^A-Z0-9]',
              ''
            )
          )
        ),
        2
      ) AS INTEGER),
      CAST(NULL AS INTEGER)
    )
  ) AS "district",
  IF(
    COALESCE(
      REGEXP_LIKE(
        REGEXP_REPLACE(
          UPPER(
            NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."state_dst", '\s+', ' ')), '')
          ),
          '[^A-Z0-9]',
          ''
        ),
        '^[A-Z]{2}\d{2}$'
      ),
      FALSE
    ),
    IF(
      COALESCE(
        REGEXP_LIKE(
          REGEXP_REPLACE(
            UPPER(
              NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."state_dst", '\s+', ' ')), '')
            ),
            '[^A-Z0-9]',
            ''
          ),
          '^[A-Z]{2}\d{2}$'
        ),
        FALSE
      ),
      CAST(SUBSTR(
        REGEXP_REPLACE(
          UPPER(
            NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."state_dst", '\s+', ' ')), '')
          ),
          '[^A-Z0-9]',
          ''
        ),
        IF(
          (
            2 + 1
          ) >= 1,
          2 + 1,
          2 + 1 + LENGTH(
            REGEXP_REPLACE(
              UPPER(
                NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."state_dst", '\s+', ' ')), '')
              ),
              '[^A-Z0-9]',
              ''
            )
          )
        ),
        2
      ) AS INTEGER),
      CAST(NULL AS INTEGER)
    ) = 0,
    CAST(NULL AS BOOLEAN)
  ) AS "is_at_large",
  CASE
    WHEN REGEXP_LIKE("t4"."doc_id", '^2\d{7}$')
    THEN TRUE
    WHEN REGEXP_LIKE("t4"."doc_id", '^1\d{7}$')
    THEN TRUE
    WHEN REGEXP_LIKE("t4"."doc_id", '^3\d{7}$')
    THEN TRUE
    WHEN REGEXP_LIKE("t4"."doc_id", '^4\d{7}$')
    THEN TRUE
    WHEN REGEXP_LIKE("t4"."doc_id", '^5\d{7}$')
    THEN TRUE
    WHEN REGEXP_LIKE("t4"."doc_id", '^\d{8}$')
    THEN TRUE
    WHEN REGEXP_LIKE("t4"."doc_id", '^\d{4}$')
    THEN TRUE
    WHEN REGEXP_LIKE("t4"."doc_id", '^\d{7}$')
    THEN FALSE
    ELSE CAST(NULL AS BOOLEAN)
  END AS "is_efiled",
  CASE
    WHEN REGEXP_LIKE("t4"."doc_id", '^2\d{7}$')
    THEN 'ptr_efiled'
    WHEN REGEXP_LIKE("t4"."doc_id", '^1\d{7}$')
    THEN 'fd_efiled'
    WHEN REGEXP_LIKE("t4"."doc_id", '^3\d{7}$')
    THEN 'extension_efiled'
    WHEN REGEXP_LIKE("t4"."doc_id", '^4\d{7}$')
    THEN 'notice_efiled'
    WHEN REGEXP_LIKE("t4"."doc_id", '^5\d{7}$')
    THEN 'waiver_efiled'
    WHEN REGEXP_LIKE("t4"."doc_id", '^\d{8}$')
    THEN 'efiled_other'
    WHEN REGEXP_LIKE("t4"."doc_id", '^\d{4}$')
    THEN 'withdrawal_efiled'
    WHEN REGEXP_LIKE("t4"."doc_id", '^\d{7}$')
    THEN 'paper'
    ELSE 'unknown'
  END AS "doc_id_family",
  CONCAT(
    CONCAT(
      CONCAT(
        CONCAT(
          CONCAT(
            CONCAT(
              'https://disclosures-clerk.house.gov/public_disc/',
              IF(
                UPPER(
                  NULLIF(
                    TRIM(' 	
' FROM REGEXP_REPLACE("t4"."filing_type", '\s+', ' ')),
                    ''
                  )
                ) = 'P',
                'ptr-pdfs',
                'financial-pdfs'
              )
            ),
            '/'
          ),
          CAST("t4"."year" AS VARCHAR)
        ),
        '/'
      ),
      "t4"."doc_id"
    ),
    '.pdf'
  ) AS "pdf_url",
  UPPER(
    NULLIF(
      TRIM(' 	
' FROM REGEXP_REPLACE("t4"."filing_type", '\s+', ' ')),
      ''
    )
  ) = 'A' AS "is_amendment",
  "t4"."index_record_count",
  "t4"."source_url",
  "t4"."ingested_at",
  NULLIF(
    TRIM(' 	
' FROM REGEXP_REPLACE("t4"."filing_date_raw", '\s+', ' ')),
    ''
  ) AS "filing_date_raw",
  NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t4"."year_raw", '\s+', ' ')), '') AS "year_raw"
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
      ROW_NUMBER() OVER (PARTITION BY "t2"."doc_id" ORDER BY "t2"."record_no" ASC) - 1 AS "_n",
      CAST(COUNT(*) OVER (
        PARTITION BY "t2"."doc_id"
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) AS INTEGER) AS "index_record_count"
    FROM (
      SELECT
        "t1"."year",
        NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t1"."doc_id", '\s+', ' ')), '') AS "doc_id",
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
        AND NULLIF(TRIM(' 	
' FROM REGEXP_REPLACE("t1"."doc_id", '\s+', ' ')), '') IS NOT NULL
    ) AS "t2"
  ) AS "t3"
  WHERE
    "t3"."_n" = 0
) AS "t4"
