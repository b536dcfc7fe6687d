-- The top 5% of buyers by delivered sales in TRY over a year: ranked by revenue, a customer tied
-- with the last one in stays in.
-- params: year_start, year_end
SELECT customer_id, revenue_try
FROM (
  SELECT customer_id, revenue_try, RANK() OVER (ORDER BY revenue_try DESC) AS position, COUNT(*) OVER () AS buyers
  FROM (
    SELECT o.customer_id, SUM(o.revenue_try) AS revenue_try
    FROM crm_items o CROSS JOIN params p
    WHERE o.item_type = 'order' AND o.status = 'delivered' AND o.created_at >= p.year_start AND o.created_at < p.year_end
    GROUP BY o.customer_id
  ) AS sales
) AS ranked
WHERE position <= CEIL(buyers * 0.05)
ORDER BY revenue_try DESC, customer_id
