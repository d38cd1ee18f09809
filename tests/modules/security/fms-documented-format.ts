/**
 * The ManagedServiceData format of Firewall Manager policies as documented in the FMS API reference,
 * SecurityServicePolicyData (https://docs.aws.amazon.com/fms/2018-01-01/APIReference/API_SecurityServicePolicyData.html):
 *   WAFV2            "{"type":"WAFV2","preProcessRuleGroups":[{"ruleGroupArn":null,"overrideAction":{"type":"NONE"},
 *                     "managedRuleGroupIdentifier":{"versionEnabled":null,"version":null,"vendorName":"AWS","managedRuleGroupName":"…"},
 *                     "ruleGroupType":"ManagedRuleGroup","excludeRules":[],"sampledRequestsEnabled":true,
 *                     "ruleActionOverrides":[{"name":"Rule1","actionToUse":{"count":{}}}]}],"postProcessRuleGroups":[],
 *                     "defaultAction":{"type":"ALLOW"},"overrideCustomerWebACLAssociation":false,
 *                     "loggingConfiguration":{"logDestinationConfigs":["arn:aws:s3:::aws-waf-logs-example-bucket"],
 *                     "redactedFields":[{"redactedFieldType":"SingleHeader","redactedFieldValue":"Cookies"}]},
 *                     "sampledRequestsEnabledForDefaultActions":true,"optimizeUnassociatedWebACL":true}"
 *                    (examples "rule action override", "managed rule group versioning", "logging configurations").
 *   SHIELD_ADVANCED  for CloudFront: "{"type":"SHIELD_ADVANCED","automaticResponseConfiguration":
 *                    {"automaticResponseStatus":"ENABLED|IGNORED|DISABLED","automaticResponseAction":"BLOCK|COUNT"},
 *                    "overrideCustomerWebaclClassic":true|false}"; the action is only required when ENABLED.
 *   SECURITY_GROUPS_CONTENT_AUDIT  "{"type":"SECURITY_GROUPS_CONTENT_AUDIT","securityGroups":[{"id":"sg-…"}],
 *                    "securityGroupAction":{"type":"ALLOW|DENY"}}"
 * Written as JSON Schemas that reject any field the documentation does not name.
 */

const ruleGroup = {
  type: 'object',
  additionalProperties: false,
  required: ['ruleGroupArn', 'overrideAction', 'managedRuleGroupIdentifier', 'ruleGroupType', 'excludeRules'],
  properties: {
    ruleGroupArn: { type: ['string', 'null'] },
    overrideAction: { type: 'object', additionalProperties: false, required: ['type'], properties: { type: { enum: ['NONE', 'COUNT'] } } },
    managedRuleGroupIdentifier: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['version', 'vendorName', 'managedRuleGroupName'],
          properties: {
            versionEnabled: { type: 'boolean' },
            version: { type: ['string', 'null'] },
            vendorName: { const: 'AWS' },
            managedRuleGroupName: { type: 'string', pattern: '^AWSManagedRules[A-Za-z0-9]+$' },
          },
        },
      ],
    },
    ruleGroupType: { enum: ['ManagedRuleGroup', 'RuleGroup'] },
    excludeRules: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string' } } } },
    ruleActionOverrides: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'actionToUse'],
        properties: {
          name: { type: 'string' },
          actionToUse: { type: 'object', minProperties: 1, maxProperties: 1, propertyNames: { enum: ['allow', 'block', 'count', 'captcha', 'challenge'] } },
        },
      },
    },
    sampledRequestsEnabled: { type: 'boolean' },
  },
  // A managed group is named by its identifier, an own rule group by its ARN; overrides exist for managed groups only.
  if: { properties: { ruleGroupType: { const: 'ManagedRuleGroup' } } },
  then: { properties: { ruleGroupArn: { type: 'null' }, managedRuleGroupIdentifier: { type: 'object' } } },
  else: { properties: { ruleGroupArn: { type: 'string' }, managedRuleGroupIdentifier: { type: 'null' } }, not: { required: ['ruleActionOverrides'] } },
} as const;

export const WAFV2_MANAGED_SERVICE_DATA = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'preProcessRuleGroups', 'postProcessRuleGroups', 'defaultAction', 'overrideCustomerWebACLAssociation'],
  properties: {
    type: { const: 'WAFV2' },
    preProcessRuleGroups: { type: 'array', items: ruleGroup },
    postProcessRuleGroups: { type: 'array', items: ruleGroup },
    defaultAction: { type: 'object', additionalProperties: false, required: ['type'], properties: { type: { enum: ['ALLOW', 'BLOCK'] } } },
    overrideCustomerWebACLAssociation: { type: 'boolean' },
    loggingConfiguration: {
      type: 'object',
      additionalProperties: false,
      required: ['logDestinationConfigs'],
      properties: {
        // "you can specify one logDestinationConfigs"
        logDestinationConfigs: { type: 'array', minItems: 1, maxItems: 1, items: { type: 'string' } },
        redactedFields: {
          type: 'array',
          maxItems: 20,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['redactedFieldType'],
            // The example writes SingleHeader/Method; the prose names URI, QUERY_STRING, HEADER, METHOD.
            properties: {
              redactedFieldType: { enum: ['SingleHeader', 'Method', 'URI', 'QUERY_STRING', 'HEADER', 'METHOD'] },
              redactedFieldValue: { type: 'string' },
            },
          },
        },
      },
    },
    sampledRequestsEnabledForDefaultActions: { type: 'boolean' },
    optimizeUnassociatedWebACL: { type: 'boolean' },
  },
} as const;

export const SHIELD_ADVANCED_MANAGED_SERVICE_DATA = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'automaticResponseConfiguration'],
  properties: {
    type: { const: 'SHIELD_ADVANCED' },
    automaticResponseConfiguration: {
      type: 'object',
      additionalProperties: false,
      required: ['automaticResponseStatus'],
      properties: { automaticResponseStatus: { enum: ['ENABLED', 'IGNORED', 'DISABLED'] }, automaticResponseAction: { enum: ['BLOCK', 'COUNT'] } },
      if: { properties: { automaticResponseStatus: { const: 'ENABLED' } } },
      then: { required: ['automaticResponseAction'] },
      else: { not: { required: ['automaticResponseAction'] } },
    },
    overrideCustomerWebaclClassic: { type: 'boolean' },
  },
} as const;

export const SECURITY_GROUPS_CONTENT_AUDIT_MANAGED_SERVICE_DATA = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'securityGroups', 'securityGroupAction'],
  properties: {
    type: { const: 'SECURITY_GROUPS_CONTENT_AUDIT' },
    securityGroups: {
      type: 'array',
      minItems: 1,
      maxItems: 1,
      items: { type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string' } } },
    },
    securityGroupAction: { type: 'object', additionalProperties: false, required: ['type'], properties: { type: { enum: ['ALLOW', 'DENY'] } } },
  },
} as const;
