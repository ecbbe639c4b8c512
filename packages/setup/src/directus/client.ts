/** The few Directus REST calls provisioning needs, with errors that say which call failed and why. */
export interface DirectusClient {
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
}

export function createDirectusClient(baseUrl: string, token: string): DirectusClient {
  return {
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(new URL(path, baseUrl), {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok)
        throw new Error(`Directus ${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
      return (text ? (JSON.parse(text) as { data: T }).data : undefined) as T;
    },
  };
}
