import { describe, expect, it } from '@jest/globals';
import { canonicalTopic, canonicalTopics, SDGS, STI_TOPICS } from './taxonomy.js';

describe('the shared taxonomy', () => {
  it('has the 17 SDGs, numbered 1 to 17', () => {
    expect(SDGS.map((goal) => goal.number)).toEqual(
      Array.from({ length: 17 }, (_, index) => index + 1),
    );
    expect(SDGS[8]?.title).toBe('Industry, innovation and infrastructure');
  });

  it.each([
    ['technology transfer', 'Technology transfer'],
    ['  Technology-Transfer ', 'Technology transfer'],
    [
      'r & d and innovation for sustainable development',
      'R&D and innovation for sustainable development',
    ],
    ['STI ROADMAPS.', 'STI roadmaps'],
  ])('matches %p to the vocabulary as %p', (text, topic) => {
    expect(canonicalTopic(text)).toBe(topic);
    expect(STI_TOPICS).toContain(topic);
  });

  it('keeps unknown topics as free text instead of dropping them', () => {
    expect(canonicalTopic('  Quantum   policy ')).toBe('Quantum policy');
    expect(STI_TOPICS).not.toContain('Quantum policy');
    expect(
      canonicalTopics(['Technology transfer', 'technology transfer', 'Quantum policy']),
    ).toEqual(['Technology transfer', 'Quantum policy']);
  });
});
