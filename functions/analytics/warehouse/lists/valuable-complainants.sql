-- Customers with a complaint opened as an A customer (the segment the case was opened with) since the
-- first instant of the same day a year ago; the most complaints first.
-- params: since, until
SELECT k.customer_id, COUNT(*) AS complaints, MAX(k.created_at) AS last_complaint_at
FROM crm_items k CROSS JOIN params p
WHERE k.item_type = 'case' AND k.case_type = 'complaint' AND k.case_segment = 'A'
  AND k.created_at >= p.since AND k.created_at <= p.until
GROUP BY k.customer_id
ORDER BY complaints DESC, last_complaint_at DESC, k.customer_id
