// A duration or severity found in a note, by token range; attached to symptom mentions afterwards.
export interface Modifier<T> {
  /** Token range [first, end). */
  first: number;
  end: number;
  value: T;
  /** A duration that is the length of one episode ("lasting 2 minutes", "2 minute tak"), not the time since onset. */
  lengthOfEpisode?: boolean;
}
