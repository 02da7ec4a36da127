/**
 * A deliberately small namespace-aware XML scanner for tests. It lists every element
 * and attribute of one namespace in a document, normalised so that two serializations
 * of the same content compare equal: prefixes, attribute order, quoting, entities and
 * CDATA-versus-escaped text do not matter; namespace scoping (xmlns on any element) does.
 */
export function foreignContent(xml: string, namespace: string): string[] {
  return contentByNamespace(xml).get(namespace) ?? [];
}

/**
 * The same listing for every namespace at once (one scan): elements of no namespace
 * are listed under '', attributes of no namespace are not listed at all.
 */
export function contentByNamespace(xml: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (ns: string, entry: string) => {
    const list = out.get(ns);
    if (list) list.push(entry);
    else out.set(ns, [entry]);
  };
  for (const node of scan(xml)) {
    const attrs = node.attributes.map((a) => `${a.namespace ? `{${a.namespace}}` : ''}${a.local}=${a.value}`).sort();
    add(node.namespace, `<${node.local} ${attrs.join(' ')}>${node.text}`);
    for (const a of node.attributes) if (a.namespace) add(a.namespace, `${node.local}@${a.local}=${a.value}`);
  }
  for (const list of out.values()) list.sort();
  return out;
}

/** Every namespace URI a document declares that is not part of BPMN 2.0 itself. */
export function foreignNamespaces(xml: string): string[] {
  const standard = /^http:\/\/www\.omg\.org\/spec\/(BPMN\/20100524\/(MODEL|DI)|DD\/20100524\/(DC|DI))$|^http:\/\/www\.w3\.org\/(2001\/XMLSchema(-instance)?|XML\/1998\/namespace)$/;
  const uris = new Set<string>();
  for (const m of xml.matchAll(/xmlns(?::[\w.-]+)?\s*=\s*(["'])(.*?)\1/g)) if (m[2] && !standard.test(m[2])) uris.add(m[2]);
  return [...uris];
}

interface ScannedElement {
  namespace: string;
  local: string;
  attributes: Array<{ namespace: string; local: string; value: string }>;
  /** Text directly after the start tag, trimmed (enough to compare simple bodies). */
  text: string;
}

function scan(source: string): ScannedElement[] {
  // CDATA is text: escape it so that tags inside it are not mistaken for elements.
  const xml = source
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  const scopes: Array<Map<string, string>> = [new Map([['xml', 'http://www.w3.org/XML/1998/namespace']])];
  const resolve = (prefix: string) => {
    for (let i = scopes.length - 1; i >= 0; i--) if (scopes[i]!.has(prefix)) return scopes[i]!.get(prefix)!;
    return '';
  };
  const out: ScannedElement[] = [];
  const tagRe = /<(\/?)([\w.-]+(?::[\w.-]+)?)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>([^<]*)/g;
  for (const tag of xml.matchAll(tagRe)) {
    if (tag[1]) {
      scopes.pop();
      continue;
    }
    const scope = new Map<string, string>();
    const raw: Array<[string, string]> = [];
    for (const a of tag[3]!.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const name = a[1]!;
      const value = decode(a[2] ?? a[3] ?? '');
      if (name === 'xmlns') scope.set('', value);
      else if (name.startsWith('xmlns:')) scope.set(name.slice(6), value);
      else raw.push([name, value]);
    }
    scopes.push(scope);
    const [prefix, local] = split(tag[2]!);
    out.push({
      namespace: resolve(prefix),
      local,
      attributes: raw.map(([name, value]) => {
        const [p, l] = split(name);
        return { namespace: name.includes(':') ? resolve(p) : '', local: l, value };
      }),
      text: tag[4] ? '' : decode(tag[5]!.trim())
    });
    if (tag[4]) scopes.pop();
  }
  return out;
}

function split(name: string): [string, string] {
  const i = name.indexOf(':');
  return i < 0 ? ['', name] : [name.slice(0, i), name.slice(i + 1)];
}

function decode(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
