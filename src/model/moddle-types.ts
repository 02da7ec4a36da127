/** What moddle knows about a type: its name and properties (`element.$descriptor`). */
export interface ModdleDescriptor {
  name: string;
  properties?: Array<{ name: string; type?: string; isAttr?: boolean; isMany?: boolean; isReference?: boolean }>;
  meta?: { allowedIn?: string[] };
}

/**
 * A moddle element as the project reads it (bpmn-moddle gives untyped objects): the
 * BPMN structure and DI the pure layers walk, and the attributes and children of the
 * ml: extension (src/model/value-chain/missinglink.json), typed as moddle stores
 * them. Everything else is `unknown` and has to be checked before use.
 */
export interface ModdleElement {
  $type: string;
  $parent?: ModdleElement;
  $attrs?: Record<string, string>;
  $descriptor?: ModdleDescriptor;
  $instanceOf?(type: string): boolean;
  set?(property: string, value: unknown): void;
  get?(property: string): unknown;
  id?: string;
  name?: string;

  // BPMN: definitions, collaborations, processes, lanes
  rootElements?: ModdleElement[];
  diagrams?: ModdleElement[];
  participants?: ModdleElement[];
  messageFlows?: ModdleElement[];
  processRef?: ModdleElement;
  flowElements?: ModdleElement[];
  artifacts?: ModdleElement[];
  laneSets?: ModdleElement[];
  lanes?: ModdleElement[];
  childLaneSet?: ModdleElement;
  flowNodeRef?: ModdleElement[];
  documentation?: ModdleElement[];
  extensionElements?: ModdleElement;
  /** The children of bpmn:ExtensionElements. */
  values?: ModdleElement[];
  isExecutable?: boolean;

  // BPMN: flow nodes and flows
  incoming?: ModdleElement[];
  outgoing?: ModdleElement[];
  sourceRef?: ModdleElement;
  targetRef?: ModdleElement;
  attachedToRef?: ModdleElement;
  default?: ModdleElement;
  conditionExpression?: ModdleElement;
  eventDefinitions?: ModdleElement[];
  loopCharacteristics?: ModdleElement;
  loopCardinality?: ModdleElement;
  completionCondition?: ModdleElement;
  timeDuration?: ModdleElement;
  timeCycle?: ModdleElement;
  timeDate?: ModdleElement;
  errorRef?: ModdleElement;
  escalationRef?: ModdleElement;
  calledElement?: string;
  triggeredByEvent?: boolean;
  isForCompensation?: boolean;
  cancelActivity?: boolean;
  isSequential?: boolean;
  testBefore?: boolean;
  /** The text of an expression or documentation. */
  body?: string;
  text?: string;

  // BPMN DI
  plane?: ModdleElement;
  planeElement?: ModdleElement[];
  bpmnElement?: ModdleElement;
  bounds?: ModdleElement;
  waypoint?: ModdleElement[];
  label?: ModdleElement;
  isHorizontal?: boolean;
  isExpanded?: boolean;
  x?: number;
  y?: number;
  width?: number;
  height?: number;

  // ml: children
  kpis?: ModdleElement[];
  measurements?: ModdleElement[];
  assignments?: ModdleElement[];
  resources?: ModdleElement;
  duration?: ModdleElement;
  roles?: ModdleElement[];
  actions?: ModdleElement[];
  ruleSettings?: ModdleElement[];
  customerPromise?: ModdleElement;

  // ml: attributes (moddle keeps them as text; see docs/format.md)
  activityGroup?: string;
  level?: string;
  unit?: string;
  realised?: string;
  evidence?: string;
  periodStart?: string;
  periodEnd?: string;
  role?: string;
  responsibility?: string;
  rule?: string;
  enabled?: string;
  severity?: string;
  tolerance?: string;
  owner?: string;
  valueProposition?: string;
  measure?: string;
  workingDays?: string;
  reason?: string;
  by?: string;
  date?: string;
  currency?: string;
  plannedBudget?: string;
  realisedBudget?: string;
  plannedHours?: string;
  realisedHours?: string;
  budgetGroup?: string;
  planned?: string;
  min?: string;
  mostLikely?: string;
  max?: string;
  realisedAverage?: string;
  probability?: string;
  repeatProbability?: string;
  arrivalInterval?: string;
  delay?: string;
  providerRole?: string;
  receiverRole?: string;
  kind?: string;
  head?: string;
  department?: string;
  person?: string;
  status?: string;

  [key: string]: unknown;
}

/**
 * The type name of a moddle element, as `element.$type` gives it, read more cheaply.
 * moddle defines `$type` on every element as a getter of its own (a closure per
 * element), so on a large model each read costs several cache misses; the type's
 * descriptor on the shared prototype holds the same name (moddle sets `$type` from it)
 * and stays in cache. Generic elements of foreign extensions and plain objects have no
 * such prototype and answer with their `$type`.
 */
export function typeOf(element: ModdleElement): string {
  const descriptor = (Object.getPrototypeOf(element) as { $descriptor?: { name: string } } | null)?.$descriptor;
  return descriptor ? descriptor.name : element.$type;
}
