import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorMessage } from '../lib/ipc-error';

type ErrorBoundaryProps = { children: ReactNode };
type ErrorBoundaryState = { error: unknown; hasError: boolean };

/**
 * A render error anywhere below shows a readable message and a way out instead of a white window.
 * (Error boundaries still have to be class components in React 19.)
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, hasError: false };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error, hasError: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Yardstick: a view failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.hasError) return this.props.children;
    return (
      <div className="crash" role="alert">
        <div className="card crash-card">
          <h1>Something went wrong on this page</h1>
          <p>Yardstick hit an error while drawing the page. Your workspace data is not affected.</p>
          <pre className="crash-message">{errorMessage(this.state.error)}</pre>
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </div>
    );
  }
}
