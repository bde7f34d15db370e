/**
 * Typed access to the mocha globals wtr provides. The project has no @types/mocha (and `types: []`), so the test
 * files import these instead of using bare globals; swap for `/// <reference types="mocha" />` once it is added.
 */
type Body = (this: { timeout(ms: number): void }) => void | Promise<unknown>;
interface Mocha {
  describe(title: string, body: () => void): void;
  it(title: string, body: Body): void;
  before(body: Body): void;
  afterEach(body: Body): void;
}
const g = globalThis as unknown as Mocha;

export const describe: Mocha['describe'] = (title, body) => g.describe(title, body);
export const it: Mocha['it'] = (title, body) => g.it(title, body);
export const before: Mocha['before'] = (body) => g.before(body);
export const afterEach: Mocha['afterEach'] = (body) => g.afterEach(body);
