/*
 * The hostile files of issue 12, as a user could drop them on the app: each one froze
 * the tab, slipped past the structure check or was read wrongly. Pure and
 * deterministic; used by the unit tests (node) and the browser tests alike.
 */

const NS = [
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"',
  'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"',
  'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"',
  'xmlns:di="http://www.omg.org/spec/DD/20100524/DI"'
].join(' ');

/** A BPMN file around the given process content (and diagram elements, when given). */
export function definitions(process: string, diagram?: string, prolog = ''): string {
  const di = diagram === undefined ? '' : `<bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="pl" bpmnElement="p">${diagram}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${prolog}<bpmn:definitions ${NS} id="defs" targetNamespace="http://example.com">\n<bpmn:process id="p">${process}</bpmn:process>${di}\n</bpmn:definitions>\n`;
}

/** 100,000 sequence flows between two tasks, no diagram (about 6 MB). */
export function manyFlows(count = 100_000): string {
  let flows = '';
  for (let k = 0; k < count; k++) flows += `<bpmn:sequenceFlow id="f${k}" sourceRef="a" targetRef="b"/>`;
  return definitions(`<bpmn:task id="a"/><bpmn:task id="b"/>${flows}`);
}

/** 50,000 lanes, with or without their shapes in a diagram. */
export function manyLanes(count = 50_000, withDiagram = false): string {
  let lanes = '';
  let shapes = '';
  for (let k = 0; k < count; k++) {
    lanes += `<bpmn:lane id="l${k}" name="L${k}"/>`;
    if (withDiagram) shapes += `<bpmndi:BPMNShape id="l${k}_di" bpmnElement="l${k}" isHorizontal="true"><dc:Bounds x="160" y="${80 + k * 120}" width="600" height="120"/></bpmndi:BPMNShape>`;
  }
  return definitions(`<bpmn:laneSet id="ls">${lanes}</bpmn:laneSet><bpmn:task id="t"/>`, withDiagram ? shapes : undefined);
}

/** 300 tasks named with 9,990 characters each: every name is under the per-name limit (3 MB). */
export function manyLongNames(count = 300, length = 9_990): string {
  let tasks = '';
  for (let k = 0; k < count; k++) tasks += `<bpmn:task id="t${k}" name="${String.fromCharCode(65 + (k % 26)).repeat(length)}"/>`;
  return definitions(tasks);
}

/** A DOCTYPE whose quoted system literal holds `[`, with a `]>` in a trailing comment, around the given content. */
export function doctypeBypass(process: string): string {
  return definitions(process, undefined, '<!DOCTYPE x SYSTEM "a[b">\n').replace(/\n$/, '\n<!-- ]> -->\n');
}

/** A task nested `depth` sub-processes deep. */
export function deepNesting(depth = 20_000): string {
  return definitions(`${'<bpmn:subProcess>'.repeat(depth)}${'</bpmn:subProcess>'.repeat(depth)}`);
}

/** A task with a name of `length` characters, written with the `bpmn:` prefix. */
export function prefixedName(length = 2_000_000): string {
  return definitions(`<bpmn:task id="t" bpmn:name="${'n'.repeat(length)}"/>`);
}

/** A text annotation of `length` characters. */
export function longAnnotation(length = 5_000_000, cdata = false): string {
  const text = 'w'.repeat(length);
  return definitions(`<bpmn:textAnnotation id="ta"><bpmn:text>${cdata ? `<![CDATA[${text}]]>` : text}</bpmn:text></bpmn:textAnnotation>`);
}

/** A group whose label (the category value) has `length` characters. */
export function longGroupLabel(length = 2_000_000): string {
  return definitions('<bpmn:group id="g" categoryValueRef="cv"/>').replace(
    '<bpmn:process',
    `<bpmn:category id="c"><bpmn:categoryValue id="cv" value="${'g'.repeat(length)}"/></bpmn:category><bpmn:process`
  );
}
