/**
 * `lightning/platformShowToastEvent`: the event bubbles, composed, to the workbench's app
 * shell, which shows the toast as Lightning Experience does.
 */
export interface ToastDetail {
  title?: string;
  message?: string;
  variant?: 'info' | 'success' | 'warning' | 'error';
  mode?: 'dismissible' | 'pester' | 'sticky';
  messageData?: unknown[];
}

export const TOAST_EVENT = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent<ToastDetail> {
  constructor(toast: ToastDetail) {
    super(TOAST_EVENT, { bubbles: true, composed: true, cancelable: true, detail: toast });
  }
}
