import { useEffect, useMemo, useState } from 'react';
import type { DimensionId } from '../../../../shared/domain/pivot/fields';
import type { Member } from '../../../../shared/domain/pivot/spec';
import { Dialog } from '../../components/Dialog';
import { Skeleton } from '../../components/Skeleton';
import { formatCount } from '../../lib/format';
import { errorMessage } from '../../lib/ipc';
import { fetchMembers } from './explore-api';
import type { MemberLabeler } from './pivot-labels';

type FilterEditorProps = {
  dim: DimensionId;
  dimLabel: string;
  /** The members chosen now; null when the filter does not narrow anything yet. */
  values: Member[] | null;
  label: MemberLabeler;
  onApply: (values: Member[] | null) => void;
  onClose: () => void;
};

type MembersState = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; members: { value: Member; records: number }[] };

const keyOf = (v: Member): string => JSON.stringify(v);

/** Picks a filter's members from every member of the dimension, each with how many records it holds. */
export function FilterEditor({ dim, dimLabel, values, label, onApply, onClose }: FilterEditorProps) {
  const [state, setState] = useState<MembersState>({ status: 'loading' });
  const [chosen, setChosen] = useState<Set<string> | null>(values === null ? null : new Set(values.map(keyOf)));
  const [search, setSearch] = useState('');

  useEffect(() => {
    let live = true;
    fetchMembers(dim).then(
      (members) => live && setState({ status: 'ready', members }),
      (error: unknown) => live && setState({ status: 'error', error: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [dim]);

  const members = useMemo(() => (state.status === 'ready' ? state.members : []), [state]);
  const isChosen = (v: Member) => chosen === null || chosen.has(keyOf(v));
  const chosenCount = chosen === null ? members.length : members.filter((m) => chosen.has(keyOf(m.value))).length;
  const shown = members.filter((m) => label(dim, m.value).toLowerCase().includes(search.trim().toLowerCase()));

  const toggle = (v: Member) => {
    const next = new Set(chosen ?? members.map((m) => keyOf(m.value)));
    if (next.has(keyOf(v))) next.delete(keyOf(v));
    else next.add(keyOf(v));
    setChosen(next);
  };
  const apply = () => {
    // Every member chosen narrows nothing: kept as "all", so members that appear later are in too.
    if (chosen === null || chosenCount === members.length) onApply(null);
    else onApply(members.filter((m) => chosen.has(keyOf(m.value))).map((m) => m.value));
    onClose();
  };

  return (
    <Dialog title={`Filter: ${dimLabel}`} onClose={onClose} testId="filter-editor">
      <div className="form filter-editor">
        {state.status === 'loading' && (
          <div aria-busy="true">
            <Skeleton height="1.5rem" />
            <Skeleton height="1.5rem" />
          </div>
        )}
        {state.status === 'error' && <p className="text-danger">{state.error}</p>}
        {state.status === 'ready' && (
          <>
            <p className="muted small" data-testid="filter-count">
              {chosenCount} of {members.length} members chosen. Only records with a chosen member are counted.
            </p>
            {members.length > 8 && (
              <input type="search" className="input" placeholder="Search members" aria-label="Search members" value={search} onChange={(e) => setSearch(e.target.value)} data-autofocus />
            )}
            <div className="filter-editor-actions">
              <button type="button" className="button button-small" onClick={() => setChosen(null)} data-testid="filter-all">
                Select all
              </button>
              <button type="button" className="button button-small" onClick={() => setChosen(new Set())} data-testid="filter-none">
                Clear
              </button>
            </div>
            <ul className="filter-members">
              {shown.map((m) => (
                <li key={keyOf(m.value)}>
                  <label className="filter-member">
                    <input type="checkbox" checked={isChosen(m.value)} onChange={() => toggle(m.value)} data-testid="filter-member" data-value={m.value ?? ''} />
                    <span className="filter-member-name">{label(dim, m.value)}</span>
                    <span className="filter-member-count muted">{formatCount(m.records)}</span>
                  </label>
                </li>
              ))}
            </ul>
          </>
        )}
      <footer className="dialog-footer">
        {state.status === 'ready' && chosenCount === 0 && <span className="dialog-footer-hint">Choose at least one member.</span>}
        <span className="dialog-footer-spacer" />
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-primary" onClick={apply} disabled={state.status !== 'ready' || chosenCount === 0} data-testid="filter-apply">
          Apply
        </button>
      </footer>
      </div>
    </Dialog>
  );
}
