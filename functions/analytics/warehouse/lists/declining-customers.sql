-- Buyers ordering less this year to date than in the same part of last year (delivered, in TRY).
-- params: this_start, this_end, last_start, last_end
SELECT customer_id, this_year_try, last_year_try
FROM (
  SELECT
    o.customer_id,
    SUM(CASE WHEN o.created_at >= p.this_start AND o.created_at < p.this_end THEN o.revenue_try ELSE 0 END) AS this_year_try,
    SUM(CASE WHEN o.created_at >= p.last_start AND o.created_at < p.last_end THEN o.revenue_try ELSE 0 END) AS last_year_try
  FROM crm_items o CROSS JOIN params p
  WHERE o.item_type = 'order' AND o.status = 'delivered'
  GROUP BY o.customer_id
) AS years
WHERE this_year_try < last_year_try
ORDER BY last_year_try - this_year_try DESC, customer_id
