/**
 * The part of the SARIF 2.1.0 JSON schema (OASIS, sarif-schema-2.1.0.json) that covers the objects wfgen
 * emits, transcribed: every property each object may have (objects are closed, as in the schema), the
 * required ones, enums, minimums and formats; and a small validator for it. Nothing is installed: the
 * full schema validator would be a dependency for one test. Two checks go beyond the schema, for what
 * GitHub code scanning needs: each result's ruleIndex names the rule of its ruleId, and rule ids are unique.
 */

interface Schema {
  type?: "object" | "array" | "string" | "integer" | "number" | "boolean";
  required?: string[];
  /** At least one of these property sets must be present (the schema's anyOf of required). */
  anyOfRequired?: string[][];
  properties?: Record<string, Schema | string>;
  /** `true` for property bags; objects are closed otherwise. */
  open?: boolean;
  items?: Schema | string;
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
  format?: "uri" | "uri-reference";
  uniqueItems?: boolean;
  nullable?: boolean;
}

const ANY: Schema = {};
const props = (names: string[], known: Record<string, Schema | string> = {}): Record<string, Schema | string> =>
  Object.fromEntries(names.map((name) => [name, known[name] ?? ANY]));

const DEFINITIONS: Record<string, Schema> = {
  sarifLog: {
    type: "object",
    required: ["version", "runs"],
    properties: props(["$schema", "version", "runs", "inlineExternalProperties", "properties"], {
      $schema: { type: "string", format: "uri" },
      version: { enum: ["2.1.0"] },
      runs: { type: "array", items: "run", nullable: true },
      properties: "propertyBag",
    }),
  },
  run: {
    type: "object",
    required: ["tool"],
    properties: props(
      ["tool", "invocations", "conversion", "language", "versionControlProvenance", "originalUriBaseIds", "artifacts", "logicalLocations", "graphs", "results", "automationDetails", "runAggregates", "baselineGuid", "redactionTokens", "defaultEncoding", "defaultSourceLanguage", "newlineSequences", "columnKind", "externalPropertyFileReferences", "threadFlowLocations", "taxonomies", "addresses", "translations", "policies", "webRequests", "webResponses", "specialLocations", "properties"],
      { tool: "tool", results: { type: "array", items: "result", nullable: true }, columnKind: { enum: ["utf16CodeUnits", "unicodeCodePoints"] }, properties: "propertyBag" },
    ),
  },
  tool: { type: "object", required: ["driver"], properties: props(["driver", "extensions", "properties"], { driver: "toolComponent", properties: "propertyBag" }) },
  toolComponent: {
    type: "object",
    required: ["name"],
    properties: props(
      ["guid", "name", "organization", "product", "productSuite", "shortDescription", "fullDescription", "fullName", "version", "semanticVersion", "dottedQuadFileVersion", "releaseDateUtc", "downloadUri", "informationUri", "globalMessageStrings", "notifications", "rules", "taxa", "locations", "language", "contents", "isComprehensive", "localizedDataSemanticVersion", "minimumRequiredLocalizedDataSemanticVersion", "associatedComponent", "translationMetadata", "supportedTaxonomies", "properties"],
      { name: { type: "string" }, version: { type: "string" }, informationUri: { type: "string", format: "uri" }, rules: { type: "array", items: "reportingDescriptor", uniqueItems: true }, properties: "propertyBag" },
    ),
  },
  reportingDescriptor: {
    type: "object",
    required: ["id"],
    properties: props(
      ["id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames", "shortDescription", "fullDescription", "messageStrings", "defaultConfiguration", "helpUri", "help", "relationships", "properties"],
      { id: { type: "string" }, name: { type: "string" }, shortDescription: "multiformatMessageString", fullDescription: "multiformatMessageString", help: "multiformatMessageString", helpUri: { type: "string", format: "uri" }, defaultConfiguration: "reportingConfiguration", properties: "propertyBag" },
    ),
  },
  multiformatMessageString: { type: "object", required: ["text"], properties: props(["text", "markdown", "properties"], { text: { type: "string" }, markdown: { type: "string" }, properties: "propertyBag" }) },
  reportingConfiguration: {
    type: "object",
    properties: props(["enabled", "level", "rank", "parameters", "properties"], { enabled: { type: "boolean" }, level: { enum: ["none", "note", "warning", "error"] }, rank: { type: "number", minimum: -1, maximum: 100 }, properties: "propertyBag" }),
  },
  propertyBag: { type: "object", open: true, properties: { tags: { type: "array", items: { type: "string" }, uniqueItems: true } } },
  result: {
    type: "object",
    required: ["message"],
    properties: props(
      ["ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget", "locations", "guid", "correlationGuid", "occurrenceCount", "partialFingerprints", "fingerprints", "stacks", "codeFlows", "graphs", "graphTraversals", "relatedLocations", "suppressions", "baselineState", "rank", "attachments", "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa", "webRequest", "webResponse", "properties"],
      {
        ruleId: { type: "string" },
        ruleIndex: { type: "integer", minimum: -1 },
        kind: { enum: ["notApplicable", "pass", "fail", "review", "open", "informational"] },
        level: { enum: ["none", "note", "warning", "error"] },
        message: "message",
        locations: { type: "array", items: "location" },
        suppressions: { type: "array", items: "suppression", uniqueItems: true },
        properties: "propertyBag",
      },
    ),
  },
  message: { type: "object", anyOfRequired: [["text"], ["id"]], properties: props(["text", "markdown", "id", "arguments", "properties"], { text: { type: "string" }, properties: "propertyBag" }) },
  location: {
    type: "object",
    properties: props(["id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships", "properties"], { physicalLocation: "physicalLocation", message: "message", properties: "propertyBag" }),
  },
  physicalLocation: {
    type: "object",
    anyOfRequired: [["address"], ["artifactLocation"]],
    properties: props(["address", "artifactLocation", "region", "contextRegion", "properties"], { artifactLocation: "artifactLocation", region: "region", properties: "propertyBag" }),
  },
  artifactLocation: {
    type: "object",
    properties: props(["uri", "uriBaseId", "index", "description", "properties"], { uri: { type: "string", format: "uri-reference" }, uriBaseId: { type: "string" }, index: { type: "integer", minimum: -1 }, properties: "propertyBag" }),
  },
  region: {
    type: "object",
    properties: props(
      ["startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength", "byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties"],
      { startLine: { type: "integer", minimum: 1 }, startColumn: { type: "integer", minimum: 1 }, endLine: { type: "integer", minimum: 1 }, endColumn: { type: "integer", minimum: 1 }, properties: "propertyBag" },
    ),
  },
  suppression: {
    type: "object",
    required: ["kind"],
    properties: props(["guid", "kind", "status", "justification", "location", "properties"], { kind: { enum: ["inSource", "external"] }, status: { enum: ["accepted", "underReview", "rejected"] }, justification: { type: "string" }, properties: "propertyBag" }),
  },
};

