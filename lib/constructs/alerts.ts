/**
 * Where alerts go. The shortfall job puts two kinds of event on one EventBridge bus:
 *   - `ShortfallDetected`, one per newly flagged home: archived on the bus for a year (replayable
 *     into the bus for any consumer added later), and there for other systems' rules;
 *   - `ShortfallDigest`, one per store: a rule delivers its detail to the KMS-encrypted digest
 *     topic, whose email subscriptions (carestock:alertEmails → stores) filter on the store id.
 * So the job's function bundles one AWS client (EventBridge), and the topic's key lets EventBridge
 * use it (without that grant every delivery would fail silently).
 */
import { Duration } from 'aws-cdk-lib';
import { EventBus, Rule, RuleTargetInput } from 'aws-cdk-lib/aws-events';
import { SnsTopic } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, ServicePrincipal, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { FilterOrPolicy, SubscriptionFilter, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DIGEST_DETAIL_TYPE, EVENT_DETAIL_TYPE, EVENT_SOURCE } from '../../functions/shortfalls/alert-sink.ts';

export interface AlertsProps {
  /** Digest recipients by store id; `*` receives every store's digest. */
  readonly storeEmails?: Readonly<Record<string, readonly string[]>>;
}

export class Alerts extends Construct {
  readonly bus: EventBus;
  readonly digestTopic: Topic;
  readonly digestTopicKey: Key;
  readonly digestRule: Rule;
  /** Digests and alarm emails that could not be delivered (the rule's target, every subscription): it alarms. */
  readonly undeliveredQueue: Queue;

  constructor(scope: Construct, id: string, props: AlertsProps = {}) {
    super(scope, id);
    this.undeliveredQueue = new Queue(this, 'Undelivered', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.bus = new EventBus(this, 'Bus', { description: 'Carestock alerts: ShortfallDetected per home, ShortfallDigest per store' });
    this.bus.archive('ShortfallArchive', {
      description: 'Every ShortfallDetected event for a year, replayable into the bus',
      eventPattern: { source: [EVENT_SOURCE], detailType: [EVENT_DETAIL_TYPE] },
      retention: Duration.days(365),
    });

    this.digestTopicKey = new Key(this, 'TopicKey', { enableKeyRotation: true, description: 'Encrypts the Carestock digest topic' });
    // EventBridge supports no aws:SourceArn/SourceAccount condition on KMS for this delivery.
    this.digestTopicKey.addToResourcePolicy(
      new PolicyStatement({
        sid: 'EventBridgeDeliversDigests',
        principals: [new ServicePrincipal('events.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.digestTopic = new Topic(this, 'DigestTopic', {
      displayName: 'Carestock daily shortfall digest',
      masterKey: this.digestTopicKey,
      enforceSSL: true,
    });
    this.digestRule = new Rule(this, 'DigestToTopic', {
      eventBus: this.bus,
      description: 'Each store’s daily shortfall digest to the digest topic',
      eventPattern: { source: [EVENT_SOURCE], detailType: [DIGEST_DETAIL_TYPE] },
      targets: [new SnsTopic(this.digestTopic, { message: RuleTargetInput.fromEventPath('$.detail'), deadLetterQueue: this.undeliveredQueue, retryAttempts: 8 })],
    });
    for (const [storeId, emails] of Object.entries(props.storeEmails ?? {})) {
      for (const email of emails) {
        this.digestTopic.addSubscription(
          new EmailSubscription(email, {
            deadLetterQueue: this.undeliveredQueue,
            ...(storeId === '*' ? {} : { filterPolicyWithMessageBody: { storeId: FilterOrPolicy.filter(SubscriptionFilter.stringFilter({ allowlist: [storeId] })) } }),
          }),
        );
      }
    }
  }

  environment(): Record<string, string> {
    return { EVENT_BUS_NAME: this.bus.eventBusName };
  }

  grantPublish(grantee: IGrantable): void {
    this.bus.grantPutEventsTo(grantee);
  }
}
