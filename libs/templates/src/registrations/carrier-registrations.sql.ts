const COLUMNS = 'template_id, carrier, state, reference, reason, pattern, submitted_by, submitted_at, answered_by, answered_at';

/** Registrations of template $1, one per carrier. */
export const LIST_REGISTRATIONS = `SELECT ${COLUMNS} FROM template_registrations WHERE template_id = $1 ORDER BY carrier`;

/** Registrations of templates $1 on carriers $2 (what a campaign's approval checks). */
export const REGISTRATIONS_OF = `SELECT ${COLUMNS} FROM template_registrations WHERE template_id = $1 AND carrier = ANY($2::text[])`;

/**
 * Template $1 sent to carrier $2 with pattern $3 by user $4: a new submission, or a resubmission that replaces
 * the pattern and forgets the last answer.
 */
export const SUBMIT_REGISTRATION = `
  INSERT INTO template_registrations (template_id, carrier, state, pattern, submitted_by)
  VALUES ($1, $2, 'submitted', $3::jsonb, $4)
  ON CONFLICT (template_id, carrier) DO UPDATE SET
    state = 'submitted', pattern = EXCLUDED.pattern, reference = NULL, reason = NULL,
    submitted_by = EXCLUDED.submitted_by, submitted_at = now(), answered_by = NULL, answered_at = NULL
  RETURNING ${COLUMNS}`;

/**
 * Carrier $2's answer ($5 registered with reference $6, or refused with reason $7) about template $1, recorded
 * by user $4; the pattern sent stays ($3 only when nothing was recorded as sent: the answer came first).
 */
export const ANSWER_REGISTRATION = `
  INSERT INTO template_registrations (template_id, carrier, state, reference, reason, pattern, submitted_by, answered_by, answered_at)
  VALUES ($1, $2, $5, $6, $7, $3::jsonb, $4, $4, now())
  ON CONFLICT (template_id, carrier) DO UPDATE SET
    state = EXCLUDED.state, reference = EXCLUDED.reference, reason = EXCLUDED.reason, answered_by = EXCLUDED.answered_by, answered_at = now()
  RETURNING ${COLUMNS}`;
