/** A configuration file or the environment is wrong: the message names the file, the entry and the field. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
