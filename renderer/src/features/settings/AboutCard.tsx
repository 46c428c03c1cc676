import { useState } from 'react';
import { appInfoResource } from '../workspace/workspace-store';
import { AboutDialog } from './AboutDialog';
import { buildLine } from './about-view-model';

/** Which Yardstick this is, with the About dialog (the desktop app's Help menu opens the native one). */
export function AboutCard() {
  const { data } = appInfoResource.useStore();
  const [open, setOpen] = useState(false);
  if (data === null) return null;
  return (
    <div className="card" data-testid="about-card">
      <h2 className="card-title">About</h2>
      <p>
        {data.name} {buildLine(data.version, data.build)}{' '}
        <button type="button" className="button button-small" data-testid="about-open" onClick={() => setOpen(true)}>
          About Yardstick…
        </button>
      </p>
      {open && <AboutDialog info={data} onClose={() => setOpen(false)} />}
    </div>
  );
}
