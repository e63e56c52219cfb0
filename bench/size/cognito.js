// The Cognito provider as loaded up front; the AWS SDK comes later through import().
export { cognitoUrlProvider } from "../../dist/cognito.js";
