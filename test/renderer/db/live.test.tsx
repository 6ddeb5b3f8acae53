import { render, screen } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useLiveQuery } from '../../../renderer/db/live';

const closed = () => Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' });

function Shows({ query }: { query: () => Promise<string> }) {
  const value = useLiveQuery(query, [], 'no answer yet');
  return <p>{value}</p>;
}

class Catch extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(error: Error) {
    return { error: error.message };
  }
  override render() {
    return this.state.error ? <p>failed: {this.state.error}</p> : this.props.children;
  }
}

describe('live queries over the working set', () => {
  it('a query a lock cut short (the database closed under it) has no answer yet, and nothing is thrown into React', async () => {
    render(
      <Catch>
        <Shows query={() => Promise.reject(closed())} />
      </Catch>,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByText('no answer yet')).toBeTruthy();
    expect(screen.queryByText(/failed/)).toBeNull();
  });

  it('any other failure still reaches the screen', async () => {
    const original = console.error;
    console.error = () => undefined; // React reports the caught error too
    try {
      render(
        <Catch>
          <Shows query={() => Promise.reject(new Error('disk full'))} />
        </Catch>,
      );
      expect(await screen.findByText('failed: disk full')).toBeTruthy();
    } finally {
      console.error = original;
    }
  });
});
