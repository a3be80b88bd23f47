// Sign in with email and password, then the second factor's code where the account has one; clear messages for
// wrong credentials and too many attempts.
import { SECOND_FACTOR_REQUIRED } from '@unani/contracts/problems';
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useSession, useSignIn } from '../auth/session.tsx';
import { Advisory } from '../components/Advisory.tsx';
import { SLOT, WithEnglish } from '../components/Lang.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';

export function SignInPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [askCode, setAskCode] = useState(false);
  if (user) return <Navigate to="/" replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate(
      { email, password, ...(askCode && code.trim() ? { code: code.trim() } : {}) },
      {
        onSuccess: () => navigate((location.state as { from?: string } | null)?.from ?? '/', { replace: true }),
        onError: (error) => {
          if (error instanceof ApiError && error.type === SECOND_FACTOR_REQUIRED) setAskCode(true);
        },
      },
    );
  };
  const message =
    signIn.error instanceof ApiError && (signIn.error.status === 401 || signIn.error.status === 429)
      ? signIn.error.message
      : signIn.error
        ? t('signIn.failed')
        : undefined;
  return (
    <main className="page narrow">
      <div className="row spread">
        <h1>
          <WithEnglish text={t('signIn.title', { acronym: SLOT })} english="CDSS" />
        </h1>
        <LanguageSwitch />
      </div>
      <p className="subtitle">{t('signIn.subtitle')}</p>
      <form className="card" onSubmit={submit} aria-label={t('signIn.form')}>
        <label>
          {t('signIn.email')}
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          {t('signIn.password')}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {askCode && (
          <label>
            {t('signIn.code')}
            <input
              autoComplete="one-time-code"
              inputMode="text"
              required
              // biome-ignore lint/a11y/noAutofocus: the field appears after the password was accepted; it is the next step
              autoFocus
              aria-describedby="code-hint"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
            <span id="code-hint" className="muted">
              {t('signIn.codeHint')}
            </span>
          </label>
        )}
        {message && (
          <p className="error" role="alert">
            {message}
          </p>
        )}
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
      <Advisory />
    </main>
  );
}
