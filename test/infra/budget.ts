/** CloudFormation's limit is 500 resources a stack; Carestock keeps half of it free for what comes. */
export const RESOURCE_BUDGET = 250;
