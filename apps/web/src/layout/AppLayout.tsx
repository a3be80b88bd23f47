// The frame of every signed-in page: navigation by role, the language, the account, and the advisory notice.

import { useEffect, useRef } from 'react';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useSession, useSignOut } from '../auth/session.tsx';
import { Advisory } from '../components/Advisory.tsx';
import { SLOT, Typed, WithEnglish } from '../components/Lang.tsx';
import { useTranslation } from '../i18n/i18n.ts';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const { user, mustEnrolTotp, mustChangePassword, loading, error } = useSession();
  const signOut = useSignOut();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);
  // After moving to another page, keyboard and screen-reader users start at its content, not where
  // the browser left focus (the link they followed).
  useEffect(() => {
    if (location.pathname === firstPath.current) return;
    firstPath.current = '';
    main.current?.focus();
  }, [location.pathname]);
  if (loading) return <p className="page muted">{t('layout.loading')}</p>;
  if (error) return <p className="page error">{t('layout.unreachable')}</p>;
  if (!user) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  // The server refuses everything else to an admin without a second factor; the page says what to do.
  if ((mustEnrolTotp || mustChangePassword) && location.pathname !== '/account')
    return <Navigate to="/account" replace />;
  const links = [
    ...(user.role === 'practitioner' ? [{ to: '/patients', label: t('layout.patients') }] : []),
    { to: '/knowledge', label: t('layout.knowledge') },
    ...(user.role !== 'practitioner' ? [{ to: '/research', label: t('layout.research') }] : []),
    ...(user.role === 'admin' ? [{ to: '/admin', label: t('layout.admin') }] : []),
  ];
  return (
    <div className="app">
      <header className="topbar">
        <NavLink to="/" className="brand">
          <WithEnglish text={t('layout.brand', { acronym: SLOT })} english="CDSS" />
        </NavLink>
        <nav aria-label={t('layout.mainNav')}>
          {links.map((l) => (
            <NavLink key={l.to} to={l.to}>
              {l.label}
            </NavLink>
          ))}
        </nav>
        <div className="account">
          <LanguageSwitch />
          <NavLink to="/account" title={user.email} aria-label={`${t('layout.account')}: ${user.name}`}>
            <Typed text={user.name} />
          </NavLink>
          <button type="button" className="link" onClick={() => signOut.mutate()}>
            {t('layout.signOut')}
          </button>
        </div>
      </header>
      <main className="page" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="page">
        <Advisory />
      </footer>
    </div>
  );
}

/** The landing page for each role. */
export function HomeRedirect() {
  const { user } = useSession();
  if (!user) return null;
  return (
    <Navigate
      to={user.role === 'practitioner' ? '/patients' : user.role === 'admin' ? '/admin' : '/research'}
      replace
    />
  );
}
