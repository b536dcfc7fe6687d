-- A customers (by the segment on their profile) with a complaint opened since the cutoff.
-- params: since
SELECT c.customer_id, COUNT(*) AS complaints, MAX(k.created_at) AS last_complaint_at
FROM crm_items c
JOIN crm_items k ON k.customer_id = c.customer_id
CROSS JOIN params p
WHERE c.item_type = 'customer' AND c.segment = 'A'
  AND k.item_type = 'case' AND k.case_type = 'complaint' AND k.created_at >= p.since
GROUP BY c.customer_id
ORDER BY complaints DESC, c.customer_id
