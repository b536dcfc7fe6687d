// Every alarm notifies one encrypted topic; an operator subscribes by e-mail with context alarmEmail.
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface AlarmTopicProps {
  email?: string;
}

export class AlarmTopic extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps = {}) {
    super(scope, id);
    // A customer managed key: the AWS managed SNS key does not let CloudWatch publish to the topic.
    const key = new Key(this, 'Key', {
      description: 'Encrypts Pusula alarm notifications',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    const cloudWatch = new ServicePrincipal('cloudwatch.amazonaws.com');
    key.grant(cloudWatch, 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', { displayName: 'Pusula alarms', masterKey: key, enforceSSL: true });
    // enforceSSL gives the topic a policy of its own, which replaces SNS's default one: without this
    // statement it holds only the Deny, and no alarm could publish. Only this account's alarms may.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [cloudWatch],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
  }

  /**
   * Alarms as soon as the metric is above zero: each of these is a failure someone must look at.
   * `scope` puts the alarm beside what it watches (a use case's nested stack); it still notifies this topic.
   */
  alarmAboveZero(id: string, metric: IMetric, description: string, scope: Construct = this): Alarm {
    return this.alarmAbove(id, metric, { threshold: 0, evaluationPeriods: 1 }, description, scope);
  }

  /** Alarms when the metric is above `threshold` for `evaluationPeriods` periods in a row. */
  alarmAbove(
    id: string,
    metric: IMetric,
    { threshold, evaluationPeriods }: { threshold: number; evaluationPeriods: number },
    description: string,
    scope: Construct = this,
  ): Alarm {
    const alarm = new Alarm(scope, id, {
      metric,
      alarmDescription: description,
      threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    return alarm;
  }
}
