import { ADVISORY_NOTICE } from '@unani/contracts';

/** The notice every screen with engine output carries. */
export function Advisory() {
  return <p className="disclaimer">{ADVISORY_NOTICE}</p>;
}
