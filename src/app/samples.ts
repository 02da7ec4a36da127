/**
 * The sample processes shipped in processes/: the library's content on first start.
 * Not eager: the files (about 180 KB) are a chunk of their own, loaded only when the
 * library is seeded, so a returning user's start does not carry them.
 */
const files = import.meta.glob('../../processes/*.bpmn', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

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

/** All samples, sorted by file name so the order is stable; loads their chunk on first call. */
export async function sampleProcesses(): Promise<SampleProcess[]> {
  const paths = Object.keys(files).sort();
  const texts = await Promise.all(paths.map((path) => files[path]!()));
  return paths.map((path, i) => ({ file: path.replace(/^.*\//, ''), name: sampleName(path, texts[i]!), xml: texts[i]! }));
}
