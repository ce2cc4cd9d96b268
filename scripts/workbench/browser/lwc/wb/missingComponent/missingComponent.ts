import { LightningElement } from 'lwc';

// Presentation: stands in for a page's component while force-app has none for it yet.
export default class MissingComponent extends LightningElement {}
