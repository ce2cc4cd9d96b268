/** A refused request: the HTTP status and the one-line message the UI shows (as AuraHandledException does in the org). */
export class RequestError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 422,
    message: string
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export const badRequest = (message: string) => new RequestError(400, message);
export const notFound = (message: string) => new RequestError(404, message);
export const conflict = (message: string) => new RequestError(409, message);
