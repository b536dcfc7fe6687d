-- One row per item of the latest export of the table, with the attributes the lists read, typed.
-- The export is DynamoDB JSON (every attribute a one-key object: S, N, M…); `crm_export_latest` is
-- the latest export's items, one `item` column each (Athena: a CTE over the Glue table; DuckDB: a
-- view over the export's files). A TRY figure is the order's TRY amount, or its total when the order
-- is in TRY, in kuruş.
SELECT
  item.pk.s AS pk,
  item.sk.s AS sk,
  item.type.s AS item_type,
  item.customerid.s AS customer_id,
  item.status.s AS status,
  item.createdat.s AS created_at,
  item.segment.s AS segment,
  item.casetype.s AS case_type,
  item.sla.m.segment.s AS case_segment,
  COALESCE(
    CAST(item.grandtotaltry.m.amount.n AS BIGINT),
    CASE WHEN item.currency.s = 'TRY' THEN CAST(item.totals.m.grandtotal.m.amount.n AS BIGINT) END,
    0
  ) AS revenue_try
FROM crm_export_latest
