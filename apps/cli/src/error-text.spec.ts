import { describeThrown } from './error-text';

describe(describeThrown.name, () => {
  it.each([
    [new Error('port 3000 is in use'), 'port 3000 is in use'],
    [new TypeError(''), 'TypeError (with no message)'],
    [undefined, 'undefined was thrown instead of an error, so what failed said nothing more'],
    [null, 'null was thrown instead of an error, so what failed said nothing more'],
    ['lock file exists', "a string was thrown instead of an error: 'lock file exists'"],
    [{ code: 'E42' }, "an object was thrown instead of an error: { code: 'E42' }"],
  ])('names %p', (thrown, line) => {
    expect(describeThrown(thrown)).toBe(line);
  });
});
