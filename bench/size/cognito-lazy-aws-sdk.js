// What cognitoUrlProvider loads lazily on its first URL: the AWS SDK's Cognito credentials.
export { fromCognitoIdentityPool } from "@aws-sdk/credential-provider-cognito-identity";
