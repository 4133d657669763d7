// The renderer needs no browser permission (camera, notifications, USB, ...): every request and
// every check is answered no, so a compromised page cannot prompt for or use any of them. The
// clipboard's async API is among them; copy and paste of nodes then stay inside the app.
import type { Session } from 'electron';

/** The parts of a Session the handlers are set on, so tests can pass a fake. */
export type PermissionSession = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setDisplayMediaRequestHandler'
>;

export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
}
