/**
 * What keeps the embedded PostgreSQL of a data folder from starting that a person can act on (the folder in use
 * by another Loa, a server that exits while starting): its message is one line saying what and what to do.
 */
export class EmbeddedDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedDatabaseError';
  }
}
