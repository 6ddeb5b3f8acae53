import { AboutScreen } from '../features/about/components/AboutScreen';

export function App() {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <p className="app-title">Need to Know</p>
      </header>
      <main id="main" tabIndex={-1}>
        <AboutScreen />
      </main>
    </div>
  );
}
