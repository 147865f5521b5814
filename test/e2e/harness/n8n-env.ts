import { selectedN8nVersion } from './provision';

/**
 * Environment for a quiet, isolated n8n 2.40.7 on loopback (platform notes 3.3, checked against the
 * 2.40.7 config classes): nothing phones home (no telemetry, version checks, banners, templates,
 * verified-community-node catalog), cookies work over plain HTTP, and the task-runner broker gets its
 * own port so two instances (or a user's own n8n on 5678/5679) never collide.
 */
export function quietN8nEnv(opts: {
  userFolder: string;
  port: number;
  brokerPort: number;
  host: string;
  encryptionKey: string;
}): Record<string, string> {
  const base = `http://${opts.host}:${opts.port}/`;
  return {
    N8N_USER_FOLDER: opts.userFolder,
    N8N_PORT: String(opts.port),
    N8N_LISTEN_ADDRESS: opts.host,
    N8N_HOST: opts.host,
    N8N_PROTOCOL: 'http',
    // 2.40.7 deprecates WEBHOOK_URL in favour of N8N_WEBHOOK_URL (it says so at boot).
    N8N_WEBHOOK_URL: base,
    N8N_EDITOR_BASE_URL: base,
    N8N_ENCRYPTION_KEY: opts.encryptionKey,
    N8N_SECURE_COOKIE: 'false',
    N8N_RUNNERS_BROKER_PORT: String(opts.brokerPort),
    N8N_RUNNERS_BROKER_LISTEN_ADDRESS: opts.host,
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
    N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
    EXTERNAL_FRONTEND_HOOKS_URLS: '',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_DYNAMIC_BANNERS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_HIRING_BANNER_ENABLED: 'false',
    // The verified-package catalog is fetched from n8n's servers at boot; unverified (npm-installed)
    // packages like ours stay enabled, explicitly, as 2.40.7 asks.
    N8N_VERIFIED_PACKAGES_ENABLED: 'false',
    N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
    N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
    N8N_COMMUNITY_PACKAGES_PREVENT_LOADING: 'false',
    // The MCP server registry refreshes from n8n's servers at boot and logs a stack trace when offline.
    // n8n 1.x has no such module and refuses to start when told to disable an unknown one.
    ...(selectedN8nVersion().startsWith('1.') ? {} : { N8N_DISABLED_MODULES: 'mcp-registry' }),
    N8N_PUBLIC_API_DISABLED: 'false',
    N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
    N8N_LOG_LEVEL: 'info',
    N8N_LOG_OUTPUT: 'console',
    NO_COLOR: '1',
    // The simulator listens on loopback; keep n8n's SSRF guard (if a later default turns it on) off for tests.
    N8N_SSRF_PROTECTION_ENABLED: 'false',
    // Executions are what the tests read back: keep every one, with its data.
    EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
    EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
    EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
    GENERIC_TIMEZONE: 'UTC',
    TZ: 'UTC',
  };
}
