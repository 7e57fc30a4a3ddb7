/**
 * Synthetic subscribers spread evenly over the provinces and the three carriers, with numbers from each
 * carrier's own prefixes (84 + 2-digit prefix + 7 digits) and 1 % opted out. Set-based: one statement.
 * $1 how many, $2 province codes.
 */
export const INSERT_DEMO_SUBSCRIBERS = `
  INSERT INTO subscribers (msisdn, carrier, province_code, status)
  SELECT 84000000000 + prefix.value * 10000000 + (n / 9),
         prefix.carrier,
         ($2::text[])[1 + (n / 9) % cardinality($2::text[])],
         CASE WHEN n % 100 = 42 THEN 'opted_out' ELSE 'active' END
  FROM generate_series(0, $1 - 1) AS n
  JOIN (VALUES (0, 96, 'viettel'), (1, 97, 'viettel'), (2, 98, 'viettel'),
               (3, 91, 'vnpt'), (4, 94, 'vnpt'), (5, 88, 'vnpt'),
               (6, 90, 'mobifone'), (7, 93, 'mobifone'), (8, 89, 'mobifone')) AS prefix(slot, value, carrier)
    ON prefix.slot = n % 9
  ON CONFLICT (msisdn) DO NOTHING`;

/**
 * Demo only: a province with no police hotline on record gets one that is plainly not a real number
 * ("0000.000.0" + its code, e.g. 0000.000.014 for Sơn La), so demo campaigns render and their texts show
 * where the hotline goes. Real hotlines come from the admin (PATCH /provinces/:code) or config/provinces.json.
 */
export const SET_DEMO_HOTLINES = `
  UPDATE provinces SET police_hotlines = ARRAY['0000.000.0' || code], updated_at = now()
  WHERE cardinality(police_hotlines) = 0
  RETURNING code`;
