// The baseline of bench/cli-startup.ts: a node process that reads a BPMN file and parses
// it with bpmn-moddle as it comes (no extension package, nothing else), as the least any
// tool that reads the file must do.
import { readFile } from 'node:fs/promises';
import { BpmnModdle } from 'bpmn-moddle';

const xml = await readFile(process.argv[2], 'utf8');
const { rootElement, warnings } = await new BpmnModdle().fromXML(xml, 'bpmn:Definitions');
process.stdout.write(`${rootElement.$type} ${rootElement.rootElements.length} root elements, ${warnings.length} warnings\n`);
