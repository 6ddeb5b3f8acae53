import { render, screen } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { readsSettled, useLiveQuery } from '../../../renderer/db/live';
import { clearWorkingSet, db } from '../../../renderer/db/working-set';

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

  it("the fill, woken when the screens' reads finish, may write at once (it does not resume inside a live query)", async () => {
    let reads = 0;
    let released = false;
    // A screen's read that takes a while (small reads one after another), still running when the fill starts to wait.
    const slow = async () => {
      while (!released) await db.load.get('requests');
      reads++;
      return `read ${reads}`;
    };
    render(<Shows query={slow} />);
    setTimeout(() => (released = true), 100);
    await readsSettled(5_000);
    await expect(db.load.put({ id: 'requests', total: 1, rows: 0, loading: true, nextKey: 0 })).resolves.toBe('requests');
    expect(reads).toBeGreaterThan(0);
    await clearWorkingSet();
  });
});
