import { loadDefaults } from '@loa/config';
import { dailyWindow, type SendWindow } from './send-window';

/** The window a campaign gets unless it says otherwise: config/defaults.json `sendWindow` (07:00–21:00). */
export function defaultSendWindow(): SendWindow {
  const { sendWindow } = loadDefaults();
  return dailyWindow(sendWindow.start, sendWindow.end, 'config/defaults.json sendWindow');
}

/** Warnings a subscriber may get per calendar day across campaigns: config/defaults.json `dailyCap` (2). */
export function defaultDailyCap(): number {
  return loadDefaults().dailyCap;
}
