// Service module (no template): the one place that turns any error the platform hands a component into readable messages.

/** The shapes errors arrive in: Apex (body.message), UI API reads (body array), DML (pageErrors, fieldErrors), JS errors, strings. */
interface ErrorBody {
  message?: string;
  pageErrors?: { message?: string }[];
  fieldErrors?: Record<string, { message?: string }[]>;
}
interface PlatformError {
  body?: ErrorBody | ErrorBody[] | null;
  message?: string;
  statusText?: string;
}

function messagesOf(error: unknown): string[] {
  if (error == null) {
    return [];
  }
  if (typeof error === 'string') {
    return [error];
  }
  if (Array.isArray(error)) {
    return error.flatMap(messagesOf);
  }
  const platform = error as PlatformError;
  const body = platform.body;
  if (Array.isArray(body)) {
    return body.flatMap((item) => (item.message ? [item.message] : []));
  }
  if (body) {
    const messages: string[] = [];
    for (const page of body.pageErrors ?? []) {
      if (page.message) messages.push(page.message);
    }
    for (const field of Object.values(body.fieldErrors ?? {})) {
      for (const item of field) {
        if (item.message) messages.push(item.message);
      }
    }
    if (messages.length > 0) {
      return messages;
    }
    if (body.message) {
      return [body.message];
    }
  }
  if (platform.message) {
    return [platform.message];
  }
  return platform.statusText ? [platform.statusText] : [];
}

/** Every distinct message in one error or a list of them, in order. */
export function reduceErrors(errors: unknown): string[] {
  return [...new Set(messagesOf(errors).filter((message) => message.trim() !== ''))];
}
