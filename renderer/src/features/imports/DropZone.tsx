import { useRef, useState, type DragEvent } from 'react';
import { ACCEPT_ATTRIBUTE } from './import-queue-model';

type DropZoneProps = { onFiles: (files: File[]) => void };

const carriesFiles = (event: DragEvent): boolean => event.dataTransfer.types.includes('Files');

/** Where billing and usage files are dropped, with a "Choose files…" button for the keyboard and for everyone else. */
export function DropZone({ onFiles }: DropZoneProps) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const take = (list: FileList | null) => {
    const files = list === null ? [] : [...list];
    if (files.length > 0) onFiles(files);
  };

  return (
    <div
      className={`drop-zone${over ? ' drop-zone-over' : ''}`}
      data-testid="import-drop"
      data-over={over ? 'true' : undefined}
      onDragEnter={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        // Without this the browser opens the file instead of handing it to the page.
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(event) => {
        // Leaving for a child element (the button, the text) is not leaving the zone.
        if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
        setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        take(event.dataTransfer.files);
      }}
    >
      <UploadIcon />
      <p className="drop-zone-title">{over ? 'Drop to preview' : 'Drop billing and usage files here'}</p>
      <p className="muted small">
        GitHub billing and Copilot usage reports, OpenAI and Anthropic cost exports, run-credit logs, or any CSV or XLSX with a column mapping. Nothing is
        imported before you have seen a preview.
      </p>
      <button type="button" className="button" data-testid="import-choose" onClick={() => input.current?.click()}>
        Choose files…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-file-input"
        onChange={(event) => {
          take(event.target.files);
          // Choosing the same file again must fire change again.
          event.target.value = '';
        }}
      />
    </div>
  );
}

function UploadIcon() {
  return (
    <svg className="drop-zone-icon" width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false">
      <path d="M7 4h9l5 5v15H7z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      <path d="M16 4v5h5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      <path d="M14 21v-8m-3.5 3.5L14 13l3.5 3.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
