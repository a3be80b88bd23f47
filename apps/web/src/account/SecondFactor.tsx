// The second factor: its state, setting it up (key as QR code, text and otpauth link, all made in the browser)
// with a first code, and the recovery codes, shown once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TotpConfirmRequest } from '@unani/contracts';
import { routes } from '@unani/contracts/routes';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import { accountStepDone } from '../auth/session.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { QrCode } from '../visit/QrCode.tsx';

export function SecondFactor() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const status = useQuery({ queryKey: ['totp'], queryFn: () => api(routes.totpStatus) });
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState<string[]>();
  const start = useMutation({ mutationFn: () => api(routes.startTotp) });
  const confirm = useMutation({
    mutationFn: (body: TotpConfirmRequest) => api(routes.confirmTotp, { body }),
    onSuccess: (res) => {
      setRecovery(res.recoveryCodes);
      start.reset();
      void client.invalidateQueries({ queryKey: ['totp'] });
      accountStepDone(client, 'mustEnrolTotp');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = TotpConfirmRequest.safeParse({ code });
    if (body.success) confirm.mutate(body.data);
  };
  const finish = () => setRecovery(undefined);
  return (
    <section aria-labelledby="totp-title">
      <h2 id="totp-title">{t('account.totp')}</h2>
      <ErrorMessage error={status.error ?? start.error} />
      {recovery ? (
        <div className="card">
          <h3>{t('account.recoveryTitle')}</h3>
          <p>{t('account.recoveryText')}</p>
          <ul aria-label={t('account.recoveryTitle')} className="recovery-codes">
            {recovery.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <button type="button" className="primary" onClick={finish}>
            {t('account.recoveryDone')}
          </button>
        </div>
      ) : status.data?.enabled ? (
        <p>{t('account.totpOn', { count: status.data.recoveryCodesLeft })}</p>
      ) : start.data ? (
        <form className="card" onSubmit={submit} aria-label={t('account.totp')}>
          <p>{t('account.totpScan')}</p>
          <QrCode url={start.data.otpauthUri} alt={t('account.totpQr')} />
          <dl>
            <dt>{t('account.totpKey')}</dt>
            <dd>
              <code data-testid="totp-secret">{start.data.secret}</code>
            </dd>
            <dt>{t('account.totpUri')}</dt>
            <dd>
              <a href={start.data.otpauthUri}>{start.data.otpauthUri}</a>
            </dd>
          </dl>
          <label>
            {t('account.totpCode')}
            <input
              autoComplete="one-time-code"
              inputMode="numeric"
              pattern="\d{6}"
              required
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </label>
          <ErrorMessage error={confirm.error} />
          <button type="submit" className="primary" disabled={confirm.isPending}>
            {t('account.totpConfirm')}
          </button>
        </form>
      ) : (
        status.data && (
          <>
            <p>{t('account.totpOff')}</p>
            <button type="button" className="primary" onClick={() => start.mutate()} disabled={start.isPending}>
              {t('account.totpStart')}
            </button>
          </>
        )
      )}
    </section>
  );
}
