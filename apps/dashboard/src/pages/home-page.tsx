import { useUser } from '../auth/session';
import { EmptyState, LoadError, Loading } from '../components/feedback';
import { usePrograms } from '../programs/programs';
import { Redirect } from '../router/router';
import { useDocumentTitle } from '../util/use-title';
import { homePath } from './registry';

/** `/`: sends each role to its home once the program to show is known. */
export function HomePage() {
  const user = useUser();
  const { defaultCode, error, loading } = usePrograms();
  useDocumentTitle('Inicio');
  if (error) {
    return (
      <>
        <h1>Inicio</h1>
        <LoadError error={error} onRetry={() => window.location.reload()} />
      </>
    );
  }
  if (loading) return <Loading label="Cargando programas…" />;
  if (!defaultCode) {
    return (
      <>
        <h1>Inicio</h1>
        <EmptyState title="Aún no hay programas registrados.">
          <p>Cuando la coordinación nacional cargue un programa, aparecerá aquí.</p>
        </EmptyState>
      </>
    );
  }
  return <Redirect to={homePath(user, defaultCode)} />;
}
