import type { HandlerMap } from '../handler-types';
import { demoHandlers } from './demo';
import { metricsHandlers } from './metrics';
import { workspaceHandlers } from './workspace';
import { sourcesHandlers } from './sources';
import { syncHandlers } from './sync';
import { importsHandlers } from './imports';
import { recordsHandlers } from './records';
import { tableExportHandlers } from './table-export';
import { recordDetailHandlers } from './record-detail';
import { settingsHandlers } from './settings';
import { pilotsHandlers } from './pilots';
import { scenariosHandlers } from './scenarios';
import { pivotHandlers } from './pivot';
import { decksHandlers } from './decks';
import { exportHandlers } from './export';
import { backupHandlers } from './backup';
import { worksheetHandlers } from './worksheet';
import { windowPdfHandlers } from './window-pdf';

/** The single handler map served by Electron IPC, the browser host and the CLI. */
export const handlers: HandlerMap = {
  ...workspaceHandlers,
  ...metricsHandlers,
  ...demoHandlers,
  ...sourcesHandlers,
  ...syncHandlers,
  ...importsHandlers,
  ...recordsHandlers,
  ...tableExportHandlers,
  ...recordDetailHandlers,
  ...settingsHandlers,
  ...pilotsHandlers,
  ...scenariosHandlers,
  ...pivotHandlers,
  ...decksHandlers,
  ...exportHandlers,
  ...backupHandlers,
  ...worksheetHandlers,
  ...windowPdfHandlers,
};
