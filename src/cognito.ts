/**
 * `agentcore-react/cognito`: presigned URLs from a Cognito identity pool's temporary
 * credentials, in the browser. Loads the AWS SDK's Cognito client on first use.
 *
 * @packageDocumentation
 */
export {
  cognitoUrlProvider,
  DEFAULT_COGNITO_REFRESH_MARGIN_MS,
  type CognitoLogins,
  type CognitoLoginsMap,
  type CognitoUrlProviderOptions,
} from "./providers/cognito/cognito-url-provider";
