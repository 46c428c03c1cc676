import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export type TabItem<T extends string> = { id: T; label: string; badge?: ReactNode; testId?: string };

type TabBarProps<T extends string> = {
  label: string;
  /** Prefix for the tab and panel ids: tab `${idPrefix}-tab-${id}` controls panel `${idPrefix}-panel-${id}`. */
  idPrefix: string;
  tabs: readonly TabItem<T>[];
  value: T;
  onChange: (value: T) => void;
};

export const tabId = (idPrefix: string, id: string): string => `${idPrefix}-tab-${id}`;
export const tabPanelId = (idPrefix: string, id: string): string => `${idPrefix}-panel-${id}`;

/**
 * Tabs drawn as a segmented control, with the ARIA tabs pattern: one tab stop, arrow keys, Home and
 * End move between tabs and select them. The panel is the caller's: give it role="tabpanel",
 * id tabPanelId(...) and aria-labelledby tabId(...).
 */
export function TabBar<T extends string>({ label, idPrefix, tabs, value, onChange }: TabBarProps<T>) {
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.id === value);
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    const tab = tabs[next];
    if (tab === undefined) return;
    event.preventDefault();
    onChange(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  return (
    <div className="tab-bar" role="tablist" aria-label={label} onKeyDown={move}>
      {tabs.map((tab) => {
        const selected = tab.id === value;
        return (
          <button
            key={tab.id}
            ref={(el) => {
              if (el === null) refs.current.delete(tab.id);
              else refs.current.set(tab.id, el);
            }}
            type="button"
            role="tab"
            id={tabId(idPrefix, tab.id)}
            aria-selected={selected}
            aria-controls={tabPanelId(idPrefix, tab.id)}
            tabIndex={selected ? 0 : -1}
            className="tab-bar-tab"
            data-testid={tab.testId}
            onClick={() => onChange(tab.id)}
          >
            <span>{tab.label}</span>
            {tab.badge !== undefined && <span className="tab-bar-badge">{tab.badge}</span>}
          </button>
        );
      })}
    </div>
  );
}
