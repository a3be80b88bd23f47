// The frame of every signed-in page: navigation by role, the account, and the advisory notice.
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useSession, useSignOut } from '../auth/session.tsx';
import { Advisory } from '../components/Advisory.tsx';

export function AppLayout() {
  const { user, loading, error } = useSession();
  const signOut = useSignOut();
  const location = useLocation();
  if (loading) return <p className="page muted">Loading…</p>;
  if (error) return <p className="page error">The server cannot be reached. Please try again in a moment.</p>;
  if (!user) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  const links = [
    ...(user.role === 'practitioner' ? [{ to: '/patients', label: 'Patients' }] : []),
    { to: '/knowledge', label: 'Knowledge' },
    ...(user.role !== 'practitioner' ? [{ to: '/research', label: 'Research' }] : []),
    ...(user.role === 'admin' ? [{ to: '/admin', label: 'Admin' }] : []),
  ];
  return (
    <div className="app">
      <header className="topbar">
        <NavLink to="/" className="brand">
          Unani CDSS
        </NavLink>
        <nav aria-label="Main">
          {links.map((l) => (
            <NavLink key={l.to} to={l.to}>
              {l.label}
            </NavLink>
          ))}
        </nav>
        <div className="account">
          <span title={user.email}>{user.name}</span>
          <button type="button" className="link" onClick={() => signOut.mutate()}>
            Sign out
          </button>
        </div>
      </header>
      <main className="page">
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
