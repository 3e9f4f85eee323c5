import { defineDockerRule } from '../define.js';
import { at, instructionsOf } from './helpers.js';

// Well-known variable names for credentials, and name fragments that suggest one.
const SENSITIVE_NAMES = new Set([
  'ACCESS_TOKEN',
  'APPLICATION_KEY',
  'APP_SECRET',
  'AUTH_TOKEN',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'BITTREX_API_KEY',
  'BITTREX_API_SECRET',
  'CF_PASSWORD',
  'CF_USERNAME',
  'CIRCLE_TOKEN',
  'CI_DEPLOY_PASSWORD',
  'CI_DEPLOY_USER',
  'DOCKERHUB_PASSWORD',
  'DOCKER_EMAIL',
  'DOCKER_PASSWORD',
  'DOCKER_USERNAME',
  'FACEBOOK_ACCESS_TOKEN',
  'FACEBOOK_APP_ID',
  'FACEBOOK_APP_SECRET',
  'FIREBASE_API_TOKEN',
  'FIREBASE_TOKEN',
  'FOSSA_API_KEY',
  'GH_ENTERPRISE_TOKEN',
  'GH_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  'GITHUB_TOKEN',
  'HEROKU_API_KEY',
  'HEROKU_API_USER',
  'NPM_AUTH_TOKEN',
  'NPM_TOKEN',
  'OKTA_AUTHN_GROUPID',
  'OKTA_CLIENT_ORGURL',
  'OKTA_CLIENT_TOKEN',
  'OKTA_OAUTH2_CLIENTID',
  'OKTA_OAUTH2_CLIENTSECRET',
  'OPENAI_API_KEY',
  'OS_PASSWORD',
  'OS_USERNAME',
  'POSTGRES_PASSWORD',
  'SLACK_TOKEN',
  'STRIPE_API_KEY',
  'STRIPE_DEVICE_NAME',
  'TRAVIS_OS_NAME',
  'TRAVIS_SECURE_ENV_VARS',
  'TRAVIS_SUDO',
  'VAULT_CLIENT_KEY',
  'VAULT_TOKEN',
]);
const SENSITIVE_FRAGMENTS = [
  'api_key',
  'client_key',
  'password',
  'private',
  'secret',
  'token',
  'username',
];

export function isSensitiveName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    SENSITIVE_NAMES.has(name.toUpperCase()) || SENSITIVE_FRAGMENTS.some((f) => lower.includes(f))
  );
}

export const noSecretsInArgEnv = defineDockerRule({
  meta: {
    id: 'DL3064',
    name: 'no-secrets-in-arg-env',
    severity: 'medium',
    title: 'Potentially sensitive data should not be used in the ARG or ENV commands',
    description: '`ARG` and `ENV` must not declare variables whose names suggest credentials.',
    rationale:
      'Build arguments and environment variables are stored in the image metadata and history: anyone who can pull the image can read them.',
    fix: 'Use a build secret instead:\n\n```dockerfile\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\n```',
    references: ['https://docs.docker.com/build/building/secrets/'],
  },
  check: (dockerfile) =>
    instructionsOf(dockerfile)
      .filter((instruction) => {
        if (instruction.keyword === 'ARG') {
          return isSensitiveName((instruction.words[0] ?? '').split('=')[0]);
        }
        return (
          instruction.keyword === 'ENV' &&
          (instruction.properties ?? []).some(({ name }) => isSensitiveName(name))
        );
      })
      .map((instruction) =>
        at(
          instruction,
          'Potentially sensitive data should not be used in the `ARG` or `ENV` commands',
        ),
      ),
});
