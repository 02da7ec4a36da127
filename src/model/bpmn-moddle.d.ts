// bpmn-moddle ships JavaScript without declarations for its main entry; this
// describes the part of its API the project uses, in terms of our loose ModdleElement.
declare module 'bpmn-moddle' {
  /** A moddle object; structurally the same as ModdleElement in ../moddle-types.ts. */
  export interface ModdleElement {
    $type: string;
    id?: string;
    name?: string;
    [key: string]: unknown;
  }

  /** One problem moddle-xml met while reading; the document was still read. */
  export interface ModdleWarning {
    message: string;
    error?: Error;
    element?: ModdleElement;
    property?: string;
    value?: string;
  }

  /** What fromXML resolves with. */
  export interface ModdleParseResult {
    rootElement: ModdleElement;
    elementsById: Record<string, ModdleElement>;
    references: unknown[];
    warnings: ModdleWarning[];
  }

  /** What fromXML rejects with: an Error that also carries the warnings so far. */
  export interface ModdleParseError extends Error {
    warnings?: ModdleWarning[];
  }

  /** The BPMN 2.0 meta-model with XML import and export. */
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string | Record<string, unknown>, options?: Record<string, unknown>): Promise<ModdleParseResult>;
    toXML(element: ModdleElement, options?: { format?: boolean; preamble?: boolean }): Promise<{ xml: string }>;
    create(type: string, attrs?: Record<string, unknown>): ModdleElement;
    createAny(name: string, nsUri: string, attrs?: Record<string, unknown>): ModdleElement;
    getType(type: string): unknown;
    hasType(element: ModdleElement | string, type?: string): boolean;
    getPackages(): Array<{ name: string; prefix: string; uri: string }>;
    ids?: unknown;
  }
}
