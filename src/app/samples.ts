/** The sample processes shipped in processes/: the library's content on first start. */
const files = import.meta.glob('../../processes/*.bpmn', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

export interface SampleProcess {
  file: string;
  name: string;
  xml: string;
}

/** The name a sample shows in the library: its collaboration's (or first process's) name. */
export function sampleName(file: string, xml: string): string {
  const named = /<(?:bpmn2?:)?(?:collaboration|process)\b[^>]*\bname="([^"]+)"/.exec(xml);
  if (named?.[1]) return decodeXmlText(named[1]);
  const base = file.replace(/^.*\//, '').replace(/\.bpmn$/, '').replace(/-/g, ' ');
  return base.charAt(0).toUpperCase() + base.slice(1);
}

function decodeXmlText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** All samples, sorted by file name so the order is stable. */
export function sampleProcesses(): SampleProcess[] {
  return Object.keys(files)
    .sort()
    .map((path) => ({ file: path.replace(/^.*\//, ''), name: sampleName(path, files[path]!), xml: files[path]! }));
}
