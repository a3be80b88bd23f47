// A duration or severity found in a note, by token range; attached to symptom mentions afterwards.
export interface Modifier<T> {
  /** Token range [first, end). */
  first: number;
  end: number;
  value: T;
}
