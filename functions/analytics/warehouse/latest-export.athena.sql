-- The items of the newest export under the Glue table's location: an export id starts with the
-- export's time in milliseconds, so the greatest id is the newest. Older exports expire by the
-- bucket's lifecycle rule, so this reads at most a few.
SELECT item
FROM crm_export
WHERE regexp_extract("$path", 'AWSDynamoDB/([^/]+)/data/', 1) = (
  SELECT max(regexp_extract("$path", 'AWSDynamoDB/([^/]+)/data/', 1))
  FROM crm_export
  WHERE "$path" LIKE '%/data/%'
)
