// Changing one's own password: the current one, the new one twice. The server checks the rest (length,
// common passwords) and signs out the account's other sessions.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PasswordChangeRequest } from '@unani/contracts';
import { routes } from '@unani/contracts/routes';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import { accountStepDone } from '../auth/session.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useTranslation } from '../i18n/i18n.ts';

const empty = { currentPassword: '', newPassword: '', repeat: '' };

export function PasswordForm() {
  const { t } = useTranslation();
  const [form, setForm] = useState(empty);
  const [mismatch, setMismatch] = useState(false);
  const client = useQueryClient();
  const change = useMutation({
    mutationFn: (body: PasswordChangeRequest) => api(routes.changePassword, { body }),
    onSuccess: () => {
      setForm(empty);
      // A generated first password no longer holds the account back.
      accountStepDone(client, 'mustChangePassword');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(form.newPassword !== form.repeat);
    if (form.newPassword !== form.repeat) return;
    const body = PasswordChangeRequest.safeParse(form);
    if (body.success) change.mutate(body.data);
  };
  const field = (key: keyof typeof empty, label: string, autoComplete: string) => (
    <label>
      {label}
      <input
        type="password"
        autoComplete={autoComplete}
        required
        minLength={key === 'currentPassword' ? 1 : 12}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">{t('account.password')}</h2>
      <form className="card" onSubmit={submit} aria-label={t('account.password')}>
        {field('currentPassword', t('account.currentPassword'), 'current-password')}
        {field('newPassword', t('account.newPassword'), 'new-password')}
        {field('repeat', t('account.repeatPassword'), 'new-password')}
        <p className="muted">{t('account.passwordHint')}</p>
        {mismatch && (
          <p className="error" role="alert">
            {t('account.mismatch')}
          </p>
        )}
        <ErrorMessage error={change.error} />
        {change.isSuccess && <p role="status">{t('account.passwordChanged')}</p>}
        <button type="submit" className="primary" disabled={change.isPending}>
          {t('account.changePassword')}
        </button>
      </form>
    </section>
  );
}
