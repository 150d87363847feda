/**
 * Text from files and servers wfgen does not control reaches the terminal in messages, code frames and
 * paths. A control character in it (an escape sequence that recolours, retitles or clears the terminal, a
 * carriage return that overwrites the line before) is shown as an escape (`\x1b`) instead of acting.
 * Applied before colours are added, so wfgen's own colours still work.
 */

// C0 controls but tab and newline, DEL, and the C1 controls (which some terminals read as escapes too).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` with every control character but tab and newline written as `\xNN`. */
export function visible(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
