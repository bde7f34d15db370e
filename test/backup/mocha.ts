/**
 * Typed access to the mocha globals wtr provides (the project has no @types/mocha and `types: []`). Same idea as
 * test/api/mocha.ts; kept here so this folder does not depend on another area's test helpers.
 */
interface Context {
  timeout(ms: number): void;
}
type Body = (this: Context) => void | Promise<unknown>;
interface Mocha {
  describe(title: string, body: () => void): void;
  it(title: string, body: Body): void;
}
const g = globalThis as unknown as Mocha;

export const describe: Mocha['describe'] = (title, body) => g.describe(title, body);
export const it: Mocha['it'] = (title, body) => g.it(title, body);
