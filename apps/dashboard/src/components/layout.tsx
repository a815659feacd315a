import { useEffect, useRef, type ReactNode } from 'react';
import { useUser, useSession } from '../auth/session';
import { PAGES } from '../pages/registry';
import { paths, usePrograms } from '../programs/programs';
import { lastNavigationKind, Link, matchPath, navigate, useLocation } from '../router/router';
import { ROLE_LABELS } from '../util/format';

/** Header (program, user, logout), main navigation from the page registry, and the main landmark. */
export function Layout({ programCode, children }: { programCode: string | null; children: ReactNode }) {
  const user = useUser();
  const { logout } = useSession();
  const { programs, byCode } = usePrograms();
  const { path } = useLocation();
  const program = programCode ? byCode(programCode) : undefined;
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a link or button took the user to another page, move focus to the new content so keyboard and
  // screen-reader users start there (not after redirects or on first load: the skip link comes first then).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (lastNavigationKind() !== 'replace') mainRef.current?.focus();
  }, [path]);

  // The link of the page in view (or of its parent, for a page without a link of its own) is marked current.
  const current = PAGES.find((p) => matchPath(p.path, path));
  const currentId = current?.navParent ?? current?.id;
  const navItems = PAGES.flatMap((p) => {
    const href = p.nav?.href({ user, programCode });
    return p.nav && href ? [{ id: p.id, label: p.nav.label, href }] : [];
  });

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Saltar al contenido
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <div className="brand">
            <Link to="/" className="brand-name">
              Rumbo
            </Link>
            <span className="program-name" data-testid="program-name">
              {program?.name ?? (programCode ? '' : 'Sin programa')}
            </span>
          </div>
          {programs && programs.length > 1 ? (
            <div className="program-select">
              <label htmlFor="program-select">Programa</label>
              <select id="program-select" value={program?.code ?? ''} onChange={(e) => navigate(paths.national(e.target.value))}>
                {program ? null : <option value="">Elija un programa</option>}
                {programs.map((p) => (
                  <option key={p.id} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="user-box">
            <span className="user-name" data-testid="user-name">
              {user.name}
            </span>
            <span className="user-role" data-testid="user-role">
              {ROLE_LABELS[user.role]}
            </span>
            <button type="button" className="button button-secondary button-small" onClick={logout}>
              Cerrar sesión
            </button>
          </div>
        </div>
        {navItems.length ? (
          <nav aria-label="Principal" className="main-nav">
            <ul>
              {navItems.map((item) => (
                <li key={item.id}>
                  <Link to={item.href} aria-current={path === item.href ? 'page' : currentId === item.id ? 'location' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          Rumbo · seguimiento del programa de implementación · <a href={paths.public}>Página pública del avance</a>
        </p>
      </footer>
    </div>
  );
}
