// bpmnlint ships CommonJS with JSDoc types only; the tests use its Linter and StaticResolver as documented in its README.
declare module 'bpmnlint' {
  export class Linter {
    constructor(options: { resolver: object; config?: object });
    lint(definitions: unknown, config?: object): Promise<Record<string, unknown[]>>;
  }
}
declare module 'bpmnlint/lib/resolver/static-resolver' {
  export default class StaticResolver {
    constructor(cache: object);
  }
}
