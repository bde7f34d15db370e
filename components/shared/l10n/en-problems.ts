/**
 * English: schema problems (the `schemaProblems` group of the catalog, en.ts), worded as zod's English locale words
 * them, which is what admins read before the catalog had them. components/shared/problems.ts picks the sentence
 * from an issue's code and parameters (src/zod-problem.ts).
 */
export const enSchemaProblems = {
  /** Type names as zod gives them (`expected`, `received`, `origin`). */
  types: {
    string: 'string',
    number: 'number',
    int: 'int',
    boolean: 'boolean',
    object: 'object',
    array: 'array',
    null: 'null',
    undefined: 'undefined',
    nan: 'NaN',
    bigint: 'bigint',
    file: 'file',
    set: 'set',
    map: 'map',
    value: 'value',
  },
  /** What a size counts, by origin. */
  units: { string: 'characters', file: 'bytes', array: 'items', set: 'items', map: 'entries' },
  formats: {
    regex: 'input',
    email: 'email address',
    url: 'URL',
    uuid: 'UUID',
    datetime: 'ISO datetime',
    date: 'ISO date',
    time: 'ISO time',
    base64: 'base64-encoded string',
  },
  invalidType: (expected: string, received: string) => `Invalid input: expected ${expected}, received ${received}`,
  invalidValue: (value: string) => `Invalid input: expected ${value}`,
  invalidOption: (values: string) => `Invalid option: expected one of ${values}`,
  /** `bound` is `>=3`, `<3` or `exactly 3`. */
  tooSmallSize: (origin: string, bound: string, unit: string) => `Too small: expected ${origin} to have ${bound} ${unit}`,
  tooSmall: (origin: string, bound: string) => `Too small: expected ${origin} to be ${bound}`,
  tooBigSize: (origin: string, bound: string, unit: string) => `Too big: expected ${origin} to have ${bound} ${unit}`,
  tooBig: (origin: string, bound: string) => `Too big: expected ${origin} to be ${bound}`,
  exactly: (n: string) => `exactly ${n}`,
  invalidFormat: (format: string) => `Invalid ${format}`,
  mustMatch: (pattern: string) => `Invalid string: must match pattern ${pattern}`,
  notMultipleOf: (divisor: string) => `Invalid number: must be a multiple of ${divisor}`,
  unrecognizedKeys: (many: boolean, keys: string) => `Unrecognized key${many ? 's' : ''}: ${keys}`,
  invalidKey: (origin: string) => `Invalid key in ${origin}`,
  invalidElement: (origin: string) => `Invalid value in ${origin}`,
  invalidInput: 'Invalid input',
} as const;
