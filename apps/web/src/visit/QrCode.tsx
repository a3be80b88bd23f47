// A link as a QR code, drawn in the browser: the patient link for a patient to scan from the practitioner's
// screen or a printout, or an authenticator key.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/i18n.ts';

/** `alt` names what the code holds (the patient link unless said otherwise). */
export function QrCode({ url, alt }: { url: string; alt?: string }) {
  const { t } = useTranslation();
  const [svg, setSvg] = useState<string>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
      .then((markup) => current && setSvg(markup))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [url]);
  if (failed) return <p className="muted">{t('share.qrFailed')}</p>;
  // An image (not inline markup) so that its name does not also label the link's field.
  return svg ? (
    <img className="qr" alt={alt ?? t('share.qr')} src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`} />
  ) : (
    <span className="qr" />
  );
}
