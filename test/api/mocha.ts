// One shared shim: see ../mocha.ts.
export * from '../mocha.js';
