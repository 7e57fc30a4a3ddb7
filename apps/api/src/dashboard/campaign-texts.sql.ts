/** The texts of one campaign as rendered when it was saved, per province ($2: the provinces the reader may see). */
export const CAMPAIGN_TEXTS = `
  SELECT province_code AS "provinceCode", body AS text, encoding, segments, carrier_segments AS "carrierSegments"
  FROM campaign_texts
  WHERE campaign_id = $1 AND province_code = ANY($2::text[])
  ORDER BY province_code`;
