/**
 * YAML documents composed from parser tokens, with duplicate keys reported as the yaml package reports
 * them. The package's own check compares each key with every earlier key of its mapping, which is quadratic:
 * a mapping with 40,000 keys took minutes. It is turned off here and done with one set per mapping.
 */
import { type CST, Composer, type Document, isMap, isScalar, visit, YAMLParseError } from "yaml";

/** The documents of `tokens`, as `new Composer(options).compose(tokens, true, length)` with `uniqueKeys`. */
export function composeDocuments(
  tokens: Iterable<CST.Token>,
  length: number,
  options: Omit<NonNullable<ConstructorParameters<typeof Composer>[0]>, "uniqueKeys"> = {},
): Document.Parsed[] {
  const documents = [...new Composer({ ...options, uniqueKeys: false }).compose(tokens, true, length)];
  for (const document of documents) {
    const duplicates: YAMLParseError[] = [];
    visit(document, {
      Map(_, map) {
        if (!isMap(map)) return;
        const seen = new Set<unknown>();
        for (const { key } of map.items) {
          if (!isScalar(key)) continue;
          if (seen.has(key.value)) {
            const at = key.range?.[0] ?? 0;
            duplicates.push(new YAMLParseError([at, at + 1], "DUPLICATE_KEY", "Map keys must be unique"));
          } else seen.add(key.value);
        }
      },
    });
    if (duplicates.length > 0) {
      document.errors.push(...duplicates);
      document.errors.sort((a, b) => a.pos[0] - b.pos[0]);
    }
  }
  return documents;
}
