import { loadLocaleResources } from '../../src/i18n/translator';

/** Every leaf of a nested translation object as "namespace:dotted.key" → text. */
function leaves(tree: unknown, prefix: string, into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') into.set(path, value);
    else leaves(value, path, into);
  }
  return into;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1]!).sort();
}

describe('locales/en and locales/hi', () => {
  const resources = loadLocaleResources();
  const en = leaves(resources.en, '');
  const hi = leaves(resources.hi, '');

  it('have the same keys', () => {
    expect([...hi.keys()].filter((key) => !en.has(key))).toEqual([]);
    expect([...en.keys()].filter((key) => !hi.has(key))).toEqual([]);
  });

  it('use the same placeholders in every string', () => {
    const mismatched = [...en.entries()]
      .filter(([key, text]) => hi.has(key) && placeholders(text).join() !== placeholders(hi.get(key)!).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('have no empty strings', () => {
    expect([...en.entries(), ...hi.entries()].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('write the Hindi strings in Devanagari', () => {
    const latinOnly = [...hi.entries()]
      .filter(([key]) => key !== 'translation.language.english')
      .filter(([, text]) => !/[\u0900-\u097F]/.test(text))
      .map(([key]) => key);
    expect(latinOnly).toEqual([]);
  });
});
