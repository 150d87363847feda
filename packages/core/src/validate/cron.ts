/**
 * POSIX cron as GitHub's `on.schedule[].cron` reads it: five fields, with `*`, `,`, `-` and `/`, month
 * and weekday names. See https://docs.github.com/actions/reference/workflows-and-actions/events-that-trigger-workflows#schedule
 */

interface Field {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const FIELDS: readonly Field[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"] },
  // 7 is accepted as Sunday by GitHub's scheduler, as by most cron implementations.
  { name: "day of week", min: 0, max: 7, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] },
];

/** Why `expression` is not a valid cron schedule, or undefined when it is. */
export function cronProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return `"${expression}" has ${fields.length} field${fields.length === 1 ? "" : "s"}; a schedule has 5: minute hour day-of-month month day-of-week`;
  }
  for (let i = 0; i < 5; i++) {
    const problem = fieldProblem(fields[i]!, FIELDS[i]!);
    if (problem) return `"${expression}": ${problem}`;
  }
  return undefined;
}

function fieldProblem(text: string, field: Field): string | undefined {
  for (const item of text.split(",")) {
    const [range, step, extra] = item.split("/");
    if (extra !== undefined || range === undefined || range === "") return `the ${field.name} field "${text}" is malformed`;
    if (step !== undefined && !/^\d+$/.test(step)) return `the step "/${step}" in the ${field.name} field is not a number`;
    if (step !== undefined && Number(step) === 0) return `the step "/0" in the ${field.name} field must be at least 1`;
    if (range === "*") continue;
    const bounds = range.split("-");
    if (bounds.length > 2) return `the ${field.name} field "${text}" is malformed`;
    const values: number[] = [];
    for (const bound of bounds) {
      const value = parseValue(bound, field);
      if (value === undefined) {
        return `"${bound}" is not a valid ${field.name} (${field.min}-${field.max}${field.names ? ` or ${field.names[0]}-${field.names.at(-1)}` : ""})`;
      }
      values.push(value);
    }
    if (values.length === 2 && values[0]! > values[1]!) return `the range "${range}" in the ${field.name} field runs backwards`;
  }
  return undefined;
}

function parseValue(text: string, field: Field): number | undefined {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= field.min && n <= field.max ? n : undefined;
  }
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (index < 0) return undefined;
  return field.min === 1 ? index + 1 : index;
}
