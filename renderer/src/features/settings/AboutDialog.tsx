import { useState } from 'react';
import type { AppInfo } from '../../../../shared/ipc/contract';
import { DefinitionList } from '../../components/DefinitionList';
import { Dialog } from '../../components/Dialog';
import { buildLine } from './about-view-model';

const HOSTS: Record<AppInfo['host'], string> = { electron: 'Desktop app (Electron)', browser: 'Browser host (yardstick serve)', cli: 'Command line' };

/** Version and build (commit and date, set when the app was built), for support questions and bug reports. */
export function AboutDialog({ info, onClose }: { info: AppInfo; onClose: () => void }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const summary = `${info.name} ${buildLine(info.version, info.build)}; ${HOSTS[info.host]}`;
  return (
    <Dialog title={`About ${info.name}`} onClose={onClose} testId="about-dialog">
      <div className="form">
        <p>What AI-assisted software work really costs, measured in accepted work.</p>
        <DefinitionList
          items={[
            { term: 'Version', value: <span data-testid="about-version">{info.version}</span> },
            { term: 'Build', value: <span data-testid="about-build">{info.build.commit ?? 'development build (not from a packaged or built app)'}</span>, mono: true },
            { term: 'Built', value: info.build.date === null ? '—' : `${info.build.date.slice(0, 10)} ${info.build.date.slice(11, 16)} UTC` },
            { term: 'Running as', value: HOSTS[info.host] },
            { term: 'Workspace', value: info.workspaceDir, mono: true },
          ]}
        />
        <footer className="dialog-footer">
          <span className="dialog-footer-spacer" role="status">
            {copied === true ? 'Copied.' : copied === false ? 'Could not copy; select the text above instead.' : ''}
          </span>
          <button
            type="button"
            className="button"
            onClick={() => {
              navigator.clipboard.writeText(summary).then(
                () => setCopied(true),
                () => setCopied(false),
              );
            }}
          >
            Copy version details
          </button>
          <button type="button" className="button button-primary" data-autofocus onClick={onClose}>
            Close
          </button>
        </footer>
      </div>
    </Dialog>
  );
}
