// bpmn-js-differ ships JavaScript without declarations; this describes the part the audit's semantic diff uses.
declare module 'bpmn-js-differ' {
  /** Collects the differences the differ walks over (see its README). */
  export class ChangeHandler {
    _changed: Record<string, { model: unknown; attrs: Record<string, { oldValue: unknown; newValue: unknown }> }>;
    _added: Record<string, unknown>;
    _removed: Record<string, unknown>;
    _layoutChanged: Record<string, unknown>;
    _isTracked(element: unknown): { element: { id?: string }; property: string } | undefined;
    changed(model: unknown, property: string, newValue?: unknown, oldValue?: unknown): void;
    added(model: unknown, property: string, element: unknown, index: number): void;
    removed(model: unknown, property: string, element: unknown, index: number): void;
  }
  /** Diffs two moddle definitions. */
  export function diff(a: unknown, b: unknown, handler?: ChangeHandler): ChangeHandler;
}
