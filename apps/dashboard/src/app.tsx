import { useEffect } from 'react';
import { useSession } from './auth/session';
import { EmptyState, NoAccess } from './components/feedback';
import { Layout } from './components/layout';
import { HomePage } from './pages/home-page';
import { LoginPage } from './pages/login-page';
import { PublicPage } from './pages/public-page';
import { PAGES } from './pages/registry';
import { Link, matchPath, Redirect, useLocation } from './router/router';
import { ProgramsProvider, usePrograms } from './programs/programs';

export function App() {
  const { user } = useSession();
  const { path, href } = useLocation();

  // The public page is outside login: anyone may open it, signed in or not.
  if (path === '/publico') return <PublicPage />;
  if (path === '/entrar') return user ? <Redirect to="/" /> : <LoginPage />;
  if (!user) return <Redirect to={`/entrar?volver=${encodeURIComponent(href)}`} />;

  return (
    <ProgramsProvider>
      <SignedIn path={path} />
    </ProgramsProvider>
  );
}

function SignedIn({ path }: { path: string }) {
  const { user } = useSession();
  const programs = usePrograms();
  const match = PAGES.map((page) => ({ page, params: matchPath(page.path, path) })).find((m) => m.params);
  const programCode = match?.params?.programCode ?? programs.defaultCode;

  let body;
  if (path === '/') {
    body = <HomePage />;
  } else if (!match || !match.params) {
    body = <NotFound />;
  } else if (!match.page.roles.includes(user!.role)) {
    body = <NoAccess homeHref="/" />;
  } else {
    const Page = match.page.component;
    // `key`: a new URL is a new page, with fresh state (forms, selections).
    body = <Page key={path} params={match.params} user={user!} />;
  }
  return <Layout programCode={programCode}>{body}</Layout>;
}

function NotFound() {
  useEffect(() => {
    document.title = 'Página no encontrada · Rumbo';
  }, []);
  return (
    <>
      <h1>Página no encontrada</h1>
      <EmptyState title="La dirección no corresponde a ninguna página del tablero.">
        <p>
          <Link to="/">Volver al inicio</Link>
        </p>
      </EmptyState>
    </>
  );
}
