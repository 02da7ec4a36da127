// saxen (the XML parser under bpmn-moddle) ships without declarations; the tests use it to check that exported XML is well-formed.
declare module 'saxen' {
  export class Parser {
    on(event: 'openTag', handler: (name: string, getAttrs: () => Record<string, string>, decode: (s: string) => string) => void): void;
    on(event: 'error', handler: (error: Error) => void): void;
    parse(xml: string): void;
  }
}
