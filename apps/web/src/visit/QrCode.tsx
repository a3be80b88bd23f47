// The patient link as a QR code, for a patient to scan from the practitioner's screen or a printout.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/i18n.ts';

export function QrCode({ url }: { url: string }) {
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
    <img className="qr" alt={t('share.qr')} src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`} />
  ) : (
    <span className="qr" />
  );
}
