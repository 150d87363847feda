/**
 * TypeScript names for what import declares: workflow exports, step and job handles. Names come from the
 * user's own ids (`build-and-push` -> `buildAndPush`), and one allocator per output file keeps them unique
 * and clear of the names the file imports, so the generated code always compiles.
 */

// Words TypeScript refuses as a const name (strict mode), and globals a const would confusingly shadow.
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally " +
    "for function if import in instanceof new null return super switch this throw true try typeof var void " +
    "while with implements interface let package private protected public static yield await arguments eval " +
    "undefined NaN Infinity Object Array String Number Boolean Symbol Promise Error JSON Math Date process"
  ).split(" "),
);

/** `build-and-push` -> `buildAndPush`, `node.js` -> `nodeJs`; undefined when nothing usable is left. */
export function camelCase(text: string): string | undefined {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  if (words.length === 0) return undefined;
  return words
    .map((word, i) => (i === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1)))
    .join("");
}

/** Hands out unique identifiers within one generated file. */
export class NameAllocator {
  private readonly taken = new Set<string>();
  private readonly counters = new Map<string, number>();

  /** `reserved` are the names the file imports (`workflow`, `checkout`, ...). */
  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  /** Mark a name as used (an import added later). */
  reserve(name: string): void {
    this.taken.add(name);
  }

  /** Whether `name` is already used. */
  has(name: string): boolean {
    return this.taken.has(name);
  }

  /**
   * A fresh identifier: the first of `candidates` (camel-cased) that is free, else the first numbered
   * (`deployment2`). `fallback` stands in for a candidate that gives nothing usable, and prefixes one that
   * starts with a digit (`2-build` -> `workflow2Build`).
   */
  allocate(candidates: string | readonly string[], fallback: string): string {
    const names = (typeof candidates === "string" ? [candidates] : candidates).map((text) => identifier(text, fallback));
    for (const name of names) {
      if (!this.taken.has(name)) {
        this.taken.add(name);
        return name;
      }
    }
    // Numbered from where the last search for this base stopped: many workflows share step ids.
    const base = names[0]!;
    let n = this.counters.get(base) ?? 2;
    while (this.taken.has(`${base}${n}`)) n++;
    this.counters.set(base, n + 1);
    const name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }
}

/** `text` as an identifier that TypeScript accepts as a const name. */
function identifier(text: string, fallback: string): string {
  const camel = camelCase(text);
  if (camel === undefined) return fallback;
  const name = /^[0-9]/.test(camel) ? fallback + camel.charAt(0).toUpperCase() + camel.slice(1) : camel;
  return RESERVED.has(name) ? `${name}${fallback.charAt(0).toUpperCase()}${fallback.slice(1)}` : name;
}

/** A property key as TypeScript writes it: bare when it is an identifier, quoted otherwise. */
export function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}
