/** The Hono environment every handler sees: the Worker's bindings plus per-request variables. */
export interface AppVariables {
  requestId: string;
  /** Set by the auth middleware: the account the API key belongs to. */
  accountId: string;
  apiKeyId: string;
}

export type AppEnv = { Bindings: Env; Variables: AppVariables };