/** Problems with `log` as a SARIF 2.1.0 log, as `path: problem` lines; empty when valid. */
export function validateSarif(log: unknown): string[] {
  const problems: string[] = [];
  check(log, "sarifLog", "$", problems);
  const runs = (log as { runs?: Array<{ tool?: { driver?: { rules?: Array<{ id: string }> } }; results?: Array<{ ruleId?: string; ruleIndex?: number; locations?: unknown[] }> }> }).runs ?? [];
  runs.forEach((run, r) => {
    const rules = run.tool?.driver?.rules ?? [];
    if (new Set(rules.map((rule) => rule.id)).size !== rules.length) problems.push(`$.runs[${r}].tool.driver.rules: rule ids are not unique`);
    (run.results ?? []).forEach((result, i) => {
      const at = `$.runs[${r}].results[${i}]`;
      if (result.ruleIndex !== undefined && rules[result.ruleIndex]?.id !== result.ruleId) problems.push(`${at}: ruleIndex ${result.ruleIndex} does not name rule ${result.ruleId}`);
      if (!result.locations || result.locations.length === 0) problems.push(`${at}: code scanning needs a location`);
    });
  });
  return problems;
}

function check(value: unknown, schemaOrRef: Schema | string, path: string, problems: string[]): void {
  const schema = typeof schemaOrRef === "string" ? DEFINITIONS[schemaOrRef]! : schemaOrRef;
  if (value === null && schema.nullable) return;
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} is not one of ${schema.enum.join(", ")}`);
  switch (schema.type) {
    case "object": {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return void problems.push(`${path}: expected an object`);
      const object = value as Record<string, unknown>;
      for (const key of schema.required ?? []) if (!(key in object)) problems.push(`${path}: missing required property ${key}`);
      if (schema.anyOfRequired && !schema.anyOfRequired.some((set) => set.every((key) => key in object))) {
        problems.push(`${path}: needs one of ${schema.anyOfRequired.map((set) => set.join("+")).join(" or ")}`);
      }
      for (const [key, child] of Object.entries(object)) {
        const childSchema = schema.properties?.[key];
        if (childSchema === undefined) {
          if (!schema.open) problems.push(`${path}: property ${key} is not allowed`);
          continue;
        }
        check(child, childSchema, `${path}.${key}`, problems);
      }
      return;
    }
    case "array": {
      if (!Array.isArray(value)) return void problems.push(`${path}: expected an array`);
      if (schema.uniqueItems && new Set(value.map((item) => JSON.stringify(item))).size !== value.length) problems.push(`${path}: items are not unique`);
      value.forEach((item, i) => schema.items && check(item, schema.items, `${path}[${i}]`, problems));
      return;
    }
    case "string":
      if (typeof value !== "string") return void problems.push(`${path}: expected a string`);
      if (schema.format === "uri" && !/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(value)) problems.push(`${path}: ${JSON.stringify(value)} is not an absolute URI`);
      if (schema.format === "uri-reference" && /[\s\\]/.test(value)) problems.push(`${path}: ${JSON.stringify(value)} is not a URI reference`);
      return;
    case "integer":
    case "number":
      if (typeof value !== "number" || (schema.type === "integer" && !Number.isInteger(value))) return void problems.push(`${path}: expected ${schema.type === "integer" ? "an integer" : "a number"}`);
      if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${path}: ${value} is below ${schema.minimum}`);
      if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${path}: ${value} is above ${schema.maximum}`);
      return;
    case "boolean":
      if (typeof value !== "boolean") problems.push(`${path}: expected true or false`);
      return;
  }
}
