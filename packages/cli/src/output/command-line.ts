/** The commands wfgen suggests (`Fix: npx wfgen build --cwd app`), quoted so they can be pasted into a shell. */

/** `npx wfgen <command>` with the project flags the user gave, each quoted for a POSIX shell. */
export function wfgenCommand(
  command: string,
  flags: { cwd?: string | undefined; entry?: string | undefined; out?: string | undefined },
  extra: string[] = [],
): string {
  const args = ["npx", "wfgen", command, ...extra];
  for (const flag of ["cwd", "entry", "out"] as const) {
    const value = flags[flag];
    if (value !== undefined) args.push(`--${flag}`, value);
  }
  return args.map(shellQuote).join(" ");
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}
