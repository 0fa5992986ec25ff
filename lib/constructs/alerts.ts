/**
 * Where alerts go: an event bus for ShortfallDetected events (other systems subscribe with rules)
 * and an encrypted SNS topic for the per-store daily digest. Stateful, kept apart from the API.
 */
import { EventBus } from 'aws-cdk-lib/aws-events';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export class Alerts extends Construct {
  readonly bus: EventBus;
  readonly digestTopic: Topic;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', { description: 'Carestock alerts: ShortfallDetected per home' });
    const key = new Key(this, 'TopicKey', { enableKeyRotation: true, description: 'Encrypts the Carestock digest topic' });
    this.digestTopic = new Topic(this, 'DigestTopic', {
      displayName: 'Carestock daily shortfall digest',
      masterKey: key,
      enforceSSL: true,
    });
  }

  environment(): Record<string, string> {
    return { EVENT_BUS_NAME: this.bus.eventBusName, DIGEST_TOPIC_ARN: this.digestTopic.topicArn };
  }

  grantPublish(grantee: IGrantable): void {
    this.bus.grantPutEventsTo(grantee);
    this.digestTopic.grantPublish(grantee);
  }
}
