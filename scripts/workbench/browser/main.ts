// Synthetic shadow first, as Lightning Experience loads it: base components and SLDS styles
// rely on it, and every later module must see the patched DOM.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import WorkbenchApp from './lwc/wb/app/app';

document.body.appendChild(createElement('wb-app', { is: WorkbenchApp }));
