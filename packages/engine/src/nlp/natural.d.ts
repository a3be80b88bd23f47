// Types for the two `natural` submodules the symptom parser imports directly (the package root is slow to load).
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  export default function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean }): number;
}
