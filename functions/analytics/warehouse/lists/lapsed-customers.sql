-- Buyers whose last delivered order is older than the cutoff (twelve months before the day asked).
-- params: cutoff
SELECT b.customer_id, b.last_order_at
FROM (
  SELECT customer_id, MAX(created_at) AS last_order_at
  FROM crm_items
  WHERE item_type = 'order' AND status = 'delivered'
  GROUP BY customer_id
) AS b CROSS JOIN params p
WHERE b.last_order_at < p.cutoff
ORDER BY b.last_order_at, b.customer_id
