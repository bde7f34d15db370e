/**
 * Typed access to the mocha globals wtr provides. The project has no @types/mocha (and `types: []`), so the test
 * files import these instead of using bare globals; swap for `/// <reference types="mocha" />` once it is added.
 */
interface Context {
  timeout(ms: number): void;
}
type Done = (error?: unknown) => void;
type Body = (this: Context, done: Done) => void | Promise<unknown>;
interface It {
  (title: string, body: Body): void;
  /** A test written now that cannot pass yet (say why in a comment next to it). */
  skip(title: string, body: Body): void;
}
interface Mocha {
  describe(title: string, body: () => void): void;
  it: It;
  before(body: Body): void;
  after(body: Body): void;
  beforeEach(body: Body): void;
  afterEach(body: Body): void;
}
const g = globalThis as unknown as Mocha;

export const describe: Mocha['describe'] = (title, body) => g.describe(title, body);
export const it: It = Object.assign((title: string, body: Body) => g.it(title, body), {
  skip: (title: string, body: Body) => g.it.skip(title, body),
});
export const before: Mocha['before'] = (body) => g.before(body);
export const after: Mocha['after'] = (body) => g.after(body);
export const beforeEach: Mocha['beforeEach'] = (body) => g.beforeEach(body);
export const afterEach: Mocha['afterEach'] = (body) => g.afterEach(body);
