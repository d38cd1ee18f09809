import type { ConfigRule } from './rule';

/**
 * Proactive engagement means the Shield Response Team calls someone during an event: it needs Shield
 * enabled and at least one emergency contact (e-mail and E.164 phone, checked by the schema).
 */
export const shieldContacts: ConfigRule = {
  id: 'shield-contacts',
  check: (config) =>
    config.environments.flatMap(({ file, config: environment }) => {
      const { enabled, proactiveEngagement } = environment.shield;
      if (!proactiveEngagement.enabled) return [];
      const path = ['shield', 'proactiveEngagement'];
      return [
        ...(enabled
          ? []
          : [
              {
                file,
                path: [...path, 'enabled'],
                message: 'proactive engagement is on but Shield Advanced is off',
                fix: 'set shield.enabled: true, or turn proactive engagement off',
              },
            ]),
        ...(proactiveEngagement.contacts.length > 0
          ? []
          : [
              {
                file,
                path: [...path, 'contacts'],
                message: 'proactive engagement is on but no emergency contact is listed',
                fix: 'add contacts with email and phone (E.164, e.g. +12025550142), or set proactiveEngagement.enabled: false',
              },
            ]),
      ];
    }),
};
