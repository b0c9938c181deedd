import { LESSON_VM, QEMU_STOP, scenarioLink, WEB_WORKLOAD } from './links';
import type { Lesson } from './types';

/** A web server on 1 Gbit/s, alone on the link and then beside 600 Mbit/s of other traffic. */
const WEB_SERVER = { ...LESSON_VM, ...WEB_WORKLOAD, ...QEMU_STOP, 'network.capMbps': 0 };
const ALONE = scenarioLink(WEB_SERVER, { 'network.otherTrafficMbps': 0 });
const BUSY_LINK = scenarioLink(WEB_SERVER, { 'network.otherTrafficMbps': 600 });
const CAPPED = scenarioLink(WEB_SERVER, { 'network.otherTrafficMbps': 600, 'network.capMbps': 300 });

export const goals: Lesson = {
  id: 'goals',
  title: 'The four goals and throttling',
  summary: 'Downtime, total time, bytes and the impact on others: what a shared link and a bandwidth cap trade.',
  learned:
    'No setting wins all four goals: capping the migration protects other services and costs total time, and raising the cap mid-run buys the time back.',
  steps: [
    {
      title: 'Sharing the link',
      scenario: BUSY_LINK,
      highlight: 'network.otherTrafficMbps',
      body: [
        'Live migration juggles four goals: a short [[blackout|downtime]], a short total time, few bytes, and little [[impact]] on other services.',
        'Here other services on the source want 600 Mbit/s of the same 1 Gbit/s link. The link is shared fairly, so the migration gets about half of it and takes about 36 s instead of 18 s.',
      ],
      question: {
        kind: 'choice',
        prompt: 'Which of the four goals suffers most from the shared link?',
        choices: [
          {
            label: 'Total migration time',
            correct: true,
            why: 'With half the link, round 1 alone takes twice as long; the pause stays under the limit, since QEMU measures the bandwidth it really gets.',
          },
          {
            label: 'Downtime',
            correct: false,
            why: 'The stop threshold follows the measured bandwidth, so the pause still stays under the limit.',
          },
          {
            label: 'Bytes transferred',
            correct: false,
            why: 'A slower copy gives the guest more time to dirty pages, but the bytes grow only a little.',
          },
        ],
      },
      claims: [
        { says: '600 Mbit/s', figure: 'scenario.network.otherTrafficMbps', is: 600 },
        { says: '1 Gbit/s', figure: 'scenario.network.linkMbps', is: 1000 },
        { says: 'about half of it', figure: 'linkSharePct', min: 45, max: 55 },
        { says: 'about 36 s', figure: 'totalTimeS', min: 35, max: 37 },
        { says: 'instead of 18 s', figure: 'totalTimeS', of: ALONE, min: 17.5, max: 18.5 },
        { says: 'round 1 alone takes twice as long', figure: 'round1S', min: 1.9 * 17.4, max: 2.1 * 17.4 },
        { says: 'the pause stays under the limit', figure: 'downtimeMs', max: 300 },
      ],
    },
    {
      title: 'A bandwidth cap',
      scenario: CAPPED,
      highlight: 'network.capMbps',
      body: [
        'A [[bandwidth-cap]] of 300 Mbit/s keeps the migration from crowding the others out: they miss less of what they wanted to send.',
      ],
      question: {
        kind: 'choice',
        prompt: 'What does the cap cost?',
        choices: [
          {
            label: 'Time: the migration takes twice as long again',
            correct: true,
            why: 'At 300 Mbit/s round 1 takes about a minute, and pre-copy no longer converges before the cap on rounds: about 70 s in all.',
          },
          {
            label: 'Nothing: the migration just waits its turn',
            correct: false,
            why: 'Every second the copy is slowed is a second more of brownout for the guest.',
          },
        ],
      },
      claims: [
        { says: 'A [[bandwidth-cap]] of 300 Mbit/s', figure: 'scenario.network.capMbps', is: 300 },
        { says: 'they miss less of what they wanted to send', figure: 'othersStarvedPct', max: 12 },
        {
          says: 'they miss less of what they wanted to send',
          figure: 'othersStarvedPct',
          of: BUSY_LINK,
          min: 14,
        },
        { says: 'At 300 Mbit/s', figure: 'scenario.network.capMbps', is: 300 },
        { says: 'round 1 takes about a minute', figure: 'round1S', min: 50, max: 65 },
        { says: 'no longer converges before the cap on rounds', figure: 'stopReason', is: 'max-iterations' },
        { says: 'about 70 s in all', figure: 'totalTimeS', min: 68, max: 72 },
        { says: 'twice as long again', figure: 'totalTimeS', min: 1.9 * 36, max: 2.1 * 36 },
      ],
    },
    {
      title: 'Raising the cap mid-run',
      scenario: `${CAPPED}&iv=20000:network.capMbps:1000`,
      highlight: 'Timeline',
      body: [
        'At 20 s, once the busy hour is over, the operator raises the cap to 1000 Mbit/s: an [[intervention]], the flag on the timeline.',
        'The rest of the copy speeds up, pre-copy converges again and the migration ends after about 44 s.',
      ],
      claims: [
        { says: 'At 20 s', figure: 'scenario.interventions.0.atMs', is: 20000 },
        { says: 'raises the cap to 1000 Mbit/s', figure: 'scenario.interventions.0.value', is: 1000 },
        { says: 'pre-copy converges again', figure: 'converged', is: true },
        { says: 'after about 44 s', figure: 'totalTimeS', min: 43, max: 45 },
      ],
    },
  ],
};
