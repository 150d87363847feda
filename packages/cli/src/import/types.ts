/** Small types every part of import shares. */

/** A path into the workflow as plain data: mapping keys and list indexes. */
export type Path = ReadonlyArray<string | number>;

/** Why a file (or one workflow in it) could not be imported; it names the file and, when known, the line. */
export interface ImportProblem {
  /** The file as shown to the user. */
  file: string;
  line?: number;
  column?: number;
  message: string;
}

/** Something the user should know about an imported workflow; it was imported nonetheless. */
export interface ImportNote {
  file: string;
  line?: number;
  message: string;
}
