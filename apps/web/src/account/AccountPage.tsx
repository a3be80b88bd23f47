// The signed-in account's own credentials: password and second factor. An admin without a second factor is
// sent here and may go nowhere else until it is set up.
import { useSession } from '../auth/session.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { PasswordForm } from './PasswordForm.tsx';
import { SecondFactor } from './SecondFactor.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  const { mustEnrolTotp, mustChangePassword } = useSession();
  return (
    <section>
      <h1>{t('account.title')}</h1>
      {mustChangePassword && (
        <p className="error" role="alert">
          {t('account.changeFirst')}
        </p>
      )}
      {mustEnrolTotp && (
        <p className="error" role="alert">
          {t('account.enrolFirst')}
        </p>
      )}
      <SecondFactor />
      <PasswordForm />
    </section>
  );
}
