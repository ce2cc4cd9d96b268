/** The one place the CLI names the engine's path: reports call these, never re-implement a rule. */
export * from '../../../force-app/main/default/lwc/psmsEngine/psmsEngine';
