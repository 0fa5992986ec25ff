/**
 * The deployed directory: the Cognito user pool. Invitations are Cognito's own email
 * (AdminCreateUser with DesiredDeliveryMediums EMAIL); no custom attribute is ever written, so
 * nothing in the user's profile says which organisation they belong to: the membership does.
 */
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { directoryUnavailable, type IdentityDirectory } from './identity-directory.ts';

const UNAVAILABLE = new Set(['TooManyRequestsException', 'LimitExceededException', 'InternalErrorException', 'ThrottlingException']);

const subjectIn = (attributes: AttributeType[] | undefined) => attributes?.find((a) => a.Name === 'sub')?.Value;

export class CognitoDirectory implements IdentityDirectory {
  constructor(
    private readonly userPoolId: string,
    private readonly client = new CognitoIdentityProviderClient({}),
  ) {}

  async invite(person: { email: string; name: string }): Promise<string> {
    try {
      const created = await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: person.email,
          UserAttributes: [
            { Name: 'email', Value: person.email },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: person.name },
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
      const subject = subjectIn(created.User?.Attributes) ?? created.User?.Username;
      if (!subject) throw new Error('Cognito created a user without a sub');
      return subject;
    } catch (error) {
      if ((error as Error).name !== 'UsernameExistsException') throw classify(error);
      return this.existing(person.email);
    }
  }

  async disable(subject: string): Promise<void> {
    try {
      // The pool's usernames are the users' subs (email is a sign-in alias), so the sub names the user.
      await this.client.send(new AdminDisableUserCommand({ UserPoolId: this.userPoolId, Username: subject }));
    } catch (error) {
      if ((error as Error).name === 'UserNotFoundException') return;
      throw classify(error);
    }
  }

  /** A retried invitation, or a person removed from one organisation and invited to another. */
  private async existing(email: string): Promise<string> {
    try {
      const user = await this.client.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: email }));
      if (user.Enabled === false) await this.client.send(new AdminEnableUserCommand({ UserPoolId: this.userPoolId, Username: email }));
      const subject = subjectIn(user.UserAttributes) ?? user.Username;
      if (!subject) throw new Error('Cognito returned a user without a sub');
      return subject;
    } catch (error) {
      throw classify(error);
    }
  }
}

function classify(error: unknown): unknown {
  return UNAVAILABLE.has((error as Error).name) ? directoryUnavailable() : error;
}
