// What a design file is refused for: the path in the model, and the line and column in the file.
export interface ModelError {
  /** `nodes[3].replicas`, or `(document)` for the file as a whole. */
  path: string;
  /** 1-based; 0 when the place cannot be pinned to a line. */
  line: number;
  column: number;
  message: string;
}
